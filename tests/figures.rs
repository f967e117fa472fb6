//! Figures and dates: fixtures per rule, corpus pins, planted defects in a
//! real report, and linear time on large inputs.

use draftcheck::{analyze_auto, Category, Finding};
use std::fs;
use std::path::Path;

const FIGURE_RULES: &[&str] = &[
    "parts-exceed-total",
    "subset-exceeds-total",
    "percent-mismatch",
    "percent-sum",
    "restated-figure",
    "enumeration-count",
    "change-mismatch",
    "share-exceeds-whole",
    "conflicting-units",
    "broken-number",
    "ratio-mismatch",
    "invalid-date",
];

fn figure_findings(text: &str) -> Vec<Finding> {
    analyze_auto(text)
        .findings
        .into_iter()
        .filter(|f| matches!(f.category, Category::Figures | Category::Date))
        .collect()
}

fn corpus(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/corpus")
        .join(name);
    fs::read_to_string(path).expect("corpus file")
}

fn summary(fs: &[Finding]) -> Vec<(String, String)> {
    fs.iter()
        .map(|f| (f.rule.clone(), f.text.clone()))
        .collect()
}

#[test]
fn fixtures_flag_inconsistent_and_spare_consistent_sentences() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/figures");
    let mut checked = 0;
    for rule in FIGURE_RULES {
        let text = fs::read_to_string(dir.join(format!("{rule}.txt"))).expect("fixture file");
        let (mut plus, mut minus) = (0, 0);
        for line in text.lines() {
            let (mark, body) = match line.split_once(' ') {
                Some((m @ ("+" | "-"), b)) => (m, b.replace("\\n", "\n")),
                _ => continue,
            };
            let found = figure_findings(&body);
            if mark == "+" {
                plus += 1;
                assert!(
                    found.iter().any(|f| f.rule == *rule),
                    "{rule} should flag: {body}\n got {:?}",
                    summary(&found)
                );
            } else {
                minus += 1;
                assert!(
                    found.is_empty(),
                    "no figure finding expected in: {body}\n got {:?}",
                    summary(&found)
                );
            }
            checked += 1;
        }
        assert!(
            plus >= 6 && minus >= 6,
            "{rule}: too few fixtures ({plus}+/{minus}-)"
        );
    }
    assert!(checked > 150);
}

/// Figures and date findings per corpus file: none on the correct text.
#[test]
fn corpus_files_raise_no_figure_findings() {
    for (file, expected) in [
        ("000-1_bureau_self_check.txt", 0),
        ("000-2_county_evaluation.txt", 0),
        ("000-3_town_analysis.txt", 0),
        ("000-4_county_commission.txt", 0),
        ("000_template_collection.txt", 0),
        ("001_office_report.txt", 0),
        ("002_district_2020_evaluation.txt", 0),
    ] {
        let found = figure_findings(&corpus(file));
        assert_eq!(found.len(), expected, "{file}: {:?}", summary(&found));
    }
}

#[test]
fn blank_shares_of_the_four_forms_are_not_checked() {
    let text = corpus("000-4_county_commission.txt");
    assert!(text.contains("第一种形态XX人次、占XX%"));
    assert!(figure_findings(&text).is_empty());
}

/// Inserts `sentence` right after the first occurrence of `anchor`.
fn plant(text: &str, anchor: &str, sentence: &str) -> String {
    let at = text.find(anchor).expect("anchor in text") + anchor.len();
    format!("{}{}{}", &text[..at], sentence, &text[at..])
}

