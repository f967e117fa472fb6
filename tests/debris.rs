//! Template-site debris: the corpus's adverts, unseen phrasings, and real
//! report sentences that must stay silent.

use draftcheck::{analyze, Category, Finding, Profile, Severity};
use std::fs;

const RULE: &str = "template-debris";

fn corpus(name: &str) -> String {
    fs::read_to_string(format!("tests/fixtures/corpus/{name}")).expect("corpus file")
}

fn fixture_lines(name: &str) -> Vec<String> {
    fs::read_to_string(format!("tests/fixtures/debris/{name}"))
        .expect("fixture file")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

fn debris(text: &str) -> Vec<Finding> {
    let profile = Profile::builtin("generic").expect("generic profile");
    analyze(text, &profile)
        .findings
        .into_iter()
        .filter(|f| f.rule == RULE)
        .collect()
}

fn apply(text: &str, found: &[Finding]) -> String {
    let fixes: Vec<(usize, usize, String)> = found
        .iter()
        .filter_map(|f| f.suggestion.clone().map(|s| (f.byte_start, f.byte_end, s)))
        .collect();
    draftcheck::fix::apply(text, &fixes)
}

#[test]
fn real_report_qq_advert_is_the_only_debris() {
    let text = corpus("002_district_2020_evaluation.txt");
    let found = debris(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    let f = &found[0];
    assert_eq!(
        f.text,
        "来自QQ群藏经阁,QQ微信号:215425891,海量热门优质材料和PPT课件。"
    );
    assert_eq!(f.category, Category::Boilerplate);
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.suggestion.as_deref(), Some(""));
    let fixed = apply(&text, &found);
    assert!(fixed.contains("损害群众知情权、监督权。\n"));
    assert!(!fixed.contains("QQ"));
    assert_eq!(fixed.len(), text.len() - f.text.len());
}

#[test]
fn collection_preface_and_markers() {
    let text = corpus("000_template_collection.txt");
    let found = debris(&text);
    let texts: Vec<&str> = found.iter().map(|f| f.text.trim_end()).collect();
    assert_eq!(texts.len(), 6, "{texts:?}");
    assert_eq!(texts[0], "【精编4篇】");
    assert!(texts[1].starts_with("【参考】此例优秀的办公资料"));
    assert!(texts[1].ends_with("喜欢就复制下载吧!"));
    assert_eq!(
        &texts[2..],
        ["【第一篇】", "【第二篇】", "【第三篇】", "【第四篇】"]
    );
    // The preface is a whole line: deleting it removes the line.
    let fixed = apply(&text, &found);
    let mut lines = fixed.lines();
    assert_eq!(lines.next(), Some("政治生态总体评价范例"));
    assert_eq!(lines.next(), Some("政治生态总体评价"));
    assert!(lines
        .next()
        .is_some_and(|l| l.starts_with("按照省局、市局的要求")));
}

#[test]
fn single_reports_carry_only_their_marker() {
    for (file, marker) in [
        ("000-1_bureau_self_check.txt", "【第一篇】"),
        ("000-2_county_evaluation.txt", "【第二篇】"),
        ("000-3_town_analysis.txt", "【第三篇】"),
        ("000-4_county_commission.txt", "【第四篇】"),
    ] {
        let found = debris(&corpus(file));
        let texts: Vec<&str> = found.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts, [marker], "{file}");
    }
    assert!(debris(&corpus("001_office_report.txt")).is_empty());
}

#[test]
fn unseen_debris_lines_are_removed_whole() {
    let cases = fixture_lines("must_flag.txt");
    assert!(cases.len() >= 15);
    let before = "一、基本情况\n全县共有党员1200名，基层党组织86个。\n";
    let after = "二、存在问题\n理论学习还不够深入。";
    for line in cases {
        let text = format!("{before}{line}\n{after}");
        let found = debris(&text);
        assert_eq!(found.len(), 1, "one finding for: {line}\n{found:?}");
        assert_eq!(found[0].text.trim_end(), line, "the whole line: {line}");
        assert_eq!(
            apply(&text, &found),
            format!("{before}{after}"),
            "clean text after: {line}"
        );
        // Inside a paragraph, after a report sentence, only the advert goes.
        let inline = format!("全县共有党员1200名。{line}");
        let found = debris(&inline);
        assert!(!found.is_empty(), "inline: {line}");
        assert!(apply(&inline, &found).starts_with("全县共有党员1200名。"));
    }
}

