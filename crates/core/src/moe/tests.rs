//! Hand-worked examples and fixed-input checks. Property tests are in `tests_props.rs`.

use super::balance::{apply_capacity, aux_loss_and_grad, update_bias};
use super::rng::SplitMix64;
use super::*;
use crate::lang::Lang;

fn logit_of(p: f64) -> f64 {
    (p / (1.0 - p)).ln()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn ds_cfg() -> MoeConfig {
    MoeConfig {
        experts: 8,
        k: 2,
        scoring: Scoring::Sigmoid,
        routed_scaling: 2.5,
        groups: 4,
        topk_groups: 2,
        ..MoeConfig::default()
    }
}

/// DeepSeek-V3-style routing worked by hand. Groups G0={E0,E1}, G1={E2,E3}, G2={E4,E5},
/// G3={E6,E7}; logits chosen so that sigmoid gives the scores s below.
///
/// ```text
///        E0    E1    E2    E3    E4    E5    E6    E7
/// s     0.90  0.20  0.60  0.50  0.70  0.10  0.30  0.80
/// b    -0.50  0.00  0.15  0.00  0.08  0.30  0.20  0.00
/// c=s+b 0.40  0.20  0.75  0.50  0.78  0.40  0.50  0.80
/// group score (sum of top-2 c): G0 0.60, G1 1.25, G2 1.18, G3 1.30 → keep G3, G1
/// allowed {E2,E3,E6,E7}, top-2 by c: E7 (0.80), E2 (0.75)
/// weights from the unbiased s: 0.8/1.4 = 4/7, 0.6/1.4 = 3/7; × 2.5 → 10/7, 7.5/7
/// ```
/// E0 has the best raw score but its bias keeps it out; E4 has the second-best choice score
/// but its group loses (by the max-per-group rule of DeepSeek-V2 G2 would have won: 0.78 >
/// 0.75, so this also pins the top-2-sum rule).
#[test]
fn deepseek_sigmoid_bias_groups_by_hand() {
    let s = [0.9, 0.2, 0.6, 0.5, 0.7, 0.1, 0.3, 0.8];
    let b = [-0.5, 0.0, 0.15, 0.0, 0.08, 0.3, 0.2, 0.0];
    let logits: Vec<f64> = s.iter().map(|&p| logit_of(p)).collect();
    let d = route(&ds_cfg(), &logits, &b);
    assert_eq!(d.groups_kept, vec![3, 1]);
    assert!(close(d.group_scores[0], 0.6) && close(d.group_scores[1], 1.25));
    assert!(close(d.group_scores[2], 1.18) && close(d.group_scores[3], 1.3));
    assert_eq!(d.topk, vec![7, 2]);
    assert!(close(d.weights[0], 10.0 / 7.0), "{:?}", d.weights);
    assert!(close(d.weights[1], 7.5 / 7.0), "{:?}", d.weights);
    // Without the group limit E4 (c = 0.78) beats E2.
    let flat = MoeConfig {
        groups: 1,
        topk_groups: 1,
        ..ds_cfg()
    };
    assert_eq!(route(&flat, &logits, &b).topk, vec![7, 4]);
    // Without the bias E0 (s = 0.9) wins and the weights come from s alone.
    let d = route(&flat, &logits, &[]);
    assert_eq!(d.topk, vec![0, 7]);
    assert!(close(d.weights[0], 2.5 * 0.9 / 1.7));
}

/// Softmax top-2 by hand: logits ln[1, 4, 2, 3] → p = [0.1, 0.4, 0.2, 0.3]; top-2 = E1, E3;
/// renormalised 0.4/0.7 = 4/7 and 3/7, which is also Mixtral's softmax over the two logits
/// ln 4, ln 3. Without renormalisation (Switch-style) the weights are p itself.
#[test]
fn softmax_top2_by_hand() {
    let logits = [1.0f64.ln(), 4.0f64.ln(), 2.0f64.ln(), 3.0f64.ln()];
    let cfg = MoeConfig {
        experts: 4,
        k: 2,
        ..MoeConfig::default()
    };
    let d = route(&cfg, &logits, &[]);
    assert!(close(d.scores[0], 0.1) && close(d.scores[1], 0.4) && close(d.scores[3], 0.3));
    assert_eq!(d.topk, vec![1, 3]);
    assert!(close(d.weights[0], 4.0 / 7.0) && close(d.weights[1], 3.0 / 7.0));
    let raw = route(
        &MoeConfig {
            norm_topk: false,
            ..cfg.clone()
        },
        &logits,
        &[],
    );
    assert!(close(raw.weights[0], 0.4) && close(raw.weights[1], 0.3));
    // Ties go to the lower index.
    assert_eq!(route(&cfg, &[1.0; 4], &[]).topk, vec![0, 1]);
}

#[test]
fn explanation_names_the_choice() {
    let s = [0.9, 0.2, 0.6, 0.5, 0.7, 0.1, 0.3, 0.8];
    let logits: Vec<f64> = s.iter().map(|&p| logit_of(p)).collect();
    let b = [-0.5, 0.0, 0.15, 0.0, 0.08, 0.3, 0.2, 0.0];
    let d = route(
        &MoeConfig {
            shared: 1,
            ..ds_cfg()
        },
        &logits,
        &b,
    );
    for lang in [Lang::En, Lang::Zh] {
        let text = d.explain(lang).join("\n");
        assert!(text.contains("E7, E2") && text.contains("G3, G1"), "{text}");
        assert!(text.contains("2.5") && text.contains("1.429"), "{text}");
    }
}

#[test]
fn splitmix_reference_vector() {
    // First outputs of the reference splitmix64.c for seed 1234567.
    let mut g = SplitMix64::new(1234567);
    let want = [
        6457827717110365317u64,
        3203168211198807973,
        9817491932198370423,
    ];
    for w in want {
        assert_eq!(g.next_u64(), w);
    }
    let mut g = SplitMix64::new(7);
    let mean = (0..20000).map(|_| g.normal()).sum::<f64>() / 20000.0;
    assert!(mean.abs() < 0.03, "{mean}");
}

#[test]
fn cv_definition() {
    assert_eq!(load_cv(&[2, 2, 2, 2]), 0.0);
    assert_eq!(load_cv(&[0, 0, 0]), 0.0);
    assert_eq!(load_cv(&[]), 0.0);
    // mean 1, population variance (9 + 1 + 1 + 1) / 4 = 3.
    assert!(close(load_cv(&[4, 0, 0, 0]), 3f64.sqrt()));
}

#[test]
fn capacity_rounding_and_dropping() {
    let c = |cf: f64, tokens: u32, k: u32, experts: u32| {
        MoeConfig {
            capacity_factor: cf,
            tokens,
            k,
            experts,
            ..MoeConfig::default()
        }
        .capacity()
    };
    assert_eq!(c(1.25, 64, 2, 16), Some(10));
    assert_eq!(c(0.29, 100, 1, 1), Some(29)); // 0.29 × 100 = 28.999999999999996 in binary
    assert_eq!(c(0.01, 1, 1, 16), Some(1));
    assert_eq!(c(1.0, 10, 1, 3), Some(3));
    assert_eq!(c(0.0, 64, 2, 16), None);
    let mut kept = Vec::new();
    let mut loads = vec![0; 3];
    // Capacity 2: the third and fourth arrivals at expert 0 are dropped.
    let dropped = apply_capacity(&[0, 1, 0, 2, 0, 1, 0, 2], Some(2), &mut kept, &mut loads);
    assert_eq!(dropped, 2);
    assert_eq!(kept, [true, true, true, true, false, true, false, true]);
    assert_eq!(loads, [2, 2, 2]);
}

#[test]
fn bias_update_follows_the_sign_rule() {
    let mut b = vec![0.0; 4];
    update_bias(&mut b, &[6, 2, 4, 4], 0.1); // mean 4
    assert_eq!(b, [-0.1, 0.1, 0.0, 0.0]);
}

#[test]
fn aux_loss_gradient_matches_finite_differences() {
    let mut rng = SplitMix64::new(9);
    let (tokens, n) = (5, 6);
    let base: Vec<f64> = (0..tokens * n).map(|_| rng.normal() * 2.0).collect();
    let loads = [7u32, 0, 2, 1, 0, 0]; // f = loads / 10
    for scoring in [Scoring::Softmax, Scoring::Sigmoid] {
        // Plain definition: L(o) = α N Σ_i f_i mean_t P_ti, P = softmax or normalised sigmoid.
        let loss = |o: &[f64]| -> f64 {
            let mut total = 0.0;
            for t in 0..tokens {
                let z: Vec<f64> = (0..n).map(|i| base[t * n + i] + o[i]).collect();
                let s: Vec<f64> = match scoring {
                    Scoring::Softmax => z.iter().map(|v| v.exp()).collect(),
                    Scoring::Sigmoid => z.iter().map(|v| 1.0 / (1.0 + (-v).exp())).collect(),
                };
                let sum: f64 = s.iter().sum();
                for i in 0..n {
                    total += loads[i] as f64 / 10.0 * s[i] / sum;
                }
            }
            0.3 * n as f64 * total / tokens as f64
        };
        let o = [0.1, -0.2, 0.0, 0.3, 0.0, -0.1];
        let mut scores = vec![0.0; tokens * n];
        for t in 0..tokens {
            let z: Vec<f64> = (0..n).map(|i| base[t * n + i] + o[i]).collect();
            router::score_into(scoring, &z, &mut scores[t * n..(t + 1) * n]);
        }
        let mut grad = vec![0.0; n];
        let l = aux_loss_and_grad(scoring, &scores, n, &loads, 0.3, &mut grad);
        assert!(close(l, loss(&o)), "{scoring:?}: {l} vs {}", loss(&o));
        // The gradient-free form used every step agrees.
        let mut p_sum = vec![0.0; n];
        for row in scores.chunks(n) {
            let total: f64 = row.iter().sum();
            for i in 0..n {
                p_sum[i] += row[i] / total;
            }
        }
        assert!(close(balance::aux_loss(&p_sum, tokens, &loads, 0.3), l));
        for j in 0..n {
            let h = 1e-6;
            let (mut up, mut dn) = (o, o);
            up[j] += h;
            dn[j] -= h;
            let num = (loss(&up) - loss(&dn)) / (2.0 * h);
            assert!(
                (grad[j] - num).abs() < 1e-7,
                "{scoring:?} j={j}: {} vs {num}",
                grad[j]
            );
        }
    }
    // Perfect balance: L = α.
    let uniform = vec![0.25; 8];
    let mut g = vec![0.0; 4];
    let l = aux_loss_and_grad(Scoring::Softmax, &uniform, 4, &[3, 3, 3, 3], 0.01, &mut g);
    assert!(close(l, 0.01) && g.iter().all(|&x| x.abs() < 1e-15));
}

#[test]
fn route_survives_an_unsanitised_config() {
    let bad = MoeConfig {
        experts: 10,
        k: 99,
        groups: 7,
        topk_groups: 0,
        routed_scaling: f64::NAN,
        ..MoeConfig::default()
    };
    let d = route(&bad, &[f64::INFINITY, 1.0], &[f64::NAN]);
    assert_eq!(d.topk.len(), 10);
    assert!((d.weights.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    let zero = MoeConfig {
        experts: 0,
        k: 0,
        ..MoeConfig::default()
    };
    assert_eq!(route(&zero, &[], &[]).topk, vec![0]);
    let mut sim = Simulation::new(MoeConfig { tokens: 0, ..zero });
    assert!(sim.route_one(0).is_none());
    assert_eq!(sim.step().tokens(), 1);
}
