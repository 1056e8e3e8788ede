//! Which layers rotate (RoPE) and which do not (NoPE) in SmolLM3 and Llama 4.
//!
//! Both configs have `no_rope_layers`, a list with one entry per layer where — despite the
//! name — `1` means the layer *uses* RoPE (`self.use_rope = config.no_rope_layers[layer_idx]`
//! in Hugging Face transformers). When the list is absent it defaults to
//! `int((layer_idx + 1) % no_rope_layer_interval != 0)` with interval 4: layers 3, 7, 11, …
//! (0-based) are NoPE.

/// `use_rope` per layer for `layers` layers and a NoPE layer every `interval` layers.
pub fn interval_pattern(layers: u32, interval: u32) -> Vec<bool> {
    let interval = interval.max(1);
    (0..layers).map(|i| (i + 1) % interval != 0).collect()
}

/// A model whose layers mix RoPE and NoPE.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayerModel {
    pub name: &'static str,
    pub layers: u32,
    pub interval: u32,
    pub rope_theta: f64,
    /// Llama 4: RoPE layers attend within chunks of this many tokens; 0 = no chunking.
    pub chunk: u64,
    pub source: &'static str,
}

/// SmolLM3-3B: 36 layers, `no_rope_layers` = [1, 1, 1, 0] × 9; RoPE theta 5M after the
/// long-context stage (blog post).
pub const SMOLLM3: LayerModel = LayerModel {
    name: "SmolLM3-3B",
    layers: 36,
    interval: 4,
    rope_theta: 5_000_000.0,
    chunk: 0,
    source: "https://huggingface.co/HuggingFaceTB/SmolLM3-3B/blob/main/config.json",
};

/// Llama 4 Scout: 48 layers, `attention_chunk_size` 8192, `rope_theta` 500000.
pub const LLAMA4_SCOUT: LayerModel = LayerModel {
    name: "Llama-4-Scout-17B-16E",
    layers: 48,
    interval: 4,
    rope_theta: 500_000.0,
    chunk: 8192,
    source: "https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E/blob/main/config.json",
};

impl LayerModel {
    pub fn pattern(&self) -> Vec<bool> {
        interval_pattern(self.layers, self.interval)
    }
}

/// Llama 4's attention temperature on NoPE layers (`attn_temperature_tuning`): queries at
/// position `pos` are scaled by `ln(⌊(pos+1)/floor_scale⌋ + 1)·attn_scale + 1`, with
/// `floor_scale` 8192 and `attn_scale` 0.1 (the transformers defaults).
pub fn attn_temperature(pos: u64, floor_scale: u64, attn_scale: f64) -> f64 {
    let f = ((pos + 1) / floor_scale.max(1)) as f64;
    (f + 1.0).ln() * attn_scale + 1.0
}

/// How many keys (itself included) a query at `pos` sees in a chunked-attention layer:
/// the keys from the start of its chunk up to itself.
pub fn chunk_reach(pos: u64, chunk: u64) -> u64 {
    if chunk == 0 {
        pos + 1
    } else {
        pos % chunk + 1
    }
}
