//! 标题编号错误。同一级标题的编号要连续：一、二、三、……，（一）（二）
//! （三）……，1. 2. 3. ……。删改段落后最容易出错，常见的有：
//! - 跳号：一、二、四、（缺了“三、”）；
//! - 重号：（二）后面又是（二）；
//! - 错号：一、二、二、四、里的第二个“二、”应是“三、”（可一键改正）；
//! - 重新从头编号：同一标题下一、二、三、之后又出现一、；
//! - 括号编号后多了顿号：“（一）、”应为“（一）”（可一键改正）。
//!
//! 只在同一个上级标题之下比较；一个文件里有多篇报告时逐篇检查。新的一组
//! 编号前面有引导语（以冒号结尾，如“主要做法：”）时，重新从1编号是允许的。
//!
//! # English
//! Heading numbering errors. Headings of one level under one parent must be
//! numbered without gaps: 一、二、三、, （一）（二）（三）, 1. 2. 3. Edits
//! often leave a gap (一、二、四、), a duplicate ((二) twice), one wrong number
//! (the second 二、 in 一、二、二、四、 should be 三、, with a one-click fix), a
//! restart (一、 again after 三、 under the same parent), or a stray 、 after
//! a bracketed number ("（一）、" → "（一）", with a one-click fix). A new
//! list introduced by a lead-in ending in a colon may restart at 1.

use super::{Ctx, Emitter};
use crate::document::{Heading, MarkerKind};
use std::collections::HashMap;

fn is_cn_num(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '〇' | '零' | '百'
    )
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The marker as written, without a Markdown prefix: "四、", "（二）".
fn marker_text<'a>(text: &'a str, h: &Heading) -> (usize, &'a str) {
    let raw = text.get(h.start..h.marker_end).unwrap_or("");
    let lead = raw.len() - raw.trim_start_matches(['#', ' ', '\t']).len();
    let m = raw[lead..].trim_end_matches([' ', '\u{3000}', '\t', '：', ':']);
    (h.start + lead, m)
}

/// The same marker with another number, in the same script and brackets.
fn renumber(marker: &str, n: u32) -> Option<String> {
    let start = marker.find(|c: char| is_cn_num(c) || is_digit(c) || ('①'..='⑳').contains(&c))?;
    let first = marker[start..].chars().next()?;
    let len: usize = marker[start..]
        .chars()
        .take_while(|&c| {
            if is_cn_num(first) {
                is_cn_num(c)
            } else if is_digit(first) {
                is_digit(c)
            } else {
                c == first
            }
        })
        .map(char::len_utf8)
        .sum();
    let number = if is_cn_num(first) {
        crate::cnum::to_chinese(n)?
    } else if first.is_ascii_digit() {
        n.to_string()
    } else if is_digit(first) {
        n.to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect()
    } else {
        char::from_u32('①' as u32 + n.checked_sub(1)?)
            .filter(|c| ('①'..='⑳').contains(c))?
            .to_string()
    };
    Some(format!(
        "{}{number}{}",
        &marker[..start],
        &marker[start + len..]
    ))
}

