//! Rotary position embedding (Su et al., RoFormer, arXiv 2104.09864, §3.2–3.4).
//!
//! A head vector of `d` dims is cut into `d/2` pairs; pair `i` is rotated by the angle
//! `m·θ_i` at position `m`, with `θ_i = base^(−2i/d)`. The pair's wavelength is `2π/θ_i`
//! tokens. The pairs here are adjacent dims `(x_{2i}, x_{2i+1})`, as in the paper.

use std::f64::consts::TAU;

/// `θ_i = base^(−2i/d)` for pair `i` of a `d`-dim head.
pub fn theta_i(i: u32, d: u32, base: f64) -> f64 {
    base.powf(-2.0 * i as f64 / d.max(2) as f64)
}

/// All `d/2` inverse frequencies, highest first.
pub fn inv_freqs(d: u32, base: f64) -> Vec<f64> {
    (0..d / 2).map(|i| theta_i(i, d, base)).collect()
}

/// Rotation angle (radians, not reduced mod 2π) of pair `i` at position `pos`.
pub fn angle(pos: f64, i: u32, d: u32, base: f64) -> f64 {
    pos * theta_i(i, d, base)
}

/// Tokens per full turn of pair `i`: `2π / θ_i`.
pub fn wavelength(i: u32, d: u32, base: f64) -> f64 {
    TAU / theta_i(i, d, base)
}

/// Rotates the 2D vector `(x, y)` by `a` radians.
pub fn rotate(x: f64, y: f64, a: f64) -> (f64, f64) {
    let (s, c) = a.sin_cos();
    (x * c - y * s, x * s + y * c)
}

/// Applies RoPE at position `pos` to a whole head vector (adjacent pairs; an odd last
/// element is left as it is).
pub fn rotate_vec(v: &[f64], pos: f64, base: f64) -> Vec<f64> {
    let d = (v.len() as u32) & !1;
    let mut out = v.to_vec();
    for i in 0..d / 2 {
        let j = 2 * i as usize;
        let (x, y) = rotate(v[j], v[j + 1], angle(pos, i, d, base));
        out[j] = x;
        out[j + 1] = y;
    }
    out
}

/// Relative attention score at distance `delta` for `q = k = (1, 0)` in every pair, scaled
/// to 1 at distance 0: `(2/d)·Σ_i cos(Δ·θ_i)`.
pub fn relative_score(delta: f64, d: u32, base: f64) -> f64 {
    score_with(delta, &inv_freqs(d.max(2), base))
}

/// The relative score at `delta` from precomputed inverse frequencies (one `powf` per pair
/// per curve instead of per point).
fn score_with(delta: f64, freqs: &[f64]) -> f64 {
    let sum: f64 = freqs.iter().map(|f| (delta * f).cos()).sum();
    sum / freqs.len().max(1) as f64
}

/// Distances for the score chart: 0, then `n` points spaced evenly in log2 from 1 to `max`.
pub fn curve_distances(max: f64, n: usize) -> Vec<f64> {
    let hi = max.max(2.0).log2();
    let n = n.max(2);
    let mut out = Vec::with_capacity(n + 1);
    out.push(0.0);
    for k in 0..n {
        out.push(2f64.powf(hi * k as f64 / (n - 1) as f64));
    }
    out
}

/// The score at each distance.
pub fn score_curve(distances: &[f64], d: u32, base: f64) -> Vec<f64> {
    let freqs = inv_freqs(d.max(2), base);
    distances.iter().map(|&x| score_with(x, &freqs)).collect()
}

/// A `rope_theta` value from a model's `config.json`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ThetaPreset {
    pub theta: f64,
    pub models: &'static str,
    /// Where the value comes from (a Hugging Face config.json, or the model's blog post).
    pub source: &'static str,
}

/// `rope_theta` of a few model families (copies of the configs are in `data/configs/`).
pub const THETA_PRESETS: &[ThetaPreset] = &[
    ThetaPreset {
        theta: 10_000.0,
        models: "RoFormer, Llama 2, Mistral 7B v0.1, DeepSeek-V3",
        source: "https://huggingface.co/meta-llama/Llama-2-7b-hf/blob/main/config.json",
    },
    ThetaPreset {
        theta: 500_000.0,
        models: "Llama 3, Llama 3.1, Llama 4",
        source: "https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/config.json",
    },
    ThetaPreset {
        theta: 1_000_000.0,
        models: "Qwen3, Mixtral 8x7B",
        source: "https://huggingface.co/Qwen/Qwen3-8B/blob/main/config.json",
    },
    ThetaPreset {
        theta: 5_000_000.0,
        models: "SmolLM3-3B",
        source: "https://huggingface.co/blog/smollm3",
    },
];
