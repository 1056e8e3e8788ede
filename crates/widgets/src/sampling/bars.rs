//! SVG bar charts: the distribution before the chain and after each step (tokens the step
//! removed greyed at their probability before it), and the 1000-draw histogram next to the
//! exact final distribution.

use super::{Params, Run};
use crate::fmt::{list, num};
use explorables_core::lang::Lang;
use explorables_core::sampling::draw::histogram;
use explorables_core::sampling::{SamplingParams, Step, StepKind, DRAWS};
use leptos::prelude::*;

/// One bar: height (probability) and its CSS class.
type Bar = (f64, &'static str);

const H: f64 = 118.0;
const BASE: f64 = 96.0;
const TOP: f64 = 12.0;

/// Width of one token's slot, and of the whole figure.
fn geometry(n: usize) -> (f64, f64) {
    let slot = (312.0 / n.max(1) as f64).clamp(7.0, 78.0);
    (slot, (n as f64 * slot + 8.0).max(320.0))
}

fn short(label: &str) -> String {
    let t = label.trim();
    let mut s: String = t.chars().take(6).collect();
    if t.chars().count() > 6 {
        s.push('…');
    }
    s
}

/// Bars per token (several per slot for grouped charts), labels under them: the token text
/// when there is room for it, else the token's number (`ids[i] + 1`).
fn svg(groups: &[Vec<Bar>], labels: &[String], ids: &[usize], aria: String) -> impl IntoView {
    let n = groups.len();
    let (slot, w) = geometry(n);
    let per = groups.first().map_or(1, Vec::len).max(1);
    let hmax = groups
        .iter()
        .flatten()
        .map(|b| b.0)
        .fold(0.0, f64::max)
        .max(1e-12);
    let scale = (BASE - TOP) / hmax;
    let bw = ((slot * 0.8) / per as f64).min(22.0);
    let every = if slot >= 36.0 {
        1
    } else {
        n.div_ceil(12).max(1)
    };
    let show_values = n <= 10 && per == 1;
    let bars = groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let mid = 4.0 + (i as f64 + 0.5) * slot;
            let left = mid - bw * per as f64 / 2.0;
            let rects = g
                .iter()
                .enumerate()
                .map(|(j, &(v, class))| {
                    let h = (v * scale).max(if v > 0.0 { 0.8 } else { 0.0 });
                    view! { <rect class=class x=left + j as f64 * bw y=BASE - h width=(bw - 1.0).max(1.0) height=h></rect> }
                })
                .collect_view();
            let value = (show_values && g[0].0 > 0.0).then(|| {
                view! { <text class="smp-val" x=mid y=BASE - g[0].0 * scale - 3.0 text-anchor="middle">{num(g[0].0, 3)}</text> }
            });
            let label = (i % every == 0).then(|| {
                let t = if slot >= 36.0 { short(&labels[i]) } else { (ids[i] + 1).to_string() };
                view! { <text class="smp-label" x=mid y=BASE + 14.0 text-anchor="middle">{t}</text> }
            });
            view! { {rects}{value}{label} }
        })
        .collect_view();
    view! {
        <svg viewBox=format!("0 0 {w} {H}") role="img" aria-label=aria style=format!("max-width:{}px", w.max(320.0) * 1.6)>
            <line class="smp-axis" x1="0" x2=w y1=BASE y2=BASE></line>
            {bars}
        </svg>
    }
}

fn step_title(s: &Step, p: &SamplingParams, l: Lang) -> String {
    let v = match s.kind {
        StepKind::Temperature => format!("T = {}", p.temperature),
        StepKind::TopK => format!("k = {}", p.top_k),
        StepKind::TopP => format!("p = {}", p.top_p),
        StepKind::MinP => format!("min_p = {}", p.min_p),
    };
    let name = match s.kind {
        StepKind::Temperature => l.pick("温度", "temperature"),
        StepKind::TopK => "top-k",
        StepKind::TopP => "top-p",
        StepKind::MinP => "min-p",
    };
    format!("{name} ({v})")
}

