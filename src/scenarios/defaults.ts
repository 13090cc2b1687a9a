// Default values for the optional parts of a scenario. Each default says where it comes from:
// a source document (shared/seeds, summarised with line references in shared/research), the Flee
// model (shared/research/anchors-mission.md §1.2), or "assumption", which means a guess exposed for
// calibration through the scenario's `behaviour` block (docs/model.md, Details).

import type { BehaviourParams, EnforcementSpec } from './types.js';

export const DEFAULT_BEHAVIOUR: BehaviourParams = {
  // Flee: max_walk_speed 35 km/day, max_move_speed 200–360 km/day, max_crossing_speed 20 km/day
  // (anchors-mission §1.2 item 6). Walking over "difficult terrain" for days (seed 003 L1046,
  // L1060) is slower than Flee's road walking: 25 km/day is an assumption between the two.
  speedKmPerDay: { foot: 25, vehicle: 300, boat: 20, rail: 300 },
  // Assumption: bus and train fares in the region of about 0.05–0.1 EUR/km; walking is free; a boat
  // place (e.g. the Drina crossing, seed 003 L1053) costs more per km.
  fareEurPerKm: { foot: 0, vehicle: 0.08, boat: 1, rail: 0.05 },
  // Assumption: converts money into days so that a fare of 20 EUR weighs as one day of travel.
  valueOfTimeEurPerDay: 20,
  // Assumption: logit scale of 2 days; smaller is greedier (Flee's weight_power plays this role).
  choiceScaleDays: 2,
  // Assumption: "the game" of repeated attempts (seed 003 §4.1, anchors) has people retry within days.
  retryWaitDays: 3,
  // Assumption.
  injuryRestDays: 7,
  // Assumption: an injury weighs as a month of delay; death as ten years.
  injuryCostDays: 30,
  deathCostDays: 3650,
  // Assumption: a tenth of terrain incidents (river crossings, railways, seed 001 L83, seed 003
  // L1053) are fatal.
  hazardDeathShare: 0.1,
  // Assumption: caps the cost of a nearly closed border so that route costs stay finite.
  maxExpectedAttempts: 30,
  // Assumption until beliefs exist (a later issue): each own failure at a border adds two days of
  // perceived cost to trying it again, so that people eventually reroute after "the game".
  failurePenaltyDays: 2,
  // Assumption: camps provide food and shelter; people there spend a fifth of the outside cost.
  campCostShare: 0.2,
  // Assumption: a month without crossing a border counts as stranded ("protracted stays",
  // seed 002; "thousands stranded", seed 000 — neither gives a duration).
  strandedAfterDays: 30,
};

/** Enforcement of a border the scenario says nothing about: open, nobody stops anyone. */
export const DEFAULT_ENFORCEMENT: EnforcementSpec = {
  detection: 0,
  pushback: 0,
  injury: 0,
  detentionDays: 0,
  fence: 0,
  legalCorridor: false,
};

export const DEFAULT_PEOPLE_PER_AGENT = 1;
export const DEFAULT_SEED = 1;
