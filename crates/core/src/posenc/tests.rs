//! Unit tests against hand computations.

use super::layers::{attn_temperature, chunk_reach, interval_pattern, LLAMA4_SCOUT, SMOLLM3};
use super::params::{PosencParams, Scheme};
use super::{alibi, export, glm, rope};
use crate::params::parse_query;
use std::f64::consts::{PI, TAU};

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * (1.0 + b.abs())
}

#[test]
fn rope_frequencies_by_hand() {
    // d = 128, base 10000: θ_0 = 1, θ_63 = 10000^(−126/128).
    assert_eq!(rope::theta_i(0, 128, 10_000.0), 1.0);
    assert!(close(
        rope::theta_i(63, 128, 10_000.0),
        (-126.0 / 128.0 * 4.0 * 10f64.ln()).exp(),
        1e-12
    ));
    // d = 4, base 100: θ = [1, 1/10].
    let f = rope::inv_freqs(4, 100.0);
    assert_eq!(f.len(), 2);
    assert!(close(f[1], 0.1, 1e-12));
    assert!(close(rope::angle(7.0, 1, 4, 100.0), 0.7, 1e-12));
    assert!(close(rope::wavelength(0, 4, 100.0), TAU, 1e-12));
    assert!(close(rope::wavelength(1, 4, 100.0), 20.0 * PI, 1e-12));
    let (x, y) = rope::rotate(1.0, 0.0, PI / 2.0);
    assert!(x.abs() < 1e-12 && close(y, 1.0, 1e-12));
}

#[test]
fn lowest_frequency_wavelengths_of_real_bases() {
    // 2π·θ^((d−2)/d) for d = 128.
    let w = |theta: f64| rope::wavelength(63, 128, theta);
    assert!(close(
        w(10_000.0),
        TAU * 10_000f64.powf(126.0 / 128.0),
        1e-12
    ));
    assert!(w(10_000.0) > 50_000.0 && w(10_000.0) < 60_000.0);
    assert!(w(500_000.0) > 2_000_000.0);
    assert!(w(1_000_000.0) > w(500_000.0));
}

#[test]
fn score_is_one_at_zero_and_decays_on_average() {
    assert!(close(rope::relative_score(0.0, 128, 10_000.0), 1.0, 1e-12));
    // d = 2: the score is just cos(Δ).
    assert!(close(
        rope::relative_score(2.0, 2, 10_000.0),
        2f64.cos(),
        1e-12
    ));
    let ds = rope::curve_distances(131_072.0, 100);
    assert_eq!(ds[0], 0.0);
    assert_eq!(ds[1], 1.0);
    assert!(close(*ds.last().unwrap(), 131_072.0, 1e-9));
    let s = rope::score_curve(&ds, 128, 10_000.0);
    let far: f64 = s[80..].iter().map(|v| v.abs()).sum::<f64>() / 21.0;
    assert!(far < 0.3, "{far}");
}

#[test]
fn alibi_slopes_hand_computed() {
    let s8 = alibi::slopes(8);
    let want8: Vec<f64> = (1..=8).map(|h| 1.0 / (1u32 << h) as f64).collect();
    assert_eq!(s8, want8);
    // 12 heads: the 8-head slopes, then 2^-0.5, 2^-1.5, 2^-2.5, 2^-3.5 (every other of 16).
    let s12 = alibi::slopes(12);
    assert_eq!(s12.len(), 12);
    assert_eq!(&s12[..8], &want8[..]);
    for (k, e) in [-0.5, -1.5, -2.5, -3.5].iter().enumerate() {
        assert!(close(s12[8 + k], 2f64.powf(*e), 1e-15), "{k}");
    }
    assert_eq!(alibi::slopes(1), vec![2f64.powi(-8)]);
    assert!(alibi::slopes(0).is_empty());
    // 3 heads: 2 → [2^-4, 2^-8]; then the first of 4 → 2^-2.
    assert_eq!(alibi::slopes(3), vec![1.0 / 16.0, 1.0 / 256.0, 0.25]);
    assert_eq!(alibi::bias(0.5, 10.0), -5.0);
    assert_eq!(alibi::slopes(112).len(), 112);
    assert_eq!(alibi::slopes(40).len(), 40);
}

#[test]
fn glm_ids_match_the_paper_figure() {
    // GLM Fig. 2: Part A = x1 x2 [M] x4 [M]; Part B = [S] x5 x6 [S] x3. The paper counts
    // from 1: positions 1 2 3 4 5 5 5 5 3 3, block positions 0 0 0 0 0 1 2 3 1 2.
    let got = glm::ids(5, &[(4, 3), (2, 2)]);
    let pos: Vec<u32> = got.iter().map(|t| t.0 + 1).collect();
    let block: Vec<u32> = got.iter().map(|t| t.1).collect();
    assert_eq!(pos, vec![1, 2, 3, 4, 5, 5, 5, 5, 3, 3]);
    assert_eq!(block, vec![0, 0, 0, 0, 0, 1, 2, 3, 1, 2]);
}

