//! Placeholders and template instructions: corpus counts, fixtures with
//! unseen phrasings, look-alikes, and pathological input.

use draftcheck::{analyze, analyze_auto, Category, Finding, Profile, Severity};
use std::fs;

fn corpus(name: &str) -> String {
    fs::read_to_string(format!("tests/fixtures/corpus/{name}")).expect("corpus file")
}

fn fixture_lines(name: &str) -> Vec<String> {
    fs::read_to_string(format!("tests/fixtures/placeholders/{name}"))
        .expect("fixture file")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

fn findings(text: &str, rule: &str) -> Vec<Finding> {
    let profile = Profile::builtin("generic").expect("generic profile");
    analyze(text, &profile)
        .findings
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

/// The independent count: every maximal run of Latin X/x that touches no
/// other ASCII letter, plus every "20d-年" (a year with its last digit left
/// as a dash). This is what `grep -oP '(?<![A-Za-z])[Xx]+(?![A-Za-z])' | wc -l`
/// plus `grep -o '20[0-9]-年' | wc -l` print for each file; the corpus has
/// no other kind of blank (no ×, 某某, ○○, brackets or asterisks) and no X
/// inside a word. A run that is part of a year such as 201X年 is one blank
/// either way.
fn naive_blank_count(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let is_x = |c: char| c == 'X' || c == 'x';
    let mut runs = 0;
    let mut i = 0;
    while i < chars.len() {
        if !is_x(chars[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && is_x(chars[j]) {
            j += 1;
        }
        let before = i.checked_sub(1).map(|k| chars[k]);
        let after = chars.get(j).copied();
        if !before.is_some_and(|c| c.is_ascii_alphabetic())
            && !after.is_some_and(|c| c.is_ascii_alphabetic())
        {
            runs += 1;
        }
        i = j;
    }
    let dash_years = chars
        .windows(5)
        .filter(|w| {
            w[0] == '2' && w[1] == '0' && w[2].is_ascii_digit() && w[3] == '-' && w[4] == '年'
        })
        .count();
    runs + dash_years
}

#[test]
fn corpus_placeholder_counts_are_exact() {
    // Counted independently (see naive_blank_count) and by hand-checking the
    // grep output: 000-1 has xx局/x次/x月x日/xxx/xxxxx (25); 000-2 has X,
    // 201X年, 202-年 ×8, X% (65); 000-3 has XX镇, XX党建, XX保护区 and one
    // 202-年 (7); 000-4 has XX县, XX个/XX人 breakdowns, XX%, 202-年 ×2 (57);
    // 001 has 第X组, the lone "X" body, “XXX” ×3, X市 ×2 (7); the collection
    // is the four reports together (154); 002 is a real, filled report (0).
    let expected = [
        ("000-1_bureau_self_check.txt", 25),
        ("000-2_county_evaluation.txt", 65),
        ("000-3_town_analysis.txt", 7),
        ("000-4_county_commission.txt", 57),
        ("001_office_report.txt", 7),
        ("000_template_collection.txt", 154),
        ("002_district_2020_evaluation.txt", 0),
    ];
    for (file, count) in expected {
        let text = corpus(file);
        let found = findings(&text, "placeholder");
        assert_eq!(found.len(), count, "{file}: placeholder findings");
        assert_eq!(naive_blank_count(&text), count, "{file}: independent count");
        for f in &found {
            assert_eq!(f.category, Category::Placeholder);
            assert_eq!(f.severity, Severity::Error);
            let ctx = f.context.as_deref().unwrap_or("");
            assert!(
                ctx.contains(f.text.trim()),
                "{file}: context {ctx:?} of {:?}",
                f.text
            );
        }
    }
}

#[test]
fn corpus_blanks_are_found_where_they_are() {
    // Every X run and every 20d-年 of the corpus lies inside a finding.
    for file in [
        "000-1_bureau_self_check.txt",
        "000-2_county_evaluation.txt",
        "000-3_town_analysis.txt",
        "000-4_county_commission.txt",
        "001_office_report.txt",
    ] {
        let text = corpus(file);
        let found = findings(&text, "placeholder");
        let covered = |b: usize| found.iter().any(|f| f.byte_start <= b && b < f.byte_end);
        for (b, c) in text.char_indices() {
            if c == 'X' || c == 'x' || (c == '-' && text[b..].starts_with("-年")) {
                assert!(covered(b), "{file}: blank at byte {b} not flagged");
            }
        }
    }
}

#[test]
fn corpus_specific_forms() {
    let t3 = corpus("000-3_town_analysis.txt");
    let texts: Vec<String> = findings(&t3, "placeholder")
        .into_iter()
        .map(|f| f.text)
        .collect();
    assert_eq!(texts.iter().filter(|t| *t == "XX").count(), 6);
    assert_eq!(texts.iter().filter(|t| *t == "202-年").count(), 1);

    let t2 = corpus("000-2_county_evaluation.txt");
    let f2 = findings(&t2, "placeholder");
    assert!(f2.iter().any(|f| f.text == "201X年"));
    assert_eq!(f2.iter().filter(|f| f.text == "202-年").count(), 8);
    // X“南拓”: an X beside a Chinese quote.
    assert!(f2
        .iter()
        .any(|f| f.text == "X" && f.context.as_deref().is_some_and(|c| c.contains("X“南拓”"))));

    let t1 = corpus("001_office_report.txt");
    let f1 = findings(&t1, "placeholder");
    // 一、基本情况 whose body is just "X".
    assert!(f1.iter().any(|f| f.text == "X" && f.line == 6));
    assert_eq!(f1.iter().filter(|f| f.text == "XXX").count(), 3);
}

#[test]
fn real_report_has_no_placeholder_or_instruction() {
    let text = corpus("002_district_2020_evaluation.txt");
    let report = analyze_auto(&text);
    let bad: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.category == Category::Placeholder)
        .collect();
    assert!(bad.is_empty(), "{bad:?}");
}

#[test]
fn unseen_placeholders_are_flagged_exactly() {
    let cases = fixture_lines("must_flag.txt");
    assert!(cases.len() >= 40);
    for line in cases {
        let (text, expected) = line.split_once('\t').expect("sentence<TAB>expected");
        let want: Vec<&str> = expected.split(" | ").collect();
        let got: Vec<String> = findings(text, "placeholder")
            .into_iter()
            .map(|f| f.text)
            .collect();
        assert_eq!(got, want, "in: {text}");
    }
}

#[test]
fn look_alikes_and_real_sentences_stay_silent() {
    let cases = fixture_lines("must_not_flag.txt");
    assert!(cases.len() >= 40);
    for text in cases {
        let profile = Profile::builtin("generic").expect("generic profile");
        let got: Vec<(String, String)> = analyze(&text, &profile)
            .findings
            .into_iter()
            .filter(|f| f.category == Category::Placeholder)
            .map(|f| (f.rule, f.text))
            .collect();
        assert!(got.is_empty(), "should not flag {got:?} in: {text}");
    }
}

#[test]
fn template_instructions_are_warnings() {
    let cases = fixture_lines("instructions_must_flag.txt");
    for line in cases {
        let (text, expected) = line.split_once('\t').expect("text<TAB>expected");
        let want: Vec<&str> = expected.split(" | ").collect();
        let found = findings(text, "template-instruction");
        let got: Vec<&str> = found.iter().map(|f| f.text.trim()).collect();
        assert_eq!(got, want, "in: {text}");
        assert!(found.iter().all(|f| f.severity == Severity::Warning));
        assert!(
            findings(text, "placeholder").is_empty(),
            "double report in: {text}"
        );
    }
}

#[test]
fn messages_are_bilingual_and_say_what_to_do() {
    let found = findings("全县共有基层纪检组织XX个。", "placeholder");
    let f = &found[0];
    assert!(f.message.contains("XX") && f.message.contains("填入"));
    assert!(f.message_en.contains("XX") && f.message_en.contains("fill in"));
    assert_eq!(f.context.as_deref(), Some("全县共有基层纪检组织XX个"));
}

/// A megabyte of pathological repeats must be analysed in linear time. No
/// timing assertion: a quadratic path would make this test run for hours.
#[test]
fn pathological_input_completes() {
    const MB: usize = 1 << 20;
    // Each unit exercises one scan: long runs, many short runs, unclosed
    // and closed brackets, asterisks, years, English, debris lines that
    // contain a placeholder (overlapping findings), noise and markers.
    let units = [
        "XX",
        "X X ",
        "【",
        "【X】",
        "[(<{",
        "*",
        "*年",
        "**",
        "某某",
        "×× ",
        "？",
        "20XX年",
        "XX下载吧！\n",
        "% F3 i7 c/ ",
        "【第一篇】",
        "请填写",
        "（仅供参考）",
        "QQ：123456，海量资料",
        "下载\n",
    ];
    for unit in units {
        let text = unit.repeat(MB / unit.len() + 1);
        let report = analyze_auto(&text);
        assert!(report.chars > 0, "{unit:?}");
    }
    // Everything at once, on one line.
    let mixed = units.concat().replace('\n', " ");
    let text = mixed.repeat(MB / mixed.len() + 1);
    assert!(analyze_auto(&text).chars > 0);
}

/// Random strings over the characters these rules look at: no panic, and
/// every finding is a valid span whose fix can be applied.
#[test]
fn random_input_never_panics() {
    let pool: Vec<char> = "Xx×○〇□_＿某*＊?？[]【】［］()（）<>＜＞{}｛｝〔〕/|，。！\n\r 　20年月日号一二九QQ微信：:下载吧您版权侵权👉aZ9%.-+…"
        .chars()
        .collect();
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let profile = Profile::builtin("generic").expect("generic profile");
    for _ in 0..3000 {
        let len = (next() % 60) as usize;
        let text: String = (0..len)
            .map(|_| pool[(next() % pool.len() as u64) as usize])
            .collect();
        let report = analyze(&text, &profile);
        for f in &report.findings {
            assert!(
                text.get(f.byte_start..f.byte_end).is_some(),
                "{text:?}: {f:?}"
            );
            assert_eq!(f.text, text[f.byte_start..f.byte_end]);
        }
        let fixes: Vec<(usize, usize, String)> = report
            .findings
            .iter()
            .filter_map(|f| f.suggestion.clone().map(|s| (f.byte_start, f.byte_end, s)))
            .collect();
        let _ = draftcheck::fix::apply(&text, &fixes);
    }
}
