//! Canvas helpers shared by the widgets: HiDPI sizing, theme colours, and drawing a
//! coverage buffer computed in Rust as one `ImageData` (never one `fillRect` per cell).

use crate::dom::{css_var, device_pixel_ratio, parse_hex_color};
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Sizes the backing store to `css_w × css_h` CSS pixels times the device pixel ratio;
/// returns the backing size in device pixels.
pub fn fit(canvas: &HtmlCanvasElement, css_w: f64, css_h: f64) -> (u32, u32) {
    let dpr = device_pixel_ratio();
    let w = (css_w * dpr).round().clamp(1.0, 4096.0) as u32;
    let h = (css_h * dpr).round().clamp(1.0, 4096.0) as u32;
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    let style = canvas.style();
    let _ = style.set_property("width", &format!("{css_w}px"));
    let _ = style.set_property("height", &format!("{css_h}px"));
    (w, h)
}

pub fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten()?.dyn_into().ok()
}

/// A theme colour from a CSS variable, as RGB.
pub fn theme_rgb(var: &str, fallback: [u8; 3]) -> [u8; 3] {
    parse_hex_color(&css_var(var), fallback)
}

pub fn css_color(rgb: [u8; 3]) -> String {
    format!("rgb({},{},{})", rgb[0], rgb[1], rgb[2])
}

/// Fills an RGBA buffer from coverage values in [0, 1], blending `off` → `on`.
pub fn coverage_to_rgba(coverage: &[f32], on: [u8; 3], off: [u8; 3]) -> Vec<u8> {
    // 256 shades computed once; each pixel is then a table lookup (no per-byte float maths).
    let lut: Vec<[u8; 4]> = (0..=255u32)
        .map(|i| {
            let t = i as f32 / 255.0;
            let mix = |c: usize| (off[c] as f32 + (on[c] as f32 - off[c] as f32) * t + 0.5) as u8;
            [mix(0), mix(1), mix(2), 255]
        })
        .collect();
    let mut px = vec![0u8; coverage.len() * 4];
    for (out, &c) in px.chunks_exact_mut(4).zip(coverage) {
        let t = if c.is_finite() {
            c.clamp(0.0, 1.0)
        } else {
            0.0
        };
        out.copy_from_slice(&lut[(t * 255.0 + 0.5) as usize]);
    }
    px
}

/// Puts an RGBA buffer of `w × h` pixels at (`x`, `y`).
pub fn put_rgba(ctx: &CanvasRenderingContext2d, rgba: &[u8], w: u32, h: u32, x: f64, y: f64) {
    if let Ok(img) = web_sys::ImageData::new_with_u8_clamped_array_and_sh(Clamped(rgba), w, h) {
        let _ = ctx.put_image_data(&img, x, y);
    }
}
