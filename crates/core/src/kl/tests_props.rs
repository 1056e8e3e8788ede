//! Property tests over random logits: every exact gradient against a finite-difference
//! gradient of its objective, the gradient identities, and hostile queries.

use super::dist::{kl, log_softmax, softmax};
use super::*;
use proptest::prelude::*;

const H: f64 = 1e-5;

/// Central finite-difference gradient of `f` at `x`.
fn fd(x: &[f64], f: impl Fn(&[f64]) -> f64) -> Vec<f64> {
    (0..x.len())
        .map(|j| {
            let (mut up, mut down) = (x.to_vec(), x.to_vec());
            up[j] += H;
            down[j] -= H;
            (f(&up) - f(&down)) / (2.0 * H)
        })
        .collect()
}

fn log_ratio(theta: &[f64], reference: &[f64]) -> Vec<f64> {
    let (lp, lq) = (log_softmax(theta), log_softmax(reference));
    lq.iter().zip(&lp).map(|(q, p)| q - p).collect()
}

fn assert_close(exact: &[f64], approx: &[f64], what: &str) -> Result<(), TestCaseError> {
    for (e, a) in exact.iter().zip(approx) {
        prop_assert!(
            (e - a).abs() < 1e-6 * (1.0 + e.abs()),
            "{}: {:?} vs {:?}",
            what,
            exact,
            approx
        );
    }
    Ok(())
}

fn pair() -> impl Strategy<Value = (Vec<f64>, Vec<f64>)> {
    (MIN_ACTIONS..=MAX_ACTIONS).prop_flat_map(|n| {
        (
            prop::collection::vec(-4.0f64..4.0, n),
            prop::collection::vec(-4.0f64..4.0, n),
        )
    })
}

fn params(theta: Vec<f64>, reference: Vec<f64>) -> KlParams {
    KlParams {
        theta,
        reference,
        samples: 1,
        ..KlParams::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn kl_gradients_match_finite_differences((theta, reference) in pair()) {
        let r = compute(&params(theta.clone(), reference.clone()));
        let lq = log_softmax(&reference);
        let fwd = fd(&theta, |t| kl(&log_softmax(t), &lq));
        let rev = fd(&theta, |t| kl(&lq, &log_softmax(t)));
        assert_close(&r.grad_kl_forward, &fwd, "forward")?;
        assert_close(&r.grad_kl_reverse, &rev, "reverse")?;
    }

    #[test]
    fn estimator_gradients_match_finite_differences((theta, reference) in pair()) {
        let r = compute(&params(theta.clone(), reference.clone()));
        let pi0 = softmax(&theta);
        let lr0 = log_ratio(&theta, &reference);
        for (e, est) in Estimator::ALL.into_iter().enumerate() {
            // Loss form: sampling frozen at θ, k differentiated.
            let loss = fd(&theta, |t| {
                let lr = log_ratio(t, &reference);
                pi0.iter().zip(&lr).map(|(p, l)| p * est.value(*l)).sum()
            });
            assert_close(&r.grad_loss[e], &loss, est.code())?;
            // Reward form: k frozen at θ (stop-gradient), the sampling distribution moves.
            let reward = fd(&theta, |t| {
                softmax(t).iter().zip(&lr0).map(|(p, l)| p * est.value(*l)).sum()
            });
            assert_close(&r.grad_reward[e], &reward, est.code())?;
        }
    }

    #[test]
    fn gradient_identities_hold_for_any_logits((theta, reference) in pair()) {
        let r = compute(&params(theta, reference));
        assert_close(&r.grad_reward[0], &r.grad_kl_forward, "k1 reward")?;
        assert_close(&r.grad_loss[1], &r.grad_kl_forward, "k2 loss")?;
        assert_close(&r.grad_loss[2], &r.grad_kl_reverse, "k3 loss")?;
        assert_close(&r.grad_loss[0], &vec![0.0; r.pi_theta.len()], "k1 loss")?;
        prop_assert!(r.kl_forward >= -1e-15 && r.kl_reverse >= -1e-15);
        prop_assert!(r.values.iter().all(|v| v[1] >= 0.0 && v[2] >= 0.0));
        prop_assert!((r.moments[2].mean - r.kl_forward).abs() < 1e-9 * (1.0 + r.kl_forward));
    }

    #[test]
    fn parsing_never_panics(
        junk in ".{0,100}",
        pairs in prop::collection::vec(
            (0usize..5, "[-0-9.,eEnaNif ]{0,60}|.{0,20}"),
            0..6,
        ),
    ) {
        const KEYS: [&str; 5] = ["theta", "ref", "samples", "seed", "preset"];
        let q: Vec<String> = pairs.iter().map(|(k, v)| format!("{}={}", KEYS[*k], v)).collect();
        let (p, _) = KlParams::from_query(&format!("{}&{}", q.join("&"), junk));
        prop_assert_eq!(p.theta.len(), p.reference.len());
        prop_assert!((MIN_ACTIONS..=MAX_ACTIONS).contains(&p.theta.len()));
        prop_assert!((MIN_SAMPLES..=MAX_SAMPLES).contains(&p.samples));
        let p = KlParams { samples: p.samples.min(2000), ..p };
        let r = compute(&p);
        prop_assert!(r.data_values().iter().all(|(_, v)| !v.contains("NaN") && !v.contains("inf")));
    }

    #[test]
    fn extreme_logits_stay_finite(
        theta in prop::collection::vec(prop_oneof![Just(-MAX_LOGIT), Just(MAX_LOGIT), -20.0f64..20.0], 16),
        reference in prop::collection::vec(prop_oneof![Just(-MAX_LOGIT), Just(MAX_LOGIT), -20.0f64..20.0], 16),
    ) {
        let r = compute(&KlParams { samples: 200, ..params(theta, reference) });
        prop_assert!(r.data_values().iter().all(|(_, v)| !v.contains("NaN") && !v.contains("inf")));
    }
}
