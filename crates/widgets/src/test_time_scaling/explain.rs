//! A short explanation of the shown panel, with its sources.

use super::Params;
use explorables_core::lang::Lang;
use explorables_core::tts::Panel;
use leptos::prelude::*;

fn paras(p: Panel, l: Lang) -> [&'static str; 2] {
    match (p, l) {
        (Panel::PassAtK, Lang::Zh) => [
            "pass@k 是“k 次尝试里至少一次对”的概率。Chen et al.（Codex 论文）每题采 n ≥ k 个样本、数出 c 个正确，用 1 − C(n−c, k)/C(n, k) 估计：这是从 n 个样本中随机取 k 个、其中至少一个正确的概率，是无偏估计。把 c/n 直接代入 1 − (1 − c/n)^k 的朴素估计在 k > 1 时系统性偏低（Jensen 不等式）。",
            "pass^k = C(c, k)/C(n, k) 则是“k 次都对”的概率，衡量稳定性（τ-bench 用它）：采样越多，pass@k 越高，pass^k 越低。",
        ],
        (Panel::PassAtK, Lang::En) => [
            "pass@k is the chance that at least one of k attempts is right. Chen et al. (the Codex paper) draw n ≥ k samples per problem, count c correct, and estimate 1 − C(n−c, k)/C(n, k): the chance a random k-subset of the n samples holds a correct one — unbiased. Plugging c/n into 1 − (1 − c/n)^k, the naive estimate, is biased low for k > 1 (Jensen's inequality).",
            "pass^k = C(c, k)/C(n, k) is the chance that all k attempts are right, a reliability measure (τ-bench uses it): more samples raise pass@k and lower pass^k.",
        ],
        (Panel::Majority, Lang::Zh) => [
            "自洽性（self-consistency，Wang et al.）：采 k 条推理链，对最终答案做多数投票。这里给出精确的 maj@k（平票随机打破）：正确答案若不是最可能的答案，投票越多反而越差；是最可能的答案时 maj@k 随 k 趋于 1。",
            "有验证器时可以做 best-of-N（取最高分的一条）或加权投票（按答案累加分数）。完美验证器的上限是 1 − (1 − p₁)^k；真实的奖励模型会被高分错误答案骗到，所以三种选法可能选出不同的答案。",
        ],
        (Panel::Majority, Lang::En) => [
            "Self-consistency (Wang et al.): sample k reasoning chains and take a majority vote over the final answers. This is the exact maj@k (ties broken at random): when the right answer is not the most likely one, more votes make it worse; when it is, maj@k goes to 1 with k.",
            "With a verifier you can take best-of-N (the single top-scored sample) or a weighted vote (scores summed per answer). A perfect verifier reaches 1 − (1 − p₁)^k; a real reward model can be fooled by a high-scoring wrong answer, so the three rules may pick different answers.",
        ],
        (Panel::Budget, Lang::Zh) => [
            "Snell et al. 的“计算最优”测试时扩展：按题目难度分配测试时计算，而不是每题一样多。这里每题 j 的单次成功率为 pⱼ，有完美验证器时解出概率为 1 − (1 − pⱼ)^nⱼ；下一个样本的收益 pⱼ(1 − pⱼ)^nⱼ 单调递减，所以每次把样本给边际收益最大的题（贪心）就是最优分配。",
            "结果：简单题几个样本就饱和，几乎无望的题很少分到样本，中等难度的题拿到最多。",
        ],
        (Panel::Budget, Lang::En) => [
            "Snell et al.'s compute-optimal test-time scaling: spend test-time compute per prompt by its difficulty instead of evenly. Here problem j has single-sample success rate pⱼ and, with a perfect verifier, is solved with chance 1 − (1 − pⱼ)^nⱼ; the next sample's gain pⱼ(1 − pⱼ)^nⱼ only shrinks, so giving each sample where the marginal gain is largest (greedy) is optimal.",
            "The result: easy problems saturate after a few samples, nearly hopeless ones get few, the middle gets the most.",
        ],
        (Panel::BonKl, Lang::Zh) => [
            "best-of-N 采样偏离基础策略多远？常用公式 KL(π_BoN‖π) = log N − (N − 1)/N（Stiennon et al.、Gao et al. 的奖励模型过优化实验用它作横轴）：只按 log N 增长，1000 倍的样本只多约 7 nats。",
            "它在基础策略的输出互不相同（无平局）时成立，一般情况下只是上界（Beirami et al. 2024）。",
        ],
        (Panel::BonKl, Lang::En) => [
            "How far does best-of-N drift from the base policy? The usual formula KL(π_BoN‖π) = log N − (N − 1)/N (the x axis of Stiennon et al.'s and Gao et al.'s reward over-optimisation plots) grows only like log N: 1000× more samples cost about 7 nats.",
            "It is exact when the base policy's outputs are all distinct (no ties) and an upper bound in general (Beirami et al. 2024).",
        ],
    }
}

fn sources(p: Panel) -> &'static [(&'static str, &'static str)] {
    match p {
        Panel::PassAtK => &[
            ("Chen et al. 2021, Evaluating Large Language Models Trained on Code (arXiv:2107.03374), §2.1", "https://arxiv.org/abs/2107.03374"),
            ("Yao et al. 2024, τ-bench: pass^k (arXiv:2406.12045)", "https://arxiv.org/abs/2406.12045"),
        ],
        Panel::Majority => &[
            ("Wang et al. 2022, Self-Consistency Improves Chain of Thought Reasoning (arXiv:2203.11171)", "https://arxiv.org/abs/2203.11171"),
            ("Lightman et al. 2023, Let's Verify Step by Step (arXiv:2305.20050)", "https://arxiv.org/abs/2305.20050"),
        ],
        Panel::Budget => &[(
            "Snell et al. 2024, Scaling LLM Test-Time Compute Optimally can be More Effective than Scaling Model Parameters (arXiv:2408.03314)",
            "https://arxiv.org/abs/2408.03314",
        )],
        Panel::BonKl => &[
            ("Beirami et al. 2024, Theoretical guarantees on the best-of-n alignment policy (arXiv:2401.01879)", "https://arxiv.org/abs/2401.01879"),
            ("Gao et al. 2022, Scaling Laws for Reward Model Overoptimization (arXiv:2210.10760)", "https://arxiv.org/abs/2210.10760"),
        ],
    }
}

#[component]
pub fn Explanation(params: Params, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let l = lang.get();
        let panel = params.with(|p| p.panel);
        view! {
            <div class="tts-explain" data-testid="tts-explain">
                {paras(panel, l).into_iter().map(|t| view! { <p>{t}</p> }).collect_view()}
                <p class="tts-sub"><strong>{l.pick("来源", "Sources")}</strong></p>
                <ul class="tts-sources">
                    {sources(panel).iter().map(|(t, u)| view! { <li><a href=*u target="_blank" rel="noopener">{*t}</a></li> }).collect_view()}
                </ul>
            </div>
        }
    }
}
