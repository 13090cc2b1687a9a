// Observed series to score a run against (docs/flee.md, "Benchmark files"): a small JSON format
//   { "source": "...", "scenario": "<id>", "series": [ { "entity", "metric", "points": [{ "date", "value" }] } ] }
// where `entity` is a node id (or "total"), `metric` is what was observed ("present": people at the
// place at the end of the day; "displacedTotal": the total displaced), and points are observations
// on dates (values in between are interpolated as Flee does). import-flee writes one from Flee's
// validation folder; score-flee reads it.

import { isRealDate } from '../scenarios/dates.js';
import { ScenarioError, pointer, type ScenarioProblem } from '../scenarios/errors.js';
import { readJson } from '../scenarios/readJson.js';

export const BENCHMARK_METRICS = ['present', 'displacedTotal'] as const;
export type BenchmarkMetric = (typeof BENCHMARK_METRICS)[number];

export interface BenchmarkSeries {
  /** A node id of the scenario, or "total". */
  entity: string;
  /** The place's name in the source, for people reading the file. */
  name?: string;
  metric: BenchmarkMetric;
  points: { date: string; value: number }[];
}

export interface Benchmark {
  /** Where the observations come from. */
  source: string;
  /** Id of the scenario the entities belong to. */
  scenario?: string;
  series: BenchmarkSeries[];
}

/** Problems of a parsed benchmark file, with JSON paths. */
export function benchmarkProblems(data: unknown, file: string): ScenarioProblem[] {
  const out: ScenarioProblem[] = [];
  const add = (message: string, ...segments: (string | number)[]) => out.push({ file, path: pointer(...segments), message });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    out.push({ file, path: '', message: 'must be a JSON object with "source" and "series"' });
    return out;
  }
  const b = data as Record<string, unknown>;
  for (const key of Object.keys(b)) if (!['source', 'scenario', 'series'].includes(key)) add(`unknown property "${key}" (allowed: source, scenario, series)`, key);
  if (typeof b.source !== 'string') add('must be a string', 'source');
  if (b.scenario !== undefined && typeof b.scenario !== 'string') add('must be a string', 'scenario');
  if (!Array.isArray(b.series)) {
    add('must be an array', 'series');
    return out;
  }
  b.series.forEach((s: unknown, i) => {
    if (s === null || typeof s !== 'object' || Array.isArray(s)) return add('must be an object', 'series', i);
    const series = s as Record<string, unknown>;
    for (const key of Object.keys(series)) {
      if (!['entity', 'name', 'metric', 'points'].includes(key)) add(`unknown property "${key}" (allowed: entity, name, metric, points)`, 'series', i, key);
    }
    if (typeof series.entity !== 'string' || series.entity === '') add('must be a non-empty string', 'series', i, 'entity');
    if (series.name !== undefined && typeof series.name !== 'string') add('must be a string', 'series', i, 'name');
    if (!BENCHMARK_METRICS.includes(series.metric as BenchmarkMetric)) add(`must be one of ${BENCHMARK_METRICS.map((m) => `"${m}"`).join(', ')}`, 'series', i, 'metric');
    if (!Array.isArray(series.points)) return add('must be an array', 'series', i, 'points');
    let previous = '';
    series.points.forEach((p: unknown, j) => {
      const point = (p ?? {}) as Record<string, unknown>;
      if (typeof point.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(point.date) || !isRealDate(point.date)) {
        add('must be an ISO date YYYY-MM-DD', 'series', i, 'points', j, 'date');
      } else if (point.date <= previous) {
        add(`dates must increase (${point.date} after ${previous})`, 'series', i, 'points', j, 'date');
      } else {
        previous = point.date;
      }
      if (typeof point.value !== 'number' || !Number.isFinite(point.value) || point.value < 0) add('must be a number >= 0', 'series', i, 'points', j, 'value');
    });
  });
  return out;
}

/** Read and check a benchmark file; a ScenarioError names the file and JSON path of each problem. */
export async function readBenchmark(abs: string, shown: string): Promise<Benchmark> {
  const data = await readJson(abs, shown);
  const problems = benchmarkProblems(data, shown);
  if (problems.length > 0) throw new ScenarioError(problems);
  return data as Benchmark;
}
