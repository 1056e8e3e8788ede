//! KV-cache lab: how many bytes the keys and values of a request occupy, for real models
//! (sliding-window, chunked and MLA layers included), what each attention variant saves, what
//! fits on a GPU, what one decode step reads, and `past_key_values` growing token by token.
//! The arithmetic is `explorables_core::kv`; this module is the view.

mod axis;
mod calc;
mod chart;
mod controls;
mod export;
mod figures;
mod json;
mod labels;
mod reverse;
mod state;
mod stepper;
mod tables;

use crate::frame::WidgetFrame;
use crate::i18n::tr;
use crate::WidgetEnv;
use chart::KvChart;
use controls::Controls;
use explorables_core::kv::KvParams;
use explorables_core::lang::Lang;
use explorables_core::params::Notice;
use figures::{Breakdown, Formula, Headline, ModelInfo};
use leptos::prelude::*;
use reverse::ReverseMode;
use std::sync::atomic::{AtomicU32, Ordering};
use stepper::Stepper;
use tables::{DecodeCost, VariantsTable};

/// The lab's state, shared by the submodules.
pub(crate) type Params = RwSignal<KvParams>;

/// A number unique to this page load (radio-group names of several labs on one page).
pub(crate) fn unique_id() -> u32 {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// A titled, collapsible part of the lab.
#[component]
fn Part(
    lang: Signal<Lang>,
    zh: &'static str,
    en: &'static str,
    #[prop(optional)] testid: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <details class="kv-part" open data-testid=testid>
            <summary>{tr(lang, zh, en)}</summary>
            {children()}
        </details>
    }
}

#[component]
pub fn KvCacheLab(
    /// Initial URL parameters (`model=…&ctx=32768&batch=1&dtype=bf16&compare=…`).
    initial: String,
    env: WidgetEnv,
    /// Receives the state as URL parameters whenever it changes.
    on_params: Option<Callback<String>>,
) -> impl IntoView {
    let lang = env.lang;
    let (p0, n0) = state::from_query(&initial);
    let params: Params = RwSignal::new(p0);
    let notices: RwSignal<Vec<Notice>> = RwSignal::new(n0);
    let query = Memo::new(move |_| params.with(state::to_query));
    Effect::new(move |_| {
        let q = query.get();
        if let Some(cb) = on_params {
            cb.run(q);
        }
    });
    let export = Signal::derive(move || params.with(export::export_json));
    view! {
        <WidgetFrame name="kv-cache" lang params=query.into() notices=notices.into() export>
            <div class="kv-lab">
                <Controls params notices lang />
                <ModelInfo params lang />
                <Headline params lang />
                <KvChart params env />
                <Part lang zh="公式（代入这个模型的数）" en="The formula, with this model's numbers" testid="kv-part-formula">
                    <Formula params lang />
                    <Breakdown params lang />
                </Part>
                <Part lang zh="换一种注意力，缓存差多少" en="What each attention variant would keep" testid="kv-part-variants">
                    <VariantsTable params lang />
                </Part>
                <Part lang zh="每个 token 的解码代价" en="Decode cost per token" testid="kv-part-decode">
                    <DecodeCost params lang />
                </Part>
                <Part lang zh="反过来算：一张 GPU 放得下多少" en="Reverse mode: what fits on a GPU" testid="kv-part-reverse">
                    <ReverseMode params notices lang />
                </Part>
                <Part lang zh="past_key_values：一步一步解码" en="past_key_values, step by step" testid="kv-part-stepper">
                    <Stepper params lang />
                </Part>
            </div>
        </WidgetFrame>
    }
}
