//! The widget's read-outs as exact strings for `data-value`: numbers in Rust's shortest
//! round-trip `{}` form, lists comma-separated without spaces, in input (token) order.
//!
//! | key            | value                                                            |
//! |----------------|------------------------------------------------------------------|
//! | `probs`        | final distribution, 0 for a removed token                        |
//! | `kept`         | number of tokens that survived every step                        |
//! | `kept-indices` | their 0-based indices                                            |
//! | `entropy`      | entropy of `probs` in nats                                       |
//! | `order`        | the engine's steps, e.g. `temperature,top-k,top-p,min-p`         |
//! | `start-probs`  | softmax of the raw logits                                        |
//! | `histogram`    | counts of [`DRAWS`] seeded draws from `probs`                   |

use super::draw::histogram;
use super::engine::SamplingRun;
use super::params::SamplingParams;
use super::DRAWS;
use crate::params::list::join_f64;

/// `key → data-value` pairs in display order.
pub fn values(p: &SamplingParams, r: &SamplingRun) -> Vec<(&'static str, String)> {
    let kept: Vec<String> = (0..r.kept.len())
        .filter(|&i| r.kept[i])
        .map(|i| i.to_string())
        .collect();
    let hist: Vec<String> = histogram(&r.probs, DRAWS, p.seed as u64)
        .iter()
        .map(|c| c.to_string())
        .collect();
    let order: Vec<&str> = r.steps.iter().map(|s| s.kind.code()).collect();
    vec![
        ("probs", join_f64(&r.probs)),
        ("kept", r.kept_count().to_string()),
        ("kept-indices", kept.join(",")),
        ("entropy", r.entropy.to_string()),
        ("order", order.join(",")),
        ("start-probs", join_f64(&r.start)),
        ("histogram", hist.join(",")),
    ]
}
