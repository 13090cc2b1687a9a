// Reads a Flee scenario directory (shared/research/anchors-mission.md §1.1): the model inputs
// locations.csv, routes.csv, closures.csv, sim_period.csv and optional conflicts.csv, and the
// validation folder (data_layout.csv naming one `date,count` file per camp and the total), and
// the settings in simsetting.yml (readSimsetting.ts) when there is one. The
// result is Flee's data, checked (numbers, dates, names that exist) but not yet converted;
// toScenario.ts turns it into a routeshift scenario. Every problem names the file, line and
// column; all of them are reported together.

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isComment, ProblemList, readCsv } from './csv.js';
import type { FleeInput, FleeLocation, FleeSeries } from './fleeInputTypes.js';
import { readLocations, readRoutes } from './readGeography.js';
import { readClosures, readConflicts, readPeriod } from './readSchedule.js';
import { readSeriesFiles } from './readSeries.js';
import { readSimsetting } from './readSimsetting.js';

export type { DatedValue, FleeClosure, FleeInput, FleeLinkType, FleeLocation, FleeRoute, FleeSeries } from './fleeInputTypes.js';

export interface ReadOptions {
  /** Folder of the validation data; default `<dir>/source_data`, else `<dir>/validation`. */
  validationDir?: string;
  /** Flee's simsetting.yml: a file, false for none; default `<dir>/simsetting.yml` when it exists. */
  simsetting?: string | false;
  /** Shows a path to the user (relative to the working directory when inside it). */
  show: (abs: string) => string;
}

function isDir(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** Read a Flee scenario from `dir` (its `input_csv/` subfolder when there is one). */
export async function readFleeScenario(dir: string, options: ReadOptions): Promise<FleeInput> {
  const problems = new ProblemList();
  const show = options.show;
  if (!isDir(dir)) {
    problems.add(show(dir), existsSync(dir) ? 'is not a directory' : 'no such directory');
    problems.throwIfAny();
  }
  const inputDir = isDir(join(dir, 'input_csv')) ? join(dir, 'input_csv') : dir;
  const validationDir =
    options.validationDir ?? [join(dir, 'source_data'), join(dir, 'validation')].find(isDir) ?? join(dir, 'source_data');
  const notes: string[] = [];
  const file = (name: string) => ({ abs: join(inputDir, name), shown: show(join(inputDir, name)) });

  const [locationRows, routeRows, closureRows, periodRows, conflictRows] = await Promise.all([
    readCsv(file('locations.csv').abs, file('locations.csv').shown, problems),
    readCsv(file('routes.csv').abs, file('routes.csv').shown, problems),
    readCsv(file('closures.csv').abs, file('closures.csv').shown, problems, true),
    readCsv(file('sim_period.csv').abs, file('sim_period.csv').shown, problems),
    readCsv(file('conflicts.csv').abs, file('conflicts.csv').shown, problems, true),
  ]);

  const locations = locationRows ? readLocations(locationRows, file('locations.csv').shown, problems, notes) : [];
  // References are checked against every row of locations.csv, even one with problems of its own,
  // so that one bad latitude does not make every route through the place an error too.
  const named = (locationRows ?? []).filter((r) => !isComment(r));
  const names = new Map<string, FleeLocation | undefined>(named.map((r) => [r.fields[0], undefined]));
  for (const l of locations) names.set(l.name, l);
  const countries = new Set(named.map((r) => r.fields[2] || 'unknown'));
  const routes = routeRows ? readRoutes(routeRows, file('routes.csv').shown, names, problems, notes) : [];
  const closures = closureRows ? readClosures(closureRows, file('closures.csv').shown, names, countries, problems) : [];
  const period = periodRows ? readPeriod(periodRows, file('sim_period.csv').shown, problems) : undefined;
  const conflicts = conflictRows ? readConflicts(conflictRows, file('conflicts.csv').shown, names, problems) : undefined;

  const settingsFile = options.simsetting ?? (existsSync(join(dir, 'simsetting.yml')) ? join(dir, 'simsetting.yml') : undefined);
  const simsetting = settingsFile ? { file: show(settingsFile), ...(await readSimsetting(settingsFile, show(settingsFile), problems)) } : undefined;

  const layoutShown = show(join(validationDir, 'data_layout.csv'));
  let total: FleeSeries | undefined;
  const camps: FleeSeries[] = [];
  if (!isDir(validationDir)) {
    problems.add(show(validationDir), `no such directory: the validation data (data_layout.csv and the camp series) drive Flee's spawning; give its folder with --validation`);
  } else {
    const layout = await readCsv(join(validationDir, 'data_layout.csv'), layoutShown, problems);
    const seen = new Map<string, number>();
    for (const r of layout ?? []) {
      if (isComment(r)) continue;
      const [name, ...files] = r.fields.filter((x) => x !== '');
      if (files.length === 0) {
        problems.add(layoutShown, `"${name}" names no data file`, r.line, 2);
        continue;
      }
      if (seen.has(name)) {
        problems.add(layoutShown, `"${name}" appears twice (first on line ${seen.get(name)})`, r.line, 1);
        continue;
      }
      seen.set(name, r.line);
      if (name !== 'total' && !names.has(name)) {
        problems.add(layoutShown, `"${name}" is not a location of locations.csv`, r.line, 1);
        continue;
      }
      const points = await readSeriesFiles(validationDir, files, show, problems);
      const series = { name, files, points };
      if (name === 'total') total = series;
      else camps.push(series);
    }
    for (const s of camps) {
      const type = names.get(s.name)?.type;
      if (type !== 'camp' && type !== 'idpcamp') notes.push(`${s.name} has a validation series but is not a camp: it counts towards spawning (sum_from_camps) but is not scored, as in Flee`);
    }
    for (const l of locations) {
      if ((l.type === 'camp' || l.type === 'idpcamp') && !seen.has(l.name)) notes.push(`camp ${l.name} has no validation series: it starts empty and is not scored`);
    }
  }
  problems.throwIfAny();
  return {
    inputDir: show(inputDir),
    validationDir: show(validationDir),
    locations,
    routes,
    closures,
    startDate: period!.start,
    lengthDays: period!.length,
    conflicts,
    total,
    camps,
    ...(simsetting ? { simsetting } : {}),
    notes,
  };
}
