//! 空标题。标题下面什么都没有写——既没有正文，也没有下一级标题——通常是
//! 套用模板时留下的提纲，例如“（六）坚持公道正派，严格选人用人。”后面紧接
//! 着“（七）……”。这样的报告交上去会被退回：请补写这一部分，或删去这个标题。
//!
//! 标题下只有占位符（如“一、基本情况”下面只有一个“X”，或只有“XX”“××”
//! “略”“待补充”）也算空：占位符不是内容。只有编号、没有标题也没有内容的
//! 一行（单独的“（二）”或“二、”）总是提示。
//!
//! 为避免误报：只有当同一级的其他标题大多写了正文时，才把没有正文的标题
//! 当作空标题；如果同一级的标题全都只有一句话（例如一串简短的措施要点），
//! 那是有意的写法，不提示。标题本身带有正文（“（一）……。正文……”）的，
//! 不算空。
//!
//! # English
//! Empty section: a heading with nothing under it — no text and no
//! sub-headings — usually an outline left over from the template, such as
//! "（六）坚持公道正派，严格选人用人。" followed at once by "（七）…". Write
//! the section or delete the heading. A heading whose only content is a
//! placeholder ("X", "XX", "××", "略", "待补充") counts as empty too. A line
//! that is only a number ("（二）" or "二、" alone) is always reported.
//!
//! To avoid false alarms, a bodiless heading is flagged only when most of
//! its sibling headings do have text; a run of one-line points where none
//! has a body is a deliberate style and is left alone. A heading that
//! carries its text in the same paragraph ("（一）…。正文…") is not empty.

use super::{Ctx, Emitter};
use crate::document::MarkerKind;
use std::collections::HashMap;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Fill {
    Content,
    Empty,
    /// Only a placeholder under the heading (byte span).
    Placeholder(usize, usize),
}

/// Words that stand in for text not yet written.
const PLACEHOLDER_WORDS: &[&str] = &[
    "略",
    "待补充",
    "待填写",
    "待完善",
    "待定",
    "此处填写",
    "TODO",
    "TBD",
];

