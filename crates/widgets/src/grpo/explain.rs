//! What the chosen algorithm does, its formula with the reader's numbers (response 1), the
//! library settings that match, and the sources. Plain text only (no user text as HTML).

use super::Result;
use crate::fmt::num;
use explorables_core::grpo::advantage::{mean, std};
use explorables_core::grpo::weights::coefficients;
use explorables_core::grpo::{Algo, GroupResult, StdKind};
use explorables_core::lang::Lang;
use leptos::prelude::*;

fn definition(a: Algo, l: Lang) -> &'static str {
    match (a, l) {
        (Algo::Grpo, Lang::Zh) => "GRPO（DeepSeekMath §4.1）：去掉 PPO 的价值网络，同一提示采样 G 条回答，用组内均值作基线、组内 std 归一：Aᵢ = (rᵢ − mean r)/(std r + eps_std)，同一回答的每个 token 共用 Aᵢ。损失先在每条回答内按 token 取平均，再对 G 条取平均，所以长回答的每个 token 权重更小。",
        (Algo::Grpo, Lang::En) => "GRPO (DeepSeekMath §4.1): PPO without the value network. Sample G responses to one prompt; the group mean is the baseline and the group std the scale: Aᵢ = (rᵢ − mean r)/(std r + eps_std), shared by every token of response i. The loss averages over each response's tokens, then over the G responses, so each token of a long response weighs less.",
        (Algo::DrGrpo, Lang::Zh) => "Dr. GRPO（Liu 等 2025）：指出 GRPO 的两个偏差——除以 std 会放大几乎全对或全错的题，按回答长度取平均会让错误的长回答受罚更轻。改为 Aᵢ = rᵢ − mean r，并把每条回答的 token 和除以同一个常数 max_len。",
        (Algo::DrGrpo, Lang::En) => "Dr. GRPO (Liu et al. 2025) names two biases of GRPO: dividing by the std up-weights prompts that are almost always or never solved, and averaging per response penalises long wrong answers less per token. It uses Aᵢ = rᵢ − mean r and divides every response's token sum by one constant, max_len.",
        (Algo::Dapo, Lang::Zh) => "DAPO（Yu 等 2025）：优势同 GRPO，但损失对整组所有 token 取一个平均（token 级），长回答的每个 token 和短回答一样重；clip 上下界解耦（clip-higher，ε_high = 0.28 > ε_low = 0.2），给低概率 token 更大的上涨空间；超长回答受软惩罚 R_len；奖励全相同的组被动态采样丢弃。",
        (Algo::Dapo, Lang::En) => "DAPO (Yu et al. 2025): GRPO's advantages, but one mean over every token of the group (token-level loss), so a long response's tokens weigh as much as a short one's; decoupled clip bounds (clip-higher, ε_high = 0.28 > ε_low = 0.2) let unlikely tokens grow; a soft penalty R_len for overlong responses; groups with equal rewards are dropped by dynamic sampling.",
        (Algo::Rloo, Lang::Zh) => "RLOO（Kool 等 2019；Ahmadian 等 2024）：REINFORCE 加留一基线，每条回答以其余 G − 1 条的平均奖励为基线：Aᵢ = rᵢ − Σⱼ≠ᵢ rⱼ/(G − 1) = G/(G − 1)·(rᵢ − mean r)，基线不依赖自身，估计无偏；整条回答当作一个动作，不除以长度。",
        (Algo::Rloo, Lang::En) => "RLOO (Kool et al. 2019; Ahmadian et al. 2024): REINFORCE with a leave-one-out baseline, the mean reward of the other G − 1 responses: Aᵢ = rᵢ − Σⱼ≠ᵢ rⱼ/(G − 1) = G/(G − 1)·(rᵢ − mean r). The baseline does not depend on response i, so the estimate stays unbiased; the whole response is one action, not divided by its length.",
        (Algo::Gspo, Lang::Zh) => "GSPO（Zheng 等 2025，Qwen3 所用）：优势同 GRPO，但重要性比率按序列算：sᵢ = (π_θ(oᵢ)/π_old(oᵢ))^(1/|oᵢ|)，即各 token 比率的几何平均，整条回答一起截断。序列比率离 1 很近，所以截断范围极窄（论文用 3e-4 / 4e-4）。对 MoE 模型更稳定。",
        (Algo::Gspo, Lang::En) => "GSPO (Zheng et al. 2025, used for Qwen3): GRPO's advantages, but the importance ratio is per sequence: sᵢ = (π_θ(oᵢ)/π_old(oᵢ))^(1/|oᵢ|), the geometric mean of the token ratios, clipped for the whole response. A sequence ratio stays very close to 1, hence the tiny clip range (3e-4 / 4e-4 in the paper). More stable for MoE models.",
    }
}

