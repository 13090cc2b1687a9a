// `routeshift sweep <scenario> --set path=v1,v2,… [--set …]`: a grid of variants of one scenario
// (each point validated like a scenario file), `--runs` replicates per point with the same seeds,
// written as sweep.csv (one row per point and metric, src/run/sweep.ts) and manifest.json (the grid,
// each point's settings and scenario hash), atomically like `run`'s outputs. With --until-ci, each
// point runs until its own intervals are narrow enough.

import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { ReplicateError } from '../run/executor.js';
import type { Override } from '../run/overrides.js';
import { recordLayout } from '../run/runRecord.js';
import { buildSweepCsv, gridPoints, runSweep } from '../run/sweep.js';
import type { CiTarget } from '../run/untilCi.js';
import { DEFAULT_SEED } from '../scenarios/defaults.js';
import { formatProblem } from '../scenarios/errors.js';
import { scenarioHash } from '../scenarios/hash.js';
import { displayPath } from '../scenarios/load.js';
import { CliError, type CliIo } from './io.js';
import { buildManifest } from './manifest.js';
import { checkOutputDir, writeOutputDir, type OutputTarget } from './outputDir.js';
import { startProgress } from './progress.js';
import { ReplicateFailure } from './replicateFailure.js';
import { compileInput, describeInput, loadInput, reproduceCommand, withOverrides } from './scenarioInput.js';
import { checkUntilCi, resolveTargets, untilCiDetails } from './untilCiOptions.js';

export interface SweepOptions {
  /** One axis per --set: the overrides for each of its values. */
  set: Override[][];
  runs: number;
  seed?: number;
  threads?: number;
  out?: string;
  force: boolean;
  /** Per point, keep adding runs until these 95% intervals are narrow enough. */
  untilCi?: CiTarget[];
  /** Upper bound on runs per point with --until-ci. */
  maxRuns?: number;
}

export const SWEEP_FILES = ['sweep.csv', 'manifest.json'] as const;

export async function sweepCommand(ref: string, options: SweepOptions, argv: readonly string[], io: CliIo): Promise<number> {
  const started = performance.now();
  const axes = options.set ?? [];
  if (axes.length === 0) throw new CliError('sweep needs at least one --set path=v1,v2,…');
  const untilCi = options.untilCi ?? [];
  const maxRuns = checkUntilCi(untilCi, options.maxRuns, options.runs);
  const paths = axes.map((axis) => axis[0].path);
  const repeated = paths.find((p, i) => paths.indexOf(p) !== i);
  if (repeated !== undefined) throw new CliError(`--set ${repeated} is given twice; list all its values in one --set`);
  const input = await loadInput(ref, io);
  const grid = gridPoints(axes);
  const points = grid.map((point) => withOverrides(input, point, io));
  const scenarios = points.map((p) => p.scenario);
  const id = input.scenario.id;
  const dir = resolve(io.cwd, options.out ?? join('out', `sweep-${id}`));
  const target: OutputTarget = { dir, shown: displayPath(dir, io.cwd), force: options.force, protect: [io.cwd, ...input.files] };
  await checkOutputDir(target);
  const loaded = performance.now();
  const compiled = scenarios.map((s) => compileInput(input, s));
  for (const point of compiled) resolveTargets(recordLayout(point), untilCi, 'sweep.csv');
  const compiledAt = performance.now();

  const { runs } = options;
  const seed = options.seed ?? input.scenario.seed ?? DEFAULT_SEED;
  const total = grid.length * maxRuns;
  const threads = Math.min(options.threads ?? availableParallelism(), total);
  const label = `${id} sweep (${grid.length} points${untilCi.length > 0 ? ', until CI' : ''})`;
  const progress = startProgress(io.progressStream, label, total);
  let accumulators;
  try {
    accumulators = await runSweep(compiled, {
      runs,
      seed,
      threads,
      untilCi,
      maxRuns: untilCi.length > 0 ? maxRuns : undefined,
      onProgress: (done) => progress.update(done),
      signal: io.signal,
    });
  } catch (error) {
    if (!(error instanceof ReplicateError)) throw error;
    const message = `sweep point ${error.scenario} (${grid[error.scenario].map((o) => o.text).join(', ')}): ${error.message}`;
    throw new ReplicateFailure(message, reproduceCommand(input.ref, seed, error.replicate, grid[error.scenario]), error);
  } finally {
    progress.stop();
  }
  const ran = performance.now();

  const csv = buildSweepCsv(paths, grid, accumulators);
  await writeOutputDir(target, async (tmp) => {
    await writeFile(join(tmp, 'sweep.csv'), csv);
    const manifest = buildManifest({
      scenario: { id, hash: scenarioHash(input.scenario), ...describeInput(input) },
      seed,
      runs,
      argv,
      timingsMs: { load: loaded - started, compile: compiledAt - loaded, run: ran - compiledAt, write: performance.now() - ran },
      agentSteps: accumulators.reduce((sum, acc) => sum + acc.agentSteps, 0),
      details: {
        threads,
        ...untilCiDetails(untilCi, maxRuns, accumulators.stoppedBy),
        axes: axes.map((axis) => ({ path: axis[0].path, values: axis.map((o) => o.value) })),
        points: grid.map((point, p) => ({
          point: p,
          set: Object.fromEntries(point.map((o) => [o.path, o.value])),
          hash: scenarioHash(scenarios[p]),
          ...(points[p].warnings.length > 0 ? { warnings: points[p].warnings.map(formatProblem) } : {}),
        })),
      },
    });
    await writeFile(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  });

  const seconds = ((ran - compiledAt) / 1000).toFixed(1);
  const runsText = untilCi.length > 0 ? `${accumulators.map((a) => a.runs).join('/')} runs (until CI)` : `${runs} runs`;
  io.stdout(`routeshift: sweep of ${id}: ${grid.length} points × ${runsText} (seed ${seed}) in ${seconds} s\n`);
  const missed = accumulators.stoppedBy.flatMap((why, p) => (why === 'max-runs' ? [p] : []));
  if (missed.length > 0) {
    const targets = untilCi.map((t) => t.text).join(' ');
    io.stderr(`routeshift: warning: --until-ci ${targets} not reached by --max-runs ${maxRuns} at point${missed.length === 1 ? '' : 's'} ${missed.join(', ')}\n`);
  }
  io.stdout(`wrote ${target.shown}/ (${SWEEP_FILES.join(', ')})\n`);
  return 0;
}
