//! Text hygiene (issue 6): punctuation and wording rules over the corpus,
//! planted defects, a converted text and a must-not text.

use draftcheck::{analyze, Finding, Profile, Report};

const RULES: &[&str] = &[
    "half-width-punctuation",
    "unbalanced-pair",
    "dangling-enumeration",
    "doubled-punctuation",
    "title-mark-substitute",
    "conversion-debris",
    "doubled-character",
    "split-word",
];

fn fixture(path: &str) -> String {
    let full = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn report(text: &str) -> Report {
    analyze(
        text,
        &Profile::builtin("political-ecology").expect("builtin profile"),
    )
}

fn of<'a>(r: &'a Report, rule: &'a str) -> impl Iterator<Item = &'a Finding> + 'a {
    r.findings.iter().filter(move |f| f.rule == rule)
}

/// Applies the suggestions of the given rules.
fn apply(text: &str, r: &Report, rules: &[&str]) -> String {
    let fixes: Vec<(usize, usize, String)> = r
        .findings
        .iter()
        .filter(|f| rules.contains(&f.rule.as_str()))
        .filter_map(|f| f.suggestion.clone().map(|s| (f.byte_start, f.byte_end, s)))
        .collect();
    draftcheck::fix::apply(text, &fixes)
}

// The counts per rule on the corpus are pinned by the snapshots of
// tests/corpus.rs, which list every finding.

#[test]
fn corpus_true_positives_are_the_known_defects() {
    let r = report(&fixture("corpus/000-4_county_commission.txt"));
    let ctx: Vec<String> = of(&r, "dangling-enumeration")
        .map(|f| f.context.clone().unwrap_or_default())
        .collect();
    assert!(ctx[0].ends_with("形式主义、的工作意见》精神"), "{ctx:?}");
    assert!(ctx[1].ends_with("形式主义、"), "{ctx:?}");
    assert!(ctx[2].starts_with("形式主义、问题"), "{ctx:?}");
    assert!(ctx[3].contains("形式主义、等"), "{ctx:?}");

    let r = report(&fixture("corpus/000-1_bureau_self_check.txt"));
    let f: Vec<&Finding> = of(&r, "doubled-character").collect();
    assert_eq!(f[0].text, "是是");
    assert_eq!(f[0].suggestion.as_deref(), Some("是"));

    // 001 has both 抓实实践 (correct) and 抓实实民主集中制 (a slip).
    let text = fixture("corpus/001_office_report.txt");
    let r = report(&text);
    let f: Vec<&Finding> = of(&r, "doubled-character").collect();
    assert_eq!(f.len(), 1);
    assert!(text[f[0].byte_end..].starts_with("民主集中制"));
}

#[test]
fn half_width_aggregate_and_fix_all_on_002() {
    let text = fixture("corpus/002_district_2020_evaluation.txt");
    let r = report(&text);
    let agg: Vec<&Finding> = of(&r, "half-width-punctuation")
        .filter(|f| f.aggregate.is_some())
        .collect();
    assert_eq!(agg.len(), 1);
    assert_eq!(agg[0].aggregate, Some(303));
    assert!(agg[0].message.starts_with("半角标点 303 处"));
    // Aggregates are not counted twice in the summary.
    assert_eq!(r.summary.info, 303);

    let fixed = apply(&text, &r, &["half-width-punctuation"]);
    // The QQ advert keeps its digits; only marks change.
    assert!(fixed.contains("QQ微信号：215425891"));
    assert!(fixed.contains("拔“烂树”、治“病树”、正“歪树”"));
    assert!(fixed.contains("村（社区）“三会一课”"));
    assert!(!fixed.contains(['"', ',', ';', '(', ')']));
    assert_eq!(of(&report(&fixed), "half-width-punctuation").count(), 0);
}

