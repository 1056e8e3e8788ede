//! Property tests: invariants of RoPE and ALiBi, and hostile query strings.

use super::params::{PosencParams, MAX_POS};
use super::{alibi, export, rope};
use crate::params::parse_query;
use proptest::prelude::*;

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// ALiBi slopes from the closed form, independent of the recursive reference code: the first
/// `p` (largest power of two ≤ n) are 2^(−8h/p); the rest are 2^(−4(2j−1)/p), j = 1…n−p.
fn closed_form_slopes(n: u32) -> Vec<f64> {
    let mut p = 1u32;
    while p * 2 <= n {
        p *= 2;
    }
    let mut out: Vec<f64> = (1..=p)
        .map(|h| 2f64.powf(-8.0 * h as f64 / p as f64))
        .collect();
    out.extend((1..=n - p).map(|j| 2f64.powf(-4.0 * (2 * j - 1) as f64 / p as f64)));
    out
}

proptest! {
    #[test]
    fn score_bounded_and_one_at_zero(delta in 0.0f64..200_000.0, half in 1u32..129, theta in 10_000.0f64..1e7) {
        let d = half * 2;
        let s = rope::relative_score(delta, d, theta);
        prop_assert!(s.abs() <= 1.0 + 1e-12);
        prop_assert!((rope::relative_score(0.0, d, theta) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn larger_theta_lowers_the_lowest_frequency(half in 2u32..129, t in 10_000.0f64..1e6, k in 1.01f64..10.0) {
        let d = half * 2;
        let lo = |base: f64| rope::theta_i(d / 2 - 1, d, base);
        prop_assert!(lo(t * k) < lo(t));
        prop_assert!(rope::wavelength(d / 2 - 1, d, t * k) > rope::wavelength(d / 2 - 1, d, t));
    }

    #[test]
    fn rotation_is_relative(
        q in prop::collection::vec(-10.0f64..10.0, 2..33),
        k in prop::collection::vec(-10.0f64..10.0, 2..33),
        m in 0u32..100_000, n in 0u32..100_000, theta in 10_000.0f64..1e6,
    ) {
        let len = q.len().min(k.len()) & !1;
        prop_assume!(len >= 2);
        let (q, k) = (&q[..len], &k[..len]);
        let rq = rope::rotate_vec(q, m as f64, theta);
        let rk = rope::rotate_vec(k, n as f64, theta);
        // Norm is preserved.
        prop_assert!((dot(&rq, &rq) - dot(q, q)).abs() < 1e-9 * (1.0 + dot(q, q)));
        // q·k after rotating by m and n equals rotating q by m−n alone.
        let rel = rope::rotate_vec(q, m as f64 - n as f64, theta);
        let scale = 1.0 + dot(q, q).sqrt() * dot(k, k).sqrt();
        prop_assert!((dot(&rq, &rk) - dot(&rel, k)).abs() < 1e-7 * scale);
    }

    #[test]
    fn alibi_slopes_match_closed_form(n in 1u32..=128) {
        let s = alibi::slopes(n);
        prop_assert_eq!(s.len(), n as usize);
        prop_assert!(s.iter().all(|m| *m > 0.0 && *m < 1.0));
        for (a, b) in s.iter().zip(closed_form_slopes(n)) {
            prop_assert!((a - b).abs() <= 1e-15 * b);
        }
        if n.is_power_of_two() && n > 1 {
            let r = s[1] / s[0];
            prop_assert!(s.windows(2).all(|w| (w[1] / w[0] - r).abs() < 1e-12));
            prop_assert!((s[n as usize - 1] - 1.0 / 256.0).abs() < 1e-15);
        }
    }

    #[test]
    fn hostile_queries_stay_in_range(raw in ".{0,60}", v in ".{0,12}") {
        for q in [raw.clone(), format!("scheme=alibi&heads={v}&head={v}&pos={v}"),
                  format!("scheme=irope&theta={v}&dim={v}&head_dim={v}&layer={v}"),
                  format!("scheme=glm2d&prompt={v}&gen={v}")] {
            let (p, _) = PosencParams::from_query(&parse_query(&q));
            prop_assert!(p.theta.is_finite() && p.theta >= 10_000.0 && p.theta <= 1e7);
            prop_assert!(p.pos <= MAX_POS);
            prop_assert!(p.head_dim % 2 == 0 && p.dim < p.head_dim / 2);
            prop_assert!(p.head >= 1 && p.head <= p.heads);
            prop_assert!(p.layers() == 0 || p.layer < p.layers());
            let json = export::export_json(&p);
            let ok = json.starts_with('{') && json.ends_with('}');
            prop_assert!(ok);
        }
    }
}
