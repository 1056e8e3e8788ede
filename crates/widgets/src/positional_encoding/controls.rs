//! The explorer's inputs: scheme, θ (log slider + model presets), position, pair index,
//! head dim, ALiBi heads/head, layer, and the GLM example's lengths. Each shows only for the
//! schemes that use it; every change goes through `PosencParams::sanitize`.

use super::state::{
    slider_to_theta, theta_to_slider, THETA_LOG_MAX, THETA_LOG_MIN, THETA_LOG_STEP,
};
use super::{Apply, Params};
use crate::i18n::tr;
use explorables_core::lang::Lang;
use explorables_core::posenc::alibi::HEAD_PRESETS;
use explorables_core::posenc::glm::{MAX_GEN, MAX_PROMPT};
use explorables_core::posenc::params::{MAX_HEADS, MAX_POS, SCHEMES};
use explorables_core::posenc::rope::THETA_PRESETS;
use explorables_core::posenc::{PosencParams, Scheme};
use leptos::prelude::*;

fn scheme_label(s: Scheme, l: Lang) -> &'static str {
    match s {
        Scheme::Rope => l.pick("RoPE 旋转位置编码", "RoPE (rotary)"),
        Scheme::Nope => l.pick("NoPE 无位置编码（SmolLM3）", "NoPE (SmolLM3)"),
        Scheme::Irope => l.pick("iRoPE 交错（Llama 4）", "iRoPE (Llama 4)"),
        Scheme::Alibi => l.pick("ALiBi 线性偏置", "ALiBi (linear bias)"),
        Scheme::Glm2d => l.pick("GLM 二维位置", "GLM 2D positions"),
    }
}

/// A labelled range input over `f64` values.
#[component]
fn Slider(
    lang: Signal<Lang>,
    zh: &'static str,
    en: &'static str,
    key: &'static str,
    min: Signal<f64>,
    max: Signal<f64>,
    step: f64,
    value: Signal<f64>,
    /// What a screen reader announces for the value.
    text: Signal<String>,
    set: Callback<f64>,
) -> impl IntoView {
    view! {
        <label class="field pe-slider">
            <span>{tr(lang, zh, en)}" "<b class="pe-val">{text}</b></span>
            <input type="range" data-control=key min=min max=max step=step
                prop:value=move || value.get().to_string()
                aria-valuetext=text
                on:input=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<f64>() { set.run(v) }
                } />
        </label>
    }
}

