//! Structure: outline, profiles, missing and empty sections, heading
//! numbering, on the corpus and on PDF-style line-broken copies of it.

use draftcheck::document::MarkerKind;
use draftcheck::profile::Need;
use draftcheck::{analyze, analyze_auto, sections, Category, Document, Profile, Report};

const CORPUS: &[(&str, &str)] = &[
    (
        "000-1",
        include_str!("fixtures/corpus/000-1_bureau_self_check.txt"),
    ),
    (
        "000-2",
        include_str!("fixtures/corpus/000-2_county_evaluation.txt"),
    ),
    (
        "000-3",
        include_str!("fixtures/corpus/000-3_town_analysis.txt"),
    ),
    (
        "000-4",
        include_str!("fixtures/corpus/000-4_county_commission.txt"),
    ),
    (
        "000",
        include_str!("fixtures/corpus/000_template_collection.txt"),
    ),
    ("001", include_str!("fixtures/corpus/001_office_report.txt")),
    (
        "002",
        include_str!("fixtures/corpus/002_district_2020_evaluation.txt"),
    ),
];

const SELF_CHECK: &str = include_str!("fixtures/structure/self_check.txt");
const SELF_CHECK_PDF: &str = include_str!("fixtures/structure/self_check_pdf.txt");

fn corpus(name: &str) -> &'static str {
    CORPUS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .expect("corpus file")
}

fn political_ecology() -> Profile {
    Profile::builtin("political-ecology").expect("built-in profile")
}

/// (rank, ordinal, title without whitespace) of every heading.
fn outline(doc: &Document) -> Vec<(u8, Option<u32>, String)> {
    doc.headings
        .iter()
        .map(|h| {
            let t: String = doc
                .heading_text(h)
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
                .collect();
            (h.rank(), h.ordinal, t)
        })
        .collect()
}

fn structure(report: &Report) -> Vec<(String, String)> {
    report
        .findings
        .iter()
        .filter(|f| f.category == Category::Structure)
        .map(|f| (f.rule.clone(), f.text.clone()))
        .collect()
}

// ---------------------------------------------------------------- outline

/// Heading counts per level (title, 一、, （一）) and the top-level headings.
#[test]
fn corpus_outlines() {
    let expected: &[(&str, [usize; 3], &[&str])] = &[
        (
            "000-1",
            [1, 3, 9],
            &[
                "一、政治生态建设工作落实情况",
                "二、存在问题和原因分析",
                "三、加强政治生态建设措施",
            ],
        ),
        (
            "000-2",
            [1, 3, 13],
            &[
                "一、县域政治生态总体情况",
                "二、当前存在的突出问题",
                "三、加强县域政治生态建设的对策路径",
            ],
        ),
        (
            "000-3",
            [1, 4, 16],
            &[
                "一、政治生态建设总体情况",
                "二、存在的问题",
                "三、原因分析",
                "四、下步工作打算",
            ],
        ),
        (
            "000-4",
            [1, 4, 10],
            &[
                "一、基本情况",
                "二、总体评价",
                "三、存在问题",
                "四、整改措施",
            ],
        ),
        (
            "000",
            [5, 14, 48],
            &[
                "一、政治生态建设工作落实情况",
                "二、存在问题和原因分析",
                "三、加强政治生态建设措施",
                "一、县域政治生态总体情况",
                "二、当前存在的突出问题",
                "三、加强县域政治生态建设的对策路径",
                "一、政治生态建设总体情况",
                "二、存在的问题",
                "三、原因分析",
                "四、下步工作打算",
                "一、基本情况",
                "二、总体评价",
                "三、存在问题",
                "四、整改措施",
            ],
        ),
        (
            "001",
            [1, 4, 4],
            &[
                "一、基本情况",
                "二、政治生态主要特征",
                "三、存在的问题",
                "四、整改方向",
            ],
        ),
        (
            "002",
            [2, 3, 12],
            &[
                "一、区域政治生态建设成效",
                "二、问题和难点",
                "三、思考与建议",
            ],
        ),
    ];
    for (name, counts, top) in expected {
        let doc = Document::new(corpus(name));
        assert_eq!(doc.pdf_wrap, None, "{name}: not a PDF paste");
        let count = |rank: u8| doc.headings.iter().filter(|h| h.rank() == rank).count();
        assert_eq!(
            [count(0), count(2), count(3)],
            *counts,
            "{name}: headings per level"
        );
        assert_eq!(doc.headings.len(), counts.iter().sum::<usize>(), "{name}");
        let got: Vec<&str> = doc
            .headings
            .iter()
            .filter(|h| h.kind == MarkerKind::CnComma)
            .map(|h| doc.heading_text(h))
            .collect();
        assert_eq!(got, *top, "{name}: top-level headings");
        // Every 一、 heading hangs under the title; every （一） under a 一、.
        for h in &doc.headings {
            match h.kind {
                MarkerKind::CnComma => assert_eq!(
                    h.parent.map(|p| doc.headings[p].kind),
                    Some(MarkerKind::Title),
                    "{name}"
                ),
                MarkerKind::CnParen => assert_eq!(
                    h.parent.map(|p| doc.headings[p].kind),
                    Some(MarkerKind::CnComma),
                    "{name}"
                ),
                _ => {}
            }
        }
    }
}

