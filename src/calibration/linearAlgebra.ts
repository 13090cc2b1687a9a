// The little linear algebra a Gaussian perturbation kernel needs: a weighted covariance matrix and
// its Cholesky factor, for a handful of parameters (p ≤ ~20), so plain nested arrays suffice.

/** Weighted mean vector and covariance (weights summing to anything positive; divisor Σw). */
export function weightedCovariance(points: readonly (readonly number[])[], weights: readonly number[]): { mean: number[]; cov: number[][] } {
  const p = points[0]?.length ?? 0;
  let total = 0;
  const mean = new Array<number>(p).fill(0);
  points.forEach((x, i) => {
    total += weights[i];
    for (let j = 0; j < p; j++) mean[j] += weights[i] * x[j];
  });
  for (let j = 0; j < p; j++) mean[j] /= total;
  const cov = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  points.forEach((x, i) => {
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) cov[a][b] += (weights[i] * (x[a] - mean[a]) * (x[b] - mean[b])) / total;
  });
  return { mean, cov };
}

/** Lower-triangular L with L·Lᵀ = m, or undefined when m is not positive definite. */
export function cholesky(m: readonly (readonly number[])[]): number[][] | undefined {
  const n = m.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = m[i][j];
      for (let k = 0; k < j; k++) sum -= l[i][k] * l[j][k];
      if (i === j) {
        if (!(sum > 0)) return undefined;
        l[i][i] = Math.sqrt(sum);
      } else {
        l[i][j] = sum / l[j][j];
      }
    }
  }
  return l;
}

/** Cholesky factor of `m`, adding `floor[j]` to the diagonal (repeatedly ×10) until it exists:
 * a population collapsed onto one point in some coordinate still gets a kernel that moves. */
export function choleskyWithJitter(m: readonly (readonly number[])[], floor: readonly number[]): number[][] {
  for (let tries = 0; tries < 12; tries++) {
    const scale = tries === 0 ? 0 : 10 ** (tries - 1);
    const l = cholesky(m.map((row, i) => row.map((v, j) => (i === j ? v + scale * floor[i] : v))));
    if (l !== undefined) return l;
  }
  throw new Error('perturbation kernel: covariance is not positive definite even with jitter');
}
