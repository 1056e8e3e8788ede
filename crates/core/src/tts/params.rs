//! URL parameters of the test-time-scaling widget. `panel` picks the panel a link shows
//! (`pass-at-k` | `majority` | `budget` | `bon-kl`); only that panel reads its parameters, so
//! `n` and `k` may mean different things in different panels:
//!
//! | panel       | parameters (default, range)                                              |
//! |-------------|--------------------------------------------------------------------------|
//! | `pass-at-k` | `n` (10, 1..=10 000), `c` (3, 0..=n), `k` (5, 1..=n)                     |
//! | `majority`  | `answers` (0.5,0.3,0.2; ≤ 16 weights ≥ 0, normalised), `k` (5, 1..=64),  |
//! |             | `samples` (A:0.9,B:0.4,B:0.3,A:0.8,B:0.05; ≤ 64 `label:score`, score 0..=1) |
//! | `budget`    | `budget` (12, 0..=10 000), `p` (0.5,0.05,0.2; ≤ 16 rates in 0..=1)       |
//! | `bon-kl`    | `n` (16, 1..=1 000 000)                                                  |
//!
//! Hostile input is clamped or defaulted with a [`Notice`]; nothing panics.

use super::vote::Sample;
use super::{
    MAX_ANSWERS, MAX_BON_N, MAX_BUDGET, MAX_LABEL_CHARS, MAX_N, MAX_PROBLEMS, MAX_SAMPLES,
    MAX_VOTE_K,
};
use crate::params::list::{join_f64, list_notice, parse_f64_list};
use crate::params::{build_query, get, parse_choice, parse_int, parse_query, Notice, NoticeKind};

/// The four panels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Panel {
    #[default]
    PassAtK,
    Majority,
    Budget,
    BonKl,
}

impl Panel {
    pub const ALL: [Panel; 4] = [Panel::PassAtK, Panel::Majority, Panel::Budget, Panel::BonKl];
    pub const CODES: [&'static str; 4] = ["pass-at-k", "majority", "budget", "bon-kl"];

    pub fn code(self) -> &'static str {
        match self {
            Panel::PassAtK => "pass-at-k",
            Panel::Majority => "majority",
            Panel::Budget => "budget",
            Panel::BonKl => "bon-kl",
        }
    }

    pub fn from_code(code: &str) -> Option<Panel> {
        Panel::ALL
            .into_iter()
            .find(|p| p.code().eq_ignore_ascii_case(code.trim()))
    }
}

fn int(
    notes: &mut Vec<Notice>,
    pairs: &[(String, String)],
    name: &str,
    (min, max): (u32, u32),
    default: u32,
) -> u32 {
    let (v, n) = parse_int(
        name,
        get(pairs, name),
        min as i64,
        max as i64,
        default as i64,
    );
    notes.extend(n);
    v.clamp(min as i64, max as i64) as u32
}

/// pass@k panel: `n` samples, `c` correct, subset size `k`.
#[derive(Clone, Debug, PartialEq)]
pub struct PassKParams {
    pub n: u32,
    pub c: u32,
    pub k: u32,
}

impl Default for PassKParams {
    fn default() -> Self {
        PassKParams { n: 10, c: 3, k: 5 }
    }
}

impl PassKParams {
    /// `c` and `k` are clamped to `n` after `n` itself (a notice says so).
    pub fn from_pairs(pairs: &[(String, String)]) -> (PassKParams, Vec<Notice>) {
        let mut notes = Vec::new();
        let d = PassKParams::default();
        let n = int(&mut notes, pairs, "n", (1, MAX_N), d.n);
        let c = int(&mut notes, pairs, "c", (0, n), d.c.min(n));
        let k = int(&mut notes, pairs, "k", (1, n), d.k.min(n));
        (PassKParams { n, c, k }, notes)
    }

    pub fn to_query(&self) -> String {
        build_query(&[
            ("n", self.n.to_string()),
            ("c", self.c.to_string()),
            ("k", self.k.to_string()),
        ])
    }
}

