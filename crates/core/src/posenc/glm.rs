//! GLM's 2D positional encoding (Du et al., arXiv 2103.10360, §2.2) as ChatGLM-6B builds it.
//!
//! Part A is the corrupted text (with `[MASK]`/`[gMASK]` tokens); every masked span is
//! generated in Part B, starting with a start token (`<sop>` in ChatGLM-6B). Each token has
//! a *position id* — its index in Part A, or for a Part B token the index of its mask — and a
//! *block position id* — 0 in Part A, 1, 2, … inside a Part B span. Ids here are 0-based as in
//! ChatGLM-6B's `get_position_ids` (the paper's figure counts from 1).

/// One token of a layout with its two ids.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GlmToken {
    pub label: String,
    pub part_b: bool,
    pub position: u32,
    pub block: u32,
}

/// Ids for Part A of `part_a` tokens and Part B spans given as `(mask index in Part A,
/// tokens in the span including its start token)`, in Part B order.
pub fn ids(part_a: u32, spans: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = (0..part_a).map(|i| (i, 0)).collect();
    for &(mask, len) in spans {
        out.extend((1..=len).map(|b| (mask, b)));
    }
    out
}

const PROMPT: [&str; 12] = [
    "What",
    "is",
    "rotary",
    "position",
    "embedding",
    "and",
    "why",
    "do",
    "models",
    "use",
    "it",
    "?",
];
const ANSWER: [&str; 12] = [
    "It", "rotates", "each", "pair", "of", "query", "and", "key", "dims", "by", "an", "angle",
];

/// Longest prompt and answer of the ChatGLM example.
pub const MAX_PROMPT: u32 = PROMPT.len() as u32;
pub const MAX_GEN: u32 = ANSWER.len() as u32;

/// ChatGLM-6B's chat layout: `prompt` tokens, `[gMASK]`, `<sop>`, then `generated` tokens.
/// The `[gMASK]` ends Part A; `<sop>` and the generated tokens are its Part B span.
pub fn chat_example(prompt: u32, generated: u32) -> Vec<GlmToken> {
    let prompt = prompt.min(MAX_PROMPT);
    let generated = generated.min(MAX_GEN);
    let mut labels: Vec<&str> = PROMPT[..prompt as usize].to_vec();
    labels.push("[gMASK]");
    labels.push("<sop>");
    labels.extend(&ANSWER[..generated as usize]);
    let part_a = prompt + 1;
    ids(part_a, &[(prompt, generated + 1)])
        .into_iter()
        .zip(labels)
        .enumerate()
        .map(|(k, ((position, block), label))| GlmToken {
            label: label.to_string(),
            part_b: k as u32 >= part_a,
            position,
            block,
        })
        .collect()
}
