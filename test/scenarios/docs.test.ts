// docs/scenarios.md stays true: it documents every field of the schema, and its policy-variant
// example is a valid ~20-line scenario that extends a built-in.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenarios/load.js';

const docs = readFileSync('docs/scenarios.md', 'utf8');
const schema = JSON.parse(readFileSync('scenarios/schema.json', 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'routeshift-docs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every property name declared anywhere in the schema. */
function propertyNames(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => propertyNames(n, out));
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties') Object.keys(value as object).forEach((k) => out.add(k));
      propertyNames(value, out);
    }
  }
  return out;
}

describe('docs/scenarios.md', () => {
  it('documents every field of the schema', () => {
    const missing = [...propertyNames(schema)].filter((name) => !docs.includes('`' + name + '`'));
    expect(missing).toEqual([]);
  });

  it('has a policy-variant example of about 20 lines that validates', async () => {
    const section = docs.slice(docs.indexOf('## `extends`'));
    const example = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example).toBeDefined();
    expect(example!.trimEnd().split('\n').length).toBeLessThanOrEqual(25);
    const file = join(dir, 'hr-stays-closed.json');
    writeFileSync(file, example!);
    const { scenario, files } = await loadScenario(file);
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(scenario.id).toBe('hr-stays-closed');
  });
});
