//! Drawing one mask on a canvas: the heatmap from a pooled pixel buffer (O(pixels)), grid
//! lines and labels when there are few tokens, the cursor cell, and the block-sparsity view.

use crate::canvas::{context, coverage_to_rgba, css_color, fit, put_rgba, theme_rgb};
use explorables_core::mask::{Mask, TileState};
use wasm_bindgen::Clamped;
use web_sys::HtmlCanvasElement;
use web_sys::ImageData;

/// Layout of a drawn mask: where the cells are, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometry {
    /// Left/top margins used by labels.
    pub left: f64,
    pub top: f64,
    /// Size of the heatmap area.
    pub w: f64,
    pub h: f64,
    pub rows: u32,
    pub cols: u32,
}

impl Geometry {
    pub fn new(width: f64, rows: u32, cols: u32) -> Geometry {
        let labelled = rows <= 32 && cols <= 40;
        let (left, top) = if labelled { (64.0, 56.0) } else { (0.0, 0.0) };
        let w = (width - left).max(60.0);
        let h = (w * rows as f64 / cols.max(1) as f64).clamp(60.0, 720.0);
        Geometry {
            left,
            top,
            w,
            h,
            rows,
            cols,
        }
    }

    pub fn labelled(&self) -> bool {
        self.left > 0.0
    }

    /// The cell under a point (CSS pixels relative to the canvas).
    pub fn cell_at(&self, x: f64, y: f64) -> Option<(u32, u32)> {
        let (cx, cy) = (x - self.left, y - self.top);
        if cx < 0.0 || cy < 0.0 || cx >= self.w || cy >= self.h {
            return None;
        }
        let k = ((cx / self.w) * self.cols as f64) as u32;
        let q = ((cy / self.h) * self.rows as f64) as u32;
        Some((q.min(self.rows - 1), k.min(self.cols - 1)))
    }
}

/// A drawn mask: its geometry for hit-testing and, when the canvas holds nothing but the
/// heatmap (no labels), the heatmap's pixels, so the cursor can move without pooling again.
pub struct Drawn {
    pub geometry: Geometry,
    pub heatmap: Option<ImageData>,
}

/// Draws `mask` into `canvas`, `width` CSS pixels wide, without the cursor.
pub fn draw_mask(canvas: &HtmlCanvasElement, mask: &Mask, width: f64) -> Drawn {
    let g = Geometry::new(width, mask.n_queries(), mask.n_keys());
    let (bw, bh) = fit(canvas, g.left + g.w, g.top + g.h);
    let Some(ctx) = context(canvas) else {
        return Drawn {
            geometry: g,
            heatmap: None,
        };
    };
    let scale = bw as f64 / (g.left + g.w);
    let _ = ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
    let bg = theme_rgb("--bg", [255, 255, 255]);
    ctx.set_fill_style_str(&css_color(bg));
    ctx.fill_rect(0.0, 0.0, bw as f64, bh as f64);

    // The heatmap: one pooled buffer at device resolution.
    let px_w = ((g.w * scale).round() as u32).max(1);
    let px_h = ((g.h * scale).round() as u32).max(1);
    let on = theme_rgb("--mask-on", [37, 99, 235]);
    let off = theme_rgb("--mask-off", [238, 241, 245]);
    let coverage = mask.pool(px_w, px_h);
    let rgba = coverage_to_rgba(&coverage, on, off);
    let heatmap = ImageData::new_with_u8_clamped_array_and_sh(Clamped(&rgba), px_w, px_h).ok();
    if let Some(img) = &heatmap {
        let _ = ctx.put_image_data(img, (g.left * scale).round(), (g.top * scale).round());
    }

    let _ = ctx.scale(scale, scale);
    let fg = css_color(theme_rgb("--fg", [27, 31, 36]));
    let cw = g.w / g.cols as f64;
    let ch = g.h / g.rows as f64;
    if g.labelled() {
        ctx.set_stroke_style_str(&css_color(theme_rgb("--mask-grid", [201, 208, 217])));
        ctx.set_line_width(1.0 / scale);
        ctx.begin_path();
        for k in 0..=g.cols {
            let x = g.left + k as f64 * cw;
            ctx.move_to(x, g.top);
            ctx.line_to(x, g.top + g.h);
        }
        for q in 0..=g.rows {
            let y = g.top + q as f64 * ch;
            ctx.move_to(g.left, y);
            ctx.line_to(g.left + g.w, y);
        }
        ctx.stroke();
        ctx.set_fill_style_str(&fg);
        ctx.set_font("12px system-ui, sans-serif");
        ctx.set_text_align("right");
        ctx.set_text_baseline("middle");
        for (q, label) in mask.query_labels().iter().enumerate() {
            let _ = ctx.fill_text(&shorten(label), g.left - 6.0, g.top + (q as f64 + 0.5) * ch);
        }
        // Key labels, rotated so long tokens fit.
        ctx.set_text_align("left");
        for (k, label) in mask.key_labels().iter().enumerate() {
            ctx.save();
            let _ = ctx.translate(g.left + (k as f64 + 0.5) * cw, g.top - 6.0);
            let _ = ctx.rotate(-std::f64::consts::FRAC_PI_4);
            let _ = ctx.fill_text(&shorten(label), 0.0, 0.0);
            ctx.restore();
        }
    }
    Drawn {
        geometry: g,
        heatmap: heatmap.filter(|_| !g.labelled()),
    }
}

