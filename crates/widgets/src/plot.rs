//! What every plotters chart starts with: the canvas sized to its width at the device's pixel
//! ratio, the theme's colours, and pixel and font sizes given in CSS pixels.

use crate::canvas::{fit, theme_rgb};
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
