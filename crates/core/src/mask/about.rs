//! The explanation paragraph and the source of every preset (static data).

use super::preset::Preset;
use crate::lang::Lang;

/// Real Gemma 3 sliding window (Gemma 3 report; `sliding_window` in the 4B/12B/27B configs).
pub const GEMMA3_WINDOW: u32 = 1024;
/// Gemma 3 1B uses a shorter window.
pub const GEMMA3_1B_WINDOW: u32 = 512;
/// Gemma 3 layer cycle: 5 local layers, then 1 global (`sliding_window_pattern` = 6).
pub const GEMMA3_PATTERN: u32 = 6;
/// Llama 4 `attention_chunk_size`.
pub const LLAMA4_CHUNK: u32 = 8192;
/// Llama 4 `no_rope_layer_interval`: every 4th layer is global and has no RoPE.
pub const LLAMA4_NOPE_INTERVAL: u32 = 4;

pub(crate) fn about(p: Preset, lang: Lang) -> &'static str {
    match (p, lang) {
        (Preset::Causal, Lang::Zh) => "因果掩码（下三角）：第 q 行只能看到第 0…q 个 token，即自己和它之前的内容。GPT、LLaMA 以及 ChatGLM2-6B 起的 ChatGLM 系列都用它：训练时一次前向就能并行预测每个位置的下一个 token，又不会偷看答案；推理时新 token 只需追加一行，之前的 K/V 可以原样缓存（KV cache）。",
        (Preset::Causal, Lang::En) => "Causal (lower-triangular) mask: row q sees keys 0…q, itself and everything before it. GPT, LLaMA and ChatGLM2-6B onwards use it: one forward pass trains next-token prediction at every position without leaking the answer, and at inference a new token only adds one row, so earlier keys/values can be cached (the KV cache).",
        (Preset::Bidirectional, Lang::Zh) => "双向掩码（全 1）：每个 token 都能看到所有 token，包括后面的。BERT 等编码器用它做完形填空式的掩码语言模型（MLM），表示里同时包含左右上下文，适合理解类任务；但它不能直接逐字生成，因为后加的 token 会改变前面所有 token 的表示，也就没有 KV cache 可言。",
        (Preset::Bidirectional, Lang::En) => "Bidirectional (all ones): every token sees every token, including later ones. Encoders such as BERT train masked language modelling this way, so each representation uses both left and right context, which suits understanding tasks. It cannot generate token by token directly: appending a token changes every earlier representation, so there is no KV cache.",
        (Preset::PrefixLm, Lang::Zh) => "Prefix LM：前 prefix 个 token（输入/条件）之间双向互看，之后的 token 因果生成，并且能看到整个前缀。UniLM 用同一个 Transformer 靠换掩码同时做双向、单向和 seq2seq；T5 论文把它作为“只有解码器却像编码器-解码器”的对照结构。它等于“双向块 ∪ 因果下三角”。",
        (Preset::PrefixLm, Lang::En) => "Prefix LM: the first `prefix` tokens (the input or condition) attend to each other bidirectionally; the rest are generated causally and see the whole prefix. UniLM switches between bidirectional, left-to-right and seq2seq objectives in one Transformer just by changing this mask; the T5 paper uses it as a decoder-only model that behaves like an encoder-decoder. It is the union of a bidirectional block and the causal triangle.",
        (Preset::ChatGlm6b, Lang::Zh) => "ChatGLM-6B（第一代，基于 GLM）：输入排成 x1…xk、[gMASK]、<sop>、y1…。modeling_chatglm.py 的 get_masks 先建全 1 矩阵取下三角（tril_），再把 <sop> 之前的所有列（提示词 + [gMASK]，即 context_length 之前）设为 1：上下文对所有行可见且内部双向，从 <sop> 开始是因果的。位置是二维的：第一维在上下文里是 0,1,2…，从 <sop> 起都等于 [gMASK] 的位置；第二维（块内位置）上下文为 0，从 <sop> 起为 1,2,3…。ChatGLM2-6B 起改回了普通因果掩码。",
        (Preset::ChatGlm6b, Lang::En) => "ChatGLM-6B (first generation, built on GLM): the input is laid out as x1…xk, [gMASK], <sop>, y1…. get_masks in modeling_chatglm.py starts from ones, takes tril_(), then sets every column before <sop> (the prompt plus [gMASK], i.e. up to context_length) to 1: the context is visible to every row and bidirectional inside, and from <sop> on the mask is causal. Positions are 2D: the first id counts 0,1,2… through the context and stays at the [gMASK] position from <sop> on; the second (block) id is 0 in the context and 1,2,3… from <sop>. ChatGLM2-6B went back to a plain causal mask.",
        (Preset::GlmBlankInfilling, Lang::Zh) => "GLM 预训练的自回归填空：从原文中抽出若干片段，每段在原文里换成一个 [MASK]，得到 Part A；被抽走的片段打乱顺序后拼在后面作为 Part B，每段前加 [S]。Part A 内部双向（像 BERT），Part A 看不到 Part B；Part B 能看到整个 Part A，并在 Part B 内部按顺序因果生成（后面的片段也能看到先生成的片段）。二维位置：Part A 的 token 用自己的位置、块内位置为 0；片段里每个 token 的第一维都等于它对应 [MASK] 在 Part A 中的位置，第二维是片段内的 1,2,3…。这里按 n 取一个确定的布局，片段顺序取反以示“打乱”。",
        (Preset::GlmBlankInfilling, Lang::En) => "GLM pre-training, autoregressive blank infilling: spans are sampled from the text and each is replaced by one [MASK], giving Part A; the removed spans, shuffled, follow as Part B, each starting with [S]. Part A is bidirectional (like BERT) and cannot see Part B; Part B sees all of Part A and is causal inside Part B (later spans see the spans generated before them). 2D positions: Part A tokens use their own position and block position 0; every token of a span takes the position of that span's [MASK] in Part A and block positions 1,2,3… inside the span. The layout here is a deterministic choice from n, with the span order reversed to show the shuffle.",
        (Preset::PrefixTuning, Lang::Zh) => "Prefix-tuning / P-tuning v2：在每一层的 K/V 前面拼 P 个可训练的“虚拟 token”向量（模型主体冻结）。掩码因此是长方形的：行是 n 个真实 token，列是 P 个虚拟 + n 个真实。每个真实 token 都能看到全部 P 个虚拟列；虚拟 token 没有查询行——它们只是键和值，不去看任何 token，所以谈不上“双向”，但所有 token 都看得到它们。真实部分沿用底座掩码（因果或 ChatGLM-6B）。",
        (Preset::PrefixTuning, Lang::En) => "Prefix-tuning / P-tuning v2: P trainable virtual key/value vectors are prepended at every layer while the model stays frozen. The mask is therefore rectangular: rows are the n real tokens, columns are P virtual + n real keys. Every real query sees all P virtual columns. The virtual tokens have no query rows: they are only keys and values and attend to nothing, so the question “are they bidirectional?” does not apply; everyone attends to them. The real part keeps the base mask (causal or ChatGLM-6B).",
        (Preset::SlidingWindow, Lang::Zh) => "滑动窗口（Mistral 7B 用 4096）：第 q 行只看 q−window+1…q 这 window 个 token。单层的计算和 KV cache 都只与窗口有关（滚动缓存），与序列长度无关。信息仍能传得更远：每叠一层，感受野向前扩 window−1 个 token，k 层之后能影响当前 token 的最多是 k·(window−1)+1 个 token（不超过它所在的位置）。",
        (Preset::SlidingWindow, Lang::En) => "Sliding window (Mistral 7B uses 4096): row q sees only keys q−window+1…q. Per layer, compute and the KV cache depend on the window, not the sequence length (a rolling buffer cache). Information still travels further: each stacked layer extends the reach by window−1 tokens, so after k layers at most k·(window−1)+1 tokens can influence the current one (capped by its position).",
        (Preset::Gemma3, Lang::Zh) => "Gemma 3：每 6 层里 5 层是局部滑动窗口注意力、1 层是全局因果注意力（第 5、11、17… 层，从 0 数）。局部窗口 1024（1B 模型是 512），局部层的 KV cache 只需保存窗口内的 token，长上下文时显存主要花在少数全局层上。用 layer 选择看哪一层，window 可以改小窗口以便在短序列上看清。",
        (Preset::Gemma3, Lang::En) => "Gemma 3: in every 6 layers, 5 use local sliding-window attention and 1 uses global causal attention (layers 5, 11, 17…, counting from 0). The local window is 1024 tokens (512 in the 1B model), so local layers only cache the window and long-context memory goes mostly to the few global layers. `layer` selects which layer to show; `window` overrides the window so the band is visible on short sequences.",
        (Preset::Llama4Chunked, Lang::Zh) => "Llama 4（iRoPE）：每 4 层里 3 层用分块局部注意力——序列切成 attention_chunk_size=8192 的块，token 只能因果地看自己所在块内的 token，这些层用 RoPE；第 4 层（第 3、7、11… 层）是全局因果注意力且不用位置编码（NoPE）。在 transformers 里由 no_rope_layers 决定：值为 1 的层用 RoPE 并分块，值为 0 的层全局。用 chunk 把块调小才能在短演示序列上看到分块。",
        (Preset::Llama4Chunked, Lang::En) => "Llama 4 (iRoPE): three of every four layers use chunked local attention: the sequence is cut into chunks of attention_chunk_size = 8192 and a token attends causally only within its own chunk; these layers use RoPE. Every fourth layer (layers 3, 7, 11…) is global causal attention with no positional encoding (NoPE). In transformers this follows no_rope_layers: 1 means RoPE and chunked, 0 means global. Set `chunk` small to see the chunks on a short demo sequence.",
        (Preset::PackedDocuments, Lang::Zh) => "多文档打包：把几篇短文档拼进同一条训练序列以免浪费填充，同时用块对角的因果掩码禁止跨文档注意力——每个 token 只看同一文档里在它之前的 token，好像每篇文档单独训练一样（Llama 3 预训练就这样做）。docs 参数给出各文档长度，例如 3,2,4。",
        (Preset::PackedDocuments, Lang::En) => "Packed documents: several short documents share one training sequence to avoid padding, and a block-diagonal causal mask forbids attention across documents, so each token sees only earlier tokens of its own document, as if each document were trained alone (Llama 3 pre-training does this). The `docs` parameter gives the document lengths, e.g. 3,2,4.",
        (Preset::Custom, Lang::Zh) => "自定义组合：把两个预设 a、b 的掩码逐元素做 AND（两者都允许才可见）或 OR（任一允许即可见），和 attention-gym / FlexAttention 的 and_masks、or_masks 一样。例如“滑动窗口 AND 多文档打包”就是文档内的滑动窗口。",
        (Preset::Custom, Lang::En) => "Custom: combine the masks of two presets a and b elementwise with AND (visible only if both allow it) or OR (visible if either does), like and_masks / or_masks in attention-gym and FlexAttention. For example, sliding window AND packed documents is a sliding window inside each document.",
    }
}

