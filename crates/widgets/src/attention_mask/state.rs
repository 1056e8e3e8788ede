//! The lab's state: parsed from and written back to URL parameters (parsing and clamping
//! live in `explorables_core::mask`).

use explorables_core::mask::MaskParams;
use explorables_core::params::{build_query, parse_query, Notice};

/// Parses the widget's URL parameters; notices say what was changed.
pub fn from_query(query: &str) -> (MaskParams, Vec<Notice>) {
    MaskParams::from_query(&parse_query(query))
}

/// The URL parameters for a state (only what differs from the defaults).
pub fn to_query(p: &MaskParams) -> String {
    build_query(&p.to_query())
}

/// Maps a log-scale slider position 0..=1000 to n in 4..=8192 and back.
pub fn slider_to_n(v: f64) -> u32 {
    let t = (v / 1000.0).clamp(0.0, 1.0);
    (4.0 * 2048f64.powf(t)).round().clamp(4.0, 8192.0) as u32
}

pub fn n_to_slider(n: u32) -> f64 {
    ((n.clamp(4, 8192) as f64 / 4.0).ln() / 2048f64.ln() * 1000.0).round()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slider_round_trips_and_covers_the_range() {
        assert_eq!(slider_to_n(0.0), 4);
        assert_eq!(slider_to_n(1000.0), 8192);
        for n in [4, 6, 8, 64, 512, 4096, 8192] {
            let back = slider_to_n(n_to_slider(n));
            assert!(
                (back as f64 - n as f64).abs() / n as f64 <= 0.01,
                "{n} -> {back}"
            );
        }
        assert_eq!(slider_to_n(f64::NAN.max(-5.0)), 4);
    }

    #[test]
    fn query_round_trip() {
        let (p, notices) = from_query("preset=prefix-lm&n=6&prefix=3");
        assert!(notices.is_empty());
        assert_eq!(to_query(&p), "preset=prefix-lm&n=6&prefix=3");
        let (_, notices) = from_query("n=-1&preset=%3Cscript%3E&window=abc");
        assert_eq!(notices.len(), 3);
    }
}
