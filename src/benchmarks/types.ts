// The shapes of the benchmark evaluation API (docs/benchmarks.md), shared by `check` and by
// `calibrate`/`sensitivity`:
//
//   loadBenchmarks(file, scenario)      → Benchmarks   parsed, schema- and scenario-checked (load.ts)
//   benchmarkArms(b)                    → Override[][] arm 0 = [] (the scenario as given), then one
//                                                      arm per value of each monotone item (arms.ts)
//   compileArms(scenario, b, shown)     → CompiledScenario[] one per arm, ready to run (arms.ts)
//   observer(compiledArm, b, arm)       → (r: ReplicateResult) => Float64Array of observables: a
//                                         few numbers per replicate, so memory does not grow with
//                                         the days of a run (observer.ts)
//   scoreRuns(b, runs[arm][replicate])  → Scorecard (scoreRuns.ts)
//   evaluateBenchmarks(scenario, b, …)  → Scorecard: all of the above on the worker pool, every arm
//                                         with the same replicate seeds (evaluate.ts)
//
// Items are stored as written in the file (JSON Schema benchmarks/schema.json), plus what loading
// resolved (day windows, arm indices), so a Benchmarks value is plain data.

import type { Override } from '../run/overrides.js';

/** "total", a country code ("BA"), a border id ("RS-HU"), or a route: border ids summed. */
export type Entity = string | string[];

/** A metric of an entity, optionally as a share of the same metric over `shareOf` borders. */
export interface Quantity {
  metric: string;
  entity: Entity;
  shareOf?: string[];
}

export interface DateWindow {
  from: string;
  to: string;
}

export interface ItemSource {
  /** The document (a file under shared/, or a citation). */
  document: string;
  /** Where in it: section, lines. */
  where: string;
}

interface ItemBase {
  id: string;
  /** > 0; items count in the overall score and distance in proportion to it. */
  weight: number;
  source: ItemSource;
  description?: string;
}

export interface SeriesPoint {
  /** "2015" (yearly) or "2015-09" (monthly). */
  period: string;
  value: number;
  note?: string;
}

export interface SeriesItem extends ItemBase, Quantity {
  kind: 'series';
  window: 'yearly' | 'monthly';
  points: SeriesPoint[];
  /** Pass when the ARD (raw) of the ensemble mean is at most this; default DEFAULT_SERIES_TOLERANCE. */
  tolerance?: number;
}

export interface DirectionalItem extends ItemBase, Quantity {
  kind: 'directional';
  /** Id of an event of the scenario. */
  event: string;
  direction: 'rise' | 'fall';
  change: { absolute: number } | { relative: number };
  withinDays: number;
  beforeDays?: number;
}

export interface ComparativeItem extends ItemBase {
  kind: 'comparative';
  before: DateWindow;
  after: DateWindow;
  direction: 'rise' | 'fall';
  a: Quantity;
  b: Quantity;
  margin?: number;
}

export interface MonotoneItem extends ItemBase, Quantity {
  kind: 'monotone';
  /** A --set path (src/run/overrides.ts). */
  parameter: string;
  values: number[];
  window: DateWindow;
  direction: 'rise' | 'fall';
}

/** A Flee benchmark file (src/flee/benchmark.ts) scored as one item with Flee's ARD. */
export interface FleeItem extends ItemBase {
  kind: 'flee';
  /** Node ids of the camps with a "present" series, and their observed points. */
  camps: { node: string; points: { date: string; value: number }[] }[];
}

export type BenchmarkItem = SeriesItem | DirectionalItem | ComparativeItem | MonotoneItem | FleeItem;
export type ItemKind = BenchmarkItem['kind'];

export const DEFAULT_SERIES_TOLERANCE = 0.5;
export const DEFAULT_FLEE_TOLERANCE = 0.5;

export interface Benchmarks {
  /** The file as shown to the user. */
  file: string;
  /** "routeshift" for benchmarks/schema.json files, "flee" for import-flee's format. */
  format: 'routeshift' | 'flee';
  id: string;
  description: string;
  /** The scenario id the file says it was written for, if it says. */
  scenario?: string;
  /** Scenario period the windows were resolved against. */
  period: { start: string; end: string };
  /** Dates of the scenario's events by id (directional items start there). */
  events: Record<string, string>;
  items: BenchmarkItem[];
  /** Arm 0 is the scenario as given; monotone values add one arm each (shared when equal). */
  arms: Override[][];
  /** Per item (same order): for a monotone item, the arm of each value; else [0]. */
  itemArms: number[][];
}

/** A tested quantity across replicates: mean with its 95% t-interval (null below 2 runs). */
export interface Estimate {
  mean: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  runs: number;
}

export interface ScorecardPoint {
  /** A series period ("2015", "2015-09") or a Flee observation ("camp@2015-09-01"). */
  label: string;
  /** Last date the point covers (for --train-until). */
  end: string;
  observed: number;
  mean: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  p05: number | null;
  p95: number | null;
  crps: number | null;
  covered: boolean | null;
}

export interface SeriesErrors {
  /** Averaged relative difference (Flee §1.4), raw and rescaled: each replicate's ARD over the
   * points (Flee items: over the days and camps), averaged over the replicates as FabFlee's
   * ensemble validation (and score-flee's ard.*.mean) does. */
  ardRaw: number | null;
  ardRescaled: number | null;
  /** Mean CRPS over the points, in the metric's units, and relative to max(|observed|, 1). */
  crps: number | null;
  crpsRelative: number | null;
  /** Share of points whose observed value lies inside the simulated p05–p95 band. */
  coverage: number | null;
}

export interface ScorecardItem {
  kind: ItemKind;
  id: string;
  weight: number;
  pass: boolean;
  /** In [0, 1] for patterns, ≥ 0 for series: this item's term in the distance. */
  distance: number;
  /** What is asserted, in words ("rises by ≥ 0.2", "ARD ≤ 0.5"). */
  expected: string;
  /** The tested quantity and its Monte Carlo interval. */
  value: Estimate;
  source: ItemSource;
  description?: string;
  /** Last date the item looks at. */
  end: string;
  /** Series and Flee items. */
  errors?: SeriesErrors;
  points?: ScorecardPoint[];
  /** Patterns: the numbers behind the tested value (pre/post means, per-arm means …). */
  detail?: Record<string, number | null | (number | null)[]>;
}

export interface ScorePart {
  distance: number;
  score: number;
  items: number;
}

export interface Scorecard {
  benchmarks: string;
  /** Σ weight × item distance / Σ weight (docs/benchmarks.md); 0 is a perfect fit. */
  distance: number;
  /** Σ weight × pass / Σ weight, in [0, 1]. */
  score: number;
  runs: number;
  trainUntil?: string;
  train?: ScorePart;
  test?: ScorePart;
  items: ScorecardItem[];
}
