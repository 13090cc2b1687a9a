// The calibration checkpoint: after every generation, the whole ABC-SMC state (abcSmc.ts) and the
// settings it was made with, as checkpoint.json in the output directory, written to a temporary
// file and renamed so that an interruption leaves the previous checkpoint or the new one, never a
// torn file. `--resume` reads it back and refuses one made with other settings (scenario, params,
// benchmarks, seed, particles, runs…): continuing it would mix two calibrations. JSON carries
// every finite double exactly; Infinity (a distance never computed) is written as null.

import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AbcState } from './abcSmc.js';
import { CliError } from '../cli/io.js';

export const CHECKPOINT_FILE = 'checkpoint.json';

export interface Checkpoint {
  format: 'routeshift-calibration-checkpoint';
  version: 1;
  /** Everything that determines the result; compared on resume. */
  settings: Record<string, unknown>;
  state: AbcState;
}

export function checkpointJson(settings: Record<string, unknown>, state: AbcState): string {
  const checkpoint: Checkpoint = { format: 'routeshift-calibration-checkpoint', version: 1, settings, state };
  return JSON.stringify(checkpoint, (_, v: unknown) => (v === Infinity ? null : v)) + '\n';
}

export async function writeCheckpoint(dir: string, settings: Record<string, unknown>, state: AbcState): Promise<void> {
  const tmp = join(dir, `.${CHECKPOINT_FILE}.tmp-${randomBytes(6).toString('hex')}`);
  try {
    await writeFile(tmp, checkpointJson(settings, state));
    await rename(tmp, join(dir, CHECKPOINT_FILE));
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** The state of `dir`'s checkpoint, which must have been made with `settings`; CliError otherwise. */
export async function readCheckpoint(dir: string, shown: string, settings: Record<string, unknown>): Promise<AbcState> {
  let text: string;
  try {
    text = await readFile(join(dir, CHECKPOINT_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`--resume: ${shown}/${CHECKPOINT_FILE} does not exist; start without --resume`);
    throw error;
  }
  let checkpoint: Checkpoint;
  try {
    checkpoint = JSON.parse(text) as Checkpoint;
  } catch {
    throw new CliError(`--resume: ${shown}/${CHECKPOINT_FILE} is not valid JSON`);
  }
  if (checkpoint.format !== 'routeshift-calibration-checkpoint' || checkpoint.version !== 1) {
    throw new CliError(`--resume: ${shown}/${CHECKPOINT_FILE} is not a routeshift calibration checkpoint`);
  }
  const differs = Object.keys({ ...settings, ...checkpoint.settings }).filter(
    (k) => JSON.stringify(settings[k]) !== JSON.stringify(checkpoint.settings[k]),
  );
  if (differs.length > 0) {
    throw new CliError(`--resume: the checkpoint in ${shown} was made with other settings (${differs.join(', ')}); use the same command, or --force without --resume to start over`);
  }
  for (const g of checkpoint.state.generations) for (const p of g.particles) p.distance ??= Infinity;
  return checkpoint.state;
}
