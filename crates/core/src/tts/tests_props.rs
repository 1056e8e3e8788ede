//! Property tests: probabilities stay in [0, 1], the monotonicities that hold, and hostile
//! query strings never panic.

use super::bon::bon_kl;
use super::budget::{expected_solved, optimal_allocation, uniform_allocation};
use super::export::values;
use super::params::TtsParams;
use super::passk::{pass_at_k, pass_at_k_naive, pass_curves, pass_hat_k};
use super::vote::{maj_at_k_curve, oracle_at_k};
use proptest::prelude::*;

fn unit(x: f64) -> bool {
    (-1e-12..=1.0 + 1e-12).contains(&x)
}

fn distribution() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(0.0f64..1.0, 1..6).prop_filter_map("all zero", |w| {
        let s: f64 = w.iter().sum();
        (s > 1e-6).then(|| w.iter().map(|x| x / s).collect())
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn pass_metrics_are_ordered_probabilities(n in 1u32..400, c in 0u32..400, k in 1u32..400) {
        let c = c.min(n);
        let k = k.min(n);
        let (u, naive, hat) = (pass_at_k(n, c, k), pass_at_k_naive(n, c, k), pass_hat_k(n, c, k));
        prop_assert!(unit(u) && unit(naive) && unit(hat));
        // Sampling without replacement finds a correct sample at least as often.
        prop_assert!(u >= naive - 1e-12);
        // "All k correct" never beats "one of k correct".
        prop_assert!(hat <= u + 1e-12);
    }

    #[test]
    fn pass_curves_are_monotone(n in 1u32..600, c in 0u32..600) {
        let cur = pass_curves(n, c.min(n));
        for w in cur.unbiased.windows(2) { prop_assert!(w[1] >= w[0] - 1e-12); }
        for w in cur.naive.windows(2) { prop_assert!(w[1] >= w[0] - 1e-12); }
        for w in cur.hat.windows(2) { prop_assert!(w[1] <= w[0] + 1e-12); }
    }

    #[test]
    fn maj_at_k_is_a_probability_below_the_oracle(p in distribution()) {
        let curve = maj_at_k_curve(&p, 24);
        prop_assert!((curve[0] - p[0]).abs() < 1e-12, "maj@1 is one sample");
        for (i, &m) in curve.iter().enumerate() {
            prop_assert!(unit(m));
            // A correct majority needs at least one correct sample.
            prop_assert!(m <= oracle_at_k(p[0], i as u32 + 1) + 1e-12);
        }
    }

    #[test]
    fn greedy_beats_uniform_and_grows_with_budget(
        p in prop::collection::vec(0.0f64..=1.0, 1..8), b in 0u32..200,
    ) {
        let a = optimal_allocation(&p, b);
        prop_assert_eq!(a.iter().sum::<u32>(), b);
        let best = expected_solved(&p, &a);
        prop_assert!(best >= expected_solved(&p, &uniform_allocation(p.len(), b)) - 1e-12);
        prop_assert!(expected_solved(&p, &optimal_allocation(&p, b + 1)) >= best - 1e-12);
        prop_assert!(best <= p.len() as f64 + 1e-12);
    }

    #[test]
    fn bon_kl_grows_with_n(n in 1u32..1_000_000) {
        prop_assert!(bon_kl(n + 1) > bon_kl(n));
        prop_assert!(bon_kl(n) <= (n as f64).ln());
    }

    #[test]
    fn hostile_queries_never_panic(q in ".{0,80}") {
        let (t, _) = TtsParams::from_query(&q);
        let _ = values(&t);
        let _ = TtsParams::from_query(&t.to_query());
    }

    #[test]
    fn hostile_values_never_panic(
        panel in prop::sample::select(vec!["pass-at-k", "majority", "budget", "bon-kl", "x"]),
        key in prop::sample::select(vec!["n", "c", "k", "answers", "samples", "budget", "p"]),
        v in ".{0,40}",
    ) {
        let q = crate::params::build_query(&[("panel", panel.to_string()), (key, v)]);
        let (t, notes) = TtsParams::from_query(&q);
        for (k, val) in values(&t) {
            prop_assert!(!val.contains("NaN") && !val.contains("inf"), "{k}={val}");
        }
        for n in notes { prop_assert!(!n.to_zh().is_empty()); }
        prop_assert!(t.pass_k.c <= t.pass_k.n && t.pass_k.k <= t.pass_k.n);
    }
}
