//! URL parameters of the norm placement explorer: `scheme, qknorm, layers, seed, gain`.
//! Hostile input is clamped or defaulted with a [`Notice`]; nothing panics.

use super::{
    Scheme, DEFAULT_GAIN, DEFAULT_LAYERS, DEFAULT_SEED, MAX_GAIN, MAX_LAYERS, MIN_GAIN, MIN_LAYERS,
};
use crate::params::{build_query, get, parse_choice, parse_f64, parse_int, parse_query, Notice};

/// The explorer's whole state.
#[derive(Clone, Debug, PartialEq)]
pub struct NormParams {
    pub scheme: Scheme,
    pub qknorm: bool,
    /// Blocks in the stack (`MIN_LAYERS..=MAX_LAYERS`).
    pub layers: u32,
    pub seed: u32,
    /// Weight-growth factor (`MIN_GAIN..=MAX_GAIN`).
    pub gain: f64,
}

impl Default for NormParams {
    fn default() -> Self {
        NormParams {
            scheme: Scheme::PreLn,
            qknorm: false,
            layers: DEFAULT_LAYERS,
            seed: DEFAULT_SEED,
            gain: DEFAULT_GAIN,
        }
    }
}

impl NormParams {
    /// Reads the state from decoded query pairs; notices say what was changed.
    pub fn from_pairs(pairs: &[(String, String)]) -> (NormParams, Vec<Notice>) {
        let mut notes = Vec::new();
        let d = NormParams::default();
        let (code, n) = parse_choice(
            "scheme",
            get(pairs, "scheme"),
            &Scheme::CODES,
            d.scheme.code(),
        );
        notes.extend(n);
        let (qk, n) = parse_int("qknorm", get(pairs, "qknorm"), 0, 1, 0);
        notes.extend(n);
        let (layers, n) = parse_int(
            "layers",
            get(pairs, "layers"),
            MIN_LAYERS as i64,
            MAX_LAYERS as i64,
            d.layers as i64,
        );
        notes.extend(n);
        let (seed, n) = parse_int(
            "seed",
            get(pairs, "seed"),
            0,
            u32::MAX as i64,
            d.seed as i64,
        );
        notes.extend(n);
        let (gain, n) = parse_f64("gain", get(pairs, "gain"), MIN_GAIN, MAX_GAIN, d.gain);
        notes.extend(n);
        let p = NormParams {
            scheme: Scheme::from_code(code).unwrap_or(d.scheme),
            qknorm: qk == 1,
            layers: layers.clamp(MIN_LAYERS as i64, MAX_LAYERS as i64) as u32,
            seed: seed.clamp(0, u32::MAX as i64) as u32,
            gain,
        };
        (p, notes)
    }

    /// Parses a raw query string (`scheme=olmo2&qknorm=1…`).
    pub fn from_query(query: &str) -> (NormParams, Vec<Notice>) {
        NormParams::from_pairs(&parse_query(query))
    }

    /// Every parameter, so a link reproduces the exact state.
    pub fn to_query(&self) -> String {
        build_query(&[
            ("scheme", self.scheme.code().to_string()),
            ("qknorm", u8::from(self.qknorm).to_string()),
            ("layers", self.layers.to_string()),
            ("seed", self.seed.to_string()),
            ("gain", self.gain.to_string()),
        ])
    }
}
