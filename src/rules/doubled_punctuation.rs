//! 重复的标点和不规范的省略号。“，，”“。。”“、、”“；；”多半是改稿时
//! 删了词、留下了两边的标点，或者粘贴时多打了一个；两个不同的点号挨在
//! 一起（“，。”）也只该留一个。省略号按 GB/T 15834 应写成六个点“……”
//! （两个“…”），不要写成“...”“。。。”“···”或单个“…”。
//!
//! 每一处都给出改法：重复的标点留一个；相邻的两个点号留语气较重的那个；
//! 省略号改成“……”。
//!
//! 示例：“加强学习，，提高能力” → “加强学习，提高能力”；“等等...” →
//! “等等……”。
//!
//! # English
//! Doubled punctuation and malformed ellipses. "，，", "。。", "、、" and
//! "；；" usually remain when a word between two marks was deleted, or a mark
//! was typed twice; two different stops side by side ("，。") should be one.
//! GB/T 15834 writes the ellipsis as "……" (two "…"), not "...", "。。。",
//! "···" or a single "…". Each finding carries the fix: keep one mark, keep
//! the stronger of two stops, or write "……".

use super::{Ctx, Emitter};
use crate::text::class::is_zh;
use crate::text::utf8::{char_at, char_before, chars_led_by};

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "doubled-punctuation",
    category: crate::Category::Punctuation,
    severity: crate::Severity::Warning,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let text = ctx.doc.text;
    // Every mark below starts with E2, E3 or EF except · (C2 B7) and the
    // full stop, which matter only in runs: two passes, each visiting
    // only its marks (see `chars_led_by`).
    runs(text, [0xe2, 0xe3, 0xef], out);
    runs(text, [0xc2, b'.', b'.'], out);
}

fn runs(text: &str, leads: [u8; 3], out: &mut Emitter) {
    let mut from = 0;
    while let Some((i, c)) = chars_led_by(text, from, leads).next() {
        // A run of the same character.
        let width = c.len_utf8();
        let mut end = i + width;
        let mut n = 1usize;
        while char_at(text, end) == Some(c) {
            end += width;
            n += 1;
        }
        from = end;
        match c {
            '，' | '、' | '；' | '：' if n >= 2 => doubled(out, i, end, c),
            '。' if n == 2 => doubled(out, i, end, c),
            '。' | '．' | '·' | '・' | '⋯' if n >= 3 => ellipsis(out, i, end),
            '.' if n >= 3 && chinese_around(text, i, end) => ellipsis(out, i, end),
            '…' if n >= 3 || (n == 1 && chinese_around(text, i, end)) => ellipsis(out, i, end),
            _ => {}
        }
        // Two different stops side by side: ，。 ；。 。， ？。
        if n == 1 {
            if let Some(d) = char_at(text, end) {
                if let Some(keep) = stronger(c, d) {
                    let after = end + d.len_utf8();
                    // ，。。 : the doubled 。。 is reported on its own.
                    if char_at(text, after) != Some(d) {
                        mixed(out, text, i, after, keep);
                    }
                }
            }
        }
    }
}

fn rank(c: char) -> Option<u8> {
    match c {
        '，' => Some(1),
        '：' => Some(2),
        '；' => Some(3),
        '。' => Some(4),
        '？' | '！' => Some(5),
        _ => None,
    }
}

/// The mark to keep of two adjacent stops, if they are a clash.
fn stronger(a: char, b: char) -> Option<char> {
    let (ra, rb) = (rank(a)?, rank(b)?);
    if a == b || (ra == 5 && rb == 5) {
        return None; // ？！ is a legitimate combination
    }
    // A question or exclamation mark keeps its force: ？。 → ？
    Some(if ra >= rb { a } else { b })
}

fn chinese_around(text: &str, start: usize, end: usize) -> bool {
    char_before(text, start).is_some_and(is_zh) || char_at(text, end).is_some_and(is_zh)
}

fn doubled(out: &mut Emitter, start: usize, end: usize, c: char) {
    out.warning(
        start,
        end,
        format!("标点“{c}”重复：只保留一个（也可能是中间有词被删掉了）"),
        format!("Doubled \"{c}\": keep one (a word between them may have been deleted)"),
    )
    .suggest(c.to_string());
}

fn mixed(out: &mut Emitter, text: &str, start: usize, end: usize, keep: char) {
    let both = text.get(start..end).unwrap_or("");
    out.warning(
        start,
        end,
        format!("两个点号“{both}”挨在一起：只保留“{keep}”"),
        format!("Two stops \"{both}\" side by side: keep \"{keep}\""),
    )
    .suggest(keep.to_string());
}

fn ellipsis(out: &mut Emitter, start: usize, end: usize) {
    out.warning(
        start,
        end,
        "省略号应写作“……”（GB/T 15834）",
        "Write the ellipsis as \"……\" (GB/T 15834)",
    )
    .suggest("……");
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{apply_fixes, assert_silent, flagged};

    const RULE: &str = "doubled-punctuation";

    #[test]
    fn flags_doubled_marks() {
        assert_eq!(flagged(RULE, "加强学习，，提高能力。"), vec!["，，"]);
        assert_eq!(flagged(RULE, "报告如下。。"), vec!["。。"]);
        assert_eq!(flagged(RULE, "政治、、经济"), vec!["、、"]);
        assert_eq!(flagged(RULE, "问题；；措施"), vec!["；；"]);
        assert_eq!(flagged(RULE, "加强学习，。"), vec!["，。"]);
        assert_eq!(flagged(RULE, "是否到位？。"), vec!["？。"]);
    }

    #[test]
    fn flags_bad_ellipses() {
        assert_eq!(flagged(RULE, "学习、讨论..."), vec!["..."]);
        assert_eq!(flagged(RULE, "学习、讨论。。。"), vec!["。。。"]);
        assert_eq!(flagged(RULE, "学习、讨论…"), vec!["…"]);
        assert_eq!(flagged(RULE, "学习、讨论···"), vec!["···"]);
    }

    #[test]
    fn fixes() {
        assert_eq!(
            apply_fixes(
                RULE,
                "加强学习，，提高能力。。学习、讨论...政治、、经济，。"
            ),
            "加强学习，提高能力。学习、讨论……政治、经济。"
        );
    }

    #[test]
    fn correct_marks_are_silent() {
        assert_silent(
            RULE,
            &[
                "学习、讨论……",
                "真的吗？！",
                "Wait... what?",
                "版本1.2.3发布。",
                "“好。”他说。",
                "马克思·恩格斯",
            ],
        );
    }

    #[test]
    fn long_runs_are_one_finding() {
        let text = "、".repeat(350_000);
        assert_eq!(flagged(RULE, &text).len(), 1);
        let text = "（".repeat(100_000);
        assert!(flagged(RULE, &text).is_empty());
    }
}
