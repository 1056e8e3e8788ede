//! `past_key_values`, one token at a time: the cache tensors of each layer kind after step t
//! (growing, and stopping at the window for sliding layers), and the attention FLOPs of the
//! step with and without the cache.

use super::calc::{flop_count, ratio};
use super::labels::{kind_label, times};
use super::Params;
use crate::i18n::tr;
use explorables_core::kv::{
    cache_shapes, decode_step, format_bytes, format_params, kv_cache, MAX_CTX,
};
use explorables_core::lang::Lang;
use explorables_core::models::LayerKind;
use leptos::prelude::*;

/// `K (1, 8, 5, 128)` with the dimension names beside it.
fn shape_text(name: &str, dims: &[(&'static str, u64)]) -> (String, String) {
    let values: Vec<String> = dims.iter().map(|d| d.1.to_string()).collect();
    let names: Vec<&str> = dims.iter().map(|d| d.0).collect();
    (
        format!("{name} ({})", values.join(", ")),
        format!("({})", names.join(", ")),
    )
}

/// The next `t` for a key, or `None` when the key is not ours.
pub fn key_step(key: &str, t: u64, ctx: u64) -> Option<u64> {
    Some(match key {
        "ArrowRight" | "n" | "N" | "+" => t.saturating_add(1).min(MAX_CTX),
        "ArrowLeft" | "-" => t.saturating_sub(1).max(1),
        "PageUp" | "d" | "D" => t.saturating_mul(2).min(MAX_CTX),
        "Home" | "r" | "R" => 1,
        "End" | "t" | "T" => ctx.clamp(1, MAX_CTX),
        _ => return None,
    })
}

#[component]
pub fn Stepper(params: Params, lang: Signal<Lang>) -> impl IntoView {
    let t = RwSignal::new(1u64);
    let req = move || params.with(|p| p.request().tokens(t.get()));
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if let Some(next) = key_step(
            &ev.key(),
            t.get_untracked(),
            params.with_untracked(|p| p.ctx),
        ) {
            ev.prevent_default();
            t.set(next);
        }
    };
    view! {
        <div class="kv-stepper" role="group" tabindex="0" on:keydown=on_key data-testid="kv-stepper"
            aria-label=tr(lang, "逐 token 解码：→ 或 n 前进一步，d 翻倍，r 重置，t 跳到当前 T", "Decode token by token: → or n steps, d doubles, r resets, t jumps to the current T")>
            <div class="kv-stepper-buttons">
                <button type="button" data-action="step" aria-keyshortcuts="ArrowRight n" on:click=move |_| t.update(|v| *v = v.saturating_add(1).min(MAX_CTX))>
                    {tr(lang, "解码一步", "Step")}
                </button>
                <button type="button" data-action="double" aria-keyshortcuts="d" on:click=move |_| t.update(|v| *v = v.saturating_mul(2).min(MAX_CTX))>"×2"</button>
                <button type="button" data-action="jump" aria-keyshortcuts="t" on:click=move |_| t.set(params.with_untracked(|p| p.ctx))>
                    {Signal::derive(move || params.with(|p| match lang.get() { Lang::Zh => format!("跳到 T = {}", p.ctx), Lang::En => format!("Jump to T = {}", p.ctx) }))}
                </button>
                <button type="button" data-action="reset" aria-keyshortcuts="r" on:click=move |_| t.set(1)>
                    {tr(lang, "重置", "Reset")}
                </button>
                <output class="kv-step-t" data-key="step-t" data-value=Signal::derive(move || t.get().to_string()) aria-live="polite">
                    {Signal::derive(move || match lang.get() {
                        Lang::Zh => format!("t = {}（已有的 token 数），缓存共 {}", t.get(), format_bytes(kv_cache(&req()).total_bytes)),
                        Lang::En => format!("t = {} (tokens so far): the cache holds {}", t.get(), format_bytes(kv_cache(&req()).total_bytes)),
                    })}
                </output>
            </div>
            {move || {
                let l = lang.get();
                let now = t.get();
                let r = req();
                let d = decode_step(&r, params.with(|p| p.weight_dtype));
                let items = cache_shapes(&r).into_iter().map(|s| {
                    let kept = s.tensors.first().and_then(|x| x.dims.iter().find(|d| d.0 == "tokens")).map_or(now, |d| d.1);
                    let full = !matches!(s.kind, LayerKind::Global) && kept < now;
                    let pct = (ratio(kept, now) * 100.0).clamp(0.0, 100.0);
                    let header = match l {
                        Lang::Zh => format!("{} 层 · {}", s.layers, kind_label(s.kind, l)),
                        Lang::En => format!("{} × {}", s.layers, kind_label(s.kind, l)),
                    };
                    let tensors = s.tensors.iter().map(|x| {
                        let (shape, names) = shape_text(x.name, &x.dims);
                        view! { <div class="kv-shape"><code>{shape}</code>" "<span class="kv-hint">{names}</span></div> }
                    });
                    view! {
                        <li>
                            <div>{header}</div>
                            <div class="kv-bar" aria-hidden="true"><span style=format!("width:{pct:.1}%")></span></div>
                            {tensors.collect_view()}
                            {full.then(|| view! { <div class="kv-hint">{l.pick("窗口已满：每一步丢掉最旧的 token，缓存不再增长。", "Window full: each step drops the oldest token; this cache no longer grows.")}</div> })}
                        </li>
                    }
                });
                let (with, without) = (flop_count(d.attention_flops_cached), flop_count(d.attention_flops_uncached));
                let x = times(ratio(without, with));
                let (with, without) = (format_params(with), format_params(without));
                let flops = match l {
                    Lang::Zh => format!("这一步的注意力计算（每条序列）：有缓存 {with} FLOPs，没有缓存（重算前面所有 token 的 K、V）{without} FLOPs，是前者的 {x}；差距随 t 线性增长。"),
                    Lang::En => format!("Attention FLOPs of this step (per sequence): {with} with the cache, {without} without it (recomputing K and V of every earlier token), {x} as much; the gap grows linearly with t."),
                };
                view! {
                    <ul class="kv-shapes">{items.collect_view()}</ul>
                    <p class="kv-explain">{flops}</p>
                }
                .into_any()
            }}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_step_double_reset_and_jump() {
        assert_eq!(key_step("ArrowRight", 1, 8192), Some(2));
        assert_eq!(key_step("n", MAX_CTX, 8192), Some(MAX_CTX));
        assert_eq!(key_step("ArrowLeft", 1, 8192), Some(1));
        assert_eq!(key_step("d", 3, 8192), Some(6));
        assert_eq!(key_step("d", u64::MAX, 8192), Some(MAX_CTX));
        assert_eq!(key_step("r", 99, 8192), Some(1));
        assert_eq!(key_step("t", 99, 8192), Some(8192));
        assert_eq!(key_step("x", 99, 8192), None);
    }

    #[test]
    fn shapes_read_as_tuples() {
        let (s, n) = shape_text(
            "K",
            &[
                ("batch", 1),
                ("kv_heads", 8),
                ("tokens", 5),
                ("head_dim", 128),
            ],
        );
        assert_eq!(s, "K (1, 8, 5, 128)");
        assert_eq!(n, "(batch, kv_heads, tokens, head_dim)");
    }
}
