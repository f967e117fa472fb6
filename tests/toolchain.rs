//! The pinned tool versions must agree everywhere, or Trunk would try to
//! download a matching wasm-bindgen (and fail offline).

use std::fs;

fn read(path: &str) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn after<'a>(text: &'a str, key: &str) -> &'a str {
    let at = text.find(key).unwrap_or_else(|| panic!("{key} not found"));
    let rest = &text[at + key.len()..];
    let start = rest
        .find(|c: char| c.is_ascii_digit())
        .expect("a version follows");
    let rest = &rest[start..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    &rest[..end]
}

#[test]
fn wasm_bindgen_versions_agree() {
    let cargo = read("Cargo.toml");
    let lock = read("Cargo.lock");
    let trunk = read("Trunk.toml");
    let make = read("Makefile");
    let pinned = after(&cargo, "wasm-bindgen = \"=");
    assert_eq!(
        after(&lock, "name = \"wasm-bindgen\"\nversion = \""),
        pinned,
        "Cargo.lock"
    );
    assert_eq!(after(&trunk, "wasm_bindgen = \""), pinned, "Trunk.toml");
    assert_eq!(after(&make, "WASM_BINDGEN_VERSION := "), pinned, "Makefile");
}

#[test]
fn wasm_opt_versions_agree() {
    let trunk = read("Trunk.toml");
    let make = read("Makefile");
    let npm = read("tests/browser/package.json");
    let v = after(&make, "BINARYEN_VERSION := ");
    assert_eq!(after(&trunk, "wasm_opt = \"version_"), v);
    assert_eq!(after(&npm, "\"binaryen\": \"").split('.').next(), Some(v));
}
