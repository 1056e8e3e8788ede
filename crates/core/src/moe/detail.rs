//! The explained route of one token (the "step one token" view).

use super::router::{score_into, select_into, weights_into, Scratch, Spec};
use super::{MoeConfig, Scoring};
use crate::lang::Lang;

/// Everything the router computed for one token, for the "step one token" view.
#[derive(Clone, Debug, PartialEq)]
pub struct TokenDetail {
    /// The token's label (empty for [`route`] on bare logits).
    pub label: String,
    pub scoring: Scoring,
    pub norm_topk: bool,
    pub routed_scaling: f64,
    /// Shared experts, always active with weight 1.
    pub shared: u32,
    /// Router logits `z_i` (for a simulated token: features·embedding + skew + aux offset).
    pub logits: Vec<f64>,
    /// Scores `s_i` (softmax or sigmoid of the logits).
    pub scores: Vec<f64>,
    /// Balancing bias `b_i` (zeros unless the bias scheme is on).
    pub bias: Vec<f64>,
    /// Choice scores `c_i = s_i + b_i`.
    pub choice: Vec<f64>,
    /// Experts per group (= N when there are no groups).
    pub group_size: u32,
    /// Group scores (sum of the two best choice scores per group); empty without groups.
    pub group_scores: Vec<f64>,
    /// Kept groups, best first; empty without groups.
    pub groups_kept: Vec<u16>,
    /// Chosen experts, best choice score first.
    pub topk: Vec<u16>,
    /// Their unbiased scores `s_i`.
    pub topk_scores: Vec<f64>,
    /// Their final gate weights.
    pub weights: Vec<f64>,
    /// Whether each chosen expert still had capacity (all true outside a simulation step).
    pub kept: Vec<bool>,
}

/// Routes one token given its logits and the balancing bias (shorter slices are padded with
/// zeros, longer ones truncated to `N`), explaining every intermediate value.
pub fn route(cfg: &MoeConfig, logits: &[f64], bias: &[f64]) -> TokenDetail {
    let spec = Spec::new(cfg);
    let logits = fit(logits, spec.n);
    let mut scores = vec![0.0; spec.n];
    score_into(spec.scoring, &logits, &mut scores);
    route_scored(cfg, logits, scores, bias)
}

fn fit(v: &[f64], n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| v.get(i).copied().filter(|x| x.is_finite()).unwrap_or(0.0))
        .collect()
}

/// [`route`] with the scores already computed (the simulation computes them from
/// precomputed exponentials; see `sim.rs`). `logits` and `scores` must have length N.
pub(crate) fn route_scored(
    cfg: &MoeConfig,
    logits: Vec<f64>,
    scores: Vec<f64>,
    bias: &[f64],
) -> TokenDetail {
    let spec = Spec::new(cfg);
    let bias = fit(bias, spec.n);
    let choice: Vec<f64> = scores.iter().zip(&bias).map(|(s, b)| s + b).collect();
    let mut scratch = Scratch::default();
    let mut topk = Vec::with_capacity(spec.k);
    select_into(&spec, &choice, &mut scratch, &mut topk);
    let mut weights = vec![0.0; topk.len()];
    weights_into(&spec, &scores, &topk, &mut weights);
    let grouped = spec.groups > 1;
    TokenDetail {
        label: String::new(),
        scoring: spec.scoring,
        norm_topk: spec.norm_topk,
        routed_scaling: spec.scaling,
        shared: cfg.shared,
        topk_scores: topk.iter().map(|&e| scores[e as usize]).collect(),
        kept: vec![true; topk.len()],
        group_size: spec.group_size as u32,
        group_scores: if grouped {
            scratch.group_scores
        } else {
            Vec::new()
        },
        groups_kept: if grouped {
            scratch.group_pick
        } else {
            Vec::new()
        },
        logits,
        scores,
        bias,
        choice,
        topk,
        weights,
    }
}

fn list(ids: &[u16], prefix: &str) -> String {
    ids.iter()
        .map(|i| format!("{prefix}{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn nums(v: &[f64]) -> String {
    v.iter()
        .map(|x| format!("{x:.3}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl TokenDetail {
    /// The routing of this token as short sentences, one per step (experts are `E0…`,
    /// groups `G0…`).
    pub fn explain(&self, lang: Lang) -> Vec<String> {
        let n = self.scores.len();
        let k = self.topk.len();
        let zh = lang == Lang::Zh;
        let mut out = Vec::new();
        out.push(match (self.scoring, zh) {
            (Scoring::Softmax, false) => {
                format!("Scores: softmax over all {n} logits, s_i = e^z_i / Σ e^z_j.")
            }
            (Scoring::Softmax, true) => {
                format!("打分：对全部 {n} 个 logit 做 softmax，s_i = e^z_i / Σ e^z_j。")
            }
            (Scoring::Sigmoid, false) => {
                format!("Scores: sigmoid of each of the {n} logits on its own, s_i = σ(z_i).")
            }
            (Scoring::Sigmoid, true) => {
                format!("打分：对 {n} 个 logit 各自做 sigmoid，s_i = σ(z_i)。")
            }
        });
        if self.bias.iter().any(|&b| b != 0.0) {
            out.push(if zh {
                "选择分数 = s_i + b_i：偏置 b_i 只用于挑选专家，不进入门控权重。".to_string()
            } else {
                "Choice score = s_i + b_i: the bias b_i only decides who is picked, never the weight.".to_string()
            });
        }
        if !self.groups_kept.is_empty() {
            let g = list(&self.groups_kept, "G");
            out.push(if zh {
                format!("分组限制：每组 {} 个专家，组分 = 组内最高两个选择分数之和；保留 {}。", self.group_size, g)
            } else {
                format!("Group limit: {} experts per group, group score = sum of its two best choice scores; kept {}.", self.group_size, g)
            });
        }
        let picked = list(&self.topk, "E");
        out.push(if zh {
            format!(
                "按选择分数取 top-{k}：{picked}（s = {}）。",
                nums(&self.topk_scores)
            )
        } else {
            format!(
                "Top-{k} by choice score: {picked} (s = {}).",
                nums(&self.topk_scores)
            )
        });
        let scale = if self.routed_scaling != 1.0 {
            format!(" × {}", self.routed_scaling)
        } else {
            String::new()
        };
        out.push(match (self.norm_topk, zh) {
            (true, false) => format!("Weights: s_i / Σ_top-k s{scale} = {}.", nums(&self.weights)),
            (true, true) => format!("权重：s_i / Σ_top-k s{scale} = {}。", nums(&self.weights)),
            (false, false) => format!(
                "Weights: the raw scores{scale} = {} (not renormalised).",
                nums(&self.weights)
            ),
            (false, true) => format!(
                "权重：直接用分数{scale} = {}（不重新归一化）。",
                nums(&self.weights)
            ),
        });
        if self.shared > 0 {
            out.push(if zh {
                format!("另有 {} 个共享专家，总是激活，权重为 1。", self.shared)
            } else {
                format!(
                    "Plus {} shared expert(s), always active with weight 1.",
                    self.shared
                )
            });
        }
        let dropped: Vec<u16> = self
            .topk
            .iter()
            .zip(&self.kept)
            .filter(|(_, &kept)| !kept)
            .map(|(&e, _)| e)
            .collect();
        if !dropped.is_empty() {
            let d = list(&dropped, "E");
            out.push(if zh {
                format!("{d} 已满（容量），这部分被丢弃，其权重丢失。")
            } else {
                format!("{d} already full (capacity): dropped, its weight is lost.")
            });
        }
        out
    }
}
