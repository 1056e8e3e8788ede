#!/usr/bin/env bash
# Serves the app with live reload on http://127.0.0.1:8080 (installs what is missing first).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
exec trunk serve --address 127.0.0.1 --port "${PORT:-8080}"
