// Writing the run (spec and day) into the URL hash, so that a link reopens the same run. Writes are
// sequenced: only the latest encoding lands, and an unchanged hash is not written again.

import { encodeState } from '../urlState.js';
import { state } from './state.js';

let hashSequence = 0;

export function writeHash(now: number): void {
  if (!state.spec || !state.current) return;
  state.lastHashWrite = now;
  const sequence = ++hashSequence;
  void encodeState({ spec: state.spec, day: state.current.day }).then((hash) => {
    if (sequence !== hashSequence || hash === state.writtenHash) return;
    state.writtenHash = hash;
    replaceHash(hash);
  });
}

function replaceHash(hash: string): void {
  window.history.replaceState(null, '', `#${hash}`);
}
