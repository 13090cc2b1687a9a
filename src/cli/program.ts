// The routeshift command line, parsed with commander: `run`, `compare`, `sweep`, `report`, `validate`,
// `list`, `demo`, `import-flee`, `score-flee`, `check`, `calibrate` and `sensitivity`; and the one place
// that turns failures into exit codes and messages:
//   0  success;
//   1  bad input: scenario problems (file: /json/path: message), a refused output directory,
//      a usage error (commander's own message), a file-system refusal (permissions, disk full);
//   2  an unexpected internal error: one line, with the stack only when ROUTESHIFT_DEBUG=1; a failing
//      replicate: its index and seed and the command that reruns it alone;
//   130 interrupted (Ctrl-C), 143 terminated (SIGTERM), before anything was written.
// `main` never touches `process` (see io.ts), so tests call it in-process.

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { availableParallelism } from 'node:os';
import { parseAxis, parseOverride, type Override } from '../run/overrides.js';
import { SERIES_RESOLUTIONS } from '../run/seriesResolution.js';
import { parseCiTarget } from '../run/untilCi.js';
import { ScenarioError, formatProblems } from '../scenarios/errors.js';
import { checkCommand, type CheckOptions } from './checkCommand.js';
import { compareCommand, type CompareOptions } from './compareCommand.js';
import type { DemoOptions } from '../demo/command.js';
import { CliError, Interrupted, type CliIo } from './io.js';
import { importFleeCommand, scoreFleeCommand, type ImportFleeOptions, type ScoreFleeOptions } from './importFleeCommand.js';
import { listCommand } from './listCommand.js';
import { routeshiftVersion } from './manifest.js';
import type { ReportOptions } from '../report/reportCommand.js';
import { ReplicateFailure, formatReplicateFailure } from './replicateFailure.js';
import { runCommand, type RunOptions } from './runCommand.js';
import { sweepCommand, type SweepOptions } from './sweepCommand.js';
import { validateCommand, type ValidateOptions } from './validateCommand.js';
import type { CalibrateOptions } from './calibrateCommand.js';
import type { SensitivityOptions } from './sensitivityCommand.js';

