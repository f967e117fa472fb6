//! 不存在的日期。2月30日、4月31日、13月，或平年的2月29日（如2021年2月29日），
//! 都是日历上没有的日子，多半是手误或改年份时忘了改日期。日期范围的结束早于
//! 开始（“2021年5月10日至5月3日”“2021年至2019年”）也会标出。
//!
//! 闰年的2月29日（如2020年2月29日）是有效的；没写年份的2月29日不报。
//! 跨年的范围（“12月至次年3月”“2020年12月至3月”）不报；但“4月2日至3月17日”
//! 这样倒退不到半年的范围，跨年就要长达大半年，又没写“次年”，会标出。
//!
//! 丢了“年”“月”字的日期也会标出：“20263月31日”（年份和月份连在一起）、
//! “20230315日”“2023315日”“2023年315日”。这常常是填写模板里的
//! “20XX年X月”时把“年”“月”一起替换掉了，或者从表格、系统里导出时丢了
//! 字。能确定原来的写法时给出改正建议；两种读法都说得通时（如“2023111日”
//! 可能是1月11日，也可能是11月1日）只提示核对。
//!
//! 示例：“于2021年2月29日召开专题会议”——2021年不是闰年，2月只有28天。
//!
//! # English
//! Dates that cannot exist: 2月30日, 4月31日, 13月, or 29 February in a
//! common year (2021年2月29日) — usually a typo or a year changed without
//! its date. A range whose end comes before its start (2021年5月10日至5月3日,
//! 2021年至2019年) is flagged too. 2020年2月29日 is valid; 2月29日 without a
//! year is not flagged, nor are ranges that may run into the next year
//! (12月至次年3月, 2020年12月至3月); a range going back a few months
//! (4月2日至3月17日) would run most of a year and is flagged. Dates that lost their 年 or 月 are flagged too:
//! 20263月31日 (the year ran into the month), 20230315日, 2023315日,
//! 2023年315日 — typically a template's 20XX年X月 filled in with the 年 or
//! 月 replaced along with the blank. The fix is offered when only one
//! reading is a real date.

use super::{support_scan, Ctx, Emitter};
use crate::calendar::days_in;
use crate::cnum;
use crate::numbers::digit_value;
use crate::re::{Captures, Regex};
use std::sync::OnceLock;

/// A date as written: any part may be missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Date {
    start: usize,
    end: usize,
    year: Option<u32>,
    month: Option<u32>,
    day: Option<u32>,
}

fn arabic_dates() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"(?:([0-9０-９]{4})[ \t\u{3000}]*年[ \t\u{3000}]*)?([0-9０-９]{1,2})[ \t\u{3000}]*月(?:[ \t\u{3000}]*([0-9０-９]{1,2})[ \t\u{3000}]*[日号])?",
            r"|([12][0-9]{3})([-./])([0-9]{1,2})([-./])([0-9]{1,2})",
            r"|([0-9０-９]{4})[ \t\u{3000}]*年"
        ))
        .expect("valid regex")
    })
}

fn chinese_dates() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?:([〇零○一二三四五六七八九]{4})年)?([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,4})[日号]",
        )
        .expect("valid regex")
    })
}

fn arabic(s: &str) -> Option<u32> {
    let mut v: u32 = 0;
    for c in s.chars() {
        v = v.checked_mul(10)?.checked_add(digit_value(c)?)?;
    }
    Some(v)
}

fn cn_year(s: &str) -> Option<u32> {
    let mut v = 0u32;
    for c in s.chars() {
        v = v * 10 + cnum::digit(c)? as u32;
    }
    Some(v)
}

/// Matches of `re` in `text`, searched only in the runs of `member`
/// characters around the `seeds` (see `support_scan::char_runs`): every
/// match holds a seed and consists of member characters. `want` must hold
/// for a run that can hold a match. Yields (run offset, captures).
fn matches_in_runs<'t>(
    text: &'t str,
    re: &'static Regex,
    seeds: &'t support_scan::Seeds,
    member: fn(char) -> bool,
    want: fn(&str) -> bool,
) -> impl Iterator<Item = (usize, Captures<'t>)> + 't {
    support_scan::char_runs(text, seeds, member)
        .filter(move |(_, run)| want(run))
        .flat_map(move |(at, run)| re.captures_iter(run).map(move |c| (at, c)))
}

fn is_any_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Every character an Arabic date can hold.
fn arabic_date_char(c: char) -> bool {
    is_any_digit(c)
        || matches!(
            c,
            ' ' | '\t' | '\u{3000}' | '年' | '月' | '日' | '号' | '-' | '.' | '/'
        )
}

/// Every character a date in Chinese numerals can hold.
fn chinese_date_char(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '○'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '年'
            | '月'
            | '日'
            | '号'
    )
}

