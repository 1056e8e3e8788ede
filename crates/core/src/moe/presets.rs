//! Real MoE models as simulation presets.
//!
//! A preset names its model by Hugging Face id; every architecture number (experts, k, shared
//! experts, scoring, groups, scaling) is read from [`crate::models::find`]'s `MoeDims`, so it
//! lives in one data file. What a preset adds is what `config.json` does not say: how the
//! model was balanced and whether it drops tokens, plus an explanation and its source. The
//! explanations use placeholders (`{n}`, `{k}`, `{s}`, `{g}`, `{tg}`, `{scale}`, `{total}`,
//! `{active}`) filled from the same data.

use super::{Balance, MoeConfig};
use crate::lang::Lang;
use crate::models::{find, param_counts, ModelPreset, MoeDims, ParamCounts};

/// One MoE preset.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MoePreset {
    /// URL key (`preset=deepseek-v3`).
    pub key: &'static str,
    /// Hugging Face repo id of the model in `data/models.toml`.
    pub hf_id: &'static str,
    /// How the model balanced its experts in training.
    pub balance: Balance,
    /// Capacity factor used in training (0 = no token dropping).
    pub capacity_factor: f64,
    pub explain_zh: &'static str,
    pub explain_en: &'static str,
    /// Where the routing and balancing facts come from.
    pub source: &'static str,
}

/// Key of the non-preset (all knobs at [`MoeConfig::default`]).
pub const CUSTOM: &str = "custom";

