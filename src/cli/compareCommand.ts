// `routeshift compare <baseline> <variant>`: both scenarios run with the same seed and replicate
// indices (common random numbers), paired differences per border and in total with 95% intervals,
// exit-share change, displacement ratio and adaptation lag (src/run/compare.ts), optionally until
// the paired intervals are narrow enough (--until-ci); comparison.json,
// report.html (unless --no-report) and manifest.json are written atomically like `run`'s outputs, and a table goes to stdout.

import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { runComparison } from '../run/compare.js';
import { ReplicateError } from '../run/executor.js';
import { recordLayout } from '../run/runRecord.js';
import type { CiTarget } from '../run/untilCi.js';
import { DEFAULT_SEED } from '../scenarios/defaults.js';
import { scenarioHash } from '../scenarios/hash.js';
import { displayPath } from '../scenarios/load.js';
import { formatComparisonTable } from './compareTable.js';
import { CliError, type CliIo } from './io.js';
import { buildManifest } from './manifest.js';
import { checkOutputDir, writeOutputDir, type OutputTarget } from './outputDir.js';
import { startProgress } from './progress.js';
import { ReplicateFailure } from './replicateFailure.js';
import { compileInput, describeInput, loadInput, reproduceCommand } from './scenarioInput.js';
import { checkUntilCi, reportUntilCi, resolveTargets, untilCiDetails } from './untilCiOptions.js';

export interface CompareOptions {
  runs: number;
  seed?: number;
  threads?: number;
  target?: string;
  out?: string;
  force: boolean;
  json: boolean;
  /** Write report.html next to comparison.json (default true; `--no-report` sets false). */
  report?: boolean;
  /** Keep adding pairs until these paired 95% intervals are narrow enough. */
  untilCi?: CiTarget[];
  /** Upper bound on pairs with --until-ci. */
  maxRuns?: number;
}

export const COMPARE_FILES = ['comparison.json', 'manifest.json'] as const;

export async function compareCommand(refA: string, refB: string, options: CompareOptions, argv: readonly string[], io: CliIo): Promise<number> {
  const started = performance.now();
  const untilCi = options.untilCi ?? [];
  const maxRuns = checkUntilCi(untilCi, options.maxRuns, options.runs);
  const inputs = [await loadInput(refA, io), await loadInput(refB, io)];
  const [a, b] = inputs.map((i) => i.scenario);
  const dir = resolve(io.cwd, options.out ?? join('out', `compare-${a.id}-vs-${b.id}`));
  const protect = [io.cwd, ...inputs.flatMap((i) => i.files)];
  const target: OutputTarget = { dir, shown: displayPath(dir, io.cwd), force: options.force, protect };
  await checkOutputDir(target);
  const loaded = performance.now();
  const compiled = inputs.map((i) => compileInput(i));
  resolveTargets(recordLayout(compiled[0]), untilCi, 'comparison.json');
  const compiledAt = performance.now();

  const { runs } = options;
  const seed = options.seed ?? a.seed ?? DEFAULT_SEED;
  const threads = Math.min(options.threads ?? availableParallelism(), 2 * maxRuns);
  const progress = startProgress(io.progressStream, `${a.id} vs ${b.id}${untilCi.length > 0 ? ' (until CI)' : ''}`, maxRuns, 'pairs');
  let outcome;
  try {
    outcome = await runComparison(compiled[0], compiled[1], {
      runs,
      seed,
      threads,
      target: options.target,
      untilCi,
      maxRuns: untilCi.length > 0 ? maxRuns : undefined,
      onProgress: (done) => progress.update(done),
      signal: io.signal,
    });
  } catch (error) {
    if (error instanceof ReplicateError) {
      throw new ReplicateFailure(error.message, reproduceCommand(inputs[error.scenario].ref, seed, error.replicate), error);
    }
    if (error instanceof Error && /^(cannot compare|--target)/.test(error.message)) throw new CliError(error.message);
    throw error;
  } finally {
    progress.stop();
  }
  const ran = performance.now();
  const { comparison, agentSteps, stoppedBy } = outcome;

  const json = JSON.stringify(comparison, null, 2) + '\n';
  const written: string[] = [...COMPARE_FILES];
  await writeOutputDir(target, async (tmp) => {
    await writeFile(join(tmp, 'comparison.json'), json);
    const manifest = buildManifest({
      scenario: { id: a.id, hash: scenarioHash(a), ...describeInput(inputs[0]) },
      seed,
      runs: comparison.runs,
      argv,
      timingsMs: { load: loaded - started, compile: compiledAt - loaded, run: ran - compiledAt, write: performance.now() - ran },
      agentSteps,
      details: {
        threads,
        variant: { id: b.id, hash: scenarioHash(b), ...describeInput(inputs[1]) },
        pairing: 'common random numbers: replicate i of both arms uses the streams of (seed, i)',
        ...untilCiDetails(untilCi, maxRuns, stoppedBy),
      },
    });
    if (options.report !== false) {
      const { writeComparisonReport } = await import('../report/cliHooks.js');
      written.push(await writeComparisonReport(tmp, { baseline: a, variant: b, comparison, manifest }));
    }
    await writeFile(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  });

  const tell = options.json ? io.stderr : io.stdout;
  tell(formatComparisonTable(comparison));
  reportUntilCi(io, tell, untilCi, maxRuns, stoppedBy, comparison.runs, 'pairs');
  tell(`wrote ${target.shown}/ (${written.join(', ')})\n`);
  if (options.json) io.stdout(json);
  return 0;
}
