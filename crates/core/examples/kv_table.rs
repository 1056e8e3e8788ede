//! Prints every preset with its computed parameter counts (next to the reported ones) and its
//! KV cache per token and at 32K tokens: `cargo run -p explorables-core --example kv_table`.

use explorables_core::kv::{format_bytes, format_params, kv_cache, KvRequest};
use explorables_core::models::{all, param_counts};

fn main() {
    println!(
        "{:<44} {:>16} {:>9} {:>16} {:>9} {:>12} {:>12}",
        "model", "total", "vs rep.", "active", "vs rep.", "KV/token", "KV @ 32K"
    );
    for m in all() {
        let c = param_counts(m);
        let rel = |computed: u64, reported: Option<f64>| match reported {
            Some(r) => format!("{:+.2}%", (computed as f64 / r - 1.0) * 100.0),
            None => "-".to_string(),
        };
        let r = kv_cache(&KvRequest::new(m, 32_768));
        println!(
            "{:<44} {:>16} {:>9} {:>16} {:>9} {:>12} {:>12}",
            m.id,
            format!("{} ({})", c.total, format_params(c.total)),
            rel(c.total, m.params_total_reported),
            format!("{} ({})", c.active, format_params(c.active)),
            rel(
                c.active,
                m.params_active_reported.or(m.params_total_reported)
            ),
            r.bytes_per_token,
            format_bytes(r.total_bytes),
        );
    }
}