/** Run the CLI on `argv` (the arguments after the executable) and return the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, argv, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportFailure(error, io);
  }
}

function buildProgram(io: CliIo, argv: readonly string[], setExitCode: (code: number) => void): Command {
  const program = new Command('routeshift')
    .description('Simulate how people on the move adapt their routes to border enforcement on the Western Balkan route.')
    .version(routeshiftVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(add --help for usage)');

  program
    .command('run')
    .description('run a scenario (built-in name or JSON file) and write summary.json, series.csv, manifest.json and report.html')
    .argument('<scenario>', 'built-in scenario name (see `routeshift list`) or path to a scenario JSON file')
    .addOption(new Option('--runs <n>', 'number of Monte Carlo runs').argParser(positiveInteger).default(10))
    .addOption(new Option('--seed <s>', 'master seed (default: the scenario\'s seed, else 1)').argParser(nonNegativeInteger))
    .option('--out <dir>', 'output directory (default: out/<scenario id>)')
    .option('--force', 'replace an existing output directory of a previous run', false)
    .option('--json', 'also print summary.json to stdout (messages go to stderr)', false)
    .addOption(threadsOption())
    .addOption(
      new Option('--until-ci <metric=width>', 'add runs until the 95% CI of a summary.json mean is this wide (e.g. totals.arrivals=500, borders.RS-HU.crossings=5%); repeatable')
        .argParser(collect(parseCiTarget)),
    )
    .addOption(new Option('--max-runs <n>', 'upper bound on runs with --until-ci (default 1000)').argParser(positiveInteger))
    .addOption(new Option('--replicate <i>', 'run only replicate i, in this thread (reproduces a failed replicate)').argParser(nonNegativeInteger))
    .addOption(setOption('--set <path=value>', 'change one scenario value before running (e.g. borders.RS-HU.detection=0.4); repeatable', parseOverride))
    .option('--no-report', 'do not write report.html (the offline HTML report with map and charts)')
    .addOption(
      new Option('--series-resolution <unit>', 'rows of series.csv: day, or calendar week or month (flows summed, stocks and levels averaged)')
        .choices(SERIES_RESOLUTIONS)
        .default('day'),
    )
    .action(async (scenario: string, options: RunOptions) => setExitCode(await runCommand(scenario, options, argv, io)));

  program
    .command('compare')
    .description('run two scenarios with common random numbers and write their paired differences to comparison.json')
    .argument('<baseline>', 'baseline scenario (built-in name or JSON file)')
    .argument('<variant>', 'policy variant (built-in name or JSON file)')
    .addOption(new Option('--runs <n>', 'number of paired runs').argParser(positiveInteger).default(20))
    .addOption(new Option('--seed <s>', "master seed of both arms (default: the baseline's seed, else 1)").argParser(nonNegativeInteger))
    .addOption(threadsOption())
    .option('--target <border>', 'exit border for the displacement ratio and adaptation lag (default: the one that lost most crossings)')
    .option('--out <dir>', 'output directory (default: out/compare-<baseline id>-vs-<variant id>)')
    .option('--force', 'replace an existing output directory of a previous run', false)
    .option('--json', 'also print comparison.json to stdout (the table goes to stderr)', false)
    .option('--no-report', 'do not write report.html')
    .addOption(untilCiOption('add pairs until the paired 95% CI of a difference in comparison.json is this wide (e.g. totals.arrivals=500); repeatable'))
    .addOption(maxRunsOption('pairs'))
    .action(async (a: string, b: string, options: CompareOptions) => setExitCode(await compareCommand(a, b, options, argv, io)));

  program
    .command('sweep')
    .description('run a scenario over a grid of parameter values and write sweep.csv (one row per point and metric)')
    .argument('<scenario>', 'built-in scenario name or path to a scenario JSON file')
    .addOption(
      setOption('--set <path=v1,v2,...>', 'a grid axis: a scenario path and its values (e.g. borders.RS-HU.detection=0.2,0.4); repeat for a grid', parseAxis),
    )
    .addOption(new Option('--runs <n>', 'runs per grid point').argParser(positiveInteger).default(10))
    .addOption(new Option('--seed <s>', "master seed of every point (default: the scenario's seed, else 1)").argParser(nonNegativeInteger))
    .addOption(threadsOption())
    .option('--out <dir>', 'output directory (default: out/sweep-<scenario id>)')
    .option('--force', 'replace an existing output directory of a previous run', false)
    .addOption(untilCiOption('per point, add runs until the 95% CI of a mean is this wide (e.g. borders.RS-HU.crossings=5%); repeatable'))
    .addOption(maxRunsOption('runs per point'))
    .action(async (scenario: string, options: SweepOptions) => setExitCode(await sweepCommand(scenario, options, argv, io)));

  program
    .command('report')
    .description('write report.html (map, charts, scenario, provenance; opens offline) for the results in an output directory')
    .argument('<out-dir>', 'directory written by `run`, `compare` or `check`')
    .option('--scenario <ref>', 'scenario file or built-in name to draw from (default: the one in manifest.json; the baseline for a comparison)')
    .option('--variant <ref>', 'for a comparison: the variant scenario (default: the one in manifest.json)')
    .option('--out <file>', 'write the report here instead of <out-dir>/report.html')
    .option('--force', 'replace a file routeshift did not write', false)
    .action(async (dir: string, options: ReportOptions) => {
      // Imported here so that only `report` loads Vega (~250 ms).
      const { reportCommand } = await import('../report/reportCommand.js');
      setExitCode(await reportCommand(dir, options, io));
    });

  program
    .command('validate')
    .description('check scenario files (or built-in names) without running them')
    .argument('<scenario...>', 'built-in scenario names or paths to scenario JSON files')
    .option('--strict', 'also fail (exit code 1) on warnings: things a scenario runs with that are almost always a mistake', false)
    .option('--json', 'print one JSON array of verdicts (ok, file, extends, contents, problems, warnings) on stdout instead', false)
    .action(async (refs: string[], options: ValidateOptions) => setExitCode(await validateCommand(refs, io, options)));

  program
    .command('list')
    .description('list the built-in scenarios')
    .option('--json', 'print them as a JSON array of {id, name, description, file}')
    .action((options: { json?: boolean }) => setExitCode(listCommand(io, options)));

  program
    .command('demo')
    .description('serve the live browser demo (the simulation runs in the browser) and print its address; Ctrl-C stops')
    .addOption(new Option('--port <n>', 'port to serve on (default 4173, or a free one if that is taken)').argParser(nonNegativeInteger))
    .option('--host <address>', 'address to listen on (0.0.0.0 for other machines on the network)', '127.0.0.1')
    .action(async (options: DemoOptions) => {
      const { demoCommand } = await import('../demo/command.js');
      setExitCode(await demoCommand(options, io));
    });

  program
    .command('import-flee')
    .description('convert a Flee scenario (CSV folder) into a routeshift scenario under Flee\'s rules and a benchmark of its observed camp series')
    .argument('<dir>', 'Flee scenario folder: locations.csv, routes.csv, closures.csv, sim_period.csv [conflicts.csv], or one with input_csv/ and source_data/')
    .requiredOption('--out <file>', 'scenario file to write')
    .option('--benchmark <file>', 'benchmark file to write (default: <out>.benchmark.json)')
    .option('--validation <dir>', 'validation data folder with data_layout.csv (default: <dir>/source_data)')
    .option('--simsetting <file>', "Flee's simsetting.yml to map into the rules (default: <dir>/simsetting.yml when there is one)")
    .option('--no-simsetting', 'ignore <dir>/simsetting.yml: run with Flee\'s default settings')
    .option('--id <id>', 'scenario id (default: from the folder name)')
    .addOption(new Option('--people-per-agent <n>', 'people each agent stands for (Flee\'s hasten)').argParser(positiveInteger))
    .addOption(new Option('--country <name=XY>', 'ISO code for a Flee country name; repeatable').argParser(collect((x: string) => x)))
    .option('--force', 'replace existing output files', false)
    .action(async (dir: string, options: ImportFleeOptions) => setExitCode(await importFleeCommand(dir, options, io)));

  program
    .command('score-flee')
    .description('run a Flee-rules scenario and score it against a benchmark with Flee\'s averaged relative difference')
    .argument('<scenario>', 'scenario file (or built-in name) with "rules": { "mode": "flee" }')
    .argument('<benchmark>', 'benchmark JSON file of observed camp series (as written by import-flee)')
    .addOption(new Option('--runs <n>', 'number of replicates').argParser(positiveInteger).default(10))
    .addOption(new Option('--seed <s>', "master seed (default: the scenario's seed, else 1)").argParser(nonNegativeInteger))
    .option('--out <file>', 'also write the score as JSON to this file')
    .option('--force', 'replace an existing --out file', false)
    .option('--json', 'print the score as JSON to stdout (the table goes to stderr)', false)
    .action(async (scenario: string, benchmark: string, options: ScoreFleeOptions) =>
      setExitCode(await scoreFleeCommand(scenario, benchmark, options, io)),
    );

  program
    .command('check')
    .description('score a scenario against a benchmark file (observed series and patterns) and write scorecard.json and report.html')
    .argument('<scenario>', 'built-in scenario name or path to a scenario JSON file')
    .requiredOption('--benchmarks <file>', 'benchmark JSON file (benchmarks/schema.json, or a Flee benchmark written by import-flee)')
    .addOption(new Option('--runs <n>', 'Monte Carlo runs per arm').argParser(positiveInteger).default(10))
    .addOption(new Option('--seed <s>', "master seed of every arm (default: the scenario's seed, else 1)").argParser(nonNegativeInteger))
    .addOption(threadsOption())
    .option('--out <dir>', 'output directory (default: out/check-<scenario id>)')
    .option('--force', 'replace an existing output directory of a previous run', false)
    .option('--json', 'also print scorecard.json to stdout (the table goes to stderr)', false)
    .option('--strict', 'exit with code 1 when any pattern fails (after writing the outputs)', false)
    .option('--train-until <date>', 'score items (or points) ending on or before this date as train, later ones as held-out test')
    .addOption(setOption('--set <path=value>', 'change one scenario value before scoring; repeatable', parseOverride))
    .option('--no-report', 'do not write report.html')
    .action(async (scenario: string, options: CheckOptions) => setExitCode(await checkCommand(scenario, options, argv, io)));

  program
    .command('calibrate')
    .description('fit free parameters to benchmarks by ABC-SMC and write posterior.csv, best.json, calibration.json, report.html')
    .argument('<scenario>', 'built-in scenario name or path to a scenario JSON file')
    .requiredOption('--benchmarks <file>', 'benchmark file (benchmarks/*.json) whose scorecard distance is fitted')
    .requiredOption('--params <file>', 'free parameters with priors (calibration/params.json; docs/calibration.md)')
    .addOption(new Option('--budget <n>', 'simulations allowed in all').argParser(positiveInteger).makeOptionMandatory())
    .addOption(new Option('--particles <n>', 'population size (default: budget / 10 simulations per particle, 2 to 100)').argParser(positiveInteger))
    .addOption(new Option('--runs-per-particle <n>', 'replicates per particle and arm').argParser(positiveInteger).default(1))
    .addOption(new Option('--predictive-runs <n>', 'runs of the best particle, and posterior particles, for the fit report').argParser(positiveInteger).default(20))
    .addOption(new Option('--seed <s>', "master seed (default: the scenario's seed, else 1)").argParser(nonNegativeInteger))
    .addOption(threadsOption())
    .option('--train-until <date>', 'fit only items that end by this date; report the held-out rest separately')
    .option('--out <dir>', 'output directory (default: out/calibrate-<scenario id>)')
    .option('--resume', 'continue from checkpoint.json in --out', false)
    .option('--force', 'replace an existing output directory of a previous run', false)
    .option('--no-report', 'do not write report.html')
    .action(async (scenario: string, options: CalibrateOptions) => {
      const { calibrateCommand } = await import('./calibrateCommand.js');
      setExitCode(await calibrateCommand(scenario, options, argv, io));
    });

  program
    .command('sensitivity')
    .description('Morris screening or Sobol indices of outputs over free parameters; writes sensitivity.json, sensitivity.csv, report.html')
    .argument('<scenario>', 'built-in scenario name or path to a scenario JSON file')
    .requiredOption('--params <file>', 'free parameters with priors (calibration/params.json)')
    .addOption(new Option('--method <m>', 'morris or sobol').choices(['morris', 'sobol']).makeOptionMandatory())
    .option('--outputs <m1,m2,...>', 'summary.json metrics (default totals.arrivals,totals.deaths,totals.detectionsRecorded)')
    .option('--benchmarks <file>', 'use the scorecard distance against this benchmark file as the output')
    .addOption(new Option('--trajectories <r>', 'Morris trajectories (default 10)').argParser(positiveInteger))
    .addOption(new Option('--levels <p>', 'Morris grid levels, even (default 4)').argParser(positiveInteger))
    .addOption(new Option('--samples <n>', 'Sobol base samples: n × (parameters + 2) points (default 64)').argParser(positiveInteger))
    .addOption(new Option('--runs-per-point <k>', 'replicates per design point').argParser(positiveInteger).default(2))
    .addOption(new Option('--seed <s>', "master seed (default: the scenario's seed, else 1)").argParser(nonNegativeInteger))
    .addOption(threadsOption())
    .option('--out <dir>', 'output directory (default: out/sensitivity-<scenario id>)')
    .option('--force', 'replace an existing output directory of a previous run', false)
    .option('--no-report', 'do not write report.html')
    .action(async (scenario: string, options: SensitivityOptions) => {
      const { sensitivityCommand } = await import('./sensitivityCommand.js');
      setExitCode(await sensitivityCommand(scenario, options, argv, io));
    });

  return program;
}

function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) return error.exitCode; // commander has printed its message
  if (error instanceof ScenarioError) {
    io.stderr(formatProblems(error.problems) + '\n');
    return 1;
  }
  if (error instanceof CliError) {
    io.stderr(`routeshift: ${error.message}\n`);
    return 1;
  }
  if (io.signal?.aborted) {
    const reason: unknown = io.signal.reason;
    const why = reason instanceof Interrupted ? reason : new Interrupted(130);
    io.stderr(`routeshift: ${why.message}; nothing was written\n`);
    return why.exitCode;
  }
  if (error instanceof ReplicateFailure) {
    io.stderr(`routeshift: ${formatReplicateFailure(error, io.env.ROUTESHIFT_DEBUG === '1')}`);
    return 2;
  }
  if (isSystemError(error)) {
    // The file system refused (permissions, a file where a directory should be, a full disk):
    // the user's environment, not a bug, so no "internal error" and no stack.
    io.stderr(`routeshift: ${error.message}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (io.env.ROUTESHIFT_DEBUG === '1' && error instanceof Error && error.stack) {
    io.stderr(`routeshift: internal error: ${error.stack}\n`);
  } else {
    io.stderr(`routeshift: internal error: ${message.split('\n')[0]} (set ROUTESHIFT_DEBUG=1 for details)\n`);
  }
  return 2;
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

function untilCiOption(description: string): Option {
  return new Option('--until-ci <metric=width>', description).argParser(collect(parseCiTarget));
}

function maxRunsOption(what: string): Option {
  return new Option('--max-runs <n>', `upper bound on ${what} with --until-ci (default 1000)`).argParser(positiveInteger);
}

function threadsOption(): Option {
  return new Option('--threads <n>', 'worker threads; 1 runs in this thread')
    .argParser(positiveInteger)
    .default(undefined, `the number of cores, ${availableParallelism()}`);
}

/** A repeatable option whose values are parsed one by one (a parse error becomes a usage error). */
function collect<T>(parse: (text: string) => T): (value: string, previous: T[] | undefined) => T[] {
  return (value, previous) => {
    try {
      return [...(previous ?? []), parse(value)];
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };
}

function setOption<T extends Override | Override[]>(flags: string, description: string, parse: (text: string) => T): Option {
  return new Option(flags, description).argParser(collect(parse));
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of at least 1.');
  return n;
}

function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError('must be a whole number of at least 0.');
  return n;
}
