// Camp places. A person who waits at a node takes a camp place while there are any (shelter
// capacity, in agents) and sleeps rough otherwise; the place is freed when they move on. Camps
// that are full and people sleeping in the forest are in seeds-001-003-004 §2.2 (seed 003 L1062).

import type { AgentTable } from './agents.js';
import type { CompiledScenario } from './compiled.js';

export interface Shelter {
  enter(i: number): void;
  leave(i: number): void;
}

export function createShelter(compiled: CompiledScenario, agents: AgentTable): Shelter {
  const net = compiled.network;
  const places = Float64Array.from(net.shelterCapacity, (cap) => Math.floor(cap / compiled.peoplePerAgent));
  const used = new Float64Array(places.length);
  return {
    enter(i) {
      const n = agents.node[i];
      if (agents.sheltered[i] === 0 && used[n] < places[n]) {
        used[n]++;
        agents.sheltered[i] = 1;
      }
    },
    leave(i) {
      if (agents.sheltered[i] === 1) {
        used[agents.node[i]]--;
        agents.sheltered[i] = 0;
      }
    },
  };
}
