//! Filling in placeholders: every blank replaced by exactly its own
//! characters, each value checked for its kind, and a fill-in that leaves
//! the draft consistent with what the analysis then says of it.

use draftcheck::fill::{self, Blank, Kind, Years};
use draftcheck::{analyze_auto, Report, Severity};
use std::fs;

const TODAY: u32 = 2026;

fn blanks_of(text: &str) -> (Report, Vec<Blank>) {
    let report = analyze_auto(text);
    let blanks = fill::blanks(text, &report);
    (report, blanks)
}

/// The blank's kind, its characters and the context it is shown in.
fn row(b: &Blank) -> (Kind, &str, &str, &str) {
    (b.kind, b.before.as_str(), b.text.as_str(), b.after.as_str())
}

fn fill_one(text: &str, pick: impl Fn(&Blank) -> bool, value: &str) -> String {
    let (_, blanks) = blanks_of(text);
    let k = blanks.iter().position(pick).expect("a blank");
    fill::apply(
        text,
        &blanks,
        &[(k, value.to_string())],
        Years::around(text, TODAY),
    )
    .expect("accepted")
}

#[test]
fn the_reported_steps_give_a_whole_date() {
    let text = "一、整改要求\n于20XX年X月X日前完成全部整改。\n";
    let (_, blanks) = blanks_of(text);
    let rows: Vec<_> = blanks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            (Kind::Year, "于", "20XX", "年X月X日前完成全部整改"),
            (Kind::Month, "于20XX年", "X", "月X日前完成全部整改"),
            (Kind::Day, "于20XX年X月", "X", "日前完成全部整改"),
        ]
    );
    let values = vec![
        (0, "2026".to_string()),
        (1, "3".to_string()),
        (2, "31".to_string()),
    ];
    let out = fill::apply(text, &blanks, &values, Years::around(text, TODAY)).unwrap();
    assert_eq!(out, "一、整改要求\n于2026年3月31日前完成全部整改。\n");
    // The new text has no placeholder left and no broken date.
    let after = analyze_auto(&out);
    assert!(
        after
            .findings
            .iter()
            .all(|f| f.category != draftcheck::Category::Placeholder && f.rule != "invalid-date"),
        "{:?}",
        after.findings
    );
}

#[test]
fn a_value_with_its_unit_is_not_written_twice() {
    let text = "于20XX年X月X日前完成，共整改XX人，涉及xx局。";
    let years = Years::around(text, TODAY);
    let (_, blanks) = blanks_of(text);
    let values = vec![
        (0, "2026年".to_string()),
        (1, "3月".to_string()),
        (2, "31日".to_string()),
        (3, "12人".to_string()),
        (4, "县财政局".to_string()),
    ];
    assert_eq!(
        fill::apply(text, &blanks, &values, years).unwrap(),
        "于2026年3月31日前完成，共整改12人，涉及县财政局。"
    );
}

#[test]
fn only_the_marks_of_a_partly_written_year_may_be_typed() {
    let text = "201X年以来，全县新建项目X个。";
    assert_eq!(
        fill_one(text, |b| b.kind == Kind::Year, "9"),
        "2019年以来，全县新建项目X个。"
    );
    assert_eq!(
        fill_one(text, |b| b.kind == Kind::Year, "2021"),
        "2021年以来，全县新建项目X个。"
    );
    // A year without digits of its own takes all four: "26" is no year.
    let bare = "XX年工作总结";
    let (_, blanks) = blanks_of(bare);
    let err = fill::apply(
        bare,
        &blanks,
        &[(0, "26".into())],
        Years::around(bare, TODAY),
    )
    .unwrap_err();
    assert_eq!(err[0].1.zh, "“26”不是年份：请填四位数字的年份，如“2026”");
}

#[test]
fn chinese_numeral_years_stay_chinese() {
    let text = "二〇XX年工作总结";
    let (_, blanks) = blanks_of(text);
    assert_eq!(row(&blanks[0]), (Kind::Year, "", "二〇XX", "年工作总结"));
    assert!(blanks[0].chinese);
    let years = Years::around(text, TODAY);
    for v in ["2026", "26", "二〇二六"] {
        assert_eq!(
            fill::apply(text, &blanks, &[(0, v.into())], years).unwrap(),
            "二〇二六年工作总结",
            "{v}"
        );
    }
}

