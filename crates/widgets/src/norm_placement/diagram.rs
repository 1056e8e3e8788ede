//! One block as an inline SVG that rewires with the scheme: the residual line along the
//! bottom, each sublayer on a branch above it, norm boxes where the scheme puts them, and
//! small q/k norm boxes inside Attention with QK-Norm. The layout is pure (unit-tested).

use super::{unique_id, Params};
use crate::i18n::tr;
use explorables_core::lang::Lang;
use explorables_core::norm::Scheme;
use leptos::prelude::*;

const MAIN_Y: f64 = 128.0;
const ROW_Y: f64 = 62.0;
const NORM_W: f64 = 54.0;
const GAP: f64 = 14.0;

/// One thing to draw.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A labelled box centred vertically on `cy`; `kind` is its CSS role.
    Box {
        x: f64,
        cy: f64,
        w: f64,
        h: f64,
        label: &'static str,
        kind: &'static str,
    },
    /// The ⊕ of a residual add.
    Add { x: f64 },
    /// A connector; `arrow` puts an arrowhead at its end.
    Wire { d: String, arrow: bool },
}

/// The shapes of one block and the diagram's width.
pub fn layout(scheme: Scheme, qknorm: bool) -> (Vec<Shape>, f64) {
    let mut s = Vec::new();
    let mut x = 34.0;
    for (name, attn) in [("Attention", true), ("MLP", false)] {
        let split = x;
        x += GAP;
        let mut boxes = Vec::new();
        if scheme.pre_norm() {
            boxes.push((NORM_W, 30.0, "Norm", "norm"));
        }
        let (fw, fh) = if attn && qknorm {
            (128.0, 62.0)
        } else {
            (92.0, 40.0)
        };
        boxes.push((fw, fh, name, if attn { "attn" } else { "mlp" }));
        if scheme.out_norm() {
            boxes.push((NORM_W, 30.0, "Norm", "norm"));
        }
        // The branch wire goes first so that the boxes are drawn over it.
        let wire_at = s.len();
        for (w, h, label, kind) in boxes {
            s.push(Shape::Box {
                x,
                cy: ROW_Y,
                w,
                h,
                label,
                kind,
            });
            if attn && kind == "attn" && qknorm {
                for (i, qk) in ["q: Norm", "k: Norm"].into_iter().enumerate() {
                    let bx = x + 8.0 + i as f64 * 58.0;
                    s.push(Shape::Box {
                        x: bx,
                        cy: ROW_Y + 14.0,
                        w: 54.0,
                        h: 20.0,
                        label: qk,
                        kind: "qk",
                    });
                }
            }
            x += w + GAP;
        }
        let add = x + 4.0;
        let d = format!("M{split},{MAIN_Y} V{ROW_Y} H{add} V{}", MAIN_Y - 11.0);
        s.insert(wire_at, Shape::Wire { d, arrow: true });
        s.push(Shape::Add { x: add });
        x = add + 11.0 + GAP;
        if scheme.stream_norm() {
            s.push(Shape::Box {
                x,
                cy: MAIN_Y,
                w: NORM_W,
                h: 30.0,
                label: "Norm",
                kind: "norm",
            });
            x += NORM_W + GAP;
        }
        x += 6.0;
    }
    let end = x + 34.0;
    s.insert(
        0,
        Shape::Wire {
            d: format!("M8,{MAIN_Y} H{end}"),
            arrow: true,
        },
    );
    (s, end + 8.0)
}

/// The wiring in words (the diagram's accessible name).
pub fn describe(scheme: Scheme, qknorm: bool, lang: Lang) -> String {
    let attn = match (qknorm, lang) {
        (false, _) => "Attention".to_string(),
        (true, Lang::En) => "Attention (q and k each through RMSNorm)".to_string(),
        (true, Lang::Zh) => "Attention（q、k 各过一次 RMSNorm）".to_string(),
    };
    let mut parts = vec!["x".to_string()];
    for (i, f) in [attn, "MLP".to_string()].into_iter().enumerate() {
        if scheme.pre_norm() {
            parts.push("Norm".into());
        }
        parts.push(f);
        if scheme.out_norm() {
            parts.push("Norm".into());
        }
        parts.push(if i == 0 { "⊕ x" } else { "⊕" }.into());
        if scheme.stream_norm() {
            parts.push("Norm".into());
        }
    }
    parts.push(lang.pick("下一个块", "next block").into());
    let tail = if scheme.final_norm() {
        lang.pick(
            "；最后一个块之后再加一个 Norm。",
            "; one more Norm after the last block.",
        )
    } else {
        lang.pick(
            "；残差流在每次相加后都被归一化。",
            "; the stream is normalised after every add.",
        )
    };
    let head = lang.pick("一个块的连线：", "One block: ");
    format!("{head}{}{tail}", parts.join(" → "))
}

