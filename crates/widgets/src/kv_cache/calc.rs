//! The numbers behind the views, as plain functions of the state (tested natively): the
//! variant table, the comparison requests, the chart's curves and ticks, reverse mode.

use super::state::default_groups;
use explorables_core::kv::{
    kv_cache, max_batch, max_tokens, weight_bytes, Fit, KvParams, KvRequest, KvResult, MlaMode,
    Variant, MAX_BATCH, MAX_CTX,
};
use explorables_core::models::{LayerKind, ModelPreset};

/// A comparison model keeps its own attention ("redo as …" applies to the main model only)
/// and takes the context, batch and cache format of the main one.
pub fn compare_request(p: &KvParams, m: &'static ModelPreset) -> KvRequest<'static> {
    p.request_for(m)
        .variant(Variant::Native)
        .mla_mode(MlaMode::Latent)
}

/// The main model and the comparison models with their requests, main first.
pub fn all_requests(p: &KvParams) -> Vec<KvRequest<'static>> {
    let mut out = vec![p.request()];
    out.extend(p.compare.iter().map(|m| compare_request(p, m)));
    out
}

/// One row of the variants table: the main model's attention redone as `variant`.
#[derive(Clone, Debug, PartialEq)]
pub struct VariantRow {
    pub variant: Variant,
    pub mla: MlaMode,
    pub result: KvResult,
    /// The row is what the headline shows.
    pub current: bool,
}

/// Native, MHA, GQA, MQA, MLA (latent) and, for MLA models, MLA decompressed.
pub fn variant_rows(p: &KvParams) -> Vec<VariantRow> {
    let m = p.model;
    let groups = match p.variant {
        Variant::Gqa(n) => n.clamp(1, m.heads.max(1)),
        _ => default_groups(m),
    };
    let mut rows = vec![
        (Variant::Native, p.mla),
        (Variant::Mha, MlaMode::Latent),
        (Variant::Gqa(groups), MlaMode::Latent),
        (Variant::Mqa, MlaMode::Latent),
        (Variant::Mla, MlaMode::Latent),
    ];
    if m.mla.is_some() {
        rows.push((Variant::Mla, MlaMode::Decompressed));
    }
    rows.into_iter()
        .map(|(variant, mla)| {
            let current = match variant {
                Variant::Native => p.variant == Variant::Native,
                Variant::Mla => p.variant == Variant::Mla && p.mla == mla,
                Variant::Gqa(_) => matches!(p.variant, Variant::Gqa(_)),
                v => p.variant == v,
            };
            let result = kv_cache(&p.request().variant(variant).mla_mode(mla));
            VariantRow {
                variant,
                mla,
                result,
                current,
            }
        })
        .collect()
}

/// `a / b` as a finite ratio (0 when `b` is 0).
pub fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// A FLOP count as an integer for `format_params` (saturating; NaN and negatives are 0).
pub fn flop_count(f: f64) -> u64 {
    if f.is_finite() && f > 0.0 {
        f as u64
    } else {
        0
    }
}

/// The chart's right edge: the longest trained context of the shown models, or `T` if larger.
pub fn chart_x_max(p: &KvParams) -> u64 {
    let trained = p
        .compare
        .iter()
        .map(|m| m.max_context)
        .chain([p.model.max_context])
        .max()
        .unwrap_or(1);
    trained.max(p.ctx).clamp(16, MAX_CTX)
}

/// Context lengths to evaluate a curve at: `n` log-spaced points in `1..=x_max`, plus the given
/// breakpoints (windows, `T`) so plateaus start exactly where they should. Sorted, distinct.
pub fn sample_tokens(x_max: u64, n: u32, extra: &[u64]) -> Vec<u64> {
    let x_max = x_max.max(1);
    let span = (x_max as f64).log2();
    let n = n.max(1);
    // Insert each into a sorted list (a few hundred values; cheaper in wasm than a sort).
    let mut ts: Vec<u64> = Vec::new();
    let log_spaced = (0..=n).map(|i| 2f64.powf(span * i as f64 / n as f64).round() as u64);
    for t in log_spaced.chain(extra.iter().copied()).chain([x_max]) {
        let t = t.clamp(1, x_max);
        if let Err(at) = ts.binary_search(&t) {
            ts.insert(at, t);
        }
    }
    ts
}

/// Windows and chunk sizes of a model's local layers.
pub fn windows(m: &ModelPreset) -> Vec<u64> {
    m.layer_pattern
        .iter()
        .filter_map(|k| match *k {
            LayerKind::Global => None,
            LayerKind::Sliding { window } => Some(window as u64),
            LayerKind::Chunked { chunk } => Some(chunk as u64),
        })
        .collect()
}

