// `--until-ci metric=width`: keep adding replicates until the 95% confidence interval of a mean in
// summary.json is at most `width` wide.
//
//   metric  a summary.json path: totals.<metric>, borders.<border>.<metric>, countries.<country>.<metric>
//           (borders.RS-HU.crossings, totals.arrivals, borders.RS-HR.exitShare)
//   width   the full width ciHigh − ciLow, in the metric's own unit (totals.arrivals=500: ±250
//           people), or with a trailing % relative to the mean (borders.RS-HU.crossings=5%: the
//           width is at most 5% of |mean|)
//
// The check runs after each replicate in replicate order, on unrounded statistics, from the
// `runs`-th replicate on; the batch stops at the first run count where every target holds.
// `compare` applies it to the paired difference variant − baseline (after each pair), `sweep` to
// each grid point on its own (the next point starts when one point's targets hold).

import { closestName } from '../scenarios/suggest.js';
import type { RecordLayout } from './runRecord.js';
import { ciHalfWidth } from './stats.js';
import type { SummaryAccumulator } from './summary.js';

export interface CiTarget {
  /** summary.json path of the metric. */
  path: string;
  width: number;
  /** Width as a fraction of |mean| rather than in the metric's unit. */
  relative: boolean;
  /** As the user wrote it. */
  text: string;
}

/** Parse `path=width` or `path=width%`; throws an Error with a usable message. */
export function parseCiTarget(text: string): CiTarget {
  const eq = text.lastIndexOf('=');
  const path = text.slice(0, eq).trim();
  const raw = text.slice(eq + 1).trim();
  const relative = raw.endsWith('%');
  const width = Number(relative ? raw.slice(0, -1) : raw);
  if (eq <= 0 || path === '' || raw === '' || !Number.isFinite(width) || width <= 0) {
    throw new Error(`"${text}" is not metric=width (e.g. totals.arrivals=500 or borders.RS-HU.crossings=5%)`);
  }
  return { path, width: relative ? width / 100 : width, relative, text };
}

/** Record indices of the targets' metrics; an unknown path names the closest that exists, or a
 * few examples. `file` is where the metric must be (comparison.json has no countries). */
export function resolveCiTargets(layout: RecordLayout, targets: readonly CiTarget[], file = 'summary.json'): number[] {
  const inFile = (path: string) => file !== 'comparison.json' || !path.startsWith('countries.');
  return targets.map((t) => {
    const index = inFile(t.path) ? layout.index.get(t.path) : undefined;
    if (index === undefined) {
      const known = [...layout.index.keys()].filter(inFile);
      const near = closestName(t.path, known);
      const examples = known.filter((k) => k.startsWith('totals.') || k.includes('.crossings')).slice(0, 6);
      const hint = near !== undefined ? `did you mean "${near}"?` : `for example: ${examples.join(', ')}`;
      throw new Error(`--until-ci: no metric "${t.path}" in ${file} (${hint})`);
    }
    return index;
  });
}

/** Width of the 95% interval of the mean of `n` values (NaN ones skipped), and the mean. */
function widthOf(n: number, value: (run: number) => number): { width: number; mean: number } {
  let defined = 0;
  let sum = 0;
  for (let r = 0; r < n; r++) {
    const v = value(r);
    if (!Number.isNaN(v)) {
      defined++;
      sum += v;
    }
  }
  const mean = sum / defined;
  let squares = 0;
  for (let r = 0; r < n; r++) {
    const v = value(r);
    if (!Number.isNaN(v)) squares += (v - mean) ** 2;
  }
  const sd = defined > 1 ? Math.sqrt(squares / (defined - 1)) : NaN;
  return { width: 2 * ciHalfWidth(sd, defined), mean };
}

/** Width of the 95% interval of the mean of one record entry so far (NaN if undefined). */
export function ciWidth(summary: SummaryAccumulator, index: number): { width: number; mean: number } {
  const { records } = summary;
  return widthOf(records.length, (r) => records[r][index]);
}

/** Width of the paired 95% interval of mean(variant − baseline) of one record entry, over the
 * runs both arms have (compare --until-ci): the interval comparison.json reports as `difference`. */
export function pairedCiWidth(baseline: SummaryAccumulator, variant: SummaryAccumulator, index: number): { width: number; mean: number } {
  const a = baseline.records;
  const b = variant.records;
  return widthOf(Math.min(a.length, b.length), (r) => b[r][index] - a[r][index]);
}

function met(target: CiTarget, { width, mean }: { width: number; mean: number }): boolean {
  return Number.isFinite(width) && width <= (target.relative ? target.width * Math.abs(mean) : target.width);
}

export function ciTargetsMet(summary: SummaryAccumulator, targets: readonly CiTarget[], indices: readonly number[]): boolean {
  return targets.every((t, i) => met(t, ciWidth(summary, indices[i])));
}

export function pairedCiTargetsMet(
  baseline: SummaryAccumulator,
  variant: SummaryAccumulator,
  targets: readonly CiTarget[],
  indices: readonly number[],
): boolean {
  return targets.every((t, i) => met(t, pairedCiWidth(baseline, variant, indices[i])));
}
