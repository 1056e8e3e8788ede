//! The per-layer curves on a log axis, drawn with plotters on a HiDPI canvas: residual RMS,
//! largest |attention logit| and the block update ratio, plus a dashed line at √d_head (the
//! QK-Norm cap). The legend and a text summary are HTML under the canvas.

use super::headline::short;
use super::Run;
use crate::i18n::tr;
use crate::plot::{ChartFigure, Plot};
use crate::WidgetEnv;
use explorables_core::lang::Lang;
use explorables_core::norm::{NormRun, D_HEAD};
use leptos::prelude::*;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use plotters::prelude::*;
use web_sys::HtmlCanvasElement;

/// Smallest value drawn (log axis); anything smaller sits on the floor.
const FLOOR: f64 = 1e-3;

/// A linear axis over log10 values with ticks at the integer powers of ten.
struct Log10Axis {
    lo: f64,
    hi: f64,
}

impl Ranged for Log10Axis {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, v: &f64, limit: (i32, i32)) -> i32 {
        let span = self.hi - self.lo;
        if span <= 0.0 || !v.is_finite() {
            return (limit.0 + limit.1) / 2;
        }
        limit.0 + ((limit.1 - limit.0) as f64 * (v - self.lo) / span).round() as i32
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            return Vec::new();
        }
        (self.lo.ceil() as i32..=self.hi.floor() as i32)
            .map(f64::from)
            .collect()
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.lo..self.hi
    }
}

/// The three curves as `(block, log10 value)` points, in legend order.
pub fn series(r: &NormRun) -> [Vec<(f64, f64)>; 3] {
    let pts = |v: &[f64]| -> Vec<(f64, f64)> {
        v.iter()
            .enumerate()
            .map(|(i, &y)| ((i + 1) as f64, y.max(FLOOR).log10()))
            .collect()
    };
    [
        pts(&r.residual_rms),
        pts(&r.max_logit),
        pts(&r.update_ratio),
    ]
}

/// The y range (log10) covering every point and the √d_head line, whole decades.
pub fn y_range(s: &[Vec<(f64, f64)>]) -> (f64, f64) {
    let cap = (D_HEAD as f64).sqrt().log10();
    let (lo, hi) = s
        .iter()
        .flatten()
        .fold((cap, cap), |(lo, hi), p| (lo.min(p.1), hi.max(p.1)));
    let (lo, hi) = (lo.floor(), hi.ceil());
    (lo, hi.max(lo + 1.0))
}

fn decade(v: &f64) -> String {
    let e = v.round() as i32;
    if (-2..=4).contains(&e) {
        10f64.powi(e).to_string()
    } else {
        format!("1e{e}")
    }
}

fn draw(canvas: &HtmlCanvasElement, css_w: f64, r: &NormRun, lang: Lang) -> Option<()> {
    let (p, root) = Plot::start(canvas, css_w, 0.55, (240.0, 360.0))?;
    let (muted, border) = (p.muted, p.border);
    let colors = &p.series[..3];
    let px = |v: f64| p.px(v);
    let font = |size: f64| p.font(size);
    let data = series(r);
    let (y_lo, y_hi) = y_range(&data);
    let n = r.residual_rms.len().max(1) as f64;
    let x_hi = n.max(2.0);
    let mut chart = ChartBuilder::on(&root)
        .margin(px(10.0))
        .x_label_area_size(px(36.0))
        .y_label_area_size(px(48.0))
        .build_cartesian_2d(1.0..x_hi, Log10Axis { lo: y_lo, hi: y_hi })
        .ok()?;
    let x_fmt = |v: &f64| format!("{}", v.round() as i64);
    chart
        .configure_mesh()
        .x_labels(((css_w / 70.0) as usize).clamp(2, 12))
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&decade)
        .x_desc(lang.pick("块（层）序号", "block (layer)"))
        .axis_desc_style(font(12.0))
        .label_style(font(11.0))
        .axis_style(border.stroke_width(px(1.0)))
        .bold_line_style(border.mix(0.6).stroke_width(px(1.0)))
        .light_line_style(TRANSPARENT)
        .draw()
        .ok()?;
    let cap = (D_HEAD as f64).sqrt().log10();
    let dash = DashedLineSeries::new(
        vec![(1.0, cap), (x_hi, cap)],
        px(6.0),
        px(4.0),
        muted.stroke_width(px(1.0)),
    );
    chart.draw_series(dash).ok()?;
    for (pts, &color) in data.iter().zip(colors) {
        chart
            .draw_series(LineSeries::new(
                pts.iter().copied(),
                color.stroke_width(px(2.5)),
            ))
            .ok()?;
        if pts.len() <= 32 {
            let dots = pts.iter().map(|&p| Circle::new(p, px(3.0), color.filled()));
            chart.draw_series(dots).ok()?;
        }
    }
    root.present().ok()
}

