// `routeshift calibrate <scenario> --benchmarks <file> --params <file> --budget <n>`: ABC-SMC over
// the params file's free parameters against the benchmarks' scorecard distance (src/calibration).
// Order: every input is checked (scenario, params, benchmarks, output directory) before anything
// is written; then the output directory receives checkpoint.json after each generation (atomic);
// at the end posterior.csv, best.json, calibration.json, report.html, checkpoint.json and
// manifest.json replace it in one atomic rename. `--resume` continues from the checkpoint (same
// settings required; a larger --budget continues a finished run) and gives the bytes an
// uninterrupted run gives.

import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { bestScenarioFile } from '../calibration/bestScenario.js';
import { calibrate, fitRuns, simulationsPerParticle, type CalibrationContext } from '../calibration/calibrate.js';
import { CHECKPOINT_FILE, checkpointJson, readCheckpoint, writeCheckpoint } from '../calibration/checkpoint.js';
import { calibrationJson, type CalibrationSettings } from '../calibration/outputs.js';
import { openPool } from '../calibration/openPool.js';
import { loadParamsFile } from '../calibration/paramsFile.js';
import { lastGeneration, posteriorCsv } from '../calibration/posterior.js';
import { ReplicateError } from '../run/executor.js';
import { resolveBuiltin } from '../scenarios/builtins.js';
import { isRealDate } from '../scenarios/dates.js';
import { DEFAULT_SEED } from '../scenarios/defaults.js';
import { scenarioHash } from '../scenarios/hash.js';
import { displayPath } from '../scenarios/load.js';
import { benchmarkObjective } from './benchmarkObjective.js';
import { CliError, type CliIo } from './io.js';
import { buildManifest, routeshiftVersion } from './manifest.js';
import { checkOutputDir, makeDirectory, writeOutputDir, type OutputTarget } from './outputDir.js';
import { startProgress } from './progress.js';
import { ReplicateFailure } from './replicateFailure.js';
import { describeInput, loadInput, reproduceCommand } from './scenarioInput.js';

export interface CalibrateOptions {
  benchmarks: string;
  params: string;
  budget: number;
  particles?: number;
  runsPerParticle: number;
  predictiveRuns: number;
  seed?: number;
  threads?: number;
  trainUntil?: string;
  out?: string;
  resume: boolean;
  force: boolean;
  report?: boolean;
}

export const CALIBRATE_FILES = ['posterior.csv', 'best.json', 'calibration.json', 'report.html', CHECKPOINT_FILE, 'manifest.json'] as const;
const ESS_KEEP = 0.5;

const sha = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

