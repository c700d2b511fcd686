//! The statistics behind the insights, written out so that every number can be checked by
//! hand: the two-sided Fisher exact test on a 2×2 table (as `scipy.stats.fisher_exact`), the
//! Benjamini-Hochberg adjustment, Spearman's rho with average ranks for ties (as
//! `scipy.stats.spearmanr`), and the standard normal distribution through our own `erfc`.
//!
//! Pure arithmetic: no allocation beyond the ranks, no panics on any input.

use std::cmp::Ordering;

/// Tables whose probability is within this relative distance of the observed one's count as
/// equally likely in the two-sided Fisher test (R's `fisher.test` uses the same 1e-7, `SciPy`
/// a smaller one): without it, two tables that are exactly as likely (symmetric margins) could
/// be split by rounding in the last bit.
const FISHER_RELATIVE_TOLERANCE: f64 = 1e-7;

/// `ln(n!)`: summed exactly for small `n`, Stirling's series (to the `n^-7` term, an absolute
/// error below 1e-14 from 16 on) above.
#[must_use]
pub fn ln_factorial(n: u64) -> f64 {
    if n < 16 {
        return (2..=n).map(|k| (k as f64).ln()).sum();
    }
    let x = n as f64;
    let inv = 1.0 / x;
    let inv2 = inv * inv;
    let series = inv * (1.0 / 12.0 - inv2 * (1.0 / 360.0 - inv2 * (1.0 / 1260.0 - inv2 / 1680.0)));
    x * x.ln() - x + 0.5 * (std::f64::consts::TAU * x).ln() + series
}

/// `ln C(n, k)`, for `k ≤ n`.
fn ln_choose(n: u64, k: u64) -> f64 {
    ln_factorial(n) - ln_factorial(k) - ln_factorial(n - k)
}

/// A 2×2 table of counts: `[[a, b], [c, d]]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table {
    pub a: u64,
    pub b: u64,
    pub c: u64,
    pub d: u64,
}

/// The hypergeometric distribution of the top-left cell given a table's margins.
struct Margins {
    row1: u64,
    row2: u64,
    col1: u64,
}

impl Margins {
    fn of(t: Table) -> Self {
        Self {
            row1: t.a + t.b,
            row2: t.c + t.d,
            col1: t.a + t.c,
        }
    }

    /// The smallest and largest possible top-left cell.
    fn support(&self) -> (u64, u64) {
        (
            self.col1.saturating_sub(self.row2),
            self.row1.min(self.col1),
        )
    }

    /// The most likely top-left cell (the distribution rises up to it and falls after it).
    fn mode(&self) -> u64 {
        let n = u128::from(self.row1 + self.row2);
        let m = (u128::from(self.row1) + 1) * (u128::from(self.col1) + 1) / (n + 2);
        let (lo, hi) = self.support();
        (m as u64).clamp(lo, hi)
    }

    /// `ln P(top-left = x)`.
    fn ln_pmf(&self, x: u64) -> f64 {
        ln_choose(self.row1, x) + ln_choose(self.row2, self.col1 - x)
            - ln_choose(self.row1 + self.row2, self.col1)
    }

    /// `P(x - 1) / P(x)`.
    fn ratio_down(&self, x: u64) -> f64 {
        let (x, r1, r2, c1) = (
            x as f64,
            self.row1 as f64,
            self.row2 as f64,
            self.col1 as f64,
        );
        x * (r2 - c1 + x) / ((r1 - x + 1.0) * (c1 - x + 1.0))
    }

    /// `P(x + 1) / P(x)`.
    fn ratio_up(&self, x: u64) -> f64 {
        let (x, r1, r2, c1) = (
            x as f64,
            self.row1 as f64,
            self.row2 as f64,
            self.col1 as f64,
        );
        (r1 - x) * (c1 - x) / ((x + 1.0) * (r2 - c1 + x + 1.0))
    }
}

