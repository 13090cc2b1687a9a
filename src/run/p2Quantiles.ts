// Streaming estimates of the 5%, 50% and 95% quantiles for many cells at once (one cell per
// metric × entity × day of series.csv), in fixed memory: the P² algorithm (Jain & Chlamtac 1985,
// "The P² algorithm for dynamic calculation of quantiles and histograms without storing
// observations", CACM 28(10)) extended to several quantiles (Raatikainen 1987): 2m + 3 = 9 markers
// at probabilities 0, p1/2, p1, (p1+p2)/2, p2, (p2+p3)/2, p3, (1+p3)/2, 1 for p = .05, .5, .95.
//
// Why P² and not a t-digest: a digest per cell is a JS object with a centroid list (about 100
// centroids × 16 bytes); the 12-year western-balkans scenario has 2.5 million cells, so digests
// would take gigabytes and millions of objects, while P² needs 9 heights (float64) and 9 positions
// (int32) per cell: 112 bytes, in three typed arrays. It is deterministic for a given input order, so series.csv stays byte-identical for any
// thread count (values arrive in replicate order). It is an estimate: docs/outputs.md says when it
// is used (beyond the exact-quantile bound of series.ts) and how accurate to expect it.
//
// Until a cell has 9 values, the heights hold its sorted values and quantiles are exact (type 7).

export const P2_PROBABILITIES = [0, 0.025, 0.05, 0.275, 0.5, 0.725, 0.95, 0.975, 1] as const;
/** Markers per cell. */
export const P2_MARKERS = P2_PROBABILITIES.length;
const M = P2_MARKERS;
/** Marker index of the 5%, 50% and 95% estimates. */
export const P2_P05 = 2;
export const P2_P50 = 4;
export const P2_P95 = 6;

export interface P2Cells {
  readonly cells: number;
  /** Marker heights: heights[cell * 9 + i]. */
  readonly heights: Float64Array;
  /** Marker positions (1-based ranks): positions[cell * 9 + i]. */
  readonly positions: Int32Array;
  /** Values seen per cell (NaN values are skipped and not counted). */
  readonly counts: Int32Array;
}

export function createP2Cells(cells: number): P2Cells {
  return { cells, heights: new Float64Array(cells * M), positions: new Int32Array(cells * M), counts: new Int32Array(cells) };
}

/** Start a cell from its first values, already sorted ascending (non-NaN), as if they had been
 * added one by one and the markers then placed on the order statistics nearest their probabilities. */
export function initP2Cell(p: P2Cells, cell: number, sorted: ArrayLike<number>): void {
  const n = sorted.length;
  const o = cell * M;
  p.counts[cell] = n;
  if (n < M) {
    for (let i = 0; i < n; i++) p.heights[o + i] = sorted[i];
    return;
  }
  const ranks = markerRanks(n);
  for (let i = 0; i < M; i++) {
    p.positions[o + i] = ranks[i];
    p.heights[o + i] = sorted[ranks[i] - 1];
  }
}

/** Marker ranks of a cell started from n ≥ 9 values, by n (a cache: series.csv starts every cell
 * of a batch from the same number of runs, and computing them per cell took a third of the switch
 * to sketches). */
const ranksByCount = new Map<number, Int32Array>();

function markerRanks(n: number): Int32Array {
  let ranks = ranksByCount.get(n);
  if (ranks === undefined) {
    // Markers sit on the order statistics nearest their probabilities, on distinct ranks: each at
    // least one above the previous and leaving room for the ones above it (n ≥ 9 makes that possible).
    ranks = new Int32Array(M);
    for (let i = 0; i < M; i++) {
      const ideal = 1 + Math.round((n - 1) * P2_PROBABILITIES[i]);
      const lowest = i === 0 ? 1 : ranks[i - 1] + 1;
      ranks[i] = Math.min(Math.max(ideal, lowest), n - (M - 1 - i));
    }
    ranksByCount.set(n, ranks);
  }
  return ranks;
}

/** Place the markers of a cell whose values are all equal on their ideal distinct ranks. */
function resetConstantCell(p: P2Cells, o: number, n: number): void {
  p.positions.set(markerRanks(n), o);
}

