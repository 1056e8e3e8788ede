//! Unit tests: the worked numbers of each algorithm, the clip, DAPO's shaping, the
//! zero-signal probability, parameter parsing and the export.

use super::advantage::{advantages, grpo};
use super::clip::{clip_region, sequence_ratio, surrogate, surrogate_curves};
use super::shaping::{overlong_reward, zero_signal_curve, zero_signal_prob};
use super::weights::token_weights;
use super::*;
use crate::params::NoticeKind;

fn close(a: &[f64], b: &[f64], tol: f64) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < tol)
}

const R: [f64; 4] = [1.0, 0.0, 1.0, 0.0];

#[test]
fn advantages_of_two_right_two_wrong() {
    let s = 0.75f64.sqrt(); // 1/√(4/3) = 0.866025…
    assert!(close(
        &grpo(&R, StdKind::Sample, 0.0),
        &[s, -s, s, -s],
        1e-12
    ));
    assert!(close(
        &grpo(&R, StdKind::Population, 0.0),
        &[1.0, -1.0, 1.0, -1.0],
        1e-12
    ));
    let dr = advantages(Algo::DrGrpo, &R, StdKind::Sample, 0.0);
    assert!(close(&dr, &[0.5, -0.5, 0.5, -0.5], 1e-12));
    let rloo = advantages(Algo::Rloo, &R, StdKind::Sample, 0.0);
    let t = 2.0 / 3.0;
    assert!(close(&rloo, &[t, -t, t, -t], 1e-12), "{rloo:?}");
    assert!((rloo[0] - 0.666667).abs() < 1e-6 && (s - 0.866025).abs() < 1e-6);
    // eps_std shrinks the advantage a little.
    let a = grpo(&R, StdKind::Population, 1e-6)[0];
    assert!(a < 1.0 && a > 1.0 - 2e-6);
}

#[test]
fn equal_rewards_give_zero_advantages_without_nan() {
    for algo in Algo::ALL {
        let a = advantages(algo, &[0.1; 3], StdKind::Sample, 0.0);
        assert_eq!(a, vec![0.0; 3], "{algo:?}");
    }
}

#[test]
fn token_weights_for_lengths_two_and_four() {
    let a = [1.0, -1.0];
    let l = [2, 4];
    assert!(close(
        &token_weights(Algo::Grpo, &a, &l, 8),
        &[0.25, -0.125],
        1e-15
    ));
    let sixth = 1.0 / 6.0;
    assert!(close(
        &token_weights(Algo::Dapo, &a, &l, 8),
        &[sixth, -sixth],
        1e-15
    ));
    assert!((sixth - 0.166667).abs() < 1e-6);
    assert!(close(
        &token_weights(Algo::DrGrpo, &a, &l, 8),
        &[1.0 / 16.0, -1.0 / 16.0],
        1e-15
    ));
    assert!(close(
        &token_weights(Algo::Rloo, &a, &l, 8),
        &[0.5, -0.5],
        1e-15
    ));
    assert!(close(
        &token_weights(Algo::Gspo, &a, &l, 8),
        &[0.25, -0.125],
        1e-15
    ));
}

#[test]
fn clip_takes_the_pessimistic_side() {
    let s = surrogate(1.5, 1.0, 0.2, 0.2);
    assert!((s.value - 1.2).abs() < 1e-12 && s.clipped && s.zero_gradient());
    let s = surrogate(0.5, -1.0, 0.2, 0.2);
    assert!((s.value + 0.8).abs() < 1e-12 && s.clipped && s.zero_gradient());
    // The other two sides are not clipped: the unclipped term is the smaller one.
    let s = surrogate(0.5, 1.0, 0.2, 0.2);
    assert_eq!((s.value, s.clipped, s.gradient), (0.5, false, 1.0));
    let s = surrogate(1.5, -1.0, 0.2, 0.2);
    assert_eq!((s.value, s.clipped, s.gradient), (-1.5, false, -1.0));
    // Clip-higher: 1.25 is inside DAPO's upper bound 1.28 but outside 1.2.
    assert!(!surrogate(1.25, 1.0, 0.2, 0.28).clipped);
    assert!(surrogate(1.25, 1.0, 0.2, 0.2).clipped);
    // A = 0: flat, yet not clipped.
    let s = surrogate(3.0, 0.0, 0.2, 0.2);
    assert!(!s.clipped && s.zero_gradient() && s.value == 0.0);
    assert_eq!(clip_region(0.2, 0.28), (0.8, 1.28));
}