/// The formula lines with response 1's numbers.
fn formulas(r: &GroupResult, l: Lang) -> Vec<String> {
    let p = &r.params;
    let g = p.g();
    let rs = &r.effective_rewards;
    let (r1, a1, len1, rho1) = (rs[0], r.advantages[0], p.lengths[0], p.ratios[0]);
    let n = |v: f64| num(v, 6);
    let mut out = Vec::new();
    let rname = if p.algo == Algo::Dapo { "r̃" } else { "r" };
    if p.algo == Algo::Dapo {
        out.push(format!(
            "r̃₁ = r₁ + R_len(|o₁|) = {} + ({}) = {}   [L_max = {}, L_cache = {}]",
            n(p.rewards[0]),
            n(r.length_rewards[0]),
            n(r1),
            p.max_len,
            p.cache
        ));
    }
    let adv = match p.algo {
        Algo::Grpo | Algo::Dapo | Algo::Gspo => {
            let sd = std(rs, p.std);
            let kind = match (p.std, l) {
                (StdKind::Sample, Lang::Zh) => "样本 std",
                (StdKind::Sample, Lang::En) => "sample std",
                (StdKind::Population, Lang::Zh) => "总体 std",
                (StdKind::Population, Lang::En) => "population std",
            };
            format!(
                "A₁ = ({rname}₁ − mean {rname})/(std {rname} + eps_std) = ({} − {})/({} + {}) = {}   [{kind}]",
                n(r1), n(mean(rs)), n(sd), p.eps_std, n(a1)
            )
        }
        Algo::DrGrpo => format!("A₁ = r₁ − mean r = {} − {} = {}", n(r1), n(mean(rs)), n(a1)),
        Algo::Rloo => {
            let others = (rs.iter().sum::<f64>() - r1) / (g - 1) as f64;
            format!(
                "A₁ = r₁ − Σⱼ≠₁ rⱼ/(G − 1) = {} − {} = {}",
                n(r1),
                n(others),
                n(a1)
            )
        }
    };
    out.push(adv);
    let w1 = r.token_weights[0];
    let total: u64 = p.lengths.iter().map(|&x| x as u64).sum();
    out.push(match p.algo {
        Algo::Grpo | Algo::Gspo => {
            format!("w₁ = A₁/(G·|o₁|) = {}/({g}·{len1}) = {}", n(a1), num(w1, 8))
        }
        Algo::DrGrpo => format!(
            "w₁ = A₁/(G·max_len) = {}/({g}·{}) = {}",
            n(a1),
            p.max_len,
            num(w1, 8)
        ),
        Algo::Dapo => format!("w₁ = A₁/Σⱼ|oⱼ| = {}/{total} = {}", n(a1), num(w1, 8)),
        Algo::Rloo => format!("w₁ = A₁/G = {}/{g} = {}", n(a1), num(w1, 8)),
    });
    let s = r.surrogates[0];
    let (lo, hi) = (1.0 - p.eps_low, 1.0 + p.eps_high);
    let rho = if p.algo == Algo::Gspo {
        "s₁"
    } else {
        "ρ₁"
    };
    out.push(format!(
        "min({rho}·A₁, clip({rho}, {}, {})·A₁) = min({}·{}, {}·{}) = {}{}",
        num(lo, 6),
        num(hi, 6),
        n(rho1),
        n(a1),
        n(rho1.clamp(lo, hi)),
        n(a1),
        n(s.value),
        if s.clipped {
            l.pick("（被截断，梯度 0）", " (clipped, zero gradient)")
        } else {
            ""
        }
    ));
    let c1 = coefficients(p.algo, &p.lengths, p.max_len)[0];
    out.push(format!(
        "ℓ₁ = −c₁·|o₁|·surrogate₁ = −{}·{len1}·{} = {}   [c₁ = w₁/A₁]",
        num(c1, 8),
        n(s.value),
        n(r.loss_contributions[0])
    ));
    out
}

