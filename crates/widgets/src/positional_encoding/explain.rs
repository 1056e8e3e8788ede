//! The explanation panel: what the chosen scheme does, in the reader's language, with the
//! numbers of the current state, and the sources of every fact.

use super::state::human;
use super::Params;
use explorables_core::lang::Lang;
use explorables_core::posenc::alibi::slopes;
use explorables_core::posenc::rope::{theta_i, wavelength};
use explorables_core::posenc::{PosencParams, Scheme};
use leptos::prelude::*;

fn rope_text(p: &PosencParams, l: Lang) -> Vec<String> {
    let d = p.head_dim;
    let lo = wavelength(d / 2 - 1, d, p.theta);
    let lo10k = wavelength(d / 2 - 1, d, 10_000.0);
    let ti = theta_i(p.dim, d, p.theta);
    match l {
        Lang::Zh => vec![
            format!("RoPE 把每个 head 的 {d} 维切成 {} 个二维对，第 i 对在位置 m 旋转 m·θᵢ，θᵢ = θ^(−2i/d)。q 在 m、k 在 n 时，两者点积只取决于 m − n：位置信息变成了相对位置。", d / 2),
            format!("当前第 {} 对：θᵢ = {:.6}，每 {} 个 token 转一整圈。i 越大频率越低：最低频的一对波长为 {} token（θ = 10000 时为 {}）。", p.dim, ti, human(wavelength(p.dim, d, p.theta), 1), human(lo, 0), human(lo10k, 0)),
            "曲线是 q = k = 每对 (1, 0) 时的相对分数 (2/d)·Σᵢ cos(Δ·θᵢ)：Δ = 0 时为 1，随距离整体衰减（RoFormer §3.4 的“远程衰减”）。".into(),
            "θ 越大，低频维度转得越慢，远距离的位置仍能区分、不会绕回，因此长上下文模型调大 θ：Llama 3 为 500000，Qwen3 为 1000000（见各自 config.json 的 rope_theta）。".into(),
        ],
        Lang::En => vec![
            format!("RoPE cuts each head's {d} dims into {} 2D pairs; pair i is rotated by m·θᵢ at position m, with θᵢ = θ^(−2i/d). With q at m and k at n their dot product depends only on m − n: position becomes relative position.", d / 2),
            format!("Pair {} now: θᵢ = {:.6}, one full turn every {} tokens. Higher i turns slower: the lowest-frequency pair has a wavelength of {} tokens ({} at θ = 10000).", p.dim, ti, human(wavelength(p.dim, d, p.theta), 1), human(lo, 0), human(lo10k, 0)),
            "The chart is the relative score (2/d)·Σᵢ cos(Δ·θᵢ) for q = k = (1, 0) in every pair: 1 at Δ = 0, decaying with distance on the whole (RoFormer §3.4, long-term decay).".into(),
            "A larger θ makes the slow pairs slower, so far-apart positions stay distinguishable instead of wrapping around; long-context models raise it: Llama 3 uses 500000, Qwen3 1000000 (rope_theta in their config.json).".into(),
        ],
    }
}

