//! 部分大于整体。“巡察27个村，其中30个存在问题”——“其中”之后的单项不能
//! 比前面的总数还大。这通常是数字录错、或改了总数忘了改分项。
//!
//! 只在“其中”“包括”“分别为”明确指向前一个总数、且单位相同时检查；
//! 含有 XX 等未填数字或约数的句子不检查。
//!
//! 示例：“区委延伸巡察了27个村（社区），其中30个存在村务公开不及时问题”
//! ——30 个超过总数 27 个。
//!
//! # English
//! A part larger than its whole. In "巡察27个村，其中30个存在问题" the part
//! after 其中 cannot exceed the total before it; usually a typo, or a total
//! that was changed without its parts. Checked only when 其中/包括/分别为
//! clearly refers to the total just named and the units match; sentences
//! with blanks (XX) or approximate figures are skipped.

use super::{Ctx, Emitter};
use crate::numbers::breakdown::Cue;
use crate::numbers::format_value;

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "subset-exceeds-total",
    category: crate::Category::Figures,
    severity: crate::Severity::Error,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let doc = ctx.doc;
    let nums = &doc.numbers;
    for g in ctx.groups() {
        if g.cue == Cue::Implicit {
            continue;
        }
        let total = &nums[g.total];
        let unit = total.count_unit();
        for p in &g.parts {
            let n = &nums[p.num];
            if n.value - n.tolerance() > total.value + total.tolerance() + 1e-9 {
                let label = doc.slice(p.label.0, p.label.1);
                let what = if label.is_empty() {
                    String::new()
                } else {
                    format!("“{label}”")
                };
                out.error(
                    n.start,
                    n.end,
                    format!(
                        "其中{what} {} {unit}，超过总数 {} {unit}：部分不能大于整体，请核对",
                        format_value(n.value),
                        format_value(total.value)
                    ),
                    format!(
                        "The part {what}{} {unit} is larger than the total of {} {unit}: a part cannot exceed its whole",
                        format_value(n.value),
                        format_value(total.value)
                    ),
                )
                .related(total.start, total.end, "总数");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{assert_flags, assert_silent, findings_of};

    const RULE: &str = "subset-exceeds-total";

    #[test]
    fn flags_a_part_above_its_total() {
        assert_flags(
            RULE,
            &[
                "区委延伸巡察了27个村(社区),其中30个存在村务公开不及时等问题。",
                "全年立案审查调查53件，其中涉及扶贫领域60件。",
                "共有党员干部120名，其中受到处分的130人。",
                "全镇共有行政村十二个，其中十五个村建立了监督小组。",
                "全年处理问题线索85件。其中，谈话函询92件。",
                "共开展专项检查8次，包括明察暗访10次。",
            ],
        );
        let f = findings_of(RULE, "巡察27个村，其中30个存在问题。");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "30个");
        assert_eq!(f[0].related[0].text, "27个");
        assert!(f[0].message.contains("30 个") && f[0].message.contains("27 个"));
    }

    #[test]
    fn silent_on_consistent_subsets() {
        assert_silent(
            RULE,
            &[
                "区委延伸巡察了27个村(社区),其中15个存在村务、党务、财务公开不及时等问题。",
                "全年立案审查调查53件，其中涉及扶贫领域20件。",
                "立案审查调查196件196人，其中县处级干部5人。",
                "发现问题30个，整改40个，其中立行立改25个。",
                "处理XX人，其中党纪政务处分XX人。",
                "巡察27个村，其中近30个村存在问题。",
            ],
        );
    }
}
