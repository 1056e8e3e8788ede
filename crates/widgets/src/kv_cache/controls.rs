//! The lab's inputs: model picker with a search filter, context (log slider + exact field),
//! batch, cache dtype, attention variant, the MLA latent/decompressed toggle and up to three
//! comparison models. Typed values go through the core parsers, so bad input becomes a notice.

use super::state::{
    batch_to_slider, default_groups, filter_models, mla_applies, slider_position, slider_to_batch,
    slider_to_ctx, variant_from_kind, variant_kind, BATCH_SLIDER_MAX, SLIDER_STEPS,
};
use super::Params;
use crate::i18n::tr;
use explorables_core::kv::{Dtype, KvParams, MlaMode, Variant, MAX_BATCH, MAX_CTX};
use explorables_core::lang::Lang;
use explorables_core::models::{all, find, ModelPreset};
use explorables_core::params::{parse_int, Notice};
use leptos::prelude::*;

const MAX_COMPARE: usize = 3;

/// `<option>`s for a list of models, `selected` on the current one.
fn model_options(list: Vec<&'static ModelPreset>, current: &'static str) -> impl IntoView {
    list.into_iter()
        .map(|m| view! { <option value=m.id selected=m.id == current>{format!("{} — {}", m.name, m.id)}</option> })
        .collect_view()
}

pub fn dtype_options() -> impl IntoView {
    Dtype::ALL
        .iter()
        .map(|d| view! { <option value=d.slug()>{d.slug()}</option> })
        .collect_view()
}

/// Model search + picker.
#[component]
fn ModelPicker(params: Params, lang: Signal<Lang>) -> impl IntoView {
    let filter = RwSignal::new(String::new());
    let matches = Memo::new(move |_| filter_models(&filter.get()));
    let current = Signal::derive(move || params.with(|p| p.model.id));
    let set_model = move |id: &str| {
        if let Some(m) = find(id) {
            params.update(|p| {
                p.model = m;
                p.compare.retain(|c| c.id != m.id);
                if let Variant::Gqa(n) = p.variant {
                    p.variant = Variant::Gqa(n.clamp(1, m.heads.max(1)));
                }
            });
        }
    };
    view! {
        <div class="kv-model-picker">
            <label class="field">
                <span>{tr(lang, "搜索模型", "Search models")}</span>
                <input type="search" data-control="model-search" autocomplete="off"
                    placeholder=tr(lang, "如 llama、qwen、deepseek", "e.g. llama, qwen, deepseek")
                    aria-label=tr(lang, "按名称或 Hugging Face id 搜索模型（回车选第一个）", "Search models by name or Hugging Face id (Enter picks the first)")
                    prop:value=filter
                    on:input=move |ev| filter.set(event_target_value(&ev))
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            if let Some(m) = matches.with_untracked(|l| l.first().copied()) { set_model(m.id) }
                        }
                    } />
            </label>
            <label class="field kv-model-select">
                <span>{tr(lang, "模型", "Model")}</span>
                <select data-control="model" prop:value=current
                    aria-label=tr(lang, "模型", "Model")
                    on:change=move |ev| set_model(&event_target_value(&ev))>
                    {move || {
                        let cur = current.get();
                        let mut list = matches.get();
                        if !list.iter().any(|m| m.id == cur) {
                            list.extend(find(cur));
                            list.rotate_right(1);
                        }
                        model_options(list, cur)
                    }}
                </select>
            </label>
            <span class="kv-hint" aria-live="polite">{Signal::derive(move || {
                let (n, total) = (matches.with(Vec::len), all().len());
                match lang.get() {
                    Lang::Zh => format!("匹配 {n} / {total} 个模型"),
                    Lang::En => format!("{n} of {total} models match"),
                }
            })}</span>
        </div>
    }
}

/// Applies a typed integer: clamped through `parse_int`, notice shown, value set.
fn typed_int(raw: &str, param: &str, max: u64, old: u64, notices: RwSignal<Vec<Notice>>) -> u64 {
    let (v, n) = parse_int(param, Some(raw), 1, max as i64, old as i64);
    notices.set(n.into_iter().collect());
    v as u64
}

