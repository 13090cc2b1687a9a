// A benchmark file as the objective of calibrate and sensitivity: the arms its patterns need,
// what each replicate contributes (observer) and the scorecard distance of a point's runs
// (scoreRuns), all from the benchmark API of src/benchmarks. With --train-until the distance is
// the training part's (items that end by that date): calibration never sees the held-out period.

import type { PointObjective } from '../calibration/evaluatePoints.js';
import { benchmarkArms, loadBenchmarks, observer, scoreRuns, type Benchmarks, type Scorecard } from '../benchmarks/index.js';
import type { Scenario } from '../scenarios/types.js';

export interface BenchmarkObjective {
  benchmarks: Benchmarks;
  objective: PointObjective<number>;
  /** The full scorecard of a point's runs (train and test parts with trainUntil). */
  scorecard(runs: Float64Array[][]): Scorecard;
}

export async function benchmarkObjective(file: string, scenario: Scenario, cwd: string, options: { trainUntil?: string }): Promise<BenchmarkObjective> {
  return objectiveOf(await loadBenchmarks(file, scenario, { cwd }), options);
}

/** The objective of loaded benchmarks. */
export function objectiveOf(b: Benchmarks, options: { trainUntil?: string }): BenchmarkObjective {
  const scorecard = (runs: Float64Array[][]) => scoreRuns(b, runs, options.trainUntil === undefined ? {} : { trainUntil: options.trainUntil });
  return {
    benchmarks: b,
    scorecard,
    objective: {
      arms: benchmarkArms(b),
      observe: (compiled, arm) => observer(compiled, b, arm),
      reduce: (runs) => {
        const card = scorecard(runs);
        return options.trainUntil === undefined ? card.distance : (card.train?.distance ?? card.distance);
      },
    },
  };
}
