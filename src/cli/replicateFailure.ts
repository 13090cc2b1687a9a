// A replicate that threw (or whose worker thread died), as the command line reports it: which
// replicate, which seed, why, and the one command that reruns it alone in this thread — where
// ROUTESHIFT_DEBUG=1 then shows the kernel's stack. Exit code 2, like any internal failure.

export class ReplicateFailure extends Error {
  constructor(
    message: string,
    /** The command that reproduces the failing replicate alone. */
    readonly reproduce: string,
    cause: unknown,
  ) {
    super(message, { cause });
    this.name = 'ReplicateFailure';
  }
}

/** Lines for stderr (without the `routeshift: ` prefix of the first). */
export function formatReplicateFailure(error: ReplicateFailure, debug: boolean): string {
  const cause = error.cause instanceof Error ? error.cause.cause : undefined;
  const stack = debug && cause instanceof Error && cause.stack ? `\n${cause.stack}` : '';
  return `${error.message}\nreproduce it alone with: ${error.reproduce}${stack}\n`;
}
