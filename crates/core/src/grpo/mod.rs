//! One group of `G` sampled responses to one prompt, and what each RL algorithm does with it:
//! GRPO, Dr. GRPO, DAPO, RLOO and GSPO.
//!
//! Every algorithm turns the group's rewards `r_1…r_G` into advantages ([`advantage`]),
//! weighs each response's tokens by an aggregation rule ([`weights`]), and maximises the
//! clipped surrogate `min(ρ·A, clip(ρ, 1 − ε_low, 1 + ε_high)·A)` ([`clip`]).
//! DAPO adds overlong length shaping and drops groups without signal ([`shaping`]).
//!
//! With `L_i = |o_i|` the length of response `i` in tokens:
//!
//! | algorithm | advantage `A_i`                        | weight of each token of `o_i` |
//! |-----------|----------------------------------------|-------------------------------|
//! | GRPO      | `(r_i − mean r) / (std r + eps_std)`   | `A_i / (G·L_i)`               |
//! | Dr. GRPO  | `r_i − mean r`                         | `A_i / (G·max_len)`           |
//! | DAPO      | GRPO's, on `r_i + R_len(L_i)`          | `A_i / Σ_j L_j`               |
//! | RLOO      | `r_i − mean of the other G − 1`        | `A_i / G`                     |
//! | GSPO      | GRPO's                                 | `A_i / (G·L_i)`               |
//!
//! The model of the widget: response `i` has one probability ratio `ρ_i` shared by all its
//! tokens (for GSPO it is the sequence ratio `s_i`), so with the token weight written
//! `c_i·A_i` ([`weights::coefficients`]) its contribution to the loss is
//! `−c_i·L_i·surrogate(ρ_i, A_i)` — see [`result::GroupResult`]. With a uniform ratio per
//! response, GRPO's per-token clip and GSPO's per-sequence clip agree; they differ in the
//! default clip range and in what the ratio means.

pub mod advantage;
pub mod clip;
pub mod export;
pub mod params;
pub mod result;
pub mod shaping;
pub mod weights;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_props;

pub use params::GrpoParams;
pub use result::{compute, GroupResult};

/// Group size range accepted in a URL.
pub const MIN_G: usize = 2;
pub const MAX_G: usize = 64;
/// Largest reward magnitude accepted (larger values are clamped).
pub const MAX_ABS_REWARD: f64 = 1e6;
pub const DEFAULT_REWARDS: [f64; 4] = [1.0, 0.0, 1.0, 0.0];
/// Response length, in tokens, when `lengths` is missing or rejected.
pub const DEFAULT_LENGTH: u32 = 100;
pub const MAX_LENGTH: u32 = 1_000_000;
pub const DEFAULT_EPS_STD: f64 = 1e-6;
pub const MAX_EPS_STD: f64 = 1.0;
/// ε_low may reach 1 (lower bound 0 on the ratio); ε_high up to this.
pub const MAX_EPS_HIGH: f64 = 10.0;
/// Dr. GRPO's constant normaliser and DAPO's `L_max`, in tokens.
pub const DEFAULT_MAX_LEN: u32 = 256;
/// DAPO's overlong buffer `L_cache`, in tokens.
pub const DEFAULT_CACHE: u32 = 64;
/// Probability ratios are clamped to `[0, MAX_RATIO]`.
pub const MAX_RATIO: f64 = 10.0;
/// Per-response success rate for the zero-signal curve.
pub const DEFAULT_P: f64 = 0.5;

/// The algorithm whose choices are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Algo {
    /// DeepSeekMath §4.1 (Shao et al. 2024, arXiv:2402.03300).
    Grpo,
    /// "Understanding R1-Zero-Like Training" (Liu et al. 2025, arXiv:2503.20783).
    DrGrpo,
    /// DAPO (Yu et al. 2025, arXiv:2503.14476).
    Dapo,
    /// REINFORCE Leave-One-Out (Kool et al. 2019; Ahmadian et al. 2024, arXiv:2402.14740).
    Rloo,
    /// Group Sequence Policy Optimization (Zheng et al. 2025, arXiv:2507.18071).
    Gspo,
}

impl Algo {
    pub const ALL: [Algo; 5] = [Algo::Grpo, Algo::DrGrpo, Algo::Dapo, Algo::Rloo, Algo::Gspo];
    pub const CODES: [&'static str; 5] = ["grpo", "dr-grpo", "dapo", "rloo", "gspo"];

    pub fn code(self) -> &'static str {
        match self {
            Algo::Grpo => "grpo",
            Algo::DrGrpo => "dr-grpo",
            Algo::Dapo => "dapo",
            Algo::Rloo => "rloo",
            Algo::Gspo => "gspo",
        }
    }

    pub fn from_code(code: &str) -> Option<Algo> {
        Algo::ALL
            .into_iter()
            .find(|a| a.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The clip range `(ε_low, ε_high)` the algorithm's paper uses: DAPO's clip-higher
    /// (0.2, 0.28); GSPO's sequence-level (3e-4, 4e-4), since a sequence ratio stays much
    /// closer to 1 than token ratios do; 0.2 both ways otherwise (PPO's usual value).
    pub fn default_eps(self) -> (f64, f64) {
        match self {
            Algo::Dapo => (0.2, 0.28),
            Algo::Gspo => (3e-4, 4e-4),
            _ => (0.2, 0.2),
        }
    }
}

/// GRPO's standard deviation of the group's rewards.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StdKind {
    /// Divides by `G − 1` (Bessel), as `torch.std` does by default (TRL, OpenRLHF, verl).
    Sample,
    /// Divides by `G`.
    Population,
}

impl StdKind {
    pub const CODES: [&'static str; 2] = ["sample", "population"];

    pub fn code(self) -> &'static str {
        match self {
            StdKind::Sample => "sample",
            StdKind::Population => "population",
        }
    }

    pub fn from_code(code: &str) -> Option<StdKind> {
        match code.trim().to_ascii_lowercase().as_str() {
            "sample" => Some(StdKind::Sample),
            "population" => Some(StdKind::Population),
            _ => None,
        }
    }
}
