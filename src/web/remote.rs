//! What the page and its analysis worker say to each other (worker.rs
//! carries it). The page asks for an analysis of a text, numbered; the
//! worker answers with the report under the same number, and the page
//! keeps only the answer to its latest question (state.rs).
//!
//! Pure, and compiled on every target: the round trip is tested natively.
//! The text travels beside the JSON, as a string of its own, so that a
//! 1.5 MB paste is not escaped into JSON and parsed back; the findings
//! come back as bytes (wire.rs), the rest of the report as JSON.

use crate::{Config, Hints, Profile, ProfileChoice, Report};
use serde::{Deserialize, Serialize};

/// One question: everything the analysis takes but the text and the
/// lexicon (the worker holds that, sent once: `worker.rs`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub generation: u64,
    /// The chosen profile as its JSON (a profile file's format); none for
    /// automatic choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    pub config: Config,
    pub hints: Hints,
    /// Answer in two stages (a long text that arrived whole): first
    /// without the slowest rules' warnings, then the whole report.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub staged: bool,
}

#[derive(Debug, Serialize, Deserialize)]
struct Answer {
    generation: u64,
    /// The first stage's report: every error, the wording rules'
    /// warnings still to come (`rules::SECOND_STAGE`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    partial: bool,
    report: Report,
    /// The report's own field is left out of its JSON when it is 0 or 1
    /// (the CLI contract): carried here so that it comes back as it was.
    reports: usize,
}

impl Request {
    pub fn new(generation: u64, choice: &ProfileChoice, config: &Config, hints: &Hints) -> Request {
        Request {
            generation,
            profile: match choice {
                ProfileChoice::Auto => None,
                ProfileChoice::Given(p) => serde_json::to_string(p).ok(),
            },
            config: Config {
                words: Default::default(),
                ..config.clone()
            },
            hints: hints.clone(),
            staged: false,
        }
    }

