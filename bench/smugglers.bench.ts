// Cost of the smuggler layer: one replicate of the default scenario with its smuggling networks
// and market, against the same scenario without the `smugglers` block. Method: bench/DECLARATION.md.

import { bench, describe } from 'vitest';
import { runReplicate } from '../src/model/runReplicate.js';
import { RUN_SCALARS } from '../src/model/result.js';
import { compileScenario } from '../src/scenarios/compile.js';
import { loadScenario } from '../src/scenarios/load.js';

const { scenario } = await loadScenario('western-balkans');
if (scenario.smugglers === undefined) throw new Error('western-balkans has no smugglers block to measure');
const withSmugglers = compileScenario(scenario);
const withoutSmugglers = compileScenario({ ...scenario, smugglers: undefined });
const steps = RUN_SCALARS.indexOf('agentSteps');

describe('smuggler layer on western-balkans', () => {
  for (const [name, compiled] of [
    ['without smugglers', withoutSmugglers],
    ['with smugglers', withSmugglers],
  ] as const) {
    const agentSteps = runReplicate(compiled, 1, 0).scalars[steps];
    let replicate = 0;
    bench(`${name} (${agentSteps} agent-steps)`, () => {
      runReplicate(compiled, 1, replicate++ % 4);
    });
  }
});
