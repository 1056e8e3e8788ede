//! The lab's state: parsed from and written back to URL parameters (parsing and clamping live
//! in `explorables_core::kv::KvParams`), plus the pure helpers the controls use: the log-scale
//! context slider, the batch slider, the model filter and the attention-variant picker.

use explorables_core::kv::{KvParams, Variant};
use explorables_core::models::{all, AttentionKind, ModelPreset};
use explorables_core::params::{parse_query, Notice};

/// Parses the widget's URL parameters; notices say what was changed.
pub fn from_query(query: &str) -> (KvParams, Vec<Notice>) {
    KvParams::from_query(&parse_query(query))
}

/// The URL parameters for a state (only what differs from the defaults).
pub fn to_query(p: &KvParams) -> String {
    p.to_query()
}

/// Positions of the log-scale context slider: `0..=SLIDER_STEPS`.
pub const SLIDER_STEPS: f64 = 1000.0;

/// Maps a slider position to a context length in `1..=max` (log scale). Values within 2% of a
/// power of two snap to it (readers think in 8K, 32K, 128K); the top of the slider is `max`.
pub fn slider_to_ctx(v: f64, max: u64) -> u64 {
    let max = max.max(2);
    let t = if v.is_finite() {
        (v / SLIDER_STEPS).clamp(0.0, 1.0)
    } else {
        0.0
    };
    if t >= 1.0 {
        return max;
    }
    let raw = (max as f64).powf(t);
    let pow = 2f64.powf(raw.log2().round());
    let snapped = if (raw - pow).abs() <= 0.02 * pow {
        pow
    } else {
        raw.round()
    };
    (snapped as u64).clamp(1, max)
}

/// The slider position for a context length (pinned at the top beyond `max`).
pub fn ctx_to_slider(ctx: u64, max: u64) -> f64 {
    let max = max.max(2) as f64;
    ((ctx.max(1) as f64).ln() / max.ln() * SLIDER_STEPS)
        .clamp(0.0, SLIDER_STEPS)
        .round()
}

/// Where the slider's thumb should be for `ctx`: the reader's own position `pos` while it still
/// maps to `ctx` (so snapping and rounding never pull the thumb back under the keyboard),
/// otherwise the position of `ctx`.
pub fn slider_position(pos: f64, ctx: u64, max: u64) -> f64 {
    if pos.is_finite() && slider_to_ctx(pos, max) == ctx {
        pos
    } else {
        ctx_to_slider(ctx, max)
    }
}

/// The batch slider moves in powers of two: position `k` is `2^k`, up to `2^12 = 4096`.
pub const BATCH_SLIDER_MAX: u32 = 12;

pub fn slider_to_batch(k: f64) -> u64 {
    let k = if k.is_finite() {
        k.round().clamp(0.0, BATCH_SLIDER_MAX as f64)
    } else {
        0.0
    };
    1u64 << (k as u32)
}

pub fn batch_to_slider(batch: u64) -> u32 {
    (63 - batch.max(1).leading_zeros()).min(BATCH_SLIDER_MAX)
}

/// Models whose id or name contains every whitespace-separated word of `filter`
/// (case-insensitive), in preset order. An empty filter keeps them all.
pub fn filter_models(filter: &str) -> Vec<&'static ModelPreset> {
    let words: Vec<String> = filter
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    all()
        .iter()
        .filter(|m| {
            let hay = format!("{} {}", m.id, m.name).to_ascii_lowercase();
            words.iter().all(|w| hay.contains(w.as_str()))
        })
        .collect()
}

/// The variant picker's choice for a variant (GQA without its group count).
pub fn variant_kind(v: Variant) -> &'static str {
    match v {
        Variant::Native => "native",
        Variant::Mha => "mha",
        Variant::Gqa(_) => "gqa",
        Variant::Mqa => "mqa",
        Variant::Mla => "mla",
    }
}

/// K/V heads of a bare `variant=gqa` (as in `KvParams::from_query`).
const DEFAULT_GQA_GROUPS: u32 = 8;

/// K/V heads to use when the reader picks GQA: the model's own if it is GQA, else 8, within
/// `1..=heads`.
pub fn default_groups(m: &ModelPreset) -> u32 {
    let g = if m.attention == AttentionKind::Gqa {
        m.kv_heads
    } else {
        DEFAULT_GQA_GROUPS
    };
    g.clamp(1, m.heads.max(1))
}

/// The variant for a picker choice.
pub fn variant_from_kind(kind: &str, current: Variant, m: &ModelPreset) -> Option<Variant> {
    Some(match kind {
        "native" => Variant::Native,
        "mha" => Variant::Mha,
        "gqa" => match current {
            Variant::Gqa(n) => Variant::Gqa(n),
            _ => Variant::Gqa(default_groups(m)),
        },
        "mqa" => Variant::Mqa,
        "mla" => Variant::Mla,
        _ => return None,
    })
}

