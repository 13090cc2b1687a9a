// Flee's settings with Flee's defaults (flee/SimulationSettings.py ReadFromYML, Flee 3, read in
// djgroen/flee; shared/research/anchors-mission.md §1.2), so a rules block that names nothing runs
// what Flee runs with an empty simsetting.yml. Names are those of simsetting.yml.

import type { FleeSettingsSpec } from './spec.js';

export type FleeSettings = Required<Omit<FleeSettingsSpec, 'conflict_spawn_decay'>> & {
  /** Multipliers for 0–interval, interval–2·interval, … days since a conflict began; [] for none. */
  conflict_spawn_decay: number[];
};

export const FLEE_DEFAULTS: FleeSettings = {
  // km per day: 30 km/h × 12 h on roads, 3.5 km/h × 10 h on foot, 2 km/h × 10 h across water.
  max_move_speed: 360,
  max_walk_speed: 35,
  max_crossing_speed: 20,
  foreign_weight: 1,
  camp_weight: 1,
  // 1/√10 in SimulationSettings.py; Flee's example simsetting.yml files use 0.25.
  conflict_weight: 1 / 3.16227766017,
  conflict_movechance: 1,
  camp_movechance: 0.001,
  idpcamp_movechance: 0.1,
  default_movechance: 0.3,
  awareness_level: 1,
  capacity_buffer: 0.9,
  capacity_scaling: 1,
  softening: 10,
  weight_softening: 0,
  weight_power: 1,
  distance_power: 1,
  avoid_short_stints: false,
  start_on_foot: false,
  movechance_pop_base: 10000,
  movechance_pop_scale_factor: 0,
  take_from_population: false,
  insert_day0: true,
  sum_from_camps: true,
  conflict_spawn_decay: [],
  conflict_spawn_decay_interval: 30,
};

export const FLEE_SETTING_NAMES = Object.keys(FLEE_DEFAULTS) as (keyof FleeSettings)[];

/** The settings of a rules block, each missing one at Flee's default. */
export function resolveFleeSettings(spec: FleeSettingsSpec): FleeSettings {
  const out = { ...FLEE_DEFAULTS };
  for (const name of FLEE_SETTING_NAMES) {
    const value = spec[name];
    if (value !== undefined) (out as Record<string, unknown>)[name] = Array.isArray(value) ? [...value] : value;
  }
  return out;
}
