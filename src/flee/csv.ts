// Reading Flee's CSV files with csv-parse, keeping each record's line number so that a problem is
// reported where it is: `input_csv/routes.csv: line 4, column 3 (distance): "12km" is not a number`.
// Columns are field numbers (1-based), the way a spreadsheet user counts them. Problems are
// collected, not thrown one by one, so a user fixes every file in one pass; the reader ends with
// one ScenarioError listing them all (the CLI prints it and exits with 1, without a stack).

import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { ScenarioError, type ScenarioProblem } from '../scenarios/errors.js';
import { readFailure } from '../scenarios/readFailure.js';

export interface CsvRecord {
  /** 1-based line number of the record in its file. */
  line: number;
  fields: string[];
}

/** Problems found while reading a Flee scenario, reported together. */
export class ProblemList {
  readonly problems: ScenarioProblem[] = [];

  add(file: string, message: string, line?: number, column?: number, columnName?: string): void {
    const where = line === undefined ? '' : `line ${line}${column === undefined ? '' : `, column ${column}${columnName ? ` (${columnName})` : ''}`}: `;
    this.problems.push({ file, path: '', message: where + message });
  }

  /** Throw every problem collected so far as one ScenarioError. */
  throwIfAny(): void {
    if (this.problems.length > 0) throw new ScenarioError(this.problems);
  }
}

const SYNTAX: Record<string, string> = {
  CSV_INVALID_CLOSING_QUOTE: 'a quoted field goes on after its closing quote',
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a quoted field goes on after its closing quote',
  INVALID_OPENING_QUOTE: 'a quote opens in the middle of a field',
  CSV_INVALID_OPENING_QUOTE: 'a quote opens in the middle of a field',
};

/** Line and field where the last quote left open in `text` was opened (for an unclosed quote,
 * which csv-parse reports where it gave up: at the end of the file). */
function openQuote(text: string): { line: number; column: number } {
  let line = 1;
  let column = 1;
  let inQuote = false;
  let at = { line: 1, column: 1 };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      if (!inQuote) at = { line, column };
      inQuote = !inQuote;
    } else if (c === '\n') {
      line++;
      if (!inQuote) column = 1;
    } else if (!inQuote && c === ',') {
      column++;
    }
  }
  return at;
}

interface CsvParseError extends Error {
  code?: string;
  lines?: number;
  column?: number;
}

/** Parse CSV text; undefined (and a problem with line and column) when it is not valid CSV. */
export function parseCsv(text: string, shown: string, problems: ProblemList): CsvRecord[] | undefined {
  try {
    const rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return rows.filter((r) => r.record.some((f) => f !== '')).map((r) => ({ line: r.info.lines, fields: r.record }));
  } catch (error) {
    const e = error as CsvParseError;
    const reason = (e.code && SYNTAX[e.code]) || e.message.replace(/ at line \d+.*$/s, '');
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
      const at = openQuote(text);
      problems.add(shown, `invalid CSV: ${reason}`, at.line, at.column);
    } else {
      problems.add(shown, `invalid CSV: ${reason}`, e.lines, e.column === undefined ? undefined : e.column + 1);
    }
    return undefined;
  }
}

/** Read and parse a CSV file; undefined with a problem when it is missing or malformed. */
export async function readCsv(abs: string, shown: string, problems: ProblemList, optional = false): Promise<CsvRecord[] | undefined> {
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && optional) return undefined;
    problems.add(shown, readFailure(error, 'a CSV file'));
    return undefined;
  }
  return parseCsv(text, shown, problems);
}

/** True for Flee's comment and header lines (first field starting with `#`). */
export function isComment(record: CsvRecord): boolean {
  return record.fields[0]?.startsWith('#') ?? false;
}

/** A number from a field, or a problem naming the line, column and column name. */
export function numberField(
  record: CsvRecord,
  index: number,
  name: string,
  shown: string,
  problems: ProblemList,
  check: { integer?: boolean; min?: number; exclusiveMin?: number; max?: number; empty?: number } = {},
): number | undefined {
  const text = record.fields[index] ?? '';
  if (text === '' && check.empty !== undefined) return check.empty;
  const value = Number(text);
  const fail = (message: string) => {
    problems.add(shown, message, record.line, index + 1, name);
    return undefined;
  };
  if (text === '') return fail('missing value');
  if (!Number.isFinite(value)) return fail(`"${text}" is not a number`);
  if (check.integer && !Number.isInteger(value)) return fail(`"${text}" is not a whole number`);
  if (check.min !== undefined && value < check.min) return fail(`must be at least ${check.min}, got ${text}`);
  if (check.exclusiveMin !== undefined && value <= check.exclusiveMin) return fail(`must be more than ${check.exclusiveMin}, got ${text}`);
  if (check.max !== undefined && value > check.max) return fail(`must be at most ${check.max}, got ${text}`);
  return value;
}