    /// The same question, answered in two stages.
    pub fn staged(self, staged: bool) -> Request {
        Request { staged, ..self }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The worker's side: analyses `text` as the request says, with the
/// worker's lexicon, and gives the answer: the report without its findings
/// as JSON, and the findings encoded (wire.rs). A staged request's first
/// stage is given to `early` as soon as it is made. A request it cannot
/// read (which the page never sends) is answered with `None`.
pub fn answer(
    text: &str,
    request: &str,
    words: &crate::text::words::Words,
    memo: &crate::memo::Memo,
    early: impl FnOnce(String, Vec<u8>),
) -> Option<(String, Vec<u8>)> {
    let request: Request = serde_json::from_str(request).ok()?;
    let choice = match &request.profile {
        None => ProfileChoice::Auto,
        Some(json) => ProfileChoice::Given(Profile::from_json(json).ok()?),
    };
    let config = Config {
        words: words.clone(),
        ..request.config
    };
    let generation = request.generation;
    let hints = &request.hints;
    let analysis = if request.staged {
        crate::analysis_staged(text, &choice, &config, hints, Some(memo), |first| {
            if let Some((json, findings)) = encode(generation, true, first.report()) {
                early(json, findings);
            }
        })
    } else {
        crate::analysis_memo(text, &choice, &config, hints, Some(memo))
    };
    encode(generation, false, analysis.into_report())
}

fn encode(generation: u64, partial: bool, mut report: Report) -> Option<(String, Vec<u8>)> {
    let findings = super::wire::encode(&std::mem::take(&mut report.findings));
    let json = serde_json::to_string(&Answer {
        generation,
        partial,
        reports: report.reports,
        report,
    })
    .ok()?;
    Some((json, findings))
}

/// The page's side: the answer's number, its report, and whether it is a
/// first stage (the whole report follows).
pub fn read_answer(json: &str, findings: &[u8]) -> Option<(u64, Report, bool)> {
    let mut a: Answer = serde_json::from_str(json).ok()?;
    a.report.reports = a.reports;
    a.report.findings = super::wire::decode(findings)?;
    Some((a.generation, a.report, a.partial))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze_with;

    const DRAFT: &str = "XX县2025年度工作总结\n一、主要工作\n全年共举办培训班12期，培训干部1,200人次，其中科级干部1500人次。\n二、存在问题\n部分单位落实不到位,整改进度滞后。\n";

    #[test]
    fn the_answer_is_the_report_the_page_would_have_made() {
        let profile = Profile::builtin("work-summary").expect("a built-in profile");
        let config = Config {
            disabled_rules: vec!["half-width-punctuation".into()],
            ..Config::default()
        };
        let hints = Hints {
            heading_levels: vec![(1, 1), (3, 1)],
        };
        for choice in [ProfileChoice::Auto, ProfileChoice::Given(profile)] {
            let request = Request::new(7, &choice, &config, &hints).to_json();
            let (json, findings) = answer(
                DRAFT,
                &request,
                &Default::default(),
                &Default::default(),
                |_, _| panic!("a question not staged is answered once"),
            )
            .expect("an answer");
            let (generation, report, partial) =
                read_answer(&json, &findings).expect("a readable answer");
            assert_eq!((generation, partial), (7, false));
            assert_eq!(report, analyze_with(DRAFT, &choice, &config, &hints));
            assert!(!report.findings.is_empty());
        }
    }

    #[test]
    fn a_staged_answer_comes_first_without_the_wording_rules_then_whole() {
        let config = Config::default();
        let words = crate::text::words::Words(Some(crate::text::words::Lexicon::embedded()));
        let draft = format!("{DRAFT}各单位要认真按排部署，坚持全面从严制党。\n");
        let request = Request::new(9, &ProfileChoice::Auto, &config, &Hints::default())
            .staged(true)
            .to_json();
        let mut early = Vec::new();
        let (json, findings) = answer(&draft, &request, &words, &Default::default(), |j, f| {
            early.push(read_answer(&j, &f).expect("a readable first stage"))
        })
        .expect("an answer");
        let whole = analyze_with(
            &draft,
            &ProfileChoice::Auto,
            &Config { words, ..config },
            &Hints::default(),
        );
        assert_eq!(
            read_answer(&json, &findings),
            Some((9, whole.clone(), false))
        );
        let [(generation, first, partial)] = &early[..] else {
            panic!("one first stage, not {}", early.len());
        };
        assert_eq!((*generation, *partial), (9, true));
        let rules = |r: &Report| {
            r.findings
                .iter()
                .map(|f| f.rule.clone())
                .collect::<Vec<_>>()
        };
        assert!(rules(&whole).contains(&"typo".to_string()));
        assert!(rules(&whole).contains(&"standard-formulation".to_string()));
        let kept: Vec<_> = whole
            .findings
            .iter()
            .filter(|f| !crate::rules::SECOND_STAGE.contains(&f.rule.as_str()))
            .cloned()
            .collect();
        assert_eq!(first.findings, kept);
        assert_eq!(first.summary.error, whole.summary.error);
    }

    #[test]
    fn an_unreadable_request_or_answer_is_none() {
        assert_eq!(
            answer(
                DRAFT,
                "{",
                &Default::default(),
                &Default::default(),
                |_, _| {}
            ),
            None
        );
        assert_eq!(
            read_answer("{\"generation\":1}", &[0, 0]).map(|a| a.0),
            None
        );
        let request = Request::new(
            1,
            &ProfileChoice::Auto,
            &Config::default(),
            &Hints::default(),
        );
        let (json, findings) = answer(
            DRAFT,
            &request.to_json(),
            &Default::default(),
            &Default::default(),
            |_, _| {},
        )
        .unwrap();
        assert!(read_answer(&json, &findings).is_some());
        assert_eq!(read_answer(&json, &findings[1..]).map(|a| a.0), None);
    }
}
