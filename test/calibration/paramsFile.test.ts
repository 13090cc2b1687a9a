// Parameter files: the shipped one loads against western-balkans; every kind of mistake names
// the file and the JSON path.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkParams, loadParamsFile } from '../../src/calibration/paramsFile.js';
import { ScenarioError } from '../../src/scenarios/errors.js';
import { loadScenario } from '../../src/scenarios/load.js';
import { packageRoot } from '../../src/scenarios/builtins.js';

const root = packageRoot();

async function problemsOf(data: unknown, ref = 'scenarios/toy-three-crossings.json'): Promise<string[]> {
  const { scenario } = await loadScenario(ref, { cwd: root });
  try {
    checkParams(data, 'p.json', scenario);
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`);
    throw error;
  }
  return [];
}

const good = { path: 'borders.XA-XC.detection', prior: { uniform: { min: 0.2, max: 0.8 } }, guess: 'test' };

describe('parameter files', () => {
  test('calibration/params.json loads against western-balkans', async () => {
    const { scenario } = await loadScenario('western-balkans', { cwd: root });
    const params = await loadParamsFile(join(root, 'calibration/params.json'), 'calibration/params.json', scenario);
    expect(params.parameters.length).toBeGreaterThanOrEqual(5);
    for (const p of params.parameters) expect(p.guess ?? p.source).toBeTruthy();
    const text = await readFile(join(root, 'calibration/params.json'), 'utf8');
    expect(JSON.parse(text).$schema).toBe('./schema.json');
  });

  test('a good file has no problems', async () => {
    expect(await problemsOf({ parameters: [good, { path: 'behaviour.retryWaitDays', prior: { logUniform: { min: 1, max: 9 } }, integer: true, source: 's' }] })).toEqual([]);
  });

  test('unknown path, min ≥ max, missing why, unknown prior and bad bounds are named with their JSON path', async () => {
    expect(await problemsOf({ parameters: [{ ...good, path: 'borders.XA-XQ.detection' }] })).toEqual([
      expect.stringMatching(/^p\.json: \/parameters\/0\/path: with 0\.2: the scenario would be invalid: .*XA-XQ/),
    ]);
    expect(await problemsOf({ parameters: [{ ...good, path: 'nosuch.detection' }] })).toEqual(['p.json: /parameters/0/path: no "nosuch" in the scenario at (the top level)']);
    expect(await problemsOf({ parameters: [{ ...good, path: 'behaviour.noSuchKey' }] })).toEqual([expect.stringMatching(/^p\.json: \/parameters\/0\/path: .*noSuchKey/)]);
    expect(await problemsOf({ parameters: [{ ...good, path: 'events.middle-crackdown.label' }] })).toEqual([
      'p.json: /parameters/0/path: is "Crackdown at the middle crossing" in the scenario, not a number',
    ]);
    expect(await problemsOf({ parameters: [{ ...good, prior: { uniform: { min: 0.5, max: 0.5 } } }] })).toEqual(['p.json: /parameters/0/prior/uniform/max: must be greater than min (0.5), got 0.5']);
    expect(await problemsOf({ parameters: [{ ...good, prior: { uniform: { min: 0.2, max: 1.5 } } }] })).toEqual([expect.stringMatching(/^p\.json: \/parameters\/0\/path: with 1\.5: .*detection/)]);
    expect(await problemsOf({ parameters: [{ path: good.path, prior: good.prior }] })).toEqual(['p.json: /parameters/0: must have a "source" or a "guess" (one of them)']);
    expect(await problemsOf({ parameters: [{ ...good, prior: { beta: { a: 1 } } }] })).toEqual(['p.json: /parameters/0/prior/beta: unknown property "beta"']);
    expect(await problemsOf({ parameters: [{ ...good, prior: { logUniform: { min: 0, max: 1 } } }] })).toEqual(['p.json: /parameters/0/prior/logUniform/min: must be > 0']);
    expect(await problemsOf({ parameters: [good, good] })).toEqual(['p.json: /parameters/1/path: "borders.XA-XC.detection" is already parameter 0']);
    expect(await problemsOf({ parameters: [] })).toEqual(['p.json: /parameters: must NOT have fewer than 1 items']);
  });
});