/// Majority-vote panel: an answer distribution (index 0 is correct), k, and a scored list.
#[derive(Clone, Debug, PartialEq)]
pub struct MajParams {
    /// Sums to 1, at most [`MAX_ANSWERS`] entries, each ≥ 0.
    pub answers: Vec<f64>,
    pub k: u32,
    /// At most [`MAX_SAMPLES`], scores in [0, 1], labels 1..=[`MAX_LABEL_CHARS`] characters.
    pub samples: Vec<Sample>,
}

/// The default `samples=` list.
pub const DEFAULT_SAMPLES: &str = "A:0.9,B:0.4,B:0.3,A:0.8,B:0.05";
const DEFAULT_ANSWERS: [f64; 3] = [0.5, 0.3, 0.2];
/// Weights whose sum is this close to 1 are normalised silently (typed decimals rarely sum
/// to exactly 1.0 in binary).
const SUM_TOLERANCE: f64 = 1e-9;

impl Default for MajParams {
    fn default() -> Self {
        MajParams {
            answers: DEFAULT_ANSWERS.to_vec(),
            k: 5,
            samples: parse_samples(DEFAULT_SAMPLES).0,
        }
    }
}

/// Scales weights to sum 1. `None` when they sum to 0 (no distribution to speak of).
pub fn normalise(w: &[f64]) -> Option<Vec<f64>> {
    let sum: f64 = w.iter().sum();
    (sum > 0.0 && sum.is_finite()).then(|| w.iter().map(|x| x / sum).collect())
}

/// Reads `label:score,label:score`; entries without a label or a finite score are dropped,
/// scores clamped to [0, 1], labels cut to [`MAX_LABEL_CHARS`]. The flag says whether
/// anything was changed.
pub fn parse_samples(raw: &str) -> (Vec<Sample>, bool) {
    let mut out = Vec::new();
    let mut changed = false;
    for (i, part) in raw.split(',').enumerate() {
        if i == MAX_SAMPLES {
            changed = true;
            break;
        }
        let Some((label, score)) = part.rsplit_once(':') else {
            changed = true;
            continue;
        };
        let label = label.trim();
        let score = score.trim().parse::<f64>().ok().filter(|v| v.is_finite());
        let (false, Some(s)) = (label.is_empty(), score) else {
            changed = true;
            continue;
        };
        let answer: String = label.chars().take(MAX_LABEL_CHARS).collect();
        let score = s.clamp(0.0, 1.0);
        changed |= answer.len() != label.len() || score != s;
        out.push(Sample { answer, score });
    }
    (out, changed)
}

/// Writes samples back as `label:score,…`.
pub fn samples_to_string(samples: &[Sample]) -> String {
    samples
        .iter()
        .map(|s| format!("{}:{}", s.answer, s.score))
        .collect::<Vec<_>>()
        .join(",")
}

impl MajParams {
    pub fn from_pairs(pairs: &[(String, String)]) -> (MajParams, Vec<Notice>) {
        let mut notes = Vec::new();
        let mut p = MajParams::default();
        let fallback = join_f64(&DEFAULT_ANSWERS);
        let raw = get(pairs, "answers");
        let (w, n) = parse_f64_list("answers", raw, MAX_ANSWERS, (0.0, 1e9), 0.0, &fallback);
        notes.extend(n.clone());
        if let (Some(w), Some(raw)) = (w, raw) {
            match normalise(&w) {
                None => notes.push(list_notice("answers", raw, &fallback, NoticeKind::Invalid)),
                Some(norm) => {
                    // One notice per list: normalising is reported unless another already was.
                    if n.is_none() && (w.iter().sum::<f64>() - 1.0).abs() > SUM_TOLERANCE {
                        let used = join_f64(&norm);
                        notes.push(list_notice("answers", raw, &used, NoticeKind::Invalid));
                    }
                    p.answers = norm;
                }
            }
        }
        p.k = int(&mut notes, pairs, "k", (1, MAX_VOTE_K), p.k);
        if let Some(raw) = get(pairs, "samples") {
            let (s, changed) = parse_samples(raw);
            if s.is_empty() {
                notes.push(list_notice(
                    "samples",
                    raw,
                    DEFAULT_SAMPLES,
                    NoticeKind::Invalid,
                ));
            } else {
                if changed {
                    let used = samples_to_string(&s);
                    notes.push(list_notice("samples", raw, &used, NoticeKind::Invalid));
                }
                p.samples = s;
            }
        }
        (p, notes)
    }

