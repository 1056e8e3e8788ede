//! The formula with the reader's numbers, every exact value as `<output data-key data-value>`
//! (keys of core's `tts::export`), and the per-answer / per-problem tables.

use super::{Params, Vals};
use crate::fmt::{list, num};
use explorables_core::lang::Lang;
use explorables_core::tts::budget::marginal_gain;
use explorables_core::tts::export::{value, BudgetView};
use explorables_core::tts::vote::pick;
use explorables_core::tts::{Panel, TtsParams};
use leptos::prelude::*;

/// `v` for people: a number with 6 decimals, a list of numbers, or a label as it is.
fn shown(v: &str) -> String {
    if let Ok(x) = v.parse::<f64>() {
        return num(x, 6);
    }
    let xs: Option<Vec<f64>> = v.split(',').map(|s| s.parse().ok()).collect();
    match xs {
        Some(xs) if !v.is_empty() => list(&xs, 6),
        _ => v.to_string(),
    }
}

fn key_label(key: &str, l: Lang) -> &'static str {
    match key {
        "pass-at-k" => l.pick("pass@k（无偏）", "pass@k (unbiased)"),
        "pass-at-k-naive" => l.pick("朴素估计 1 − (1 − c/n)^k", "naive 1 − (1 − c/n)^k"),
        "pass-hat-k" => l.pick("pass^k（k 次全对）", "pass^k (all k correct)"),
        "maj-at-k" => l.pick("maj@k（多数投票正确）", "maj@k (majority correct)"),
        "oracle-at-k" => l.pick("完美验证器的 best-of-k", "best-of-k, perfect verifier"),
        "answers" => l.pick("答案分布（归一化）", "answer distribution (normalised)"),
        "majority-answer" => l.pick("多数投票选", "majority vote picks"),
        "best-of-n-answer" => l.pick("best-of-N（最高分）选", "best-of-N (top score) picks"),
        "weighted-answer" => l.pick("加权投票（分数之和）选", "weighted vote (score sum) picks"),
        "allocation" => l.pick("计算最优分配 nⱼ", "compute-optimal split nⱼ"),
        "expected-solved" => l.pick("期望解出题数", "expected problems solved"),
        "uniform-allocation" => l.pick("平均分配", "uniform split"),
        "uniform-expected-solved" => l.pick("平均分配的期望解出数", "expected solved, uniform"),
        "bon-kl" => l.pick("KL(π_BoN‖π)（nats）", "KL(π_BoN‖π) (nats)"),
        _ => "",
    }
}

#[component]
pub fn Outputs(params: Params, vals: Vals, lang: Signal<Lang>) -> impl IntoView {
    let _ = params;
    move || {
        let l = lang.get();
        vals.with(|v| {
            let items = v
                .iter()
                .filter(|(k, _)| !k.ends_with("-curve"))
                .map(|(k, s)| {
                    view! {
                        <div><dt>{key_label(k, l)}</dt><dd><output data-key=*k data-value=s.clone()>{shown(s)}</output></dd></div>
                    }
                })
                .collect_view();
            view! { <dl class="stats tts-outputs">{items}</dl> }
        })
    }
}

fn c(n: f64) -> String {
    num(n, 6)
}

