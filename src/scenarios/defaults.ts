// Default values for the optional parts of a scenario. Each default says where it comes from:
// a source document (shared/seeds, summarised with line references in shared/research), the Flee
// model (shared/research/anchors-mission.md §1.2), or "assumption", which means a guess exposed for
// calibration through the scenario's `behaviour` block (docs/model.md, Details).

import type { BehaviourParams, EnforcementSpec, InformationParams, SmugglerMarketParams, StrandingParams } from './types.js';

export const DEFAULT_BEHAVIOUR: BehaviourParams = {
  // Flee: max_walk_speed 35 km/day, max_move_speed 200–360 km/day, max_crossing_speed 20 km/day
  // (anchors-mission §1.2 item 6). Walking over "difficult terrain" for days (seed 003 L1046,
  // L1060) is slower than Flee's road walking: 25 km/day is an assumption between the two.
  speedKmPerDay: { foot: 25, vehicle: 300, boat: 20, rail: 300 },
  // Assumption: bus and train fares in the region of about 0.05–0.1 EUR/km; walking is free; a boat
  // place (e.g. the Drina crossing, seed 003 L1053) costs more per km.
  fareEurPerKm: { foot: 0, vehicle: 0.08, boat: 1, rail: 0.05 },
  // Assumption: converts money into days. People on the route pay smugglers hundreds to thousands
  // of euros to avoid weeks of failed attempts ("the game", seed 003 L579–581; "paying higher fees
  // and taking greater risks", L1099–1100), which implies a value of time of the order of 100 EUR
  // per day for those who can pay.
  valueOfTimeEurPerDay: 100,
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
  // Assumption: during a gradual build-up of enforcement (an event with rampDays) people re-plan
  // their routes weekly, not every day; attempts meet each day's enforcement all the same. The
  // source documents date events by month (research/seeds-000-002.md §1) and give no re-planning
  // frequency. A sudden change (a set event: the closure that sent more than 11,000 people into
  // Croatia within 48 hours, seed 000) is acted on at once. 1 re-plans daily during ramps.
  rampReplanDays: 7,
};

/** Enforcement of a border the scenario says nothing about: open, nobody stops anyone. */
export const DEFAULT_ENFORCEMENT: EnforcementSpec = {
  detection: 0,
  pushback: 0,
  injury: 0,
  detentionDays: 0,
  fence: 0,
  legalCorridor: false,
  corruption: 0,
  antiSmuggling: 0,
  arrestPressure: 0,
};

// The smuggling market. The source documents give directions, not euro figures ("NOT IN DOCS: no
// euro figures", research/seeds-001-003-004.md §3.4), so every number here is an assumption to
// calibrate; the mechanisms they scale are cited in docs/model.md.
export const DEFAULT_SMUGGLER_MARKET: SmugglerMarketParams = {
  // Assumption: a few hundred euros for one guided attempt across an unguarded border.
  basePriceEur: 300,
  // Assumption. Risk raises prices (seed 003 L1468–1470: "reflecting increased risk, cost of repeated attempts, and bribes").
  riskPriceEur: 1000,
  // Assumption. Bribes (seed 003 L919–924, L1211–1218).
  bribeEur: 300,
  // Assumption: 0.01 arrest pressure per day adds 200 EUR.
  arrestPriceEur: 20000,
  // Assumption: guaranteed packages cost most (seed 003 L1468: "especially for packages that guarantee success").
  guaranteeMarkup: 1.3,
  // Assumption.
  scarcityElasticity: 1,
  // Assumption: prices follow costs within about ten days.
  priceAdjustPerDay: 0.1,
  // Assumption: the sources give no threshold; a 10% move is what people hear about and act on.
  replanPriceChange: 0.1,
  // Assumption. Covert routes are more dangerous (seed 001 L83–85; seed 003 L1045–1056).
  covertHazard: 0.002,
  // Assumption. Violence rises with pressure from a rare baseline (seed 003 L1184–1193).
  violencePressureGain: 50,
  // Assumption: detection at the borders a network serves weighs a hundredth of arrest pressure.
  detectionPressureWeight: 0.01,
  // Assumption. Fees raised en route (seed 003 L1225–1227).
  extortionEur: 300,
  // Assumption.
  extortionInjuryShare: 0.5,
  // Assumption: arrests hit low levels and are replaced (seed 003 L482–483, L481 "adapt quickly").
  capacityRecoveryPerDay: 0.02,
  // Assumption.
  capacityPerMember: 5,
  bases: [],
  // Assumption.
  reviewDays: 14,
  // Assumption: networks judge a base by the last couple of weeks' business.
  demandAverageDays: 14,
  // Assumption: pressure builds up and fades over about a month.
  pressureAverageDays: 30,
  // Assumption.
  pressureHalfValue: 0.01,
  // Assumption.
  relocationHysteresis: 0.25,
  // Assumption: new networks enter where demand and prices are high, after a lag (seed 003 L1608–1611).
  entryLagDays: 60,
  entryPriceEur: 1500,
  // Assumption: "unmet demand" is more than about six people a month turned away for want of
  // capacity, and a border with no network wants one once about two people a day try it.
  entryUnmetPeoplePerDay: 0.2,
  entryDemandPeoplePerDay: 2,
  entryCapacityPerDay: 20,
  entrySkill: 0.4,
  entryViolence: 0.02,
  maxNetworks: 20,
};

