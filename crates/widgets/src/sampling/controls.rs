//! The inputs: preset (made-up examples), logits and labels, the four knobs, the engine order
//! with the source file it follows, the seed, and the "sample 1000 times" button.

use super::{Params, SetParam};
use crate::i18n::tr;
use crate::url_state::ParamField;
use explorables_core::lang::Lang;
use explorables_core::params::list::join_f64;
use explorables_core::sampling::{Engine, Preset, SamplingParams};
use leptos::prelude::*;

pub fn preset_label(p: Preset, l: Lang) -> &'static str {
    match p {
        Preset::Peaked => l.pick(
            "尖峰：The capital of France is…（编造的示例）",
            "peaked: The capital of France is… (made up)",
        ),
        Preset::Flat => l.pick(
            "平坦：My favourite colour is…（编造的示例）",
            "flat: My favourite colour is… (made up)",
        ),
        Preset::LongTail => l.pick(
            "长尾：Once upon a…（编造的示例）",
            "long tail: Once upon a… (made up)",
        ),
        Preset::Custom => l.pick("自定义 logits", "custom logits"),
    }
}

pub fn engine_label(e: Engine, l: Lang) -> &'static str {
    match e {
        Engine::Hf => l.pick(
            "transformers（温度 → top-k → top-p → min-p）",
            "transformers (temperature → top-k → top-p → min-p)",
        ),
        Engine::Vllm => l.pick(
            "vLLM（温度 → min-p → top-k → top-p）",
            "vLLM (temperature → min-p → top-k → top-p)",
        ),
        Engine::Llamacpp => l.pick(
            "llama.cpp（top-k → top-p → min-p → 温度）",
            "llama.cpp (top-k → top-p → min-p → temperature)",
        ),
    }
}

/// The file that fixes an engine's order, and a link to it.
pub fn engine_source(e: Engine) -> (&'static str, &'static str) {
    match e {
        Engine::Hf => (
            "transformers src/transformers/generation/utils.py — GenerationMixin._get_logits_processor",
            "https://github.com/huggingface/transformers/blob/main/src/transformers/generation/utils.py",
        ),
        Engine::Vllm => (
            "vLLM vllm/v1/sample/sampler.py — Sampler.sample",
            "https://github.com/vllm-project/vllm/blob/main/vllm/v1/sample/sampler.py",
        ),
        Engine::Llamacpp => (
            "llama.cpp common/common.h — common_params_sampling::samplers",
            "https://github.com/ggml-org/llama.cpp/blob/master/common/common.h",
        ),
    }
}

#[component]
pub fn Controls(
    params: Params,
    set: SetParam,
    lang: Signal<Lang>,
    sampled: RwSignal<bool>,
) -> impl IntoView {
    let text = move |f: fn(&SamplingParams) -> String| Signal::derive(move || params.with(f));
    let preset = Signal::derive(move || params.with(|p| p.preset));
    let engine = Signal::derive(move || params.with(|p| p.engine));
    let choose = move |key: &'static str| {
        move |ev: leptos::ev::Event| set.run((key, Some(event_target_value(&ev))))
    };
    view! {
        <div class="controls smp-controls">
            <label class="field">
                <span>{tr(lang, "预设（编造的示例分布）", "Preset (made-up example distributions)")}</span>
                <select data-control="preset" prop:value=move || preset.get().code() on:change=choose("preset")>
                    {move || { let l = lang.get(); Preset::NAMED.iter().map(|x| view! {
                        <option value=x.code() selected=*x == preset.get_untracked()>{preset_label(*x, l)}</option>
                    }).collect_view() }}
                    <option value="custom" disabled=true selected=move || preset.get() == Preset::Custom>{tr(lang, "自定义 logits", "custom logits")}</option>
                </select>
            </label>
            <ParamField lang zh="logits（逗号分隔，最多 64 个）" en="Logits (comma-separated, ≤ 64)" key="logits"
                value=text(|p| join_f64(&p.logits)) set />
            <ParamField lang zh="token 标签（可选）" en="Token labels (optional)" key="labels"
                value=text(|p| p.labels.join(",")) set />
            <ParamField lang zh="温度 T（0 = 贪心）" en="Temperature T (0 = greedy)" key="temperature" range=("0", "10", "0.05")
                value=text(|p| p.temperature.to_string()) set />
            <ParamField lang zh="top_k（0 = 关）" en="top_k (0 = off)" key="top_k" range=("0", "64", "1")
                value=text(|p| p.top_k.to_string()) set />
            <ParamField lang zh="top_p（1 = 关）" en="top_p (1 = off)" key="top_p" range=("0", "1", "0.05")
                value=text(|p| p.top_p.to_string()) set />
            <ParamField lang zh="min_p（0 = 关）" en="min_p (0 = off)" key="min_p" range=("0", "1", "0.01")
                value=text(|p| p.min_p.to_string()) set />
            <label class="field">
                <span>{tr(lang, "顺序（推理引擎）", "Order (inference engine)")}</span>
                <select data-control="order" prop:value=move || engine.get().code() on:change=choose("order")>
                    {move || { let l = lang.get(); Engine::ALL.iter().map(|x| view! {
                        <option value=x.code() selected=*x == engine.get_untracked()>{engine_label(*x, l)}</option>
                    }).collect_view() }}
                </select>
            </label>
            <ParamField lang zh="随机种子" en="Seed" key="seed" range=("0", "4294967295", "1")
                value=text(|p| p.seed.to_string()) set />
            <button type="button" class="small-button" data-control="sample"
                on:click=move |_| {
                    if sampled.get_untracked() {
                        let next = params.with_untracked(|p| p.seed.wrapping_add(1));
                        set.run(("seed", Some(next.to_string())));
                    } else {
                        sampled.set(true);
                    }
                }>
                {move || if sampled.get() {
                    lang.get().pick("再抽 1000 次（种子 + 1）", "Sample 1000 more (seed + 1)")
                } else {
                    lang.get().pick("抽样 1000 次", "Sample 1000 times")
                }}
            </button>
        </div>
        <p class="smp-source" data-testid="smp-source">
            {tr(lang, "该顺序出自：", "This order follows: ")}
            {move || { let (t, u) = engine_source(engine.get()); view! { <a href=u target="_blank" rel="noopener"><code>{t}</code></a> } }}
        </p>
    }
}
