// Ready-made events for the classroom: one button each, applied on the day it is pressed. Each sets
// enforcement on borders (values taken from the western-balkans scenario's own dated events, which
// cite their sources) and may put police pressure on smuggling bases or dismantle a network. A border
// the scenario does not have is skipped; a preset with nothing to act on is shown disabled. The
// information campaign acts on beliefs, not enforcement: campaign.ts chooses its border and place.

import type { EnforcementField, Scenario } from '../scenarios/types.js';
import type { PresetId } from './protocol.js';

interface BorderSet {
  borders: string[];
  set: Partial<Record<EnforcementField, number>>;
}

export interface PresetDef {
  id: PresetId;
  label: string;
  /** What it does, shown as the button's description. */
  description: string;
  borders: BorderSet[];
  /** Police pressure (share of capacity arrested per day) on smuggling bases in this country. */
  basePressure?: { country: string; arrestPressure: number };
  /** Dismantle the active smuggling network with the most capacity. */
  dismantle?: boolean;
  /** An information campaign (campaign.ts). */
  campaign?: boolean;
}

export const PRESETS: readonly PresetDef[] = [
  {
    id: 'hungarian-fence',
    label: 'Hungarian fence',
    description: 'Serbia–Hungary: fence 85%, detection 95%, pushback 90%, injury 5% (September 2015).',
    borders: [{ borders: ['RS-HU'], set: { fence: 0.85, detection: 0.95, pushback: 0.9, injury: 0.05 } }],
  },
  {
    id: 'serbian-crackdown',
    label: 'Serbian crackdown',
    description:
      'Serbia’s exits: detection 95% and pushback 95–98% at Hungary, Croatia and Romania; police pressure on smugglers based in Serbia (October 2023).',
    borders: [
      { borders: ['RS-HU'], set: { detection: 0.95, pushback: 0.98, injury: 0.1 } },
      { borders: ['RS-HR', 'RS-RO'], set: { detection: 0.95, pushback: 0.95 } },
    ],
    basePressure: { country: 'RS', arrestPressure: 0.05 },
  },
  {
    id: 'greece-fortified',
    label: 'Greece fortified',
    description: 'Türkiye–Greece: detection 90%, pushback 95%, injury 10%; Greece–North Macedonia: fence 30%, detection and pushback 90% (2016–2022 levels).',
    borders: [
      { borders: ['TR-GR'], set: { detection: 0.9, pushback: 0.95, injury: 0.1 } },
      { borders: ['GR-MK'], set: { fence: 0.3, detection: 0.9, pushback: 0.9 } },
    ],
  },
  {
    id: 'legal-corridor',
    label: 'Legal corridor',
    description: 'Transit permits along the 2015 corridor Greece → North Macedonia → Serbia → Croatia → Slovenia → Austria → Germany: everyone is registered and let through.',
    borders: [{ borders: ['GR-MK', 'MK-RS', 'RS-HR', 'HR-SI', 'SI-AT', 'AT-DE'], set: { legalCorridor: 1 } }],
  },
  {
    id: 'network-dismantled',
    label: 'Network dismantled',
    description: 'Police dismantle the largest active smuggling network (as Operation Ancora, March 2026); others may take its place.',
    borders: [],
    dismantle: true,
  },
  {
    id: 'information-campaign',
    label: 'Information campaign',
    description:
      'For 30 days, authorities tell the people in the country of the busiest exit border the true chance of getting across it alone, where most of them are; their word counts 0.3 of a fellow traveller’s (Routes & Rumours). Turns beliefs on if the scenario has none.',
    borders: [],
    campaign: true,
  },
];

export function presetById(id: PresetId): PresetDef {
  const p = PRESETS.find((x) => x.id === id);
  if (!p) throw new Error(`unknown preset "${id}"`);
  return p;
}

/** The border settings of a preset that apply to borders the scenario has. */
export function presetBorderSets(p: PresetDef, borders: readonly string[]): { border: string; field: EnforcementField; value: number }[] {
  return p.borders.flatMap(({ borders: ids, set }) =>
    ids
      .filter((b) => borders.includes(b))
      .flatMap((border) => Object.entries(set).map(([field, value]) => ({ border, field: field as EnforcementField, value }))),
  );
}

/** Nodes whose smuggling networks feel a preset's base pressure: bases in the preset's country. */
export function presetPressureNodes(p: PresetDef, scenario: Scenario): string[] {
  if (!p.basePressure || !scenario.smugglers) return [];
  const country = new Map(scenario.nodes.map((n) => [n.id, n.country]));
  const bases = new Set([...scenario.smugglers.networks.map((n) => n.base), ...(scenario.smugglers.market?.bases ?? [])]);
  return [...bases].filter((id) => country.get(id) === p.basePressure!.country);
}

/** Why a preset cannot act on this scenario, or undefined when it can. */
export function presetUnavailable(p: PresetDef, scenario: Scenario, borders: readonly string[]): string | undefined {
  if (p.campaign) return borders.length > 0 ? undefined : 'this scenario has no borders';
  if (p.dismantle) return scenario.smugglers && scenario.smugglers.networks.length > 0 ? undefined : 'this scenario has no smuggling networks';
  if (presetBorderSets(p, borders).length === 0) return `this scenario has none of the borders ${p.borders.flatMap((b) => b.borders).join(', ')}`;
  return undefined;
}
