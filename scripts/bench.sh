#!/usr/bin/env bash
# The benchmark (not a test gate): builds release, serves dist/, drives headless Chromium and
# prints a table of first-load bytes, time to first render, wasm memory and each widget's
# input-to-next-frame latency (median and p95), next to a plain static HTML page measured in
# the same run; then the native Rust costs (mask pooling, MoE step).
set -euo pipefail
source "$(dirname "$0")/setup.sh" --browser
trunk build --release --dist dist
node scripts/size.mjs dist --report
node tests/bench/bench.mjs "${RUNS:-25}"
echo
echo "== native Rust costs (release)"
cargo run --quiet --release -p explorables-core --example mask_pool_bench
cargo run --quiet --release -p explorables-core --example moe_step_bench
cargo run --quiet --release -p explorables-core --example norm_bench