/// The formulas of the shown panel with the reader's numbers.
fn formula(p: &TtsParams, v: &[(&'static str, String)], l: Lang) -> String {
    let val = |k: &str| value(&v.to_vec(), k).map(shown).unwrap_or_default();
    match p.panel {
        Panel::PassAtK => {
            let (n, cc, k) = (p.pass_k.n, p.pass_k.c, p.pass_k.k);
            format!(
                "pass@k = 1 − C(n−c, k) / C(n, k) = 1 − C({}, {k}) / C({n}, {k}) = {}\n{} = 1 − (1 − c/n)^k = 1 − (1 − {cc}/{n})^{k} = {}\npass^k = C(c, k) / C(n, k) = C({cc}, {k}) / C({n}, {k}) = {}",
                n - cc,
                val("pass-at-k"),
                l.pick("朴素", "naive"),
                val("pass-at-k-naive"),
                val("pass-hat-k"),
            )
        }
        Panel::Majority => {
            let m = &p.majority;
            let p0 = m.answers.first().copied().unwrap_or(0.0);
            format!(
                "p = ({})\nmaj@k = P({}) = {}\noracle@k = 1 − (1 − p₁)^k = 1 − (1 − {})^{} = {}",
                list(&m.answers, 4),
                match l {
                    Lang::Zh => format!("k = {} 次投票中答案 1 得票最多，平票均分", m.k),
                    Lang::En => format!("answer 1 has the most of k = {} votes, ties split", m.k),
                },
                val("maj-at-k"),
                c(p0),
                m.k,
                val("oracle-at-k"),
            )
        }
        Panel::Budget => {
            let b = &p.budget;
            let bv = BudgetView::new(b);
            let terms = |alloc: &[u32]| {
                b.p.iter()
                    .zip(alloc)
                    .map(|(pj, n)| format!("(1 − {}^{n})", c(1.0 - pj)))
                    .collect::<Vec<_>>()
                    .join(" + ")
            };
            let gains: Vec<f64> =
                b.p.iter()
                    .zip(&bv.allocation)
                    .map(|(&pj, &n)| marginal_gain(pj, n))
                    .collect();
            format!(
                "E[{}] = Σⱼ 1 − (1 − pⱼ)^nⱼ\n{} n = ({}): {} = {}\n{} n = ({}): {} = {}\n{} pⱼ(1 − pⱼ)^nⱼ = {}",
                l.pick("解出", "solved"),
                l.pick("最优", "optimal"),
                val("allocation"),
                terms(&bv.allocation),
                val("expected-solved"),
                l.pick("平均", "uniform"),
                val("uniform-allocation"),
                terms(&bv.uniform),
                val("uniform-expected-solved"),
                l.pick("下一个样本的边际收益", "next sample's gain"),
                list(&gains, 6),
            )
        }
        Panel::BonKl => {
            let n = p.bon.n;
            format!(
                "KL(π_BoN ‖ π) = log N − (N − 1)/N = log {n} − {}/{n} = {} nats",
                n.saturating_sub(1),
                val("bon-kl"),
            )
        }
    }
}

#[component]
pub fn Formula(params: Params, vals: Vals, lang: Signal<Lang>) -> impl IntoView {
    let text = move || params.with(|p| vals.with(|v| formula(p, v, lang.get())));
    let tables = move || {
        let l = lang.get();
        params.with(|p| match p.panel {
            Panel::Majority => pick(&p.majority.samples).map(|pk| {
                let rows = pk
                    .tallies
                    .iter()
                    .map(|t| view! {
                        <tr><th scope="row">{t.answer.clone()}</th><td>{t.count}</td><td>{num(t.score_sum, 4)}</td><td>{num(t.best_score, 4)}</td></tr>
                    })
                    .collect_view();
                view! {
                    <div class="tts-scroll">
                        <table class="tts-table">
                            <caption>{l.pick("每个答案：票数、分数之和、最高分", "Per answer: votes, score sum, top score")}</caption>
                            <thead><tr><th scope="col">{l.pick("答案", "answer")}</th><th scope="col">{l.pick("票数", "votes")}</th>
                                <th scope="col">{l.pick("分数之和", "score sum")}</th><th scope="col">{l.pick("最高分", "top score")}</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
                .into_any()
            }),
            Panel::Budget => {
                let bv = BudgetView::new(&p.budget);
                let rows = p
                    .budget
                    .p
                    .iter()
                    .enumerate()
                    .map(|(j, &pj)| {
                        let (n, u) = (bv.allocation[j], bv.uniform[j]);
                        view! {
                            <tr class:tts-zero=n == 0>
                                <th scope="row">{j + 1}</th><td>{num(pj, 4)}</td>
                                <td>{n}</td><td>{num(1.0 - (1.0 - pj).powi(n as i32), 4)}</td>
                                <td>{u}</td><td>{num(1.0 - (1.0 - pj).powi(u as i32), 4)}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                Some(view! {
                    <div class="tts-scroll">
                        <table class="tts-table">
                            <caption>{l.pick("每道题：最优与平均分配的样本数及解出概率", "Per problem: samples and chance solved, optimal and uniform")}</caption>
                            <thead><tr><th scope="col">"j"</th><th scope="col">"pⱼ"</th>
                                <th scope="col">{l.pick("最优 nⱼ", "optimal nⱼ")}</th><th scope="col">{l.pick("解出概率", "P(solved)")}</th>
                                <th scope="col">{l.pick("平均 nⱼ", "uniform nⱼ")}</th><th scope="col">{l.pick("解出概率", "P(solved)")}</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
                .into_any())
            }
            _ => None,
        })
    };
    view! {
        <pre class="tts-formula" data-testid="tts-formula">{text}</pre>
        {tables}
    }
}
