// The demo's information campaign (ready-made event "Information campaign"): whom it targets, the
// scenario event it becomes, and the beliefs the page shows so that its effect is visible.
//
// When pressed, the campaign is fixed like a dismantled network is (so that a replay or a shared
// link does the same): it is about the exit border most people tried in the last four weeks, and
// it is given at the place of that border's country with the most people today. It becomes a
// scenario information event `{ kind: "campaign", border, place }` on that day, with the model's
// default campaign parameters (docs/scenarios.md, information events: authorities tell the true
// chance of getting through alone and the true injury risk for 30 days, trusted at 0.3 of a fellow
// traveller's word). A scenario without an `information` block has no beliefs for a campaign to
// change: the run then gets one with every default (`information: {}`) from its first day, and is
// replayed, as docs/demo.md explains to teachers.
//
// Beliefs shown per exit: the mean perceived chance of getting through alone among the people in
// the exit's own country (those a campaign there reaches), beside the true chance.

import type { Model } from '../model/createModel.js';
import type { CompiledNetwork } from '../model/compiled.js';
import { AT_NODE, WAITING } from '../model/agents.js';
import { BORDER, borderAt } from '../model/recorder.js';
import type { EventSpec } from '../scenarios/types.js';

/** Days of attempts that decide which border a campaign is about. */
export const CAMPAIGN_LOOKBACK_DAYS = 28;

export interface CampaignTarget {
  border: string;
  place: string;
}

/** Country index each border leads out of (the country of its first edge's start). */
export function borderOrigins(net: CompiledNetwork): Int32Array {
  return Int32Array.from(net.borderIds, (_, b) => {
    const e = net.edgeBorder.indexOf(b);
    return e < 0 ? -1 : net.nodeCountry[net.edgeFrom[e]];
  });
}

/** The campaign's border and place, from the run as it is today; undefined with no exit. */
export function campaignTarget(model: Model, net: CompiledNetwork, exits: readonly number[]): CampaignTarget | undefined {
  if (exits.length === 0) return undefined;
  const rec = model.counters;
  const last = model.day;
  let best = exits[0];
  let bestAttempts = -1;
  for (const b of exits) {
    let attempts = 0;
    for (let d = Math.max(0, last - CAMPAIGN_LOOKBACK_DAYS); d < last; d++) attempts += rec.borderDaily[borderAt(rec, BORDER.attempts, b, d)];
    if (attempts > bestAttempts) {
      best = b;
      bestAttempts = attempts;
    }
  }
  const country = borderOrigins(net)[best];
  const people = new Float64Array(net.nodeIds.length);
  const { status, node, highWater } = model.agents;
  for (let i = 0; i < highWater; i++) if (status[i] === AT_NODE || status[i] === WAITING) people[node[i]]++;
  let place = -1;
  for (let n = 0; n < people.length; n++) {
    if (net.nodeCountry[n] !== country) continue;
    if (place < 0 || people[n] > people[place]) place = n;
  }
  if (place < 0) return undefined;
  return { border: net.borderIds[best], place: net.nodeIds[place] };
}

/** The scenario event of a campaign taken on `date`. */
export function campaignEvent(date: string, label: string, target: CampaignTarget): EventSpec {
  return { date, label, information: { kind: 'campaign', border: target.border, place: target.place } };
}

export interface BeliefSampler {
  /** Record the perceived chance per exit after the model simulated day `day`. */
  sample(model: Model, day: number): void;
  /** Perceived chance at exit k after `day`: NaN without beliefs or without people there. */
  perceived(day: number, k: number): number;
}

/** Keeps each day's perceived chance per exit among the people of its country. */
export function createBeliefSampler(net: CompiledNetwork, exits: readonly number[], days: number): BeliefSampler {
  const origins = borderOrigins(net);
  const values = new Float64Array(days * exits.length).fill(NaN);
  return {
    sample(model, day) {
      const s = model.beliefs;
      if (s === null || day < 0 || day >= days) return;
      const K = s.cohorts;
      exits.forEach((b, k) => {
        const c = origins[b];
        let sum = 0;
        let n = 0;
        for (let g = c * K; g < (c + 1) * K; g++) {
          sum += s.present[g] * s.chance[g * s.borders + b];
          n += s.present[g];
        }
        values[day * exits.length + k] = n > 0 ? sum / n : NaN;
      });
    },
    perceived: (day, k) => values[day * exits.length + k],
  };
}
