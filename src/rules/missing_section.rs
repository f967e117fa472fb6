//! 缺少必备部分。每类报告都有必须写的几部分：政治生态分析研判报告要有
//! “基本情况/主要成效”“存在问题”“整改措施/下步打算”；自查报告要有自查
//! 情况、发现的问题和整改措施；工作总结要有主要工作、问题不足和下一步
//! 打算。缺了其中一部分的报告会被退回。
//!
//! 检查方法：在报告的一级标题（通常是“一、”“二、”这一层）中寻找能代表
//! 该部分的词，例如“存在问题”“突出问题”“问题和难点”都算“存在问题”部分；
//! 一个文件里有多篇报告时逐篇检查。提示会说明缺哪一部分、用什么样的标题
//! 可以补上，并指向这篇报告的标题。报告类型可以自动识别，也可以手动指定。
//!
//! 为避免误报：没有编号标题的文字、一级标题都不对应任何必备部分的报告
//! （结构无法判断）不做这项检查；报告开头的第一部分常用主题式标题
//! （例如“基本情况”该在的位置写的是“一、坚持政治引领，……”），这样的
//! 标题视为这一部分已经写了；自查报告写明“未发现问题”的，不要求问题和整改部分；
//! “原因分析”这类建议部分缺少时只在清单中显示，不报错。
//!
//! 示例：报告只有“一、基本情况”“二、下步打算”→ 提示缺少“存在问题”。
//!
//! # English
//! Missing required section. Each report type has parts it must contain: a
//! political-ecology report needs its current state and results, its
//! problems, and its measures or next steps; a self-inspection report needs
//! what was checked, the problems found and the rectification; a work
//! summary needs the main work, the shortcomings and next year's plans. A
//! report without one of them is sent back.
//!
//! The check looks for words that name the section in the report's top
//! level of headings ("存在问题", "突出问题" and "问题和难点" all count as the
//! problems section), report by report when a file holds several. The
//! finding names the missing section, suggests headings that would satisfy
//! it and points at the report's title. Text without numbered headings, and
//! reports whose top-level headings name none of the sections, are not
//! checked. The opening section is often told under thematic headings (a
//! "一、坚持政治引领，…" in place of "基本情况"); such headings before the
//! named sections count as that section; a self-inspection that states "未发现问题" needs
//! no problems or rectification part. Recommended sections such as causes
//! are only listed.
//!
//! Example: a report with only "一、基本情况" and "二、下步打算" → the
//! problems section is missing.

use super::{Ctx, Emitter};
use crate::profile::Need;
use crate::sections::part_anchor;