/// What the chart shows, in words (its accessible name and the text under it).
pub fn summary(r: &NormRun, lang: Lang) -> String {
    let first = r.residual_rms.first().copied().unwrap_or(r.input_rms);
    let (arg, top) =
        r.max_logit.iter().enumerate().fold(
            (0, 0.0),
            |acc, (i, &v)| if v > acc.1 { (i, v) } else { acc },
        );
    let (a, b, m, u) = (
        short(first),
        short(r.final_rms()),
        short(top),
        short(r.update_ratio_last()),
    );
    let (l, blk) = (r.residual_rms.len(), arg + 1);
    match lang {
        Lang::Zh => format!("逐层曲线（对数纵轴），共 {l} 块：残差流 RMS 从 {a}（第 1 块后）到 {b}（最后一块后）；最大 |logit| 为 {m}（第 {blk} 块）；最后一块的更新比为 {u}。虚线：√d_head = 4。"),
        Lang::En => format!("Per-layer curves (log y-axis), {l} blocks: residual RMS goes from {a} (after block 1) to {b} (after the last block); the largest |logit| is {m} (block {blk}); the last block's update ratio is {u}. Dashed line: √d_head = 4."),
    }
}

#[component]
pub fn NormChart(sim: Run, env: WidgetEnv) -> impl IntoView {
    let lang = env.lang;
    let redraw = move |c: &HtmlCanvasElement, w, l| {
        sim.with(|r| draw(c, w, r, l));
    };
    let text = Signal::derive(move || sim.with(|r| summary(r, lang.get())));
    let legend = [
        ("残差流 RMS（每块之后）", "residual RMS (after each block)"),
        ("最大 |注意力 logit|", "largest |attention logit|"),
        ("更新比 ‖Δx‖/‖x‖", "update ratio ‖Δx‖/‖x‖"),
    ];
    view! {
        <ChartFigure env class="np-chart" testid="np-chart" widths=(560.0, 240.0, 900.0) draw=redraw label=text>
            <ul class="np-legend">
                {legend.into_iter().enumerate().map(|(i, (zh, en))| view! {
                    <li><i style=format!("background:var(--chart-{})", i + 1)></i>{tr(lang, zh, en)}</li>
                }).collect_view()}
                <li><i class="np-dash"></i>{tr(lang, "√d_head = 4（QK-Norm 的上限）", "√d_head = 4 (the QK-Norm cap)")}</li>
            </ul>
            <figcaption class="np-hint" data-testid="np-summary">{text}</figcaption>
        </ChartFigure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use explorables_core::norm::{run, NormParams};

    #[test]
    fn range_covers_points_and_cap() {
        let r = run(&NormParams {
            layers: 6,
            gain: 8.0,
            ..NormParams::default()
        });
        let s = series(&r);
        let (lo, hi) = y_range(&s);
        assert!(s.iter().flatten().all(|p| p.1 >= lo && p.1 <= hi));
        assert!(lo <= 0.61 && hi >= 0.61 && lo.fract() == 0.0);
        assert_eq!(s[0].len(), 6);
        assert_eq!(decade(&2.0), "100");
        assert_eq!(decade(&-1.0), "0.1");
        assert_eq!(decade(&7.0), "1e7");
    }
}
