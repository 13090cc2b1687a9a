// The benchmark's synthetic Flee scenario (scripts/flee/synthetic.mjs): the same seed writes the
// same files, the folder imports without a problem, and a replicate spawns exactly the people the
// camp series add up to (spawning follows the camps' observed increase, sum_from_camps).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticFlee, writeSyntheticFlee } from '../../scripts/flee/synthetic.mjs';
import { readFleeScenario } from '../../src/flee/readFlee.js';
import { fleeToScenario } from '../../src/flee/toScenario.js';
import { isFleeCompiled } from '../../src/model/flee/compileRules.js';
import { runFleeReplicate } from '../../src/model/flee/runFleeReplicate.js';
import { RUN_SCALARS } from '../../src/model/result.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { validateScenario } from '../../src/scenarios/validate.js';

const root = mkdtempSync(join(tmpdir(), 'routeshift-synthetic-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const SIZE = { locations: 30, camps: 4, zones: 5, people: 3000, days: 60, seed: 3 };

describe('synthetic Flee scenario', () => {
  it('is deterministic given the seed', () => {
    expect(syntheticFlee(SIZE)).toEqual(syntheticFlee(SIZE));
    expect(syntheticFlee({ ...SIZE, seed: 4 })).not.toEqual(syntheticFlee(SIZE));
  });

  it('imports cleanly and spawns what the camp series add up to', async () => {
    const files = writeSyntheticFlee(join(root, 'syn'), SIZE);
    const input = await readFleeScenario(join(root, 'syn'), { show: (p) => p });
    expect(input.locations).toHaveLength(SIZE.locations);
    const { scenario } = fleeToScenario(input, { dir: join(root, 'syn') });
    expect(validateScenario(scenario, [{ file: 'syn.json', data: scenario }])).toEqual([]);
    const compiled = compileScenario(scenario);
    if (!isFleeCompiled(compiled)) throw new Error('not a Flee-mode scenario');
    const result = runFleeReplicate(compiled, 1, 0);
    // Camp series are observed every ten days up to day 50 and constant after it.
    const lastObserved = Object.entries(files)
      .filter(([path]) => path.startsWith('source_data/camp-'))
      .reduce((sum, [, text]) => sum + Number(text.trim().split('\n').at(-1)!.split(',')[1]), 0);
    expect(result.scalars[RUN_SCALARS.indexOf('entered')]).toBe(lastObserved);
    expect(lastObserved).toBeGreaterThan(SIZE.people * 0.5);
  });
});
