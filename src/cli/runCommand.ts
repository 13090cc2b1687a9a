// `routeshift run <scenario>`: load and validate (with any --set overrides), check the output
// directory, compile, run the Monte Carlo batch on --threads worker threads while aggregating in
// replicate order, then write summary.json, series.csv, report.html (unless --no-report) and
// manifest.json atomically.
//
// Order matters for the quality rules (DESIGN §4): every check that can fail on the user's input
// (scenario problems, a non-empty output directory without --force) happens before the possibly
// long run, and nothing touches the file system until the results are complete. `--replicate i`
// runs one replicate alone in this thread: the reproduce command of a failing replicate.

import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { aggregateMonteCarlo, ReplicateError } from '../run/monteCarlo.js';
import type { Override } from '../run/overrides.js';
import { recordLayout } from '../run/runRecord.js';
import type { SeriesResolution } from '../run/seriesResolution.js';
import { resolveCiTargets, type CiTarget } from '../run/untilCi.js';
import { DEFAULT_SEED } from '../scenarios/defaults.js';
import { scenarioHash } from '../scenarios/hash.js';
import { displayPath } from '../scenarios/load.js';
import { CliError, type CliIo } from './io.js';
import { buildManifest } from './manifest.js';
import { checkOutputDir, writeOutputDir, type OutputTarget } from './outputDir.js';
import { startProgress } from './progress.js';
import { ReplicateFailure } from './replicateFailure.js';
import { compileInput, describeInput, loadInput, reproduceCommand, withOverrides } from './scenarioInput.js';

export interface RunOptions {
  runs: number;
  /** Master seed; default: the scenario's `seed`, else 1. */
  seed?: number;
  /** Output directory; default out/<scenario id>, relative to the working directory. */
  out?: string;
  force: boolean;
  json: boolean;
  /** Worker threads; default os.availableParallelism(). 1 runs in this thread. */
  threads?: number;
  /** Keep adding runs until these 95% intervals are narrow enough. */
  untilCi?: CiTarget[];
  /** Upper bound on runs with --until-ci. */
  maxRuns?: number;
  /** Run only this replicate, in this thread. */
  replicate?: number;
  /** Overrides applied to the loaded scenario. */
  set?: Override[];
  /** Write report.html next to summary.json (default true; `--no-report` sets false). */
  report?: boolean;
  /** Rows of series.csv: days (default), calendar weeks or months. */
  seriesResolution?: SeriesResolution;
}

export const OUTPUT_FILES = ['summary.json', 'series.csv', 'manifest.json'] as const;

export async function runCommand(ref: string, options: RunOptions, argv: readonly string[], io: CliIo): Promise<number> {
  const started = performance.now();
  const overrides = options.set ?? [];
  const untilCi = options.untilCi ?? [];
  const alone = options.replicate !== undefined;
  if (alone && untilCi.length > 0) throw new CliError('--replicate runs one replicate; it cannot be combined with --until-ci');
  if (options.maxRuns !== undefined && untilCi.length === 0) throw new CliError('--max-runs bounds --until-ci; give --until-ci too');
  const input = await loadInput(ref, io);
  const { scenario, warnings: added } = withOverrides(input, overrides, io);
  const dir = resolve(io.cwd, options.out ?? join('out', scenario.id));
  const target: OutputTarget = { dir, shown: displayPath(dir, io.cwd), force: options.force, protect: [io.cwd, ...input.files] };
  await checkOutputDir(target);
  const loaded = performance.now();

  const compiled = compileInput(input, scenario);
  try {
    resolveCiTargets(recordLayout(compiled), untilCi);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const compiledAt = performance.now();

  const runs = alone ? 1 : options.runs;
  const seed = options.seed ?? scenario.seed ?? DEFAULT_SEED;
  const threads = alone ? 1 : (options.threads ?? availableParallelism());
  const label = untilCi.length > 0 ? `${scenario.id} (until CI)` : scenario.id;
  const maxRuns = untilCi.length > 0 ? (options.maxRuns ?? Math.max(1000, runs)) : runs;
  const progress = startProgress(io.progressStream, label, maxRuns);
  let batch;
  try {
    batch = await aggregateMonteCarlo(compiled, {
      runs,
      seed,
      threads: Math.min(threads, maxRuns),
      untilCi,
      maxRuns: untilCi.length > 0 ? maxRuns : undefined,
      firstReplicate: options.replicate,
      series: { resolution: options.seriesResolution ?? 'day' },
      onProgress: (done) => progress.update(done),
      signal: io.signal,
    });
  } catch (error) {
    if (!(error instanceof ReplicateError)) throw error;
    throw new ReplicateFailure(error.message, reproduceCommand(input.ref, seed, error.replicate, overrides), error);
  } finally {
    progress.stop();
  }
  const ran = performance.now();

  const summary = batch.summary.summary({ seed, runs: batch.runs, replicate: options.replicate });
  const summaryJson = JSON.stringify(summary, null, 2) + '\n';
  const written: string[] = [...OUTPUT_FILES];
  await writeOutputDir(target, async (tmp) => {
    await writeFile(join(tmp, 'summary.json'), summaryJson);
    const seriesBytes = batch.series?.toCsvBytes() ?? new Uint8Array(0);
    await writeFile(join(tmp, 'series.csv'), seriesBytes);
    const manifest = buildManifest({
      scenario: { id: scenario.id, hash: scenarioHash(scenario), ...describeInput(input, added) },
      seed,
      runs: batch.runs,
      argv,
      timingsMs: { load: loaded - started, compile: compiledAt - loaded, run: ran - compiledAt, write: performance.now() - ran },
      agentSteps: batch.agentSteps,
      details: {
        threads: Math.min(threads, maxRuns),
        ...(alone ? { replicate: options.replicate } : {}),
        ...(overrides.length > 0 ? { set: overrides.map((o) => o.text) } : {}),
        ...(untilCi.length > 0
          ? { untilCi: untilCi.map((t) => t.text), maxRuns, stoppedBy: batch.stoppedBy }
          : {}),
        seriesResolution: options.seriesResolution ?? 'day',
        seriesQuantiles: batch.series?.estimated ? `P² estimates (exact up to ${batch.series.exactRuns} runs)` : 'exact',
      },
    });
    if (options.report !== false) {
      const { writeRunReport } = await import('../report/cliHooks.js');
      const report = await writeRunReport(tmp, { scenario, summaryJson, seriesCsv: new TextDecoder().decode(seriesBytes), manifest });
      if (report !== undefined) written.push(report);
    }
    await writeFile(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  });

  const runSeconds = (ran - compiledAt) / 1000;
  const seconds = runSeconds < 1 ? runSeconds.toFixed(2) : runSeconds.toFixed(1);
  const tell = options.json ? io.stderr : io.stdout;
  const what = alone ? `replicate ${options.replicate}` : `${batch.runs} run${batch.runs === 1 ? '' : 's'}`;
  tell(`routeshift: ${what} of ${scenario.id} (seed ${seed}) in ${seconds} s\n`);
  const targets = untilCi.map((t) => t.text).join(' ');
  if (batch.stoppedBy === 'until-ci') tell(`--until-ci ${targets}: reached after ${batch.runs} runs\n`);
  if (batch.stoppedBy === 'max-runs') io.stderr(`routeshift: warning: --until-ci ${targets} not reached by --max-runs ${maxRuns}\n`);
  tell(`wrote ${target.shown}/ (${written.join(', ')})\n`);
  if (options.json) io.stdout(summaryJson);
  return 0;
}
