//! URL parameters of the MoE widget and the clamping of every knob.
//!
//! `preset, experts, k, shared, scoring, groups, topk_groups, capacity, balance, gamma, alpha,
//! tokens, skew, seed, step`. A preset sets the starting values (from the model data);
//! explicit parameters override them. Hostile input is clamped or defaulted with a
//! [`Notice`]; nothing panics.

use super::presets::{find_preset, CUSTOM, PRESETS};
use super::sim::Simulation;
use super::{
    scoring_code, scoring_from_code, Balance, MoeConfig, MAX_CAPACITY_FACTOR, MAX_EXPERTS, MAX_K,
    MAX_SEED, MAX_SHARED, MAX_STEPS, MAX_TOKENS,
};
use crate::params::{build_query, get, parse_choice, parse_f64, parse_int, Notice, NoticeKind};

/// Parsed widget state.
#[derive(Clone, Debug, PartialEq)]
pub struct MoeParams {
    /// Preset key, or [`CUSTOM`].
    pub preset: &'static str,
    pub config: MoeConfig,
    /// Steps to run on load (0..=[`MAX_STEPS`]).
    pub step: u32,
}

impl Default for MoeParams {
    fn default() -> Self {
        MoeParams {
            preset: CUSTOM,
            config: MoeConfig::default(),
            step: 0,
        }
    }
}

fn notice(param: &str, given: String, used: String, kind: NoticeKind) -> Notice {
    Notice {
        param: param.into(),
        given,
        used,
        kind,
    }
}

/// Largest divisor of `n` that is ≤ `g` (at least 1).
fn divisor_at_most(n: u32, g: u32) -> u32 {
    (1..=g.min(n).max(1))
        .rev()
        .find(|d| n.is_multiple_of(*d))
        .unwrap_or(1)
}

impl MoeConfig {
    /// Clamps every knob into range and makes them consistent (k ≤ N, groups divide N, the
    /// kept groups hold at least k experts, finite floats). Returns what it changed.
    pub fn sanitize(&mut self) -> Vec<Notice> {
        let mut out = Vec::new();
        let mut clamp_u = |param: &str, v: &mut u32, min: u32, max: u32| {
            let c = (*v).clamp(min, max);
            if c != *v {
                out.push(notice(
                    param,
                    v.to_string(),
                    c.to_string(),
                    NoticeKind::Clamped,
                ));
                *v = c;
            }
        };
        clamp_u("experts", &mut self.experts, 1, MAX_EXPERTS);
        clamp_u("k", &mut self.k, 1, MAX_K.min(self.experts));
        clamp_u("shared", &mut self.shared, 0, MAX_SHARED);
        clamp_u("tokens", &mut self.tokens, 1, MAX_TOKENS);
        clamp_u("groups", &mut self.groups, 1, self.experts);
        let g = divisor_at_most(self.experts, self.groups);
        if g != self.groups {
            out.push(notice(
                "groups",
                self.groups.to_string(),
                g.to_string(),
                NoticeKind::Invalid,
            ));
            self.groups = g;
        }
        let gs = self.experts / self.groups;
        let min_tg = self.k.div_ceil(gs);
        let tg = self.topk_groups.clamp(min_tg, self.groups);
        if tg != self.topk_groups {
            out.push(notice(
                "topk_groups",
                self.topk_groups.to_string(),
                tg.to_string(),
                NoticeKind::Clamped,
            ));
            self.topk_groups = tg;
        }
        let mut clamp_f = |param: &str, v: &mut f64, min: f64, max: f64, default: f64| {
            let c = if v.is_finite() {
                v.clamp(min, max)
            } else {
                default
            };
            if c != *v {
                let kind = if v.is_finite() {
                    NoticeKind::Clamped
                } else {
                    NoticeKind::Invalid
                };
                out.push(notice(param, v.to_string(), c.to_string(), kind));
                *v = c;
            }
        };
        clamp_f(
            "capacity",
            &mut self.capacity_factor,
            0.0,
            MAX_CAPACITY_FACTOR,
            0.0,
        );
        clamp_f("gamma", &mut self.gamma, 0.0, 1.0, 0.01);
        clamp_f("alpha", &mut self.alpha, 0.0, 1.0, 0.01);
        clamp_f("skew", &mut self.skew, 0.0, 1.0, 0.5);
        clamp_f("routed_scaling", &mut self.routed_scaling, 0.0, 100.0, 1.0);
        if self.seed > MAX_SEED {
            out.push(notice(
                "seed",
                self.seed.to_string(),
                MAX_SEED.to_string(),
                NoticeKind::Clamped,
            ));
            self.seed = MAX_SEED;
        }
        out
    }
}

