//! Exact values for `data-value` attributes: comma-separated in response order, Rust's
//! round-trippable `{}` formatting of `f64` (never an exponent; `NaN` cannot occur for
//! parsed params).
//!
//! | key                  | value                                               |
//! |----------------------|-----------------------------------------------------|
//! | `advantages`         | `A_i`                                               |
//! | `token-weights`      | weight of each token of response `i`                |
//! | `sequence-weights`   | token weight × length `L_i`                         |
//! | `surrogate`          | clipped surrogate at `ρ_i`                          |
//! | `clipped`            | `1` where the clip is active (zero gradient), else `0` |
//! | `loss-contributions` | response `i`'s share of the loss                    |
//! | `loss`               | their sum (one number)                              |
//! | `length-rewards`     | DAPO's `R_len(L_i)`                                 |
//! | `effective-rewards`  | the rewards the advantages come from                |
//! | `zero-signal-prob`   | `p^G + (1 − p)^G` (one number)                      |
//! | `all-equal`          | `1` if every reward is equal, else `0`              |

use super::result::GroupResult;
use crate::params::list::join_f64 as join;

fn flags(v: impl Iterator<Item = bool>) -> String {
    v.map(|b| if b { "1" } else { "0" })
        .collect::<Vec<_>>()
        .join(",")
}

impl GroupResult {
    /// `(data-key, data-value)` pairs, see the module docs.
    pub fn data_values(&self) -> Vec<(&'static str, String)> {
        let surr: Vec<f64> = self.surrogates.iter().map(|s| s.value).collect();
        vec![
            ("advantages", join(&self.advantages)),
            ("token-weights", join(&self.token_weights)),
            ("sequence-weights", join(&self.sequence_weights)),
            ("surrogate", join(&surr)),
            ("clipped", flags(self.surrogates.iter().map(|s| s.clipped))),
            ("loss-contributions", join(&self.loss_contributions)),
            ("loss", self.loss().to_string()),
            ("length-rewards", join(&self.length_rewards)),
            ("effective-rewards", join(&self.effective_rewards)),
            ("zero-signal-prob", self.zero_signal_prob.to_string()),
            ("all-equal", flags(std::iter::once(self.all_equal))),
        ]
    }

    /// One value by key (`None` for an unknown key).
    pub fn data_value(&self, key: &str) -> Option<String> {
        self.data_values()
            .into_iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v)
    }
}
