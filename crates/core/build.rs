//! Compiles `data/models.toml` into Rust statics (`$OUT_DIR/models_data.rs`, included by
//! `src/models.rs`), so the browser bundle carries plain data and no TOML parser.
//!
//! Every field is checked here; a missing, misspelt or inconsistent field stops the build with
//! a message naming the model and the field.

use std::collections::BTreeSet;
use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use toml::{Table, Value};

const DATA: &str = "../../data/models.toml";
const CONFIGS: &str = "../../data/configs";

fn main() {
    println!("cargo:rerun-if-changed={DATA}");
    println!("cargo:rerun-if-changed={CONFIGS}");
    println!("cargo:rerun-if-changed=build.rs");
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let data = manifest.join(DATA);
    let text = fs::read_to_string(&data)
        .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", data.display())));
    let code = match generate(&text, &manifest.join(CONFIGS)) {
        Ok(code) => code,
        Err(msg) => fail(&msg),
    };
    let out = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR")).join("models_data.rs");
    fs::write(&out, code).unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", out.display())));
}

fn fail(msg: &str) -> ! {
    // A panic in a build script prints the message and fails the build.
    panic!("\n\ndata/models.toml: {msg}\n\n");
}

const MODEL_KEYS: &[&str] = &[
    "id",
    "name",
    "source",
    "note",
    "note_zh",
    "config_file",
    "config_copy",
    "layers",
    "encoder_layers",
    "hidden",
    "heads",
    "kv_heads",
    "head_dim",
    "intermediate",
    "vocab",
    "tokenizer_vocab",
    "tokenizer_vocab_source",
    "max_context",
    "attention",
    "layer_pattern",
    "tied_embeddings",
    "ffn",
    "norm",
    "norms_per_layer",
    "position",
    "attn_bias",
    "mlp_bias",
    "qk_norm",
    "embed_norm",
    "mtp_layers",
    "params_total_reported",
    "params_active_reported",
    "params_reported_source",
    "active_excludes_embedding",
    "mla",
    "moe",
];
const MLA_KEYS: &[&str] = &[
    "kv_lora_rank",
    "q_lora_rank",
    "qk_nope_head_dim",
    "qk_rope_head_dim",
    "v_head_dim",
];
const MOE_KEYS: &[&str] = &[
    "routed_experts",
    "experts_per_token",
    "shared_experts",
    "moe_intermediate",
    "shared_intermediate",
    "first_dense_layers",
    "moe_every",
    "scoring",
    "n_groups",
    "topk_groups",
    "norm_topk",
    "routed_scaling",
];

/// Typed access to one TOML table, with errors that name the model and the field.
struct Fields<'a> {
    table: &'a Table,
    ctx: String,
}

impl<'a> Fields<'a> {
    fn new(table: &'a Table, ctx: String, allowed: &[&str]) -> Result<Self, String> {
        for key in table.keys() {
            if !allowed.contains(&key.as_str()) {
                return Err(format!(
                    "{ctx}: unknown field `{key}` (allowed: {})",
                    allowed.join(", ")
                ));
            }
        }
        Ok(Fields { table, ctx })
    }

