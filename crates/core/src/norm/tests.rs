//! Unit tests: a from-the-formulas reference forward pass (nested `Vec`s, no shared helpers
//! except the weight draws), the scheme invariants, and parameter parsing.

use super::sim::{embeddings, layer_weights, rms, Weights};
use super::*;

type Mat = Vec<Vec<f64>>;

fn mat(flat: &[f64], rows: usize) -> Mat {
    let cols = flat.len() / rows;
    (0..rows)
        .map(|r| flat[r * cols..(r + 1) * cols].to_vec())
        .collect()
}

fn apply(w: &Mat, x: &[f64]) -> Vec<f64> {
    w.iter()
        .map(|row| (0..x.len()).map(|c| row[c] * x[c]).sum())
        .collect()
}

fn rmsnorm(x: &[f64]) -> Vec<f64> {
    let ms: f64 = x.iter().map(|v| v * v).sum::<f64>() / x.len() as f64;
    x.iter().map(|v| v / (ms + EPS).sqrt()).collect()
}

/// Attention written straight from softmax(q·k/√d)·v, per head, causal.
fn ref_attention(h: &Mat, w: &Weights, qk: bool) -> (Mat, f64) {
    let (wq, wk, wv, wo) = (
        mat(&w.wq, D_MODEL),
        mat(&w.wk, D_MODEL),
        mat(&w.wv, D_MODEL),
        mat(&w.wo, D_MODEL),
    );
    let head = |v: &[f64], hd: usize| v[hd * D_HEAD..(hd + 1) * D_HEAD].to_vec();
    let mut big = 0.0f64;
    let mut out = vec![vec![0.0; D_MODEL]; TOKENS];
    for hd in 0..HEADS {
        let q: Mat = h
            .iter()
            .map(|t| {
                let v = head(&apply(&wq, t), hd);
                if qk {
                    rmsnorm(&v)
                } else {
                    v
                }
            })
            .collect();
        let k: Mat = h
            .iter()
            .map(|t| {
                let v = head(&apply(&wk, t), hd);
                if qk {
                    rmsnorm(&v)
                } else {
                    v
                }
            })
            .collect();
        let v: Mat = h.iter().map(|t| head(&apply(&wv, t), hd)).collect();
        for i in 0..TOKENS {
            let logits: Vec<f64> = (0..=i)
                .map(|j| {
                    (0..D_HEAD).map(|c| q[i][c] * k[j][c]).sum::<f64>() / (D_HEAD as f64).sqrt()
                })
                .collect();
            big = logits.iter().fold(big, |m, l| m.max(l.abs()));
            let mx = logits.iter().cloned().fold(f64::MIN, f64::max);
            let e: Vec<f64> = logits.iter().map(|l| (l - mx).exp()).collect();
            let z: f64 = e.iter().sum();
            for c in 0..D_HEAD {
                out[i][hd * D_HEAD + c] = (0..=i).map(|j| e[j] / z * v[j][c]).sum();
            }
        }
    }
    (out.iter().map(|o| apply(&wo, o)).collect(), big)
}

fn ref_mlp(h: &Mat, w: &Weights) -> Mat {
    let (w1, w2) = (mat(&w.w1, MLP_HIDDEN), mat(&w.w2, D_MODEL));
    h.iter()
        .map(|t| {
            let a: Vec<f64> = apply(&w1, t).into_iter().map(|v| v.max(0.0)).collect();
            apply(&w2, &a)
        })
        .collect()
}

/// One sublayer per the table in the module docs, spelled out per scheme.
fn ref_sub(s: Scheme, x: &Mat, f: &dyn Fn(&Mat) -> Mat) -> Mat {
    let add = |a: &Mat, b: &Mat| -> Mat {
        a.iter()
            .zip(b)
            .map(|(r, q)| r.iter().zip(q).map(|(u, v)| u + v).collect())
            .collect()
    };
    let n = |m: &Mat| -> Mat { m.iter().map(|r| rmsnorm(r)).collect() };
    match s {
        Scheme::PostLn => n(&add(x, &f(x))),
        Scheme::PreLn => add(x, &f(&n(x))),
        Scheme::Olmo2 => add(x, &n(&f(x))),
        Scheme::Gemma3 => add(x, &n(&f(&n(x)))),
    }
}

