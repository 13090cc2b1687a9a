// Readers for Flee's validation series: one `date,count` file per data_layout.csv entry, or the
// sum of several files interpolated at every date any of them has. Split from readFlee.ts because
// the series are read from the validation folder, not the model inputs.

import { join } from 'node:path';
import { isRealDate } from '../scenarios/dates.js';
import { isComment, numberField, readCsv, type ProblemList } from './csv.js';
import type { DatedValue } from './fleeInputTypes.js';

/** The points of one data_layout.csv entry: one file, or the sum of several at their dates. */
export async function readSeriesFiles(dir: string, files: string[], show: (abs: string) => string, problems: ProblemList): Promise<DatedValue[]> {
  const series = await Promise.all(files.map((name) => readSeries(join(dir, name), show(join(dir, name)), problems)));
  if (series.length === 1) return series[0];
  // Several files: the sum of their (interpolated) values at every date any of them has.
  const dates = [...new Set(series.flat().map((p) => p.date))].sort();
  return dates.map((date) => ({ date, value: series.reduce((sum, s) => sum + valueAt(s, date), 0) }));
}

function valueAt(points: DatedValue[], date: string): number {
  if (points.length === 0) return 0;
  if (date <= points[0].date) return points[0].value;
  for (let i = 1; i < points.length; i++) {
    if (date < points[i].date) {
      const a = Date.parse(points[i - 1].date);
      const fraction = (Date.parse(date) - a) / (Date.parse(points[i].date) - a);
      return points[i - 1].value + fraction * (points[i].value - points[i - 1].value);
    }
  }
  return points[points.length - 1].value;
}

async function readSeries(abs: string, shown: string, problems: ProblemList): Promise<DatedValue[]> {
  const rows = await readCsv(abs, shown, problems);
  const out: DatedValue[] = [];
  const seen = new Map<string, number>();
  rows?.forEach((r, k) => {
    if (isComment(r) || r.fields.length < 2 || r.fields[1] === '') return;
    const date = r.fields[0];
    // Flee skips a first row headed Date or DateTime; any header whose value is not a number is skipped too.
    if (k === 0 && !/^\d/.test(date) && !Number.isFinite(Number(r.fields[1]))) return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isRealDate(date)) {
      problems.add(shown, `"${date}" is not a date YYYY-MM-DD`, r.line, 1, 'date');
      return;
    }
    if (seen.has(date)) {
      problems.add(shown, `${date} appears twice (first on line ${seen.get(date)})`, r.line, 1, 'date');
      return;
    }
    seen.set(date, r.line);
    const value = numberField(r, 1, 'count', shown, problems, { min: 0 });
    if (value !== undefined) out.push({ date, value });
  });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