// What people know (scenario `information` block; docs/model.md, Information). The mechanisms follow
// Routes & Rumours (Hinsch & Bijak; shared/research/anchors-mission.md §2.2: beliefs as (value,
// trust), exchange with noise, success bias, an authorities' information campaign trusted less);
// phones and social media are in seed 003 L966–971 (smugglers "leverage social media platforms,
// such as TikTok, Facebook, and encrypted messaging apps like Telegram and Signal, to advertise
// their services") and research/seeds-001-003-004.md §4.5 (phone cards at Kuzmin, seed 001 L83;
// robbers take phones, seed 003 L1138); seed 000 names smartphones of people on the move (fn 59).
// No source gives a rate: every number is an assumption to calibrate.
export const DEFAULT_INFORMATION: InformationParams = {
  perfect: false,
  // Assumption: each person's attempt is heard by their community as one person's evidence.
  experienceWeight: 1,
  // Assumption for the size; the success bias is Routes & Rumours' weight_arr (anchors-mission §2.2).
  successWeight: 2,
  // Assumption for the size; Routes & Rumours adds noise to exchanged values (error, §2.2).
  noiseSd: 0.05,
  // Assumption: beliefs rest on at most the last few thousand people's experience, so a border
  // where hundreds try each day is learned within days, a quiet one within weeks.
  maxConfidence: 5000,
  // Assumption: a prior is worth twenty people's experience.
  priorConfidence: 20,
  // Assumption: without news a belief goes 1% of the way back to its prior per day.
  fadePerDay: 0.01,
  // Assumption: phones and social media (seed 003 L966–971) close a tenth of the gap to the
  // beliefs of the people at a border per day, so news travels upstream in weeks, not at once.
  phoneSharingPerDay: 0.1,
  // Assumption: smugglers advertise their prices every day (seed 003 L966–971).
  advertisingPerDay: 20,
  // Assumption: advertising claims away 30% of the remaining risk of a smuggled attempt.
  advertisingOptimism: 0.3,
  // Technical: a community's route tables are rebuilt when a border's attractiveness
  // (staleness.ts) moved by more than 0.05 since they were built, or by half that and 30 days
  // passed (bench/DECLARATION.md measures the cost).
  rebuildThreshold: 0.05,
  beliefRebuildDays: 30,
};

/** Defaults of the fields of an information event (docs/scenarios.md, events). All assumptions. */
export const DEFAULT_INFORMATION_EVENT = {
  rumourChance: 0.9,
  rumourConfidence: 50,
  campaignTrust: 0.3,
  campaignReachPerDay: 50,
  days: 30,
} as const;

// The game and stranding (scenario `stranding` block). The sources say people get "stuck" (seed 004
// L37) and stay for years (seed 000: "the transit of these people has become a more stable
// condition"; seed 002, protracted informal stays in Bosnia and Herzegovina), but give no figures.
export const DEFAULT_STRANDING: StrandingParams = {
  // Assumption: informal work or remittances bring a few euros a day, less than living outside a
  // camp costs, more than living in one (campCostShare), so camp places let people save.
  incomeEurPerDay: 5,
  // Assumption: "the game" is tried many times (seed 003 L579–581) before people give up.
  giveUpAfterFailures: 40,
  // Assumption: three months without money and without getting anywhere.
  giveUpAfterDays: 90,
};

export const DEFAULT_PEOPLE_PER_AGENT = 1;
export const DEFAULT_SEED = 1;
