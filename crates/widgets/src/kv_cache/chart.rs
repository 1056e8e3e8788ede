//! KV memory vs context (log–log) for the model and up to three comparison models, drawn with
//! plotters on a HiDPI canvas: one colour each from `--chart-1..4`, a thin line past each
//! model's trained context, a vertical marker and a dot at the current T; the legend is HTML under the canvas.

use super::axis::{lg, log2_ticks, TickAxis};
use super::calc::{all_requests, chart_x_max, curve};
use super::labels::{tokens_short, variant_label};
use super::Params;
use crate::i18n::tr;
use crate::plot::{ChartFigure, Plot};
use crate::WidgetEnv;
use explorables_core::kv::{format_bytes, MlaMode, Variant};
use explorables_core::lang::Lang;
use explorables_core::models::ModelPreset;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use web_sys::HtmlCanvasElement;

/// One curve: a model (and the variant it is redone with) and its `(T, bytes)` samples.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub model: &'static ModelPreset,
    pub variant: Variant,
    pub mla: MlaMode,
    pub points: Vec<(u64, u64)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartData {
    pub x_max: u64,
    pub marker: u64,
    pub lines: Vec<Line>,
}

pub fn chart_data(p: &explorables_core::kv::KvParams) -> ChartData {
    let x_max = chart_x_max(p);
    let lines = all_requests(p)
        .iter()
        .map(|r| Line {
            model: r.model,
            variant: r.variant,
            mla: r.mla,
            points: curve(r, x_max, p.ctx),
        })
        .collect();
    ChartData {
        x_max,
        marker: p.ctx.min(x_max),
        lines,
    }
}

fn line_label(l: &Line, lang: Lang) -> String {
    let mla = matches!(l.variant, Variant::Mla)
        || (l.variant == Variant::Native && l.model.mla.is_some());
    if mla && l.mla == MlaMode::Decompressed {
        return format!(
            "{} ({})",
            l.model.name,
            lang.pick("MLA 解压", "MLA decompressed")
        );
    }
    match l.variant {
        Variant::Native => l.model.name.to_string(),
        v => match lang {
            Lang::Zh => format!(
                "{}（改为 {}）",
                l.model.name,
                variant_label(v, l.model, lang)
            ),
            Lang::En => format!("{} as {}", l.model.name, variant_label(v, l.model, lang)),
        },
    }
}

