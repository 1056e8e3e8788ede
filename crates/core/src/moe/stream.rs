//! The synthetic token stream of the simulation and its factored router scores.
//!
//! **Token stream.** Each step draws `tokens` tokens. A token is one of [`WORDS`] in one of
//! [`CONTEXTS`] random contexts (both uniform); its feature vector is
//! `x = word embedding + context embedding`, both fixed random Gaussian vectors in [`DIM`]
//! dimensions (σ 1 and 0.7), so the same word tends to go to the same experts while its
//! context moves it around. Each expert has a random embedding `e_i ~ N(0, I/DIM)`.
//!
//! **Router logit** `z_i = x·e_i + skew_i + o_i`: the dot product (std ≈ 1.2), a skew term
//! `skew_i = skew · 6 · exp(−rank_i / k)` where `rank_i` is the expert's place in a seeded
//! random popularity order (so at `skew = 1` roughly the `2k` most popular experts get
//! +6…+0.8 and take most tokens: collapse), and `o_i`, the per-expert offset learned by the
//! auxiliary-loss scheme (0 otherwise). The dot product is evaluated as
//! `word·e_i + context·e_i` from tables built once per simulation, and the exponential the
//! scores need is factored the same way, `exp(±z_i) = exp(±word·e_i) · exp(±context·e_i) ·
//! exp(±(skew_i + o_i))`, with the first two tabulated and the last computed once per step.
//! A step therefore costs a few multiplications per (token, expert) and no `exp` at all;
//! the scores agree with `σ(z)` / `softmax(z)` to a few ulps, and
//! [`super::Simulation::route_one`] uses the same factored formula, so its explanation
//! matches the step bit for bit.

use super::rng::SplitMix64;
use super::Scoring;

/// Dimension of the synthetic token features and expert embeddings.
pub const DIM: usize = 16;
/// Number of random contexts a word can appear in.
pub const CONTEXTS: usize = 64;
pub(crate) const CONTEXT_SCALE: f64 = 0.7;
/// Bound on the aux-loss logit offsets, keeping the factored exponentials finite.
pub(crate) const MAX_OFFSET: f64 = 30.0;
pub(crate) const SKEW_LOGITS: f64 = 6.0;
pub(crate) const STREAM_EXPERTS: u64 = 1;
pub(crate) const STREAM_WORDS: u64 = 2;
pub(crate) const STREAM_POPULARITY: u64 = 3;
pub(crate) const STREAM_CONTEXTS: u64 = 4;
pub(crate) const STREAM_STEP0: u64 = 1 << 32;

/// Labels of the synthetic tokens.
pub const WORDS: [&str; 48] = [
    "the", "cat", "sat", "on", "a", "mat", "and", "then", "ran", "to", "code", "in", "Rust",
    "with", "GPU", "42", "is", "not", "why", "how", "token", "expert", "loss", "of", "for", "我",
    "的", "模型", "专家", "路由", "def", "return", "{", "}", "(", ")", "=", "+", "0.5", "Paris",
    "river", "blue", "fast", "slow", "ing", "ed", ".", ",",
];

pub(crate) fn normals(rng: &mut SplitMix64, len: usize, scale: f64) -> Vec<f64> {
    (0..len).map(|_| rng.normal() * scale).collect()
}

/// Row-major `rows × N` table of dot products `v_r · e_i`.
pub(crate) fn dot_table(vectors: &[f64], experts: &[f64], n: usize) -> Vec<f64> {
    let mut out = Vec::with_capacity(vectors.len() / DIM * n);
    for v in vectors.chunks_exact(DIM) {
        for e in experts.chunks_exact(DIM).take(n) {
            out.push(v.iter().zip(e).map(|(a, b)| a * b).sum::<f64>());
        }
    }
    out
}

/// `z_i = (word·e_i + context·e_i) + skew_i + o_i` (for display; the step itself only needs
/// the factored exponentials).
pub(crate) fn logit(word: &[f64], ctx: &[f64], skew: &[f64], offset: &[f64], i: usize) -> f64 {
    word[i] + ctx[i] + skew[i] + offset[i]
}

/// The sign of the exponent the scoring needs: `σ(z) = 1 / (1 + e^−z)`, softmax ∝ `e^z`.
pub(crate) fn exp_sign(scoring: Scoring) -> f64 {
    match scoring {
        Scoring::Sigmoid => -1.0,
        Scoring::Softmax => 1.0,
    }
}

/// `exp(±(skew_i + o_i))` into `out`.
pub(crate) fn rest_exp_into(scoring: Scoring, skew: &[f64], offset: &[f64], out: &mut [f64]) {
    let sign = exp_sign(scoring);
    for ((r, &s), &o) in out.iter_mut().zip(skew).zip(offset) {
        *r = (sign * (s + o)).exp();
    }
}

/// Scores of one token from its three exponential factors `a·b·c = exp(±z)`:
/// sigmoid `1 / (1 + a·b·c)`, softmax `a·b·c / Σ a·b·c`. Shared by `step` and `route_one`.
pub(crate) fn scores_from_factors(
    scoring: Scoring,
    a: &[f64],
    b: &[f64],
    c: &[f64],
    out: &mut [f64],
) {
    let n = out.len();
    let (a, b, c) = (&a[..n], &b[..n], &c[..n]);
    match scoring {
        Scoring::Sigmoid => {
            for i in 0..n {
                out[i] = 1.0 / (1.0 + a[i] * b[i] * c[i]);
            }
        }
        Scoring::Softmax => {
            let mut sum = 0.0;
            for i in 0..n {
                out[i] = a[i] * b[i] * c[i];
                sum += out[i];
            }
            let inv = 1.0 / sum;
            for o in out.iter_mut() {
                *o *= inv;
            }
        }
    }
}
