// The Web Worker: the demo's simulation (session.ts) behind postMessage. The built-in scenarios and
// the schema are bundled in at build time, so the worker needs no network and no file system.

import { createSession, type Outgoing } from '../session.js';
import type { Command } from '../protocol.js';
import { createValidator } from '../../scenarios/validator.js';

const PREFIX = '../../../scenarios/';
const bundled = import.meta.glob('../../../scenarios/**/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;
const files = new Map(Object.entries(bundled).map(([path, data]) => [path.slice(PREFIX.length), data]));

interface WorkerScope {
  onmessage: ((event: MessageEvent<Command>) => void) | null;
  postMessage(message: unknown): void;
}
const scope = self as unknown as WorkerScope;

const session = createSession({
  library: { files, validator: createValidator(files.get('schema.json') as object) },
  now: () => performance.now(),
});

function send(out: Outgoing): void {
  scope.postMessage(out.reply);
}

scope.onmessage = (event) => {
  for (const out of session.handle(event.data)) send(out);
};
send(session.ready());