/// Draws the chart `css_w` CSS pixels wide. Everything is in device pixels (`k` per CSS pixel).
pub fn draw(canvas: &HtmlCanvasElement, css_w: f64, data: &ChartData, lang: Lang) -> Option<()> {
    let (p, root) = Plot::start(canvas, css_w, 0.62, (260.0, 400.0))?;
    let (css_h, fg, border, palette) = (p.css_h, p.fg, p.border, p.series);
    let px = |v: f64| p.px(v);
    let font = |size: f64| p.font(size);
    let x_hi = lg(data.x_max).max(1.0);
    let all_bytes = data.lines.iter().flat_map(|l| l.points.iter().map(|p| p.1));
    let (lo, hi) = all_bytes.fold((u64::MAX, 1u64), |(lo, hi), b| {
        (lo.min(b.max(1)), hi.max(b))
    });
    let y_lo = lg(lo.min(hi)).floor();
    let y_hi = (lg(hi).ceil()).max(y_lo + 2.0);
    let xs: Vec<f64> = log2_ticks(0.0, x_hi, (css_w / 64.0) as usize)
        .into_iter()
        .map(f64::from)
        .collect();
    let ys: Vec<f64> = log2_ticks(y_lo, y_hi, (css_h / 40.0) as usize)
        .into_iter()
        .map(f64::from)
        .collect();
    let mut chart = ChartBuilder::on(&root)
        .margin(px(10.0))
        .x_label_area_size(px(38.0))
        .y_label_area_size(px(74.0))
        .build_cartesian_2d(
            TickAxis {
                lo: 0.0,
                hi: x_hi,
                ticks: xs,
            },
            TickAxis {
                lo: y_lo,
                hi: y_hi,
                ticks: ys,
            },
        )
        .ok()?;
    let x_fmt = |v: &f64| tokens_short(2f64.powf(v.round()) as u64);
    let y_fmt = |v: &f64| format_bytes(2f64.powf(v.round()) as u64);
    let x_desc = lang.pick(
        "上下文 T（token，对数刻度）",
        "context T (tokens, log scale)",
    );
    chart
        .configure_mesh()
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt)
        .x_desc(x_desc)
        .axis_desc_style(font(12.0))
        .label_style(font(11.0))
        .axis_style(border.stroke_width(px(1.0)))
        .bold_line_style(border.mix(0.6).stroke_width(px(1.0)))
        .draw()
        .ok()?;

    let mx = lg(data.marker);
    for (i, line) in data.lines.iter().enumerate() {
        let color = palette[i % palette.len()];
        let trained = lg(line.model.max_context);
        let pts: Vec<(f64, f64)> = line.points.iter().map(|&(t, b)| (lg(t), lg(b))).collect();
        let split = pts
            .iter()
            .take_while(|p| p.0 <= trained + 1e-9)
            .count()
            .max(1);
        let (inside, beyond) = (pts[..split].to_vec(), pts[split - 1..].to_vec());
        let width = if i == 0 { 3.0 } else { 2.0 };
        chart
            .draw_series(LineSeries::new(inside, color.stroke_width(px(width))))
            .ok()?;
        if beyond.len() > 1 {
            chart
                .draw_series(LineSeries::new(
                    beyond,
                    color.mix(0.6).stroke_width(px(1.0)),
                ))
                .ok()?;
        }
        if let Some(&(_, b)) = line.points.iter().find(|p| p.0 == data.marker) {
            chart
                .draw_series(std::iter::once(Circle::new(
                    (mx, lg(b)),
                    px(4.0),
                    color.filled(),
                )))
                .ok()?;
        }
    }
    chart
        .draw_series(std::iter::once(PathElement::new(
            vec![(mx, y_lo), (mx, y_hi)],
            fg.mix(0.6).stroke_width(px(1.0)),
        )))
        .ok()?;
    let (tx, ty) = chart.backend_coord(&(mx, y_hi));
    let right = mx > x_hi * 0.7;
    let anchor = Pos::new(if right { HPos::Right } else { HPos::Left }, VPos::Top);
    let dx = if right {
        -(px(5.0) as i32)
    } else {
        px(5.0) as i32
    };
    root.draw(&Text::new(
        format!("T = {}", data.marker),
        (tx + dx, ty + px(4.0) as i32),
        font(12.0).pos(anchor),
    ))
    .ok()?;
    root.present().ok()
}

#[component]
pub fn KvChart(params: Params, env: WidgetEnv) -> impl IntoView {
    let lang = env.lang;
    let data = Memo::new(move |_| params.with(chart_data));
    let redraw = move |c: &HtmlCanvasElement, w, l| {
        data.with(|d| draw(c, w, d, l));
    };
    let summary = Signal::derive(move || {
        let l = lang.get();
        data.with(|d| {
            let parts: Vec<String> = d
                .lines
                .iter()
                .filter_map(|line| {
                    let b = line.points.iter().find(|p| p.0 == d.marker)?.1;
                    Some(format!("{}: {}", line_label(line, l), format_bytes(b)))
                })
                .collect();
            match l {
                Lang::Zh => format!(
                    "KV 缓存随上下文长度变化的曲线（双对数坐标）。T = {} 时：{}",
                    d.marker,
                    parts.join("；")
                ),
                Lang::En => format!(
                    "KV cache vs context length (log–log). At T = {}: {}",
                    d.marker,
                    parts.join("; ")
                ),
            }
        })
    });
    view! {
        <ChartFigure env class="kv-chart" testid="kv-chart" widths=(560.0, 240.0, 900.0) draw=redraw label=summary>
            <ul class="kv-legend" data-testid="kv-legend">{move || {
                let l = lang.get();
                data.with(|d| d.lines.iter().enumerate().map(|(i, line)| {
                    let at_t = line.points.iter().find(|p| p.0 == d.marker).map(|p| format_bytes(p.1)).unwrap_or_default();
                    view! {
                        <li><i style=format!("background:var(--chart-{})", i % 4 + 1)></i>{line_label(line, l)}" "<span class="kv-hint">{at_t}</span></li>
                    }
                }).collect_view())
            }}</ul>
            <figcaption class="kv-hint">{tr(lang, "纵轴：KV 缓存（对数刻度）。细线：超出该模型训练上下文的部分。竖线和圆点：当前的 T。对比模型使用各自原生的注意力。", "Vertical axis: KV cache (log scale). Thin line: beyond the model's trained context. Vertical line and dots: the current T. Comparison models use their own attention.")}</figcaption>
        </ChartFigure>
    }
}
