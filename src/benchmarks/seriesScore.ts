// Scoring observed series against the replicate ensemble, point by point and as a whole:
//   per point   mean with its 95% t-interval, p05–p95 band, CRPS (crps.ts), covered or not;
//   per item    ARD raw  = mean over replicates r of  mean_k |x_rk − y_k| / max(y_k, 1),
//               ARD rescaled: the same with each replicate's series first scaled so that it sums,
//               over the points, to the observed total (x_rk · Σy / Σx_r): the error of the shape,
//               whatever the level, as Flee rescales each day to the observed camp total;
//               CRPS mean over points (in the metric's units) and relative (CRPS_k / max(|y_k|, 1)),
//               coverage = share of points inside the band.
// A series item's distance is its relative CRPS; it passes when its ARD (raw) is at most its
// tolerance. With one replicate CRPS is |x − y|, so the distance is the raw ARD and stays finite.

import { describe } from '../run/stats.js';
import { band90, covered, crpsEnsemble } from './crps.js';
import { estimate, finiteOrNull, meanOf } from './estimate.js';
import type { Estimate, ScorecardPoint, SeriesErrors } from './types.js';

export interface PointInput {
  label: string;
  end: string;
  observed: number;
  /** The point's simulated value in each replicate. */
  ensemble: number[];
}

export function scorePoint(p: PointInput): ScorecardPoint {
  const s = describe(p.ensemble);
  const band = band90(p.ensemble);
  return {
    label: p.label,
    end: p.end,
    observed: p.observed,
    mean: s.mean,
    ciLow: s.ciLow,
    ciHigh: s.ciHigh,
    p05: band?.p05 ?? null,
    p95: band?.p95 ?? null,
    crps: finiteOrNull(crpsEnsemble(p.ensemble, p.observed)),
    covered: covered(p.ensemble, p.observed),
  };
}

/** Each replicate's ARD over the points, raw and rescaled (NaN when a point is undefined). */
export function replicateArd(points: readonly PointInput[], replicates: number): { raw: number[]; rescaled: number[] } {
  const raw: number[] = [];
  const rescaled: number[] = [];
  const observedTotal = points.reduce((s, p) => s + p.observed, 0);
  for (let r = 0; r < replicates; r++) {
    const x = points.map((p) => p.ensemble[r]);
    const simTotal = x.reduce((s, v) => s + v, 0);
    const scale = simTotal > 0 ? observedTotal / simTotal : 0;
    raw.push(meanOf(points.map((p, k) => Math.abs(x[k] - p.observed) / Math.max(p.observed, 1))));
    rescaled.push(meanOf(points.map((p, k) => Math.abs(x[k] * scale - p.observed) / Math.max(p.observed, 1))));
  }
  return { raw, rescaled };
}

export interface SeriesScore {
  points: ScorecardPoint[];
  errors: SeriesErrors;
  /** Per-replicate ARD (raw), the tested quantity. */
  value: Estimate;
  distance: number;
}

/** Scores of points given; `ard` overrides the per-replicate ARD (Flee: over days and camps). */
export function scoreSeries(inputs: readonly PointInput[], ard?: { raw: number[]; rescaled: number[] }): SeriesScore {
  const points = inputs.map(scorePoint);
  const replicates = inputs.length > 0 ? inputs[0].ensemble.length : 0;
  const { raw, rescaled } = ard ?? replicateArd(inputs, replicates);
  const crps = points.map((p) => p.crps);
  const defined = crps.filter((c): c is number => c !== null);
  const relative = points.filter((p) => p.crps !== null).map((p) => (p.crps as number) / Math.max(Math.abs(p.observed), 1));
  const known = points.filter((p) => p.covered !== null);
  const crpsRelative = relative.length > 0 ? meanOf(relative) : null;
  const rawEstimate = estimate(raw);
  return {
    points,
    errors: {
      ardRaw: rawEstimate.mean,
      ardRescaled: estimate(rescaled).mean,
      crps: defined.length > 0 ? meanOf(defined) : null,
      crpsRelative,
      coverage: known.length > 0 ? known.filter((p) => p.covered).length / known.length : null,
    },
    value: rawEstimate,
    distance: crpsRelative ?? 1,
  };
}
