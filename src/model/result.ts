// What one replicate returns: daily series in flat Float64Arrays (shareable between threads)
// and a few per-run scalars. All counts are in people (agents × peoplePerAgent).
//
// Layout: borderDaily[(m * borders + b) * days + d] for metric m of BORDER_METRICS, border b and
// day d; countryDaily and totalDaily likewise.

/** Per border and day. `detections` is the true number of detected attempts; `detectionsRecorded`
 * is what official statistics show (detections × the reporting rate of the country entered). */
export const BORDER_METRICS = [
  'attempts',
  'crossings',
  'detections',
  'detectionsRecorded',
  'pushbacks',
  'injuries',
  'deaths',
  'smuggledCrossings',
  'purchases',
  'revenueEur',
  'extortionEvents',
  'priceEur',
  'perceivedChance',
  'trueChance',
] as const;

/** Per country and day: stocks of people at the end of the day, smuggling networks based there, and
 * people who gave up there that day (a flow; they stay in the country and leave the route). */
export const COUNTRY_METRICS = ['present', 'inCamp', 'sleepingRough', 'stranded', 'networksBased', 'gaveUp'] as const;

/** Per day, whole scenario. Flows (`entered`, `arrivals`, `deaths`, `injuries`) count events of that
 * day; stocks (`moving`, `waiting`, `detained`) count people at the end of the day. */
export const TOTAL_METRICS = [
  'entered',
  'arrivals',
  'deaths',
  'injuries',
  'moving',
  'waiting',
  'detained',
  'smugglerRevenueEur',
  'smugglerViolenceInjuries',
  'arrests',
  'networksActive',
  'gaveUp',
] as const;

/** Levels rather than counts: a price quote, a number of networks, a chance of getting through
 * (perceived: the people-weighted mean belief of the communities present; true: the mean over the
 * border's crossings). Summaries average them over the days they are defined (non-zero) instead of
 * summing, and they are not scaled by peoplePerAgent. */
export const LEVEL_METRICS: ReadonlySet<string> = new Set(['priceEur', 'networksBased', 'networksActive', 'perceivedChance', 'trueChance']);

/** Metrics in their own units, not people: never scaled by peoplePerAgent (arrests count smugglers). */
export const UNSCALED_METRICS: ReadonlySet<string> = new Set([...LEVEL_METRICS, 'arrests']);

/** Per-run scalars. */
export const RUN_SCALARS = [
  'entered',
  'arrivals',
  'deaths',
  'injuries',
  'attempts',
  'crossings',
  'detectionsRecorded',
  'pushbacks',
  'strandedEnd',
  'meanTransitDays',
  'smuggledCrossings',
  'smugglerRevenueEur',
  'smugglerViolenceInjuries',
  'arrests',
  'networksActiveEnd',
  'gaveUp',
  'attemptsPerArrival',
  'agentSteps',
] as const;

/** Per-run scalars that are not counts of people. */
export const UNSCALED_SCALARS: ReadonlySet<string> = new Set(['meanTransitDays', 'agentSteps', 'arrests', 'networksActiveEnd', 'attemptsPerArrival']);

export type BorderMetric = (typeof BORDER_METRICS)[number];
export type CountryMetric = (typeof COUNTRY_METRICS)[number];
export type TotalMetric = (typeof TOTAL_METRICS)[number];
export type RunScalar = (typeof RUN_SCALARS)[number];

export interface ReplicateResult {
  replicate: number;
  days: number;
  borders: number;
  countries: number;
  borderDaily: Float64Array;
  countryDaily: Float64Array;
  totalDaily: Float64Array;
  /** Values in the order of RUN_SCALARS. */
  scalars: Float64Array;
  /** People at each node at the end of each day, nodeDaily[node * days + day]: only under Flee's
   * rules with `rules.recordLocations` (Flee's per-camp validation). */
  nodeDaily?: Float64Array;
}

/** Index of a value in a daily series array. */
export function seriesIndex(metric: number, entity: number, entities: number, day: number, days: number): number {
  return (metric * entities + entity) * days + day;
}
