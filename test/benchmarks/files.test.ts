// Every benchmark file shipped under benchmarks/ validates against its schema and the scenario it
// names, and the western-balkans set cites a source file and lines for every item.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBenchmarks } from '../../src/benchmarks/load.js';
import { packageRoot } from '../../src/scenarios/builtins.js';
import { loadScenario } from '../../src/scenarios/load.js';

const dir = join(packageRoot(), 'benchmarks');
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'schema.json');

describe('benchmarks/', () => {
  it('holds at least the western-balkans set', () => {
    expect(files).toContain('western-balkans.json');
  });

  for (const file of files) {
    it(`${file} validates against the schema and its scenario`, async () => {
      const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { scenario?: string; items: unknown[] };
      const { scenario } = await loadScenario(data.scenario ?? file.replace(/\.json$/, ''));
      const b = await loadBenchmarks(join(dir, file), scenario);
      expect(b.items.length).toBe(data.items.length);
    });
  }

  it('western-balkans: every item cites a shared/ file and where in it, with line numbers for the stylised facts', async () => {
    const { scenario } = await loadScenario('western-balkans');
    const b = await loadBenchmarks(join(dir, 'western-balkans.json'), scenario);
    const kinds = new Set(b.items.map((i) => i.kind));
    expect([...kinds].sort()).toEqual(['comparative', 'directional', 'monotone', 'series']);
    for (const item of b.items) {
      expect(item.source.document, item.id).toMatch(/^shared\/(data|research)\/[\w-]+\.(json|md)$/);
      if (item.kind !== 'series') expect(item.source.where, item.id).toMatch(/§\d+ facts? [\d–]+( and \d+)?, lines? \d+/);
    }
  });
});