    pub fn to_query(&self) -> String {
        build_query(&[
            ("answers", join_f64(&self.answers)),
            ("k", self.k.to_string()),
            ("samples", samples_to_string(&self.samples)),
        ])
    }
}

/// Budget panel: `budget` samples over problems with success rates `p`.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetParams {
    pub budget: u32,
    /// At most [`MAX_PROBLEMS`] rates in [0, 1].
    pub p: Vec<f64>,
}

const DEFAULT_RATES: [f64; 3] = [0.5, 0.05, 0.2];

impl Default for BudgetParams {
    fn default() -> Self {
        BudgetParams {
            budget: 12,
            p: DEFAULT_RATES.to_vec(),
        }
    }
}

impl BudgetParams {
    pub fn from_pairs(pairs: &[(String, String)]) -> (BudgetParams, Vec<Notice>) {
        let mut notes = Vec::new();
        let mut b = BudgetParams::default();
        b.budget = int(&mut notes, pairs, "budget", (0, MAX_BUDGET), b.budget);
        let fallback = join_f64(&DEFAULT_RATES);
        let (p, n) = parse_f64_list(
            "p",
            get(pairs, "p"),
            MAX_PROBLEMS,
            (0.0, 1.0),
            0.0,
            &fallback,
        );
        notes.extend(n);
        if let Some(p) = p {
            b.p = p;
        }
        (b, notes)
    }

    pub fn to_query(&self) -> String {
        build_query(&[
            ("budget", self.budget.to_string()),
            ("p", join_f64(&self.p)),
        ])
    }
}

/// Best-of-N drift panel.
#[derive(Clone, Debug, PartialEq)]
pub struct BonParams {
    pub n: u32,
}

impl Default for BonParams {
    fn default() -> Self {
        BonParams { n: 16 }
    }
}

impl BonParams {
    pub fn from_pairs(pairs: &[(String, String)]) -> (BonParams, Vec<Notice>) {
        let mut notes = Vec::new();
        let n = int(
            &mut notes,
            pairs,
            "n",
            (1, MAX_BON_N),
            BonParams::default().n,
        );
        (BonParams { n }, notes)
    }

    pub fn to_query(&self) -> String {
        build_query(&[("n", self.n.to_string())])
    }
}

/// The widget's whole state: the shown panel and every panel's settings (the panels not
/// named in the URL keep their defaults).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct TtsParams {
    pub panel: Panel,
    pub pass_k: PassKParams,
    pub majority: MajParams,
    pub budget: BudgetParams,
    pub bon: BonParams,
}

impl TtsParams {
    pub fn from_pairs(pairs: &[(String, String)]) -> (TtsParams, Vec<Notice>) {
        let mut notes = Vec::new();
        let (code, n) = parse_choice("panel", get(pairs, "panel"), &Panel::CODES, "pass-at-k");
        notes.extend(n);
        let mut t = TtsParams {
            panel: Panel::from_code(code).unwrap_or_default(),
            ..TtsParams::default()
        };
        let more = match t.panel {
            Panel::PassAtK => {
                let (v, n) = PassKParams::from_pairs(pairs);
                t.pass_k = v;
                n
            }
            Panel::Majority => {
                let (v, n) = MajParams::from_pairs(pairs);
                t.majority = v;
                n
            }
            Panel::Budget => {
                let (v, n) = BudgetParams::from_pairs(pairs);
                t.budget = v;
                n
            }
            Panel::BonKl => {
                let (v, n) = BonParams::from_pairs(pairs);
                t.bon = v;
                n
            }
        };
        notes.extend(more);
        (t, notes)
    }

    pub fn from_query(query: &str) -> (TtsParams, Vec<Notice>) {
        TtsParams::from_pairs(&parse_query(query))
    }

    /// `panel=…&` and the shown panel's parameters.
    pub fn to_query(&self) -> String {
        let rest = match self.panel {
            Panel::PassAtK => self.pass_k.to_query(),
            Panel::Majority => self.majority.to_query(),
            Panel::Budget => self.budget.to_query(),
            Panel::BonKl => self.bon.to_query(),
        };
        format!("panel={}&{rest}", self.panel.code())
    }
}
