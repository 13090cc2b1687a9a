// import-flee: the fixtures convert to exactly the expected scenario and benchmark, the written
// scenario passes the project's loader and validator, and malformed input is reported with file,
// line and column, exit code 1, no stack trace, nothing written. score-flee scores an imported run.

import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import { loadScenario } from '../../src/scenarios/load.js';
import { validateScenario } from '../../src/scenarios/validate.js';
import { FIXTURES, importFixture } from './helpers.js';

const root = mkdtempSync(join(tmpdir(), 'routeshift-flee-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const STACK_FRAME = /^\s+at /m;

/** A fresh working directory holding a copy of a fixture folder under its own name. */
function workdir(fixture?: string): string {
  const cwd = join(root, `case-${n++}`);
  mkdirSync(cwd);
  if (fixture) cpSync(join(FIXTURES, fixture), join(cwd, fixture), { recursive: true });
  return cwd;
}

async function cli(cwd: string, args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd, env: {} });
  return { code, stdout, stderr };
}

describe('converting the fixtures', () => {
  it('closure: exactly this scenario and benchmark', async () => {
    const { scenario, benchmark, notes } = await importFixture('closure');
    expect(scenario).toEqual({
      id: 'closure',
      name: 'closure (imported from Flee)',
      description:
        'Imported from the Flee scenario in test/fixtures/flee/closure with validation data from test/fixtures/flee/closure/validation: 2 locations, 1 routes, 1 closures. Runs under Flee\'s movement rules (rules.mode "flee").',
      period: { start: '2021-06-01', end: '2021-06-08' },
      countries: { QM: { name: 'Xland', eu: false, reportingRate: 1 }, QN: { name: 'Yland', eu: false, reportingRate: 1 } },
      nodes: [
        { id: 'a', name: 'A', country: 'QM', lat: 0, lon: 0, kind: 'entry', shelterCapacity: 0, livingCostEurPerDay: 0 },
        { id: 'b', name: 'B', country: 'QN', lat: 0, lon: 3, kind: 'camp', shelterCapacity: 0, livingCostEurPerDay: 0 },
      ],
      edges: [{ from: 'a', to: 'b', distanceKm: 350, mode: 'vehicle', hazard: 0, fareEur: 0 }],
      cohorts: [
        {
          id: 'displaced',
          name: 'Displaced people (Flee agents)',
          budgetEur: { mean: 1000, sd: 0 },
          riskAversion: 1,
          destinations: { b: 1 },
          source: 'assumption: Flee agents have no budget or destination; used only without rules',
        },
      ],
      // Spawns follow the camp series by default (sum_from_camps): 100 on day 4 (June 5).
      inflow: [{ entry: 'a', cohort: 'displaced', monthly: { '2021-06': 100 } }],
      rules: {
        mode: 'flee',
        homeCountry: 'QM',
        locations: { a: { type: 'conflict_zone', population: 1000 }, b: { type: 'camp' } },
        closures: [{ type: 'link', from: 'a', to: 'b', start: '2021-06-02', end: '2021-06-04' }],
        conflicts: { a: { '2021-06-01': 1 } },
        refugees: {
          total: { '2021-06-01': 3, '2021-06-02': 100 },
          camps: { b: { '2021-06-01': 0, '2021-06-04': 0, '2021-06-05': 100 } },
        },
      },
      sources: { flee: { title: 'Flee scenario closure', ref: 'test/fixtures/flee/closure' } },
    });
    expect(benchmark).toEqual({
      source: 'Flee validation data: test/fixtures/flee/closure/validation/data_layout.csv',
      scenario: 'closure',
      series: [
        {
          entity: 'b',
          name: 'B',
          metric: 'present',
          points: [
            { date: '2021-06-01', value: 0 },
            { date: '2021-06-04', value: 0 },
            { date: '2021-06-05', value: 100 },
          ],
        },
        {
          entity: 'total',
          name: 'total',
          metric: 'displacedTotal',
          points: [
            { date: '2021-06-01', value: 3 },
            { date: '2021-06-02', value: 100 },
          ],
        },
      ],
    });
    expect(notes).toEqual([
      'country "Xland" has no known ISO code: it is QM (set one with --country "Xland=XY")',
      'country "Yland" has no known ISO code: it is QN (set one with --country "Yland=XY")',
    ]);
  });

  it('tiny: exactly the reviewed scenario and benchmark in tiny/expected/', async () => {
    const { scenario, benchmark, notes } = await importFixture('tiny');
    const expected = (name: string) => JSON.parse(readFileSync(join(FIXTURES, 'tiny/expected', name), 'utf8'));
    expect(scenario).toEqual(expected('scenario.json'));
    expect(benchmark).toEqual(expected('benchmark.json'));
    expect(notes).toEqual([
      'country "Alandia" has no known ISO code: it is QM (set one with --country "Alandia=XY")',
      'country "Borduria" has no known ISO code: it is QN (set one with --country "Borduria=XY")',
      "conflicts.csv has 10 days, the period 30: the last day's intensities hold after it",
    ]);
    expect(validateScenario(scenario)).toEqual([]);
  });
});

