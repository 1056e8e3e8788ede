//! The inputs: algorithm, rewards / lengths / ratios as comma-separated text, the std kind,
//! eps_std, the clip range, Dr. GRPO's / DAPO's length constants and p. Every edit goes
//! through the URL parser (see [`super::SetParam`]).

use super::{Params, SetParam};
use crate::i18n::tr;
use crate::url_state::ParamField;
use explorables_core::grpo::{Algo, GrpoParams, StdKind};
use explorables_core::lang::Lang;
use explorables_core::params::list::join_f64;
use leptos::prelude::*;

pub fn algo_label(a: Algo, l: Lang) -> &'static str {
    match a {
        Algo::Grpo => l.pick("GRPO（DeepSeekMath）", "GRPO (DeepSeekMath)"),
        Algo::DrGrpo => l.pick(
            "Dr. GRPO（不除 std、常数归一）",
            "Dr. GRPO (no std, constant norm)",
        ),
        Algo::Dapo => l.pick(
            "DAPO（token 级平均、clip-higher）",
            "DAPO (token mean, clip-higher)",
        ),
        Algo::Rloo => l.pick("RLOO（留一基线）", "RLOO (leave-one-out baseline)"),
        Algo::Gspo => l.pick("GSPO（序列级比率）", "GSPO (sequence-level ratio)"),
    }
}

#[component]
pub fn Controls(params: Params, set: SetParam, lang: Signal<Lang>) -> impl IntoView {
    let text = move |f: fn(&GrpoParams) -> String| Signal::derive(move || params.with(f));
    let algo = Signal::derive(move || params.with(|p| p.algo));
    let choose = move |key: &'static str| {
        move |ev: leptos::ev::Event| set.run((key, Some(event_target_value(&ev))))
    };
    view! {
        <div class="controls grpo-controls">
            <label class="field">
                <span>{tr(lang, "算法", "Algorithm")}</span>
                <select data-control="algo" prop:value=move || algo.get().code() on:change=choose("algo")>
                    {move || { let l = lang.get(); Algo::ALL.iter().map(|a| view! {
                        <option value=a.code() selected=*a == algo.get_untracked()>{algo_label(*a, l)}</option>
                    }).collect_view() }}
                </select>
            </label>
            <label class="field">
                <span>{tr(lang, "std（GRPO 类的分母）", "std (GRPO-style denominator)")}</span>
                <select data-control="std" prop:value=move || params.with(|p| p.std.code()) on:change=choose("std")>
                    <option value=StdKind::Sample.code()>{tr(lang, "样本 std（除以 G−1，torch.std）", "sample (÷ G−1, torch.std)")}</option>
                    <option value=StdKind::Population.code()>{tr(lang, "总体 std（除以 G）", "population (÷ G)")}</option>
                </select>
            </label>
            <ParamField lang zh="奖励 r（逗号分隔，2–64 个）" en="Rewards r (comma-separated, 2–64)" key="rewards" wide=true
                value=text(|p| join_f64(&p.rewards)) set />
            <ParamField lang zh="长度 |oᵢ|（token）" en="Lengths |oᵢ| (tokens)" key="lengths"
                value=text(|p| p.lengths.iter().map(u32::to_string).collect::<Vec<_>>().join(",")) set />
            <ParamField lang zh="比率 ρᵢ = π_θ/π_old" en="Ratios ρᵢ = π_θ/π_old" key="ratios"
                value=text(|p| join_f64(&p.ratios)) set />
            <ParamField lang zh="ε_low" en="ε_low" key="eps_low" range=("", "", "any") value=text(|p| p.eps_low.to_string()) set />
            <ParamField lang zh="ε_high" en="ε_high" key="eps_high" range=("", "", "any") value=text(|p| p.eps_high.to_string()) set />
            <ParamField lang zh="eps_std（加在 std 上）" en="eps_std (added to std)" key="eps_std" range=("", "", "any") value=text(|p| p.eps_std.to_string()) set />
            <ParamField lang zh="max_len（Dr. GRPO、DAPO 的 L_max）" en="max_len (Dr. GRPO, DAPO's L_max)" key="max_len" range=("", "", "any") value=text(|p| p.max_len.to_string()) set />
            <ParamField lang zh="cache（DAPO 的 L_cache）" en="cache (DAPO's L_cache)" key="cache" range=("", "", "any") value=text(|p| p.cache.to_string()) set />
            <label class="field grpo-p">
                <span>{tr(lang, "单条回答答对的概率 p", "Success rate p per response")}" = "<b>{text(|p| p.p.to_string())}</b></span>
                <input type="range" data-control="p" min="0" max="1" step="0.01"
                    prop:value=text(|p| p.p.to_string())
                    on:input=move |ev| set.run(("p", Some(event_target_value(&ev)))) />
            </label>
        </div>
    }
}
