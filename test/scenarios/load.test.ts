// Loading scenarios: built-in names and paths, `extends` chains, and how every loading failure is
// reported (file, JSON path or line/column), using files written to a temporary directory.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scenariosDir } from '../../src/scenarios/builtins.js';
import { ScenarioError, type ScenarioProblem } from '../../src/scenarios/errors.js';
import { describeSyntaxError, loadScenario } from '../../src/scenarios/load.js';

const TINY = resolve('test/fixtures/tiny.json');
const dir = mkdtempSync(join(tmpdir(), 'routeshift-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

async function problemsOf(ref: string): Promise<ScenarioProblem[]> {
  try {
    await loadScenario(ref, { cwd: dir });
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  throw new Error(`${ref} loaded without problems`);
}

describe('loadScenario', () => {
  it('loads a file by path and returns the chain of one file', async () => {
    const { scenario, files } = await loadScenario(TINY);
    expect(scenario.id).toBe('tiny');
    expect(files).toEqual([TINY]);
  });

  it('loads a built-in scenario by name, whatever the working directory', async () => {
    const { scenario, files } = await loadScenario('toy-three-crossings', { cwd: dir });
    expect(scenario.id).toBe('toy-three-crossings');
    expect(files).toEqual([join(scenariosDir(), 'toy-three-crossings.json')]);
  });

  it('follows a chain of extends, by relative path and by built-in name', async () => {
    write('parent.json', { extends: TINY, borders: { 'RS-HU': { detection: 0.5 } } });
    const child = write('child.json', { extends: './parent.json', name: 'Child', borders: { 'RS-HR': { pushback: 0.9 } } });
    const { scenario, files } = await loadScenario(child);
    expect(files).toEqual([child, join(dir, 'parent.json'), TINY]);
    expect(scenario.id).toBe('child');
    expect(scenario.name).toBe('Child');
    expect(scenario).not.toHaveProperty('extends');
    expect(scenario.borders).toEqual({ 'RS-HU': { detection: 0.5, pushback: 0.6, injury: 0.05 }, 'RS-HR': { detection: 0.2, pushback: 0.9 } });

    const variant = write('toy-variant.json', { extends: 'toy-three-crossings', id: 'toy-variant', seed: 42 });
    const loaded = await loadScenario(variant);
    expect(loaded.scenario.seed).toBe(42);
    expect(loaded.files[1]).toBe(join(scenariosDir(), 'toy-three-crossings.json'));
  });

  it('reports a missing file, and a bare name that is neither a file nor a built-in', async () => {
    expect(await problemsOf('nope.json')).toEqual([{ file: 'nope.json', path: '', message: 'no such file' }]);
    const [problem] = await problemsOf('no-such-scenario');
    expect(problem.message).toMatch(/^unknown scenario "no-such-scenario": .*built-ins: .*toy-three-crossings/);
  });

  it('says why a path cannot be read: a directory, or a file where a folder should be', async () => {
    write('plain.json', '{}');
    expect(await problemsOf('plain.json/inner.json')).toEqual([{ file: 'plain.json/inner.json', path: '', message: 'no such file (a folder on its path is a file)' }]);
    mkdirSync(join(dir, 'folder'), { recursive: true });
    expect((await problemsOf('./folder')).map((p) => p.message)).toEqual(['is a directory, not a scenario file']);
  });

  it('reports bad JSON with line and column', async () => {
    write('trailing-comma.json', '{\n  "id": "x",\n  "name": "y",\n}\n');
    expect(await problemsOf('trailing-comma.json')).toEqual([
      { file: 'trailing-comma.json', path: '', message: "invalid JSON at line 4, column 1: Expected double-quoted property name" },
    ]);
    write('bad-literal.json', '{\n  "seed": tru\n}');
    const [problem] = await problemsOf('bad-literal.json');
    expect(problem.message).toMatch(/^invalid JSON at line 2, column 11: Unexpected token/);
  });

  it('reports a file that is not a JSON object', async () => {
    write('array.json', '[]');
    expect((await problemsOf('array.json'))[0].message).toMatch(/must be a JSON object/);
  });

  it('reports an unknown extends target at /extends of the extending file', async () => {
    write('unknown-parent.json', { extends: 'no-such-parent' });
    write('missing-parent.json', { extends: '../nowhere/parent.json' });
    const [unknown] = await problemsOf('unknown-parent.json');
    expect(unknown).toMatchObject({ file: 'unknown-parent.json', path: '/extends' });
    expect(unknown.message).toMatch(/unknown scenario "no-such-parent"/);
    const [missing] = await problemsOf('missing-parent.json');
    expect(missing).toMatchObject({ file: 'missing-parent.json', path: '/extends' });
    expect(missing.message).toMatch(/no such file/);
  });

  it('detects extends cycles, including a file that extends itself', async () => {
    write('loop-a.json', { extends: './loop-b.json' });
    write('loop-b.json', { extends: './loop-c.json' });
    write('loop-c.json', { extends: 'loop-a.json' });
    write('self.json', { extends: './self.json' });
    expect(await problemsOf('loop-a.json')).toEqual([
      { file: 'loop-c.json', path: '/extends', message: 'extends cycle: loop-a.json → loop-b.json → loop-c.json → loop-a.json' },
    ]);
    expect((await problemsOf('self.json'))[0].message).toBe('extends cycle: self.json → self.json');
  });

  it('attributes each problem to the file in the chain that holds the value', async () => {
    write('attrib-parent.json', { extends: TINY, nodes: [{ id: 'szeged', country: 'XX' }] });
    write('attrib-child.json', { extends: './attrib-parent.json', edges: [{ from: 'vienna', to: 'nowhere', distanceKm: 1, mode: 'foot', hazard: 0 }] });
    const problems = await problemsOf('attrib-child.json');
    expect(problems).toContainEqual({ file: 'attrib-parent.json', path: '/nodes/0/country', message: 'unknown country "XX" (not in /countries)' });
    expect(problems).toContainEqual({ file: 'attrib-child.json', path: '/edges/0/to', message: 'unknown node "nowhere"' });

    write('type-child.json', { extends: './attrib-parent.json', nodes: [{ id: 'vienna', lat: 'north' }] });
    expect(await problemsOf('type-child.json')).toEqual([
      { file: 'type-child.json', path: '/nodes/0/lat', message: 'must be number, got "north"' },
    ]);
  });

  it('does not modify the files it reads', async () => {
    const before = readFileSync(TINY, 'utf8');
    await loadScenario(TINY);
    expect(readFileSync(TINY, 'utf8')).toBe(before);
  });
});

describe('describeSyntaxError', () => {
  it('turns an engine position into line and column', () => {
    expect(describeSyntaxError('{\n"a": 1 "b"}', "Expected ',' or '}' after property value in JSON at position 9")).toBe(
      "invalid JSON at line 2, column 8: Expected ',' or '}' after property value",
    );
  });

  it('finds the position itself when the engine gives none', () => {
    const text = '{\n  "a": [1, 2],\n  "b": nul\n}';
    expect(describeSyntaxError(text, `Unexpected token 'n', "${text}" is not valid JSON`)).toBe(
      "invalid JSON at line 3, column 8: Unexpected token 'n'",
    );
    expect(describeSyntaxError('{"a": [1,', 'Unexpected end of JSON input')).toBe('invalid JSON at line 1, column 10: Unexpected end of JSON input');
  });
});
