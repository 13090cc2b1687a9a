// The scenario file as a user writes it (after `extends` has been resolved). This is the public
// data contract: `scenarios/schema.json` describes the same shape for validators and editors, and
// `docs/scenarios.md` documents every field. Units are in field names; dates are ISO dates.

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
  /** The border(s) the event acts on. Exactly one of `border` and `edge` is given. */
  border?: BorderId | BorderId[];
  /** The id of one crossing edge the event acts on. */
  edge?: string;
  /** New enforcement values. */
  set: Partial<EnforcementSpec>;
  /** Reach the new numeric values linearly over this many days (0: at once). */
  rampDays?: number;
  source?: string;
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
  sources?: Record<string, SourceSpec>;
}
