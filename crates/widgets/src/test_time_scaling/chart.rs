//! One plotters chart per panel on a HiDPI canvas: pass@k / naive / pass^k over k (at most
//! [`MAX_POINTS`] points, so n = 10 000 stays cheap), maj@k and the perfect-verifier oracle over
//! k, expected problems solved against the budget (optimal and uniform), and best-of-N's KL
//! over N on a log axis.

use super::{Params, Vals};
use crate::canvas::{fit, theme_rgb};
use crate::fmt::num;
use crate::plot::ChartFigure;
use crate::WidgetEnv;
use explorables_core::lang::Lang;
use explorables_core::tts::bon::bon_kl;
use explorables_core::tts::budget::{expected_solved, marginal_gain, uniform_allocation};
use explorables_core::tts::export::MajView;
use explorables_core::tts::passk::pass_curves;
use explorables_core::tts::{Panel, TtsParams, MAX_BON_N, MAX_BUDGET};
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

/// Most points drawn per line.
pub const MAX_POINTS: usize = 400;

/// What one chart shows; x values are log10 N when `log_x`.
pub struct Plot {
    pub x: (f64, f64),
    pub y: (f64, f64),
    pub x_desc: &'static str,
    pub y_desc: &'static str,
    /// Points and a colour index (0..4 → `--chart-1..4`).
    pub lines: Vec<(Vec<(f64, f64)>, usize)>,
    pub marks: Vec<(f64, f64, usize)>,
    pub log_x: bool,
    pub legend: Vec<(usize, &'static str)>,
}

/// Indices 0..len, at most [`MAX_POINTS`] of them, always with the first and the last.
pub fn sample_indices(len: usize) -> Vec<usize> {
    if len <= MAX_POINTS {
        return (0..len).collect();
    }
    let step = (len - 1) as f64 / (MAX_POINTS - 1) as f64;
    let mut v: Vec<usize> = (0..MAX_POINTS)
        .map(|i| (i as f64 * step).round() as usize)
        .collect();
    v.dedup();
    v
}

fn curve(ys: &[f64], idx: &[usize]) -> Vec<(f64, f64)> {
    idx.iter().map(|&i| ((i + 1) as f64, ys[i])).collect()
}

/// Expected solved for budgets 0..=`bmax`: greedy allocations are nested (B + 1 adds one
/// sample to B's), so one pass gives the optimal curve.
pub fn budget_curves(p: &[f64], bmax: u32) -> (Vec<f64>, Vec<f64>) {
    let mut next: Vec<f64> = p.to_vec();
    let mut alloc = vec![0u32; p.len()];
    let mut opt = Vec::with_capacity(bmax as usize + 1);
    let mut uni = Vec::with_capacity(bmax as usize + 1);
    let mut total = 0.0;
    for b in 0..=bmax {
        opt.push(total);
        uni.push(expected_solved(p, &uniform_allocation(p.len(), b)));
        if let Some(best) = (0..p.len()).fold(None, |acc: Option<usize>, j| match acc {
            Some(a) if next[a] >= next[j] => Some(a),
            _ => Some(j),
        }) {
            total += next[best];
            alloc[best] += 1;
            next[best] = marginal_gain(p[best], alloc[best]);
        }
    }
    (opt, uni)
}

pub fn plot(p: &TtsParams, l: Lang) -> Plot {
    match p.panel {
        Panel::PassAtK => {
            let q = &p.pass_k;
            let cv = pass_curves(q.n, q.c);
            let idx = sample_indices(q.n as usize);
            let k = q.k as usize - 1;
            Plot {
                x: (1.0, (q.n as f64).max(2.0)),
                y: (0.0, 1.02),
                x_desc: "k",
                y_desc: l.pick("概率", "probability"),
                marks: vec![
                    (q.k as f64, cv.unbiased[k], 0),
                    (q.k as f64, cv.naive[k], 1),
                    (q.k as f64, cv.hat[k], 2),
                ],
                lines: vec![
                    (curve(&cv.unbiased, &idx), 0),
                    (curve(&cv.naive, &idx), 1),
                    (curve(&cv.hat, &idx), 2),
                ],
                log_x: false,
                legend: vec![
                    (0, l.pick("pass@k（无偏）", "pass@k (unbiased)")),
                    (1, l.pick("朴素 1 − (1 − c/n)^k", "naive 1 − (1 − c/n)^k")),
                    (2, "pass^k"),
                ],
            }
        }
        Panel::Majority => {
            let m = MajView::new(&p.majority);
            let idx: Vec<usize> = (0..m.maj_curve.len()).collect();
            let k = p.majority.k as f64;
            Plot {
                x: (1.0, m.maj_curve.len() as f64),
                y: (0.0, 1.02),
                x_desc: l.pick("样本数 k", "samples k"),
                y_desc: l.pick("答对的概率", "chance correct"),
                marks: vec![(k, m.maj_at_k, 0), (k, m.oracle_at_k, 3)],
                lines: vec![
                    (curve(&m.maj_curve, &idx), 0),
                    (curve(&m.oracle_curve, &idx), 3),
                ],
                log_x: false,
                legend: vec![
                    (0, l.pick("maj@k（自洽性投票）", "maj@k (self-consistency)")),
                    (
                        3,
                        l.pick(
                            "完美验证器 1 − (1 − p₁)^k",
                            "perfect verifier 1 − (1 − p₁)^k",
                        ),
                    ),
                ],
            }
        }
        Panel::Budget => {
            let b = &p.budget;
            let bmax = (b.budget.saturating_mul(2)).clamp(16, MAX_BUDGET);
            let (opt, uni) = budget_curves(&b.p, bmax);
            let idx = sample_indices(opt.len());
            let pts = |v: &[f64]| idx.iter().map(|&i| (i as f64, v[i])).collect::<Vec<_>>();
            let at = b.budget as usize;
            Plot {
                x: (0.0, bmax as f64),
                y: (0.0, (b.p.len() as f64 * 1.02).max(0.5)),
                x_desc: l.pick("总预算 B", "budget B"),
                y_desc: l.pick("期望解出题数", "expected solved"),
                marks: vec![(at as f64, opt[at], 0), (at as f64, uni[at], 1)],
                lines: vec![(pts(&opt), 0), (pts(&uni), 1)],
                log_x: false,
                legend: vec![
                    (
                        0,
                        l.pick("按边际收益分配（最优）", "by marginal gain (optimal)"),
                    ),
                    (1, l.pick("平均分配", "uniform")),
                ],
            }
        }
        Panel::BonKl => {
            let top = (p.bon.n as f64 * 10.0)
                .clamp(1000.0, MAX_BON_N as f64)
                .log10();
            let pts: Vec<(f64, f64)> = (0..=120)
                .map(|i| {
                    let x = top * i as f64 / 120.0;
                    let n = 10f64.powf(x);
                    (x, n.ln() - (n - 1.0) / n)
                })
                .collect();
            let n = p.bon.n;
            Plot {
                x: (0.0, top),
                y: (0.0, pts.last().map_or(1.0, |q| q.1) * 1.05),
                x_desc: l.pick("候选数 N（对数轴）", "candidates N (log axis)"),
                y_desc: "KL (nats)",
                marks: vec![((n as f64).log10(), bon_kl(n), 0)],
                lines: vec![(pts, 0)],
                log_x: true,
                legend: vec![(0, "log N − (N − 1)/N")],
            }
        }
    }
}

fn colour(i: usize) -> RGBColor {
    let (var, fb) = match i {
        0 => ("--chart-1", [37, 99, 235]),
        1 => ("--chart-2", [220, 38, 38]),
        2 => ("--chart-3", [22, 163, 74]),
        _ => ("--chart-4", [147, 51, 234]),
    };
    let c = theme_rgb(var, fb);
    RGBColor(c[0], c[1], c[2])
}

fn draw(canvas: &HtmlCanvasElement, css_w: f64, pl: &Plot) -> Option<()> {
    let css_h = (css_w * 0.55).clamp(200.0, 320.0);
    let (bw, _) = fit(canvas, css_w, css_h);
    let k = bw as f64 / css_w.max(1.0);
    let px = |v: f64| (v * k).round().max(1.0) as u32;
    let c = |v: &str, fb| {
        let x = theme_rgb(v, fb);
        RGBColor(x[0], x[1], x[2])
    };
    let (fg, bg, border) = (
        c("--fg", [27, 31, 36]),
        c("--bg", [255, 255, 255]),
        c("--border", [213, 217, 222]),
    );
    let font = |size: f64| ("system-ui, sans-serif", size * k).into_font().color(&fg);
    let root = CanvasBackend::with_canvas_object(canvas.clone())?.into_drawing_area();
    root.fill(&bg).ok()?;
    let (x0, x1) = pl.x;
    let (y0, y1) = pl.y;
    let mut chart = ChartBuilder::on(&root)
        .margin(px(10.0))
        .margin_right(px(22.0))
        .x_label_area_size(px(38.0))
        .y_label_area_size(px(46.0))
        .build_cartesian_2d(x0..x1.max(x0 + 1e-9), y0..y1.max(y0 + 1e-9))
        .ok()?;
    let log_x = pl.log_x;
    let xf = move |v: &f64| {
        if log_x {
            let n = 10f64.powf(*v);
            if n >= 1e4 {
                format!("1e{}", v.round())
            } else {
                format!("{}", n.round())
            }
        } else {
            format!("{}", v.round())
        }
    };
    let yf = |v: &f64| num(*v, 2);
    chart
        .configure_mesh()
        .x_labels(if log_x {
            (x1 - x0).round() as usize + 1
        } else {
            6
        })
        .y_labels(6)
        .x_label_formatter(&xf)
        .y_label_formatter(&yf)
        .x_desc(pl.x_desc)
        .y_desc(pl.y_desc)
        .axis_desc_style(font(12.0))
        .label_style(font(11.0))
        .axis_style(border.stroke_width(px(1.0)))
        .bold_line_style(border.mix(0.5).stroke_width(px(1.0)))
        .light_line_style(TRANSPARENT)
        .draw()
        .ok()?;
    for (pts, ci) in &pl.lines {
        chart
            .draw_series(LineSeries::new(
                pts.iter().copied(),
                colour(*ci).stroke_width(px(2.0)),
            ))
            .ok()?;
    }
    for &(x, y, ci) in &pl.marks {
        chart
            .draw_series(std::iter::once(Circle::new(
                (x, y),
                px(4.5),
                colour(ci).filled(),
            )))
            .ok()?;
    }
    root.present().ok()
}

fn summary(p: &TtsParams, v: &[(&'static str, String)], l: Lang) -> String {
    let g = |k: &str| {
        v.iter()
            .find(|(key, _)| *key == k)
            .and_then(|(_, s)| s.parse::<f64>().ok())
            .map_or_else(String::new, |x| num(x, 6))
    };
    match (p.panel, l) {
        (Panel::PassAtK, Lang::Zh) => format!("k 从 1 到 {} 的 pass@k（蓝）、朴素估计（红）与 pass^k（绿）；当前 k = {}：{}、{}、{}。", p.pass_k.n, p.pass_k.k, g("pass-at-k"), g("pass-at-k-naive"), g("pass-hat-k")),
        (Panel::PassAtK, Lang::En) => format!("pass@k (blue), the naive estimate (red) and pass^k (green) for k = 1 to {}; at k = {}: {}, {}, {}.", p.pass_k.n, p.pass_k.k, g("pass-at-k"), g("pass-at-k-naive"), g("pass-hat-k")),
        (Panel::Majority, Lang::Zh) => format!("k = 1 到 64 时多数投票答对的概率（蓝）与完美验证器的 best-of-k（紫）；k = {}：{} 与 {}。", p.majority.k, g("maj-at-k"), g("oracle-at-k")),
        (Panel::Majority, Lang::En) => format!("Chance majority vote is right (blue) and best-of-k with a perfect verifier (purple) for k = 1 to 64; at k = {}: {} and {}.", p.majority.k, g("maj-at-k"), g("oracle-at-k")),
        (Panel::Budget, Lang::Zh) => format!("期望解出题数随总预算的变化：按边际收益分配（蓝）与平均分配（红）；B = {}：{} 与 {}。", p.budget.budget, g("expected-solved"), g("uniform-expected-solved")),
        (Panel::Budget, Lang::En) => format!("Expected problems solved against the budget: by marginal gain (blue) and uniform (red); at B = {}: {} and {}.", p.budget.budget, g("expected-solved"), g("uniform-expected-solved")),
        (Panel::BonKl, Lang::Zh) => format!("best-of-N 相对基础策略的 KL 随 N（对数轴）只按 log N 增长；N = {}：{} nats。", p.bon.n, g("bon-kl")),
        (Panel::BonKl, Lang::En) => format!("Best-of-N's KL from the base policy grows only like log N (log axis); at N = {}: {} nats.", p.bon.n, g("bon-kl")),
    }
}

#[component]
pub fn PanelChart(params: Params, vals: Vals, env: WidgetEnv) -> impl IntoView {
    let lang = env.lang;
    let plotted = Memo::new(move |_| params.with(|p| p.clone()));
    let redraw = move |c: &HtmlCanvasElement, w, l| {
        plotted.with(|p| draw(c, w, &plot(p, l)));
    };
    let text = Signal::derive(move || params.with(|p| vals.with(|v| summary(p, v, lang.get()))));
    let legend = move || {
        let l = lang.get();
        params.with(|p| {
            plot_legend(p, l)
                .into_iter()
                .map(|(ci, t)| view! { <li><i style=format!("background:var(--chart-{})", ci + 1)></i>{t}</li> })
                .collect_view()
        })
    };
    view! {
        <ChartFigure env class="tts-chart" testid="tts-chart" widths=(560.0, 220.0, 760.0) draw=redraw label=text>
            <ul class="tts-legend">{legend}</ul>
            <figcaption class="tts-hint">{text}</figcaption>
        </ChartFigure>
    }
}

/// The legend alone (no curves computed).
fn plot_legend(p: &TtsParams, l: Lang) -> Vec<(usize, &'static str)> {
    let small = TtsParams {
        pass_k: explorables_core::tts::PassKParams { n: 1, c: 0, k: 1 },
        budget: explorables_core::tts::BudgetParams {
            budget: 0,
            p: vec![],
        },
        bon: explorables_core::tts::BonParams { n: 1 },
        ..p.clone()
    };
    plot(&small, l).legend
}

#[cfg(test)]
mod tests {
    use super::*;
    use explorables_core::tts::budget::optimal_allocation;

    #[test]
    fn indices_are_capped_and_keep_the_ends() {
        assert_eq!(sample_indices(5), vec![0, 1, 2, 3, 4]);
        let v = sample_indices(10_000);
        assert!(v.len() <= MAX_POINTS);
        assert_eq!((v[0], *v.last().unwrap()), (0, 9999));
    }

    #[test]
    fn budget_curve_matches_the_greedy_allocation() {
        let p = [0.5, 0.05, 0.2];
        let (opt, uni) = budget_curves(&p, 24);
        for b in [0u32, 1, 5, 12, 24] {
            let e = expected_solved(&p, &optimal_allocation(&p, b));
            assert!((opt[b as usize] - e).abs() < 1e-12, "{b}");
        }
        assert!((opt[12] - 1.777785).abs() < 1e-6);
        assert!((uni[12] - 1.713394).abs() < 1e-6);
        assert_eq!(budget_curves(&[], 3).0, vec![0.0; 4]);
    }

    #[test]
    fn every_panel_plots_finite_points() {
        for q in [
            "n=10000&c=3&k=5",
            "panel=majority",
            "panel=budget&budget=10000",
            "panel=bon-kl&n=1000000",
            "panel=budget&p=0",
        ] {
            let (p, _) = TtsParams::from_query(q);
            let pl = plot(&p, Lang::En);
            for (pts, _) in &pl.lines {
                assert!(pts.len() <= MAX_POINTS + 121, "{q}");
                assert!(
                    pts.iter().all(|(x, y)| x.is_finite() && y.is_finite()),
                    "{q}"
                );
            }
        }
    }
}
