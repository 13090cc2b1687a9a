// The validators generated at build time (src/scenarios/precompiledValidators.ts) report exactly
// what the validators compiled at run time report, on the bad-input fixtures, on variants that
// break the schema in other ways, and on every built-in scenario file (no problems); and they are
// used only when generated from the schema text being read.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { GENERATED_FILE, loadPrecompiled, validatorModuleCode } from '../../src/scenarios/precompiledValidators.js';
import { loadScenario } from '../../src/scenarios/load.js';
import type { JsonObject } from '../../src/scenarios/extends.js';
import { createValidator, type ScenarioValidator } from '../../src/scenarios/validator.js';
import { threeExitsScenario } from '../fixtures/scenarios.js';

const schemaText = readFileSync('scenarios/schema.json', 'utf8');
const schema = JSON.parse(schemaText) as object;
// Under node_modules so that the generated code's require of Ajv's runtime helpers resolves.
const dir = join('node_modules', '.cache', `routeshift-validators-${process.pid}`);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, GENERATED_FILE), validatorModuleCode(schemaText));
const dirUrl = pathToFileURL(`${dir}/`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const jsonFiles = (folder: string) =>
  readdirSync(folder)
    .filter((f) => f.endsWith('.json') && f !== 'schema.json')
    .flatMap((f) => {
      try {
        return [{ file: join(folder, f), data: JSON.parse(readFileSync(join(folder, f), 'utf8')) as unknown }];
      } catch {
        return []; // bad-json.json: a syntax error, found before any schema is used
      }
    });

/** Variants of the three-exit scenario that break the schema in one way each. */
function brokenVariants(): { file: string; data: unknown }[] {
  const variants: [string, (s: Record<string, unknown> & ReturnType<typeof threeExitsScenario>) => void][] = [
    ['wrong type', (s) => ((s.nodes[0] as unknown as Record<string, unknown>).lat = 'north')],
    ['bad id pattern', (s) => (s.nodes[0].id = 'Big Town')],
    ['bad date', (s) => (s.period.start = '2015-13-01')],
    ['negative distance', (s) => (s.edges[0].distanceKm = -5)],
    ['unknown top-level key', (s) => (s.colour = 'red')],
    ['event without date', (s) => (s.events = [{ label: 'x', border: 'XM-XB', set: { detection: 0.5 } } as never])],
    ['mode not in enum', (s) => (s.edges[0].mode = 'rocket' as never)],
    ['missing cohorts', (s) => delete (s as Partial<typeof s>).cohorts],
  ];
  return variants.map(([name, change]) => {
    const s = threeExitsScenario() as Record<string, unknown> & ReturnType<typeof threeExitsScenario>;
    change(s);
    return { file: name, data: s };
  });
}

describe('validators generated at build time', () => {
  const runtime = createValidator(schema);
  const precompiled = loadPrecompiled(dirUrl, schemaText);

  it('are loaded when generated from the schema text being read', () => {
    expect(precompiled).toBeDefined();
  });

  it('report the same problems as the validators compiled at run time', () => {
    // Without them createValidator would compile at run time and the comparison would be empty.
    if (precompiled === undefined) throw new Error('the generated validators did not load');
    const generated = createValidator(schema, precompiled);
    const inputs = [...jsonFiles('test/fixtures/bad'), ...brokenVariants()];
    let withProblems = 0;
    for (const input of inputs) {
      const chain = (v: ScenarioValidator) => v.checkChain([input], () => input.data as JsonObject).problems;
      const expected = [chain(runtime), runtime.validateScenario(input.data)];
      expect([chain(generated), generated.validateScenario(input.data)], input.file).toEqual(expected);
      if (expected.some((p) => p.length > 0)) withProblems++;
    }
    expect(withProblems).toBeGreaterThanOrEqual(inputs.length - 1);
  });

  it('accept every built-in scenario file, and the merged default scenario against the full schema', async () => {
    if (precompiled === undefined) throw new Error('the generated validators did not load');
    const files = [...jsonFiles('scenarios'), ...jsonFiles('scenarios/networks')];
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(precompiled.relaxed(f.data), f.file).toBe(true);
    const { scenario } = await loadScenario('western-balkans');
    expect(precompiled.full(scenario)).toBe(true);
    expect(precompiled.full({ ...scenario, period: undefined })).toBe(false);
  });

  it('are not used when the schema changed since they were generated, or were never generated', () => {
    expect(loadPrecompiled(dirUrl, schemaText.replace('"title": "routeshift scenario"', '"title": "edited"'))).toBeUndefined();
    expect(loadPrecompiled(pathToFileURL('test/fixtures/bad/'), schemaText)).toBeUndefined();
  });
});
