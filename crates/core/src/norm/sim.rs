//! The seeded forward pass: one stack of blocks wired by a [`Scheme`], with per-layer
//! residual RMS, block update ratio and largest attention logit.

use super::{NormParams, Scheme, D_HEAD, D_MODEL, EPS, HEADS, MLP_HIDDEN, TOKENS};
use crate::moe::rng::SplitMix64;

/// Sub-stream of the seed that holds the token embeddings (layers use `0..MAX_LAYERS`).
const EMBED_STREAM: u64 = 1 << 40;

/// The recorded curves of one run (index = block, 0-based).
#[derive(Clone, Debug, PartialEq)]
pub struct NormRun {
    pub params: NormParams,
    /// RMS of the embeddings fed to block 0.
    pub input_rms: f64,
    /// RMS over all tokens and dimensions of the residual stream after each block
    /// (before the final norm).
    pub residual_rms: Vec<f64>,
    /// `‖x_after − x_before‖ / ‖x_before‖` of each block (Frobenius over all tokens).
    pub update_ratio: Vec<f64>,
    /// Largest `|q·k| / √d_head` over heads and causal token pairs in each block.
    pub max_logit: Vec<f64>,
}

impl NormRun {
    pub fn final_rms(&self) -> f64 {
        self.residual_rms.last().copied().unwrap_or(self.input_rms)
    }

    pub fn max_logit_overall(&self) -> f64 {
        self.max_logit.iter().copied().fold(0.0, f64::max)
    }

    pub fn update_ratio_last(&self) -> f64 {
        self.update_ratio.last().copied().unwrap_or(0.0)
    }
}

/// One block's weights, row-major `out × in`.
#[derive(Clone, Debug, PartialEq)]
pub struct Weights {
    pub wq: Vec<f64>,
    pub wk: Vec<f64>,
    pub wv: Vec<f64>,
    pub wo: Vec<f64>,
    /// `MLP_HIDDEN × D_MODEL`.
    pub w1: Vec<f64>,
    /// `D_MODEL × MLP_HIDDEN`.
    pub w2: Vec<f64>,
}

/// A near-Gaussian draw with mean 0 and variance 1: the sum of four 16-bit uniforms
/// (Irwin–Hall, n = 4), centred and scaled. One generator call per value keeps a 96-layer
/// stack fast; Box–Muller would need a logarithm and a cosine per value.
pub fn std_normal(rng: &mut SplitMix64) -> f64 {
    const SCALE: f64 = 1.732_050_807_568_877_2 / 65536.0; // √3 / 2^16
    let r = rng.next_u64();
    // Σ (u_i + ½) / 2^16 − 2 over the four 16-bit parts u_i, in integer arithmetic.
    let sum = (r & 0xFFFF) + ((r >> 16) & 0xFFFF) + ((r >> 32) & 0xFFFF) + (r >> 48);
    (sum as i64 + 2 - 131_072) as f64 * SCALE
}

fn draw(rng: &mut SplitMix64, n: usize, std: f64) -> Vec<f64> {
    (0..n).map(|_| std_normal(rng) * std).collect()
}

/// The weights of block `layer` for `seed`, each matrix with std `gain / √fan_in`.
pub fn layer_weights(seed: u32, layer: u32, gain: f64) -> Weights {
    let mut rng = SplitMix64::stream(seed as u64, layer as u64);
    let s_d = gain / (D_MODEL as f64).sqrt();
    let s_h = gain / (MLP_HIDDEN as f64).sqrt();
    let dd = D_MODEL * D_MODEL;
    Weights {
        wq: draw(&mut rng, dd, s_d),
        wk: draw(&mut rng, dd, s_d),
        wv: draw(&mut rng, dd, s_d),
        wo: draw(&mut rng, dd, s_d),
        w1: draw(&mut rng, MLP_HIDDEN * D_MODEL, s_d),
        w2: draw(&mut rng, D_MODEL * MLP_HIDDEN, s_h),
    }
}

