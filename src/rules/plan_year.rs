//! 规划期的年份写错。五年规划的起止年份是固定的：“十三五”是2016—2020年，
//! “十四五”是2021—2025年，“十五五”是2026—2030年。“2025年是‘十五五’开局
//! 之年”“2026年是‘十四五’收官之年”这样的句子，要么年份错了，要么规划期
//! 错了，多半是套用旧稿时只改了一处。
//!
//! 只看“某年是‘十×五’……开局（起步、开篇）之年 / 收官之年”这样明说的句子；
//! 没写年份的（“今年是……”）不提示。
//!
//! # English
//! A year that does not fit its five-year plan. The plan periods are fixed:
//! 十三五 is 2016–2020, 十四五 2021–2025, 十五五 2026–2030. "2025年是“十五五”
//! 开局之年" or "2026年是“十四五”收官之年" has either the year or the plan
//! wrong, usually one of the two changed when an old draft was reused. Only
//! sentences that say so outright are read: a year, 是 or 为, the plan, and
//! its first (开局, 起步, 开篇) or last (收官) year; 今年 without a year is
//! not checked.

use super::{Ctx, Emitter};

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "plan-year",
    category: crate::Category::Date,
    severity: crate::Severity::Warning,
    check,
};

/// Words before 之年 naming the plan's first year, and its last.
const FIRST: &[&str] = &["开局", "起步", "开篇", "起始", "启动"];
const LAST: &[&str] = &["收官", "完成", "结束"];

/// The plan's number in 十X五 (14 for 十四五).
fn plan_number(name: &str) -> Option<u32> {
    let chars: Vec<char> = name.chars().collect();
    let n = chars.len();
    if n < 3 || chars[n - 1] != '五' || chars[n - 3] != '十' {
        return None;
    }
    let digit = "一二三四五六七八九".find(chars[n - 2])? / '一'.len_utf8() + 1;
    Some(10 + digit as u32)
}

/// The first year of the plan numbered `k` (十一五: 2006).
fn first_year(k: u32) -> u32 {
    1956 + 5 * (k - 1)
}

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let doc = ctx.doc;
    let text = doc.text;
    for (at, _) in text.match_indices("之年") {
        let (cs, _) = doc.clause_around(at, at);
        let clause = &text[cs..at];
        // The year and its verb: 2025年是, 2025年为.
        let Some(year_end) = clause.find("年是").or_else(|| clause.find("年为")) else {
            continue;
        };
        let head = &clause[..year_end];
        let digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
        if digits != 4 {
            continue;
        }
        let lead = &head[..head.len() - 4];
        // The year opens the clause (2025年是…, 即2025年是… would be read too).
        if lead.chars().count() > 2 {
            continue;
        }
        let Ok(year) = head[head.len() - 4..].parse::<u32>() else {
            continue;
        };
        let rest = clause[year_end + "年是".len()..].trim_start_matches(['“', '"', '「']);
        // The plan's name right after the verb: 十四五.
        let name: String = rest.chars().take(3).collect();
        let Some(k) = plan_number(&name) else {
            continue;
        };
        if !(11..=19).contains(&k) {
            continue;
        }
        let five = name.len();
        let which = &rest[five..];
        let (expected, zh, en) = if FIRST.iter().any(|w| which.ends_with(w)) {
            (first_year(k), "第一年", "first")
        } else if LAST.iter().any(|w| which.ends_with(w)) {
            (first_year(k) + 4, "最后一年", "last")
        } else {
            continue;
        };
        // Only the plan's own words between its name and 之年 (规划的, 时期).
        if which.chars().count() > 8 {
            continue;
        }
        if year == expected {
            continue;
        }
        let plan = name.as_str();
        let (from, to) = (first_year(k), first_year(k) + 4);
        let start = cs + lead.len();
        out.warning(
            start,
            start + 4 + '年'.len_utf8(),
            format!(
                "“{plan}”规划期是{from}—{to}年，它的{zh}是{expected}年，不是{year}年：年份或规划期写错了，请核对"
            ),
            format!(
                "The {plan} plan runs {from}–{to}: its {en} year is {expected}, not {year}; the year or the plan is wrong"
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_numbers_and_years() {
        assert_eq!(plan_number("十四五"), Some(14));
        assert_eq!(plan_number("十五五"), Some(15));
        assert_eq!(plan_number("十五"), None);
        assert_eq!(first_year(13), 2016);
        assert_eq!(first_year(15), 2026);
    }
}