pub(crate) fn source(p: Preset) -> &'static str {
    match p {
        Preset::Causal => "Radford et al. 2018, GPT §3.1; Touvron et al. 2023, LLaMA §2.2; THUDM/chatglm2-6b modeling_chatglm.py get_masks (ones → tril_)",
        Preset::Bidirectional => "Devlin et al. 2019, BERT §3 (Transformer encoder, masked LM)",
        Preset::PrefixLm => "Dong et al. 2019, UniLM §2 and Fig. 1; Raffel et al. 2020, T5 §3.2.1 and Fig. 3 (prefix LM)",
        Preset::ChatGlm6b => "THUDM/chatglm-6b modeling_chatglm.py: get_masks (tril_, then attention_mask[..., :context_length] = 1 with context_length = index of <sop>) and get_position_ids (2D ids)",
        Preset::GlmBlankInfilling => "Du et al. 2022, GLM: General Language Model Pretraining with Autoregressive Blank Infilling (ACL), §2.1 (Fig. 2) and §2.2 (2D positional encoding)",
        Preset::PrefixTuning => "Li & Liang 2021, Prefix-Tuning §4; Liu et al. 2022, P-Tuning v2 §3; THUDM/ChatGLM-6B ptuning/ (pre_seq_len, past_key_values)",
        Preset::SlidingWindow => "Jiang et al. 2023, Mistral 7B §2 (sliding window attention, rolling buffer cache); Beltagy et al. 2020, Longformer §3",
        Preset::Gemma3 => "Gemma Team 2025, Gemma 3 Technical Report §2 (5:1 local/global, local span 1024); google/gemma-3-*/config.json (sliding_window 1024, 512 for 1B; sliding_window_pattern 6)",
        Preset::Llama4Chunked => "huggingface/transformers models/llama4 configuration_llama4.py (attention_chunk_size 8192, no_rope_layers, no_rope_layer_interval 4, layer_types) and modeling_llama4.py",
        Preset::PackedDocuments => "Llama Team 2024, The Llama 3 Herd of Models §3.2 (mask preventing attention across documents); Krell et al. 2021, Efficient Sequence Packing without Cross-contamination",
        Preset::Custom => "pytorch-labs/attention-gym and_masks / or_masks; PyTorch FlexAttention (torch.nn.attention.flex_attention)",
    }
}