/// The token embeddings for `seed` (`TOKENS × D_MODEL`, std 1).
pub fn embeddings(seed: u32) -> Vec<f64> {
    let mut rng = SplitMix64::stream(seed as u64, EMBED_STREAM);
    draw(&mut rng, TOKENS * D_MODEL, 1.0)
}

/// Root mean square of `x` (0 for empty input).
pub fn rms(x: &[f64]) -> f64 {
    if x.is_empty() {
        return 0.0;
    }
    (x.iter().map(|v| v * v).sum::<f64>() / x.len() as f64).sqrt()
}

/// RMSNorm with gain 1, in place: `x / √(mean(x²) + ε)`.
pub fn rms_norm(x: &mut [f64]) {
    if x.is_empty() {
        return;
    }
    let ms = x.iter().map(|v| v * v).sum::<f64>() / x.len() as f64;
    let inv = 1.0 / (ms + EPS).sqrt();
    x.iter_mut().for_each(|v| *v *= inv);
}

fn norm_rows(x: &mut [f64], width: usize) {
    x.chunks_mut(width).for_each(rms_norm);
}

/// Dot product with four independent accumulators: a single running sum is one long
/// dependency chain (floating-point adds are not reassociated), four chains run ~4× faster.
fn dot(a: &[f64], b: &[f64]) -> f64 {
    let mut acc = [0.0f64; 4];
    let (ca, cb) = (a.chunks_exact(4), b.chunks_exact(4));
    let tail: f64 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    // Unrolled by hand: the release profile optimises for size and would keep a loop here.
    for (x, y) in ca.zip(cb) {
        acc[0] += x[0] * y[0];
        acc[1] += x[1] * y[1];
        acc[2] += x[2] * y[2];
        acc[3] += x[3] * y[3];
    }
    (acc[0] + acc[1]) + (acc[2] + acc[3]) + tail
}

/// `out = W x` for a row-major `out.len() × x.len()` matrix.
fn matvec(w: &[f64], x: &[f64], out: &mut [f64]) {
    for (o, row) in out.iter_mut().zip(w.chunks_exact(x.len())) {
        *o = dot(row, x);
    }
}

/// Applies `w` to every token row of `h`.
fn project(w: &[f64], h: &[f64], out_w: usize) -> Vec<f64> {
    let in_w = h.len() / TOKENS;
    let mut out = vec![0.0; TOKENS * out_w];
    for (o, x) in out.chunks_exact_mut(out_w).zip(h.chunks_exact(in_w)) {
        matvec(w, x, o);
    }
    out
}

/// Causal multi-head attention; returns the output rows and the largest |logit|.
fn attention(h: &[f64], w: &Weights, gain: f64, qknorm: bool) -> (Vec<f64>, f64) {
    let mut q = scaled(project(&w.wq, h, D_MODEL), gain);
    let mut k = scaled(project(&w.wk, h, D_MODEL), gain);
    let v = scaled(project(&w.wv, h, D_MODEL), gain);
    if qknorm {
        norm_rows(&mut q, D_HEAD);
        norm_rows(&mut k, D_HEAD);
    }
    let scale = 1.0 / (D_HEAD as f64).sqrt();
    let mut mixed = vec![0.0; TOKENS * D_MODEL];
    let mut max_logit = 0.0f64;
    let mut s = [0.0f64; TOKENS];
    for head in 0..HEADS {
        let cols = head * D_HEAD..(head + 1) * D_HEAD;
        for i in 0..TOKENS {
            let qi = &q[i * D_MODEL..][cols.clone()];
            for (j, sj) in s.iter_mut().enumerate().take(i + 1) {
                let kj = &k[j * D_MODEL..][cols.clone()];
                *sj = dot(qi, kj) * scale;
                max_logit = max_logit.max(sj.abs());
            }
            let m = s[..=i].iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let mut z = 0.0;
            for sj in &mut s[..=i] {
                *sj = (*sj - m).exp();
                z += *sj;
            }
            let out = &mut mixed[i * D_MODEL..][cols.clone()];
            for (j, &a) in s[..=i].iter().enumerate() {
                let vj = &v[j * D_MODEL..][cols.clone()];
                out.iter_mut().zip(vj).for_each(|(o, x)| *o += a / z * x);
            }
        }
    }
    (scaled(project(&w.wo, &mixed, D_MODEL), gain), max_logit)
}

