// Problems with a scenario, and how they are shown to a person.
//
// Every problem names the file that holds the bad value and a JSON Pointer (RFC 6901) into that
// file, so a user can go straight to it: `scenarios/x.json: /edges/3/detection: must be <= 1`.
// Loading and validation collect all problems before throwing one ScenarioError, so a user fixes
// a file in one pass rather than one error per run. The CLI turns a ScenarioError into exit code 1
// without a stack trace; any other Error is an internal failure.

export interface ScenarioProblem {
  /** The file as shown to the user (relative to the working directory when it lies inside it). */
  file: string;
  /** JSON Pointer into that file; '' for the file as a whole (e.g. a JSON syntax error). */
  path: string;
  message: string;
}

export class ScenarioError extends Error {
  readonly problems: ScenarioProblem[];

  constructor(problems: ScenarioProblem[]) {
    super(formatProblems(problems));
    this.name = 'ScenarioError';
    this.problems = problems;
  }
}

/** `file: /json/path: message`, or `file: message` for a problem with the whole file. */
export function formatProblem(problem: ScenarioProblem): string {
  return problem.path === ''
    ? `${problem.file}: ${problem.message}`
    : `${problem.file}: ${problem.path}: ${problem.message}`;
}

/** One line per problem. */
export function formatProblems(problems: readonly ScenarioProblem[]): string {
  return problems.map(formatProblem).join('\n');
}

/** Build a JSON Pointer from path segments, escaping `~` and `/` as RFC 6901 requires. */
export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Split a JSON Pointer into its unescaped segments (`''` gives `[]`). */
export function pointerSegments(path: string): string[] {
  if (path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
