//! Every exact value as `<output data-key data-value>` (keys of core's
//! `sampling::export::values`), the token table, and the explanation with its sources.

use super::{Params, Run};
use crate::fmt::{list, num};
use explorables_core::lang::Lang;
use explorables_core::sampling::export::values;
use explorables_core::sampling::filters::entropy;
use leptos::prelude::*;

fn key_label(key: &str, l: Lang) -> &'static str {
    match key {
        "probs" => l.pick("最终分布", "final distribution"),
        "kept" => l.pick("保留的 token 数", "tokens kept"),
        "kept-indices" => l.pick("保留的 token（从 0 编号）", "kept tokens (0-based)"),
        "entropy" => l.pick("熵（nats）", "entropy (nats)"),
        "order" => l.pick("步骤顺序", "order of the steps"),
        "start-probs" => l.pick("原始 softmax", "start softmax"),
        _ => "",
    }
}

#[component]
pub fn Outputs(params: Params, result: Run, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let l = lang.get();
        params.with(|p| {
            result.with(|r| {
                let items = values(p, r)
                    .into_iter()
                    .filter(|(k, _)| *k != "histogram")
                    .map(|(k, v)| {
                        let shown = match k {
                            "probs" => list(&r.probs, 6),
                            "start-probs" => list(&r.start, 6),
                            "entropy" => num(r.entropy, 6),
                            _ => v.replace(',', ", "),
                        };
                        view! { <div class:smp-wide=k.ends_with("probs")><dt>{key_label(k, l)}</dt><dd><output data-key=k data-value=v>{shown}</output></dd></div> }
                    })
                    .collect_view();
                let h0 = entropy(&r.start);
                view! {
                    <dl class="stats smp-outputs">{items}</dl>
                    <p class="smp-note">{match l {
                        Lang::Zh => format!("熵从 {} 变为 {} nats（均匀分布在 {} 个 token 上为 {}）。", num(h0, 4), num(r.entropy, 4), r.kept_count(), num((r.kept_count().max(1) as f64).ln(), 4)),
                        Lang::En => format!("Entropy goes from {} to {} nats (uniform over the {} kept tokens would be {}).", num(h0, 4), num(r.entropy, 4), r.kept_count(), num((r.kept_count().max(1) as f64).ln(), 4)),
                    }}</p>
                }
            })
        })
    }
}

#[component]
pub fn TokenTable(params: Params, result: Run, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let l = lang.get();
        params.with(|p| {
            result.with(|r| {
                let rows = (0..r.probs.len())
                    .map(|i| view! {
                        <tr class:smp-gone=!r.kept[i]>
                            <th scope="row">{i}</th><td class="smp-tok">{p.labels[i].clone()}</td>
                            <td>{num(p.logits[i], 4)}</td><td>{num(r.start[i], 6)}</td><td>{num(r.probs[i], 6)}</td>
                            <td>{if r.kept[i] { l.pick("是", "yes") } else { l.pick("否", "no") }}</td>
                        </tr>
                    })
                    .collect_view();
                view! {
                    <details class="smp-details">
                        <summary>{l.pick("每个 token 的数值", "Per-token values")}</summary>
                        <div class="smp-scroll">
                            <table class="smp-table">
                                <thead><tr><th scope="col">"#"</th><th scope="col">{l.pick("token", "token")}</th><th scope="col">"logit"</th>
                                    <th scope="col">{l.pick("原始概率", "start p")}</th><th scope="col">{l.pick("最终概率", "final p")}</th><th scope="col">{l.pick("保留", "kept")}</th></tr></thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                    </details>
                }
            })
        })
    }
}

const SOURCES: &[(&str, &str)] = &[
    ("Holtzman et al. 2019, The Curious Case of Neural Text Degeneration — top-p (arXiv:1904.09751)", "https://arxiv.org/abs/1904.09751"),
    ("Nguyen et al. 2024, Turning Up the Heat: Min-p Sampling (arXiv:2407.01082)", "https://arxiv.org/abs/2407.01082"),
    ("DeepSeek-R1 model card and generation_config.json: temperature 0.6, top_p 0.95", "https://huggingface.co/deepseek-ai/DeepSeek-R1"),
    ("Qwen3 model card, best practices (thinking mode): temperature 0.6, top_p 0.95, top_k 20, min_p 0", "https://huggingface.co/Qwen/Qwen3-8B"),
];

#[component]
pub fn Explanation(params: Params, lang: Signal<Lang>) -> impl IntoView {
    let _ = params;
    move || {
        let l = lang.get();
        let paras: [&str; 3] = match l {
            Lang::Zh => [
                "温度把 logits 除以 T 再做 softmax：T < 1 让分布更尖，T > 1 更平，T → 0 就是贪心。top-k 只留概率最高的 k 个；top-p（nucleus）留下按概率排序、累计质量首次达到 p 的最小集合；min-p 去掉概率低于 min_p × 最大概率的 token。",
                "顺序会改变结果：transformers 和 vLLM 先除温度再截断，llama.cpp 默认先截断、最后才除温度。例如 logits = 2,1,0.5,0、T = 2、top_p = 0.75：先升温时分布变平，需要三个 token 才凑够 0.75；先截断时原始分布里两个 token 就够了，之后温度只在这两个之间重新分配。",
                "推理模型的推荐设置：DeepSeek-R1 建议温度 0.5–0.7（推荐 0.6）、top_p 0.95，不要用贪心；Qwen3 思考模式建议温度 0.6、top_p 0.95、top_k 20、min_p 0。上面的预设分布都是编造的示例，不是任何模型的真实输出。",
            ],
            Lang::En => [
                "Temperature divides the logits by T before the softmax: T < 1 sharpens, T > 1 flattens, T → 0 is greedy. Top-k keeps the k most likely tokens; top-p (nucleus) keeps the smallest set, by probability, whose mass reaches p; min-p drops tokens below min_p × the top probability.",
                "The order changes the result: transformers and vLLM divide by the temperature before they cut, llama.cpp by default cuts first and applies the temperature last. With logits = 2,1,0.5,0, T = 2 and top_p = 0.75: heated first, the flatter distribution needs three tokens to reach 0.75; cut first, two tokens of the raw distribution suffice and the temperature only reshares between them.",
                "Recommended settings for reasoning models: DeepSeek-R1 suggests temperature 0.5–0.7 (0.6 recommended) and top_p 0.95, no greedy decoding; Qwen3 in thinking mode suggests temperature 0.6, top_p 0.95, top_k 20 and min_p 0. The presets above are made-up examples, not any model's real output.",
            ],
        };
        view! {
            <div class="smp-explain" data-testid="smp-explain">
                {paras.into_iter().map(|t| view! { <p>{t}</p> }).collect_view()}
                <p class="smp-sub"><strong>{l.pick("来源", "Sources")}</strong></p>
                <ul class="smp-sources">
                    {SOURCES.iter().map(|(t, u)| view! { <li><a href=*u target="_blank" rel="noopener">{*t}</a></li> }).collect_view()}
                </ul>
            </div>
        }
    }
}
