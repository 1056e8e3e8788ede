//! GRPO group explorer: one group of sampled responses and what GRPO, Dr. GRPO, DAPO, RLOO
//! and GSPO each make of it — advantages, token weights, the clipped surrogate, each
//! response's share of the loss, DAPO's overlong shaping and the chance of a group without
//! signal. The math is `explorables_core::grpo`; this module is the view.

mod chart;
mod controls;
mod explain;
mod table;

use crate::fmt::{set_param, values_json};
use crate::frame::WidgetFrame;
use crate::url_state::{url_state, UrlState};
use crate::WidgetEnv;
use explorables_core::grpo::{compute, GroupResult, GrpoParams};
use explorables_core::params::percent_encode;
use leptos::prelude::*;

/// The explorer's URL state, shared by the submodules.
pub(crate) type Params = RwSignal<GrpoParams>;
pub(crate) type Result = Memo<GroupResult>;
pub(crate) use crate::url_state::SetParam;

/// `list` (comma-separated) cut or padded with its last entry to `n` entries.
fn resize_list(list: &str, n: usize) -> String {
    let mut v: Vec<&str> = list.split(',').collect();
    let last = v.last().copied().unwrap_or("1");
    v.resize(n, last);
    v.join(",")
}

/// The query after an edit of `key`.
fn edited_query(p: &GrpoParams, key: &str, value: Option<&str>) -> String {
    let mut q = set_param(&p.to_query(), key, value);
    match key {
        // A new algorithm starts from its own clip range (GSPO's is 1000× narrower).
        "algo" => {
            q = set_param(&q, "eps_low", None);
            q = set_param(&q, "eps_high", None);
        }
        // A new group size: keep lengths and ratios in step with it.
        "rewards" => {
            let raw = value.unwrap_or_default();
            let g = GrpoParams::from_query(&format!("rewards={}", percent_encode(raw)))
                .0
                .g();
            let lengths = p.lengths.iter().map(u32::to_string).collect::<Vec<_>>();
            let ratios = p.ratios.iter().map(f64::to_string).collect::<Vec<_>>();
            q = set_param(&q, "lengths", Some(&resize_list(&lengths.join(","), g)));
            q = set_param(&q, "ratios", Some(&resize_list(&ratios.join(","), g)));
        }
        _ => {}
    }
    q
}

#[component]
pub fn GrpoLab(
    /// Initial URL parameters (`rewards=1,0,1,0&algo=dapo…`).
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
        GrpoParams::from_query,
        GrpoParams::to_query,
        edited_query,
    );
    let result: Result = Memo::new(move |_| params.with(compute));
    let export = Signal::derive(move || result.with(export_json));
    view! {
        <WidgetFrame name="grpo" lang params=query.into() notices=notices.into() export>
            <div class="grpo-lab">
                <controls::Controls params set lang />
                <table::GroupSummary result lang />
                <table::ResponseTable result lang />
                <div class="grpo-visuals">
                    <chart::SurrogateChart result env />
                    <chart::ZeroSignalChart result env />
                </div>
                <table::Outputs result lang />
                <explain::Explanation result lang />
            </div>
        </WidgetFrame>
    }
}

/// The Export panel: parameters and every exact value, as JSON.
fn export_json(r: &GroupResult) -> String {
    values_json(&r.params.to_query(), &r.data_values())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_keep_lists_in_step() {
        let p = GrpoParams::default();
        let q = edited_query(&p, "rewards", Some("1,0,0"));
        let (p2, n) = GrpoParams::from_query(&q);
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(p2.g(), 3);
        assert_eq!(p2.lengths.len(), 3);
        let q = edited_query(&p2, "algo", Some("gspo"));
        let (p3, n) = GrpoParams::from_query(&q);
        assert!(n.is_empty());
        assert_eq!((p3.eps_low, p3.eps_high), (3e-4, 4e-4));
        assert_eq!(resize_list("1,2", 4), "1,2,2,2");
        assert_eq!(resize_list("1,2,3", 1), "1");
    }

    #[test]
    fn export_is_json_shaped() {
        let r = compute(&GrpoParams::default());
        let j = export_json(&r);
        assert!(j.starts_with('{') && j.ends_with('}'));
        assert!(j.contains("\"advantages\""));
    }
}
