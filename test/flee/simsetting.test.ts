// import-flee and Flee's simsetting.yml: the settings of move_rules and spawn_rules land in the
// scenario's rules under Flee's names (read by default from <dir>/simsetting.yml, or from
// --simsetting, or not at all with --no-simsetting), hasten becomes people per agent, use_v1_rules
// applies Flee 1's values; unsupported and unknown keys are warnings naming file and key path;
// bad YAML and wrong types are errors with file, line and column, and nothing is written.

import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { isFleeCompiled } from '../../src/model/flee/compileRules.js';
import { FIXTURES } from './helpers.js';

const root = mkdtempSync(join(tmpdir(), 'routeshift-simsetting-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const SETTINGS = join(FIXTURES, 'settings', 'simsetting.yml');

/** A working directory with a copy of the tiny fixture, and simsetting.yml in it when `yml` is given. */
function workdir(yml?: string): string {
  const cwd = join(root, `case-${n++}`);
  mkdirSync(cwd);
  cpSync(join(FIXTURES, 'tiny'), join(cwd, 'tiny'), { recursive: true });
  if (yml !== undefined) writeFileSync(join(cwd, 'tiny', 'simsetting.yml'), yml);
  return cwd;
}

async function cli(cwd: string, args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd, env: {} });
  return { code, stdout, stderr };
}

function settingsOf(file: string): Record<string, unknown> {
  const s = JSON.parse(readFileSync(file, 'utf8'));
  const { locations: _l, links: _k, closures: _c, conflicts: _f, refugees: _r, ...settings } = s.rules;
  return { ...settings, peoplePerAgent: s.peoplePerAgent };
}

const warnings = (stderr: string) => stderr.split('\n').filter((l) => l.includes('simsetting.yml'));

