//! URL parameters of the KL explorer: `preset, theta, ref, samples, seed`.
//!
//! A preset sets the starting logits; explicit `theta` / `ref` override them (the state is
//! then `custom` unless they equal a preset's). `theta` and `ref` must have the same length;
//! if not, both fall back to the preset's. Hostile input is clamped or defaulted with a
//! [`Notice`]; nothing panics.

use super::presets::{find_preset, CUSTOM, PRESETS};
use super::{
    DEFAULT_SAMPLES, DEFAULT_SEED, MAX_ACTIONS, MAX_LOGIT, MAX_SAMPLES, MIN_ACTIONS, MIN_SAMPLES,
};
use crate::params::list::{join_f64 as join, parse_f64_list_whole as parse_f64_list};
use crate::params::{
    build_query, get, parse_choice, parse_int, parse_query, shorten, Notice, NoticeKind,
};

/// The explorer's whole state, every field in range.
#[derive(Clone, Debug, PartialEq)]
pub struct KlParams {
    /// Preset key, or [`CUSTOM`].
    pub preset: &'static str,
    /// Policy logits, `MIN_ACTIONS..=MAX_ACTIONS` of them, each within ±[`MAX_LOGIT`].
    pub theta: Vec<f64>,
    /// Reference logits, as many as `theta`.
    pub reference: Vec<f64>,
    /// Monte-Carlo draws (`MIN_SAMPLES..=MAX_SAMPLES`).
    pub samples: u32,
    pub seed: u64,
}

impl Default for KlParams {
    fn default() -> Self {
        let p = &PRESETS[0];
        KlParams {
            preset: p.key,
            theta: p.theta.to_vec(),
            reference: p.reference.to_vec(),
            samples: DEFAULT_SAMPLES,
            seed: DEFAULT_SEED,
        }
    }
}

fn parse_seed(raw: Option<&str>) -> (u64, Option<Notice>) {
    let Some(raw) = raw else {
        return (DEFAULT_SEED, None);
    };
    match raw.trim().parse::<u64>() {
        Ok(v) => (v, None),
        Err(_) => (
            DEFAULT_SEED,
            Some(Notice {
                param: "seed".into(),
                given: shorten(raw),
                used: DEFAULT_SEED.to_string(),
                kind: NoticeKind::Invalid,
            }),
        ),
    }
}

impl KlParams {
    /// The preset whose logits these are, or [`CUSTOM`].
    fn matching_preset(&self) -> &'static str {
        PRESETS
            .iter()
            .find(|p| p.theta == self.theta && p.reference == self.reference)
            .map_or(CUSTOM, |p| p.key)
    }

    /// Reads the state from decoded query pairs; notices say what was changed.
    pub fn from_pairs(pairs: &[(String, String)]) -> (KlParams, Vec<Notice>) {
        let mut notes = Vec::new();
        let keys: Vec<&'static str> = PRESETS.iter().map(|p| p.key).collect();
        let (key, n) = parse_choice("preset", get(pairs, "preset"), &keys, PRESETS[0].key);
        notes.extend(n);
        let preset = find_preset(key).unwrap_or(&PRESETS[0]);
        let mut p = KlParams {
            preset: preset.key,
            theta: preset.theta.to_vec(),
            reference: preset.reference.to_vec(),
            ..KlParams::default()
        };

        let mut logits = |name: &str, cur: &[f64]| -> Vec<f64> {
            let Some(raw) = get(pairs, name) else {
                return cur.to_vec();
            };
            let bounds = (-MAX_LOGIT, MAX_LOGIT);
            let count = (MIN_ACTIONS, MAX_ACTIONS);
            let (v, n) = parse_f64_list(name, raw, bounds, count, &join(cur));
            notes.extend(n);
            v.unwrap_or_else(|| cur.to_vec())
        };
        let theta = logits("theta", preset.theta);
        let reference = logits("ref", preset.reference);
        if theta.len() == reference.len() {
            (p.theta, p.reference) = (theta, reference);
        } else {
            notes.push(Notice {
                param: "ref".into(),
                given: shorten(&join(&reference)),
                used: shorten(&join(preset.reference)),
                kind: NoticeKind::Invalid,
            });
        }
        p.preset = p.matching_preset();

        let (samples, n) = parse_int(
            "samples",
            get(pairs, "samples"),
            MIN_SAMPLES as i64,
            MAX_SAMPLES as i64,
            DEFAULT_SAMPLES as i64,
        );
        notes.extend(n);
        p.samples = samples.clamp(MIN_SAMPLES as i64, MAX_SAMPLES as i64) as u32;
        let (seed, n) = parse_seed(get(pairs, "seed"));
        notes.extend(n);
        p.seed = seed;
        (p, notes)
    }

    /// Parses a raw query string (`theta=0,1,2&ref=1,1,0…`).
    pub fn from_query(query: &str) -> (KlParams, Vec<Notice>) {
        KlParams::from_pairs(&parse_query(query))
    }

    /// Every parameter (a preset by name, custom logits as lists), so a link reproduces the
    /// exact state.
    pub fn to_query(&self) -> String {
        let mut q: Vec<(&str, String)> = Vec::new();
        if self.preset == CUSTOM {
            q.push(("theta", join(&self.theta)));
            q.push(("ref", join(&self.reference)));
        } else {
            q.push(("preset", self.preset.to_string()));
        }
        q.push(("samples", self.samples.to_string()));
        q.push(("seed", self.seed.to_string()));
        build_query(&q)
    }
}
