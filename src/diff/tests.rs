use super::*;

fn seg(op: Op, t: &str) -> Segment {
    Segment {
        op,
        text: t.to_string(),
    }
}

#[test]
fn tokens_keep_numbers_whole() {
    assert_eq!(
        tokens("共196件,1,234.5万元abc中"),
        ["共", "196", "件", ",", "1,234.5", "万", "元", "abc", "中"]
    );
}

#[test]
fn changed_characters() {
    assert_eq!(
        diff_chars(
            "全年立案审查调查196件196人。",
            "全年立案审查调查205件201人。"
        ),
        vec![
            seg(Op::Same, "全年立案审查调查"),
            seg(Op::Deleted, "196"),
            seg(Op::Inserted, "205"),
            seg(Op::Same, "件"),
            seg(Op::Deleted, "196"),
            seg(Op::Inserted, "201"),
            seg(Op::Same, "人。"),
        ]
    );
    assert_eq!(
        diff_chars("甲乙丙", "甲乙丙"),
        vec![seg(Op::Same, "甲乙丙")]
    );
    assert_eq!(diff_chars("", "新"), vec![seg(Op::Inserted, "新")]);
    // Past the bound, the middle is one change.
    let a: String = "甲".repeat(300);
    let b: String = "乙".repeat(300);
    let d = diff_chars(&format!("首{a}尾"), &format!("首{b}尾"));
    assert_eq!(d.len(), 4);
    assert_eq!((d[1].op, d[2].op), (Op::Deleted, Op::Inserted));
}

#[test]
fn the_character_diffs_share_a_budget() {
    let a = "甲乙丙丁".repeat(50);
    let b = "甲丙乙丁".repeat(50);
    // Enough: the changes marked one by one.
    let fine = diff_chars_within(&a, &b, &mut 1_000_000);
    assert!(fine.len() > 100, "{}", fine.len());
    // Spent: the middle changed as a whole, and nothing more spent.
    let mut left = 100;
    let whole = diff_chars_within(&a, &b, &mut left);
    assert_eq!(
        whole.iter().map(|s| s.op).collect::<Vec<_>>(),
        [Op::Same, Op::Deleted, Op::Inserted, Op::Same]
    );
    assert_eq!(left, 0);
}

#[test]
fn myers_finds_the_shortest_script() {
    let a = ["a", "b", "c", "a", "b", "b", "a"];
    let b = ["c", "b", "a", "b", "a", "c"];
    let s = myers(&a, &b, 100).unwrap();
    let edits = s.iter().filter(|(op, _)| *op != Op::Same).count();
    assert_eq!(edits, 5);
    // Replaying the script gives b.
    let out: Vec<&str> = s
        .iter()
        .filter(|(op, _)| *op != Op::Deleted)
        .map(|&(op, k)| if op == Op::Same { a[k] } else { b[k] })
        .collect();
    assert_eq!(out, b);
    assert!(myers(&a, &b, 4).is_none());
}

#[test]
fn patience_alignment() {
    // An element inserted at the top shifts nothing else.
    let a = [1, 2, 3, 4, 5];
    let b = [9, 1, 2, 3, 4, 5];
    assert_eq!(align(&a, &b), vec![(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)]);
    // Repeated elements between unique anchors.
    let a = [1, 7, 7, 2, 8, 3];
    let b = [1, 7, 2, 8, 8, 3];
    assert_eq!(align(&a, &b), vec![(0, 0), (1, 1), (3, 2), (4, 4), (5, 5)]);
    // A move: the longest increasing run of anchors is kept.
    let a = [1, 2, 3, 4];
    let b = [4, 1, 2, 3];
    assert_eq!(align(&a, &b), vec![(0, 1), (1, 2), (2, 3)]);
    assert_eq!(
        longest_increasing(&[(0, 3), (1, 1), (2, 2), (3, 0), (4, 4)]),
        vec![(1, 1), (2, 2), (4, 4)]
    );
}

fn cmp(old: &str, new: &str) -> Comparison {
    let h = Hints::default();
    compare_texts(
        (old, &h),
        (new, &h),
        &ProfileChoice::Auto,
        &Config::default(),
    )
}

fn warned(c: &Comparison) -> Vec<&str> {
    c.warnings.iter().map(|w| w.text.as_str()).collect()
}

