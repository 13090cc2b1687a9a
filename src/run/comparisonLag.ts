// The `adaptationLag` block of comparison.json: the pooled lag of adaptationLag.ts with its dates,
// and the bootstrap interval of adaptationLagInterval.ts.

import type { CompiledScenario } from '../model/compiled.js';
import { isoDay } from '../scenarios/dates.js';
import { adaptationLag, FINAL_WINDOW_DAYS, LAG_WINDOW_DAYS } from './adaptationLag.js';
import { adaptationLagInterval, type ExitCrossings, type LagInterval } from './adaptationLagInterval.js';
import { firstDifferenceDay } from './scenarioDiff.js';
import { roundSignificant } from './stats.js';

export interface AdaptationLagReport {
  target: string;
  /** First date on which the two scenarios differ. */
  differenceFrom: string;
  /** Final shift of the target's exit share (variant − baseline), over the last 28 days with exit crossings. */
  finalShift: number | null;
  /** First date with half of that shift reached (7-day windows), or null if never. */
  halfShiftReachedOn: string | null;
  lagDays: number | null;
  /** 95% bootstrap interval of lagDays (pairs of runs resampled); null when lagDays is null. */
  lagDaysInterval: LagInterval | null;
  windowDays: number;
  finalWindowDays: number;
}

/** The lag towards or away from `target`; null when the scenarios never differ. */
export function comparisonLag(
  baseline: CompiledScenario,
  variant: CompiledScenario,
  target: string,
  sums: readonly Float64Array[],
  perRun: ExitCrossings,
  seed: number,
): AdaptationLagReport | null {
  const startDay = firstDifferenceDay(baseline, variant);
  if (startDay === null) return null;
  const { borderIds, borderIsExit } = baseline.network;
  const input = { days: baseline.days, borderIsExit, target: borderIds.indexOf(target), startDay };
  const result = adaptationLag({ ...input, baseline: sums[0], variant: sums[1] });
  const interval = result.lagDays === null ? null : adaptationLagInterval(perRun, input, seed);
  const round = (v: number | null) => (v === null ? null : roundSignificant(v));
  return {
    target,
    differenceFrom: isoDay(baseline.startDate, startDay),
    finalShift: Number.isFinite(result.finalShift) ? roundSignificant(result.finalShift) : null,
    halfShiftReachedOn: result.halfShiftDay === null ? null : isoDay(baseline.startDate, result.halfShiftDay),
    lagDays: result.lagDays,
    lagDaysInterval: interval && { ...interval, ciLow: round(interval.ciLow), ciHigh: round(interval.ciHigh) },
    windowDays: LAG_WINDOW_DAYS,
    finalWindowDays: FINAL_WINDOW_DAYS,
  };
}

/** "95% CI 5–12 days (bootstrap, 200 resamples of the pairs)", with how many resamples never reached half. */
export function lagIntervalText(interval: LagInterval | null): string {
  if (interval === null) return '';
  const days = (v: number | null) => (v === null ? 'beyond the period' : String(v));
  const never = interval.notReached > 0 ? `; ${interval.notReached} never reached half` : '';
  return `95% CI ${days(interval.ciLow)}–${days(interval.ciHigh)} days (bootstrap, ${interval.samples} resamples of the pairs${never})`;
}
