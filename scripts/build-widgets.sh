#!/usr/bin/env bash
# Trunk post-build hook: builds every widget module (crates/widgets/examples/*.rs) into
# <staging>/widgets/<name>.js + <name>_bg.wasm, and writes a light static embed page per widget
# at <staging>/embed/<name>/index.html (the widget module only, without the site shell).
# Study mode's module (examples/study.rs) is built the same way but has no lab page, so no embed page.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-${TRUNK_STAGING_DIR:?run from trunk or pass the output folder}}"
profile="${TRUNK_PROFILE:-debug}"
public_url="${TRUNK_PUBLIC_URL:-/}"
target_dir="${CARGO_TARGET_DIR:-target}"
flags=()
[ "$profile" = release ] && flags=(--release)

cargo build --quiet "${flags[@]}" --target wasm32-unknown-unknown -p explorables-widgets --examples
mkdir -p "$out/widgets"
# The site's stylesheet (Trunk's hashed bundle; the pre-rendered pages inline it, the embed pages
# link it so it is cached across embeds). `crossorigin`: a frame sandboxed without same-origin
# (WordPress's oEmbed iframes) has an opaque origin, where a stylesheet loads only as a CORS request.
css_links=""
for css in "$out"/*.css; do
  if [ -f "$css" ]; then
    css_links+="<link rel=\"stylesheet\" crossorigin href=\"${public_url}$(basename "$css")\">"
  fi
done
[ -n "$css_links" ] || { echo "build-widgets: no stylesheet in $out" >&2; exit 1; }

for src in crates/widgets/examples/*.rs; do
  file=$(basename "$src" .rs)            # attention_mask
  name=${file//_/-}                      # attention-mask
  wasm="$target_dir/wasm32-unknown-unknown/$profile/examples/$file.wasm"
  [ -f "$wasm" ] || wasm="$target_dir/wasm32-unknown-unknown/$profile/examples/$name.wasm"
  wasm-bindgen --target web --no-typescript --out-dir "$out/widgets" --out-name "$name" "$wasm"
  if [ "$profile" = release ]; then
    wasm-opt -Oz "$out/widgets/${name}_bg.wasm" -o "$out/widgets/${name}_bg.wasm.opt"
    mv "$out/widgets/${name}_bg.wasm.opt" "$out/widgets/${name}_bg.wasm"
    node scripts/minify.mjs js "$out/widgets/$name.js"
  fi
  # A module without a lab page (study mode) is not a widget: no embed page.
  [ -f "$out/lab/$name/index.html" ] || continue
  mkdir -p "$out/embed/$name"
  # The oEmbed discovery links the pre-render wrote into the widget's lab pages (zh, then en).
  oembed=$(cat "$out/lab/$name/index.html" "$out/en/lab/$name/index.html" 2>/dev/null |
    grep -o '<link rel="alternate" type="application/json+oembed"[^>]*>' || true)
  sed -e "s|__NAME__|$name|g" -e "s|__BASE__|$public_url|g" scripts/embed-template.html |
    awk -v css="$css_links" -v oembed="$oembed" \
      '{ if ($0 ~ /__CSS__/) print css; else if ($0 ~ /__OEMBED__/) print oembed; else print }' > "$out/embed/$name/index.html"
done
echo "build-widgets: $(ls "$out/widgets" | grep -c '\.js$') modules ($profile)"
