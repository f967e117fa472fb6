//! 部分顺序颠倒。报告各部分有约定的先后：先写基本情况和成效，再写存在
//! 问题、原因，最后写整改措施或下步打算。把“整改措施”放在“存在问题”
//! 前面，读者会觉得措施无的放矢，一般要求调整。
//!
//! 只比较报告的一级标题，并且只看能明确归入某一部分的标题；像“存在问题
//! 和原因分析”这样一个标题对应两部分的，不参与比较；前面已有标题归入
//! 同一部分的，后一个标题也不提示（多半是归错了类）。提示指向放错位置的
//! 标题，并说明它应放在哪个标题之前。
//!
//! 示例：“二、整改措施”在“三、存在问题”之前 → 提示把“存在问题”移到前面。
//!
//! # English
//! Sections out of order. A report's parts come in a customary order: the
//! current state and results, then the problems and their causes, and
//! finally the measures or next steps. Measures placed before the problems
//! read as aimless and are usually sent back for reordering. Only the
//! report's top-level headings that clearly belong to one section are
//! compared (a heading such as "存在问题和原因分析" that covers two is left
//! out, and so is a second heading of a section already placed: more likely
//! read wrong than out of place). The finding points at the misplaced heading and names the heading
//! it should come before.

use super::{Ctx, Emitter};
use std::collections::BTreeMap;

const MAX_SECTIONS: usize = 64;

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "section-order",
    category: crate::Category::Structure,
    severity: crate::Severity::Warning,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let doc = ctx.doc;
    // Per part: heading → the sections it names.
    let mut parts: BTreeMap<usize, BTreeMap<usize, Vec<usize>>> = BTreeMap::new();
    for m in ctx.sections {
        for &h in &m.headings {
            parts
                .entry(m.part)
                .or_default()
                .entry(h)
                .or_default()
                .push(m.section);
        }
    }
    for headings in parts.values() {
        // Headings (in text order) that name exactly one section.
        let seq: Vec<(usize, usize)> = headings
            .iter()
            .filter(|(_, s)| s.len() == 1)
            .map(|(&h, s)| (h, s[0]))
            .collect();
        // A report has a handful of top-level sections; a longer run is not
        // a report outline, and the quadratic search below stays small.
        if seq.len() < 2 || seq.len() > MAX_SECTIONS {
            continue;
        }
        // The longest run in profile order; the rest are out of place.
        let n = seq.len();
        let mut best = vec![1usize; n];
        let mut from: Vec<Option<usize>> = vec![None; n];
        for i in 0..n {
            for j in 0..i {
                if seq[j].1 <= seq[i].1 && best[j] + 1 > best[i] {
                    best[i] = best[j] + 1;
                    from[i] = Some(j);
                }
            }
        }
        let mut keep = vec![false; n];
        let mut at = (0..n).max_by_key(|&i| (best[i], std::cmp::Reverse(i)));
        while let Some(i) = at {
            keep[i] = true;
            at = from[i];
        }
        for i in 0..n {
            if keep[i] {
                continue;
            }
            let (hi, si) = seq[i];
            // A second heading of a section already placed (一、提高站位…
            // and 三、整改工作总体成效 both read as the leadership part) is
            // more likely read wrong than out of place.
            if seq[..i].iter().any(|&(_, s)| s == si) {
                continue;
            }
            // It comes after a section it should precede, or before a
            // section it should follow.
            let earlier = seq[..i].iter().find(|&&(_, s)| s > si).map(|&x| (x, true));
            let later = seq[i + 1..]
                .iter()
                .rev()
                .find(|&&(_, s)| s < si)
                .map(|&x| (x, false));
            let Some(((hj, sj), before)) = earlier.or(later) else {
                continue;
            };
            let (Some(h), Some(other)) = (doc.headings.get(hi), doc.headings.get(hj)) else {
                continue;
            };
            let (Some(spec), Some(other_spec)) =
                (ctx.profile.sections.get(si), ctx.profile.sections.get(sj))
            else {
                continue;
            };
            let this = doc.heading_text(h).trim_end();
            let that = doc.heading_text(other).trim_end();
            let en = |s: &crate::profile::SectionSpec| {
                if s.title_en.is_empty() {
                    s.title.clone()
                } else {
                    s.title_en.clone()
                }
            };
            let (zh_where, en_where, label) = if before {
                (
                    "之前",
                    "before",
                    "应在其后的部分 section that should follow",
                )
            } else {
                (
                    "之后",
                    "after",
                    "应在其前的部分 section that should come first",
                )
            };
            out.warning(
                h.start,
                h.end,
                format!(
                    "部分顺序颠倒：“{this}”（{}）应放在“{that}”（{}）{zh_where}",
                    spec.title, other_spec.title
                ),
                format!(
                    "Sections out of order: \"{this}\" ({}) should come {en_where} \"{that}\" ({})",
                    en(spec),
                    en(other_spec)
                ),
            )
            .related(other.start, other.end, label);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::profile::Profile;

    fn order(text: &str) -> Vec<String> {
        let p = Profile::builtin("political-ecology").unwrap();
        crate::analyze(text, &p)
            .findings
            .into_iter()
            .filter(|f| f.rule == "section-order")
            .map(|f| f.text)
            .collect()
    }

    #[test]
    fn measures_before_problems() {
        let text = "报告\n一、基本情况\n正文。\n二、整改措施\n正文。\n三、存在问题\n正文。";
        assert_eq!(order(text), vec!["三、存在问题"]);
        // With the causes after the problems, the measures are the odd one.
        let text = "报告\n一、基本情况\n正文。\n二、整改措施\n正文。\n三、存在问题\n正文。\n四、原因分析\n正文。";
        let p = Profile::builtin("political-ecology").unwrap();
        let f: Vec<_> = crate::analyze(text, &p)
            .findings
            .into_iter()
            .filter(|f| f.rule == "section-order")
            .collect();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "二、整改措施");
        assert!(
            f[0].message
                .contains("应放在“四、原因分析”（原因分析）之后"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn silent_in_the_usual_order() {
        for text in [
            "报告\n一、基本情况\n正文。\n二、存在问题\n正文。\n三、原因分析\n正文。\n四、整改措施\n正文。",
            // A heading naming two sections does not take part.
            "报告\n一、基本情况\n正文。\n二、存在问题和整改措施\n正文。\n三、原因分析\n正文。",
            // Two headings for one section.
            "报告\n一、基本情况\n正文。\n二、总体评价\n正文。\n三、存在问题\n正文。\n四、整改措施\n正文。",
        ] {
            assert!(order(text).is_empty(), "{text}");
        }
    }
}
