//! The typo harness (`make bench` runs it with `--nocapture`): plants one
//! confusion-set substitution into sentences of the real reports (fixed
//! seed) and measures how many the typo and ocr-damage rules find
//! (recall) and how many of their findings in those sentences are the
//! planted ones (precision); and counts the clean sentences of every clean
//! text in tests/fixtures that the two rules flag at all.
//!
//! A planted typo is how one arises: a word of the lexicon (2–4 Han
//! characters, frequent) typed with one character replaced by one of the
//! same syllable (an input-method slip) or by an OCR look-alike, so that
//! it is no longer a word.
//!
//! The assertions are floors well below the figures printed, so that a
//! change that breaks the rules fails here, not one that moves them a
//! little.

use draftcheck::text::words::{Lexicon, OCR, SOUND, SYLLABLE};
use draftcheck::{analyze_with, Config, Finding, Hints, Profile, ProfileChoice};
use std::sync::Arc;

const RULES: &[&str] = &["typo", "ocr-damage"];

/// Clean texts: the real reports, a clean official text, the structure
/// fixtures (real-looking reports) and the must-not-flag fixtures.
const CLEAN: &[&str] = &[
    "tests/fixtures/corpus/000-1_bureau_self_check.txt",
    "tests/fixtures/corpus/000-2_county_evaluation.txt",
    "tests/fixtures/corpus/000-3_town_analysis.txt",
    "tests/fixtures/corpus/000-4_county_commission.txt",
    "tests/fixtures/corpus/000_template_collection.txt",
    "tests/fixtures/corpus/001_office_report.txt",
    "tests/fixtures/corpus/002_district_2020_evaluation.txt",
    "tests/fixtures/wording/typo_must_not_flag.txt",
    "tests/fixtures/wording/ocr_must_not_flag.txt",
    "tests/fixtures/debris/must_not_flag.txt",
    "tests/fixtures/debris/sharing_sites_must_not_flag.txt",
    "tests/fixtures/formulations/clean_official.txt",
    "tests/fixtures/structure/quiet_chapters.txt",
    "tests/fixtures/structure/quiet_labels.txt",
    "tests/fixtures/structure/quiet_notice.txt",
    "tests/fixtures/structure/quiet_work_summary.txt",
    "tests/fixtures/structure/self_check.txt",
    "tests/fixtures/structure/self_check_pdf.txt",
    "tests/fixtures/placeholders/must_not_flag.txt",
];

fn config(lex: &Arc<Lexicon>) -> Config {
    Config {
        words: draftcheck::text::words::Words(Some(Arc::clone(lex))),
        ..Config::default()
    }
}

fn findings(text: &str, config: &Config) -> Vec<Finding> {
    let profile = Profile::builtin("generic").expect("generic");
    analyze_with(
        text,
        &ProfileChoice::Given(profile),
        config,
        &Hints::default(),
    )
    .findings
    .into_iter()
    .filter(|f| RULES.contains(&f.rule.as_str()))
    .collect()
}

/// Sentences of at least 8 Han characters (byte spans).
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '。' | '！' | '？' | '；' | '\n') {
            let s = &text[start..i];
            if s.chars()
                .filter(|&c| draftcheck::text::class::is_han(c))
                .count()
                >= 8
            {
                out.push((start, i));
            }
            start = i + c.len_utf8();
        }
    }
    out
}

struct Rng(u64);
impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

fn clean_sentences() -> Vec<String> {
    let mut all = Vec::new();
    for path in CLEAN {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        for (s, e) in sentences(&text) {
            all.push(text[s..e].to_string());
        }
    }
    all
}

#[test]
fn clean_text_is_rarely_flagged() {
    let lex = Lexicon::embedded();
    let config = config(&lex);
    let (mut total, mut flagged) = (0usize, 0usize);
    for path in CLEAN {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let found = findings(&text, &config);
        for (s, e) in sentences(&text) {
            total += 1;
            let hits: Vec<&Finding> = found
                .iter()
                .filter(|f| f.byte_start >= s && f.byte_end <= e)
                .collect();
            if !hits.is_empty() {
                flagged += 1;
                println!(
                    "  flagged in {path}: {:?} in {}",
                    hits.iter().map(|f| &f.message).collect::<Vec<_>>(),
                    &text[s..e]
                );
            }
        }
    }
    let rate = flagged as f64 * 100.0 / total as f64;
    println!("clean text: {flagged} of {total} sentences flagged ({rate:.2} per 100)");
    assert!(total > 500, "{total} sentences");
    assert!(rate <= 1.0, "{flagged} of {total} clean sentences flagged");
}