static ARABIC_SEEDS: OnceLock<support_scan::Seeds> = OnceLock::new();
static CHINESE_SEEDS: OnceLock<support_scan::Seeds> = OnceLock::new();

fn collect_dates(text: &str) -> Vec<Date> {
    let mut out = Vec::new();
    // Every Arabic date holds a digit and 年, 月 or a separator -./.
    let arabic_runs = matches_in_runs(
        text,
        arabic_dates(),
        ARABIC_SEEDS.get_or_init(|| support_scan::Seeds::chars(&['年', '月', '-', '.', '/'])),
        arabic_date_char,
        |run| run.contains(is_any_digit),
    );
    for (at, c) in arabic_runs {
        let Some(m) = c.get(0) else { continue };
        let m = support_scan::Shifted::of(at, m.start(), m.end());
        let before = text[..m.start()].chars().next_back();
        if before.is_some_and(|b| digit_value(b).is_some() || b == '.' || b == '．') {
            continue;
        }
        let after = text[m.end()..].chars().next();
        if let Some(y) = c.get(4) {
            // 2021-02-30, 2021.2.30, 2021/2/30: one separator, no more digits.
            if c.get(5).map(|s| s.as_str()) != c.get(7).map(|s| s.as_str())
                || after.is_some_and(|a| a.is_ascii_digit() || a == '.')
            {
                continue;
            }
            out.push(Date {
                start: m.start(),
                end: m.end(),
                year: arabic(y.as_str()),
                month: c.get(6).and_then(|s| arabic(s.as_str())),
                day: c.get(8).and_then(|s| arabic(s.as_str())),
            });
            continue;
        }
        if let Some(y) = c.get(9) {
            out.push(Date {
                start: m.start(),
                end: m.end(),
                year: arabic(y.as_str()),
                month: None,
                day: None,
            });
            continue;
        }
        // 18月龄 is an age; 3月份 is still a month.
        if c.get(3).is_none() && text[m.end()..].starts_with('龄') {
            continue;
        }
        out.push(Date {
            start: m.start(),
            end: m.end(),
            year: c.get(1).and_then(|s| arabic(s.as_str())),
            month: c.get(2).and_then(|s| arabic(s.as_str())),
            day: c.get(3).and_then(|s| arabic(s.as_str())),
        });
    }
    // A date in Chinese numerals holds 月.
    let chinese_runs = matches_in_runs(
        text,
        chinese_dates(),
        CHINESE_SEEDS.get_or_init(|| support_scan::Seeds::chars(&['月'])),
        chinese_date_char,
        |_| true,
    );
    for (at, c) in chinese_runs {
        let Some(m) = c.get(0) else { continue };
        let m = support_scan::Shifted::of(at, m.start(), m.end());
        let before = text[..m.start()].chars().next_back();
        if before.is_some_and(|b| cnum::is_numeral_char(b) || b == '第') {
            continue;
        }
        let month = c
            .get(2)
            .and_then(|s| cnum::parse(s.as_str()))
            .map(|v| v as u32);
        let day = c
            .get(3)
            .and_then(|s| cnum::parse(s.as_str()))
            .map(|v| v as u32);
        out.push(Date {
            start: m.start(),
            end: m.end(),
            year: c.get(1).and_then(|s| cn_year(s.as_str())),
            month,
            day,
        });
    }
    crate::sort::sort_by(&mut out, |d| d.start as u128);
    out
}

fn describe(d: &Date) -> Option<(String, String)> {
    let month = d.month?;
    if month == 0 || month > 12 {
        return Some((
            format!("没有{month}月：月份只能是1至12月"),
            format!("There is no month {month}: months run from 1 to 12"),
        ));
    }
    let day = d.day?;
    let max = days_in(month, d.year);
    if day == 0 || day > max {
        let (zh, en) = if month == 2 && day == 29 {
            let y = d.year.unwrap_or(0);
            (
                format!("{y}年不是闰年，2月只有28天，没有2月29日"),
                format!("{y} is not a leap year: February has 28 days"),
            )
        } else if month == 2 {
            match d.year {
                // The year is known: its February's length, not the longest one.
                Some(y) => (
                    format!("{y}年2月只有{max}天，没有2月{day}日"),
                    format!("February {y} has {max} days; there is no 2/{day}"),
                ),
                None => (
                    format!("2月最多29天，没有2月{day}日"),
                    format!("February has at most 29 days; there is no 2/{day}"),
                ),
            }
        } else {
            (
                format!("{month}月只有{max}天，没有{month}月{day}日"),
                format!("Month {month} has {max} days; there is no {month}/{day}"),
            )
        };
        return Some((zh, en));
    }
    None
}

