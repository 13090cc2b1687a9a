// The streaming phase of series.csv: one P² sketch per cell (p2Quantiles.ts) plus the cell's sum,
// started from the runs kept for exact quantiles and then fed one run at a time, in replicate order.
//
// Layout (bench/aggregation.mjs, bench/DECLARATION.md):
// - `constant`: most cells have had one value in every run so far (quiet borders, zeros before and
//   after events: 80% of the 2.9 million daily cells of western-balkans 2015–2026 after 11 runs).
//   Such a cell only needs its count raised; `constant[cell]` holds its value (NaN for any other
//   cell), and the switch to sketches finds these cells in a sequential pass and never sorts,
//   sketches or fills marker heights for them (that brought the switch from ~1,000 to ~630 ms).
// - `slot`: the other cells get a sketch slot in cell order, packed, so a run's updates walk the
//   sketches' heights and positions in order. The per-run cost is then the P² updates of the
//   non-constant fifth of the cells (~65 ms per western-balkans run on the loaded 2-core machine,
//   as before this layout: the updates themselves dominate, not reaching them).
// A constant cell that receives a different value gets the next free slot, its heights filled with
// the constant value. Everything else is exactly what addP2 does, in the same order, so the output
// is the same to the bit as with one sketch per cell (test/run/seriesSketch.test.ts).
// Seeding and adding also come in steps of a range of cells (seedSteps, addSteps), in the same cell
// order and so to the same bits, so that the main thread can hand the worker pool its next tasks
// between steps (series.ts, monteCarlo.ts).

import { P2_MARKERS, addP2, createP2Cells, initP2Cell, p2Quantile, type P2Cells } from './p2Quantiles.js';
import { sortSmall } from './stats.js';

const M = P2_MARKERS;

export class SeriesSketch {
  /** Sketches of the non-constant cells, at slot[cell]; capacity for every cell (pages never
   * written are never committed). */
  private readonly p2: P2Cells;
  /** Sum of each cell's values, in run order. */
  readonly sums: Float64Array;
  /** The value of a cell whose ≥ 9 values have all been equal so far; NaN for every other cell. */
  private readonly constant: Float64Array;
  /** Values counted so far by a constant cell. */
  private readonly constantCounts: Int32Array;
  /** Sketch slot of a non-constant cell; −1 while it is constant. */
  private readonly slot: Int32Array;
  private slots = 0;

  /** The runs kept so far, until every cell is seeded from them (seedSteps). */
  private pending: readonly (readonly Float64Array[])[] | undefined;
  /** Cells seeded so far (they are seeded in cell order). */
  private seeded = 0;

  /** Start from the runs kept so far: kept[run][section] is a run's array for one section
   * (borders, countries, totals); cells run through the sections in order. Without `stepwise`
   * every cell is seeded here; with it the caller seeds them with seedSteps(). */
  constructor(kept: readonly (readonly Float64Array[])[], cells: number, stepwise = false) {
    this.p2 = createP2Cells(cells);
    this.sums = new Float64Array(cells);
    this.constant = new Float64Array(cells).fill(NaN);
    this.constantCounts = new Int32Array(cells);
    this.slot = new Int32Array(cells).fill(-1);
    const length = kept[0]?.reduce((n, a) => n + a.length, 0) ?? 0;
    if (length !== cells) throw new Error(`series sketch: ${length} values per run, expected ${cells}`);
    this.pending = kept;
    if (!stepwise) for (const step of this.seedSteps(cells)) void step;
  }

  /** Seed the cells from the kept runs, `cellsPerStep` at a time, yielding after each step. */
  *seedSteps(cellsPerStep: number): Generator<void, void, void> {
    const kept = this.pending;
    if (kept === undefined) return;
    const cells = this.sums.length;
    while (this.seeded < cells) {
      const to = Math.min(cells, this.seeded + cellsPerStep);
      forSections(kept[0] ?? [], this.seeded, to, (section, offset, from, end) => this.seedRange(kept.map((run) => run[section]), offset, from, end));
      this.seeded = to;
      if (to < cells) yield;
    }
    this.pending = undefined;
  }