/// The collection is four reports after a preface, each checked on its own.
#[test]
fn collection_is_checked_report_by_report() {
    let text = corpus("000");
    let doc = Document::new(text);
    assert_eq!(doc.parts.len(), 5, "preface + 4 reports");
    assert_eq!(sections::report_parts(&doc), vec![1, 2, 3, 4]);
    // Each report's outline is the outline of its single-file copy.
    for (k, name) in ["000-1", "000-2", "000-3", "000-4"].iter().enumerate() {
        let single = Document::new(corpus(name));
        let part = k + 1;
        let here: Vec<_> = outline(&doc)
            .into_iter()
            .zip(&doc.headings)
            .filter(|(_, h)| h.part == part)
            .map(|(o, _)| o)
            .collect();
        assert_eq!(here, outline(&single), "{name}");
    }
    let report = analyze_auto(text);
    let parts: Vec<Option<usize>> = report.sections.iter().map(|s| s.part).collect();
    assert_eq!(parts.len(), 16, "4 reports × 4 sections");
    assert_eq!(parts.first(), Some(&Some(1)));
    assert_eq!(parts.last(), Some(&Some(4)));
}

#[test]
fn inline_enumerations_are_not_headings() {
    // 000-3's 原因分析 is four 一是/二是 paragraphs: body, not headings.
    let doc = Document::new(corpus("000-3"));
    let causes = doc
        .headings
        .iter()
        .position(|h| doc.heading_text(h) == "三、原因分析")
        .expect("causes heading");
    assert_eq!(doc.children(causes).count(), 0);
    assert!(doc
        .headings
        .iter()
        .all(|h| !doc.heading_text(h).starts_with("一是")));
}

#[test]
fn heading_as_first_sentence() {
    let doc = Document::new(corpus("001"));
    let h = doc
        .headings
        .iter()
        .find(|h| h.ordinal == Some(1) && h.kind == MarkerKind::CnParen)
        .expect("（一）");
    assert_eq!(
        doc.heading_text(h),
        "（一）坚持政治统领，聚焦“两个维护”思想政治建设扎实深入。"
    );
    let i = doc.headings.iter().position(|x| x == h).unwrap_or(0);
    let (s, e) = doc.heading_body(i);
    assert!(doc.slice(s, e).starts_with("坚决将习近平总书记"));
}