    fn get(&self, key: &str) -> Result<&'a Value, String> {
        self.table
            .get(key)
            .ok_or_else(|| format!("{}: missing field `{key}`", self.ctx))
    }

    fn string(&self, key: &str) -> Result<String, String> {
        match self.get(key)? {
            Value::String(s) if !s.trim().is_empty() => Ok(s.clone()),
            Value::String(_) => Err(format!("{}: `{key}` is empty", self.ctx)),
            other => Err(format!(
                "{}: `{key}` must be a string, found {}",
                self.ctx,
                other.type_str()
            )),
        }
    }

    fn opt_string(&self, key: &str) -> Result<Option<String>, String> {
        if self.table.contains_key(key) {
            self.string(key).map(Some)
        } else {
            Ok(None)
        }
    }

    fn uint(&self, key: &str, min: i64, max: i64) -> Result<i64, String> {
        match self.get(key)? {
            Value::Integer(v) if (min..=max).contains(v) => Ok(*v),
            Value::Integer(v) => Err(format!(
                "{}: `{key}` = {v} is outside {min}..={max}",
                self.ctx
            )),
            other => Err(format!(
                "{}: `{key}` must be an integer, found {}",
                self.ctx,
                other.type_str()
            )),
        }
    }

    fn opt_uint(&self, key: &str, min: i64, max: i64, default: i64) -> Result<i64, String> {
        if self.table.contains_key(key) {
            self.uint(key, min, max)
        } else {
            Ok(default)
        }
    }

    fn boolean(&self, key: &str) -> Result<bool, String> {
        match self.get(key)? {
            Value::Boolean(b) => Ok(*b),
            other => Err(format!(
                "{}: `{key}` must be true or false, found {}",
                self.ctx,
                other.type_str()
            )),
        }
    }

    fn opt_bool(&self, key: &str, default: bool) -> Result<bool, String> {
        if self.table.contains_key(key) {
            self.boolean(key)
        } else {
            Ok(default)
        }
    }

    fn float(&self, key: &str) -> Result<f64, String> {
        let v = match self.get(key)? {
            Value::Float(f) => *f,
            Value::Integer(i) => *i as f64,
            other => {
                return Err(format!(
                    "{}: `{key}` must be a number, found {}",
                    self.ctx,
                    other.type_str()
                ))
            }
        };
        if v.is_finite() && v > 0.0 {
            Ok(v)
        } else {
            Err(format!(
                "{}: `{key}` must be a positive finite number",
                self.ctx
            ))
        }
    }

    fn opt_float(&self, key: &str) -> Result<Option<f64>, String> {
        if self.table.contains_key(key) {
            self.float(key).map(Some)
        } else {
            Ok(None)
        }
    }

    fn choice(&self, key: &str, allowed: &[(&str, &'static str)]) -> Result<&'static str, String> {
        let s = self.string(key)?;
        allowed
            .iter()
            .find(|(k, _)| *k == s)
            .map(|(_, v)| *v)
            .ok_or_else(|| {
                let names: Vec<&str> = allowed.iter().map(|(k, _)| *k).collect();
                format!(
                    "{}: `{key}` = {s:?} is not one of {}",
                    self.ctx,
                    names.join(", ")
                )
            })
    }

    fn sub(&self, key: &str, allowed: &[&str]) -> Result<Option<Fields<'a>>, String> {
        match self.table.get(key) {
            None => Ok(None),
            Some(Value::Table(t)) => {
                Fields::new(t, format!("{} [{key}]", self.ctx), allowed).map(Some)
            }
            Some(other) => Err(format!(
                "{}: `{key}` must be a table, found {}",
                self.ctx,
                other.type_str()
            )),
        }
    }
}

const U32: i64 = u32::MAX as i64;

fn generate(text: &str, configs: &Path) -> Result<String, String> {
    let doc: Table = text.parse().map_err(|e| format!("invalid TOML: {e}"))?;
    for key in doc.keys() {
        if key != "model" {
            return Err(format!(
                "unknown top-level key `{key}` (expected [[model]] entries)"
            ));
        }
    }
    let models = match doc.get("model") {
        Some(Value::Array(a)) if !a.is_empty() => a,
        _ => return Err("no [[model]] entries".into()),
    };
    let mut ids = BTreeSet::new();
    let mut out = String::new();
    out.push_str("// @generated by crates/core/build.rs from data/models.toml. Do not edit.\n");
    out.push_str("static MODELS: &[ModelPreset] = &[\n");
    for (i, entry) in models.iter().enumerate() {
        let Value::Table(table) = entry else {
            return Err(format!("model #{}: not a table", i + 1));
        };
        let id_hint = table.get("id").and_then(Value::as_str).unwrap_or("?");
        let f = Fields::new(table, format!("model #{} ({id_hint})", i + 1), MODEL_KEYS)?;
        let model = model_literal(&f, configs)?;
        let id = f.string("id")?;
        if !ids.insert(id.to_ascii_lowercase()) {
            return Err(format!("{}: duplicate id {id:?}", f.ctx));
        }
        out.push_str(&model);
    }
    out.push_str("];\n");
    Ok(out)
}

fn model_literal(f: &Fields, configs: &Path) -> Result<String, String> {
    let ctx = &f.ctx;
    let id = f.string("id")?;
    if !id.contains('/') {
        return Err(format!(
            "{ctx}: id must be a Hugging Face repo id `org/name`"
        ));
    }
    let source = f.string("source")?;
    if !source.starts_with("https://") {
        return Err(format!("{ctx}: source must be an https URL"));
    }
    let layers = f.uint("layers", 1, 10_000)?;
    let encoder_layers = f.opt_uint("encoder_layers", 0, 10_000, 0)?;
    let hidden = f.uint("hidden", 1, U32)?;
    let heads = f.uint("heads", 1, 65_536)?;
    let kv_heads = f.uint("kv_heads", 1, 65_536)?;
    let head_dim = f.uint("head_dim", 1, 65_536)?;
    let intermediate = f.uint("intermediate", 1, U32)?;
    let vocab = f.uint("vocab", 1, U32)?;
    // Tokens the tokenizer defines, when that differs from (or must be told apart from) the
    // embedding rows in `vocab`; a source is required.
    let tokenizer_vocab = if f.table.contains_key("tokenizer_vocab") {
        let t = f.uint("tokenizer_vocab", 1, vocab)?;
        if f.opt_string("tokenizer_vocab_source")?.is_none() {
            return Err(format!(
                "{ctx}: tokenizer_vocab needs `tokenizer_vocab_source`"
            ));
        }
        Some(t)
    } else {
        if f.table.contains_key("tokenizer_vocab_source") {
            return Err(format!(
                "{ctx}: tokenizer_vocab_source without tokenizer_vocab"
            ));
        }
        None
    };
    let tokenizer_vocab_source = f.opt_string("tokenizer_vocab_source")?.unwrap_or_default();
    let max_context = f.uint("max_context", 1, i64::MAX)?;
    let attention = f.choice(
        "attention",
        &[
            ("mha", "Mha"),
            ("gqa", "Gqa"),
            ("mqa", "Mqa"),
            ("mla", "Mla"),
        ],
    )?;
    if kv_heads > heads {
        return Err(format!("{ctx}: kv_heads ({kv_heads}) > heads ({heads})"));
    }
    if heads % kv_heads != 0 {
        return Err(format!(
            "{ctx}: heads ({heads}) is not a multiple of kv_heads ({kv_heads})"
        ));
    }
    match attention {
        "Mha" if kv_heads != heads => {
            return Err(format!(
                "{ctx}: attention = \"mha\" needs kv_heads == heads"
            ))
        }
        "Mqa" if kv_heads != 1 => {
            return Err(format!("{ctx}: attention = \"mqa\" needs kv_heads == 1"))
        }
        "Gqa" if kv_heads == heads || kv_heads == 1 => {
            return Err(format!(
                "{ctx}: attention = \"gqa\" needs 1 < kv_heads < heads"
            ))
        }
        _ => {}
    }

    let pattern = match f.get("layer_pattern")? {
        Value::Array(items) if !items.is_empty() => items,
        _ => return Err(format!("{ctx}: layer_pattern must be a non-empty list")),
    };
    let mut pattern_code = Vec::new();
    for item in pattern {
        let Some(s) = item.as_str() else {
            return Err(format!("{ctx}: layer_pattern entries must be strings"));
        };
        pattern_code.push(layer_kind(s).map_err(|e| format!("{ctx}: layer_pattern: {e}"))?);
    }

    let tied = f.boolean("tied_embeddings")?;
    let ffn = f.choice("ffn", &[("gated", "Gated"), ("mlp", "Mlp")])?;
    let norm = f.choice("norm", &[("rms", "Rms"), ("layer", "Layer")])?;
    let norms_per_layer = f.uint("norms_per_layer", 1, 8)?;
    let position = f.choice(
        "position",
        &[
            ("rope", "Rope"),
            ("learned", "Learned"),
            ("alibi", "Alibi"),
            ("relative", "Relative"),
        ],
    )?;
    let attn_bias = f.choice(
        "attn_bias",
        &[("none", "None"), ("qkv", "Qkv"), ("all", "All")],
    )?;
    let mlp_bias = f.boolean("mlp_bias")?;
    let qk_norm = f.choice(
        "qk_norm",
        &[
            ("none", "None"),
            ("head", "Head"),
            ("full", "Full"),
            ("l2", "L2"),
        ],
    )?;
    let embed_norm = f.opt_bool("embed_norm", false)?;
    let mtp_layers = f.opt_uint("mtp_layers", 0, 100, 0)?;
    let total = f.opt_float("params_total_reported")?;
    let active = f.opt_float("params_active_reported")?;
    let reported_source = f.opt_string("params_reported_source")?.unwrap_or_default();
    let active_excludes_embedding = f.opt_bool("active_excludes_embedding", false)?;
    if (total.is_some() || active.is_some()) && reported_source.is_empty() {
        return Err(format!(
            "{ctx}: reported parameter counts need `params_reported_source`"
        ));
    }
    let note = f.string("note")?;
    let note_zh = f.string("note_zh")?;
    let name = f.string("name")?;

    let config_file = f.opt_string("config_file")?;
    let config_copy = f.opt_string("config_copy")?;
    match (&config_file, &config_copy) {
        (Some(file), Some(copy)) => {
            if !["file", "embedded", "reserialized", "partial"].contains(&copy.as_str()) {
                return Err(format!(
                    "{ctx}: config_copy = {copy:?} is not file/embedded/reserialized/partial"
                ));
            }
            if file.contains('/') || !file.ends_with(".json") {
                return Err(format!(
                    "{ctx}: config_file must be a .json name inside data/configs"
                ));
            }
            if !configs.join(file).is_file() {
                return Err(format!(
                    "{ctx}: config_file data/configs/{file} does not exist"
                ));
            }
        }
        (None, None) => {}
        _ => return Err(format!("{ctx}: config_file and config_copy go together")),
    }

    let mla = match f.sub("mla", MLA_KEYS)? {
        None => "None".to_string(),
        Some(m) => {
            let q = m.uint("q_lora_rank", 0, U32)?;
            format!(
                "Some(MlaDims {{ kv_lora_rank: {}, q_lora_rank: {}, qk_nope_head_dim: {}, qk_rope_head_dim: {}, v_head_dim: {} }})",
                m.uint("kv_lora_rank", 1, U32)?,
                if q == 0 { "None".to_string() } else { format!("Some({q})") },
                m.uint("qk_nope_head_dim", 0, U32)?,
                m.uint("qk_rope_head_dim", 0, U32)?,
                m.uint("v_head_dim", 1, U32)?,
            )
        }
    };
    if (attention == "Mla") != (mla != "None") {
        return Err(format!(
            "{ctx}: attention = \"mla\" and a [model.mla] table go together"
        ));
    }

    let moe = match f.sub("moe", MOE_KEYS)? {
        None => "None".to_string(),
        Some(m) => {
            let routed = m.uint("routed_experts", 2, U32)?;
            let k = m.uint("experts_per_token", 1, routed)?;
            let shared = m.uint("shared_experts", 0, 1024)?;
            let shared_inter = m.uint("shared_intermediate", 0, U32)?;
            if (shared == 0) != (shared_inter == 0) {
                return Err(format!(
                    "{}: shared_intermediate must be 0 exactly when shared_experts is 0",
                    m.ctx
                ));
            }
            let first_dense = m.uint("first_dense_layers", 0, layers)?;
            let n_groups = m.uint("n_groups", 1, routed)?;
            let topk_groups = m.uint("topk_groups", 1, n_groups)?;
            if routed % n_groups != 0 {
                return Err(format!(
                    "{}: n_groups ({n_groups}) must divide routed_experts ({routed})",
                    m.ctx
                ));
            }
            let scaling = m.float("routed_scaling")?;
            format!(
                "Some(MoeDims {{ routed_experts: {routed}, experts_per_token: {k}, shared_experts: {shared}, moe_intermediate: {}, shared_intermediate: {shared_inter}, first_dense_layers: {first_dense}, moe_every: {}, scoring: Scoring::{}, n_groups: {n_groups}, topk_groups: {topk_groups}, norm_topk: {}, routed_scaling: {scaling:?} }})",
                m.uint("moe_intermediate", 1, U32)?,
                m.uint("moe_every", 1, layers)?,
                m.choice("scoring", &[("softmax", "Softmax"), ("sigmoid", "Sigmoid")])?,
                m.boolean("norm_topk")?,
            )
        }
    };
    if active.is_some() && moe == "None" {
        return Err(format!(
            "{ctx}: params_active_reported is only for MoE models"
        ));
    }
    if active_excludes_embedding && moe == "None" {
        return Err(format!(
            "{ctx}: active_excludes_embedding is only for MoE models"
        ));
    }

    let opt_str = |s: &Option<String>| match s {
        Some(s) => format!("Some({s:?})"),
        None => "None".to_string(),
    };
    let opt_f = |v: Option<f64>| match v {
        Some(v) => format!("Some({v:?})"),
        None => "None".to_string(),
    };
    let mut s = String::new();
    let _ = writeln!(s, "    ModelPreset {{");
    let _ = writeln!(s, "        id: {id:?},");
    let _ = writeln!(s, "        name: {name:?},");
    let _ = writeln!(s, "        source: {source:?},");
    let _ = writeln!(s, "        layers: {layers},");
    let _ = writeln!(s, "        encoder_layers: {encoder_layers},");
    let _ = writeln!(s, "        hidden: {hidden},");
    let _ = writeln!(s, "        heads: {heads},");
    let _ = writeln!(s, "        kv_heads: {kv_heads},");
    let _ = writeln!(s, "        head_dim: {head_dim},");
    let _ = writeln!(s, "        intermediate: {intermediate},");
    let _ = writeln!(s, "        vocab: {vocab},");
    let _ = writeln!(
        s,
        "        tokenizer_vocab: {},",
        tokenizer_vocab.map_or("None".to_string(), |t| format!("Some({t})"))
    );
    let _ = writeln!(
        s,
        "        tokenizer_vocab_source: {tokenizer_vocab_source:?},"
    );
    let _ = writeln!(s, "        max_context: {max_context},");
    let _ = writeln!(s, "        attention: AttentionKind::{attention},");
    let _ = writeln!(s, "        layer_pattern: &[{}],", pattern_code.join(", "));
    let _ = writeln!(s, "        mla: {mla},");
    let _ = writeln!(s, "        moe: {moe},");
    let _ = writeln!(s, "        tied_embeddings: {tied},");
    let _ = writeln!(s, "        ffn: FfnKind::{ffn},");
    let _ = writeln!(s, "        norm: NormKind::{norm},");
    let _ = writeln!(s, "        norms_per_layer: {norms_per_layer},");
    let _ = writeln!(s, "        position: PositionKind::{position},");
    let _ = writeln!(s, "        attn_bias: BiasKind::{attn_bias},");
    let _ = writeln!(s, "        mlp_bias: {mlp_bias},");
    let _ = writeln!(s, "        qk_norm: QkNorm::{qk_norm},");
    let _ = writeln!(s, "        embed_norm: {embed_norm},");
    let _ = writeln!(s, "        mtp_layers: {mtp_layers},");
    let _ = writeln!(s, "        params_total_reported: {},", opt_f(total));
    let _ = writeln!(s, "        params_active_reported: {},", opt_f(active));
    let _ = writeln!(s, "        params_reported_source: {reported_source:?},");
    let _ = writeln!(
        s,
        "        active_excludes_embedding: {active_excludes_embedding},"
    );
    let _ = writeln!(s, "        config_file: {},", opt_str(&config_file));
    let _ = writeln!(s, "        config_copy: {},", opt_str(&config_copy));
    let _ = writeln!(s, "        note: {note:?},");
    let _ = writeln!(s, "        note_zh: {note_zh:?},");
    let _ = writeln!(s, "    }},");
    Ok(s)
}

fn layer_kind(s: &str) -> Result<String, String> {
    let s = s.trim();
    if s == "global" {
        return Ok("LayerKind::Global".into());
    }
    let (kind, n) = s
        .split_once(':')
        .ok_or_else(|| format!("{s:?} is not \"global\", \"sliding:<n>\" or \"chunked:<n>\""))?;
    let n: u32 = n
        .trim()
        .parse()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("{s:?}: the window must be a positive integer"))?;
    match kind.trim() {
        "sliding" => Ok(format!("LayerKind::Sliding {{ window: {n} }}")),
        "chunked" => Ok(format!("LayerKind::Chunked {{ chunk: {n} }}")),
        other => Err(format!("{other:?} is not global, sliding or chunked")),
    }
}
