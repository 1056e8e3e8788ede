//! The names of the live widgets, shared by the content pipeline (which checks the
//! ```` ```widget NAME … ```` directives in answers) and the app (which mounts them).

pub mod fallback;

/// A widget's URL name and its titles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WidgetInfo {
    pub name: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    /// One sentence on what it shows.
    pub about_zh: &'static str,
    pub about_en: &'static str,
}

/// Every widget a page or an embed may name.
pub const WIDGETS: &[WidgetInfo] = &[
    WidgetInfo {
        name: "attention-mask",
        zh: "注意力掩码实验室",
        en: "Attention-mask lab",
        about_zh: "谁能看到谁：因果、双向、prefix-LM、ChatGLM-6B 的二维位置、prefix-tuning、滑动窗口、Gemma 3、Llama 4 分块注意力与文档打包，最大 8192 个 token，可并排比较和导出矩阵。",
        about_en: "Who can see whom: causal, bidirectional, prefix-LM, ChatGLM-6B with its 2D positions, prefix-tuning, sliding window, Gemma 3, Llama 4 chunked attention and packed documents, up to 8192 tokens, side by side, with the matrix exportable.",
    },
    WidgetInfo {
        name: "grpo",
        zh: "GRPO 组内优势实验室",
        en: "GRPO group lab",
        about_zh: "一组回答在 GRPO、Dr. GRPO、DAPO、RLOO、GSPO 下各得到什么：组内优势（样本或总体 std）、每个 token 的权重与长度偏差、截断代理目标与截断区、每条回答对损失的贡献、DAPO 的超长惩罚和无信号组的概率，并给出 TRL 与 verl 的对应设置。",
        about_en: "What GRPO, Dr. GRPO, DAPO, RLOO and GSPO each make of one group of responses: group-relative advantages (sample or population std), per-token weights and the length bias, the clipped surrogate and its clip zones, each response's share of the loss, DAPO's overlong penalty and the chance of a group without signal, with the matching TRL and verl settings.",
    },
    WidgetInfo {
        name: "kl-estimators",
        zh: "KL 估计量实验室",
        en: "KL estimator lab",
        about_zh: "k1、k2、k3 三个 KL 估计量：两个分布与正反两个方向的精确 KL，各估计量的期望与标准差（精确值和可复现的蒙特卡洛），以及面试陷阱——放进奖励和作为损失时的期望梯度分别等于哪个 KL 的梯度。",
        about_en: "The k1, k2 and k3 KL estimators: two distributions and the exact KL both ways, each estimator's mean and spread (exact and a seeded Monte-Carlo run), and the interview trap — which KL's gradient each one gives when put in the reward or used as a loss.",
    },
    WidgetInfo {
        name: "kv-cache",
        zh: "KV 缓存实验室",
        en: "KV-cache lab",
        about_zh: "用真实模型配置算 KV 缓存：MHA/GQA/MQA/MLA 与滑动窗口的公式、显存随上下文变化的曲线、最多放得下多少 token，以及 past_key_values 的逐步解码。",
        about_en: "KV-cache memory from real model configs: MHA/GQA/MQA/MLA and sliding-window formulas, memory against context for up to four models, what fits in a GPU, and past_key_values decoded step by step.",
    },
    WidgetInfo {
        name: "moe",
        zh: "MoE 路由实验室",
        en: "MoE routing lab",
        about_zh: "token 如何被路由到专家：top-k、共享专家、softmax 与 sigmoid 打分、容量与丢弃、辅助损失和 DeepSeek-V3 的无辅助损失负载均衡，附稠密与 MoE 的参数对比。",
        about_en: "How tokens are routed to experts: top-k, shared experts, softmax vs sigmoid scoring, capacity and dropping, the auxiliary loss and DeepSeek-V3's auxiliary-loss-free balancing, with dense vs MoE parameter counts.",
    },
    WidgetInfo {
        name: "norm-placement",
        zh: "归一化位置探索",
        en: "Norm placement explorer",
        about_zh: "归一化放在哪里：Post-LN、Pre-LN、OLMo 2、Gemma 3 的接线图，以及用随机权重模拟的残差流与注意力 logit 随深度的变化，可打开 QK-Norm。",
        about_en: "Where the norm goes: Post-LN, Pre-LN, OLMo 2 and Gemma 3 wired as a diagram, and a seeded simulation of the residual stream and attention logits across depth, with QK-Norm on or off.",
    },
    WidgetInfo {
        name: "positional-encoding",
        zh: "位置编码探索",
        en: "Positional encoding explorer",
        about_zh: "位置编码：RoPE 的旋转与 rope_theta、NoPE（SmolLM3）、Llama 4 的 iRoPE、ALiBi 斜率（BLOOM、Baichuan2-13B）和 GLM 的二维位置。",
        about_en: "Positional encodings: RoPE rotations and rope_theta, NoPE (SmolLM3), Llama 4's iRoPE, ALiBi slopes (BLOOM, Baichuan2-13B) and GLM's 2D positions.",
    },
    WidgetInfo {
        name: "sampling",
        zh: "采样参数实验室",
        en: "Sampling lab",
        about_zh: "一个下一 token 分布依次经过温度、top-k、top-p、min-p：按 transformers、vLLM、llama.cpp 各自的顺序（附源码文件），每一步移除的 token 变灰，给出熵，并可用固定种子抽样 1000 次与精确分布对照。",
        about_en: "One next-token distribution through temperature, top-k, top-p and min-p in the order transformers, vLLM or llama.cpp applies them (with the source file of each), the tokens each step removes greyed, the entropy, and a seeded 1000-draw histogram next to the exact distribution.",
    },
    WidgetInfo {
        name: "test-time-scaling",
        zh: "测试时扩展实验室",
        en: "Test-time scaling lab",
        about_zh: "测试时扩展的四个面板：pass@k 的无偏估计、朴素估计与 pass^k；自洽性多数投票与 best-of-N、加权投票；按边际收益分配采样预算的计算最优策略；best-of-N 相对基础策略的 KL。",
        about_en: "Test-time scaling in four panels: pass@k (unbiased and naive) and pass^k; self-consistency majority vote against best-of-N and weighted voting; the compute-optimal split of a sample budget by marginal gain; and best-of-N's KL from the base policy.",
    },
];

/// Looks a widget up by its URL name.
pub fn find(name: &str) -> Option<&'static WidgetInfo> {
    WIDGETS.iter().find(|w| w.name == name)
}
