// The simulation worker and the commands sent to it. Every command is answered by one frame or
// one error, in order, so the page counts what is in flight: steps (to keep the worker a frame or
// two ahead of the screen) and other commands (to show the busy indicator while they run).

import type { Command, NewAction } from '../protocol.js';
import { $, state } from './state.js';

export const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });

export function send(command: Command): void {
  if (command.type === 'step') state.inflightSteps++;
  else busy(+1);
  state.pending.push(command.type);
  worker.postMessage(command);
}

export function answered(): void {
  if (state.pending.shift() === 'step') state.inflightSteps--;
  else busy(-1);
}

function busy(delta: number): void {
  state.busyCommands = Math.max(0, state.busyCommands + delta);
  const el = $('busy');
  if (state.busyCommands === 0) el.hidden = true;
  else setTimeout(() => (el.hidden = state.busyCommands === 0), 200);
}

export function act(action: NewAction): void {
  if (!state.current) return;
  send({ type: 'act', action });
}
