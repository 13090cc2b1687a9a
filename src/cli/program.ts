// The routeshift command line: `run`, `validate` and `list`, parsed with commander, and the one
// place that turns failures into exit codes and messages:
//   0  success;
//   1  bad input: scenario problems (file: /json/path: message), a refused output directory,
//      a usage error (commander's own message), a file-system refusal (permissions, disk full);
//   2  an unexpected internal error: one line, with the stack only when ROUTESHIFT_DEBUG=1;
//   130 interrupted (Ctrl-C) before anything was written.
// `main` never touches `process` (see io.ts), so tests call it in-process.

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ScenarioError, formatProblems } from '../scenarios/errors.js';
import { CliError, type CliIo } from './io.js';
import { listCommand } from './listCommand.js';
import { routeshiftVersion } from './manifest.js';
import { runCommand, type RunOptions } from './runCommand.js';
import { validateCommand } from './validateCommand.js';

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
    .description('run a scenario (built-in name or JSON file) and write summary.json, series.csv, manifest.json')
    .argument('<scenario>', 'built-in scenario name (see `routeshift list`) or path to a scenario JSON file')
    .addOption(new Option('--runs <n>', 'number of Monte Carlo runs').argParser(positiveInteger).default(10))
    .addOption(new Option('--seed <s>', 'master seed (default: the scenario\'s seed, else 1)').argParser(nonNegativeInteger))
    .option('--out <dir>', 'output directory (default: out/<scenario id>)')
    .option('--force', 'replace an existing output directory of a previous run', false)
    .option('--json', 'also print summary.json to stdout (messages go to stderr)', false)
    .action(async (scenario: string, options: RunOptions) => setExitCode(await runCommand(scenario, options, argv, io)));

  program
    .command('validate')
    .description('check scenario files (or built-in names) without running them')
    .argument('<scenario...>', 'built-in scenario names or paths to scenario JSON files')
    .action(async (refs: string[]) => setExitCode(await validateCommand(refs, io)));

  program
    .command('list')
    .description('list the built-in scenarios')
    .action(() => setExitCode(listCommand(io)));

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
    io.stderr('routeshift: interrupted; nothing was written\n');
    return 130;
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
