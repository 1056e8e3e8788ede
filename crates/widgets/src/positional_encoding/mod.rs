//! Positional encoding explorer: RoPE (angle, wavelength, score vs distance for any θ), NoPE
//! and iRoPE layer patterns (SmolLM3, Llama 4), ALiBi slopes, GLM / ChatGLM-6B 2D positions.
//! The math is `explorables_core::posenc`; this module is the view.

mod chart;
mod chart_data;
mod controls;
mod explain;
mod figures;
mod state;

use crate::frame::WidgetFrame;
use crate::WidgetEnv;
use chart::PeChart;
use controls::Controls;
use explain::Explanation;
use explorables_core::params::Notice;
use explorables_core::posenc::export::export_json;
use explorables_core::posenc::{PosencParams, Scheme};
use figures::{GlmTable, Headline, LayerStrip, RotationDial};
use leptos::prelude::*;

/// The explorer's URL state, shared by the submodules.
pub(crate) type Params = RwSignal<PosencParams>;
/// An edit of the state; the lab sanitises after it.
pub(crate) type Edit = Box<dyn FnOnce(&mut PosencParams)>;
pub(crate) type Apply = Callback<Edit>;

#[component]
pub fn PositionalEncodingLab(
    /// Initial URL parameters (`scheme=rope&theta=10000&pos=100…`).
    initial: String,
    env: WidgetEnv,
    /// Receives the state as URL parameters whenever it changes.
    on_params: Option<Callback<String>>,
) -> impl IntoView {
    let lang = env.lang;
    let (p0, n0) = state::from_query(&initial);
    let params: Params = RwSignal::new(p0);
    let notices: RwSignal<Vec<Notice>> = RwSignal::new(n0);
    let query = Memo::new(move |_| params.with(PosencParams::to_query));
    Effect::new(move |_| {
        let q = query.get();
        if let Some(cb) = on_params {
            cb.run(q);
        }
    });
    let apply: Apply = Callback::new(move |edit: Edit| {
        let mut p = params.get_untracked();
        edit(&mut p);
        notices.set(p.sanitize());
        if p != params.get_untracked() {
            params.set(p);
        }
    });
    let export = Signal::derive(move || params.with(export_json));
    let scheme = Signal::derive(move || params.with(|p| p.scheme));
    let rope_like = move || matches!(scheme.get(), Scheme::Rope | Scheme::Nope | Scheme::Irope);
    view! {
        <WidgetFrame name="positional-encoding" lang params=query.into() notices=notices.into() export>
            <div class="pe-lab">
                <Controls params apply lang />
                <Headline params lang />
                <div class="pe-visuals">
                    <Show when=rope_like>
                        <RotationDial params lang />
                    </Show>
                    <PeChart params env />
                </div>
                <LayerStrip params lang />
                <Show when=move || scheme.get() == Scheme::Glm2d>
                    <GlmTable params lang />
                </Show>
                <Explanation params lang />
            </div>
        </WidgetFrame>
    }
}
