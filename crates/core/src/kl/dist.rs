//! Categorical distributions from logits, and the two exact KL divergences.

/// `log softmax(logits)`, shifted by the maximum so no `exp` overflows.
pub fn log_softmax(logits: &[f64]) -> Vec<f64> {
    let m = logits.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let lse = m + logits.iter().map(|l| (l - m).exp()).sum::<f64>().ln();
    logits.iter().map(|l| l - lse).collect()
}

pub fn softmax(logits: &[f64]) -> Vec<f64> {
    log_softmax(logits).into_iter().map(f64::exp).collect()
}

/// `KL(p‖q) = Σ p·(log p − log q)`, from log-probabilities (terms with `p = 0` are 0).
pub fn kl(log_p: &[f64], log_q: &[f64]) -> f64 {
    log_p
        .iter()
        .zip(log_q)
        .map(|(lp, lq)| {
            let p = lp.exp();
            if p == 0.0 {
                0.0
            } else {
                p * (lp - lq)
            }
        })
        .sum()
}