fn scheme_text(p: &PosencParams, l: Lang) -> Vec<String> {
    match p.scheme {
        Scheme::Rope => rope_text(p, l),
        Scheme::Nope => match l {
            Lang::Zh => vec![
                "NoPE：不加任何位置编码。因果掩码本身就泄露了顺序——位置 m 的 token 只能看到 m + 1 个 token，所以模型仍可推断位置（Kazemnejad 等，2023）。".into(),
                "SmolLM3-3B 共 36 层，config.json 里的 no_rope_layers 逐层给出 1（用 RoPE）或 0（NoPE）：每第 4 层不用 RoPE，即第 3, 7, 11, …, 35 层（从 0 数）。其余层 RoPE 的 θ 在长上下文阶段提到 5000000。".into(),
                "图中 NoPE 层的分数与距离无关（水平线 1）：是否靠前只由掩码和内容决定。".into(),
            ],
            Lang::En => vec![
                "NoPE: no positional encoding at all. The causal mask alone leaks order — a token at position m sees exactly m + 1 tokens — so the model can still infer positions (Kazemnejad et al., 2023).".into(),
                "SmolLM3-3B has 36 layers; no_rope_layers in its config.json holds 1 (RoPE) or 0 (NoPE) per layer: every 4th layer drops RoPE, layers 3, 7, 11, …, 35 (0-based). The other layers' RoPE θ was raised to 5000000 in the long-context stage.".into(),
                "In the chart a NoPE layer's score does not depend on distance (flat line at 1): only the mask and the content matter.".into(),
            ],
        },
        Scheme::Irope => match l {
            Lang::Zh => vec![
                "iRoPE（Llama 4）：层间交错。Llama-4-Scout 共 48 层，no_rope_layers 默认每第 4 层为 0：第 3, 7, …, 47 层（从 0 数）是不旋转的全局注意力层，其余 36 层用 RoPE（rope_theta = 500000），并只在 8192 个 token 的块内注意（attention_chunk_size = 8192）。".into(),
                format!("位置 m = {} 的 query：RoPE 层只看到本块内的 {} 个 key；NoPE 层看到全部 {} 个，并把 query 乘以温度 ln(⌊(m+1)/8192⌋+1)·0.1+1（attn_temperature_tuning），让长序列上的注意力不至于被摊平。", p.pos, p.pos % 8192 + 1, p.pos + 1),
                "config 里还有 rope_scaling（llama3 类型，factor 16），本图未计入。".into(),
            ],
            Lang::En => vec![
                "iRoPE (Llama 4): interleaved layers. Llama-4-Scout has 48 layers; no_rope_layers defaults to 0 for every 4th layer: layers 3, 7, …, 47 (0-based) are global attention without rotation; the other 36 use RoPE (rope_theta = 500000) and attend only within chunks of 8192 tokens (attention_chunk_size = 8192).".into(),
                format!("A query at m = {}: a RoPE layer sees the {} keys of its chunk; a NoPE layer sees all {} and scales the query by the temperature ln(⌊(m+1)/8192⌋+1)·0.1+1 (attn_temperature_tuning) so attention does not flatten over long sequences.", p.pos, p.pos % 8192 + 1, p.pos + 1),
                "The config also has rope_scaling (llama3 type, factor 16), which this chart leaves out.".into(),
            ],
        },
        Scheme::Alibi => {
            let s = slopes(p.heads);
            let pow2 = p.heads.is_power_of_two();
            match l {
                Lang::Zh => vec![
                    "ALiBi 不给词向量加位置，而是在注意力分数上加偏置 −m_h·(i − j)：距离越远罚得越多，每个头的斜率 m_h 不同。".into(),
                    format!("H 为 2 的幂时 m_h = 2^(−8h/H)，h = 1…H，是等比数列。{}", if pow2 { format!("当前 H = {} 正是如此：{:.4} … {:.6}。", p.heads, s[0], s[s.len() - 1]) } else { format!("当前 H = {} 不是 2 的幂：参考代码先取最接近的 2 的幂 P 的斜率，再从 2P 的斜率里隔一个取一个补足。", p.heads) }),
                    "BLOOM（n_head = 112）和 Baichuan2-13B（40 个头）都用这套斜率；斜率小的头看得更远。".into(),
                ],
                Lang::En => vec![
                    "ALiBi adds no position to the embeddings; it adds a bias −m_h·(i − j) to the attention scores: farther keys are penalised more, with a different slope m_h per head.".into(),
                    format!("For H a power of two, m_h = 2^(−8h/H), h = 1…H, a geometric sequence. {}", if pow2 { format!("H = {} is one: {:.4} … {:.6}.", p.heads, s[0], s[s.len() - 1]) } else { format!("H = {} is not: the reference code takes the slopes of the closest smaller power of two P, then every other slope of 2P until there are H.", p.heads) }),
                    "BLOOM (n_head = 112) and Baichuan2-13B (40 heads) use these slopes; heads with small slopes look far back.".into(),
                ],
            }
        }
        Scheme::Glm2d => match l {
            Lang::Zh => vec![
                "GLM 的二维位置（GLM 论文 §2.2）：A 部分是带 [MASK] 的原文，B 部分逐个生成被遮住的片段。每个 token 有两个 id：位置 id（A 部分为自身下标，B 部分的 token 都取其 [MASK] 的位置）和块内位置 id（A 部分为 0，B 部分片段内为 1, 2, …）。".into(),
                "ChatGLM-6B 对话时输入为“提示词 [gMASK] <sop>”，回答即 [gMASK] 对应的 B 部分：位置 id 停在 [gMASK] 的下标不再增长，块内位置 id 从 <sop> 的 1 开始递增。".into(),
                "ChatGLM-6B 把每个 head 的 128 维分成两半：前一半按位置 id 做 RoPE，后一半按块内位置 id 做 RoPE（position_encoding_2d = true）。".into(),
            ],
            Lang::En => vec![
                "GLM's 2D positions (GLM paper §2.2): Part A is the text with [MASK]s, Part B generates the masked spans. Each token has two ids: a position id (its index in Part A; every Part B token takes the position of its [MASK]) and a block position id (0 in Part A, 1, 2, … within a Part B span).".into(),
                "In chat, ChatGLM-6B's input is \"prompt [gMASK] <sop>\" and the answer is the Part B span of [gMASK]: the position id stays at the [gMASK] index while the block position id counts up from 1 at <sop>.".into(),
                "ChatGLM-6B splits each head's 128 dims in two halves: the first half gets RoPE by the position id, the second by the block position id (position_encoding_2d = true).".into(),
            ],
        },
    }
}