pub const PRESETS: &[MoePreset] = &[
    MoePreset {
        key: "deepseek-v3",
        hf_id: "deepseek-ai/DeepSeek-V3",
        balance: Balance::Bias,
        capacity_factor: 0.0,
        explain_zh: "DeepSeek-V3 用 sigmoid 给 {n} 个路由专家各自打分，每个 token 选 {k} 个，另加 {s} 个共享专家；训练和推理都不丢弃 token。路由受节点限制：专家分成 {g} 组，每组按组内最高两个分数之和评分，只能从最好的 {tg} 组里挑，以限制跨节点通信。负载均衡不靠辅助损失，而靠一个只在“挑选”时加到分数上的偏置：每步之后过载专家的偏置减 γ、欠载专家的偏置加 γ（论文前 14.3T token 用 γ = 0.001，之后为 0）。门控权重用不带偏置的原始分数，归一化后再乘 {scale}。另保留一个极小的序列级平衡损失（α = 0.0001）兜底。总参数 {total}，每 token 激活 {active}。",
        explain_en: "DeepSeek-V3 scores each of its {n} routed experts with a sigmoid, picks {k} per token plus {s} shared expert, and drops no tokens in training or inference. Routing is node-limited: the experts form {g} groups, a group is rated by the sum of its two best scores, and only the best {tg} groups may be used, which bounds cross-node traffic. Balance comes not from an auxiliary loss but from a bias added to the scores only when choosing: after each step an overloaded expert's bias falls by γ and an underloaded one's rises by γ (γ = 0.001 for the first 14.3T tokens, then 0). Gate weights use the unbiased scores, renormalised and multiplied by {scale}. A tiny sequence-wise balance loss (α = 0.0001) remains as a safeguard. {total} parameters in total, {active} active per token.",
        source: "DeepSeek-V3 Technical Report, arXiv:2412.19437, §2.1.2 (routing, bias, no token-dropping), §4.2 (γ, α); deepseek-ai/DeepSeek-V3 config.json and modeling_deepseek.py",
    },
    MoePreset {
        key: "qwen3-235b-a22b",
        hf_id: "Qwen/Qwen3-235B-A22B",
        balance: Balance::Aux,
        capacity_factor: 0.0,
        explain_zh: "Qwen3-235B-A22B 的路由器对 {n} 个专家做 softmax，每个 token 取前 {k} 个，并把这 {k} 个概率重新归一化（norm_topk_prob = true）。与 Qwen2.5-MoE 不同，它没有共享专家。负载均衡用辅助损失，但在全局 batch 上统计而不是在每个微批次上，这样专家可以按领域分工，同时整体仍然均衡。总参数 {total}，每 token 激活 {active}。",
        explain_en: "Qwen3-235B-A22B's router takes a softmax over {n} experts, keeps the top {k} per token and renormalises those {k} probabilities (norm_topk_prob = true). Unlike Qwen2.5-MoE it has no shared experts. Balance is trained with an auxiliary load-balancing loss computed over the global batch rather than per micro-batch, which lets experts specialise by domain while staying balanced overall. {total} parameters in total, {active} active per token.",
        source: "Qwen3 Technical Report, arXiv:2505.09388, §2 (architecture); Qwen/Qwen3-235B-A22B config.json",
    },
    MoePreset {
        key: "qwen3-30b-a3b",
        hf_id: "Qwen/Qwen3-30B-A3B",
        balance: Balance::Aux,
        capacity_factor: 0.0,
        explain_zh: "Qwen3-30B-A3B 是 Qwen3-235B-A22B 的小兄弟，路由方式相同：softmax 打分，{n} 个专家中取 {k} 个并重新归一化，没有共享专家，用全局 batch 的辅助损失做均衡。总参数 {total}，每 token 只激活 {active}，所以每 token 的算力相当于一个 {active} 的稠密模型，但显存要装下全部权重。",
        explain_en: "Qwen3-30B-A3B is the small sibling of Qwen3-235B-A22B with the same router: softmax scores, {k} of {n} experts renormalised, no shared expert, balanced by a global-batch auxiliary loss. It has {total} parameters but only {active} are active per token, so per token it computes like a {active} dense model while its memory must hold all the weights.",
        source: "Qwen3 Technical Report, arXiv:2505.09388, §2 (architecture); Qwen/Qwen3-30B-A3B config.json",
    },
    MoePreset {
        key: "mixtral-8x7b",
        hf_id: "mistralai/Mixtral-8x7B-v0.1",
        balance: Balance::Aux,
        capacity_factor: 0.0,
        explain_zh: "Mixtral 8x7B 每层有 {n} 个专家，每个 token 选 {k} 个：先取路由 logit 最大的 {k} 个，再只在这 {k} 个上做 softmax——这与“先对全部专家 softmax、再对选中的重新归一化”完全相同。没有共享专家，只有 FFN 是专家，注意力层是共享的，因此总参数 {total}、每 token 激活 {active}，而不是 8×7B。这里不设容量上限（论文没有描述丢弃 token）；Hugging Face 配置中的辅助损失系数为 0.02。",
        explain_en: "Mixtral 8x7B has {n} experts per layer and sends each token to {k}: it takes the top-{k} router logits and applies a softmax over just those, which is exactly the full softmax renormalised over the chosen experts. There are no shared experts and only the FFNs are experts (attention is shared), so the model has {total} parameters with {active} active per token, not 8 × 7B. No capacity limit is modelled (the paper describes no token dropping); the Hugging Face config sets the auxiliary-loss coefficient to 0.02.",
        source: "Mixtral of Experts, arXiv:2401.04088, §2.1; mistralai/Mixtral-8x7B-v0.1 config.json (router_aux_loss_coef)",
    },
    MoePreset {
        key: "llama4-maverick",
        hf_id: "meta-llama/Llama-4-Maverick-17B-128E",
        balance: Balance::None,
        capacity_factor: 0.0,
        explain_zh: "Llama 4 Maverick 的稠密层和 MoE 层交替出现；每个 MoE 层有 {n} 个路由专家和 {s} 个共享专家，每个 token 总是经过共享专家，再加上得分最高的 {k} 个路由专家。路由器取最大的 logit 后过 sigmoid，所以路由权重就是 σ(z)，不做归一化；它乘在专家的输入上（x·σ(z) 再进专家），不是乘在输出上。Meta 没有公开其负载均衡方法，因此这个预设默认不做均衡——可以自己选一种方案对比。总参数 {total}，每 token 激活 {active}。",
        explain_en: "Llama 4 Maverick alternates dense and MoE layers; each MoE layer has {n} routed experts and {s} shared expert, and every token goes through the shared expert plus its top {k} routed expert. The router takes the largest logit and passes it through a sigmoid, so the routed weight is σ(z), not renormalised; it scales the expert's input (the expert sees x·σ(z)), not its output. Meta has not published how it balances expert load, so this preset starts with no balancing: pick a scheme to compare. {total} parameters in total, {active} active per token.",
        source: "Meta AI, \"The Llama 4 herd\" (ai.meta.com/blog/llama-4-multimodal-intelligence, 2025-04-05); meta-llama/Llama-4-Maverick-17B-128E config.json; Hugging Face transformers modeling_llama4.py (Llama4TextMoe router)",
    },
    MoePreset {
        key: "kimi-k2",
        hf_id: "moonshotai/Kimi-K2-Instruct",
        balance: Balance::Bias,
        capacity_factor: 0.0,
        explain_zh: "Kimi K2 沿用 DeepSeek-V3 的架构，但把专家池扩大到 {n} 个路由专家（每 token 选 {k} 个，另加 {s} 个共享专家），并取消了分组限制路由（n_group = 1）。路由器同样是 sigmoid 打分加只用于挑选的偏置（配置中 topk_method = noaux_tc），选中的权重归一化后乘 {scale}。月之暗面的实验表明：在激活参数不变时，提高稀疏度（总专家数 / 激活专家数）能持续降低损失，这是扩大专家池的原因。总参数 {total}，每 token 激活 {active}。",
        explain_en: "Kimi K2 keeps DeepSeek-V3's architecture but widens the pool to {n} routed experts ({k} per token plus {s} shared) and drops group-limited routing (n_group = 1). The router is the same sigmoid score plus a choice-only bias (config topk_method = noaux_tc), and the chosen weights are renormalised and multiplied by {scale}. Moonshot found that raising sparsity (total / active experts) at fixed active compute kept lowering the loss, which motivated the larger pool. {total} parameters in total, {active} active per token.",
        source: "Kimi K2: Open Agentic Intelligence, arXiv:2507.20534 (architecture, sparsity scaling); moonshotai/Kimi-K2-Instruct config.json",
    },
    MoePreset {
        key: "switch",
        hf_id: "google/switch-base-128",
        balance: Balance::Aux,
        capacity_factor: 1.25,
        explain_zh: "Switch Transformer 把每个 token 只送到 {n} 个专家中的 1 个（top-{k}），门控权重直接用该专家的 softmax 概率。每个专家有固定容量 = 容量因子 × token 数 / 专家数，超出的 token 被丢弃：它们经残差连接直接跳过这一层。论文用辅助损失 α·N·Σ f_i·P_i（α = 0.01）做均衡，训练时容量因子取 1.0–1.25，这个预设用 1.25。",
        explain_en: "Switch Transformer sends each token to a single expert (top-{k}) out of {n}, using that expert's softmax probability as the gate weight. Each expert has a fixed capacity, capacity factor × tokens / experts, and tokens beyond it are dropped: they skip the layer through the residual connection. The paper balances load with the auxiliary loss α·N·Σ f_i·P_i with α = 0.01 and trains with capacity factors of 1.0–1.25; this preset uses 1.25.",
        source: "Switch Transformers, arXiv:2101.03961, §2.1–2.2 (eq. 4–6); google/switch-base-128 config.json",
    },
];

