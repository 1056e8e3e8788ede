//! The exact KLs, the estimators' moments (exact and Monte-Carlo), and the expected
//! gradients — every number as `<output data-key data-value>` (keys of core's `data_values()`).

use super::figures::n6;
use super::Result;
use crate::fmt::list;
use explorables_core::kl::KlResult;
use explorables_core::lang::Lang;
use leptos::prelude::*;

fn out(r: &KlResult, key: &'static str, text: String) -> impl IntoView {
    let v = r.data_value(key).unwrap_or_default();
    view! { <output data-key=key data-value=v>{text}</output> }
}

#[component]
pub fn Headline(result: Result, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let l = lang.get();
        result.with(|r| {
            let mc = &r.mc;
            let counts: Vec<f64> = mc.counts.iter().map(|&c| c as f64).collect();
            view! {
                <dl class="stats kl-headline">
                    <div><dt>"KL(π_θ‖π_ref)"</dt><dd>{out(r, "kl-forward", n6(r.kl_forward))}</dd></div>
                    <div><dt>"KL(π_ref‖π_θ)"</dt><dd>{out(r, "kl-reverse", n6(r.kl_reverse))}</dd></div>
                    <div><dt>{l.pick("蒙特卡洛样本数", "Monte-Carlo draws")}</dt><dd>{out(r, "mc-n", mc.n.to_string())}</dd></div>
                    <div><dt>{l.pick("各动作被抽中的次数", "Draws per action")}</dt><dd>{out(r, "mc-counts", list(&counts, 0))}</dd></div>
                </dl>
            }
        })
    }
}

const FORMULA: [&str; 3] = ["k1 = −log r", "k2 = ½(log r)²", "k3 = (r − 1) − log r"];
const MEAN: [&str; 3] = ["k1", "k2", "k3"];
const STD: [&str; 3] = ["k1-std", "k2-std", "k3-std"];
const MC_MEAN: [&str; 3] = ["mc-k1", "mc-k2", "mc-k3"];
const MC_STD: [&str; 3] = ["mc-k1-std", "mc-k2-std", "mc-k3-std"];