#[test]
fn every_kind_of_blank_is_cut_to_its_own_characters() {
    let cases: &[(&str, Kind, &str)] = &[
        ("现将202-年度工作情况报告如下", Kind::Year, "202-"),
        ("2023年20××年度工作安排", Kind::Year, "20××"),
        ("根据X政发〔20××〕X号文件", Kind::Year, "20××"),
        ("根据县委发〔  〕3号文件精神", Kind::Year, "  "),
        ("会议于×月28日召开", Kind::Month, "×"),
        ("全县共有基层纪检组织XX个", Kind::Number, "XX"),
        ("处分党员XX人", Kind::Number, "XX"),
        ("完成率达X%", Kind::Number, "X"),
        ("增长XX.X%", Kind::Number, "XX.X"),
        ("资金X.X亿元", Kind::Number, "X.X"),
        ("巡察第X组", Kind::Number, "X"),
        ("近X年来", Kind::Number, "X"),
        ("某某同志任组长", Kind::Name, "某某"),
        ("由[单位名称]牵头", Kind::Name, "[单位名称]"),
        ("xx局党委高度重视", Kind::Name, "xx"),
        ("贯彻“XXX”总要求", Kind::Text, "XXX"),
        ("*年*月完成", Kind::Year, "*"),
        ("问题（  ）个", Kind::Number, "（  ）"),
    ];
    for (text, kind, blank) in cases {
        let (_, blanks) = blanks_of(text);
        let b = blanks
            .iter()
            .find(|b| b.text == *blank)
            .unwrap_or_else(|| panic!("no blank {blank} in {text}: {blanks:?}"));
        assert_eq!(b.kind, *kind, "{text}");
    }
}

#[test]
fn an_empty_signing_date_is_three_blanks() {
    let text = "中共某某县委办公室\n    年    月    日\n";
    let (_, blanks) = blanks_of(text);
    let dates: Vec<_> = blanks
        .iter()
        .filter(|b| matches!(b.kind, Kind::Year | Kind::Month | Kind::Day))
        .map(|b| (b.kind, b.text.as_str()))
        .collect();
    assert_eq!(
        dates,
        vec![
            (Kind::Year, "    "),
            (Kind::Month, "    "),
            (Kind::Day, "    ")
        ]
    );
    let k = blanks.iter().position(|b| b.kind == Kind::Year).unwrap();
    let values = vec![
        (k, "2026".into()),
        (k + 1, "3".into()),
        (k + 2, "31".into()),
    ];
    let out = fill::apply(text, &blanks, &values, Years::around(text, TODAY)).unwrap();
    assert_eq!(out, "中共某某县委办公室\n2026年3月31日\n");
}

#[test]
fn wrong_values_are_refused_with_the_reason() {
    let text = "于20XX年X月X日前完成，共整改XX人，由某某同志负责。";
    let (_, blanks) = blanks_of(text);
    let years = Years::around(text, TODAY);
    let refused = |values: Vec<(usize, &str)>| -> Vec<(usize, String)> {
        let values: Vec<(usize, String)> = values
            .into_iter()
            .map(|(k, v)| (k, v.to_string()))
            .collect();
        fill::apply(text, &blanks, &values, years)
            .unwrap_err()
            .into_iter()
            .map(|(k, r)| (k, r.zh))
            .collect()
    };
    assert_eq!(
        refused(vec![(0, "20263")]),
        vec![(0, "“20263”不是年份：请填四位数字的年份，如“2026”".into())]
    );
    assert_eq!(
        refused(vec![(0, "1990")]),
        vec![(
            0,
            "1990年离报告的日期太远：请核对，年份应在2016年至2036年之间".into()
        )]
    );
    assert_eq!(
        refused(vec![(1, "13")]),
        vec![(1, "“13”不是月份：月份是1至12".into())]
    );
    assert_eq!(
        refused(vec![(1, "4"), (2, "31")]),
        vec![(2, "4月只有30天，没有31日".into())]
    );
    assert_eq!(
        refused(vec![(0, "2027"), (1, "2"), (2, "29")]),
        vec![(2, "2027年不是闰年，2月没有29日".into())]
    );
    assert_eq!(
        refused(vec![(3, "十几")]),
        vec![(3, "“十几”不是数字：这里要填一个数，如“12”或“3.5”".into())]
    );
    assert_eq!(
        refused(vec![(4, "   ")]),
        vec![(4, "只填了空格：请填入实际内容，或清空这一栏保持不变".into())]
    );
    assert_eq!(
        refused(vec![(4, "XX")]),
        vec![(4, "“XX”仍然是占位符：请填入实际内容".into())]
    );
    // One wrong value keeps every other from being written.
    assert_eq!(refused(vec![(0, "2026"), (1, "13")]).len(), 1);
    // Leap years and valid values pass.
    let ok = fill::apply(
        text,
        &blanks,
        &[
            (0, "2028".into()),
            (1, "2".into()),
            (2, "29".into()),
            (3, "1,200".into()),
        ],
        years,
    );
    assert_eq!(
        ok.unwrap(),
        "于2028年2月29日前完成，共整改1,200人，由某某同志负责。"
    );
}