fn flat(m: &Mat) -> Vec<f64> {
    m.iter().flatten().copied().collect()
}

#[test]
fn matches_reference_forward_pass() {
    for scheme in Scheme::ALL {
        for qknorm in [false, true] {
            let p = NormParams {
                scheme,
                qknorm,
                layers: 3,
                seed: 7,
                gain: 1.5,
            };
            let r = run(&p);
            let mut x = mat(&embeddings(7), TOKENS);
            for l in 0..3 {
                let w = layer_weights(7, l, 1.5);
                let before = flat(&x);
                let logit = std::cell::Cell::new(0.0);
                x = ref_sub(scheme, &x, &|h| {
                    let (o, m) = ref_attention(h, &w, qknorm);
                    logit.set(m);
                    o
                });
                x = ref_sub(scheme, &x, &|h| ref_mlp(h, &w));
                let after = flat(&x);
                let ratio = (after
                    .iter()
                    .zip(&before)
                    .map(|(a, b)| (a - b).powi(2))
                    .sum::<f64>()
                    / before.iter().map(|b| b * b).sum::<f64>())
                .sqrt();
                let l = l as usize;
                let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
                assert!(close(r.residual_rms[l], rms(&after)), "{scheme:?} {l}");
                assert!(close(r.update_ratio[l], ratio), "{scheme:?} {l}");
                assert!(close(r.max_logit[l], logit.get()), "{scheme:?} {l}");
            }
        }
    }
}

#[test]
fn normal_draws_have_unit_variance() {
    let mut rng = crate::moe::rng::SplitMix64::new(3);
    let xs: Vec<f64> = (0..200_000).map(|_| sim::std_normal(&mut rng)).collect();
    let mean = xs.iter().sum::<f64>() / xs.len() as f64;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / xs.len() as f64;
    assert!(mean.abs() < 0.01, "{mean}");
    assert!((var - 1.0).abs() < 0.01, "{var}");
}

#[test]
fn post_ln_stream_stays_at_unit_rms() {
    for gain in [0.5, 1.0, 8.0] {
        let r = run(&NormParams {
            scheme: Scheme::PostLn,
            gain,
            layers: 40,
            ..NormParams::default()
        });
        assert!(r.residual_rms.iter().all(|v| (v - 1.0).abs() < 1e-4));
    }
}

#[test]
fn pre_ln_stream_grows_and_updates_shrink() {
    let r = run(&NormParams {
        layers: 48,
        ..NormParams::default()
    });
    assert!(
        r.residual_rms[47] > 2.0 * r.residual_rms[0],
        "{:?}",
        r.residual_rms
    );
    let early: f64 = r.update_ratio[1..5].iter().sum::<f64>() / 4.0;
    let late: f64 = r.update_ratio[44..48].iter().sum::<f64>() / 4.0;
    assert!(late < early / 2.0, "early {early} late {late}");
}

#[test]
fn output_norm_schemes_add_about_unit_updates() {
    // Each sublayer adds a vector of RMS ≈ 1 (nearly independent of the stream), so after
    // l blocks (2l sublayers) the stream's mean square is about 1 + 2l.
    for scheme in [Scheme::Olmo2, Scheme::Gemma3] {
        let r = run(&NormParams {
            scheme,
            layers: 48,
            gain: 3.0,
            ..NormParams::default()
        });
        let ms = r.residual_rms[47].powi(2);
        assert!(ms > 0.5 * 97.0 && ms < 2.0 * 97.0, "{scheme:?} {ms}");
    }
}

