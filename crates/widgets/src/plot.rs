//! What every chart shares: the figure whose canvas is redrawn when its width, the language or
//! the theme changes ([`ChartFigure`]), and the start of every plotters drawing — the canvas
//! sized to its width at the device's pixel ratio, the theme's colours, and pixel and font
//! sizes given in CSS pixels ([`Plot`]).

use crate::canvas::{fit, theme_rgb};
use crate::dom::measured_width;
use crate::WidgetEnv;
use explorables_core::lang::Lang;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::TextStyle;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

fn rgb(c: [u8; 3]) -> RGBColor {
    RGBColor(c[0], c[1], c[2])
}

/// A chart's scale and colours.
pub struct Plot {
    /// The chart's height in CSS pixels.
    pub css_h: f64,
    /// Device pixels per CSS pixel.
    pub k: f64,
    pub fg: RGBColor,
    pub muted: RGBColor,
    pub bg: RGBColor,
    pub border: RGBColor,
    /// `--chart-1` … `--chart-4`.
    pub series: [RGBColor; 4],
}

impl Plot {
    /// Sizes `canvas` to `css_w` CSS pixels wide and `aspect × css_w` tall (kept within
    /// `height`), reads the theme, and clears it; returns the plot and its drawing area.
    pub fn start(
        canvas: &HtmlCanvasElement,
        css_w: f64,
        aspect: f64,
        height: (f64, f64),
    ) -> Option<(Plot, DrawingArea<CanvasBackend, Shift>)> {
        let css_h = (css_w * aspect).clamp(height.0, height.1);
        let (bw, _) = fit(canvas, css_w, css_h);
        let plot = Plot {
            css_h,
            k: bw as f64 / css_w.max(1.0),
            fg: rgb(theme_rgb("--fg", [27, 31, 36])),
            muted: rgb(theme_rgb("--fg-muted", [90, 99, 110])),
            bg: rgb(theme_rgb("--bg", [255, 255, 255])),
            border: rgb(theme_rgb("--border", [213, 217, 222])),
            series: [
                rgb(theme_rgb("--chart-1", [37, 99, 235])),
                rgb(theme_rgb("--chart-2", [220, 38, 38])),
                rgb(theme_rgb("--chart-3", [22, 163, 74])),
                rgb(theme_rgb("--chart-4", [147, 51, 234])),
            ],
        };
        let root = CanvasBackend::with_canvas_object(canvas.clone())?.into_drawing_area();
        root.fill(&plot.bg).ok()?;
        Some((plot, root))
    }

    /// `css` CSS pixels in device pixels (at least 1).
    pub fn px(&self, css: f64) -> u32 {
        (css * self.k).round().max(1.0) as u32
    }

    /// The chart font at `size` CSS pixels, in the theme's text colour.
    pub fn font(&self, size: f64) -> TextStyle<'static> {
        ("system-ui, sans-serif", size * self.k)
            .into_font()
            .color(&self.fg)
    }
}

/// A widget's chart: a `<figure>` whose canvas is an image labelled `label`, redrawn whenever
/// the figure's width, the language, the theme or any signal `draw` reads changes; the legend
/// and caption (`children`) follow the canvas.
#[component]
pub fn ChartFigure<D>(
    env: WidgetEnv,
    /// The figure's class.
    class: &'static str,
    /// The canvas's `data-testid`.
    testid: &'static str,
    /// The width in CSS pixels before the figure is laid out, and the range it is kept in:
    /// `(before, min, max)`.
    widths: (f64, f64, f64),
    /// Draws the chart at a width in CSS pixels, in a language.
    draw: D,
    /// What the chart shows, for screen readers.
    #[prop(into)]
    label: Signal<String>,
    children: Children,
) -> impl IntoView
where
    D: Fn(&HtmlCanvasElement, f64, Lang) + 'static,
{
    let figure = NodeRef::<leptos::html::Figure>::new();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let (before, min, max) = widths;
    let width = measured_width(
        move || figure.get().map(|f| f.client_width()),
        before,
        min,
        max,
    );
    Effect::new(move |_| {
        env.theme.track();
        let (l, w) = (env.lang.get(), width.get());
        if let Some(c) = canvas.get() {
            draw(&c, w, l);
        }
    });
    view! {
        <figure class=class node_ref=figure>
            <canvas node_ref=canvas role="img" aria-label=label data-testid=testid></canvas>
            {children()}
        </figure>
    }
}
