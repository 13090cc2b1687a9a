// The shape of a Flee scenario as read from its CSV files (readFlee.ts): locations, routes,
// closures, the simulation period, conflicts and the validation series. Kept apart from the
// readers so that toScenario.ts and every reader share one definition without import cycles.

import type { Simsetting } from './readSimsetting.js';
import type { FleeClosureType, FleeLocationType } from '../model/flee/spec.js';

export interface FleeLocation {
  name: string;
  region: string;
  country: string;
  lat: number;
  lon: number;
  type: FleeLocationType;
  /** Day the conflict begins (conflict zones), 0 for from the start. */
  conflictDate: number;
  /** Population (towns, conflict zones) or capacity (camps); 0 when empty. */
  population: number;
  /** The conflict_intensity column, when present. */
  conflictIntensity?: number;
}

export type FleeLinkType = 'drive' | 'walk' | 'crossing';

export interface FleeRoute {
  name1: string;
  name2: string;
  distanceKm: number;
  forcedRedirection: 0 | 1 | 2;
  maxMoveSpeed?: number;
  walkProbability?: number;
  linkType?: FleeLinkType;
}

export interface FleeClosure {
  type: FleeClosureType;
  name1: string;
  name2: string;
  start: number;
  /** -1: never lifted. */
  end: number;
}

export interface DatedValue {
  date: string;
  value: number;
}

export interface FleeSeries {
  /** The data_layout.csv name: "total" or a location. */
  name: string;
  files: string[];
  points: DatedValue[];
}

export interface FleeInput {
  /** The folders read, as shown to the user. */
  inputDir: string;
  validationDir: string;
  locations: FleeLocation[];
  routes: FleeRoute[];
  closures: FleeClosure[];
  startDate: string;
  lengthDays: number;
  /** conflicts.csv: location names and one row of intensities per day. */
  conflicts?: { names: string[]; rows: number[][] };
  /** The `total` series of data_layout.csv, if any. */
  total?: FleeSeries;
  /** The other data_layout.csv series, in file order. */
  camps: FleeSeries[];
  /** Settings read from simsetting.yml (readSimsetting.ts), and the file as shown. */
  simsetting?: Simsetting & { file: string };
  /** Things imported approximately or ignored, for the user to read. */
  notes: string[];
}
