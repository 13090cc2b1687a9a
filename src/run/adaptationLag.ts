// Adaptation lag of a comparison: how many days after the arms' scenarios start to differ the
// flow has made half of its final shift away from (or towards) the targeted exit border.
//
// Definition (docs/outputs.md, "adaptationLag"):
//   S_arm(d)  the target's share of all exit crossings over the 7 days ending on day d (fewer at
//             the start of the period), from crossings summed over the arm's runs;
//   Δ(d)      S_variant(d) − S_baseline(d);
//   F         the final shift: the same difference of shares over the 28 days ending on the last
//             day with any exit crossing in either arm (a period may end after inflow stops),
//             but not before d0;
//   d0        the first day the scenarios differ (scenarioDiff.ts);
//   lag       the first day d ≥ d0 with Δ(d) of the sign of F and |Δ(d)| ≥ |F| / 2, minus d0.
// Shares are ratios of sums, not means of daily ratios, so quiet days with few crossings do not
// dominate; the 7-day window smooths the daily rhythm of inflow. A point estimate: no interval.

export const LAG_WINDOW_DAYS = 7;
export const FINAL_WINDOW_DAYS = 28;

export interface AdaptationLagInput {
  /** Daily crossings summed over runs, [border * days + day], per arm. */
  baseline: Float64Array;
  variant: Float64Array;
  days: number;
  borderIsExit: Uint8Array;
  target: number;
  /** First day on which the scenarios differ. */
  startDay: number;
}

export interface AdaptationLag {
  /** Final shift F of the target's exit share (variant − baseline). */
  finalShift: number;
  /** Day on which half of it was first reached, or null if never. */
  halfShiftDay: number | null;
  lagDays: number | null;
}

function windowShare(crossings: Float64Array, input: AdaptationLagInput, from: number, to: number): number {
  const { days, borderIsExit, target } = input;
  let mine = 0;
  let all = 0;
  for (let b = 0; b < borderIsExit.length; b++) {
    if (borderIsExit[b] !== 1) continue;
    for (let d = Math.max(0, from); d <= to; d++) {
      const c = crossings[b * days + d];
      all += c;
      if (b === target) mine += c;
    }
  }
  return all > 0 ? mine / all : NaN;
}

/** Last day with an exit crossing in either arm (the last day of the period if none). */
function lastExitDay(input: AdaptationLagInput): number {
  const { days, borderIsExit } = input;
  for (let d = days - 1; d >= 0; d--) {
    for (let b = 0; b < borderIsExit.length; b++) {
      if (borderIsExit[b] === 1 && (input.baseline[b * days + d] > 0 || input.variant[b * days + d] > 0)) return d;
    }
  }
  return days - 1;
}

export function adaptationLag(input: AdaptationLagInput): AdaptationLag {
  const { startDay } = input;
  const lastActive = lastExitDay(input);
  const finalFrom = Math.max(startDay, lastActive - FINAL_WINDOW_DAYS + 1);
  const share = (arm: Float64Array, from: number, to: number) => windowShare(arm, input, from, to);
  const finalShift = share(input.variant, finalFrom, lastActive) - share(input.baseline, finalFrom, lastActive);
  if (!Number.isFinite(finalShift) || finalShift === 0) return { finalShift, halfShiftDay: null, lagDays: null };
  for (let d = startDay; d <= lastActive; d++) {
    const from = d - LAG_WINDOW_DAYS + 1;
    const delta = share(input.variant, from, d) - share(input.baseline, from, d);
    if (Math.sign(delta) === Math.sign(finalShift) && Math.abs(delta) >= Math.abs(finalShift) / 2) {
      return { finalShift, halfShiftDay: d, lagDays: d - startDay };
    }
  }
  return { finalShift, halfShiftDay: null, lagDays: null };
}
