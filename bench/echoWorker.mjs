// A replicate worker that simulates nothing, for measuring the pool's per-task overhead
// (bench/parallel.mjs): it takes the same task (shared scenario, seed, replicate), looks the
// scenario up by hash like replicateWorker does, and returns a result of the same shape with its
// four typed arrays transferred.
import { move, transferableSymbol, valueSymbol } from 'piscina';

const seen = new Set();

export default function echo({ scenario, replicate }) {
  seen.add(scenario.hash);
  const result = {
    replicate,
    days: 0,
    borders: 0,
    countries: 0,
    borderDaily: new Float64Array(16),
    countryDaily: new Float64Array(16),
    totalDaily: new Float64Array(16),
    scalars: new Float64Array(16),
  };
  const buffers = [result.borderDaily.buffer, result.countryDaily.buffer, result.totalDaily.buffer, result.scalars.buffer];
  return move({ [transferableSymbol]: buffers, [valueSymbol]: result });
}
