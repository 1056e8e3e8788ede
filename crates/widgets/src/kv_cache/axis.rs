//! The chart's axes: linear over log2 values, with ticks at chosen powers of two.

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};

pub fn lg(v: u64) -> f64 {
    (v.max(1) as f64).log2()
}

/// Integer powers of two (as exponents) in `[lo, hi]` for axis ticks: every `step`-th one,
/// with `step` from 1, 2, 5, 10, 20 the smallest that gives at most `max_ticks`.
pub fn log2_ticks(lo: f64, hi: f64, max_ticks: usize) -> Vec<i32> {
    if !(lo.is_finite() && hi.is_finite()) || hi < lo {
        return Vec::new();
    }
    let (a, b) = (lo.ceil() as i32, hi.floor() as i32);
    let max_ticks = max_ticks.max(1) as i32;
    for step in [1, 2, 5, 10, 20, 50] {
        let first = a.div_euclid(step) * step + if a.rem_euclid(step) == 0 { 0 } else { step };
        let ticks: Vec<i32> = (0..)
            .map(|i| first + i * step)
            .take_while(|&e| e <= b)
            .collect();
        if ticks.len() as i32 <= max_ticks {
            return ticks;
        }
    }
    vec![a, b]
}

/// A linear axis (over log2 values) with exactly the given ticks and no light lines.
pub struct TickAxis {
    pub lo: f64,
    pub hi: f64,
    pub ticks: Vec<f64>,
}

impl Ranged for TickAxis {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, v: &f64, limit: (i32, i32)) -> i32 {
        let span = self.hi - self.lo;
        if span <= 0.0 || !v.is_finite() {
            return (limit.0 + limit.1) / 2;
        }
        let f = (v - self.lo) / span;
        limit.0 + ((limit.1 - limit.0) as f64 * f + 1e-3).floor() as i32
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.lo..self.hi
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_bounded_and_aligned() {
        assert_eq!(log2_ticks(0.0, 4.0, 10), vec![0, 1, 2, 3, 4]);
        let t = log2_ticks(0.0, 17.0, 8);
        assert!(t.len() <= 8 && t.contains(&0) && t.iter().all(|e| e % 5 == 0));
        assert_eq!(log2_ticks(20.3, 20.7, 5), Vec::<i32>::new());
        assert!(log2_ticks(f64::NAN, 3.0, 5).is_empty());
        assert_eq!(log2_ticks(-3.0, 3.0, 3), vec![-2, 0, 2]);
    }
}