/// The paragraph just before heading `h` leads in a new list ("主要成效
/// 如下：", "具体有以下几点。"), which may start again at 1.
fn after_lead_in(ctx: &Ctx, h: &Heading) -> bool {
    let doc = ctx.doc;
    h.paragraph
        .checked_sub(1)
        .and_then(|p| doc.paragraphs.get(p))
        .filter(|p| p.heading.is_none())
        .is_some_and(|p| {
            let t = doc.paragraph_text(p).trim_end();
            if t.ends_with(['：', ':']) {
                return true;
            }
            let t = t.trim_end_matches(['。', '.', '；', ';']);
            ["如下", "以下", "几点", "方面"]
                .iter()
                .any(|w| t.ends_with(w))
        })
}

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "heading-numbering",
    category: crate::Category::Structure,
    severity: crate::Severity::Error,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let doc = ctx.doc;
    let text = doc.text;
    // Siblings: same part, same parent, same numbering family.
    let mut order: Vec<(usize, Option<usize>, MarkerKind, MarkerKind)> = Vec::new();
    let mut groups: HashMap<(usize, Option<usize>, MarkerKind, MarkerKind), Vec<usize>> =
        HashMap::new();
    // A page number left by a page-by-page copy ("…提升政" / "2、治站位")
    // looks like a heading but is none; page-split-marker reports it.
    let page_marks: Vec<usize> = super::page_split_marker::find(doc)
        .iter()
        .map(|m| m.start)
        .collect();
    for (i, h) in doc.headings.iter().enumerate() {
        let Some(family) = h.numbering else {
            continue;
        };
        if page_marks.binary_search(&h.start).is_ok() {
            continue;
        }
        if h.ordinal.is_none() {
            continue;
        }
        let key = (h.part, h.parent, h.kind, family);
        let g = groups.entry(key).or_default();
        if g.is_empty() {
            order.push(key);
        }
        g.push(i);

        stray_separator(ctx, out, h);
    }
    // The last number of the previous run of each family in the part, so a
    // run that deliberately continues its cousin's numbering is accepted.
    let mut last_of_family: HashMap<(usize, MarkerKind, MarkerKind), u32> = HashMap::new();
    for key in order {
        let Some(sibs) = groups.get(&key) else {
            continue;
        };
        let ords: Vec<u32> = sibs
            .iter()
            .map(|&i| doc.headings[i].ordinal.unwrap_or(0))
            .collect();
        let family_key = (key.0, key.2, key.3);
        let mut start_at = 1;
        if let (Some(&first), Some(&prev_last)) = (ords.first(), last_of_family.get(&family_key)) {
            if first == prev_last + 1 && first != 1 {
                start_at = first;
            }
        }
        let mut prev: Option<u32> = None;
        for j in 0..sibs.len() {
            let h = &doc.headings[sibs[j]];
            let ord = ords[j];
            let expected = prev.map_or(start_at, |p| p + 1);
            if ord == expected {
                prev = Some(ord);
                continue;
            }
            let (ms, marker) = marker_text(text, h);
            if marker.is_empty() {
                prev = Some(ord);
                continue;
            }
            let me = ms + marker.len();
            let want = renumber(marker, expected).unwrap_or_default();
            let next = ords.get(j + 1).copied();
            let prev_h = j.checked_sub(1).map(|k| &doc.headings[sibs[k]]);
            if next == Some(expected + 1) {
                // One wrong number between two right ones.
                let f = out.error(
                    ms,
                    me,
                    format!("标题编号错误：这里应是“{want}”（前后编号连续，只有这一个不对）"),
                    format!("Wrong heading number: this should be \"{want}\" (the numbers around it run on)"),
                );
                if !want.is_empty() {
                    f.suggest(want);
                }
                prev = Some(expected);
                continue;
            }
            if ord == 1 && prev.is_some() {
                if !after_lead_in(ctx, h) {
                    let first = &doc.headings[sibs[0]];
                    let (fs, fm) = marker_text(text, first);
                    let last = prev.and_then(|p| renumber(marker, p)).unwrap_or_default();
                    out.error(
                        ms,
                        me,
                        format!("标题编号重新从“{marker}”开始：同一级前面已经编到“{last}”，请接着编号"),
                        format!("Heading numbering starts again at \"{marker}\" after \"{last}\" at the same level: continue the numbering"),
                    )
                    .related(fs, fs + fm.len(), "同级第一个编号 first number at this level");
                }
                prev = Some(ord);
                continue;
            }
            if prev == Some(ord) {
                let f = out.error(
                    ms,
                    me,
                    format!("标题编号重复：前一个标题也是“{marker}”"),
                    format!("Duplicate heading number: the previous heading is also \"{marker}\""),
                );
                if let Some(p) = prev_h {
                    let (ps, pm) = marker_text(text, p);
                    f.related(ps, ps + pm.len(), "前一个 previous");
                }
                prev = Some(ord);
                continue;
            }
            if prev.is_none() && inline_before(ctx, h, marker, ord) {
                // "附件：1.…" then "2.…" on the next line: the run began inline.
                prev = Some(ord);
                continue;
            }
            if ord > expected {
                let missing: Vec<String> = (expected..ord)
                    .take(5)
                    .filter_map(|n| renumber(marker, n))
                    .collect();
                let missing = missing.join("");
                out.error(
                    ms,
                    me,
                    format!("标题编号不连续：“{marker}”前面缺少“{missing}”"),
                    format!("Heading numbers skip: \"{missing}\" is missing before \"{marker}\""),
                );
            } else {
                let prev_marker = prev.and_then(|p| renumber(marker, p)).unwrap_or_default();
                out.error(
                    ms,
                    me,
                    format!("标题编号顺序颠倒：“{marker}”排在“{prev_marker}”之后"),
                    format!(
                        "Heading numbers go backwards: \"{marker}\" comes after \"{prev_marker}\""
                    ),
                );
            }
            prev = Some(ord);
        }
        if let Some(&last) = ords.last() {
            last_of_family.insert(family_key, last);
        }
    }
}

/// The paragraph before `h` holds the previous number inline ("附件：1.…").
fn inline_before(ctx: &Ctx, h: &Heading, marker: &str, ord: u32) -> bool {
    let doc = ctx.doc;
    let Some(prev_marker) = ord.checked_sub(1).and_then(|n| renumber(marker, n)) else {
        return false;
    };
    h.paragraph
        .checked_sub(1)
        .and_then(|p| doc.paragraphs.get(p))
        .is_some_and(|p| doc.paragraph_text(p).contains(prev_marker.as_str()))
}

