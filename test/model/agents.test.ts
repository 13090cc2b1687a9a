// The agent table: column bytes per agent within the 64-byte budget, slot reuse, growth.

import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { BLOCK_SHIFT, BYTES_PER_AGENT, MOVING, allocate, createAgentTable, createFreeList, release } from '../../src/model/agents.js';

describe('agent table', () => {
  it('holds at most 64 bytes of column data per agent, as BYTES_PER_AGENT says', () => {
    const t = createAgentTable(10);
    const bytes = Object.values(t)
      .filter((v): v is Uint8Array => ArrayBuffer.isView(v))
      .reduce((sum, col) => sum + col.BYTES_PER_ELEMENT, 0);
    expect(bytes).toBe(BYTES_PER_AGENT);
    expect(bytes).toBeLessThanOrEqual(64);
  });

  it('reuses released slots and grows without losing data', () => {
    const t = createAgentTable(2);
    const free = createFreeList(2);
    const a = allocate(t, free);
    const b = allocate(t, free);
    t.node[a] = 7;
    t.moneyEur[b] = 12.5;
    t.status[b] = MOVING;
    const c = allocate(t, free);
    expect(c).toBe(2);
    expect(t.capacity).toBe(4);
    expect(t.node[a]).toBe(7);
    expect(t.moneyEur[b]).toBe(12.5);
    release(t, free, a);
    expect(t.status[a]).toBe(0);
    expect(allocate(t, free)).toBe(a);
    expect(t.highWater).toBe(3);
  });

  it('counts the people in each block of slots, through reuse and growth', () => {
    const rng = seedrandom.alea('blocks');
    const t = createAgentTable(4);
    const free = createFreeList(4);
    const live: number[] = [];
    for (let round = 0; round < 5000; round++) {
      if (live.length === 0 || rng() < 0.55) {
        const i = allocate(t, free);
        t.status[i] = MOVING;
        live.push(i);
      } else {
        const [i] = live.splice(Math.floor(rng() * live.length), 1);
        release(t, free, i);
      }
    }
    expect(t.highWater).toBeGreaterThan(200);
    for (let block = 0; block << BLOCK_SHIFT < t.highWater; block++) {
      let people = 0;
      for (let i = block << BLOCK_SHIFT; i < Math.min(t.highWater, (block + 1) << BLOCK_SHIFT); i++) if (t.status[i] !== 0) people++;
      expect(free.blockLive[block]).toBe(people);
    }
  });
});
