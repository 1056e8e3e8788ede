//! The preset's explanation and source, and the dense-vs-MoE calculator: an MoE next to a
//! dense model with the same active parameters (same FLOPs per token, far less memory).

use super::Params;
use crate::i18n::tr;
use explorables_core::kv::{format_bytes, format_params};
use explorables_core::lang::Lang;
use explorables_core::moe::{dense_vs_moe, find_preset, Dtype};
use leptos::prelude::*;

#[component]
pub fn PresetInfo(params: Params, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let l = lang.get();
        match params.with(|p| find_preset(p.preset)) {
            Some(m) => view! {
                <div class="moe-info" data-testid="moe-preset-info">
                    <p>{m.explain(l)}</p>
                    <p class="moe-hint">{l.pick("来源：", "Source: ")}{m.source}</p>
                </div>
            }
            .into_any(),
            None => view! {
                <p class="moe-info moe-hint">{l.pick("自定义层：用上面的旋钮自己搭一个 MoE 层。选一个预设可以看到真实模型的路由方式。", "A custom layer: build your own MoE layer with the knobs above. Pick a preset to see how a real model routes.")}</p>
            }
            .into_any(),
        }
    }
}

#[component]
pub fn DenseCalc(params: Params, lang: Signal<Lang>) -> impl IntoView {
    let dtype = RwSignal::new(Dtype::Bf16);
    view! {
        <div class="moe-dense" data-testid="moe-dense">
            <div class="controls"><label class="field">
                <span>{tr(lang, "权重精度", "Weight dtype")}</span>
                <select data-control="dtype" on:change=move |ev| {
                    if let Some(d) = Dtype::from_code(&event_target_value(&ev)) { dtype.set(d) }
                }>
                    {Dtype::ALL.iter().map(|d| view! { <option value=d.code() selected=*d == Dtype::Bf16>{d.code()}</option> }).collect_view()}
                </select>
            </label></div>
            {move || {
                let l = lang.get();
                let Some(c) = params.with(|p| dense_vs_moe(p.preset, dtype.get())) else {
                    return view! { <p class="moe-hint">{l.pick("选择一个真实模型的预设来比较。", "Pick a real-model preset to compare.")}</p> }.into_any();
                };
                let row = |name: &'static str, moe: String, dense: String| view! {
                    <tr><th scope="row">{name}</th><td>{moe}</td><td>{dense}</td></tr>
                };
                let note = match l {
                    Lang::Zh => format!("每 token 只用到 {:.1}% 的参数：算力和一个 {} 的稠密模型相同，但显存要装下全部权重，是它的 {:.1} 倍。", c.active_fraction() * 100.0, format_params(c.dense.total_params), c.memory_ratio()),
                    Lang::En => format!("Only {:.1}% of the parameters work on each token: the compute of a {} dense model, but memory must hold every weight, {:.1}× as much.", c.active_fraction() * 100.0, format_params(c.dense.total_params), c.memory_ratio()),
                };
                view! {
                    <table class="moe-table">
                        <thead><tr><th></th><th>"MoE"</th><th>{l.pick("同激活量的稠密模型", "Dense, same active")}</th></tr></thead>
                        <tbody>
                            {row(l.pick("总参数", "Total params"), format_params(c.moe.total_params), format_params(c.dense.total_params))}
                            {row(l.pick("每 token 激活", "Active per token"), format_params(c.moe.active_params), format_params(c.dense.active_params))}
                            {row(l.pick("每 token FLOPs ≈ 2 × 激活", "FLOPs/token ≈ 2 × active"), format_params(c.moe.flops_per_token), format_params(c.dense.flops_per_token))}
                            {row(l.pick("权重显存", "Weight memory"), format_bytes(c.moe.weight_bytes), format_bytes(c.dense.weight_bytes))}
                        </tbody>
                    </table>
                    <p class="moe-hint">{note}</p>
                }.into_any()
            }}
        </div>
    }
}
