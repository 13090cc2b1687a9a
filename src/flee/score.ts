// Scores a scenario that runs under Flee's rules against a benchmark file's camp series with
// Flee's averaged relative difference, over every day of the period: one ARD per replicate (as
// FabFlee's ensemble validation does, summarised by mean, sd, min and max) and the ARD of the
// replicates' mean camp series. Observed values are interpolated per day as Flee does.

import type { FleeCompiledScenario } from '../model/flee/compileRules.js';
import { runFleeReplicateWithLocations } from '../model/flee/runFleeReplicate.js';
import { interpolateFlee, toDayPoints } from '../model/flee/series.js';
import { RUN_SCALARS } from '../model/result.js';
import { pointer, type ScenarioProblem } from '../scenarios/errors.js';
import { averagedRelativeDifference } from './ard.js';
import type { Benchmark } from './benchmark.js';

export interface Spread {
  mean: number;
  sd: number;
  min: number;
  max: number;
}

export interface FleeScore {
  scenario: string;
  source: string;
  seed: number;
  runs: number;
  days: number;
  /** Node ids scored. */
  camps: string[];
  /** ARD per replicate, summarised across replicates. */
  ard: { raw: Spread; rescaled: Spread };
  /** ARD of the replicates' mean camp series. */
  ensembleMeanArd: { raw: number; rescaled: number };
  /** Per camp, on the last day: observed, and simulated (mean over replicates). */
  lastDay: { camp: string; observed: number; simulated: number }[];
  agentSteps: number;
}

/** Problems with the benchmark's entities for this scenario (JSON paths into the benchmark). */
export function benchmarkScenarioProblems(benchmark: Benchmark, nodeIds: readonly string[], file: string): ScenarioProblem[] {
  const out: ScenarioProblem[] = [];
  const known = new Set(nodeIds);
  benchmark.series.forEach((s, i) => {
    if (s.metric === 'present' && !known.has(s.entity)) out.push({ file, path: pointer('series', i, 'entity'), message: `unknown node "${s.entity}" (not in the scenario)` });
  });
  if (!benchmark.series.some((s) => s.metric === 'present')) out.push({ file, path: pointer('series'), message: 'has no "present" series to score' });
  return out;
}

/** Observed values of a series on each of `days` days from `startDate`. */
export function observedDaily(points: { date: string; value: number }[], startDate: string, days: number): Float64Array {
  const p = toDayPoints(Object.fromEntries(points.map((x) => [x.date, x.value])), startDate);
  return Float64Array.from({ length: days }, (_, t) => interpolateFlee(p, t));
}

function spread(values: number[]): Spread {
  const n = values.length;
  const mean = values.reduce((s, x) => s + x, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, sd, min: Math.min(...values), max: Math.max(...values) };
}

export function scoreFlee(
  compiled: FleeCompiledScenario,
  benchmark: Benchmark,
  options: { runs: number; seed: number; firstReplicate?: number; onReplicate?: (done: number) => void },
): FleeScore {
  const days = compiled.days;
  const present = benchmark.series.filter((s) => s.metric === 'present');
  const nodeOf = present.map((s) => compiled.network.nodeIds.indexOf(s.entity));
  const observed = present.map((s) => observedDaily(s.points, compiled.startDate, days));
  const meanSeries = present.map(() => new Float64Array(days));
  const raw: number[] = [];
  const rescaled: number[] = [];
  let agentSteps = 0;
  const first = options.firstReplicate ?? 0;
  for (let k = 0; k < options.runs; k++) {
    const { result, locationDaily } = runFleeReplicateWithLocations(compiled, options.seed, first + k);
    agentSteps += result.scalars[RUN_SCALARS.indexOf('agentSteps')];
    const simulated = nodeOf.map((n) => locationDaily.subarray(n * days, (n + 1) * days));
    simulated.forEach((s, c) => {
      for (let t = 0; t < days; t++) meanSeries[c][t] += s[t] / options.runs;
    });
    const ard = averagedRelativeDifference(simulated, observed, days);
    raw.push(ard.raw);
    rescaled.push(ard.rescaled);
    options.onReplicate?.(k + 1);
  }
  const ensemble = averagedRelativeDifference(meanSeries, observed, days);
  return {
    scenario: compiled.id,
    source: benchmark.source,
    seed: options.seed,
    runs: options.runs,
    days,
    camps: present.map((s) => s.entity),
    ard: { raw: spread(raw), rescaled: spread(rescaled) },
    ensembleMeanArd: { raw: ensemble.raw, rescaled: ensemble.rescaled },
    lastDay: present.map((s, c) => ({ camp: s.entity, observed: observed[c][days - 1], simulated: meanSeries[c][days - 1] })),
    agentSteps,
  };
}
