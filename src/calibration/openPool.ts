// One worker pool for a whole calibration or sensitivity analysis. Each executeReplicates call
// would otherwise start and stop its own workers; a calibration makes one call per generation, and
// on a small scenario starting workers cost more than the simulations: 300 simulations of
// toy-small in 10 generations on 2 threads took 12.3–14.9 s with a pool per call and 3.0–3.1 s
// with this one (bench/DECLARATION.md, bench/calibrate-threads.sh). Loaded only when threads > 1,
// so the serial path never loads node:worker_threads.

import type { ReplicatePool } from '../workers/pool.js';

/** A pool of `threads` workers, or undefined for 1 (run in this thread); destroy it when done. */
export async function openPool(threads: number): Promise<ReplicatePool | undefined> {
  if (threads <= 1) return undefined;
  const { createReplicatePool } = await import('../workers/pool.js');
  return createReplicatePool({ threads });
}
