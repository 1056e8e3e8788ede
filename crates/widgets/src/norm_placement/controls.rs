//! The inputs: scheme (radio group), QK-Norm, layers and gain sliders, seed. Every value is
//! clamped to the same ranges the URL parser uses, so the state always round-trips.

use super::{unique_id, Params};
use crate::i18n::tr;
use explorables_core::lang::Lang;
use explorables_core::norm::{NormParams, Scheme, MAX_GAIN, MAX_LAYERS, MIN_GAIN, MIN_LAYERS};
use leptos::prelude::*;

/// Scheme name as shown on its radio button.
pub fn scheme_label(s: Scheme, lang: Lang) -> &'static str {
    match s {
        Scheme::PostLn => lang.pick(
            "Post-LN（原始 Transformer、BERT）",
            "Post-LN (original Transformer, BERT)",
        ),
        Scheme::PreLn => lang.pick("Pre-LN（GPT-2、Llama）", "Pre-LN (GPT-2, Llama)"),
        Scheme::Olmo2 => lang.pick("OLMo 2（输出端 norm）", "OLMo 2 (norm on outputs)"),
        Scheme::Gemma3 => lang.pick(
            "Gemma 3（输入和输出都 norm）",
            "Gemma 3 (norm before and after)",
        ),
    }
}

fn finite(raw: &str) -> Option<f64> {
    raw.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

#[component]
pub fn Controls(params: Params, lang: Signal<Lang>) -> impl IntoView {
    let set = move |f: &dyn Fn(&mut NormParams)| params.update(|p| f(p));
    let group = format!("np-scheme-{}", unique_id());
    let radios = Scheme::ALL
        .into_iter()
        .map(|s| {
            view! {
                <label class="inline-check">
                    <input type="radio" name=group.clone() value=s.code() data-scheme=s.code()
                        prop:checked=move || params.with(|p| p.scheme == s)
                        on:change=move |_| set(&|p| p.scheme = s) />
                    {move || scheme_label(s, lang.get())}
                </label>
            }
        })
        .collect_view();
    let layers = Signal::derive(move || params.with(|p| p.layers).to_string());
    let gain = Signal::derive(move || params.with(|p| p.gain).to_string());
    let set_layers = move |raw: String| {
        if let Some(v) = finite(&raw) {
            let l = v.round().clamp(MIN_LAYERS as f64, MAX_LAYERS as f64) as u32;
            set(&|p| p.layers = l);
        }
    };
    let set_gain = move |raw: String| {
        if let Some(v) = finite(&raw) {
            let g = v.clamp(MIN_GAIN, MAX_GAIN);
            set(&|p| p.gain = g);
        }
    };
    view! {
        <div class="controls np-controls">
            <fieldset class="field np-schemes">
                <legend>{tr(lang, "Norm 放在哪里", "Where the norm goes")}</legend>
                {radios}
            </fieldset>
            <div class="np-knobs">
                <label class="inline-check">
                    <input type="checkbox" data-control="qknorm" prop:checked=move || params.with(|p| p.qknorm)
                        on:change=move |ev| { let on = event_target_checked(&ev); set(&|p| p.qknorm = on) } />
                    {tr(lang, "QK-Norm（对每个头的 q、k 做 RMSNorm）", "QK-Norm (RMSNorm on each head's q and k)")}
                </label>
                <label class="field">
                    <span>{tr(lang, "层数", "Layers")}" = "{layers}</span>
                    <input type="range" data-control="layers" min=MIN_LAYERS max=MAX_LAYERS step="1"
                        prop:value=layers on:input=move |ev| set_layers(event_target_value(&ev)) />
                </label>
                <label class="field">
                    <span>{tr(lang, "权重增长倍数 gain", "Weight growth (gain)")}" = "{gain}</span>
                    <input type="range" data-control="gain" min=MIN_GAIN max=MAX_GAIN step="0.25"
                        prop:value=gain on:input=move |ev| set_gain(event_target_value(&ev)) />
                </label>
                <label class="field">
                    <span>{tr(lang, "随机种子", "Seed")}</span>
                    <input type="number" class="num" data-control="seed" min="0" max=u32::MAX step="1"
                        prop:value=move || params.with(|p| p.seed).to_string()
                        on:change=move |ev| {
                            if let Some(v) = finite(&event_target_value(&ev)) {
                                let s = v.round().clamp(0.0, u32::MAX as f64) as u32;
                                set(&|p| p.seed = s);
                            }
                        } />
                </label>
            </div>
        </div>
    }
}
