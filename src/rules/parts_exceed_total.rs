//! 分项之和超过总数。“共有……N人，其中A人、B人……”这样的句子里，分项加起来
//! 不能比总数还多；审核人员最先核的就是这种账。如果所列分项明显就是全部
//! （“分别为……”、最后一项是“其他”“其余”、“四种形态”后列出第一至第四种形态），
//! 合计却比总数少，也会提醒（警告），可能漏列了一项或数字有误。
//!
//! 只在结构明确时检查：总数和分项单位相同，分项紧跟在“其中”“包括”“分别为”
//! 之后，或者总数写成“反馈的16条问题中，……”。含有 XX 等未填数字、约数（余、左右）的句子不检查；分项可能互相重叠时
//! 也不检查，如“女性2人、35岁以下3人、研究生学历4人”（同一个人可以兼有），
//! 或党纪处分与政务处分、移送司法机关（只有党纪处分一项与诫勉谈话、批评教育
//! 并列时是分类，照常检查）。
//!
//! 示例：“全年立案53件，其中县处级干部5件、乡科级干部20件、一般干部30件”
//! ——分项合计 55 件，超过总数 53 件。
//!
//! # English
//! Parts that add up to more than their total. In "共有…N人，其中A人、B人…"
//! the parts cannot exceed the total; reviewers check this first. When the
//! parts plainly list the whole (分别为…, a last part 其他/其余, or 第一…第四种
//! 形态 after 四种形态) but add up to less, a warning is raised: a part may be
//! missing or a figure wrong. Checked only when the structure is explicit
//! (same unit, parts right after 其中/包括/分别为, or after a total written as
//! 反馈的16条问题中，…); sentences with blanks (XX)
//! or approximate figures are skipped, and so are parts that may overlap
//! (女性2人、35岁以下3人 — one person can be both; 党纪 and 政务 sanctions). Example: "全年立案53件，其中县处级干部
//! 5件、乡科级干部20件、一般干部30件" — the parts make 55, more than 53.

