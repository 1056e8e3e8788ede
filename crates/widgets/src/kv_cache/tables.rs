//! Two tables: this model's attention redone as each variant (what each one saves), and the
//! cost of one decode step for the model and the comparison models (weights + KV read, FLOPs,
//! total vs active parameters: why an MoE model with MLA is cheap per token).

use super::calc::{all_requests, flop_count, ratio, variant_rows, VariantRow};
use super::labels::{mla_slug, times, variant_label, variant_slug};
use super::Params;
use explorables_core::kv::{
    decode_step, format_bytes, format_params, DecodeStep, KvParams, KvRequest, MlaMode, Variant,
};
use explorables_core::lang::Lang;
use explorables_core::models::{param_counts, ModelPreset};
use leptos::prelude::*;

/// Table headers in the reader's language.
fn head(l: Lang, cols: &[(&'static str, &'static str)]) -> impl IntoView {
    let cells = cols
        .iter()
        .map(|(zh, en)| view! { <th scope="col">{l.pick(zh, en)}</th> });
    view! { <thead><tr>{cells.collect_view()}</tr></thead> }
}

/// The variant's name, with what an MLA cache holds where that matters.
fn row_name(r: &VariantRow, m: &ModelPreset, l: Lang) -> String {
    let mut name = variant_label(r.variant, m, l);
    if r.variant == Variant::Mla || (r.variant == Variant::Native && m.mla.is_some()) {
        name.push_str(match (r.mla, l) {
            (MlaMode::Latent, Lang::Zh) => "，潜向量",
            (MlaMode::Latent, Lang::En) => ", latent",
            (MlaMode::Decompressed, Lang::Zh) => "，解压",
            (MlaMode::Decompressed, Lang::En) => ", decompressed",
        });
    }
    name
}

#[component]
pub fn VariantsTable(params: Params, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let l = lang.get();
        let p = params.get();
        let rows = variant_rows(&p);
        let native = rows.first().map_or(0, |r| r.result.total_bytes);
        let caption = match l {
            Lang::Zh => format!(
                "把 {} 的注意力换成别的方案（T = {}，B = {}，{}）",
                p.model.name,
                p.ctx,
                p.batch,
                p.dtype.slug()
            ),
            Lang::En => format!(
                "{} with its attention redone (T = {}, B = {}, {})",
                p.model.name,
                p.ctx,
                p.batch,
                p.dtype.slug()
            ),
        };
        let body = rows.iter().map(|r| {
            let (variant, mla, current) = (r.variant, r.mla, r.current);
            let name = row_name(r, p.model, l);
            // The accessible name starts with the visible label (WCAG 2.5.3).
            let visible = if current { l.pick("当前", "current") } else { l.pick("使用", "use") };
            let action = format!("{visible} {name}");
            let set = move |_| {
                params.update(|p| {
                    p.variant = variant;
                    if matches!(variant, Variant::Mla | Variant::Native) {
                        p.mla = mla;
                    }
                })
            };
            view! {
                <tr class:current=current data-variant=variant_slug(variant) data-mla=mla_slug(mla)>
                    <th scope="row">{name}</th>
                    <td>{r.result.elements_per_token_per_layer}</td>
                    <td>{format_bytes(r.result.bytes_per_token)}</td>
                    <td><output data-key="variant-bytes" data-value=r.result.total_bytes.to_string()>{format_bytes(r.result.total_bytes)}</output></td>
                    <td>{format!("{:.3}×", ratio(r.result.total_bytes, native))}</td>
                    <td>
                        <button type="button" class="small-button" disabled=current aria-label=action on:click=set>
                            {visible}
                        </button>
                    </td>
                </tr>
            }
        });
        view! {
            <div class="table-scroll">
                <table class="kv-table" data-testid="kv-variants">
                    <caption>{caption}</caption>
                    {head(l, &[
                        ("注意力", "Attention"),
                        ("每层每 token 缓存的数", "Numbers cached per token per layer"),
                        ("每 token（所有层）", "Per token (all layers)"),
                        ("总量", "Total"),
                        ("相对原生", "vs native"),
                        ("操作", "Action"),
                    ])}
                    <tbody>{body.collect_view()}</tbody>
                </table>
            </div>
        }
        .into_any()
    }
}

