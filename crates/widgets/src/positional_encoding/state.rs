//! Pure helpers of the explorer: URL parsing, the log slider of θ, number formatting.

use explorables_core::params::{parse_query, Notice};
use explorables_core::posenc::PosencParams;

pub fn from_query(query: &str) -> (PosencParams, Vec<Notice>) {
    PosencParams::from_query(&parse_query(query))
}

/// Slider range of log10 θ and its step.
pub const THETA_LOG_MIN: f64 = 4.0;
pub const THETA_LOG_MAX: f64 = 7.0;
pub const THETA_LOG_STEP: f64 = 0.05;

/// The slider position of `theta`.
pub fn theta_to_slider(theta: f64) -> f64 {
    theta.max(1.0).log10().clamp(THETA_LOG_MIN, THETA_LOG_MAX)
}

/// θ for slider position `v`, rounded to two significant digits (10^5.7 → 500000).
pub fn slider_to_theta(v: f64) -> f64 {
    if !v.is_finite() {
        return 10_000.0;
    }
    let raw = 10f64.powf(v.clamp(THETA_LOG_MIN, THETA_LOG_MAX));
    let unit = 10f64.powi(raw.log10().floor() as i32 - 1);
    (raw / unit).round() * unit
}

/// A number for people: thousands separated, `digits` decimals for small values.
pub fn human(v: f64, digits: usize) -> String {
    if !v.is_finite() {
        return "—".into();
    }
    if v.abs() >= 1e4 {
        let r = v.round() as i64;
        let s = r.unsigned_abs().to_string();
        let mut out = String::new();
        for (k, c) in s.chars().enumerate() {
            if k > 0 && (s.len() - k).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        return if r < 0 { format!("-{out}") } else { out };
    }
    format!("{v:.digits$}")
}

/// Exact machine value for `data-value` (Rust's shortest round-trip form).
pub fn exact(v: f64) -> String {
    if v.is_finite() {
        v.to_string()
    } else {
        "null".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theta_slider_round_numbers() {
        assert_eq!(slider_to_theta(4.0), 10_000.0);
        assert_eq!(slider_to_theta(5.7), 500_000.0);
        assert_eq!(slider_to_theta(6.0), 1_000_000.0);
        assert_eq!(slider_to_theta(6.7), 5_000_000.0);
        assert_eq!(slider_to_theta(f64::NAN), 10_000.0);
        assert_eq!(slider_to_theta(99.0), 10_000_000.0);
        // One step from the bottom moves θ.
        assert!(slider_to_theta(4.0 + THETA_LOG_STEP) > 10_000.0);
        assert!((theta_to_slider(500_000.0) - 5.699).abs() < 1e-3);
    }

    #[test]
    fn formatting() {
        assert_eq!(human(54_410.6, 2), "54,411");
        assert_eq!(human(6.25, 2), "6.25");
        assert_eq!(human(-1_234_567.0, 0), "-1,234,567");
        assert_eq!(exact(0.5), "0.5");
        assert_eq!(exact(f64::NAN), "null");
    }
}
