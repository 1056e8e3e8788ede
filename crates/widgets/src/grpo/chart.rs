//! Two plotters charts on HiDPI canvases: the clipped surrogate against the ratio ρ for
//! A > 0 and A < 0 (clip zones shaded, each response marked), and the chance
//! pᴳ + (1 − p)ᴳ that a group has no signal, against G.

use super::Result;
use crate::fmt::num;
use crate::plot::{ChartFigure, Plot};
use crate::WidgetEnv;
use explorables_core::grpo::clip::{clip_region, surrogate_curves};
use explorables_core::grpo::shaping::zero_signal_curve;
use explorables_core::grpo::{GroupResult, MAX_G, MAX_RATIO};
use explorables_core::lang::Lang;
use leptos::prelude::*;
use plotters::prelude::*;
use web_sys::HtmlCanvasElement;

/// The chart colours: positive and negative advantages, the clip zone.
const POS: usize = 0;
const NEG: usize = 1;
const ZONE: usize = 3;

/// The ρ range shown: every ratio and both clip edges, with room on each side.
pub fn rho_range(r: &GroupResult) -> (f64, f64) {
    let (lo, hi) = clip_region(r.params.eps_low, r.params.eps_high);
    let lo0 = r.params.ratios.iter().copied().fold(lo.min(1.0), f64::min);
    let hi0 = r.params.ratios.iter().copied().fold(hi.max(1.0), f64::max);
    let pad = (hi0 - lo0).max(1e-3);
    ((lo0 - pad).max(0.0), (hi0 + pad).min(MAX_RATIO))
}

/// Decimals that tell apart ticks over a span.
fn decimals(span: f64) -> usize {
    if span >= 2.0 {
        1
    } else if span >= 0.2 {
        2
    } else {
        ((-span.log10()).ceil() as usize + 2).min(6)
    }
}