/// "（一）、" and "(1)." carry a separator the brackets already provide.
fn stray_separator(ctx: &Ctx, out: &mut Emitter, h: &Heading) {
    if !matches!(
        h.numbering,
        Some(MarkerKind::CnParen | MarkerKind::ArabicParen)
    ) {
        return;
    }
    let Some(sep) = h.separator else {
        return;
    };
    let (ms, marker) = marker_text(ctx.doc.text, h);
    let Some(fixed) = marker.strip_suffix(sep) else {
        return;
    };
    out.error(
        ms,
        ms + marker.len(),
        format!("括号编号后面不再加“{sep}”：“{marker}”应为“{fixed}”"),
        format!("No \"{sep}\" after a bracketed number: \"{marker}\" should be \"{fixed}\""),
    )
    .suggest(fixed.to_string());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::support::{apply_fixes, assert_silent, findings_of, flagged};

    fn messages(text: &str) -> Vec<String> {
        findings_of("heading-numbering", text)
            .into_iter()
            .map(|f| format!("{}|{}", f.text, f.message))
            .collect()
    }

    #[test]
    fn renumbers_in_the_same_style() {
        assert_eq!(renumber("四、", 3).as_deref(), Some("三、"));
        assert_eq!(renumber("（十二）", 11).as_deref(), Some("（十一）"));
        assert_eq!(renumber("(9)", 10).as_deref(), Some("(10)"));
        assert_eq!(renumber("３．", 2).as_deref(), Some("２．"));
        assert_eq!(renumber("第三部分", 2).as_deref(), Some("第二部分"));
        assert_eq!(renumber("③", 2).as_deref(), Some("②"));
    }

    #[test]
    fn gap() {
        let text = "报告\n一、基本情况\n正文。\n二、存在问题\n正文。\n四、整改措施\n正文。";
        let got = messages(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].starts_with("四、|"), "{got:?}");
        assert!(got[0].contains("缺少“三、”"), "{got:?}");
    }

    #[test]
    fn duplicate_and_single_wrong_number() {
        let text = "一、甲\n正文。\n二、乙\n正文。\n二、丙\n正文。\n四、丁\n正文。";
        assert_eq!(flagged("heading-numbering", text), vec!["二、"]);
        assert_eq!(
            apply_fixes("heading-numbering", text),
            text.replacen("二、丙", "三、丙", 1)
        );
        let dup = "（一）甲。正文。\n（二）乙。正文。\n（二）丙。正文。";
        let got = messages(dup);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].contains("重复"), "{got:?}");
    }

    #[test]
    fn restart_under_one_parent() {
        let text = "一、甲\n正文。\n二、乙\n正文。\n三、丙\n正文。\n一、丁\n正文。\n二、戊\n正文。";
        let got = messages(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].contains("重新"), "{got:?}");
    }

    #[test]
    fn stray_separator_after_brackets() {
        let text = "一、基本情况\n（一）、组织领导\n正文。\n（二）、制度建设\n正文。";
        assert_eq!(
            flagged("heading-numbering", text),
            vec!["（一）、", "（二）、"]
        );
        assert_eq!(
            apply_fixes("heading-numbering", text),
            "一、基本情况\n（一）组织领导\n正文。\n（二）制度建设\n正文。"
        );
    }

    #[test]
    fn silent_on_correct_numbering() {
        assert_silent(
            "heading-numbering",
            &[
                // Children restart under each parent.
                "一、甲\n（一）子。正文。\n（二）子。正文。\n二、乙\n（一）子。正文。\n三、丙\n正文。",
                // A lead-in starts a new list.
                "（一）主要做法\n1.学习。\n2.调研。\n取得的成效：\n1.提高了认识。\n2.改进了作风。",
                "（一）主要做法\n1.学习。正文。\n2.调研。正文。\n通过以上措施，主要成效如下。\n1.提高了认识。\n2.改进了作风。",
                // Decimals, years and inline enumerations are not headings.
                "一、情况\n1.5万人参加。\n2020年完成。\n一是学习。二是调研。四是整改。",
                // Several reports in one file restart on their own.
                "合集\n报告【第一篇】\n一、甲\n正文。\n二、乙\n正文。\n报告【第二篇】\n一、甲\n正文。",
                // Unnumbered labels above restarted runs.
                "报告\n基本情况\n一、组织\n正文。\n二、制度\n正文。\n存在问题\n一、学习不够\n正文。",
                // A list that starts inline.
                "一、检查内容\n预算执行。\n二、工作要求\n按时报送。\n附件：1.自查表\n2.问题清单",
                // Numbering that continues across parents on purpose.
                "一、甲\n1.子。正文。\n2.子。正文。\n二、乙\n3.子。正文。\n4.子。正文。",
            ],
        );
    }
}
