#!/bin/sh
# Builds the analysis engine (src/engine.rs) and puts it beside the page as
# engine.wasm. Trunk runs it after the page's build (Trunk.toml's hook),
# with the staging directory in TRUNK_STAGING_DIR; by hand, give the
# directory as the first argument.
set -eu
out="${1:-${TRUNK_STAGING_DIR:?no staging directory}}"
cd "$(dirname "$0")/../.."
# The page's flags raise the inline threshold for a size-optimised build;
# the engine is built for speed (profile.engine) and keeps LLVM's own.
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=+simd128" \
  cargo build --locked --offline --quiet --target wasm32-unknown-unknown \
  --profile engine --features engine,lite-regex --bin draftcheck-engine
wasm="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/engine/draftcheck-engine.wasm"
wasm-opt -O2 --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --strip-debug --strip-producers \
  "$wasm" -o "$out/engine.wasm"