export async function calibrateCommand(ref: string, options: CalibrateOptions, argv: readonly string[], io: CliIo): Promise<number> {
  const started = performance.now();
  if (options.trainUntil !== undefined && !isRealDate(options.trainUntil)) throw new CliError(`--train-until: "${options.trainUntil}" is not a date YYYY-MM-DD`);
  if (options.particles !== undefined && options.particles < 2) throw new CliError('--particles must be at least 2 (a population needs a spread)');
  if (options.resume && options.force) throw new CliError('--resume continues the calibration in --out; --force starts it over: give one of them');
  const input = await loadInput(ref, io);
  const id = input.scenario.id;
  const paramsAbs = resolve(io.cwd, options.params);
  const params = await loadParamsFile(paramsAbs, displayPath(paramsAbs, io.cwd), input.scenario);
  const bench = await benchmarkObjective(options.benchmarks, input.scenario, io.cwd, { trainUntil: options.trainUntil });
  const per = simulationsPerParticle({ objective: bench.objective, runsPerParticle: options.runsPerParticle });
  const particles = options.particles ?? Math.max(2, Math.min(100, Math.floor(options.budget / (10 * per))));
  if (options.budget < particles * per) {
    throw new CliError(`--budget ${options.budget} does not cover one generation: ${particles} particles × ${per} simulations (${bench.objective.arms.length} arms × ${options.runsPerParticle} runs)`);
  }
  const dir = resolve(io.cwd, options.out ?? join('out', `calibrate-${id}`));
  const benchAbs = resolve(io.cwd, options.benchmarks);
  const target: OutputTarget = { dir, shown: displayPath(dir, io.cwd), force: options.force, protect: [io.cwd, ...input.files, paramsAbs, benchAbs], markers: ['manifest.json', CHECKPOINT_FILE] };
  const seed = options.seed ?? input.scenario.seed ?? DEFAULT_SEED;
  // What determines the result (the budget only says how far to go: see the header).
  const fingerprint = {
    scenario: scenarioHash(input.scenario),
    params: sha(params.parameters),
    benchmarks: sha(bench.benchmarks.items),
    seed,
    particles,
    runsPerParticle: options.runsPerParticle,
    essKeep: ESS_KEEP,
    trainUntil: options.trainUntil ?? null,
  };
  const from = options.resume ? await readCheckpoint(dir, target.shown, fingerprint) : undefined;
  if (!options.resume) await checkOutputDir(target);
  await makeDirectory(dir, target.shown);

  const threads = Math.min(options.threads ?? availableParallelism(), particles * per);
  const total = Math.floor(options.budget / (particles * per)) * particles * per + 2 * options.predictiveRuns * bench.objective.arms.length;
  const progress = startProgress(io.progressStream, `${id} calibration`, total, 'simulations');
  let offset = from?.simulations ?? 0;
  /** The generation the checkpoint in `dir` holds; -1 before the first. */
  let checkpointed = from ? from.generations.length - 1 : -1;
  const pool = await openPool(threads);
  const ctx: CalibrationContext = {
    base: input.scenario,
    shownFile: input.shownFiles[0],
    paramsFile: params.file,
    params: params.parameters,
    objective: bench.objective,
    seed,
    runsPerParticle: options.runsPerParticle,
    threads,
    pool,
    signal: io.signal,
    onSimulations: (done) => progress.update(offset + done),
  };
  const loaded = performance.now();
  let state;
  let fit;
  try {
    state = await calibrate(
      { priors: params.parameters.map((p) => p.prior), integer: params.parameters.map((p) => p.integer === true), particles, budget: options.budget, seed, essKeep: ESS_KEEP },
      ctx,
      {
        onGeneration: async (s) => {
          offset = s.simulations;
          await writeCheckpoint(dir, fingerprint, s);
          checkpointed = s.generations.length - 1;
        },
      },
      from,
    );
    fit = await fitRuns(state, ctx, options.predictiveRuns);
  } catch (error) {
    if (io.signal?.aborted && checkpointed >= 0) {
      // Unlike `run`, something is kept on purpose: the last generation's checkpoint.
      progress.stop();
      io.stderr(`routeshift: interrupted; ${target.shown}/${CHECKPOINT_FILE} holds generation ${checkpointed}: add --resume to continue\n`);
      return 130;
    }
    if (!(error instanceof ReplicateError)) throw error;
    throw new ReplicateFailure(`calibration of ${id}: ${error.message}`, reproduceCommand(input.ref, seed, error.replicate), error);
  } finally {
    progress.stop();
    await pool?.destroy();
  }
  const ran = performance.now();

  const bestCard = bench.scorecard(fit.bestRuns);
  const predictiveCard = bench.scorecard(fit.predictiveRuns);
  const settings: CalibrationSettings = {
    scenario: id,
    benchmarks: bench.benchmarks.file,
    params: params.file,
    seed,
    particles,
    budget: options.budget,
    runsPerParticle: options.runsPerParticle,
    arms: bench.objective.arms.length,
    essKeep: ESS_KEEP,
    predictiveRuns: options.predictiveRuns,
    ...(options.trainUntil === undefined ? {} : { trainUntil: options.trainUntil }),
  };
  const json = calibrationJson(settings, params.parameters, state, fit.best, { best: bestCard, predictive: predictiveCard });
  const extendsRef = resolveBuiltin(input.ref) === input.files[0] ? input.ref : relative(dir, input.files[0]).split(sep).join('/');
  const best = bestScenarioFile({
    base: input.scenario,
    extendsRef,
    params: params.parameters,
    values: fit.best.values,
    paramsFile: params.file,
    description: `The best-fitting particle of a calibration of ${id} against ${bench.benchmarks.file} (routeshift calibrate, seed ${seed}, ${state.simulations} simulations): ${json.parameters.map((p) => `${p.path} = ${json.best.values[p.path]}`).join(', ')}.`,
  });
  const paths = params.parameters.map((p) => p.path);
  const report =
    options.report === false
      ? undefined
      : await (await import('../calibration/report.js')).calibrationReport({ json, params: params.parameters, state, best: bestCard, predictive: predictiveCard, generator: `routeshift ${routeshiftVersion()}` });
  await writeOutputDir({ ...target, force: true }, async (tmp) => {
    await writeFile(join(tmp, 'posterior.csv'), posteriorCsv(paths, state));
    await writeFile(join(tmp, 'best.json'), JSON.stringify(best, null, 2) + '\n');
    await writeFile(join(tmp, 'calibration.json'), JSON.stringify(json, null, 2) + '\n');
    if (report !== undefined) await writeFile(join(tmp, 'report.html'), report);
    await writeFile(join(tmp, CHECKPOINT_FILE), checkpointJson(fingerprint, state));
    const manifest = buildManifest({
      scenario: { id, hash: scenarioHash(input.scenario), ...describeInput(input) },
      seed,
      runs: state.simulations,
      argv,
      timingsMs: { load: loaded - started, compile: 0, run: ran - loaded, write: performance.now() - ran },
      agentSteps: 0,
      details: { threads, resumedFrom: from ? from.generations.length - 1 : null, ...settings },
    });
    await writeFile(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  });

  const last = lastGeneration(state);
  const width = Math.max(...paths.map((p) => p.length));
  io.stdout(`routeshift: calibration of ${id}: ${state.generations.length} generations, ${state.simulations} simulations, final tolerance ${last.epsilon ?? '∞'} (seed ${seed}) in ${((ran - loaded) / 1000).toFixed(1)} s\n`);
  for (const p of json.parameters) io.stdout(`  ${p.path.padEnd(width)}  mean ${p.mean}  95% ${p.q025} to ${p.q975}  best ${json.best.values[p.path]}\n`);
  const split = json.fit.best.test ? `; train ${json.fit.best.train?.distance}, held-out ${json.fit.best.test.distance}` : '';
  io.stdout(`  best particle: distance ${json.fit.best.distance}, score ${json.fit.best.score}${split}\n`);
  io.stdout(`wrote ${target.shown}/ (${CALIBRATE_FILES.filter((f) => f !== 'report.html' || report !== undefined).join(', ')})\n`);
  return 0;
}
