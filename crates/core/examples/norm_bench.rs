//! Times one norm-placement simulation (the work behind each change in the norm widget):
//! `cargo run -p explorables-core --release --example norm_bench`.

use explorables_core::norm::{run, NormParams, Scheme, Stack};
use std::hint::black_box;
use std::time::Instant;

fn main() {
    const REPS: u32 = 10;
    println!("scheme     layers  qknorm   ms/run  reused weights");
    for scheme in Scheme::ALL {
        for layers in [24u32, 96] {
            for qknorm in [false, true] {
                let p = NormParams {
                    scheme,
                    qknorm,
                    layers,
                    ..Default::default()
                };
                let t = Instant::now();
                for _ in 0..REPS {
                    black_box(run(black_box(&p)));
                }
                let ms = t.elapsed().as_secs_f64() * 1e3 / REPS as f64;
                // What a gain change costs in the widget: the weights are reused.
                let mut stack = Stack::new(p.seed, layers);
                let t = Instant::now();
                for _ in 0..REPS {
                    black_box(stack.run(black_box(&p)));
                }
                let reuse = t.elapsed().as_secs_f64() * 1e3 / REPS as f64;
                println!(
                    "{:<10} {layers:>6}  {qknorm:>6} {ms:>8.2} {reuse:>14.2}",
                    scheme.code()
                );
            }
        }
    }
}
