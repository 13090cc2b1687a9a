// `routeshift run <scenario>`: load and validate, check the output directory, compile, run the
// Monte Carlo batch, then write summary.json, series.csv and manifest.json atomically.
//
// Order matters for the quality rules (DESIGN §4): every check that can fail on the user's input
// (scenario problems, a non-empty output directory without --force) happens before the possibly
// long run, and nothing touches the file system until the results are complete.

import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildSeriesCsv } from '../run/series.js';
import { buildSummary } from '../run/summary.js';
import { runMonteCarlo } from '../run/monteCarlo.js';
import { DEFAULT_SEED } from '../scenarios/defaults.js';
import { scenarioHash } from '../scenarios/hash.js';
import { displayPath, loadScenario } from '../scenarios/load.js';
import { compileForCli } from './compile.js';
import type { CliIo } from './io.js';
import { buildManifest } from './manifest.js';
import { checkOutputDir, writeOutputDir, type OutputTarget } from './outputDir.js';
import { startProgress } from './progress.js';

export interface RunOptions {
  runs: number;
  /** Master seed; default: the scenario's `seed`, else 1. */
  seed?: number;
  /** Output directory; default out/<scenario id>, relative to the working directory. */
  out?: string;
  force: boolean;
  json: boolean;
}

export const OUTPUT_FILES = ['summary.json', 'series.csv', 'manifest.json'] as const;

export async function runCommand(ref: string, options: RunOptions, argv: readonly string[], io: CliIo): Promise<number> {
  const started = performance.now();
  const { scenario, files } = await loadScenario(ref, { cwd: io.cwd });
  const shownFiles = files.map((f) => displayPath(f, io.cwd));
  const dir = resolve(io.cwd, options.out ?? join('out', scenario.id));
  const target: OutputTarget = { dir, shown: displayPath(dir, io.cwd), force: options.force, protect: [io.cwd, ...files] };
  await checkOutputDir(target);
  const loaded = performance.now();

  const compiled = compileForCli(scenario, shownFiles[0]);
  const compiledAt = performance.now();

  const { runs } = options;
  const seed = options.seed ?? scenario.seed ?? DEFAULT_SEED;
  const progress = startProgress(io.progressStream, scenario.id, runs);
  let batch;
  try {
    batch = await runMonteCarlo(compiled, { runs, seed, onProgress: (done) => progress.update(done), signal: io.signal });
  } finally {
    progress.stop();
  }
  const ran = performance.now();

  const summary = buildSummary(compiled, batch.results, { seed, runs });
  const summaryJson = JSON.stringify(summary, null, 2) + '\n';
  await writeOutputDir(target, async (tmp) => {
    await writeFile(join(tmp, 'summary.json'), summaryJson);
    await writeFile(join(tmp, 'series.csv'), buildSeriesCsv(compiled, batch.results));
    const manifest = buildManifest({
      scenario: { id: scenario.id, hash: scenarioHash(scenario), files: shownFiles },
      seed,
      runs,
      argv,
      timingsMs: { load: loaded - started, compile: compiledAt - loaded, run: ran - compiledAt, write: performance.now() - ran },
      agentSteps: batch.agentSteps,
    });
    await writeFile(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  });

  const runSeconds = (ran - compiledAt) / 1000;
  const seconds = runSeconds < 1 ? runSeconds.toFixed(2) : runSeconds.toFixed(1);
  const tell = options.json ? io.stderr : io.stdout;
  tell(`routeshift: ${runs} run${runs === 1 ? '' : 's'} of ${scenario.id} (seed ${seed}) in ${seconds} s\n`);
  tell(`wrote ${target.shown}/ (${OUTPUT_FILES.join(', ')})\n`);
  if (options.json) io.stdout(summaryJson);
  return 0;
}
