//! 增减幅度与“为上年的百分之几”对不上。“信访量下降了15%，达到去年的118%”——
//! 下降了，就应低于去年（下降15%是去年的85%）；“增长18%，为上年的112%”——增长
//! 18%应为上年的118%。一句话里既说了增减幅度、又说了相当于基期的百分之几时，
//! 两者必须一致：为上年的 (100 ± 幅度)%。改了一个数忘了改另一个时最常见。
//!
//! 只在两个数紧挨着（同一分句或相邻分句，后一分句没有另起主语）、且比的是同一个
//! 基期时检查：“同比”“比上年”与“上年的”“去年同期的”算同一基期；“比2019年
//! 下降15%，为上年的…”这种基期不同的不检查。四舍五入的误差不算错；增减多少个
//! 百分点、翻几倍的说法不检查。
//!
//! 示例：“全年受理信访件同比下降12%，为上年的112%”——下降12%应为上年的88%。
//!
//! # English
//! A stated change that contradicts the ratio to the same base in the same
//! sentence. In "信访量下降了15%，达到去年的118%" a decrease cannot leave the
//! figure above last year's (15 % less is 85 % of it); "增长18%，为上年的112%"
//! should read 118 %. The ratio must be (100 ± change) %. Checked only when
//! the two figures are in one clause or neighbouring clauses (the second
//! without a subject of its own) and compare with the same base (同比 and 比上年
//! match 上年的 and 去年同期的; 比2019年 against 上年的 is not checked).
//! Rounding is allowed; changes in percentage points or in 倍 are not read.

use super::{Ctx, Emitter};
use crate::numbers::{format_value, Number};

/// Verbs of a change right before its size, up (+1) or down (−1).
const CHANGE: &[(&str, i8)] = &[
    ("增长", 1),
    ("增加", 1),
    ("上升", 1),
    ("提高", 1),
    ("提升", 1),
    ("上涨", 1),
    ("增幅", 1),
    ("涨幅", 1),
    ("下降", -1),
    ("减少", -1),
    ("降低", -1),
    ("回落", -1),
    ("下滑", -1),
    ("下跌", -1),
    ("降幅", -1),
    ("减幅", -1),
];

/// Words that state a ratio to a base: 为上年的85%.
const RATIO_VERBS: &[&str] = &[
    "相当于",
    "达到了",
    "达到",
    "恢复到",
    "恢复至",
    "仅为",
    "只有",
    "为",
    "是",
    "达",
];

/// Bases that mean the same period of the year before.
const PREVIOUS_YEAR: &[&str] = &[
    "上年同期",
    "去年同期",
    "上一年",
    "前一年",
    "上年",
    "去年",
    "同期",
];

fn is_clause_sep(c: char) -> bool {
    matches!(c, '，' | ',')
}

fn is_sentence_end(c: char) -> bool {
    matches!(
        c,
        '。' | '；' | ';' | '！' | '？' | '：' | ':' | '\n' | '（' | '(' | '）' | ')'
    )
}

/// The base a comparison names: the year before, or a year written out.
#[derive(Debug, Clone, PartialEq)]
enum Base {
    PreviousYear,
    Year(String),
}

fn base_of(s: &str) -> Option<Base> {
    if PREVIOUS_YEAR.contains(&s) {
        return Some(Base::PreviousYear);
    }
    let y = s.strip_suffix("同期").unwrap_or(s);
    let y = y.strip_suffix('年')?;
    (y.len() == 4 && y.chars().all(|c| c.is_ascii_digit())).then(|| Base::Year(y.to_string()))
}

/// A ratio to a base at figure `r`: (the base, byte start of the ratio verb).
fn ratio_at(text: &str, r: &Number) -> Option<(Base, usize)> {
    let before = text.get(..r.start)?.strip_suffix('的')?;
    // The base: a period word or a year, read back to the ratio verb
    // (at most ten characters back).
    let from = before
        .char_indices()
        .rev()
        .take(10)
        .last()
        .map_or(before.len(), |(k, _)| k);
    let window = &before[from..];
    for verb in RATIO_VERBS {
        let Some(at) = window.rfind(verb).map(|k| from + k) else {
            continue;
        };
        let base = &before[at + verb.len()..];
        if base.is_empty() || base.chars().count() > 7 {
            continue;
        }
        if let Some(b) = base_of(base) {
            return Some((b, at));
        }
    }
    None
}