#[component]
pub fn Steps(params: Params, result: Run, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let l = lang.get();
        params.with(|p| {
            result.with(|r| {
                let start: Vec<Vec<Bar>> = r.start.iter().map(|&v| vec![(v, "smp-bar-start")]).collect();
                let all: Vec<usize> = (0..r.start.len()).collect();
                let first = view! {
                    <figure class="smp-step" data-step="start">
                        <figcaption>{l.pick("0. 原始分布 softmax(logits)", "0. Start: softmax(logits)")}</figcaption>
                        {svg(&start, &p.labels, &all, format!("{}: {}", l.pick("原始分布", "Start distribution"), list(&r.start, 4)))}
                    </figure>
                };
                let mut before = r.start.clone();
                let steps = r
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let title = format!("{}. {}", i + 1, step_title(s, p, l));
                        let removed = s.removed.iter().filter(|&&x| x).count();
                        let view = if !s.active {
                            view! {
                                <p class="smp-step smp-off" data-step=s.kind.code()>{title}" — "{l.pick("关闭，分布不变", "off, nothing changes")}</p>
                            }
                            .into_any()
                        } else {
                            let groups: Vec<Vec<Bar>> = (0..s.probs.len())
                                .map(|t| {
                                    if s.removed[t] {
                                        vec![(before[t], "smp-bar-removed")]
                                    } else if s.kept[t] {
                                        vec![(s.probs[t], "smp-bar")]
                                    } else {
                                        vec![(0.0, "smp-bar")]
                                    }
                                })
                                .collect();
                            let left = s.kept.iter().filter(|&&k| k).count();
                            let note = match (l, removed) {
                                (Lang::Zh, 0) => format!("只改变形状，{left} 个 token 都保留"),
                                (Lang::En, 0) => format!("reshapes only, all {left} tokens stay"),
                                (Lang::Zh, _) => format!("移除 {removed} 个 token（灰色，为移除前的概率），剩余 {left} 个"),
                                (Lang::En, _) => format!("removed {removed} token(s) (grey, at their probability before the step), {left} left"),
                            };
                            let aria = format!("{title}: {}", list(&s.probs, 4));
                            view! {
                                <figure class="smp-step" data-step=s.kind.code()>
                                    <figcaption>{title}" · "<span class="smp-note">{note}</span></figcaption>
                                    {svg(&groups, &p.labels, &all, aria)}
                                </figure>
                            }
                            .into_any()
                        };
                        before = s.probs.clone();
                        view
                    })
                    .collect_view();
                view! {
                    <div class="smp-steps" data-testid="smp-steps">
                        {first}{steps}
                        <ul class="smp-legend">
                            <li><i class="smp-key"></i>{l.pick("该步之后的概率", "probability after the step")}</li>
                            <li><i class="smp-key smp-key-removed"></i>{l.pick("该步移除的 token", "removed by the step")}</li>
                        </ul>
                    </div>
                }
            })
        })
    }
}

#[component]
pub fn Histogram(
    params: Params,
    result: Run,
    lang: Signal<Lang>,
    sampled: RwSignal<bool>,
) -> impl IntoView {
    move || {
        if !sampled.get() {
            return None;
        }
        let l = lang.get();
        Some(params.with(|p| {
            result.with(|r| {
                let counts = histogram(&r.probs, DRAWS, p.seed as u64);
                let shown: Vec<usize> = (0..r.probs.len()).filter(|&i| r.probs[i] > 0.0 || counts[i] > 0).collect();
                let groups: Vec<Vec<Bar>> = shown
                    .iter()
                    .map(|&i| vec![(r.probs[i], "smp-bar"), (counts[i] as f64 / DRAWS as f64, "smp-bar-emp")])
                    .collect();
                let labels: Vec<String> = shown.iter().map(|&i| p.labels[i].clone()).collect();
                let value = counts.iter().map(u32::to_string).collect::<Vec<_>>().join(",");
                let text = shown
                    .iter()
                    .map(|&i| format!("{} {}", p.labels[i].trim(), counts[i]))
                    .collect::<Vec<_>>()
                    .join(", ");
                let aria = format!("{} {DRAWS}: {text}", l.pick("抽样直方图", "Histogram of draws"));
                view! {
                    <figure class="smp-hist" data-testid="smp-hist">
                        <figcaption>{match l {
                            Lang::Zh => format!("抽样 {DRAWS} 次（种子 {}）：经验频率（橙）与精确概率（蓝）", p.seed),
                            Lang::En => format!("{DRAWS} draws (seed {}): empirical frequency (orange) next to the exact probability (blue)", p.seed),
                        }}</figcaption>
                        {svg(&groups, &labels, &shown, aria)}
                        <p class="smp-note">{l.pick("次数：", "Counts: ")}<output data-key="histogram" data-value=value>{text}</output></p>
                    </figure>
                }
            })
        }))
    }
}
