//! Model presets: real architectures with their sources.
//!
//! The data lives in `data/models.toml` (one entry per Hugging Face repo id, each citing its
//! `config.json` or paper) and is compiled into [`all()`] at build time by `crates/core/build.rs`.
//! Nothing here is parsed in the browser.

/// How a layer's attention shares key/value heads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttentionKind {
    /// Multi-head: one K/V head per query head.
    Mha,
    /// Grouped-query: `kv_heads` < `heads`, each K/V head serves a group.
    Gqa,
    /// Multi-query: a single K/V head.
    Mqa,
    /// Multi-head latent attention (DeepSeek-V2/V3, Kimi K2): caches a compressed latent.
    Mla,
}

/// Which keys one layer attends to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayerKind {
    /// Full causal attention over the whole context.
    Global,
    /// Sliding window of `window` tokens (the current token included).
    Sliding { window: u32 },
    /// Chunked local attention (Llama 4): tokens see only their own chunk of `chunk` tokens.
    Chunked { chunk: u32 },
}

/// MLA dimensions, named as in DeepSeek's `config.json`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MlaDims {
    pub kv_lora_rank: u32,
    pub q_lora_rank: Option<u32>,
    pub qk_nope_head_dim: u32,
    pub qk_rope_head_dim: u32,
    pub v_head_dim: u32,
}

/// How a router scores experts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scoring {
    Softmax,
    Sigmoid,
}

/// Mixture-of-experts shape of the MoE layers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MoeDims {
    pub routed_experts: u32,
    pub experts_per_token: u32,
    pub shared_experts: u32,
    /// FFN width of one routed expert.
    pub moe_intermediate: u32,
    /// FFN width of one shared expert (0 when there is none).
    pub shared_intermediate: u32,
    /// Leading layers that are dense instead of MoE (DeepSeek-V3: 3).
    pub first_dense_layers: u32,
    /// 1 = every (non-leading) layer is MoE; 2 = every second layer, i.e. layers 1, 3, 5, …
    /// (Llama 4 Maverick `interleave_moe_layer_step`, Switch `sparse_step`).
    pub moe_every: u32,
    pub scoring: Scoring,
    /// Group-limited routing (DeepSeek-V3: 8 groups, top 4); 1/1 when unused.
    pub n_groups: u32,
    pub topk_groups: u32,
    /// Whether the top-k gate weights are renormalised to sum to 1.
    pub norm_topk: bool,
    /// Multiplier applied to routed gate weights (DeepSeek-V3: 2.5); 1.0 when unused.
    pub routed_scaling: f64,
}

/// How many matrices one FFN (or one expert) has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FfnKind {
    /// Gated: gate, up and down projections (SwiGLU, GeGLU): `3 × hidden × width`.
    Gated,
    /// Plain two-layer MLP (GPT-2, BLOOM, T5): `2 × hidden × width`.
    Mlp,
}

/// Normalisation layer type (decides its parameter count).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NormKind {
    /// RMSNorm: a gain vector only (`hidden` parameters).
    Rms,
    /// LayerNorm: gain and bias (`2 × hidden`).
    Layer,
}

/// How positions enter the model. Only `Learned` has parameters; none changes the KV size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PositionKind {
    Rope,
    /// A learned table of `max_context × hidden` (GPT-2, GPT-3).
    Learned,
    /// ALiBi: a fixed bias on attention scores (BLOOM, Baichuan 2 13B).
    Alibi,
    /// T5 relative-position buckets (32 buckets × heads, first layer of each stack).
    Relative,
}

/// Which attention projections carry a bias vector.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BiasKind {
    None,
    /// Q, K and V only (Qwen2.5, ChatGLM2).
    Qkv,
    /// Q, K, V and the output projection (GPT-2, BLOOM).
    All,
}

/// QK-Norm: RMSNorm on queries and keys before the dot product.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QkNorm {
    None,
    /// One `head_dim` gain shared by all heads (Qwen3, Gemma 3): `2 × head_dim` parameters.
    Head,
    /// Over the whole projection (OLMo 2): `(heads + kv_heads) × head_dim` parameters.
    Full,
    /// A weightless L2 normalisation of each query and key head (Llama 4 Scout's
    /// `use_qk_norm`, on its RoPE layers only): no parameters.
    L2,
}

/// One model's architecture, as its own config states it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ModelPreset {
    /// Hugging Face repo id, e.g. `meta-llama/Llama-3.1-8B`.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Primary source of the numbers (config.json URL or paper).
    pub source: &'static str,
    /// Decoder layers: the layers that keep a KV cache.
    pub layers: u32,
    /// Encoder layers of an encoder-decoder model (T5/Switch); 0 for decoder-only models.
    pub encoder_layers: u32,
    pub hidden: u32,
    pub heads: u32,
    pub kv_heads: u32,
    /// Per-head width as the config states it (`head_dim`), not always `hidden / heads`.
    pub head_dim: u32,
    /// Dense FFN width (for MoE models: the width of the dense layers, if any).
    pub intermediate: u32,
    /// Rows of the token-embedding matrix: config.json's `vocab_size` (often padded).
    pub vocab: u32,
    /// Tokens the tokenizer itself defines, where a primary source states it (fewer than
    /// `vocab` when the embedding is padded: ChatGLM-6B, Qwen3, BLOOM).
    pub tokenizer_vocab: Option<u32>,
    /// Where `tokenizer_vocab` comes from.
    pub tokenizer_vocab_source: &'static str,
    pub max_context: u64,
    pub attention: AttentionKind,
    /// Repeating pattern of layer kinds, applied from layer 0 (`[Global]` for plain models).
    pub layer_pattern: &'static [LayerKind],
    pub mla: Option<MlaDims>,
    pub moe: Option<MoeDims>,
    pub tied_embeddings: bool,
    pub ffn: FfnKind,
    pub norm: NormKind,
    /// Norm layers per block (2: pre-attention and pre-FFN; Gemma 2/3: 4).
    pub norms_per_layer: u32,
    pub position: PositionKind,
    pub attn_bias: BiasKind,
    pub mlp_bias: bool,
    pub qk_norm: QkNorm,
    /// A norm right after the token embedding (BLOOM).
    pub embed_norm: bool,
    /// Multi-token-prediction modules shipped next to the main model (DeepSeek-V3: 1); not
    /// counted by [`param_counts`], as the reported 671B does not count them either.
    pub mtp_layers: u32,
    /// Parameter counts as the authors report them (for checking our computed counts).
    pub params_total_reported: Option<f64>,
    pub params_active_reported: Option<f64>,
    /// Where the reported counts come from.
    pub params_reported_source: &'static str,
    /// The authors' "activated parameters" leave out the token-embedding table (DeepSeek,
    /// Kimi); [`param_counts`] follows each model's own convention so its `active` matches the
    /// published figure.
    pub active_excludes_embedding: bool,
    /// Stored copy of the config under `data/configs/`, when one was found.
    pub config_file: Option<&'static str>,
    /// How faithful that copy is: `file`, `embedded`, `reserialized` or `partial`.
    pub config_copy: Option<&'static str>,
    /// One short sentence on anything unusual, in English; read it through [`ModelPreset::note`].
    pub note: &'static str,
    /// The same note in Chinese (same numbers).
    pub note_zh: &'static str,
}