const RANGE_SEPS: &[&str] = &["至", "到", "~", "～", "〜", "——", "—", "－", "-", "–"];

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "invalid-date",
    category: crate::Category::Date,
    severity: crate::Severity::Error,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let text = ctx.doc.text;
    merged_dates(text, out);
    let dates = collect_dates(text);
    for d in &dates {
        if let Some((zh, en)) = describe(d) {
            let shown = text.get(d.start..d.end).unwrap_or("");
            out.error(
                d.start,
                d.end,
                format!("日期“{shown}”不存在：{zh}，请核对"),
                format!("The date \"{shown}\" does not exist: {en}"),
            );
        }
    }
    for d in &dates {
        // 2021—2019年: a range of years written with one 年.
        if d.month.is_some() || d.day.is_some() {
            continue;
        }
        let Some(yb) = d.year else { continue };
        let Some((start, ya)) = year_before_range(text, d.start) else {
            continue;
        };
        if yb < ya {
            let shown = text.get(start..d.end).unwrap_or("");
            out.error(
                start,
                d.end,
                format!("年份范围“{shown}”的结束早于开始：请核对起止年份"),
                format!("The year range \"{shown}\" ends before it starts: check both years"),
            )
            .related(d.start, d.end, "结束年份");
        }
    }
    for (k, a) in dates.iter().enumerate() {
        if describe(a).is_some() {
            continue;
        }
        let rest = text.get(a.end..).unwrap_or("");
        let trimmed = rest.trim_start();
        let Some(sep) = RANGE_SEPS.iter().find(|s| trimmed.starts_with(**s)) else {
            continue;
        };
        let b_start = a.end + (rest.len() - trimmed.len()) + sep.len();
        let after = text.get(b_start..).unwrap_or("");
        let lead = after.len() - after.trim_start().len();
        let b_start = b_start + lead;
        let b = match dates.get(k + 1) {
            Some(b) if b.start == b_start => *b,
            _ => match day_only(text, b_start) {
                Some(end_day) => Date {
                    start: b_start,
                    end: end_day.1,
                    year: None,
                    month: None,
                    day: Some(end_day.0),
                },
                None => continue,
            },
        };
        if describe(&b).is_some() || !reversed(a, &b) {
            continue;
        }
        let shown = text.get(a.start..b.end).unwrap_or("");
        out.error(
            a.start,
            b.end,
            format!("日期范围“{shown}”的结束早于开始：请核对起止日期"),
            format!("The date range \"{shown}\" ends before it starts: check both dates"),
        )
        .related(b.start, b.end, "结束日期");
    }
}

static MERGED_SEEDS: OnceLock<support_scan::Seeds> = OnceLock::new();

/// Digits that hold a year and its month (and day) with the 年 or 月 lost:
/// 20263月, 20230315日, 2023315日, 2023年315日.
fn merged_dates(text: &str, out: &mut Emitter) {
    let seeds = MERGED_SEEDS.get_or_init(|| support_scan::Seeds::chars(&['月', '日', '号']));
    let runs = support_scan::char_runs(text, seeds, arabic_date_char)
        .filter(|(_, run)| run.bytes().filter(u8::is_ascii_digit).count() >= 3);
    for (at, run) in runs {
        let bytes = run.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let from = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let digits = &run[from..i];
            let unit = run[i..].chars().next();
            let before = run[..from].chars().next_back();
            if before.is_some_and(|c| matches!(c, '.' | '-' | '/')) {
                continue;
            }
            let after_year = before == Some('年');
            let Some(unit) = unit.filter(|u| matches!(u, '月' | '日' | '号')) else {
                continue;
            };
            let span_end = at + i + unit.len_utf8();
            let start = at + from;
            let reading = match (unit, digits.len(), after_year) {
                ('月', 5 | 6, false) => {
                    let (y, m) = (arabic(&digits[..4]), arabic(&digits[4..]));
                    match (y, m) {
                        (Some(y), Some(m)) if is_year(y) && (1..=12).contains(&m) => {
                            Some((vec![format!("{y}年{m}月")], "年"))
                        }
                        _ => None,
                    }
                }
                ('日' | '号', 7 | 8, false) => {
                    arabic(&digits[..4]).filter(|&y| is_year(y)).map(|y| {
                        let days = month_day_readings(&digits[4..], Some(y), unit);
                        (
                            days.into_iter().map(|md| format!("{y}年{md}")).collect(),
                            "年、月",
                        )
                    })
                }
                ('日' | '号', 3 | 4, true) => {
                    let year = run[..from]
                        .strip_suffix('年')
                        .and_then(|h| h.get(h.len().saturating_sub(4)..))
                        .and_then(arabic);
                    Some((month_day_readings(digits, year, unit), "月"))
                }
                _ => None,
            };
            let Some((readings, lost)) = reading else {
                continue;
            };
            if readings.is_empty() {
                continue;
            }
            let shown = &text[start..span_end];
            if let [one] = readings.as_slice() {
                out.error(
                    start,
                    span_end,
                    format!("日期“{shown}”丢了“{lost}”字：应为“{one}”，请核对"),
                    format!("The date \"{shown}\" lost its {lost}: it should read \"{one}\""),
                )
                .suggest(one.clone());
                continue;
            }
            let either = readings.join("”还是“");
            out.error(
                start,
                span_end,
                format!("日期“{shown}”丢了“{lost}”字：是“{either}”？请核对后补上"),
                format!("The date \"{shown}\" lost its {lost}: is it \"{either}\"? Check and restore it"),
            );
        }
    }
}

