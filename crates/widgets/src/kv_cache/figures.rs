//! The headline figures (exact values in `data-value`), the model's source and shape, the
//! per-layer-kind breakdown and the formula with the model's numbers substituted.
//!
//! These parts only display, so each is one closure that renders plain text from the state:
//! far less wasm than a reactive node per number.

use super::calc::ratio;
use super::labels::{attention_name, kind_label, kind_slug, variant_label};
use super::Params;
use explorables_core::kv::{
    format_bytes, format_params, formula_per_token, formula_total, kv_cache,
};
use explorables_core::lang::Lang;
use explorables_core::models::param_counts;
use leptos::prelude::*;

/// A figure with its exact value for tests and scripts.
pub fn figure(name: &'static str, label: String, value: u64, text: String) -> impl IntoView {
    view! {
        <div>
            <dt>{label}</dt>
            <dd><output data-key=name data-value=value.to_string()>{text}</output></dd>
        </div>
    }
}

#[component]
pub fn Headline(params: Params, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let l = lang.get();
        let p = params.get();
        let r = kv_cache(&p.request());
        let c = param_counts(p.model);
        let total_text = if r.saturated {
            format!("> {}", format_bytes(u64::MAX))
        } else {
            format_bytes(r.total_bytes)
        };
        let total_label = match l {
            Lang::Zh => format!("KV 缓存总量（B = {}，T = {}）", p.batch, p.ctx),
            Lang::En => format!("KV cache total (B = {}, T = {})", p.batch, p.ctx),
        };
        let active_label = if c.active != c.total {
            l.pick("每个 token 激活的参数（MoE）", "Active per token (MoE)")
        } else {
            l.pick("每个 token 激活的参数", "Active per token")
        };
        let m = p.model;
        let beyond = r.exceeds_max_context.then(|| match l {
            Lang::Zh => format!("注意：{} 训练时的最大上下文是 {} 个 token，T = {} 超出了它。这里只是缓存字节的算术，模型在这个长度下并没有训练过。", m.name, m.max_context, p.ctx),
            Lang::En => format!("Warning: {} was trained for contexts up to {} tokens; T = {} is beyond that. The bytes below are arithmetic only: the model was not trained for this length.", m.name, m.max_context, p.ctx),
        });
        let overflow = r.saturated.then(|| {
            l.pick(
                "总量超出 64 位整数范围，已按上限显示。",
                "The total overflows 64 bits and is shown at the limit.",
            )
        });
        view! {
            <dl class="stats kv-headline">
                {figure("kv-bytes", total_label, r.total_bytes, total_text)}
                {figure("kv-bytes-per-token", l.pick("每个 token（所有层，一条序列）", "Per token (all layers, one sequence)").into(), r.bytes_per_token, format_bytes(r.bytes_per_token))}
                {figure("params-total", l.pick("参数总量", "Parameters, total").into(), c.total, format_params(c.total))}
                {figure("params-active", active_label.into(), c.active, format_params(c.active))}
            </dl>
            {beyond.map(|t| view! { <p class="notice kv-warning" data-testid="kv-beyond-context">{t}</p> })}
            {overflow.map(|t| view! { <p class="notice kv-warning">{t}</p> })}
        }
        .into_any()
    }
}

/// Source link, the attention shape, and the note on anything unusual.
#[component]
pub fn ModelInfo(params: Params, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let l = lang.get();
        let m = params.with(|p| p.model);
        let link = if m.source.ends_with("config.json") {
            "config.json"
        } else {
            l.pick("来源", "source")
        };
        let shape = match l {
            Lang::Zh => format!("{} 层 · {} 个查询头 · {} 个 KV 头 · head_dim {} · {} · 最长上下文 {} token", m.layers, m.heads, m.kv_heads, m.head_dim, attention_name(m.attention), m.max_context),
            Lang::En => format!("{} layers · {} query heads · {} K/V heads · head_dim {} · {} · trained up to {} tokens", m.layers, m.heads, m.kv_heads, m.head_dim, attention_name(m.attention), m.max_context),
        };
        view! {
            <p class="kv-model-info" data-testid="kv-model-info">
                <strong>{m.name}</strong>" "<code>{m.id}</code>" · "{shape}" · "
                <a href=m.source target="_blank" rel="noopener noreferrer" data-testid="kv-source">{link}</a>
                {(!m.note(l).is_empty()).then(|| view! { <span class="kv-hint">" — "{m.note(l)}</span> })}
            </p>
        }
        .into_any()
    }
}

/// One row per layer kind: how many layers, what each keeps, and their share of the cache.
#[component]
pub fn Breakdown(params: Params, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let l = lang.get();
        let r = params.with(|p| kv_cache(&p.request()));
        let rows = r.per_kind.iter().map(|k| {
            let share = ratio(k.bytes, r.total_bytes) * 100.0;
            view! {
                <tr data-kind=kind_slug(k.kind).0>
                    <th scope="row">{kind_label(k.kind, l)}</th>
                    <td>{k.layers}</td>
                    <td>{k.kept_tokens}</td>
                    <td><output data-key="kv-kind-bytes" data-value=k.bytes.to_string()>{format_bytes(k.bytes)}</output></td>
                    <td>{format!("{share:.1}%")}</td>
                </tr>
            }
        });
        view! {
            <div class="table-scroll">
                <table class="kv-table" data-testid="kv-breakdown">
                    <caption>{l.pick("按层类型拆分", "By layer kind")}</caption>
                    <thead><tr>
                        <th scope="col">{l.pick("层类型", "Layer kind")}</th>
                        <th scope="col">{l.pick("层数", "Layers")}</th>
                        <th scope="col">{l.pick("每层保留的 token", "Tokens kept per layer")}</th>
                        <th scope="col">{l.pick("缓存", "Cache")}</th>
                        <th scope="col">{l.pick("占比", "Share")}</th>
                    </tr></thead>
                    <tbody>{rows.collect_view()}</tbody>
                </table>
            </div>
        }
        .into_any()
    }
}

/// The formula, written out with this model's numbers.
#[component]
pub fn Formula(params: Params, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let l = lang.get();
        params.with(|p| {
            let req = p.request();
            let head = match l {
                Lang::Zh => format!(
                    "{}，注意力：{}，缓存精度 {}：",
                    p.model.name,
                    variant_label(p.variant, p.model, l),
                    p.dtype.slug()
                ),
                Lang::En => format!(
                    "{}, attention: {}, cache in {}:",
                    p.model.name,
                    variant_label(p.variant, p.model, l),
                    p.dtype.slug()
                ),
            };
            view! {
                <div class="kv-formula" data-testid="kv-formula">
                    <p class="kv-hint">{head}</p>
                    <pre><code data-formula="per-token">{formula_per_token(&req, l)}</code></pre>
                    <pre><code data-formula="total">{formula_total(&req, l)}</code></pre>
                </div>
            }
            .into_any()
        })
    }
}