/// Library settings that give this algorithm, `(library, setting)`.
fn settings(r: &GroupResult, l: Lang) -> Vec<(&'static str, String)> {
    let p = &r.params;
    let eps = if p.eps_low == p.eps_high {
        format!("epsilon={}", p.eps_low)
    } else {
        format!("epsilon={}, epsilon_high={}", p.eps_low, p.eps_high)
    };
    let clip = format!(
        "actor_rollout_ref.actor.clip_ratio_low={} actor_rollout_ref.actor.clip_ratio_high={}",
        p.eps_low, p.eps_high
    );
    let std_note = match p.std {
        StdKind::Sample => String::new(),
        StdKind::Population => l
            .pick(
                "  （注意：TRL 与 verl 都用 torch.std，即样本 std；总体 std 没有对应开关）",
                "  (note: TRL and verl both use torch.std, the sample std; the population std has no switch)",
            )
            .to_string(),
    };
    match p.algo {
        Algo::Grpo => vec![
            ("TRL", format!("GRPOConfig(loss_type=\"grpo\", scale_rewards=True, {eps}){std_note}")),
            ("verl", format!("algorithm.adv_estimator=grpo algorithm.norm_adv_by_std_in_grpo=True actor_rollout_ref.actor.loss_agg_mode=seq-mean-token-mean {clip}")),
        ],
        Algo::DrGrpo => vec![
            ("TRL", format!("GRPOConfig(loss_type=\"dr_grpo\", scale_rewards=False, {eps})  # {}", l.pick("新版 TRL 写 scale_rewards=\"none\"；常数为 max_completion_length", "newer TRL: scale_rewards=\"none\"; the constant is max_completion_length"))),
            ("verl", format!("algorithm.adv_estimator=grpo algorithm.norm_adv_by_std_in_grpo=False actor_rollout_ref.actor.loss_agg_mode=seq-mean-token-sum-norm {clip}")),
        ],
        Algo::Dapo => vec![
            ("TRL", format!("GRPOConfig(loss_type=\"dapo\", {eps}, mask_truncated_completions=True)  # {}", l.pick("旧版 TRL 用 loss_type=\"bnpo\"（本进程内 token 平均）；不支持动态采样", "older TRL: loss_type=\"bnpo\" (token mean per process); no dynamic sampling"))),
            ("verl", format!("algorithm.adv_estimator=grpo actor_rollout_ref.actor.loss_agg_mode=token-mean {clip}")),
        ],
        Algo::Rloo => vec![
            ("TRL", l.pick("RLOOTrainer（独立的 trainer，不是 GRPOConfig 的开关）", "RLOOTrainer (its own trainer, not a GRPOConfig switch)").to_string()),
            ("verl", format!("algorithm.adv_estimator=rloo actor_rollout_ref.actor.loss_agg_mode=seq-mean-token-sum {clip}")),
        ],
        Algo::Gspo => vec![
            ("TRL", format!("GRPOConfig(importance_sampling_level=\"sequence\", loss_type=\"grpo\", {eps})")),
            ("verl", format!("actor_rollout_ref.actor.policy_loss.loss_mode=gspo actor_rollout_ref.actor.loss_agg_mode=seq-mean-token-mean {clip}")),
        ],
    }
}

const SOURCES: &[(&str, &str)] = &[
    (
        "DeepSeekMath §4.1, GRPO (Shao et al. 2024, arXiv:2402.03300)",
        "https://arxiv.org/abs/2402.03300",
    ),
    (
        "Dr. GRPO: Understanding R1-Zero-Like Training (Liu et al. 2025, arXiv:2503.20783)",
        "https://arxiv.org/abs/2503.20783",
    ),
    (
        "DAPO (Yu et al. 2025, arXiv:2503.14476)",
        "https://arxiv.org/abs/2503.14476",
    ),
    (
        "RLOO: Back to Basics (Ahmadian et al. 2024, arXiv:2402.14740)",
        "https://arxiv.org/abs/2402.14740",
    ),
    (
        "GSPO (Zheng et al. 2025, arXiv:2507.18071)",
        "https://arxiv.org/abs/2507.18071",
    ),
    (
        "TRL GRPOTrainer / GRPOConfig",
        "https://huggingface.co/docs/trl/main/en/grpo_trainer",
    ),
    (
        "verl core_algos.py (advantage estimators, agg_loss)",
        "https://github.com/volcengine/verl/blob/main/verl/trainer/ppo/core_algos.py",
    ),
];

#[component]
pub fn Explanation(result: Result, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let l = lang.get();
        let (def, lines, libs) =
            result.with(|r| (definition(r.params.algo, l), formulas(r, l), settings(r, l)));
        view! {
            <div class="grpo-explain" data-testid="grpo-explain">
                <p>{def}</p>
                <p class="grpo-sub"><strong>{l.pick("代入你的数字（第 1 条回答）", "With your numbers (response 1)")}</strong></p>
                <pre class="grpo-formula" data-testid="grpo-formula">{lines.join("\n")}</pre>
                <p class="grpo-sub"><strong>{l.pick("对应的库设置", "Matching library settings")}</strong></p>
                <ul class="grpo-settings" data-testid="grpo-settings">
                    {libs.into_iter().map(|(lib, s)| view! { <li><span>{lib}": "</span><code>{s}</code></li> }).collect_view()}
                </ul>
                <p class="grpo-sub"><strong>{l.pick("来源", "Sources")}</strong></p>
                <ul class="grpo-sources">
                    {SOURCES.iter().map(|(t, u)| view! { <li><a href=*u target="_blank" rel="noopener">{*t}</a></li> }).collect_view()}
                </ul>
            </div>
        }
    }
}