#[component]
pub fn EstimatorTable(result: Result, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let l = lang.get();
        result.with(|r| {
            let rows = (0..3)
                .map(|e| {
                    let m = r.moments[e];
                    view! {
                        <tr>
                            <th scope="row">{FORMULA[e]}</th>
                            <td>{out(r, MEAN[e], n6(m.mean))}</td>
                            <td>{n6(m.mean - r.kl_forward)}</td>
                            <td>{out(r, STD[e], n6(m.std))}</td>
                            <td>{out(r, MC_MEAN[e], n6(r.mc.mean[e]))}" ± "{n6(r.mc.std_err[e])}</td>
                            <td>{out(r, MC_STD[e], n6(r.mc.std[e]))}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="table-scroll">
                    <table class="kl-table" data-testid="kl-estimators">
                        <caption>{l.pick("估计 KL(π_θ‖π_ref) 的值：单样本，a ~ π_θ，r = π_ref(a)/π_θ(a)", "Estimating the value of KL(π_θ‖π_ref) from one sample a ~ π_θ, r = π_ref(a)/π_θ(a)")}</caption>
                        <thead><tr>
                            <th scope="col">{l.pick("估计量", "estimator")}</th>
                            <th scope="col">{l.pick("精确期望", "exact mean")}</th>
                            <th scope="col">{l.pick("偏差", "bias")}</th>
                            <th scope="col">{l.pick("精确 std", "exact std")}</th>
                            <th scope="col">{l.pick("蒙特卡洛均值 ± 标准误", "Monte-Carlo mean ± s.e.")}</th>
                            <th scope="col">{l.pick("蒙特卡洛 std", "Monte-Carlo std")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        })
    }
}

/// Which true gradient `g` equals (up to rounding), in the reader's language.
fn matches(g: &[f64], r: &KlResult, l: Lang) -> String {
    let same = |a: &[f64], b: &[f64]| {
        let scale = a.iter().chain(b).fold(0.0f64, |m, x| m.max(x.abs()));
        a.iter()
            .zip(b)
            .all(|(x, y)| (x - y).abs() <= 1e-9 * (1.0 + scale))
    };
    let zero = vec![0.0; g.len()];
    let mut hits = Vec::new();
    if same(g, &r.grad_kl_forward) {
        hits.push("∇KL(π_θ‖π_ref)");
    }
    if same(g, &r.grad_kl_reverse) {
        hits.push("∇KL(π_ref‖π_θ)");
    }
    if same(g, &zero) {
        hits.push("0");
    }
    if hits.is_empty() {
        l.pick("都不是", "neither").to_string()
    } else {
        format!("= {}", hits.join(" = "))
    }
}

#[component]
pub fn GradientTable(result: Result, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let l = lang.get();
        result.with(|r| {
            let mut rows: Vec<AnyView> = vec![
                view! { <tr class="kl-true"><th scope="row">{l.pick("真梯度 ∇KL(π_θ‖π_ref)", "true ∇KL(π_θ‖π_ref)")}</th>
                    <td>{out(r, "grad-kl-forward", list(&r.grad_kl_forward, 5))}</td><td></td><td></td></tr> }.into_any(),
                view! { <tr class="kl-true"><th scope="row">{l.pick("真梯度 ∇KL(π_ref‖π_θ) = π_θ − π_ref", "true ∇KL(π_ref‖π_θ) = π_θ − π_ref")}</th>
                    <td>{out(r, "grad-kl-reverse", list(&r.grad_kl_reverse, 5))}</td><td></td><td></td></tr> }.into_any(),
            ];
            const REWARD: [&str; 3] = ["grad-k1-reward", "grad-k2-reward", "grad-k3-reward"];
            const LOSS: [&str; 3] = ["grad-k1-loss", "grad-k2-loss", "grad-k3-loss"];
            const MC_REWARD: [&str; 3] = ["mc-grad-k1-reward", "mc-grad-k2-reward", "mc-grad-k3-reward"];
            const MC_LOSS: [&str; 3] = ["mc-grad-k1-loss", "mc-grad-k2-loss", "mc-grad-k3-loss"];
            for (form, keys, mc_keys, exact, mc) in [
                (l.pick("放进奖励", "in the reward"), REWARD, MC_REWARD, &r.grad_reward, &r.mc.grad_reward),
                (l.pick("作为损失", "as a loss"), LOSS, MC_LOSS, &r.grad_loss, &r.mc.grad_loss),
            ] {
                for e in 0..3 {
                    let g = &exact[e];
                    let verdict = matches(g, r, l);
                    let good = verdict != l.pick("都不是", "neither");
                    rows.push(view! {
                        <tr>
                            <th scope="row">{format!("k{} {form}", e + 1)}</th>
                            <td>{out(r, keys[e], list(g, 5))}</td>
                            <td class:kl-match=good>{verdict}</td>
                            <td>{out(r, mc_keys[e], list(&mc[e], 4))}</td>
                        </tr>
                    }.into_any());
                }
            }
            view! {
                <div class="table-scroll">
                    <table class="kl-table kl-grads" data-testid="kl-gradients">
                        <caption>{l.pick("对 logits θ 的期望梯度（每个动作一个分量）", "Expected gradient w.r.t. the logits θ (one entry per action)")}</caption>
                        <thead><tr>
                            <th scope="col">{l.pick("用法", "used")}</th>
                            <th scope="col">{l.pick("精确期望梯度", "exact expected gradient")}</th>
                            <th scope="col">{l.pick("等于", "equals")}</th>
                            <th scope="col">{l.pick("蒙特卡洛估计", "Monte-Carlo estimate")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <p class="kl-verdict" data-testid="kl-verdict">{l.pick(
                    "陷阱：k3 作为损失（GRPO 的做法）的期望梯度是 π_θ − π_ref = ∇KL(π_ref‖π_θ)，是反向 KL 的梯度；k1 作为损失的期望梯度为 0；k1 放进奖励、k2 作为损失，才等于 ∇KL(π_θ‖π_ref)。",
                    "The trap: k3 as a loss (what GRPO does) has expected gradient π_θ − π_ref = ∇KL(π_ref‖π_θ), the reverse KL's; k1 as a loss has expected gradient 0; k1 in the reward and k2 as a loss give ∇KL(π_θ‖π_ref).",
                )}</p>
            }
        })
    }
}
