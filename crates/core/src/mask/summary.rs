//! One-line description of a built mask with its effective numbers.

use super::kind::{gemma3_is_global, llama4_is_global, Kind};
use super::preset::Op;
use super::Mask;
use crate::lang::Lang;

fn describe(kind: &Kind, n: u32, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let pick = |a: String, b: String| if zh { a } else { b };
    match kind {
        Kind::Causal => pick(
            format!("因果：第 q 行看 0…q（共 {n} 个 token）"),
            format!("causal: row q sees 0…q ({n} tokens)"),
        ),
        Kind::Bidirectional => pick(
            format!("双向：每个 token 看全部 {n} 个 token"),
            format!("bidirectional: every token sees all {n} tokens"),
        ),
        Kind::PrefixLm { prefix } => pick(
            format!("前 {prefix} 个 token 双向，其余 {} 个因果", n - prefix),
            format!(
                "first {prefix} tokens bidirectional, the other {} causal",
                n - prefix
            ),
        ),
        Kind::ChatGlm { prompt } => {
            let ctx = prompt + 1;
            pick(
                format!("{prompt} 个提示词 + [gMASK] = {ctx} 列上下文，所有行可见；第 {ctx} 个位置是 <sop>，之后因果（{} 个生成 token）", n - ctx - 1),
                format!("{prompt} prompt tokens + [gMASK] = {ctx} context columns seen by every row; <sop> at index {ctx}, causal from there ({} generated tokens)", n - ctx - 1),
            )
        }
        Kind::GlmBlank(l) => {
            let m = l.spans.len();
            pick(
                format!("Part A {} 个 token（含 {m} 个 [MASK]，双向）；Part B {} 个 token，{m} 个片段倒序排列（打乱），因果", l.part_a, n - l.part_a),
                format!("Part A: {} tokens with {m} [MASK] (bidirectional); Part B: {} tokens in {m} spans in reversed (shuffled) order, causal", l.part_a, n - l.part_a),
            )
        }
        Kind::PrefixTuning {
            virtual_tokens: p,
            base,
        } => {
            let b = describe(base, n, lang);
            pick(
                format!("{p} 个虚拟前缀列，所有真实 token 都能看到；真实部分：{b}"),
                format!("{p} virtual prefix columns seen by every real token; real part: {b}"),
            )
        }
        Kind::Sliding { window: w } => pick(
            format!("滑动窗口 {w}：第 q 行看 q−{w}+1…q"),
            format!("sliding window {w}: row q sees q−{w}+1…q"),
        ),
        Kind::Gemma3 { layer, window: w } => {
            let short = if *w >= n {
                pick(
                    format!("（窗口 ≥ n={n}，这条短序列上等同因果）"),
                    format!(" (window ≥ n = {n}: same as causal on this short sequence)"),
                )
            } else {
                String::new()
            };
            if gemma3_is_global(*layer) {
                pick(
                    format!("第 {layer} 层：全局因果层（每 6 层 1 层）"),
                    format!("layer {layer}: global causal layer (1 in every 6)"),
                )
            } else {
                pick(
                    format!("第 {layer} 层：局部滑动窗口 {w}{short}"),
                    format!("layer {layer}: local sliding window {w}{short}"),
                )
            }
        }
        Kind::Llama4 { layer, chunk } => {
            let short = if *chunk >= n {
                pick(
                    format!("（块 ≥ n={n}，只有一块，等同因果）"),
                    format!(" (chunk ≥ n = {n}: one chunk, same as causal)"),
                )
            } else {
                String::new()
            };
            if llama4_is_global(*layer) {
                pick(
                    format!("第 {layer} 层：全局因果，NoPE（不用 RoPE）"),
                    format!("layer {layer}: global causal, NoPE (no RoPE)"),
                )
            } else {
                pick(
                    format!("第 {layer} 层：分块局部注意力，块大小 {chunk}，用 RoPE{short}"),
                    format!(
                        "layer {layer}: chunked local attention, chunk {chunk}, with RoPE{short}"
                    ),
                )
            }
        }
        Kind::Docs { starts } => {
            let lens: Vec<String> = starts
                .iter()
                .zip(starts.iter().skip(1).chain(std::iter::once(&n)))
                .map(|(a, b)| (b - a).to_string())
                .collect();
            pick(
                format!(
                    "{} 篇文档，长度 {}，块对角因果",
                    starts.len(),
                    lens.join(",")
                ),
                format!(
                    "{} documents of lengths {}, block-diagonal causal",
                    starts.len(),
                    lens.join(",")
                ),
            )
        }
        Kind::Custom { op, a, b } => {
            let op = match op {
                Op::And => "AND",
                Op::Or => "OR",
            };
            format!("({}) {op} ({})", describe(a, n, lang), describe(b, n, lang))
        }
    }
}

impl Mask {
    /// The effective layout in one line, e.g. "layer 5: global causal layer (1 in every 6)".
    pub fn summary(&self, lang: Lang) -> String {
        describe(&self.kind, self.n, lang)
    }
}
