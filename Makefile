# DraftCheck (稿检). `make run` and `make test` install whatever is missing
# (skipping tools already present at the right version), then build.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

# Pinned tool versions. A native test checks they agree with Cargo.toml,
# Cargo.lock and Trunk.toml.
TRUNK_VERSION := 0.21
WASM_BINDGEN_VERSION := 0.2.130
BINARYEN_VERSION := 132

NODE_DIR := tests/browser
export PATH := $(CURDIR)/$(NODE_DIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PORT ?= 8080

.PHONY: run test dist setup dev-null tools-rust tools-node tools-browser tools-office test-native test-browser bench fuzz clean

run: dist
	@node www/tools/serve.mjs dist $(PORT)

test: setup tools-office test-native dist test-browser

# The web build uses WebAssembly SIMD (Chromium 91+, which the page's CSP
# 'wasm-unsafe-eval' already requires at 97+): memchr's scans run 16 bytes
# a step. The page is built for size (opt-level "z", Cargo.toml): it draws
# the UI and makes the first results with a few rules; the analysis engine
# (src/engine.rs, built for speed by www/tools/engine.sh, a Trunk hook)
# makes every report after them. Only the wasm32 target sees these flags.
WASM_RUSTFLAGS := -C target-feature=+simd128
# www/index.html adds wasm-opt's --converge (repeat -Oz while it shrinks)
# and --low-memory-unused (added constants fold into load/store offsets;
# it assumes the first 1 KB of memory unused: the linker puts the 1 MB
# stack first, growing down from 1048576, so only a stack 1047 KB deep
# would reach it, one step from overflowing anyway): -4.0 KB gzipped.

dist: dev-null tools-rust tools-node
	cargo fetch --locked
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$(WASM_RUSTFLAGS)" trunk build --release
	# No intranet profiles yet: an empty list, so the page's probe for them
	# is answered instead of logging a 404. An office replaces the file.
	mkdir -p dist/profiles && echo '[]' > dist/profiles/index.json
	node www/tools/single-file.mjs dist

# DRAFTCHECK_OFFICE=required: the LibreOffice checks of the .docx that
# annotate and fix write (tests/docx_write.rs) may not skip.
test-native: dev-null tools-office
	DRAFTCHECK_OFFICE=required cargo test --locked
	# The web build's regex engine (regex-lite) must give the same results.
	DRAFTCHECK_OFFICE=required cargo test --locked --features lite-regex
	cargo build --release --locked

test-browser: tools-node tools-browser
	cd $(NODE_DIR) && node --test --test-concurrency=1

setup: dev-null tools-rust tools-node tools-browser

# A tool run as root that writes "-o /dev/null" by renaming a temp file over it
# leaves /dev/null a regular file. Build-script probes then write their errors
# into it, and cargo feeds that text to rustc as source ("failed to run rustc
# to learn about target-specific information"). Seen on a CI image: repair it.
dev-null:
	@[ -c /dev/null ] || { \
	  echo "make: /dev/null is not the null device; recreating it" >&2; \
	  $(SUDO) rm -f /dev/null && $(SUDO) mknod -m 666 /dev/null c 1 3; }

tools-rust:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@trunk --version 2>/dev/null | grep -q '^trunk $(subst .,\.,$(TRUNK_VERSION))\.' \
	  || cargo install trunk --version '~$(TRUNK_VERSION)' --locked
	@wasm-bindgen --version 2>/dev/null | grep -q ' $(subst .,\.,$(WASM_BINDGEN_VERSION))$$' \
	  || cargo install wasm-bindgen-cli --version '$(WASM_BINDGEN_VERSION)' --force

tools-node:
	@( wasm-opt --version 2>/dev/null | grep -q 'version $(BINARYEN_VERSION)' \
	   && [ -f $(NODE_DIR)/node_modules/playwright-core/package.json ] ) \
	  || (cd $(NODE_DIR) && npm ci --no-audit --no-fund)

tools-browser:
	@command -v chromium >/dev/null \
	  || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }

# LibreOffice opens every .docx that `annotate` and `fix` write (tests/docx_office.rs):
# a second, independent reader of the output. The no-GUI build is enough
# for --convert-to.
tools-office:
	@command -v soffice >/dev/null \
	  || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui poppler-utils; }

bench: dist
	cargo build --release --locked
	cargo bench --locked --bench analyze
	node www/tools/bench.mjs
	cargo bench --locked --bench growth
	cargo bench --locked --bench batch
	cargo bench --locked --bench docx_growth
	# standard-formulation's recall per kind, precision and the clean-text
	# flagged-sentence rate (tests/formulations.rs prints them).
	cargo test --release --locked --test formulations -- --nocapture --test-threads 1
	# typo and ocr-damage: recall and precision on planted typos, and the
	# clean-text flagged-sentence rate (tests/typos.rs prints them).
	cargo test --release --locked --test typos -- --nocapture --test-threads 1

clean:
	rm -rf dist target $(NODE_DIR)/node_modules