  /** Seed cells offset + from … offset + end − 1 from positions from … end − 1 of one section's
   * arrays (one per kept run). */
  private seedRange(arrays: readonly Float64Array[], offset: number, from: number, end: number): void {
    const { sums, constant } = this;
    const runs = arrays.length;
    const values = new Float64Array(runs);
    // First pass, run by run (sequential reads): which cells differ from run 0 in some run
    // (NaN never equals itself, so a cell with an undefined value counts as differing). Only
    // those (a fifth of them) are then gathered across runs, which is strided, sorted and
    // sketched; the others are constant.
    const first = arrays[0];
    const differs = new Uint8Array(end - from);
    for (let r = 1; r < runs; r++) {
      const array = arrays[r];
      for (let i = from; i < end; i++) if (array[i] !== first[i]) differs[i - from] = 1;
    }
    for (let i = from; i < end; i++) {
      const cell = offset + i;
      if (differs[i - from] === 0 && runs >= M && !Number.isNaN(first[i])) {
        const c = first[i];
        this.constantCounts[cell] = runs;
        constant[cell] = c;
        // The sum in run order; of zeros it is +0.
        if (c !== 0) for (let r = 0; r < runs; r++) sums[cell] += c;
        continue;
      }
      let n = 0;
      let min = Infinity;
      let max = -Infinity;
      for (let r = 0; r < runs; r++) {
        const v = arrays[r][i];
        if (Number.isNaN(v)) continue;
        values[n++] = v;
        sums[cell] += v;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (min !== max) sortSmall(values, n);
      const s = (this.slot[cell] = this.slots++);
      initP2Cell(this.p2, s, n === runs ? values : values.subarray(0, n));
    }
  }

  /** Add one run (its arrays per section, as in the constructor). */
  add(arrays: readonly Float64Array[]): void {
    for (const step of this.addSteps(arrays, this.sums.length)) void step;
  }

  /** Add one run, `cellsPerStep` cells at a time, yielding after each step. */
  *addSteps(arrays: readonly Float64Array[], cellsPerStep: number): Generator<void, void, void> {
    if (this.pending !== undefined) throw new Error('series sketch: add before every cell is seeded');
    const cells = this.sums.length;
    for (let from = 0; from < cells; from += cellsPerStep) {
      const to = Math.min(cells, from + cellsPerStep);
      forSections(arrays, from, to, (section, offset, start, end) => this.addRange(arrays[section], offset, start, end));
      if (to < cells) yield;
    }
  }

  /** Add positions from … end − 1 of one section's array, whose first cell is `offset`. */
  private addRange(array: Float64Array, offset: number, from: number, end: number): void {
    const { sums, constant, constantCounts, slot, p2 } = this;
    for (let i = from; i < end; i++) {
      const cell = offset + i;
      const v = array[i];
      if (v === constant[cell]) {
        constantCounts[cell]++;
        // A constant-zero cell's sum is +0, and +0 + ±0 is +0: nothing to add.
        if (v !== 0) sums[cell] += v;
        continue;
      }
      if (Number.isNaN(v)) continue;
      sums[cell] += v;
      let s = slot[cell];
      if (s < 0) s = this.leaveConstant(cell);
      addP2(p2, s, v);
    }
  }

  /** Give a constant cell a sketch slot holding its values so far (all equal). */
  private leaveConstant(cell: number): number {
    const s = (this.slot[cell] = this.slots++);
    this.p2.heights.fill(this.constant[cell], s * M, s * M + M);
    this.p2.counts[s] = this.constantCounts[cell];
    this.constant[cell] = NaN;
    return s;
  }

  count(cell: number): number {
    const s = this.slot[cell];
    return s < 0 ? this.constantCounts[cell] : this.p2.counts[s];
  }

  /** Estimate at marker P2_P05, P2_P50 or P2_P95 of a cell with at least one value. */
  quantile(cell: number, marker: number): number {
    const s = this.slot[cell];
    return s < 0 ? this.constant[cell] : p2Quantile(this.p2, s, marker);
  }
}

/** Call `visit(section, offset, from, end)` for the part of cells [start, stop) in each section,
 * where `offset` is the section's first cell and from … end − 1 are positions in the section. */
function forSections(
  sections: readonly { length: number }[],
  start: number,
  stop: number,
  visit: (section: number, offset: number, from: number, end: number) => void,
): void {
  let offset = 0;
  for (let section = 0; section < sections.length && offset < stop; section++) {
    const length = sections[section].length;
    const from = Math.max(start, offset) - offset;
    const end = Math.min(stop, offset + length) - offset;
    if (from < end) visit(section, offset, from, end);
    offset += length;
  }
}
