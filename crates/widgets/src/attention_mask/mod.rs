//! Attention-mask lab: who can see whom, for eleven presets (prefix-LM, ChatGLM-6B, LLaMA,
//! prefix-tuning, sliding window, Gemma 3, Llama 4, packed documents, custom AND/OR…).
//! The mask math is `explorables_core::mask`; this module is the view.

mod controls;
mod draw;
mod state;
mod stats;

use crate::dom::measured_width;
use crate::frame::WidgetFrame;
use crate::i18n::tr;
use crate::WidgetEnv;
use controls::Controls;
use draw::{draw_cursor, draw_mask, draw_tiles, repaint_heatmap, Geometry};
use explorables_core::lang::Lang;
use explorables_core::mask::{Mask, MaskParams, TILE_DEFAULT};
use explorables_core::params::Notice;
use leptos::prelude::*;
use stats::{MaskStats, PositionTable};

/// One canvas with hover and keyboard exploration of its cells.
#[component]
fn MaskCanvas(
    mask: Signal<Mask>,
    cursor: RwSignal<Option<(u32, u32)>>,
    /// CSS width to draw at.
    width: Signal<f64>,
    env: WidgetEnv,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let geometry = StoredValue::new(Geometry::new(400.0, 4, 4));
    // The unlabelled heatmap as drawn, so the cursor moves without pooling again.
    let heatmap = StoredValue::new_local(None::<web_sys::ImageData>);
    let paint_cursor = move |canvas: &web_sys::HtmlCanvasElement, c: Option<(u32, u32)>| {
        let g = geometry.get_value();
        if let Some(c) = c.filter(|&(q, k)| q < g.rows && k < g.cols) {
            draw_cursor(canvas, &g, c);
        }
    };
    let paint = move |canvas: &web_sys::HtmlCanvasElement, w: f64| {
        let drawn = mask.with_untracked(|m| draw_mask(canvas, m, w));
        geometry.set_value(drawn.geometry);
        heatmap.set_value(drawn.heatmap);
    };
    Effect::new(move |_| {
        env.theme.track();
        mask.track();
        let w = width.get();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        paint(&canvas, w);
        paint_cursor(&canvas, cursor.get_untracked());
    });
    Effect::new(move |prev: Option<()>| {
        let c = cursor.get();
        if prev.is_none() {
            return; // the first paint is the heatmap effect's
        }
        let Some(canvas) = canvas_ref.get_untracked() else {
            return;
        };
        let kept = heatmap.with_value(|img| {
            img.as_ref()
                .map(|img| repaint_heatmap(&canvas, img))
                .is_some()
        });
        if !kept {
            paint(&canvas, width.get_untracked()); // labelled: few cells, cheap to redraw
        }
        paint_cursor(&canvas, c);
    });
    let on_move = move |ev: web_sys::PointerEvent| {
        let g = geometry.get_value();
        cursor.set(g.cell_at(ev.offset_x() as f64, ev.offset_y() as f64));
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let (rows, cols) = mask.with_untracked(|m| (m.n_queries(), m.n_keys()));
        let (q, k) = cursor.get_untracked().unwrap_or((0, 0));
        let step = if ev.shift_key() {
            (rows / 16).max(1)
        } else {
            1
        };
        let next = match ev.key().as_str() {
            "ArrowUp" => Some((q.saturating_sub(step), k)),
            "ArrowDown" => Some(((q + step).min(rows - 1), k)),
            "ArrowLeft" => Some((q, k.saturating_sub(step))),
            "ArrowRight" => Some((q, (k + step).min(cols - 1))),
            "Home" => Some((q, 0)),
            "End" => Some((q, cols - 1)),
            "Escape" => None,
            _ => return,
        };
        ev.prevent_default();
        cursor.set(next);
    };
    view! {
        <canvas class="mask-canvas" node_ref=canvas_ref tabindex="0" role="img"
            aria-label=label
            on:pointermove=on_move
            on:pointerleave=move |_| {}
            on:focus=move |_| if cursor.get_untracked().is_none() { cursor.set(Some((0, 0))) }
            on:keydown=on_key></canvas>
    }
}

