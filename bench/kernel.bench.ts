// Kernel throughput: agent-steps per second of one replicate on one core, on the default scenario
// (western-balkans), on the same with beliefs and learning (a copy with an `information` block with
// default parameters, and one with a `stranding` block too), and on a synthetic stress case (three
// exits, 900,000 people). Method and sizes:
// bench/DECLARATION.md. Each bench call runs one whole replicate (≥ 0.1 s of work, far above the
// timer resolution); agent-steps per replicate are printed once so hz converts to agent-steps/s.

import { bench, describe } from 'vitest';
import { runReplicate } from '../src/model/runReplicate.js';
import { RUN_SCALARS } from '../src/model/result.js';
import { compileScenario } from '../src/scenarios/compile.js';
import { loadScenario } from '../src/scenarios/load.js';
import { threeExitsScenario } from '../test/fixtures/scenarios.js';

const AGENT_STEPS = RUN_SCALARS.indexOf('agentSteps');

const western = (await loadScenario('western-balkans')).scenario;
const defaultScenario = compileScenario(western);
const withBeliefs = compileScenario({ ...western, information: {} });
const withStranding = compileScenario({ ...western, information: {}, stranding: {} });
const stress = threeExitsScenario();
for (const month of Object.keys(stress.inflow[0].monthly)) stress.inflow[0].monthly[month] = 300_000;
const stressScenario = compileScenario(stress);

for (const [name, compiled] of [
  ['western-balkans', defaultScenario],
  ['western-balkans + information', withBeliefs],
  ['western-balkans + information + stranding', withStranding],
  ['three-exits ×100', stressScenario],
] as const) {
  const steps = runReplicate(compiled, 1, 0).scalars[AGENT_STEPS];
  console.log(`${name}: ${steps} agent-steps per replicate (peoplePerAgent ${compiled.peoplePerAgent})`);
  describe(name, () => {
    let replicate = 0;
    bench(`one replicate (${steps} agent-steps)`, () => {
      runReplicate(compiled, 1, replicate++ % 8);
    });
  });
}
