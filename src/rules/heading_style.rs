//! 标题括号半角全角混用。同一级标题的括号应当统一：公文中一般用全角括号
//! “（一）”，不要一会儿“（一）”、一会儿“(二)”，也不要写成半边全角半边半角
//! 的“（三)”。多出自不同人起草、从不同文件复制粘贴的段落。
//!
//! 以同一篇报告中同一级标题的多数写法为准，提示少数不一致的标题，并可
//! 一键改为多数写法；两种写法一样多时，中文报告改为全角。全篇都用半角
//! “(一)”或都用全角“（一）”的，不提示。
//!
//! 示例：前面是“（一）”“（二）”，后面出现“(三)” → 建议改为“（三）”。
//!
//! # English
//! Mixed bracket widths in headings. Headings of one level should use one
//! kind of bracket: usually full-width "（一）" in Chinese documents, not
//! "（一）" here and "(二)" there, nor a mismatched pair such as "（三)". It
//! happens when paragraphs from different writers or files are pasted
//! together. The majority form within the report's level wins and each
//! odd heading gets a one-click fix; on a tie a Chinese report takes the
//! full-width form. A report that uses one form throughout is left alone.

use super::{Ctx, Emitter};
use crate::document::{Heading, MarkerKind};
use std::collections::HashMap;

/// (part, heading kind, numbering family): one level of one report.
type Level = (usize, MarkerKind, MarkerKind);

#[derive(Clone, Copy, PartialEq, Eq)]
enum Width {
    Full,
    Half,
    Mixed,
}

/// The bracketed number as written ("（三)") and its byte start.
fn brackets<'a>(text: &'a str, h: &Heading) -> Option<(usize, &'a str)> {
    let raw = text.get(h.start..h.marker_end)?;
    let open = raw.find(['（', '('])?;
    let inner = &raw[open..];
    let close = inner.find(['）', ')'])?;
    let close_len = inner[close..].chars().next()?.len_utf8();
    Some((h.start + open, &inner[..close + close_len]))
}

fn width_of(b: &str) -> Width {
    match (b.starts_with('（'), b.ends_with('）')) {
        (true, true) => Width::Full,
        (false, false) => Width::Half,
        _ => Width::Mixed,
    }
}

fn convert(b: &str, to: Width) -> String {
    let (open, close) = if to == Width::Full {
        ('（', '）')
    } else {
        ('(', ')')
    };
    let inner = b
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    format!("{open}{inner}{close}")
}

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "heading-style",
    category: crate::Category::Structure,
    severity: crate::Severity::Warning,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let doc = ctx.doc;
    // Per report and level: the bracketed headings and their widths.
    let mut order: Vec<Level> = Vec::new();
    let mut groups: HashMap<Level, Vec<(usize, &str, Width)>> = HashMap::new();
    for h in &doc.headings {
        let Some(family @ (MarkerKind::CnParen | MarkerKind::ArabicParen)) = h.numbering else {
            continue;
        };
        let Some((start, b)) = brackets(doc.text, h) else {
            continue;
        };
        let key = (h.part, h.kind, family);
        let g = groups.entry(key).or_default();
        if g.is_empty() {
            order.push(key);
        }
        g.push((start, b, width_of(b)));
    }
    for key in order {
        let Some(g) = groups.get(&key) else {
            continue;
        };
        let full = g.iter().filter(|x| x.2 == Width::Full).count();
        let half = g.iter().filter(|x| x.2 == Width::Half).count();
        let mixed = g.len() - full - half;
        if mixed == 0 && (full == 0 || half == 0) {
            continue;
        }
        let target = if full > half || (full == half && !doc.latin) {
            Width::Full
        } else {
            Width::Half
        };
        let (zh_form, en_form) = if target == Width::Full {
            ("全角括号", "full-width brackets")
        } else {
            ("半角括号", "half-width brackets")
        };
        for &(start, b, w) in g {
            if w == target {
                continue;
            }
            let fixed = convert(b, target);
            let why_zh = if w == Width::Mixed {
                "括号一半全角一半半角"
            } else {
                "与同级其他标题的括号不一致"
            };
            let why_en = if w == Width::Mixed {
                "a mismatched pair of brackets"
            } else {
                "brackets unlike the other headings of this level"
            };
            out.warning(
                start,
                start + b.len(),
                format!("标题编号“{b}”{why_zh}：同级标题多用{zh_form}，建议改为“{fixed}”"),
                format!("Heading number \"{b}\" has {why_en}: this level mostly uses {en_form}; use \"{fixed}\""),
            )
            .suggest(fixed);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{apply_fixes, assert_silent, flagged};

    #[test]
    fn flags_the_minority_form() {
        let text = "一、情况\n（一）组织。正文。\n（二）制度。正文。\n(三)监督。正文。";
        assert_eq!(flagged("heading-style", text), vec!["(三)"]);
        assert_eq!(
            apply_fixes("heading-style", text),
            "一、情况\n（一）组织。正文。\n（二）制度。正文。\n（三）监督。正文。"
        );
        let text = "(一)组织。正文。\n(二)制度。正文。\n（三)监督。正文。";
        assert_eq!(flagged("heading-style", text), vec!["（三)"]);
        assert!(apply_fixes("heading-style", text).contains("(三)监督"));
        // A tie in a Chinese report goes full-width.
        let text = "（1）组织。正文。\n(2)制度。正文。";
        assert_eq!(flagged("heading-style", text), vec!["(2)"]);
    }

    #[test]
    fn silent_when_consistent() {
        assert_silent(
            "heading-style",
            &[
                "一、情况\n(一)组织。正文。\n(二)制度。正文。",
                "一、情况\n（一）组织。正文。\n（二）制度。正文。",
                // Different levels may differ.
                "（一）组织。正文。\n(1)细则。\n(2)细则。\n（二）制度。正文。",
                // Brackets in body text are not headings.
                "（一）组织。成立了领导小组(组长由书记担任)。\n（二）制度。正文。",
                // Each report of a collection on its own.
                "合集\n报告【第一篇】\n(一)甲。正文。\n报告【第二篇】\n（一）乙。正文。",
            ],
        );
    }
}
