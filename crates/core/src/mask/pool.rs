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
        let mut out = vec![0f32; width as usize * height as usize];
        // Per pixel row: partial columns add their fraction to `acc`; runs of fully covered
        // columns go into the difference array `diff`, summed once per row. This keeps the
        // cost per sampled query row at O(spans × log width), not O(width).
        let mut acc = vec![0f32; width as usize];
        let mut diff = vec![0i32; width as usize + 1];
        for (y, row_out) in (0..height).zip(out.chunks_exact_mut(width as usize)) {
            let (q0, q1) = bounds(y, height, self.n);
            let len = q1 - q0;
            let samples = len.min(POOL_SAMPLES);
            acc.iter_mut().for_each(|a| *a = 0.0);
            diff.iter_mut().for_each(|d| *d = 0);
            for j in 0..samples {
                // Midpoints of `samples` equal strata of q0..q1 (all rows when len ≤ samples).
                let q = q0 + ((2 * j as u64 + 1) * len as u64 / (2 * samples as u64)) as u32;
                for span in self.row(q).iter() {
                    add_span(&cols, span.start, span.end, &mut acc, &mut diff);
                }
            }
            let inv = 1.0 / samples as f32;
            let mut full = 0i32;
            for ((o, &a), &d) in row_out.iter_mut().zip(&acc).zip(&diff) {
                full += d;
                *o = ((a + full as f32) * inv).clamp(0.0, 1.0);
            }
        }
        out
    }
}

/// Adds the key span `a..b` to one sampled row. Columns are monotone in both bounds, so only
/// the first and last columns it touches can be partly covered; the ones between are full.
fn add_span(cols: &[(u32, u32)], a: u32, b: u32, acc: &mut [f32], diff: &mut [i32]) {
    if a >= b {
        return;
    }
    let first = cols.partition_point(|&(_, k1)| k1 <= a);
    let end = cols.partition_point(|&(k0, _)| k0 < b);
    if first >= end {
        return;
    }
    let fraction = |x: usize| {
        let (k0, k1) = cols[x];
        (b.min(k1).saturating_sub(a.max(k0))) as f32 / (k1 - k0) as f32
    };
    acc[first] += fraction(first);
    if end - 1 > first {
        acc[end - 1] += fraction(end - 1);
        diff[first + 1] += 1;
        diff[end - 1] -= 1;
    }
}
