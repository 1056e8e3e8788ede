//! URL parameters of the KV-cache widget.
//!
//! | key | meaning | default | accepted |
//! |---|---|---|---|
//! | `model` | Hugging Face id of a preset | `meta-llama/Llama-3.1-8B` | any id in `data/models.toml` |
//! | `ctx` | context length in tokens | 8192 | 1 ..= 10,000,000 (above the model's maximum is allowed and flagged) |
//! | `batch` | sequences | 1 | 1 ..= 4096 |
//! | `dtype` | cache number format | `bf16` | `fp32 fp16 bf16 fp8 int8 int4` |
//! | `wdtype` | weight number format (reverse mode, decode cost) | `bf16` | same |
//! | `variant` | attention kind | `native` | `native mha mqa mla gqa-<n>` (`gqa` alone = 8 K/V heads) |
//! | `mla` | what an MLA cache holds | `latent` | `latent decompressed` |
//! | `compare` | other models, comma-separated | none | at most 3 known ids |
//! | `gpu` | GPU memory in GiB (reverse mode) | 80 | 0.5 ..= 100000 |
//!
//! Anything else is replaced by the default or clamped, with a [`Notice`]; nothing panics.

use super::{Dtype, KvRequest, MlaMode, Variant};
use crate::models::{find, ModelPreset};
use crate::params::{
    build_query, get, parse_choice, parse_f64, parse_int, shorten, Notice, NoticeKind,
};

pub const DEFAULT_MODEL: &str = "meta-llama/Llama-3.1-8B";
pub const DEFAULT_CTX: u64 = 8192;
pub const MAX_CTX: u64 = 10_000_000;
pub const MAX_BATCH: u64 = 4096;
pub const DEFAULT_GPU_GIB: f64 = 80.0;
pub const MIN_GPU_GIB: f64 = 0.5;
pub const MAX_GPU_GIB: f64 = 100_000.0;
/// K/V heads for a bare `variant=gqa`.
pub const DEFAULT_GQA_GROUPS: u32 = 8;
const MAX_GQA_GROUPS: i64 = 1024;
const MAX_COMPARE: usize = 3;

/// The widget's state, as parsed from (and written back to) the URL.
#[derive(Clone, Debug, PartialEq)]
pub struct KvParams {
    pub model: &'static ModelPreset,
    pub ctx: u64,
    pub batch: u64,
    pub dtype: Dtype,
    pub weight_dtype: Dtype,
    pub variant: Variant,
    pub mla: MlaMode,
    pub compare: Vec<&'static ModelPreset>,
    pub gpu_gib: f64,
}

fn default_model() -> &'static ModelPreset {
    find(DEFAULT_MODEL).unwrap_or(&crate::models::all()[0])
}

impl Default for KvParams {
    fn default() -> Self {
        KvParams {
            model: default_model(),
            ctx: DEFAULT_CTX,
            batch: 1,
            dtype: Dtype::Bf16,
            weight_dtype: Dtype::Bf16,
            variant: Variant::Native,
            mla: MlaMode::Latent,
            compare: Vec::new(),
            gpu_gib: DEFAULT_GPU_GIB,
        }
    }
}

const DTYPES: [&str; 6] = ["fp32", "fp16", "bf16", "fp8", "int8", "int4"];

fn parse_dtype(param: &str, raw: Option<&str>, notices: &mut Vec<Notice>) -> Dtype {
    let (slug, n) = parse_choice(param, raw, &DTYPES, "bf16");
    notices.extend(n);
    Dtype::from_slug(slug).unwrap_or_default()
}

/// Parses `native`, `mha`, `mqa`, `mla`, `gqa`, `gqa-8`, `gqa:8`, `gqa8`.
fn parse_variant(raw: Option<&str>, notices: &mut Vec<Notice>) -> Variant {
    let Some(raw) = raw else {
        return Variant::Native;
    };
    let t = raw.trim().to_ascii_lowercase();
    match t.as_str() {
        "native" => return Variant::Native,
        "mha" => return Variant::Mha,
        "mqa" => return Variant::Mqa,
        "mla" => return Variant::Mla,
        "gqa" => return Variant::Gqa(DEFAULT_GQA_GROUPS),
        _ => {}
    }
    if let Some(rest) = t.strip_prefix("gqa") {
        let digits = rest.trim_start_matches(['-', ':', '_', '=']);
        if !digits.is_empty() {
            let (n, notice) = parse_int(
                "variant",
                Some(digits),
                1,
                MAX_GQA_GROUPS,
                DEFAULT_GQA_GROUPS as i64,
            );
            if let Some(mut notice) = notice {
                notice.given = shorten(raw);
                notice.used = format!("gqa-{n}");
                notices.push(notice);
            }
            return Variant::Gqa(n as u32);
        }
    }
    notices.push(Notice {
        param: "variant".into(),
        given: shorten(raw),
        used: "native".into(),
        kind: NoticeKind::Unknown,
    });
    Variant::Native
}