#[test]
fn unchanged_figures_are_flagged_only_when_the_year_moved_on() {
    let old = "某县2023年度纪检监察工作总结\n一、主要工作\n2023年，全县立案审查调查196件，处分党员干部146人，开展专项检查3次。\n";
    let new = "某县2024年度纪检监察工作总结\n一、主要工作\n2024年，全县立案审查调查196件，处分党员干部152人，开展专项检查3次。\n";
    let c = cmp(old, new);
    assert_eq!((c.old_year, c.new_year), (Some(2023), Some(2024)));
    assert_eq!(warned(&c), ["196件"]);
    let w = &c.warnings[0];
    assert_eq!(
        (w.rule.as_str(), w.severity, w.line, w.column),
        (UNCHANGED_FIGURE, Severity::Warning, 3, 15)
    );
    assert_eq!(
        (
            w.related[0].line,
            w.related[0].column,
            w.related[0].text.as_str()
        ),
        (3, 15, "196件")
    );
    assert!(
        w.message.contains("立案审查调查196件") && w.message.contains("2024年"),
        "{}",
        w.message
    );
    // 3次 is unchanged too, but a small count repeats by chance.
    let statuses: Vec<(&str, FigureStatus)> = c
        .figures
        .iter()
        .map(|f| (f.label.as_str(), f.status))
        .collect();
    assert_eq!(
        statuses,
        [
            ("立案审查调查", FigureStatus::Unchanged),
            ("处分党员干部", FigureStatus::Changed),
            ("开展专项检查", FigureStatus::Unchanged)
        ]
    );
    // The same year (v1 → v2 of one report): nothing to warn about.
    let v2 = old.replace("146人", "150人");
    assert!(cmp(old, &v2).warnings.is_empty());
    // No year anywhere: silent.
    let strip = |t: &str| {
        t.replace("2023年度", "")
            .replace("2024年度", "")
            .replace("2023年，", "")
            .replace("2024年，", "")
    };
    assert!(cmp(&strip(old), &strip(new)).warnings.is_empty());
}

#[test]
fn unchanged_figures_that_may_stay_are_not_flagged() {
    let old = "某县2023年度工作总结\n一、主要工作\n全县下辖12个乡镇、186个行政村。2023年，全县立案审查调查196件。全县查处违纪问题约120件。\n";
    // 2024's report cites 2023's figure, with its year; a standing fact; an approximation.
    let new = "某县2024年度工作总结\n一、主要工作\n全县下辖12个乡镇、186个行政村。2023年全县立案审查调查196件，今年有所增加。全县查处违纪问题约120件。\n";
    let c = cmp(old, new);
    assert!(c.warnings.is_empty(), "{:?}", warned(&c));
    // Copied with the old year's comparison word: not flagged either.
    let new = old.replace("2023年度", "2024年度").replace(
        "2023年，全县立案审查调查196件",
        "2024年，全县立案审查调查196件，与上年持平",
    );
    assert!(cmp(old, &new).warnings.is_empty());
    // Two figures under one label: which is which is not certain.
    let old = "某县2023年度工作总结\n一、主要工作\n2023年，立案审查调查196件。二季度，立案审查调查48件。\n";
    let new = old.replace("2023年", "2024年");
    assert!(cmp(old, &new).warnings.is_empty());
}

#[test]
fn findings_are_matched_by_their_words_not_their_offsets() {
    let old = "工作总结\n全县共有党员XX名,比上年增加5%。\n坚持以科学开展观为指导。\n";
    // A paragraph on top moves every offset; the placeholder's
    // surroundings are edited; the debris is fixed; a new XX comes.
    let new = "工作总结\n新增的一段说明。\n全县现有党员XX名,比上年增加5%。\n坚持以科学发展观为指导。\n共有XX个支部。\n";
    let c = cmp(old, new);
    fn rules(v: &[Finding]) -> Vec<(&str, &str, usize)> {
        v.iter()
            .map(|f| (f.rule.as_str(), f.text.as_str(), f.line))
            .collect()
    }
    assert_eq!(
        rules(&c.findings.open),
        [("placeholder", "XX", 3), ("half-width-punctuation", ",", 3)]
    );
    assert_eq!(rules(&c.findings.fixed), [("conversion-debris", "开展", 3)]);
    assert_eq!(rules(&c.findings.new), [("placeholder", "XX", 5)]);
    let p = &c.paragraphs;
    assert_eq!((p.same, p.changed, p.inserted, p.deleted), (1, 2, 2, 0));
}

#[test]
fn years() {
    let y = |t: &str| report_year(&Document::new(t));
    assert_eq!(
        y("某县2024年度政治生态分析研判报告\n一、基本情况\n2019年以来，2023年，2023年。"),
        Some(2024)
    );
    assert_eq!(
        y("工作情况\n2022年开展检查。2023年完成整改，2023年底验收。"),
        Some(2023)
    );
    assert_eq!(y("工作情况\n开展检查。"), None);
}
