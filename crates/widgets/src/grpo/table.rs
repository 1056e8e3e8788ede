//! The group at a glance (mean, std, the no-signal case), one table row per response, and
//! every exact value as `<output data-key data-value>` (keys of core's `data_values()`).

use super::Result;
use crate::fmt::{list, num};
use explorables_core::grpo::advantage::{mean, std};
use explorables_core::grpo::{Algo, GroupResult};
use explorables_core::lang::Lang;
use leptos::prelude::*;

#[component]
pub fn GroupSummary(result: Result, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let l = lang.get();
        result.with(|r| {
            let p = &r.params;
            let rs = &r.effective_rewards;
            let g = p.g();
            let line = match l {
                Lang::Zh => format!(
                    "G = {g}；{}均值 {}，样本 std {}，总体 std {}；整组损失 {}。",
                    if p.algo == Algo::Dapo { "（含长度惩罚的）奖励" } else { "奖励" },
                    num(mean(rs), 6),
                    num(std(rs, explorables_core::grpo::StdKind::Sample), 6),
                    num(std(rs, explorables_core::grpo::StdKind::Population), 6),
                    num(r.loss(), 6)
                ),
                Lang::En => format!(
                    "G = {g}; {} mean {}, sample std {}, population std {}; group loss {}.",
                    if p.algo == Algo::Dapo { "length-shaped reward" } else { "reward" },
                    num(mean(rs), 6),
                    num(std(rs, explorables_core::grpo::StdKind::Sample), 6),
                    num(std(rs, explorables_core::grpo::StdKind::Population), 6),
                    num(r.loss(), 6)
                ),
            };
            let warn = r.all_equal.then(|| {
                let t = if r.dropped_by_dynamic_sampling() {
                    l.pick(
                        "所有奖励相同：优势全为 0，这组没有学习信号；DAPO 的动态采样会丢掉这组并重新采样。",
                        "Every reward is equal: all advantages are 0 and the group teaches nothing; DAPO's dynamic sampling drops it and samples again.",
                    )
                } else {
                    l.pick(
                        "所有奖励相同：优势全为 0，这组没有学习信号（梯度为 0，只浪费了采样）。",
                        "Every reward is equal: all advantages are 0, so the group teaches nothing (zero gradient; the sampling was wasted).",
                    )
                };
                view! { <p class="grpo-warn" data-testid="grpo-no-signal">{t}</p> }
            });
            view! { <p class="grpo-summary">{line}</p>{warn} }
        })
    }
}

#[component]
pub fn ResponseTable(result: Result, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let l = lang.get();
        result.with(|r| {
            let dapo = r.params.algo == Algo::Dapo;
            let rows = (0..r.advantages.len())
                .map(|i| {
                    let s = r.surrogates[i];
                    let reward = if dapo {
                        format!("{} {} {}", num(r.params.rewards[i], 4), if r.length_rewards[i] < 0.0 { "−" } else { "+" }, num(r.length_rewards[i].abs(), 4))
                    } else {
                        num(r.params.rewards[i], 4)
                    };
                    let clipped = if s.clipped {
                        l.pick("是（梯度 0）", "yes (grad 0)")
                    } else {
                        l.pick("否", "no")
                    };
                    view! {
                        <tr class:grpo-clipped=s.clipped>
                            <th scope="row">{i + 1}</th>
                            <td>{reward}</td>
                            <td>{r.params.lengths[i]}</td>
                            <td>{num(r.advantages[i], 6)}</td>
                            <td>{num(r.token_weights[i], 8)}</td>
                            <td>{num(r.params.ratios[i], 4)}</td>
                            <td>{num(s.value, 6)}</td>
                            <td>{clipped}</td>
                            <td>{num(r.loss_contributions[i], 6)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let reward_head = if dapo {
                l.pick("奖励 r + R_len", "reward r + R_len")
            } else {
                l.pick("奖励 r", "reward r")
            };
            let ratio_head = if r.params.algo == Algo::Gspo {
                l.pick("序列比率 sᵢ", "sequence ratio sᵢ")
            } else {
                l.pick("比率 ρᵢ", "ratio ρᵢ")
            };
            view! {
                <div class="table-scroll grpo-table-wrap">
                    <table class="grpo-table" data-testid="grpo-table">
                        <caption>{l.pick("每条回答（被最小化的损失 = 各条贡献之和）", "Per response (the loss, which is minimised, is the sum of the contributions)")}</caption>
                        <thead><tr>
                            <th scope="col">"#"</th>
                            <th scope="col">{reward_head}</th>
                            <th scope="col">{l.pick("长度", "length")}</th>
                            <th scope="col">{l.pick("优势 Aᵢ", "advantage Aᵢ")}</th>
                            <th scope="col">{l.pick("每 token 权重", "token weight")}</th>
                            <th scope="col">{ratio_head}</th>
                            <th scope="col">{l.pick("代理目标", "surrogate")}</th>
                            <th scope="col">{l.pick("被截断", "clipped")}</th>
                            <th scope="col">{l.pick("对损失的贡献", "loss contribution")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        })
    }
}

fn label(key: &str, l: Lang) -> &'static str {
    match key {
        "advantages" => l.pick("优势 Aᵢ", "Advantages Aᵢ"),
        "token-weights" => l.pick("每 token 权重", "Token weights"),
        "sequence-weights" => l.pick("整条回答的权重（× 长度）", "Sequence weights (× length)"),
        "surrogate" => l.pick("截断代理目标", "Clipped surrogate"),
        "clipped" => l.pick("被截断（1 = 梯度为 0）", "Clipped (1 = zero gradient)"),
        "loss-contributions" => l.pick("对损失的贡献", "Loss contributions"),
        "loss" => l.pick("整组损失", "Group loss"),
        "length-rewards" => l.pick("DAPO 长度惩罚 R_len", "DAPO length penalty R_len"),
        "effective-rewards" => l.pick("计算优势所用的奖励", "Rewards the advantages use"),
        "zero-signal-prob" => l.pick(
            "无信号组的概率 pᴳ + (1−p)ᴳ",
            "Zero-signal probability pᴳ + (1−p)ᴳ",
        ),
        "all-equal" => l.pick("奖励全相同（1 = 是）", "All rewards equal (1 = yes)"),
        _ => "",
    }
}

fn shown(v: &str) -> String {
    let xs: Vec<f64> = v.split(',').filter_map(|x| x.parse().ok()).collect();
    list(&xs, 6)
}

/// Every exact value, as `<output data-key=… data-value=…>`.
#[component]
pub fn Outputs(result: Result, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let l = lang.get();
        let items = result.with(GroupResult::data_values);
        let items = items
            .into_iter()
            .map(|(k, v)| {
                view! {
                    <div>
                        <dt>{label(k, l)}</dt>
                        <dd><output data-key=k data-value=v.clone()>{shown(&v)}</output></dd>
                    </div>
                }
            })
            .collect_view();
        view! { <dl class="stats grpo-outputs" data-testid="grpo-outputs">{items}</dl> }
    }
}