fn variant_slug(v: Variant) -> String {
    match v {
        Variant::Native => "native".into(),
        Variant::Mha => "mha".into(),
        Variant::Mqa => "mqa".into(),
        Variant::Mla => "mla".into(),
        Variant::Gqa(n) => format!("gqa-{n}"),
    }
}

fn gib_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

impl KvParams {
    /// Parses decoded query pairs (see the module docs); never panics, never yields NaN.
    pub fn from_query(pairs: &[(String, String)]) -> (KvParams, Vec<Notice>) {
        let mut notices = Vec::new();
        let mut p = KvParams::default();

        if let Some(raw) = get(pairs, "model") {
            match find(raw) {
                Some(m) => p.model = m,
                None => notices.push(Notice {
                    param: "model".into(),
                    given: shorten(raw),
                    used: p.model.id.into(),
                    kind: NoticeKind::Unknown,
                }),
            }
        }

        let (ctx, n) = parse_int(
            "ctx",
            get(pairs, "ctx"),
            1,
            MAX_CTX as i64,
            DEFAULT_CTX as i64,
        );
        notices.extend(n);
        p.ctx = ctx as u64;

        let (batch, n) = parse_int("batch", get(pairs, "batch"), 1, MAX_BATCH as i64, 1);
        notices.extend(n);
        p.batch = batch as u64;

        p.dtype = parse_dtype("dtype", get(pairs, "dtype"), &mut notices);
        p.weight_dtype = parse_dtype("wdtype", get(pairs, "wdtype"), &mut notices);
        p.variant = parse_variant(get(pairs, "variant"), &mut notices);

        let (mla, n) = parse_choice(
            "mla",
            get(pairs, "mla"),
            &["latent", "decompressed"],
            "latent",
        );
        notices.extend(n);
        p.mla = if mla == "decompressed" {
            MlaMode::Decompressed
        } else {
            MlaMode::Latent
        };

        if let Some(raw) = get(pairs, "compare") {
            for id in raw.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                match find(id) {
                    Some(m) if p.compare.iter().any(|c| c.id == m.id) => {}
                    Some(m) if p.compare.len() < MAX_COMPARE => p.compare.push(m),
                    Some(_) => notices.push(Notice {
                        param: "compare".into(),
                        given: shorten(id),
                        used: format!("the first {MAX_COMPARE} models"),
                        kind: NoticeKind::Clamped,
                    }),
                    None => notices.push(Notice {
                        param: "compare".into(),
                        given: shorten(id),
                        used: "(dropped)".into(),
                        kind: NoticeKind::Unknown,
                    }),
                }
            }
        }

        let (gpu, n) = parse_f64(
            "gpu",
            get(pairs, "gpu"),
            MIN_GPU_GIB,
            MAX_GPU_GIB,
            DEFAULT_GPU_GIB,
        );
        notices.extend(n);
        p.gpu_gib = gpu;

        (p, notices)
    }

    /// The non-default parameters as `key=value&…` (no leading `?`), in a fixed order.
    pub fn to_query(&self) -> String {
        let d = KvParams::default();
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if self.model.id != d.model.id {
            pairs.push(("model", self.model.id.to_string()));
        }
        if self.ctx != d.ctx {
            pairs.push(("ctx", self.ctx.to_string()));
        }
        if self.batch != d.batch {
            pairs.push(("batch", self.batch.to_string()));
        }
        if self.dtype != d.dtype {
            pairs.push(("dtype", self.dtype.slug().to_string()));
        }
        if self.weight_dtype != d.weight_dtype {
            pairs.push(("wdtype", self.weight_dtype.slug().to_string()));
        }
        if self.variant != d.variant {
            pairs.push(("variant", variant_slug(self.variant)));
        }
        if self.mla != d.mla {
            pairs.push(("mla", "decompressed".to_string()));
        }
        if !self.compare.is_empty() {
            let ids: Vec<&str> = self.compare.iter().map(|m| m.id).collect();
            pairs.push(("compare", ids.join(",")));
        }
        if self.gpu_gib != d.gpu_gib {
            pairs.push(("gpu", gib_text(self.gpu_gib)));
        }
        build_query(&pairs)
    }

    /// The request for the main model.
    pub fn request(&self) -> KvRequest<'static> {
        self.request_for(self.model)
    }

    /// The same settings applied to another model (for the comparison rows).
    pub fn request_for(&self, model: &'static ModelPreset) -> KvRequest<'static> {
        KvRequest {
            model,
            tokens: self.ctx,
            batch: self.batch,
            dtype: self.dtype,
            variant: self.variant,
            mla: self.mla,
        }
    }

    /// GPU memory in bytes (GiB × 2^30, saturating).
    pub fn gpu_bytes(&self) -> u64 {
        let b = self.gpu_gib * (1u64 << 30) as f64;
        if b.is_finite() && b > 0.0 {
            // `as` saturates for out-of-range floats.
            b as u64
        } else {
            0
        }
    }
}
