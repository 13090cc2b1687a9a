// The benchmark evaluation API in one import (the shapes and their contract: types.ts).

export { armScenarios, benchmarkArms, compileArms } from './arms.js';
export { evaluateBenchmarks, evaluateBenchmarksDetailed, type EvaluateOptions, type Evaluation } from './evaluate.js';
export { benchmarkSchemaPath, loadBenchmarks, parseBenchmarks } from './load.js';
export { observableLayout, observer } from './observer.js';
export { scoreRuns, type ScoreOptions } from './scoreRuns.js';
export { crpsEnsemble, covered } from './crps.js';
export type * from './types.js';
