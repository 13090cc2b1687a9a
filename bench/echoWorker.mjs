// A replicate worker that simulates nothing, for measuring the pool's per-task overhead
// (bench/parallel.mjs): it takes the same task (shared scenario, seed, replicate, daily arrays to
// reuse), looks the scenario up by hash like replicateWorker does, and returns a result of the
// same shape: three daily arrays on SharedArrayBuffers (shared with the main thread, as the real
// worker's are) and a small copied array of scalars.

const seen = new Set();
const shared = () => new Float64Array(new SharedArrayBuffer(16 * Float64Array.BYTES_PER_ELEMENT));

export default function echo({ scenario, replicate, reuse }) {
  seen.add(scenario.hash);
  return {
    replicate,
    days: 0,
    borders: 0,
    countries: 0,
    borderDaily: reuse?.borderDaily ?? shared(),
    countryDaily: reuse?.countryDaily ?? shared(),
    totalDaily: reuse?.totalDaily ?? shared(),
    scalars: new Float64Array(16),
  };
}
