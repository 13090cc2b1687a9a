// The scenario file as a user writes it (after `extends` has been resolved). This is the public
// data contract: `scenarios/schema.json` describes the same shape for validators and editors, and
// `docs/scenarios.md` documents every field. Units are in field names; dates are ISO dates.

import type { RulesSpec } from '../model/flee/spec.js';

/** ISO 3166 alpha-2 country code (Kosovo: XK). */
export type CountryCode = string;
/** A border is named by the ordered country pair it leads across: `RS-HU` is Serbia → Hungary. */
export type BorderId = string;
/** ISO date `YYYY-MM-DD`. */
export type IsoDate = string;

export type NodeKind = 'entry' | 'hub' | 'camp' | 'border-area' | 'destination';
export type TravelMode = 'foot' | 'vehicle' | 'boat' | 'rail';

export interface CountrySpec {
  name: string;
  /** Member of the European Union (borders from a non-EU into an EU country are "exits"). */
  eu: boolean;
  /** Share of detected attempts that enter this country's official statistics, in [0, 1]. */
  reportingRate: number;
}

export interface NodeSpec {
  id: string;
  name: string;
  country: CountryCode;
  lat: number;
  lon: number;
  kind: NodeKind;
  /** People who can sleep in a camp or reception centre here; the rest sleep rough. */
  shelterCapacity: number;
  /** What a person spends per day while staying here, outside a camp. */
  livingCostEurPerDay: number;
  /** Where the numbers come from (a key of `sources`), or a note that they are assumptions. */
  source?: string;
}

export interface EdgeSpec {
  /** Optional id, so that events can target one crossing rather than the whole border. */
  id?: string;
  from: string;
  to: string;
  distanceKm: number;
  mode: TravelMode;
  /** Probability of a harmful incident (injury or death) per traversal, from terrain and transport. */
  hazard: number;
  /** Fare paid per traversal; defaults to distanceKm × behaviour.fareEurPerKm[mode]. */
  fareEur?: number;
  /** Also add the reverse edge with the same attributes (default true). */
  bidirectional?: boolean;
  source?: string;
}

/** Graded enforcement on a border (or one crossing), for people who try without a smuggler. */
export interface EnforcementSpec {
  /** Probability that an attempt is detected, in [0, 1]. */
  detection: number;
  /** Probability that a detected person is pushed back to the side they came from, in [0, 1]. */
  pushback: number;
  /** Probability of injury during a pushback, in [0, 1]. */
  injury: number;
  /** Days detained (or held for registration) when detected and not pushed back. */
  detentionDays: number;
  /** Probability that a physical barrier stops an attempt before it reaches the line, in [0, 1]. */
  fence: number;
  /** Legal corridor (as with the 2015 transit permits): everyone is registered and let through. */
  legalCorridor: boolean;
  /** Probability that a smuggler's bribe lets a detected group through, in [0, 1]. */
  corruption: number;
  /** Anti-smuggling cooperation, in [0, 1]: cancels this share of smugglers' skill advantage. */
  antiSmuggling: number;
  /** Share of the capacity of each network serving this border lost to arrests per day. */
  arrestPressure: number;
}

export interface CohortSpec {
  id: string;
  name: string;
  /** Money a person carries on entry: log-normal with this mean and standard deviation. */
  budgetEur: { mean: number; sd: number };
  /** Weight on injury and death risk relative to an average person (1). 0 ignores risk. */
  riskAversion: number;
  /** Destination node ids with relative weights. */
  destinations: Record<string, number>;
  source?: string;
}

export interface InflowSpec {
  entry: string;
  cohort: string;
  /** People arriving per calendar month, keyed `YYYY-MM`; months not listed have no inflow. */
  monthly: Record<string, number>;
  source?: string;
}

export type EnforcementField = keyof EnforcementSpec;

export interface EventSpec {
  /** Optional id; a scenario that `extends` another merges its event with the parent's event of the same id. */
  id?: string;
  date: IsoDate;
  label: string;
  /** The border(s) the event acts on. Exactly one of `border`, `edge`, `place`, `dismantle` and `information` is given. */
  border?: BorderId | BorderId[];
  /** The id of one crossing edge the event acts on. */
  edge?: string;
  /** A node: police pressure on smuggling networks based there (`set.arrestPressure` only). */
  place?: string;
  /** The id of a smuggling network that police dismantle on this date (no `set`). */
  dismantle?: string;
  /** An event that acts on what people know rather than on enforcement (no `set`). */
  information?: InformationEventSpec;
  /** New enforcement values (for `place`: only arrestPressure). */
  set?: Partial<EnforcementSpec>;
  /** Reach the new numeric values linearly over this many days (0: at once). */
  rampDays?: number;
  source?: string;
}

/** An information event: an authorities' campaign about a border at a place, a rumour that a
 * border is open, or a phone blackout in some countries (docs/model.md, Information). */
