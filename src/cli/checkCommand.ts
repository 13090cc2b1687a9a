// `routeshift check <scenario> --benchmarks <file>`: score a scenario against a benchmark file
// (docs/benchmarks.md). Loads and validates the scenario (with any --set) and the benchmark file
// against it, checks the output directory, then runs every arm (the scenario, and one variant per
// monotone value) for --runs replicates with the same seeds on --threads workers, and writes
// scorecard.json (byte-identical for the same inputs whatever the thread count), report.html and
// manifest.json atomically (default out/check-<scenario id>). Prints the scorecard table.
//
// Exit codes: 0 scored (whatever the score); 1 bad input as for every command, and with --strict
// also when any pattern (directional, comparative, monotone) fails — the outputs are written
// first, so the failing scorecard can be read; 2 a failing replicate or an internal error.

import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { compileArms } from '../benchmarks/arms.js';
import { evaluateBenchmarksDetailed } from '../benchmarks/evaluate.js';
import { loadBenchmarks } from '../benchmarks/load.js';
import type { Scorecard } from '../benchmarks/types.js';
import { ReplicateError } from '../run/executor.js';
import type { Override } from '../run/overrides.js';
import { isRealDate } from '../scenarios/dates.js';
import { DEFAULT_SEED } from '../scenarios/defaults.js';
import { scenarioHash } from '../scenarios/hash.js';
import { displayPath } from '../scenarios/load.js';
import { CliError, type CliIo } from './io.js';
import { buildManifest } from './manifest.js';
import { checkOutputDir, writeOutputDir, type OutputTarget } from './outputDir.js';
import { startProgress } from './progress.js';
import { ReplicateFailure } from './replicateFailure.js';
import { describeInput, loadInput, reproduceCommand, withOverrides } from './scenarioInput.js';
import { formatScorecard } from './scorecardTable.js';

export interface CheckOptions {
  benchmarks: string;
  runs: number;
  seed?: number;
  threads?: number;
  out?: string;
  force: boolean;
  json: boolean;
  strict: boolean;
  trainUntil?: string;
  set?: Override[];
  /** Write report.html (default true; --no-report sets false). */
  report?: boolean;
}

/** What scorecard.json holds: the scorecard and what it was computed from. */
export interface ScorecardJson extends Scorecard {
  scenario: { id: string; hash: string };
  benchmarksFile: string;
  seed: number;
  /** The --set overrides of every arm, arm 0 first. */
  arms: string[][];
}

export const CHECK_FILES = ['scorecard.json', 'manifest.json'] as const;

const PATTERN_KINDS = new Set(['directional', 'comparative', 'monotone']);

export async function checkCommand(ref: string, options: CheckOptions, argv: readonly string[], io: CliIo): Promise<number> {
  const started = performance.now();
  const { trainUntil } = options;
  if (trainUntil !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(trainUntil) && isRealDate(trainUntil))) {
    throw new CliError(`--train-until ${trainUntil}: must be an ISO date YYYY-MM-DD`);
  }
  const overrides = options.set ?? [];
  const input = await loadInput(ref, io);
  const { scenario, warnings: added } = withOverrides(input, overrides, io);
  const b = await loadBenchmarks(options.benchmarks, scenario, { cwd: io.cwd });
  if (b.scenario !== undefined && b.scenario !== scenario.id) {
    io.stderr(`routeshift: note: ${b.file} was written for scenario "${b.scenario}"; scoring "${scenario.id}" against it\n`);
  }
  const dir = resolve(io.cwd, options.out ?? join('out', `check-${scenario.id}`));
  const benchmarksAbs = resolve(io.cwd, options.benchmarks);
  const target: OutputTarget = { dir, shown: displayPath(dir, io.cwd), force: options.force, protect: [io.cwd, benchmarksAbs, ...input.files] };
  await checkOutputDir(target);
  const loaded = performance.now();
  const compiled = compileArms(scenario, b, input.shownFiles[0]);
  const compiledAt = performance.now();

  const { runs } = options;
  const seed = options.seed ?? scenario.seed ?? DEFAULT_SEED;
  const total = compiled.length * runs;
  const threads = Math.min(options.threads ?? availableParallelism(), total);
  const arms = compiled.length > 1 ? ` (${compiled.length} arms)` : '';
  const progress = startProgress(io.progressStream, `check ${scenario.id}${arms}`, total);
  let evaluation;
  try {
    evaluation = await evaluateBenchmarksDetailed(scenario, b, { runs, seed, threads, compiled, trainUntil, signal: io.signal, onProgress: (done) => progress.update(done) });
  } catch (error) {
    if (!(error instanceof ReplicateError)) throw error;
    const armOverrides = [...overrides, ...b.arms[error.scenario]];
    throw new ReplicateFailure(`arm ${error.scenario}: ${error.message}`, reproduceCommand(input.ref, seed, error.replicate, armOverrides), error);
  } finally {
    progress.stop();
  }
  const ran = performance.now();

  const card: ScorecardJson = {
    scenario: { id: scenario.id, hash: scenarioHash(scenario) },
    benchmarksFile: b.file,
    seed,
    arms: b.arms.map((arm) => arm.map((o) => o.text)),
    ...evaluation.scorecard,
  };
  const cardJson = JSON.stringify(card, null, 2) + '\n';
  const written: string[] = [...CHECK_FILES];
  await writeOutputDir(target, async (tmp) => {
    await writeFile(join(tmp, 'scorecard.json'), cardJson);
    const manifest = buildManifest({
      scenario: { id: scenario.id, hash: card.scenario.hash, ...describeInput(input, added) },
      seed,
      runs,
      argv,
      timingsMs: { load: loaded - started, compile: compiledAt - loaded, run: ran - compiledAt, write: performance.now() - ran },
      agentSteps: evaluation.agentSteps,
      details: {
        threads,
        benchmarks: b.file,
        arms: card.arms,
        ...(overrides.length > 0 ? { set: overrides.map((o) => o.text) } : {}),
        ...(trainUntil !== undefined ? { trainUntil } : {}),
      },
    });
    if (options.report !== false) {
      const { writeCheckReport } = await import('../report/checkReport.js');
      written.splice(1, 0, await writeCheckReport(tmp, { scenario, scorecard: card, manifest }));
    }
    await writeFile(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  });

  const tell = options.json ? io.stderr : io.stdout;
  const seconds = ((ran - compiledAt) / 1000).toFixed(1);
  tell(formatScorecard(card, `check ${scenario.id} against ${b.file}: ${runs} run${runs === 1 ? '' : 's'} × ${compiled.length} arm${compiled.length === 1 ? '' : 's'} (seed ${seed}) in ${seconds} s`));
  tell(`wrote ${target.shown}/ (${written.join(', ')})\n`);
  if (options.json) io.stdout(cardJson);
  const failed = card.items.filter((i) => PATTERN_KINDS.has(i.kind) && !i.pass);
  if (options.strict && failed.length > 0) {
    io.stderr(`routeshift: --strict: ${failed.length} pattern${failed.length === 1 ? '' : 's'} failed: ${failed.map((i) => i.id).join(', ')}\n`);
    return 1;
  }
  return 0;
}
