//! Presets against the model data, the dense-vs-MoE calculator, URL parameters and export.

use super::*;
use crate::lang::Lang;
use crate::models;
use crate::params::NoticeKind;

#[test]
fn dense_vs_moe_arithmetic() {
    let counts = models::ParamCounts {
        total: 671_000_000_000,
        active: 37_000_000_000,
    };
    let c = compare_counts(counts, Dtype::Bf16);
    assert_eq!(c.moe.weight_bytes, 1_342_000_000_000);
    assert_eq!(c.dense.weight_bytes, 74_000_000_000);
    assert_eq!(c.moe.flops_per_token, 74_000_000_000);
    assert_eq!(c.dense.flops_per_token, c.moe.flops_per_token);
    assert!((c.memory_ratio() - 671.0 / 37.0).abs() < 1e-12);
    let odd = compare_counts(
        models::ParamCounts {
            total: 3,
            active: 1,
        },
        Dtype::Int4,
    );
    assert_eq!(odd.moe.weight_bytes, 2); // 1.5 bytes rounds up
    assert_eq!(Dtype::from_code("FP8"), Some(Dtype::Fp8));
    assert_eq!(presets::format_params(37_500_000_000), "37.5B");
    assert_eq!(presets::format_params(1_000_000_000_000), "1T");
}

#[test]
fn hostile_query_is_clamped_with_notices() {
    let q = |s: &str| MoeParams::from_query(&crate::params::parse_query(s));
    let (p, n) = q("experts=0&k=99&seed=abc&capacity=-1&tokens=1e9&skew=NaN&balance=<b>");
    assert_eq!((p.config.experts, p.config.k, p.config.seed), (1, 1, 42));
    assert_eq!(
        (p.config.capacity_factor, p.config.tokens, p.config.skew),
        (0.0, 256, 0.5)
    );
    assert_eq!(p.config.balance, Balance::None);
    for param in [
        "experts", "k", "seed", "capacity", "tokens", "skew", "balance",
    ] {
        assert!(
            n.iter().any(|x| x.param == param),
            "no notice for {param}: {n:?}"
        );
    }
    let (p, n) = q("experts=8&k=12");
    assert_eq!(p.config.k, 8);
    assert!(n
        .iter()
        .any(|x| x.param == "k" && x.kind == NoticeKind::Clamped));
    // 3 groups do not divide 16 → 2; then 1 kept group of 8 cannot hold k=9 → 2 groups.
    let (p, n) = q("experts=16&k=9&groups=3&topk_groups=1");
    assert_eq!((p.config.groups, p.config.topk_groups), (2, 2));
    assert!(n.iter().any(|x| x.param == "groups") && n.iter().any(|x| x.param == "topk_groups"));
    let (p, n) = q("preset=gpt-5&step=-4");
    assert_eq!((p.preset, p.step), ("custom", 0));
    assert_eq!(n.len(), 2);
    assert_eq!(q("").1, vec![]);
}

#[test]
fn export_json_shape_and_escaping() {
    let mut out = String::new();
    export::write_str(&mut out, "a\"b\\c\n\u{1}é");
    assert_eq!(out, "\"a\\\"b\\\\c\\n\\u0001é\"");
    let cfg = MoeConfig {
        capacity_factor: 1.0,
        skew: 1.0,
        experts: 8,
        tokens: 16,
        ..MoeConfig::default()
    };
    let mut sim = Simulation::new(cfg);
    sim.run(3);
    let j = sim.export_json();
    assert!(
        j.starts_with("{\"step\":3,\"experts\":8,\"k\":2,\"shared\":0,\"capacity\":4,"),
        "{j}"
    );
    assert_eq!(j.matches("{\"token\":").count(), 16);
    assert!(j.contains(&format!("\"dropped\":{},", sim.result().dropped)));
    assert_valid_json(&j);
    let fresh = Simulation::new(MoeConfig::default()).export_json();
    assert!(fresh.contains("\"tokens\":[]") && fresh.contains("\"capacity\":null"));
    assert_valid_json(&fresh);
}

