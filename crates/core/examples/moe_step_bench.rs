//! Times one MoE simulation step: `cargo run -p explorables-core --release --example moe_step_bench`.

use explorables_core::moe::{Balance, MoeConfig, Scoring, Simulation};
use std::time::Instant;

fn bench(name: &str, cfg: MoeConfig, steps: u32) {
    let filter = std::env::args().nth(2).unwrap_or_default();
    if !name.contains(&filter) {
        return;
    }
    let mut sim = Simulation::new(cfg);
    sim.run(20); // warm up
    let start = Instant::now();
    let mut checksum = 0u64;
    for _ in 0..steps {
        checksum = checksum.wrapping_add(sim.step().dropped as u64 + sim.result().max_load as u64);
    }
    let us = start.elapsed().as_secs_f64() * 1e6 / steps as f64;
    println!("{name:<44} {us:>8.1} µs/step  (checksum {checksum})");
}

fn main() {
    // Optional arguments: steps per configuration (default 2000), a filter on the names.
    let steps: u32 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000)
        .max(4);
    let base = MoeConfig {
        experts: 256,
        k: 8,
        shared: 1,
        scoring: Scoring::Sigmoid,
        routed_scaling: 2.5,
        groups: 8,
        topk_groups: 4,
        tokens: 64,
        skew: 0.8,
        balance: Balance::Bias,
        ..MoeConfig::default()
    };
    bench(
        "256 experts, k=8, 8/4 groups, sigmoid, bias",
        base.clone(),
        steps,
    );
    bench(
        "256 experts, k=8, sigmoid, aux, capacity 1.25",
        MoeConfig {
            groups: 1,
            topk_groups: 1,
            balance: Balance::Aux,
            capacity_factor: 1.25,
            ..base.clone()
        },
        steps,
    );
    bench(
        "256 experts, k=16, softmax, aux",
        MoeConfig {
            k: 16,
            groups: 1,
            topk_groups: 1,
            scoring: Scoring::Softmax,
            balance: Balance::Aux,
            ..base.clone()
        },
        steps,
    );
    bench(
        "384 experts, k=8, sigmoid, bias (Kimi K2)",
        MoeConfig {
            experts: 384,
            groups: 1,
            topk_groups: 1,
            ..base.clone()
        },
        steps,
    );
    bench(
        "256 experts, k=8, 256 tokens/step",
        MoeConfig {
            tokens: 256,
            ..base
        },
        steps / 4,
    );
}
