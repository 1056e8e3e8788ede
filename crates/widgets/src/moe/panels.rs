//! The lab's read-outs: headline figures (exact values in `data-value`), the load histogram,
//! and "step one token" with the router's numbers for that token.

use super::draw::{draw_hist, Palette, HIST_H};
use super::{Params, Sim};
use crate::i18n::tr;
use crate::WidgetEnv;
use explorables_core::kv::format_params;
use explorables_core::lang::Lang;
use explorables_core::moe::find_preset;
use leptos::prelude::*;

/// `cv` as written into `data-value` (6 decimals).
pub fn cv_value(cv: f64) -> String {
    format!("{:.6}", if cv.is_finite() { cv } else { 0.0 })
}

fn figure(key: &'static str, label: &'static str, value: String, text: String) -> impl IntoView {
    view! {
        <div>
            <dt>{label}</dt>
            <dd><output data-key=key data-value=value>{text}</output></dd>
        </div>
    }
}

#[component]
pub fn Headline(params: Params, sim: Sim, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let l = lang.get();
        let counts = params.with(|p| find_preset(p.preset).and_then(|m| m.param_counts()));
        let (total, active) = counts.map_or((String::new(), String::new()), |c| {
            (c.total.to_string(), c.active.to_string())
        });
        let fmt = |v: Option<u64>| v.map_or("—".to_string(), format_params);
        sim.with(|s| {
            let r = s.result();
            view! {
                <dl class="stats moe-headline">
                    {figure("params-total", l.pick("总参数", "Total parameters"), total, fmt(counts.map(|c| c.total)))}
                    {figure("params-active", l.pick("每 token 激活", "Active per token"), active, fmt(counts.map(|c| c.active)))}
                    {figure("load-cv", l.pick("负载 CV（越小越均衡）", "Load CV (lower = balanced)"), cv_value(r.cv), format!("{:.3}", r.cv))}
                    {figure("dropped", l.pick("丢弃的分配", "Dropped assignments"), r.dropped.to_string(), r.dropped.to_string())}
                    {figure("step", l.pick("训练步", "Step"), s.steps_done().to_string(), s.steps_done().to_string())}
                </dl>
            }
        })
    }
}

#[component]
pub fn LoadHistogram(sim: Sim, width: Signal<f64>, env: WidgetEnv) -> impl IntoView {
    let lang = env.lang;
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    Effect::new(move |_| {
        env.theme.track();
        let w = width.get();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let pal = Palette::read();
        let l = lang.get();
        sim.with(|s| draw_hist(&canvas, w, s.result(), s.cv_history(), &pal, l));
    });
    let summary = Signal::derive(move || {
        let l = lang.get();
        sim.with(|s| {
            let r = s.result();
            match l {
                Lang::Zh => format!(
                    "每个专家本步的负载：最多 {}，最少 {}；CV = {:.3}，已记录 {} 步。",
                    r.max_load,
                    r.min_load,
                    r.cv,
                    s.cv_history().len()
                ),
                Lang::En => format!(
                    "Per-expert load this step: max {}, min {}; CV = {:.3} over {} recorded steps.",
                    r.max_load,
                    r.min_load,
                    r.cv,
                    s.cv_history().len()
                ),
            }
        })
    });
    view! {
        <figure class="moe-hist">
            <canvas node_ref=canvas_ref role="img" aria-label=summary data-testid="moe-hist" style=format!("height:{HIST_H}px")></canvas>
            <figcaption class="moe-hint">
                <i class="moe-key moe-key-kept"></i>{tr(lang, "处理的 token", "tokens processed")}" "
                <i class="moe-key moe-key-drop"></i>{tr(lang, "超出容量被丢弃", "dropped over capacity")}" "
                <i class="moe-key moe-key-cv"></i>{tr(lang, "每步的 CV", "CV per step")}
            </figcaption>
        </figure>
    }
}

/// The next token for "step one token" (wraps around; `None` when the step has no tokens).
pub fn next_token(cur: Option<usize>, tokens: usize) -> Option<usize> {
    if tokens == 0 {
        return None;
    }
    Some(cur.map_or(0, |t| (t + 1) % tokens))
}

#[component]
pub fn TokenPanel(
    sim: Sim,
    selected: RwSignal<Option<usize>>,
    lang: Signal<Lang>,
) -> impl IntoView {
    let step_token = move |_| {
        let tokens = sim.with_untracked(|s| s.result().tokens());
        selected.update(|t| *t = next_token(*t, tokens));
    };
    view! {
        <div class="moe-token">
            <button type="button" data-action="step-token" on:click=step_token>
                {tr(lang, "逐个 token 看路由", "Step one token")}
            </button>
            {move || {
                let l = lang.get();
                let detail = selected.get().and_then(|t| sim.with(|s| s.route_one(t)));
                let Some(d) = detail else {
                    return view! { <p class="moe-hint">{l.pick("先走一步，再逐个查看 token：打分、top-k 选择和重新归一化后的权重。", "Run a step, then walk through its tokens: scores, the top-k pick and the renormalised weights.")}</p> }.into_any();
                };
                let rows = d.topk.iter().enumerate().map(|(j, e)| {
                    let kept = d.kept.get(j).copied().unwrap_or(true);
                    view! {
                        <tr class:moe-dropped=!kept>
                            <td>{format!("E{e}")}</td>
                            <td>{format!("{:.4}", d.topk_scores.get(j).copied().unwrap_or(0.0))}</td>
                            <td>{format!("{:.4}", d.weights.get(j).copied().unwrap_or(0.0))}</td>
                            <td>{if kept { l.pick("保留", "kept") } else { l.pick("丢弃", "dropped") }}</td>
                        </tr>
                    }
                }).collect_view();
                let lines = d.explain(l).into_iter().map(|s| view! { <li>{s}</li> }).collect_view();
                view! {
                    <p><strong>{format!("“{}”", d.label)}</strong></p>
                    <table class="moe-table" data-testid="moe-token-table">
                        <thead><tr>
                            <th>{l.pick("专家", "Expert")}</th>
                            <th>{l.pick("分数", "Score")}</th>
                            <th>{l.pick("权重", "Weight")}</th>
                            <th>{l.pick("状态", "Status")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <ol class="moe-explain">{lines}</ol>
                }.into_any()
            }}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_walk_wraps() {
        assert_eq!(next_token(None, 0), None);
        assert_eq!(next_token(None, 3), Some(0));
        assert_eq!(next_token(Some(2), 3), Some(0));
        assert_eq!(next_token(Some(7), 3), Some(2));
    }

    #[test]
    fn cv_has_six_decimals() {
        assert_eq!(cv_value(0.5), "0.500000");
        assert_eq!(cv_value(f64::NAN), "0.000000");
    }
}
