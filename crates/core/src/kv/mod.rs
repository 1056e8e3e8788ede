//! KV-cache arithmetic: how many bytes the keys and values of a request occupy, what fits on a
//! GPU, and what one decode step reads and computes.
//!
//! # The rule
//!
//! ```text
//! total bytes = batch × Σ over layers  kept_tokens(layer) × bytes_per_token(layer)
//! ```
//!
//! * `bytes_per_token(layer)` is the cache entry one token adds to one layer:
//!   `2 × kv_heads × head_dim × bytes` for MHA/GQA/MQA (a K and a V vector per K/V head), or
//!   `(kv_lora_rank + qk_rope_head_dim) × bytes` for MLA, which caches one compressed latent
//!   plus the decoupled RoPE key instead of K and V (see [`CacheLayout`]).
//! * `kept_tokens(layer)` is `T` for a global layer, `min(T, window)` for a sliding-window layer
//!   and `min(T, chunk)` for a chunked-attention layer (Llama 4). For chunked layers this is the
//!   worst case, reached at the last token of a chunk: a token only attends inside its own chunk,
//!   so right after a chunk boundary the layer needs fewer entries.
//!
//! Byte counts are `u64`, computed through `u128` and saturated (with [`KvResult::saturated`]
//! set) instead of wrapping: never `usize`, whose 32 bits on wasm32 overflow at a 70B model
//! with a 128K context.

mod decode;
mod dtype;
mod format;
mod formula;
mod query;
mod reverse;

#[cfg(test)]
mod tests;

pub use decode::{cache_shapes, decode_step, DecodeStep, LayerCacheShape, TensorShape};
pub use dtype::Dtype;
pub use format::{format_bytes, format_params};
pub use formula::{formula_per_token, formula_total};
pub use query::{KvParams, DEFAULT_MODEL, MAX_BATCH, MAX_CTX, MAX_GPU_GIB, MIN_GPU_GIB};
pub use reverse::{max_batch, max_tokens, weight_bytes, Fit};

use crate::models::{LayerKind, ModelPreset};

/// The attention a request is computed with: the model's own, or the same model redone with
/// another kind of attention (to compare cache sizes; weights and layer kinds stay the model's).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Variant {
    /// What the model actually uses.
    #[default]
    Native,
    /// One K/V head per query head.
    Mha,
    /// Grouped-query attention with this many groups, i.e. this many K/V heads (clamped to
    /// `1..=heads`; `Gqa(1)` is MQA, `Gqa(heads)` is MHA).
    Gqa(u32),
    /// A single K/V head.
    Mqa,
    /// Multi-head latent attention. On a model without MLA the latent is sized by the rule of
    /// DeepSeek-V2 (§2.1.2 and Table 1 of its paper): compression dimension `4 × head_dim` plus
    /// a decoupled RoPE key of `head_dim / 2`, i.e. `4.5 × head_dim` per token per layer
    /// (DeepSeek-V2/V3: 512 + 64 with head_dim 128). An MLA model keeps its own dimensions.
    Mla,
}

/// What an MLA cache holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum MlaMode {
    /// The compressed latent `c_KV` plus the decoupled RoPE key, as MLA is meant to run.
    #[default]
    Latent,
    /// Full per-head K and V, as an engine caches when it decompresses MLA before storing:
    /// `K = heads × (qk_nope_head_dim + qk_rope_head_dim)`, `V = heads × v_head_dim` numbers
    /// per token per layer (DeepSeek-V3: 128 × 192 + 128 × 128 = 40,960).
    Decompressed,
}

/// What one token leaves in one layer's cache.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CacheLayout {
    /// Separate keys and values: `kv_heads × (k_dim + v_dim)` numbers per token.
    KeyValue {
        kv_heads: u32,
        k_dim: u32,
        v_dim: u32,
    },
    /// MLA: one latent of `latent` numbers plus a shared RoPE key of `rope` numbers.
    Latent { latent: u32, rope: u32 },
}

impl CacheLayout {
    /// Numbers cached per token per layer.
    pub fn elements_per_token(&self) -> u64 {
        match *self {
            CacheLayout::KeyValue {
                kv_heads,
                k_dim,
                v_dim,
            } => kv_heads as u64 * (k_dim as u64 + v_dim as u64),
            CacheLayout::Latent { latent, rope } => latent as u64 + rope as u64,
        }
    }
}

/// One request: a model, a context length, a batch, a number format and an attention variant.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KvRequest<'a> {
    pub model: &'a ModelPreset,
    /// Context length `T` in tokens (prompt + generated so far).
    pub tokens: u64,
    /// Sequences served at once.
    pub batch: u64,
    pub dtype: Dtype,
    pub variant: Variant,
    pub mla: MlaMode,
}

impl<'a> KvRequest<'a> {
    /// The model's own attention in bf16 for one sequence of `tokens`.
    pub fn new(model: &'a ModelPreset, tokens: u64) -> Self {
        KvRequest {
            model,
            tokens,
            batch: 1,
            dtype: Dtype::Bf16,
            variant: Variant::Native,
            mla: MlaMode::Latent,
        }
    }

    pub fn batch(mut self, batch: u64) -> Self {
        self.batch = batch;
        self
    }

    pub fn dtype(mut self, dtype: Dtype) -> Self {
        self.dtype = dtype;
        self
    }

    pub fn variant(mut self, variant: Variant) -> Self {
        self.variant = variant;
        self
    }

    pub fn mla_mode(mut self, mla: MlaMode) -> Self {
        self.mla = mla;
        self
    }

    pub fn tokens(mut self, tokens: u64) -> Self {
        self.tokens = tokens;
        self
    }

