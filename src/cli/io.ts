// The seam between the command line and the process: where text goes, which directory relative
// paths mean, the environment, and whether there is a terminal for a progress bar. `main()` takes
// one of these instead of touching `process`, so tests run the real CLI in-process with captured
// output and a temporary working directory, and the bin wrapper stays three lines long.

export interface CliIo {
  /** Write text (already newline-terminated) to standard output. */
  stdout(text: string): void;
  /** Write text (already newline-terminated) to standard error. */
  stderr(text: string): void;
  /** Directory that relative paths on the command line are resolved against. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** A terminal to draw a progress bar on; undefined for no progress bar (not a TTY, tests). */
  progressStream?: NodeJS.WriteStream;
  /** Width in characters of the terminal standard output goes to; undefined when it is not a
   * terminal (a pipe, a file, tests), where lines are written in full. */
  stdoutColumns?: number;
  /** Aborts a running `run` (Ctrl-C); nothing is written when it fires. */
  signal?: AbortSignal;
}

/** The writable end the CLI writes text to (process.stdout, process.stderr, or a test's fake). */
export interface TextSink {
  write(text: string): unknown;
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

/** A writer to `sink` that stops writing once the reader has gone (EPIPE: `routeshift list | head`,
 * `run --json | head`), as a Unix tool does, instead of a Node stack trace for an unhandled 'error'
 * event. The command itself goes on to its end and exit code: files are written as they would be.
 * Any other write error is rethrown. */
export function pipeWriter(sink: TextSink): (text: string) => void {
  let closed = false;
  sink.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return (text) => {
    if (!closed) sink.write(text);
  };
}

/** The real process: stdout/stderr, process.cwd(), process.env, and a progress bar on a TTY. */
export function processIo(signal?: AbortSignal): CliIo {
  return {
    stdout: pipeWriter(process.stdout),
    stderr: pipeWriter(process.stderr),
    cwd: process.cwd(),
    env: process.env,
    progressStream: process.stderr.isTTY ? process.stderr : undefined,
    // A terminal that does not say its width reports 0 columns: then lines are written in full.
    stdoutColumns: process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : undefined,
    signal,
  };
}

/** Why the signal of a running command fired: a Ctrl-C or a SIGTERM, with the exit code a shell
 * gives a process that such a signal ended (128 + its number), so scripts can tell them apart. */
export class Interrupted extends Error {
  constructor(readonly exitCode: 130 | 143) {
    super(exitCode === 143 ? 'terminated' : 'interrupted');
    this.name = 'Interrupted';
  }
}

/** An expected failure caused by the user's input or environment: exit code 1, message, no stack. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}
