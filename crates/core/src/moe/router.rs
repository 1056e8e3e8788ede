//! The router of one MoE layer: scores, group limit, top-k and gate weights.
//!
//! For a token with router logits `z_i` (one per routed expert):
//!
//! 1. **Score.** `softmax`: `s_i = exp(z_i) / Σ_j exp(z_j)` over all `N` experts (Switch,
//!    Mixtral, Qwen3). `sigmoid`: `s_i = σ(z_i)`, independently per expert (DeepSeek-V3
//!    §2.1.2, eq. 15; Llama 4, Kimi K2).
//! 2. **Choice score.** `c_i = s_i + b_i`. The bias `b_i` of the auxiliary-loss-free scheme is
//!    used *only* for choosing (DeepSeek-V3 eq. 16; HF `modeling_deepseek.py`,
//!    `scores_for_choice = scores + e_score_correction_bias`); it is 0 otherwise.
//! 3. **Group limit** (`groups > 1`). Experts `g·G .. (g+1)·G` form group `g`. A group's score
//!    is the sum of its two largest choice scores (HF `noaux_tc`:
//!    `scores_for_choice.view(…, n_group, -1).topk(2)[0].sum(-1)`; one score if a group has a
//!    single expert). The `topk_groups` best groups are kept; experts of the other groups
//!    cannot be chosen (we exclude them outright, as the current HF code does with `-inf`).
//! 4. **Top-k** of `c_i` among the allowed experts. Ties go to the lower index, so the result
//!    is a total order and reproducible.
//! 5. **Gate weights** come from the *unbiased* scores of the chosen experts:
//!    `g_i = s_i / Σ_{j∈topk} s_j` when `norm_topk`, else `g_i = s_i`; then
//!    `× routed_scaling` (DeepSeek-V3: 2.5). For softmax this renormalised weight equals
//!    Mixtral's `softmax(TopK(z))`: softmax is monotonic, so the top-k of `z` and of `s`
//!    coincide, and `exp(z_i)/Σ_topk exp(z_j) = s_i/Σ_topk s_j`.

use super::{MoeConfig, Scoring};
use std::ops::Range;

/// Routing settings taken from a (sanitised) config.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Spec {
    pub n: usize,
    pub k: usize,
    pub group_size: usize,
    pub groups: usize,
    pub topk_groups: usize,
    pub scoring: Scoring,
    pub norm_topk: bool,
    pub scaling: f64,
}

impl Spec {
    pub fn new(cfg: &MoeConfig) -> Spec {
        let n = cfg.experts.max(1) as usize;
        let groups = (cfg.groups.max(1) as usize).min(n);
        let groups = if n.is_multiple_of(groups) { groups } else { 1 };
        let k = (cfg.k.max(1) as usize).min(n);
        let group_size = n / groups;
        Spec {
            n,
            k,
            group_size,
            groups,
            // Enough groups to hold k experts, whatever the caller asked for.
            topk_groups: (cfg.topk_groups as usize).clamp(k.div_ceil(group_size), groups),
            scoring: cfg.scoring,
            norm_topk: cfg.norm_topk,
            scaling: if cfg.routed_scaling.is_finite() && cfg.routed_scaling >= 0.0 {
                cfg.routed_scaling
            } else {
                1.0
            },
        }
    }
}

/// Reusable buffers for the group step.
#[derive(Clone, Debug, Default)]
pub(crate) struct Scratch {
    pub group_scores: Vec<f64>,
    pub group_pick: Vec<u16>,
    pub group_order: Vec<u16>,
}

/// Writes the scores `s_i` for `logits` into `out` (numerically stable softmax).
pub(crate) fn score_into(scoring: Scoring, logits: &[f64], out: &mut [f64]) {
    match scoring {
        Scoring::Sigmoid => {
            for (o, &z) in out.iter_mut().zip(logits) {
                *o = 1.0 / (1.0 + (-z).exp());
            }
        }
        Scoring::Softmax => {
            let max = logits.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let mut sum = 0.0;
            for (o, &z) in out.iter_mut().zip(logits) {
                *o = (z - max).exp();
                sum += *o;
            }
            let inv = 1.0 / sum;
            for o in out.iter_mut() {
                *o *= inv;
            }
        }
    }
}

/// Merges `values[range]` into `out`, the running top-`k` (best first) of everything offered
/// so far. Offering ranges in ascending index order makes ties go to the lower index.
pub(crate) fn offer_top_k(values: &[f64], k: usize, range: Range<usize>, out: &mut Vec<u16>) {
    if k == 0 {
        return;
    }
    // Value of the current k-th best; anything not strictly above it cannot enter (an equal
    // value comes later in index order and so loses the tie).
    let mut threshold = if out.len() == k {
        values[out[k - 1] as usize]
    } else {
        f64::NEG_INFINITY
    };
    for (i, &v) in values[range.clone()].iter().enumerate() {
        let full = out.len() == k;
        if full && v <= threshold {
            continue;
        }
        let pos = out
            .iter()
            .position(|&j| v > values[j as usize])
            .unwrap_or(out.len());
        if full {
            out.pop();
        }
        out.insert(pos, (range.start + i) as u16);
        if out.len() == k {
            threshold = values[out[k - 1] as usize];
        }
    }
}

/// Indices of the `k` largest `values`, best first; ties → lower index.
pub(crate) fn top_k_into(values: &[f64], k: usize, out: &mut Vec<u16>) {
    out.clear();
    offer_top_k(values, k, 0..values.len(), out);
}

/// Chooses the top-k experts for one token from its choice scores `c_i` (step 3 and 4).
pub(crate) fn select_into(spec: &Spec, choice: &[f64], scratch: &mut Scratch, out: &mut Vec<u16>) {
    if spec.groups <= 1 {
        top_k_into(choice, spec.k, out);
        return;
    }
    let gs = spec.group_size;
    scratch.group_scores.clear();
    for members in choice.chunks_exact(gs) {
        let (mut a, mut b) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
        for &v in members {
            if v > a {
                b = a;
                a = v;
            } else if v > b {
                b = v;
            }
        }
        scratch.group_scores.push(if gs >= 2 { a + b } else { a });
    }
    top_k_into(
        &scratch.group_scores,
        spec.topk_groups,
        &mut scratch.group_pick,
    );
    // Offer the kept groups' experts in ascending index order (for the tie rule).
    scratch.group_order.clear();
    scratch.group_order.extend_from_slice(&scratch.group_pick);
    scratch.group_order.sort_unstable();
    out.clear();
    for &g in &scratch.group_order {
        let g = g as usize;
        offer_top_k(choice, spec.k, g * gs..(g + 1) * gs, out);
    }
}

/// Gate weights of the chosen experts from the unbiased scores (step 5).
pub(crate) fn weights_into(spec: &Spec, scores: &[f64], chosen: &[u16], out: &mut [f64]) {
    let mut sum = 0.0;
    for (w, &e) in out.iter_mut().zip(chosen) {
        *w = scores[e as usize];
        sum += *w;
    }
    let norm = if !spec.norm_topk {
        1.0
    } else if sum > 0.0 {
        1.0 / sum
    } else {
        // Every chosen score underflowed to 0: share equally rather than divide by zero.
        for w in out.iter_mut() {
            *w = 1.0;
        }
        1.0 / chosen.len().max(1) as f64
    };
    for w in out.iter_mut() {
        *w *= norm * spec.scaling;
    }
}
