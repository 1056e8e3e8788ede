//! Unit tests: the single-sample numbers, the exact expectations, the known gradient
//! identities, Monte-Carlo convergence, parameter parsing and the export.

use super::dist::{kl, log_softmax, softmax};
use super::estimators::sample_values;
use super::*;
use crate::params::NoticeKind;

fn close(a: &[f64], b: &[f64], tol: f64) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < tol)
}

#[test]
fn one_sample_with_half_and_two_fifths() {
    let [k1, k2, k3] = sample_values(0.5, 0.4);
    assert!((k1 - 0.223144).abs() < 1e-6, "{k1}");
    assert!((k2 - 0.024897).abs() < 1e-6, "{k2}");
    assert!((k3 - 0.023144).abs() < 1e-6, "{k3}");
    assert!((k3 - (0.8 - 1.0 - 0.8f64.ln())).abs() < 1e-15);
}

#[test]
fn softmax_is_stable_and_normalised() {
    let p = softmax(&[1000.0, 1000.0, -1000.0]);
    assert!(close(&p, &[0.5, 0.5, 0.0], 1e-12));
    let l = log_softmax(&[0.0, 2f64.ln()]);
    assert!(close(
        &l,
        &[(1.0f64 / 3.0).ln(), (2.0f64 / 3.0).ln()],
        1e-15
    ));
}

#[test]
fn exact_kls_of_the_default_pair() {
    let r = compute(&KlParams::default());
    let (p, q) = (&r.pi_theta, &r.pi_ref);
    let fwd: f64 = (0..3).map(|a| p[a] * (p[a] / q[a]).ln()).sum();
    let rev: f64 = (0..3).map(|a| q[a] * (q[a] / p[a]).ln()).sum();
    assert!((r.kl_forward - fwd).abs() < 1e-14 && (r.kl_reverse - rev).abs() < 1e-14);
    assert!(r.kl_forward > r.kl_reverse * 0.5 && r.kl_forward != r.kl_reverse);
    // k1 and k3 are unbiased for KL(π_θ‖π_ref); k2 is not.
    assert!((r.moments[0].mean - fwd).abs() < 1e-14);
    assert!((r.moments[2].mean - fwd).abs() < 1e-14);
    assert!((r.moments[1].mean - fwd).abs() > 1e-3);
    assert!(r.moments[2].std < r.moments[0].std);
    assert_eq!(
        kl(&log_softmax(&[1.0, 2.0]), &log_softmax(&[1.0, 2.0])),
        0.0
    );
}

#[test]
fn known_gradient_identities() {
    for preset in presets::PRESETS {
        let (p, _) = KlParams::from_query(&format!("preset={}", preset.key));
        let r = compute(&p);
        let tol = 1e-12;
        assert!(
            close(&r.grad_reward[0], &r.grad_kl_forward, tol),
            "{}",
            preset.key
        );
        assert!(
            close(&r.grad_loss[1], &r.grad_kl_forward, tol),
            "{}",
            preset.key
        );
        assert!(
            close(&r.grad_loss[2], &r.grad_kl_reverse, tol),
            "{}",
            preset.key
        );
        assert!(
            close(&r.grad_loss[0], &vec![0.0; p.theta.len()], tol),
            "{}",
            preset.key
        );
        // Logit gradients sum to zero (softmax is shift-invariant).
        for g in r.grad_reward.iter().chain(&r.grad_loss) {
            assert!(g.iter().sum::<f64>().abs() < 1e-12);
        }
    }
}

#[test]
fn k3_as_loss_is_not_the_forward_gradient() {
    let r = compute(&KlParams::default());
    assert!(!close(&r.grad_loss[2], &r.grad_kl_forward, 1e-3));
}

#[test]
fn monte_carlo_converges_to_the_exact_moments() {
    for preset in presets::PRESETS {
        let q = format!("preset={}&samples=100000&seed=7", preset.key);
        let r = compute(&KlParams::from_query(&q).0);
        assert_eq!(r.mc.counts.iter().sum::<u32>(), 100_000);
        for e in 0..3 {
            let m = r.moments[e];
            let tol = 5.0 * m.std / (r.mc.n as f64).sqrt() + 1e-12;
            assert!(
                (r.mc.mean[e] - m.mean).abs() < tol,
                "{} k{}: {} vs {}",
                preset.key,
                e + 1,
                r.mc.mean[e],
                m.mean
            );
            assert!((r.mc.std[e] - m.std).abs() < 0.1 * m.std + 1e-9);
            assert!(close(&r.mc.grad_loss[e], &r.grad_loss[e], 0.05));
            assert!(close(&r.mc.grad_reward[e], &r.grad_reward[e], 0.05));
        }
        let freq: Vec<f64> = r.mc.counts.iter().map(|&c| c as f64 / 1e5).collect();
        assert!(close(&freq, &r.pi_theta, 0.01));
    }
}

