//! Property tests: advantage invariants, the clip's gradient, hostile queries.

use super::advantage::advantages;
use super::clip::surrogate;
use super::*;
use proptest::prelude::*;

fn rewards() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(-100.0f64..100.0, MIN_G..=MAX_G)
}

fn std_kind() -> impl Strategy<Value = StdKind> {
    prop_oneof![Just(StdKind::Sample), Just(StdKind::Population)]
}

const KEYS: [&str; 12] = [
    "rewards", "lengths", "algo", "std", "eps_std", "eps", "eps_low", "eps_high", "max_len",
    "cache", "ratios", "p",
];

proptest! {
    #[test]
    fn advantages_sum_to_zero(r in rewards(), kind in std_kind(), eps in 0.0f64..1.0) {
        for algo in [Algo::Grpo, Algo::DrGrpo, Algo::Rloo] {
            let a = advantages(algo, &r, kind, eps);
            let scale = a.iter().map(|x| x.abs()).sum::<f64>().max(1.0);
            prop_assert!(a.iter().sum::<f64>().abs() < 1e-12 * scale, "{:?} {:?}", algo, a);
        }
    }

    #[test]
    fn grpo_advantages_ignore_the_reward_scale(r in rewards(), kind in std_kind(), c in 1e-3f64..1e3) {
        prop_assume!(!advantage::all_equal(&r));
        let scaled: Vec<f64> = r.iter().map(|x| x * c).collect();
        let a = advantages(Algo::Grpo, &r, kind, 0.0);
        let b = advantages(Algo::Grpo, &scaled, kind, 0.0);
        for (x, y) in a.iter().zip(&b) {
            prop_assert!((x - y).abs() < 1e-9 * (1.0 + x.abs()), "{:?} {:?}", a, b);
        }
    }

    #[test]
    fn clipped_iff_finite_difference_gradient_is_zero(
        rho in 0.0f64..3.0,
        a in prop_oneof![-5.0f64..-0.01, 0.01f64..5.0],
        lo in 0.0f64..0.9,
        hi in 0.0f64..1.0,
    ) {
        let h = 1e-6;
        // Away from the kinks, where the derivative is one-sided.
        prop_assume!((rho - (1.0 - lo)).abs() > 10.0 * h && (rho - (1.0 + hi)).abs() > 10.0 * h);
        let s = surrogate(rho, a, lo, hi);
        let fd = (surrogate(rho + h, a, lo, hi).value - surrogate(rho - h, a, lo, hi).value) / (2.0 * h);
        prop_assert_eq!(fd.abs() < 1e-6, s.clipped, "fd {} {:?}", fd, s);
        prop_assert!((fd - s.gradient).abs() < 1e-6);
    }

    #[test]
    fn parsing_never_panics(
        junk in ".{0,100}",
        pairs in prop::collection::vec((0usize..KEYS.len(), "[-0-9.,eEnaNif ]{0,40}|.{0,20}"), 0..8),
    ) {
        let q: Vec<String> = pairs.iter().map(|(k, v)| format!("{}={}", KEYS[*k], v)).collect();
        let q = format!("{}&{}", q.join("&"), junk);
        let (p, _) = GrpoParams::from_query(&q);
        let r = compute(&p);
        prop_assert!((MIN_G..=MAX_G).contains(&p.g()));
        prop_assert_eq!(p.lengths.len(), p.g());
        prop_assert_eq!(r.advantages.len(), p.g());
        prop_assert!(r.data_values().iter().all(|(_, v)| !v.contains("NaN") && !v.contains("inf")));
    }

    #[test]
    fn hostile_lists_keep_the_state_consistent(
        rewards in prop::collection::vec(any::<f64>(), 0..80),
        lengths in prop::collection::vec(any::<i64>(), 0..80),
        ratios in prop::collection::vec(any::<f64>(), 0..80),
        algo in 0usize..5,
    ) {
        let list = |v: &[String]| v.join(",");
        let q = format!(
            "algo={}&rewards={}&lengths={}&ratios={}",
            Algo::CODES[algo],
            list(&rewards.iter().map(f64::to_string).collect::<Vec<_>>()),
            list(&lengths.iter().map(i64::to_string).collect::<Vec<_>>()),
            list(&ratios.iter().map(f64::to_string).collect::<Vec<_>>()),
        );
        let (p, _) = GrpoParams::from_query(&q);
        prop_assert_eq!((p.lengths.len(), p.ratios.len()), (p.g(), p.g()));
        prop_assert!(p.lengths.iter().all(|&l| (1..=MAX_LENGTH).contains(&l)));
        let r = compute(&p);
        prop_assert!(r.token_weights.iter().chain(&r.loss_contributions).all(|v| v.is_finite()));
    }
}
