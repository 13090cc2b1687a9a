// Sensitivity outputs that are summary.json metrics (`totals.arrivals`, `borders.BA-HR.exitShare`,
// docs/outputs.md): a replicate's value is its per-run record entry (src/run/runRecord.ts, the
// code behind summary.json), and a point's value the mean over its replicates (runs where the
// value is undefined, such as a share with nothing crossing, are left out, as in summary.json).

import { CliError } from '../cli/io.js';
import type { CompiledScenario } from '../model/compiled.js';
import { recordLayout, runRecord } from '../run/runRecord.js';
import type { PointObjective } from '../calibration/evaluatePoints.js';

/** Check metric paths against a compiled scenario's record layout; CliError naming the unknown one. */
export function checkMetricPaths(compiled: CompiledScenario, paths: readonly string[]): void {
  const layout = recordLayout(compiled);
  for (const path of paths) {
    if (!layout.index.has(path)) {
      const examples = [...layout.index.keys()].filter((k) => k.startsWith(path.split('.')[0])).slice(0, 4);
      throw new CliError(`--outputs: "${path}" is not a summary.json metric of this scenario (e.g. ${examples.join(', ')}; docs/outputs.md)`);
    }
  }
}

export function metricObjective(paths: readonly string[]): PointObjective<number[]> {
  return {
    arms: [[]],
    observe(compiled) {
      const layout = recordLayout(compiled);
      const indices = paths.map((p) => layout.index.get(p) as number);
      return (r) => {
        const record = runRecord(compiled, layout, r);
        return Float64Array.from(indices, (i) => record[i]);
      };
    },
    reduce(runs) {
      return paths.map((_, m) => {
        let sum = 0;
        let n = 0;
        for (const obs of runs[0]) {
          if (Number.isNaN(obs[m])) continue;
          sum += obs[m];
          n++;
        }
        return n > 0 ? sum / n : NaN;
      });
    },
  };
}
