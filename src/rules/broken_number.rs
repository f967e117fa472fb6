//! 数字被拆开了。正文里一个数中间夹了空格或多余的符号：“72 .5%”“1 200人”
//! “3,,000万元”“12..5%”，或者半角数字中间混进一个全角数字（“1２0件”）。
//! 多半是从表格、PDF里复制或排版时带进来的，读者会读成两个数，别的数字检查也
//! 会因此读错。改法是确定的（去掉空格、多余的逗号或点，统一数字宽度），给出
//! 改正建议。
//!
//! 表格里按千分位写的“1,200”“1 200”不报：只在前面紧挨着汉字、后面带单位或
//! 接着汉字的正文里，才把“1 200”当作拆开的数；“1, 200”（可能是列举）和
//! “72. 5”（可能是句号）也不报。
//!
//! 示例：“全区共有干部1 200人”——应为“1200人”。
//!
//! # English
//! A number broken apart: a space or a stray mark inside the digits of a
//! figure in running Chinese text (72 .5%, 1 200人, 3,,000万元, 12..5%), or a
//! full-width digit among half-width ones (1２0件). Usually carried over
//! from a table or a PDF; readers (and the other figure checks) read two
//! numbers. The fix is certain (drop the space or the doubled mark, one
//! digit width) and offered. Thousands groups as a table writes them
//! (1,200, or 1 200 in a column) are not flagged: 1 200 counts as broken
//! only right after a Han character and before a unit or a Han character;
//! 1, 200 (perhaps a list) and 72. 5 (perhaps a full stop) are left alone.

use super::{Ctx, Emitter};
use crate::numbers::{digit_value, Number};
use crate::text::class::is_han;

/// Spaces that may sit inside a figure copied from a table or a PDF.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '\u{3000}')
}

/// The digits of `s` (value text of a figure) when it is digits only.
fn plain_digits(s: &str) -> Option<usize> {
    let n = s.chars().count();
    (n > 0 && s.chars().all(|c| c.is_ascii_digit())).then_some(n)
}

/// An Arabic figure with nothing written after its digits.
fn bare(n: &Number) -> bool {
    !n.chinese && n.unit.is_empty() && !n.percent && n.end == n.value_end && n.upper.is_none()
}

/// How the gap between two figures breaks one number, and the mark that
/// joins them back.
fn join_mark(gap: &str, b_int_digits: usize) -> Option<(&'static str, &'static str, &'static str)> {
    let chars: Vec<char> = gap.chars().collect();
    match chars.as_slice() {
        // 1 200人: a thousands group split off by a space.
        [s] if is_space(*s) && b_int_digits == 3 => Some(("", "空格", "a space")),
        // 72 .5%, 72 . 5%: a space before the decimal point.
        [s, '.' | '．'] | [s, '.' | '．', ' '] if is_space(*s) => Some((".", "空格", "a space")),
        [',', ','] if b_int_digits == 3 => Some((",", "重复的逗号", "a doubled comma")),
        ['.', '.'] | ['．', '．'] => Some((".", "重复的小数点", "a doubled decimal point")),
        _ => None,
    }
}

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "broken-number",
    category: crate::Category::Figures,
    severity: crate::Severity::Warning,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let text = ctx.doc.text;
    let nums = &ctx.doc.numbers;
    for (k, b) in nums.iter().enumerate() {
        if !b.quoted {
            mixed_width(text, b, out);
        }
        let Some(a) = k.checked_sub(1).and_then(|i| nums.get(i)) else {
            continue;
        };
        if !bare(a) || a.quoted || b.chinese || b.start != b.value_start || b.quoted {
            continue;
        }
        let Some(a_digits) = plain_digits(&text[a.value_start..a.value_end]) else {
            continue;
        };
        let b_value = &text[b.value_start..b.value_end];
        let b_int = b_value.split(['.', '．']).next().unwrap_or("");
        let Some(b_int_digits) = plain_digits(b_int) else {
            continue;
        };
        let Some(gap) = text.get(a.end..b.start) else {
            continue;
        };
        let Some((mark, what_zh, what_en)) = join_mark(gap, b_int_digits) else {
            continue;
        };
        // The first part opens the figure in running text: a Han character
        // right before it, not a line start, a space, a mark or a Latin
        // word; nor a table or figure number (表1 200户).
        let before = text[..a.value_start].chars().next_back();
        if !before.is_some_and(|c| is_han(c) && c != '表' && c != '图') {
            continue;
        }
        let decimal = mark == ".";
        if decimal {
            // The fraction must not be a date or already have decimals.
            if b.is_time() || b.decimals > 0 || b.ordinal {
                continue;
            }
        } else {
            if a_digits > 3 || b.is_time() {
                continue;
            }
            // 1 200 ends in a unit or runs on into the sentence; a space or
            // a digit after it is a table row (合计1 200 1 350).
            let after = text[b.value_end..].chars().next();
            let runs_on = !b.unit.is_empty() || after.is_some_and(is_han);
            if mark.is_empty() && !runs_on {
                continue;
            }
        }
        let fixed = format!("{}{mark}{b_value}", &text[a.value_start..a.value_end]);
        let broken = &text[a.value_start..b.value_end];
        out.warning(
            a.value_start,
            b.value_end,
            format!("数字“{broken}”中间有{what_zh}，会被读成两个数：应为“{fixed}”"),
            format!("The number “{broken}” has {what_en} inside it and reads as two numbers: write “{fixed}”"),
        )
        .suggest(fixed);
    }
}