describe('routeshift import-flee', () => {
  it('writes a scenario the loader validates and a benchmark next to it', async () => {
    const cwd = workdir('tiny');
    const r = await cli(cwd, ['import-flee', 'tiny', '--out', 'tiny.json', '--country', 'Alandia=AL', '--country', 'Borduria=BD']);
    expect(r.stderr).toBe("routeshift: note: conflicts.csv has 10 days, the period 30: the last day's intensities hold after it\n");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'routeshift: imported tiny/input_csv: 6 locations (2 camps, 2 conflict zones), 5 routes, 1 closures, 2020-01-01 to 2020-01-30\n' +
        'wrote tiny.json and tiny.benchmark.json (3 observed series)\n' +
        'next: routeshift run tiny.json   or   routeshift score-flee tiny.json tiny.benchmark.json\n',
    );
    const { scenario } = await loadScenario(join(cwd, 'tiny.json'));
    expect(Object.keys(scenario.countries)).toEqual(['AL', 'BD']);
    expect(scenario.rules?.closures).toEqual([{ type: 'country', from: 'AL', to: 'BD', start: '2020-01-11', end: '2020-01-21' }]);
    expect(JSON.parse(readFileSync(join(cwd, 'tiny.benchmark.json'), 'utf8')).series).toHaveLength(3);
  });

  it('runs the imported scenario with routeshift run (Flee rules)', async () => {
    const cwd = workdir('closure');
    expect((await cli(cwd, ['import-flee', 'closure', '--out', 'closure.json'])).code).toBe(0);
    const r = await cli(cwd, ['run', 'closure.json', '--runs', '2', '--threads', '1']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(cwd, 'out/closure/summary.json'), 'utf8'));
    expect(summary.totals.entered.mean).toBe(100);
  });

  it('refuses to replace existing files without --force', async () => {
    const cwd = workdir('closure');
    expect((await cli(cwd, ['import-flee', 'closure', '--out', 's.json'])).code).toBe(0);
    const again = await cli(cwd, ['import-flee', 'closure', '--out', 's.json']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('routeshift: s.json exists; use --force to replace it\n');
    expect((await cli(cwd, ['import-flee', 'closure', '--out', 's.json', '--force'])).code).toBe(0);
  });

  it('reads input_csv/ and a --validation folder given explicitly', async () => {
    const cwd = workdir('tiny');
    const r = await cli(cwd, ['import-flee', 'tiny/input_csv', '--validation', 'tiny/source_data', '--out', 'x.json', '--id', 'my-id']);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, 'x.json'), 'utf8')).id).toBe('my-id');
  });
});