/// The two first models compared in a sentence: who reads fewer bytes per token, and why.
fn summary(rows: &[(KvRequest<'static>, DecodeStep)], l: Lang) -> String {
    let (Some(a), Some(b)) = (rows.first(), rows.get(1)) else {
        return l.pick(
            "解码每一步都要把激活的权重和整个 KV 缓存从显存读一遍；MoE 模型只读被路由到的专家。添加一个对比模型，看看谁每个 token 更便宜。",
            "Each decode step streams the active weights and the whole KV cache from memory; an MoE model reads only the experts it routes to. Add a comparison model to see which one is cheaper per token.",
        )
        .to_string();
    };
    let (na, nb) = (a.0.model.name, b.0.model.name);
    let (ra, rb) = (a.1.bytes_read, b.1.bytes_read);
    let (x, cheap, dear) = if ra <= rb {
        (ratio(rb, ra), na, nb)
    } else {
        (ratio(ra, rb), nb, na)
    };
    let (ca, cb) = (param_counts(a.0.model), param_counts(b.0.model));
    let (ta, aa, tb, ab) = (
        format_params(ca.total),
        format_params(ca.active),
        format_params(cb.total),
        format_params(cb.active),
    );
    match l {
        Lang::Zh => format!("每生成一个 token，{cheap} 要读的字节是 {dear} 的 1/{x:.1}。{na}：共 {ta} 参数、每 token 激活 {aa}；{nb}：共 {tb}、激活 {ab}。解码受内存带宽限制，读得少就快、就便宜。"),
        Lang::En => format!("Per generated token, {cheap} reads {} fewer bytes than {dear}. {na}: {ta} parameters, {aa} active per token; {nb}: {tb} total, {ab} active. Decoding is memory-bound, so reading less is what makes it fast and cheap.", times(x)),
    }
}

/// One decode step's numbers per model.
fn decode_rows(p: &KvParams) -> Vec<(KvRequest<'static>, DecodeStep)> {
    all_requests(p)
        .into_iter()
        .map(|r| (r, decode_step(&r, p.weight_dtype)))
        .collect()
}

#[component]
pub fn DecodeCost(params: Params, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let l = lang.get();
        let p = params.get();
        let rows = decode_rows(&p);
        let caption = match l {
            Lang::Zh => format!(
                "一步解码的代价（整个批次，权重 {}，KV {}）",
                p.weight_dtype.slug(),
                p.dtype.slug()
            ),
            Lang::En => format!(
                "Cost of one decode step (whole batch, weights in {}, KV in {})",
                p.weight_dtype.slug(),
                p.dtype.slug()
            ),
        };
        let body = rows.iter().map(|(r, d)| {
            let c = param_counts(r.model);
            let flops = flop_count(d.flops);
            view! {
                <tr data-model=r.model.id>
                    <th scope="row">{r.model.name}</th>
                    <td>{format!("{} / {}", format_params(c.total), format_params(c.active))}</td>
                    <td>{format_bytes(d.weight_bytes_read)}</td>
                    <td>{format_bytes(d.kv_bytes_read)}</td>
                    <td><output data-key="decode-bytes-read" data-value=d.bytes_read.to_string()>{format_bytes(d.bytes_read)}</output></td>
                    <td><output data-key="decode-flops" data-value=flops.to_string()>{format_params(flops)}</output></td>
                    <td>{format!("{:.1}", d.arithmetic_intensity)}</td>
                </tr>
            }
        });
        view! {
            <div class="table-scroll">
                <table class="kv-table" data-testid="kv-decode">
                    <caption>{caption}</caption>
                    {head(l, &[
                        ("模型", "Model"),
                        ("参数（总 / 激活）", "Params (total / active)"),
                        ("读权重", "Weights read"),
                        ("读 KV", "KV read"),
                        ("共读", "Bytes read"),
                        ("FLOPs", "FLOPs"),
                        ("FLOP / 字节", "FLOP / byte"),
                    ])}
                    <tbody>{body.collect_view()}</tbody>
                </table>
            </div>
            <p class="kv-explain" data-testid="kv-decode-summary">{summary(&rows, l)}</p>
        }
        .into_any()
    }
}
