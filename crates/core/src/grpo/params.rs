//! URL parameters of the group explorer: `rewards, lengths, algo, std, eps_std, eps,
//! eps_low, eps_high, max_len, cache, ratios, p`.
//!
//! `rewards` fixes the group size G; `lengths` and `ratios` must then have G entries (a
//! single ratio applies to every response) or they fall back to their defaults. `eps` sets
//! both clip sides; `eps_low` / `eps_high` override one side. Hostile input is clamped or
//! defaulted with a [`Notice`]; nothing panics.

use super::{
    Algo, StdKind, DEFAULT_CACHE, DEFAULT_EPS_STD, DEFAULT_LENGTH, DEFAULT_MAX_LEN, DEFAULT_P,
    DEFAULT_REWARDS, MAX_ABS_REWARD, MAX_EPS_HIGH, MAX_EPS_STD, MAX_G, MAX_LENGTH, MAX_RATIO,
    MIN_G,
};
use crate::params::list::{join_f64 as join, parse_f64_list_whole as parse_f64_list};
use crate::params::{
    build_query, get, parse_choice, parse_f64, parse_int, parse_query, shorten, Notice, NoticeKind,
};

/// The explorer's whole state, every field in range.
#[derive(Clone, Debug, PartialEq)]
pub struct GrpoParams {
    pub algo: Algo,
    /// One reward per response, `MIN_G..=MAX_G` of them, each within ±[`MAX_ABS_REWARD`].
    pub rewards: Vec<f64>,
    /// Tokens per response, `1..=MAX_LENGTH`, as many as `rewards`.
    pub lengths: Vec<u32>,
    pub std: StdKind,
    /// Added to GRPO's std (`0..=MAX_EPS_STD`).
    pub eps_std: f64,
    /// Clip range `1 − eps_low ..= 1 + eps_high`; `eps_low` in `0..=1`, `eps_high` in
    /// `0..=MAX_EPS_HIGH`.
    pub eps_low: f64,
    pub eps_high: f64,
    /// Dr. GRPO's constant and DAPO's `L_max` (`1..=MAX_LENGTH`).
    pub max_len: u32,
    /// DAPO's `L_cache` (`0..=max_len`).
    pub cache: u32,
    /// Probability ratio per response (`0..=MAX_RATIO`), as many as `rewards`.
    pub ratios: Vec<f64>,
    /// Per-response success rate for the zero-signal curve (`0..=1`).
    pub p: f64,
}

impl Default for GrpoParams {
    fn default() -> Self {
        GrpoParams::for_algo(Algo::Grpo)
    }
}

fn notice(param: &str, given: &str, used: String, kind: NoticeKind) -> Notice {
    Notice {
        param: param.into(),
        given: shorten(given),
        used,
        kind,
    }
}

