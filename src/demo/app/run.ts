// Starting a run: loading a spec into the worker, opening the run a link describes (the URL hash),
// falling back to the default scenario, and reloading the current run with a changed setting.

import type { RunSpec } from '../protocol.js';
import { decodeState } from '../urlState.js';
import { send } from './commands.js';
import { showMessage } from './files.js';
import { setPlaying } from './playback.js';
import { state } from './state.js';

export function load(next: RunSpec, day: number): void {
  setPlaying(false);
  state.queue.length = 0;
  send({ type: 'load', spec: next, day });
}

export function loadDefault(): void {
  state.triedDefault = true;
  const b = state.builtins.find((x) => x.id === 'western-balkans') ?? state.builtins[0];
  if (b) load({ source: { kind: 'builtin', id: b.id }, seed: seedOf(b.id), peoplePerAgent: null, history: true, actions: [] }, 1);
}

/** The seed written in a built-in file (the command line's default), else 1. */
export function seedOf(id: string): number {
  return state.builtins.find((b) => b.id === id)?.seed ?? 1;
}

export async function startFromUrl(): Promise<void> {
  try {
    const decoded = await decodeState(location.hash);
    if (decoded) {
      state.writtenHash = location.hash.replace(/^#/, '');
      load(decoded.spec, decoded.day);
      return;
    }
  } catch (error) {
    showMessage(`This link cannot be opened: ${(error as Error).message}`, []);
  }
  loadDefault();
}

window.addEventListener('hashchange', () => {
  if (location.hash.replace(/^#/, '') !== state.writtenHash) void startFromUrl();
});

export function reloadWith(change: Partial<RunSpec>): void {
  if (!state.spec) return;
  load({ ...state.spec, ...change }, state.current?.day ?? 1);
}
