//! Everything the explorer shows about one group under one algorithm.

use super::advantage::{advantages, all_equal};
use super::clip::{surrogate, Surrogate};
use super::shaping::{overlong_reward, zero_signal_prob};
use super::weights::coefficients;
use super::{Algo, GrpoParams};

/// Per-response values, in response order.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupResult {
    pub params: GrpoParams,
    /// DAPO's overlong shaping `R_len(|o_i|)` (computed for every algorithm; only DAPO adds
    /// it to the reward).
    pub length_rewards: Vec<f64>,
    /// The rewards the advantages are computed from: `r_i + R_len` for DAPO, `r_i` otherwise.
    pub effective_rewards: Vec<f64>,
    pub advantages: Vec<f64>,
    /// Weight of each token of response `i`: `c_i·A_i` (see [`super::weights`]).
    pub token_weights: Vec<f64>,
    /// Weight of the whole response: token weight × `|o_i|`.
    pub sequence_weights: Vec<f64>,
    /// The clipped surrogate of one token of response `i` at its ratio (for GSPO: of the
    /// sequence, at the sequence ratio).
    pub surrogates: Vec<Surrogate>,
    /// `−c_i·|o_i|·surrogate_i`: response `i`'s share of the loss (which is minimised). They
    /// sum to [`GroupResult::loss`].
    pub loss_contributions: Vec<f64>,
    /// The task rewards are all equal: no signal, and DAPO's dynamic sampling drops the group.
    pub all_equal: bool,
    /// `p^G + (1 − p)^G` for this G and the `p` parameter.
    pub zero_signal_prob: f64,
}

impl GroupResult {
    pub fn loss(&self) -> f64 {
        self.loss_contributions.iter().sum()
    }

    /// DAPO's dynamic sampling would resample instead of training on this group.
    pub fn dropped_by_dynamic_sampling(&self) -> bool {
        self.params.algo == Algo::Dapo && self.all_equal
    }
}

/// Computes every per-response value of the group (`p` must be in range, as
/// [`GrpoParams::from_pairs`] leaves it; mismatched list lengths are cut to the shortest).
pub fn compute(p: &GrpoParams) -> GroupResult {
    let length_rewards: Vec<f64> = p
        .lengths
        .iter()
        .map(|&l| overlong_reward(l, p.max_len, p.cache))
        .collect();
    let effective_rewards: Vec<f64> = if p.algo == Algo::Dapo {
        p.rewards
            .iter()
            .zip(&length_rewards)
            .map(|(r, l)| r + l)
            .collect()
    } else {
        p.rewards.clone()
    };
    let adv = advantages(p.algo, &effective_rewards, p.std, p.eps_std);
    let coef = coefficients(p.algo, &p.lengths, p.max_len);
    let surrogates: Vec<Surrogate> = p
        .ratios
        .iter()
        .zip(&adv)
        .map(|(&rho, &a)| surrogate(rho, a, p.eps_low, p.eps_high))
        .collect();
    let n = adv.len().min(coef.len()).min(surrogates.len());
    let per = |f: &dyn Fn(usize) -> f64| (0..n).map(f).collect::<Vec<f64>>();
    GroupResult {
        token_weights: per(&|i| coef[i] * adv[i]),
        sequence_weights: per(&|i| coef[i] * adv[i] * p.lengths[i] as f64),
        loss_contributions: per(&|i| -coef[i] * p.lengths[i] as f64 * surrogates[i].value),
        all_equal: all_equal(&p.rewards),
        zero_signal_prob: zero_signal_prob(p.p, p.g()),
        length_rewards,
        effective_rewards,
        advantages: adv,
        surrogates,
        params: p.clone(),
    }
}
