//! What a widget slot shows before its wasm runs, or without JavaScript: the widget's state
//! from the answer's directive, computed at build time by the same functions the live widget
//! uses, as a few labelled exact values (and a small mask matrix). The live widget replaces
//! it, so the two can never disagree.

use crate::kv::{format_bytes, format_params, formula_total, kv_cache, KvParams};
use crate::lang::Lang;
use crate::mask::{Mask, MaskParams};
use crate::moe::{find_preset, MoeParams};
use crate::norm::{run as norm_run, NormParams};
use crate::posenc::{export::RopeView, PosencParams, Scheme};

/// One exact value: `key` and `value` as the live widget's `data-key` / `data-value`.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub key: &'static str,
    pub label: String,
    pub value: String,
    pub shown: String,
}

/// A widget's build-time preview.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fallback {
    pub figures: Vec<Figure>,
    /// One line that says what the state is (a formula, a layout).
    pub note: Option<String>,
    /// A small visibility matrix, one string per query row (`■` visible, `·` masked).
    pub matrix: Vec<String>,
}

fn fig(key: &'static str, label: &str, value: impl ToString, shown: impl ToString) -> Figure {
    Figure {
        key,
        label: label.to_string(),
        value: value.to_string(),
        shown: shown.to_string(),
    }
}