/** Move marker i of the cell at offset o one rank in direction s (±1): parabolic (P²) height
 * if it stays between its neighbours, else linear. */
function moveMarker(h: Float64Array, pos: Int32Array, o: number, i: number, s: number): void {
  const hi = h[o + i];
  const up = pos[o + i + 1] - pos[o + i];
  const down = pos[o + i - 1] - pos[o + i];
  const parabolic =
    hi +
    (s / (pos[o + i + 1] - pos[o + i - 1])) *
      ((pos[o + i] - pos[o + i - 1] + s) * ((h[o + i + 1] - hi) / up) + (pos[o + i + 1] - pos[o + i] - s) * ((hi - h[o + i - 1]) / -down));
  if (h[o + i - 1] < parabolic && parabolic < h[o + i + 1]) h[o + i] = parabolic;
  else h[o + i] = hi + (s * (h[o + i + s] - hi)) / (pos[o + i + s] - pos[o + i]);
  pos[o + i] += s;
}

/** Add one observation to a cell. */
export function addP2(p: P2Cells, cell: number, x: number): void {
  if (Number.isNaN(x)) return;
  const h = p.heights;
  const pos = p.positions;
  const o = cell * M;
  const n = p.counts[cell];
  if (n < M) {
    // Startup: keep the first values sorted (insertion), exact quantiles meanwhile.
    let i = n;
    while (i > 0 && h[o + i - 1] > x) {
      h[o + i] = h[o + i - 1];
      i--;
    }
    h[o + i] = x;
    p.counts[cell] = n + 1;
    if (n + 1 === M) for (let j = 0; j < M; j++) pos[o + j] = j + 1;
    return;
  }
  const lowest = h[o];
  const highest = h[o + M - 1];
  // Fast path: a cell whose values have all been x so far (most cells of a long scenario: zeros on
  // quiet borders and days) only counts; its marker ranks are brought up to date when a different
  // value arrives. Measured on western-balkans 2015–2026 (2.6 million cells): see
  // bench/DECLARATION.md, bench/parallel.mjs. (series.csv's sketches keep such cells apart,
  // seriesSketch.ts; this path serves other callers and cells that become constant at start-up.)
  if (x === lowest && x === highest) {
    p.counts[cell] = n + 1;
    return;
  }
  if (lowest === highest) resetConstantCell(p, o, n);
  let k: number;
  if (x < lowest) {
    h[o] = x;
    k = 0;
  } else if (x >= highest) {
    h[o + M - 1] = x;
    k = M - 2;
  } else {
    k = 0;
    while (x >= h[o + k + 1]) k++;
  }
  for (let i = k + 1; i < M; i++) pos[o + i] += 1;
  const count = n + 1;
  p.counts[cell] = count;
  // A marker moves when its desired rank 1 + (count − 1)·p is a whole rank or more away and the
  // neighbour on that side leaves room (moveMarker).
  const ranks = count - 1;
  for (let i = 1; i < M - 1; i++) {
    const at = pos[o + i];
    const d = 1 + ranks * P2_PROBABILITIES[i] - at;
    if (d >= 1) {
      if (pos[o + i + 1] - at > 1) moveMarker(h, pos, o, i, 1);
    } else if (d <= -1) {
      if (pos[o + i - 1] - at < -1) moveMarker(h, pos, o, i, -1);
    }
  }
}

/** Estimate of marker `marker` (P2_P05, P2_P50, P2_P95) of a cell; NaN for an empty cell. */
export function p2Quantile(p: P2Cells, cell: number, marker: number): number {
  const n = p.counts[cell];
  const o = cell * M;
  if (n === 0) return NaN;
  if (n >= M) return p.heights[o + marker];
  // Startup: exact type-7 quantile of the sorted values.
  const h = (n - 1) * P2_PROBABILITIES[marker];
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const frac = h - lo;
  return frac === 0 ? p.heights[o + lo] : p.heights[o + lo] + frac * (p.heights[o + hi] - p.heights[o + lo]);
}
