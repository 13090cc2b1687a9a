// `--until-ci` and `--max-runs` of `compare` and `sweep` (runCommand.ts makes the same checks for
// `run`): the usage checks before anything runs, the targets resolved against the output's
// metrics, the manifest details and the closing message.

import type { StopReason } from '../run/monteCarlo.js';
import { DEFAULT_MAX_RUNS } from '../run/monteCarlo.js';
import type { RecordLayout } from '../run/runRecord.js';
import { resolveCiTargets, type CiTarget } from '../run/untilCi.js';
import { CliError, type CliIo } from './io.js';

/** The upper bound on runs: --max-runs (only with --until-ci), else max(1000, runs); runs without --until-ci. */
export function checkUntilCi(untilCi: readonly CiTarget[], maxRuns: number | undefined, runs: number): number {
  if (maxRuns !== undefined && untilCi.length === 0) throw new CliError('--max-runs bounds --until-ci; give --until-ci too');
  if (untilCi.length === 0) return runs;
  const bound = maxRuns ?? Math.max(DEFAULT_MAX_RUNS, runs);
  if (bound < runs) throw new CliError(`--max-runs ${bound} is below --runs ${runs}`);
  return bound;
}

/** Resolve the targets' metrics now, so that a typo fails before the run. */
export function resolveTargets(layout: RecordLayout, untilCi: readonly CiTarget[], file: string): void {
  try {
    resolveCiTargets(layout, untilCi, file);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}

export function untilCiDetails(untilCi: readonly CiTarget[], maxRuns: number, stoppedBy: StopReason | readonly StopReason[]): Record<string, unknown> {
  return untilCi.length === 0 ? {} : { untilCi: untilCi.map((t) => t.text), maxRuns, stoppedBy };
}

/** "--until-ci …: reached after n pairs", or a warning when --max-runs ended it. */
export function reportUntilCi(
  io: CliIo,
  tell: (text: string) => void,
  untilCi: readonly CiTarget[],
  maxRuns: number,
  stoppedBy: StopReason,
  runs: number,
  unit: string,
): void {
  if (untilCi.length === 0) return;
  const targets = untilCi.map((t) => t.text).join(' ');
  if (stoppedBy === 'until-ci') tell(`--until-ci ${targets}: reached after ${runs} ${unit}\n`);
  else io.stderr(`routeshift: warning: --until-ci ${targets} not reached by --max-runs ${maxRuns}\n`);
}
