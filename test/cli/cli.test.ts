// The routeshift CLI, run in-process through main(argv, io) with captured output and a temporary
// working directory: exit codes, messages without stack traces, and what is (not) written.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { Interrupted } from '../../src/cli/io.js';
import { main } from '../../src/cli/program.js';
import { listBuiltins } from '../../src/scenarios/builtins.js';
import { scenarioHash } from '../../src/scenarios/hash.js';
import { loadScenario } from '../../src/scenarios/load.js';

const TINY = resolve('test/fixtures/tiny.json');
const BAD = resolve('test/fixtures/bad');
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const STACK_FRAME = /^\s+at /m;

const root = mkdtempSync(join(tmpdir(), 'routeshift-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let cwd = root;
let n = 0;
beforeEach(() => {
  cwd = join(root, `case-${n++}`);
  mkdirSync(cwd);
});

async function cli(args: string[], options: { env?: Record<string, string>; signal?: AbortSignal; stdoutColumns?: number } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    cwd,
    env: options.env ?? {},
    signal: options.signal,
    stdoutColumns: options.stdoutColumns,
  });
  return { code, stdout, stderr };
}

describe('routeshift list', () => {
  it('prints every built-in with the first sentence of its description, aligned', async () => {
    const { code, stdout } = await cli(['list']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    const builtins = listBuiltins();
    expect(lines).toHaveLength(builtins.length);
    const column = Math.max(...builtins.map((b) => b.id.length)) + 2;
    builtins.forEach((b, i) => {
      expect(lines[i].startsWith(b.id.padEnd(column))).toBe(true);
      expect(b.description.replace(/\s+/g, ' ')).toContain(lines[i].slice(column));
    });
  });

  it('--json prints every built-in with its whole description and its file, which validates', async () => {
    const { code, stdout } = await cli(['list', '--json'], { stdoutColumns: 80 });
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as { id: string; name: string; description: string; file: string }[];
    expect(rows.map((r) => r.id)).toEqual(listBuiltins().map((b) => b.id));
    expect(rows.find((r) => r.id === 'western-balkans')).toMatchObject({ name: expect.any(String), file: expect.stringMatching(/scenarios[\\/]western-balkans\.json$/) });
    expect(rows.every((r) => r.description.length > 80)).toBe(true);
    const validated = await cli(['validate', rows[0].file]);
    expect(validated.code).toBe(0);
  });

  it('cuts each line to the width of a terminal, with an ellipsis where it cut', async () => {
    const full = (await cli(['list'])).stdout.trimEnd().split('\n');
    const { stdout } = await cli(['list'], { stdoutColumns: 80 });
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(full.length);
    lines.forEach((line, i) => {
      expect([...line].length).toBeLessThanOrEqual(80);
      if (full[i].length <= 80) expect(line).toBe(full[i]);
      else expect(full[i].startsWith(line.slice(0, -1).trimEnd()) && line.endsWith('…')).toBe(true);
    });
    expect(lines.some((l) => l.endsWith('…'))).toBe(true);
  });
});

describe('routeshift validate', () => {
  it('prints ok for valid scenarios, by path and by built-in name', async () => {
    const [first] = listBuiltins();
    const { code, stdout, stderr } = await cli(['validate', TINY, first.id]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(`ok ${TINY}: 4 places, 4 edges, 8 borders, 1 cohort, 2015-06-01 to 2015-10-31 (153 days), 1 event`);
    expect(lines[1]).toMatch(new RegExp(`^ok ${first.file}( \\(extends [^)]+\\))?: \\d+ places, `));
    expect(lines.slice(2)).toEqual(['']);
  });

  it('names the files of an extends chain and what the merged scenario holds', async () => {
    const { code, stdout } = await cli(['validate', 'wb-no-hungarian-fence']);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^ok \S*scenarios\/wb-no-hungarian-fence\.json \(extends \S*scenarios\/western-balkans\.json → \S*scenarios\/networks\/western-balkans\.json\): 72 places, \d+ edges, \d+ borders, 12 cohorts, 2015-01-01 to 2026-12-31 \(4383 days\), \d+ events\n$/,
    );
  });

  it('prints every problem and exits 1 when any scenario is invalid', async () => {
    const { code, stdout, stderr } = await cli(['validate', TINY, join(BAD, 'inconsistent.json')]);
    expect(code).toBe(1);
    expect(stdout).toMatch(new RegExp(`^ok ${TINY}: [^\\n]+\\n$`));
    expect(stderr.trimEnd().split('\n').length).toBeGreaterThanOrEqual(7);
    expect(stderr).toContain(`${BAD}/inconsistent.json: /cohorts/0/destinations/munich: unknown node "munich"`);
    expect(stderr).not.toMatch(STACK_FRAME);
  });
});

describe('warnings', () => {
  const mistaken = {
    extends: 'toy-three-crossings',
    id: 'toy-mistaken',
    events: [
      { id: 'west-ramp', date: '2025-02-01', label: 'West tightens', border: 'XA-XB', set: { detection: 0.9 }, rampDays: 30 },
      { id: 'west-set', date: '2025-02-10', label: 'West relents', border: 'XA-XB', set: { detection: 0.1 } },
    ],
  };
  const warning = 'mistaken.json: /events/1/set/detection: has no effect: the ramp of "west-ramp" (mistaken.json /events/0) moves detection';

  it('validate prints them on stderr and still says ok, with how many', async () => {
    writeFileSync(join(cwd, 'mistaken.json'), JSON.stringify(mistaken));
    const { code, stdout, stderr } = await cli(['validate', 'mistaken.json']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ok mistaken\.json \(extends [^)]+\): .*, 3 events; 1 warning\n$/);
    expect(stderr).toMatch(new RegExp(`^warning: ${warning.replace(/[()]/g, '\\$&')}[^\n]+\n$`));
  });

  it('validate --strict fails on them, and passes a scenario without', async () => {
    writeFileSync(join(cwd, 'mistaken.json'), JSON.stringify(mistaken));
    const { code, stdout, stderr } = await cli(['validate', '--strict', 'toy-three-crossings', 'mistaken.json']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^ok \S+toy-three-crossings\.json: [^\n]+\n$/);
    expect(stderr).toContain(`warning: ${warning}`);
    expect(stderr).toMatch(/\nnot ok mistaken\.json: 1 warning under --strict\n$/);
  });

  it('run and sweep print the warnings that --set adds, against the file with the overrides, and record them in manifest.json', async () => {
    const set = 'events.middle-crackdown.rampDays=90';
    const run = await cli(['run', 'toy-three-crossings', '--set', set, '--runs', '1', '--threads', '1', '--no-report', '--out', 'ramp']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      new RegExp(`^routeshift: warning: \\S+toy-three-crossings\\.json with --set ${set}: /events/0/rampDays: the ramp ends on 2025-05-29, after the period ends \\(2025-04-30\\): the run stops when it has made 68% of its change\n$`),
    );
    const sweep = await cli(['sweep', 'toy-three-crossings', '--set', 'events.middle-crackdown.rampDays=10,90', '--runs', '1', '--threads', '1', '--out', 'sweep']);
    expect(sweep.code).toBe(0);
    expect(sweep.stderr.match(/routeshift: warning: /g)).toHaveLength(1);
    expect(sweep.stderr).toContain('with --set events.middle-crackdown.rampDays=90: /events/0/rampDays: the ramp ends on 2025-05-29');
    const runManifest = JSON.parse(readFileSync(join(cwd, 'ramp', 'manifest.json'), 'utf8')) as { scenario: { warnings?: string[] } };
    expect(runManifest.scenario.warnings).toEqual([run.stderr.slice('routeshift: warning: '.length, -1)]);
    type SweepManifest = { scenario: { warnings?: string[] }; details: { points: { warnings?: string[] }[] } };
    const sweepManifest = JSON.parse(readFileSync(join(cwd, 'sweep', 'manifest.json'), 'utf8')) as SweepManifest;
    expect(sweepManifest.scenario).not.toHaveProperty('warnings');
    expect(sweepManifest.details.points[0]).not.toHaveProperty('warnings');
    expect(sweepManifest.details.points[1].warnings).toEqual([expect.stringContaining('with --set events.middle-crackdown.rampDays=90: /events/0/rampDays: the ramp ends on 2025-05-29')]);
  });

  it('validate --json prints one array of verdicts on stdout and nothing on stderr', async () => {
    writeFileSync(join(cwd, 'mistaken.json'), JSON.stringify(mistaken));
    const { code, stdout, stderr } = await cli(['validate', '--json', 'mistaken.json', 'nope.json', join(BAD, 'inconsistent.json')]);
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    const verdicts = JSON.parse(stdout) as { scenario: string; ok: boolean; file?: string; extends?: string[]; contents?: Record<string, unknown>; problems: { file: string; path: string; message: string }[]; warnings: { path: string }[] }[];
    expect(verdicts.map((v) => [v.scenario, v.ok])).toEqual([['mistaken.json', true], ['nope.json', false], [join(BAD, 'inconsistent.json'), false]]);
    const [warned, missing, bad] = verdicts;
    expect(warned).toMatchObject({ file: 'mistaken.json', extends: [expect.stringMatching(/scenarios\/toy-three-crossings\.json$/)], problems: [] });
    expect(warned.contents).toEqual({ places: 6, edges: 7, borders: 12, cohorts: 1, start: '2025-01-01', end: '2025-04-30', days: 120, events: 3 });
    expect(warned.warnings.map((w) => w.path)).toEqual(['/events/1/set/detection']);
    expect(missing.problems).toEqual([{ file: 'nope.json', path: '', message: 'no such file' }]);
    expect(bad.problems).toContainEqual(expect.objectContaining({ path: '/cohorts/0/destinations/munich', message: 'unknown node "munich"' }));
    expect(bad).not.toHaveProperty('contents');
    const strict = await cli(['validate', '--json', '--strict', 'mistaken.json']);
    expect(strict.code).toBe(1);
    expect((JSON.parse(strict.stdout) as { ok: boolean }[])[0].ok).toBe(false);
  });

  it('run prints them before running, runs, and records them in manifest.json and the report', async () => {
    writeFileSync(join(cwd, 'mistaken.json'), JSON.stringify(mistaken));
    const { code, stderr } = await cli(['run', 'mistaken.json', '--runs', '1', '--threads', '1', '--out', 'results']);
    expect(code).toBe(0);
    expect(stderr.split('\n')[0]).toMatch(new RegExp(`^routeshift: warning: ${warning.replace(/[()]/g, '\\$&')}`));
    const manifest = JSON.parse(readFileSync(join(cwd, 'results', 'manifest.json'), 'utf8')) as { scenario: { warnings?: string[] } };
    expect(manifest.scenario.warnings).toHaveLength(1);
    expect(manifest.scenario.warnings![0].startsWith(warning)).toBe(true);
    const report = readFileSync(join(cwd, 'results', 'report.html'), 'utf8');
    expect(report).toContain('<p class="warning">Scenario warning: mistaken.json: /events/1/set/detection: has no effect: the ramp of &quot;west-ramp&quot;');
    const clean = await cli(['run', 'toy-three-crossings', '--runs', '1', '--threads', '1', '--no-report', '--out', 'clean']);
    expect(clean.stderr).not.toContain('warning');
    expect(JSON.parse(readFileSync(join(cwd, 'clean', 'manifest.json'), 'utf8')).scenario).not.toHaveProperty('warnings');
  });
});

