// One row of numbers per simulated day for the demo page (protocol.ts rowLayout): the kernel's daily
// counters (in agents) turned into people, exit crossings and prices, the true and believed chance
// at each exit, and the stranded and present stocks by country. Kept apart from session.ts, which
// decides when rows are sent.

import type { Model } from '../model/createModel.js';
import { BORDER, COUNTRY, TOTAL, borderAt, countryAt, totalAt } from '../model/recorder.js';
import type { BeliefSampler } from './campaign.js';
import type { RowLayout, ScenarioMeta } from './protocol.js';

/** Rows for days [from, to) in people (prices in EUR), laid out by rowLayout. */
export function dailyRows(
  model: Model,
  meta: Pick<ScenarioMeta, 'exits' | 'countries'>,
  L: RowLayout,
  ppa: number,
  beliefs: BeliefSampler,
  from: number,
  to: number,
): Float64Array {
  const rec = model.counters;
  const { exits, countries } = meta;
  const borders = rec.borders;
  const out = new Float64Array(Math.max(0, to - from) * L.length);
  for (let d = from; d < to; d++) {
    const o = (d - from) * L.length;
    out[o + L.entered] = rec.totalDaily[totalAt(rec, TOTAL.entered, d)] * ppa;
    out[o + L.arrivals] = rec.totalDaily[totalAt(rec, TOTAL.arrivals, d)] * ppa;
    out[o + L.deaths] = rec.totalDaily[totalAt(rec, TOTAL.deaths, d)] * ppa;
    out[o + L.injuries] = rec.totalDaily[totalAt(rec, TOTAL.injuries, d)] * ppa;
    let attempts = 0;
    let pushbacks = 0;
    for (let b = 0; b < borders; b++) {
      attempts += rec.borderDaily[borderAt(rec, BORDER.attempts, b, d)];
      pushbacks += rec.borderDaily[borderAt(rec, BORDER.pushbacks, b, d)];
    }
    out[o + L.attempts] = attempts * ppa;
    out[o + L.pushbacks] = pushbacks * ppa;
    exits.forEach((b, k) => {
      out[o + L.exitCrossings + k] = rec.borderDaily[borderAt(rec, BORDER.crossings, b, d)] * ppa;
      out[o + L.exitPriceEur + k] = rec.borderDaily[borderAt(rec, BORDER.priceEur, b, d)];
      out[o + L.exitTrueChance + k] = rec.borderDaily[borderAt(rec, BORDER.trueChance, b, d)];
      out[o + L.exitPerceivedChance + k] = beliefs.perceived(d, k);
    });
    for (let k = 0; k < countries.length; k++) {
      out[o + L.stranded + k] = rec.countryDaily[countryAt(rec, COUNTRY.stranded, k, d)] * ppa;
      out[o + L.present + k] = rec.countryDaily[countryAt(rec, COUNTRY.present, k, d)] * ppa;
    }
  }
  return out;
}