fn join_u32(values: &[u32]) -> String {
    values
        .iter()
        .map(|v| v.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

impl GrpoParams {
    /// The default group with `algo`'s clip range.
    pub fn for_algo(algo: Algo) -> GrpoParams {
        let (eps_low, eps_high) = algo.default_eps();
        let g = DEFAULT_REWARDS.len();
        GrpoParams {
            algo,
            rewards: DEFAULT_REWARDS.to_vec(),
            lengths: vec![DEFAULT_LENGTH; g],
            std: StdKind::Sample,
            eps_std: DEFAULT_EPS_STD,
            eps_low,
            eps_high,
            max_len: DEFAULT_MAX_LEN,
            cache: DEFAULT_CACHE,
            ratios: vec![1.0; g],
            p: DEFAULT_P,
        }
    }

    /// Group size G.
    pub fn g(&self) -> usize {
        self.rewards.len()
    }

    /// Reads the state from decoded query pairs; notices say what was changed.
    pub fn from_pairs(pairs: &[(String, String)]) -> (GrpoParams, Vec<Notice>) {
        let mut notes = Vec::new();
        let (code, n) = parse_choice("algo", get(pairs, "algo"), &Algo::CODES, "grpo");
        notes.extend(n);
        let mut p = GrpoParams::for_algo(Algo::from_code(code).unwrap_or(Algo::Grpo));

        if let Some(raw) = get(pairs, "rewards") {
            let default = join(&p.rewards);
            let bounds = (-MAX_ABS_REWARD, MAX_ABS_REWARD);
            let (v, n) = parse_f64_list("rewards", raw, bounds, (MIN_G, MAX_G), &default);
            notes.extend(n);
            if let Some(v) = v {
                p.rewards = v;
            }
        }
        let g = p.g();
        p.lengths = vec![DEFAULT_LENGTH; g];
        p.ratios = vec![1.0; g];

        if let Some(raw) = get(pairs, "lengths") {
            let default = join_u32(&p.lengths);
            let (v, n) = parse_f64_list(
                "lengths",
                raw,
                (1.0, MAX_LENGTH as f64),
                (1, MAX_G),
                &default,
            );
            notes.extend(n);
            match v {
                Some(v) if v.len() == g && v.iter().all(|x| x.fract() == 0.0) => {
                    p.lengths = v.iter().map(|&x| x as u32).collect();
                }
                Some(_) => notes.push(notice("lengths", raw, default, NoticeKind::Invalid)),
                None => {}
            }
        }
        if let Some(raw) = get(pairs, "ratios") {
            let default = join(&p.ratios);
            let (v, n) = parse_f64_list("ratios", raw, (0.0, MAX_RATIO), (1, MAX_G), &default);
            notes.extend(n);
            match v {
                Some(v) if v.len() == g => p.ratios = v,
                Some(v) if v.len() == 1 => p.ratios = vec![v[0]; g],
                Some(_) => notes.push(notice("ratios", raw, default, NoticeKind::Invalid)),
                None => {}
            }
        }

        let (code, n) = parse_choice("std", get(pairs, "std"), &StdKind::CODES, "sample");
        notes.extend(n);
        p.std = StdKind::from_code(code).unwrap_or(StdKind::Sample);
        let mut float = |name: &str, max: f64, cur: f64| -> f64 {
            let (v, n) = parse_f64(name, get(pairs, name), 0.0, max, cur);
            notes.extend(n);
            v
        };
        p.eps_std = float("eps_std", MAX_EPS_STD, p.eps_std);
        if get(pairs, "eps").is_some() {
            let eps = float("eps", 1.0, p.eps_low);
            (p.eps_low, p.eps_high) = (eps, eps);
        }
        p.eps_low = float("eps_low", 1.0, p.eps_low);
        p.eps_high = float("eps_high", MAX_EPS_HIGH, p.eps_high);
        p.p = float("p", 1.0, p.p);

        let mut int = |name: &str, min: u32, max: u32, cur: u32| -> u32 {
            let (v, n) = parse_int(name, get(pairs, name), min as i64, max as i64, cur as i64);
            notes.extend(n);
            v.clamp(min as i64, max as i64) as u32
        };
        p.max_len = int("max_len", 1, MAX_LENGTH, p.max_len);
        p.cache = int("cache", 0, p.max_len, p.cache.min(p.max_len));
        (p, notes)
    }

    /// Parses a raw query string (`rewards=1,0,1,0&algo=dapo…`).
    pub fn from_query(query: &str) -> (GrpoParams, Vec<Notice>) {
        GrpoParams::from_pairs(&parse_query(query))
    }

    /// Every parameter, so a link reproduces the exact state.
    pub fn to_query(&self) -> String {
        build_query(&[
            ("algo", self.algo.code().to_string()),
            ("rewards", join(&self.rewards)),
            ("lengths", join_u32(&self.lengths)),
            ("std", self.std.code().to_string()),
            ("eps_std", self.eps_std.to_string()),
            ("eps_low", self.eps_low.to_string()),
            ("eps_high", self.eps_high.to_string()),
            ("max_len", self.max_len.to_string()),
            ("cache", self.cache.to_string()),
            ("ratios", join(&self.ratios)),
            ("p", self.p.to_string()),
        ])
    }
}
