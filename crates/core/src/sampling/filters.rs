//! The four steps on a set of logits, each a plain function of the tokens still in play.
//!
//! State: the (possibly temperature-scaled) logits and a `kept` mask. A step only ever
//! removes tokens (and temperature rescales); the distribution of a state is the softmax
//! over the kept tokens, computed after subtracting the largest kept logit so ±1000 at a tiny
//! temperature gives 0 and 1, never NaN.

use super::GREEDY_BELOW;

/// Softmax over the kept tokens; removed tokens get exactly 0. All-removed gives all zeros.
pub fn softmax_kept(logits: &[f64], kept: &[bool]) -> Vec<f64> {
    let max = logits
        .iter()
        .zip(kept)
        .filter(|(_, &k)| k)
        .map(|(&l, _)| l)
        .fold(f64::NEG_INFINITY, f64::max);
    if max == f64::NEG_INFINITY {
        return vec![0.0; logits.len()];
    }
    let e: Vec<f64> = logits
        .iter()
        .zip(kept)
        .map(|(&l, &k)| if k { (l - max).exp() } else { 0.0 })
        .collect();
    let sum: f64 = e.iter().sum();
    e.iter().map(|x| x / sum).collect()
}

/// Entropy in nats (0·ln 0 = 0).
pub fn entropy(probs: &[f64]) -> f64 {
    -probs
        .iter()
        .filter(|&&p| p > 0.0)
        .map(|&p| p * p.ln())
        .sum::<f64>()
}

/// Index of the largest kept logit, the lowest index among equals.
pub fn argmax_kept(logits: &[f64], kept: &[bool]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, (&l, &k)) in logits.iter().zip(kept).enumerate() {
        if k && best.is_none_or(|b| l > logits[b]) {
            best = Some(i);
        }
    }
    best
}

/// Kept token indices sorted by logit, largest first, lower index first among equals.
fn ranked(logits: &[f64], kept: &[bool]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..logits.len()).filter(|&i| kept[i]).collect();
    idx.sort_by(|&a, &b| logits[b].total_cmp(&logits[a]).then(a.cmp(&b)));
    idx
}

/// Divides the logits by `t`; below [`GREEDY_BELOW`] keeps only the arg-max instead.
pub fn temperature(logits: &mut [f64], kept: &mut [bool], t: f64) {
    if t < GREEDY_BELOW {
        let top = argmax_kept(logits, kept);
        for (i, k) in kept.iter_mut().enumerate() {
            *k &= Some(i) == top;
        }
    } else {
        for l in logits.iter_mut() {
            *l /= t;
        }
    }
}

/// Keeps the `k` largest logits (`k = 0`: off). With `keep_ties`, every token equal to the
/// k-th largest logit stays too (transformers and vLLM compare against the k-th value);
/// without, exactly `k` stay, lower index first (llama.cpp truncates a sorted list).
pub fn top_k(logits: &[f64], kept: &mut [bool], k: usize, keep_ties: bool) {
    let order = ranked(logits, kept);
    if k == 0 || k >= order.len() {
        return;
    }
    let kth = logits[order[k - 1]];
    for (rank, &i) in order.iter().enumerate() {
        if rank >= k && !(keep_ties && logits[i] == kth) {
            kept[i] = false;
        }
    }
}

/// Nucleus: walking the kept tokens from most to least likely (lower index first among
/// equals), keeps a token while the mass before it is below `p`, so at least one stays.
/// `p ≥ 1` is off. This is the rule of all three engines (transformers removes where the
/// ascending cumulative sum is ≤ 1 − p, vLLM likewise, llama.cpp stops once the descending
/// cumulative sum reaches p).
pub fn top_p(logits: &[f64], kept: &mut [bool], p: f64) {
    if p >= 1.0 {
        return;
    }
    let probs = softmax_kept(logits, kept);
    let mut order: Vec<usize> = (0..logits.len()).filter(|&i| kept[i]).collect();
    order.sort_by(|&a, &b| probs[b].total_cmp(&probs[a]).then(a.cmp(&b)));
    let mut before = 0.0;
    for (rank, &i) in order.iter().enumerate() {
        if rank > 0 && before >= p {
            kept[i] = false;
        }
        before += probs[i];
    }
}

/// Keeps tokens with probability ≥ `min_p` × the largest probability (`min_p = 0`: off).
/// The ratio p_i / p_max = exp(l_i − l_max) does not depend on renormalisation, but it does
/// depend on temperature — which is why the engines' orders differ here.
pub fn min_p(logits: &[f64], kept: &mut [bool], min_p: f64) {
    if min_p <= 0.0 {
        return;
    }
    let Some(top) = argmax_kept(logits, kept) else {
        return;
    };
    let max = logits[top];
    for (i, k) in kept.iter_mut().enumerate() {
        if *k && (logits[i] - max).exp() < min_p {
            *k = false;
        }
    }
}
