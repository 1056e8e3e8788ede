//! MoE routing lab: a router picks k of N experts for every token, a balancing scheme (bias,
//! auxiliary loss or none) evens out the load over training steps, capacity limits drop what
//! overflows. Presets are real models (DeepSeek-V3, Qwen3, Mixtral, Llama 4, Kimi K2, Switch).
//! The math is `explorables_core::moe`; this module is the view.

mod anim;
mod controls;
mod draw;
mod info;
mod panels;
mod state;

use crate::dom::measured_width;
use crate::frame::WidgetFrame;
use crate::i18n::tr;
use crate::WidgetEnv;
use anim::RoutingView;
use controls::Controls;
use explorables_core::lang::Lang;
use explorables_core::moe::{MoeConfig, MoeParams, Simulation, MAX_STEPS};
use explorables_core::params::Notice;
use info::{DenseCalc, PresetInfo};
use leptos::prelude::*;
use panels::{Headline, LoadHistogram, TokenPanel};

/// The lab's URL state, shared by the submodules.
pub(crate) type Params = RwSignal<MoeParams>;
/// The running simulation (advanced in place, one step at a time).
pub(crate) type Sim = RwSignal<Simulation>;

/// A titled, collapsible part of the lab.
#[component]
fn Part(
    lang: Signal<Lang>,
    zh: &'static str,
    en: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <details class="moe-part" open>
            <summary>{tr(lang, zh, en)}</summary>
            {children()}
        </details>
    }
}

#[component]
pub fn MoeLab(
    /// Initial URL parameters (`preset=deepseek-v3&tokens=64&step=10…`).
    initial: String,
    env: WidgetEnv,
    /// Receives the state as URL parameters whenever it changes.
    on_params: Option<Callback<String>>,
) -> impl IntoView {
    let lang = env.lang;
    let (p0, n0) = state::from_query(&initial);
    let sim: Sim = RwSignal::new(p0.simulation());
    let params: Params = RwSignal::new(p0);
    let notices: RwSignal<Vec<Notice>> = RwSignal::new(n0);
    let query = Memo::new(move |_| params.with(MoeParams::to_query));
    Effect::new(move |_| {
        let q = query.get();
        if let Some(cb) = on_params {
            cb.run(q);
        }
    });
    let export = Signal::derive(move || sim.with(Simulation::export_json));
    let playing = RwSignal::new(false);
    let selected = RwSignal::new(None::<usize>);

    let step_once = Callback::new(move |_: ()| {
        if sim.with_untracked(|s| s.steps_done()) >= MAX_STEPS {
            playing.set(false);
            return;
        }
        sim.update(|s| {
            s.step();
        });
        let done = sim.with_untracked(|s| s.steps_done());
        params.update(|p| p.step = done);
    });
    let apply = Callback::new(move |(preset, cfg): (&'static str, MoeConfig)| {
        let mut config = cfg;
        notices.set(config.sanitize());
        let mut s = Simulation::new(config.clone());
        s.step();
        selected.set(None);
        sim.set(s);
        params.set(MoeParams {
            preset,
            config,
            step: 1,
        });
    });

    let wrap_ref = NodeRef::<leptos::html::Div>::new();
    let width: Signal<f64> = measured_width(
        move || wrap_ref.get().map(|w| w.client_width()),
        600.0,
        200.0,
        960.0,
    )
    .into();
    view! {
        <WidgetFrame name="moe" lang params=query.into() notices=notices.into() export>
            <div class="moe-lab" node_ref=wrap_ref>
                <Controls params apply lang />
                <Headline params sim lang />
                <RoutingView sim playing selected step_once width env />
                <LoadHistogram sim width env />
                <Part lang zh="逐个 token：打分、top-k、权重" en="One token: scores, top-k, weights">
                    <TokenPanel sim selected lang />
                </Part>
                <Part lang zh="稠密 vs MoE" en="Dense vs MoE">
                    <DenseCalc params lang />
                </Part>
                <Part lang zh="这个预设怎么路由" en="How this preset routes">
                    <PresetInfo params lang />
                </Part>
            </div>
        </WidgetFrame>
    }
}