export interface InformationEventSpec {
  kind: 'campaign' | 'rumour' | 'blackout';
  /** Campaign, rumour: the border the message is about. */
  border?: BorderId;
  /** Campaign: the node where authorities give the message (it reaches the people of its country in proportion to their share present there). */
  place?: string;
  /** Rumour: who hears it (default everyone); blackout: where phones are cut (required). */
  countries?: CountryCode[];
  /** Campaign: the chance of getting through alone the message claims (default: the true chance each day); rumour: the rumoured chance (default 0.9). */
  chance?: number;
  /** Campaign: the injury risk per failed attempt the message claims (default: the true value each day). */
  injury?: number;
  /** Rumour: the confidence it carries, in people's worth of evidence (default 50). */
  confidence?: number;
  /** Campaign: weight of the authorities' word relative to a fellow traveller's, below 1 (default 0.3). */
  trust?: number;
  /** Campaign: people's worth of evidence per day when everyone in the country is at the place (default 50). */
  reachPerDay?: number;
  /** Campaign, blackout: how many days it lasts (default 30). */
  days?: number;
}

/** Behavioural and technical parameters. Every one has a cited or flagged default (docs/model.md). */
export interface BehaviourParams {
  speedKmPerDay: Record<TravelMode, number>;
  fareEurPerKm: Record<TravelMode, number>;
  /** Converts money into days in the generalised cost. */
  valueOfTimeEurPerDay: number;
  /** Scale of the multinomial logit over next hops, in days of generalised cost. */
  choiceScaleDays: number;
  /** Days a person waits after a failed attempt before deciding again. */
  retryWaitDays: number;
  /** Days a person rests after an injury. */
  injuryRestDays: number;
  /** Generalised cost of an injury, in days. */
  injuryCostDays: number;
  /** Generalised cost of death, in days. */
  deathCostDays: number;
  /** Share of terrain incidents (edge hazard) that are fatal. */
  hazardDeathShare: number;
  /** Cap on the expected number of attempts used in route costs. */
  maxExpectedAttempts: number;
  /** Extra perceived cost, in days, per failed attempt a person has made at the border in front of them. */
  failurePenaltyDays: number;
  /** Share of the living cost a person pays while in a camp place. */
  campCostShare: number;
  /** Days without crossing a border after which a person counts as stranded. */
  strandedAfterDays: number;
  /** During an enforcement ramp, people re-plan their routes every this many days from its start (and on its last day). */
  rampReplanDays: number;
}

/** A smuggling network at the start of the period. */
export interface SmugglerNetworkSpec {
  id: string;
  name: string;
  /** Node where the network is based; it serves the borders leading out of that node's country. */
  base: string;
  /** People it can take across per day (guides, vehicles, safe houses). */
  capacityPerDay: number;
  /** Share of detection and fence obstacles its groups avoid (knowledge of cameras, drones, holes), in [0, 1]. */
  skill: number;
  /** Probability of violence or extortion per smuggled attempt without enforcement pressure, in [0, 1]. */
  violence: number;
  source?: string;
}

/** The smuggling market and how networks adapt. Every default is in src/scenarios/defaults.ts. */
export interface SmugglerMarketParams {
  /** Price of one smuggled attempt across an unguarded border. */
  basePriceEur: number;
  /** Added to the price per unit of detection probability faced by smuggled groups (risk, lost trips). */
  riskPriceEur: number;
  /** Bribe cost per detected group, passed on in the price in proportion to detection × corruption. */
  bribeEur: number;
  /** Added to the price per unit of daily arrest pressure on the border. */
  arrestPriceEur: number;
  /** A guaranteed package costs the single price × expected attempts × this markup. */
  guaranteeMarkup: number;
  /** Price rises by this share per unit of demand in excess of capacity. */
  scarcityElasticity: number;
  /** Share of the gap to the target price closed per day. */
  priceAdjustPerDay: number;
  /** People re-plan their routes (route tables are rebuilt) once a border's price has moved by more
   * than this share since they last did. */
  replanPriceChange: number;
  /** Extra hazard of a smuggled crossing per unit of detection (covert routes: trucks, rivers, night). */
  covertHazard: number;
  /** Violence probability grows by this factor per unit of enforcement pressure. */
  violencePressureGain: number;
  /** Weight of detection at served borders in the pressure a network feels (arrest pressure counts 1). */
  detectionPressureWeight: number;
  /** Fee raised en route in an extortion event. */
  extortionEur: number;
  /** Share of people who cannot pay an extortion and are injured (the others are abandoned). */
  extortionInjuryShare: number;
  /** Share of lost capacity a network rebuilds per day (recruiting new low-level members). */
  capacityRecoveryPerDay: number;
  /** Capacity (people per day) per arrested member, to count arrests. */
  capacityPerMember: number;
  /** Nodes where networks may (re)locate or enter. */
  bases: string[];
  /** Days between relocation and entry decisions. */
  reviewDays: number;
  /** Days over which the demand, unmet demand and attempts at each border are averaged (an
   * exponential average), as networks judge bases and entry by them. */
  demandAverageDays: number;
  /** Days over which the pressure a network feels is averaged (an exponential average). */
  pressureAverageDays: number;
  /** Pressure at which a base is worth half as much to a network. */
  pressureHalfValue: number;
  /** A network moves only when the best other base is worth this share more than its own. */
  relocationHysteresis: number;
  /** A new network enters a base whose borders have had unmet demand and a price above entryPriceEur for this many days. */
  entryLagDays: number;
  entryPriceEur: number;
  /** A border wants a new network when more people than this per day (averaged over
   * demandAverageDays) found no smuggler with capacity, */
  entryUnmetPeoplePerDay: number;
  /** or when no network serves it and more people than this per day try to cross it. */
  entryDemandPeoplePerDay: number;
  entryCapacityPerDay: number;
  entrySkill: number;
  entryViolence: number;
  /** Most networks that can be active at once. */
  maxNetworks: number;
}

