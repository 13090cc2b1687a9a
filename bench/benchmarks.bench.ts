// Cost of benchmark scoring next to the runs it scores (bench/DECLARATION.md): the observer that
// reduces one western-balkans replicate to the observables of benchmarks/western-balkans.json, and
// scoreRuns over 100 replicates of every arm. Both should be negligible against a replicate
// (kernel.bench.ts), so that `check` and calibration cost what their runs cost.

import { bench, describe } from 'vitest';
import { compileArms } from '../src/benchmarks/arms.js';
import { loadBenchmarks } from '../src/benchmarks/load.js';
import { observer } from '../src/benchmarks/observer.js';
import { scoreRuns } from '../src/benchmarks/scoreRuns.js';
import { runReplicate } from '../src/model/runReplicate.js';
import { loadScenario } from '../src/scenarios/load.js';

const { scenario } = await loadScenario('western-balkans');
const b = await loadBenchmarks('benchmarks/western-balkans.json', scenario);
const compiled = compileArms(scenario, b);
const results = compiled.map((c) => runReplicate(c, 2015, 0));
const observers = compiled.map((c, arm) => observer(c, b, arm));
const observed = results.map((r, arm) => observers[arm](r));
const runs = observed.map((o) => Array.from({ length: 100 }, () => o));
console.log(`${b.items.length} items, ${compiled.length} arms, ${observed[0].length} observables per replicate of arm 0`);

describe('benchmark scoring (western-balkans)', () => {
  bench('observer, arm 0, ×10 replicates', () => {
    for (let k = 0; k < 10; k++) observers[0](results[0]);
  });
  bench('scoreRuns, 100 replicates × every arm', () => {
    scoreRuns(b, runs);
  });
});
