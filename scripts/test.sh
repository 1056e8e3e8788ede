#!/usr/bin/env bash
# Runs every test: formatting and lints, native unit/property tests, a release build (at / and
# under a sub-path), the size budget, end-to-end tests in headless Chromium, and the cross-engine
# suite in Chromium, Firefox and WebKit (ENGINES=firefox bash scripts/test.sh runs one engine there).
set -euo pipefail
source "$(dirname "$0")/setup.sh" --browser

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --quiet -- -D warnings
cargo clippy --target wasm32-unknown-unknown --quiet -p llm-explorables -p explorables-widgets --lib --examples -- -D warnings
cargo clippy --quiet -p llm-explorables --no-default-features --features ssr --lib --bins -- -D warnings

step "native tests (cargo test --workspace, and the pre-render's own tests with feature ssr)"
{ cargo test --workspace --quiet 2>&1; cargo test --quiet -p llm-explorables --no-default-features --features ssr --lib 2>&1; } |
  tee target/cargo-test.log | grep -E '^(test result|running|failures|---- )|FAILED|panicked' || true
grep -q 'FAILED\|error\[' target/cargo-test.log && { cat target/cargo-test.log | tail -60; exit 1; }

step "release build"
trunk build --release --dist dist
step "release build under a sub-path"
trunk build --release --public-url /sub/path/ --dist target/dist-sub

step "size budget"
node scripts/size.mjs dist

step "end-to-end tests (headless Chromium, the full suite)"
node --test --test-concurrency=1 tests/e2e/

step "cross-engine tests (Chromium, Firefox ESR, WebKitGTK)"
node --test --test-concurrency=1 tests/cross/