/// The two-sided Fisher exact test of a 2×2 table, as `scipy.stats.fisher_exact`: the sum of
/// the probabilities of every table with the same margins that is no more likely than the one
/// seen (within [`FISHER_RELATIVE_TOLERANCE`]), at most 1.
///
/// Probabilities come from log-factorials and ratios of neighbouring tables, so large counts
/// neither overflow nor cost more than one pass over the possible tables.
#[must_use]
pub fn fisher_two_sided(table: Table) -> f64 {
    let m = Margins::of(table);
    let (lo, hi) = m.support();
    let mode = m.mode();
    let threshold = m.ln_pmf(table.a) + FISHER_RELATIVE_TOLERANCE.ln_1p();
    if m.ln_pmf(mode) <= threshold {
        return 1.0;
    }
    // The probabilities rise up to the mode and fall after it, so the tables no more likely
    // than the one seen are a run at each end: [lo, left] and [right, hi].
    let left = last_at_most(lo, mode, |x| m.ln_pmf(x) <= threshold);
    let right = first_at_most(mode, hi, |x| m.ln_pmf(x) <= threshold);
    let mut p = 0.0;
    if let Some(left) = left {
        let mut term = m.ln_pmf(left).exp();
        let mut x = left;
        loop {
            p += term;
            if x == lo || term == 0.0 {
                break;
            }
            term *= m.ratio_down(x);
            x -= 1;
        }
    }
    if let Some(right) = right {
        let mut term = m.ln_pmf(right).exp();
        let mut x = right;
        loop {
            p += term;
            if x == hi || term == 0.0 {
                break;
            }
            term *= m.ratio_up(x);
            x += 1;
        }
    }
    p.min(1.0)
}

/// The largest `x` in `lo..=hi` with `ok(x)`, where `ok` holds on a prefix of the range.
fn last_at_most(lo: u64, hi: u64, ok: impl Fn(u64) -> bool) -> Option<u64> {
    if !ok(lo) {
        return None;
    }
    // Invariant: `ok(good)`, and `bad` is past the end or not `ok(bad)`.
    let (mut good, mut bad) = (lo, hi + 1);
    while bad - good > 1 {
        let mid = good + (bad - good) / 2;
        if ok(mid) {
            good = mid;
        } else {
            bad = mid;
        }
    }
    Some(good)
}

/// The smallest `x` in `lo..=hi` with `ok(x)`, where `ok` holds on a suffix of the range.
fn first_at_most(lo: u64, hi: u64, ok: impl Fn(u64) -> bool) -> Option<u64> {
    if !ok(hi) {
        return None;
    }
    if ok(lo) {
        return Some(lo);
    }
    // Invariant: `ok(good)` and not `ok(bad)`.
    let (mut bad, mut good) = (lo, hi);
    while good - bad > 1 {
        let mid = bad + (good - bad) / 2;
        if ok(mid) {
            good = mid;
        } else {
            bad = mid;
        }
    }
    Some(good)
}

/// Benjamini-Hochberg adjusted p-values ("q"), in the order of `p`: for the i-th smallest of
/// m p-values, the smallest `p(j) · m / j` over j ≥ i, at most 1.
#[must_use]
pub fn benjamini_hochberg(p: &[f64]) -> Vec<f64> {
    let m = p.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&i, &j| p[i].total_cmp(&p[j]).then(i.cmp(&j)));
    let mut q = vec![1.0; m];
    let mut running = 1.0_f64;
    for (rank, &i) in order.iter().enumerate().rev() {
        let adjusted = p[i] * m as f64 / (rank + 1) as f64;
        running = running.min(adjusted);
        q[i] = running;
    }
    q
}

/// Twice the average rank of each value (1-based; tied values share the mean of their ranks),
/// as whole numbers so that sums stay exact.
fn doubled_ranks(values: &[f64]) -> Vec<i128> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&i, &j| values[i].total_cmp(&values[j]));
    let mut ranks = vec![0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start;
        while end + 1 < order.len()
            && values[order[end + 1]].total_cmp(&values[order[start]]) == Ordering::Equal
        {
            end += 1;
        }
        // Positions start..=end hold ranks start+1 ..= end+1; twice their mean is their sum of
        // ends.
        let doubled = (start + 1 + end + 1) as i128;
        for &i in &order[start..=end] {
            ranks[i] = doubled;
        }
        start = end + 1;
    }
    ranks
}

