//! One decode step: what it reads, what it computes, and the shape of the cache it reads.

use super::{head_dims, kept_tokens, kv_bytes, CacheLayout, Dtype, KvRequest, MlaMode, Variant};
use crate::models::{param_breakdown, LayerKind, ModelPreset};

/// Cost of generating one token for every sequence of the batch, with `req.tokens` tokens in
/// the cache after the step.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DecodeStep {
    /// Context length after the step.
    pub tokens: u64,
    /// Weights read once per step for the whole batch: the parameters a token multiplies
    /// ([`crate::models::ParamBreakdown::compute_active`]: MoE counts only the routed-to
    /// experts of one token; the embedding table is left out, one row of it is read) × weight
    /// bytes. With a large batch more experts are touched; this is the one-token floor.
    pub weight_bytes_read: u64,
    /// The whole cache of the batch, read once by attention.
    pub kv_bytes_read: u64,
    /// `weight_bytes_read + kv_bytes_read` (saturating).
    pub bytes_read: u64,
    /// FLOPs of the step for the batch: `batch × (2 × compute-active parameters + attention
    /// FLOPs with a cache)`.
    pub flops: f64,
    /// Per sequence, with a KV cache: the new token's K/V projections plus scores and weighted
    /// sum over the kept tokens (`Σ_layers 2 × heads × (k_dim + v_dim) × kept`).
    pub attention_flops_cached: f64,
    /// Per sequence, without a cache: step `t` recomputes the K/V projections of all `t` tokens
    /// in every layer, then the same scores and weighted sum. (A real cacheless forward also
    /// recomputes every other activation of the earlier tokens; this counts only K and V.)
    pub attention_flops_uncached: f64,
    /// `flops / bytes_read`: FLOPs per byte moved (low = memory-bound).
    pub arithmetic_intensity: f64,
}

/// Parameters that produce one token's cache entry in one layer.
fn kv_projection_params(
    m: &ModelPreset,
    variant: Variant,
    mla: MlaMode,
    layout: CacheLayout,
) -> u64 {
    let h = m.hidden as u64;
    let uses_model_mla = m.mla.is_some() && matches!(variant, Variant::Native | Variant::Mla);
    match (layout, m.mla) {
        // MLA run as designed: W_DKV makes the latent and the RoPE key; W_UK/W_UV are absorbed.
        (CacheLayout::Latent { latent, rope }, _) => h * (latent as u64 + rope as u64),
        // MLA decompressed before caching: W_DKV, then W_UK/W_UV for every head.
        (CacheLayout::KeyValue { .. }, Some(d))
            if uses_model_mla && mla == MlaMode::Decompressed =>
        {
            let r = d.kv_lora_rank as u64;
            h * (r + d.qk_rope_head_dim as u64)
                + r * m.heads as u64 * (d.qk_nope_head_dim as u64 + d.v_head_dim as u64)
        }
        (
            CacheLayout::KeyValue {
                kv_heads,
                k_dim,
                v_dim,
            },
            _,
        ) => h * kv_heads as u64 * (k_dim as u64 + v_dim as u64),
    }
}

/// Score + weighted-sum FLOPs of one query token over the kept tokens of every layer.
fn attention_score_flops(m: &ModelPreset, tokens: u64) -> f64 {
    let (k_dim, v_dim) = head_dims(m);
    let per_kept = 2.0 * m.heads as f64 * (k_dim as f64 + v_dim as f64);
    m.layer_kind_counts()
        .into_iter()
        .map(|(kind, layers)| layers as f64 * kept_tokens(kind, tokens) as f64 * per_kept)
        .sum()
}

/// The decode step of `req` with weights stored as `weights`.
pub fn decode_step(req: &KvRequest, weights: Dtype) -> DecodeStep {
    let m = req.model;
    let active = param_breakdown(m).compute_active();
    let weight_bytes_read =
        u64::try_from((active as u128 * weights.bits() as u128).div_ceil(8)).unwrap_or(u64::MAX);
    let kv_bytes_read = kv_bytes(req);
    let bytes_read = weight_bytes_read.saturating_add(kv_bytes_read);
    let proj =
        2.0 * kv_projection_params(m, req.variant, req.mla, req.layout()) as f64 * m.layers as f64;
    let scores = attention_score_flops(m, req.tokens);
    let attention_flops_cached = scores + proj;
    let attention_flops_uncached = scores + proj * req.tokens as f64;
    let flops = req.batch as f64 * (2.0 * active as f64 + attention_flops_cached);
    let arithmetic_intensity = if bytes_read == 0 {
        0.0
    } else {
        flops / bytes_read as f64
    };
    DecodeStep {
        tokens: req.tokens,
        weight_bytes_read,
        kv_bytes_read,
        bytes_read,
        flops,
        attention_flops_cached,
        attention_flops_uncached,
        arithmetic_intensity,
    }
}

/// One cached tensor: a name (`K`, `V`, `latent`) and its named dimensions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TensorShape {
    pub name: &'static str,
    pub dims: Vec<(&'static str, u64)>,
}

/// The cache tensors of every layer of one kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayerCacheShape {
    pub kind: LayerKind,
    pub layers: u32,
    /// Per layer: `K (B, kv_heads, t_kept, head_dim)` and `V (B, kv_heads, t_kept, v_dim)`, or
    /// one MLA `latent (B, t_kept, kv_lora_rank + qk_rope_head_dim)`.
    pub tensors: Vec<TensorShape>,
}

/// The cache tensors after step `req.tokens`, per layer kind.
pub fn cache_shapes(req: &KvRequest) -> Vec<LayerCacheShape> {
    let layout = req.layout();
    req.model
        .layer_kind_counts()
        .into_iter()
        .map(|(kind, layers)| {
            let t = kept_tokens(kind, req.tokens);
            let tensors = match layout {
                CacheLayout::KeyValue {
                    kv_heads,
                    k_dim,
                    v_dim,
                } => vec![
                    TensorShape {
                        name: "K",
                        dims: vec![
                            ("batch", req.batch),
                            ("kv_heads", kv_heads as u64),
                            ("tokens", t),
                            ("head_dim", k_dim as u64),
                        ],
                    },
                    TensorShape {
                        name: "V",
                        dims: vec![
                            ("batch", req.batch),
                            ("kv_heads", kv_heads as u64),
                            ("tokens", t),
                            ("head_dim", v_dim as u64),
                        ],
                    },
                ],
                CacheLayout::Latent { latent, rope } => vec![TensorShape {
                    name: "latent",
                    dims: vec![
                        ("batch", req.batch),
                        ("tokens", t),
                        (
                            "kv_lora_rank + qk_rope_head_dim",
                            latent as u64 + rope as u64,
                        ),
                    ],
                }],
            };
            LayerCacheShape {
                kind,
                layers,
                tensors,
            }
        })
        .collect()
}
