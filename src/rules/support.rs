//! Test support: run one rule over a text and look at what it found.

use crate::finding::Finding;
use crate::profile::Profile;

/// Findings of `rule` on `text`, with the given profile (auto if None).
pub fn findings_of(rule: &str, text: &str) -> Vec<Finding> {
    let profile = Profile::builtin("generic").expect("generic profile");
    let config = crate::Config {
        words: crate::text::words::Words(Some(crate::text::words::Lexicon::embedded())),
        ..crate::Config::default()
    };
    crate::analyze_with(
        text,
        &crate::ProfileChoice::Given(profile),
        &config,
        &crate::Hints::default(),
    )
    .findings
    .into_iter()
    .filter(|f| f.rule == rule)
    .collect()
}

/// The flagged texts of `rule` on `text`.
pub fn flagged(rule: &str, text: &str) -> Vec<String> {
    findings_of(rule, text)
        .into_iter()
        .map(|f| f.text)
        .collect()
}

/// Asserts that `rule` flags each case at least once.
pub fn assert_flags(rule: &str, cases: &[&str]) {
    for case in cases {
        assert!(
            !findings_of(rule, case).is_empty(),
            "{rule} should flag: {case}"
        );
    }
}

/// Asserts that `rule` is silent on each case.
pub fn assert_silent(rule: &str, cases: &[&str]) {
    for case in cases {
        let got = flagged(rule, case);
        assert!(got.is_empty(), "{rule} should not flag {got:?} in: {case}");
    }
}

/// Applies every suggestion of `rule` to `text` and returns the result.
pub fn apply_fixes(rule: &str, text: &str) -> String {
    let fixes: Vec<(usize, usize, String)> = findings_of(rule, text)
        .into_iter()
        .filter_map(|f| f.suggestion.map(|s| (f.byte_start, f.byte_end, s)))
        .collect();
    crate::fix::apply(text, &fixes)
}
