//! Norm placement explorer: Post-LN, Pre-LN, OLMo 2 and Gemma 3 wiring of one block (a live
//! SVG diagram), QK-Norm, and a seeded forward pass through `layers` blocks showing how the
//! residual stream, each block's update and the attention logits behave across depth.
//! The math is `explorables_core::norm`; this module is the view.

mod chart;
mod controls;
mod diagram;
mod explain;
mod headline;

use crate::frame::WidgetFrame;
use crate::WidgetEnv;
use chart::NormChart;
use controls::Controls;
use diagram::BlockDiagram;
use explain::{Explanation, Sources};
use explorables_core::norm::{run, NormParams, NormRun, Stack};
use explorables_core::params::Notice;
use headline::Headline;
use leptos::prelude::*;
use std::sync::atomic::{AtomicU32, Ordering};

/// The explorer's URL state, shared by the submodules.
pub(crate) type Params = RwSignal<NormParams>;
/// The forward pass of the current state.
pub(crate) type Run = Memo<NormRun>;

/// A number unique to this page load (radio-group names when several explorers share a page).
pub(crate) fn unique_id() -> u32 {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

#[component]
pub fn NormPlacementLab(
    /// Initial URL parameters (`scheme=olmo2&qknorm=1&layers=24&seed=42&gain=1`).
    initial: String,
    env: WidgetEnv,
    /// Receives the state as URL parameters whenever it changes.
    on_params: Option<Callback<String>>,
) -> impl IntoView {
    let lang = env.lang;
    let (p0, n0) = NormParams::from_query(&initial);
    let params: Params = RwSignal::new(p0);
    let notices: RwSignal<Vec<Notice>> = RwSignal::new(n0);
    let query = Memo::new(move |_| params.with(NormParams::to_query));
    let first = query.get_untracked();
    Effect::new(move |_| {
        let q = query.get();
        // Notices are about the URL the reader arrived with; an edit makes them stale.
        if q != first && !notices.with_untracked(Vec::is_empty) {
            notices.set(Vec::new());
        }
        if let Some(cb) = on_params {
            cb.run(q);
        }
    });
    // The random weights survive scheme, QK-Norm and gain changes; only the forward pass reruns.
    let stack = StoredValue::new(Stack::default());
    let sim: Run = Memo::new(move |_| {
        params.with(|p| {
            stack
                .try_update_value(|s| s.run(p))
                .unwrap_or_else(|| run(p))
        })
    });
    let export = Signal::derive(move || sim.with(NormRun::export_json));
    view! {
        <WidgetFrame name="norm-placement" lang params=query.into() notices=notices.into() export>
            <div class="np-lab">
                <Controls params lang />
                <BlockDiagram params lang />
                <Headline sim lang />
                <NormChart sim env />
                <Explanation params sim lang />
                <Sources lang />
            </div>
        </WidgetFrame>
    }
}