use super::{percent_mismatch, Ctx, Emitter};
use crate::numbers::breakdown::{self, Cue};
use crate::numbers::format_value;

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "parts-exceed-total",
    category: crate::Category::Figures,
    severity: crate::Severity::Error,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let doc = ctx.doc;
    let nums = &doc.numbers;
    for g in ctx.groups() {
        if g.cue == Cue::Implicit || g.parts.len() < 2 {
            continue;
        }
        let total = &nums[g.total];
        let tol_total = total.tolerance();
        // One part alone above the total is subset-exceeds-total's finding.
        if g.parts.iter().any(|p| {
            let n = &nums[p.num];
            n.value - n.tolerance() > total.value + tol_total + 1e-9
        }) {
            continue;
        }
        // Shares that each match their counts yet add up to more than 100%
        // mean overlapping categories (党员…占72.9%；女职工…占35.3%).
        if g.parts.iter().all(|p| p.percent.is_some())
            && percent_mismatch::mismatched(nums, g).is_empty()
            && g.parts
                .iter()
                .filter_map(|p| p.percent)
                .map(|i| nums[i].value)
                .sum::<f64>()
                > 100.5
        {
            continue;
        }
        let labels: Vec<&str> = g
            .parts
            .iter()
            .map(|p| doc.slice(p.label.0, p.label.1))
            .collect();
        if breakdown::may_overlap(&labels) {
            continue;
        }
        let sum: f64 = g.parts.iter().map(|p| nums[p.num].value).sum();
        let tol = tol_total + g.parts.iter().map(|p| nums[p.num].tolerance()).sum::<f64>();
        let unit = total.count_unit();
        let terms = g
            .parts
            .iter()
            .map(|p| format_value(nums[p.num].value))
            .collect::<Vec<_>>()
            .join("+");
        let (s, e) = (total.start, total.end);
        if sum > total.value + tol + 1e-9 {
            let f = out.error(
                s,
                e,
                format!(
                    "其中各项合计 {} {unit}（{terms}），超过总数 {} {unit}：请核对总数或分项",
                    format_value(sum),
                    format_value(total.value)
                ),
                format!(
                    "The parts add up to {} {unit} ({terms}), more than the total of {} {unit}: check the total or the parts",
                    format_value(sum),
                    format_value(total.value)
                ),
            );
            for p in &g.parts {
                let n = &nums[p.num];
                f.related(n.start, n.end, "分项");
            }
        } else if g.exhaustive && sum < total.value - tol - 1e-9 {
            let f = out.warning(
                s,
                e,
                format!(
                    "所列各项合计 {} {unit}（{terms}），比总数 {} {unit} 少 {} {unit}：请核对是否漏列或数字有误",
                    format_value(sum),
                    format_value(total.value),
                    format_value(total.value - sum)
                ),
                format!(
                    "The listed parts add up to {} {unit} ({terms}), {} {unit} short of the total of {} {unit}: check for a missing part or a wrong figure",
                    format_value(sum),
                    format_value(total.value - sum),
                    format_value(total.value)
                ),
            );
            for p in &g.parts {
                let n = &nums[p.num];
                f.related(n.start, n.end, "分项");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{assert_flags, assert_silent, findings_of};

    const RULE: &str = "parts-exceed-total";

    #[test]
    fn one_sanction_beside_lighter_measures_is_a_split() {
        let f = findings_of(
            RULE,
            "共问责处理18人，其中给予党纪处分2人、诫勉谈话5人、批评教育13人。",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].message,
            "其中各项合计 20 人（2+5+13），超过总数 18 人：请核对总数或分项"
        );
    }

    #[test]
    fn flags_parts_above_the_total() {
        assert_flags(
            RULE,
            &[
                "全年立案53件，其中县处级干部5件、乡科级干部20件、一般干部30件。",
                "全县共有纪检监察干部50人，其中县纪委监委机关22人，派驻机构18人，基层纪检监察干部15人。",
                "共召开党委会议12次，包括专题会议5次、常规会议8次。",
                "全年共处置问题线索一百二十件，其中谈话函询七十件、初步核实五十五件。",
                "共有村（社区）30个，分别为行政村26个、社区5个。",
                "累计投入资金1.2万元，其中中央资金8000元、县级配套5000元。",
                "运用“四种形态”处理899人次。其中，第一种形态700人次，第二种形态150人次，第三种形态40人次，第四种形态19人次。",
                "共有干部50名，其中领导干部12人、一般干部40人。",
            ],
        );
        let f = findings_of(
            RULE,
            "全年立案53件，其中县处级干部5件、乡科级干部20件、一般干部30件。",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "53件");
        assert!(f[0].message.contains("55 件") && f[0].message.contains("53 件"));
        assert_eq!(f[0].related.len(), 3);
    }

    #[test]
    fn warns_when_a_complete_list_falls_short() {
        let text = "运用“四种形态”处理100人次，其中第一种形态70人次，第二种形态20人次，第三种形态6人次，第四种形态3人次。";
        let f = findings_of(RULE, text);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, crate::Severity::Warning);
        let f = findings_of(RULE, "共有干部50人，其中党员30人，其他人员15人。");
        assert_eq!(f.len(), 1);
        // Not plainly complete: no warning.
        assert_silent(RULE, &["共有干部50人，其中党员30人，团员15人。"]);
    }

    #[test]
    fn silent_on_consistent_or_unrelated_figures() {
        assert_silent(
            RULE,
            &[
                "全年立案53件，其中县处级干部5件、乡科级干部18件、一般干部30件。",
                "全县共有纪检监察干部50人，其中县纪委监委机关20人，派驻机构18人，基层纪检监察干部12人。",
                "运用“四种形态”处理899人次，其中第一种形态700人次，第二种形态150人次，第三种形态30人次，第四种形态19人次。",
                "省委巡视反馈4个方面13个问题,我区细化为53项整改任务、140项整改措施、40项长效机制。",
                "全区立案审查调查196件196人,党纪政务处分146人,运用\"四种形态\"处理899人次。",
                "全区共有41名领导干部、3个党组织因落实主体责任不力被追责。",
                "查处问题10起，处理12人，其中党纪政务处分8人，通报曝光6起8人。",
                "全县共有基层纪检组织XX个，其中：乡镇纪委XX个，派驻纪检组XX个。",
                "共有干部30余人，其中党员20人、团员15人。",
                "共召开会议12次，其中上半年约7次、下半年8次。",
                "全年立案53件，较上年增加10件，其中县处级干部30件、乡科级干部30件。",
                "共有干部职工85人，其中党员62人，占72.9%；女职工30人，占35.3%。",
                "全县共有乡镇（街道）12个，其中镇8个、乡3个、街道1个，共有村（社区）186个。",
                "班子成员7人，其中女性2人、35岁以下3人、研究生学历4人。",
                "共给予党纪政务处分146人，其中党纪处分120人，政务处分40人。",
                "共处理50人，其中党纪政务处分40人，移送司法机关15人。",
            ],
        );
    }
}