    /// The cache layout this request uses (see [`Variant`] and [`MlaMode`]).
    pub fn layout(&self) -> CacheLayout {
        layout(self.model, self.variant, self.mla)
    }
}

/// Per-head key and value widths of the model's attention (`qk_nope + qk_rope` and
/// `v_head_dim` for MLA models, `head_dim` otherwise).
pub fn head_dims(m: &ModelPreset) -> (u32, u32) {
    match m.mla {
        Some(d) => (d.qk_nope_head_dim + d.qk_rope_head_dim, d.v_head_dim),
        None => (m.head_dim, m.head_dim),
    }
}

/// The latent of [`Variant::Mla`]: the model's own MLA dimensions, or DeepSeek-V2's rule
/// (`4 × head_dim` latent + `head_dim / 2` RoPE key) for a model without MLA.
pub fn mla_dims_for(m: &ModelPreset) -> (u32, u32) {
    match m.mla {
        Some(d) => (d.kv_lora_rank, d.qk_rope_head_dim),
        None => (4 * m.head_dim, m.head_dim / 2),
    }
}

/// The cache layout of `m` redone with `variant`.
pub fn layout(m: &ModelPreset, variant: Variant, mla: MlaMode) -> CacheLayout {
    let (k_dim, v_dim) = head_dims(m);
    let kv = |kv_heads: u32| CacheLayout::KeyValue {
        kv_heads: kv_heads.clamp(1, m.heads.max(1)),
        k_dim,
        v_dim,
    };
    let latent = |mode: MlaMode| match mode {
        MlaMode::Latent => {
            let (latent, rope) = mla_dims_for(m);
            CacheLayout::Latent { latent, rope }
        }
        MlaMode::Decompressed => kv(m.heads),
    };
    match variant {
        Variant::Native if m.mla.is_some() => latent(mla),
        Variant::Native => kv(m.kv_heads),
        Variant::Mha => kv(m.heads),
        Variant::Gqa(groups) => kv(groups),
        Variant::Mqa => kv(1),
        Variant::Mla => latent(mla),
    }
}

/// Tokens a layer of `kind` keeps when the context is `tokens` long.
pub fn kept_tokens(kind: LayerKind, tokens: u64) -> u64 {
    match kind {
        LayerKind::Global => tokens,
        LayerKind::Sliding { window } => tokens.min(window as u64),
        LayerKind::Chunked { chunk } => tokens.min(chunk as u64),
    }
}

/// The part of the cache held by the layers of one kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KindBreakdown {
    pub kind: LayerKind,
    /// How many layers are of this kind.
    pub layers: u32,
    /// Tokens each of these layers keeps.
    pub kept_tokens: u64,
    /// Bytes these layers hold for the whole batch (saturated at `u64::MAX`).
    pub bytes: u64,
}

/// The KV cache of one request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KvResult {
    pub layout: CacheLayout,
    /// Numbers cached per token per layer.
    pub elements_per_token_per_layer: u64,
    /// Bytes one token adds over all layers while every layer still keeps it (`T` not above the
    /// smallest window), for one sequence.
    pub bytes_per_token: u64,
    /// One entry per layer kind, in the order the kinds first appear.
    pub per_kind: Vec<KindBreakdown>,
    /// `batch × Σ kept_tokens × bytes_per_token_per_layer`, saturated at `u64::MAX`.
    pub total_bytes: u64,
    /// The exact total did not fit in `u64` and `total_bytes` is `u64::MAX`.
    pub saturated: bool,
    /// The context is longer than the model's `max_context`.
    pub exceeds_max_context: bool,
}

/// `ceil(bits / 8)` as `u64`, saturating; the flag says whether it saturated.
fn bits_to_bytes(bits: u128) -> (u64, bool) {
    let bytes = bits.div_ceil(8);
    match u64::try_from(bytes) {
        Ok(b) => (b, false),
        Err(_) => (u64::MAX, true),
    }
}

/// The KV cache of `req` (see the module docs for the rule).
pub fn kv_cache(req: &KvRequest) -> KvResult {
    let m = req.model;
    let layout = req.layout();
    let elements = layout.elements_per_token();
    let bits = req.dtype.bits();
    let per_layer_token_bits = elements as u128 * bits as u128;
    let (bytes_per_token, _) = bits_to_bytes(per_layer_token_bits * m.layers as u128);
    let mut saturated = false;
    let mut total: u128 = 0;
    let per_kind = m
        .layer_kind_counts()
        .into_iter()
        .map(|(kind, layers)| {
            let kept = kept_tokens(kind, req.tokens);
            // batch × layers × kept × bits, in u128 with checked steps: any u32 tokens and batch
            // fit easily; a saturated result is flagged rather than wrapped.
            let bits = (req.batch as u128)
                .checked_mul(layers as u128)
                .and_then(|v| v.checked_mul(kept as u128))
                .and_then(|v| v.checked_mul(per_layer_token_bits));
            let (bytes, sat) = match bits {
                Some(b) => bits_to_bytes(b),
                None => (u64::MAX, true),
            };
            saturated |= sat;
            total = total.saturating_add(bytes as u128);
            KindBreakdown {
                kind,
                layers,
                kept_tokens: kept,
                bytes,
            }
        })
        .collect();
    let total_bytes = match u64::try_from(total) {
        Ok(t) if !saturated => t,
        _ => {
            saturated = true;
            u64::MAX
        }
    };
    KvResult {
        layout,
        elements_per_token_per_layer: elements,
        bytes_per_token,
        per_kind,
        total_bytes,
        saturated,
        exceeds_max_context: req.tokens > m.max_context,
    }
}

/// Total cache bytes of `req` (saturated at `u64::MAX`).
pub fn kv_bytes(req: &KvRequest) -> u64 {
    kv_cache(req).total_bytes
}
