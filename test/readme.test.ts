// The README's examples work: its policy-variant file loads (extends a built-in) and does what it
// says, and the default scenario shows the 2015 fence displacement the README describes.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReplicate } from '../src/model/runReplicate.js';
import { BORDER_METRICS } from '../src/model/result.js';
import { compileScenario } from '../src/scenarios/compile.js';
import { dayIndex } from '../src/scenarios/dates.js';
import { loadScenario } from '../src/scenarios/load.js';
import type { Scenario } from '../src/scenarios/types.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** Crossings of a border in days [from, to), summed over `runs` replicates, at 1/5 of the scale. */
function crossings(scenario: Scenario, border: string, from: number, to: number, runs = 2): number {
  const s: Scenario = { ...scenario, peoplePerAgent: (scenario.peoplePerAgent ?? 1) * 5 };
  const compiled = compileScenario(s);
  const b = compiled.network.borderIds.indexOf(border);
  let sum = 0;
  for (let k = 0; k < runs; k++) {
    const r = runReplicate(compiled, 2015, k);
    const base = (BORDER_METRICS.indexOf('crossings') * r.borders + b) * r.days;
    for (let d = from; d < to; d++) sum += r.borderDaily[base + d];
  }
  return sum;
}

describe('README', () => {
  it('opens with the two set-up commands', () => {
    const firstBlock = readme.split('```')[1];
    expect(firstBlock).toContain('npm install && npm start');
    expect(firstBlock).toContain('npm test');
  });

  it('the policy-variant example loads and removes the fence displacement', async () => {
    const json = readme.split('```json\n')[1].split('```')[0];
    const dir = mkdtempSync(join(tmpdir(), 'routeshift-readme-'));
    const file = join(dir, 'no-hungarian-fence.json');
    writeFileSync(file, json);
    const variant = (await loadScenario(file)).scenario;
    const base = (await loadScenario('western-balkans')).scenario;
    // 15 September to 15 October 2015.
    const fenceDay = dayIndex(base.period.start, '2015-09-15');
    const baseHu = crossings(base, 'RS-HU', fenceDay, fenceDay + 30);
    const variantHu = crossings(variant, 'RS-HU', fenceDay, fenceDay + 30);
    expect(baseHu).toBeLessThan(variantHu * 0.05);
    // Stylised fact (seeds-000-002 §8 fact 2): the fence sends the flow to Croatia within days.
    const before = crossings(base, 'RS-HR', fenceDay - 14, fenceDay);
    const after = crossings(base, 'RS-HR', fenceDay + 1, fenceDay + 15);
    expect(after).toBeGreaterThan(10 * Math.max(before, 1));
  });
});