#[test]
fn markdown_and_style_headings() {
    let md = "# 2023年工作总结\n## 一、主要工作\n正文。\n## 二、存在问题\n正文。\n## 四、明年打算\n正文。";
    let doc = Document::new(md);
    let kinds: Vec<MarkerKind> = doc.headings.iter().map(|h| h.kind).collect();
    assert_eq!(
        kinds,
        vec![
            MarkerKind::Title,
            MarkerKind::Markdown(2),
            MarkerKind::Markdown(2),
            MarkerKind::Markdown(2)
        ]
    );
    assert_eq!(doc.heading_title(&doc.headings[0]), "2023年工作总结");
    assert_eq!(doc.heading_title(&doc.headings[1]), "主要工作");
    // The number inside a Markdown heading is still checked.
    let report = analyze(md, &Profile::builtin("work-summary").expect("profile"));
    assert_eq!(
        structure(&report),
        vec![("heading-numbering".to_string(), "四、".to_string())]
    );

    // Heading levels from .docx styles: line 1 and 3 are Heading 1.
    let text = "报告\n基本情况\n正文。\n存在问题\n正文。";
    let hints = draftcheck::Hints {
        heading_levels: vec![(0, 0), (1, 1), (3, 1)],
    };
    let doc = Document::with_hints(text, &hints);
    let kinds: Vec<MarkerKind> = doc.headings.iter().map(|h| h.kind).collect();
    assert_eq!(
        kinds,
        vec![
            MarkerKind::Title,
            MarkerKind::Style(1),
            MarkerKind::Style(1)
        ]
    );
}

// ------------------------------------------------------------- profiles

#[test]
fn corpus_profiles_are_picked_by_title() {
    for (name, text) in CORPUS {
        let r = analyze_auto(text);
        assert_eq!(r.profile, "political-ecology", "{name}");
        assert!(
            r.profile_reason.contains("政治生态"),
            "{name}: {}",
            r.profile_reason
        );
    }
    // 000-1 is a self-check, but its title "政治生态总体评价" decides.
    let r = analyze_auto(corpus("000-1"));
    assert!(
        r.profile_reason.contains("政治生态总体评价"),
        "{}",
        r.profile_reason
    );
    let r = analyze_auto(SELF_CHECK);
    assert_eq!(r.profile, "self-inspection", "{}", r.profile_reason);
}

#[test]
fn sections_list_in_the_report() {
    let r = analyze_auto(corpus("001"));
    let got: Vec<(&str, bool, Option<usize>)> = r
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.found, s.line))
        .collect();
    assert_eq!(
        got,
        vec![
            ("status", true, Some(5)),
            ("problems", true, Some(13)),
            ("causes", false, None),
            ("measures", true, Some(15)),
        ]
    );
    let json = serde_json::to_value(&r).expect("json");
    assert_eq!(json["sections"][1]["heading"], "三、存在的问题");
}

// ------------------------------------------------- missing sections

/// For each corpus report and each required section: cut every heading
/// that satisfies it (with its body and sub-headings) and expect one
/// `missing-section` naming it, pointing at that report's title.
#[test]
fn deleting_a_required_section_is_flagged() {
    let profile = political_ecology();
    let mut checked = 0;
    for (name, text) in CORPUS {
        let doc = Document::new(text);
        for m in sections::match_sections(&doc, &profile) {
            let spec = &profile.sections[m.section];
            if spec.need != Need::Required {
                continue;
            }
            assert!(!m.headings.is_empty(), "{name}: {} not found", spec.id);
            let mut cut: Vec<(usize, usize)> = m
                .headings
                .iter()
                .map(|&h| (doc.headings[h].start, doc.headings[h].section_end))
                .collect();
            cut.sort_unstable();
            let mut edited = text.to_string();
            for &(s, e) in cut.iter().rev() {
                edited.replace_range(s..e, "");
            }
            let title = sections::part_anchor(&doc, m.part)
                .map(|(s, e)| doc.slice(s, e).to_string())
                .expect("part title");
            let report = analyze(&edited, &profile);
            let missing: Vec<_> = report
                .findings
                .iter()
                .filter(|f| f.rule == "missing-section" && f.text == title)
                .collect();
            assert_eq!(
                missing.len(),
                1,
                "{name}: deleting {} → {:?}",
                spec.id,
                structure(&report)
            );
            assert!(
                missing[0].message.contains(&spec.title),
                "{name}: {}",
                missing[0].message
            );
            assert!(missing[0].end > missing[0].start);
            // The checklist says so too.
            assert!(report
                .sections
                .iter()
                .any(|s| s.id == spec.id && !s.found && s.required));
            checked += 1;
        }
    }
    // 6 single reports × 3 required sections + the collection's 4 × 3.
    assert_eq!(checked, 6 * 3 + 4 * 3);
}

// ------------------------------------------------------- false alarms

