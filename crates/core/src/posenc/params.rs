//! URL parameters of the positional-encoding explorer and their clamping.
//!
//! `scheme` (rope | nope | irope | alibi | glm2d), `theta` (RoPE base), `pos` (position of the
//! query, which is also the distance Δ to a key at position 0), `dim` (pair index i),
//! `head_dim`, `heads` and `head` (ALiBi), `layer` (nope / irope), `prompt` and `gen`
//! (glm2d). Only the parameters a scheme uses are written back. Hostile input is clamped or
//! defaulted with a [`Notice`]; nothing panics.

use super::glm::{MAX_GEN, MAX_PROMPT};
use super::layers::{LayerModel, LLAMA4_SCOUT, SMOLLM3};
use crate::params::{build_query, get, parse_choice, parse_f64, parse_int, Notice, NoticeKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Rope,
    Nope,
    Irope,
    Alibi,
    Glm2d,
}

pub const SCHEMES: [Scheme; 5] = [
    Scheme::Rope,
    Scheme::Nope,
    Scheme::Irope,
    Scheme::Alibi,
    Scheme::Glm2d,
];

impl Scheme {
    pub fn code(self) -> &'static str {
        match self {
            Scheme::Rope => "rope",
            Scheme::Nope => "nope",
            Scheme::Irope => "irope",
            Scheme::Alibi => "alibi",
            Scheme::Glm2d => "glm2d",
        }
    }

    pub fn from_code(s: &str) -> Option<Scheme> {
        SCHEMES.iter().copied().find(|x| x.code() == s)
    }

    /// The RoPE base a fresh state of this scheme starts with (the model it shows).
    pub fn default_theta(self) -> f64 {
        match self {
            Scheme::Nope => SMOLLM3.rope_theta,
            Scheme::Irope => LLAMA4_SCOUT.rope_theta,
            _ => 10_000.0,
        }
    }

    /// The model whose layer pattern this scheme shows.
    pub fn layer_model(self) -> Option<LayerModel> {
        match self {
            Scheme::Nope => Some(SMOLLM3),
            Scheme::Irope => Some(LLAMA4_SCOUT),
            _ => None,
        }
    }
}

pub const MIN_THETA: f64 = 10_000.0;
pub const MAX_THETA: f64 = 10_000_000.0;
pub const MAX_POS: u64 = 131_072;
pub const MIN_HEAD_DIM: u32 = 8;
pub const MAX_HEAD_DIM: u32 = 256;
pub const MAX_HEADS: u32 = 128;

/// Parsed widget state.
#[derive(Clone, Debug, PartialEq)]
pub struct PosencParams {
    pub scheme: Scheme,
    pub theta: f64,
    pub pos: u64,
    pub dim: u32,
    pub head_dim: u32,
    pub heads: u32,
    /// ALiBi head, 1-based.
    pub head: u32,
    pub layer: u32,
    pub prompt: u32,
    pub gen: u32,
}

impl Default for PosencParams {
    fn default() -> Self {
        PosencParams::for_scheme(Scheme::Rope)
    }
}

impl PosencParams {
    /// A fresh state for `scheme`.
    pub fn for_scheme(scheme: Scheme) -> PosencParams {
        PosencParams {
            scheme,
            theta: scheme.default_theta(),
            pos: 100,
            dim: 0,
            head_dim: 128,
            heads: 8,
            head: 1,
            layer: 3,
            prompt: 4,
            gen: 3,
        }
    }

    /// Number of layers of the scheme's model (0 without one).
    pub fn layers(&self) -> u32 {
        self.scheme.layer_model().map_or(0, |m| m.layers)
    }

