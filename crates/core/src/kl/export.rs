//! Exact values for `data-value` attributes, Rust's round-trippable `{}` formatting; lists
//! are comma-separated in action (logit) order.
//!
//! | key                                       | value                                   |
//! |-------------------------------------------|-----------------------------------------|
//! | `pi-theta`, `pi-ref`                      | the two distributions                   |
//! | `kl-forward`, `kl-reverse`                | `KL(π_θ‖π_ref)`, `KL(π_ref‖π_θ)`        |
//! | `k1`, `k2`, `k3`                          | exact expectation under `π_θ`           |
//! | `k1-std`, `k2-std`, `k3-std`              | exact std of one sample                 |
//! | `grad-kl-forward`, `grad-kl-reverse`      | true gradients w.r.t. θ                 |
//! | `grad-k{1,2,3}-reward`                    | expected gradient, estimator in reward  |
//! | `grad-k{1,2,3}-loss`                      | expected gradient, estimator as a loss  |
//! | `mc-n`, `mc-counts`                       | draws, and draws per action             |
//! | `mc-k{1,2,3}`, `mc-k{1,2,3}-std`          | sample mean and sample std              |
//! | `mc-grad-k{1,2,3}-reward`, `…-loss`       | sample-mean gradient estimates          |

use super::result::KlResult;
use crate::params::list::join_f64 as join;

/// Keys per estimator (k1, k2, k3).
const MEAN: [&str; 3] = ["k1", "k2", "k3"];
const STD: [&str; 3] = ["k1-std", "k2-std", "k3-std"];
const GRAD_REWARD: [&str; 3] = ["grad-k1-reward", "grad-k2-reward", "grad-k3-reward"];
const GRAD_LOSS: [&str; 3] = ["grad-k1-loss", "grad-k2-loss", "grad-k3-loss"];
const MC_MEAN: [&str; 3] = ["mc-k1", "mc-k2", "mc-k3"];
const MC_STD: [&str; 3] = ["mc-k1-std", "mc-k2-std", "mc-k3-std"];
const MC_GRAD_REWARD: [&str; 3] = [
    "mc-grad-k1-reward",
    "mc-grad-k2-reward",
    "mc-grad-k3-reward",
];
const MC_GRAD_LOSS: [&str; 3] = ["mc-grad-k1-loss", "mc-grad-k2-loss", "mc-grad-k3-loss"];

impl KlResult {
    /// `(data-key, data-value)` pairs, see the module docs.
    pub fn data_values(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![
            ("pi-theta", join(&self.pi_theta)),
            ("pi-ref", join(&self.pi_ref)),
            ("kl-forward", self.kl_forward.to_string()),
            ("kl-reverse", self.kl_reverse.to_string()),
        ];
        for e in 0..3 {
            out.push((MEAN[e], self.moments[e].mean.to_string()));
            out.push((STD[e], self.moments[e].std.to_string()));
        }
        out.push(("grad-kl-forward", join(&self.grad_kl_forward)));
        out.push(("grad-kl-reverse", join(&self.grad_kl_reverse)));
        for e in 0..3 {
            out.push((GRAD_REWARD[e], join(&self.grad_reward[e])));
            out.push((GRAD_LOSS[e], join(&self.grad_loss[e])));
        }
        let mc = &self.mc;
        out.push(("mc-n", mc.n.to_string()));
        let counts: Vec<String> = mc.counts.iter().map(u32::to_string).collect();
        out.push(("mc-counts", counts.join(",")));
        for e in 0..3 {
            out.push((MC_MEAN[e], mc.mean[e].to_string()));
            out.push((MC_STD[e], mc.std[e].to_string()));
            out.push((MC_GRAD_REWARD[e], join(&mc.grad_reward[e])));
            out.push((MC_GRAD_LOSS[e], join(&mc.grad_loss[e])));
        }
        out
    }

    /// One value by key (`None` for an unknown key).
    pub fn data_value(&self, key: &str) -> Option<String> {
        self.data_values()
            .into_iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v)
    }
}
