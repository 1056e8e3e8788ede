//! KL estimators in RL fine-tuning: their value, spread and the gradient they really give.
//!
//! Two categorical distributions over the same `n ≤ 16` actions, `π_θ = softmax(θ)` (the
//! policy) and `π_ref = softmax(ref)`. With the ratio `r(a) = π_ref(a) / π_θ(a)` at an action
//! `a ~ π_θ`, Schulman's estimators ("Approximating KL Divergence", 2020,
//! <http://joschu.net/blog/kl-approx.html>) of `KL(π_θ‖π_ref)` are
//!
//! - `k1 = −log r` (unbiased, high variance, negative for some actions),
//! - `k2 = ½(log r)²` (biased, low variance, ≥ 0),
//! - `k3 = (r − 1) − log r` (unbiased, low variance, ≥ 0; GRPO's KL term, DeepSeekMath eq. 4).
//!
//! What matters for training is the gradient w.r.t. the logits θ, and it depends on how the
//! estimator enters the objective ([`grad`]):
//!
//! - **in the reward** (REINFORCE, stop-gradient on k): `E_{a~π_θ}[k(a)·∇log π_θ(a)]`;
//!   with k1 this is `∇KL(π_θ‖π_ref)`.
//! - **as a loss** (GRPO: differentiated through `π_θ` on the sampled actions, no
//!   score-function term): `E_{a~π_θ}[∇_θ k(a)]`. k1 gives 0 in expectation, k2 gives
//!   `∇KL(π_θ‖π_ref)`, and k3 gives `∇KL(π_ref‖π_θ)` — the *other* direction.

pub mod dist;
pub mod estimators;
pub mod export;
pub mod grad;
pub mod mc;
pub mod params;
pub mod presets;
pub mod result;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_props;

pub use estimators::Estimator;
pub use params::KlParams;
pub use result::{compute, KlResult};

/// Actions per distribution.
pub const MIN_ACTIONS: usize = 2;
pub const MAX_ACTIONS: usize = 16;
/// Logits are clamped to `±MAX_LOGIT`, which keeps `log r` within ±43 and `r` finite.
pub const MAX_LOGIT: f64 = 20.0;
/// Monte-Carlo sample count range.
pub const MIN_SAMPLES: u32 = 1;
pub const MAX_SAMPLES: u32 = 100_000;
pub const DEFAULT_SAMPLES: u32 = 1000;
pub const DEFAULT_SEED: u64 = 42;