/// Every structure finding on the corpus, with its reason.
#[test]
fn corpus_structure_findings() {
    let empty_000_3: &[&str] = &[
        // 一、's (六)(七)(八): template headings with no text, between
        // siblings that have text.
        "(六)坚持公道正派,严格选人用人。",
        "(七)狠抓干部作风,筑牢廉政根基。",
        "(八)狠抓重点领域,建设廉洁政治。",
        // 二、's (四)(五)(六): the same, in the problems section.
        "(四)组织生活制度有待进一步狠抓落实。",
        "(五)作风建设还需长抓不懈。",
        "(六)攻坚克难精神有待加强。",
    ];
    let expect = |list: &[&str]| -> Vec<(String, String)> {
        list.iter()
            .map(|t| ("empty-section".to_string(), t.to_string()))
            .collect()
    };
    let cases: Vec<(&str, Vec<(String, String)>)> = vec![
        // Complete reports: all sections present, numbering continuous,
        // brackets consistently half-width. Nothing to report.
        ("000-1", vec![]),
        ("000-2", vec![]),
        ("000-3", expect(empty_000_3)),
        ("000-4", vec![]),
        // The collection: only its third report's empty headings.
        ("000", expect(empty_000_3)),
        // 一、基本情况 has only the placeholder "X" under it.
        ("001", expect(&["一、基本情况"])),
        // A real, filled report: silent.
        ("002", vec![]),
    ];
    for (name, want) in cases {
        let report = analyze_auto(corpus(name));
        assert_eq!(structure(&report), want, "{name}");
    }
}

#[test]
fn empty_sections_of_000_3_point_at_their_lines() {
    let report = analyze_auto(corpus("000-3"));
    let lines: Vec<usize> = report
        .findings
        .iter()
        .filter(|f| f.rule == "empty-section")
        .map(|f| f.line)
        .collect();
    assert_eq!(lines, vec![10, 11, 12, 19, 20, 21]);
}

// ------------------------------------------------------ PDF line breaks

#[test]
fn pdf_fixture_has_the_outline_of_its_original() {
    let orig = Document::new(SELF_CHECK);
    let pdf = Document::new(SELF_CHECK_PDF);
    assert!(orig.pdf_wrap.is_none());
    assert!(pdf.pdf_wrap.is_some());
    assert_eq!(outline(&pdf), outline(&orig));
    assert_eq!(pdf.paragraphs.len(), orig.paragraphs.len());
    // Cut-off fragments never start a paragraph.
    for p in &pdf.paragraphs {
        let t = pdf.paragraph_text(p);
        for frag in [
            "长,",
            "1.5万",
            "一、二季度",
            "(二)逐条",
            "二阶段",
            "2.1个",
            "，督促",
            "月至12月",
        ] {
            assert!(!t.starts_with(frag), "paragraph starts with {frag}: {t}");
        }
    }
    // "(二)自查范围与内容" on its own line is still a heading.
    assert!(pdf
        .headings
        .iter()
        .any(|h| pdf.heading_text(h) == "(二)自查范围与内容"));
    let a = analyze_auto(SELF_CHECK);
    let b = analyze_auto(SELF_CHECK_PDF);
    assert_eq!(a.profile, b.profile);
    assert_eq!(structure(&a), vec![]);
    assert_eq!(structure(&b), vec![]);
}

fn width(c: char) -> usize {
    if (c as u32) < 0x1100 {
        1
    } else {
        2
    }
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '、' | '；' | '：' | '）' | '”' | '！' | '？' | ',' | ';' | ')'
    )
}

/// Hard-wraps every line at `chars` CJK characters (2 columns each), as a
/// PDF copy does. With `kinsoku`, closing punctuation hangs at the end of
/// a line instead of starting the next; with `indent`, body paragraphs
/// start with two ideographic spaces.
fn hard_wrap(text: &str, chars: usize, kinsoku: bool, indent: bool) -> String {
    let max = chars * 2;
    let mut out = String::new();
    for line in text.lines() {
        let mut cur = String::new();
        let mut w = 0;
        if indent
            && Document::new(line)
                .headings
                .iter()
                .all(|h| h.kind == MarkerKind::Title)
        {
            cur.push_str("\u{3000}\u{3000}");
            w = 4;
        }
        for c in line.chars() {
            let cw = width(c);
            if w + cw > max && !(kinsoku && is_closing(c)) && !cur.trim().is_empty() {
                out.push_str(&cur);
                out.push('\n');
                cur.clear();
                w = 0;
            }
            cur.push(c);
            w += cw;
        }
        out.push_str(&cur);
        out.push('\n');
    }
    out
}

