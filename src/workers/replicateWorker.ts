// Worker-thread entry of the replicate pool (pool.ts): one task = one replicate, run by the very
// same runReplicate as the in-process path, so results are bit-identical whichever thread runs
// them. The compiled scenario arrives as a SharedArrayBuffer and is deserialised once per worker
// and scenario hash (a sweep cycles through several, hence a small cache). The result's typed
// arrays go back transferred, not copied (~15 µs whatever their size, against ~0.6 ms to clone
// the 1.4 MB of a western-balkans replicate).

import { move, transferableSymbol, valueSymbol } from 'piscina';
import type { CompiledScenario } from '../model/compiled.js';
import type { ReplicateResult } from '../model/result.js';
import { runReplicate } from '../model/runReplicate.js';
import { unshareScenario, type SharedScenario } from './sharedScenario.js';

export interface ReplicateTask {
  scenario: SharedScenario;
  seed: number;
  replicate: number;
}

/** Scenarios kept per worker; a sweep point evicts the oldest. */
const CACHE_SIZE = 4;
const cache = new Map<string, CompiledScenario>();

function compiledFor(shared: SharedScenario): CompiledScenario {
  let compiled = cache.get(shared.hash);
  if (compiled === undefined) {
    compiled = unshareScenario(shared);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(shared.hash, compiled);
  }
  return compiled;
}

export default function runReplicateTask(task: ReplicateTask): unknown {
  const result = runReplicate(compiledFor(task.scenario), task.seed, task.replicate);
  const buffers = new Set<ArrayBuffer>();
  for (const array of [result.borderDaily, result.countryDaily, result.totalDaily, result.scalars, result.nodeDaily]) {
    if (array === undefined) continue;
    if (array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  }
  // A Transferable (the buffers to move, and the value they belong to) marked by move().
  return move({ [transferableSymbol]: [...buffers], [valueSymbol]: result satisfies ReplicateResult } as never);
}