#[test]
fn planted_typos_are_found() {
    let lex = Lexicon::embedded();
    let config = config(&lex);
    let mut rng = Rng(17);
    let sentences = clean_sentences();
    let (mut planted, mut found_right, mut reported, mut correct) = (0usize, 0, 0, 0);
    let mut tries = 0;
    // (planted, found) for: same sound and tone, same syllable in another
    // tone, OCR look-alike.
    let mut by_kind = [(0usize, 0usize); 3];
    while planted < 600 && tries < 20_000 {
        tries += 1;
        let sentence = &sentences[rng.next(sentences.len())];
        let chars: Vec<(usize, char)> = sentence.char_indices().collect();
        // A word of the lexicon at a random place.
        let at = rng.next(chars.len());
        let len = 2 + rng.next(3);
        let Some(word) = chars.get(at..at + len) else {
            continue;
        };
        let Some(ids) = word
            .iter()
            .map(|&(_, c)| lex.id(c))
            .collect::<Option<Vec<u16>>>()
        else {
            continue;
        };
        if lex.word_class(&ids).is_none_or(|c| c < 90) {
            continue;
        }
        let k = rng.next(len);
        let alikes: Vec<(u16, u8)> = lex
            .confusables(ids[k])
            .iter()
            .copied()
            .filter(|&(_, kind)| kind & (SOUND | SYLLABLE | OCR) != 0)
            .collect();
        if alikes.is_empty() {
            continue;
        }
        let (wrong, kind) = alikes[rng.next(alikes.len())];
        let class = if kind & OCR != 0 {
            2
        } else if kind & SOUND != 0 {
            0
        } else {
            1
        };
        let mut typo = ids.clone();
        typo[k] = wrong;
        if lex.word_class(&typo).is_some() {
            continue; // still a word: no typo to find
        }
        let before = findings(sentence, &config);
        let pos = word[k].0;
        let original = word[k].1;
        let wrong_char = lex.char(wrong);
        let mut text = sentence.clone();
        text.replace_range(pos..pos + original.len_utf8(), &wrong_char.to_string());
        let after = findings(&text, &config);
        planted += 1;
        by_kind[class].0 += 1;
        let new: Vec<&Finding> = after
            .iter()
            .filter(|f| !before.iter().any(|b| b.message == f.message))
            .collect();
        reported += new.len();
        let hit = new
            .iter()
            .filter(|f| {
                f.byte_start == pos && f.suggestion.as_deref() == Some(&original.to_string())
            })
            .count();
        if hit > 0 {
            by_kind[class].1 += 1;
            found_right += 1;
            correct += hit;
        }
    }
    let recall = found_right as f64 * 100.0 / planted as f64;
    let precision = correct as f64 * 100.0 / reported.max(1) as f64;
    println!(
        "planted typos: {planted}, found with the right fix {found_right} (recall {recall:.1} %), \
         {reported} new findings of which {correct} right (precision {precision:.1} %)"
    );
    for ((n, f), name) in by_kind.iter().zip([
        "same sound and tone",
        "same syllable, other tone",
        "OCR look-alike",
    ]) {
        println!(
            "  {name}: {f} of {n} ({:.1} %)",
            *f as f64 * 100.0 / (*n).max(1) as f64
        );
    }
    assert!(planted >= 300);
    assert!(recall >= 30.0, "recall {recall:.1} %");
    assert!(precision >= 80.0, "precision {precision:.1} %");
}

#[test]
fn the_command_line_reads_a_dictionary_file() {
    use std::process::Command;
    let dir = std::env::temp_dir().join(format!("draftcheck-dict-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let draft = dir.join("draft.txt");
    std::fs::write(
        &draft,
        "各单位要认真按排部署，做好张三丰村的帮扶，落实工作责壬。\n",
    )
    .expect("write");
    let dict = dir.join("dict.txt");
    std::fs::write(&dict, "# 本单位\n按排\n责壬 -> 责任\n").expect("write");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_draftcheck"))
            .args(args)
            .output()
            .expect("draftcheck runs")
    };
    let json = |out: &std::process::Output| -> Vec<(String, String, Option<String>)> {
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        v["files"][0]["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter(|f| f["rule"] == "typo")
            .map(|f| {
                (
                    f["rule"].as_str().unwrap_or("").to_string(),
                    f["text"].as_str().unwrap_or("").to_string(),
                    f["suggestion"].as_str().map(str::to_string),
                )
            })
            .collect()
    };
    let draft_path = draft.to_str().expect("utf-8 path");
    let without = json(&run(&["check", "--format", "json", draft_path]));
    assert_eq!(
        without,
        vec![("typo".into(), "按".into(), Some("安".into()))]
    );
    let dict_path = dict.to_str().expect("utf-8 path");
    let with = json(&run(&[
        "check", "--format", "json", "--dict", dict_path, draft_path,
    ]));
    assert_eq!(
        with,
        vec![("typo".into(), "责壬".into(), Some("责任".into()))]
    );
    // A bad line: the error names the file and the line.
    std::fs::write(&dict, "好词\n按排 ->\n").expect("write");
    let out = run(&["check", "--dict", dict_path, draft_path]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("dict.txt") && err.contains("第 2 行"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