/// Finds a preset by key (case-insensitive) or by Hugging Face id.
pub fn find_preset(key: &str) -> Option<&'static MoePreset> {
    let key = key.trim();
    PRESETS
        .iter()
        .find(|p| p.key.eq_ignore_ascii_case(key) || p.hf_id.eq_ignore_ascii_case(key))
}

/// `671_000_000_000` → `671B`, `37_500_000_000` → `37.5B`.
pub fn format_params(n: u64) -> String {
    let (v, unit) = match n {
        n if n >= 1_000_000_000_000 => (n as f64 / 1e12, "T"),
        n if n >= 1_000_000_000 => (n as f64 / 1e9, "B"),
        n if n >= 1_000_000 => (n as f64 / 1e6, "M"),
        n => return n.to_string(),
    };
    let s = format!("{v:.1}");
    format!("{}{unit}", s.strip_suffix(".0").unwrap_or(&s))
}

impl MoePreset {
    /// The model entry, once the data file has it.
    pub fn model(&self) -> Option<&'static ModelPreset> {
        find(self.hf_id)
    }

    /// The model's MoE dimensions, once the data file has them.
    pub fn dims(&self) -> Option<MoeDims> {
        self.model()?.moe
    }

    /// Total / active parameters computed from the architecture.
    pub fn param_counts(&self) -> Option<ParamCounts> {
        self.model().map(param_counts)
    }

    /// The simulation config of one of this model's MoE layers. Without data it falls back to
    /// [`MoeConfig::default`]'s routing with this preset's balancing.
    pub fn config(&self) -> MoeConfig {
        let mut cfg = MoeConfig {
            balance: self.balance,
            capacity_factor: self.capacity_factor,
            ..MoeConfig::default()
        };
        if let Some(d) = self.dims() {
            cfg.experts = d.routed_experts;
            cfg.k = d.experts_per_token;
            cfg.shared = d.shared_experts;
            cfg.scoring = d.scoring;
            cfg.norm_topk = d.norm_topk;
            cfg.routed_scaling = d.routed_scaling;
            cfg.groups = d.n_groups.max(1);
            cfg.topk_groups = d.topk_groups.max(1);
        }
        let _ = cfg.sanitize();
        cfg
    }

    /// The explanation with its numbers filled in from the data (`?` where missing).
    pub fn explain(&self, lang: Lang) -> String {
        let text = lang.pick(self.explain_zh, self.explain_en);
        let d = self.dims();
        let c = self.param_counts().filter(|c| c.total > 0);
        let num = |f: fn(&MoeDims) -> u32| d.as_ref().map_or("?".to_string(), |d| f(d).to_string());
        text.replace("{n}", &num(|d| d.routed_experts))
            .replace("{k}", &num(|d| d.experts_per_token))
            .replace("{s}", &num(|d| d.shared_experts))
            .replace("{g}", &num(|d| d.n_groups))
            .replace("{tg}", &num(|d| d.topk_groups))
            .replace(
                "{scale}",
                &d.map_or("?".to_string(), |d| d.routed_scaling.to_string()),
            )
            .replace(
                "{total}",
                &c.map_or("?".to_string(), |c| format_params(c.total)),
            )
            .replace(
                "{active}",
                &c.map_or("?".to_string(), |c| format_params(c.active)),
            )
    }
}
