// Flee's validation metric, the averaged relative difference (shared/research/anchors-mission.md
// §1.4; flee/postprocessing/plot_flee_output.py plot_errors and error_quantification):
//
//   ARD_t = Σ_c |sim_c,t − data_c,t| / max(Σ_c data_c,t, 1)       over the camps c with data
//   ARD   = mean of ARD_t over the days t
//
// and its rescaled variant, where each day's simulated camp counts are first scaled so that they
// sum to the observed camp total (sim_c,t × Σ data / Σ sim; zero when nobody is in a camp). FabFlee
// reports ARD / 2 as "error" because every misplaced person is counted twice.

export interface ArdResult {
  /** Mean over days of the daily ARD. */
  raw: number;
  rescaled: number;
  /** Daily values. */
  dailyRaw: Float64Array;
  dailyRescaled: Float64Array;
}

/**
 * ARD of simulated against observed counts: `simulated[c][t]` and `observed[c][t]` for camp c and
 * day t, over `days` days (every array at least that long).
 */
export function averagedRelativeDifference(simulated: readonly ArrayLike<number>[], observed: readonly ArrayLike<number>[], days: number): ArdResult {
  if (simulated.length !== observed.length) throw new RangeError(`${simulated.length} simulated series for ${observed.length} observed`);
  if (!(days >= 1)) throw new RangeError('ARD needs at least one day');
  const dailyRaw = new Float64Array(days);
  const dailyRescaled = new Float64Array(days);
  const camps = observed.length;
  for (let t = 0; t < days; t++) {
    let dataTotal = 0;
    let simTotal = 0;
    for (let c = 0; c < camps; c++) {
      dataTotal += observed[c][t];
      simTotal += simulated[c][t];
    }
    const scale = simTotal > 0 ? dataTotal / simTotal : 0;
    let diff = 0;
    let diffRescaled = 0;
    for (let c = 0; c < camps; c++) {
      diff += Math.abs(simulated[c][t] - observed[c][t]);
      diffRescaled += Math.abs(simulated[c][t] * scale - observed[c][t]);
    }
    const denominator = Math.max(dataTotal, 1);
    dailyRaw[t] = diff / denominator;
    dailyRescaled[t] = diffRescaled / denominator;
  }
  return { raw: mean(dailyRaw), rescaled: mean(dailyRescaled), dailyRaw, dailyRescaled };
}

function mean(a: Float64Array): number {
  let s = 0;
  for (const x of a) s += x;
  return s / a.length;
}