/// KV bytes of `req` at each sampled context length: `(T, bytes)`.
pub fn curve(req: &KvRequest<'static>, x_max: u64, marker: u64) -> Vec<(u64, u64)> {
    let mut extra = windows(req.model);
    extra.push(marker);
    extra.push(req.model.max_context);
    sample_tokens(x_max, 96, &extra)
        .into_iter()
        .map(|t| (t, kv_cache(&req.tokens(t)).total_bytes))
        .collect()
}

/// Reverse mode for the state: weight bytes, the longest context for this batch, the largest
/// batch for this context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reverse {
    pub gpu_bytes: u64,
    pub weight_bytes: u64,
    pub tokens: Fit,
    pub batch: Fit,
}

pub fn reverse(p: &KvParams) -> Reverse {
    let req = p.request();
    let gpu = p.gpu_bytes();
    Reverse {
        gpu_bytes: gpu,
        weight_bytes: weight_bytes(p.model, p.weight_dtype),
        tokens: max_tokens(&req, gpu, p.weight_dtype, MAX_CTX),
        batch: max_batch(&req, gpu, p.weight_dtype, MAX_BATCH),
    }
}

#[cfg(test)]
mod tests {
    use super::super::state::from_query;
    use super::*;

    #[test]
    fn variant_rows_cover_each_scheme_and_mark_the_current_one() {
        let (p, _) = from_query("model=meta-llama/Llama-3.1-8B&ctx=8192");
        let rows = variant_rows(&p);
        assert_eq!(rows.len(), 5);
        assert_eq!(rows.iter().filter(|r| r.current).count(), 1);
        assert!(rows[0].current);
        // Native Llama 3.1 8B is GQA-8: 128 KiB per token.
        assert_eq!(rows[0].result.bytes_per_token, 131_072);
        assert_eq!(rows[1].result.bytes_per_token, 4 * 131_072); // MHA: 32 heads
        assert_eq!(rows[2].variant, Variant::Gqa(8));
        assert_eq!(rows[3].result.bytes_per_token, 131_072 / 8); // MQA
        let (p, _) = from_query("model=deepseek-ai/DeepSeek-V3&variant=mla&mla=decompressed");
        let rows = variant_rows(&p);
        assert_eq!(rows.len(), 6);
        assert!(rows[5].current && !rows[4].current);
        assert_eq!(rows.iter().filter(|r| r.current).count(), 1);
    }

    #[test]
    fn compare_models_keep_their_own_attention() {
        let (p, _) = from_query("variant=mha&compare=deepseek-ai/DeepSeek-V3&ctx=1024&batch=2");
        let reqs = all_requests(&p);
        assert_eq!(reqs.len(), 2);
        assert_eq!(reqs[0].variant, Variant::Mha);
        assert_eq!(reqs[1].variant, Variant::Native);
        assert_eq!((reqs[1].tokens, reqs[1].batch), (1024, 2));
    }

    #[test]
    fn samples_are_sorted_distinct_and_include_breakpoints() {
        let ts = sample_tokens(131_072, 96, &[4096, 5000, 0, 10_000_000]);
        assert_eq!(ts[0], 1);
        assert_eq!(*ts.last().unwrap(), 131_072);
        assert!(ts.windows(2).all(|w| w[0] < w[1]));
        assert!(ts.contains(&4096) && ts.contains(&5000));
        assert_eq!(sample_tokens(0, 0, &[]), vec![1]);
    }

    #[test]
    fn curves_plateau_at_the_window() {
        let (p, _) = from_query("model=google/gemma-3-27b-pt");
        let c = curve(&p.request(), 131_072, 8192);
        assert!(c.windows(2).all(|w| w[0].1 <= w[1].1), "monotone");
        assert!(c.iter().all(|&(_, b)| b > 0));
    }

    #[test]
    fn reverse_mode_says_when_the_weights_do_not_fit() {
        let (p, _) = from_query("model=meta-llama/Llama-3.1-405B&gpu=80");
        let r = reverse(&p);
        assert!(!r.tokens.weights_fit && !r.batch.weights_fit);
        assert_eq!(r.tokens.value, 0);
        let (p, _) = from_query("model=meta-llama/Llama-3.1-8B&gpu=80&ctx=8192");
        let r = reverse(&p);
        assert!(r.tokens.weights_fit && r.tokens.value > 8192 && r.batch.value >= 1);
    }

    #[test]
    fn flop_counts_never_wrap() {
        assert_eq!(flop_count(f64::NAN), 0);
        assert_eq!(flop_count(-1.0), 0);
        assert_eq!(flop_count(f64::INFINITY), 0);
        assert_eq!(flop_count(1e30), u64::MAX);
        assert_eq!(flop_count(12.7), 12);
        assert_eq!(ratio(1, 0), 0.0);
    }
}