fn shape_view(s: Shape, marker: String) -> AnyView {
    match s {
        Shape::Box {
            x,
            cy,
            w,
            h,
            label,
            kind,
        } => {
            let ty = if kind == "attn" && h > 50.0 {
                cy - 14.0
            } else {
                cy
            };
            view! {
                <g class=format!("np-box np-{kind}") data-kind=kind>
                    <rect x=x y=cy - h / 2.0 width=w height=h rx="6"></rect>
                    <text x=x + w / 2.0 y=ty text-anchor="middle" dominant-baseline="central">{label}</text>
                </g>
            }
            .into_any()
        }
        Shape::Add { x } => view! {
            <g class="np-add" data-kind="add">
                <circle cx=x cy=MAIN_Y r="11"></circle>
                <text x=x y=MAIN_Y text-anchor="middle" dominant-baseline="central">"+"</text>
            </g>
        }
        .into_any(),
        Shape::Wire { d, arrow } => {
            let end = arrow.then(|| format!("url(#{marker})"));
            view! { <path class="np-wire" d=d marker-end=end></path> }.into_any()
        }
    }
}

#[component]
pub fn BlockDiagram(params: Params, lang: Signal<Lang>) -> impl IntoView {
    let marker = format!("np-arrow-{}", unique_id());
    let wiring = Memo::new(move |_| params.with(|p| (p.scheme, p.qknorm)));
    let label = Signal::derive(move || {
        let (s, q) = wiring.get();
        describe(s, q, lang.get())
    });
    let svg = move || {
        let (scheme, qknorm) = wiring.get();
        let (shapes, width) = layout(scheme, qknorm);
        let m = marker.clone();
        let body = shapes
            .into_iter()
            .map(|s| shape_view(s, m.clone()))
            .collect_view();
        view! {
            <svg class="np-svg" viewBox=format!("0 0 {width} 160") role="img" aria-label=label
                data-scheme=scheme.code() data-qknorm=qknorm.to_string()>
                <defs>
                    <marker id=m.clone() viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M0,0 L10,5 L0,10 z" class="np-arrowhead"></path>
                    </marker>
                </defs>
                <text x="10" y=MAIN_Y - 10.0 class="np-label">"x"</text>
                <text x=width - 12.0 y=MAIN_Y - 10.0 text-anchor="end" class="np-label">{move || lang.get().pick("下一块", "next")}</text>
                {body}
            </svg>
        }
    };
    view! {
        <figure class="np-diagram">
            {svg}
            <figcaption class="np-hint">
                {tr(lang, "Norm = LayerNorm（原始 Transformer、GPT-2）或 RMSNorm（Llama、OLMo 2、Gemma 3）；模拟中一律用不带可学习增益的 RMSNorm。⊕ = 残差相加。", "Norm = LayerNorm (original Transformer, GPT-2) or RMSNorm (Llama, OLMo 2, Gemma 3); the simulation uses RMSNorm without a learned gain throughout. ⊕ = residual add.")}
            </figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(shapes: &[Shape]) -> (usize, usize) {
        let count = |k: &str| {
            shapes
                .iter()
                .filter(|s| matches!(s, Shape::Box { kind, .. } if *kind == k))
                .count()
        };
        (count("norm"), count("qk"))
    }

    #[test]
    fn each_scheme_places_its_norms() {
        assert_eq!(norms(&layout(Scheme::PostLn, false).0), (2, 0));
        assert_eq!(norms(&layout(Scheme::PreLn, false).0), (2, 0));
        assert_eq!(norms(&layout(Scheme::Olmo2, true).0), (2, 2));
        assert_eq!(norms(&layout(Scheme::Gemma3, true).0), (4, 2));
        // Post-LN's norms sit on the residual line, the others' on the branch.
        let on_main = |s: Scheme| {
            layout(s, false)
                .0
                .iter()
                .any(|x| matches!(x, Shape::Box { cy, .. } if *cy == MAIN_Y))
        };
        assert!(on_main(Scheme::PostLn));
        assert!(!on_main(Scheme::PreLn) && !on_main(Scheme::Gemma3));
    }

    #[test]
    fn shapes_fit_in_the_width() {
        for s in Scheme::ALL {
            for q in [false, true] {
                let (shapes, w) = layout(s, q);
                for sh in &shapes {
                    if let Shape::Box { x, w: bw, .. } = sh {
                        assert!(*x >= 0.0 && x + bw <= w, "{s:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn words_follow_the_wiring() {
        assert_eq!(
            describe(Scheme::Olmo2, false, Lang::En),
            "One block: x → Attention → Norm → ⊕ x → MLP → Norm → ⊕ → next block; one more Norm after the last block."
        );
        assert!(describe(Scheme::PostLn, false, Lang::En).contains("⊕ x → Norm → MLP → ⊕ → Norm"));
        assert!(describe(Scheme::Gemma3, true, Lang::Zh).contains("q、k"));
    }
}