fn draw_surrogate(canvas: &HtmlCanvasElement, css_w: f64, r: &GroupResult, l: Lang) -> Option<()> {
    let (t, root) = Plot::start(canvas, css_w, 0.6, (220.0, 340.0))?;
    let px = |v: f64| t.px(v);
    let font = |size: f64| t.font(size);
    let p = &r.params;
    let (x0, x1) = rho_range(r);
    let curves = surrogate_curves(1.0, p.eps_low, p.eps_high, (x0, x1), 241);
    let ys = curves.iter().flat_map(|c| c.points.iter().map(|q| q.1));
    let (mut y0, mut y1) = ys.fold((0.0f64, 0.0f64), |(a, b), y| (a.min(y), b.max(y)));
    let pad = ((y1 - y0) * 0.08).max(1e-3);
    y0 -= pad;
    y1 += pad;
    let mut chart = ChartBuilder::on(&root)
        .margin(px(10.0))
        .x_label_area_size(px(38.0))
        .y_label_area_size(px(48.0))
        .build_cartesian_2d(x0..x1, y0..y1)
        .ok()?;
    let dx = decimals(x1 - x0);
    let dy = decimals(y1 - y0);
    let xf = move |v: &f64| num(*v, dx);
    let yf = move |v: &f64| num(*v, dy);
    chart
        .configure_mesh()
        .x_labels(6)
        .y_labels(6)
        .x_label_formatter(&xf)
        .y_label_formatter(&yf)
        .x_desc(l.pick("比率 ρ", "ratio ρ"))
        .y_desc(l.pick("代理目标 ÷ |A|", "surrogate ÷ |A|"))
        .axis_desc_style(font(12.0))
        .label_style(font(11.0))
        .axis_style(t.border.stroke_width(px(1.0)))
        .bold_line_style(t.border.mix(0.5).stroke_width(px(1.0)))
        .light_line_style(TRANSPARENT)
        .draw()
        .ok()?;
    // The clip zones: flat for A < 0 left of 1 − ε_low, flat for A > 0 right of 1 + ε_high.
    let (lo, hi) = clip_region(p.eps_low, p.eps_high);
    let zone = t.series[ZONE].mix(0.12).filled();
    if lo > x0 {
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(x0, y0), (lo.min(x1), y1)],
                zone,
            )))
            .ok()?;
    }
    if hi < x1 {
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(hi.max(x0), y0), (x1, y1)],
                zone,
            )))
            .ok()?;
    }
    for e in [lo, hi] {
        if e > x0 && e < x1 {
            chart
                .draw_series(DashedLineSeries::new(
                    vec![(e, y0), (e, y1)],
                    px(4.0),
                    px(3.0),
                    t.series[ZONE].stroke_width(px(1.0)),
                ))
                .ok()?;
        }
    }
    for (c, colour) in curves.iter().zip([t.series[POS], t.series[NEG]]) {
        chart
            .draw_series(LineSeries::new(
                c.points.iter().map(|q| (q.0, q.1)),
                colour.stroke_width(px(2.5)),
            ))
            .ok()?;
    }
    // Each response at (ρᵢ, surrogateᵢ / |Aᵢ|); a response with A = 0 sits on the axis.
    for (i, s) in r.surrogates.iter().enumerate() {
        let a = r.advantages[i];
        let rho = p.ratios[i].clamp(x0, x1);
        let y = if a == 0.0 { 0.0 } else { s.value / a.abs() };
        let colour = if a > 0.0 {
            t.series[POS]
        } else if a < 0.0 {
            t.series[NEG]
        } else {
            t.fg
        };
        let style = if s.clipped {
            colour.stroke_width(px(2.0))
        } else {
            colour.filled()
        };
        chart
            .draw_series(std::iter::once(Circle::new((rho, y), px(5.0), style)))
            .ok()?;
        chart
            .draw_series(std::iter::once(Text::new(
                format!("{}", i + 1),
                (rho, y),
                font(11.0).pos(plotters::style::text_anchor::Pos::new(
                    plotters::style::text_anchor::HPos::Left,
                    plotters::style::text_anchor::VPos::Bottom,
                )),
            )))
            .ok()?;
    }
    root.present().ok()
}

fn draw_zero(canvas: &HtmlCanvasElement, css_w: f64, r: &GroupResult, l: Lang) -> Option<()> {
    let (t, root) = Plot::start(canvas, css_w, 0.5, (160.0, 240.0))?;
    let px = |v: f64| t.px(v);
    let font = |size: f64| t.font(size);
    let g_max = 32.max(r.params.g()).min(MAX_G);
    let pts = zero_signal_curve(r.params.p, 2, g_max);
    let mut chart = ChartBuilder::on(&root)
        .margin(px(10.0))
        .x_label_area_size(px(34.0))
        .y_label_area_size(px(44.0))
        .build_cartesian_2d(2f64..g_max as f64, 0f64..1.02)
        .ok()?;
    let xf = |v: &f64| format!("{}", v.round());
    let yf = |v: &f64| num(*v, 1);
    chart
        .configure_mesh()
        .x_labels(8)
        .y_labels(6)
        .x_label_formatter(&xf)
        .y_label_formatter(&yf)
        .x_desc(l.pick("组大小 G", "group size G"))
        .axis_desc_style(font(12.0))
        .label_style(font(11.0))
        .axis_style(t.border.stroke_width(px(1.0)))
        .bold_line_style(t.border.mix(0.5).stroke_width(px(1.0)))
        .light_line_style(TRANSPARENT)
        .draw()
        .ok()?;
    chart
        .draw_series(LineSeries::new(
            pts.iter().map(|&(g, v)| (g as f64, v)),
            t.series[POS].stroke_width(px(2.0)),
        ))
        .ok()?;
    let g = r.params.g() as f64;
    chart
        .draw_series(std::iter::once(Circle::new(
            (g, r.zero_signal_prob),
            px(5.0),
            t.series[NEG].filled(),
        )))
        .ok()?;
    root.present().ok()
}

