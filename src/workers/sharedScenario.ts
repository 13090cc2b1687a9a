// A compiled scenario prepared for worker threads: serialised once (v8 structured serialisation,
// which keeps the typed-array columns) into a SharedArrayBuffer and named by the SHA-256 of those
// bytes. Every task carries the buffer, but posting a SharedArrayBuffer shares memory rather than
// copying it (~10 µs, shared/research/anchors-perf-aesthetics.md §A4.2), and a worker deserialises
// it only the first time it meets the hash (replicateWorker.ts). For western-balkans the bytes are
// 45 KB: cloning them into every task would cost ~0.3 ms each way, 0.6% of an 87 ms replicate.

import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import type { CompiledScenario } from '../model/compiled.js';

export interface SharedScenario {
  /** SHA-256 (hex) of the serialised compiled scenario. */
  hash: string;
  bytes: SharedArrayBuffer;
}

export function shareScenario(compiled: CompiledScenario): SharedScenario {
  const serialised = serialize(compiled);
  const bytes = new SharedArrayBuffer(serialised.length);
  new Uint8Array(bytes).set(serialised);
  return { hash: createHash('sha256').update(serialised).digest('hex'), bytes };
}

export function unshareScenario(shared: SharedScenario): CompiledScenario {
  // deserialize needs a Buffer-like view; copying 45 KB once per worker and scenario is negligible.
  return deserialize(Buffer.from(new Uint8Array(shared.bytes))) as CompiledScenario;
}
