// Flee's decision formulas, one small function each, so tests can check them against hand-computed
// values (flee/moving.py, flee/scoring.py, flee/SimulationSettings.py; anchors-mission §1.2):
//   move chance  = the location type's movechance × (max(pop, capacity) / movechance_pop_base)^movechance_pop_scale_factor
//   score        = foreign_weight (foreign) × camp_weight (camp) × conflict_weight^(decay × intensity) (conflict)
//   route weight = ((weight_softening + score) / (softening + distance)^distance_power × capacity multiplier)^weight_power
//   capacity multiplier: 1 up to capacity_buffer × capacity, falling linearly to 0 at capacity

import { CAMP, IDPCAMP, MARKER, FORWARDING_HUB } from './compileRules.js';
import type { FleeSettings } from './settings.js';

/** Probability of leaving a location today, for an agent without a route. */
export function moveChance(s: FleeSettings, type: number, conflict: number, population: number, capacity: number): number {
  let chance: number;
  if (conflict > 0) chance = s.conflict_movechance;
  else if (type === CAMP) chance = s.camp_movechance;
  else if (type === IDPCAMP) chance = s.idpcamp_movechance;
  else if (type === MARKER || type === FORWARDING_HUB) chance = 1;
  else chance = s.default_movechance;
  if (s.movechance_pop_scale_factor !== 0) {
    // Flee's capacity is -1 where none is set; ours is 0, and max() makes the two the same.
    chance *= (Math.max(population, capacity) / s.movechance_pop_base) ** s.movechance_pop_scale_factor;
  }
  return chance;
}

/** The conflict_spawn_decay multiplier `daysSinceConflict` days after a conflict began. */
export function conflictDecay(s: FleeSettings, daysSinceConflict: number): number {
  const decay = s.conflict_spawn_decay;
  if (decay.length === 0) return 1;
  const step = Math.trunc(daysSinceConflict / s.conflict_spawn_decay_interval);
  return decay[Math.max(0, Math.min(step, decay.length - 1))];
}

/** A location's attractiveness (scoring.updateLocationScore). */
export function locationScore(s: FleeSettings, type: number, foreign: boolean, conflict: number, daysSinceConflict: number): number {
  let score = 1;
  if (foreign) score *= s.foreign_weight;
  if (type === CAMP || type === IDPCAMP) score *= s.camp_weight;
  if (conflict > 0) score *= s.conflict_weight ** (conflictDecay(s, daysSinceConflict) * conflict);
  return score;
}

/** Attractiveness left to a location with `agents` present (moving.getCapMultiplier). */
export function capacityMultiplier(s: FleeSettings, capacity: number, agents: number): number {
  const cap = capacity * s.capacity_scaling;
  if (cap < 1) return 1;
  const nearlyFull = s.capacity_buffer * cap;
  if (agents <= nearlyFull) return 1;
  if (agents >= cap) return 0;
  return 1 - (agents - nearlyFull) / (cap * (1 - s.capacity_buffer));
}

/** Weight of a route without its endpoint's capacity multiplier and weight_power. */
export function routeBaseWeight(s: FleeSettings, endpointScore: number, distanceKm: number): number {
  return (s.weight_softening + endpointScore) / (s.softening + distanceKm) ** s.distance_power;
}

/** A route's weight in the choice (moving.calculateLinkWeight). */
export function routeWeight(s: FleeSettings, endpointScore: number, distanceKm: number, capMultiplier: number): number {
  return (routeBaseWeight(s, endpointScore, distanceKm) * capMultiplier) ** s.weight_power;
}
