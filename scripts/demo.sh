#!/usr/bin/env bash
# Quick start, first command: install what is missing, build, and serve the
# demo article on http://127.0.0.1 until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
exec node tools/serve.mjs --port "${PORT:-8080}"
