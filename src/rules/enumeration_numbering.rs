//! 列举的序号不连续。正文里“一是……二是……三是……”“第一，……第二，……”
//! 这样的列举，删掉或挪动一项之后最容易忘了改后面的序号：
//! - 跳号：“一是……二是……四是……”（缺了“三是”）；
//! - 重号：“一是……二是……二是……”，后面还有“四是”时，第二个“二是”应是
//!   “三是”（可一键改正）。
//!
//! 只比较同一个标题下、连着的一组列举。一项里面又套了一组从“一是”开始的
//! 列举（“一是……，主要有：一是……二是……。二是……”）时，外层的序号接着
//! 外层数，不算错；跳了两个以上的号，或者序号倒退，说不清是哪一组的，也不报。
//!
//! 示例：“一是加强学习；二是完善制度；四是强化监督”——“四是”前面缺少
//! “三是”：可能删掉了一项，请补上，或把后面的序号依次改小。
//!
//! # English
//! Inline enumerations numbered out of sequence. Lists written into the
//! text (一是…二是…三是…, 第一，…第二，…) lose their order when an item is
//! deleted or moved: a gap (一是, 二是, 四是: 三是 is missing) or a repeat
//! (一是, 二是, 二是; when 四是 follows, the second 二是 should be 三是, with a
//! one-click fix). Only a run of items under one heading is compared. A
//! list inside a list item (一是…，主要有：一是…二是…。二是…) continues the
//! outer numbering and is not reported; a jump of two numbers or more, or a
//! number going back, is not clear enough to report.

use super::{Ctx, Emitter};
use crate::cnum;
use crate::document::{EnumBreak, EnumKind};

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "enumeration-numbering",
    category: crate::Category::Structure,
    severity: crate::Severity::Error,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let doc = ctx.doc;
    for b in &doc.enum_breaks {
        // The outer list's next item, after a list inside an item.
        if b.outer_last.is_some_and(|o| o + 1 == b.item.ordinal) {
            continue;
        }
        let k = b.item.ordinal;
        let (start, end) = (b.item.start, b.item.marker_end);
        let written = doc.slice(start, end);
        let (Some(expected), Some(shown)) = (marker(b, b.last + 1), marker(b, k)) else {
            continue;
        };
        if k == b.last + 2 {
            out.error(
                start,
                end,
                format!("列举的序号跳了号：“{shown}”前面缺少“{expected}”：可能删掉了一项，请补上，或把后面的序号依次改小"),
                format!("The list skips a number: \"{expected}\" is missing before \"{shown}\"; restore the item or renumber the ones after it"),
            );
        } else if k == b.last {
            let f = out.error(
                start,
                end,
                format!("列举的序号重复：又一个“{shown}”，这里应是“{expected}”"),
                format!("The list repeats a number: another \"{shown}\"; this one should be \"{expected}\""),
            );
            // The item after it confirms the count (一是 二是 二是 四是).
            if b.next == Some(k + 2) {
                if let Some(fixed) = renumbered(written, b, k + 1) {
                    f.suggest(fixed);
                }
            }
        }
    }
}

/// The marker as the text writes it, for the ordinal `n`: 三是, 第三.
fn marker(b: &EnumBreak, n: u32) -> Option<String> {
    let num = cnum::to_chinese(n)?;
    Some(match b.kind {
        EnumKind::Shi => format!("{num}是"),
        EnumKind::Di => format!("第{num}"),
    })
}

/// `written` (the item's marker, 二是 or 第二，) with the number `n`: the
/// marker of `n`, and 第二，'s separator kept.
fn renumbered(written: &str, b: &EnumBreak, n: u32) -> Option<String> {
    let sep = match b.kind {
        EnumKind::Shi => "",
        EnumKind::Di => written
            .char_indices()
            .last()
            .map_or("", |(i, _)| &written[i..]),
    };
    Some(marker(b, n)? + sep)
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{apply_fixes, assert_silent, findings_of};

    const RULE: &str = "enumeration-numbering";

    #[test]
    fn a_gap_is_reported_at_the_item_after_it() {
        let t = "二、下一步工作打算\n一是继续加强隐患排查；二是强化培训演练；四是完善应急预案。";
        let f = findings_of(RULE, t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].start, f[0].end, f[0].text.as_str()), (30, 32, "四是"));
        assert_eq!(
            f[0].message,
            "列举的序号跳了号：“四是”前面缺少“三是”：可能删掉了一项，请补上，或把后面的序号依次改小"
        );
        assert_eq!(f[0].suggestion, None);
        // Across paragraphs, and with 第一，
        let t = "（一）主要做法\n第一，压实责任。\n第二，完善制度。\n第四，强化监督。";
        assert_eq!(findings_of(RULE, t)[0].text, "第四，");
    }

    #[test]
    fn a_repeat_is_fixed_when_the_next_item_confirms_it() {
        let t = "一是加强学习；二是完善制度；二是强化监督；四是严格考核。";
        let f = findings_of(RULE, t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].text, "二是");
        assert_eq!(f[0].start, 14);
        assert_eq!(f[0].message, "列举的序号重复：又一个“二是”，这里应是“三是”");
        assert_eq!(
            apply_fixes(RULE, t),
            "一是加强学习；二是完善制度；三是强化监督；四是严格考核。"
        );
        // Nothing after it: reported, no fix.
        let t = "一是加强学习；二是完善制度；二是强化监督。";
        let f = findings_of(RULE, t);
        assert_eq!((f.len(), f[0].suggestion.clone()), (1, None));
    }

    #[test]
    fn lists_in_order_and_unclear_cases_are_silent() {
        assert_silent(
            RULE,
            &[
                "一是加强学习；二是完善制度；三是强化监督。",
                // a list inside an item: the outer list goes on
                "一是抓学习，主要有：一是读原著；二是学原文；三是悟原理。二是抓落实。",
                // a new list under the next heading, a restart after a heading
                "（一）做法\n一是学习；二是落实。\n（二）成效\n三是不算，因为换了标题。",
                // two numbers skipped, a number going back: not clear
                "一是加强学习；二是完善制度；五是强化监督。",
                "一是加强学习；二是完善制度；三是强化监督；二是严格考核。",
                // 统一是、唯一是 are no items
                "思想统一是前提，行动一致是关键；二是要落实。",
                // two separate lists under one heading
                "一是学习；二是落实；三是监督。另外，一是要总结；二是要提高。",
            ],
        );
    }
}