#[test]
fn monte_carlo_is_seeded_and_traced() {
    let run = |q: &str| compute(&KlParams::from_query(q).0).mc;
    let a = run("samples=500&seed=1");
    assert_eq!(a, run("samples=500&seed=1"));
    assert_ne!(a.counts, run("samples=500&seed=2").counts);
    // A longer run starts with the same draws.
    let b = run("samples=1000&seed=1");
    let shared: Vec<_> = b.trace.iter().filter(|t| a.trace.contains(t)).collect();
    assert!(shared.len() > 10, "{shared:?}");
    let last = a.trace.last().unwrap();
    assert_eq!(last.0, 500);
    assert!(close(&last.1, &a.mean, 1e-12));
    assert!(a.trace.windows(2).all(|w| w[0].0 < w[1].0));
    let one = run("samples=1");
    assert_eq!((one.n, one.std, one.trace.len()), (1, [0.0; 3], 1));
}

#[test]
fn params_round_trip_and_presets() {
    let (p, n) =
        KlParams::from_query("theta=0.5,-1,3&ref=0,0,0.25&samples=77&seed=18446744073709551615");
    assert!(n.is_empty(), "{n:?}");
    assert_eq!((p.preset, p.samples, p.seed), ("custom", 77, u64::MAX));
    assert_eq!(KlParams::from_query(&p.to_query()), (p.clone(), vec![]));
    let (p, _) = KlParams::from_query("preset=far");
    assert_eq!((p.preset, p.theta.len()), ("far", 4));
    assert_eq!(p.to_query(), "preset=far&samples=1000&seed=42");
    // Logits equal to a preset's are that preset.
    assert_eq!(
        KlParams::from_query("theta=0,1,2&ref=1,1,0").0.preset,
        "default"
    );
}

#[test]
fn hostile_params_fall_back_with_notices() {
    let d = KlParams::default();
    for q in [
        "theta=1",
        "theta=1,NaN,2",
        "ref=inf,0,0",
        "theta=1,2,3,4",
        "ref=,",
        "preset=<b>",
        "seed=-1",
        "seed=1e3",
        "samples=0",
        "samples=abc",
    ] {
        let (p, notes) = KlParams::from_query(q);
        assert!(!notes.is_empty(), "{q}");
        assert_eq!((&p.theta, &p.reference), (&d.theta, &d.reference), "{q}");
        assert!(notes[0].to_zh().contains("已改用"));
    }
    let (p, n) = KlParams::from_query("samples=10000000");
    assert_eq!((p.samples, n[0].kind), (MAX_SAMPLES, NoticeKind::Clamped));
    let (p, n) = KlParams::from_query("theta=1000,0,0");
    assert_eq!((p.theta[0], n[0].kind), (MAX_LOGIT, NoticeKind::Clamped));
    let many = vec!["0"; 10_000].join(",");
    let (p, _) = KlParams::from_query(&format!("theta={many}&ref={many}"));
    assert_eq!(p.theta.len(), MAX_ACTIONS);
}

#[test]
fn export_keys_and_exact_values() {
    let r = compute(&KlParams::default());
    let keys: Vec<&str> = r.data_values().iter().map(|(k, _)| *k).collect();
    for key in [
        "kl-forward",
        "kl-reverse",
        "k1",
        "k2",
        "k3",
        "k1-std",
        "k2-std",
        "k3-std",
        "grad-k1-reward",
        "grad-k2-loss",
        "grad-k3-loss",
        "grad-k1-loss",
        "grad-kl-forward",
        "grad-kl-reverse",
        "mc-k1",
        "mc-counts",
    ] {
        assert!(keys.contains(&key), "{key}");
    }
    let v: f64 = r.data_value("kl-forward").unwrap().parse().unwrap();
    assert_eq!(v, r.kl_forward);
    let g: Vec<f64> = r
        .data_value("grad-k3-loss")
        .unwrap()
        .split(',')
        .map(|x| x.parse().unwrap())
        .collect();
    assert_eq!(g, r.grad_loss[2]);
    assert_eq!(r.data_value("mc-n").unwrap(), "1000");
}
