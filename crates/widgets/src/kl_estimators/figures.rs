//! π_θ and π_ref as bars (SVG), and the explanation with its sources.

use super::Result;
use crate::fmt::{list, num};
use explorables_core::lang::Lang;
use leptos::prelude::*;

/// Grouped bars: π_θ (colour 1) and π_ref (colour 2) per action, with the exact values.
#[component]
pub fn Bars(result: Result, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let l = lang.get();
        result.with(|r| {
            let n = r.pi_theta.len();
            // At least 320 units wide, so few actions get wide bars rather than a tiny figure.
            let slot = (310.0 / n as f64).max(40.0);
            let bw = (slot * 0.36).min(30.0);
            let (w, h, top, base) = (n as f64 * slot + 10.0, 150.0, 8.0, 124.0);
            let hmax = r.pi_theta.iter().chain(&r.pi_ref).copied().fold(0.0, f64::max).max(1e-9);
            let scale = (base - top) / hmax;
            let bars = (0..n)
                .map(|a| {
                    let x = 5.0 + a as f64 * slot;
                    let (pt, pr) = (r.pi_theta[a], r.pi_ref[a]);
                    let mid = x + slot / 2.0;
                    view! {
                        <rect class="kl-bar-theta" x=mid - bw - 1.0 y=base - pt * scale width=bw height=pt * scale></rect>
                        <rect class="kl-bar-ref" x=mid + 1.0 y=base - pr * scale width=bw height=pr * scale></rect>
                        <text class="kl-bar-label" x=mid y=base + 16.0 text-anchor="middle">{a.to_string()}</text>
                    }
                })
                .collect_view();
            let label = match l {
                Lang::Zh => format!("柱状图：π_θ = ({})，π_ref = ({})", list(&r.pi_theta, 4), list(&r.pi_ref, 4)),
                Lang::En => format!("Bar chart: π_θ = ({}), π_ref = ({})", list(&r.pi_theta, 4), list(&r.pi_ref, 4)),
            };
            let pt = r.data_value("pi-theta").unwrap_or_default();
            let pr = r.data_value("pi-ref").unwrap_or_default();
            view! {
                <figure class="kl-bars">
                    <svg viewBox=format!("0 0 {w} {h}") role="img" aria-label=label>
                        <line class="kl-axis" x1="0" x2=w y1=base y2=base></line>
                        {bars}
                    </svg>
                    <figcaption>
                        <span class="kl-key kl-key-theta"></span>"π_θ = softmax(θ): "
                        <output data-key="pi-theta" data-value=pt>{list(&r.pi_theta, 4)}</output>
                        <br />
                        <span class="kl-key kl-key-ref"></span>"π_ref = softmax(ref): "
                        <output data-key="pi-ref" data-value=pr>{list(&r.pi_ref, 4)}</output>
                        <br />
                        <span class="kl-hint">{l.pick("横轴：动作（token）编号。", "x axis: action (token) index.")}" "
                            {format!("log r = log π_ref − log π_θ: {}", list(&r.log_ratio, 3))}</span>
                    </figcaption>
                </figure>
            }
        })
    }
}

const SOURCES: &[(&str, &str)] = &[
    (
        "J. Schulman, Approximating KL Divergence (2020)",
        "http://joschu.net/blog/kl-approx.html",
    ),
    (
        "DeepSeekMath eq. 4: GRPO's KL term is k3 in the loss (arXiv:2402.03300)",
        "https://arxiv.org/abs/2402.03300",
    ),
    (
        "verl core_algos.py: kl_penalty (k1 / k2 / k3 = low_var_kl)",
        "https://github.com/volcengine/verl/blob/main/verl/trainer/ppo/core_algos.py",
    ),
];

#[component]
pub fn Explanation(lang: Signal<Lang>) -> impl IntoView {
    move || {
        let l = lang.get();
        let paras: [&str; 3] = match l {
            Lang::Zh => [
                "三个估计量都只用一次采样 a ~ π_θ 和比值 r = π_ref(a)/π_θ(a)：k1 = −log r 无偏但方差大、还会取负值；k2 = ½(log r)² 非负、方差小，但有偏；k3 = (r − 1) − log r 无偏、非负、方差通常小（Schulman 2020）。",
                "可训练时要的是梯度，而梯度取决于估计量怎么进入目标：放进奖励（REINFORCE，k 不求导）时期望梯度是 E[k·∇log π_θ]；当作损失直接求导（GRPO 的 KL 项）时是 E[∇k]，后者没有得分函数项。于是 k1 作损失的期望梯度为 0，k2 作损失才等于 ∇KL(π_θ‖π_ref)，而 GRPO 用的 k3 作损失给出的是 π_θ − π_ref = ∇KL(π_ref‖π_θ)——另一个方向的 KL。",
                "所以“k3 是无偏的 KL 估计”只说明了值，不说明梯度：值无偏 ≠ 梯度对。",
            ],
            Lang::En => [
                "All three use one sample a ~ π_θ and the ratio r = π_ref(a)/π_θ(a): k1 = −log r is unbiased but noisy and can be negative; k2 = ½(log r)² is non-negative with low variance but biased; k3 = (r − 1) − log r is unbiased, non-negative and usually low-variance (Schulman 2020).",
                "Training needs the gradient, and that depends on how the estimator enters the objective: in the reward (REINFORCE, k not differentiated) the expected gradient is E[k·∇log π_θ]; as a loss differentiated directly (GRPO's KL term) it is E[∇k], without the score-function term. So k1 as a loss has zero expected gradient, k2 as a loss gives ∇KL(π_θ‖π_ref), and GRPO's k3 as a loss gives π_θ − π_ref = ∇KL(π_ref‖π_θ) — the KL in the other direction.",
                "\"k3 is an unbiased KL estimate\" is about its value, not its gradient: an unbiased value is not a right gradient.",
            ],
        };
        view! {
            <div class="kl-explain" data-testid="kl-explain">
                {paras.into_iter().map(|t| view! { <p>{t}</p> }).collect_view()}
                <p class="kl-sub"><strong>{l.pick("来源", "Sources")}</strong></p>
                <ul class="kl-sources">
                    {SOURCES.iter().map(|(t, u)| view! { <li><a href=*u target="_blank" rel="noopener">{*t}</a></li> }).collect_view()}
                </ul>
            </div>
        }
    }
}

/// A number for the tables.
pub fn n6(v: f64) -> String {
    num(v, 6)
}