#[component]
pub fn Controls(
    params: Params,
    notices: RwSignal<Vec<Notice>>,
    lang: Signal<Lang>,
) -> impl IntoView {
    let set = move |f: &dyn Fn(&mut KvParams)| params.update(|p| f(p));
    let ctx = Signal::derive(move || params.with(|p| p.ctx));
    let batch = Signal::derive(move || params.with(|p| p.batch));
    let trained = Signal::derive(move || params.with(|p| p.model.max_context));
    let thumb = StoredValue::new(f64::NAN);
    let heads = Signal::derive(move || params.with(|p| p.model.heads));
    let gqa = Memo::new(move |_| params.with(|p| matches!(p.variant, Variant::Gqa(_))));
    let mla_on = Signal::derive(move || params.with(mla_applies));
    let group = format!("kv-mla-{}", super::unique_id());
    let mla_radio = move |mode: MlaMode, zh: &'static str, en: &'static str| {
        view! {
            <label class="inline-check">
                <input type="radio" name=group.clone() prop:checked=Signal::derive(move || params.with(|p| p.mla == mode))
                    prop:disabled=Signal::derive(move || !mla_on.get())
                    on:change=move |_| set(&|p| p.mla = mode) />
                {tr(lang, zh, en)}
            </label>
        }
    };
    view! {
        <div class="controls kv-controls">
            <ModelPicker params lang />
            <label class="field">
                <span>{tr(lang, "上下文长度 T（token）", "Context T (tokens)")}</span>
                <input type="range" min="0" max=SLIDER_STEPS step="1" data-control="ctx-slider"
                    aria-label=tr(lang, "上下文长度（对数刻度）", "Context length (log scale)")
                    prop:value=Signal::derive(move || slider_position(thumb.get_value(), ctx.get(), trained.get()).to_string())
                    on:input=move |ev| { if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                        thumb.set_value(v);
                        let t = slider_to_ctx(v, trained.get_untracked());
                        set(&|p| p.ctx = t)
                    } } />
                <input type="number" class="num" data-control="ctx" min="1" max=MAX_CTX
                    aria-label=tr(lang, "上下文长度", "Context length")
                    prop:value=Signal::derive(move || ctx.get().to_string())
                    on:change=move |ev| {
                        let t = typed_int(&event_target_value(&ev), "ctx", MAX_CTX, ctx.get_untracked(), notices);
                        set(&|p| p.ctx = t)
                    } />
            </label>
            <label class="field">
                <span>{tr(lang, "批大小 B（序列数）", "Batch B (sequences)")}</span>
                <input type="range" min="0" max=BATCH_SLIDER_MAX step="1" data-control="batch-slider"
                    aria-label=tr(lang, "批大小（2 的幂）", "Batch size (powers of two)")
                    prop:value=Signal::derive(move || batch_to_slider(batch.get()).to_string())
                    on:input=move |ev| { if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                        let b = slider_to_batch(v);
                        set(&|p| p.batch = b)
                    } } />
                <input type="number" class="num" data-control="batch" min="1" max=MAX_BATCH
                    aria-label=tr(lang, "批大小", "Batch size")
                    prop:value=Signal::derive(move || batch.get().to_string())
                    on:change=move |ev| {
                        let b = typed_int(&event_target_value(&ev), "batch", MAX_BATCH, batch.get_untracked(), notices);
                        set(&|p| p.batch = b)
                    } />
            </label>
            <label class="field">
                <span>{tr(lang, "KV 缓存精度", "KV cache dtype")}</span>
                <select data-control="dtype" prop:value=Signal::derive(move || params.with(|p| p.dtype.slug()))
                    on:change=move |ev| { if let Some(d) = Dtype::from_slug(&event_target_value(&ev)) { set(&|p| p.dtype = d) } }>
                    {dtype_options()}
                </select>
            </label>
            <label class="field">
                <span>{tr(lang, "把注意力改成…", "Redo this model's attention as…")}</span>
                <select data-control="variant" prop:value=Signal::derive(move || params.with(|p| variant_kind(p.variant)))
                    on:change=move |ev| {
                        let kind = event_target_value(&ev);
                        params.update(|p| if let Some(v) = variant_from_kind(&kind, p.variant, p.model) { p.variant = v });
                    }>
                    <option value="native">{tr(lang, "原生（模型本身）", "native (as the model is)")}</option>
                    <option value="mha">"MHA"</option>
                    <option value="gqa">"GQA"</option>
                    <option value="mqa">"MQA"</option>
                    <option value="mla">"MLA"</option>
                </select>
            </label>
            {move || gqa.get().then(|| view! {
                <label class="field">
                    <span>{tr(lang, "GQA 的 KV 头数", "GQA K/V heads")}</span>
                    <input type="number" class="num" data-control="gqa-groups" min="1" prop:max=heads
                        prop:value=Signal::derive(move || params.with(|p| match p.variant { Variant::Gqa(n) => n.clamp(1, p.model.heads.max(1)), _ => default_groups(p.model) }.to_string()))
                        on:change=move |ev| {
                            let g = typed_int(&event_target_value(&ev), "variant", heads.get_untracked() as u64, 8, notices) as u32;
                            set(&|p| p.variant = Variant::Gqa(g))
                        } />
                </label>
            })}
            <fieldset class="field kv-mla" aria-disabled=Signal::derive(move || (!mla_on.get()).to_string())>
                <legend>{tr(lang, "MLA 缓存内容", "MLA cache holds")}</legend>
                {mla_radio(MlaMode::Latent, "压缩的潜向量", "the compressed latent")}
                {mla_radio(MlaMode::Decompressed, "解压后的每头 K、V", "decompressed per-head K, V")}
                <span class="kv-hint">{move || if mla_on.get() { "" } else { lang.get().pick("（仅对 MLA 缓存有意义）", "(only meaningful for an MLA cache)") }}</span>
            </fieldset>
            <CompareModels params lang />
        </div>
    }
}