/// A change of size `s` (a percentage right after a change verb): its
/// direction, the byte start of its verb phrase (comparison included),
/// and its base when the comparison names one. None when the comparison
/// names a base that is not a period (比全省平均).
fn change_at(text: &str, s: &Number) -> Option<(i8, usize, Option<Base>)> {
    let mut before = text.get(..s.start)?;
    for w in ["达到", "为", "达", "了"] {
        before = before.strip_suffix(w).unwrap_or(before);
    }
    let &(verb, dir) = CHANGE.iter().find(|(v, _)| before.ends_with(v))?;
    let lead = &before[..before.len() - verb.len()];
    let lead = lead.strip_suffix("了").unwrap_or(lead);
    if let Some(l) = lead.strip_suffix("同比") {
        return Some((dir, l.len(), Some(Base::PreviousYear)));
    }
    if lead.ends_with("环比") {
        return None;
    }
    // 比上年, 较2019年同期: a comparison of up to 8 characters.
    let tail: String = lead
        .chars()
        .rev()
        .take(9)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if let Some(k) = tail.rfind(['比', '较']) {
        let base = &tail[k + 3..];
        let base = base.strip_suffix('的').unwrap_or(base);
        let b = base_of(base)?;
        let start = lead.len() - (tail.len() - k);
        return Some((dir, start, Some(b)));
    }
    Some((dir, lead.len(), None))
}

