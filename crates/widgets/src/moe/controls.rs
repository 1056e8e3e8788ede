//! The lab's inputs: preset picker, the numeric knobs (one generic field each), scoring and
//! balancing. Every change goes through `MoeConfig::sanitize`, so bad input becomes a notice.

use super::state::{knob_value, set_knob, KNOBS};
use super::Params;
use crate::i18n::tr;
use explorables_core::lang::Lang;
use explorables_core::moe::{
    find_preset, scoring_code, scoring_from_code, Balance, MoeConfig, PRESETS,
};
use leptos::prelude::*;

/// What the controls ask the lab to do: use this preset key and config (unsanitised).
pub type Apply = Callback<(&'static str, MoeConfig)>;

const CUSTOM: &str = "custom";

#[component]
pub fn Controls(params: Params, apply: Apply, lang: Signal<Lang>) -> impl IntoView {
    let preset = Signal::derive(move || params.with(|p| p.preset));
    let set_preset = move |key: String| {
        let (k, cfg) = match find_preset(&key) {
            Some(p) => (p.key, p.config()),
            None => (CUSTOM, MoeConfig::default()),
        };
        apply.run((k, cfg));
    };
    let edit = move |f: &dyn Fn(&mut MoeConfig)| {
        let (k, mut c) = params.with_untracked(|p| (p.preset, p.config.clone()));
        f(&mut c);
        apply.run((k, c));
    };
    let knobs = KNOBS
        .iter()
        .map(|kn| {
            let key = kn.key;
            let value = Signal::derive(move || params.with(|p| knob_value(&p.config, key)).to_string());
            view! {
                <label class="field">
                    <span>{tr(lang, kn.zh, kn.en)}</span>
                    <input type="number" class="num" data-control=key min=kn.min max=kn.max step=kn.step
                        prop:value=value
                        on:change=move |ev| {
                            let v = event_target_value(&ev).trim().parse::<f64>().unwrap_or(f64::NAN);
                            edit(&|c| { set_knob(c, key, v); });
                        } />
                </label>
            }
        })
        .collect_view();
    view! {
        <div class="controls moe-controls">
            <label class="field">
                <span>{tr(lang, "预设", "Preset")}</span>
                <select data-control="preset" prop:value=preset on:change=move |ev| set_preset(event_target_value(&ev))>
                    {PRESETS.iter().map(|p| view! { <option value=p.key selected=move || preset.get() == p.key>{p.key}</option> }).collect_view()}
                    <option value=CUSTOM selected=move || preset.get() == CUSTOM>{tr(lang, "自定义", "custom")}</option>
                </select>
            </label>
            <label class="field">
                <span>{tr(lang, "打分", "Scoring")}</span>
                <select data-control="scoring" prop:value=move || params.with(|p| scoring_code(p.config.scoring))
                    on:change=move |ev| if let Some(s) = scoring_from_code(&event_target_value(&ev)) { edit(&|c| c.scoring = s) }>
                    <option value="softmax">"softmax"</option>
                    <option value="sigmoid">"sigmoid"</option>
                </select>
            </label>
            <label class="field">
                <span>{tr(lang, "负载均衡", "Balancing")}</span>
                <select data-control="balance" prop:value=move || params.with(|p| p.config.balance.code())
                    on:change=move |ev| if let Some(b) = Balance::from_code(&event_target_value(&ev)) { edit(&|c| c.balance = b) }>
                    <option value="bias">{tr(lang, "无辅助损失偏置 (DeepSeek-V3)", "aux-loss-free bias (DeepSeek-V3)")}</option>
                    <option value="aux">{tr(lang, "辅助损失 (Switch/GShard)", "auxiliary loss (Switch/GShard)")}</option>
                    <option value="none">{tr(lang, "不均衡", "none")}</option>
                </select>
            </label>
            {knobs}
        </div>
    }
}
