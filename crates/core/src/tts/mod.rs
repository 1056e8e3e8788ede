//! Test-time scaling: four panels of pure math behind the test-time-scaling widget.
//!
//! * [`passk`] — pass@k (unbiased estimator), the naive plug-in estimate and pass^k;
//! * [`vote`] — exact maj@k (self-consistency) against best-of-N, and which answer majority
//!   vote, best-of-N and weighted best-of-N pick from an explicit list of scored samples;
//! * [`budget`] — the compute-optimal split of a sample budget over problems of different
//!   difficulty against the uniform split;
//! * [`bon`] — how far best-of-N drifts from the base policy (KL).
//!
//! [`params`] reads each panel's URL parameters (clamped, with notices); [`export`] turns a
//! panel's state into the exact `data-value` strings.

pub mod bon;
pub mod budget;
pub mod export;
pub mod params;
pub mod passk;
pub mod vote;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_props;

pub use params::{BonParams, BudgetParams, MajParams, Panel, PassKParams, TtsParams};

/// Largest `n` (samples drawn) in the pass@k panel.
pub const MAX_N: u32 = 10_000;
/// Most answers in the majority-vote panel's distribution.
pub const MAX_ANSWERS: usize = 16;
/// Largest k in the majority-vote panel; also the length of its curves.
pub const MAX_VOTE_K: u32 = 64;
/// Most scored samples in the sample list.
pub const MAX_SAMPLES: usize = 64;
/// Longest answer label kept (characters).
pub const MAX_LABEL_CHARS: usize = 24;
/// Most problems in the budget panel.
pub const MAX_PROBLEMS: usize = 16;
/// Largest sample budget.
pub const MAX_BUDGET: u32 = 10_000;
/// Largest N in the best-of-N drift panel.
pub const MAX_BON_N: u32 = 1_000_000;