#[test]
fn a_fixed_month_in_the_text_bounds_its_day() {
    let text = "于2026年2月X日前报送";
    let (_, blanks) = blanks_of(text);
    let years = Years::around(text, TODAY);
    let err = fill::apply(text, &blanks, &[(0, "30".into())], years).unwrap_err();
    assert_eq!(err[0].1.zh, "2月只有28天，没有30日");
}

/// Every blank of every corpus template filled with a valid value of its
/// kind: the text outside the blanks is the same, character by character.
#[test]
fn every_corpus_blank_fills_without_touching_its_surroundings() {
    let mut total = 0;
    for name in [
        "000_template_collection.txt",
        "000-1_bureau_self_check.txt",
        "000-2_county_evaluation.txt",
        "000-3_town_analysis.txt",
        "000-4_county_commission.txt",
        "001_office_report.txt",
    ] {
        let text = fs::read_to_string(format!("tests/fixtures/corpus/{name}")).unwrap();
        check_fills_everything(name, &text, &mut total);
    }
    let planted = fs::read_to_string("tests/fixtures/placeholders/must_flag.txt").unwrap();
    check_fills_everything("must_flag.txt", &planted, &mut total);
    assert!(total > 400, "{total} blanks");
}

fn check_fills_everything(name: &str, text: &str, total: &mut usize) {
    let report = analyze_auto(text);
    let blanks = fill::blanks(text, &report);
    let placeholders = report
        .findings
        .iter()
        .filter(|f| f.rule == "placeholder")
        .count();
    assert!(
        blanks.len() >= placeholders,
        "{name}: every placeholder has a blank"
    );
    let years = Years::around(text, TODAY);
    let values: Vec<(usize, String)> = blanks
        .iter()
        .enumerate()
        .map(|(k, b)| (k, fill::example_value(b, years)))
        .collect();
    let (ok, bad) = fill::check_all(&blanks, &values, years);
    assert!(bad.is_empty(), "{name}: {bad:?}");
    let out = fill::apply(text, &blanks, &values, years).expect("all valid");
    // Walk both texts: outside the blanks every character is the same;
    // inside, exactly the replacement stands.
    let mut pos = 0;
    let mut at = 0;
    for (k, r) in &ok {
        let b = &blanks[*k];
        assert_eq!(
            &text[pos..b.start],
            &out[at..at + (b.start - pos)],
            "{name}: before blank {k}"
        );
        at += b.start - pos;
        assert_eq!(&out[at..at + r.len()], r.as_str(), "{name}: blank {k}");
        at += r.len();
        pos = b.end;
    }
    assert_eq!(&text[pos..], &out[at..], "{name}: the tail");
    // No unit written twice: no 年年, 人人, 月月 appear that were not there.
    for twice in ["年年", "月月", "日日", "人人", "个个", "局局"] {
        assert_eq!(
            out.matches(twice).count(),
            text.matches(twice).count(),
            "{name}: {twice}"
        );
    }
    // Filled in, the draft has no placeholder error left.
    let after = analyze_auto(&out);
    let left: Vec<_> = after
        .findings
        .iter()
        .filter(|f| f.rule == "placeholder" && f.severity == Severity::Error)
        .map(|f| (f.text.clone(), f.context.clone()))
        .collect();
    assert!(left.is_empty(), "{name}: {left:?}");
    *total += blanks.len();
}