#[test]
fn surrogate_curves_cover_both_signs() {
    let [pos, neg] = surrogate_curves(-2.0, 0.2, 0.2, (0.0, 2.0), 21);
    assert_eq!((pos.advantage, neg.advantage), (2.0, -2.0));
    assert_eq!(pos.points.len(), 21);
    let (rho, v, c) = pos.points[20];
    assert!((rho - 2.0).abs() < 1e-12 && (v - 2.4).abs() < 1e-12 && c);
    let (rho, v, c) = neg.points[0];
    assert!(rho == 0.0 && (v + 1.6).abs() < 1e-12 && c);
    assert_eq!(
        surrogate_curves(1.0, 0.2, 0.2, (0.0, 2.0), 0)[0]
            .points
            .len(),
        2
    );
}

#[test]
fn gspo_sequence_ratio_is_the_geometric_mean() {
    let r = sequence_ratio(&[2f64.ln(), 8f64.ln()]);
    assert!((r - 4.0).abs() < 1e-12);
    assert_eq!(sequence_ratio(&[]), 1.0);
}

#[test]
fn dapo_overlong_shaping() {
    // L_max = 20, L_cache = 4: free up to 16, ramp to −1 at 20, −1 beyond.
    let r: Vec<f64> = [10, 16, 17, 18, 20, 21]
        .iter()
        .map(|&l| overlong_reward(l, 20, 4))
        .collect();
    assert_eq!(r, vec![0.0, 0.0, -0.25, -0.5, -1.0, -1.0]);
    assert_eq!(overlong_reward(20, 20, 0), 0.0);
    assert_eq!(overlong_reward(21, 20, 0), -1.0);
    // cache > max_len is clamped (no underflow).
    assert_eq!(overlong_reward(0, 5, 9), 0.0);
}

#[test]
fn zero_signal_probability() {
    assert!((zero_signal_prob(0.9, 8) - 0.430467).abs() < 1e-6);
    assert!((zero_signal_prob(0.9, 8) - (0.9f64.powi(8) + 0.1f64.powi(8))).abs() < 1e-15);
    assert_eq!(zero_signal_prob(0.5, 2), 0.5);
    let c = zero_signal_curve(0.9, 2, 64);
    assert_eq!((c.len(), c[0].0, c[62].0), (63, 2, 64));
    assert!(c.windows(2).all(|w| w[1].1 < w[0].1));
}

#[test]
fn the_default_group() {
    let r = compute(&GrpoParams::default());
    assert!(!r.all_equal && r.surrogates.iter().all(|s| !s.clipped));
    assert_eq!(r.length_rewards, vec![0.0; 4]);
    assert!((r.zero_signal_prob - 0.125).abs() < 1e-15);
    // At ρ = 1 the surrogate is A, and GRPO's loss sums −A_i/G, which is 0.
    assert!(r.loss().abs() < 1e-15);
}

#[test]
fn dapo_shapes_the_reward_before_the_advantage() {
    let (p, notes) = GrpoParams::from_query("algo=dapo&rewards=1,1&lengths=100,224");
    assert!(notes.is_empty(), "{notes:?}");
    let r = compute(&p);
    // L_max 256, L_cache 64: 224 is half-way down the ramp.
    assert_eq!(r.length_rewards, vec![0.0, -0.5]);
    assert_eq!(r.effective_rewards, vec![1.0, 0.5]);
    assert!(r.all_equal && r.dropped_by_dynamic_sampling());
    assert!(r.advantages[0] > 0.0 && r.advantages[1] < 0.0);
    let g = compute(&GrpoParams {
        algo: Algo::Grpo,
        ..p
    });
    assert_eq!(g.advantages, vec![0.0, 0.0]);
    assert!(!g.dropped_by_dynamic_sampling());
}

#[test]
fn loss_contributions_follow_the_weights() {
    let (p, _) =
        GrpoParams::from_query("rewards=1,0&lengths=2,4&std=population&eps_std=0&ratios=1.5,0.5");
    let r = compute(&p);
    assert_eq!(r.advantages, vec![1.0, -1.0]);
    assert_eq!(r.token_weights, vec![0.25, -0.125]);
    assert_eq!(r.sequence_weights, vec![0.5, -0.5]);
    // Both clipped: 1.2·(+1) and 0.8·(−1), each over G = 2.
    assert!(r.surrogates.iter().all(|s| s.clipped));
    assert!(close(&r.loss_contributions, &[-0.6, 0.4], 1e-12));
}

