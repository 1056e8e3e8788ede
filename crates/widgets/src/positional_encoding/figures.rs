//! Headline read-outs (`<output data-key data-value>` with exact values), the rotated pair as a
//! small SVG circle, the layer strip of SmolLM3 / Llama 4 and the GLM token table.

use super::state::{exact, human};
use super::Params;
use crate::i18n::tr;
use explorables_core::lang::Lang;
use explorables_core::posenc::alibi;
use explorables_core::posenc::export::RopeView;
use explorables_core::posenc::glm::chat_example;
use explorables_core::posenc::layers::{attn_temperature, chunk_reach};
use explorables_core::posenc::{PosencParams, Scheme};
use leptos::prelude::*;
use std::f64::consts::TAU;

fn figure(key: &'static str, label: &'static str, value: String, text: String) -> AnyView {
    view! {
        <div>
            <dt>{label}</dt>
            <dd><output data-key=key data-value=value>{text}</output></dd>
        </div>
    }
    .into_any()
}

fn rope_figures(p: &PosencParams, r: &RopeView, l: Lang) -> Vec<AnyView> {
    let turns = r.angle / TAU;
    vec![
        figure(
            "angle",
            l.pick("转角 m·θᵢ（弧度）", "Angle m·θᵢ (rad)"),
            exact(r.angle),
            format!(
                "{} ({} {})",
                human(r.angle, 4),
                human(turns, 2),
                l.pick("圈", "turns")
            ),
        ),
        figure(
            "wavelength",
            l.pick(
                "该维度对的波长 2π/θᵢ（token）",
                "Wavelength 2π/θᵢ of this pair (tokens)",
            ),
            exact(r.wavelength),
            human(r.wavelength, 2),
        ),
        figure(
            "lowest-wavelength",
            l.pick(
                "最低频维度对的波长",
                "Wavelength of the lowest-frequency pair",
            ),
            exact(r.lowest_wavelength),
            human(r.lowest_wavelength, 0),
        ),
        figure(
            "score",
            l.pick("距离 Δ = m 处的相对分数", "Relative score at Δ = m"),
            exact(r.score),
            format!("{:.4} (θ = {})", r.score, human(p.theta, 0)),
        ),
    ]
}

#[component]
pub fn Headline(params: Params, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let l = lang.get();
        params.with(|p| {
            let mut items: Vec<AnyView> = Vec::new();
            match p.scheme {
                Scheme::Rope | Scheme::Nope | Scheme::Irope => {
                    let r = RopeView::new(p);
                    if let Some(uses) = p.layer_uses_rope() {
                        let t = if uses {
                            l.pick("RoPE 层", "RoPE layer")
                        } else {
                            l.pick("NoPE 层（不旋转）", "NoPE layer (no rotation)")
                        };
                        items.push(figure(
                            "layer-rope",
                            l.pick("所选层", "Chosen layer"),
                            uses.to_string(),
                            format!("{} {}", p.layer, t),
                        ));
                    }
                    items.extend(rope_figures(p, &r, l));
                    if p.scheme == Scheme::Irope {
                        let reach = chunk_reach(p.pos, 8192);
                        items.push(figure(
                            "chunk-reach",
                            l.pick(
                                "RoPE 层可见的 key 数（8192 分块）",
                                "Keys a RoPE layer sees (8192 chunks)",
                            ),
                            reach.to_string(),
                            human(reach as f64, 0),
                        ));
                        let t = attn_temperature(p.pos, 8192, 0.1);
                        items.push(figure(
                            "attn-scale",
                            l.pick(
                                "NoPE 层的 query 温度缩放",
                                "Query temperature scale in NoPE layers",
                            ),
                            exact(t),
                            format!("{t:.4}"),
                        ));
                    }
                }
                Scheme::Alibi => {
                    let s = alibi::slopes(p.heads);
                    let m = s
                        .get(p.head.saturating_sub(1) as usize)
                        .copied()
                        .unwrap_or(0.0);
                    items.push(figure(
                        "slope",
                        l.pick("所选头的斜率 m", "Slope m of the chosen head"),
                        exact(m),
                        format!("{m:.6} (2^{:.3})", m.log2()),
                    ));
                    items.push(figure(
                        "bias",
                        l.pick("距离 Δ = m 处的偏置 −m·Δ", "Bias −m·Δ at Δ = m"),
                        exact(alibi::bias(m, p.pos as f64)),
                        human(alibi::bias(m, p.pos as f64), 3),
                    ));
                    let first = s.first().copied().unwrap_or(0.0);
                    let last = s.last().copied().unwrap_or(0.0);
                    items.push(figure(
                        "slope-range",
                        l.pick("斜率范围（头 1 … 头 H）", "Slopes (head 1 … head H)"),
                        format!("{first},{last}"),
                        format!("{first:.4} … {last:.6}"),
                    ));
                }
                Scheme::Glm2d => {
                    let t = chat_example(p.prompt, p.gen);
                    items.push(figure(
                        "mask-position",
                        l.pick(
                            "[gMASK] 的位置（B 部分共用）",
                            "[gMASK] position (shared by Part B)",
                        ),
                        p.prompt.to_string(),
                        p.prompt.to_string(),
                    ));
                    items.push(figure(
                        "tokens",
                        l.pick("序列长度", "Sequence length"),
                        t.len().to_string(),
                        t.len().to_string(),
                    ));
                }
            }
            let note = (p.layer_uses_rope() == Some(false)).then(|| {
                l.pick(
                    "所选层不旋转（NoPE）；下面的转角、波长和分数是该模型 RoPE 层的。",
                    "The chosen layer does not rotate (NoPE); the angle, wavelengths and score are those of the model's RoPE layers.",
                )
            });
            view! {
                <dl class="stats pe-headline">{items}</dl>
                {note.map(|t| view! { <p class="pe-hint" data-testid="pe-nope-note">{t}</p> })}
            }
        })
    }
}