    /// Clamps the knobs that depend on others (dim < head_dim/2, head ≤ heads, layer < L).
    pub fn sanitize(&mut self) -> Vec<Notice> {
        let mut out = Vec::new();
        let head_dim = self.head_dim.clamp(MIN_HEAD_DIM, MAX_HEAD_DIM) & !1;
        if head_dim != self.head_dim {
            out.push(Notice {
                param: "head_dim".into(),
                given: self.head_dim.to_string(),
                used: head_dim.to_string(),
                kind: NoticeKind::Invalid,
            });
            self.head_dim = head_dim;
        }
        let layers = self.layers();
        let mut fix = |param: &str, v: &mut u32, max: u32| {
            if *v > max {
                out.push(Notice {
                    param: param.into(),
                    given: v.to_string(),
                    used: max.to_string(),
                    kind: NoticeKind::Clamped,
                });
                *v = max;
            }
        };
        fix("dim", &mut self.dim, self.head_dim / 2 - 1);
        self.heads = self.heads.clamp(1, MAX_HEADS);
        self.head = self.head.max(1);
        fix("head", &mut self.head, self.heads);
        if layers > 0 {
            fix("layer", &mut self.layer, layers - 1);
        }
        self.theta = if self.theta.is_finite() {
            self.theta.clamp(MIN_THETA, MAX_THETA)
        } else {
            self.scheme.default_theta()
        };
        self.pos = self.pos.min(MAX_POS);
        out
    }

    /// Reads the state from decoded query pairs.
    pub fn from_query(pairs: &[(String, String)]) -> (PosencParams, Vec<Notice>) {
        let mut notes = Vec::new();
        let codes: Vec<&'static str> = SCHEMES.iter().map(|s| s.code()).collect();
        let (code, n) = parse_choice("scheme", get(pairs, "scheme"), &codes, "rope");
        notes.extend(n);
        let scheme = Scheme::from_code(code).unwrap_or(Scheme::Rope);
        let mut p = PosencParams::for_scheme(scheme);

        let (theta, n) = parse_f64("theta", get(pairs, "theta"), MIN_THETA, MAX_THETA, p.theta);
        notes.extend(n);
        p.theta = theta;
        let mut int = |name: &str, min: i64, max: i64, cur: i64| -> i64 {
            let (v, n) = parse_int(name, get(pairs, name), min, max, cur);
            notes.extend(n);
            v
        };
        p.pos = int("pos", 0, MAX_POS as i64, p.pos as i64) as u64;
        p.head_dim = int(
            "head_dim",
            MIN_HEAD_DIM as i64,
            MAX_HEAD_DIM as i64,
            p.head_dim as i64,
        ) as u32;
        p.dim = int("dim", 0, MAX_HEAD_DIM as i64 / 2 - 1, p.dim as i64) as u32;
        p.heads = int("heads", 1, MAX_HEADS as i64, p.heads as i64) as u32;
        p.head = int("head", 1, MAX_HEADS as i64, p.head as i64) as u32;
        p.layer = int("layer", 0, 1023, p.layer as i64) as u32;
        p.prompt = int("prompt", 1, MAX_PROMPT as i64, p.prompt as i64) as u32;
        p.gen = int("gen", 0, MAX_GEN as i64, p.gen as i64) as u32;
        notes.extend(p.sanitize());
        (p, notes)
    }

    /// The parameters this scheme uses, as `k=v&…`.
    pub fn to_query(&self) -> String {
        let mut q: Vec<(&str, String)> = vec![("scheme", self.scheme.code().to_string())];
        let rope = [
            ("theta", self.theta.to_string()),
            ("pos", self.pos.to_string()),
            ("dim", self.dim.to_string()),
            ("head_dim", self.head_dim.to_string()),
        ];
        match self.scheme {
            Scheme::Rope => q.extend(rope),
            Scheme::Nope | Scheme::Irope => {
                q.extend(rope);
                q.push(("layer", self.layer.to_string()));
            }
            Scheme::Alibi => {
                q.push(("heads", self.heads.to_string()));
                q.push(("head", self.head.to_string()));
                q.push(("pos", self.pos.to_string()));
            }
            Scheme::Glm2d => {
                q.push(("prompt", self.prompt.to_string()));
                q.push(("gen", self.gen.to_string()));
            }
        }
        build_query(&q)
    }

    /// Whether layer `self.layer` of the scheme's model uses RoPE (`None` without layers).
    pub fn layer_uses_rope(&self) -> Option<bool> {
        let m = self.scheme.layer_model()?;
        m.pattern().get(self.layer as usize).copied()
    }
}
