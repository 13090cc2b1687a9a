// `routeshift sweep <scenario> --set path=v1,v2,… [--set …]`: a grid of variants of one scenario
// (each point validated like a scenario file), `--runs` replicates per point with the same seeds,
// written as sweep.csv (one row per point and metric, src/run/sweep.ts) and manifest.json (the grid,
// each point's settings and scenario hash), atomically like `run`'s outputs.

import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { ReplicateError } from '../run/executor.js';
import type { Override } from '../run/overrides.js';
import { buildSweepCsv, gridPoints, runSweep } from '../run/sweep.js';
import { DEFAULT_SEED } from '../scenarios/defaults.js';
import { scenarioHash } from '../scenarios/hash.js';
import { displayPath } from '../scenarios/load.js';
import { CliError, type CliIo } from './io.js';
import { buildManifest } from './manifest.js';
import { checkOutputDir, writeOutputDir, type OutputTarget } from './outputDir.js';
import { startProgress } from './progress.js';
import { ReplicateFailure } from './replicateFailure.js';
import { compileInput, loadInput, reproduceCommand, withOverrides } from './scenarioInput.js';

export interface SweepOptions {
  /** One axis per --set: the overrides for each of its values. */
  set: Override[][];
  runs: number;
  seed?: number;
  threads?: number;
  out?: string;
  force: boolean;
}

export const SWEEP_FILES = ['sweep.csv', 'manifest.json'] as const;

export async function sweepCommand(ref: string, options: SweepOptions, argv: readonly string[], io: CliIo): Promise<number> {
  const started = performance.now();
  const axes = options.set ?? [];
  if (axes.length === 0) throw new CliError('sweep needs at least one --set path=v1,v2,…');
  const paths = axes.map((axis) => axis[0].path);
  const repeated = paths.find((p, i) => paths.indexOf(p) !== i);
  if (repeated !== undefined) throw new CliError(`--set ${repeated} is given twice; list all its values in one --set`);
  const input = await loadInput(ref, io.cwd);
  const grid = gridPoints(axes);
  const scenarios = grid.map((point) => withOverrides(input, point));
  const id = input.scenario.id;
  const dir = resolve(io.cwd, options.out ?? join('out', `sweep-${id}`));
  const target: OutputTarget = { dir, shown: displayPath(dir, io.cwd), force: options.force, protect: [io.cwd, ...input.files] };
  await checkOutputDir(target);
  const loaded = performance.now();
  const compiled = scenarios.map((s) => compileInput(input, s));
  const compiledAt = performance.now();

  const { runs } = options;
  const seed = options.seed ?? input.scenario.seed ?? DEFAULT_SEED;
  const total = grid.length * runs;
  const threads = Math.min(options.threads ?? availableParallelism(), total);
  const progress = startProgress(io.progressStream, `${id} sweep (${grid.length} points)`, total);
  let accumulators;
  try {
    accumulators = await runSweep(compiled, { runs, seed, threads, onProgress: (done) => progress.update(done), signal: io.signal });
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
      scenario: { id, hash: scenarioHash(input.scenario), files: input.shownFiles },
      seed,
      runs,
      argv,
      timingsMs: { load: loaded - started, compile: compiledAt - loaded, run: ran - compiledAt, write: performance.now() - ran },
      agentSteps: accumulators.reduce((sum, acc) => sum + acc.agentSteps, 0),
      details: {
        threads,
        axes: axes.map((axis) => ({ path: axis[0].path, values: axis.map((o) => o.value) })),
        points: grid.map((point, p) => ({
          point: p,
          set: Object.fromEntries(point.map((o) => [o.path, o.value])),
          hash: scenarioHash(scenarios[p]),
        })),
      },
    });
    await writeFile(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  });

  const seconds = ((ran - compiledAt) / 1000).toFixed(1);
  io.stdout(`routeshift: sweep of ${id}: ${grid.length} points × ${runs} runs (seed ${seed}) in ${seconds} s\n`);
  io.stdout(`wrote ${target.shown}/ (${SWEEP_FILES.join(', ')})\n`);
  return 0;
}
