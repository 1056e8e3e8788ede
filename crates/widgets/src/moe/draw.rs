//! Canvas drawing of the lab: the routing picture (router row, expert grid lit by load, token
//! dots flying to their experts, dropped assignments as hollow red squares) and the load
//! histogram with the CV-over-steps line. Plain canvas 2D calls, a few per expert.

use super::state::{ease, lerp, Layout, ROUTER_H};
use crate::canvas::{context, css_color, fit, theme_rgb};
use explorables_core::lang::Lang;
use explorables_core::moe::StepResult;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Theme colours, read from the CSS variables when the theme changes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub fg: [u8; 3],
    pub bg: [u8; 3],
    pub on: [u8; 3],
    pub off: [u8; 3],
    pub hi: [u8; 3],
    pub kept: [u8; 3],
    pub drop: [u8; 3],
    pub line: [u8; 3],
}

impl Palette {
    pub fn read() -> Palette {
        Palette {
            fg: theme_rgb("--fg", [27, 31, 36]),
            bg: theme_rgb("--bg", [255, 255, 255]),
            on: theme_rgb("--mask-on", [37, 99, 235]),
            off: theme_rgb("--mask-off", [229, 231, 235]),
            hi: theme_rgb("--mask-highlight", [245, 158, 11]),
            kept: theme_rgb("--chart-1", [37, 99, 235]),
            drop: theme_rgb("--chart-2", [220, 38, 38]),
            line: theme_rgb("--chart-3", [22, 163, 74]),
        }
    }
}

fn mix(a: [u8; 3], b: [u8; 3], t: f64) -> String {
    let t = t.clamp(0.0, 1.0);
    let c = |i: usize| (a[i] as f64 + (b[i] as f64 - a[i] as f64) * t).round() as u8;
    css_color([c(0), c(1), c(2)])
}

/// Sets up a HiDPI canvas `w × h` CSS px and scales the context to CSS px.
fn prepare(
    canvas: &HtmlCanvasElement,
    w: f64,
    h: f64,
    bg: [u8; 3],
) -> Option<CanvasRenderingContext2d> {
    let (bw, _) = fit(canvas, w, h);
    let ctx = context(canvas)?;
    let k = bw as f64 / w.max(1.0);
    let _ = ctx.set_transform(k, 0.0, 0.0, k, 0.0, 0.0);
    ctx.set_fill_style_str(&css_color(bg));
    ctx.fill_rect(0.0, 0.0, w, h);
    Some(ctx)
}

/// The routing picture at flight progress `p` (0 = at the router, 1 = landed).
/// `selected` is the token shown in the detail panel (drawn on top, highlighted).
pub fn draw_routing(
    canvas: &HtmlCanvasElement,
    l: &Layout,
    r: &StepResult,
    p: f64,
    selected: Option<usize>,
    pal: &Palette,
    lang: Lang,
) -> Option<()> {
    let ctx = prepare(canvas, l.width, l.height, pal.bg)?;
    // Router row.
    ctx.set_fill_style_str(&mix(pal.bg, pal.fg, 0.08));
    ctx.fill_rect(0.0, 0.0, l.width, ROUTER_H);
    ctx.set_fill_style_str(&mix(pal.bg, pal.fg, 0.6));
    ctx.set_font("11px system-ui, sans-serif");
    let _ = ctx.fill_text(lang.pick("路由器", "router"), 4.0, ROUTER_H - 4.0);
    // Expert cells: colour by the share of the step's maximum load.
    let max = r.loads.iter().copied().max().unwrap_or(0).max(1) as f64;
    let gap = if l.cell >= 10.0 { 1.5 } else { 0.5 };
    for i in 0..l.experts as usize {
        let (x, y) = l.cell_xy(i);
        let load = r.loads.get(i).copied().unwrap_or(0);
        ctx.set_fill_style_str(&mix(pal.off, pal.on, load as f64 / max));
        ctx.fill_rect(x + gap, y + gap, l.cell - 2.0 * gap, l.cell - 2.0 * gap);
        if r.capacity.is_some_and(|c| load > c) {
            ctx.set_stroke_style_str(&css_color(pal.drop));
            ctx.set_line_width(2.0);
            ctx.stroke_rect(x + 2.0, y + 2.0, l.cell - 4.0, l.cell - 4.0);
        }
        if l.cell >= 24.0 {
            ctx.set_fill_style_str(&mix(
                pal.fg,
                pal.bg,
                if load as f64 > max * 0.5 { 1.0 } else { 0.0 },
            ));
            let _ = ctx.fill_text(&i.to_string(), x + 4.0, y + 13.0);
        }
    }
    // Token dots.
    let tokens = r.tokens();
    let e = ease(p);
    let dot = if tokens * r.k > 1024 { 2.0 } else { 3.0 };
    let draw_token = |t: usize, big: bool| {
        let from = l.token_xy(t, tokens);
        let experts = r.experts_of(t);
        for (j, (&ex, &kept)) in experts.iter().zip(r.kept_of(t)).enumerate() {
            let to = l.cell_center(ex as usize);
            // Later choices leave a little later, so a token's k dots fan out.
            let pj = ((e * (1.0 + 0.15 * j as f64)) - 0.15 * j as f64).clamp(0.0, 1.0);
            let s = if big { dot + 2.0 } else { dot };
            if kept {
                let (x, y) = lerp(from, to, pj);
                ctx.set_fill_style_str(&css_color(if big { pal.hi } else { pal.kept }));
                ctx.fill_rect(x - s / 2.0, y - s / 2.0, s, s);
            } else {
                // Dropped: stops short of the full expert, hollow and red.
                let (x, y) = lerp(from, to, pj * 0.82);
                ctx.set_stroke_style_str(&css_color(pal.drop));
                ctx.set_line_width(1.5);
                ctx.stroke_rect(x - s / 2.0 - 1.0, y - s / 2.0 - 1.0, s + 2.0, s + 2.0);
            }
        }
    };
    for t in 0..tokens {
        draw_token(t, false);
    }
    if let Some(t) = selected.filter(|&t| t < tokens) {
        let (x, _) = l.token_xy(t, tokens);
        ctx.set_fill_style_str(&css_color(pal.hi));
        ctx.fill_rect(x - 1.0, 0.0, 2.0, ROUTER_H);
        draw_token(t, true);
    }
    Some(())
}

