// Paired comparisons with common random numbers: a scenario against itself differs by exactly
// zero; against a variant that changes one border, the paired interval is narrower than the
// unpaired one; the first difference day and the adaptation lag follow their definitions.
import { describe, expect, it } from 'vitest';
import { adaptationLag } from '../../src/run/adaptationLag.js';
import { runComparison } from '../../src/run/compare.js';
import { applyOverride, parseOverride } from '../../src/run/overrides.js';
import { firstDifferenceDay } from '../../src/run/scenarioDiff.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import type { Scenario } from '../../src/scenarios/types.js';
import { threeExitsScenario } from '../fixtures/scenarios.js';

const base = threeExitsScenario();
const baseline = compileScenario(base);
/** The middle (shortest) exit guarded much harder from 1 February. */
function crackdown(): Scenario {
  return {
    ...base,
    id: 'crackdown',
    events: [{ id: 'middle-crackdown', date: '2020-02-01', label: 'crackdown', border: 'XM-XB', set: { detection: 0.9, pushback: 0.95 } }],
  };
}

describe('compare', () => {
  it('a scenario compared with itself: every paired difference is exactly 0', async () => {
    const { comparison } = await runComparison(baseline, compileScenario(base), { runs: 4, seed: 3, threads: 2 });
    const differences = [...Object.values(comparison.totals), ...Object.values(comparison.borders).flatMap((b) => Object.values(b))].map(
      (s) => s.difference,
    );
    expect(differences.length).toBeGreaterThan(20);
    for (const d of differences) {
      if (d.mean === null) continue; // undefined in both arms (e.g. a price with no purchases)
      expect([d.mean, d.sd, d.p05, d.p50, d.p95]).toEqual([0, 0, 0, 0, 0]);
      if (d.ciLow !== null) expect([d.ciLow, d.ciHigh]).toEqual([0, 0]); // null when defined in one run only
    }
    expect(comparison.totals.crossings.baseline).toEqual(comparison.totals.crossings.variant);
    expect(comparison.displacement).toBeNull();
    expect(comparison.adaptationLag).toBeNull();
  });

  it('on a variant changing one border, paired intervals are narrower than unpaired ones', async () => {
    const variant = compileScenario(crackdown());
    const { comparison } = await runComparison(baseline, variant, { runs: 8, seed: 5, threads: 2 });
    const width = (lo: number | null, hi: number | null) => (hi as number) - (lo as number);
    // Arrivals and crossings in total and on the exit that takes the displaced flow: the arms share
    // their inflow and most choices, so run-to-run noise cancels in the paired difference.
    for (const metric of [comparison.totals.arrivals, comparison.totals.crossings, comparison.borders['XN-XB'].crossings]) {
      const d = metric.difference;
      expect(width(d.ciLow, d.ciHigh)).toBeLessThan(width(d.unpairedCiLow, d.unpairedCiHigh));
    }
    const middle = comparison.borders['XM-XB'].crossings.difference;
    expect(middle.ciHigh as number).toBeLessThan(0);
    const d = comparison.displacement;
    expect(d?.target).toBe('XM-XB');
    expect(d?.chosenBy).toBe('largest loss');
    expect(d?.ratio?.estimate).toBeGreaterThan(0);
    const shares = Object.values(comparison.exitShareChange);
    expect(shares.reduce((s, x) => s + (x.change as number), 0)).toBeCloseTo(0, 4);
    expect(comparison.adaptationLag).toMatchObject({ target: 'XM-XB', differenceFrom: '2020-02-01' });
    expect(comparison.adaptationLag?.lagDays).toBeGreaterThanOrEqual(0);
  });

  it('is the same for 1 and 2 threads', async () => {
    const variant = compileScenario(crackdown());
    const one = await runComparison(baseline, variant, { runs: 3, seed: 8, threads: 1 });
    const two = await runComparison(baseline, variant, { runs: 3, seed: 8, threads: 2 });
    expect(JSON.stringify(two.comparison)).toBe(JSON.stringify(one.comparison));
  });

  it('refuses arms that cannot be paired, and a --target that is not an exit', async () => {
    const shorter = compileScenario({ ...base, period: { start: '2020-01-01', end: '2020-03-31' } });
    await expect(runComparison(baseline, shorter, { runs: 1, seed: 1 })).rejects.toThrow(/cannot compare.*periods differ/);
    await expect(runComparison(baseline, baseline, { runs: 1, seed: 1, target: 'XA-XN' })).rejects.toThrow(/not an exit border/);
  });
});

describe('firstDifferenceDay', () => {
  it('is null for identical scenarios, the event date for a changed event, 0 for changed initial enforcement', () => {
    expect(firstDifferenceDay(baseline, compileScenario({ ...base, id: 'renamed', name: 'Other name' }))).toBeNull();
    expect(firstDifferenceDay(baseline, compileScenario(crackdown()))).toBe(31);
    const harder = applyOverride(base, parseOverride('borders.XN-XB.detection=0.5'));
    expect(firstDifferenceDay(baseline, compileScenario(harder))).toBe(0);
    const withEvent = compileScenario(crackdown());
    const relabelled = compileScenario({ ...crackdown(), events: [{ ...crackdown().events![0], label: 'another label' }] });
    expect(firstDifferenceDay(withEvent, relabelled)).toBeNull();
  });
});

describe('adaptationLag', () => {
  // Two exit borders over 20 days; the target's share in the variant falls from 0.5 to 0.1 over
  // days 5–9 (differences start on day 5); the baseline stays at 0.5.
  const days = 20;
  const arm = (share: (d: number) => number) => {
    const out = new Float64Array(2 * days);
    for (let d = 0; d < days; d++) {
      out[d] = 100 * share(d);
      out[days + d] = 100 * (1 - share(d));
    }
    return out;
  };
  const variantShare = (d: number) => (d < 5 ? 0.5 : d >= 9 ? 0.1 : 0.5 - 0.1 * (d - 4));
  const input = { baseline: arm(() => 0.5), variant: arm(variantShare), days, borderIsExit: Uint8Array.of(1, 1), target: 0, startDay: 5 };

  it('counts the days from the first difference to half of the final shift (7-day windows)', () => {
    const lag = adaptationLag(input);
    // Final window: days 5–19 (fewer than 28 after d0), shares 0.4, 0.3, 0.2, 0.1 then 11 × 0.1.
    expect(lag.finalShift).toBeCloseTo((0.4 + 0.3 + 0.2 + 0.1 + 1.1) / 15 - 0.5, 12);
    // Δ(d) is the mean share over days d−6..d minus 0.5; the first day it reaches −0.18:
    const share = (d: number) => {
      let v = 0;
      for (let t = Math.max(0, d - 6); t <= d; t++) v += variantShare(t);
      return v / (d - Math.max(0, d - 6) + 1);
    };
    let expected = -1;
    for (let d = 5; d < days && expected < 0; d++) if (share(d) - 0.5 <= lag.finalShift / 2) expected = d;
    expect(lag.halfShiftDay).toBe(expected);
    expect(lag.lagDays).toBe(expected - 5);
  });

  it('is undefined when there is no final shift', () => {
    expect(adaptationLag({ ...input, variant: input.baseline })).toMatchObject({ finalShift: 0, lagDays: null });
  });
});
