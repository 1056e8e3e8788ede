//! Downscaling (or upscaling) the mask to a pixel buffer for the heatmap canvas.

use super::Mask;

/// Query rows sampled per output row. Pooling is exact when every output row covers at
/// most this many query rows (n ≤ 4 × height).
pub const POOL_SAMPLES: u32 = 4;

/// The cells covered by output pixel `i` of `parts` along an axis of `n` cells: whole cells
/// `start..end`, at least one. When n ≤ parts each pixel shows exactly one cell.
pub(crate) fn bounds(i: u32, parts: u32, n: u32) -> (u32, u32) {
    let start = (i as u64 * n as u64 / parts as u64) as u32;
    let end = ((i as u64 + 1) * n as u64 / parts as u64) as u32;
    (start, end.max(start + 1).min(n.max(1)))
}

impl Mask {
    /// Fraction of visible cells under each output pixel, row-major (`height` rows ×
    /// `width` columns), every value in [0, 1].
    ///
    /// Pixel columns cover whole key ranges and are computed exactly from the row
    /// intervals; each pixel row averages at most [`POOL_SAMPLES`] query rows spread over
    /// its range (exact when n ≤ 4 × height). When n ≤ width and n ≤ height every cell
    /// maps to whole pixels and the values are exactly 0 or 1. Cost:
    /// O(width × height × samples × intervals), independent of N².
    pub fn pool(&self, width: u32, height: u32) -> Vec<f32> {
        if width == 0 || height == 0 {
            return Vec::new();
        }
        let cols: Vec<(u32, u32)> = (0..width).map(|x| bounds(x, width, self.n_keys)).collect();
        let mut out = Vec::with_capacity(width as usize * height as usize);
        let mut acc = vec![0f64; width as usize];
        for y in 0..height {
            let (q0, q1) = bounds(y, height, self.n);
            let len = q1 - q0;
            let samples = len.min(POOL_SAMPLES);
            acc.iter_mut().for_each(|a| *a = 0.0);
            for j in 0..samples {
                // Midpoints of `samples` equal strata of q0..q1 (all rows when len ≤ samples).
                let q = q0 + ((2 * j as u64 + 1) * len as u64 / (2 * samples as u64)) as u32;
                let row = self.row(q);
                for (a, &(k0, k1)) in acc.iter_mut().zip(&cols) {
                    *a += row.count_in(k0, k1) as f64 / (k1 - k0) as f64;
                }
            }
            out.extend(
                acc.iter()
                    .map(|&a| ((a / samples as f64) as f32).clamp(0.0, 1.0)),
            );
        }
        out
    }
}