/** What people know and how they learn it: beliefs held by information communities (cohort ×
 * country of presence) about each border. Defaults and sources in src/scenarios/defaults.ts. */
export interface InformationParams {
  /** Beliefs equal the true enforcement every day: the engine's perceived-truth mode, for checks. */
  perfect: boolean;
  /** People's worth of evidence one person's attempt adds to their community's pool. */
  experienceWeight: number;
  /** A success weighs this many times a failure in what is shared (success bias). */
  successWeight: number;
  /** Standard deviation of the noise on a day's shared evidence about the chance of getting through. */
  noiseSd: number;
  /** Most confidence a belief can have, in people's worth of evidence. */
  maxConfidence: number;
  /** Confidence of the prior beliefs, and what confidence fades back to. */
  priorConfidence: number;
  /** Share of the way back to the prior a belief goes per day (forgetting). */
  fadePerDay: number;
  /** Share of the gap to the beliefs of the people at a border (the front line) closed per day by phones and social media. */
  phoneSharingPerDay: number;
  /** People's worth of evidence per day that smugglers' advertising adds about their price. */
  advertisingPerDay: number;
  /** Share of the remaining risk of a smuggled attempt that smugglers' advertising talks away. */
  advertisingOptimism: number;
  /** A community's route tables are rebuilt when the attractiveness of a border (0–1, staleness.ts) moved by more than this since they were built. */
  rebuildThreshold: number;
  /** ... or by half as much and this many days passed since they were built. */
  beliefRebuildDays: number;
}

/** Beliefs at the start of the period about one border (default: the true values then). */
export interface BeliefPriorSpec {
  chance?: number;
  injury?: number;
  priceEur?: number;
}

export interface InformationSpec extends Partial<InformationParams> {
  priors?: Record<BorderId, BeliefPriorSpec>;
  source?: string;
}

/** The game and stranding: money while stuck, waiting for it, and giving up. */
export interface StrandingParams {
  /** Money a waiting person earns or receives per day (informal work, remittances). */
  incomeEurPerDay: number;
  /** A person gives up after this many failed attempts in all (0: never). */
  giveUpAfterFailures: number;
  /** ... or after this many days without money and without crossing a border (0: never). */
  giveUpAfterDays: number;
}

export interface SmugglersSpec {
  networks: SmugglerNetworkSpec[];
  market?: Partial<SmugglerMarketParams>;
  source?: string;
}

export interface SourceSpec {
  title: string;
  /** Path of the source document, relative to the repository, or a URL. */
  ref?: string;
}

export interface Scenario {
  $schema?: string;
  id: string;
  name: string;
  description: string;
  extends?: string;
  period: { start: IsoDate; end: IsoDate };
  /** Each simulated agent stands for this many people; outputs are reported in people. */
  peoplePerAgent?: number;
  /** Default master seed (the command line's --seed wins). */
  seed?: number;
  countries: Record<CountryCode, CountrySpec>;
  nodes: NodeSpec[];
  edges: EdgeSpec[];
  /** Enforcement every border starts with unless `borders` says otherwise. */
  enforcementDefaults?: Partial<EnforcementSpec>;
  borders?: Record<BorderId, Partial<EnforcementSpec>>;
  cohorts: CohortSpec[];
  inflow: InflowSpec[];
  events?: EventSpec[];
  behaviour?: Partial<BehaviourParams>;
  /** Smuggling networks and their market; without this block nobody offers smuggling. */
  smugglers?: SmugglersSpec;
  /** Beliefs, learning and information events; without this block people see the true enforcement. */
  information?: InformationSpec;
  /** Income while stuck, waiting for money and giving up; without this block nobody gives up. */
  stranding?: Partial<StrandingParams> & { source?: string };
  /** Movement rules other than routeshift's own: `{ "mode": "flee", … }` runs Flee's (docs/flee.md). */
  rules?: RulesSpec;
  sources?: Record<string, SourceSpec>;
}
