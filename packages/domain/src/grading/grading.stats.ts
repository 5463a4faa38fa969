/**
 * The statistics of the sudden-concentration test (docs/GRADING.md): the Poisson upper tail P(X ≥ n) for a rate λ.
 * Computed in log space so that large rates (λ > 700, where e^-λ underflows) and large counts stay finite.
 */

const LANCZOS = [
  676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7; relative error below 1e-13 over the range used here). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = 0.99999999999980993;
  const t = z + 7.5;
  for (let i = 0; i < LANCZOS.length; i++) a += LANCZOS[i]! / (z + i + 1);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** ln P(X = k) for X ~ Poisson(λ), λ > 0. */
const logPmf = (k: number, lambda: number) => -lambda + k * Math.log(lambda) - logGamma(k + 1);

/**
 * P(X ≥ n) for X ~ Poisson(λ), λ > 0, n an integer. With `stopAbove`, the sum may stop as soon as it exceeds that
 * value: the result is then only known to be greater than `stopAbove` (a test against a level needs no more).
 */
export function poissonUpperTail(n: number, lambda: number, stopAbove = Infinity): number {
  if (n <= 0) return 1;
  if (!(lambda > 0)) return 0;
  if (n > lambda) {
    // Sum the tail from n upwards: the terms fall at least geometrically once k > λ.
    let term = Math.exp(logPmf(n, lambda));
    let sum = 0;
    for (let k = n; term > sum * 1e-16 && k < n + 100_000; k++) {
      sum += term;
      if (sum > stopAbove) break;
      term *= lambda / (k + 1);
    }
    return Math.min(1, sum);
  }
  // n ≤ λ: the tail is large; 1 − P(X ≤ n − 1), summing the lower part downwards from n − 1.
  let term = Math.exp(logPmf(n - 1, lambda));
  let cdf = 0;
  for (let k = n - 1; k >= 0 && term > cdf * 1e-16; k--) {
    cdf += term;
    term *= k / lambda;
  }
  return Math.max(0, 1 - cdf);
}
