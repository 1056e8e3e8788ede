//! Counts under the canvas (visible pairs, density, KV a new token keeps, receptive field),
//! each with its exact value in `data-value`, and GLM's 2D position ids.

use super::Params;
use crate::i18n::tr;
use explorables_core::lang::Lang;
use explorables_core::mask::{Mask, Preset};
use leptos::prelude::*;

#[component]
pub fn MaskStats(
    mask: Memo<Mask>,
    compare: Memo<Option<Mask>>,
    params: Params,
    lang: Signal<Lang>,
) -> impl IntoView {
    // Each count walks every row once; compute them once per mask, not once per use.
    let counts = Memo::new(move |_| {
        mask.with(|m| {
            let total = m.n_queries() as u64 * m.n_keys() as u64;
            let pairs = m.visible_pairs();
            let density = if total == 0 {
                0.0
            } else {
                pairs as f64 / total as f64
            };
            (pairs, total, density, m.kv_keep_for_next_token())
        })
    });
    let pairs = move || counts.get().0;
    let total = move || counts.get().1;
    let density = move || counts.get().2;
    let keep = move || counts.get().3;
    let sliding =
        move || params.with(|p| matches!(p.preset, Preset::SlidingWindow | Preset::Gemma3));
    view! {
        <dl class="stats">
            <div>
                <dt>{tr(lang, "可见的 (查询, 键) 对", "Visible (query, key) pairs")}</dt>
                <dd><output data-key="visible-pairs" data-value=move || pairs().to_string()>{move || format!("{} / {}", pairs(), total())}</output></dd>
            </div>
            <div>
                <dt>{tr(lang, "密度", "Density")}</dt>
                <dd><output data-key="density" data-value=move || format!("{:.6}", density())>{move || format!("{:.1}%", density() * 100.0)}</output></dd>
            </div>
            <div>
                <dt>{tr(lang, "新词元需保留的 KV 数（本层）", "KV entries a new token must keep (this layer)")}</dt>
                <dd><output data-key="kv-keep" data-value=move || keep().to_string()>{move || keep().to_string()}</output></dd>
            </div>
            <Show when=sliding>
                <div>
                    <dt>{tr(lang, "堆叠 k 层后的感受野", "Receptive field after k stacked layers")}</dt>
                    <dd data-key="receptive-field">{move || mask.with(|m| [1u32, 2, 4, 8, 32].iter()
                        .map(|&k| format!("k={k}: {}", m.receptive_field(k))).collect::<Vec<_>>().join(" · "))}</dd>
                </div>
            </Show>
            {move || compare.with(|c| c.as_ref().and_then(|c| mask.with(|m| m.differing_pairs(c)))).map(|d| view! {
                <div>
                    <dt>{tr(lang, "两个掩码不同的格子", "Cells where the two masks differ")}</dt>
                    <dd><output data-key="differing-pairs" data-value=d.to_string()>{d.to_string()}</output></dd>
                </div>
            })}
        </dl>
    }
}

/// GLM's 2D positions: (position id, block position id) per token.
#[component]
pub fn PositionTable(mask: Memo<Mask>, lang: Signal<Lang>) -> impl IntoView {
    let rows = move || {
        mask.with(|m| {
            let ids = m.position_ids()?;
            if ids.len() > 64 {
                return None;
            }
            Some(
                m.query_labels()
                    .iter()
                    .cloned()
                    .zip(ids.iter().copied())
                    .collect::<Vec<_>>(),
            )
        })
    };
    view! {
        {move || rows().map(|rows| view! {
            <div class="table-scroll">
                <table class="positions" data-testid="glm-positions">
                    <caption>{tr(lang, "GLM 的二维位置编码", "GLM's 2D position ids")}</caption>
                    <tr><th scope="row">{tr(lang, "词元", "token")}</th>{rows.iter().map(|(t, _)| view! { <td>{t.clone()}</td> }).collect_view()}</tr>
                    <tr><th scope="row">{tr(lang, "位置 id", "position id")}</th>{rows.iter().map(|(_, p)| view! { <td>{p[0]}</td> }).collect_view()}</tr>
                    <tr><th scope="row">{tr(lang, "块位置 id", "block position id")}</th>{rows.iter().map(|(_, p)| view! { <td>{p[1]}</td> }).collect_view()}</tr>
                </table>
            </div>
        })}
    }
}