describe('malformed Flee input', () => {
  /** Import a copy of `fixture` after `edit` changes its files; expect exit 1 and these lines. */
  async function rejected(fixture: string, edit: (dir: string) => void, lines: string[]) {
    const cwd = workdir(fixture);
    edit(join(cwd, fixture));
    const r = await cli(cwd, ['import-flee', fixture, '--out', 'out.json']);
    expect(r.stderr).toBe(lines.map((l) => l + '\n').join(''));
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(existsSync(join(cwd, 'out.json'))).toBe(false);
    expect(existsSync(join(cwd, 'out.benchmark.json'))).toBe(false);
  }
  const write = (file: string, text: string) => (dir: string) => writeFileSync(join(dir, file), text);

  it('an unclosed quote: the line and column where it opens', () =>
    rejected('closure', write('routes.csv', '#name1,name2,distance\nA,"B,350\n'), ['closure/routes.csv: line 2, column 2: invalid CSV: a quoted field is never closed']));

  it('text after a closing quote', () =>
    rejected('closure', write('routes.csv', '#name1,name2,distance\nA,"B"x,350\n'), [
      'closure/routes.csv: line 2, column 2: invalid CSV: a quoted field goes on after its closing quote',
    ]));

  it('numbers, names and types, every problem of every file at once', () =>
    rejected(
      'closure',
      (dir) => {
        writeFileSync(join(dir, 'locations.csv'), '#name,region,country,lat,lon,location_type,conflict_date,population\nA,W,Xland,north,0,conflict_zone,0,1000\nB,E,Yland,0,3,village,0,0\nB,E,Yland,0,3,camp,0,0\n');
        writeFileSync(join(dir, 'routes.csv'), '#name1,name2,distance\nA,B,12km\nA,Zed,5\n');
        writeFileSync(join(dir, 'closures.csv'), '#closure_type,name1,name2,closure_start,closure_end\nborder,A,B,1,3\nlink,A,B,-2,3\n');
      },
      [
        'closure/locations.csv: line 2, column 4 (latitude): "north" is not a number',
        'closure/locations.csv: line 3, column 6 (location_type): unknown location type "village" (expected conflict_zone, town, camp, idpcamp, marker or forwarding_hub)',
        'closure/locations.csv: line 4, column 1 (name): location "B" appears twice (first on line 3)',
        'closure/routes.csv: line 2, column 3 (distance): "12km" is not a number',
        'closure/routes.csv: line 3, column 2 (name2): unknown location "Zed" (not in locations.csv)',
        'closure/closures.csv: line 2, column 1 (closure_type): unknown closure type "border" (expected country, location, link, camp, idpcamp, remove_forced_redirection)',
        'closure/closures.csv: line 3, column 4 (closure_start): must be at least 0, got -2',
      ],
    ));

  it('the period and the validation series', () =>
    rejected(
      'closure',
      (dir) => {
        writeFileSync(join(dir, 'sim_period.csv'), 'StartDate,2021-02-30\nLength,ten\n');
        writeFileSync(join(dir, 'validation/b.csv'), '2021-06-01,0\n2021-13-01,5\n2021-06-04,lots\n2021-06-04,7\n');
        writeFileSync(join(dir, 'validation/data_layout.csv'), 'total,total.csv\nB,b.csv\nC,c.csv\n');
      },
      [
        'closure/sim_period.csv: line 1, column 2 (StartDate): "2021-02-30" is not a date YYYY-MM-DD',
        'closure/sim_period.csv: line 2, column 2 (Length): "ten" is not a number',
        'closure/validation/b.csv: line 2, column 1 (date): "2021-13-01" is not a date YYYY-MM-DD',
        'closure/validation/b.csv: line 3, column 2 (count): "lots" is not a number',
        'closure/validation/b.csv: line 4, column 1 (date): 2021-06-04 appears twice (first on line 3)',
        'closure/validation/data_layout.csv: line 3, column 1: "C" is not a location of locations.csv',
      ],
    ));

  it('files without any location or route', () =>
    rejected(
      'closure',
      (dir) => {
        writeFileSync(join(dir, 'locations.csv'), '#name,region,country,lat,lon,location_type,conflict_date,population\n');
        writeFileSync(join(dir, 'routes.csv'), '');
      },
      [
        'closure/locations.csv: has no locations',
        'closure/routes.csv: has no routes',
        'closure/closures.csv: line 2, column 2 (name1): unknown location "A" (not in locations.csv)',
        'closure/closures.csv: line 2, column 3 (name2): unknown location "B" (not in locations.csv)',
        'closure/validation/data_layout.csv: line 2, column 1: "B" is not a location of locations.csv',
      ],
    ));

  it('missing files and folders', async () => {
    await rejected('closure', (dir) => rmSync(join(dir, 'sim_period.csv')), ['closure/sim_period.csv: no such file']);
    await rejected('closure', (dir) => rmSync(join(dir, 'validation'), { recursive: true }), [
      'closure/source_data: no such directory: the validation data (data_layout.csv and the camp series) drive Flee\'s spawning; give its folder with --validation',
    ]);
    const cwd = workdir();
    const r = await cli(cwd, ['import-flee', 'nowhere', '--out', 'x.json']);
    expect([r.code, r.stderr]).toEqual([1, 'nowhere: no such directory\n']);
  });
});

