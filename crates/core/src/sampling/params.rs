//! URL parameters of the sampling widget.
//!
//! | name          | default  | range / values                                              |
//! |---------------|----------|-------------------------------------------------------------|
//! | `preset`      | `peaked` | `peaked` \| `flat` \| `long-tail` (ignored when `logits` is given) |
//! | `logits`      | preset's | ≤ 64 comma-separated numbers, each clamped to ±1000          |
//! | `labels`      | preset's or `#1…` | comma-separated, padded / cut to the logits, ≤ 24 chars |
//! | `temperature` | 1        | 0..=10; below 1e-5 greedy                                   |
//! | `top_k`       | 0 (off)  | 0..=64                                                      |
//! | `top_p`       | 1 (off)  | 0..=1 (0 keeps only the most likely token)                  |
//! | `min_p`       | 0 (off)  | 0..=1                                                       |
//! | `order`       | `hf`     | `hf` \| `vllm` \| `llamacpp`                                |
//! | `seed`        | 42       | 0..=2³²−1, for the 1000-draw histogram                      |
//!
//! Hostile input is clamped or defaulted with a [`Notice`]; nothing panics. Invalid entries
//! of `logits` become 0 (so the labels stay aligned) with a notice.

use super::engine::Engine;
use super::presets::Preset;
use super::{MAX_ABS_LOGIT, MAX_TEMPERATURE, MAX_TOKENS};
use crate::params::list::{join_f64, list_notice, parse_f64_list};
use crate::params::{
    build_query, get, parse_choice, parse_f64, parse_int, parse_query, Notice, NoticeKind,
};

/// Longest token label kept (characters).
pub const MAX_LABEL_CHARS: usize = 24;
pub const DEFAULT_SEED: u32 = 42;

/// The widget's whole state.
#[derive(Clone, Debug, PartialEq)]
pub struct SamplingParams {
    pub preset: Preset,
    /// 1..=[`MAX_TOKENS`] finite logits within ±[`MAX_ABS_LOGIT`].
    pub logits: Vec<f64>,
    /// One per logit.
    pub labels: Vec<String>,
    pub temperature: f64,
    pub top_k: u32,
    pub top_p: f64,
    pub min_p: f64,
    pub engine: Engine,
    pub seed: u32,
}

impl Default for SamplingParams {
    fn default() -> Self {
        SamplingParams::for_preset(Preset::Peaked)
    }
}

/// `#1, #2, …` for tokens without a label.
fn default_label(i: usize) -> String {
    format!("#{}", i + 1)
}

impl SamplingParams {
    /// A preset with every knob off (`Custom` falls back to `Peaked`'s data).
    pub fn for_preset(preset: Preset) -> SamplingParams {
        let d = preset.data_or_peaked();
        SamplingParams {
            preset,
            logits: d.logits.to_vec(),
            labels: d.labels.iter().map(|s| s.to_string()).collect(),
            temperature: 1.0,
            top_k: 0,
            top_p: 1.0,
            min_p: 0.0,
            engine: Engine::Hf,
            seed: DEFAULT_SEED,
        }
    }

    /// Reads the state from decoded query pairs; notices say what was changed.
    pub fn from_pairs(pairs: &[(String, String)]) -> (SamplingParams, Vec<Notice>) {
        let mut notes = Vec::new();
        let named: Vec<&str> = Preset::NAMED.iter().map(|p| p.code()).collect();
        let (code, n) = parse_choice("preset", get(pairs, "preset"), &named, "peaked");
        notes.extend(n);
        let mut p = SamplingParams::for_preset(Preset::from_code(code).unwrap_or_default());

        let fallback = join_f64(&p.logits);
        let range = (-MAX_ABS_LOGIT, MAX_ABS_LOGIT);
        let (logits, n) = parse_f64_list(
            "logits",
            get(pairs, "logits"),
            MAX_TOKENS,
            range,
            0.0,
            &fallback,
        );
        notes.extend(n);
        if let Some(l) = logits {
            p.preset = Preset::Custom;
            p.labels = (0..l.len()).map(default_label).collect();
            p.logits = l;
        }
        if let Some(raw) = get(pairs, "labels") {
            notes.extend(p.set_labels(raw));
        }

        let (t, n) = parse_f64(
            "temperature",
            get(pairs, "temperature"),
            0.0,
            MAX_TEMPERATURE,
            1.0,
        );
        notes.extend(n);
        p.temperature = t;
        let (k, n) = parse_int("top_k", get(pairs, "top_k"), 0, MAX_TOKENS as i64, 0);
        notes.extend(n);
        p.top_k = k.clamp(0, MAX_TOKENS as i64) as u32;
        let (tp, n) = parse_f64("top_p", get(pairs, "top_p"), 0.0, 1.0, 1.0);
        notes.extend(n);
        p.top_p = tp;
        let (mp, n) = parse_f64("min_p", get(pairs, "min_p"), 0.0, 1.0, 0.0);
        notes.extend(n);
        p.min_p = mp;
        let (e, n) = parse_choice("order", get(pairs, "order"), &Engine::CODES, "hf");
        notes.extend(n);
        p.engine = Engine::from_code(e).unwrap_or_default();
        let (seed, n) = parse_int(
            "seed",
            get(pairs, "seed"),
            0,
            u32::MAX as i64,
            DEFAULT_SEED as i64,
        );
        notes.extend(n);
        p.seed = seed.clamp(0, u32::MAX as i64) as u32;
        (p, notes)
    }

    /// Replaces the labels from `a,b,c`: cut to [`MAX_LABEL_CHARS`], padded with `#i` or cut
    /// to the number of logits (a notice if any of that happened).
    fn set_labels(&mut self, raw: &str) -> Option<Notice> {
        let mut changed = false;
        let mut labels: Vec<String> = Vec::with_capacity(self.logits.len());
        for (i, part) in raw.split(',').enumerate() {
            if i == self.logits.len() {
                changed = true;
                break;
            }
            let cut: String = part.chars().take(MAX_LABEL_CHARS).collect();
            changed |= cut.len() != part.len();
            labels.push(cut);
        }
        while labels.len() < self.logits.len() {
            changed = true;
            labels.push(default_label(labels.len()));
        }
        let used = labels.join(",");
        self.labels = labels;
        changed.then(|| list_notice("labels", raw, &used, NoticeKind::Clamped))
    }

    /// Parses a raw query string.
    pub fn from_query(query: &str) -> (SamplingParams, Vec<Notice>) {
        SamplingParams::from_pairs(&parse_query(query))
    }

    /// Every parameter, so a link reproduces the state (`preset` for a named preset,
    /// `logits` and `labels` for custom ones).
    pub fn to_query(&self) -> String {
        let mut q: Vec<(&str, String)> = Vec::new();
        match self.preset {
            Preset::Custom => {
                q.push(("logits", join_f64(&self.logits)));
                q.push(("labels", self.labels.join(",")));
            }
            named => q.push(("preset", named.code().to_string())),
        }
        q.extend([
            ("temperature", self.temperature.to_string()),
            ("top_k", self.top_k.to_string()),
            ("top_p", self.top_p.to_string()),
            ("min_p", self.min_p.to_string()),
            ("order", self.engine.code().to_string()),
            ("seed", self.seed.to_string()),
        ]);
        build_query(&q)
    }
}
