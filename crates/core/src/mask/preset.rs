//! The mask presets and the two small enums used by `custom` and `prefix-tuning`.

use crate::lang::Lang;

/// One attention-mask family. The slug is what appears in the URL (`?preset=chatglm-6b`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Preset {
    /// GPT, LLaMA, ChatGLM2-6B: row q sees keys `0..=q`.
    Causal,
    /// BERT and other encoders: every token sees every token.
    Bidirectional,
    /// UniLM / T5 prefix LM: the first `prefix` tokens are bidirectional, the rest causal.
    PrefixLm,
    /// ChatGLM-6B (GLM): context (prompt + `[gMASK]`) bidirectional, causal from `<sop>`.
    ChatGlm6b,
    /// GLM pre-training: Part A bidirectional, shuffled spans of Part B causal.
    GlmBlankInfilling,
    /// Prefix-tuning / P-tuning v2: virtual key/value columns seen by every query.
    PrefixTuning,
    /// Mistral-style sliding window.
    SlidingWindow,
    /// Gemma 3: five sliding-window layers, then one global layer.
    Gemma3,
    /// Llama 4: chunked local attention on three of every four layers, global NoPE on the fourth.
    Llama4Chunked,
    /// Several documents packed in one sequence, block-diagonal causal.
    PackedDocuments,
    /// Elementwise AND / OR of two other presets.
    Custom,
}

impl Preset {
    /// Every preset, in menu order.
    pub const ALL: [Preset; 11] = [
        Preset::Causal,
        Preset::Bidirectional,
        Preset::PrefixLm,
        Preset::ChatGlm6b,
        Preset::GlmBlankInfilling,
        Preset::PrefixTuning,
        Preset::SlidingWindow,
        Preset::Gemma3,
        Preset::Llama4Chunked,
        Preset::PackedDocuments,
        Preset::Custom,
    ];

    /// The presets that `custom` can compose (same square shape, no nesting).
    pub const COMPOSABLE: [Preset; 9] = [
        Preset::Causal,
        Preset::Bidirectional,
        Preset::PrefixLm,
        Preset::ChatGlm6b,
        Preset::GlmBlankInfilling,
        Preset::SlidingWindow,
        Preset::Gemma3,
        Preset::Llama4Chunked,
        Preset::PackedDocuments,
    ];

    /// URL slug.
    pub fn slug(self) -> &'static str {
        match self {
            Preset::Causal => "causal",
            Preset::Bidirectional => "bidirectional",
            Preset::PrefixLm => "prefix-lm",
            Preset::ChatGlm6b => "chatglm-6b",
            Preset::GlmBlankInfilling => "glm-blank-infilling",
            Preset::PrefixTuning => "prefix-tuning",
            Preset::SlidingWindow => "sliding-window",
            Preset::Gemma3 => "gemma3",
            Preset::Llama4Chunked => "llama4-chunked",
            Preset::PackedDocuments => "packed-documents",
            Preset::Custom => "custom",
        }
    }

    /// Parses a slug (trimmed, ASCII case-insensitive).
    pub fn from_slug(slug: &str) -> Option<Preset> {
        let s = slug.trim();
        Preset::ALL
            .into_iter()
            .find(|p| p.slug().eq_ignore_ascii_case(s))
    }

    /// Display name.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Preset::Causal => lang.pick("因果（Causal）", "Causal"),
            Preset::Bidirectional => lang.pick("双向（Bidirectional）", "Bidirectional"),
            Preset::PrefixLm => "Prefix LM",
            Preset::ChatGlm6b => "ChatGLM-6B",
            Preset::GlmBlankInfilling => lang.pick("GLM 自回归填空", "GLM blank infilling"),
            Preset::PrefixTuning => "Prefix-tuning / P-tuning v2",
            Preset::SlidingWindow => lang.pick("滑动窗口", "Sliding window"),
            Preset::Gemma3 => "Gemma 3",
            Preset::Llama4Chunked => lang.pick("Llama 4 分块注意力", "Llama 4 chunked"),
            Preset::PackedDocuments => lang.pick("多文档打包", "Packed documents"),
            Preset::Custom => lang.pick("自定义组合", "Custom (AND / OR)"),
        }
    }

    /// One paragraph explaining the preset.
    pub fn about(self, lang: Lang) -> &'static str {
        super::about::about(self, lang)
    }

    /// Where the mask is defined: paper section or model code.
    pub fn source(self) -> &'static str {
        super::about::source(self)
    }
}

/// How `custom` combines its two masks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Op {
    /// Visible only where both masks allow it (attention-gym `and_masks`).
    #[default]
    And,
    /// Visible where either mask allows it (attention-gym `or_masks`).
    Or,
}

impl Op {
    pub fn slug(self) -> &'static str {
        match self {
            Op::And => "and",
            Op::Or => "or",
        }
    }

    pub fn from_slug(s: &str) -> Option<Op> {
        match s.trim().to_ascii_lowercase().as_str() {
            "and" => Some(Op::And),
            "or" => Some(Op::Or),
            _ => None,
        }
    }
}

/// The mask of the real tokens under prefix-tuning.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Base {
    #[default]
    Causal,
    ChatGlm6b,
}

impl Base {
    pub fn slug(self) -> &'static str {
        self.preset().slug()
    }

    pub fn from_slug(s: &str) -> Option<Base> {
        match Preset::from_slug(s)? {
            Preset::Causal => Some(Base::Causal),
            Preset::ChatGlm6b => Some(Base::ChatGlm6b),
            _ => None,
        }
    }

    /// The preset this base stands for.
    pub fn preset(self) -> Preset {
        match self {
            Base::Causal => Preset::Causal,
            Base::ChatGlm6b => Preset::ChatGlm6b,
        }
    }
}
