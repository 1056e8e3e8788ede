//! The text under the chart (changes with the scheme and QK-Norm) and the sources.

use super::{Params, Run};
use crate::i18n::tr;
use explorables_core::lang::Lang;
use explorables_core::norm::Scheme;
use leptos::prelude::*;

/// Why this placement behaves the way the chart shows, in the reader's language.
pub fn scheme_text(s: Scheme, lang: Lang) -> &'static str {
    match s {
        Scheme::PostLn => lang.pick(
            "Post-LN（Vaswani 等 2017 §3.1：LayerNorm(x + Sublayer(x))；BERT 也如此）在每次相加之后归一化残差流，所以每块之后 RMS 都是 1，也不需要最终 norm。代价在梯度：Xiong 等（2020）用平均场理论证明，初始化时靠近输出层的参数梯度期望值很大，大学习率会让训练不稳定，因此 Post-LN 需要学习率 warm-up；他们发现 Pre-LN 去掉 warm-up 也能训练。",
            "Post-LN (Vaswani et al. 2017 §3.1: LayerNorm(x + Sublayer(x)); BERT too) normalises the stream after every add, so its RMS is 1 after every block and no final norm is needed. The price is in the gradients: Xiong et al. (2020) prove with mean-field theory that at initialisation the expected gradients of the parameters near the output are large, so a large learning rate makes training unstable — hence Post-LN's learning-rate warm-up. They found Pre-LN trains without it.",
        ),
        Scheme::PreLn => lang.pick(
            "Pre-LN（GPT-2 把 LayerNorm 移到每个子块的输入，并在最后加一个 LayerNorm；Llama 用 RMSNorm 做同样的事）只归一化子层读到的东西。残差流本身是 x + F₁ + F₂ + … 的和，从不缩放，所以 RMS 随深度增长；每块加上的更新大小差不多，于是越往后的块相对改变越小（更新比下降），后面的层作用变小。恒等路径让梯度直达底层，训练更容易（Xiong 等 2020）。",
            "Pre-LN (GPT-2 moved LayerNorm to the input of each sub-block and added one after the last block; Llama does the same with RMSNorm) normalises only what each sublayer reads. The stream itself is the sum x + F₁ + F₂ + … and is never rescaled, so its RMS grows with depth. Each block adds an update of roughly the same size, so later blocks change the stream relatively less (the update ratio falls): later layers matter less. The identity path carries gradients straight down, which makes training easier (Xiong et al. 2020).",
        ),
        Scheme::Olmo2 => lang.pick(
            "OLMo 2 把 RMSNorm 放在注意力和 MLP 的输出上（在残差相加之前），输入不做 norm。每个子层写回的东西 RMS 为 1，所以残差流只按每个子层约 1 的均方增长，与权重大小无关；恒等路径保留。但注意力读的是未归一化、不断变大的残差流，没有 QK-Norm 时 logit 会随深度和 gain² 一起暴涨——OLMo 2 同时采用了 QK-Norm。报告把这两个改动一起作为稳定性措施引入。",
            "OLMo 2 puts RMSNorm on the outputs of attention and the MLP (before the residual add) and none on their inputs. What each sublayer writes back has RMS 1, so the stream grows only by about 1 in mean square per sublayer, whatever the size of the weights, and the identity path stays. But attention reads the raw, growing stream: without QK-Norm its logits blow up with depth and with gain² — OLMo 2 adopts QK-Norm as well. The report introduces both changes together as stability fixes.",
        ),
        Scheme::Gemma3 => lang.pick(
            "Gemma 3（与 Gemma 2 一样）在每个子层前后都放 RMSNorm：输入尺度合适，写回的更新也有界；残差流像 OLMo 2 一样缓慢增长。Gemma 3 用 QK-Norm 取代了 Gemma 2 对注意力 logit 的 soft-capping。",
            "Gemma 3 (like Gemma 2) puts RMSNorm both before and after each sublayer: inputs are well scaled and the updates written back are bounded; the stream grows slowly, as in OLMo 2. Gemma 3 replaces Gemma 2's soft-capping of attention logits with QK-Norm.",
        ),
    }
}