/// A figure whose digits mix half-width and full-width forms (1２0件).
fn mixed_width(text: &str, n: &Number, out: &mut Emitter) {
    if n.chinese {
        return;
    }
    let value = &text[n.value_start..n.value_end];
    let (mut half, mut full) = (0, 0);
    for c in value.chars() {
        match c {
            '0'..='9' | '.' | ',' => half += 1,
            '０'..='９' | '．' => full += 1,
            _ => {}
        }
    }
    if half == 0 || full == 0 {
        return;
    }
    // The width most of the digits have (half-width on a tie).
    let to_half = half >= full;
    let fixed: String = value
        .chars()
        .map(|c| match (c, to_half) {
            ('．', true) => '.',
            ('.', false) => '．',
            (c, true) => digit_value(c)
                .filter(|_| !c.is_ascii_digit())
                .and_then(|d| char::from_digit(d, 10))
                .unwrap_or(c),
            (c, false) if c.is_ascii_digit() => {
                char::from_u32('０' as u32 + (c as u32 - '0' as u32)).unwrap_or(c)
            }
            (c, false) => c,
        })
        .collect();
    let (width_zh, width_en) = if to_half {
        ("半角", "half-width")
    } else {
        ("全角", "full-width")
    };
    out.warning(
        n.value_start,
        n.value_end,
        format!("数字“{value}”中半角、全角数字混用：应统一为{width_zh}“{fixed}”"),
        format!("The number “{value}” mixes half-width and full-width digits: write it {width_en}, “{fixed}”"),
    )
    .suggest(fixed);
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{apply_fixes, assert_flags, assert_silent, findings_of};

    const RULE: &str = "broken-number";

    #[test]
    fn flags_numbers_broken_apart() {
        assert_flags(
            RULE,
            &[
                "群众满意度为72 .5%。",
                "全区共有干部1 200人。",
                "投入资金3,,000万元。",
                "合格率达到12..5%。",
                "全年共立案1２0件。",
                "发放补贴2　400万元，惠及农户。",
                "全县实有人口36 518户，较上年增加。",
                "森林覆盖率达到61 . 3%。",
                "全年接待来访群众2 135人次。",
            ],
        );
        let f = findings_of(RULE, "全区共有干部1 200人。");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "1 200");
        assert_eq!(f[0].suggestion.as_deref(), Some("1200"));
        assert!(f[0].message.contains("空格"), "{}", f[0].message);
        assert_eq!(
            apply_fixes(
                RULE,
                "群众满意度为72 .5%，投入资金3,,000万元，合格率12..5%。"
            ),
            "群众满意度为72.5%，投入资金3,000万元，合格率12.5%。"
        );
        assert_eq!(apply_fixes(RULE, "全年共立案1２0件。"), "全年共立案120件。");
        assert_eq!(
            apply_fixes(RULE, "全年共立案１2０件。"),
            "全年共立案１２０件。"
        );
    }

    #[test]
    fn silent_on_thousands_groups_lists_and_sentence_ends() {
        assert_silent(
            RULE,
            &[
                "全区共有干部1,200人。",
                "全区共有干部1200人。",
                "合计 1 200 1 350 1 420",
                "干部人数\t1 200\t1 350",
                "合计1 200 1 350",
                "分别为1, 200, 300人。",
                "1. 50%以上的村建立了监督小组。",
                "共处理问题线索72. 5月份以来又处理12件。",
                "全年共立案１２０件。",
                "PM2.5 年均浓度下降。",
                "2020 年全区立案196件。",
                "第3 条规定，处分12人。",
                "全区共有干部12 35人。",
                "第1. 5%以上",
                "党员总数：1 200人",
                "详见表1 200户以上企业名录。",
            ],
        );
    }
}
