//! URL parameters of the mask widget: parsing hostile input, defaults, writing back.

use super::about::{GEMMA3_WINDOW, LLAMA4_CHUNK};
use super::preset::{Base, Op, Preset};

/// Smallest sequence length.
pub const N_MIN: u32 = 4;
/// Largest sequence length.
pub const N_MAX: u32 = 8192;
/// Default sequence length.
pub const N_DEFAULT: u32 = 8;
/// Default number of prefix-tuning virtual tokens.
pub const VIRTUAL_DEFAULT: u32 = 2;
/// Largest layer index (Gemma 3 27B has 62 layers, Llama 4 Scout 48).
pub const LAYER_MAX: u32 = 127;
/// Most documents in `docs`.
pub const DOCS_MAX: usize = 64;
/// Longest `tokens` text, in characters.
pub const TOKENS_MAX_CHARS: usize = 2000;

/// Everything the mask widget keeps in its URL. `None` means "the preset's default".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MaskParams {
    pub preset: Preset,
    /// Number of (real) tokens = query rows, 4..=8192.
    pub n: u32,
    /// Prefix length (prefix-lm) or number of prompt tokens (chatglm-6b); default n/2.
    pub prefix: Option<u32>,
    /// Sliding window; default 3n/8 (sliding-window) or 1024 (gemma3).
    pub window: Option<u32>,
    /// Prefix-tuning virtual tokens P (URL `virtual`), 1..=n.
    pub virtual_tokens: u32,
    /// Llama 4 chunk size; default 8192.
    pub chunk: Option<u32>,
    /// Layer index for gemma3 / llama4-chunked (0-based).
    pub layer: u32,
    /// Packed document lengths (sum n); default 3n/8, n/4, rest.
    pub docs: Option<Vec<u32>>,
    /// The reader's own text for the labels.
    pub tokens: Option<String>,
    /// A second preset shown side by side.
    pub compare: Option<Preset>,
    /// Operands and operator of `custom`.
    pub a: Preset,
    pub b: Preset,
    pub op: Op,
    /// Base mask of the real tokens under prefix-tuning.
    pub base: Base,
}

impl Default for MaskParams {
    fn default() -> Self {
        MaskParams {
            preset: Preset::Causal,
            n: N_DEFAULT,
            prefix: None,
            window: None,
            virtual_tokens: VIRTUAL_DEFAULT,
            chunk: None,
            layer: 0,
            docs: None,
            tokens: None,
            compare: None,
            a: Preset::SlidingWindow,
            b: Preset::PackedDocuments,
            op: Op::And,
            base: Base::Causal,
        }
    }
}

/// The numbers one preset actually uses, after defaults and clamping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    pub n: u32,
    /// prefix-lm: prefix length (0..=n); chatglm-6b: prompt tokens (1..=n-3).
    pub prefix: u32,
    pub window: u32,
    pub virtual_tokens: u32,
    pub chunk: u32,
    pub layer: u32,
    /// Document lengths, summing to n.
    pub docs: Vec<u32>,
}

/// True when `preset` lays its real tokens out as ChatGLM-6B (prompt, [gMASK], <sop>, …).
pub(crate) fn glm_prompt(preset: Preset, base: Base) -> bool {
    preset == Preset::ChatGlm6b || (preset == Preset::PrefixTuning && base == Base::ChatGlm6b)
}

/// Default sliding window for the `sliding-window` demo.
pub fn default_window(n: u32) -> u32 {
    (n * 3 / 8).max(2)
}

/// Default document split of n: 3n/8, n/4 and the rest (3,2,3 for n = 8).
pub fn default_docs(n: u32) -> Vec<u32> {
    let a = (n * 3 / 8).max(1);
    let b = (n / 4).max(1);
    vec![a, b, n.saturating_sub(a + b).max(1)]
}

/// Makes document lengths sum to exactly n: drops zeros, cuts the excess, appends the rest
/// as one more document, at most [`DOCS_MAX`] documents. Idempotent.
pub fn normalize_docs(docs: &[u32], n: u32) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    let mut total = 0u32;
    for &d in docs {
        if d == 0 || total >= n {
            continue;
        }
        let take = d.min(n - total);
        if out.len() == DOCS_MAX {
            *out.last_mut().expect("non-empty") += take;
        } else {
            out.push(take);
        }
        total += take;
    }
    if total < n {
        if out.len() == DOCS_MAX {
            *out.last_mut().expect("non-empty") += n - total;
        } else {
            out.push(n - total);
        }
    }
    out
}

impl MaskParams {
    /// The effective numbers for `preset` (which may be `compare`, `a` or `b`).
    pub fn resolve(&self, preset: Preset) -> Resolved {
        let n = self.n.clamp(N_MIN, N_MAX);
        let prefix = self.prefix.unwrap_or(n / 2);
        let prefix = if glm_prompt(preset, self.base) {
            prefix.clamp(1, n - 3)
        } else {
            prefix.min(n)
        };
        let window = match (self.window, preset) {
            (Some(w), _) => w,
            (None, Preset::Gemma3) => GEMMA3_WINDOW,
            (None, _) => default_window(n),
        };
        let docs = normalize_docs(self.docs.as_deref().unwrap_or(&default_docs(n)), n);
        Resolved {
            n,
            prefix,
            window: window.max(1),
            virtual_tokens: self.virtual_tokens.clamp(1, n),
            chunk: self.chunk.unwrap_or(LLAMA4_CHUNK).max(1),
            layer: self.layer.min(LAYER_MAX),
            docs,
        }
    }

    /// The same parameters showing `compare` instead of `preset`, if a comparison is set.
    pub fn compare_params(&self) -> Option<MaskParams> {
        self.compare.map(|c| MaskParams {
            preset: c,
            ..self.clone()
        })
    }

    /// The parameters that differ from the defaults, in URL order
    /// (`preset, n, prefix, window, virtual, chunk, layer, docs, tokens, compare, a, b, op, base`).
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let d = MaskParams::default();
        let mut q: Vec<(&'static str, String)> = Vec::new();
        if self.preset != d.preset {
            q.push(("preset", self.preset.slug().into()));
        }
        if self.n != d.n {
            q.push(("n", self.n.to_string()));
        }
        if let Some(p) = self.prefix {
            q.push(("prefix", p.to_string()));
        }
        if let Some(w) = self.window {
            q.push(("window", w.to_string()));
        }
        if self.virtual_tokens != d.virtual_tokens {
            q.push(("virtual", self.virtual_tokens.to_string()));
        }
        if let Some(c) = self.chunk {
            q.push(("chunk", c.to_string()));
        }
        if self.layer != d.layer {
            q.push(("layer", self.layer.to_string()));
        }
        if let Some(docs) = &self.docs {
            let s: Vec<String> = docs.iter().map(u32::to_string).collect();
            q.push(("docs", s.join(",")));
        }
        if let Some(t) = &self.tokens {
            q.push(("tokens", t.clone()));
        }
        if let Some(c) = self.compare {
            q.push(("compare", c.slug().into()));
        }
        if self.a != d.a {
            q.push(("a", self.a.slug().into()));
        }
        if self.b != d.b {
            q.push(("b", self.b.slug().into()));
        }
        if self.op != d.op {
            q.push(("op", self.op.slug().into()));
        }
        if self.base != d.base {
            q.push(("base", self.base.slug().into()));
        }
        q
    }
}
