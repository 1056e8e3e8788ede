//! Exact expected gradients w.r.t. the logits θ, in closed form.
//!
//! With `∂log π_θ(a)/∂θ_j = δ_aj − π_j` and `∂ℓ(a)/∂θ_j = −(δ_aj − π_j)`:
//!
//! - `∇KL(π_θ‖π_ref)_j = π_j·(k1_j − KL(π_θ‖π_ref))`
//! - `∇KL(π_ref‖π_θ)_j = π_j − π_ref_j`
//! - reward form: `E[k(a)·∇log π_θ(a)]_j = π_j·(k_j − E[k])`
//! - loss form: `E[∇k(a)]_j = E[k′(ℓ)·∇ℓ]_j = π_j·(E[k′] − k′_j)` with `k′ = dk/dℓ`.

use super::estimators::Estimator;

/// `π_j·(v_j − Σ_a π_a v_a)`: the covariance form every gradient here takes.
fn centred(pi: &[f64], v: &[f64]) -> Vec<f64> {
    let mean: f64 = pi.iter().zip(v).map(|(p, x)| p * x).sum();
    pi.iter().zip(v).map(|(p, x)| p * (x - mean)).collect()
}

/// `∇_θ KL(π_θ‖π_ref)`; `lr` is `log π_ref − log π_θ` per action.
pub fn kl_forward(pi: &[f64], lr: &[f64]) -> Vec<f64> {
    let k1: Vec<f64> = lr.iter().map(|l| -l).collect();
    centred(pi, &k1)
}

/// `∇_θ KL(π_ref‖π_θ) = π_θ − π_ref`.
pub fn kl_reverse(pi: &[f64], pi_ref: &[f64]) -> Vec<f64> {
    pi.iter().zip(pi_ref).map(|(p, q)| p - q).collect()
}

/// The estimator put into the reward (stop-gradient on `k`): `E_{a~π_θ}[k(a)·∇log π_θ(a)]`.
pub fn reward_form(est: Estimator, pi: &[f64], lr: &[f64]) -> Vec<f64> {
    let k: Vec<f64> = lr.iter().map(|&l| est.value(l)).collect();
    centred(pi, &k)
}

/// The estimator used as a loss, differentiated only through `π_θ(a)` inside `k` at the
/// sampled actions: `E_{a~π_θ}[∇_θ k(a)]`.
pub fn loss_form(est: Estimator, pi: &[f64], lr: &[f64]) -> Vec<f64> {
    let d: Vec<f64> = lr.iter().map(|&l| -est.derivative(l)).collect();
    centred(pi, &d)
}
