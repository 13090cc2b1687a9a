// Worker-thread entry of the replicate pool (pool.ts): one task = one replicate, run by the very
// same runReplicate as the in-process path, so results are bit-identical whichever thread runs
// them. The compiled scenario arrives as a SharedArrayBuffer and is deserialised once per worker
// and scenario hash (a sweep cycles through several, hence a small cache). The result carries the
// replicate's summary record too.
//
// The daily arrays (23 MB for western-balkans) live on SharedArrayBuffers: posting the result
// shares them with the main thread instead of copying, and the main thread hands them back with a
// later task to be overwritten (src/run/dailyArrayPool.ts). They are not *transferred*, because
// transferring detaches the buffer in this thread, and the first detached buffer invalidates V8's
// ArrayBufferDetaching protector for the whole isolate (`node --trace-protector-invalidation`):
// from then on every optimised typed-array access carries a detach check, and the kernel ran
// 20–28% slower in thread CPU than the same replicates in a worker that never detached
// (bench/DECLARATION.md, "bench/parallel.mjs"). The other arrays are small and simply copied.

import type { CompiledScenario } from '../model/compiled.js';
import type { DailyArrays } from '../model/recorder.js';
import { BORDER_METRICS, COUNTRY_METRICS, TOTAL_METRICS } from '../model/result.js';
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
  /** Daily arrays (on SharedArrayBuffers) of an aggregated replicate, to be overwritten (dailyArrayPool.ts). */
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

/** Zeroed daily arrays on SharedArrayBuffers, of the lengths the recorder expects. */
function sharedDailyArrays(compiled: CompiledScenario): DailyArrays {
  const { days } = compiled;
  const shared = (length: number) => new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT));
  return {
    borderDaily: shared(BORDER_METRICS.length * compiled.network.borderIds.length * days),
    countryDaily: shared(COUNTRY_METRICS.length * compiled.network.countryIds.length * days),
    totalDaily: shared(TOTAL_METRICS.length * days),
  };
}

export default function runReplicateTask(task: ReplicateTask): PooledResult {
  const { compiled, layout } = compiledFor(task.scenario);
  const replicate = runReplicate(compiled, task.seed, task.replicate, task.reuse ?? sharedDailyArrays(compiled));
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
  return result;
}
