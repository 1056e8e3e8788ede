//! Timing of `Mask::pool` at 600×600 (correctness is asserted in the unit tests).
//!
//! `cargo run -p explorables-core --release --example mask_pool_bench`

use explorables_core::mask::{Mask, MaskParams, Preset};
use std::hint::black_box;
use std::time::Instant;

fn main() {
    const REPS: u32 = 20;
    println!("preset             n     build ms  pool 600x600 ms  tiles(128) ms");
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
            let t = Instant::now();
            let m = black_box(Mask::build(&p));
            let build = t.elapsed().as_secs_f64() * 1e3;
            let t = Instant::now();
            for _ in 0..REPS {
                black_box(m.pool(600, 600));
            }
            let pool = t.elapsed().as_secs_f64() * 1e3 / REPS as f64;
            let t = Instant::now();
            for _ in 0..REPS {
                black_box(m.tiles(128));
            }
            let tiles = t.elapsed().as_secs_f64() * 1e3 / REPS as f64;
            println!(
                "{:<16} {n:>5} {build:>10.3} {pool:>16.3} {tiles:>14.3}",
                preset.slug()
            );
        }
    }
}
