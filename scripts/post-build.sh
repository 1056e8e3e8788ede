#!/usr/bin/env bash
# Trunk post-build hook (Trunk runs the hooks of one stage in parallel, so the steps that
# depend on each other run here, in order):
#   0. (release) the site's JS glue minified, its integrity hash updated;
#   1. build-content: answers → content/<lang>/<slug>.html and the search indexes;
#   2. prerender: every route as a real HTML file (the same Leptos components rendered
#      natively, feature `ssr`), 404.html, sitemap.xml, robots.txt;
#   3. build-widgets: the widget modules and the static embed pages.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-${TRUNK_STAGING_DIR:?run from trunk or pass the output folder}}"
cargo run --quiet -p explorables-content --bin build-content -- "$out"
# Release: the site's JS glue minified first (the pre-render copies index.html's integrity hash).
if [ "${TRUNK_PROFILE:-debug}" = release ]; then node scripts/minify.mjs site "$out"; fi
cargo run --quiet -p llm-explorables --no-default-features --features ssr --bin prerender -- "$out"
bash scripts/build-widgets.sh "$out"