/// Height of the histogram canvas (CSS px).
pub const HIST_H: f64 = 170.0;

/// Per-expert demand of the step (kept part solid, dropped part red), the capacity line, and
/// the CV of every step so far as a line in the bottom band.
pub fn draw_hist(
    canvas: &HtmlCanvasElement,
    width: f64,
    r: &StepResult,
    cv: &[f64],
    pal: &Palette,
    lang: Lang,
) -> Option<()> {
    let w = width.clamp(200.0, 1200.0);
    let ctx = prepare(canvas, w, HIST_H, pal.bg)?;
    let bars_h = 100.0;
    let n = r.loads.len().max(1);
    let max = r
        .loads
        .iter()
        .copied()
        .max()
        .unwrap_or(0)
        .max(r.capacity.unwrap_or(0))
        .max(1) as f64;
    let bw = w / n as f64;
    let g = if bw > 4.0 { 1.0 } else { 0.0 };
    for (i, (&load, &kept)) in r.loads.iter().zip(&r.kept_loads).enumerate() {
        let x = i as f64 * bw;
        let hk = kept as f64 / max * bars_h;
        let hl = load as f64 / max * bars_h;
        ctx.set_fill_style_str(&css_color(pal.kept));
        ctx.fill_rect(x + g, bars_h - hk, (bw - 2.0 * g).max(0.5), hk);
        if load > kept {
            ctx.set_fill_style_str(&css_color(pal.drop));
            ctx.fill_rect(x + g, bars_h - hl, (bw - 2.0 * g).max(0.5), hl - hk);
        }
    }
    ctx.set_font("11px system-ui, sans-serif");
    if let Some(c) = r.capacity {
        let y = bars_h - c as f64 / max * bars_h;
        ctx.set_fill_style_str(&css_color(pal.fg));
        ctx.fill_rect(0.0, y, w, 1.0);
        let label = format!("{} {c}", lang.pick("容量", "capacity"));
        let _ = ctx.fill_text(&label, 4.0, (y - 3.0).max(10.0));
    }
    // CV over steps.
    let top = bars_h + 16.0;
    let band = HIST_H - top - 4.0;
    ctx.set_fill_style_str(&mix(pal.bg, pal.fg, 0.06));
    ctx.fill_rect(0.0, top, w, band);
    let cv_max = cv
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0f64, f64::max)
        .max(1e-9);
    ctx.set_fill_style_str(&mix(pal.bg, pal.fg, 0.7));
    let last = cv.last().copied().unwrap_or(0.0);
    let cv_label = match lang {
        Lang::Zh => format!("CV {last:.3}（最大 {cv_max:.3}）"),
        Lang::En => format!("CV {last:.3} (max {cv_max:.3})"),
    };
    let _ = ctx.fill_text(&cv_label, 4.0, top - 3.0);
    if cv.len() > 1 {
        ctx.set_stroke_style_str(&css_color(pal.line));
        ctx.set_line_width(1.5);
        ctx.begin_path();
        let dx = w / (cv.len() - 1) as f64;
        for (i, &v) in cv.iter().enumerate() {
            let v = if v.is_finite() { v } else { 0.0 };
            let (x, y) = (i as f64 * dx, top + band - v / cv_max * (band - 2.0));
            if i == 0 {
                ctx.move_to(x, y);
            } else {
                ctx.line_to(x, y);
            }
        }
        ctx.stroke();
    }
    Some(())
}