/// The preview of widget `name` in the state `pairs`; `None` for a name without one.
pub fn fallback(name: &str, pairs: &[(String, String)], lang: Lang) -> Option<Fallback> {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    Some(match name {
        "kv-cache" => {
            let (p, _) = KvParams::from_query(pairs);
            let req = p.request();
            let r = kv_cache(&req);
            Fallback {
                figures: vec![
                    fig(
                        "kv-bytes",
                        t("KV 缓存总量", "KV cache in all"),
                        r.total_bytes,
                        format_bytes(r.total_bytes),
                    ),
                    fig(
                        "kv-bytes-per-token",
                        t("每个 token（所有层）", "Per token (all layers)"),
                        r.bytes_per_token,
                        format_bytes(r.bytes_per_token),
                    ),
                ],
                note: Some(format!("{}: {}", p.model.name, formula_total(&req, lang))),
                matrix: Vec::new(),
            }
        }
        "attention-mask" => {
            let (p, _) = MaskParams::from_query(pairs);
            let m = Mask::build(&p);
            let (nq, nk) = (m.n_queries(), m.n_keys());
            let matrix = if nq <= 16 && nk <= 32 {
                (0..nq)
                    .map(|q| {
                        (0..nk)
                            .map(|k| if m.visible(q, k) { '■' } else { '·' })
                            .collect()
                    })
                    .collect()
            } else {
                Vec::new()
            };
            Fallback {
                figures: vec![fig(
                    "visible-pairs",
                    t("可见的 (query, key) 对", "Visible (query, key) pairs"),
                    m.visible_pairs(),
                    m.visible_pairs(),
                )],
                note: Some(m.summary(lang)),
                matrix,
            }
        }
        "moe" => {
            let (p, _) = MoeParams::from_query(pairs);
            let counts = find_preset(p.preset).and_then(|m| m.param_counts());
            let mut figures = Vec::new();
            if let Some(c) = counts {
                figures.push(fig(
                    "params-total",
                    t("总参数", "Total parameters"),
                    c.total,
                    format_params(c.total),
                ));
                figures.push(fig(
                    "params-active",
                    t("每 token 激活", "Active per token"),
                    c.active,
                    format_params(c.active),
                ));
            }
            let c = &p.config;
            Fallback {
                figures,
                note: Some(match lang {
                    Lang::Zh => format!(
                        "{} 个路由专家，每个 token 选 {} 个，另有 {} 个共享专家",
                        c.experts, c.k, c.shared
                    ),
                    Lang::En => format!(
                        "{} routed experts, {} chosen per token, plus {} shared",
                        c.experts, c.k, c.shared
                    ),
                }),
                matrix: Vec::new(),
            }
        }
        "norm-placement" => {
            let (p, _) = NormParams::from_pairs(pairs);
            let r = norm_run(&p);
            Fallback {
                figures: vec![
                    fig(
                        "final-rms",
                        t("最后一层残差 RMS", "Residual RMS after the last layer"),
                        r.final_rms(),
                        format!("{:.3}", r.final_rms()),
                    ),
                    fig(
                        "max-logit",
                        t("最大注意力 logit", "Largest attention logit"),
                        r.max_logit_overall(),
                        format!("{:.3}", r.max_logit_overall()),
                    ),
                ],
                note: Some(format!(
                    "{} · {} {}",
                    p.scheme.code(),
                    p.layers,
                    t("层", "layers")
                )),
                matrix: Vec::new(),
            }
        }
        "positional-encoding" => {
            let (p, _) = PosencParams::from_query(pairs);
            let mut figures = Vec::new();
            if matches!(p.scheme, Scheme::Rope | Scheme::Irope) {
                let v = RopeView::new(&p);
                figures.push(fig(
                    "angle",
                    t("旋转角（弧度）", "Rotation angle (rad)"),
                    v.angle,
                    format!("{:.4}", v.angle),
                ));
                figures.push(fig(
                    "wavelength",
                    t("该维度的波长（token）", "Wavelength of this pair (tokens)"),
                    v.wavelength,
                    format!("{:.1}", v.wavelength),
                ));
            }
            Fallback {
                figures,
                note: Some(format!(
                    "{} · rope_theta = {} · pos = {} · dim = {}",
                    p.scheme.code(),
                    p.theta,
                    p.pos,
                    p.dim
                )),
                matrix: Vec::new(),
            }
        }
        "grpo" => {
            let p = crate::grpo::GrpoParams::from_pairs(pairs).0;
            let r = crate::grpo::compute(&p);
            let figs = [
                ("advantages", t("每个回答的优势", "Advantage per response")),
                ("token-weights", t("每个 token 的权重", "Weight per token")),
                (
                    "zero-signal-prob",
                    t("整组无信号的概率", "Chance the group carries no signal"),
                ),
            ];
            Fallback {
                figures: figs
                    .iter()
                    .filter_map(|(k, label)| {
                        r.data_value(k).map(|v| fig(k, label, &v, short_list(&v)))
                    })
                    .collect(),
                note: Some(format!(
                    "algo = {} · rewards = {}",
                    p.algo.code(),
                    crate::params::list::join_f64(&p.rewards)
                )),
                matrix: Vec::new(),
            }
        }
        "kl-estimators" => {
            let p = crate::kl::KlParams::from_pairs(pairs).0;
            let r = crate::kl::compute(&p);
            let figs = [
                ("kl-forward", "KL(π_θ‖π_ref)"),
                ("kl-reverse", "KL(π_ref‖π_θ)"),
                ("k3", t("k3 的期望", "Expected k3")),
                ("k3-std", t("k3 的标准差", "Std of k3")),
            ];
            Fallback {
                figures: figs
                    .iter()
                    .filter_map(|(k, label)| {
                        r.data_value(k).map(|v| fig(k, label, &v, short_list(&v)))
                    })
                    .collect(),
                note: None,
                matrix: Vec::new(),
            }
        }
        "test-time-scaling" => {
            let p = crate::tts::TtsParams::from_pairs(pairs).0;
            let vals = crate::tts::export::values(&p);
            let figs: &[(&'static str, &str)] = match p.panel {
                crate::tts::Panel::PassAtK => &[
                    ("pass-at-k", t("pass@k（无偏）", "pass@k (unbiased)")),
                    ("pass-at-k-naive", t("朴素估计", "Naive estimate")),
                    ("pass-hat-k", "pass^k"),
                ],
                crate::tts::Panel::Majority => &[
                    ("maj-at-k", "maj@k"),
                    ("majority-answer", t("多数投票选", "Majority vote picks")),
                    ("best-of-n-answer", t("best-of-N 选", "Best-of-N picks")),
                    ("weighted-answer", t("加权投票选", "Weighted vote picks")),
                ],
                crate::tts::Panel::Budget => &[
                    ("allocation", t("计算最优分配", "Compute-optimal split")),
                    (
                        "expected-solved",
                        t("期望解出题数", "Expected problems solved"),
                    ),
                    (
                        "uniform-expected-solved",
                        t("平均分配时", "With a uniform split"),
                    ),
                ],
                crate::tts::Panel::BonKl => &[("bon-kl", "KL(π_BoN‖π)")],
            };
            Fallback {
                figures: figs
                    .iter()
                    .filter_map(|(k, label)| {
                        crate::tts::export::value(&vals, k).map(|v| fig(k, label, v, short_list(v)))
                    })
                    .collect(),
                note: Some(format!("panel = {}", p.panel.code())),
                matrix: Vec::new(),
            }
        }
        "sampling" => {
            let p = crate::sampling::SamplingParams::from_pairs(pairs).0;
            let r = crate::sampling::run(&p);
            let vals = crate::sampling::export::values(&p, &r);
            let figs = [
                ("probs", t("最终分布", "Final distribution")),
                ("kept", t("保留的 token 数", "Tokens kept")),
                ("entropy", t("熵（nats）", "Entropy (nats)")),
            ];
            Fallback {
                figures: figs
                    .iter()
                    .filter_map(|(k, label)| {
                        vals.iter()
                            .find(|(key, _)| key == k)
                            .map(|(_, v)| fig(k, label, v, short_list(v)))
                    })
                    .collect(),
                note: Some(format!(
                    "order = {} · T = {} · top_k = {} · top_p = {} · min_p = {}",
                    p.engine.code(),
                    p.temperature,
                    p.top_k,
                    p.top_p,
                    p.min_p
                )),
                matrix: Vec::new(),
            }
        }
        _ => return None,
    })
}

/// A comma-separated list of numbers, each shown with 4 significant decimals.
fn short_list(values: &str) -> String {
    values
        .split(',')
        .map(|v| {
            v.parse::<f64>()
                .map_or(v.to_string(), |x| format!("{x:.4}"))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_widget_has_a_preview_with_numbers() {
        for w in super::super::WIDGETS {
            let f = fallback(w.name, &[], Lang::En)
                .unwrap_or_else(|| panic!("{} has no preview", w.name));
            // A custom MoE has no parameter count to show: its note says what it is.
            assert!(
                !f.figures.is_empty() || f.note.is_some(),
                "{}: an empty preview",
                w.name
            );
            for fig in &f.figures {
                assert!(
                    !fig.value.is_empty() && !fig.label.is_empty(),
                    "{}: {fig:?}",
                    w.name
                );
            }
        }
        assert!(fallback("no-such-widget", &[], Lang::Zh).is_none());
        let moe = fallback("moe", &[("preset".into(), "deepseek-v3".into())], Lang::Zh).unwrap();
        assert_eq!(moe.figures.len(), 2, "total and active parameters");
    }

    #[test]
    fn the_kv_preview_is_the_kv_computation() {
        let pairs = [
            ("model".to_string(), "meta-llama/Llama-3.1-8B".to_string()),
            ("ctx".to_string(), "32768".to_string()),
        ];
        let f = fallback("kv-cache", &pairs, Lang::Zh).unwrap();
        // 32 layers × 8 KV heads × 128 × 2 (K, V) × 2 bytes × 32768 tokens = 4 GiB.
        let total = f.figures.iter().find(|x| x.key == "kv-bytes").unwrap();
        assert_eq!(total.value, (4u64 << 30).to_string());
    }
}
