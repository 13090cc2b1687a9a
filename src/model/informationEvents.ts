// Policy and shocks that act on what people know rather than on enforcement (scenario events with
// an `information` block; DESIGN §3, issue "What people know"):
//   - a rumour that a border "opened": at its date the communities of the countries it reaches
//     believe the rumoured chance with the rumour's confidence; experience corrects it;
//   - a phone blackout: no phones or social media in some countries for a number of days, so no
//     sharing with the front line and no smugglers' advertising there (seed 003 L1138: robbers
//     "took away their mobile"; research/seeds-001-003-004.md §4.5);
//   - an information campaign: authorities give a message about a border at a place for a number of
//     days (Routes & Rumours' government agent with near-certain information and a trust
//     multiplier, anchors-mission §2.3); it reaches the people of the place's country in proportion
//     to their share present at the place, and weighs `trust` times a fellow traveller's word.
// Rumours and blackouts apply at the start of the day, before anyone moves; campaigns add their
// message each day with the day's other evidence (beliefs.ts learnDay, step 3).

import { learn, type BeliefState } from './beliefs.js';
import type { CompiledInformation, CompiledInformationEvent } from './compiled.js';

const CAMPAIGN = 0;
const RUMOUR = 1;
const BLACKOUT = 2;

export interface InformationEvents {
  /** Apply events dated up to today; marks communities whose route tables must be rebuilt. */
  startDay(day: number): void;
  /** Campaigns in progress add their message as evidence. */
  campaigns(day: number): void;
}

export function createInformationEvents(info: CompiledInformation, s: BeliefState, dirty: Uint8Array, nodeCountry: Int32Array): InformationEvents {
  const events = info.events;
  const countries = s.blackoutUntil.length;
  const K = s.cohorts;
  const B = s.borders;
  let next = 0;
  let active: { event: CompiledInformationEvent; until: number }[] = [];

  const markCountry = (c: number) => dirty.fill(1, c * K, (c + 1) * K);

  function rumour(ev: CompiledInformationEvent): void {
    for (let c = 0; c < countries; c++) {
      if (ev.countries[c] === 0) continue;
      for (let g = c * K; g < (c + 1) * K; g++) {
        s.chance[g * B + ev.border] = ev.chance;
        s.chanceConf[g * B + ev.border] = ev.confidence;
      }
      markCountry(c);
    }
  }

  function startDay(day: number): void {
    for (let c = 0; c < countries; c++) if (s.blackoutUntil[c] === day) markCountry(c);
    while (next < events.length && events[next].day <= day) {
      const ev = events[next++];
      if (ev.kind === RUMOUR) rumour(ev);
      else if (ev.kind === CAMPAIGN) active.push({ event: ev, until: ev.day + ev.days });
      else if (ev.kind === BLACKOUT) {
        for (let c = 0; c < countries; c++) {
          if (ev.countries[c] === 0) continue;
          s.blackoutUntil[c] = Math.max(s.blackoutUntil[c], ev.day + ev.days);
          markCountry(c);
        }
      }
    }
  }

  function campaigns(day: number): void {
    if (active.length === 0) return;
    const max = info.params.maxConfidence;
    for (const { event: ev } of active) {
      const c = nodeCountry[ev.node];
      const share = s.countryPresent[c] > 0 ? s.nodePresent[ev.node] / s.countryPresent[c] : 0;
      if (share === 0) continue;
      const m = ev.reachPerDay * ev.trust * share;
      const chance = Number.isNaN(ev.chance) ? s.trueChance[ev.border] : ev.chance;
      const injury = Number.isNaN(ev.injury) ? s.trueInjury[ev.border] : ev.injury;
      for (let g = c * K; g < (c + 1) * K; g++) {
        if (s.present[g] === 0) continue;
        learn(s.chance, s.chanceConf, g * B + ev.border, chance, m, max);
        learn(s.injury, s.injuryConf, g * B + ev.border, injury, m, max);
      }
    }
    active = active.filter((a) => a.until > day + 1);
  }

  return { startDay, campaigns };
}
