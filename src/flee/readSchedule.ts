// Readers for the time-dependent parts of a Flee scenario: closures.csv (closure types and the
// places or countries they name), sim_period.csv (StartDate and Length) and conflicts.csv (one
// row of intensities per day). Split from readFlee.ts to keep each reader small; every problem is
// added to the shared ProblemList with its file, line and column.

import { isRealDate } from '../scenarios/dates.js';
import { FLEE_CLOSURE_TYPES, type FleeClosureType } from '../model/flee/spec.js';
import { isComment, numberField, type CsvRecord, type ProblemList } from './csv.js';
import type { FleeClosure } from './fleeInputTypes.js';

export function readClosures(
  rows: CsvRecord[],
  shown: string,
  names: Map<string, unknown>,
  countries: Set<string>,
  problems: ProblemList,
): FleeClosure[] {
  const out: FleeClosure[] = [];
  for (const r of rows) {
    if (isComment(r)) continue;
    const f = r.fields;
    const type = f[0] as FleeClosureType;
    if (!FLEE_CLOSURE_TYPES.includes(type)) {
      problems.add(shown, `unknown closure type "${f[0]}" (expected ${FLEE_CLOSURE_TYPES.join(', ')})`, r.line, 1, 'closure_type');
      continue;
    }
    if (f.length < 5) {
      problems.add(shown, `expected 5 columns (closure_type, name1, name2, closure_start, closure_end), got ${f.length}`, r.line);
      continue;
    }
    const pair = type === 'country' || type === 'link' || type === 'remove_forced_redirection';
    let ok = true;
    for (const k of pair ? [1, 2] : [1]) {
      const known = type === 'country' ? countries.has(f[k]) : names.has(f[k]);
      if (!known) {
        problems.add(shown, `unknown ${type === 'country' ? 'country' : 'location'} "${f[k]}" (not in locations.csv)`, r.line, k + 1, `name${k}`);
        ok = false;
      }
    }
    const start = numberField(r, 3, 'closure_start', shown, problems, { integer: true, min: 0 });
    const end = numberField(r, 4, 'closure_end', shown, problems, { integer: true, min: -1 });
    if (ok && start !== undefined && end !== undefined) out.push({ type, name1: f[1], name2: pair ? f[2] : '', start, end });
  }
  return out;
}

export function readPeriod(rows: CsvRecord[], shown: string, problems: ProblemList): { start: string; length: number } | undefined {
  let start: string | undefined;
  let length: number | undefined;
  for (const r of rows) {
    if (isComment(r)) continue;
    const key = r.fields[0].toLowerCase();
    if (key === 'startdate') {
      if (!isRealDate(r.fields[1] ?? '') || !/^\d{4}-\d{2}-\d{2}$/.test(r.fields[1])) {
        problems.add(shown, `"${r.fields[1] ?? ''}" is not a date YYYY-MM-DD`, r.line, 2, 'StartDate');
      } else {
        start = r.fields[1];
      }
    } else if (key === 'length') {
      length = numberField(r, 1, 'Length', shown, problems, { integer: true, min: 1 });
    } else {
      problems.add(shown, `unknown setting "${r.fields[0]}" (expected StartDate and Length)`, r.line, 1);
    }
  }
  if (start === undefined && !problems.problems.some((p) => p.file === shown)) problems.add(shown, 'missing the StartDate row (StartDate,YYYY-MM-DD)');
  if (length === undefined && !problems.problems.some((p) => p.file === shown)) problems.add(shown, 'missing the Length row (Length,<days>)');
  return start !== undefined && length !== undefined ? { start, length } : undefined;
}

export function readConflicts(rows: CsvRecord[], shown: string, names: Map<string, unknown>, problems: ProblemList) {
  if (rows.length === 0) return undefined;
  // The first row is the header (#Day, then location names), whether or not it starts with #.
  const [header, ...data] = rows;
  const columns = header.fields.slice(1);
  let ok = true;
  columns.forEach((name, k) => {
    if (name !== '' && !names.has(name)) {
      problems.add(shown, `unknown location "${name}" (not in locations.csv)`, header.line, k + 2);
      ok = false;
    }
  });
  const table: number[][] = [];
  for (const r of data) {
    if (isComment(r)) continue;
    numberField(r, 0, 'day', shown, problems, { integer: true, min: 0 });
    const row: number[] = [];
    columns.forEach((name, k) => {
      if (name === '') return;
      const v = numberField(r, k + 1, name, shown, problems, { min: 0 });
      row.push(v ?? 0);
    });
    table.push(row);
  }
  return ok ? { names: columns.filter((c) => c !== ''), rows: table } : undefined;
}
