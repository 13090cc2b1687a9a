// The public API: load and validate a scenario, compile it, run replicates, summarise. Re-exports
// only; each piece lives in its own module.

export { loadScenario } from './scenarios/load.js';
export { validateScenario } from './scenarios/validate.js';
export { compileScenario } from './scenarios/compile.js';
export { ScenarioError, formatProblems } from './scenarios/errors.js';
export { scenarioHash } from './scenarios/hash.js';
export type { Scenario } from './scenarios/types.js';
export type { CompiledScenario } from './model/compiled.js';
export { createModel, type Model } from './model/createModel.js';
export { runReplicate } from './model/runReplicate.js';
export type { ReplicateResult } from './model/result.js';
export { BORDER_METRICS, COUNTRY_METRICS, TOTAL_METRICS, RUN_SCALARS } from './model/result.js';
export {
  aggregateMonteCarlo,
  ReplicateError,
  runMonteCarlo,
  type Aggregate,
  type AggregateOptions,
  type MonteCarloOptions,
  type MonteCarloResult,
} from './run/monteCarlo.js';
export { buildSummary, SummaryAccumulator, type Summary } from './run/summary.js';
export { buildSeriesCsv, SeriesAccumulator } from './run/series.js';
export { runComparison, type Comparison } from './run/compare.js';
export { buildSweepCsv, gridPoints, runSweep } from './run/sweep.js';
export { applyOverrides, parseAxis, parseOverride, type Override } from './run/overrides.js';
export { parseCiTarget, type CiTarget } from './run/untilCi.js';
export {
  benchmarkArms,
  compileArms,
  evaluateBenchmarks,
  loadBenchmarks,
  observer,
  scoreRuns,
  type Benchmarks,
  type Scorecard,
  type ScorecardItem,
} from './benchmarks/index.js';
// Calibration (ABC-SMC) and sensitivity analysis (Morris, Sobol): docs/calibration.md.
export { loadParamsFile, checkParams, type FreeParameter, type ParamsFile } from './calibration/paramsFile.js';
export { runAbcSmc, type AbcSettings, type AbcState, type Evaluate } from './calibration/abcSmc.js';
export { morrisDesign, morrisEffects } from './sensitivity/morris.js';
export { saltelliDesign, sobolIndices } from './sensitivity/sobol.js';