#[test]
fn hard_wrapped_corpus_keeps_its_outline() {
    let mut runs = 0;
    for (name, text) in CORPUS {
        let want = outline(&Document::new(text));
        for chars in 35..=40 {
            for (kinsoku, indent) in [(true, false), (false, false), (true, true)] {
                let wrapped = hard_wrap(text, chars, kinsoku, indent);
                let doc = Document::new(&wrapped);
                assert!(
                    doc.pdf_wrap.is_some(),
                    "{name} at {chars}: wrap not detected"
                );
                assert_eq!(
                    outline(&doc),
                    want,
                    "{name} wrapped at {chars} (kinsoku {kinsoku}, indent {indent})"
                );
                runs += 1;
            }
        }
    }
    assert_eq!(runs, CORPUS.len() * 6 * 3);
}

#[test]
fn hard_wrapped_corpus_keeps_its_structure_findings() {
    for (name, text) in CORPUS {
        let want = structure(&analyze_auto(text));
        let wrapped = hard_wrap(text, 38, true, false);
        let got: Vec<(String, String)> = structure(&analyze_auto(&wrapped))
            .into_iter()
            .map(|(r, t)| (r, t.replace('\n', "")))
            .collect();
        assert_eq!(got, want, "{name}");
    }
}

// ------------------------------------------------ other realistic drafts

const QUIET: &[(&str, &str, &str)] = &[
    // Thematic top-level headings carry the year's work.
    (
        "work summary",
        include_str!("fixtures/structure/quiet_work_summary.txt"),
        "work-summary",
    ),
    // A notice: no fixed sections; an attachment list that starts inline.
    (
        "notice",
        include_str!("fixtures/structure/quiet_notice.txt"),
        "generic",
    ),
    // 第一部分 … chapters with 一、 runs under each.
    (
        "chapters",
        include_str!("fixtures/structure/quiet_chapters.txt"),
        "political-ecology",
    ),
    // Unnumbered section labels above restarted 一、 runs.
    (
        "labels",
        include_str!("fixtures/structure/quiet_labels.txt"),
        "political-ecology",
    ),
    // A Markdown report in English.
    (
        "english",
        include_str!("fixtures/structure/quiet_english.md"),
        "report-en",
    ),
    // The PDF fixture's original: a self-inspection report.
    ("self-check", SELF_CHECK, "self-inspection"),
];

#[test]
fn realistic_drafts_stay_quiet() {
    for (name, text, profile) in QUIET {
        let r = analyze_auto(text);
        assert_eq!(r.profile, *profile, "{name}: {}", r.profile_reason);
        assert_eq!(structure(&r), vec![], "{name}");
        assert!(
            r.sections.iter().all(|s| s.found || !s.required),
            "{name}: {:?}",
            r.sections
        );
    }
}

#[test]
fn realistic_drafts_with_a_section_cut() {
    let labels = include_str!("fixtures/structure/quiet_labels.txt");
    let cut = labels
        .split_once("存在问题\n")
        .and_then(|(a, b)| {
            b.split_once("整改措施\n")
                .map(|(_, c)| format!("{a}整改措施\n{c}"))
        })
        .expect("fixture layout");
    let r = analyze_auto(&cut);
    let got: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "missing-section")
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].contains("“存在问题”"), "{got:?}");

    let chapters = include_str!("fixtures/structure/quiet_chapters.txt");
    let (head, _) = chapters.split_once("第三部分").expect("fixture layout");
    let r = analyze_auto(head);
    let got: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "missing-section")
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].contains("整改措施"), "{got:?}");

    let summary = include_str!("fixtures/structure/quiet_work_summary.txt");
    let (head, tail) = summary
        .split_once("五、2024年工作打算")
        .expect("fixture layout");
    let sign = tail.find("XX区市场监督管理局").expect("signature");
    let r = analyze_auto(&format!("{head}{}", &tail[sign..]));
    let got: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.category == Category::Structure)
        .map(|f| (f.rule.as_str(), f.text.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![("missing-section", "XX区市场监督管理局2023年工作总结")]
    );
}

