// `routeshift sensitivity <scenario> --params <file> --method morris|sobol`: which free parameters
// move which outputs (src/sensitivity). Outputs are summary.json metrics (--outputs) or, with
// --benchmarks, the scorecard distance. Every check on the input (scenario, params file, outputs,
// output directory) happens before the runs; sensitivity.json, sensitivity.csv, report.html and
// manifest.json are written atomically; the table goes to stdout.

import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { openPool } from '../calibration/openPool.js';
import { loadParamsFile } from '../calibration/paramsFile.js';
import type { PointObjective } from '../calibration/evaluatePoints.js';
import { ReplicateError } from '../run/executor.js';
import { DEFAULT_SEED } from '../scenarios/defaults.js';
import { scenarioHash } from '../scenarios/hash.js';
import { displayPath } from '../scenarios/load.js';
import { runSensitivity, type SensitivityMethod, type SensitivitySettings } from '../sensitivity/analysis.js';
import { checkMetricPaths, metricObjective } from '../sensitivity/metricObjective.js';
import { sensitivityCsv, sensitivityJson, sensitivityTable } from '../sensitivity/outputs.js';
import { CliError, type CliIo } from './io.js';
import { buildManifest, routeshiftVersion } from './manifest.js';
import { checkOutputDir, writeOutputDir, type OutputTarget } from './outputDir.js';
import { startProgress } from './progress.js';
import { ReplicateFailure } from './replicateFailure.js';
import { compileInput, describeInput, loadInput, reproduceCommand } from './scenarioInput.js';

export interface SensitivityOptions {
  params: string;
  method: SensitivityMethod;
  outputs?: string;
  benchmarks?: string;
  trajectories?: number;
  samples?: number;
  levels?: number;
  runsPerPoint: number;
  seed?: number;
  threads?: number;
  out?: string;
  force: boolean;
  report?: boolean;
}

export const DEFAULT_OUTPUTS = ['totals.arrivals', 'totals.deaths', 'totals.detectionsRecorded'];
export const SENSITIVITY_FILES = ['sensitivity.json', 'sensitivity.csv', 'report.html', 'manifest.json'] as const;

export async function sensitivityCommand(ref: string, options: SensitivityOptions, argv: readonly string[], io: CliIo): Promise<number> {
  const started = performance.now();
  const { method } = options;
  if (method === 'morris' && options.samples !== undefined) throw new CliError('--samples is for --method sobol; Morris takes --trajectories');
  if (method === 'sobol' && (options.trajectories !== undefined || options.levels !== undefined)) throw new CliError('--trajectories and --levels are for --method morris; Sobol takes --samples');
  if (options.levels !== undefined && (options.levels < 2 || options.levels % 2 !== 0)) throw new CliError(`--levels must be an even number of at least 2, got ${options.levels}`);
  if (options.benchmarks !== undefined && options.outputs !== undefined) throw new CliError('give --outputs or --benchmarks (whose output is the scorecard distance), not both');
  const input = await loadInput(ref, io);
  const id = input.scenario.id;
  const paramsAbs = resolve(io.cwd, options.params);
  const params = await loadParamsFile(paramsAbs, displayPath(paramsAbs, io.cwd), input.scenario);
  let objective: PointObjective<number[]>;
  let outputNames: string[];
  if (options.benchmarks !== undefined) {
    const { benchmarkObjective } = await import('./benchmarkObjective.js');
    const distance = await benchmarkObjective(options.benchmarks, input.scenario, io.cwd, {});
    objective = { ...distance.objective, reduce: (runs) => [distance.objective.reduce(runs)] };
    outputNames = ['distance'];
  } else {
    outputNames = (options.outputs ?? DEFAULT_OUTPUTS.join(',')).split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (outputNames.length === 0) throw new CliError('--outputs: give at least one summary.json metric, e.g. totals.arrivals');
    checkMetricPaths(compileInput(input), outputNames);
    objective = metricObjective(outputNames);
  }
  const dir = resolve(io.cwd, options.out ?? join('out', `sensitivity-${id}`));
  const target: OutputTarget = { dir, shown: displayPath(dir, io.cwd), force: options.force, protect: [io.cwd, ...input.files, paramsAbs] };
  await checkOutputDir(target);

  const seed = options.seed ?? input.scenario.seed ?? DEFAULT_SEED;
  const settings: SensitivitySettings = {
    method,
    trajectories: options.trajectories ?? 10,
    levels: options.levels ?? 4,
    samples: options.samples ?? 64,
    runsPerPoint: options.runsPerPoint,
    seed,
    bootstrap: 1000,
  };
  const k = params.parameters.length;
  const points = method === 'morris' ? settings.trajectories * (k + 1) : settings.samples * (k + 2);
  const total = points * objective.arms.length * settings.runsPerPoint;
  const threads = Math.min(options.threads ?? availableParallelism(), total);
  const progress = startProgress(io.progressStream, `${id} ${method} (${points} points)`, total);
  const loaded = performance.now();
  const pool = await openPool(threads);
  let result;
  try {
    result = await runSensitivity(settings, objective, outputNames, {
      base: input.scenario,
      shownFile: input.shownFiles[0],
      paramsFile: params.file,
      params: params.parameters,
      threads,
      pool,
      signal: io.signal,
      onProgress: (done) => progress.update(done),
    });
  } catch (error) {
    if (!(error instanceof ReplicateError)) throw error;
    throw new ReplicateFailure(`sensitivity of ${id}: ${error.message}`, reproduceCommand(input.ref, seed, error.replicate), error);
  } finally {
    progress.stop();
    await pool?.destroy();
  }
  const ran = performance.now();

  const json = sensitivityJson(id, settings, params.parameters, result);
  const csv = sensitivityCsv(settings, result);
  const report = options.report === false ? undefined : await (await import('../sensitivity/report.js')).sensitivityReport(id, settings, params.parameters, result, `routeshift ${routeshiftVersion()}`);
  await writeOutputDir(target, async (tmp) => {
    await writeFile(join(tmp, 'sensitivity.json'), json);
    await writeFile(join(tmp, 'sensitivity.csv'), csv);
    if (report !== undefined) await writeFile(join(tmp, 'report.html'), report);
    const manifest = buildManifest({
      scenario: { id, hash: scenarioHash(input.scenario), ...describeInput(input) },
      seed,
      runs: settings.runsPerPoint,
      argv,
      timingsMs: { load: loaded - started, compile: 0, run: ran - loaded, write: performance.now() - ran },
      agentSteps: 0,
      details: { threads, params: params.file, method, points: result.points, simulations: result.simulations, outputs: outputNames },
    });
    await writeFile(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  });
  io.stdout(sensitivityTable(settings, result));
  io.stdout(`routeshift: ${method} sensitivity of ${id}: ${result.points} points × ${settings.runsPerPoint} runs (seed ${seed}) in ${((ran - loaded) / 1000).toFixed(1)} s\n`);
  io.stdout(`wrote ${target.shown}/ (${SENSITIVITY_FILES.filter((f) => f !== 'report.html' || report !== undefined).join(', ')})\n`);
  return 0;
}
