//! The inputs: the panel switch and the shown panel's parameters. Every edit goes through the
//! URL parser (see [`super::SetParam`]).

use super::{Params, SetParam};
use crate::i18n::tr;
use crate::url_state::ParamField;
use explorables_core::lang::Lang;
use explorables_core::params::list::join_f64;
use explorables_core::tts::params::samples_to_string;
use explorables_core::tts::{Panel, TtsParams};
use leptos::prelude::*;

pub fn panel_label(p: Panel, l: Lang) -> &'static str {
    match p {
        Panel::PassAtK => l.pick("pass@k 与 pass^k", "pass@k and pass^k"),
        Panel::Majority => l.pick("多数投票与 best-of-N", "Majority vote vs best-of-N"),
        Panel::Budget => l.pick("计算最优的采样预算", "Compute-optimal sample budget"),
        Panel::BonKl => l.pick("best-of-N 的 KL 漂移", "Best-of-N KL drift"),
    }
}

#[component]
pub fn Controls(params: Params, set: SetParam, lang: Signal<Lang>) -> impl IntoView {
    let text = move |f: fn(&TtsParams) -> String| Signal::derive(move || params.with(f));
    let panel = Signal::derive(move || params.with(|p| p.panel));
    let fields = move || {
        match panel.get() {
        Panel::PassAtK => view! {
            <ParamField lang zh="样本数 n" en="Samples n" key="n" range=("0", "", "1") value=text(|p| p.pass_k.n.to_string()) set />
            <ParamField lang zh="其中正确的 c" en="Correct c" key="c" range=("0", "", "1") value=text(|p| p.pass_k.c.to_string()) set />
            <ParamField lang zh="子集大小 k" en="Subset size k" key="k" range=("0", "", "1") value=text(|p| p.pass_k.k.to_string()) set />
        }
        .into_any(),
        Panel::Majority => view! {
            <ParamField lang zh="答案分布（第一个是正确答案，最多 16 个）" en="Answer distribution (the first is correct, ≤ 16)" key="answers"
                value=text(|p| join_f64(&p.majority.answers)) set />
            <ParamField lang zh="投票数 k（1–64）" en="Votes k (1–64)" key="k" range=("0", "", "1") value=text(|p| p.majority.k.to_string()) set />
            <ParamField lang zh="带验证器分数的样本（答案:分数）" en="Samples with verifier scores (answer:score)" key="samples"
                value=text(|p| samples_to_string(&p.majority.samples)) set />
        }
        .into_any(),
        Panel::Budget => view! {
            <ParamField lang zh="总预算 B（样本数）" en="Budget B (samples)" key="budget" range=("0", "", "1") value=text(|p| p.budget.budget.to_string()) set />
            <ParamField lang zh="各题单次成功率 p（最多 16 题）" en="Per-problem success rates p (≤ 16)" key="p"
                value=text(|p| join_f64(&p.budget.p)) set />
        }
        .into_any(),
        Panel::BonKl => view! {
            <ParamField lang zh="候选数 N" en="Candidates N" key="n" range=("0", "", "1") value=text(|p| p.bon.n.to_string()) set />
        }
        .into_any(),
    }
    };
    view! {
        <div class="controls tts-controls">
            <label class="field">
                <span>{tr(lang, "面板", "Panel")}</span>
                <select data-control="panel" prop:value=move || panel.get().code()
                    on:change=move |ev| set.run(("panel", Some(event_target_value(&ev))))>
                    {move || { let l = lang.get(); Panel::ALL.iter().map(|x| view! {
                        <option value=x.code() selected=*x == panel.get_untracked()>{panel_label(*x, l)}</option>
                    }).collect_view() }}
                </select>
            </label>
            {fields}
        </div>
    }
}
