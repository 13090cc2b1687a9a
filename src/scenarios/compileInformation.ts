// Compiles the scenario's `information` block (beliefs and learning), its information events
// (campaigns, rumours, blackouts) and the `stranding` block for the kernel: defaults filled in,
// border, node and country ids turned into indices, dates into day numbers. Without the blocks the
// kernel runs as the engine did (people see the true enforcement; nobody gives up). Validation
// (validateInformation.ts) runs first; the checks here only guard the kernel's invariants.

import type { CompiledInformation, CompiledInformationEvent, CompiledNetwork } from '../model/compiled.js';
import { INFORMATION_EVENT_KINDS } from '../model/compiled.js';
import { dayIndex } from './dates.js';
import { DEFAULT_INFORMATION, DEFAULT_INFORMATION_EVENT, DEFAULT_STRANDING } from './defaults.js';
import { ScenarioError } from './errors.js';
import type { InformationParams, Scenario, StrandingParams } from './types.js';

function fail(path: string, message: string): never {
  throw new ScenarioError([{ file: '(scenario)', path, message }]);
}

function compileInformationEvents(scenario: Scenario, network: CompiledNetwork): CompiledInformationEvent[] {
  const countries = network.countryIds.length;
  const out: CompiledInformationEvent[] = [];
  (scenario.events ?? []).forEach((ev, i) => {
    const info = ev.information;
    if (info === undefined) return;
    const path = `/events/${i}/information`;
    const border = info.border === undefined ? -1 : network.borderIds.indexOf(info.border);
    if (info.kind !== 'blackout' && border < 0) fail(`${path}/border`, `no edge crosses border "${info.border ?? ''}"`);
    const node = info.place === undefined ? -1 : network.nodeIds.indexOf(info.place);
    if (info.place !== undefined && node < 0) fail(`${path}/place`, `unknown node "${info.place}"`);
    const mask = new Uint8Array(countries).fill(info.countries === undefined && info.kind !== 'blackout' ? 1 : 0);
    for (const code of info.countries ?? []) {
      const c = network.countryIds.indexOf(code);
      if (c < 0) fail(`${path}/countries`, `unknown country "${code}"`);
      mask[c] = 1;
    }
    const d = DEFAULT_INFORMATION_EVENT;
    out.push({
      day: dayIndex(scenario.period.start, ev.date),
      kind: INFORMATION_EVENT_KINDS.indexOf(info.kind),
      label: ev.label,
      border,
      node,
      countries: mask,
      chance: info.chance ?? (info.kind === 'rumour' ? d.rumourChance : NaN),
      injury: info.injury ?? NaN,
      confidence: info.confidence ?? d.rumourConfidence,
      trust: info.trust ?? d.campaignTrust,
      reachPerDay: info.reachPerDay ?? d.campaignReachPerDay,
      days: Math.round(info.days ?? d.days),
    });
  });
  return out.sort((a, b) => a.day - b.day);
}

/** The compiled `information` block, or null without one. */
export function compileInformation(scenario: Scenario, network: CompiledNetwork): CompiledInformation | null {
  const spec = scenario.information;
  if (spec === undefined) return null;
  const params: InformationParams = { ...DEFAULT_INFORMATION };
  for (const key of Object.keys(DEFAULT_INFORMATION) as (keyof InformationParams)[]) {
    if (spec[key] !== undefined) (params as unknown as Record<string, unknown>)[key] = spec[key];
  }
  const borders = network.borderIds.length;
  const prior = () => new Float64Array(borders).fill(NaN);
  const out: CompiledInformation = {
    params,
    priorChance: prior(),
    priorInjury: prior(),
    priorPriceEur: prior(),
    events: compileInformationEvents(scenario, network),
  };
  for (const [id, p] of Object.entries(spec.priors ?? {})) {
    const b = network.borderIds.indexOf(id);
    if (b < 0) fail(`/information/priors/${id}`, `no edge crosses border "${id}"`);
    if (p.chance !== undefined) out.priorChance[b] = p.chance;
    if (p.injury !== undefined) out.priorInjury[b] = p.injury;
    if (p.priceEur !== undefined) out.priorPriceEur[b] = p.priceEur;
  }
  return out;
}

/** Information events in a scenario without an `information` block have nothing to act on. */
export function checkInformationEvents(scenario: Scenario): void {
  if (scenario.information !== undefined) return;
  const i = (scenario.events ?? []).findIndex((ev) => ev.information !== undefined);
  if (i >= 0) fail(`/events/${i}/information`, 'an information event needs an "information" block in the scenario');
}

/** The compiled `stranding` block, or null without one. */
export function compileStranding(scenario: Scenario): StrandingParams | null {
  const spec = scenario.stranding;
  if (spec === undefined) return null;
  return {
    incomeEurPerDay: spec.incomeEurPerDay ?? DEFAULT_STRANDING.incomeEurPerDay,
    giveUpAfterFailures: spec.giveUpAfterFailures ?? DEFAULT_STRANDING.giveUpAfterFailures,
    giveUpAfterDays: spec.giveUpAfterDays ?? DEFAULT_STRANDING.giveUpAfterDays,
  };
}
