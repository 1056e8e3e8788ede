//! The inputs: preset, the two logit lists, Monte-Carlo samples and seed, and a button that
//! draws a new (seeded, reproducible) Monte-Carlo run.

use super::{Params, SetParam};
use crate::i18n::tr;
use crate::url_state::ParamField;
use explorables_core::kl::presets::{CUSTOM, PRESETS};
use explorables_core::kl::KlParams;
use explorables_core::lang::Lang;
use explorables_core::params::list::join_f64;
use leptos::prelude::*;

#[component]
pub fn Controls(params: Params, set: SetParam, lang: Signal<Lang>) -> impl IntoView {
    let text = move |f: fn(&KlParams) -> String| Signal::derive(move || params.with(f));
    let preset = Signal::derive(move || params.with(|p| p.preset));
    view! {
        <div class="controls kl-controls">
            <label class="field">
                <span>{tr(lang, "预设", "Preset")}</span>
                <select data-control="preset" prop:value=move || preset.get()
                    on:change=move |ev| set.run(("preset", Some(event_target_value(&ev))))>
                    {move || { let l = lang.get(); PRESETS.iter().map(|x| view! {
                        <option value=x.key selected=x.key == preset.get_untracked()>{l.pick(x.zh, x.en)}</option>
                    }).collect_view() }}
                    <option value=CUSTOM disabled=true>{tr(lang, "自定义", "custom")}</option>
                </select>
            </label>
            <ParamField lang zh="策略 logits θ（逗号分隔，2–16 个）" en="Policy logits θ (comma-separated, 2–16)" key="theta"
                value=text(|p| join_f64(&p.theta)) set />
            <ParamField lang zh="参考 logits ref" en="Reference logits ref" key="ref"
                value=text(|p| join_f64(&p.reference)) set />
            <ParamField lang zh="蒙特卡洛样本数" en="Monte-Carlo samples" key="samples" range=("0", "", "1")
                value=text(|p| p.samples.to_string()) set />
            <ParamField lang zh="随机种子" en="Seed" key="seed" range=("0", "", "1")
                value=text(|p| p.seed.to_string()) set />
            <button type="button" class="small-button" data-control="run"
                on:click=move |_| {
                    let next = params.with_untracked(|p| p.seed.wrapping_add(1));
                    set.run(("seed", Some(next.to_string())));
                }>
                {tr(lang, "重新抽样（种子 + 1）", "Run Monte-Carlo again (seed + 1)")}
            </button>
        </div>
    }
}