/// One canvas figure re-drawn when the result, the width, the language or the theme changes.
fn canvas_figure(
    result: Result,
    env: WidgetEnv,
    class: &'static str,
    testid: &'static str,
    draw: fn(&HtmlCanvasElement, f64, &GroupResult, Lang) -> Option<()>,
    summary: fn(&GroupResult, Lang) -> String,
    legend: AnyView,
) -> impl IntoView {
    let lang = env.lang;
    let redraw = move |c: &HtmlCanvasElement, w, l| {
        result.with(|r| draw(c, w, r, l));
    };
    let text = Signal::derive(move || result.with(|r| summary(r, lang.get())));
    view! {
        <ChartFigure env class testid widths=(480.0, 220.0, 760.0) draw=redraw label=text>
            {legend}
            <figcaption class="grpo-hint">{text}</figcaption>
        </ChartFigure>
    }
}

fn surrogate_summary(r: &GroupResult, l: Lang) -> String {
    let (lo, hi) = clip_region(r.params.eps_low, r.params.eps_high);
    let n = r.surrogates.iter().filter(|s| s.clipped).count();
    match l {
        Lang::Zh => format!(
            "截断代理目标 min(ρ·A, clip(ρ, {}, {})·A) 随 ρ 的变化（除以 |A|）。蓝线 A > 0：ρ > {} 后变平；红线 A < 0：ρ < {} 后变平。阴影为截断区，点为各条回答（编号），空心点表示被截断、梯度为 0：共 {n} 条。",
            num(lo, 6), num(hi, 6), num(hi, 6), num(lo, 6)
        ),
        Lang::En => format!(
            "Clipped surrogate min(ρ·A, clip(ρ, {}, {})·A) against ρ (divided by |A|). Blue, A > 0: flat past ρ = {}; red, A < 0: flat below ρ = {}. Shaded: the clip zones; dots: the responses (numbered), hollow where clipped with zero gradient: {n} of them.",
            num(lo, 6), num(hi, 6), num(hi, 6), num(lo, 6)
        ),
    }
}

fn zero_summary(r: &GroupResult, l: Lang) -> String {
    let p = r.params.p;
    match l {
        Lang::Zh => format!(
            "整组奖励全相同（无信号）的概率 pᴳ + (1−p)ᴳ 随 G 的变化，p = {}。当前 G = {} 时为 {}。",
            num(p, 4), r.params.g(), num(r.zero_signal_prob, 6)
        ),
        Lang::En => format!(
            "Chance pᴳ + (1−p)ᴳ that every reward of the group is equal (no signal) against G, for p = {}. At G = {}: {}.",
            num(p, 4), r.params.g(), num(r.zero_signal_prob, 6)
        ),
    }
}

#[component]
pub fn SurrogateChart(result: Result, env: WidgetEnv) -> impl IntoView {
    let lang = env.lang;
    let legend = view! {
        <ul class="grpo-legend">
            <li><i style="background:var(--chart-1)"></i>{crate::i18n::tr(lang, "A > 0", "A > 0")}</li>
            <li><i style="background:var(--chart-2)"></i>{crate::i18n::tr(lang, "A < 0", "A < 0")}</li>
            <li><i class="grpo-zone"></i>{crate::i18n::tr(lang, "截断区（梯度为 0 的一侧）", "clip zone (flat side)")}</li>
        </ul>
    }
    .into_any();
    canvas_figure(
        result,
        env,
        "grpo-chart",
        "grpo-surrogate-chart",
        draw_surrogate,
        surrogate_summary,
        legend,
    )
}

#[component]
pub fn ZeroSignalChart(result: Result, env: WidgetEnv) -> impl IntoView {
    canvas_figure(
        result,
        env,
        "grpo-chart grpo-chart-small",
        "grpo-zero-chart",
        draw_zero,
        zero_summary,
        ().into_any(),
    )
}
