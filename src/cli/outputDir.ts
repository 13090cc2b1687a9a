// Writing a run's output directory so that nothing is ever half-written or silently replaced.
//
// Files are written into a fresh temporary sibling directory (same file system, so the final
// rename is atomic) and renamed into place only when complete. An existing non-empty directory is
// refused unless the user passed --force; with --force the old directory is moved aside, the new
// one renamed in, and only then is the old one deleted, so a failure at any point leaves either
// the old results or the new ones, never a mixture. As a guard against a mistyped --out, --force
// replaces only a directory that holds a previous run (a manifest.json), and never one that
// contains the working directory or an input file. Missing parent folders are made one at a time
// (makeDirectory): Node's recursive mkdir (checked on 20.20) never returns for a path under /proc,
// where mkdir answers ENOENT although the parent exists, and it retries the parent forever (the
// same loop as oven-sh/bun#40600), so such an --out spun at full CPU after the whole run. A parent
// that is a file or a dangling symbolic link is named before the run, rather than failing after it.

import { randomBytes } from 'node:crypto';
import { lstat, mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, isAbsolute } from 'node:path';
import { CliError } from './io.js';

export interface OutputTarget {
  /** Absolute path of the output directory. */
  dir: string;
  /** The same path as shown to the user. */
  shown: string;
  force: boolean;
  /** Paths that must survive: the working directory and the scenario files. */
  protect: readonly string[];
  /** Files any of which marks the directory as routeshift's, so --force may replace it
   * (default: manifest.json; calibrate adds its checkpoint.json). */
  markers?: readonly string[];
}

/** Throws CliError unless `target.dir` may be written. Call before the (long) run, and again at commit. */
export async function checkOutputDir(target: OutputTarget): Promise<void> {
  const entries = await listDir(target.dir, target.shown);
  if (entries === undefined) {
    await nearestDirectory(dirname(target.dir), target.shown);
    return;
  }
  if (entries.length === 0) return;
  if (!target.force) {
    throw new CliError(`output directory ${target.shown} exists and is not empty; use --force to replace it`);
  }
  const inside = target.protect.find((p) => isWithin(p, target.dir));
  if (inside !== undefined) throw new CliError(`refusing to replace ${target.shown}: it contains ${inside}`);
  const markers = target.markers ?? ['manifest.json'];
  if (!markers.some((m) => entries.includes(m))) {
    throw new CliError(
      `refusing to replace ${target.shown}: it does not hold routeshift results (no ${markers.join(' or ')}); remove it yourself or choose another --out`,
    );
  }
}

/** Write the directory through a temporary sibling, then move it into place (see header). */
export async function writeOutputDir(target: OutputTarget, write: (tmpDir: string) => Promise<void>): Promise<void> {
  const parent = dirname(target.dir);
  const base = basename(target.dir);
  await makeDirectory(parent, target.shown);
  // Not mkdtemp: that creates mode 0700, and the renamed directory would keep it. A random name
  // with the default mode (umask applies) is just as unique; mkdir fails rather than reuse one.
  const tmp = join(parent, `.${base}.tmp-${randomBytes(6).toString('hex')}`);
  await mkdir(tmp);
  try {
    await write(tmp);
    await checkOutputDir(target);
    const existing = await listDir(target.dir, target.shown);
    if (existing === undefined) {
      await rename(tmp, target.dir);
      return;
    }
    const old = await mkdtemp(join(parent, `.${base}.old-`));
    await rename(target.dir, join(old, base));
    try {
      await rename(tmp, target.dir);
    } catch (error) {
      await rename(join(old, base), target.dir);
      throw error;
    }
    await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
}

/** Make `dir` and any missing parents, one level at a time; CliError naming `shown` when a level
 * cannot be made (a file, a dangling symlink, a read-only or virtual file system on the way). */
export async function makeDirectory(dir: string, shown: string): Promise<void> {
  const missing = await nearestDirectory(dir, shown);
  for (const level of missing) {
    try {
      await mkdir(level);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // EEXIST: made meanwhile by someone else, or a symlink (a dangling one fails one level down).
      if (code !== 'EEXIST') throw new CliError(`cannot create the output directory ${shown}: ${code ?? String(error)} at ${level}`);
    }
  }
}

/** The levels of `dir` that do not exist yet, outermost first, after checking that the nearest
 * existing one is a directory (CliError naming `shown` if not). */
async function nearestDirectory(dir: string, shown: string): Promise<string[]> {
  const missing: string[] = [];
  for (let at = dir; ; at = dirname(at)) {
    try {
      if (!(await stat(at)).isDirectory()) throw new CliError(`cannot create the output directory ${shown}: ${at} is not a directory`);
      return missing.reverse();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || dirname(at) === at) throw error;
      if (code === 'ENOENT' && (await lstat(at).then(() => true, () => false))) {
        throw new CliError(`cannot create the output directory ${shown}: ${at} is a symbolic link to something that does not exist`);
      }
      missing.push(at);
    }
  }
}

/** Entries of a directory, undefined when it does not exist; CliError when it is not a directory. */
async function listDir(dir: string, shown: string): Promise<string[] | undefined> {
  try {
    if (!(await stat(dir)).isDirectory()) throw new CliError(`output path ${shown} exists and is not a directory`);
    return await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: a file on the way; nearestDirectory says which.
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

function isWithin(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
