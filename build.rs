//! Collects each rule's doc comment (`//!` lines at the top of
//! `src/rules/<rule>.rs`) into a table, so the explanation a user sees in the
//! app and the CLI is the rule's own documentation.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

fn main() {
    // `web_page`: the web page's build (wasm32, not the engine). The page
    // draws the UI and makes the first results with a few rules; the
    // engine (src/engine.rs) makes the whole report.
    println!("cargo::rustc-check-cfg=cfg(web_page)");
    let wasm = env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if wasm && env::var_os("CARGO_FEATURE_ENGINE").is_none() {
        println!("cargo::rustc-cfg=web_page");
    }
    let dir = Path::new("src/rules");
    println!("cargo:rerun-if-changed=src/rules");
    let mut entries: Vec<(String, String, String)> = Vec::new();
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("src/rules exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();
    for path in files {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        if stem == "mod" || stem.starts_with("support") {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let source = fs::read_to_string(&path).expect("rule source is UTF-8");
        let mut zh = String::new();
        let mut en = String::new();
        let mut in_en = false;
        for line in source.lines() {
            let Some(doc) = line.strip_prefix("//!") else {
                break;
            };
            let doc = doc.strip_prefix(' ').unwrap_or(doc);
            if doc.trim() == "# English" {
                in_en = true;
                continue;
            }
            let target = if in_en { &mut en } else { &mut zh };
            target.push_str(doc);
            target.push('\n');
        }
        entries.push((
            stem.replace('_', "-"),
            zh.trim().to_string(),
            en.trim().to_string(),
        ));
    }
    let mut out = String::from("/// (rule id, Chinese explanation, English explanation)\npub const RULE_DOCS: &[(&str, &str, &str)] = &[\n");
    for (id, zh, en) in entries {
        let _ = writeln!(out, "    ({id:?}, {zh:?}, {en:?}),");
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR set by cargo")).join("rule_docs.rs");
    fs::write(dest, out).expect("write rule_docs.rs");
}
