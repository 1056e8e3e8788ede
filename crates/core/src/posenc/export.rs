//! Export JSON of the explorer's current state (hand-written, no dependencies).
//!
//! ```json
//! {"scheme":"rope",
//!  "params":{"theta":10000,"pos":100,"dim":0,"head_dim":128,"heads":8,"head":1,"layer":3,"prompt":4,"gen":3},
//!  "rope":{"theta_i":1,"angle":100,"wavelength":6.28…,"lowest_wavelength":54410…,
//!          "rotated":[0.86,-0.5],"score":0.1,
//!          "curve":{"distance":[0,1,…],"score":[1,…],"baseline_theta":10000,"baseline":[1,…]}},
//!  "layers":{"model":"SmolLM3-3B","use_rope":[true,…],"layer_uses_rope":false,
//!            "chunk":8192,"chunk_reach":101,"attn_temperature":1},
//!  "alibi":{"slopes":[0.5,…],"slope":0.5,"bias":-50},
//!  "glm2d":{"tokens":[{"token":"What","part":"A","position":0,"block":0},…]}}
//! ```
//! `rope` is present for rope, nope and irope (for a NoPE layer its curve is still the RoPE
//! one of the model's RoPE layers); `layers` for nope and irope (`chunk`, `chunk_reach` and
//! `attn_temperature` only for irope); `alibi` for alibi; `glm2d` for glm2d. `angle` is in
//! radians, not reduced mod 2π; `score` is the relative score at distance `pos`.
//! Non-finite numbers are written as `null`.

use super::layers::{attn_temperature, chunk_reach};
use super::params::{PosencParams, Scheme};
use super::{alibi, glm, rope};
use crate::json::push_string;
use std::fmt::Write;

/// Samples of the score curve in the export and the chart.
pub const CURVE_POINTS: usize = 240;
/// The comparison line's base.
pub const BASELINE_THETA: f64 = 10_000.0;

fn num(o: &mut String, v: f64) {
    if v.is_finite() {
        let _ = write!(o, "{v}");
    } else {
        o.push_str("null");
    }
}

fn arr<T: Copy>(o: &mut String, xs: &[T], mut f: impl FnMut(&mut String, T)) {
    o.push('[');
    for (k, &x) in xs.iter().enumerate() {
        if k > 0 {
            o.push(',');
        }
        f(o, x);
    }
    o.push(']');
}

/// The numbers the RoPE part of the widget shows.
#[derive(Clone, Debug, PartialEq)]
pub struct RopeView {
    pub theta_i: f64,
    pub angle: f64,
    pub wavelength: f64,
    pub lowest_wavelength: f64,
    pub rotated: (f64, f64),
    pub score: f64,
    pub distances: Vec<f64>,
    pub curve: Vec<f64>,
    pub baseline: Vec<f64>,
}

impl RopeView {
    pub fn new(p: &PosencParams) -> RopeView {
        let d = p.head_dim;
        let a = rope::angle(p.pos as f64, p.dim, d, p.theta);
        let distances = rope::curve_distances(super::params::MAX_POS as f64, CURVE_POINTS);
        RopeView {
            theta_i: rope::theta_i(p.dim, d, p.theta),
            angle: a,
            wavelength: rope::wavelength(p.dim, d, p.theta),
            lowest_wavelength: rope::wavelength(d / 2 - 1, d, p.theta),
            rotated: rope::rotate(1.0, 0.0, a),
            score: rope::relative_score(p.pos as f64, d, p.theta),
            curve: rope::score_curve(&distances, d, p.theta),
            baseline: rope::score_curve(&distances, d, BASELINE_THETA),
            distances,
        }
    }
}

fn write_rope(o: &mut String, r: &RopeView) {
    o.push_str(",\"rope\":{\"theta_i\":");
    num(o, r.theta_i);
    o.push_str(",\"angle\":");
    num(o, r.angle);
    o.push_str(",\"wavelength\":");
    num(o, r.wavelength);
    o.push_str(",\"lowest_wavelength\":");
    num(o, r.lowest_wavelength);
    o.push_str(",\"rotated\":[");
    num(o, r.rotated.0);
    o.push(',');
    num(o, r.rotated.1);
    o.push_str("],\"score\":");
    num(o, r.score);
    o.push_str(",\"curve\":{\"distance\":");
    arr(o, &r.distances, num);
    o.push_str(",\"score\":");
    arr(o, &r.curve, num);
    let _ = write!(o, ",\"baseline_theta\":{BASELINE_THETA},\"baseline\":");
    arr(o, &r.baseline, num);
    o.push_str("}}");
}

fn write_layers(o: &mut String, p: &PosencParams) {
    let Some(m) = p.scheme.layer_model() else {
        return;
    };
    o.push_str(",\"layers\":{\"model\":");
    push_string(o, m.name);
    o.push_str(",\"use_rope\":");
    arr(o, &m.pattern(), |o, b| {
        o.push_str(if b { "true" } else { "false" })
    });
    let _ = write!(
        o,
        ",\"layer_uses_rope\":{}",
        p.layer_uses_rope().unwrap_or(true)
    );
    if p.scheme == Scheme::Irope {
        let _ = write!(
            o,
            ",\"chunk\":{},\"chunk_reach\":{},\"attn_temperature\":",
            m.chunk,
            chunk_reach(p.pos, m.chunk)
        );
        num(o, attn_temperature(p.pos, 8192, 0.1));
    }
    o.push('}');
}

/// The export document (see the module docs).
pub fn export_json(p: &PosencParams) -> String {
    let mut o = String::with_capacity(12_000);
    o.push_str("{\"scheme\":");
    push_string(&mut o, p.scheme.code());
    o.push_str(",\"params\":{\"theta\":");
    num(&mut o, p.theta);
    let _ = write!(
        o,
        ",\"pos\":{},\"dim\":{},\"head_dim\":{},\"heads\":{},\"head\":{},\"layer\":{},\"prompt\":{},\"gen\":{}}}",
        p.pos, p.dim, p.head_dim, p.heads, p.head, p.layer, p.prompt, p.gen
    );
    match p.scheme {
        Scheme::Rope | Scheme::Nope | Scheme::Irope => {
            write_rope(&mut o, &RopeView::new(p));
            write_layers(&mut o, p);
        }
        Scheme::Alibi => {
            let s = alibi::slopes(p.heads);
            let m = s
                .get(p.head.saturating_sub(1) as usize)
                .copied()
                .unwrap_or(0.0);
            o.push_str(",\"alibi\":{\"slopes\":");
            arr(&mut o, &s, num);
            o.push_str(",\"slope\":");
            num(&mut o, m);
            o.push_str(",\"bias\":");
            num(&mut o, alibi::bias(m, p.pos as f64));
            o.push('}');
        }
        Scheme::Glm2d => {
            o.push_str(",\"glm2d\":{\"tokens\":[");
            for (k, t) in glm::chat_example(p.prompt, p.gen).iter().enumerate() {
                if k > 0 {
                    o.push(',');
                }
                o.push_str("{\"token\":");
                push_string(&mut o, &t.label);
                let _ = write!(
                    o,
                    ",\"part\":\"{}\",\"position\":{},\"block\":{}}}",
                    if t.part_b { "B" } else { "A" },
                    t.position,
                    t.block
                );
            }
            o.push_str("]}");
        }
    }
    o.push('}');
    o
}
