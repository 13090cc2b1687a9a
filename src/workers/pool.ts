// The worker pool for replicates: piscina over node:worker_threads, one replicate per task.
//
// Why piscina (shared/research/anchors-perf-aesthetics.md §A4): per-task AbortSignals (Ctrl-C
// terminates a worker mid-replicate instead of waiting for it), a crashed worker rejects its task
// and is replaced rather than hanging the pool, and ~30 µs per task, against 87+ ms per
// western-balkans replicate (< 0.05%). Threads are started at once (minThreads = maxThreads) and
// kept for the pool's life, so no task waits for a worker to spawn twice.
//
// Where the worker file is: next to this module. Compiled (dist/workers/pool.js), that is
// dist/workers/replicateWorker.js. Running from TypeScript sources (vitest), it is
// src/workers/replicateWorker.ts, which Node 20 cannot load in a worker by itself, so those
// workers start with `--import` of a two-line module that registers typescriptHooks.mjs. Callers
// (tests, benchmarks) may also pass their own `workerUrl`.

import { Piscina } from 'piscina';
import type { ReplicateResult } from '../model/result.js';
import type { ReplicateTask } from './replicateWorker.js';

export interface PoolOptions {
  threads: number;
  /** Worker module (file URL or path) whose default export handles a ReplicateTask; default replicateWorker. */
  workerUrl?: string | URL;
}

export interface ReplicatePool {
  readonly threads: number;
  run(task: ReplicateTask, signal?: AbortSignal): Promise<ReplicateResult>;
  /** Terminate every worker, running tasks included. */
  destroy(): Promise<void>;
}

interface WorkerEntry {
  filename: string;
  execArgv?: string[];
}

/** The replicate worker next to this module, and how to load it (see the header). */
export function defaultWorker(): WorkerEntry {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { filename: new URL('./replicateWorker.js', here).href };
  const hooks = new URL('./typescriptHooks.mjs', here).href;
  const register = `import { register } from 'node:module'; register(${JSON.stringify(hooks)});`;
  return {
    filename: new URL('./replicateWorker.ts', here).href,
    execArgv: ['--import', `data:text/javascript,${encodeURIComponent(register)}`],
  };
}

export function createReplicatePool(options: PoolOptions): ReplicatePool {
  const { threads } = options;
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be a positive integer, got ${threads}`);
  const entry: WorkerEntry = options.workerUrl === undefined ? defaultWorker() : { filename: String(options.workerUrl) };
  const piscina = new Piscina({
    filename: entry.filename,
    execArgv: entry.execArgv,
    minThreads: threads,
    maxThreads: threads,
    // Keep idle workers: a worker that exits between batches must reload the kernel and its JIT warm-up.
    idleTimeout: 60_000,
  });
  // A worker that dies outside a task (for instance while loading its module) is reported by
  // piscina as an 'error' event, and a worker failing at start-up is not replaced, which would leave
  // queued tasks waiting forever: fail them all instead, and every later task at once.
  let failure: Error | undefined;
  const pending = new Set<(error: Error) => void>();
  piscina.on('error', (error: unknown) => {
    failure = new Error(`a worker thread failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    for (const reject of pending) reject(failure);
    pending.clear();
  });
  return {
    threads,
    run(task, signal) {
      if (failure !== undefined) return Promise.reject(failure);
      return new Promise<ReplicateResult>((resolve, reject) => {
        pending.add(reject);
        (piscina.run(task, { signal }) as Promise<ReplicateResult>).then(resolve, reject).finally(() => pending.delete(reject));
      });
    },
    destroy: () => piscina.destroy(),
  };
}