#[test]
fn chatglm_chat_layout() {
    // 3 prompt tokens, [gMASK] at index 3, <sop>, 2 generated tokens.
    let t = glm::chat_example(3, 2);
    let labels: Vec<&str> = t.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(
        labels,
        vec!["What", "is", "rotary", "[gMASK]", "<sop>", "It", "rotates"]
    );
    let pos: Vec<u32> = t.iter().map(|t| t.position).collect();
    let block: Vec<u32> = t.iter().map(|t| t.block).collect();
    assert_eq!(pos, vec![0, 1, 2, 3, 3, 3, 3]);
    assert_eq!(block, vec![0, 0, 0, 0, 1, 2, 3]);
    assert_eq!(t.iter().filter(|t| t.part_b).count(), 3);
}

#[test]
fn layer_patterns() {
    let p = interval_pattern(8, 4);
    assert_eq!(p, vec![true, true, true, false, true, true, true, false]);
    let nope: Vec<usize> = SMOLLM3
        .pattern()
        .iter()
        .enumerate()
        .filter(|(_, r)| !**r)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(nope, vec![3, 7, 11, 15, 19, 23, 27, 31, 35]);
    let l4 = LLAMA4_SCOUT.pattern();
    assert_eq!(l4.len(), 48);
    assert_eq!(l4.iter().filter(|r| !**r).count(), 12);
    assert_eq!(attn_temperature(0, 8192, 0.1), 1.0);
    assert_eq!(attn_temperature(8190, 8192, 0.1), 1.0);
    assert!(close(
        attn_temperature(8191, 8192, 0.1),
        1.0 + 0.1 * 2f64.ln(),
        1e-12
    ));
    assert_eq!(chunk_reach(100, 8192), 101);
    assert_eq!(chunk_reach(8192, 8192), 1);
    assert_eq!(chunk_reach(5, 0), 6);
}

#[test]
fn query_round_trip_and_defaults() {
    let (p, n) = PosencParams::from_query(&parse_query("scheme=irope&theta=500000"));
    assert!(n.is_empty());
    assert_eq!(p.scheme, Scheme::Irope);
    assert_eq!(p.theta, 500_000.0);
    let (q, n) = PosencParams::from_query(&parse_query(&p.to_query()));
    assert!(n.is_empty());
    assert_eq!(q, p);
    let (p, _) = PosencParams::from_query(&parse_query("scheme=nope"));
    assert_eq!(p.theta, 5_000_000.0);
    for s in ["rope", "alibi", "glm2d"] {
        let (p, n) = PosencParams::from_query(&parse_query(&format!("scheme={s}")));
        assert!(n.is_empty(), "{s}");
        let (q, _) = PosencParams::from_query(&parse_query(&p.to_query()));
        assert_eq!(q, p);
    }
}

#[test]
fn hostile_queries_give_notices() {
    let (p, n) = PosencParams::from_query(&parse_query("scheme=zzz&theta=abc&pos=-1&dim=1e9"));
    assert_eq!(p.scheme, Scheme::Rope);
    assert_eq!(p.theta, 10_000.0);
    assert_eq!(p.pos, 0);
    assert_eq!(p.dim, 63);
    assert!(n.len() >= 4, "{n:?}");
    let (p, n) = PosencParams::from_query(&parse_query(
        "scheme=alibi&heads=7&head=9&theta=1e308&pos=NaN&head_dim=65",
    ));
    assert_eq!(
        (p.heads, p.head, p.theta, p.head_dim),
        (7, 7, 10_000_000.0, 64)
    );
    assert!(n.len() >= 4, "{n:?}");
    let (p, n) = PosencParams::from_query(&parse_query("scheme=nope&layer=99"));
    assert_eq!(p.layer, 35);
    assert_eq!(n.len(), 1);
}

#[test]
fn export_is_valid_json_with_the_shown_numbers() {
    for q in [
        "scheme=rope&pos=5&dim=3",
        "scheme=nope&layer=3",
        "scheme=irope&pos=9000",
        "scheme=alibi&heads=12&head=9&pos=10",
        "scheme=glm2d&prompt=3&gen=2",
    ] {
        let (p, _) = PosencParams::from_query(&parse_query(q));
        let v: serde_json::Value = serde_json::from_str(&export::export_json(&p)).unwrap();
        assert_eq!(v["scheme"], p.scheme.code());
        match p.scheme {
            Scheme::Alibi => {
                assert_eq!(v["alibi"]["slopes"].as_array().unwrap().len(), 12);
                assert!(close(
                    v["alibi"]["slope"].as_f64().unwrap(),
                    2f64.powf(-0.5),
                    1e-15
                ));
                assert!(close(
                    v["alibi"]["bias"].as_f64().unwrap(),
                    -10.0 * 2f64.powf(-0.5),
                    1e-12
                ));
            }
            Scheme::Glm2d => {
                assert_eq!(v["glm2d"]["tokens"].as_array().unwrap().len(), 7);
                assert_eq!(v["glm2d"]["tokens"][6]["block"], 3);
            }
            _ => {
                let a = v["rope"]["angle"].as_f64().unwrap();
                assert!(close(
                    a,
                    p.pos as f64 * 10f64.powf(0.0) * rope::theta_i(p.dim, 128, p.theta),
                    1e-12
                ));
                assert_eq!(v["rope"]["curve"]["score"][0], 1.0);
            }
        }
    }
    let (p, _) = PosencParams::from_query(&parse_query("scheme=irope&pos=9000&layer=3"));
    let v: serde_json::Value = serde_json::from_str(&export::export_json(&p)).unwrap();
    assert_eq!(v["layers"]["layer_uses_rope"], false);
    assert_eq!(v["layers"]["chunk_reach"], 9000 - 8192 + 1);
}
