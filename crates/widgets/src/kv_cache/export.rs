//! The Export panel: every input and output of the lab as JSON (built with [`super::json`]).
//! Byte counts are exact integers; floats are finite or `null`.

use super::calc::{all_requests, flop_count, reverse, variant_rows};
use super::json::{obj, Json};
use super::labels::{kind_slug, mla_slug, variant_slug};
use explorables_core::kv::{
    decode_step, formula_per_token, formula_total, kv_cache, Fit, KvParams,
};
use explorables_core::lang::Lang;
use explorables_core::models::param_counts;

fn fit_json(f: &Fit) -> Json {
    obj(vec![
        ("value", f.value.into()),
        ("at_limit", f.at_limit.into()),
        ("unbounded", f.unbounded.into()),
    ])
}

/// The whole state and its results.
pub fn export_json(p: &KvParams) -> String {
    let m = p.model;
    let req = p.request();
    let r = kv_cache(&req);
    let counts = param_counts(m);
    let inputs = obj(vec![
        ("model", m.id.into()),
        ("ctx", p.ctx.into()),
        ("batch", p.batch.into()),
        ("dtype", p.dtype.slug().into()),
        ("wdtype", p.weight_dtype.slug().into()),
        ("variant", variant_slug(p.variant).into()),
        ("mla", mla_slug(p.mla).into()),
        (
            "compare",
            Json::Arr(p.compare.iter().map(|c| c.id.into()).collect()),
        ),
        ("gpu_gib", p.gpu_gib.into()),
    ]);
    let model = obj(vec![
        ("name", m.name.into()),
        ("source", m.source.into()),
        ("layers", m.layers.into()),
        ("heads", m.heads.into()),
        ("kv_heads", m.kv_heads.into()),
        ("head_dim", m.head_dim.into()),
        ("max_context", m.max_context.into()),
        ("params_total", counts.total.into()),
        ("params_active", counts.active.into()),
    ]);
    let per_kind = r
        .per_kind
        .iter()
        .map(|k| {
            let (kind, window) = kind_slug(k.kind);
            obj(vec![
                ("kind", kind.into()),
                ("window", window.into()),
                ("layers", k.layers.into()),
                ("kept_tokens", k.kept_tokens.into()),
                ("bytes", k.bytes.into()),
            ])
        })
        .collect();
    let kv = obj(vec![
        ("total_bytes", r.total_bytes.into()),
        ("bytes_per_token", r.bytes_per_token.into()),
        (
            "elements_per_token_per_layer",
            r.elements_per_token_per_layer.into(),
        ),
        ("saturated", r.saturated.into()),
        ("exceeds_max_context", r.exceeds_max_context.into()),
        ("per_kind", Json::Arr(per_kind)),
        (
            "formula_per_token",
            formula_per_token(&req, Lang::En).into(),
        ),
        ("formula_total", formula_total(&req, Lang::En).into()),
    ]);
    let variants = variant_rows(p)
        .iter()
        .map(|v| {
            obj(vec![
                ("variant", variant_slug(v.variant).into()),
                ("mla", mla_slug(v.mla).into()),
                ("bytes_per_token", v.result.bytes_per_token.into()),
                ("total_bytes", v.result.total_bytes.into()),
            ])
        })
        .collect();
    let models = all_requests(p)
        .iter()
        .map(|q| {
            let r = kv_cache(q);
            let c = param_counts(q.model);
            let d = decode_step(q, p.weight_dtype);
            obj(vec![
                ("model", q.model.id.into()),
                ("variant", variant_slug(q.variant).into()),
                ("total_bytes", r.total_bytes.into()),
                ("bytes_per_token", r.bytes_per_token.into()),
                ("exceeds_max_context", r.exceeds_max_context.into()),
                ("params_total", c.total.into()),
                ("params_active", c.active.into()),
                ("decode_weight_bytes_read", d.weight_bytes_read.into()),
                ("decode_kv_bytes_read", d.kv_bytes_read.into()),
                ("decode_bytes_read", d.bytes_read.into()),
                ("decode_flops", flop_count(d.flops).into()),
                (
                    "attention_flops_cached",
                    flop_count(d.attention_flops_cached).into(),
                ),
                (
                    "attention_flops_uncached",
                    flop_count(d.attention_flops_uncached).into(),
                ),
                ("arithmetic_intensity", d.arithmetic_intensity.into()),
            ])
        })
        .collect();
    let rev = reverse(p);
    let reverse = obj(vec![
        ("gpu_bytes", rev.gpu_bytes.into()),
        ("weight_bytes", rev.weight_bytes.into()),
        ("weights_fit", rev.tokens.weights_fit.into()),
        ("free_bytes", rev.tokens.free_bytes.into()),
        ("max_tokens", fit_json(&rev.tokens)),
        ("max_batch", fit_json(&rev.batch)),
    ]);
    obj(vec![
        ("widget", "kv-cache".into()),
        ("inputs", inputs),
        ("model", model),
        ("kv", kv),
        ("variants", Json::Arr(variants)),
        ("models", Json::Arr(models)),
        ("reverse", reverse),
    ])
    .to_pretty()
}

#[cfg(test)]
mod tests {
    use super::super::state::from_query;
    use super::*;

    #[test]
    fn export_has_inputs_and_exact_outputs() {
        let (p, _) = from_query(
            "model=meta-llama/Llama-3.1-8B&ctx=32768&batch=1&compare=deepseek-ai/DeepSeek-V3",
        );
        let json = export_json(&p);
        // 131072 B/token × 32768 tokens = 4 GiB exactly.
        assert!(json.contains("\"total_bytes\": 4294967296"), "{json}");
        assert!(json.contains("\"bytes_per_token\": 131072"));
        assert!(json.contains("\"model\": \"deepseek-ai/DeepSeek-V3\""));
        assert!(json.contains("\"ctx\": 32768"));
        assert!(!json.contains("NaN") && !json.contains("inf"));
        // Balanced brackets (a cheap well-formedness check; no string here holds one).
        let open = json.matches(['{', '[']).count();
        let close = json.matches(['}', ']']).count();
        assert_eq!(open, close);
    }

    #[test]
    fn export_survives_extreme_input() {
        let (p, _) = from_query(
            "model=deepseek-ai/DeepSeek-V3&ctx=1e12&batch=1e9&dtype=fp32&mla=decompressed&variant=mla&gpu=0",
        );
        let json = export_json(&p);
        assert!(json.contains("\"ctx\": 10000000"));
        assert!(json.contains("\"weights_fit\": false"));
    }
}
