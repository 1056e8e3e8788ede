//! Mixture-of-experts routing: the math of one MoE layer's router and a seeded simulation of
//! load balancing over training steps.
//!
//! One layer has `N` routed experts, picks `k` of them per token and always runs `S` shared
//! experts (weight 1). The router turns a token into one logit per expert, scores the logits
//! (`softmax` over all experts, or an independent `sigmoid` per expert), optionally restricts
//! the choice to the best `topk_groups` of `groups` expert groups (DeepSeek-V3's node-limited
//! routing), picks the top `k`, and turns the chosen scores into gate weights.
//! See [`router`] for the exact rules and their sources.
//!
//! [`sim::Simulation`] feeds a synthetic, seeded token stream through that router step after
//! step and applies one balancing scheme ([`Balance`]): the Switch/GShard auxiliary loss
//! (simulated as gradient steps on a per-expert logit offset), DeepSeek-V3's
//! auxiliary-loss-free bias, or nothing. Capacity limits (Switch Transformer) drop the
//! assignments that overflow an expert.
//!
//! Everything is deterministic for a seed, allocation-light, and panics on no input:
//! [`MoeConfig::sanitize`] clamps every knob and reports what it changed.

pub mod balance;
pub mod dense;
pub mod detail;
pub mod export;
pub mod params;
pub mod presets;
pub mod rng;
pub mod router;
pub mod sim;
pub mod step;
pub mod stream;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_balance;
#[cfg(test)]
mod tests_data;
#[cfg(test)]
mod tests_props;

pub use crate::models::Scoring;
pub use dense::{compare_counts, dense_vs_moe, DenseVsMoe, Dtype, Footprint};
pub use detail::{route, TokenDetail};
pub use params::MoeParams;
pub use presets::{find_preset, MoePreset, PRESETS};
pub use sim::Simulation;
pub use step::{StepResult, TokenRoute};

/// Most routed experts a layer may have (Kimi K2 has 384).
pub const MAX_EXPERTS: u32 = 384;
/// Most routed experts per token.
pub const MAX_K: u32 = 16;
/// Most shared experts.
pub const MAX_SHARED: u32 = 2;
/// Most tokens per simulation step.
pub const MAX_TOKENS: u32 = 256;
/// Largest capacity factor accepted (far beyond any real setting; 0 means "no limit").
pub const MAX_CAPACITY_FACTOR: f64 = 16.0;
/// Most steps the `step` URL parameter may ask for.
pub const MAX_STEPS: u32 = 5000;
/// Largest seed accepted in a URL (integers up to 2^53 survive the float round trip).
pub const MAX_SEED: u64 = (1u64 << 53) - 1;

/// How the simulation balances expert load between steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Balance {
    /// DeepSeek-V3 auxiliary-loss-free balancing: a per-expert bias used only for choosing.
    Bias,
    /// Switch/GShard auxiliary loss `α · N · Σ f_i · P_i`, followed by gradient steps.
    Aux,
    /// No balancing.
    None,
}

impl Balance {
    pub const ALL: [Balance; 3] = [Balance::Bias, Balance::Aux, Balance::None];

    pub fn code(self) -> &'static str {
        match self {
            Balance::Bias => "bias",
            Balance::Aux => "aux",
            Balance::None => "none",
        }
    }

    pub fn from_code(code: &str) -> Option<Balance> {
        Balance::ALL
            .into_iter()
            .find(|b| b.code().eq_ignore_ascii_case(code.trim()))
    }
}

/// URL word for a scoring function.
pub fn scoring_code(s: Scoring) -> &'static str {
    match s {
        Scoring::Softmax => "softmax",
        Scoring::Sigmoid => "sigmoid",
    }
}

/// Parses `softmax` / `sigmoid`.
pub fn scoring_from_code(code: &str) -> Option<Scoring> {
    match code.trim().to_ascii_lowercase().as_str() {
        "softmax" => Some(Scoring::Softmax),
        "sigmoid" => Some(Scoring::Sigmoid),
        _ => None,
    }
}

/// Every knob of one simulated MoE layer and its training loop.
#[derive(Clone, Debug, PartialEq)]
pub struct MoeConfig {
    /// Routed experts `N` (1..=[`MAX_EXPERTS`]).
    pub experts: u32,
    /// Routed experts per token `k` (1..=min(16, N)).
    pub k: u32,
    /// Shared experts `S` (0..=2), always active with weight 1.
    pub shared: u32,
    pub scoring: Scoring,
    /// Renormalise the chosen scores to sum to 1 (Mixtral, Qwen3, DeepSeek-V3); when false the
    /// raw score is the weight (Switch, Llama 4).
    pub norm_topk: bool,
    /// Multiplier on routed gate weights (DeepSeek-V3: 2.5); 1 when unused.
    pub routed_scaling: f64,
    /// Expert groups (must divide `N`); 1 = no group-limited routing.
    pub groups: u32,
    /// Groups kept per token (1..=groups, and enough experts for `k`).
    pub topk_groups: u32,
    /// Capacity factor; 0 = no capacity limit (no dropping).
    pub capacity_factor: f64,
    pub balance: Balance,
    /// Bias update speed γ of the auxiliary-loss-free scheme.
    pub gamma: f64,
    /// Auxiliary-loss coefficient α.
    pub alpha: f64,
    /// Tokens per simulation step (1..=256).
    pub tokens: u32,
    /// 0..=1: how strongly the synthetic router favours a few experts.
    pub skew: f64,
    pub seed: u64,
}

impl Default for MoeConfig {
    /// A small readable layer: 16 experts, top-2 softmax, no balancing, mild skew.
    fn default() -> Self {
        MoeConfig {
            experts: 16,
            k: 2,
            shared: 0,
            scoring: Scoring::Softmax,
            norm_topk: true,
            routed_scaling: 1.0,
            groups: 1,
            topk_groups: 1,
            capacity_factor: 0.0,
            balance: Balance::None,
            gamma: 0.01,
            alpha: 0.01,
            tokens: 64,
            skew: 0.5,
            seed: 42,
        }
    }
}

impl MoeConfig {
    /// Experts per group.
    pub fn group_size(&self) -> u32 {
        self.experts / self.groups.max(1)
    }

    /// Per-expert capacity for one step, or `None` when there is no limit.
    ///
    /// `capacity = floor(capacity_factor × tokens × k / N)`, at least 1 (Switch Transformer,
    /// eq. 4, rounds the same way). A relative 1e-9 is added before `floor` so that factors
    /// such as 1.1 that are not exact in binary do not lose a slot to rounding error.
    pub fn capacity(&self) -> Option<u32> {
        if self.capacity_factor <= 0.0 || self.experts == 0 {
            return None;
        }
        let exact = self.capacity_factor * self.tokens as f64 * self.k as f64 / self.experts as f64;
        let c = (exact * (1.0 + 1e-9)).floor();
        Some((c as u32).max(1))
    }
}

/// Coefficient of variation of loads: population standard deviation / mean (0 when the mean
/// is 0, i.e. nothing was routed — nothing is imbalanced).
pub fn load_cv(loads: &[u32]) -> f64 {
    if loads.is_empty() {
        return 0.0;
    }
    let n = loads.len() as f64;
    let mean = loads.iter().map(|&l| l as f64).sum::<f64>() / n;
    if mean <= 0.0 {
        return 0.0;
    }
    let var = loads
        .iter()
        .map(|&l| (l as f64 - mean) * (l as f64 - mean))
        .sum::<f64>()
        / n;
    var.sqrt() / mean
}
