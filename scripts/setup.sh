#!/usr/bin/env bash
# Installs what the build and tests need, idempotently: each step is skipped when its tool is
# already there at the pinned version. The first run compiles Trunk and wasm-bindgen-cli from
# source (~12 minutes on a 2-core machine); later runs take seconds.
# Usage: source scripts/setup.sh [--browser]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

TRUNK_VERSION=0.21.14   # newer Trunk needs a newer rustc than this machine's
WB_VERSION=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION from crates.io (one-off, ~8 min: it compiles from source)"
  cargo install trunk --locked --version "$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WB_VERSION"; then
  # Must equal the wasm-bindgen in Cargo.lock. Not --locked: its lockfile wants a crate the registry lacks.
  say "installing wasm-bindgen-cli $WB_VERSION (one-off, ~4 min) to match Cargo.lock"
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

# npm packages: binaryen's wasm-opt (Debian's old one breaks the wasm), playwright-core, axe-core.
if [ ! -f node_modules/.setup-stamp ] || [ package-lock.json -nt node_modules/.setup-stamp ]; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules/.setup-stamp
fi
if ! wasm-opt --version 2>/dev/null | grep -q "version 132"; then
  echo "wasm-opt on PATH is not binaryen 132 from npm: $(command -v wasm-opt)" >&2
  exit 1
fi

# The browsers for the end-to-end tests, all from Debian: Chromium (+ chromedriver), Firefox ESR,
# WebKitGTK's MiniBrowser and its WebKitWebDriver, Xvfb for MiniBrowser, and CJK fonts.
BROWSER_PKGS=(chromium chromium-driver firefox-esr libwebkit2gtk-4.1-0 webkit2gtk-driver xvfb xauth fonts-noto-cjk)
if [ "${1:-}" = "--browser" ]; then
  missing=()
  for p in "${BROWSER_PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages for the browser tests: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  # geckodriver (Firefox's WebDriver server) is not in Debian: crates.io has it.
  if ! geckodriver --version >/dev/null 2>&1; then
    say "installing geckodriver from crates.io (one-off, ~4 min)"
    cargo install geckodriver --locked
  fi
fi

# Trunk runs offline: fetch crates first.
cargo fetch --quiet
