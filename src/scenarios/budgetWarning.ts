// A warning about a cohort that cannot pay its way: its median budget is below the cheapest fares
// from an entry of its inflow to every one of its destinations. Why: people pay the fare of each
// hop they take and, when every hop towards their destination costs more than they have, wait
// where they are (slowDecision.ts); with such a budget more than half of the cohort never gets
// far, which looks like a finding (people stuck at a border) rather than the typo it usually is
// (a budget in hundreds where fares run to thousands). The cheapest fares are a lower bound on
// what anyone spends (people choose hops by generalised cost, and pay living costs and smugglers
// on top), so the warning only fires when the shortfall is certain. Skipped for Flee's rules (no
// fares) and with a stranding income (people then earn what they lack while they wait).

import { createCostToGoSearch } from '../model/routing.js';
import { compileScenarioNetwork } from './compile.js';
import { DEFAULT_STRANDING } from './defaults.js';
import type { Scenario } from './types.js';

/** A warning at a JSON Pointer into the merged scenario. */
interface Warning {
  path: string;
  message: string;
}

/** Median of the log-normal budget with this mean and standard deviation (distributions.ts). */
export function budgetMedianEur(meanEur: number, sdEur: number): number {
  return sdEur <= 0 ? meanEur : meanEur / Math.sqrt(1 + (sdEur * sdEur) / (meanEur * meanEur));
}

export function cohortsThatCannotPay(s: Scenario): Warning[] {
  const incomeEurPerDay = s.stranding === undefined ? 0 : (s.stranding.incomeEurPerDay ?? DEFAULT_STRANDING.incomeEurPerDay);
  if (s.rules !== undefined || incomeEurPerDay > 0) return [];
  const net = compileScenarioNetwork(s);
  const nodeCount = net.nodeIds.length;
  const nodeIndex = new Map(net.nodeIds.map((id, n) => [id, n]));
  const search = createCostToGoSearch({ ...net, nodeCount });
  const cheapest = new Map<string, Float64Array>();
  const faresTo = (dest: string): Float64Array => {
    let toGo = cheapest.get(dest);
    if (toGo === undefined) {
      toGo = new Float64Array(nodeCount);
      search.run(nodeIndex.get(dest)!, net.edgeFareEur, toGo, new Int32Array(nodeCount));
      cheapest.set(dest, toGo);
    }
    return toGo;
  };
  const warnings: Warning[] = [];
  s.cohorts.forEach((c, k) => {
    const medianEur = budgetMedianEur(c.budgetEur.mean, c.budgetEur.sd);
    const destinations = Object.keys(c.destinations).filter((d) => c.destinations[d] > 0 && nodeIndex.has(d));
    const entries = [...new Set(s.inflow.filter((f) => f.cohort === c.id).map((f) => f.entry))];
    for (const entry of entries) {
      const from = nodeIndex.get(entry);
      if (from === undefined) continue;
      const faresEur = Math.min(...destinations.map((d) => faresTo(d)[from]));
      if (!Number.isFinite(faresEur) || faresEur <= medianEur) continue;
      warnings.push({
        path: `/cohorts/${k}/budgetEur/mean`,
        message: `more than half of cohort "${c.id}" cannot pay its way from "${entry}": its median budget is €${Math.round(medianEur)}, the cheapest fares to any of its destinations add up to €${Math.round(faresEur)} (living costs and smugglers not counted), and people who cannot pay a fare wait where they are (a budget in the wrong unit, or fares too high?)`,
      });
    }
  });
  return warnings;
}
