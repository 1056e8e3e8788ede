//! The resolved mask of one preset (`Kind`) and its row rule.

use super::about::{GEMMA3_PATTERN, LLAMA4_NOPE_INTERVAL};
use super::params::{MaskParams, Resolved};
use super::preset::{Op, Preset};
use super::rows::Row;

/// One span of GLM's Part B.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct GlmSpan {
    /// First token of the span in the original text (0-based).
    pub text_start: u32,
    /// Tokens in the span (without [S]).
    pub len: u32,
    /// Index of this span's [MASK] in Part A (its first position id).
    pub mask_pos: u32,
    /// Sequence index of the span's [S].
    pub b_start: u32,
}

/// GLM blank-infilling layout chosen deterministically from n.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct GlmLayout {
    /// Original text length L.
    pub text_len: u32,
    /// Length of Part A.
    pub part_a: u32,
    /// Spans in Part B order (shuffled: the reverse of text order).
    pub spans: Vec<GlmSpan>,
}

impl GlmLayout {
    /// Two spans for n ≥ 8 (n = 10 reproduces the paper's Figure 2), one span below.
    pub fn for_n(n: u32) -> GlmLayout {
        let m = if n >= 8 { 2 } else { 1 };
        let l = n - 2 * m;
        // (text_start, len) in text order.
        let mut text_spans = Vec::new();
        let s2 = (l / 3).max(1);
        let start2 = l - s2;
        if m == 2 {
            let s1 = (l / 6).max(1);
            let gap = ((start2 - s1) / 3).max(1);
            text_spans.push((start2 - s1 - gap, s1));
        }
        text_spans.push((start2, s2));
        // Part A: text with each span replaced by one [MASK].
        let mut mask_pos = Vec::new();
        let mut a_len = 0;
        let mut i = 0;
        for &(start, len) in &text_spans {
            a_len += start - i;
            mask_pos.push(a_len);
            a_len += 1;
            i = start + len;
        }
        a_len += l - i;
        let mut spans = Vec::new();
        let mut b = a_len;
        for (idx, &(start, len)) in text_spans.iter().enumerate().rev() {
            spans.push(GlmSpan {
                text_start: start,
                len,
                mask_pos: mask_pos[idx],
                b_start: b,
            });
            b += len + 1;
        }
        debug_assert_eq!(b, n);
        GlmLayout {
            text_len: l,
            part_a: a_len,
            spans,
        }
    }

    /// The Part B span holding sequence index `q`, with its order in Part B.
    pub fn span_of(&self, q: u32) -> Option<(usize, &GlmSpan)> {
        self.spans
            .iter()
            .enumerate()
            .find(|(_, s)| s.b_start <= q && q <= s.b_start + s.len)
    }
}

/// A preset with all its numbers resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Causal,
    Bidirectional,
    PrefixLm {
        prefix: u32,
    },
    /// `prompt` tokens, then [gMASK] at index `prompt`, <sop> at `prompt + 1`.
    ChatGlm {
        prompt: u32,
    },
    GlmBlank(GlmLayout),
    PrefixTuning {
        virtual_tokens: u32,
        base: Box<Kind>,
    },
    Sliding {
        window: u32,
    },
    Gemma3 {
        layer: u32,
        window: u32,
    },
    Llama4 {
        layer: u32,
        chunk: u32,
    },
    /// Start index of each document (first is 0).
    Docs {
        starts: Vec<u32>,
    },
    Custom {
        op: Op,
        a: Box<Kind>,
        b: Box<Kind>,
    },
}

pub(crate) fn gemma3_is_global(layer: u32) -> bool {
    (layer + 1).is_multiple_of(GEMMA3_PATTERN)
}

pub(crate) fn llama4_is_global(layer: u32) -> bool {
    (layer + 1).is_multiple_of(LLAMA4_NOPE_INTERVAL)
}