impl MoeParams {
    /// Reads the widget state from decoded query pairs.
    pub fn from_query(pairs: &[(String, String)]) -> (MoeParams, Vec<Notice>) {
        let mut notes = Vec::new();
        let mut keys: Vec<&'static str> = PRESETS.iter().map(|p| p.key).collect();
        keys.push(CUSTOM);
        let (preset, n) = parse_choice("preset", get(pairs, "preset"), &keys, CUSTOM);
        notes.extend(n);
        let mut c = find_preset(preset).map_or_else(MoeConfig::default, |p| p.config());

        let mut int = |name: &str, min: u64, max: u64, cur: u64| -> u64 {
            let (v, n) = parse_int(name, get(pairs, name), min as i64, max as i64, cur as i64);
            notes.extend(n);
            v.max(0) as u64
        };
        c.experts = int("experts", 1, MAX_EXPERTS as u64, c.experts as u64) as u32;
        c.k = int("k", 1, MAX_K as u64, c.k as u64) as u32;
        c.shared = int("shared", 0, MAX_SHARED as u64, c.shared as u64) as u32;
        c.groups = int("groups", 1, MAX_EXPERTS as u64, c.groups as u64) as u32;
        c.topk_groups = int("topk_groups", 1, MAX_EXPERTS as u64, c.topk_groups as u64) as u32;
        c.tokens = int("tokens", 1, MAX_TOKENS as u64, c.tokens as u64) as u32;
        c.seed = int("seed", 0, MAX_SEED, c.seed.min(MAX_SEED));
        let step = int("step", 0, MAX_STEPS as u64, 0) as u32;

        let mut float = |name: &str, min: f64, max: f64, cur: f64| -> f64 {
            let (v, n) = parse_f64(name, get(pairs, name), min, max, cur);
            notes.extend(n);
            v
        };
        c.capacity_factor = float("capacity", 0.0, MAX_CAPACITY_FACTOR, c.capacity_factor);
        c.gamma = float("gamma", 0.0, 1.0, c.gamma);
        c.alpha = float("alpha", 0.0, 1.0, c.alpha);
        c.skew = float("skew", 0.0, 1.0, c.skew);

        let (s, n) = parse_choice(
            "scoring",
            get(pairs, "scoring"),
            &["softmax", "sigmoid"],
            scoring_code(c.scoring),
        );
        notes.extend(n);
        c.scoring = scoring_from_code(s).unwrap_or(c.scoring);
        let (b, n) = parse_choice(
            "balance",
            get(pairs, "balance"),
            &["bias", "aux", "none"],
            c.balance.code(),
        );
        notes.extend(n);
        c.balance = Balance::from_code(b).unwrap_or(c.balance);

        notes.extend(c.sanitize());
        (
            MoeParams {
                preset,
                config: c,
                step,
            },
            notes,
        )
    }

    /// Writes every parameter (so a link reproduces the state even if preset data changes).
    pub fn to_query(&self) -> String {
        let c = &self.config;
        build_query(&[
            ("preset", self.preset.to_string()),
            ("experts", c.experts.to_string()),
            ("k", c.k.to_string()),
            ("shared", c.shared.to_string()),
            ("scoring", scoring_code(c.scoring).to_string()),
            ("groups", c.groups.to_string()),
            ("topk_groups", c.topk_groups.to_string()),
            ("capacity", c.capacity_factor.to_string()),
            ("balance", c.balance.code().to_string()),
            ("gamma", c.gamma.to_string()),
            ("alpha", c.alpha.to_string()),
            ("tokens", c.tokens.to_string()),
            ("skew", c.skew.to_string()),
            ("seed", c.seed.to_string()),
            ("step", self.step.to_string()),
        ])
    }

    /// A simulation of this state, already advanced to `step`.
    pub fn simulation(&self) -> Simulation {
        let mut sim = Simulation::new(self.config.clone());
        sim.run(self.step);
        sim
    }
}