impl ModelPreset {
    /// The note on anything unusual, in the reader's language.
    pub fn note(&self, lang: crate::lang::Lang) -> &'static str {
        lang.pick(self.note_zh, self.note)
    }

    /// The kind of layer `layer` (0-based), from the repeating pattern.
    pub fn layer_kind(&self, layer: u32) -> LayerKind {
        if self.layer_pattern.is_empty() {
            return LayerKind::Global;
        }
        self.layer_pattern[layer as usize % self.layer_pattern.len()]
    }

    /// Whether FFN layer `layer` (0-based, in its stack) is a mixture of experts.
    ///
    /// Layers before `first_dense_layers` are dense; after them every `moe_every`-th layer is
    /// MoE, counting so that `moe_every = 2` gives layers 1, 3, 5, … (Llama 4 Maverick's
    /// `interleave_moe_layer_step`, Switch's `sparse_step`).
    pub fn is_moe_layer(&self, layer: u32) -> bool {
        match self.moe {
            None => false,
            Some(m) => {
                layer >= m.first_dense_layers
                    && (layer - m.first_dense_layers + 1).is_multiple_of(m.moe_every.max(1))
            }
        }
    }

    /// Number of MoE layers in a stack of `layers` layers.
    pub fn moe_layer_count(&self, layers: u32) -> u32 {
        (0..layers).filter(|&l| self.is_moe_layer(l)).count() as u32
    }

    /// Counts of each layer kind over the decoder, in first-seen order.
    pub fn layer_kind_counts(&self) -> Vec<(LayerKind, u32)> {
        let mut out: Vec<(LayerKind, u32)> = Vec::new();
        for l in 0..self.layers {
            let k = self.layer_kind(l);
            match out.iter_mut().find(|(kind, _)| *kind == k) {
                Some((_, n)) => *n += 1,
                None => out.push((k, 1)),
            }
        }
        out
    }

    /// Smallest sliding window or chunk among the layers, if any layer is local.
    pub fn smallest_window(&self) -> Option<u32> {
        self.layer_pattern
            .iter()
            .filter_map(|k| match k {
                LayerKind::Global => None,
                LayerKind::Sliding { window } => Some(*window),
                LayerKind::Chunked { chunk } => Some(*chunk),
            })
            .min()
    }

    /// Whether the checkpoint is an encoder-decoder (T5-style) model.
    pub fn is_encoder_decoder(&self) -> bool {
        self.encoder_layers > 0
    }
}

include!(concat!(env!("OUT_DIR"), "/models_data.rs"));

/// All presets, in the order of `data/models.toml`.
pub fn all() -> &'static [ModelPreset] {
    MODELS
}

/// Finds a preset by Hugging Face id (case-insensitive).
pub fn find(id: &str) -> Option<&'static ModelPreset> {
    all().iter().find(|m| m.id.eq_ignore_ascii_case(id.trim()))
}

/// Parameter counts computed from the architecture (not copied from a model card).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParamCounts {
    pub total: u64,
    /// Parameters used per token (differs from `total` only for MoE models).
    pub active: u64,
}

/// Parameter counts split by component (all layers summed).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ParamBreakdown {
    /// Token embedding (`vocab × hidden`).
    pub embedding: u64,
    /// Untied LM head (`vocab × hidden`), 0 when tied to the embedding.
    pub lm_head: u64,
    /// Learned position table or T5 relative-position buckets.
    pub positions: u64,
    /// Attention projections (incl. MLA's low-rank matrices and their norms, biases, QK-Norm).
    pub attention: u64,
    /// Dense FFN layers (incl. the dense layers of MoE models).
    pub dense_ffn: u64,
    /// All routed experts of all MoE layers.
    pub routed_experts: u64,
    /// Shared experts of all MoE layers.
    pub shared_experts: u64,
    /// Router (gate) matrices, `hidden × routed_experts` per MoE layer.
    pub router: u64,
    /// Every norm layer (block norms, final norm(s), embedding norm).
    pub norms: u64,
    /// Routed-expert parameters a token does not use: `Σ (routed − k) × expert size`.
    pub inactive_experts: u64,
    /// Whether [`ParamBreakdown::active`] leaves out the embedding table (the model's
    /// authors count that way; see [`ModelPreset::active_excludes_embedding`]).
    pub active_excludes_embedding: bool,
}

impl ParamBreakdown {
    pub fn total(&self) -> u64 {
        self.embedding
            + self.lm_head
            + self.positions
            + self.attention
            + self.dense_ffn
            + self.routed_experts
            + self.shared_experts
            + self.router
            + self.norms
    }

    /// Parameters used per token, counted as the model's authors count them: every
    /// parameter except the routed experts the token is not sent to, and (DeepSeek, Kimi)
    /// except the embedding table.
    pub fn active(&self) -> u64 {
        let embedding = if self.active_excludes_embedding {
            self.embedding
        } else {
            0
        };
        self.total() - self.inactive_experts - embedding
    }

    /// Parameters whose weights are multiplied for each token: [`Self::active`] without the
    /// embedding table (a token reads one row of it). `2 ×` this is the matmul FLOPs per token.
    pub fn compute_active(&self) -> u64 {
        self.total() - self.inactive_experts - self.embedding
    }
}

/// T5's `relative_attention_num_buckets` (32 in every Switch/T5 checkpoint).
const T5_RELATIVE_BUCKETS: u64 = 32;

