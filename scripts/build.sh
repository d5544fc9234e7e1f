#!/usr/bin/env bash
# Builds pkg/: the wasm (wasm-pack, optimised by npm's binaryen) and
# pkg/embed.js, the one classic script with the wasm inlined.
set -euo pipefail
cd "$(dirname "$0")/.."
# npm's wasm-opt first: Debian's binaryen emits modules browsers reject.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

wasm-pack build --target web --release --mode no-install --no-pack
node tools/embed/build-embed.mjs
