// The scenario content hash: depends on values only, not on key order, formatting, the `$schema`
// hint or how the scenario is split across an `extends` chain.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson, scenarioHash } from '../../src/scenarios/hash.js';
import { loadScenario } from '../../src/scenarios/load.js';

const dir = mkdtempSync(join(tmpdir(), 'routeshift-hash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });
});

describe('scenarioHash', () => {
  const tiny = () => JSON.parse(readFileSync('test/fixtures/tiny.json', 'utf8'));

  it('is a sha256 hex digest that ignores key order and $schema', () => {
    const a = tiny();
    const reordered = Object.fromEntries(Object.entries(a).reverse());
    delete reordered.$schema;
    expect(scenarioHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(scenarioHash(reordered)).toBe(scenarioHash(a));
  });

  it('changes when any value changes', () => {
    const a = tiny();
    const b = tiny();
    b.borders['RS-HU'].detection = 0.31;
    expect(scenarioHash(b)).not.toBe(scenarioHash(a));
  });

  it('is the same for a scenario and an extends chain that merges to it', async () => {
    const child = join(dir, 'tiny.json');
    writeFileSync(child, JSON.stringify({ extends: resolve('test/fixtures/tiny.json'), borders: { 'RS-HU': { detection: 0.5 } } }));
    const flat = tiny();
    flat.borders['RS-HU'].detection = 0.5;
    const flatFile = join(dir, 'flat.json');
    writeFileSync(flatFile, JSON.stringify(flat, null, 4));
    const [merged, direct] = await Promise.all([loadScenario(child), loadScenario(flatFile)]);
    expect(scenarioHash(merged.scenario)).toBe(scenarioHash(direct.scenario));
  });
});