/// Repaints a heatmap kept by [`draw_mask`] (the background first, for the edge pixel rows
/// that rounding leaves uncovered).
pub fn repaint_heatmap(canvas: &HtmlCanvasElement, heatmap: &ImageData) {
    let Some(ctx) = context(canvas) else { return };
    let _ = ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
    ctx.set_fill_style_str(&css_color(theme_rgb("--bg", [255, 255, 255])));
    ctx.fill_rect(0.0, 0.0, canvas.width() as f64, canvas.height() as f64);
    let _ = ctx.put_image_data(heatmap, 0.0, 0.0);
}

/// Device pixels per CSS pixel of a canvas drawn with geometry `g`.
fn scale_of(canvas: &HtmlCanvasElement, g: &Geometry) -> f64 {
    canvas.width() as f64 / (g.left + g.w)
}

/// Outlines the cursor cell (and its row, at large n where a cell is sub-pixel).
pub fn draw_cursor(canvas: &HtmlCanvasElement, g: &Geometry, (q, k): (u32, u32)) {
    let Some(ctx) = context(canvas) else { return };
    let scale = scale_of(canvas, g);
    let _ = ctx.set_transform(scale, 0.0, 0.0, scale, 0.0, 0.0);
    let (cw, ch) = (g.w / g.cols as f64, g.h / g.rows as f64);
    ctx.set_stroke_style_str(&css_color(theme_rgb("--mask-highlight", [245, 158, 11])));
    ctx.set_line_width(2.0);
    let (x, y) = (g.left + k as f64 * cw, g.top + q as f64 * ch);
    ctx.stroke_rect(x, y, cw.max(2.0), ch.max(2.0));
    if !g.labelled() {
        ctx.set_line_width(1.0);
        ctx.stroke_rect(g.left, y, g.w, ch.max(1.0));
    }
}

fn shorten(label: &str) -> String {
    let mut s: String = label.chars().take(8).collect();
    if label.chars().count() > 8 {
        s.push('…');
    }
    s
}

/// Draws the FlexAttention-style block view: one square per tile, full / partial / empty.
pub fn draw_tiles(
    canvas: &HtmlCanvasElement,
    mask: &Mask,
    tile: u32,
    width: f64,
) -> explorables_core::mask::TileStats {
    let stats = mask.tiles(tile);
    let cell = (width / stats.cols.max(1) as f64).clamp(1.0, 24.0);
    let (w, h) = (cell * stats.cols as f64, cell * stats.rows as f64);
    let (bw, bh) = fit(canvas, w.max(1.0), h.max(1.0));
    let full = theme_rgb("--mask-on", [37, 99, 235]);
    let empty = theme_rgb("--mask-off", [238, 241, 245]);
    let partial = theme_rgb("--mask-highlight", [245, 158, 11]);
    // One pixel buffer at backing resolution, tiles as blocks of pixels.
    let mut rgba = vec![0u8; (bw * bh * 4) as usize];
    for y in 0..bh {
        let r = ((y as f64 / bh as f64) * stats.rows as f64) as u32;
        for x in 0..bw {
            let c = ((x as f64 / bw as f64) * stats.cols as f64) as u32;
            let rgb = match stats.state(r, c) {
                Some(TileState::Full) => full,
                Some(TileState::Partial) => partial,
                _ => empty,
            };
            let i = ((y * bw + x) * 4) as usize;
            rgba[i..i + 3].copy_from_slice(&rgb);
            rgba[i + 3] = 255;
        }
    }
    if let Some(ctx) = context(canvas) {
        put_rgba(&ctx, &rgba, bw, bh, 0.0, 0.0);
    }
    stats
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hit_testing_maps_points_to_cells() {
        let g = Geometry::new(464.0, 8, 8);
        assert!(g.labelled());
        assert_eq!(g.cell_at(g.left + 1.0, g.top + 1.0), Some((0, 0)));
        assert_eq!(
            g.cell_at(g.left + g.w - 0.5, g.top + g.h - 0.5),
            Some((7, 7))
        );
        assert_eq!(g.cell_at(g.left - 1.0, g.top + 1.0), None);
        let big = Geometry::new(500.0, 8192, 8192);
        assert!(!big.labelled());
        assert_eq!(big.cell_at(250.0, 0.0), Some((0, 4096)));
    }
}
