// The market's index of which networks serve each border (servingIndex.ts) must answer exactly as
// testing every network would: served(b) and pickNetwork(b), day after day through dismantling,
// relocation and entry of networks (driven here by synthetic demand on every border).

import { describe, expect, it } from 'vitest';
import { createEnforcement } from '../../src/model/enforcement.js';
import { createSmugglerMarket } from '../../src/model/smugglers.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { loadScenario } from '../../src/scenarios/load.js';

describe('serving index of the smuggler market', () => {
  it('agrees with a scan of every network on every day of wb-network-dismantled', async () => {
    const compiled = compileScenario((await loadScenario('scenarios/wb-network-dismantled.json')).scenario);
    const net = compiled.network;
    const enforcement = createEnforcement(compiled);
    const market = createSmugglerMarket(compiled, enforcement.columns)!;
    const s = market.state;
    const borders = net.borderIds.length;
    const servingSets = new Set<string>();
    const mismatches: string[] = [];
    for (let day = 0; day < compiled.days; day++) {
      enforcement.apply(day);
      market.startDay(day);
      const serving: number[][] = [];
      for (let b = 0; b < borders; b++) {
        const list: number[] = [];
        for (let n = 0; n < s.count; n++) if (s.active[n] === 1 && net.nodeCountry[s.base[n]] === market.borderOrigin[b]) list.push(n);
        serving.push(list);
        if (market.served(b) !== list.length > 0) mismatches.push(`day ${day} border ${b}: served`);
        let best = -1;
        let room = 0;
        for (const n of list) {
          const left = s.capacity[n] - s.usedToday[n];
          if (left > 0 && left > room) {
            best = n;
            room = left;
          }
        }
        if (market.pickNetwork(b) !== best) mismatches.push(`day ${day} border ${b}: pickNetwork`);
        // Demand everywhere, part of it unmet, so that networks relocate and enter.
        s.potentialToday[b] = 40;
        s.demandToday[b] = 20;
        s.unmetToday[b] = day % 3 === 0 ? 5 : 0;
        if (best >= 0) s.usedToday[best] += 1;
      }
      servingSets.add(JSON.stringify(serving));
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(servingSets.size).toBeGreaterThan(3);
  });
});