/// Whether the cache of `p` is an MLA cache, where latent vs decompressed matters.
pub fn mla_applies(p: &KvParams) -> bool {
    match p.variant {
        Variant::Mla => true,
        Variant::Native => p.model.mla.is_some(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kv_cache::labels::variant_slug;
    use explorables_core::models::find;

    #[test]
    fn ctx_slider_covers_the_range_and_round_trips() {
        let max = 131_072;
        assert_eq!(slider_to_ctx(0.0, max), 1);
        assert_eq!(slider_to_ctx(SLIDER_STEPS, max), max);
        assert_eq!(slider_to_ctx(f64::NAN, max), 1);
        assert_eq!(slider_to_ctx(-5.0, max), 1);
        assert_eq!(slider_to_ctx(5000.0, 163_840), 163_840);
        for t in [1u64, 2, 100, 4096, 8192, 32_768, 100_000, max] {
            let back = slider_to_ctx(ctx_to_slider(t, max), max);
            assert!(
                (back as f64 - t as f64).abs() / t as f64 <= 0.03,
                "{t} -> {back}"
            );
        }
        // Powers of two snap exactly.
        assert_eq!(slider_to_ctx(ctx_to_slider(8192, max), max), 8192);
        // Beyond the maximum the slider stays at the top.
        assert_eq!(ctx_to_slider(10_000_000, max), SLIDER_STEPS);
        // A degenerate maximum does not divide by zero.
        assert_eq!(slider_to_ctx(500.0, 1), 1);
        assert!(ctx_to_slider(1, 1).is_finite());
    }

    #[test]
    fn the_thumb_stays_where_the_reader_put_it() {
        let max = 131_072;
        let at = ctx_to_slider(32_768, max);
        // One step left still snaps to 32768; the thumb must not jump back.
        assert_eq!(slider_to_ctx(at - 1.0, max), 32_768);
        assert_eq!(slider_position(at - 1.0, 32_768, max), at - 1.0);
        // A typed value moves the thumb.
        assert_eq!(
            slider_position(at - 1.0, 1024, max),
            ctx_to_slider(1024, max)
        );
        assert_eq!(
            slider_position(f64::NAN, 1024, max),
            ctx_to_slider(1024, max)
        );
        // Pressing an arrow key from 1 always gets somewhere.
        let mut pos = 0.0;
        let mut t = 1;
        for _ in 0..SLIDER_STEPS as usize {
            pos = slider_position(pos, t, max) + 1.0;
            t = slider_to_ctx(pos, max);
        }
        assert_eq!(t, max);
    }

    #[test]
    fn batch_slider_is_powers_of_two() {
        assert_eq!(slider_to_batch(0.0), 1);
        assert_eq!(slider_to_batch(12.0), 4096);
        assert_eq!(slider_to_batch(99.0), 4096);
        assert_eq!(slider_to_batch(f64::NAN), 1);
        assert_eq!(batch_to_slider(1), 0);
        assert_eq!(batch_to_slider(8), 3);
        assert_eq!(batch_to_slider(9), 3);
        assert_eq!(batch_to_slider(4096), 12);
        assert_eq!(batch_to_slider(0), 0);
    }

    #[test]
    fn model_filter_matches_id_and_name_words() {
        assert_eq!(filter_models("").len(), all().len());
        let ds = filter_models("deepseek v3");
        assert!(ds.iter().any(|m| m.id == "deepseek-ai/DeepSeek-V3"));
        assert!(ds.iter().all(|m| m.id.to_lowercase().contains("deepseek")));
        assert!(filter_models("LLAMA 405")
            .iter()
            .any(|m| m.id == "meta-llama/Llama-3.1-405B"));
        assert!(filter_models("no-such-model-xyz").is_empty());
    }

    #[test]
    fn variants_map_to_slugs_and_back() {
        let llama = find("meta-llama/Llama-3.1-8B").unwrap();
        assert_eq!(default_groups(llama), 8);
        assert_eq!(
            variant_from_kind("gqa", Variant::Native, llama),
            Some(Variant::Gqa(8))
        );
        assert_eq!(
            variant_from_kind("gqa", Variant::Gqa(2), llama),
            Some(Variant::Gqa(2))
        );
        assert_eq!(variant_from_kind("bogus", Variant::Native, llama), None);
        for v in [
            Variant::Native,
            Variant::Mha,
            Variant::Gqa(4),
            Variant::Mqa,
            Variant::Mla,
        ] {
            let (p, n) = from_query(&format!("variant={}", variant_slug(v)));
            assert!(n.is_empty());
            assert_eq!(p.variant, v);
            assert_eq!(variant_from_kind(variant_kind(v), v, llama), Some(v));
        }
    }

    #[test]
    fn mla_toggle_only_applies_to_mla_caches() {
        let (p, _) = from_query("model=deepseek-ai/DeepSeek-V3");
        assert!(mla_applies(&p));
        let (p, _) = from_query("model=deepseek-ai/DeepSeek-V3&variant=mha");
        assert!(!mla_applies(&p));
        let (p, _) = from_query("variant=mla");
        assert!(mla_applies(&p));
        let (p, _) = from_query("");
        assert!(!mla_applies(&p));
    }

    #[test]
    fn bad_input_is_clamped_with_notices() {
        let (p, n) = from_query("model=nope/none&ctx=1e12&batch=0&dtype=foo");
        assert_eq!(n.len(), 4);
        assert_eq!(p.ctx, explorables_core::kv::MAX_CTX);
        assert_eq!(p.batch, 1);
        assert_eq!(p.model.id, explorables_core::kv::DEFAULT_MODEL);
    }
}
