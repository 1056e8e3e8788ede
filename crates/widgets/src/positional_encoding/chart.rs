//! The chart ([`ChartData`]) drawn with plotters on a HiDPI canvas: theme colours
//! `--chart-1..4`, a vertical line at the current distance, an HTML legend under it.

use super::chart_data::{chart_data, ChartData};
use super::Params;
use crate::plot::{ChartFigure, Plot};
use crate::WidgetEnv;
use explorables_core::lang::Lang;
use leptos::prelude::*;
use plotters::prelude::*;
use web_sys::HtmlCanvasElement;

fn short(v: f64) -> String {
    if v >= 1024.0 {
        format!("{}K", (v / 1024.0).round())
    } else {
        format!("{}", v.round())
    }
}

fn draw(canvas: &HtmlCanvasElement, css_w: f64, d: &ChartData, l: Lang) -> Option<()> {
    let (p, root) = Plot::start(canvas, css_w, 0.55, (240.0, 360.0))?;
    let (fg, border, pal) = (p.fg, p.border, p.series);
    let px = |v: f64| p.px(v);
    let font = |size: f64| p.font(size);
    let mut chart = ChartBuilder::on(&root)
        .margin(px(10.0))
        .x_label_area_size(px(38.0))
        .y_label_area_size(px(52.0))
        .build_cartesian_2d(d.x.0..d.x.1, d.y.0..d.y.1)
        .ok()?;
    let log_x = d.log_x;
    let x_fmt = move |v: &f64| {
        if log_x {
            short(2f64.powf(*v))
        } else {
            short(*v)
        }
    };
    let x_desc = if log_x {
        l.pick(
            "距离 Δ（token，对数刻度）",
            "distance Δ (tokens, log scale)",
        )
    } else {
        l.pick("距离 Δ（token）", "distance Δ (tokens)")
    };
    chart
        .configure_mesh()
        .x_label_formatter(&x_fmt)
        .x_desc(x_desc)
        .axis_desc_style(font(12.0))
        .label_style(font(11.0))
        .axis_style(border.stroke_width(px(1.0)))
        .bold_line_style(border.mix(0.5).stroke_width(px(1.0)))
        .light_line_style(TRANSPARENT)
        .draw()
        .ok()?;
    if let Some(e) = d.edge {
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(e, d.y.0), (e, d.y.1)],
                pal[3].stroke_width(px(2.0)),
            )))
            .ok()?;
    }
    for s in &d.series {
        let c = pal[(s.color.max(1) - 1) % 4];
        let w = if s.bold { 2.5 } else { 1.5 };
        chart
            .draw_series(LineSeries::new(
                s.points.iter().copied(),
                c.stroke_width(px(w)),
            ))
            .ok()?;
    }
    let mx = d.marker.clamp(d.x.0, d.x.1);
    chart
        .draw_series(std::iter::once(PathElement::new(
            vec![(mx, d.y.0), (mx, d.y.1)],
            fg.mix(0.6).stroke_width(px(1.0)),
        )))
        .ok()?;
    root.present().ok()
}

#[component]
pub fn PeChart(params: Params, env: WidgetEnv) -> impl IntoView {
    let lang = env.lang;
    let data = Memo::new(move |_| {
        let l = lang.get();
        params.with(|p| chart_data(p, l))
    });
    let redraw = move |c: &HtmlCanvasElement, w, l| {
        data.with(|d| d.as_ref().map(|d| draw(c, w, d, l)));
    };
    let summary = Signal::derive(move || {
        data.with(|d| d.as_ref().map(|d| d.summary.clone()).unwrap_or_default())
    });
    view! {
        <div class="pe-chart-slot" hidden=move || data.with(Option::is_none)>
            <ChartFigure env class="pe-chart" testid="pe-chart" widths=(560.0, 240.0, 900.0) draw=redraw label=summary>
                <ul class="pe-legend" data-testid="pe-legend">{move || data.with(|d| d.iter().flat_map(|d| d.series.iter()).map(|s| view! {
                    <li class:pe-bold=s.bold><i style=format!("background:var(--chart-{})", s.color)></i>{s.label.clone()}</li>
                }).collect_view())}</ul>
                <figcaption class="pe-hint">{summary}</figcaption>
            </ChartFigure>
        </div>
    }
}
