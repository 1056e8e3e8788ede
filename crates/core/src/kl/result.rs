//! Everything the explorer shows for one pair of distributions.

use super::dist::{kl, log_softmax};
use super::estimators::{moments, Estimator, Moments};
use super::mc::{run, McRun};
use super::{grad, KlParams};

#[derive(Clone, Debug, PartialEq)]
pub struct KlResult {
    pub params: KlParams,
    pub pi_theta: Vec<f64>,
    pub pi_ref: Vec<f64>,
    /// `log r(a) = log π_ref(a) − log π_θ(a)` per action.
    pub log_ratio: Vec<f64>,
    /// `[k1, k2, k3]` at each action.
    pub values: Vec<[f64; 3]>,
    /// `KL(π_θ‖π_ref)`, what k1 and k3 estimate without bias.
    pub kl_forward: f64,
    /// `KL(π_ref‖π_θ)`.
    pub kl_reverse: f64,
    /// Exact mean and std of k1, k2, k3 under `π_θ`.
    pub moments: [Moments; 3],
    pub grad_kl_forward: Vec<f64>,
    pub grad_kl_reverse: Vec<f64>,
    /// Expected gradient of k1, k2, k3 in the reward (REINFORCE).
    pub grad_reward: [Vec<f64>; 3],
    /// Expected gradient of k1, k2, k3 used as a loss (GRPO).
    pub grad_loss: [Vec<f64>; 3],
    pub mc: McRun,
}

/// Computes the exact values and runs the Monte-Carlo draws (`p` as the parser leaves it:
/// equal lengths, finite logits).
pub fn compute(p: &KlParams) -> KlResult {
    let log_pi = log_softmax(&p.theta);
    let log_ref = log_softmax(&p.reference);
    let pi_theta: Vec<f64> = log_pi.iter().map(|l| l.exp()).collect();
    let pi_ref: Vec<f64> = log_ref.iter().map(|l| l.exp()).collect();
    let log_ratio: Vec<f64> = log_ref.iter().zip(&log_pi).map(|(q, p)| q - p).collect();
    let values: Vec<[f64; 3]> = log_ratio
        .iter()
        .map(|&l| Estimator::ALL.map(|e| e.value(l)))
        .collect();
    let column = |e: usize| values.iter().map(|v| v[e]).collect::<Vec<f64>>();
    KlResult {
        kl_forward: kl(&log_pi, &log_ref),
        kl_reverse: kl(&log_ref, &log_pi),
        moments: [0, 1, 2].map(|e| moments(&pi_theta, &column(e))),
        grad_kl_forward: grad::kl_forward(&pi_theta, &log_ratio),
        grad_kl_reverse: grad::kl_reverse(&pi_theta, &pi_ref),
        grad_reward: Estimator::ALL.map(|e| grad::reward_form(e, &pi_theta, &log_ratio)),
        grad_loss: Estimator::ALL.map(|e| grad::loss_form(e, &pi_theta, &log_ratio)),
        mc: run(&pi_theta, &log_ratio, p.samples, p.seed),
        params: p.clone(),
        pi_theta,
        pi_ref,
        log_ratio,
        values,
    }
}