describe('routeshift run with bad input', () => {
  const fixtures = readdirSync(BAD);

  for (const fixture of fixtures) {
    it(`${fixture}: exit 1, file and path on stderr, no stack trace, nothing written`, async () => {
      const { code, stdout, stderr } = await cli(['run', join(BAD, fixture), '--runs', '1', '--out', 'results']);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(new RegExp(`^${BAD}/[\\w-]+\\.json: `));
      expect(stderr).not.toMatch(STACK_FRAME);
      expect(readdirSync(cwd)).toEqual([]);
    });
  }

  it('writes nothing into the default output folder either', async () => {
    const { code } = await cli(['run', join(BAD, 'edge-unknown-node.json')]);
    expect(code).toBe(1);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('reports an unknown scenario name and usage errors with exit 1', async () => {
    const unknown = await cli(['run', 'no-such-scenario']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^no-such-scenario: unknown scenario "no-such-scenario"/);
    for (const args of [['run'], ['run', TINY, '--runs', '0'], ['run', TINY, '--seed', 'x'], ['frobnicate']]) {
      const { code, stderr } = await cli(args);
      expect(code, args.join(' ')).toBe(1);
      expect(stderr).toMatch(/error: /);
      expect(stderr).not.toMatch(STACK_FRAME);
    }
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('routeshift run output directory', () => {
  it('refuses an existing non-empty directory without --force and leaves it untouched', async () => {
    mkdirSync(join(cwd, 'results'));
    writeFileSync(join(cwd, 'results', 'notes.txt'), 'keep me');
    const { code, stderr } = await cli(['run', TINY, '--runs', '1', '--out', 'results']);
    expect(code).toBe(1);
    expect(stderr).toBe('routeshift: output directory results exists and is not empty; use --force to replace it\n');
    expect(readdirSync(join(cwd, 'results'))).toEqual(['notes.txt']);
    expect(readFileSync(join(cwd, 'results', 'notes.txt'), 'utf8')).toBe('keep me');
    expect(readdirSync(cwd)).toEqual(['results']);
  });

  it('with --force, still refuses a directory that holds no previous run, or the working directory', async () => {
    mkdirSync(join(cwd, 'src'));
    writeFileSync(join(cwd, 'src', 'main.ts'), 'precious');
    const notOutput = await cli(['run', TINY, '--runs', '1', '--out', 'src', '--force']);
    expect(notOutput.code).toBe(1);
    expect(notOutput.stderr).toMatch(/refusing to replace src: it does not hold routeshift results/);
    expect(readFileSync(join(cwd, 'src', 'main.ts'), 'utf8')).toBe('precious');
    const here = await cli(['run', TINY, '--runs', '1', '--out', '.', '--force']);
    expect(here.code).toBe(1);
    expect(here.stderr).toMatch(/refusing to replace/);
  });

  it('refuses, before running, an output under a file or a dangling symbolic link', async () => {
    writeFileSync(join(cwd, 'notes.txt'), 'keep me');
    symlinkSync(join(cwd, 'unmounted-disk'), join(cwd, 'disk'));
    const underFile = await cli(['run', TINY, '--runs', '1', '--out', 'notes.txt/x']);
    expect(underFile).toEqual({ code: 1, stdout: '', stderr: `routeshift: cannot create the output directory notes.txt/x: ${join(cwd, 'notes.txt')} is not a directory\n` });
    const dangling = await cli(['run', TINY, '--runs', '1', '--out', 'disk/results/x']);
    expect(dangling.code).toBe(1);
    expect(dangling.stdout).toBe('');
    expect(dangling.stderr).toBe(`routeshift: cannot create the output directory disk/results/x: ${join(cwd, 'disk')} is a symbolic link to something that does not exist\n`);
    expect(readdirSync(cwd).sort()).toEqual(['disk', 'notes.txt']);
  });

  // Node's recursive mkdir never returns there (it retries the parent forever): this must not hang.
  it.runIf(existsSync('/proc/self'))('reports a folder that cannot be made under /proc instead of spinning', async () => {
    const { code, stderr } = await cli(['run', TINY, '--runs', '1', '--out', '/proc/routeshift-test/x', '--no-report']);
    expect(code).toBe(1);
    expect(stderr).toBe('routeshift: cannot create the output directory /proc/routeshift-test/x: ENOENT at /proc/routeshift-test\n');
  });

  it('writes into an existing empty directory without --force', async () => {
    mkdirSync(join(cwd, 'empty'));
    const { code } = await cli(['run', TINY, '--runs', '1', '--out', 'empty']);
    expect(code).toBe(0);
    expect(readdirSync(join(cwd, 'empty')).sort()).toEqual(['manifest.json', 'report.html', 'series.csv', 'summary.json']);
  });
});

describe('routeshift run', () => {
  it('writes summary.json, series.csv, manifest.json and report.html to out/<scenario id> and says where', async () => {
    const { code, stdout, stderr } = await cli(['run', TINY, '--runs', '2']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^routeshift: 2 runs of tiny \(seed 3\) in [\d.]+ s\nwrote out\/tiny\/ \(summary\.json, series\.csv, manifest\.json, report\.html\)\n$/);
    expect(readdirSync(cwd)).toEqual(['out']);
    expect(readdirSync(join(cwd, 'out'))).toEqual(['tiny']);
    const dir = join(cwd, 'out', 'tiny');
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'report.html', 'series.csv', 'summary.json']);

    const summaryText = readFileSync(join(dir, 'summary.json'), 'utf8');
    expect(summaryText.endsWith('}\n')).toBe(true);
    expect(JSON.parse(summaryText)).toMatchObject({ totals: expect.any(Object), borders: expect.any(Object) });
    expect(readFileSync(join(dir, 'series.csv'), 'utf8').split('\n')[0]).toBe('metric,entity,date,mean,p05,p50,p95');

    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const { scenario } = await loadScenario(TINY);
    expect(manifest).toMatchObject({
      routeshift: VERSION,
      scenario: { id: 'tiny', hash: scenarioHash(scenario), files: [TINY] },
      seed: 3,
      runs: 2,
      command: ['routeshift', 'run', TINY, '--runs', '2'],
      node: process.version,
    });
    expect(Object.keys(manifest.timingsMs)).toEqual(['load', 'compile', 'run', 'write']);
    expect(manifest.agentSteps).toBeGreaterThan(0);
    expect(manifest.agentStepsPerSecond).toBeGreaterThan(0);
  });

  it('--json prints summary.json to stdout and the messages to stderr', async () => {
    const { code, stdout, stderr } = await cli(['run', TINY, '--runs', '1', '--seed', '5', '--out', 'o', '--json']);
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(join(cwd, 'o', 'summary.json'), 'utf8'));
    expect(stderr).toMatch(/^routeshift: 1 run of tiny \(seed 5\)/);
    expect(JSON.parse(readFileSync(join(cwd, 'o', 'manifest.json'), 'utf8')).seed).toBe(5);
  });

  it('gives the same summary.json bytes for the same scenario, seed and runs', async () => {
    expect((await cli(['run', TINY, '--runs', '2', '--out', 'a'])).code).toBe(0);
    expect((await cli(['run', TINY, '--runs', '2', '--out', 'b'])).code).toBe(0);
    expect(readFileSync(join(cwd, 'b', 'summary.json'), 'utf8')).toBe(readFileSync(join(cwd, 'a', 'summary.json'), 'utf8'));
  });

  it('--force replaces a previous run and leaves no temporary directories behind', async () => {
    expect((await cli(['run', TINY, '--runs', '1', '--out', 'out/x'])).code).toBe(0);
    writeFileSync(join(cwd, 'out', 'x', 'stale.txt'), 'old');
    const { code } = await cli(['run', TINY, '--runs', '1', '--seed', '9', '--out', 'out/x', '--force']);
    expect(code).toBe(0);
    expect(readdirSync(join(cwd, 'out'))).toEqual(['x']);
    expect(readdirSync(join(cwd, 'out', 'x')).sort()).toEqual(['manifest.json', 'report.html', 'series.csv', 'summary.json']);
    expect(JSON.parse(readFileSync(join(cwd, 'out', 'x', 'manifest.json'), 'utf8')).seed).toBe(9);
  });

  it('writes nothing when interrupted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('interrupted'));
    const { code, stderr } = await cli(['run', TINY, '--runs', '1'], { signal: controller.signal });
    expect(code).toBe(130);
    expect(stderr).toBe('routeshift: interrupted; nothing was written\n');
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('exits 143 when terminated (SIGTERM), 130 when interrupted (Ctrl-C)', async () => {
    for (const [why, code, word] of [[new Interrupted(143), 143, 'terminated'], [new Interrupted(130), 130, 'interrupted']] as const) {
      const controller = new AbortController();
      controller.abort(why);
      const result = await cli(['run', TINY, '--runs', '1'], { signal: controller.signal });
      expect(result.code).toBe(code);
      expect(result.stderr).toBe(`routeshift: ${word}; nothing was written\n`);
    }
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });
});

describe('routeshift --version and --help', () => {
  it('print to stdout and exit 0', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    const help = await cli(['run', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--runs <n>[\s\S]*--seed <s>[\s\S]*--out <dir>[\s\S]*--force[\s\S]*--json/);
  });
});