#[component]
pub fn Controls(params: Params, apply: Apply, lang: Signal<Lang>) -> impl IntoView {
    let scheme = Signal::derive(move || params.with(|p| p.scheme));
    let uses = move |f: fn(Scheme) -> bool| Signal::derive(move || f(scheme.get()));
    let rope_like = uses(|s| matches!(s, Scheme::Rope | Scheme::Nope | Scheme::Irope));
    let alibi = uses(|s| s == Scheme::Alibi);
    let layered = uses(|s| matches!(s, Scheme::Nope | Scheme::Irope));
    let glm = uses(|s| s == Scheme::Glm2d);
    let num = move |f: fn(&PosencParams) -> f64| Signal::derive(move || params.with(f));
    let text = move |f: fn(&PosencParams) -> String| Signal::derive(move || params.with(f));
    let cb = move |f: fn(&mut PosencParams, f64)| {
        Callback::new(move |v: f64| apply.run(Box::new(move |p| f(p, v))))
    };
    let k = |v: f64| Signal::derive(move || v);

    let theta_preset = Signal::derive(move || {
        let t = params.with(|p| p.theta);
        THETA_PRESETS
            .iter()
            .find(|x| x.theta == t)
            .map_or("custom".to_string(), |x| x.theta.to_string())
    });
    let heads_preset = Signal::derive(move || {
        let h = params.with(|p| p.heads);
        HEAD_PRESETS
            .iter()
            .find(|x| x.0 == h)
            .map_or("custom".to_string(), |x| x.0.to_string())
    });
    view! {
        <div class="controls pe-controls">
            <label class="field">
                <span>{tr(lang, "方案", "Scheme")}</span>
                <select data-control="scheme" prop:value=move || scheme.get().code()
                    on:change=move |ev| { if let Some(s) = Scheme::from_code(&event_target_value(&ev)) {
                        apply.run(Box::new(move |p| { let keep = p.clone(); *p = PosencParams { pos: keep.pos, ..PosencParams::for_scheme(s) }; }))
                    } }>
                    {move || { let l = lang.get(); SCHEMES.iter().map(|s| view! { <option value=s.code() selected=*s == scheme.get_untracked()>{scheme_label(*s, l)}</option> }).collect_view() }}
                </select>
            </label>
            <Show when=move || rope_like.get()>
                <label class="field">
                    <span>{tr(lang, "θ 预设（模型）", "θ preset (model)")}</span>
                    <select data-control="theta-preset" prop:value=theta_preset
                        on:change=move |ev| { if let Ok(t) = event_target_value(&ev).parse::<f64>() { apply.run(Box::new(move |p| p.theta = t)) } }>
                        {THETA_PRESETS.iter().map(|x| view! { <option value=x.theta.to_string()>{format!("{} — {}", x.theta, x.models)}</option> }).collect_view()}
                        <option value="custom" disabled=true>{tr(lang, "自定义", "custom")}</option>
                    </select>
                </label>
                <Slider lang zh="RoPE 底数 θ（对数）" en="RoPE base θ (log)" key="theta"
                    min=k(THETA_LOG_MIN) max=k(THETA_LOG_MAX) step=THETA_LOG_STEP
                    value=num(|p| theta_to_slider(p.theta)) text=text(|p| p.theta.to_string())
                    set=cb(|p, v| p.theta = slider_to_theta(v)) />
                <Slider lang zh="维度对 i" en="Dimension pair i" key="dim"
                    min=k(0.0) max=num(|p| (p.head_dim / 2 - 1) as f64) step=1.0
                    value=num(|p| p.dim as f64) text=text(|p| p.dim.to_string())
                    set=cb(|p, v| p.dim = v.max(0.0) as u32) />
                <label class="field">
                    <span>{tr(lang, "head_dim d", "head_dim d")}</span>
                    <select data-control="head_dim" prop:value=move || params.with(|p| p.head_dim.to_string())
                        on:change=move |ev| { if let Ok(d) = event_target_value(&ev).parse::<u32>() { apply.run(Box::new(move |p| p.head_dim = d)) } }>
                        {[64u32, 128, 256].iter().map(|d| view! { <option value=d.to_string()>{d.to_string()}</option> }).collect_view()}
                    </select>
                </label>
            </Show>
            <Show when=move || !glm.get()>
                <Slider lang zh="位置 m（= 与位置 0 的距离 Δ）" en="Position m (= distance Δ to position 0)" key="pos"
                    min=k(0.0) max=k(MAX_POS as f64) step=1.0
                    value=num(|p| p.pos as f64) text=text(|p| p.pos.to_string())
                    set=cb(|p, v| p.pos = v.max(0.0) as u64) />
                <label class="field">
                    <span>{tr(lang, "精确位置", "Exact position")}</span>
                    <input type="number" class="num" data-control="pos-exact" min="0" max=MAX_POS.to_string() step="1"
                        prop:value=move || params.with(|p| p.pos.to_string())
                        on:change=move |ev| { if let Ok(v) = event_target_value(&ev).trim().parse::<f64>() {
                            if v.is_finite() { apply.run(Box::new(move |p| p.pos = v.clamp(0.0, MAX_POS as f64) as u64)) }
                        } } />
                </label>
            </Show>
            <Show when=move || layered.get()>
                <Slider lang zh="层（从 0 数）" en="Layer (0-based)" key="layer"
                    min=k(0.0) max=num(|p| p.layers().saturating_sub(1) as f64) step=1.0
                    value=num(|p| p.layer as f64) text=text(|p| p.layer.to_string())
                    set=cb(|p, v| p.layer = v.max(0.0) as u32) />
            </Show>
            <Show when=move || alibi.get()>
                <label class="field">
                    <span>{tr(lang, "头数预设", "Head-count preset")}</span>
                    <select data-control="heads-preset" prop:value=heads_preset
                        on:change=move |ev| { if let Ok(h) = event_target_value(&ev).parse::<u32>() { apply.run(Box::new(move |p| p.heads = h)) } }>
                        {HEAD_PRESETS.iter().map(|x| view! { <option value=x.0.to_string()>{x.1}</option> }).collect_view()}
                        <option value="custom" disabled=true>{tr(lang, "自定义", "custom")}</option>
                    </select>
                </label>
                <Slider lang zh="头数 H" en="Heads H" key="heads"
                    min=k(1.0) max=k(MAX_HEADS as f64) step=1.0
                    value=num(|p| p.heads as f64) text=text(|p| p.heads.to_string())
                    set=cb(|p, v| { p.heads = v.max(1.0) as u32; p.head = p.head.min(p.heads) }) />
                <Slider lang zh="查看第 h 个头" en="Head h" key="head"
                    min=k(1.0) max=num(|p| p.heads as f64) step=1.0
                    value=num(|p| p.head as f64) text=text(|p| p.head.to_string())
                    set=cb(|p, v| p.head = v.max(1.0) as u32) />
            </Show>
            <Show when=move || glm.get()>
                <Slider lang zh="提示词 token 数" en="Prompt tokens" key="prompt"
                    min=k(1.0) max=k(MAX_PROMPT as f64) step=1.0
                    value=num(|p| p.prompt as f64) text=text(|p| p.prompt.to_string())
                    set=cb(|p, v| p.prompt = v.max(1.0) as u32) />
                <Slider lang zh="已生成 token 数" en="Generated tokens" key="gen"
                    min=k(0.0) max=k(MAX_GEN as f64) step=1.0
                    value=num(|p| p.gen as f64) text=text(|p| p.gen.to_string())
                    set=cb(|p, v| p.gen = v.max(0.0) as u32) />
            </Show>
        </div>
    }
}