/// `v × gain`: the weights are kept at gain 1 and every product scaled instead, so one set
/// of weights serves every gain (`(gain·W)x = gain·(Wx)`).
fn scaled(mut v: Vec<f64>, gain: f64) -> Vec<f64> {
    if gain != 1.0 {
        v.iter_mut().for_each(|x| *x *= gain);
    }
    v
}

fn mlp(h: &[f64], w: &Weights, gain: f64) -> Vec<f64> {
    let mut a = scaled(project(&w.w1, h, MLP_HIDDEN), gain);
    a.iter_mut().for_each(|v| *v = v.max(0.0));
    scaled(project(&w.w2, &a, D_MODEL), gain)
}

/// Wires one sublayer `f` to the stream `x` by `scheme`.
fn sublayer(scheme: Scheme, x: &mut [f64], f: impl FnOnce(&[f64]) -> Vec<f64>) {
    let mut out = if scheme.pre_norm() {
        let mut h = x.to_vec();
        norm_rows(&mut h, D_MODEL);
        f(&h)
    } else {
        f(x)
    };
    if scheme.out_norm() {
        norm_rows(&mut out, D_MODEL);
    }
    x.iter_mut().zip(&out).for_each(|(a, b)| *a += b);
    if scheme.stream_norm() {
        norm_rows(x, D_MODEL);
    }
}

/// The random part of a run: token embeddings and per-block weights at gain 1 for one seed.
/// Scheme, QK-Norm and gain changes reuse it; more layers extend it (block `l`'s weights
/// depend only on the seed and `l`).
#[derive(Clone, Debug, Default)]
pub struct Stack {
    seed: u32,
    embeddings: Vec<f64>,
    weights: Vec<Weights>,
}

impl Stack {
    pub fn new(seed: u32, layers: u32) -> Stack {
        let mut s = Stack {
            seed,
            embeddings: embeddings(seed),
            weights: Vec::new(),
        };
        s.ensure(seed, layers);
        s
    }

    /// Makes the stack hold `layers` blocks for `seed`, drawing only what is missing.
    pub fn ensure(&mut self, seed: u32, layers: u32) {
        if seed != self.seed || self.embeddings.is_empty() {
            *self = Stack {
                seed,
                embeddings: embeddings(seed),
                weights: Vec::new(),
            };
        }
        for l in self.weights.len() as u32..layers {
            self.weights.push(layer_weights(seed, l, 1.0));
        }
    }

    /// Runs the stack described by `p` (drawing the weights it lacks first).
    pub fn run(&mut self, p: &NormParams) -> NormRun {
        self.ensure(p.seed, p.layers);
        forward(&self.embeddings, &self.weights[..p.layers as usize], p)
    }
}

/// Runs the stack described by `p`.
pub fn run(p: &NormParams) -> NormRun {
    Stack::new(p.seed, p.layers).run(p)
}

fn forward(embeddings: &[f64], weights: &[Weights], p: &NormParams) -> NormRun {
    let mut x = embeddings.to_vec();
    let n = weights.len();
    let mut out = NormRun {
        params: p.clone(),
        input_rms: rms(&x),
        residual_rms: Vec::with_capacity(n),
        update_ratio: Vec::with_capacity(n),
        max_logit: Vec::with_capacity(n),
    };
    for w in weights {
        let before = x.clone();
        let mut logit = 0.0;
        sublayer(p.scheme, &mut x, |h| {
            let (o, m) = attention(h, w, p.gain, p.qknorm);
            logit = m;
            o
        });
        sublayer(p.scheme, &mut x, |h| mlp(h, w, p.gain));
        let diff: f64 = x.iter().zip(&before).map(|(a, b)| (a - b) * (a - b)).sum();
        let base: f64 = before.iter().map(|b| b * b).sum();
        out.update_ratio
            .push((diff / base.max(f64::MIN_POSITIVE)).sqrt());
        out.residual_rms.push(rms(&x));
        out.max_logit.push(logit);
    }
    out
}
