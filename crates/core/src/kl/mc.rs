//! A seeded Monte-Carlo run: `n` actions drawn from `π_θ`, each estimator averaged.
//!
//! Uses the crate's SplitMix64 ([`crate::moe::rng`]); the same `(seed, n, π_θ)` always gives
//! the same draws, and a run of `n` starts with the draws of every shorter run.

use super::estimators::Estimator;
use crate::moe::rng::SplitMix64;

/// Number of points of the running-mean trace (at most; fewer for small `n`).
pub const TRACE_POINTS: usize = 48;

/// What the sampled actions give.
#[derive(Clone, Debug, PartialEq)]
pub struct McRun {
    pub n: u32,
    /// How often each action was drawn.
    pub counts: Vec<u32>,
    /// Sample mean of k1, k2, k3.
    pub mean: [f64; 3],
    /// Sample standard deviation (divisor `n − 1`; 0 for `n = 1`).
    pub std: [f64; 3],
    /// Standard error of each mean, `std / √n`.
    pub std_err: [f64; 3],
    /// Sample-mean gradient estimates, per estimator: reward form `k(a)·∇log π_θ(a)`, and
    /// loss form `∇_θ k(a)` (see [`super::grad`]).
    pub grad_reward: [Vec<f64>; 3],
    pub grad_loss: [Vec<f64>; 3],
    /// `(samples so far, [running mean of k1, k2, k3])` at log-spaced sample counts, the
    /// last one at `n`.
    pub trace: Vec<(u32, [f64; 3])>,
}

/// Draws one action by inverting the cumulative distribution.
fn draw(rng: &mut SplitMix64, cdf: &[f64]) -> usize {
    let u = rng.next_f64() * cdf[cdf.len() - 1];
    cdf.iter().position(|&c| u < c).unwrap_or(cdf.len() - 1)
}

/// Sample counts at which the trace records the running means: about [`TRACE_POINTS`]
/// distinct, increasing, log-spaced counts ending at `n`.
fn checkpoints(n: u32) -> Vec<u32> {
    let mut out: Vec<u32> = (0..TRACE_POINTS)
        .map(|i| {
            let t = i as f64 / (TRACE_POINTS - 1) as f64;
            (n as f64).powf(t).round().clamp(1.0, n as f64) as u32
        })
        .collect();
    out.dedup();
    out
}

/// Runs `n ≥ 1` draws from `pi` (probabilities, summing to 1) with log-ratios `lr`.
pub fn run(pi: &[f64], lr: &[f64], n: u32, seed: u64) -> McRun {
    let n = n.max(1);
    let k: Vec<[f64; 3]> = lr
        .iter()
        .map(|&l| Estimator::ALL.map(|e| e.value(l)))
        .collect();
    let cdf: Vec<f64> = pi
        .iter()
        .scan(0.0, |acc, p| {
            *acc += p;
            Some(*acc)
        })
        .collect();
    let mut rng = SplitMix64::new(seed);
    let mut counts = vec![0u32; pi.len()];
    let mut sum = [0.0; 3];
    let marks = checkpoints(n);
    let mut next_mark = 0;
    let mut trace = Vec::with_capacity(marks.len());
    for s in 1..=n {
        let a = draw(&mut rng, &cdf);
        counts[a] += 1;
        for e in 0..3 {
            sum[e] += k[a][e];
        }
        if marks.get(next_mark) == Some(&s) {
            trace.push((s, sum.map(|x| x / s as f64)));
            next_mark += 1;
        }
    }
    summarise(pi, lr, &k, counts, trace)
}

/// Means, spreads and gradient estimates from the action counts.
fn summarise(
    pi: &[f64],
    lr: &[f64],
    k: &[[f64; 3]],
    counts: Vec<u32>,
    trace: Vec<(u32, [f64; 3])>,
) -> McRun {
    let n: u32 = counts.iter().sum();
    let nf = n as f64;
    let freq: Vec<f64> = counts.iter().map(|&c| c as f64 / nf).collect();
    let mean: [f64; 3] = [0, 1, 2].map(|e| freq.iter().zip(k).map(|(f, v)| f * v[e]).sum());
    let std: [f64; 3] = [0, 1, 2].map(|e| {
        if n < 2 {
            return 0.0;
        }
        let ss: f64 = counts
            .iter()
            .zip(k)
            .map(|(&c, v)| c as f64 * (v[e] - mean[e]) * (v[e] - mean[e]))
            .sum();
        (ss / (nf - 1.0)).sqrt()
    });
    // Σ_a f_a·w_a·(e_a − π): the sample mean of w(a)·∇log π_θ(a).
    let score_mean = |w: &dyn Fn(usize) -> f64| -> Vec<f64> {
        let total: f64 = (0..pi.len()).map(|a| freq[a] * w(a)).sum();
        (0..pi.len())
            .map(|j| freq[j] * w(j) - pi[j] * total)
            .collect()
    };
    let grad_reward = [0, 1, 2].map(|e| score_mean(&|a| k[a][e]));
    let grad_loss = Estimator::ALL.map(|est| score_mean(&|a| -est.derivative(lr[a])));
    McRun {
        n,
        counts,
        mean,
        std_err: std.map(|s| s / nf.sqrt()),
        std,
        grad_reward,
        grad_loss,
        trace,
    }
}
