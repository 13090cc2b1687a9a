// Worker-thread entry of the replicate pool (pool.ts): one task = one replicate, run by the very
// same runReplicate as the in-process path, so results are bit-identical whichever thread runs
// them. The compiled scenario arrives as a SharedArrayBuffer and is deserialised once per worker
// and scenario hash (a sweep cycles through several, hence a small cache). The result's typed
// arrays go back transferred, not copied (~15 µs whatever their size, against ~0.6 ms to clone
// the 1.4 MB of a western-balkans replicate). The result carries the replicate's summary record too.

import { move, transferableSymbol, valueSymbol } from 'piscina';
import type { CompiledScenario } from '../model/compiled.js';
import type { DailyArrays } from '../model/recorder.js';
import type { ReplicateResult } from '../model/result.js';
import { runReplicate } from '../model/runReplicate.js';
import { recordLayout, runRecord, type PooledResult, type RecordLayout } from '../run/runRecord.js';
import { reduceResult, type SeriesResolution } from '../run/seriesResolution.js';
import { unshareScenario, type SharedScenario } from './sharedScenario.js';

export interface ReplicateTask {
  scenario: SharedScenario;
  seed: number;
  replicate: number;
  /** Also reduce the daily series to this resolution for series.csv (week, month). */
  seriesResolution?: SeriesResolution;
  /** Daily arrays of an aggregated replicate, transferred here to be overwritten (dailyArrayPool.ts). */
  reuse?: DailyArrays;
}

/** Scenarios kept per worker; a sweep point evicts the oldest. */
const CACHE_SIZE = 4;
const cache = new Map<string, { compiled: CompiledScenario; layout: RecordLayout }>();

function compiledFor(shared: SharedScenario): { compiled: CompiledScenario; layout: RecordLayout } {
  let entry = cache.get(shared.hash);
  if (entry === undefined) {
    const compiled = unshareScenario(shared);
    entry = { compiled, layout: recordLayout(compiled) };
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(shared.hash, entry);
  }
  return entry;
}

export default function runReplicateTask(task: ReplicateTask): unknown {
  const { compiled, layout } = compiledFor(task.scenario);
  const replicate = runReplicate(compiled, task.seed, task.replicate, task.reuse);
  // The per-run record of summary.json (runRecord.ts) is computed here, where it overlaps with the
  // other workers, rather than on the main thread, which aggregates every result in turn: 5–6 ms
  // of main-thread CPU per western-balkans replicate (bench/aggregation.mjs). Same function, same
  // inputs, so the same bits as computing it there.
  // Likewise the weekly or monthly series (14 ms per replicate by weeks).
  const resolution = task.seriesResolution;
  const result: PooledResult = {
    ...replicate,
    record: runRecord(compiled, layout, replicate),
    ...(resolution === undefined || resolution === 'day' ? {} : { periods: { resolution, arrays: reduceResult(compiled, replicate, resolution) } }),
  };
  const buffers = new Set<ArrayBuffer>();
  const arrays = [result.borderDaily, result.countryDaily, result.totalDaily, result.scalars, result.nodeDaily, result.record, ...(result.periods?.arrays ?? [])];
  for (const array of arrays) {
    if (array?.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  }
  // A Transferable (the buffers to move, and the value they belong to) marked by move().
  return move({ [transferableSymbol]: [...buffers], [valueSymbol]: result satisfies ReplicateResult } as never);
}
