// How `run` and `compare` write report.html into the temporary directory they are about to
// rename into place, so the report is as atomic as the other outputs: it appears together with
// them or not at all. The commands import this file lazily (await import) so that loading Vega
// (~250 ms) is paid only when a report is written, never by `validate`, `list` or `--no-report`.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Scenario } from '../scenarios/types.js';
import type { SummaryJson } from './chartModel.js';
import { renderComparisonReport, type ComparisonJson } from './comparisonReport.js';
import type { ManifestJson } from './panels.js';
import { generatorName, REPORT_FILE } from './reportCommand.js';
import { renderRunReport } from './runReport.js';

export interface RunReportFiles {
  /** The scenario as it ran (after any --set overrides). */
  scenario: Scenario;
  /** summary.json and series.csv as written. */
  summaryJson: string;
  seriesCsv: string;
  manifest: object;
}

/** Write report.html for a run into `dir`; returns the file name, or undefined when there is no
 * series.csv to draw from. */
export async function writeRunReport(dir: string, files: RunReportFiles): Promise<string | undefined> {
  if (files.seriesCsv === '') return undefined;
  const { html } = await renderRunReport({
    scenario: files.scenario,
    summary: JSON.parse(files.summaryJson) as SummaryJson,
    series: files.seriesCsv,
    manifest: files.manifest as ManifestJson,
    generator: generatorName(),
  });
  await writeFile(join(dir, REPORT_FILE), html);
  return REPORT_FILE;
}

export interface ComparisonReportFiles {
  baseline: Scenario;
  variant: Scenario;
  /** comparison.json as written (or the object it serialises). */
  comparison: object;
  manifest: object;
}

/** Write report.html for a comparison into `dir`; returns the file name. */
export async function writeComparisonReport(dir: string, files: ComparisonReportFiles): Promise<string> {
  const { html } = await renderComparisonReport({
    comparison: files.comparison as ComparisonJson,
    baseline: files.baseline,
    variant: files.variant,
    manifest: files.manifest as ManifestJson,
    generator: generatorName(),
  });
  await writeFile(join(dir, REPORT_FILE), html);
  return REPORT_FILE;
}