#[test]
fn web_page_chrome_is_removed_whole() {
    let text = fs::read_to_string("tests/fixtures/debris/chrome_must_flag.txt").expect("fixture");
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    let blocks: Vec<&str> = body.split("---\n").map(|b| b.trim_end()).collect();
    assert!(blocks.len() >= 5);
    let before = "一、基本情况\n全县共有党员1200名，基层党组织86个。\n";
    let after = "二、存在问题\n理论学习还不够深入。";
    for block in blocks {
        let text = format!("{before}{block}\n{after}");
        let found = debris(&text);
        assert_eq!(found.len(), 1, "one finding for: {block}\n{found:?}");
        assert_eq!(found[0].text.trim_end(), block);
        assert_eq!(apply(&text, &found), format!("{before}{after}"));
    }
    // A line of a report that mentions the same words is not a button.
    assert!(debris("通过网站首页、微信、微博发布信息。\n下载").is_empty());
}

#[test]
fn report_sentences_about_websites_stay_silent() {
    let cases = fixture_lines("must_not_flag.txt");
    assert!(cases.len() >= 25);
    for text in cases {
        let found = debris(&text);
        assert!(
            found.is_empty(),
            "should not flag {:?} in: {text}",
            found.iter().map(|f| &f.text).collect::<Vec<_>>()
        );
    }
}

#[test]
fn messages_say_what_and_what_to_do() {
    let found = debris("正文。来自QQ群藏经阁，微信号：wenmi2021，海量优质材料和PPT课件。");
    let f = &found[0];
    assert!(f.message.contains("删除"));
    assert!(f.message_en.contains("delete"));
}

/// The text of an annotated block (⟦…⟧ removed) and the expected spans, in
/// bytes of that text.
fn annotated(block: &str) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut open = None;
    for c in block.chars() {
        match c {
            '⟦' => open = Some(text.len()),
            '⟧' => spans.push((open.take().expect("⟦ before ⟧"), text.len())),
            _ => text.push(c),
        }
    }
    (text, spans)
}

#[test]
fn document_sharing_site_wrappers_are_flagged_exactly() {
    let all = fs::read_to_string("tests/fixtures/debris/sharing_sites.txt").unwrap();
    let body: String = all
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    for block in body.split("---\n") {
        let (text, want) = annotated(block);
        let profile = Profile::builtin("generic").unwrap();
        let found: Vec<Finding> = analyze(&text, &profile)
            .findings
            .into_iter()
            .filter(|f| f.rule == RULE || f.rule == "page-split-marker")
            .collect();
        // A whole-line finding takes its line break with it; the annotated
        // span is the line's text.
        let got: Vec<(usize, usize)> = found
            .iter()
            .map(|f| {
                let s = &text[f.byte_start..f.byte_end];
                let lead = if f.rule == RULE {
                    s.len() - s.trim_start_matches('\n').len()
                } else {
                    0
                };
                let trail = if f.rule == RULE {
                    s.len() - s.trim_end_matches('\n').len()
                } else {
                    0
                };
                (f.byte_start + lead, f.byte_end - trail)
            })
            .collect();
        let show = |v: &[(usize, usize)]| -> Vec<String> {
            v.iter().map(|&(s, e)| text[s..e].to_string()).collect()
        };
        assert_eq!(show(&got), show(&want), "in:\n{text}");
        // Every rule of the draft is left once the fixes are applied.
        let fixed = apply(&text, &found);
        let mut kept = text.clone();
        for &(s, e) in want.iter().rev() {
            kept.replace_range(s..e, "");
        }
        let norm = |t: &str| {
            t.lines()
                .filter(|l| !l.trim().is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(norm(&fixed), norm(&kept));
    }
}

#[test]
fn report_lines_shaped_like_a_wrapper_stay_silent() {
    let profile = Profile::builtin("generic").unwrap();
    for line in fixture_lines("sharing_sites_must_not_flag.txt") {
        let found: Vec<String> = analyze(&line, &profile)
            .findings
            .into_iter()
            .filter(|f| f.rule == RULE || f.rule == "page-split-marker")
            .map(|f| f.text)
            .collect();
        assert!(found.is_empty(), "{found:?} in: {line}");
    }
}

/// A line to delete is reported once, by the rule that deletes it: what
/// other rules find inside it (the 某某 of a sharing site's notice, the
/// stray blank of a footer) goes with the line. A rule that sums its marks
/// up (半角标点 N 处) keeps them, so that its count stays true.
#[test]
fn findings_inside_a_line_to_delete_are_not_repeated() {
    let profile = Profile::builtin("generic").expect("generic profile");
    let text = "关于2025年工作情况的报告\n（本文档由某某文库用户上传，仅供学习交流使用）\n一、基本情况\n全年共有党员　　人，某某同志负责。\n";
    let report = analyze(text, &profile);
    let got: Vec<(&str, &str)> = report
        .findings
        .iter()
        .map(|f| (f.rule.as_str(), f.text.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "template-debris",
                "（本文档由某某文库用户上传，仅供学习交流使用）\n"
            ),
            ("placeholder", "　　"),
            ("placeholder", "某某"),
        ]
    );
}