/// Presets against the model data. Skips (with a message) only while `models::all()` is empty.
#[test]
fn presets_follow_the_model_data() {
    if models::all().is_empty() {
        println!("SKIP presets_follow_the_model_data: models::all() is empty (data not landed)");
        return;
    }
    let missing: Vec<&str> = PRESETS
        .iter()
        .filter(|p| p.dims().is_none())
        .map(|p| p.hf_id)
        .collect();
    assert!(
        missing.is_empty(),
        "MoE presets without MoeDims in the data: {missing:?}"
    );
    for p in PRESETS {
        let d = p.dims().unwrap();
        let c = p.config();
        assert_eq!(
            (c.experts, c.k, c.shared),
            (d.routed_experts, d.experts_per_token, d.shared_experts),
            "{}",
            p.key
        );
        assert_eq!(
            (c.scoring, c.norm_topk, c.routed_scaling),
            (d.scoring, d.norm_topk, d.routed_scaling),
            "{}",
            p.key
        );
        assert_eq!(
            (c.groups, c.topk_groups),
            (d.n_groups.max(1), d.topk_groups.max(1)),
            "{}",
            p.key
        );
        let counts = p.param_counts().unwrap();
        assert!(
            counts.total > counts.active && counts.active > 0,
            "{}: {counts:?}",
            p.key
        );
        let cmp = dense_vs_moe(p.key, Dtype::Bf16).unwrap();
        assert_eq!(cmp.moe.weight_bytes, counts.total * 2);
        assert_eq!(cmp.dense.total_params, counts.active);
        for lang in [Lang::En, Lang::Zh] {
            let text = p.explain(lang);
            assert!(
                !text.contains('?') && !text.contains('{'),
                "{}: {text}",
                p.key
            );
        }
        let mut sim = MoeParams {
            preset: p.key,
            config: c,
            step: 2,
        }
        .simulation();
        assert_eq!(sim.step().step, 3);
    }
    let ds = find_preset("deepseek-v3").unwrap().config();
    assert_eq!(
        (ds.experts, ds.k, ds.shared, ds.groups, ds.topk_groups),
        (256, 8, 1, 8, 4)
    );
    assert_eq!((ds.scoring, ds.routed_scaling), (Scoring::Sigmoid, 2.5));
}

#[test]
fn presets_are_complete_without_data() {
    let keys: Vec<&str> = PRESETS.iter().map(|p| p.key).collect();
    assert_eq!(
        keys,
        [
            "deepseek-v3",
            "qwen3-235b-a22b",
            "qwen3-30b-a3b",
            "mixtral-8x7b",
            "llama4-maverick",
            "kimi-k2",
            "switch"
        ]
    );
    for p in PRESETS {
        assert!(p.explain_en.len() > 200 && p.explain_zh.len() > 200 && !p.source.is_empty());
        assert_eq!(find_preset(p.hf_id).map(|q| q.key), Some(p.key));
        let (params, notes) = MoeParams::from_query(&[("preset".into(), p.key.into())]);
        assert!(notes.is_empty(), "{}: {notes:?}", p.key);
        assert_eq!(params.preset, p.key);
        assert_eq!(params.config.balance, p.balance);
    }
}

/// Minimal JSON validator (RFC 8259 grammar, no semantics) for the export tests.
pub(super) fn assert_valid_json(s: &str) {
    fn ws(b: &[u8], i: &mut usize) {
        while *i < b.len() && b" \t\n\r".contains(&b[*i]) {
            *i += 1;
        }
    }
    fn value(b: &[u8], i: &mut usize) -> Result<(), usize> {
        ws(b, i);
        match b.get(*i).ok_or(*i)? {
            b'{' | b'[' => {
                let (close, obj) = if b[*i] == b'{' {
                    (b'}', true)
                } else {
                    (b']', false)
                };
                *i += 1;
                ws(b, i);
                if b.get(*i) == Some(&close) {
                    *i += 1;
                    return Ok(());
                }
                loop {
                    if obj {
                        ws(b, i);
                        string(b, i)?;
                        ws(b, i);
                        if b.get(*i) != Some(&b':') {
                            return Err(*i);
                        }
                        *i += 1;
                    }
                    value(b, i)?;
                    ws(b, i);
                    match b.get(*i) {
                        Some(b',') => *i += 1,
                        Some(c) if *c == close => {
                            *i += 1;
                            return Ok(());
                        }
                        _ => return Err(*i),
                    }
                }
            }
            b'"' => string(b, i),
            b't' | b'f' | b'n' => {
                for w in [&b"true"[..], b"false", b"null"] {
                    if b[*i..].starts_with(w) {
                        *i += w.len();
                        return Ok(());
                    }
                }
                Err(*i)
            }
            _ => {
                let start = *i;
                while *i < b.len() && b"+-0123456789.eE".contains(&b[*i]) {
                    *i += 1;
                }
                std::str::from_utf8(&b[start..*i])
                    .unwrap()
                    .parse::<f64>()
                    .map(|_| ())
                    .map_err(|_| start)
            }
        }
    }
    fn string(b: &[u8], i: &mut usize) -> Result<(), usize> {
        if b.get(*i) != Some(&b'"') {
            return Err(*i);
        }
        *i += 1;
        while let Some(&c) = b.get(*i) {
            *i += 1;
            match c {
                b'"' => return Ok(()),
                b'\\' => *i += if b.get(*i) == Some(&b'u') { 5 } else { 1 },
                c if c < 0x20 => return Err(*i),
                _ => {}
            }
        }
        Err(*i)
    }
    let b = s.as_bytes();
    let mut i = 0;
    let r = value(b, &mut i).and_then(|_| {
        ws(b, &mut i);
        if i == b.len() {
            Ok(())
        } else {
            Err(i)
        }
    });
    if let Err(at) = r {
        panic!(
            "invalid JSON at byte {at}: …{}…",
            &s[at.saturating_sub(40).min(s.len())..(at + 40).min(s.len())]
        );
    }
}
