//! The lab's controls: preset, length (log slider + exact field), the preset's own knobs,
//! token labels and the comparison. Typed values go through the core parsers, so bad input
//! becomes a notice, never a panic.

use super::state::{n_to_slider, slider_to_n};
use super::Params;
use crate::i18n::tr;
use explorables_core::lang::Lang;
use explorables_core::mask::{Base, Op, Preset, LAYER_MAX, N_MAX, N_MIN};
use explorables_core::params::{parse_int, Notice};
use leptos::prelude::*;

fn preset_options(lang: Signal<Lang>, list: &'static [Preset]) -> impl IntoView {
    list.iter()
        .map(|p| {
            let p = *p;
            view! { <option value=p.slug()>{move || p.name(lang.get())}</option> }
        })
        .collect_view()
}

/// A labelled integer field that reports clamping as a notice.
#[component]
fn IntField(
    #[prop(into)] label: Signal<String>,
    param: &'static str,
    value: Signal<u32>,
    min: Signal<u32>,
    max: Signal<u32>,
    on_set: Callback<u32>,
    notices: RwSignal<Vec<Notice>>,
) -> impl IntoView {
    view! {
        <label class="field">
            <span>{label}</span>
            <input type="range" prop:min=min prop:max=max prop:value=move || value.get().to_string()
                aria-label=label
                on:input=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<u32>() { on_set.run(v) }
                } />
            <input type="number" class="num" data-control=param prop:min=min prop:max=max prop:value=move || value.get().to_string()
                aria-label=label
                on:change=move |ev| {
                    let raw = event_target_value(&ev);
                    let (v, n) = parse_int(param, Some(&raw), min.get_untracked() as i64, max.get_untracked() as i64, value.get_untracked() as i64);
                    notices.set(n.into_iter().collect());
                    on_set.run(v as u32);
                } />
        </label>
    }
}

fn docs_text(docs: &[u32]) -> String {
    let parts: Vec<String> = docs.iter().map(u32::to_string).collect();
    parts.join(",")
}