impl Kind {
    /// Resolves `preset` from the parameters. Inside `custom`, nested `custom` becomes causal
    /// and `prefix-tuning` becomes its base, so the shape stays square.
    pub fn build(preset: Preset, p: &MaskParams, nested: bool) -> Kind {
        let r: Resolved = p.resolve(preset);
        match preset {
            Preset::Causal => Kind::Causal,
            Preset::Bidirectional => Kind::Bidirectional,
            Preset::PrefixLm => Kind::PrefixLm { prefix: r.prefix },
            Preset::ChatGlm6b => Kind::ChatGlm { prompt: r.prefix },
            Preset::GlmBlankInfilling => Kind::GlmBlank(GlmLayout::for_n(r.n)),
            Preset::PrefixTuning => {
                let base = Kind::build(p.base.preset(), p, true);
                if nested {
                    base
                } else {
                    Kind::PrefixTuning {
                        virtual_tokens: r.virtual_tokens,
                        base: Box::new(base),
                    }
                }
            }
            Preset::SlidingWindow => Kind::Sliding { window: r.window },
            Preset::Gemma3 => Kind::Gemma3 {
                layer: r.layer,
                window: r.window,
            },
            Preset::Llama4Chunked => Kind::Llama4 {
                layer: r.layer,
                chunk: r.chunk,
            },
            Preset::PackedDocuments => {
                let mut starts = Vec::with_capacity(r.docs.len());
                let mut s = 0;
                for d in &r.docs {
                    starts.push(s);
                    s += d;
                }
                Kind::Docs { starts }
            }
            Preset::Custom if nested => Kind::Causal,
            Preset::Custom => Kind::Custom {
                op: p.op,
                a: Box::new(Kind::build(p.a, p, true)),
                b: Box::new(Kind::build(p.b, p, true)),
            },
        }
    }

    /// Virtual key columns before the real keys.
    pub fn virtual_tokens(&self) -> u32 {
        match self {
            Kind::PrefixTuning { virtual_tokens, .. } => *virtual_tokens,
            _ => 0,
        }
    }

    /// The real-token mask (the base of prefix-tuning, else itself).
    pub fn real(&self) -> &Kind {
        match self {
            Kind::PrefixTuning { base, .. } => base,
            k => k,
        }
    }

    /// Visible keys of query `q` among `n` real tokens (key indices include virtual columns).
    /// Also defined for `q >= n` (a token appended later), as long as the rule extends.
    pub fn row(&self, q: u32, n: u32) -> Row {
        let causal = Row::one(0, q + 1);
        match self {
            Kind::Causal => causal,
            Kind::Bidirectional => Row::one(0, n.max(q + 1)),
            Kind::PrefixLm { prefix } => Row::one(0, (q + 1).max(*prefix)),
            Kind::ChatGlm { prompt } => Row::one(0, (q + 1).max(prompt + 1)),
            Kind::GlmBlank(l) => Row::one(0, (q + 1).max(l.part_a)),
            Kind::PrefixTuning {
                virtual_tokens,
                base,
            } => {
                let mut r = Row::one(0, *virtual_tokens);
                for s in base.row(q, n).shift(*virtual_tokens).iter() {
                    r.push(*s);
                }
                r
            }
            Kind::Sliding { window } => Row::one((q + 1).saturating_sub(*window), q + 1),
            Kind::Gemma3 { layer, window } => {
                if gemma3_is_global(*layer) {
                    causal
                } else {
                    Row::one((q + 1).saturating_sub(*window), q + 1)
                }
            }
            Kind::Llama4 { layer, chunk } => {
                if llama4_is_global(*layer) {
                    causal
                } else {
                    Row::one(q - q % chunk, q + 1)
                }
            }
            Kind::Docs { starts } => {
                let d = Kind::doc_of(starts, q);
                Row::one(starts.get(d).copied().unwrap_or(0), q + 1)
            }
            Kind::Custom { op, a, b } => {
                let (ra, rb) = (a.row(q, n), b.row(q, n));
                match op {
                    Op::And => ra.intersect(&rb),
                    Op::Or => ra.union(&rb),
                }
            }
        }
    }

    /// Index of the document holding `q` (packed documents).
    pub fn doc_of(starts: &[u32], q: u32) -> usize {
        starts.partition_point(|&s| s <= q).saturating_sub(1)
    }
}