/// Spearman's rank correlation of paired values, ties given average ranks (as
/// `scipy.stats.spearmanr`): Pearson's correlation of the ranks. `None` with fewer than two
/// pairs, lengths that differ, or no variation in either list. A perfect rank agreement is
/// exactly ±1.
#[must_use]
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() != y.len() || x.len() < 2 {
        return None;
    }
    let (rx, ry) = (doubled_ranks(x), doubled_ranks(y));
    let n = x.len() as i128;
    let (mut sx, mut sy, mut sxx, mut syy, mut sxy) = (0i128, 0i128, 0i128, 0i128, 0i128);
    for (a, b) in rx.iter().zip(&ry) {
        sx += a;
        sy += b;
        sxx += a * a;
        syy += b * b;
        sxy += a * b;
    }
    let cov = n * sxy - sx * sy;
    let vx = n * sxx - sx * sx;
    let vy = n * syy - sy * sy;
    if vx <= 0 || vy <= 0 {
        return None;
    }
    if let (Some(c2), Some(v)) = (cov.checked_mul(cov), vx.checked_mul(vy))
        && c2 == v
    {
        return Some(if cov > 0 { 1.0 } else { -1.0 });
    }
    let rho = cov as f64 / ((vx as f64).sqrt() * (vy as f64).sqrt());
    Some(rho.clamp(-1.0, 1.0))
}

/// `erfc(x) = 1 − erf(x)`, to about 1e-13 relative: for |x| < 1 from the series
/// `erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1))` (positive terms, no cancellation);
/// from 1 on from the continued fraction `erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x +
/// (3/2)/(x + …))))`, evaluated with Lentz's method; for negative x, `2 − erfc(−x)`.
#[must_use]
pub fn erfc(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x < 0.0 {
        return 2.0 - erfc(-x);
    }
    let two_over_sqrt_pi = std::f64::consts::FRAC_2_SQRT_PI;
    if x < 1.0 {
        let (mut term, mut sum) = (x, x);
        for n in 1..200 {
            term *= 2.0 * x * x / f64::from(2 * n + 1);
            sum += term;
            if term <= 1e-17 * sum {
                break;
            }
        }
        return 1.0 - two_over_sqrt_pi * (-x * x).exp() * sum;
    }
    if x > 27.0 {
        return 0.0; // below the smallest positive f64
    }
    // Lentz: the fraction `value` = b0 + a1/(b1 + a2/(b2 + …)) with every b = x, a_k = k/2.
    let (mut value, mut upper, mut lower) = (x, x, 0.0_f64);
    for k in 1..1000 {
        let a_k = f64::from(k) / 2.0;
        lower = 1.0 / (x + a_k * lower);
        upper = x + a_k / upper;
        let delta = upper * lower;
        value *= delta;
        if (delta - 1.0).abs() < 1e-16 {
            break;
        }
    }
    0.5 * two_over_sqrt_pi * (-x * x).exp() / value
}

/// `erf(x)`.
#[must_use]
pub fn erf(x: f64) -> f64 {
    1.0 - erfc(x)
}

/// The standard normal distribution function Φ(x).
#[must_use]
pub fn normal_cdf(x: f64) -> f64 {
    0.5 * erfc(-x / std::f64::consts::SQRT_2)
}

/// Spearman's rho with its 95 % interval and p-value from Fisher's z transform, with the
/// standard error `1.06 / √(n − 3)` recommended for Spearman's rho (Fieller, Hartley and
/// Pearson 1957).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RhoInterval {
    pub rho: f64,
    pub low: f64,
    pub high: f64,
    pub p: f64,
}

/// The interval and two-sided p-value of `rho` over `n` pairs: z = atanh(rho), se = 1.06 /
/// √(n − 3), interval tanh(z ± 1.96·se), p = 2·(1 − Φ(|z| / se)). A rho of ±1 gives low = high
/// = rho and p = 0. `None` when n ≤ 3 (no standard error).
#[must_use]
pub fn rho_interval(rho: f64, n: usize) -> Option<RhoInterval> {
    if n <= 3 || !rho.is_finite() {
        return None;
    }
    if rho.abs() >= 1.0 {
        return Some(RhoInterval {
            rho,
            low: rho,
            high: rho,
            p: 0.0,
        });
    }
    let z = rho.atanh();
    let se = 1.06 / ((n - 3) as f64).sqrt();
    Some(RhoInterval {
        rho,
        low: (z - 1.96 * se).tanh(),
        high: (z + 1.96 * se).tanh(),
        // 2·(1 − Φ(t)) = erfc(t / √2), without the cancellation of 1 − Φ.
        p: erfc(z.abs() / se / std::f64::consts::SQRT_2),
    })
}