/// The text between `from` and `to` holds no sentence break and at most
/// one clause break; returns whether there is one.
fn clauses_between(text: &str, from: usize, to: usize) -> Option<usize> {
    let gap = text.get(from..to)?;
    if gap.chars().any(is_sentence_end) {
        return None;
    }
    Some(gap.chars().filter(|&c| is_clause_sep(c)).count())
}

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "ratio-mismatch",
    category: crate::Category::Figures,
    severity: crate::Severity::Error,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let text = ctx.doc.text;
    let nums = &ctx.doc.numbers;
    for (i, r) in nums.iter().enumerate() {
        if !r.percent || !r.is_exact() || r.value <= 0.0 {
            continue;
        }
        let Some((base, verb_at)) = ratio_at(text, r) else {
            continue;
        };
        // The change: the percentage just before the ratio's clause
        // (下降了15%，达到去年的118%) or just after it (为上年的85%，下降15%).
        let before = nums[..i].iter().rev().find(|n| n.percent);
        let after = nums[i + 1..].iter().find(|n| n.percent);
        let mut found = None;
        if let Some(s) = before.filter(|s| s.is_exact()) {
            // Nothing but the comma between the size and the ratio verb:
            // the ratio's clause has no subject of its own.
            let gap = text.get(s.end..verb_at).unwrap_or("x");
            let gap = gap.trim_start_matches(is_clause_sep);
            if gap.is_empty() || gap == "即" || gap == "也就是" {
                if let Some(c) = change_at(text, s) {
                    found = Some((s, c));
                }
            }
        }
        if found.is_none() {
            if let Some(s) = after.filter(|s| s.is_exact()) {
                if let Some(c @ (_, start, _)) = change_at(text, s) {
                    let gap = text.get(r.end..start).unwrap_or("x");
                    if gap.chars().all(is_clause_sep) && gap.chars().count() <= 1 {
                        found = Some((s, c));
                    }
                }
            }
        }
        let Some((s, (dir, _, change_base))) = found else {
            continue;
        };
        if change_base.is_some_and(|b| b != base) {
            continue;
        }
        let (first, last) = if s.start < r.start { (s, r) } else { (r, s) };
        if clauses_between(text, first.end, last.start).is_none_or(|n| n > 1) {
            continue;
        }
        let p = s.value;
        let expected = 100.0 + f64::from(dir) * p;
        let half_p = 0.5 * 10f64.powi(-i32::from(s.decimals));
        let (lo, hi) = (
            100.0 + f64::from(dir) * p - half_p,
            100.0 + f64::from(dir) * p + half_p,
        );
        let unit = 10f64.powi(-i32::from(r.decimals));
        let off = r.value >= hi + unit - 1e-9 || r.value <= lo - unit + 1e-9;
        if !off {
            continue;
        }
        let change = &text[s.start..s.end];
        let ratio = &text[r.start..r.end];
        let base_zh = &text[verb_at..r.start];
        let wrong_way = if dir > 0 {
            r.value <= 100.0
        } else {
            r.value >= 100.0
        };
        let (verb_zh, verb_en) = if dir > 0 {
            ("增长", "an increase")
        } else {
            ("下降", "a decrease")
        };
        let shown = format_value(expected);
        let (zh, en) = if wrong_way {
            (
                format!(
                    "{verb_zh}{change}，却{base_zh}{ratio}：{}，{verb_zh}{change}应为基期的{shown}%，请核对",
                    if dir > 0 {
                        "增长后应高于基期的100%"
                    } else {
                        "下降后应低于基期的100%"
                    }
                ),
                format!(
                    "{change} is {verb_en}, yet the figure is {ratio} of its base: it should be {shown}%; check the figures"
                ),
            )
        } else {
            (
                format!("{verb_zh}{change}应为基期的{shown}%，文中写作{ratio}：请核对"),
                format!(
                    "{verb_en} of {change} makes {shown}% of the base, but the text says {ratio}; check the figures"
                ),
            )
        };
        out.error(r.start, r.end, zh, en)
            .related(s.start, s.end, "增减幅度");
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{assert_flags, assert_silent, findings_of};

    const RULE: &str = "ratio-mismatch";

    #[test]
    fn flags_a_change_that_contradicts_its_ratio() {
        assert_flags(
            RULE,
            &[
                "信访量下降了15%，达到去年的118%。",
                "全年受理信访件同比下降12%，为上年的112%。",
                "一般公共预算收入增长18%，为上年的112%。",
                "全区立案数为上年的85%，同比增长15%。",
                "办理时长比上年缩短，平均办结时间减少20%，相当于上年同期的120%。",
                "粮食产量比2019年增长6.5%，为2019年的93.5%。",
                "群众来信来访总量较去年同期下降8.2%，仅为去年同期的98.2%。",
            ],
        );
        let text = "信访量下降了15%，达到去年的118%。";
        let f = findings_of(RULE, text);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "118%");
        assert!(f[0].message.contains("85%"), "{}", f[0].message);
        assert!(f[0].message.contains("低于"), "{}", f[0].message);
        assert_eq!(f[0].related.len(), 1);
        assert_eq!(f[0].related[0].text, "15%");
        let f = findings_of(RULE, "一般公共预算收入增长18%，为上年的112%。");
        assert!(f[0].message.contains("118%"), "{}", f[0].message);
    }

    #[test]
    fn silent_when_the_change_and_the_ratio_agree_or_differ_in_base() {
        assert_silent(
            RULE,
            &[
                "信访量下降了15%，为去年的85%。",
                "一般公共预算收入增长18%，为上年的118%。",
                "全区立案数为上年的115%，同比增长15%。",
                "收入增长12.5%，为上年的112%。",
                "收入增长13%，为上年的112.6%。",
                "信访量比2019年下降了15%，为上年的118%。",
                "立案数下降15%，处分人数为上年的118%。",
                "立案数下降15%。处分人数为上年的118%。",
                "信访量环比下降15%，为上年的118%。",
                "满意度提高5个百分点，为上年的105%。",
                "立案数下降15%，处分人数增加，为上年的118%。",
                "信访量下降了XX%，达到去年的XX%。",
            ],
        );
    }
}