/// Parameters of one self-attention block of `m` (projections, biases, QK-Norm, MLA norms).
pub fn attention_params_per_layer(m: &ModelPreset) -> u64 {
    let h = m.hidden as u64;
    if let Some(mla) = m.mla {
        let heads = m.heads as u64;
        let r_kv = mla.kv_lora_rank as u64;
        let rope = mla.qk_rope_head_dim as u64;
        let nope = mla.qk_nope_head_dim as u64;
        let v = mla.v_head_dim as u64;
        let q = match mla.q_lora_rank {
            // W_DQ, its RMSNorm, then W_UQ to all heads' (nope + rope) query dims.
            Some(rq) => {
                let rq = rq as u64;
                h * rq + rq + rq * heads * (nope + rope)
            }
            None => h * heads * (nope + rope),
        };
        // W_DKV (latent + decoupled RoPE key, "kv_a_proj_with_mqa"), its RMSNorm on the latent,
        // W_UK/W_UV ("kv_b_proj"), then W_O.
        let kv = h * (r_kv + rope) + r_kv + r_kv * heads * (nope + v);
        let o = heads * v * h;
        return q + kv + o;
    }
    let q_out = m.heads as u64 * m.head_dim as u64;
    let kv_out = m.kv_heads as u64 * m.head_dim as u64;
    let weights = h * q_out + 2 * h * kv_out + q_out * h;
    let bias = match m.attn_bias {
        BiasKind::None => 0,
        BiasKind::Qkv => q_out + 2 * kv_out,
        BiasKind::All => q_out + 2 * kv_out + h,
    };
    let qk = match m.qk_norm {
        QkNorm::None => 0,
        QkNorm::Head => 2 * m.head_dim as u64,
        QkNorm::Full => q_out + kv_out,
        QkNorm::L2 => 0,
    };
    weights + bias + qk
}

/// Parameters of one FFN of width `width` (a dense FFN or one expert).
pub fn ffn_params(m: &ModelPreset, width: u32) -> u64 {
    let h = m.hidden as u64;
    let w = width as u64;
    match m.ffn {
        FfnKind::Gated => 3 * h * w + if m.mlp_bias { 2 * w + h } else { 0 },
        FfnKind::Mlp => 2 * h * w + if m.mlp_bias { w + h } else { 0 },
    }
}

fn norm_params(m: &ModelPreset) -> u64 {
    match m.norm {
        NormKind::Rms => m.hidden as u64,
        NormKind::Layer => 2 * m.hidden as u64,
    }
}

/// Adds one FFN layer (dense or MoE) to the breakdown.
fn add_ffn_layer(m: &ModelPreset, layer: u32, b: &mut ParamBreakdown) {
    match m.moe {
        Some(moe) if m.is_moe_layer(layer) => {
            let expert = ffn_params(m, moe.moe_intermediate);
            b.routed_experts += moe.routed_experts as u64 * expert;
            b.inactive_experts += (moe.routed_experts - moe.experts_per_token) as u64 * expert;
            b.shared_experts += moe.shared_experts as u64 * ffn_params(m, moe.shared_intermediate);
            b.router += m.hidden as u64 * moe.routed_experts as u64;
        }
        _ => b.dense_ffn += ffn_params(m, m.intermediate),
    }
}

/// Parameter counts by component, computed from the architecture.
///
/// Counted: token embedding, untied LM head, learned positions (GPT-2/3) or T5 relative
/// buckets, attention projections (MLA: `W_DQ`, `W_UQ`, `W_DKV` incl. the decoupled RoPE key,
/// `W_UK/W_UV`, `W_O`, and MLA's two RMSNorms), biases where the model has them, QK-Norm
/// gains, dense FFNs, routed and shared experts, routers, and every norm.
///
/// Not counted, each a known difference to some published totals: DeepSeek-V3/R1's
/// multi-token-prediction module (14B; their 671B excludes it, the 685B on Hugging Face
/// includes it), vision encoders of multimodal checkpoints (Llama 4, Mistral Small 3.1,
/// Gemma 3), DeepSeek-V3's per-expert routing-bias vector (`e_score_correction_bias`,
/// `routed_experts` numbers per MoE layer), and non-trainable buffers (RoPE `inv_freq`).
pub fn param_breakdown(m: &ModelPreset) -> ParamBreakdown {
    let h = m.hidden as u64;
    let v = m.vocab as u64;
    let norm = norm_params(m);
    let mut b = ParamBreakdown {
        embedding: v * h,
        lm_head: if m.tied_embeddings { 0 } else { v * h },
        active_excludes_embedding: m.active_excludes_embedding,
        ..ParamBreakdown::default()
    };
    if m.embed_norm {
        b.norms += norm;
    }
    let attn = attention_params_per_layer(m);
    if m.is_encoder_decoder() {
        // T5 / Switch: encoder blocks (self-attention + FFN, 2 norms), decoder blocks
        // (self-attention + cross-attention + FFN, 3 norms), a final norm per stack, and the
        // relative-position buckets in the first self-attention of each stack.
        if m.position == PositionKind::Relative {
            b.positions += 2 * T5_RELATIVE_BUCKETS * m.heads as u64;
        }
        for l in 0..m.encoder_layers {
            b.attention += attn;
            b.norms += m.norms_per_layer as u64 * norm;
            add_ffn_layer(m, l, &mut b);
        }
        for l in 0..m.layers {
            b.attention += 2 * attn;
            b.norms += (m.norms_per_layer as u64 + 1) * norm;
            add_ffn_layer(m, l, &mut b);
        }
        b.norms += 2 * norm;
        return b;
    }
    if m.position == PositionKind::Learned {
        b.positions += m.max_context * h;
    }
    for l in 0..m.layers {
        b.attention += attn;
        b.norms += m.norms_per_layer as u64 * norm;
        add_ffn_layer(m, l, &mut b);
    }
    b.norms += norm;
    b
}

/// Computes total and active parameters from the architecture (see [`param_breakdown`]).
pub fn param_counts(m: &ModelPreset) -> ParamCounts {
    let b = param_breakdown(m);
    ParamCounts {
        total: b.total(),
        active: b.active(),
    }
}