#[test]
fn planted_defects_are_found_and_fixed() {
    let text = fixture("hygiene/punctuation_planted.txt");
    let r = report(&text);
    let got: Vec<(String, String)> = r
        .findings
        .iter()
        .filter(|f| RULES.contains(&f.rule.as_str()) && f.aggregate.is_none())
        .map(|f| (f.rule.clone(), f.text.clone()))
        .collect();
    let want: Vec<(String, String)> = [
        ("split-word", "o"),
        ("split-word", "o"),
        ("split-word", "o"),
        ("split-word", "o"),
        ("half-width-punctuation", ","),
        ("doubled-punctuation", "，，"),
        ("dangling-enumeration", "、"),
        ("title-mark-substitute", "?市区干部培训审批制度?"),
        ("doubled-punctuation", "。。"),
        ("dangling-enumeration", "、"),
        ("unbalanced-pair", "“"),
        ("doubled-punctuation", "..."),
        ("doubled-character", "是是"),
        ("split-word", "\u{200B}"),
    ]
    .iter()
    .map(|&(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(got, want);

    let fixed = apply(&text, &r, RULES);
    assert!(fixed.starts_with("二〇二〇年度"));
    assert!(fixed.contains("系统治理，拔“烂树”"));
    assert!(fixed.contains("促进作用，推动以评促改、以评促治、以评促建，现将"));
    assert!(fixed.contains("认真贯彻《市区干部培训审批制度》要求"));
    assert!(fixed.contains("腐败问题。省委"));
    assert!(fixed.contains("53项整改任务的长效机制"));
    assert!(fixed.contains("常态化、制度化……"));
    assert!(fixed.contains("二是党内政治生活不够严肃，反腐败斗争"));
    // Only the stray quote remains: it needs a human to decide where it ends.
    let again = report(&fixed);
    let left: Vec<&str> = again
        .findings
        .iter()
        .filter(|f| RULES.contains(&f.rule.as_str()))
        .map(|f| f.rule.as_str())
        .collect();
    assert_eq!(left, vec!["unbalanced-pair"]);
}

#[test]
fn correct_usage_stays_silent() {
    let r = report(&fixture("hygiene/correct_usage.txt"));
    let loud: Vec<(&str, &str)> = r
        .findings
        .iter()
        .filter(|f| RULES.contains(&f.rule.as_str()))
        .map(|f| (f.rule.as_str(), f.text.as_str()))
        .collect();
    assert!(loud.is_empty(), "{loud:?}");
}

#[test]
fn converted_paragraphs_are_restored() {
    let converted = fixture("hygiene/converted_paragraphs.txt");
    let original = fixture("hygiene/converted_paragraphs.original.txt");
    let r = report(&converted);
    let hits = of(&r, "conversion-debris")
        .filter(|f| f.aggregate.is_none())
        .count();
    // 54 substituted words; 51 found, no false alarm.
    assert_eq!(hits, 51);
    let summary: Vec<&Finding> = of(&r, "conversion-debris")
        .filter(|f| f.aggregate.is_some())
        .collect();
    assert_eq!(summary.len(), 1);
    assert_eq!(summary[0].severity, draftcheck::Severity::Warning);
    assert!(summary[0].message.contains("转换"));

    let fixed = apply(&converted, &r, &["conversion-debris"]);
    let differ: Vec<(&str, &str)> = fixed
        .split("\n\n")
        .zip(original.split("\n\n"))
        .filter(|(a, b)| a != b)
        .collect();
    // The three misses are collocations that are correct Chinese as they
    // stand: 工作开展需要, 更加稳固, 融合开展集聚成势.
    assert_eq!(differ.len(), 3);
    assert!(fixed.contains("科学发展观") || !converted.contains("科学开展观"));
}

/// The conversion the issue describes, applied to real text: every
/// 发展 → 开展, 服务 → 效劳, … (则 only inside words: a lone 则 → 那么 is
/// still correct Chinese). Returns the converted text and the byte spans of
/// the substituted words.
fn convert(text: &str) -> (String, Vec<(usize, usize, &'static str)>) {
    const PAIRS: &[(&str, &str)] = &[
        ("发展", "开展"),
        ("服务", "效劳"),
        ("基础", "根底"),
        ("广大", "广阔"),
        ("巩固", "稳固"),
        ("不足", "缺乏"),
        ("抵制", "抵抗"),
        ("多次", "屡次"),
        ("奋发", "发奋"),
        ("则", "那么"),
    ];
    let mut out = String::with_capacity(text.len() * 2);
    let mut sites = Vec::new();
    let mut rest = text;
    let mut prev: Option<char> = None;
    'outer: while let Some(c) = rest.chars().next() {
        for &(from, to) in PAIRS {
            if rest.starts_with(from)
                && (from != "则" || prev.is_some_and(|p| "原规细准否总作法守附".contains(p)))
            {
                sites.push((out.len(), out.len() + to.len(), from));
                out.push_str(to);
                rest = &rest[from.len()..];
                prev = from.chars().last();
                continue 'outer;
            }
        }
        out.push(c);
        prev = Some(c);
        rest = &rest[c.len_utf8()..];
    }
    (out, sites)
}

#[test]
fn recall_on_the_converted_corpus() {
    let mut total = 0;
    let mut found = 0;
    let mut false_alarms = 0;
    for file in [
        "000-1_bureau_self_check.txt",
        "000-2_county_evaluation.txt",
        "000-3_town_analysis.txt",
        "000-4_county_commission.txt",
        "001_office_report.txt",
        "002_district_2020_evaluation.txt",
    ] {
        let original = fixture(&format!("corpus/{file}"));
        let (converted, sites) = convert(&original);
        let r = report(&converted);
        for f in of(&r, "conversion-debris").filter(|f| f.aggregate.is_none()) {
            match sites
                .iter()
                .find(|s| s.0 == f.byte_start && s.1 == f.byte_end)
            {
                Some(s) => {
                    assert_eq!(f.suggestion.as_deref(), Some(s.2), "{file}: {}", f.message);
                    found += 1;
                }
                None => false_alarms += 1,
            }
        }
        total += sites.len();
    }
    assert_eq!((found, total, false_alarms), (133, 138, 0));
}

#[test]
fn huge_inputs_do_not_blow_up() {
    let nested = format!("{}正文{}", "（".repeat(100_000), "）".repeat(100_000));
    let r = report(&nested);
    assert_eq!(of(&r, "unbalanced-pair").count(), 0);

    let open = "《“（【".repeat(25_000);
    let r = report(&open);
    assert!(of(&r, "unbalanced-pair").count() <= 20);

    let commas = "、".repeat(350_000); // ~1 MB
    let r = report(&commas);
    assert_eq!(of(&r, "doubled-punctuation").count(), 1);
    assert!(of(&r, "dangling-enumeration").count() <= 1);

    let half = "(".repeat(100_000);
    let _ = report(&half);
}

#[test]
fn pairs_may_span_the_lines_of_one_paragraph_only() {
    // A PDF paste: lines wrapped at a fixed width inside one paragraph.
    let wrapped = "为深入贯彻落实党中央关于全面从严治党的“两\n个责任”要求，区委把党风廉政建设、作风建设、\n纪律建设与经济社会发展同部署同落实同检查同\n考核，制定了两个责任清单各一份。\n";
    let doc = draftcheck::Document::new(wrapped);
    assert_eq!(
        doc.paragraphs.len(),
        1,
        "the fixture must be one wrapped paragraph"
    );
    let r = report(wrapped);
    assert_eq!(of(&r, "unbalanced-pair").count(), 0);
    // A line that ends in 、 inside the paragraph is not a dangling one.
    assert_eq!(of(&r, "dangling-enumeration").count(), 0);

    // Across a paragraph break the marks do not pair, and each half is
    // reported in its own paragraph only.
    let split = "第一段提出“两个\n\n责任”要求。\n\n第三段（正常）。";
    let r = report(split);
    let got: Vec<&str> = of(&r, "unbalanced-pair").map(|f| f.text.as_str()).collect();
    assert_eq!(got, vec!["“", "”"]);
}

#[test]
fn garbage_never_panics() {
    // Deterministic pseudo-random strings over the characters these rules
    // care about, mixed with line breaks and multi-byte neighbours.
    let alphabet: Vec<char> = "、，。；：！？“”‘’《》〈〉（）【】〔〕「」,.;:!?()\"'…·.o0O二〇一是的了实开展效劳根底那么原缺乏抵抗屡次广阔*#^\u{200B}\u{200D}\u{FEFF}\u{FFFD}ー<> \n\n\r\t\u{3000}Ａ😀"
        .chars()
        .collect();
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for len in [0usize, 1, 2, 3, 5, 8, 13, 50, 200, 1000] {
        for _ in 0..20 {
            let s: String = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    alphabet[(seed % alphabet.len() as u64) as usize]
                })
                .collect();
            let r = report(&s);
            for f in r
                .findings
                .iter()
                .filter(|f| RULES.contains(&f.rule.as_str()))
            {
                assert!(f.byte_start <= f.byte_end && f.byte_end <= s.len());
                assert!(s.is_char_boundary(f.byte_start) && s.is_char_boundary(f.byte_end));
            }
            let _ = apply(&s, &r, RULES);
        }
    }
}