/// Up to three comparison models: a chip with a remove button each, and a picker to add one.
#[component]
fn CompareModels(params: Params, lang: Signal<Lang>) -> impl IntoView {
    let compare = Memo::new(move |_| params.with(|p| p.compare.clone()));
    let full = move || compare.with(|c| c.len() >= MAX_COMPARE);
    view! {
        <div class="field wide kv-compare">
            <span>{tr(lang, "对比模型（最多 3 个）", "Compare with (up to 3 models)")}</span>
            <ul class="kv-chips">
                {move || {
                    let l = lang.get();
                    compare.get().into_iter().map(|m| {
                        let label = match l { Lang::Zh => format!("移除对比模型 {}", m.name), Lang::En => format!("Remove {} from the comparison", m.name) };
                        view! {
                            <li class="kv-chip">
                                {m.name}
                                <button type="button" class="small-button" data-compare-remove=m.id aria-label=label
                                    on:click=move |_| params.update(|p| p.compare.retain(|c| c.id != m.id))>"×"</button>
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
            <select data-control="compare-add" prop:disabled=full prop:value=""
                aria-label=tr(lang, "添加对比模型", "Add a model to compare")
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    event_target::<web_sys::HtmlSelectElement>(&ev).set_value("");
                    if let Some(m) = find(&id) {
                        params.update(|p| if p.compare.len() < MAX_COMPARE && p.model.id != m.id && !p.compare.iter().any(|c| c.id == m.id) {
                            p.compare.push(m)
                        });
                    }
                }>
                <option value="">{Signal::derive(move || if full() { lang.get().pick("（已满 3 个）", "(3 already)") } else { lang.get().pick("＋ 添加对比模型…", "+ add a model…") })}</option>
                {move || {
                    let (main, taken) = params.with(|p| (p.model.id, p.compare.iter().map(|c| c.id).collect::<Vec<_>>()));
                    all().iter().filter(|m| m.id != main && !taken.contains(&m.id))
                        .map(|m| view! { <option value=m.id>{m.name}</option> }).collect_view()
                }}
            </select>
        </div>
    }
}
