//! Token labels and GLM 2D position ids.

use super::kind::Kind;
use super::params::N_MAX;

/// Longest label drawn on the heatmap, in characters (longer ones end in `…`).
pub const LABEL_MAX_CHARS: usize = 16;

/// Han, kana, Hangul, CJK punctuation and full-width forms.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x2FFFF)
}

fn short(s: &str) -> String {
    if s.chars().count() <= LABEL_MAX_CHARS {
        return s.to_string();
    }
    let mut t: String = s.chars().take(LABEL_MAX_CHARS - 1).collect();
    t.push('…');
    t
}

/// Splits the reader's text into display tokens: on whitespace, or, for one run of CJK text
/// without spaces, one token per CJK character (other characters stay grouped: `我爱NLP`
/// → `我`, `爱`, `NLP`). At most [`N_MAX`] tokens, each at most [`LABEL_MAX_CHARS`] chars.
pub fn split_tokens(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    if let [word] = words[..] {
        if word.chars().any(is_cjk) {
            let mut run = String::new();
            for c in word.chars() {
                if is_cjk(c) {
                    if !run.is_empty() {
                        out.push(std::mem::take(&mut run));
                    }
                    out.push(c.to_string());
                } else {
                    run.push(c);
                }
            }
            if !run.is_empty() {
                out.push(run);
            }
            return out.iter().take(N_MAX as usize).map(|s| short(s)).collect();
        }
    }
    words
        .iter()
        .take(N_MAX as usize)
        .map(|s| short(s))
        .collect()
}

/// One real token position: filled from the reader's text, or a fixed special token.
enum Slot {
    /// Index into the reader's tokens and the label used when there is no such token.
    Text(u32, String),
    Special(&'static str),
}

fn has_layout(kind: &Kind) -> bool {
    matches!(kind, Kind::ChatGlm { .. } | Kind::GlmBlank(_))
}

/// The kind whose token layout is shown: `custom` uses `a`, or `b` if only `b` has one.
fn layout_kind(kind: &Kind) -> &Kind {
    match kind {
        Kind::PrefixTuning { base, .. } => layout_kind(base),
        Kind::Custom { a, b, .. } if !has_layout(a) && has_layout(b) => layout_kind(b),
        Kind::Custom { a, .. } => layout_kind(a),
        k => k,
    }
}

fn slots(kind: &Kind, n: u32) -> Vec<Slot> {
    match layout_kind(kind) {
        Kind::ChatGlm { prompt } => (0..n)
            .map(|i| match i {
                i if i < *prompt => Slot::Text(i, format!("x{}", i + 1)),
                i if i == *prompt => Slot::Special("[gMASK]"),
                i if i == prompt + 1 => Slot::Special("<sop>"),
                i => Slot::Text(i - 2, format!("y{}", i - prompt - 1)),
            })
            .collect(),
        Kind::GlmBlank(l) => {
            let mut out = Vec::with_capacity(n as usize);
            let mut text_order: Vec<_> = l.spans.iter().collect();
            text_order.sort_by_key(|s| s.text_start);
            let mut i = 0;
            for s in text_order {
                out.extend((i..s.text_start).map(|t| Slot::Text(t, format!("x{}", t + 1))));
                out.push(Slot::Special("[MASK]"));
                i = s.text_start + s.len;
            }
            out.extend((i..l.text_len).map(|t| Slot::Text(t, format!("x{}", t + 1))));
            for s in &l.spans {
                out.push(Slot::Special("[S]"));
                let text = s.text_start..s.text_start + s.len;
                out.extend(text.map(|t| Slot::Text(t, format!("x{}", t + 1))));
            }
            out
        }
        _ => (0..n)
            .map(|i| Slot::Text(i, format!("x{}", i + 1)))
            .collect(),
    }
}

/// Query labels (the n real tokens) and key labels (`p1…pP` virtual columns, then the real ones).
pub(crate) fn labels(kind: &Kind, n: u32, tokens: Option<&str>) -> (Vec<String>, Vec<String>) {
    let words = tokens.map(split_tokens).unwrap_or_default();
    let queries: Vec<String> = slots(kind, n)
        .into_iter()
        .map(|s| match s {
            Slot::Text(i, default) => words.get(i as usize).cloned().unwrap_or(default),
            Slot::Special(s) => s.to_string(),
        })
        .collect();
    let p = kind.virtual_tokens();
    let mut keys: Vec<String> = (1..=p).map(|i| format!("p{i}")).collect();
    keys.extend(queries.iter().cloned());
    (queries, keys)
}

/// GLM 2D position ids `[position, block position]` of the n real tokens, for GLM layouts.
pub(crate) fn position_ids(kind: &Kind, n: u32) -> Option<Vec<[u32; 2]>> {
    match layout_kind(kind) {
        Kind::ChatGlm { prompt } => {
            // context_length = index of <sop>; mask position = index of [gMASK].
            let ctx = prompt + 1;
            Some(
                (0..n)
                    .map(|i| {
                        if i < ctx {
                            [i, 0]
                        } else {
                            [*prompt, i - ctx + 1]
                        }
                    })
                    .collect(),
            )
        }
        Kind::GlmBlank(l) => {
            let mut ids: Vec<[u32; 2]> = (0..l.part_a).map(|i| [i, 0]).collect();
            for s in &l.spans {
                ids.extend((0..=s.len).map(|j| [s.mask_pos, j + 1]));
            }
            Some(ids)
        }
        _ => None,
    }
}