fn sources(s: Scheme) -> Vec<(&'static str, &'static str)> {
    let mut v = vec![(
        "RoFormer (Su et al., arXiv 2104.09864)",
        "https://arxiv.org/abs/2104.09864",
    )];
    match s {
        Scheme::Rope => v.extend([
            ("Llama-3.1-8B config.json (rope_theta 500000)", "https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/config.json"),
            ("Qwen3-8B config.json (rope_theta 1000000)", "https://huggingface.co/Qwen/Qwen3-8B/blob/main/config.json"),
        ]),
        Scheme::Nope => v.extend([
            ("Kazemnejad et al. 2023, NoPE (arXiv 2305.19466)", "https://arxiv.org/abs/2305.19466"),
            ("SmolLM3 blog (NoPE every 4th layer, θ 5M)", "https://huggingface.co/blog/smollm3"),
            ("SmolLM3-3B config.json", "https://huggingface.co/HuggingFaceTB/SmolLM3-3B/blob/main/config.json"),
        ]),
        Scheme::Irope => v.extend([
            ("Llama-4-Scout-17B-16E config.json", "https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E/blob/main/config.json"),
            ("transformers configuration_llama4.py", "https://github.com/huggingface/transformers/blob/main/src/transformers/models/llama4/configuration_llama4.py"),
        ]),
        Scheme::Alibi => {
            v = vec![
                ("ALiBi (Press et al., arXiv 2108.12409)", "https://arxiv.org/abs/2108.12409"),
                ("Reference get_slopes", "https://github.com/ofirpress/attention_with_linear_biases"),
                ("BLOOM config.json (n_head 112)", "https://huggingface.co/bigscience/bloom/blob/main/config.json"),
                ("Baichuan2-13B-Base config.json", "https://huggingface.co/baichuan-inc/Baichuan2-13B-Base/blob/main/config.json"),
            ]
        }
        Scheme::Glm2d => v.extend([
            ("GLM (Du et al., arXiv 2103.10360) §2.2", "https://arxiv.org/abs/2103.10360"),
            ("ChatGLM-6B config.json / modeling_chatglm.py", "https://huggingface.co/THUDM/chatglm-6b/tree/main"),
        ]),
    }
    v
}

#[component]
pub fn Explanation(params: Params, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let l = lang.get();
        let (paras, links) = params.with(|p| (scheme_text(p, l), sources(p.scheme)));
        view! {
            <div class="pe-explain" data-testid="pe-explain">
                {paras.into_iter().map(|t| view! { <p>{t}</p> }).collect_view()}
                <p class="pe-sources-title"><strong>{l.pick("来源", "Sources")}</strong></p>
                <ul class="pe-sources">
                    {links.into_iter().map(|(t, u)| view! { <li><a href=u target="_blank" rel="noopener">{t}</a></li> }).collect_view()}
                </ul>
            </div>
        }
    }
}