fn is_year(y: u32) -> bool {
    (1900..=2100).contains(&y)
}

/// The ways three or four digits read as a month and a day (315 → 3月15日;
/// 111 → 1月11日 or 11月1日), each a real date.
fn month_day_readings(digits: &str, year: Option<u32>, unit: char) -> Vec<String> {
    let mut out = Vec::new();
    for cut in 1..digits.len() {
        let (m, d) = (&digits[..cut], &digits[cut..]);
        // A day is one or two digits, a month too; a leading zero only in
        // a two-digit part (0315 → 03 and 15).
        if m.len() > 2 || d.len() > 2 || (d.len() == 1 && d == "0") {
            continue;
        }
        if (m.len() == 1 && m == "0") || (d.starts_with('0') && d.len() == 1) {
            continue;
        }
        let (Some(mv), Some(dv)) = (arabic(m), arabic(d)) else {
            continue;
        };
        if (1..=12).contains(&mv) && dv >= 1 && dv <= days_in(mv, year) {
            out.push(format!("{mv}月{dv}{unit}"));
        }
    }
    out
}

/// "2021—" right before `at`: (start byte, year).
fn year_before_range(text: &str, at: usize) -> Option<(usize, u32)> {
    let before = text.get(..at)?.trim_end();
    let sep = RANGE_SEPS.iter().find(|s| before.ends_with(**s))?;
    let before = before[..before.len() - sep.len()].trim_end();
    let digits: usize = before
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .take(5)
        .map(char::len_utf8)
        .sum();
    if digits != 4 {
        return None;
    }
    let start = before.len() - digits;
    if before[..start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit() || c == '.')
    {
        return None;
    }
    Some((start, arabic(&before[start..])?))
}

/// "10日" right after a range separator: (day, end byte).
fn day_only(text: &str, at: usize) -> Option<(u32, usize)> {
    let rest = text.get(at..)?;
    let n: usize = rest
        .chars()
        .take_while(|&c| digit_value(c).is_some())
        .take(7)
        .map(char::len_utf8)
        .sum();
    if n == 0 || n > 6 {
        return None;
    }
    let marker = rest[n..].chars().next()?;
    if marker != '日' && marker != '号' {
        return None;
    }
    Some((arabic(&rest[..n])?, at + n + marker.len_utf8()))
}

