//! Each panel's read-outs as exact strings for `data-value` (and tests): numbers in Rust's
//! shortest round-trip `{}` form, lists comma-separated without spaces.
//!
//! | panel       | keys                                                                        |
//! |-------------|-----------------------------------------------------------------------------|
//! | `pass-at-k` | `pass-at-k`, `pass-at-k-naive`, `pass-hat-k`; curves over k = 1..=n:        |
//! |             | `pass-at-k-curve`, `pass-at-k-naive-curve`, `pass-hat-k-curve`              |
//! | `majority`  | `maj-at-k`, `oracle-at-k` (best-of-k with a perfect verifier), curves over  |
//! |             | k = 1..=64: `maj-at-k-curve`, `oracle-at-k-curve`; `answers` (normalised);  |
//! |             | `majority-answer`, `best-of-n-answer`, `weighted-answer` (labels)           |
//! | `budget`    | `allocation`, `expected-solved`, `uniform-allocation`,                      |
//! |             | `uniform-expected-solved`                                                   |
//! | `bon-kl`    | `bon-kl` (nats)                                                             |

use super::bon::bon_kl;
use super::budget::{expected_solved, optimal_allocation, uniform_allocation};
use super::params::{BonParams, BudgetParams, MajParams, Panel, PassKParams, TtsParams};
use super::passk::{pass_at_k, pass_at_k_naive, pass_curves, pass_hat_k, PassCurves};
use super::vote::{maj_at_k_curve, oracle_at_k, pick, Picks};
use super::MAX_VOTE_K;
use crate::params::list::join_f64;

/// `key → data-value` pairs of one panel, in display order.
pub type Values = Vec<(&'static str, String)>;

fn join_u32(v: &[u32]) -> String {
    v.iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// The pass@k panel's numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct PassKView {
    pub pass_at_k: f64,
    pub naive: f64,
    pub hat: f64,
    pub curves: PassCurves,
}

impl PassKView {
    pub fn new(p: &PassKParams) -> PassKView {
        PassKView {
            pass_at_k: pass_at_k(p.n, p.c, p.k),
            naive: pass_at_k_naive(p.n, p.c, p.k),
            hat: pass_hat_k(p.n, p.c, p.k),
            curves: pass_curves(p.n, p.c),
        }
    }

    pub fn values(&self) -> Values {
        vec![
            ("pass-at-k", self.pass_at_k.to_string()),
            ("pass-at-k-naive", self.naive.to_string()),
            ("pass-hat-k", self.hat.to_string()),
            ("pass-at-k-curve", join_f64(&self.curves.unbiased)),
            ("pass-at-k-naive-curve", join_f64(&self.curves.naive)),
            ("pass-hat-k-curve", join_f64(&self.curves.hat)),
        ]
    }
}

/// The majority-vote panel's numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct MajView {
    pub maj_at_k: f64,
    pub oracle_at_k: f64,
    /// k = 1..=[`MAX_VOTE_K`].
    pub maj_curve: Vec<f64>,
    pub oracle_curve: Vec<f64>,
    pub answers: Vec<f64>,
    /// `None` only for an empty sample list (the parser never produces one).
    pub picks: Option<Picks>,
}

impl MajView {
    pub fn new(p: &MajParams) -> MajView {
        let maj_curve = maj_at_k_curve(&p.answers, MAX_VOTE_K);
        let p0 = p.answers.first().copied().unwrap_or(0.0);
        let oracle_curve: Vec<f64> = (1..=MAX_VOTE_K).map(|k| oracle_at_k(p0, k)).collect();
        let at = |c: &[f64]| c.get(p.k as usize - 1).copied().unwrap_or(0.0);
        MajView {
            maj_at_k: at(&maj_curve),
            oracle_at_k: at(&oracle_curve),
            maj_curve,
            oracle_curve,
            answers: p.answers.clone(),
            picks: pick(&p.samples),
        }
    }

    pub fn values(&self) -> Values {
        let label = |f: fn(&Picks) -> &str| self.picks.as_ref().map_or("", f).to_string();
        vec![
            ("maj-at-k", self.maj_at_k.to_string()),
            ("oracle-at-k", self.oracle_at_k.to_string()),
            ("maj-at-k-curve", join_f64(&self.maj_curve)),
            ("oracle-at-k-curve", join_f64(&self.oracle_curve)),
            ("answers", join_f64(&self.answers)),
            ("majority-answer", label(Picks::majority_answer)),
            ("best-of-n-answer", label(Picks::best_of_n_answer)),
            ("weighted-answer", label(Picks::weighted_answer)),
        ]
    }
}

/// The budget panel's numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetView {
    pub allocation: Vec<u32>,
    pub expected: f64,
    pub uniform: Vec<u32>,
    pub uniform_expected: f64,
}

impl BudgetView {
    pub fn new(b: &BudgetParams) -> BudgetView {
        let allocation = optimal_allocation(&b.p, b.budget);
        let uniform = uniform_allocation(b.p.len(), b.budget);
        BudgetView {
            expected: expected_solved(&b.p, &allocation),
            uniform_expected: expected_solved(&b.p, &uniform),
            allocation,
            uniform,
        }
    }

    pub fn values(&self) -> Values {
        vec![
            ("allocation", join_u32(&self.allocation)),
            ("expected-solved", self.expected.to_string()),
            ("uniform-allocation", join_u32(&self.uniform)),
            ("uniform-expected-solved", self.uniform_expected.to_string()),
        ]
    }
}

/// The best-of-N drift panel's number.
pub fn bon_values(b: &BonParams) -> Values {
    vec![("bon-kl", bon_kl(b.n).to_string())]
}

/// The read-outs of the panel the state shows.
pub fn values(t: &TtsParams) -> Values {
    match t.panel {
        Panel::PassAtK => PassKView::new(&t.pass_k).values(),
        Panel::Majority => MajView::new(&t.majority).values(),
        Panel::Budget => BudgetView::new(&t.budget).values(),
        Panel::BonKl => bon_values(&t.bon),
    }
}

/// Looks one key up in a panel's values.
pub fn value<'a>(values: &'a Values, key: &str) -> Option<&'a str> {
    values
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.as_str())
}