describe('import-flee with simsetting.yml', () => {
  it('reads <dir>/simsetting.yml by default: settings under Flee names, hasten as people per agent, warnings for the rest', async () => {
    const cwd = workdir(readFileSync(SETTINGS, 'utf8'));
    const r = await cli(cwd, ['import-flee', 'tiny', '--out', 'tiny.json']);
    expect(r.code).toBe(0);
    expect(settingsOf(join(cwd, 'tiny.json'))).toEqual({
      mode: 'flee',
      homeCountry: 'QM',
      take_from_population: false,
      insert_day0: true,
      conflict_spawn_decay: [1, 1, 0.5],
      conflict_spawn_decay_interval: 10,
      max_move_speed: 200,
      max_walk_speed: 30,
      camp_weight: 2,
      conflict_weight: 0.25,
      default_movechance: 0.5,
      awareness_level: 2,
      start_on_foot: true,
      avoid_short_stints: false,
      capacity_scaling: 1.25,
      peoplePerAgent: 2,
    });
    // stay_close_to_home: False is Flee's default, so it needs no warning.
    expect(warnings(r.stderr)).toEqual([
      'routeshift: note: tiny/simsetting.yml: /move_rules/use_pop_for_loc_weight: not supported by routeshift, ignored (docs/flee.md, differences from Flee)',
      'routeshift: note: tiny/simsetting.yml: /move_rules/camp_wieght: unknown setting, ignored (did you mean camp_weight?)',
    ]);
    expect(r.stdout).toMatch(/settings from tiny\/simsetting.yml: take_from_population, .*capacity_scaling; hasten 2/);
    // The settings act: the compiled rules carry them.
    const compiled = compileScenario(JSON.parse(readFileSync(join(cwd, 'tiny.json'), 'utf8')));
    expect(isFleeCompiled(compiled) && compiled.rules.settings.camp_weight).toBe(2);
  });

  it('--simsetting names another file; --no-simsetting ignores the folder\'s; --people-per-agent wins over hasten', async () => {
    const cwd = workdir('move_rules:\n  camp_weight: 5\n');
    const given = await cli(cwd, ['import-flee', 'tiny', '--out', 'a.json', '--simsetting', SETTINGS, '--people-per-agent', '4']);
    expect(given.code).toBe(0);
    expect(settingsOf(join(cwd, 'a.json'))).toMatchObject({ camp_weight: 2, max_move_speed: 200, peoplePerAgent: 4 });
    expect(given.stderr).toMatch(/--people-per-agent 4 is used, not .*simsetting\.yml's hasten 2/);
    const ignored = await cli(cwd, ['import-flee', 'tiny', '--out', 'b.json', '--no-simsetting']);
    expect(ignored.code).toBe(0);
    expect(settingsOf(join(cwd, 'b.json'))).toEqual({ mode: 'flee', homeCountry: 'QM', peoplePerAgent: undefined });
    expect((await cli(cwd, ['import-flee', 'tiny', '--out', 'c.json'])).code).toBe(0);
    expect(settingsOf(join(cwd, 'c.json'))).toMatchObject({ camp_weight: 5 });
  });

  it('use_v1_rules applies Flee 1\'s values; settings in the wrong section and unknown sections are warnings', async () => {
    const cwd = workdir('move_rules:\n  use_v1_rules: True\n  max_move_speed: 300\n  insert_day0: false\nspawn_rules:\nnumber_of_steps: 50\nextras:\n  a: 1\n');
    const r = await cli(cwd, ['import-flee', 'tiny', '--out', 'v1.json']);
    expect(r.code).toBe(0);
    expect(settingsOf(join(cwd, 'v1.json'))).toEqual({
      mode: 'flee',
      homeCountry: 'QM',
      max_move_speed: 200,
      start_on_foot: false,
      avoid_short_stints: false,
      camp_weight: 2,
      conflict_weight: 0.25,
      peoplePerAgent: undefined,
    });
    expect(warnings(r.stderr)).toEqual([
      'routeshift: note: tiny/simsetting.yml: /move_rules/insert_day0: ignored: Flee reads insert_day0 from spawn_rules',
      'routeshift: note: tiny/simsetting.yml: /number_of_steps: ignored: the period and the conflicts come from the CSV files',
      'routeshift: note: tiny/simsetting.yml: /extras: unknown section, ignored (Flee reads log_levels, spawn_rules, move_rules and optimisations)',
      "routeshift: note: tiny/simsetting.yml: /move_rules/use_v1_rules: Flee 1's fixed values applied (max_move_speed 200, start_on_foot false, avoid_short_stints false, camp_weight 2, conflict_weight 0.25), as Flee does",
    ]);
  });
});

describe('malformed simsetting.yml', () => {
  async function rejected(yml: string, lines: string[]) {
    const cwd = workdir(yml);
    const r = await cli(cwd, ['import-flee', 'tiny', '--out', 'out.json']);
    expect(r.stderr).toBe(lines.map((l) => l + '\n').join(''));
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(cwd, 'out.json'))).toBe(false);
    expect(existsSync(join(cwd, 'out.benchmark.json'))).toBe(false);
  }

  it('bad YAML: file, line and column', async () => {
    await rejected('move_rules:\n  camp_weight: [1, 2\n  softening: 3\n', [
      'tiny/simsetting.yml: line 3, column 3: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
    await rejected('move_rules:\n  camp_weight: 1\n  camp_weight: 2\n', ['tiny/simsetting.yml: line 3, column 3: invalid YAML: Map keys must be unique']);
  });

  it('wrong types: every problem with line, column and key path', () =>
    rejected('move_rules:\n  camp_weight: two\n  awareness_level: 1.5\n  start_on_foot: "yes"\nspawn_rules:\n  conflict_spawn_decay: [1, x]\noptimisations:\n  hasten: 0\n', [
      'tiny/simsetting.yml: line 2, column 16: /move_rules/camp_weight: must be a number, got "two"',
      'tiny/simsetting.yml: line 3, column 20: /move_rules/awareness_level: must be a whole number, got 1.5',
      'tiny/simsetting.yml: line 4, column 18: /move_rules/start_on_foot: must be true or false, got "yes"',
      'tiny/simsetting.yml: line 6, column 25: /spawn_rules/conflict_spawn_decay: must be a list of numbers, got [1,"x"]',
      'tiny/simsetting.yml: line 8, column 11: /optimisations/hasten: must be a whole number ≥ 1, got 0',
    ]));

  it('a document or section that is not a mapping, and a missing --simsetting file', async () => {
    await rejected('- move_rules\n', ['tiny/simsetting.yml: line 1, column 1: /: must be a mapping of sections (move_rules, spawn_rules, …)']);
    await rejected('move_rules: 3\n', ['tiny/simsetting.yml: line 1, column 13: /move_rules: must be a mapping of settings']);
    const cwd = workdir();
    const r = await cli(cwd, ['import-flee', 'tiny', '--out', 'x.json', '--simsetting', 'nope.yml']);
    expect([r.code, r.stderr]).toEqual([1, 'nope.yml: no such file\n']);
  });
});
