// Why an input file could not be read, in the words of routeshift's other input errors ("no such
// file"), rather than Node's "ENOTDIR: not a directory, open '…'", which repeats the path and names
// a system call. One place for the scenario loader, the other JSON inputs and the Flee CSV reader.

/** The reason for a failed read of a file; `what` names the kind of file expected ("a CSV file"). */
export function readFailure(error: unknown, what: string): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return `is a directory, not ${what}`;
  if (code === 'ENOTDIR') return 'no such file (a folder on its path is a file)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}
