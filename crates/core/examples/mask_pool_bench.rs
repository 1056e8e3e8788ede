//! Native timing of the work the mask lab does per change: building the mask, the summary
//! counts, pooling into a 600×600 buffer and the 128×128 tile view (correctness is asserted in
//! the unit tests).
//!
//! `cargo run -p explorables-core --release --example mask_pool_bench`

use explorables_core::lang::Lang;
use explorables_core::mask::{Mask, MaskParams, Preset};
use std::hint::black_box;
use std::time::Instant;

fn ms(reps: u32, mut f: impl FnMut()) -> f64 {
    let t = Instant::now();
    for _ in 0..reps {
        f();
    }
    t.elapsed().as_secs_f64() * 1e3 / reps as f64
}

fn main() {
    const REPS: u32 = 20;
    println!("preset             n   build ms  counts ms  summary ms  pool 600² ms  tiles(128) ms");
    for preset in [
        Preset::Causal,
        Preset::SlidingWindow,
        Preset::PackedDocuments,
        Preset::Custom,
    ] {
        for n in [512u32, 4096, 8192] {
            let p = MaskParams {
                preset,
                n,
                window: Some(n / 8),
                ..Default::default()
            };
            let build = ms(REPS, || {
                black_box(Mask::build(&p));
            });
            let m = Mask::build(&p);
            let counts = ms(REPS, || {
                black_box((m.visible_pairs(), m.density(), m.kv_keep_for_next_token()));
                black_box(m.receptive_field(32));
            });
            let summary = ms(REPS, || {
                black_box(m.summary(Lang::En));
            });
            let pool = ms(REPS, || {
                black_box(m.pool(600, 600));
            });
            let tiles = ms(REPS, || {
                black_box(m.tiles(128));
            });
            println!(
                "{:<16} {n:>5} {build:>10.3} {counts:>10.3} {summary:>11.3} {pool:>13.3} {tiles:>14.3}",
                preset.slug()
            );
        }
    }
}
