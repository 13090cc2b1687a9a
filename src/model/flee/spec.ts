// The `rules` block of a scenario that selects Flee's movement rules (docs/flee.md). Setting names
// are Flee's own, as in its simsetting.yml (move_rules and spawn_rules flattened into one object),
// so a Flee user recognises them; everything Flee reads from its CSV files that routeshift's
// scenario format has no field for (location types, populations, link attributes, closures,
// conflicts, the observed series that drive spawning) lives here too. `routeshift import-flee`
// writes this block; it can also be written by hand for a routeshift network.

import type { CountryCode, IsoDate } from '../../scenarios/types.js';

/** Flee's location types (locations.csv `location_type`). */
export const FLEE_LOCATION_TYPES = ['conflict_zone', 'town', 'camp', 'idpcamp', 'marker', 'forwarding_hub'] as const;
export type FleeLocationType = (typeof FLEE_LOCATION_TYPES)[number];

/** Flee's closure types (closures.csv `closure_type`). */
export const FLEE_CLOSURE_TYPES = ['country', 'location', 'link', 'camp', 'idpcamp', 'remove_forced_redirection'] as const;
export type FleeClosureType = (typeof FLEE_CLOSURE_TYPES)[number];

export interface FleeLocationSpec {
  /** Default from the node's kind: entry → conflict_zone, camp and destination → camp, others → town. */
  type?: FleeLocationType;
  /** Residents (locations.csv population of towns and conflict zones): the spawn weight. Camp
   * capacity is the node's `shelterCapacity`. */
  population?: number;
}

export interface FleeLinkSpec {
  /** Per-link speed in km per day (Flee's link attribute of the same name). */
  max_move_speed?: number;
  /** Chance of walking this link on a given day (Flee 3 link attribute). */
  walk_probability?: number;
  /** Flee's routes.csv column: 1 forces the link from → to, 2 the link to → from. */
  forced_redirection?: 0 | 1 | 2;
}

export interface FleeClosureSpec {
  type: FleeClosureType;
  /** Country code (type `country`) or node id (all other types). */
  from: string;
  /** Second country or node (types `country`, `link`, `remove_forced_redirection`). */
  to?: string;
  /** First day of the closure (Flee's closure_start). */
  start: IsoDate;
  /** Day the closure is lifted (Flee's closure_end); absent for Flee's -1, never. */
  end?: IsoDate;
}

/** Observed counts by date (linearly interpolated between dates, as Flee does). */
export type DatedCounts = Record<IsoDate, number>;

export interface FleeSettingsSpec {
  max_move_speed?: number;
  max_walk_speed?: number;
  max_crossing_speed?: number;
  foreign_weight?: number;
  camp_weight?: number;
  conflict_weight?: number;
  conflict_movechance?: number;
  camp_movechance?: number;
  idpcamp_movechance?: number;
  default_movechance?: number;
  awareness_level?: number;
  capacity_buffer?: number;
  capacity_scaling?: number;
  softening?: number;
  weight_softening?: number;
  weight_power?: number;
  distance_power?: number;
  avoid_short_stints?: boolean;
  start_on_foot?: boolean;
  movechance_pop_base?: number;
  movechance_pop_scale_factor?: number;
  take_from_population?: boolean;
  insert_day0?: boolean;
  sum_from_camps?: boolean;
  conflict_spawn_decay?: number[];
  conflict_spawn_decay_interval?: number;
}

export interface FleeRulesSpec extends FleeSettingsSpec {
  mode: 'flee';
  /** The displaced people's own country: every other country is foreign (Flee: the country of
   * the first location). Default: the country of the first node. */
  homeCountry?: CountryCode;
  /** Flee attributes per node id; nodes not listed take the defaults of FleeLocationSpec. */
  locations?: Record<string, FleeLocationSpec>;
  /** Flee link attributes per edge id. */
  links?: Record<string, FleeLinkSpec>;
  closures?: FleeClosureSpec[];
  /** Conflict intensity per node id, from each date on (Flee's conflicts.csv, compressed to the
   * days it changes; 0 before the first date). A conflict_zone without an entry has intensity 1
   * from day 0. */
  conflicts?: Record<string, DatedCounts>;
  /** The observed series that drive spawning: the total (refugees.csv) and the camps (per node
   * id). New agents each day = the day-on-day increase of the total, or of the camps' sum with
   * sum_from_camps; with insert_day0 the camps start with their day-0 counts. */
  refugees: {
    total?: DatedCounts;
    camps?: Record<string, DatedCounts>;
  };
}

/** The `rules` field of a scenario: absent for routeshift's own rules. */
export type RulesSpec = FleeRulesSpec;
