#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already
# there, so a second run costs seconds. Safe to run again at any time.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if ! command -v wasm-pack >/dev/null; then
  step "installing wasm-pack (about 2 minutes, once)"
  cargo install wasm-pack --locked
fi

# wasm-pack's no-install mode needs wasm-bindgen-cli at exactly the version
# in Cargo.lock; a different version refuses to read the module.
if [ ! -f Cargo.lock ]; then cargo generate-lockfile; fi
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$want" != "$have" ]; then
  step "installing wasm-bindgen-cli $want (about 3 minutes, once)"
  cargo install wasm-bindgen-cli --version "$want" --force
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  step "installing Chromium and ChromeDriver from Debian"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq chromium chromium-driver
fi

# npm ci only when package-lock.json changed since the last install.
if [ ! -f node_modules/.installed ] || [ package-lock.json -nt node_modules/.installed ]; then
  step "installing npm dev dependencies"
  npm ci --no-audit --no-fund
  touch node_modules/.installed
fi
