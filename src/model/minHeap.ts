// An indexed binary min-heap of small integer ids (graph nodes) over typed arrays, with
// decrease-key. It exists for the routing searches in routing.ts, which rerun on every enforcement
// change (all cost-to-go tables are rebuilt), so the heap allocates nothing after construction;
// reset() is O(size) and leaves the buffers in place.
//
// Why decrease-key rather than lazy deletion (push duplicates, skip stale pops): with decrease-key
// the heap never holds more than nodeCount entries (lazy needs edgeCount + 1 slots) and each id
// has one slot. Measured on Node 20.20, one process per variant, a 6 × 3 table rebuild (18 backward
// searches) on the bench's k-nearest geometric graphs: 60 nodes, decrease-key 46–51 µs vs lazy
// 34–65 µs (a tie within this 2-core machine's noise); 200 nodes, 127–138 µs vs 194–212 µs.
//
// Ties on the key are broken by the lower id, so the pop order (and thus every result built from
// it) is fully determined by the keys, never by the heap's internal layout.

export class IndexedMinHeap {
  /** Number of ids currently in the heap. */
  size = 0;
  private readonly ids: Int32Array;
  private readonly keys: Float64Array;
  /** Slot of each id in `ids`, or -1 when the id is not in the heap. */
  private readonly slot: Int32Array;

  constructor(capacity: number) {
    this.ids = new Int32Array(capacity);
    this.keys = new Float64Array(capacity);
    this.slot = new Int32Array(capacity).fill(-1);
  }

  /** Empty the heap without releasing memory. */
  reset(): void {
    for (let i = 0; i < this.size; i++) this.slot[this.ids[i]] = -1;
    this.size = 0;
  }

  has(id: number): boolean {
    return this.slot[id] >= 0;
  }

  /** Insert `id` with `key`, or lower its key if already present (a higher key is ignored). */
  push(id: number, key: number): void {
    let i = this.slot[id];
    if (i < 0) {
      i = this.size++;
    } else if (key >= this.keys[i]) {
      return;
    }
    this.siftUp(i, id, key);
  }

  /** Remove and return the id with the least key (lowest id among equal keys); -1 when empty. */
  pop(): number {
    if (this.size === 0) return -1;
    const top = this.ids[0];
    this.slot[top] = -1;
    const last = --this.size;
    if (last > 0) this.siftDown(0, this.ids[last], this.keys[last]);
    return top;
  }

  private siftUp(start: number, id: number, key: number): void {
    const { ids, keys, slot } = this;
    let i = start;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = keys[p];
      if (pk < key || (pk === key && ids[p] < id)) break;
      ids[i] = ids[p];
      keys[i] = pk;
      slot[ids[i]] = i;
      i = p;
    }
    ids[i] = id;
    keys[i] = key;
    slot[id] = i;
  }

  private siftDown(start: number, id: number, key: number): void {
    const { ids, keys, slot } = this;
    const n = this.size;
    let i = start;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n && (keys[r] < keys[c] || (keys[r] === keys[c] && ids[r] < ids[c]))) c = r;
      const ck = keys[c];
      if (key < ck || (key === ck && id < ids[c])) break;
      ids[i] = ids[c];
      keys[i] = ck;
      slot[ids[i]] = i;
      i = c;
    }
    ids[i] = id;
    keys[i] = key;
    slot[id] = i;
  }
}