/// How many of a section's words the message lists.
const SHOWN_ALIASES: usize = 4;

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "missing-section",
    category: crate::Category::Structure,
    severity: crate::Severity::Error,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let doc = ctx.doc;
    let multi = ctx
        .sections
        .iter()
        .any(|m| m.part != ctx.sections.first().map_or(0, |f| f.part));
    for m in ctx.sections {
        let Some(spec) = ctx.profile.sections.get(m.section) else {
            continue;
        };
        // Unknown structure: no heading of this report names any section.
        if spec.need != Need::Required || m.found() || m.level.is_none() {
            continue;
        }
        let Some((start, end)) = part_anchor(doc, m.part) else {
            continue;
        };
        let shown: Vec<&str> = spec
            .aliases
            .iter()
            .map(|a| a.trim())
            .filter(|a| !a.is_empty())
            .take(SHOWN_ALIASES)
            .collect();
        let zh_words = shown
            .iter()
            .map(|a| format!("“{a}”"))
            .collect::<Vec<_>>()
            .join("");
        let en_words = shown
            .iter()
            .map(|a| format!("\"{a}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let title_en = if spec.title_en.is_empty() {
            spec.title.as_str()
        } else {
            spec.title_en.as_str()
        };
        let (zh_where, en_where) = if multi {
            let title = doc.slice(start, end);
            (format!("“{title}”"), format!("\"{title}\""))
        } else {
            ("报告".to_string(), "the report".to_string())
        };
        out.error(
            start,
            end,
            format!(
                "{zh_where}缺少必备部分“{}”：请补写这一部分，标题中含{zh_words}等词即可（{}要求）",
                spec.title, ctx.profile.name_zh
            ),
            format!(
                "{en_where} lacks the required section \"{title_en}\": add it under a heading with a word such as {en_words} (required for a {})",
                ctx.profile.name_en
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::profile::Profile;

    fn missing(text: &str, profile: &str) -> Vec<String> {
        let p = Profile::builtin(profile).unwrap();
        crate::analyze(text, &p)
            .findings
            .into_iter()
            .filter(|f| f.rule == "missing-section")
            .map(|f| f.message)
            .collect()
    }

    const FULL: &str = "XX县政治生态分析研判报告\n现将有关情况报告如下。\n一、基本情况\n全县共有党组织120个。\n二、存在的问题\n一是责任落实不到位。\n三、原因分析\n思想认识不到位。\n四、下步工作打算\n一是强化学习。";

    #[test]
    fn flags_each_missing_required_section() {
        assert!(missing(FULL, "political-ecology").is_empty());
        let no_problems = FULL.replace("二、存在的问题\n一是责任落实不到位。\n", "");
        let got = missing(&no_problems, "political-ecology");
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].contains("“存在问题”"), "{got:?}");
        let no_measures = FULL.replace("四、下步工作打算\n一是强化学习。", "");
        let got = missing(&no_measures, "political-ecology");
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].contains("整改措施"), "{got:?}");
    }

    #[test]
    fn points_at_the_title() {
        let p = Profile::builtin("political-ecology").unwrap();
        let text = FULL.replace("二、存在的问题\n一是责任落实不到位。\n", "");
        let f: Vec<_> = crate::analyze(&text, &p)
            .findings
            .into_iter()
            .filter(|f| f.rule == "missing-section")
            .collect();
        assert_eq!(f[0].text, "XX县政治生态分析研判报告");
        assert!(f[0].end > f[0].start);
    }

    #[test]
    fn recommended_sections_are_not_errors() {
        let text = FULL.replace("三、原因分析\n思想认识不到位。\n", "");
        assert!(missing(&text, "political-ecology").is_empty());
    }

    #[test]
    fn silent_when_the_structure_is_unknown() {
        // No numbered headings at all.
        assert!(missing(
            "一年来，我们做了很多工作。存在一些问题。",
            "political-ecology"
        )
        .is_empty());
        // Headings that name none of the sections.
        let text = "报告\n一、坚持政治引领\n正文。\n二、强化责任担当\n正文。";
        assert!(missing(text, "political-ecology").is_empty());
    }

    #[test]
    fn an_unnumbered_label_satisfies_the_section() {
        let text = "报告\n一、基本情况\n正文。\n存在问题\n一是不够深入。\n二、整改措施\n正文。";
        assert!(missing(text, "political-ecology").is_empty());
    }

    #[test]
    fn thematic_headings_stand_in_their_slot() {
        // The results are given under thematic headings before the problems.
        let text = "XX县政治生态分析研判报告\n一、坚持政治引领，筑牢思想根基\n正文。\n二、压实管党责任，强化监督执纪\n正文。\n三、存在的问题\n正文。\n四、下步打算\n正文。";
        assert!(missing(text, "political-ecology").is_empty());
        // But a thematic heading after the measures does not stand for the
        // problems, which belong before them.
        let text = "XX县政治生态分析研判报告\n一、基本情况\n正文。\n二、下步打算\n正文。\n三、其他事项\n正文。";
        let got = missing(text, "political-ecology");
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].contains("“存在问题”"), "{got:?}");
    }

    #[test]
    fn thematic_headings_do_not_hide_a_deleted_problems_section() {
        let text = "XX县政治生态分析研判报告\n一、基本情况\n正文。\n二、坚持政治引领，筑牢思想根基\n正文。\n三、整改措施\n正文。";
        let got = missing(text, "political-ecology");
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].contains("“存在问题”"), "{got:?}");
    }

    #[test]
    fn a_self_inspection_that_found_nothing() {
        let text = "关于公务用车的自查报告\n一、自查工作开展情况\n对全部车辆逐一核查。\n二、自查结论\n经自查，我局未发现违规使用公车问题。";
        assert!(missing(text, "self-inspection").is_empty());
        let text = "关于公务用车的自查报告\n一、自查工作开展情况\n对全部车辆逐一核查。\n二、存在的问题\n个别车辆未登记。";
        let got = missing(text, "self-inspection");
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].contains("整改措施"), "{got:?}");
    }

    #[test]
    fn nothing_found_in_the_clerks_own_words() {
        let head =
            "关于公务用车的自查报告\n一、自查工作开展情况\n对全部车辆逐一核查。\n二、自查结论\n";
        for end in [
            "经自查，我局未发现公车私用、违规配备等问题。",
            "经自查，我单位不存在公款吃喝、违规收送礼品礼金问题。",
            "经自查，未发现违反中央八项规定精神问题。",
        ] {
            assert!(
                missing(&format!("{head}{end}"), "self-inspection").is_empty(),
                "{end}"
            );
        }
        // Problems not yet found, and a "nothing" that ends before 问题.
        for end in [
            "下一步要及时整改检查中未发现的问题。",
            "经自查，未发现私设“小金库”。但票据管理存在问题。",
        ] {
            assert_eq!(
                missing(&format!("{head}{end}"), "self-inspection").len(),
                2,
                "{end}"
            );
        }
    }

    #[test]
    fn other_profiles() {
        let summary = "2023年工作总结\n一、主要工作及成效\n完成了任务。\n二、存在的不足\n学习不够。\n三、2024年工作打算\n继续努力。";
        assert!(missing(summary, "work-summary").is_empty());
        let got = missing(
            &summary.replace("三、2024年工作打算\n继续努力。", ""),
            "work-summary",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        let check = "关于财务管理的自查报告\n一、自查工作开展情况\n（一）自查组织\n成立小组。\n（二）自查范围与内容\n全部账目。\n二、自查发现的问题\n票据不全。\n三、整改措施\n补齐票据。";
        assert!(missing(check, "self-inspection").is_empty());
        let got = missing(
            &check.replace("二、自查发现的问题\n票据不全。\n", ""),
            "self-inspection",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        let en = "Annual Review\n# Summary\nWe did well.\n# Findings\nSales rose.\n# Next steps\nHire two people.";
        assert!(missing(en, "report-en").is_empty());
        let got = missing(&en.replace("# Findings\nSales rose.\n", ""), "report-en");
        assert_eq!(got.len(), 1, "{got:?}");
    }
}