/// Cut anywhere, pasted twice, or stripped of its line breaks: the
/// analysis never panics and its structure findings have real spans.
#[test]
fn robust_on_damaged_text() {
    let profile = political_ecology();
    for text in [corpus("000-3"), corpus("000"), SELF_CHECK_PDF] {
        let n = text.chars().count();
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .step_by(n / 40 + 1)
            .collect();
        for &i in &bounds {
            for piece in [&text[..i], &text[i..]] {
                let r = analyze(piece, &profile);
                for f in r
                    .findings
                    .iter()
                    .filter(|f| f.category == Category::Structure)
                {
                    assert!(f.end > f.start, "{f:?}");
                }
            }
        }
        let doubled = format!("{text}\n{text}");
        let _ = analyze_auto(&doubled);
        let flat = text.replace('\n', "");
        let _ = analyze_auto(&flat);
    }
}

#[test]
fn english_report_with_plain_headings() {
    let text = "Annual Review 2023\nSummary\nThe office cleared 1,240 requests, 12% more than last year.\nKey findings\nResponse times fell from 9 days to 6 days.\nNext steps\nHire one temporary clerk for the spring.";
    let doc = Document::new(text);
    let kinds: Vec<MarkerKind> = doc.headings.iter().map(|h| h.kind).collect();
    assert_eq!(
        kinds,
        vec![
            MarkerKind::Title,
            MarkerKind::Plain,
            MarkerKind::Plain,
            MarkerKind::Plain
        ]
    );
    let r = analyze_auto(text);
    assert_eq!(r.profile, "report-en");
    assert_eq!(structure(&r), vec![]);
    let cut = text.replace(
        "Key findings\nResponse times fell from 9 days to 6 days.\n",
        "",
    );
    let r = analyze_auto(&cut);
    let got: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "missing-section")
        .map(|f| f.message_en.as_str())
        .collect();
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].contains("Findings or results"), "{got:?}");
}

#[test]
fn new_report_types_check_their_sections() {
    use draftcheck::analyze_auto;
    // A self-criticism without its root causes.
    let text = "2023年度民主生活会个人对照检查材料\n一、存在的问题\n（一）理论学习不够深入。\n二、整改措施\n（一）加强理论学习。\n";
    let r = analyze_auto(text);
    assert_eq!(r.profile, "self-criticism");
    let missing: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.rule == "missing-section")
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert!(missing[0].contains("原因剖析"), "{missing:?}");
    // A duty report with themed headings: only its shortcomings are
    // required, and it has them.
    let duty = "2023年度个人述职报告\n一、坚持学习，不断提高政治素养\n全年参加集中学习24次。\n二、真抓实干，推动工作落实\n完成重点项目12个。\n三、存在的不足\n调查研究不够深入。\n";
    let r = analyze_auto(duty);
    assert_eq!(r.profile, "duty-report");
    assert!(
        r.findings.iter().all(|f| f.rule != "missing-section"),
        "{:?}",
        r.findings
    );
    // A research report that never gives its suggestions.
    let research = "关于我县农村集体经济发展情况的调研报告\n一、基本情况\n全县共有村集体经济组织126个。\n二、存在的问题\n部分村集体收入来源单一。\n";
    let r = analyze_auto(research);
    assert_eq!(r.profile, "research-report");
    assert!(r
        .findings
        .iter()
        .any(|f| f.rule == "missing-section" && f.message.contains("对策建议")));
}

#[test]
fn the_profiles_command_lists_the_new_types() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_draftcheck"))
        .arg("profiles")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    for line in [
        "duty-report\t述职报告\tDuty report",
        "duty-integrity-report\t述职述廉报告",
        "rectification-report\t整改情况报告",
        "inspection-rectification\t巡视巡察整改报告",
        "research-report\t调研报告",
        "work-plan\t工作计划 / 工作要点",
        "self-criticism\t民主生活会 / 组织生活会对照检查材料",
    ] {
        assert!(text.contains(line), "{line}: {text}");
    }
}
