//! How each algorithm averages the per-token terms into one loss: the weight every token of
//! response `i` gets, i.e. the coefficient of `∇log π(o_{i,t})` in the gradient at `ρ = 1`.

use super::Algo;

/// The aggregation coefficient `c_i` of response `i` (token weight = `c_i·A_i`):
///
/// - GRPO (arXiv:2402.03300 §4.1): mean over the response's tokens, then over the group:
///   `1 / (G·|o_i|)`. A long response's tokens count less, per token, than a short one's.
/// - Dr. GRPO (arXiv:2503.20783): `1 / (G·max_len)`, the same for every token, which
///   removes that length bias.
/// - DAPO (arXiv:2503.14476 §3.3, token-level policy gradient loss): `1 / Σ_j |o_j|`, one
///   mean over all tokens of the group.
/// - RLOO (arXiv:2402.14740): the whole response is one action, `log π(o_i) = Σ_t log
///   π(o_{i,t})`, averaged over the group: `1 / G`.
/// - GSPO (arXiv:2507.18071): the sequence weighs `1/G`, spread over its tokens by
///   the length-normalised sequence ratio: `1 / (G·|o_i|)`.
///
/// `lengths` must be ≥ 1 and `max_len` ≥ 1 (the parser guarantees both).
pub fn coefficients(algo: Algo, lengths: &[u32], max_len: u32) -> Vec<f64> {
    let g = lengths.len() as f64;
    let total: f64 = lengths.iter().map(|&l| l as f64).sum();
    lengths
        .iter()
        .map(|&l| match algo {
            Algo::Grpo | Algo::Gspo => 1.0 / (g * l as f64),
            Algo::DrGrpo => 1.0 / (g * max_len as f64),
            Algo::Dapo => 1.0 / total,
            Algo::Rloo => 1.0 / g,
        })
        .collect()
}

/// The weight of each token of each response: `c_i·A_i` (see [`coefficients`]).
pub fn token_weights(algo: Algo, advantages: &[f64], lengths: &[u32], max_len: u32) -> Vec<f64> {
    coefficients(algo, lengths, max_len)
        .iter()
        .zip(advantages)
        .map(|(c, a)| c * a)
        .collect()
}
