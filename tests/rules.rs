//! Every rule's cases, annotated inline: `tests/fixtures/rules/<rule-id>.txt`.
//!
//! A fixture is a list of blocks separated by a line `---`. Each block is
//! a piece of report text in which every finding of the file's rule is
//! marked `⟦…⟧`; a block without marks must stay silent. The test analyses
//! each block on its own and compares the rule's findings with the marks,
//! exactly: the same spans, in the same order, no more, no fewer.
//!
//! - `⟦…⟧⟨fix⟩`: the finding's suggestion is "fix" (`⟨⟩`: an empty one,
//!   i.e. delete). A mark without `⟨…⟩` does not check the suggestion.
//! - A line `» message` in a block: the message (Chinese) of the block's
//!   findings in order, the first `»` line for the first finding and so
//!   on. The line is not part of the text.
//! - A line `# …` is a comment and not part of the text. `# profile: ID`
//!   analyses the block with that built-in report type (default `generic`).
//! - A whole-line finding takes the line's break with it; its mark is the
//!   line's text.
//! - Findings that stand for many (`aggregate`, e.g. "半角标点 212 处") are
//!   not marked: their members are.
//!
//! Brackets are used, not carets under the text, because they line up
//! under full-width characters too.

use draftcheck::rules::RULES;
use draftcheck::text::words::{Lexicon, Words};
use draftcheck::{analyze_with, Config, Finding, Hints, Profile, ProfileChoice};
use std::fs;
use std::path::Path;

const DIR: &str = "tests/fixtures/rules";

/// The lexicon rules keep their cases in two files each,
/// `tests/fixtures/wording/<stem>_must_flag.txt` and `…_must_not_flag.txt`.
const WORDING_DIR: &str = "tests/fixtures/wording";
const WORDING: &[(&str, &str)] = &[("typo", "typo"), ("ocr-damage", "ocr")];

struct Mark {
    start: usize,
    end: usize,
    fix: Option<String>,
}

struct Case {
    /// Line of the block's first line in the fixture file (1-based).
    line: usize,
    profile: String,
    text: String,
    marks: Vec<Mark>,
    messages: Vec<String>,
}

fn parse(file: &str, src: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut flush = |lines: &mut Vec<(usize, &str)>| {
        if lines
            .iter()
            .all(|(_, l)| l.starts_with('#') || l.trim().is_empty())
        {
            lines.clear();
            return;
        }
        let mut case = Case {
            line: lines[0].0,
            profile: "generic".to_string(),
            text: String::new(),
            marks: Vec::new(),
            messages: Vec::new(),
        };
        for &(n, l) in lines.iter() {
            if let Some(c) = l.strip_prefix('#') {
                if let Some(p) = c.trim().strip_prefix("profile:") {
                    case.profile = p.trim().to_string();
                }
                continue;
            }
            if let Some(m) = l.strip_prefix('»') {
                case.messages.push(m.trim().to_string());
                continue;
            }
            let mut chars = l.chars().peekable();
            let mut open: Option<usize> = None;
            while let Some(c) = chars.next() {
                match c {
                    '⟦' => {
                        assert!(open.is_none(), "{file}:{n}: ⟦ inside ⟦…⟧");
                        open = Some(case.text.len());
                    }
                    '⟧' => {
                        let start = open
                            .take()
                            .unwrap_or_else(|| panic!("{file}:{n}: ⟧ without ⟦"));
                        let end = case.text.len();
                        let fix = if chars.peek() == Some(&'⟨') {
                            chars.next();
                            let mut fix = String::new();
                            loop {
                                match chars.next() {
                                    Some('⟩') => break,
                                    Some(c) => fix.push(c),
                                    None => panic!("{file}:{n}: ⟨ without ⟩"),
                                }
                            }
                            Some(fix)
                        } else {
                            None
                        };
                        case.marks.push(Mark { start, end, fix });
                    }
                    _ => case.text.push(c),
                }
            }
            assert!(
                open.is_none(),
                "{file}:{n}: ⟦ without ⟧ (marks stay on one line)"
            );
            case.text.push('\n');
        }
        cases.push(case);
        lines.clear();
    };
    for (i, l) in src.lines().enumerate() {
        if l == "---" {
            flush(&mut lines);
        } else {
            lines.push((i + 1, l));
        }
    }
    flush(&mut lines);
    cases
}

/// A finding's span without the line breaks a whole-line finding takes.
fn trimmed(text: &str, f: &Finding) -> (usize, usize) {
    let s = &text[f.byte_start..f.byte_end];
    let lead = s.len() - s.trim_start_matches('\n').len();
    let trail = s.len() - s.trim_end_matches('\n').len();
    if lead + trail >= s.len() {
        return (f.byte_start, f.byte_end);
    }
    (f.byte_start + lead, f.byte_end - trail)
}