#[test]
fn params_round_trip() {
    let q = "algo=dapo&rewards=1,0.5,0,-1&lengths=3,1,7,9&std=population&eps_std=0.001&eps_low=0.1\
&eps_high=0.3&max_len=8&cache=2&ratios=1,1.1,0.9,2&p=0.75";
    let (p, notes) = GrpoParams::from_query(q);
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(p.lengths, vec![3, 1, 7, 9]);
    assert_eq!(
        (p.eps_low, p.eps_high, p.max_len, p.cache),
        (0.1, 0.3, 8, 2)
    );
    assert_eq!(GrpoParams::from_query(&p.to_query()), (p.clone(), vec![]));
    assert_eq!(p.to_query(), q);
}

#[test]
fn eps_defaults_follow_the_algorithm() {
    assert_eq!(GrpoParams::from_query("algo=dapo").0.eps_high, 0.28);
    assert_eq!(GrpoParams::from_query("algo=gspo").0.eps_low, 3e-4);
    let p = GrpoParams::from_query("algo=dapo&eps=0.1").0;
    assert_eq!((p.eps_low, p.eps_high), (0.1, 0.1));
    let p = GrpoParams::from_query("eps=0.1&eps_high=0.4").0;
    assert_eq!((p.eps_low, p.eps_high), (0.1, 0.4));
}

#[test]
fn hostile_params_fall_back_with_notices() {
    let d = GrpoParams::default();
    for q in [
        "rewards=",
        "rewards=1",
        "rewards=1,NaN",
        "rewards=inf,0",
        "lengths=1,2",
        "lengths=1,2,3,x",
        "lengths=1.5,2,3,4",
        "ratios=1,2",
        "algo=ppo",
        "std=biased",
        "eps=-0.1",
        "eps_std=abc",
        "p=2",
    ] {
        let (p, notes) = GrpoParams::from_query(q);
        assert!(!notes.is_empty(), "{q}");
        assert_eq!(p.rewards, d.rewards, "{q}");
        assert_eq!(p.lengths, d.lengths, "{q}");
        assert_eq!(p.ratios, d.ratios, "{q}");
        assert!(!notes[0].to_string().is_empty() && notes[0].to_zh().contains("已改用"));
    }
    let (p, n) = GrpoParams::from_query("eps=-0.1");
    assert_eq!((p.eps_low, n[0].kind), (0.0, NoticeKind::Clamped));
    let (p, n) = GrpoParams::from_query("lengths=0,1,2,3");
    assert_eq!(p.lengths, vec![1, 1, 2, 3]);
    assert_eq!(n[0].kind, NoticeKind::Clamped);
    let many = vec!["1"; 10_000].join(",");
    let (p, n) = GrpoParams::from_query(&format!("rewards={many}"));
    assert_eq!((p.g(), n[0].kind), (MAX_G, NoticeKind::Clamped));
    let (p, _) = GrpoParams::from_query("max_len=10&cache=50");
    assert_eq!((p.max_len, p.cache), (10, 10));
    let (p, n) = GrpoParams::from_query("rewards=1,0,1&ratios=1.3");
    assert_eq!((p.ratios, n), (vec![1.3; 3], vec![]));
}

#[test]
fn export_keys_and_exact_values() {
    let (p, _) = GrpoParams::from_query("rewards=1,0,1,0&eps_std=0&ratios=1.5,1,1,0.5");
    let r = compute(&p);
    let a = r.data_value("advantages").unwrap();
    let parsed: Vec<f64> = a.split(',').map(|x| x.parse().unwrap()).collect();
    assert_eq!(parsed, r.advantages);
    assert_eq!(r.data_value("clipped").unwrap(), "1,0,0,1");
    assert_eq!(r.data_value("zero-signal-prob").unwrap(), "0.125");
    assert_eq!(r.data_value("length-rewards").unwrap(), "0,0,0,0");
    assert_eq!(r.data_value("all-equal").unwrap(), "0");
    for key in ["token-weights", "surrogate", "sequence-weights", "loss"] {
        assert!(r.data_value(key).is_some(), "{key}");
    }
    assert_eq!(r.data_value("nope"), None);
}
