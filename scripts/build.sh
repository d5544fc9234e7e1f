#!/usr/bin/env bash
# Builds pkg/: the wasm (wasm-pack, optimised by npm's binaryen),
# pkg/embed.js, the one classic script with the wasm inlined, and
# pkg/spector_reader.wasm, which it fetches for a `src` bundle only.
set -euo pipefail
cd "$(dirname "$0")/.."
# npm's wasm-opt first: Debian's binaryen emits modules browsers reject.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

wasm-pack build --target web --release --mode no-install --no-pack
# After wasm-pack, which writes pkg/: the bundle reader, a second module.
node tools/embed/build-reader.mjs
node tools/embed/build-embed.mjs
