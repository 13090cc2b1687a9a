// Every built-in scenario (each scenarios/*.json except the schema, whatever is there) loads,
// validates and compiles, and is listed under the name `routeshift run` accepts.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBuiltins, resolveBuiltin, scenariosDir } from '../../src/scenarios/builtins.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { loadScenario } from '../../src/scenarios/load.js';

const files = readdirSync(scenariosDir()).filter((f) => f.endsWith('.json') && f !== 'schema.json');

describe('built-in scenarios', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    const name = file.slice(0, -'.json'.length);
    it(`${file} validates and compiles, and its id is its file name`, async () => {
      const { scenario, files: chain } = await loadScenario(name);
      expect(chain[0]).toBe(join(scenariosDir(), file));
      expect(scenario.id).toBe(name);
      expect(() => compileScenario(scenario)).not.toThrow();
    });
  }

  it('are listed sorted by id with name and description', () => {
    const list = listBuiltins();
    const ids = list.map((b) => b.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids.map((id) => `${id}.json`).sort()).toEqual([...files].sort());
    for (const b of list) {
      expect(b.file).toBe(join(scenariosDir(), `${b.id}.json`));
      expect(b.name.length).toBeGreaterThan(0);
      expect(b.description.length).toBeGreaterThan(0);
    }
  });

  it('resolve by name only: not the schema, not paths, not unknown names', () => {
    const [first] = listBuiltins();
    expect(resolveBuiltin(first.id)).toBe(first.file);
    expect(resolveBuiltin('schema')).toBeUndefined();
    expect(resolveBuiltin(`${first.id}.json`)).toBeUndefined();
    expect(resolveBuiltin(`scenarios/${first.id}`)).toBeUndefined();
    expect(resolveBuiltin('no-such-scenario')).toBeUndefined();
  });
});
