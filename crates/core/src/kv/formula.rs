//! The computation written out with the model's own numbers, for the reader to check by hand.

use super::{format_bytes, kv_cache, CacheLayout, KvRequest};
use crate::lang::Lang;
use crate::models::LayerKind;

/// Bytes of one token in one layer as text: an integer, or `x.5` for 4-bit formats.
fn per_layer_token_text(elements: u64, bits: u64) -> String {
    let b = elements as u128 * bits as u128;
    if b.is_multiple_of(8) {
        (b / 8).to_string()
    } else {
        format!("{}", b as f64 / 8.0)
    }
}

/// Bytes one token adds over all layers, e.g.
/// `2 × 32 layers × 8 kv_heads × 128 head_dim × 2 bytes = 131072 B/token`.
pub fn formula_per_token(req: &KvRequest, lang: Lang) -> String {
    let m = req.model;
    let r = kv_cache(req);
    let bytes = req.dtype.bytes_text();
    let l = m.layers;
    let n = r.bytes_per_token;
    match (r.layout, lang) {
        (CacheLayout::KeyValue { kv_heads, k_dim, v_dim }, Lang::En) if k_dim == v_dim => format!(
            "2 × {l} layers × {kv_heads} kv_heads × {k_dim} head_dim × {bytes} bytes = {n} B/token"
        ),
        (CacheLayout::KeyValue { kv_heads, k_dim, v_dim }, Lang::Zh) if k_dim == v_dim => format!(
            "2 × {l} 层 × {kv_heads} 个 KV 头 × {k_dim} head_dim × {bytes} 字节 = {n} 字节/token"
        ),
        (CacheLayout::KeyValue { kv_heads, k_dim, v_dim }, Lang::En) => format!(
            "{l} layers × {kv_heads} heads × ({k_dim} K + {v_dim} V) dims × {bytes} bytes = {n} B/token"
        ),
        (CacheLayout::KeyValue { kv_heads, k_dim, v_dim }, Lang::Zh) => format!(
            "{l} 层 × {kv_heads} 个头 × ({k_dim} K + {v_dim} V) 维 × {bytes} 字节 = {n} 字节/token"
        ),
        (CacheLayout::Latent { latent, rope }, lang) => {
            let (a, b) = if m.mla.is_some() {
                ("kv_lora_rank", "qk_rope_head_dim")
            } else {
                ("latent", "rope_key")
            };
            match lang {
                Lang::En => format!("({latent} {a} + {rope} {b}) × {l} layers × {bytes} bytes = {n} B/token"),
                Lang::Zh => format!("({latent} {a} + {rope} {b}) × {l} 层 × {bytes} 字节 = {n} 字节/token"),
            }
        }
    }
}

/// The total for the request, layer kind by layer kind, e.g.
/// `4096 B × (52 sliding layers × min(32768, 1024) + 10 global layers × 32768) × 1 batch = … B (… GiB)`.
pub fn formula_total(req: &KvRequest, lang: Lang) -> String {
    let r = kv_cache(req);
    let per = per_layer_token_text(r.elements_per_token_per_layer, req.dtype.bits());
    let t = req.tokens;
    let terms: Vec<String> = r
        .per_kind
        .iter()
        .map(|k| {
            let n = k.layers;
            match (k.kind, lang) {
                (LayerKind::Global, Lang::En) => format!("{n} global layers × {t}"),
                (LayerKind::Global, Lang::Zh) => format!("{n} 个全局层 × {t}"),
                (LayerKind::Sliding { window }, Lang::En) => {
                    format!("{n} sliding layers × min({t}, {window})")
                }
                (LayerKind::Sliding { window }, Lang::Zh) => {
                    format!("{n} 个滑动窗口层 × min({t}, {window})")
                }
                (LayerKind::Chunked { chunk }, Lang::En) => {
                    format!("{n} chunked layers × min({t}, {chunk})")
                }
                (LayerKind::Chunked { chunk }, Lang::Zh) => {
                    format!("{n} 个分块层 × min({t}, {chunk})")
                }
            }
        })
        .collect();
    let total = if r.saturated {
        match lang {
            Lang::En => format!("more than {} B (overflow)", u64::MAX),
            Lang::Zh => format!("超过 {} 字节（溢出）", u64::MAX),
        }
    } else {
        match lang {
            Lang::En => format!("{} B ({})", r.total_bytes, format_bytes(r.total_bytes)),
            Lang::Zh => format!("{} 字节（{}）", r.total_bytes, format_bytes(r.total_bytes)),
        }
    };
    let b = req.batch;
    match lang {
        Lang::En => format!(
            "{per} B per token per layer × ({}) tokens × {b} batch = {total}",
            terms.join(" + ")
        ),
        Lang::Zh => format!(
            "每层每 token {per} 字节 × ({}) token × {b} 条序列 = {total}",
            terms.join(" + ")
        ),
    }
}