#[test]
fn qk_norm_caps_logits_and_gain_squares_them() {
    let bound = (D_HEAD as f64).sqrt();
    for scheme in Scheme::ALL {
        let r = run(&NormParams {
            scheme,
            qknorm: true,
            gain: 8.0,
            ..NormParams::default()
        });
        assert!(r.max_logit.iter().all(|&m| m <= bound + 1e-9));
    }
    // Pre-LN block 0 sees N(x), which does not depend on the weights: q and k scale with
    // the gain, so their product — the logit — scales with gain².
    let at = |gain| {
        run(&NormParams {
            gain,
            layers: 1,
            ..NormParams::default()
        })
        .max_logit[0]
    };
    assert!((at(2.0) / at(1.0) - 4.0).abs() < 1e-9);
    assert!((at(8.0) / at(2.0) - 16.0).abs() < 1e-9);
    assert!(at(4.0) > bound);
}

#[test]
fn deeper_stack_shares_its_first_layers() {
    let a = run(&NormParams {
        layers: 5,
        scheme: Scheme::Gemma3,
        ..NormParams::default()
    });
    let b = run(&NormParams {
        layers: 9,
        scheme: Scheme::Gemma3,
        ..NormParams::default()
    });
    assert_eq!(a.residual_rms[..], b.residual_rms[..5]);
    assert_eq!(a.max_logit[..], b.max_logit[..5]);
}

#[test]
fn params_parse_and_report() {
    let (p, n) = NormParams::from_query("scheme=gemma3&qknorm=1&layers=24");
    assert!(n.is_empty());
    assert_eq!((p.scheme, p.qknorm, p.layers), (Scheme::Gemma3, true, 24));
    let (p, n) = NormParams::from_query("scheme=zzz&layers=-5&gain=abc&seed=x");
    assert_eq!(n.len(), 4, "{n:?}");
    assert_eq!(
        p,
        NormParams {
            layers: 1,
            ..NormParams::default()
        }
    );
    let (p, n) = NormParams::from_query("gain=1e308&layers=1e9&qknorm=7&seed=99999999999");
    assert_eq!(n.len(), 4);
    assert_eq!(
        (p.gain, p.layers, p.qknorm, p.seed),
        (8.0, 96, true, u32::MAX)
    );
    let (p, _) = NormParams::from_query("gain=NaN&scheme=POST-LN");
    assert_eq!((p.gain, p.scheme), (1.0, Scheme::PostLn));
    assert_eq!(
        NormParams::default().to_query(),
        "scheme=pre-ln&qknorm=0&layers=24&seed=42&gain=1"
    );
}

#[test]
fn export_is_json_with_full_arrays() {
    let r = run(&NormParams {
        layers: 6,
        scheme: Scheme::Olmo2,
        qknorm: true,
        ..NormParams::default()
    });
    let v: serde_json::Value = serde_json::from_str(&r.export_json()).unwrap();
    assert_eq!(v["scheme"], "olmo2");
    assert_eq!(v["qknorm"], true);
    assert_eq!(v["d_head"], 16);
    for key in ["residual_rms", "update_ratio", "max_logit"] {
        assert_eq!(v[key].as_array().unwrap().len(), 6, "{key}");
    }
    assert_eq!(v["final_rms"].as_f64().unwrap(), r.residual_rms[5]);
}

#[test]
fn output_norm_with_qk_norm_ignores_gain() {
    // Every sublayer output and every q, k is normalised, there are no biases and ReLU is
    // positively homogeneous: scaling all weights changes nothing but RMSNorm's ε.
    for scheme in [Scheme::Olmo2, Scheme::Gemma3] {
        let at = |gain| {
            run(&NormParams {
                scheme,
                qknorm: true,
                gain,
                layers: 10,
                ..NormParams::default()
            })
        };
        let (a, b) = (at(1.0), at(8.0));
        for (x, y) in a.residual_rms.iter().zip(&b.residual_rms) {
            assert!((x - y).abs() < 1e-4 * x, "{scheme:?} {x} {y}");
        }
        for (x, y) in a.max_logit.iter().zip(&b.max_logit) {
            assert!((x - y).abs() < 1e-4 * x.max(1.0), "{scheme:?} {x} {y}");
        }
    }
}
