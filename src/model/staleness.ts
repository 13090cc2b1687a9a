// When an information community's route tables are out of date (communityRoutes.ts). Rebuilding a
// community's tables costs about 20–50 µs, and beliefs move a little every day (evidence from a few
// attempts, noise, phones, fading), so tables are rebuilt only when a belief moved enough to change
// how attractive a border looks. Attractiveness of a cost of c days is u = s / (s + c), with s the
// logit scale choiceScaleDays: 1 for a free crossing, ½ at c = s, near 0 for a border that costs
// weeks — a rational stand-in for the logit weight exp(−c / s) without an exp per check. Per
// border, c is the expected cost of getting through alone from the perceived chance and injury
// risk (edgeCost.ts, without the split between fence, pushback and detention), and the perceived
// price of one smuggled attempt in days. A jitter in the chance of a border that costs weeks
// changes nothing; the same jitter at a border that costs a day or two does. On the default
// scenario this cut rebuilds about threefold against a threshold on the chance itself.

import type { BeliefState } from './beliefs.js';
import type { CompiledScenario } from './compiled.js';

export interface Staleness {
  /** Remember community g's beliefs as those its tables were built with, on `day`. */
  record(g: number, day: number): void;
  /** Largest change of a border's attractiveness for community g since its last build. */
  moved(g: number): number;
  /** Day of community g's last build. */
  readonly builtDay: Int32Array;
}

export function createStaleness(compiled: CompiledScenario, s: BeliefState): Staleness {
  const b = compiled.behaviour;
  const B = s.borders;
  const scale = b.choiceScaleDays;
  const floor = 1 / b.maxExpectedAttempts;
  const harmDays = b.injuryCostDays + b.injuryRestDays;
  const builtAlone = new Float64Array(s.groups * B);
  const builtBuy = new Float64Array(s.groups * B);
  const builtDay = new Int32Array(s.groups);

  const alone = (p: number, v: number) => scale / (scale + ((1 - p) / Math.max(p, floor)) * (b.retryWaitDays + v * harmDays));
  const buy = (priceEur: number) => scale / (scale + priceEur / b.valueOfTimeEurPerDay);

  return {
    builtDay,
    record(g, day) {
      for (let i = g * B; i < (g + 1) * B; i++) {
        builtAlone[i] = alone(s.chance[i], s.injury[i]);
        builtBuy[i] = buy(s.priceEur[i]);
      }
      builtDay[g] = day;
    },
    moved(g) {
      let moved = 0;
      for (let i = g * B; i < (g + 1) * B; i++) {
        moved = Math.max(moved, Math.abs(alone(s.chance[i], s.injury[i]) - builtAlone[i]), Math.abs(buy(s.priceEur[i]) - builtBuy[i]));
      }
      return moved;
    },
  };
}
