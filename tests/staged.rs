//! A staged analysis (`analysis_staged`: a long text arriving whole) gives
//! its errors before its slowest rules have run, and in the end the same
//! report as one pass. Over every real document, with planted typos and
//! bent formulations: the first stage holds every finding but the second
//! stage's rules', in the same order, so every error; the whole is the
//! one-pass report.

use draftcheck::memo::Memo;
use draftcheck::rules::SECOND_STAGE;
use draftcheck::text::words::{Lexicon, Words};
use draftcheck::{analysis_memo, analysis_staged, Config, Hints, ProfileChoice, Severity};

mod common;
use common::DOCUMENTS;

/// Planted after the first line: a typo, an OCR slip and a bent
/// formulation, so that the second stage has findings to add.
const PLANTED: &str = "各单位要认真按排部署，进一步加强千部队伍建设，坚持全面从严制党。\n";

#[test]
fn the_first_stage_has_every_error_and_the_whole_is_one_pass() {
    let config = Config {
        words: Words(Some(Lexicon::embedded())),
        ..Config::default()
    };
    let mut second_found = 0;
    for path in DOCUMENTS {
        let original = std::fs::read_to_string(path).expect(path);
        let cut = original.find('\n').map_or(0, |i| i + 1);
        let text = format!("{}{PLANTED}{}", &original[..cut], &original[cut..]);
        let hints = Hints::default();
        let one_pass = analysis_memo(&text, &ProfileChoice::Auto, &config, &hints, None).report();
        let mut first = None;
        let memo = Memo::new();
        let whole = analysis_staged(
            &text,
            &ProfileChoice::Auto,
            &config,
            &hints,
            Some(&memo),
            |a| first = Some(a.report()),
        )
        .report();
        assert_eq!(whole, one_pass, "{path}: the staged analysis's report");
        let first = first.expect("the first stage is given");
        let without: Vec<_> = one_pass
            .findings
            .iter()
            .filter(|f| !SECOND_STAGE.contains(&f.rule.as_str()))
            .cloned()
            .collect();
        assert_eq!(
            first.findings, without,
            "{path}: the first stage's findings"
        );
        assert_eq!(
            first.summary.error, one_pass.summary.error,
            "{path}: errors"
        );
        assert_eq!(
            (first.sections, first.outline, first.profile),
            (
                one_pass.sections.clone(),
                one_pass.outline.clone(),
                one_pass.profile.clone()
            ),
            "{path}: the rest of the report"
        );
        let added: Vec<_> = one_pass
            .findings
            .iter()
            .filter(|f| SECOND_STAGE.contains(&f.rule.as_str()))
            .collect();
        assert!(
            added.iter().all(|f| f.severity != Severity::Error),
            "{path}"
        );
        assert!(
            added
                .iter()
                .any(|f| f.rule == "typo" && f.message.contains("“按排”应为“安排”")),
            "{path}: the planted typo is the second stage's"
        );
        second_found += added.len();
    }
    assert!(second_found >= 3 * DOCUMENTS.len());
}
