//! Every finding on every corpus document, as a snapshot: a change to any
//! rule shows here as the lines that moved (file:line:column, severity,
//! rule, the flagged text). The snapshots live in tests/snapshots/; after a
//! deliberate change, review the diff and accept it with
//! `INSTA_UPDATE=always cargo test --test corpus` (or `cargo insta review`).

use draftcheck::text::words::{Lexicon, Words};
use draftcheck::{analyze_with, Config, Hints, ProfileChoice, Report};
use std::fmt::Write;

fn listing(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "profile: {}\nsummary: {} errors, {} warnings, {} notes\nsections: {}",
        r.profile,
        r.summary.error,
        r.summary.warning,
        r.summary.info,
        r.sections
            .iter()
            .map(|s| format!(
                "{}{}{}",
                s.id,
                if s.required { "" } else { "?" },
                if s.found { "✓" } else { "✗" }
            ))
            .collect::<Vec<_>>()
            .join(" ")
    );
    for f in &r.findings {
        let agg = f.aggregate.map(|n| format!(" [×{n}]")).unwrap_or_default();
        let _ = writeln!(
            out,
            "{}:{}\t{}\t{}{agg}\t{}",
            f.line,
            f.column,
            f.severity.id(),
            f.rule,
            f.text.replace('\n', "⏎")
        );
    }
    out
}

fn check(name: &str) {
    let path = format!(
        "{}/tests/fixtures/corpus/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    // With the lexicon, as the command line analyses.
    let config = Config {
        words: Words(Some(Lexicon::embedded())),
        ..Config::default()
    };
    let report = analyze_with(&text, &ProfileChoice::Auto, &config, &Hints::default());
    insta::assert_snapshot!(name, listing(&report));
}

#[test]
fn bureau_self_check() {
    check("000-1_bureau_self_check.txt");
}

#[test]
fn county_evaluation() {
    check("000-2_county_evaluation.txt");
}

#[test]
fn town_analysis() {
    check("000-3_town_analysis.txt");
}

#[test]
fn county_commission() {
    check("000-4_county_commission.txt");
}

#[test]
fn template_collection() {
    check("000_template_collection.txt");
}

#[test]
fn office_report() {
    check("001_office_report.txt");
}

#[test]
fn district_2020_evaluation() {
    check("002_district_2020_evaluation.txt");
}