/// The body holds nothing but a blank to fill in: X, XX, ××, ○○, 某某, …
fn placeholder_only(body: &str) -> bool {
    if body.chars().count() > 30 {
        return false;
    }
    let core: String = body
        .chars()
        .filter(|&c| crate::text::class::is_word_char(c))
        .collect();
    core.is_empty()
        || core
            .chars()
            .all(|c| matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ' | '某'))
        || PLACEHOLDER_WORDS
            .iter()
            .any(|w| core.eq_ignore_ascii_case(w))
}

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "empty-section",
    category: crate::Category::Structure,
    severity: crate::Severity::Error,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let doc = ctx.doc;
    let n = doc.headings.len();
    let mut fill = vec![Fill::Content; n];
    for (i, h) in doc.headings.iter().enumerate() {
        // Unnumbered lines carry no level: one right after another may be
        // its sub-heading, so they are never called empty.
        if matches!(h.kind, MarkerKind::Title | MarkerKind::Plain) {
            continue;
        }
        // The next heading inside this one's section is a sub-heading.
        let has_children = doc
            .headings
            .get(i + 1)
            .is_some_and(|next| next.part == h.part && next.start < h.section_end);
        if has_children {
            continue;
        }
        let (bs, be) = doc.heading_body(i);
        fill[i] = if bs >= be {
            Fill::Empty
        } else if placeholder_only(doc.slice(bs, be)) {
            Fill::Placeholder(bs, be)
        } else {
            Fill::Content
        };
    }
    // Siblings: same part, same parent, same kind of number.
    let mut groups: HashMap<(usize, Option<usize>, MarkerKind), (usize, usize)> = HashMap::new();
    for (i, h) in doc.headings.iter().enumerate() {
        if h.kind == MarkerKind::Title {
            continue;
        }
        let g = groups.entry((h.part, h.parent, h.kind)).or_default();
        if fill[i] == Fill::Content {
            g.0 += 1;
        } else {
            g.1 += 1;
        }
    }
    for (i, h) in doc.headings.iter().enumerate() {
        if fill[i] == Fill::Content {
            continue;
        }
        let (with_text, without) = groups
            .get(&(h.part, h.parent, h.kind))
            .copied()
            .unwrap_or_default();
        // Only its number: neither a title nor a text, whatever its
        // siblings are (a point list's points have their words).
        let bare = fill[i] == Fill::Empty
            && !doc
                .slice(h.marker_end.min(h.end), h.end)
                .chars()
                .any(crate::text::class::is_word_char);
        // A run of bare one-line points is a style, not a gap.
        if !bare && (with_text == 0 || with_text < without) {
            continue;
        }
        if h.start >= h.end {
            continue;
        }
        let heading = doc.heading_text(h).trim_end();
        if bare {
            out.error(
                h.start,
                h.end,
                format!("标题“{heading}”只有编号，没有标题也没有内容：请补写这一部分，或删去这个编号"),
                format!("The heading \"{heading}\" is only a number, with neither a title nor text: write this part or delete the number"),
            );
            continue;
        }
        match fill[i] {
            Fill::Placeholder(bs, be) => {
                let blank = doc.slice(bs, be);
                out.error(
                    h.start,
                    h.end,
                    format!("标题“{heading}”下面只有占位符“{blank}”，等于没有内容：请补写这一部分，或删去这个标题"),
                    format!("The heading \"{heading}\" has only the placeholder \"{blank}\" under it: write this section or delete the heading"),
                )
                .related(bs, be, "占位符 placeholder");
            }
            _ => {
                out.error(
                    h.start,
                    h.end,
                    format!("标题“{heading}”下面没有内容：请补写这一部分，或删去这个标题"),
                    format!("The heading \"{heading}\" has nothing under it: write this section or delete the heading"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{assert_silent, flagged};

    #[test]
    fn flags_bodiless_headings_among_written_ones() {
        let text = "（一）坚持政治统领，树牢“四个意识”。始终把学习作为首要任务。\n（二）强化组织观念，严明组织纪律。一是修订制度。\n（三）坚持公道正派，严格选人用人。\n（四）狠抓干部作风，筑牢廉政根基。\n（五）树立民生情怀，保持为民初心。一是树牢群众观念。";
        assert_eq!(
            flagged("empty-section", text),
            vec![
                "（三）坚持公道正派，严格选人用人。",
                "（四）狠抓干部作风，筑牢廉政根基。"
            ]
        );
    }

    #[test]
    fn a_heading_that_is_only_its_number_is_empty_among_one_line_points() {
        for (text, bare) in [
            ("报告\n一、存在的问题\n（一）学习不够深入。\n（二）\n（三）作风不够扎实。\n二、整改措施\n下一步继续努力。\n", "（二）"),
            ("报告\n一、基本情况\n全年完成各项任务。\n二、\n三、下一步打算\n继续努力。\n", "二、"),
        ] {
            assert_eq!(flagged("empty-section", text), vec![bare], "{text}");
            let f = crate::rules::support::findings_of("empty-section", text);
            assert_eq!(
                f[0].message,
                format!("标题“{bare}”只有编号，没有标题也没有内容：请补写这一部分，或删去这个编号")
            );
        }
        // A number with its title (a point) is not bare, a bare number with
        // points under it has content, and a list's number in half-width
        // brackets or a number list is no heading.
        assert_silent(
            "empty-section",
            &[
                "报告\n一、存在的问题\n（一）学习不够深入。\n（二）作风不够扎实。\n二、整改措施\n继续努力。\n",
                "报告\n一、存在的问题\n（一）\n1.学习不够深入。\n2.作风不够扎实。\n二、整改措施\n继续努力。\n",
                "报告\n一、存在的问题\n学习不够深入。\n(2)\n二、整改措施\n继续努力。\n",
                "报告\n一、存在的问题\n获得一、二等奖各一项。\n二、整改措施\n继续努力。\n",
            ],
        );
    }

    #[test]
    fn a_placeholder_body_is_empty() {
        let text =
            "报告\n一、基本情况\nX\n二、存在的问题\n学习不够深入。\n三、整改措施\n加强学习。";
        assert_eq!(flagged("empty-section", text), vec!["一、基本情况"]);
        let text =
            "报告\n一、基本情况\n（略）\n二、存在的问题\n学习不够深入。\n三、整改措施\n加强学习。";
        assert_eq!(flagged("empty-section", text), vec!["一、基本情况"]);
    }

    #[test]
    fn the_last_heading_of_a_report_can_be_empty() {
        let text = "报告\n一、基本情况\n正文。\n二、存在的问题\n正文。\n三、整改措施";
        assert_eq!(flagged("empty-section", text), vec!["三、整改措施"]);
    }

    #[test]
    fn silent_on_written_sections_and_point_lists() {
        assert_silent(
            "empty-section",
            &[
                // Headings with sub-headings are not empty.
                "报告\n一、基本情况\n（一）组织情况\n共有支部5个。\n二、存在问题\n不够深入。",
                // The heading carries its text.
                "报告\n一、基本情况：全县共有党组织120个。\n二、存在问题：学习不深入。",
                // A run of one-line points.
                "三、下步措施\n（一）加强理论学习。\n（二）严格落实制度。\n（三）强化监督检查。",
                // Placeholders inside real text are not an empty body.
                "一、基本情况\n全县共有基层纪检组织XX个。\n二、存在问题\n不够深入。",
                "一、基本情况\n暂无变化。\n二、存在问题\n不够深入。",
                // Unnumbered English headings: a sub-heading may follow at once.
                "Annual Review\nSummary\nWe did well this year.\nFindings\nSales\nSales rose by a tenth.\nStaffing\nTwo people left in March.",
            ],
        );
    }
}
