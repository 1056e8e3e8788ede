//! Why a cell is visible or hidden, in words (zh / en), specific to the preset and the cell.
//!
//! The verdict here is derived from each preset's definition independently of the row
//! intervals; the tests check that both agree on every cell.

use super::kind::{gemma3_is_global, llama4_is_global, GlmLayout, Kind};
use super::preset::Op;
use super::Mask;
use crate::lang::Lang;

/// One cell being explained: indices in real-token coordinates plus display names.
struct Cell<'a> {
    q: u32,
    k: u32,
    qs: &'a str,
    ks: &'a str,
    lang: Lang,
}

impl Cell<'_> {
    fn say(&self, zh: String, en: String) -> String {
        match self.lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

type Verdict = (bool, String);

/// Plain causal rule, prefixed by `scope` (already in the reader's language).
fn causal(c: &Cell, scope: &str) -> Verdict {
    let (q, k, ks) = (c.q, c.k, c.ks);
    if k == q {
        (
            true,
            c.say(
                format!("{scope}每个 token 都能看到自己（对角线）"),
                format!("{scope}every token attends to itself (the diagonal)"),
            ),
        )
    } else if k < q {
        (true, c.say(format!("{scope}{ks} 在前面（{k} < {q}），因果掩码让 token 看到自己和之前的全部 token"), format!("{scope}{ks} comes earlier ({k} < {q}), and a causal mask shows a token itself and everything before it")))
    } else {
        (false, c.say(format!("{scope}{ks} 在后面（{k} > {q}），因果掩码不让 token 看未来，否则训练时就泄露了答案"), format!("{scope}{ks} comes later ({k} > {q}); a causal mask never shows future tokens, otherwise training would leak the answer")))
    }
}

fn window(c: &Cell, w: u32, scope: &str) -> Verdict {
    if c.k > c.q {
        return causal(c, scope);
    }
    let (d, ks, qs) = (c.q - c.k, c.ks, c.qs);
    let (lo, q) = ((c.q + 1).saturating_sub(w), c.q);
    if d < w {
        (
            true,
            c.say(
                format!("{scope}{ks} 在 {d} 个位置之前，落在宽 {w} 的窗口内（键 {lo}…{q}）"),
                format!(
                    "{scope}{ks} is {d} positions back, inside the window of {w} (keys {lo}…{q})"
                ),
            ),
        )
    } else {
        (false, c.say(format!("{scope}{ks} 在 {d} 个位置之前，超出宽 {w} 的窗口；但它的信息仍可经多层间接传到 {qs}：叠 L 层后感受野是 L·({w}−1)+1 个 token"), format!("{scope}{ks} is {d} positions back, outside the window of {w}; its information can still reach {qs} indirectly through stacked layers (after L layers the receptive field is L·({w}−1)+1 tokens)")))
    }
}

fn prefix_lm(c: &Cell, prefix: u32) -> Verdict {
    let (ks, qs) = (c.ks, c.qs);
    match (c.q < prefix, c.k < prefix) {
        (true, true) => (true, c.say(format!("两者都在前缀（前 {prefix} 个 token）里，前缀内部是双向的"), format!("both are in the prefix (the first {prefix} tokens), which is bidirectional"))),
        (false, true) => (true, c.say(format!("{ks} 在前缀里，前缀之后的每个 token 都能看到整个前缀"), format!("{ks} is in the prefix, which every later token sees in full"))),
        (true, false) => (false, c.say(format!("{ks} 在前缀之后的生成部分，前缀 token（如 {qs}）看不到要生成的内容"), format!("{ks} is in the generated part after the prefix; prefix tokens such as {qs} cannot see what is being generated"))),
        (false, false) => causal(c, &c.say("前缀之后是因果的：".into(), "after the prefix the mask is causal: ".into())),
    }
}

fn chatglm(c: &Cell, prompt: u32) -> Verdict {
    let (ks, qs, ctx) = (c.ks, c.qs, prompt + 1);
    match (c.q < ctx, c.k < ctx) {
        (true, true) => (true, c.say(format!("两者都在上下文里（提示词 + [gMASK]，即 <sop> 之前的 {ctx} 列），get_masks 用 attention_mask[..., :context_length] = 1 让这部分双向可见"), format!("both are in the context (prompt + [gMASK], the {ctx} columns before <sop>); get_masks sets attention_mask[..., :context_length] = 1, so the context is bidirectional"))),
        (false, true) => (true, c.say(format!("{ks} 在双向上下文（提示词 + [gMASK]）里，每一行都能看到上下文"), format!("{ks} is in the bidirectional context (prompt + [gMASK]), which every row sees"))),
        (true, false) => (false, c.say(format!("{ks} 在 <sop> 或之后（生成部分），上下文里的 {qs} 看不到它：这是 tril_() 留下的上三角"), format!("{ks} is at or after <sop> (the generated part); {qs} is in the context and cannot see it: this is the upper triangle left by tril_()"))),
        (false, false) => causal(c, &c.say("从 <sop> 起是因果的（tril_）：".into(), "from <sop> on the mask is causal (tril_): ".into())),
    }
}

fn glm_blank(c: &Cell, l: &GlmLayout) -> Verdict {
    let (ks, qs, a) = (c.ks, c.qs, l.part_a);
    match (c.q < a, c.k < a) {
        (true, true) => (true, c.say(format!("两者都在 Part A（带 [MASK] 的残缺原文，前 {a} 个 token），Part A 内部像 BERT 一样双向"), format!("both are in Part A (the corrupted text with [MASK]s, the first {a} tokens), which is bidirectional like BERT"))),
        (false, true) => (true, c.say(format!("{ks} 在 Part A，Part B 的每个 token 都能看到整个 Part A"), format!("{ks} is in Part A, and every Part B token sees all of Part A"))),
        (true, false) => (false, c.say(format!("{ks} 在 Part B（被抽走的片段，即答案），Part A 的 {qs} 看不到答案"), format!("{ks} is in Part B (the removed spans, i.e. the answers); {qs} is in Part A and cannot see them"))),
        (false, false) => {
            let sq = l.span_of(c.q).map_or(0, |(i, _)| i + 1);
            let sk = l.span_of(c.k).map_or(0, |(i, _)| i + 1);
            if c.k > c.q {
                let why = c.say(format!("{ks} 在 Part B 中更靠后，Part B 按顺序自回归生成："), format!("{ks} comes later in Part B, which is generated autoregressively: "));
                causal(c, &why)
            } else if sq == sk {
                causal(c, &c.say(format!("两者在 Part B 的同一个片段（第 {sq} 段）里，片段内因果："), format!("both are in the same Part B span (span {sq}), causal inside it: ")))
            } else {
                (true, c.say(format!("{ks} 属于第 {sk} 段，打乱后的顺序里它先于第 {sq} 段生成，Part B 跨片段也是因果的"), format!("{ks} belongs to span {sk}, generated before span {sq} in the shuffled order; Part B is causal across spans too")))
            }
        }
    }
}

fn docs(c: &Cell, starts: &[u32]) -> Verdict {
    let (dq, dk) = (Kind::doc_of(starts, c.q) + 1, Kind::doc_of(starts, c.k) + 1);
    let (ks, qs) = (c.ks, c.qs);
    if dq != dk {
        (false, c.say(format!("{ks} 属于第 {dk} 篇文档，{qs} 属于第 {dq} 篇；打包时不允许跨文档注意力，否则不相关的文档会互相影响"), format!("{ks} belongs to document {dk} and {qs} to document {dq}; packing forbids attention across documents, so unrelated texts cannot leak into each other")))
    } else {
        causal(
            c,
            &c.say(
                format!("两者同在第 {dq} 篇文档，文档内因果："),
                format!("both are in document {dq}, causal inside it: "),
            ),
        )
    }
}

fn reason(kind: &Kind, c: &Cell) -> Verdict {
    match kind {
        Kind::Causal => causal(c, ""),
        Kind::Bidirectional => (
            true,
            c.say(
                "编码器（BERT）里每个 token 都能看到所有 token，无论前后".into(),
                "in an encoder (BERT) every token sees every token, before and after it".into(),
            ),
        ),
        Kind::PrefixLm { prefix } => prefix_lm(c, *prefix),
        Kind::ChatGlm { prompt } => chatglm(c, *prompt),
        Kind::GlmBlank(l) => glm_blank(c, l),
        Kind::PrefixTuning { base, .. } => reason(base, c),
        Kind::Sliding { window: w } => window(c, *w, ""),
        Kind::Gemma3 { layer, window: w } => {
            if gemma3_is_global(*layer) {
                causal(
                    c,
                    &c.say(
                        format!("第 {layer} 层是全局层（每 6 层的最后一层），普通因果："),
                        format!(
                            "layer {layer} is a global layer (the last of every 6), plain causal: "
                        ),
                    ),
                )
            } else {
                window(
                    c,
                    *w,
                    &c.say(
                        format!("第 {layer} 层是局部滑动窗口层（5 局部 : 1 全局）："),
                        format!(
                            "layer {layer} is a local sliding-window layer (5 local : 1 global): "
                        ),
                    ),
                )
            }
        }
        Kind::Llama4 { layer, chunk } => {
            if llama4_is_global(*layer) {
                return causal(c, &c.say(format!("第 {layer} 层是全局 NoPE 层（每 4 层一层，不用 RoPE），普通因果："), format!("layer {layer} is a global NoPE layer (every 4th, no RoPE), plain causal: ")));
            }
            let (cq, ck) = (c.q / chunk, c.k / chunk);
            if cq != ck {
                let (ks, qs) = (c.ks, c.qs);
                (false, c.say(format!("第 {layer} 层是分块局部注意力（块大小 {chunk}）：{ks} 在第 {ck} 块，{qs} 在第 {cq} 块，只能看自己块内的 token"), format!("layer {layer} uses chunked local attention (chunk {chunk}): {ks} is in chunk {ck} and {qs} in chunk {cq}, and a token only sees its own chunk")))
            } else {
                causal(c, &c.say(format!("第 {layer} 层分块（块大小 {chunk}），两者同在第 {cq} 块，块内因果："), format!("layer {layer} is chunked (chunk {chunk}); both are in chunk {cq}, causal inside it: ")))
            }
        }
        Kind::Docs { starts } => docs(c, starts),
        Kind::Custom { op, a, b } => {
            let ((va, ra), (vb, rb)) = (reason(a, c), reason(b, c));
            let v = match op {
                Op::And => va && vb,
                Op::Or => va || vb,
            };
            let yes = |x: bool| match (c.lang, x) {
                (Lang::Zh, true) => "可见",
                (Lang::Zh, false) => "不可见",
                (Lang::En, true) => "visible",
                (Lang::En, false) => "hidden",
            };
            let rule = match (op, c.lang) {
                (Op::And, Lang::Zh) => "AND：两个掩码都允许才可见",
                (Op::And, Lang::En) => "AND: visible only if both masks allow it",
                (Op::Or, Lang::Zh) => "OR：任一掩码允许即可见",
                (Op::Or, Lang::En) => "OR: visible if either mask allows it",
            };
            let text = match c.lang {
                Lang::Zh => format!("{rule}。a → {}（{ra}）；b → {}（{rb}）", yes(va), yes(vb)),
                Lang::En => format!("{rule}. a → {} ({ra}); b → {} ({rb})", yes(va), yes(vb)),
            };
            (v, text)
        }
    }
}

impl Mask {
    /// Why query `q` can or cannot see key `k`, specific to this preset and cell.
    pub fn explain(&self, q: u32, k: u32, lang: Lang) -> String {
        if q >= self.n || k >= self.n_keys {
            return lang.pick("超出范围的格子", "cell out of range").to_string();
        }
        let qs = format!("{} (q={q})", self.queries[q as usize]);
        let ks = format!("{} (k={k})", self.keys[k as usize]);
        let p = self.kind.virtual_tokens();
        let (visible, why) = if k < p {
            let why = lang.pick(
                "它是虚拟前缀的键/值（可训练向量，拼在每一层的 K/V 前面），每个真实 token 都能看到全部虚拟列；虚拟 token 自己没有查询行，不看任何 token",
                "it is a virtual prefix key/value (a trained vector prepended to K/V at every layer); every real query sees all virtual columns, and the virtual tokens have no query rows, so they attend to nothing",
            );
            (true, why.to_string())
        } else {
            let c = Cell {
                q,
                k: k - p,
                qs: &qs,
                ks: &ks,
                lang,
            };
            reason(&self.kind, &c)
        };
        let mut out = match (lang, visible) {
            (Lang::Zh, true) => format!("{qs} 能看到 {ks}：{why}。"),
            (Lang::Zh, false) => format!("{qs} 看不到 {ks}：{why}。"),
            (Lang::En, true) => format!("{qs} can see {ks}: {why}."),
            (Lang::En, false) => format!("{qs} cannot see {ks}: {why}."),
        };
        if let (Some(pos), true) = (&self.positions, k >= p) {
            let (a, b) = (pos[q as usize], pos[(k - p) as usize]);
            let (lq, lk) = (&self.queries[q as usize], &self.keys[k as usize]);
            out.push_str(&match lang {
                Lang::Zh => format!("二维位置：{lq} = {a:?}，{lk} = {b:?}。"),
                Lang::En => format!(" 2D positions: {lq} = {a:?}, {lk} = {b:?}."),
            });
        }
        out
    }
}
