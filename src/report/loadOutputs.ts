// Reading an output directory back for `routeshift report <dir>`: a run's summary.json,
// series.csv and manifest.json, a comparison's comparison.json and manifest.json, or a check's
// scorecard.json and manifest.json, and the scenario(s) they were made from.
//
// The scenario is found from the manifest: the file the run read (resolved from the working
// directory, as the run showed it), else the built-in scenario of that id; `--scenario` overrides
// both. Its content hash is checked against the manifest's: when the file changed since the run,
// the report is still written (the numbers are the run's) with a warning that the map and the
// event list come from the current file.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CliError } from '../cli/io.js';
import { applyOverrides, parseOverride } from '../run/overrides.js';
import { builtinIds } from '../scenarios/builtins.js';
import { scenarioHash } from '../scenarios/hash.js';
import { loadScenario } from '../scenarios/load.js';
import type { Scenario } from '../scenarios/types.js';
import type { SummaryJson } from './chartModel.js';
import type { ManifestJson } from './panels.js';

interface ScenarioRecord {
  id?: string;
  hash?: string;
  files?: string[];
}

export type LoadedOutputs =
  | { kind: 'run'; summary: SummaryJson; series: string; manifest?: ManifestJson; scenario: Scenario; notes: string[] }
  | { kind: 'comparison'; comparison: unknown; manifest?: ManifestJson; baseline: Scenario; variant: Scenario; notes: string[] }
  | { kind: 'check'; scorecard: unknown; manifest?: ManifestJson; scenario: Scenario; notes: string[] };

async function readText(dir: string, name: string): Promise<string | undefined> {
  try {
    return await readFile(join(dir, name), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function parseJson(text: string, shown: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${shown} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Load the scenario a manifest names (or `override`), with a note when it changed since. */
async function scenarioFor(
  record: ScenarioRecord,
  fallbackId: string,
  cwd: string,
  override: string | undefined,
  notes: string[],
  set: readonly string[] = [],
): Promise<Scenario> {
  const id = record.id ?? fallbackId;
  let ref = override;
  if (ref === undefined) {
    const file = record.files?.[0];
    if (file !== undefined && existsSync(resolve(cwd, file))) ref = resolve(cwd, file);
    else if (builtinIds().includes(id)) ref = id;
    else {
      throw new CliError(
        `cannot find the scenario of this run (${file ?? id}); give it with --scenario <file or built-in name>`,
      );
    }
  }
  const loaded = (await loadScenario(ref, { cwd })).scenario;
  // A check scored the scenario with its --set overrides, and hashed it with them.
  const scenario = set.length > 0 ? applyOverrides(loaded, set.map(parseOverride)) : loaded;
  if (record.hash !== undefined && scenarioHash(scenario) !== record.hash) {
    notes.push(
      `The scenario ${scenario.id} has changed since this run (its content hash differs from the manifest's): ` +
        `the numbers are the run's, but the map, names and events come from the current ${ref}.`,
    );
  }
  return scenario;
}

/** Read a run's or a comparison's outputs from `dir` (absolute), shown to the user as `shown`. */
export async function loadOutputs(dir: string, shown: string, cwd: string, scenarioOverride?: string, variantOverride?: string): Promise<LoadedOutputs> {
  const manifestText = await readText(dir, 'manifest.json');
  const manifest = manifestText === undefined ? undefined : (parseJson(manifestText, `${shown}/manifest.json`) as ManifestJson);
  const notes: string[] = [];
  const recorded = (manifest?.scenario ?? {}) as ScenarioRecord;

  const comparisonText = await readText(dir, 'comparison.json');
  if (comparisonText !== undefined) {
    const comparison = parseJson(comparisonText, `${shown}/comparison.json`) as {
      baseline?: { scenario?: string };
      variant?: { scenario?: string };
    };
    const details = (manifest?.details ?? {}) as { variant?: ScenarioRecord };
    const baseline = await scenarioFor(recorded, comparison.baseline?.scenario ?? '', cwd, scenarioOverride, notes);
    const variant = await scenarioFor(details.variant ?? {}, comparison.variant?.scenario ?? '', cwd, variantOverride, notes);
    return { kind: 'comparison', comparison, manifest, baseline, variant, notes };
  }

  const scorecardText = await readText(dir, 'scorecard.json');
  if (scorecardText !== undefined) {
    const scorecard = parseJson(scorecardText, `${shown}/scorecard.json`) as { scenario?: { id?: string } };
    const set = ((manifest?.details ?? {}) as { set?: string[] }).set ?? [];
    const scenario = await scenarioFor(recorded, scorecard.scenario?.id ?? '', cwd, scenarioOverride, notes, scenarioOverride === undefined ? set : []);
    return { kind: 'check', scorecard, manifest, scenario, notes };
  }

  const summaryText = await readText(dir, 'summary.json');
  const series = await readText(dir, 'series.csv');
  if (summaryText === undefined || series === undefined) {
    throw new CliError(`${shown} does not hold routeshift results (no summary.json and series.csv, nor comparison.json, nor scorecard.json)`);
  }
  const summary = parseJson(summaryText, `${shown}/summary.json`) as SummaryJson;
  const scenario = await scenarioFor(recorded, summary.scenario, cwd, scenarioOverride, notes);
  return { kind: 'run', summary, series, manifest, scenario, notes };
}
