//! Next-token sampling: one distribution through temperature, top-k, top-p and min-p in the
//! order an engine (transformers, vLLM, llama.cpp) applies them, every step drawn with the
//! tokens it removed greyed, and a seeded 1000-draw histogram next to the exact distribution.
//! The math is `explorables_core::sampling`; this module is the view.

mod bars;
mod controls;
mod tables;

use crate::fmt::{set_param, values_json};
use crate::frame::WidgetFrame;
use crate::url_state::{url_state, UrlState};
use crate::WidgetEnv;
use explorables_core::params::percent_encode;
use explorables_core::sampling::export::values;
use explorables_core::sampling::{run, SamplingParams, SamplingRun};
use leptos::prelude::*;

pub(crate) type Params = RwSignal<SamplingParams>;
pub(crate) type Run = Memo<SamplingRun>;
pub(crate) use crate::url_state::SetParam;

/// The query after an edit of `key`.
fn edited_query(p: &SamplingParams, key: &str, value: Option<&str>) -> String {
    let mut q = set_param(&p.to_query(), key, value);
    match key {
        "preset" => {
            q = set_param(&q, "logits", None);
            q = set_param(&q, "labels", None);
        }
        // New logits: the labels follow the new number of tokens (kept where they exist).
        "logits" => {
            let raw = value.unwrap_or_default();
            let n = SamplingParams::from_query(&format!("logits={}", percent_encode(raw)))
                .0
                .logits
                .len();
            let labels: Vec<String> = (0..n)
                .map(|i| {
                    p.labels
                        .get(i)
                        .cloned()
                        .unwrap_or_else(|| format!("#{}", i + 1))
                })
                .collect();
            q = set_param(&q, "preset", None);
            q = set_param(&q, "labels", Some(&labels.join(",")));
        }
        _ => {}
    }
    q
}

#[component]
pub fn SamplingLab(
    /// Initial URL parameters (`logits=2,1,0.5,0&temperature=2&top_p=0.75&order=hf`, …).
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
        SamplingParams::from_query,
        SamplingParams::to_query,
        edited_query,
    );
    let result: Run = Memo::new(move |_| params.with(run));
    // The 1000-draw histogram appears once the reader asks for it.
    let sampled = RwSignal::new(false);
    let export = Signal::derive(move || {
        params.with(|p| result.with(|r| values_json(&p.to_query(), &values(p, r))))
    });
    view! {
        <WidgetFrame name="sampling" lang params=query.into() notices=notices.into() export>
            <div class="smp-lab">
                <controls::Controls params set lang sampled />
                <bars::Steps params result lang />
                <tables::Outputs params result lang />
                <bars::Histogram params result lang sampled />
                <tables::TokenTable params result lang />
                <tables::Explanation params lang />
            </div>
        </WidgetFrame>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_follow_the_logits() {
        let p = SamplingParams::default();
        let (p2, n) = SamplingParams::from_query(&edited_query(&p, "logits", Some("1,2,3")));
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(p2.labels, vec![" Paris", " a", " the"]);
        let (p3, n) = SamplingParams::from_query(&edited_query(&p2, "logits", Some("1,2,3,4")));
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(p3.labels[3], "#4");
        let many = vec!["1"; 10_000].join(",");
        let (p4, n) = SamplingParams::from_query(&edited_query(&p3, "logits", Some(&many)));
        assert_eq!(p4.logits.len(), 64);
        assert_eq!(p4.labels.len(), 64);
        assert_eq!(n.len(), 1, "{n:?}");
        let (p5, n) = SamplingParams::from_query(&edited_query(&p4, "preset", Some("flat")));
        assert!(n.is_empty());
        assert_eq!(p5.labels[0], " blue");
    }
}