/// A model field as display text for the content directive `{{model:ID:FIELD}}`.
///
/// Integers are plain digits (no separators). `params_total` / `params_active` are computed by
/// [`param_counts`] and formatted by [`crate::kv::format_params`] (`671B`, `37B`, `8.0B`,
/// `0.6B`: at most 3 significant figures). `sliding_window` / `chunk` give the window of the
/// model's local layers, `local_global_ratio` the local:global layer ratio in lowest terms
/// (`5:1`). Unknown ids, unknown fields, and fields the model does not have (MLA dims on a
/// GQA model, experts on a dense model, a window on an all-global model) give `None`.
pub fn field(id: &str, field: &str) -> Option<String> {
    let m = find(id)?;
    let n = |v: u64| Some(v.to_string());
    let mla = m.mla;
    let moe = m.moe;
    match field.trim() {
        "name" => Some(m.name.to_string()),
        "source" => Some(m.source.to_string()),
        "layers" => n(m.layers as u64),
        "hidden" => n(m.hidden as u64),
        "heads" => n(m.heads as u64),
        "kv_heads" => n(m.kv_heads as u64),
        "head_dim" => n(m.head_dim as u64),
        "intermediate" => n(m.intermediate as u64),
        "vocab" => n(m.vocab as u64),
        "tokenizer_vocab" => m.tokenizer_vocab.and_then(|t| n(t as u64)),
        "max_context" => n(m.max_context),
        "params_total" => Some(crate::kv::format_params(param_counts(m).total)),
        "params_active" => Some(crate::kv::format_params(param_counts(m).active)),
        "routed_experts" => moe.and_then(|d| n(d.routed_experts as u64)),
        "experts_per_token" => moe.and_then(|d| n(d.experts_per_token as u64)),
        "shared_experts" => moe.and_then(|d| n(d.shared_experts as u64)),
        "moe_intermediate" => moe.and_then(|d| n(d.moe_intermediate as u64)),
        // Group-limited routing and the gate scale: only models that use them.
        "n_groups" => moe
            .filter(|d| d.n_groups > 1)
            .and_then(|d| n(d.n_groups as u64)),
        "topk_groups" => moe
            .filter(|d| d.n_groups > 1)
            .and_then(|d| n(d.topk_groups as u64)),
        "routed_scaling" => moe
            .filter(|d| d.routed_scaling != 1.0)
            .map(|d| d.routed_scaling.to_string()),
        "kv_lora_rank" => mla.and_then(|d| n(d.kv_lora_rank as u64)),
        "q_lora_rank" => mla.and_then(|d| d.q_lora_rank).and_then(|r| n(r as u64)),
        "qk_rope_head_dim" => mla.and_then(|d| n(d.qk_rope_head_dim as u64)),
        "qk_nope_head_dim" => mla.and_then(|d| n(d.qk_nope_head_dim as u64)),
        "v_head_dim" => mla.and_then(|d| n(d.v_head_dim as u64)),
        "sliding_window" => m.layer_pattern.iter().find_map(|k| match k {
            LayerKind::Sliding { window } => n(*window as u64),
            _ => None,
        }),
        "chunk" => m.layer_pattern.iter().find_map(|k| match k {
            LayerKind::Chunked { chunk } => n(*chunk as u64),
            _ => None,
        }),
        "local_global_ratio" => {
            let local = m
                .layer_pattern
                .iter()
                .filter(|k| !matches!(k, LayerKind::Global))
                .count() as u64;
            let global = m.layer_pattern.len() as u64 - local;
            if local == 0 {
                return None;
            }
            let g = gcd(local, global);
            Some(format!("{}:{}", local / g, global / g))
        }
        _ => None,
    }
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use serde_json::Value;

    const REQUIRED: [&str; 39] = [
        "meta-llama/Llama-2-7b-hf",
        "meta-llama/Llama-2-13b-hf",
        "meta-llama/Llama-2-70b-hf",
        "meta-llama/Meta-Llama-3-8B",
        "meta-llama/Meta-Llama-3-70B",
        "meta-llama/Llama-3.1-8B",
        "meta-llama/Llama-3.1-70B",
        "meta-llama/Llama-3.1-405B",
        "meta-llama/Llama-3.2-1B",
        "meta-llama/Llama-4-Scout-17B-16E",
        "meta-llama/Llama-4-Maverick-17B-128E",
        "mistralai/Mistral-7B-v0.1",
        "mistralai/Mistral-Small-3.1-24B-Base-2503",
        "mistralai/Mixtral-8x7B-v0.1",
        "Qwen/Qwen2.5-7B",
        "Qwen/Qwen3-0.6B",
        "Qwen/Qwen3-4B",
        "Qwen/Qwen3-8B",
        "Qwen/Qwen3-32B",
        "Qwen/Qwen3-30B-A3B",
        "Qwen/Qwen3-235B-A22B",
        "deepseek-ai/deepseek-llm-67b-base",
        "deepseek-ai/DeepSeek-V2",
        "deepseek-ai/DeepSeek-V3",
        "deepseek-ai/DeepSeek-R1",
        "moonshotai/Kimi-K2-Instruct",
        "google/gemma-2-9b",
        "google/gemma-3-1b-pt",
        "google/gemma-3-27b-pt",
        "allenai/OLMo-2-1124-7B",
        "HuggingFaceTB/SmolLM3-3B",
        "THUDM/chatglm-6b",
        "THUDM/chatglm2-6b",
        "baichuan-inc/Baichuan2-7B-Base",
        "baichuan-inc/Baichuan2-13B-Base",
        "bigscience/bloom",
        "openai-community/gpt2",
        "openai/gpt-3-175b",
        "google/switch-base-128",
    ];

    fn m(id: &str) -> &'static ModelPreset {
        find(id).unwrap_or_else(|| panic!("{id} missing from data/models.toml"))
    }

    #[test]
    fn every_required_preset_is_present_once() {
        for id in REQUIRED {
            assert_eq!(all().iter().filter(|p| p.id == id).count(), 1, "{id}");
        }
        assert_eq!(all().len(), REQUIRED.len());
        assert_eq!(all()[0].id, REQUIRED[0], "file order is kept");
        assert!(
            find(" qwen/qwen3-8b ").is_some(),
            "find is case-insensitive and trims"
        );
        assert!(find("nope/nope").is_none());
    }

    /// The runs of ASCII digits in `s`, as a set ("Qwen2.5 … 128K" → {"2", "5", "128"}).
    fn digit_runs(s: &str) -> std::collections::BTreeSet<&str> {
        s.split(|c: char| !c.is_ascii_digit())
            .filter(|r| !r.is_empty())
            .collect()
    }

    #[test]
    fn every_note_has_a_chinese_version_with_the_same_numbers() {
        for p in all() {
            assert!(!p.note.trim().is_empty(), "{}: empty note", p.id);
            assert!(
                p.note_zh
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{}: note_zh has no Chinese characters: {:?}",
                p.id,
                p.note_zh
            );
            assert_eq!(
                digit_runs(p.note_zh),
                digit_runs(p.note),
                "{}: the numbers of note_zh and note differ",
                p.id
            );
            assert_eq!(p.note(Lang::Zh), p.note_zh);
            assert_eq!(p.note(Lang::En), p.note);
        }
        assert_eq!(
            digit_runs("Qwen2.5: 125,696 x 8K"),
            ["125", "2", "5", "696", "8"].into()
        );
    }

    // ---------------------------------------------------------------- against config.json

    fn config_dir() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/configs")
    }

    fn int(cfg: &Value, keys: &[&str]) -> Option<u64> {
        keys.iter()
            .find_map(|k| cfg.get(*k).and_then(Value::as_u64))
    }

    /// The stored config of `p`, with a multimodal checkpoint's `text_config` merged over it.
    fn load_config(p: &ModelPreset) -> Option<Value> {
        let file = p.config_file?;
        let text = std::fs::read_to_string(config_dir().join(file))
            .unwrap_or_else(|e| panic!("{}: cannot read {file}: {e}", p.id));
        let mut v: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: {file} is not JSON: {e}", p.id));
        if let Some(text_cfg) = v.get("text_config").cloned() {
            if let (Some(obj), Some(t)) = (v.as_object_mut(), text_cfg.as_object()) {
                for (k, val) in t {
                    obj.insert(k.clone(), val.clone());
                }
            }
        }
        Some(v)
    }

    /// Checks every number of the TOML entry that its stored config.json states.
    fn check_against_config(p: &ModelPreset, cfg: &Value) -> usize {
        let checked = std::cell::Cell::new(0);
        let eq = |what: &str, ours: u64, theirs: Option<u64>| {
            if let Some(t) = theirs {
                assert_eq!(ours, t, "{}: {what} differs from its config.json", p.id);
                checked.set(checked.get() + 1);
            }
        };
        eq(
            "layers",
            p.layers as u64,
            int(cfg, &["num_hidden_layers", "n_layer", "num_layers"]),
        );
        eq(
            "hidden",
            p.hidden as u64,
            int(cfg, &["hidden_size", "n_embd", "n_embed"]),
        );
        eq(
            "heads",
            p.heads as u64,
            int(cfg, &["num_attention_heads", "n_head"]),
        );
        let kv = if cfg.get("multi_query_attention").and_then(Value::as_bool) == Some(true) {
            int(cfg, &["multi_query_group_num"])
        } else if p.mla.is_some() {
            None // MLA configs repeat num_attention_heads here; the cache is the latent.
        } else {
            // No key means MHA in every config format here.
            int(cfg, &["num_key_value_heads"]).or(int(cfg, &["num_attention_heads", "n_head"]))
        };
        eq("kv_heads", p.kv_heads as u64, kv);
        let head_dim = int(cfg, &["head_dim", "kv_channels"]).or_else(|| {
            let h = int(cfg, &["hidden_size", "n_embd"])?;
            let n = int(cfg, &["num_attention_heads", "n_head"])?;
            Some(h / n)
        });
        if p.mla.is_none() {
            eq("head_dim", p.head_dim as u64, head_dim);
        }
        let dense_width = if cfg.get("intermediate_size_mlp").is_some() {
            int(cfg, &["intermediate_size_mlp"]) // Llama 4: dense layers; intermediate_size = expert
        } else if cfg.get("n_embd").is_some() {
            // GPT-2 format: n_inner, or 4 x n_embd when it is absent or null.
            int(cfg, &["n_inner"]).or_else(|| int(cfg, &["n_embd"]).map(|h| 4 * h))
        } else {
            int(
                cfg,
                &["intermediate_size", "ffn_hidden_size", "inner_hidden_size"],
            )
        };
        eq("intermediate", p.intermediate as u64, dense_width);
        eq(
            "vocab",
            p.vocab as u64,
            int(cfg, &["padded_vocab_size", "vocab_size"]),
        );
        eq(
            "max_context",
            p.max_context,
            int(
                cfg,
                &[
                    "max_position_embeddings",
                    "seq_length",
                    "max_sequence_length",
                    "n_positions",
                ],
            ),
        );
        if let Some(tied) = cfg.get("tie_word_embeddings").and_then(Value::as_bool) {
            assert_eq!(p.tied_embeddings, tied, "{}: tie_word_embeddings", p.id);
            checked.set(checked.get() + 1);
        }
        // QK-Norm: the config's `use_qk_norm` (Llama 4) when it has one; otherwise the
        // architecture decides (Qwen3 and OLMo 2 always normalise, the others never do).
        let model_type = cfg.get("model_type").and_then(Value::as_str).unwrap_or("");
        let qk_expected: &[QkNorm] = match cfg.get("use_qk_norm").and_then(Value::as_bool) {
            Some(true) => &[QkNorm::Head, QkNorm::Full, QkNorm::L2],
            Some(false) => &[QkNorm::None],
            None => match model_type {
                "qwen3" | "qwen3_moe" | "gemma3" | "gemma3_text" => &[QkNorm::Head],
                "olmo2" => &[QkNorm::Full],
                "llama" | "llama4_text" | "mistral" | "mixtral" | "qwen2" | "deepseek_v2"
                | "deepseek_v3" | "kimi_k2" | "gemma2" | "gpt2" | "chatglm" | "bloom" => {
                    &[QkNorm::None]
                }
                other => panic!(
                    "{}: model_type {other:?}: say in this test whether it has QK-Norm",
                    p.id
                ),
            },
        };
        assert!(
            qk_expected.contains(&p.qk_norm),
            "{}: qk_norm = {:?} but its config.json implies one of {qk_expected:?}",
            p.id,
            p.qk_norm
        );
        checked.set(checked.get() + 1);
        // Windows: a sliding window counts only when it is switched on.
        let sliding_on = cfg.get("use_sliding_window").and_then(Value::as_bool) != Some(false);
        let window = field(p.id, "sliding_window").map(|w| w.parse::<u64>().unwrap());
        match int(cfg, &["sliding_window"]) {
            Some(w) if sliding_on => eq("sliding_window", window.unwrap_or(0), Some(w)),
            _ => assert_eq!(
                window, None,
                "{}: config has no active sliding window",
                p.id
            ),
        }
        let chunk = field(p.id, "chunk").map(|w| w.parse::<u64>().unwrap());
        match int(cfg, &["attention_chunk_size"]) {
            Some(c) => eq("chunk", chunk.unwrap_or(0), Some(c)),
            None => assert_eq!(chunk, None, "{}: config has no chunked attention", p.id),
        }
        if let Some(d) = p.mla {
            eq(
                "kv_lora_rank",
                d.kv_lora_rank as u64,
                int(cfg, &["kv_lora_rank"]),
            );
            eq(
                "q_lora_rank",
                d.q_lora_rank.unwrap_or(0) as u64,
                int(cfg, &["q_lora_rank"]),
            );
            eq(
                "qk_nope_head_dim",
                d.qk_nope_head_dim as u64,
                int(cfg, &["qk_nope_head_dim"]),
            );
            eq(
                "qk_rope_head_dim",
                d.qk_rope_head_dim as u64,
                int(cfg, &["qk_rope_head_dim"]),
            );
            eq("v_head_dim", d.v_head_dim as u64, int(cfg, &["v_head_dim"]));
        } else {
            assert!(
                cfg.get("kv_lora_rank").is_none(),
                "{}: config has MLA",
                p.id
            );
        }
        if let Some(e) = p.moe {
            eq(
                "routed_experts",
                e.routed_experts as u64,
                int(
                    cfg,
                    &["n_routed_experts", "num_experts", "num_local_experts"],
                ),
            );
            eq(
                "experts_per_token",
                e.experts_per_token as u64,
                int(cfg, &["num_experts_per_tok"]),
            );
            if cfg.get("n_shared_experts").is_some() {
                eq(
                    "shared_experts",
                    e.shared_experts as u64,
                    int(cfg, &["n_shared_experts"]),
                );
            }
            let expert_width = if cfg.get("moe_intermediate_size").is_some() {
                int(cfg, &["moe_intermediate_size"])
            } else {
                int(cfg, &["intermediate_size"]) // Mixtral, Llama 4: intermediate_size is per expert
            };
            eq("moe_intermediate", e.moe_intermediate as u64, expert_width);
            eq(
                "first_dense_layers",
                e.first_dense_layers as u64,
                int(cfg, &["first_k_dense_replace"]),
            );
            eq(
                "moe_every",
                e.moe_every as u64,
                int(
                    cfg,
                    &[
                        "interleave_moe_layer_step",
                        "moe_layer_freq",
                        "decoder_sparse_step",
                    ],
                ),
            );
            eq("n_groups", e.n_groups as u64, int(cfg, &["n_group"]));
            eq(
                "topk_groups",
                e.topk_groups as u64,
                int(cfg, &["topk_group"]),
            );
            if let Some(s) = cfg.get("scoring_func").and_then(Value::as_str) {
                let ours = match e.scoring {
                    Scoring::Softmax => "softmax",
                    Scoring::Sigmoid => "sigmoid",
                };
                assert_eq!(ours, s, "{}: scoring_func", p.id);
                checked.set(checked.get() + 1);
            }
            if let Some(n) = cfg.get("norm_topk_prob").and_then(Value::as_bool) {
                assert_eq!(e.norm_topk, n, "{}: norm_topk_prob", p.id);
                checked.set(checked.get() + 1);
            }
            if let Some(s) = cfg.get("routed_scaling_factor").and_then(Value::as_f64) {
                assert!(
                    (e.routed_scaling - s).abs() < 1e-9,
                    "{}: routed_scaling_factor",
                    p.id
                );
                checked.set(checked.get() + 1);
            }
            if cfg
                .get("mlp_only_layers")
                .and_then(Value::as_array)
                .is_some_and(|a| !a.is_empty())
            {
                panic!("{}: mlp_only_layers is not modelled", p.id);
            }
        } else {
            assert!(
                int(
                    cfg,
                    &["n_routed_experts", "num_experts", "num_local_experts"]
                )
                .is_none(),
                "{}: config has experts",
                p.id
            );
        }
        checked.get()
    }

    #[test]
    fn presets_match_their_stored_config_json() {
        let mut with_config = 0;
        for p in all() {
            let Some(cfg) = load_config(p) else { continue };
            with_config += 1;
            let checked = check_against_config(p, &cfg);
            // layers, hidden, heads, kv_heads, head_dim, intermediate, vocab, max_context at least
            assert!(checked >= 8, "{}: only {checked} fields checked", p.id);
        }
        assert!(
            with_config >= 20,
            "only {with_config} presets have a stored config"
        );
    }

    #[test]
    fn every_stored_config_belongs_to_a_preset() {
        for entry in std::fs::read_dir(config_dir()).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            assert!(
                all().iter().any(|p| p.config_file == Some(name.as_str())),
                "data/configs/{name} is not referenced by any preset"
            );
        }
    }

    // ---------------------------------------------------------------- the traps

    #[test]
    fn head_dim_is_not_always_hidden_over_heads() {
        for (id, head_dim, naive) in [
            ("Qwen/Qwen3-0.6B", 128, 64),
            ("Qwen/Qwen3-4B", 128, 80),
            ("Qwen/Qwen3-32B", 128, 80),
            ("google/gemma-2-9b", 256, 224),
            ("google/gemma-3-27b-pt", 128, 168),
            ("mistralai/Mistral-Small-3.1-24B-Base-2503", 128, 160),
        ] {
            let p = m(id);
            assert_eq!((p.head_dim, p.hidden / p.heads), (head_dim, naive), "{id}");
        }
    }

    #[test]
    fn attention_kinds() {
        assert_eq!(m("meta-llama/Llama-2-7b-hf").kv_heads, 32);
        assert_eq!(m("meta-llama/Llama-2-13b-hf").kv_heads, 40);
        assert_eq!(m("meta-llama/Llama-2-70b-hf").kv_heads, 8);
        assert_eq!(m("THUDM/chatglm2-6b").kv_heads, 2);
        assert_eq!(m("google/gemma-3-1b-pt").attention, AttentionKind::Mqa);
        for id in [
            "deepseek-ai/DeepSeek-V2",
            "deepseek-ai/DeepSeek-V3",
            "moonshotai/Kimi-K2-Instruct",
        ] {
            assert_eq!(m(id).attention, AttentionKind::Mla, "{id}");
        }
        assert_eq!(m("bigscience/bloom").position, PositionKind::Alibi);
        assert_eq!(
            m("baichuan-inc/Baichuan2-13B-Base").position,
            PositionKind::Alibi
        );
    }

    #[test]
    fn layer_patterns() {
        let mistral = m("mistralai/Mistral-7B-v0.1");
        assert_eq!(
            mistral.layer_kind_counts(),
            vec![(LayerKind::Sliding { window: 4096 }, 32)]
        );
        // Gemma 2: layer 0 local, layer 1 global, 1:1.
        let g2 = m("google/gemma-2-9b");
        assert_eq!(g2.layer_kind(0), LayerKind::Sliding { window: 4096 });
        assert_eq!(g2.layer_kind(1), LayerKind::Global);
        assert_eq!(
            g2.layer_kind_counts(),
            vec![
                (LayerKind::Sliding { window: 4096 }, 21),
                (LayerKind::Global, 21)
            ]
        );
        // Gemma 3: every 6th layer (5, 11, …) global.
        let g3 = m("google/gemma-3-27b-pt");
        assert_eq!(g3.layer_kind(5), LayerKind::Global);
        assert_eq!(g3.layer_kind(6), LayerKind::Sliding { window: 1024 });
        assert_eq!(
            g3.layer_kind_counts(),
            vec![
                (LayerKind::Sliding { window: 1024 }, 52),
                (LayerKind::Global, 10)
            ]
        );
        assert_eq!(m("google/gemma-3-1b-pt").smallest_window(), Some(512));
        // Llama 4: layers 3, 7, … are global NoPE, the rest chunked at 8192.
        let scout = m("meta-llama/Llama-4-Scout-17B-16E");
        assert_eq!(scout.layer_kind(2), LayerKind::Chunked { chunk: 8192 });
        assert_eq!(scout.layer_kind(3), LayerKind::Global);
        assert_eq!(
            scout.layer_kind_counts(),
            vec![
                (LayerKind::Chunked { chunk: 8192 }, 36),
                (LayerKind::Global, 12)
            ]
        );
    }

    #[test]
    fn moe_layer_placement() {
        let v3 = m("deepseek-ai/DeepSeek-V3");
        assert!(!v3.is_moe_layer(2) && v3.is_moe_layer(3));
        assert_eq!(v3.moe_layer_count(v3.layers), 58);
        let maverick = m("meta-llama/Llama-4-Maverick-17B-128E");
        assert!(!maverick.is_moe_layer(0) && maverick.is_moe_layer(1) && !maverick.is_moe_layer(2));
        assert_eq!(maverick.moe_layer_count(48), 24);
        assert_eq!(
            m("meta-llama/Llama-4-Scout-17B-16E").moe_layer_count(48),
            48
        );
        let switch = m("google/switch-base-128");
        let sparse: Vec<u32> = (0..12).filter(|&l| switch.is_moe_layer(l)).collect();
        assert_eq!(sparse, vec![1, 3, 5, 7, 9, 11]);
        assert_eq!(m("moonshotai/Kimi-K2-Instruct").moe_layer_count(61), 60);
        assert!(!m("meta-llama/Llama-3.1-8B").is_moe_layer(5));
    }

    // ---------------------------------------------------------------- parameter counts

    /// Exact checks: counts that can be reproduced to the parameter.
    #[test]
    fn param_counts_exact_where_the_checkpoint_is_known() {
        // GPT-2 small: the well-known 124,439,808.
        assert_eq!(param_counts(m("openai-community/gpt2")).total, 124_439_808);
        // BLOOM: the model card's 176,247,271,424.
        assert_eq!(param_counts(m("bigscience/bloom")).total, 176_247_271_424);
        // Llama 2: fp32 checkpoint index total_size / 4, minus the RoPE inv_freq buffers
        // (64 per layer) that the .bin files also store: 26,953,670,656 / 4 - 32 x 64.
        assert_eq!(
            param_counts(m("meta-llama/Llama-2-7b-hf")).total,
            26_953_670_656 / 4 - 32 * 64
        );
        assert_eq!(
            param_counts(m("meta-llama/Llama-2-13b-hf")).total,
            52_063_467_520 / 4 - 40 * 64
        );
        assert_eq!(
            param_counts(m("meta-llama/Llama-2-70b-hf")).total,
            275_906_613_248 / 4 - 80 * 64
        );
        // Kimi K2: the released checkpoint holds 1,026,470,731,056 numbers (safetensors listing),
        // of which 62,498,608 are FP8 block scales (weight_scale_inv) and RoPE inv_freq buffers
        // and 60 x 384 = 23,040 the routing-bias vectors (e_score_correction_bias), which we do
        // not count. Everything else matches to the parameter.
        let fp8_scales_and_inv_freq =
            17_080 + 31_232 + 218_624 + 40_992 + 70_272 + 3_416 + 24_192 + 61_931_520 + 161_280;
        assert_eq!(fp8_scales_and_inv_freq, 62_498_608);
        assert_eq!(
            param_counts(m("moonshotai/Kimi-K2-Instruct")).total,
            1_026_470_731_056 - fp8_scales_and_inv_freq - 60 * 384
        );
    }

    /// Every reported figure within 2%, with the known exceptions explained.
    #[test]
    fn param_counts_match_reported_figures() {
        // (id, total tolerance, reason)
        let exceptions: &[(&str, f64, &str)] = &[
            // "1T" is a rounded figure; the exact checkpoint count is checked above.
            ("moonshotai/Kimi-K2-Instruct", 0.03, "1T is rounded"),
        ];
        for p in all() {
            let c = param_counts(p);
            let tol = exceptions
                .iter()
                .find(|e| e.0 == p.id)
                .map_or(0.02, |e| e.1);
            if let Some(r) = p.params_total_reported {
                let rel = (c.total as f64 / r - 1.0).abs();
                assert!(
                    rel <= tol,
                    "{}: total {} vs reported {r} ({:.2}%)",
                    p.id,
                    c.total,
                    rel * 100.0
                );
            }
            if let Some(r) = p.params_active_reported {
                let rel = (c.active as f64 / r - 1.0).abs();
                assert!(
                    rel <= 0.02,
                    "{}: active {} vs reported {r} ({:.2}%)",
                    p.id,
                    c.active,
                    rel * 100.0
                );
            }
            if p.moe.is_none() {
                assert_eq!(c.total, c.active, "{}: dense models are fully active", p.id);
            } else {
                assert!(c.active < c.total, "{}", p.id);
            }
        }
    }

    #[test]
    fn param_counts_known_differences_are_as_documented() {
        // DeepSeek-V3: 671B excludes the MTP module; Hugging Face's 685B includes it (~14B).
        let v3 = param_counts(m("deepseek-ai/DeepSeek-V3")).total as f64;
        assert!((v3 / 671e9 - 1.0).abs() < 0.001);
        assert!(
            685e9 - v3 > 13e9 && 685e9 - v3 < 15e9,
            "MTP module is about 14B"
        );
        // Mistral Small 3.1: we count the text decoder (23.6B); the 24B adds the Pixtral encoder.
        let ms = param_counts(m("mistralai/Mistral-Small-3.1-24B-Base-2503")).total as f64;
        assert!(ms < 24e9 && ms > 23.3e9, "{ms}");
        // Llama 4 Scout: 107.8B computed vs 109B reported, the rest is the vision encoder.
        let scout = param_counts(m("meta-llama/Llama-4-Scout-17B-16E")).total as f64;
        assert!(scout < 109e9 && scout > 107e9, "{scout}");
        // DeepSeek's and Kimi's "activated" figures leave the embedding out; with it they
        // would be 37.6B and 32.9B.
        let b = param_breakdown(m("deepseek-ai/DeepSeek-V3"));
        assert_eq!(b.active() + b.embedding, b.total() - b.inactive_experts);
        assert_eq!(format_active_with_embedding(&b), "38B");
    }

    fn format_active_with_embedding(b: &ParamBreakdown) -> String {
        crate::kv::format_params(b.total() - b.inactive_experts)
    }

    #[test]
    fn moe_active_is_total_minus_unused_experts() {
        // Mixtral: 8 experts of 3 x 4096 x 14336, 2 used, 32 layers.
        let p = m("mistralai/Mixtral-8x7B-v0.1");
        let c = param_counts(p);
        let expert = 3 * 4096u64 * 14336;
        assert_eq!(c.total - c.active, 6 * expert * 32);
        // Breakdown adds up.
        let b = param_breakdown(p);
        assert_eq!(b.total(), c.total);
        assert_eq!(b.routed_experts, 8 * expert * 32);
        assert_eq!(b.router, 4096 * 8 * 32);
    }

    // ---------------------------------------------------------------- {{model:ID:FIELD}}

    #[test]
    fn field_values() {
        let f = |id: &str, k: &str| field(id, k);
        let s = |v: &str| Some(v.to_string());
        assert_eq!(f("deepseek-ai/DeepSeek-V3", "params_total"), s("671B"));
        assert_eq!(f("deepseek-ai/DeepSeek-V3", "params_active"), s("37B"));
        assert_eq!(f("meta-llama/Llama-3.1-8B", "params_total"), s("8.0B"));
        assert_eq!(f("Qwen/Qwen3-0.6B", "params_total"), s("0.6B"));
        assert_eq!(f("moonshotai/Kimi-K2-Instruct", "params_active"), s("32B"));
        assert_eq!(f("Qwen/Qwen3-235B-A22B", "params_active"), s("22B"));
        assert_eq!(f("deepseek-ai/DeepSeek-V3", "kv_lora_rank"), s("512"));
        assert_eq!(f("deepseek-ai/DeepSeek-V3", "q_lora_rank"), s("1536"));
        assert_eq!(f("deepseek-ai/DeepSeek-V3", "qk_rope_head_dim"), s("64"));
        assert_eq!(f("deepseek-ai/DeepSeek-V3", "qk_nope_head_dim"), s("128"));
        assert_eq!(f("deepseek-ai/DeepSeek-V3", "v_head_dim"), s("128"));
        assert_eq!(f("deepseek-ai/DeepSeek-V3", "routed_experts"), s("256"));
        assert_eq!(f("deepseek-ai/DeepSeek-V3", "experts_per_token"), s("8"));
        assert_eq!(f("deepseek-ai/DeepSeek-V3", "shared_experts"), s("1"));
        assert_eq!(f("deepseek-ai/DeepSeek-V3", "moe_intermediate"), s("2048"));
        assert_eq!(f("deepseek-ai/DeepSeek-V3", "n_groups"), s("8"));
        assert_eq!(f("deepseek-ai/DeepSeek-V3", "topk_groups"), s("4"));
        assert_eq!(f("deepseek-ai/DeepSeek-V3", "routed_scaling"), s("2.5"));
        assert_eq!(f("moonshotai/Kimi-K2-Instruct", "n_groups"), None);
        assert_eq!(f("mistralai/Mixtral-8x7B-v0.1", "routed_scaling"), None);
        assert_eq!(f("deepseek-ai/DeepSeek-V3", "max_context"), s("163840"));
        assert_eq!(f("meta-llama/Llama-3.1-8B", "max_context"), s("131072"));
        assert_eq!(f("meta-llama/Llama-3.1-8B", "name"), s("Llama 3.1 8B"));
        assert_eq!(f("meta-llama/Llama-3.1-8B", "layers"), s("32"));
        assert_eq!(f("meta-llama/Llama-3.1-8B", "hidden"), s("4096"));
        assert_eq!(f("meta-llama/Llama-3.1-8B", "heads"), s("32"));
        assert_eq!(f("meta-llama/Llama-3.1-8B", "kv_heads"), s("8"));
        assert_eq!(f("meta-llama/Llama-3.1-8B", "head_dim"), s("128"));
        assert_eq!(f("meta-llama/Llama-3.1-8B", "intermediate"), s("14336"));
        assert_eq!(f("meta-llama/Llama-3.1-8B", "vocab"), s("128256"));
        // Embedding rows vs tokenizer entries.
        assert_eq!(f("THUDM/chatglm-6b", "vocab"), s("130528"));
        assert_eq!(f("THUDM/chatglm-6b", "tokenizer_vocab"), s("130344"));
        assert_eq!(f("Qwen/Qwen3-8B", "vocab"), s("151936"));
        assert_eq!(f("Qwen/Qwen3-8B", "tokenizer_vocab"), s("151669"));
        assert_eq!(f("bigscience/bloom", "vocab"), s("250880"));
        assert_eq!(f("bigscience/bloom", "tokenizer_vocab"), s("250680"));
        assert_eq!(f("meta-llama/Llama-3.1-8B", "tokenizer_vocab"), None);
        assert_eq!(m("meta-llama/Llama-4-Scout-17B-16E").qk_norm, QkNorm::L2);
        assert_eq!(
            m("meta-llama/Llama-4-Maverick-17B-128E").qk_norm,
            QkNorm::None
        );
        assert_eq!(
            f("meta-llama/Llama-3.1-8B", "source"),
            s("https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/config.json")
        );
        assert_eq!(f("google/gemma-3-27b-pt", "local_global_ratio"), s("5:1"));
        assert_eq!(f("google/gemma-3-27b-pt", "sliding_window"), s("1024"));
        assert_eq!(f("google/gemma-2-9b", "local_global_ratio"), s("1:1"));
        assert_eq!(
            f("meta-llama/Llama-4-Scout-17B-16E", "local_global_ratio"),
            s("3:1")
        );
        assert_eq!(f("meta-llama/Llama-4-Scout-17B-16E", "chunk"), s("8192"));
        assert_eq!(f("mistralai/Mistral-7B-v0.1", "sliding_window"), s("4096"));
        assert_eq!(
            f("mistralai/Mistral-7B-v0.1", "local_global_ratio"),
            s("1:0")
        );
        // Fields a model does not have, unknown fields and ids.
        assert_eq!(f("meta-llama/Llama-3.1-8B", "kv_lora_rank"), None);
        assert_eq!(f("meta-llama/Llama-3.1-8B", "routed_experts"), None);
        assert_eq!(f("meta-llama/Llama-3.1-8B", "sliding_window"), None);
        assert_eq!(f("meta-llama/Llama-3.1-8B", "local_global_ratio"), None);
        assert_eq!(f("meta-llama/Llama-3.1-8B", "chunk"), None);
        assert_eq!(f("meta-llama/Llama-3.1-8B", "colour"), None);
        assert_eq!(f("nobody/nothing", "layers"), None);
        // Every field works for every model or is None, and never panics.
        for p in all() {
            for k in [
                "name",
                "layers",
                "hidden",
                "heads",
                "kv_heads",
                "head_dim",
                "intermediate",
                "vocab",
                "max_context",
                "params_total",
                "params_active",
                "source",
            ] {
                assert!(
                    field(p.id, k).is_some_and(|v| !v.is_empty()),
                    "{} {k}",
                    p.id
                );
            }
        }
    }
}