describe('routeshift score-flee', () => {
  async function importedClosure(): Promise<string> {
    const cwd = workdir('closure');
    expect((await cli(cwd, ['import-flee', 'closure', '--out', 'closure.json'])).code).toBe(0);
    // Flee's tiny tests set their settings in code; here they go into the rules block.
    const file = join(cwd, 'closure.json');
    const s = JSON.parse(readFileSync(file, 'utf8'));
    Object.assign(s.rules, { camp_movechance: 0, max_move_speed: 200, insert_day0: false, sum_from_camps: false });
    writeFileSync(file, JSON.stringify(s, null, 2));
    return cwd;
  }

  it('prints the ARD (0 for the exact closure case) and writes it with --out', async () => {
    const cwd = await importedClosure();
    const r = await cli(cwd, ['score-flee', 'closure.json', 'closure.benchmark.json', '--runs', '2', '--out', 'score.json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  raw         0.000   0.000   0.000   0.000\n');
    expect(r.stdout).toContain('ARD of the mean camp series: raw 0.000, rescaled 0.000\n');
    expect(r.stdout).toContain('  b                        observed       100   simulated       100.0\n');
    const score = JSON.parse(readFileSync(join(cwd, 'score.json'), 'utf8'));
    expect(score).toMatchObject({ scenario: 'closure', runs: 2, seed: 1, days: 8, camps: ['b'], ensembleMeanArd: { raw: 0, rescaled: 0 } });
  });

  it('--json prints the score to stdout and the table to stderr', async () => {
    const cwd = await importedClosure();
    const r = await cli(cwd, ['score-flee', 'closure.json', 'closure.benchmark.json', '--runs', '1', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).ard.raw.mean).toBe(0);
    expect(r.stderr).toContain('averaged relative difference');
  });

  it('refuses a scenario without Flee rules, and a benchmark that does not fit', async () => {
    const cwd = await importedClosure();
    const plain = await cli(cwd, ['score-flee', resolve('test/fixtures/tiny.json'), 'closure.benchmark.json']);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/does not run under Flee's rules/);
    writeFileSync(join(cwd, 'bad.json'), JSON.stringify({ source: 'x', series: [{ entity: 'nope', metric: 'present', points: [{ date: '2021-06-01', value: -1 }] }] }));
    const bad = await cli(cwd, ['score-flee', 'closure.json', 'bad.json']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('bad.json: /series/0/points/0/value: must be a number >= 0\n');
  });
});
