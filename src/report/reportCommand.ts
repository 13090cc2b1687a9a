// `routeshift report <out-dir>`: (re)write report.html for the results already in an output
// directory, a run's, a comparison's or a check's, without running anything.
//
// The file is written to a temporary sibling and renamed, so a failure never leaves half a
// report. An existing report.html is replaced when routeshift wrote it (its <meta name=
// "generator">); any other file of that name, or an --out file, is replaced only with --force.

import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, basename, join, resolve } from 'node:path';
import { CliError, type CliIo } from '../cli/io.js';
import { routeshiftVersion } from '../cli/manifest.js';
import { displayPath } from '../scenarios/load.js';
import type { CheckReportInput } from './checkReport.js';
import { renderComparisonReport, type ComparisonJson } from './comparisonReport.js';
import { loadOutputs } from './loadOutputs.js';
import { renderRunReport, type ReportResult } from './runReport.js';
import { SeriesCsvError } from './seriesTable.js';

export const REPORT_FILE = 'report.html';

export interface ReportOptions {
  /** Scenario file or built-in name to use instead of the one the manifest names (the baseline, for a comparison). */
  scenario?: string;
  /** For a comparison: the variant's scenario. */
  variant?: string;
  /** Where to write the report (default <dir>/report.html). */
  out?: string;
  force: boolean;
}

export function generatorName(): string {
  return `routeshift ${routeshiftVersion()}`;
}

export async function reportCommand(dirArg: string, options: ReportOptions, io: CliIo): Promise<number> {
  const started = performance.now();
  const dir = resolve(io.cwd, dirArg);
  const shown = displayPath(dir, io.cwd);
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new CliError(`${shown} is not a directory`);
  const loaded = await loadOutputs(dir, shown, io.cwd, options.scenario, options.variant);
  let result: ReportResult;
  if (loaded.kind === 'run') {
    const { scenario, summary, series, manifest, notes } = loaded;
    try {
      result = await renderRunReport({ scenario, summary, series, manifest, notes, generator: generatorName() });
    } catch (error) {
      if (error instanceof SeriesCsvError) throw new CliError(`${shown}/${error.message}`);
      throw error;
    }
  } else if (loaded.kind === 'check') {
    const { renderCheckReport } = await import('./checkReport.js');
    const { scenario, manifest } = loaded;
    result = await renderCheckReport({ scenario, scorecard: loaded.scorecard as CheckReportInput['scorecard'], manifest, generator: generatorName() });
  } else {
    const { baseline, variant, manifest, notes } = loaded;
    result = await renderComparisonReport({ comparison: loaded.comparison as ComparisonJson, baseline, variant, manifest, notes, generator: generatorName() });
  }
  for (const note of loaded.notes) io.stderr(`routeshift: warning: ${note}\n`);
  const file = options.out === undefined ? join(dir, REPORT_FILE) : resolve(io.cwd, options.out);
  await writeReportFile(file, result.html, options.force || false, displayPath(file, io.cwd));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  io.stdout(`wrote ${displayPath(file, io.cwd)} (${Math.round(result.html.length / 1024)} KB, ${result.charts.length} charts) in ${seconds} s\n`);
  return 0;
}

/** Write `html` to `file` through a temporary sibling; see the header for when it may replace a file. */
export async function writeReportFile(file: string, html: string, force: boolean, shown: string): Promise<void> {
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    if (error.code === 'EISDIR') throw new CliError(`${shown} is a directory`);
    throw error;
  });
  if (existing !== undefined && !force && !/<meta name="generator" content="routeshift[ "]/.test(existing.slice(0, 2000))) {
    throw new CliError(`${shown} exists and was not written by routeshift; use --force to replace it`);
  }
  const tmp = join(dirname(file), `.${basename(file)}.tmp-${randomBytes(6).toString('hex')}`);
  try {
    await writeFile(tmp, html);
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