#[component]
pub fn Controls(
    params: Params,
    notices: RwSignal<Vec<Notice>>,
    lang: Signal<Lang>,
) -> impl IntoView {
    let set = move |f: &dyn Fn(&mut explorables_core::mask::MaskParams)| {
        params.update(|p| f(p));
    };
    let preset = Signal::derive(move || params.with(|p| p.preset));
    let n = Signal::derive(move || params.with(|p| p.n));
    let resolved = Memo::new(move |_| params.with(|p| p.resolve(p.preset)));
    let glm_prompt = move || {
        params.with(|p| {
            p.preset == Preset::ChatGlm6b
                || (p.preset == Preset::PrefixTuning && p.base == Base::ChatGlm6b)
        })
    };
    let has = move |list: &[Preset]| list.contains(&preset.get());
    view! {
        <div class="controls mask-controls">
            <label class="field">
                <span>{tr(lang, "预设", "Preset")}</span>
                <select data-control="preset" prop:value=move || preset.get().slug()
                    on:change=move |ev| { if let Some(p) = Preset::from_slug(&event_target_value(&ev)) { set(&|s| s.preset = p) } }>
                    {preset_options(lang, &Preset::ALL)}
                </select>
            </label>
            <label class="field">
                <span>{tr(lang, "序列长度 n", "Sequence length n")}</span>
                <input type="range" min="0" max="1000" step="1" data-control="n-slider"
                    aria-label=tr(lang, "序列长度（对数刻度）", "Sequence length (log scale)")
                    prop:value=move || n_to_slider(n.get()).to_string()
                    on:input=move |ev| { if let Ok(v) = event_target_value(&ev).parse::<f64>() { let v = slider_to_n(v); set(&|s| s.n = v) } } />
                <input type="number" class="num" data-control="n" min=N_MIN max=N_MAX
                    aria-label=tr(lang, "序列长度", "Sequence length")
                    prop:value=move || n.get().to_string()
                    on:change=move |ev| {
                        let raw = event_target_value(&ev);
                        let (v, notice) = parse_int("n", Some(&raw), N_MIN as i64, N_MAX as i64, n.get_untracked() as i64);
                        notices.set(notice.into_iter().collect());
                        set(&|s| s.n = v as u32);
                    } />
            </label>
            <Show when=move || has(&[Preset::PrefixLm, Preset::ChatGlm6b]) || glm_prompt()>
                <IntField label=Signal::derive(move || lang.get().pick("前缀 / 提示长度", "Prefix / prompt length").to_string()) param="prefix"
                    value=Signal::derive(move || resolved.get().prefix)
                    min=Signal::derive(move || if glm_prompt() { 1 } else { 0 })
                    max=Signal::derive(move || if glm_prompt() { n.get().saturating_sub(3).max(1) } else { n.get() })
                    on_set=Callback::new(move |v| set(&|s| s.prefix = Some(v))) notices />
            </Show>
            <Show when=move || has(&[Preset::SlidingWindow, Preset::Gemma3])>
                <IntField label=Signal::derive(move || lang.get().pick("窗口大小", "Window size").to_string()) param="window"
                    value=Signal::derive(move || resolved.get().window)
                    min=Signal::derive(|| 1) max=Signal::derive(move || n.get().clamp(1024, N_MAX))
                    on_set=Callback::new(move |v| set(&|s| s.window = Some(v))) notices />
            </Show>
            <Show when=move || has(&[Preset::PrefixTuning])>
                <IntField label=Signal::derive(move || lang.get().pick("虚拟前缀 P", "Virtual prefix P").to_string()) param="virtual"
                    value=Signal::derive(move || resolved.get().virtual_tokens)
                    min=Signal::derive(|| 1) max=Signal::derive(move || n.get().min(256))
                    on_set=Callback::new(move |v| set(&|s| s.virtual_tokens = v)) notices />
                <label class="field">
                    <span>{tr(lang, "底座掩码", "Base mask")}</span>
                    <select data-control="base" prop:value=move || params.with(|p| p.base.slug())
                        on:change=move |ev| { if let Some(b) = Base::from_slug(&event_target_value(&ev)) { set(&|s| s.base = b) } }>
                        <option value="causal">{move || Preset::Causal.name(lang.get())}</option>
                        <option value="chatglm-6b">{move || Preset::ChatGlm6b.name(lang.get())}</option>
                    </select>
                </label>
            </Show>
            <Show when=move || has(&[Preset::Llama4Chunked])>
                <IntField label=Signal::derive(move || lang.get().pick("分块大小", "Chunk size").to_string()) param="chunk"
                    value=Signal::derive(move || resolved.get().chunk)
                    min=Signal::derive(|| 1) max=Signal::derive(move || n.get().max(8192))
                    on_set=Callback::new(move |v| set(&|s| s.chunk = Some(v))) notices />
            </Show>
            <Show when=move || has(&[Preset::Llama4Chunked, Preset::Gemma3])>
                <IntField label=Signal::derive(move || lang.get().pick("层号", "Layer").to_string()) param="layer"
                    value=Signal::derive(move || resolved.get().layer)
                    min=Signal::derive(|| 0) max=Signal::derive(|| LAYER_MAX)
                    on_set=Callback::new(move |v| set(&|s| s.layer = v)) notices />
            </Show>
            <Show when=move || has(&[Preset::PackedDocuments])>
                <label class="field">
                    <span>{tr(lang, "各文档长度（逗号分隔）", "Document lengths (comma-separated)")}</span>
                    <input type="text" data-control="docs" inputmode="numeric"
                        prop:value=move || { docs_text(&resolved.get().docs) }
                        on:change=move |ev| {
                            let raw = event_target_value(&ev);
                            let mut pairs = vec![("docs".to_string(), raw)];
                            pairs.push(("n".into(), n.get_untracked().to_string()));
                            pairs.push(("preset".into(), "packed-documents".into()));
                            let (p, ns) = explorables_core::mask::MaskParams::from_query(&pairs);
                            notices.set(ns);
                            set(&|s| s.docs = p.docs.clone());
                        } />
                </label>
            </Show>
            <Show when=move || has(&[Preset::Custom])>
                <label class="field">
                    <span>"A"</span>
                    <select data-control="a" prop:value=move || params.with(|p| p.a.slug())
                        on:change=move |ev| { if let Some(p) = Preset::from_slug(&event_target_value(&ev)) { set(&|s| s.a = p) } }>
                        {preset_options(lang, &Preset::COMPOSABLE)}
                    </select>
                </label>
                <label class="field">
                    <span>{tr(lang, "组合", "Combine")}</span>
                    <select data-control="op" prop:value=move || params.with(|p| p.op.slug())
                        on:change=move |ev| { if let Some(o) = Op::from_slug(&event_target_value(&ev)) { set(&|s| s.op = o) } }>
                        <option value="and">"AND"</option>
                        <option value="or">"OR"</option>
                    </select>
                </label>
                <label class="field">
                    <span>"B"</span>
                    <select data-control="b" prop:value=move || params.with(|p| p.b.slug())
                        on:change=move |ev| { if let Some(p) = Preset::from_slug(&event_target_value(&ev)) { set(&|s| s.b = p) } }>
                        {preset_options(lang, &Preset::COMPOSABLE)}
                    </select>
                </label>
            </Show>
            <label class="field">
                <span>{tr(lang, "并排对比", "Compare with")}</span>
                <select data-control="compare" prop:value=move || params.with(|p| p.compare.map(|c| c.slug()).unwrap_or(""))
                    on:change=move |ev| { let v = event_target_value(&ev); let c = Preset::from_slug(&v); set(&|s| s.compare = c) }>
                    <option value="">{tr(lang, "（不对比）", "(none)")}</option>
                    {preset_options(lang, &Preset::ALL)}
                </select>
            </label>
            <Show when=move || { n.get() <= 64 }>
                <label class="field wide">
                    <span>{tr(lang, "自定义词元（空格分隔；中文可不加空格）", "Your own tokens (space-separated; Chinese splits per character)")}</span>
                    <input type="text" data-control="tokens" maxlength="2000"
                        prop:value=move || params.with(|p| p.tokens.clone().unwrap_or_default())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let t = if v.trim().is_empty() { None } else { Some(v) };
                            set(&|s| s.tokens = t.clone());
                        } />
                </label>
            </Show>
        </div>
    }
}