/// The pair `(1, 0)` rotated by the current angle, drawn on a unit circle.
#[component]
pub fn RotationDial(params: Params, lang: Signal<Lang>) -> impl IntoView {
    let r = Memo::new(move |_| params.with(RopeView::new));
    let label = Signal::derive(move || {
        let (x, y) = r.with(|r| r.rotated);
        match lang.get() {
            Lang::Zh => format!("单位圆：维度对 (1, 0) 旋转后为 ({x:.3}, {y:.3})"),
            Lang::En => format!("Unit circle: the pair (1, 0) rotated to ({x:.3}, {y:.3})"),
        }
    });
    view! {
        <figure class="pe-dial">
            <svg viewBox="-60 -60 120 120" width="140" height="140" role="img" aria-label=label>
                <circle cx="0" cy="0" r="45" class="pe-dial-circle" />
                <line x1="-52" y1="0" x2="52" y2="0" class="pe-dial-axis" />
                <line x1="0" y1="-52" x2="0" y2="52" class="pe-dial-axis" />
                <line x1="0" y1="0" x2="45" y2="0" class="pe-dial-start" />
                <line x1="0" y1="0" x2=move || r.with(|r| r.rotated.0 * 45.0) y2=move || r.with(|r| -r.rotated.1 * 45.0) class="pe-dial-vec" />
                <circle cx=move || r.with(|r| r.rotated.0 * 45.0) cy=move || r.with(|r| -r.rotated.1 * 45.0) r="4" class="pe-dial-dot" />
            </svg>
            <figcaption class="pe-hint">{label}" "{tr(lang, "灰线：旋转前。", "Grey line: before rotation.")}</figcaption>
        </figure>
    }
}

/// One box per layer: RoPE or NoPE; the chosen layer outlined.
#[component]
pub fn LayerStrip(params: Params, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let l = lang.get();
        params.with(|p| {
            let m = p.scheme.layer_model()?;
            let pattern = m.pattern();
            let nope: Vec<String> = pattern.iter().enumerate().filter(|(_, r)| !**r).map(|(i, _)| i.to_string()).collect();
            let label = match l {
                Lang::Zh => format!("{} 的 {} 层：NoPE 层为 {}，其余用 RoPE", m.name, m.layers, nope.join(", ")),
                Lang::En => format!("{}'s {} layers: NoPE at {}; the rest use RoPE", m.name, m.layers, nope.join(", ")),
            };
            let cells = pattern.iter().enumerate().map(|(i, &rope)| {
                view! { <i class="pe-layer" class:pe-nope=!rope class:pe-chosen=i as u32 == p.layer data-layer=i title=format!("{i}")></i> }
            }).collect_view();
            Some(view! {
                <figure class="pe-strip">
                    <div role="img" aria-label=label.clone() data-testid="pe-layers">{cells}</div>
                    <figcaption class="pe-hint">{label}" · "
                        <i class="pe-key pe-key-rope"></i>"RoPE "<i class="pe-key pe-key-nope"></i>"NoPE"</figcaption>
                </figure>
            })
        })
    }
}

/// ChatGLM-6B's token table: position id and block position id per token.
#[component]
pub fn GlmTable(params: Params, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let l = lang.get();
        let tokens = params.with(|p| chat_example(p.prompt, p.gen));
        let head = tokens
            .iter()
            .map(|t| view! { <th scope="col" class:pe-partb=t.part_b>{t.label.clone()}</th> })
            .collect_view();
        let pos = tokens
            .iter()
            .map(|t| view! { <td class:pe-partb=t.part_b>{t.position}</td> })
            .collect_view();
        let block = tokens
            .iter()
            .map(|t| view! { <td class:pe-partb=t.part_b>{t.block}</td> })
            .collect_view();
        let part = tokens
            .iter()
            .map(|t| view! { <td class:pe-partb=t.part_b>{if t.part_b { "B" } else { "A" }}</td> })
            .collect_view();
        view! {
            <div class="pe-table-wrap">
                <table class="pe-table" data-testid="pe-glm-table">
                    <caption>{l.pick("ChatGLM-6B：提示词 + [gMASK] + <sop> + 生成的 token", "ChatGLM-6B: prompt + [gMASK] + <sop> + generated tokens")}</caption>
                    <thead><tr><th scope="col">{l.pick("token", "token")}</th>{head}</tr></thead>
                    <tbody>
                        <tr><th scope="row">{l.pick("部分", "part")}</th>{part}</tr>
                        <tr><th scope="row">{l.pick("位置 id", "position id")}</th>{pos}</tr>
                        <tr><th scope="row">{l.pick("块内位置 id", "block position id")}</th>{block}</tr>
                    </tbody>
                </table>
            </div>
        }
    }
}