/// Planted defects in the real report 002, each on its own and all at once:
/// exactly the planted findings appear.
#[test]
fn planted_defects_in_report_002_are_found_exactly() {
    let base = corpus("002_district_2020_evaluation.txt");
    // (anchor, sentence, replaced-from, replaced-to, expected rule, expected text)
    let plants: &[(&str, &str, &str, &str)] = &[
        (
            "党内政治生态进一步规范。",
            "全年共处置问题线索320件，其中谈话函询150件，初步核实120件，予以了结80件。",
            "parts-exceed-total",
            "320件",
        ),
        (
            "大力纠治了一批政治生态污染源。",
            "全区共有党员3200名，其中女性党员960名，占28%。",
            "percent-mismatch",
            "28%",
        ),
        (
            "正风肃纪在更深层次更广领域整体发力,",
            "运用\"四种形态\"处理的899人次中，第一种形态占70%，第二种形态占20%，第三种形态占6%，第四种形态占9%。",
            "percent-sum",
            "9%",
        ),
        (
            "党风廉政建设任重道远。",
            "从审查调查数据来看,全区立案审查调查169件,腐败存量仍然较大。",
            "restated-figure",
            "169件",
        ),
        (
            "健康发展,",
            "于2021年2月29日召开专题会议,",
            "invalid-date",
            "2021年2月29日",
        ),
        (
            "基本民生进一步补强。",
            "全区信访举报总量由2019年的356件下降到2020年的412件。",
            "change-mismatch",
            "412件",
        ),
        (
            "政治体检实现常态化、制度化。",
            "在党风廉政建设群众满意度测评中,群众满意度达到112%。",
            "share-exceeds-whole",
            "112%",
        ),
        (
            "人城境业融合发展集聚成势。",
            "全年兑现市场主体扶持资金60%万元。",
            "conflicting-units",
            "60%万元",
        ),
        (
            "市民生活质感更加丰富、更有温度。",
            "全年新增市场主体1 200户。",
            "broken-number",
            "1 200",
        ),
        (
            "网络理政成为民心汇聚品牌,",
            "全区信访举报总量同比下降12%,为上年的112%,",
            "ratio-mismatch",
            "112%",
        ),
    ];
    let mut all = base.clone();
    let mut expected: Vec<(String, String)> = Vec::new();
    for &(anchor, sentence, rule, text) in plants {
        let one = plant(&base, anchor, sentence);
        assert_eq!(
            summary(&figure_findings(&one)),
            vec![(rule.to_string(), text.to_string())],
            "planted: {sentence}"
        );
        all = plant(&all, anchor, sentence);
        expected.push((rule.to_string(), text.to_string()));
    }
    // Edits in place: a subset larger than its total, an announced count
    // that does not match the four subheadings that follow.
    let edits: &[(&str, &str, &str, &str)] = &[
        (
            "其中15个存在",
            "其中35个存在",
            "subset-exceeds-total",
            "35个",
        ),
        (
            "主要还存在以下问题和不足。",
            "主要还存在以下三个方面的问题和不足。",
            "enumeration-count",
            "三个方面",
        ),
    ];
    for &(from, to, rule, text) in edits {
        let one = base.replacen(from, to, 1);
        assert_eq!(
            summary(&figure_findings(&one)),
            vec![(rule.to_string(), text.to_string())],
            "edited: {to}"
        );
        all = all.replacen(from, to, 1);
        expected.push((rule.to_string(), text.to_string()));
    }
    let mut got = summary(&figure_findings(&all));
    got.sort();
    expected.sort();
    assert_eq!(got, expected);
}

/// 000-3 announces four causes and lists 一是…四是: silent. Dropping one
/// item makes the count wrong.
#[test]
fn announced_count_in_report_000_3() {
    let text = corpus("000-3_town_analysis.txt");
    assert!(figure_findings(&text).is_empty());
    let start = text
        .find("\n四是全面从严治党紧迫性认识不深")
        .expect("item four");
    let end = text[start + 1..]
        .find('\n')
        .map_or(text.len(), |e| start + 1 + e);
    let cut = format!("{}{}", &text[..start], &text[end..]);
    let found = figure_findings(&cut);
    assert_eq!(
        summary(&found),
        vec![("enumeration-count".to_string(), "四个方面".to_string())]
    );
    assert_eq!(found[0].related.len(), 3);
}

