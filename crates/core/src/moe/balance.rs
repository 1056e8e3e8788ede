//! Load-balancing math: capacity dropping, the auxiliary loss and its gradient, and the
//! auxiliary-loss-free bias update.

use super::Scoring;

/// Learning rate of the simulated auxiliary-loss gradient step on the per-expert logit offset:
/// `o_j ← o_j − AUX_LR · ∂L/∂o_j`.
///
/// In a real model the loss gradient flows into the router weight matrix (and so depends on
/// each token); the simulation keeps one logit offset per expert instead, which is the part
/// of that gradient shared by all tokens. The value is chosen for the toy so that with the
/// Switch paper's α = 0.01 a skewed 16-expert layer visibly balances within ~100 steps; it is
/// not a real optimiser setting.
pub const AUX_LR: f64 = 100.0;

/// Fractions `f_i = load_i / Σ load` of the router's assignments (Σ f = 1; all 0 if nothing
/// was routed). With top-k routing Σ load = tokens × k, so at perfect balance f_i = 1/N.
pub fn fractions(loads: &[u32], out: &mut [f64]) {
    let total: u64 = loads.iter().map(|&l| l as u64).sum();
    let inv = if total == 0 { 0.0 } else { 1.0 / total as f64 };
    for (o, &l) in out.iter_mut().zip(loads) {
        *o = l as f64 * inv;
    }
}

/// The router probability the auxiliary loss uses for one token: the softmax score itself,
/// or for sigmoid scoring the score normalised over all experts `s_i / Σ_j s_j` (as in
/// DeepSeek-V3's sequence-wise balance loss, eq. 19), so that Σ_i P_i = 1 either way.
fn probability_norm(scoring: Scoring, row: &[f64]) -> f64 {
    match scoring {
        Scoring::Softmax => 1.0,
        Scoring::Sigmoid => {
            let s: f64 = row.iter().sum();
            if s > 0.0 {
                1.0 / s
            } else {
                0.0
            }
        }
    }
}

/// Auxiliary load-balancing loss `L = α · N · Σ_i f_i · P_i` (Switch Transformer eq. 4–6,
/// GShard) for `tokens` rows of `n` scores (`scores` is row-major, tokens × n), and its
/// gradient with respect to a per-expert logit offset `o_j` (added to every token's logit
/// `z_j`), written into `grad`.
///
/// `f_i` counts discrete choices and has no gradient (as in the papers); only `P_i` does:
/// * softmax: `∂s_i/∂o_j = s_i(δ_ij − s_j)`, so
///   `∂L/∂o_j = α N · mean_t[ s_j (f_j − Σ_i f_i s_i) ]`;
/// * sigmoid with `q_i = s_i / S`, `S = Σ s`: `∂q_i/∂o_j = s_j(1 − s_j)/S · (δ_ij − q_i)`, so
///   `∂L/∂o_j = α N · mean_t[ s_j(1 − s_j)/S · (f_j − Σ_i f_i q_i) ]`.
///
/// At perfect balance (f_i = P_i = 1/N) the loss is exactly α.
pub fn aux_loss_and_grad(
    scoring: Scoring,
    scores: &[f64],
    n: usize,
    loads: &[u32],
    alpha: f64,
    grad: &mut [f64],
) -> f64 {
    grad.iter_mut().for_each(|g| *g = 0.0);
    if n == 0 || scores.len() < n {
        return 0.0;
    }
    let tokens = scores.len() / n;
    let mut f = vec![0.0; n];
    fractions(loads, &mut f);
    let mut p_sum = 0.0; // Σ_t Σ_i f_i q_ti
    for row in scores.chunks_exact(n) {
        let inv_s = probability_norm(scoring, row);
        let dot: f64 = row.iter().zip(&f).map(|(s, fi)| s * fi).sum::<f64>() * inv_s;
        p_sum += dot;
        for ((g, &s), &fj) in grad.iter_mut().zip(row).zip(&f) {
            let ds = match scoring {
                Scoring::Softmax => s,
                Scoring::Sigmoid => s * (1.0 - s) * inv_s,
            };
            *g += ds * (fj - dot);
        }
    }
    let scale = alpha * n as f64 / tokens as f64;
    grad.iter_mut().for_each(|g| *g *= scale);
    p_sum * scale
}

/// The auxiliary loss `α · N · Σ_i f_i · P_i` from `p_sum[i] = Σ_t P_ti` over `tokens` tokens
/// (the same value [`aux_loss_and_grad`] returns, without the gradient pass).
pub fn aux_loss(p_sum: &[f64], tokens: usize, loads: &[u32], alpha: f64) -> f64 {
    if tokens == 0 || p_sum.is_empty() {
        return 0.0;
    }
    let mut f = vec![0.0; loads.len()];
    fractions(loads, &mut f);
    let dot: f64 = f.iter().zip(p_sum).map(|(fi, p)| fi * p).sum();
    alpha * p_sum.len() as f64 * dot / tokens as f64
}

/// DeepSeek-V3's auxiliary-loss-free update (§2.1.2): after a step, `b_i += γ` for an
/// under-loaded expert and `b_i −= γ` for an over-loaded one, i.e.
/// `b_i += γ · sign(mean load − load_i)` (no change when exactly at the mean).
pub fn update_bias(bias: &mut [f64], loads: &[u32], gamma: f64) {
    if loads.is_empty() {
        return;
    }
    let mean = loads.iter().map(|&l| l as f64).sum::<f64>() / loads.len() as f64;
    for (b, &l) in bias.iter_mut().zip(loads) {
        let diff = mean - l as f64;
        if diff > 0.0 {
            *b += gamma;
        } else if diff < 0.0 {
            *b -= gamma;
        }
    }
}

/// Applies a per-expert capacity in arrival order: token 0's assignments first, then token
/// 1's, …; an assignment to an expert that already holds `capacity` tokens is dropped.
/// `experts` is tokens × k (row-major). Fills `kept` and `kept_loads`, returns the number of
/// dropped assignments. `None` keeps everything.
pub fn apply_capacity(
    experts: &[u16],
    capacity: Option<u32>,
    kept: &mut Vec<bool>,
    kept_loads: &mut [u32],
) -> u32 {
    kept.clear();
    kept_loads.iter_mut().for_each(|l| *l = 0);
    let cap = capacity.unwrap_or(u32::MAX);
    let mut dropped = 0;
    for &e in experts {
        let slot = &mut kept_loads[e as usize];
        if *slot < cap {
            *slot += 1;
            kept.push(true);
        } else {
            kept.push(false);
            dropped += 1;
        }
    }
    dropped
}