#[component]
pub fn AttentionMaskLab(
    /// Initial URL parameters (`preset=prefix-lm&n=6&prefix=3`).
    initial: String,
    env: WidgetEnv,
    /// Receives the state as URL parameters whenever it changes.
    on_params: Option<Callback<String>>,
) -> impl IntoView {
    let lang = env.lang;
    let (p0, n0) = state::from_query(&initial);
    let params = RwSignal::new(p0);
    let notices: RwSignal<Vec<Notice>> = RwSignal::new(n0);
    let mask = Memo::new(move |_| Mask::build(&params.get()));
    let compare = Memo::new(move |_| Mask::build_compare(&params.get()));
    let query = Memo::new(move |_| state::to_query(&params.get()));
    Effect::new(move |_| {
        let q = query.get();
        if let Some(cb) = on_params {
            cb.run(q);
        }
    });
    let cursor = RwSignal::new(None::<(u32, u32)>);
    let show_tiles = RwSignal::new(false);
    let wrap_ref = NodeRef::<leptos::html::Div>::new();
    let total_width = measured_width(
        move || wrap_ref.get().map(|w| w.client_width()),
        480.0,
        0.0,
        f64::INFINITY,
    );
    let each_width = Signal::derive(move || {
        let w = total_width.get();
        let cmp = compare.with(Option::is_some);
        (if cmp && w >= 640.0 {
            (w - 16.0) / 2.0
        } else {
            w
        })
        .min(720.0)
    });
    let explain = move || {
        let l = lang.get();
        match cursor.get() {
            Some((q, k)) => mask.with(|m| {
                let q = q.min(m.n_queries().saturating_sub(1));
                let k = k.min(m.n_keys().saturating_sub(1));
                m.explain(q, k, l)
            }),
            None => l.pick("把鼠标移到格子上，或聚焦画布后用方向键移动，查看每个位置为什么能（或不能）看到另一个位置。",
                "Hover a cell, or focus the canvas and use the arrow keys, to see why a token can (or cannot) see another.").to_string(),
        }
    };
    let export = Signal::derive(move || {
        mask.with(|m| match m.export_json() {
            Ok(json) => json,
            Err(e) => format!(
                "{{\"error\": \"n = {} is too large to export (at most {}); lower n to export the matrix\"}}",
                m.n_queries(),
                e.max
            ),
        })
    });
    let tiles_ref = NodeRef::<leptos::html::Canvas>::new();
    let tile_stats = RwSignal::new(None::<(u64, u64, u64, f64)>);
    Effect::new(move |_| {
        env.theme.track();
        if !show_tiles.get() {
            return;
        }
        let w = total_width.get().min(480.0);
        let Some(canvas) = tiles_ref.get() else {
            return;
        };
        let s = mask.with(|m| draw_tiles(&canvas, m, TILE_DEFAULT, w));
        tile_stats.set(Some((s.full, s.partial, s.empty, s.skipped_fraction())));
    });
    let primary_label = Signal::derive(move || mask.with(|m| m.summary(lang.get())));
    view! {
        <WidgetFrame name="attention-mask" lang params=query.into() notices=notices.into() export>
            <Controls params notices lang />
            <div class="mask-views" node_ref=wrap_ref class:compare=move || compare.with(Option::is_some)>
                <figure class="mask-view">
                    <figcaption>{move || mask.with(|m| m.preset().name(lang.get()).to_string())}</figcaption>
                    <MaskCanvas mask=mask.into() cursor width=each_width env label=primary_label />
                </figure>
                {move || compare.get().map(|c| {
                    let cmask = Signal::derive(move || compare.get().unwrap_or_else(|| c.clone()));
                    let label = Signal::derive(move || cmask.with(|m| m.summary(lang.get())));
                    view! {
                        <figure class="mask-view">
                            <figcaption>{move || cmask.with(|m| m.preset().name(lang.get()).to_string())}</figcaption>
                            <MaskCanvas mask=cmask cursor width=each_width env label />
                        </figure>
                    }
                })}
            </div>
            <p class="mask-explain" aria-live="polite" data-testid="mask-explain">{explain}</p>
            <MaskStats mask compare params lang />
            <PositionTable mask lang />
            <label class="inline-check">
                <input type="checkbox" prop:checked=show_tiles on:change=move |ev| show_tiles.set(event_target_checked(&ev)) />
                {tr(lang, "分块稀疏视图（128×128 块，FlexAttention 的视角）", "Block-sparsity view (128×128 tiles, as FlexAttention sees them)")}
            </label>
            <Show when=move || show_tiles.get()>
                <div class="tiles-view">
                    <canvas node_ref=tiles_ref class="tiles-canvas" role="img"
                        aria-label=tr(lang, "分块稀疏图", "Block-sparsity map")></canvas>
                    <p data-testid="tile-stats">{move || tile_stats.get().map(|(f, p, e, skip)| match lang.get() {
                        Lang::Zh => format!("全可见块 {f}，部分可见块 {p}，空块 {e}：可跳过 {:.1}% 的块计算。", skip * 100.0),
                        Lang::En => format!("{f} full, {p} partial, {e} empty tiles: {:.1}% of the block compute can be skipped.", skip * 100.0),
                    })}</p>
                </div>
            </Show>
            <details class="about" open>
                <summary>{tr(lang, "这个掩码是什么？", "What is this mask?")}</summary>
                <p>{move || params.with(|p| p.preset.about(lang.get()))}</p>
                <p class="source">{tr(lang, "来源：", "Source: ")}{move || params.with(|p| p.preset.source())}</p>
            </details>
        </WidgetFrame>
    }
}

/// Keeps `MaskParams` available to the submodules without another import path.
pub(crate) type Params = RwSignal<MaskParams>;
