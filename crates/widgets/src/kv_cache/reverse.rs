//! Reverse mode: given a GPU's memory and the weights' number format, the longest context for
//! this batch and the largest batch for this context that fit next to the weights.

use super::calc::{reverse, Reverse};
use super::controls::dtype_options;
use super::figures::figure;
use super::Params;
use crate::i18n::tr;
use explorables_core::kv::{
    format_bytes, Dtype, Fit, KvParams, MAX_BATCH, MAX_CTX, MAX_GPU_GIB, MIN_GPU_GIB,
};
use explorables_core::lang::Lang;
use explorables_core::params::{parse_f64, Notice};
use leptos::prelude::*;

/// Common accelerators and their memory in GiB.
const GPUS: [(&str, f64); 7] = [
    ("RTX 4090 · 24", 24.0),
    ("A100 · 40", 40.0),
    ("L40S · 48", 48.0),
    ("A100 / H100 · 80", 80.0),
    ("H200 · 141", 141.0),
    ("B200 · 192", 192.0),
    ("8 × H100 · 640", 640.0),
];

/// A reverse-mode answer in words: `≥ limit`, "any", or the number.
fn fit_text(f: &Fit, limit: u64, lang: Lang) -> String {
    if f.unbounded {
        lang.pick(
            "任意长度（缓存到窗口后不再增长）",
            "any (the cache stops growing at the window)",
        )
        .to_string()
    } else if f.at_limit {
        format!("≥ {limit}")
    } else {
        f.value.to_string()
    }
}

/// The answer in a sentence, saying clearly when even the weights do not fit.
fn summary(p: &KvParams, r: &Reverse, l: Lang) -> String {
    let gpu = format_bytes(r.gpu_bytes);
    let free = format_bytes(r.tokens.free_bytes);
    let m = p.model;
    if !r.tokens.weights_fit {
        let w = format_bytes(r.weight_bytes);
        return match l {
            Lang::Zh => format!("光是 {} 的权重（{w}）就放不下 {gpu} 显存，更别说 KV 缓存了：换更低的权重精度、更大的显存，或者多卡切分。", m.name),
            Lang::En => format!("Even the weights of {} ({w}) do not fit in {gpu}, before any KV cache: use a smaller weight format, more memory, or shard across GPUs.", m.name),
        };
    }
    let mut s = match (r.batch.value, l) {
        (0, Lang::Zh) => format!(
            "权重放下后还剩 {free}，但一条 {} token 的序列都放不下。",
            p.ctx
        ),
        (0, Lang::En) => format!(
            "After the weights {free} is left, not enough for even one sequence of {} tokens.",
            p.ctx
        ),
        (_, Lang::Zh) => format!("{gpu} 放下权重后还剩 {free} 给 KV 缓存。"),
        (_, Lang::En) => format!("{gpu} holds the weights with {free} left for the KV cache."),
    };
    if r.tokens.value > m.max_context && !r.tokens.unbounded {
        s.push_str(&match l {
            Lang::Zh => format!(" 放得下的长度超过了模型训练时的 {} token。", m.max_context),
            Lang::En => format!(
                " What fits is longer than the {} tokens the model was trained for.",
                m.max_context
            ),
        });
    }
    s
}

#[component]
pub fn ReverseMode(
    params: Params,
    notices: RwSignal<Vec<Notice>>,
    lang: Signal<Lang>,
) -> impl IntoView {
    let gib = Signal::derive(move || params.with(|p| p.gpu_gib));
    view! {
        <div class="controls kv-reverse-controls">
            <label class="field">
                <span>{tr(lang, "GPU 显存（GiB）", "GPU memory (GiB)")}</span>
                <input type="number" class="num" data-control="gpu" min=MIN_GPU_GIB max=MAX_GPU_GIB step="any"
                    aria-label=tr(lang, "GPU 显存（GiB）", "GPU memory (GiB)")
                    prop:value=Signal::derive(move || gib.get().to_string())
                    on:change=move |ev| {
                        let raw = event_target_value(&ev);
                        let (v, n) = parse_f64("gpu", Some(&raw), MIN_GPU_GIB, MAX_GPU_GIB, gib.get_untracked());
                        notices.set(n.into_iter().collect());
                        params.update(|p| p.gpu_gib = v);
                    } />
            </label>
            <label class="field">
                <span>{tr(lang, "常见 GPU", "Common GPUs")}</span>
                <select data-control="gpu-preset" prop:value=Signal::derive(move || GPUS.iter().find(|g| g.1 == gib.get()).map(|g| g.1.to_string()).unwrap_or_default())
                    on:change=move |ev| { if let Ok(v) = event_target_value(&ev).parse::<f64>() { params.update(|p| p.gpu_gib = v) } }>
                    <option value="">{tr(lang, "（自定义）", "(custom)")}</option>
                    {GPUS.iter().map(|(name, g)| view! { <option value=g.to_string()>{format!("{name} GiB")}</option> }).collect_view()}
                </select>
            </label>
            <label class="field">
                <span>{tr(lang, "权重精度", "Weight dtype")}</span>
                <select data-control="wdtype" prop:value=Signal::derive(move || params.with(|p| p.weight_dtype.slug()))
                    on:change=move |ev| { if let Some(d) = Dtype::from_slug(&event_target_value(&ev)) { params.update(|p| p.weight_dtype = d) } }>
                    {dtype_options()}
                </select>
            </label>
        </div>
        {move || {
            let l = lang.get();
            let p = params.get();
            let r = reverse(&p);
            let figures = r.tokens.weights_fit.then(|| {
                let tokens_label = match l {
                    Lang::Zh => format!("B = {} 时最长的上下文（token）", p.batch),
                    Lang::En => format!("Longest context at B = {} (tokens)", p.batch),
                };
                let batch_label = match l {
                    Lang::Zh => format!("T = {} 时最大的批大小", p.ctx),
                    Lang::En => format!("Largest batch at T = {}", p.ctx),
                };
                view! {
                    {figure("free-bytes", l.pick("留给 KV 缓存", "Left for the KV cache").into(), r.tokens.free_bytes, format_bytes(r.tokens.free_bytes))}
                    {figure("max-tokens", tokens_label, r.tokens.value, fit_text(&r.tokens, MAX_CTX, l))}
                    {figure("max-batch", batch_label, r.batch.value, fit_text(&r.batch, MAX_BATCH, l))}
                }
            });
            let weights_label = match l {
                Lang::Zh => format!("权重（{}，全部专家）", p.weight_dtype.slug()),
                Lang::En => format!("Weights ({}, every expert)", p.weight_dtype.slug()),
            };
            view! {
                <dl class="stats kv-reverse">
                    {figure("weight-bytes", weights_label, r.weight_bytes, format_bytes(r.weight_bytes))}
                    {figures}
                </dl>
                <p class="kv-explain" data-testid="kv-reverse-summary">{summary(&p, &r, l)}</p>
            }
            .into_any()
        }}
    }
}
