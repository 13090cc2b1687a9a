// The kernel's input: a scenario compiled to dense integer indices and typed arrays, so the
// per-agent loop reads flat columns and never a string or a Map. Built by src/scenarios/compile.ts;
// plain data (structured-clone safe) so it can be posted to a worker thread or a Web Worker.

import type { BehaviourParams, EnforcementField, InformationParams, SmugglerMarketParams, StrandingParams } from '../scenarios/types.js';

export const NODE_KINDS = ['entry', 'hub', 'camp', 'border-area', 'destination'] as const;
export const TRAVEL_MODES = ['foot', 'vehicle', 'boat', 'rail'] as const;

/** Enforcement fields in the order of the per-edge enforcement columns. */
export const ENFORCEMENT_FIELDS: readonly EnforcementField[] = [
  'detection',
  'pushback',
  'injury',
  'detentionDays',
  'fence',
  'legalCorridor',
  'corruption',
  'antiSmuggling',
  'arrestPressure',
];

export interface CompiledNetwork {
  nodeIds: string[];
  nodeNames: string[];
  nodeCountry: Int32Array;
  nodeKind: Uint8Array;
  nodeLat: Float64Array;
  nodeLon: Float64Array;
  shelterCapacity: Float64Array;
  livingCostEurPerDay: Float64Array;
  countryIds: string[];
  countryEu: Uint8Array;
  reportingRate: Float64Array;
  edgeIds: string[];
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
  edgeDistanceKm: Float64Array;
  edgeMode: Uint8Array;
  edgeTravelDays: Int32Array;
  edgeFareEur: Float64Array;
  edgeHazard: Float64Array;
  /** Border index of each edge, or -1 for an edge inside one country. */
  edgeBorder: Int32Array;
  /** CSR out-adjacency: the out-edges of node n are outEdges[outOffsets[n] .. outOffsets[n+1]). */
  outOffsets: Int32Array;
  outEdges: Int32Array;
  /** CSR in-adjacency, used by the backward searches that build cost-to-go tables. */
  inOffsets: Int32Array;
  inEdges: Int32Array;
  borderIds: string[];
  /** 1 when the border leads from a non-EU country into an EU country (an exit from the region). */
  borderIsExit: Uint8Array;
}

/** Enforcement per edge, one column per field (legalCorridor stored as 0/1). Only border edges matter. */
export interface EnforcementColumns {
  detection: Float64Array;
  pushback: Float64Array;
  injury: Float64Array;
  detentionDays: Float64Array;
  fence: Float64Array;
  legalCorridor: Float64Array;
  corruption: Float64Array;
  antiSmuggling: Float64Array;
  arrestPressure: Float64Array;
}

export interface CompiledEvent {
  day: number;
  rampDays: number;
  label: string;
  edges: Int32Array;
  field: EnforcementField;
  value: number;
}

/** Smuggling networks at the start and their market; absent when the scenario has no smugglers. */
export interface CompiledSmugglers {
  ids: string[];
  names: string[];
  base: Int32Array;
  /** People per day. */
  capacityPerDay: Float64Array;
  skill: Float64Array;
  violence: Float64Array;
  market: SmugglerMarketParams;
  /** Candidate base nodes for relocation and entry. */
  bases: Int32Array;
  /** Police pressure on networks based at a node, from `place` events, sorted by day. */
  placeEvents: { day: number; node: number; arrestPressure: number; label: string }[];
  /** Networks dismantled, sorted by day. */
  dismantleEvents: { day: number; network: number; label: string }[];
}

export const INFORMATION_EVENT_KINDS = ['campaign', 'rumour', 'blackout'] as const;

/** An information event (campaign, rumour, blackout), dates in days, targets as indices. */
export interface CompiledInformationEvent {
  day: number;
  /** Index into INFORMATION_EVENT_KINDS. */
  kind: number;
  label: string;
  /** The border the message is about (-1 for a blackout). */
  border: number;
  /** Campaign: the node where it is given (-1 otherwise). */
  node: number;
  /** 1 for each country the event reaches (rumour, blackout). */
  countries: Uint8Array;
  /** Claimed chance of getting through alone and injury per failed attempt; NaN: the truth of the day. */
  chance: number;
  injury: number;
  confidence: number;
  trust: number;
  reachPerDay: number;
  days: number;
}

/** Beliefs and learning; absent when the scenario has no `information` block. */
export interface CompiledInformation {
  params: InformationParams;
  /** Prior beliefs per border; NaN: the true value at the start of the period. */
  priorChance: Float64Array;
  priorInjury: Float64Array;
  priorPriceEur: Float64Array;
  /** Sorted by day. */
  events: CompiledInformationEvent[];
}

export interface CompiledCohorts {
  ids: string[];
  budgetMeanEur: Float64Array;
  budgetSdEur: Float64Array;
  riskAversion: Float64Array;
  /** Destinations per cohort, as indices into `CompiledScenario.destinations` (not node indices),
   * and their cumulative probabilities. */
  destNodes: Int32Array[];
  destCdf: Float64Array[];
}

export interface CompiledInflow {
  entry: Int32Array;
  cohort: Int32Array;
  /** Expected arrivals in agents (not people) per stream and day: rate[stream][day]. */
  agentsPerDay: Float64Array[];
}

export interface CompiledScenario {
  id: string;
  name: string;
  startDate: string;
  days: number;
  peoplePerAgent: number;
  network: CompiledNetwork;
  enforcement: EnforcementColumns;
  /** Sorted by day; applied at the start of that day. */
  events: CompiledEvent[];
  cohorts: CompiledCohorts;
  inflow: CompiledInflow;
  /** Destination nodes in the order of the routing tables. */
  destinations: Int32Array;
  behaviour: BehaviourParams;
  smugglers: CompiledSmugglers | null;
  information: CompiledInformation | null;
  stranding: StrandingParams | null;
}
