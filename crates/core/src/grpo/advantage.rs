//! Group-relative advantages.

use super::{Algo, StdKind};

pub fn mean(xs: &[f64]) -> f64 {
    if xs.is_empty() {
        return 0.0;
    }
    xs.iter().sum::<f64>() / xs.len() as f64
}

/// Standard deviation of `xs` (0 for fewer than two values with [`StdKind::Sample`]).
pub fn std(xs: &[f64], kind: StdKind) -> f64 {
    let n = xs.len();
    let div = match kind {
        StdKind::Sample if n < 2 => return 0.0,
        StdKind::Sample => n - 1,
        StdKind::Population if n == 0 => return 0.0,
        StdKind::Population => n,
    };
    let m = mean(xs);
    (xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / div as f64).sqrt()
}

/// Whether every reward is the same: the group carries no learning signal under any of the
/// group-relative advantages, and DAPO's dynamic sampling drops it.
pub fn all_equal(rewards: &[f64]) -> bool {
    rewards.windows(2).all(|w| w[0] == w[1])
}

/// GRPO (DeepSeekMath §4.1, arXiv:2402.03300): `A_i = (r_i − mean r) / (std r + eps_std)`.
///
/// A group of equal rewards gets all-zero advantages even with `eps_std = 0` (no 0/0): the
/// computed mean of equal values can differ from them in the last bit, and dividing that
/// rounding error by a std of the same size would invent a signal.
pub fn grpo(rewards: &[f64], kind: StdKind, eps_std: f64) -> Vec<f64> {
    let den = std(rewards, kind) + eps_std;
    if all_equal(rewards) || den <= 0.0 {
        return vec![0.0; rewards.len()];
    }
    let m = mean(rewards);
    rewards.iter().map(|r| (r - m) / den).collect()
}

/// Dr. GRPO (arXiv:2503.20783): `A_i = r_i − mean r` — no division by the std, which
/// would up-weight prompts that are nearly always or never solved.
pub fn dr_grpo(rewards: &[f64]) -> Vec<f64> {
    if all_equal(rewards) {
        return vec![0.0; rewards.len()];
    }
    let m = mean(rewards);
    rewards.iter().map(|r| r - m).collect()
}

/// RLOO (Ahmadian et al. 2024, arXiv:2402.14740): `A_i = r_i − (Σ_{j≠i} r_j) / (G − 1)`, the
/// mean of the other responses as the baseline (which keeps the estimator unbiased).
/// Equal to `G/(G − 1)·(r_i − mean r)`.
pub fn rloo(rewards: &[f64]) -> Vec<f64> {
    let g = rewards.len();
    if g < 2 || all_equal(rewards) {
        return vec![0.0; g];
    }
    let total: f64 = rewards.iter().sum();
    rewards
        .iter()
        .map(|r| r - (total - r) / (g - 1) as f64)
        .collect()
}

/// The advantages `algo` gives `rewards` (for DAPO pass the length-shaped rewards).
pub fn advantages(algo: Algo, rewards: &[f64], kind: StdKind, eps_std: f64) -> Vec<f64> {
    match algo {
        Algo::Grpo | Algo::Dapo | Algo::Gspo => grpo(rewards, kind, eps_std),
        Algo::DrGrpo => dr_grpo(rewards),
        Algo::Rloo => rloo(rewards),
    }
}
