// A free list of replicates' daily arrays (23 MB per western-balkans replicate), so that the next
// replicate overwrites the arrays of one that has been aggregated instead of allocating new ones.
//
// Why: fresh arrays of that size come from the operating system as untouched pages, and every
// first write to a page is a page fault. On the 2-core development VM a fault costs 5–12 µs
// (a loop allocating 24 MB arrays and writing one value per 4 KB page). 8 western-balkans
// replicates faulted 38,000 times with fresh arrays and 8,000 times reusing them (~3,800 fewer
// per replicate), and took 3.66 against 3.15 s of thread CPU (medians of 4), bench/DECLARATION.md,
// "page faults".
//
// Ownership is explicit: a consumer calls release(result) only once nothing reads the result's
// daily arrays any more (the series' exact window keeps them; see monteCarlo.ts). The executor
// takes arrays when it starts a replicate: in-process, or posted with the task to a worker, where
// they are SharedArrayBuffers shared with the main thread (replicateWorker.ts says why not
// transferred).

import type { DailyArrays } from '../model/recorder.js';
import type { ReplicateResult } from '../model/result.js';

export class DailyArrayPool {
  private readonly free: DailyArrays[] = [];

  /** At most `capacity` sets are kept; more released are left to the garbage collector. */
  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  }

  get size(): number {
    return this.free.length;
  }

  /** A released set, or undefined (the replicate then allocates its own). */
  take(): DailyArrays | undefined {
    return this.free.pop();
  }

  /** Hand back a result's daily arrays: the caller promises not to read them again. */
  release(result: Pick<ReplicateResult, 'borderDaily' | 'countryDaily' | 'totalDaily'>): void {
    if (this.free.length >= this.capacity) return;
    const { borderDaily, countryDaily, totalDaily } = result;
    // A detached buffer (transferred elsewhere) has byteLength 0 and cannot be written.
    if (borderDaily.buffer.byteLength === 0 || countryDaily.buffer.byteLength === 0 || totalDaily.buffer.byteLength === 0) return;
    this.free.push({ borderDaily, countryDaily, totalDaily });
  }
}

/** True if all three arrays are on SharedArrayBuffers (a worker's), which can be posted to another
 * worker without copying or detaching anything (replicateWorker.ts). */
export function isShared(arrays: DailyArrays): boolean {
  return [arrays.borderDaily, arrays.countryDaily, arrays.totalDaily].every((a) => a.buffer instanceof SharedArrayBuffer);
}
