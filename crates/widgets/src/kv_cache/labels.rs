//! Words for the lab's values: variant and layer-kind names, URL slugs, short token counts.

use explorables_core::kv::{MlaMode, Variant};
use explorables_core::lang::Lang;
use explorables_core::models::{AttentionKind, LayerKind, ModelPreset};

/// The URL slug of a variant (`native`, `mha`, `gqa-8`, `mqa`, `mla`).
pub fn variant_slug(v: Variant) -> String {
    match v {
        Variant::Native => "native".into(),
        Variant::Mha => "mha".into(),
        Variant::Gqa(n) => format!("gqa-{n}"),
        Variant::Mqa => "mqa".into(),
        Variant::Mla => "mla".into(),
    }
}

/// Display name of a variant for model `m` (GQA shows its effective K/V heads).
pub fn variant_label(v: Variant, m: &ModelPreset, lang: Lang) -> String {
    match v {
        Variant::Native => format!(
            "{} ({})",
            lang.pick("原生", "native"),
            attention_name(m.attention)
        ),
        Variant::Mha => "MHA".into(),
        Variant::Gqa(n) => {
            let n = n.clamp(1, m.heads.max(1));
            format!("GQA ({n} {})", lang.pick("个 KV 头", "K/V heads"))
        }
        Variant::Mqa => "MQA".into(),
        Variant::Mla => "MLA".into(),
    }
}

pub fn attention_name(a: AttentionKind) -> &'static str {
    match a {
        AttentionKind::Mha => "MHA",
        AttentionKind::Gqa => "GQA",
        AttentionKind::Mqa => "MQA",
        AttentionKind::Mla => "MLA",
    }
}

pub fn mla_slug(m: MlaMode) -> &'static str {
    match m {
        MlaMode::Latent => "latent",
        MlaMode::Decompressed => "decompressed",
    }
}

/// A layer kind in words: what it is and what it keeps.
pub fn kind_label(kind: LayerKind, lang: Lang) -> String {
    match (kind, lang) {
        (LayerKind::Global, Lang::Zh) => "全局注意力层（保留全部 T 个 token）".into(),
        (LayerKind::Global, Lang::En) => "global layers (keep all T tokens)".into(),
        (LayerKind::Sliding { window }, Lang::Zh) => {
            format!("滑动窗口层（只保留最近 {window} 个 token）")
        }
        (LayerKind::Sliding { window }, Lang::En) => {
            format!("sliding-window layers (keep the last {window} tokens)")
        }
        (LayerKind::Chunked { chunk }, Lang::Zh) => {
            format!("分块注意力层（最多保留当前块的 {chunk} 个 token）")
        }
        (LayerKind::Chunked { chunk }, Lang::En) => {
            format!("chunked layers (keep at most the {chunk} tokens of the current chunk)")
        }
    }
}

/// Short machine name of a layer kind (`global`, `sliding`, `chunked`) and its window.
pub fn kind_slug(kind: LayerKind) -> (&'static str, Option<u32>) {
    match kind {
        LayerKind::Global => ("global", None),
        LayerKind::Sliding { window } => ("sliding", Some(window)),
        LayerKind::Chunked { chunk } => ("chunked", Some(chunk)),
    }
}

/// A token count as axis text: `512`, `1K`, `128K`, `1M` (binary: 1K = 1024).
pub fn tokens_short(t: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "G"), (1 << 20, "M"), (1 << 10, "K")];
    for (size, unit) in UNITS {
        if t >= size && t.is_multiple_of(size) {
            return format!("{}{unit}", t / size);
        }
    }
    t.to_string()
}

/// A ratio as text: one decimal below 100, whole numbers above (`3.9×`, `15016×`).
pub fn times(x: f64) -> String {
    if !x.is_finite() {
        "–".to_string()
    } else if x < 100.0 {
        format!("{x:.1}×")
    } else {
        format!("{x:.0}×")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_counts_shorten() {
        assert_eq!(tokens_short(1), "1");
        assert_eq!(tokens_short(512), "512");
        assert_eq!(tokens_short(1024), "1K");
        assert_eq!(tokens_short(131_072), "128K");
        assert_eq!(tokens_short(1 << 20), "1M");
        assert_eq!(tokens_short(100_000), "100000");
    }

    #[test]
    fn ratios_read_well() {
        assert_eq!(times(3.94), "3.9×");
        assert_eq!(times(15015.6), "15016×");
        assert_eq!(times(f64::NAN), "–");
    }
}
