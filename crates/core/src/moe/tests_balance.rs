//! Balancing experiments: each scheme must lower the load CV of a skewed stream.

use super::*;

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len() as f64
}

/// Mean CV of the first and last 20 of 200 steps.
fn cv_first_last(cfg: MoeConfig) -> (f64, f64) {
    let mut sim = Simulation::new(cfg);
    sim.run(200);
    let h = sim.cv_history();
    (mean(&h[..20]), mean(&h[180..]))
}

#[test]
fn balancing_reduces_cv_on_a_skewed_stream() {
    let skewed = MoeConfig {
        skew: 1.0,
        ..MoeConfig::default()
    };
    for seed in 1..=5 {
        let cases = [
            (
                "bias, sigmoid",
                MoeConfig {
                    seed,
                    scoring: Scoring::Sigmoid,
                    balance: Balance::Bias,
                    ..skewed.clone()
                },
            ),
            (
                "bias, softmax",
                MoeConfig {
                    seed,
                    balance: Balance::Bias,
                    skew: 0.6,
                    ..skewed.clone()
                },
            ),
            (
                "aux, softmax",
                MoeConfig {
                    seed,
                    balance: Balance::Aux,
                    ..skewed.clone()
                },
            ),
            (
                "aux, sigmoid",
                MoeConfig {
                    seed,
                    scoring: Scoring::Sigmoid,
                    balance: Balance::Aux,
                    skew: 0.6,
                    ..skewed.clone()
                },
            ),
            (
                "bias, 256 experts 8/4 groups",
                MoeConfig {
                    seed,
                    experts: 256,
                    k: 8,
                    groups: 8,
                    topk_groups: 4,
                    scoring: Scoring::Sigmoid,
                    balance: Balance::Bias,
                    ..skewed.clone()
                },
            ),
        ];
        for (name, cfg) in cases {
            let (first, last) = cv_first_last(cfg);
            assert!(
                last < 0.6 * first,
                "{name}, seed {seed}: CV {first:.3} → {last:.3}"
            );
        }
        // Control: without balancing the collapse stays.
        let (first, last) = cv_first_last(MoeConfig {
            seed,
            ..skewed.clone()
        });
        assert!(
            first > 1.5 && last > 0.8 * first,
            "none, seed {seed}: CV {first:.3} → {last:.3}"
        );
    }
}