#[test]
fn findings_link_the_figures_involved() {
    let f = figure_findings("全年立案53件，其中县处级干部5件、乡科级干部20件、一般干部30件。");
    assert_eq!(f.len(), 1);
    assert!(f[0].message.contains("55 件") && f[0].message.contains("53 件"));
    let rel: Vec<&str> = f[0].related.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(rel, vec!["5件", "20件", "30件"]);
}

/// A megabyte of repeated figure structures completes (no timing assert:
/// a quadratic scan would take minutes here).
#[test]
fn large_inputs_stay_linear() {
    for unit in ["共有10人，其中", "占5%", "共有10人，其中1人，占5%，"] {
        let text = unit.repeat((1 << 20) / unit.len() + 1);
        let _ = analyze_auto(&text);
    }
    // Other shapes, half a megabyte each.
    for unit in [
        "第一种形态占5%，",
        "以下四个方面：一是",
        "从5件增加到",
        "比上年（5件）增长",
        "2月30日至",
        "全区立案审查调查196件。",
        "“四个意识”",
        "1,2",
        "其中XX人、",
        "全区立案审查调查196件。全区立案审查调查169件。",
        "比重由2020年的112%、",
        "下降5%，为上年的105%",
        "1 200 .5",
        "5%万元平方米",
    ] {
        let text = unit.repeat((1 << 19) / unit.len() + 1);
        let _ = analyze_auto(&text);
    }
}

/// Restating a headline figure of 002 with another value is caught, also
/// when the first statement continues the overall case count
/// (立案审查调查196件196人,党纪政务处分146人,…处理899人次).
#[test]
fn restated_headline_figures_of_report_002() {
    let base = corpus("002_district_2020_evaluation.txt");
    for (sentence, text, first) in [
        ("2020年全区党纪政务处分164人。", "164人", "146人"),
        ("全年运用“四种形态”处理989人次。", "989人次", "899人次"),
        ("区委常规巡察23个单位,发现问题628个。", "23个", "25个"),
        (
            "全区抽查核实领导干部个人报告事项127人次。",
            "127人次",
            "172人次",
        ),
        ("全区立案审查调查169件196人。", "169件", "196件"),
    ] {
        let planted = plant(&base, "党风廉政建设任重道远。", sentence);
        let found = figure_findings(&planted);
        assert_eq!(
            summary(&found),
            vec![("restated-figure".to_string(), text.to_string())],
            "{sentence}"
        );
        assert_eq!(found[0].related[0].text, first);
    }
}

/// Random mixtures of digits, numerals, units, cues and punctuation never
/// make the figure rules panic.
#[test]
fn random_figure_soup_does_not_panic() {
    let pieces = [
        "1",
        "２",
        "0",
        "9",
        ".",
        "．",
        ",",
        "，",
        "、",
        "。",
        "；",
        "：",
        "%",
        "％",
        "万",
        "亿",
        "十",
        "二",
        "两",
        "百",
        "〇",
        "○",
        "人",
        "件",
        "个",
        "人次",
        "年",
        "月",
        "日",
        "至",
        "～",
        "-",
        "—",
        "其中",
        "共有",
        "共",
        "占",
        "占比",
        "分别为",
        "包括",
        "比上年",
        "（",
        "）",
        "(",
        ")",
        "“",
        "”",
        "\"",
        "XX",
        "x",
        "余",
        "约",
        "以上",
        "增加到",
        "下降",
        "从",
        "由",
        "增长",
        "以下",
        "四个方面",
        "一是",
        "第一，",
        "（一）",
        "\n",
        "第",
        "种形态",
        "其他",
        "率",
        "\u{3000}",
        " ",
        "的",
        "为上年",
        "比重",
        "平方米",
        "公顷",
        "..",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3000 {
        let len = (next() % 60) as usize;
        let text: String = (0..len)
            .map(|_| pieces[(next() % pieces.len() as u64) as usize])
            .collect();
        let _ = figure_findings(&text);
    }
}
