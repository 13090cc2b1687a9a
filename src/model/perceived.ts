// Perceived enforcement: the enforcement columns an information community acts on, derived from
// its beliefs, so that the route costs (edgeCost.ts, smugglerCosts.ts) are computed by the very
// same code for the truth and for beliefs. Per crossing edge e of border b, with p̂ the perceived
// chance of getting through alone and v̂ the perceived injury risk per failed attempt:
//   - fence and detection are set so that one attempt gets through with probability exactly p̂,
//     keeping the edge's true pushback share (what happens to the detected: pushed back or
//     detained) and as much of its true split between fence and detection as p̂ allows;
//   - injury (per pushback) is set so that injuries per attempt are v̂ × (1 − p̂);
//   - detentionDays, legalCorridor (announced policy), corruption, antiSmuggling and
//     arrestPressure are the true values.
// With beliefs equal to the truth the perceived columns give the true costs (up to rounding).
// Also the truth per border in the same terms (trueChance, trueInjury), for priors, campaigns that
// tell the truth, and the belief-vs-truth outputs.

import type { CompiledScenario, EnforcementColumns } from './compiled.js';
import { crossingChance } from './edgeCost.js';

/** Fill `out` (a copy of the columns for every edge) for the community whose beliefs about border
 * b are chance[base + b] and injury[base + b]. Only border edges are written. */
export function perceivedColumns(
  compiled: CompiledScenario,
  truth: EnforcementColumns,
  chance: Float64Array,
  injury: Float64Array,
  base: number,
  out: EnforcementColumns,
): void {
  const edgeBorder = compiled.network.edgeBorder;
  for (let e = 0; e < edgeBorder.length; e++) {
    const b = edgeBorder[e];
    if (b < 0) continue;
    const p = chance[base + b];
    const f = truth.fence[e];
    const pb = truth.pushback[e];
    let fence = f;
    let detection: number;
    if (pb === 0) {
      // Nobody detected is turned back: only a fence can stop people; detentions stay as they are.
      fence = 1 - p;
      detection = truth.detection[e];
    } else if (p >= 1 - f) {
      fence = 1 - p;
      detection = 0;
    } else {
      detection = (1 - p / (1 - f)) / pb;
      if (detection > 1) {
        detection = 1;
        fence = 1 - p / (1 - pb);
      }
    }
    const pushbacks = (1 - fence) * detection * pb;
    out.fence[e] = fence;
    out.detection[e] = detection;
    out.pushback[e] = pb;
    out.injury[e] = pushbacks > 0 ? Math.min(1, (injury[base + b] * (1 - p)) / pushbacks) : 0;
    out.detentionDays[e] = truth.detentionDays[e];
    out.legalCorridor[e] = truth.legalCorridor[e];
    out.corruption[e] = truth.corruption[e];
    out.antiSmuggling[e] = truth.antiSmuggling[e];
    out.arrestPressure[e] = truth.arrestPressure[e];
  }
}

/** Per border, the mean over its crossing edges of the true chance of getting through alone and of
 * the true injury risk per failed attempt. */
export function truthPerBorder(compiled: CompiledScenario, truth: EnforcementColumns, chance: Float64Array, injury: Float64Array): void {
  const edgeBorder = compiled.network.edgeBorder;
  const edges = new Float64Array(chance.length);
  chance.fill(0);
  injury.fill(0);
  for (let e = 0; e < edgeBorder.length; e++) {
    const b = edgeBorder[e];
    if (b < 0) continue;
    const p = crossingChance(truth, e);
    const injuries = truth.legalCorridor[e] > 0 ? 0 : (1 - truth.fence[e]) * truth.detection[e] * truth.pushback[e] * truth.injury[e];
    chance[b] += p;
    injury[b] += p < 1 ? injuries / (1 - p) : 0;
    edges[b]++;
  }
  for (let b = 0; b < chance.length; b++) {
    if (edges[b] === 0) continue;
    chance[b] /= edges[b];
    injury[b] /= edges[b];
  }
}