/// The end of the range comes before its start, with no doubt about the
/// year: both years given, or the end in the same month.
fn reversed(a: &Date, b: &Date) -> bool {
    match (a.year, b.year) {
        (Some(ya), Some(yb)) if ya != yb => return yb < ya,
        (Some(_), Some(_)) | (_, None) | (None, Some(_)) => {}
    }
    if a.year.is_none() && b.year.is_some() {
        return false;
    }
    let (Some(ma), bm) = (a.month, b.month) else {
        return false;
    };
    let mb = match bm {
        Some(m) => m,
        None if b.year.is_none() => ma,
        None => return false,
    };
    if mb != ma {
        // 2021年5月至2021年3月: both years written, so no wrap into next year.
        if a.year.is_some() && b.year.is_some() {
            return mb < ma;
        }
        // 4月2日至3月17日: running into next year it would last eleven
        // months, and such a range says 次年. A short wrap (12月至3月,
        // 10月至3月) is left alone.
        return b.year.is_none() && mb < ma && ma - mb <= 4;
    }
    match (a.day, b.day) {
        (Some(da), Some(db)) => db < da,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{assert_flags, assert_silent, findings_of};

    const RULE: &str = "invalid-date";

    #[test]
    fn a_range_going_back_a_few_months_is_reversed() {
        let f = findings_of(RULE, "我院于2026年4月2日至3月17日组织开展了自查自纠工作。");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].text, "2026年4月2日至3月17日");
        assert_eq!(
            f[0].message,
            "日期范围“2026年4月2日至3月17日”的结束早于开始：请核对起止日期"
        );
        assert_silent(
            RULE,
            &[
                "2025年12月至3月开展冬季攻势。",
                "2025年10月至3月开展秸秆禁烧巡查。",
                "11月至次年3月为防火期。",
                "2026年4月至6月开展专项整治。",
            ],
        );
    }

    #[test]
    fn february_is_as_long_as_its_year_makes_it() {
        let msg = |t: &str| findings_of(RULE, t)[0].message.clone();
        assert_eq!(
            msg("2026年2月30日前完成全部整改。"),
            "日期“2026年2月30日”不存在：2026年2月只有28天，没有2月30日，请核对"
        );
        assert_eq!(
            msg("2024年2月30日前完成全部整改。"),
            "日期“2024年2月30日”不存在：2024年2月只有29天，没有2月30日，请核对"
        );
        assert_eq!(
            msg("2月30日前完成全部整改。"),
            "日期“2月30日”不存在：2月最多29天，没有2月30日，请核对"
        );
    }

    #[test]
    fn flags_dates_that_do_not_exist() {
        assert_flags(
            RULE,
            &[
                "2月30日，召开党委会专题研究。",
                "于2021年2月29日召开专题会议。",
                "4月31日前完成整改。",
                "截至2020年13月，共受理信访件10件。",
                "6月31日完成自查。",
                "二〇二一年二月三十日召开会议。",
                "将于2021-02-30报送材料。",
                "2021年5月10日至5月3日开展专项检查。",
                "2021年5月10日至3日开展专项检查。",
                "2021年至2019年连续三年排名全市前列。",
                "2021—2019年连续三年排名全市前列。",
                "2021年5月至2020年3月开展集中整治。",
                "于20263月31日前完成全部整改。",
                "截至20230315日，已完成整改。",
                "截至2023315日，已完成整改。",
                "截至2023年315日，已完成整改。",
            ],
        );
        let f = findings_of(RULE, "于20263月31日前完成全部整改。");
        assert_eq!(
            (
                f[0].text.as_str(),
                f[0].message.as_str(),
                f[0].suggestion.as_deref()
            ),
            (
                "20263月",
                "日期“20263月”丢了“年”字：应为“2026年3月”，请核对",
                Some("2026年3月")
            )
        );
        let f = findings_of(RULE, "截至20230315日，已完成整改。");
        assert_eq!(
            (f[0].text.as_str(), f[0].suggestion.as_deref()),
            ("20230315日", Some("2023年3月15日"))
        );
        let f = findings_of(RULE, "截至2023年315日，已完成整改。");
        assert_eq!(
            (f[0].text.as_str(), f[0].suggestion.as_deref()),
            ("315日", Some("3月15日"))
        );
        // Two readings: no fix is guessed.
        let f = findings_of(RULE, "截至2023111日，已完成整改。");
        assert_eq!(
            (f[0].message.as_str(), f[0].suggestion.as_deref()),
            (
                "日期“2023111日”丢了“年、月”字：是“2023年1月11日”还是“2023年11月1日”？请核对后补上",
                None
            )
        );
        let f = findings_of(RULE, "于2021年2月29日召开专题会议。");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "2021年2月29日");
        assert_eq!(f[0].category, crate::Category::Date);
    }

    #[test]
    fn silent_on_real_dates() {
        assert_silent(
            RULE,
            &[
                "2020年2月29日召开会议。",
                "2月29日召开会议。",
                "4月30日前完成整改。",
                "12月31日前报送。",
                "2019年至2021年连续三年排名全市前列。",
                "2020年12月至3月开展冬季攻势。",
                "12月至次年3月开展冬季攻势。",
                "3月5日至4月10日开展专项检查。",
                "X月X日，召开干部座谈会。",
                "201X年X月，我县出台意见。",
                "202-年X月，全县立案查处违纪违法案件X件。",
                "受理举报13个月以来。",
                "6-18月龄婴幼儿。",
                "共开展检查12次，整改问题31个。",
                "PM2.5浓度下降12.5%。",
                "全年累计服务群众12000日次。",
                "连续坚守岗位365日。",
                "共计20000日的观测记录。",
                "2023年365日无休。",
                "编号2023.20263月报。",
                "设备运行10005日。",
            ],
        );
    }
}