/// What QK-Norm does (or what happens without it).
pub fn qk_text(on: bool, lang: Lang) -> &'static str {
    if on {
        lang.pick(
            "QK-Norm：每个头的 q、k 先做 RMSNorm，于是 |q| = |k| = √d_head，|q·k|/√d_head ≤ √d_head = 4，无论权重多大——logit 曲线不会越过虚线。Henry 等（2020）提出它（对 q、k 做 ℓ2 归一化并用可学习的缩放代替 1/√d）；ViT-22B（Dehghani 等 2023）在 q、k 上加 LayerNorm，解决注意力 logit 过大导致的训练发散。注意：Hugging Face Transformers 里 OLMo 2 对整个 q（所有头一起）归一化，这里的模拟按头归一化。",
            "QK-Norm RMS-normalises each head's q and k, so |q| = |k| = √d_head and |q·k|/√d_head ≤ √d_head = 4 whatever the weights: the logit curve stays under the dashed line. Henry et al. (2020) proposed it (ℓ2-normalise q and k, then a learned scale instead of 1/√d); ViT-22B (Dehghani et al. 2023) put LayerNorm on q and k against attention logits so large that training diverged. Note: in Hugging Face Transformers OLMo 2 normalises the whole q (all heads together); this simulation normalises per head.",
        )
    } else {
        lang.pick(
            "没有 QK-Norm 时，logit 随 q、k 的大小增长，也就是随 gain²（第 1 层 Pre-LN 恰好是 gain²）。试试 gain = 4：logit 远超虚线，softmax 接近 one-hot。",
            "Without QK-Norm the logits grow with the size of q and k, i.e. with gain² (exactly gain² in Pre-LN's first block). Try gain = 4: the logits go far above the dashed line and softmax turns nearly one-hot.",
        )
    }
}

#[component]
pub fn Explanation(params: Params, sim: Run, lang: Signal<Lang>) -> impl IntoView {
    let state = Memo::new(move |_| params.with(|p| (p.scheme, p.qknorm)));
    let invariant = move || {
        let (s, q) = state.get();
        (s.out_norm() && q).then(|| {
            view! { <p data-testid="np-invariant">{tr(lang,
                "这里每个子层的输出和每个 q、k 都被归一化，所以曲线完全不随 gain 变化（模拟中没有偏置，MLP 用 ReLU）。",
                "Here every sublayer output and every q and k is normalised, so the curves do not change with gain at all (the simulation has no biases and a ReLU MLP).")}</p> }
        })
    };
    let setup = move || {
        let l = lang.get();
        let n = sim.with(|r| r.residual_rms.len());
        use explorables_core::norm::{
            D_HEAD as dh, D_MODEL as d, HEADS as h, MLP_HIDDEN as m, TOKENS as t,
        };
        match l {
            Lang::Zh => format!("模拟：{n} 个块，宽度 {d}（{h} 个头 × {dh}），{t} 个 token，因果注意力 + ReLU MLP（宽 {m}），权重为近似高斯的随机数，标准差 gain/√fan_in。gain 代表训练中权重的增长。"),
            Lang::En => format!("Simulation: {n} blocks, width {d} ({h} heads × {dh}), {t} tokens, causal attention + ReLU MLP (width {m}), near-Gaussian random weights with std gain/√fan_in. Gain stands for the weights growing during training."),
        }
    };
    view! {
        <div class="np-explain" data-testid="np-explain">
            <p>{move || scheme_text(state.get().0, lang.get())}</p>
            <p>{move || qk_text(state.get().1, lang.get())}</p>
            {invariant}
            <p class="np-hint">{setup}</p>
        </div>
    }
}

const SOURCES: &[(&str, &str)] = &[
    ("Vaswani et al. 2017, Attention Is All You Need (§3.1, Post-LN)", "https://arxiv.org/abs/1706.03762"),
    ("Radford et al. 2019, Language Models are Unsupervised Multitask Learners (GPT-2, §2.3)", "https://cdn.openai.com/better-language-models/language_models_are_unsupervised_multitask_learners.pdf"),
    ("Touvron et al. 2023, LLaMA (§2.2, RMSNorm pre-normalization)", "https://arxiv.org/abs/2302.13971"),
    ("Xiong et al. 2020, On Layer Normalization in the Transformer Architecture", "https://arxiv.org/abs/2002.04745"),
    ("Henry et al. 2020, Query-Key Normalization for Transformers", "https://arxiv.org/abs/2010.04245"),
    ("Dehghani et al. 2023, Scaling Vision Transformers to 22 Billion Parameters (QK normalization)", "https://arxiv.org/abs/2302.05442"),
    ("Team OLMo 2024, 2 OLMo 2 Furious (reordered norm, QK-norm)", "https://arxiv.org/abs/2501.00656"),
    ("Gemma Team 2025, Gemma 3 Technical Report (pre- and post-norm, QK-norm)", "https://arxiv.org/abs/2503.19786"),
];

#[component]
pub fn Sources(lang: Signal<Lang>) -> impl IntoView {
    view! {
        <details class="np-sources">
            <summary>{tr(lang, "来源", "Sources")}</summary>
            <ul>
                {SOURCES.iter().map(|(t, u)| view! { <li><a href=*u target="_blank" rel="noopener">{*t}</a></li> }).collect_view()}
            </ul>
        </details>
    }
}
