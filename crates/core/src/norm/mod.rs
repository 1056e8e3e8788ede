//! Norm placement: Post-LN, Pre-LN, OLMo 2 and Gemma 3, with optional QK-Norm — a seeded
//! simulation of the residual stream's and the attention logits' magnitude across depth.
//!
//! One stack of `layers` blocks, width [`D_MODEL`] (= [`HEADS`] heads of [`D_HEAD`]), run on
//! [`TOKENS`] token vectors. Each block is a causal attention sublayer followed by a ReLU MLP
//! sublayer (width [`MLP_HIDDEN`]), each wired to the residual stream `x` by the scheme
//! (`F` = sublayer, `N` = RMSNorm with gain 1):
//!
//! | scheme   | one sublayer             | final norm |
//! |----------|--------------------------|------------|
//! | `post-ln`| `x ← N(x + F(x))`        | no         |
//! | `pre-ln` | `x ← x + F(N(x))`        | yes        |
//! | `olmo2`  | `x ← x + N(F(x))`        | yes        |
//! | `gemma3` | `x ← x + N(F(N(x)))`     | yes        |
//!
//! With QK-Norm every head's query and key are RMS-normalised before `q·k/√d_head`, so
//! `|q| = |k| ≤ √d_head` and every logit is at most `√d_head` in size.
//!
//! Weights are near-Gaussian draws (sum of four uniforms, exact mean 0 and variance 1) times
//! `gain / √fan_in`; `gain` stands for the weight growth that happens during training. The
//! draws depend only on `(seed, layer)`, so a deeper stack shares its first layers with a
//! shallower one and doubling `gain` scales every weight by exactly 2.

pub mod export;
pub mod params;
pub mod sim;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_props;

pub use params::NormParams;
pub use sim::{run, NormRun, Stack};

/// Width of the residual stream.
pub const D_MODEL: usize = 32;
/// Attention heads.
pub const HEADS: usize = 2;
/// Width of one head (`D_MODEL / HEADS`).
pub const D_HEAD: usize = 16;
/// Token vectors pushed through the stack.
pub const TOKENS: usize = 8;
/// Hidden width of the MLP.
pub const MLP_HIDDEN: usize = 64;
/// RMSNorm epsilon.
pub const EPS: f64 = 1e-6;
/// Layer range accepted in a URL.
pub const MIN_LAYERS: u32 = 1;
pub const MAX_LAYERS: u32 = 96;
pub const DEFAULT_LAYERS: u32 = 24;
/// Weight-growth factor range.
pub const MIN_GAIN: f64 = 0.5;
pub const MAX_GAIN: f64 = 8.0;
pub const DEFAULT_GAIN: f64 = 1.0;
pub const DEFAULT_SEED: u32 = 42;

/// Where the norms sit in a block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// Original Transformer (Vaswani et al. 2017), BERT: `x ← N(x + F(x))`.
    PostLn,
    /// GPT-2, Llama: `x ← x + F(N(x))`, plus a final norm.
    PreLn,
    /// OLMo 2: `x ← x + N(F(x))`, plus a final norm.
    Olmo2,
    /// Gemma 3 (and Gemma 2): `x ← x + N(F(N(x)))`, plus a final norm.
    Gemma3,
}

impl Scheme {
    pub const ALL: [Scheme; 4] = [Scheme::PostLn, Scheme::PreLn, Scheme::Olmo2, Scheme::Gemma3];
    pub const CODES: [&'static str; 4] = ["post-ln", "pre-ln", "olmo2", "gemma3"];

    pub fn code(self) -> &'static str {
        match self {
            Scheme::PostLn => "post-ln",
            Scheme::PreLn => "pre-ln",
            Scheme::Olmo2 => "olmo2",
            Scheme::Gemma3 => "gemma3",
        }
    }

    pub fn from_code(code: &str) -> Option<Scheme> {
        Scheme::ALL
            .into_iter()
            .find(|s| s.code().eq_ignore_ascii_case(code.trim()))
    }

    /// Normalises the sublayer input.
    pub fn pre_norm(self) -> bool {
        matches!(self, Scheme::PreLn | Scheme::Gemma3)
    }

    /// Normalises the sublayer output before the residual add.
    pub fn out_norm(self) -> bool {
        matches!(self, Scheme::Olmo2 | Scheme::Gemma3)
    }

    /// Normalises the stream itself after the add (Post-LN).
    pub fn stream_norm(self) -> bool {
        self == Scheme::PostLn
    }

    /// Has one norm after the last block (the stream is never normalised otherwise).
    pub fn final_norm(self) -> bool {
        self != Scheme::PostLn
    }
}