fn check_file(rule: &str, path: &Path) -> (usize, usize, Vec<String>) {
    let file = path.display().to_string();
    let src = fs::read_to_string(path).unwrap_or_else(|e| panic!("{file}: {e}"));
    let cases = parse(&file, &src);
    let mut failures = Vec::new();
    let (mut flagged, mut silent) = (0, 0);
    for case in &cases {
        let profile = Profile::builtin(&case.profile)
            .unwrap_or_else(|| panic!("{file}:{}: no profile {}", case.line, case.profile));
        let config = Config {
            words: Words(Some(Lexicon::embedded())),
            ..Config::default()
        };
        let found: Vec<Finding> = analyze_with(
            &case.text,
            &ProfileChoice::Given(profile),
            &config,
            &Hints::default(),
        )
        .findings
        .into_iter()
        .filter(|f| f.rule == rule && f.aggregate.is_none())
        .collect();
        if case.marks.is_empty() {
            silent += 1;
        } else {
            flagged += 1;
        }
        let show = |s: usize, e: usize| format!("{}..{} 「{}」", s, e, &case.text[s..e]);
        let got: Vec<String> = found
            .iter()
            .map(|f| {
                let (s, e) = trimmed(&case.text, f);
                show(s, e)
            })
            .collect();
        let want: Vec<String> = case.marks.iter().map(|m| show(m.start, m.end)).collect();
        if got != want {
            failures.push(format!(
                "{file}:{}: spans differ\n  want: {want:?}\n  got:  {got:?}\n  messages: {:?}",
                case.line,
                found.iter().map(|f| &f.message).collect::<Vec<_>>()
            ));
            continue;
        }
        for (m, f) in case.marks.iter().zip(&found) {
            if let Some(fix) = &m.fix {
                if f.suggestion.as_deref() != Some(fix.as_str()) {
                    failures.push(format!(
                        "{file}:{}: {}: suggestion {:?}, want {:?}",
                        case.line,
                        show(m.start, m.end),
                        f.suggestion,
                        fix
                    ));
                }
            }
        }
        for (k, want) in case.messages.iter().enumerate() {
            match found.get(k) {
                Some(f) if &f.message == want => {}
                Some(f) => failures.push(format!(
                    "{file}:{}: message {}: {:?}, want {:?}",
                    case.line,
                    k + 1,
                    f.message,
                    want
                )),
                None => failures.push(format!(
                    "{file}:{}: message {} given, but only {} findings",
                    case.line,
                    k + 1,
                    found.len()
                )),
            }
        }
    }
    (flagged, silent, failures)
}

#[test]
fn every_rule_flags_exactly_its_marked_spans() {
    let mut failures = Vec::new();
    for rule in RULES {
        let path = Path::new(DIR).join(format!("{}.txt", rule.id));
        if let Some(stem) = WORDING
            .iter()
            .find(|(id, _)| *id == rule.id)
            .map(|(_, s)| s)
        {
            // Two files: every block of the first flagged, none of the second.
            let must = Path::new(WORDING_DIR).join(format!("{stem}_must_flag.txt"));
            let must_not = Path::new(WORDING_DIR).join(format!("{stem}_must_not_flag.txt"));
            let (flagged, silent, f) = check_file(rule.id, &must);
            failures.extend(f);
            if flagged == 0 || silent != 0 {
                failures.push(format!(
                    "{}: {flagged} marked and {silent} unmarked blocks; every block needs a mark",
                    must.display()
                ));
            }
            let (flagged, silent, f) = check_file(rule.id, &must_not);
            failures.extend(f);
            if flagged != 0 || silent == 0 {
                failures.push(format!(
                    "{}: {flagged} marked blocks; none may have a mark",
                    must_not.display()
                ));
            }
            continue;
        }
        if !path.exists() {
            failures.push(format!(
                "{}: no fixture (must-flag and must-not-flag cases)",
                path.display()
            ));
            continue;
        }
        let (flagged, silent, f) = check_file(rule.id, &path);
        if flagged == 0 || silent == 0 {
            failures.push(format!(
                "{}: {flagged} must-flag and {silent} must-not-flag blocks; both kinds are needed",
                path.display()
            ));
        }
        failures.extend(f);
    }
    // No fixture for a rule that does not exist (a renamed rule).
    for entry in fs::read_dir(DIR).expect("fixture folder") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if let Some(id) = name.strip_suffix(".txt") {
            if !RULES.iter().any(|r| r.id == id) {
                failures.push(format!("{DIR}/{name}: no rule {id}"));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn the_annotation_format_reads_marks_fixes_and_messages() {
    let cases = parse(
        "t",
        "# a comment\n---\n# profile: self-inspection\n共⟦XX⟧人，⟦,⟧⟨，⟩\n» 第一条\n---\n没有问题。\n",
    );
    assert_eq!(cases.len(), 2);
    let c = &cases[0];
    assert_eq!(c.profile, "self-inspection");
    assert_eq!(c.text, "共XX人，,\n");
    assert_eq!(
        (c.marks[0].start, c.marks[0].end, c.marks[0].fix.as_deref()),
        (3, 5, None)
    );
    assert_eq!(&c.text[c.marks[1].start..c.marks[1].end], ",");
    assert_eq!(c.marks[1].fix.as_deref(), Some("，"));
    assert_eq!(c.messages, ["第一条"]);
    assert_eq!((cases[1].marks.len(), cases[1].line), (0, 7));
}
