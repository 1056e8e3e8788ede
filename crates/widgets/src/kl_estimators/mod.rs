//! KL estimator explorer: two categorical distributions π_θ = softmax(θ) and
//! π_ref = softmax(ref), both exact KLs, Schulman's k1/k2/k3 (exact moments and a seeded
//! Monte-Carlo run) and — what interviews ask — the expected gradient each estimator gives
//! when it is put in the reward or used as a loss, next to the true gradients of both KLs.
//! The math is `explorables_core::kl`; this module is the view.

mod controls;
mod figures;
mod tables;

use crate::fmt::{set_param, values_json};
use crate::frame::WidgetFrame;
use crate::url_state::{url_state, UrlState};
use crate::WidgetEnv;
use explorables_core::kl::{compute, KlParams, KlResult, MAX_ACTIONS};
use explorables_core::params::list::join_f64;
use leptos::prelude::*;

pub(crate) type Params = RwSignal<KlParams>;
pub(crate) type Result = Memo<KlResult>;
pub(crate) use crate::url_state::SetParam;

/// `v` cut, or padded with zeros, to `n` entries.
fn resized(v: &[f64], n: usize) -> String {
    let mut v = v.to_vec();
    v.resize(n, 0.0);
    join_f64(&v)
}

/// The query after an edit of `key`.
fn edited_query(p: &KlParams, key: &str, value: Option<&str>) -> String {
    let mut q = set_param(&p.to_query(), key, value);
    match key {
        "preset" => {
            q = set_param(&q, "theta", None);
            q = set_param(&q, "ref", None);
        }
        // Logits: the other list follows the new number of actions, as custom logits.
        "theta" | "ref" => {
            let raw = value.unwrap_or_default();
            let n = raw.split(',').count().clamp(1, MAX_ACTIONS);
            let (other_key, other) = if key == "theta" {
                ("ref", &p.reference)
            } else {
                ("theta", &p.theta)
            };
            let other = if other.len() == n {
                join_f64(other)
            } else {
                resized(other, n)
            };
            q = set_param(&q, "preset", None);
            q = set_param(&q, other_key, Some(&other));
            if key == "ref" {
                // Keep theta before ref in the link.
                q = set_param(&q, "ref", value);
            }
        }
        _ => {}
    }
    q
}

#[component]
pub fn KlEstimatorsLab(
    /// Initial URL parameters (`preset=far&samples=1000&seed=42`, or `theta=…&ref=…`).
    initial: String,
    env: WidgetEnv,
    /// Receives the state as URL parameters whenever it changes.
    on_params: Option<Callback<String>>,
) -> impl IntoView {
    let lang = env.lang;
    let UrlState {
        params,
        notices,
        query,
        set,
    } = url_state(
        &initial,
        on_params,
        KlParams::from_query,
        KlParams::to_query,
        edited_query,
    );
    let result: Result = Memo::new(move |_| params.with(compute));
    let export = Signal::derive(move || {
        result.with(|r| values_json(&r.params.to_query(), &r.data_values()))
    });
    view! {
        <WidgetFrame name="kl-estimators" lang params=query.into() notices=notices.into() export>
            <div class="kl-lab">
                <controls::Controls params set lang />
                <figures::Bars result lang />
                <tables::Headline result lang />
                <tables::EstimatorTable result lang />
                <tables::GradientTable result lang />
                <figures::Explanation lang />
            </div>
        </WidgetFrame>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_keep_logits_in_step() {
        let p = KlParams::default();
        let (p2, n) = KlParams::from_query(&edited_query(&p, "theta", Some("0,1,2,3")));
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(p2.theta, vec![0.0, 1.0, 2.0, 3.0]);
        assert_eq!(p2.reference.len(), 4);
        assert_eq!(p2.preset, "custom");
        let (p3, n) = KlParams::from_query(&edited_query(&p2, "preset", Some("far")));
        assert!(n.is_empty());
        assert_eq!(p3.preset, "far");
        let (p4, _) = KlParams::from_query(&edited_query(&p3, "ref", Some("1,1")));
        assert_eq!(p4.theta.len(), 2);
        assert_eq!(p4.reference, vec![1.0, 1.0]);
    }
}
