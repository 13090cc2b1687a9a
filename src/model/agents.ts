// The agent table: struct-of-arrays typed columns with a free list, no object per agent. Why:
// 44 bytes per agent instead of ~120 for plain objects (anchors-perf-aesthetics §A3.2), no GC
// tracing of millions of objects, and columns that can be transferred between threads or hashed
// for determinism tests. Slots of people who arrived or died are reused.

export const FREE = 0;
/** At a node, deciding today (newly arrived at an entry). */
export const AT_NODE = 1;
/** On an edge, `daysLeft` days from its end. */
export const MOVING = 2;
/** At a node, waiting `daysLeft` days (after a failed attempt, an injury, or no affordable hop). */
export const WAITING = 3;
/** Detected at a crossing and held `daysLeft` days before being let through. */
export const DETAINED = 4;

export interface AgentTable {
  capacity: number;
  /** One past the highest slot ever used; loops run over [0, highWater). */
  highWater: number;
  status: Uint8Array;
  cohort: Uint8Array;
  /** Failed attempts at the border in front of the current node. */
  failures: Uint8Array;
  /** 1 while holding a camp place at the current node. */
  sheltered: Uint8Array;
  node: Int32Array;
  prevNode: Int32Array;
  edge: Int32Array;
  daysLeft: Int32Array;
  /** Index into CompiledScenario.destinations. */
  dest: Int32Array;
  entryDay: Int32Array;
  lastCrossDay: Int32Array;
  moneyEur: Float32Array;
  /** 1 + the border for which a guaranteed smuggling package is paid, 0 for none. */
  paidBorder: Int16Array;
  /** Border attempts of the whole journey, alone or smuggled ("the game"), and the failed ones. */
  attempts: Uint16Array;
  failedAttempts: Uint16Array;
  /** Consecutive days without money (only counted with a `stranding` block). */
  brokeDays: Uint16Array;
}

/** Bytes of column data per agent slot (test/model/agents.test.ts checks it against the columns;
 * the budget of the beliefs issue is 128). Beliefs are held per community, not per agent
 * (beliefs.ts), so they cost no bytes here. */
export const BYTES_PER_AGENT = 4 * 1 + 7 * 4 + 4 + 2 + 3 * 2;

export function createAgentTable(capacity: number): AgentTable {
  return {
    capacity,
    highWater: 0,
    status: new Uint8Array(capacity),
    cohort: new Uint8Array(capacity),
    failures: new Uint8Array(capacity),
    sheltered: new Uint8Array(capacity),
    node: new Int32Array(capacity),
    prevNode: new Int32Array(capacity),
    edge: new Int32Array(capacity),
    daysLeft: new Int32Array(capacity),
    dest: new Int32Array(capacity),
    entryDay: new Int32Array(capacity),
    lastCrossDay: new Int32Array(capacity),
    moneyEur: new Float32Array(capacity),
    paidBorder: new Int16Array(capacity),
    attempts: new Uint16Array(capacity),
    failedAttempts: new Uint16Array(capacity),
    brokeDays: new Uint16Array(capacity),
  };
}

/** Double the capacity, copying every column. */
function grow(t: AgentTable): void {
  const next = createAgentTable(t.capacity * 2);
  for (const key of Object.keys(next) as (keyof AgentTable)[]) {
    const col = next[key];
    if (ArrayBuffer.isView(col)) (col as Uint8Array).set(t[key] as Uint8Array);
  }
  Object.assign(t, next, { highWater: t.highWater });
}

/** Slots per block of `FreeList.blockLive`. */
export const BLOCK_SHIFT = 5;

export interface FreeList {
  slots: Int32Array;
  count: number;
  /** People per block of 2^BLOCK_SHIFT slots (slot i is in block i >> BLOCK_SHIFT), so the daily
   * loop skips empty blocks whole, in slot order. Why: after the 2015–16 peak, western-balkans has
   * ~8,900 slots of which ~570 are in use on an average day (7%); the loop read the status of
   * 37 million slots per replicate for 2.5 million agent-steps. */
  blockLive: Int32Array;
}

export function createFreeList(capacity: number): FreeList {
  return { slots: new Int32Array(capacity), count: 0, blockLive: new Int32Array((capacity >> BLOCK_SHIFT) + 1) };
}

/** A free slot (reused if any, else a new one, growing the table if needed). */
export function allocate(t: AgentTable, free: FreeList): number {
  const i = free.count > 0 ? free.slots[--free.count] : newSlot(t, free);
  free.blockLive[i >> BLOCK_SHIFT]++;
  return i;
}

function newSlot(t: AgentTable, free: FreeList): number {
  if (t.highWater === t.capacity) grow(t);
  if (t.highWater >> BLOCK_SHIFT >= free.blockLive.length) {
    const bigger = new Int32Array(free.blockLive.length * 2);
    bigger.set(free.blockLive);
    free.blockLive = bigger;
  }
  return t.highWater++;
}

export function release(t: AgentTable, free: FreeList, i: number): void {
  t.status[i] = FREE;
  free.blockLive[i >> BLOCK_SHIFT]--;
  if (free.count === free.slots.length) {
    const bigger = new Int32Array(free.slots.length * 2);
    bigger.set(free.slots);
    free.slots = bigger;
  }
  free.slots[free.count++] = i;
}
