//! 百分比与数字对不上。“共有党员200人，其中女性党员60人，占35%”——60÷200
//! 是 30%，不是 35%。改了人数忘了改比例、或比例算错，都会出现这种情况。
//!
//! 检查“总数……其中A，占p%”“总数……A，占比p%”“比例为p%”这类句子，以及
//! 以分项的动作命名的比率（“排查隐患3215项，已整改3108项，整改率97.6%”
//! “反馈的12个问题已完成整改10个，整改完成率83.3%”），和抽查、检查的结果
//! （“抽查病历600份，发现问题病历42份，问题病历占比7.0%”），以及完成目标的
//! 比例（“新增就业2860人，完成年度目标4500人的63.6%”）：
//! 用分项除以总数，与文中的百分比比较，四舍五入或截位造成的差别不算错。
//! “占全市的5%”这种以别的数为基数的比例不检查；含 XX 等未填数字的句子不检查。
//!
//! 示例：“运用‘四种形态’处理899人次，其中第一种形态700人次，占80%”
//! ——700÷899≈77.9%，不是 80%。
//!
//! # English
//! A percentage that does not match its counts. In "共有党员200人，其中女性
//! 党员60人，占35%", 60/200 is 30%, not 35% — a count was changed and its
//! share was not, or the share was miscalculated. The part is divided by
//! the total and compared with the stated percentage, allowing for rounding
//! or truncation; a rate named after what the part did (排查隐患3215项，
//! 已整改3108项，整改率97.6%; 反馈的12个问题已完成整改10个，整改完成率83.3%) is read the same way,
//! and so is what a sample turned up (抽查病历600份，发现问题病历42份，问题病历占比7.0%)
//! and the share of a target (新增就业2860人，完成年度目标4500人的63.6%). Shares of another base (占全市的5%) and sentences with
//! blanks (XX) are not checked.

use super::{Ctx, Emitter};
use crate::numbers::breakdown::Group;
use crate::numbers::{format_value, Number};

/// The share a part makes of a total, as an interval that allows for the
/// rounding of both figures.
pub fn share_interval(part: &Number, total: &Number) -> Option<(f64, f64)> {
    let (a, ta) = (part.value, part.tolerance());
    let (n, tn) = (total.value, total.tolerance());
    if n - tn <= 0.0 {
        return None;
    }
    Some((
        (a - ta).max(0.0) / (n + tn) * 100.0,
        (a + ta) / (n - tn) * 100.0,
    ))
}

/// True when the stated share `p` cannot come from the counts by rounding
/// or truncating to the digits written.
pub fn share_is_off(p: &Number, lo: f64, hi: f64) -> bool {
    let unit = 10f64.powi(-i32::from(p.decimals));
    p.value >= hi + unit - 1e-9 || p.value <= lo - unit + 1e-9
}

/// Parts of `g` whose share is off: (part index, computed share).
pub fn mismatched(nums: &[Number], g: &Group) -> Vec<(usize, f64)> {
    let total = &nums[g.total];
    g.parts
        .iter()
        .enumerate()
        .filter_map(|(k, part)| {
            let pi = part.percent?;
            let n = &nums[part.num];
            let (lo, hi) = share_interval(n, total)?;
            share_is_off(&nums[pi], lo, hi).then_some((k, n.value / total.value * 100.0))
        })
        .collect()
}

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "percent-mismatch",
    category: crate::Category::Figures,
    severity: crate::Severity::Error,
    check,
};

/// The computed share to one more decimal than the stated one, and the
/// stated one as written (8.0%, not 8%).
fn shown_and_stated(computed: f64, p: &Number) -> (String, String) {
    let digits = usize::from(p.decimals) + 1;
    (
        format!("{computed:.digits$}"),
        format!("{:.*}", usize::from(p.decimals), p.value),
    )
}

/// Words before a target's figure: 完成年度目标4500人的63.6%.
fn names_a_target(clause: &str) -> bool {
    clause.contains("完成") && ["目标", "任务", "计划"].iter().any(|w| clause.contains(w))
}

/// A share of a target: 新增就业2860人，完成年度目标4500人的68.3% — the one
/// count of that unit before it in the sentence, over the target.
fn target_shares(ctx: &Ctx, out: &mut Emitter) {
    let doc = ctx.doc;
    let text = doc.text;
    let nums = &doc.numbers;
    for (i, p) in nums.iter().enumerate() {
        if !p.percent || i == 0 || !p.is_exact() {
            continue;
        }
        let t = &nums[i - 1];
        if t.percent || !t.is_exact_count() || text.get(t.end..p.start) != Some("的") {
            continue;
        }
        let Some(sent) = doc.sentence_at(t.start) else {
            continue;
        };
        let (cs, _) = doc.clause_around(t.start, t.end);
        if cs < sent.start || !names_a_target(text.get(cs..t.start).unwrap_or("")) {
            continue;
        }
        let before = text.get(sent.start..t.start).unwrap_or("");
        if crate::numbers::breakdown::has_blank(before) {
            continue;
        }
        let lo = nums.partition_point(|m| m.start < sent.start);
        let same: Vec<&Number> = nums[lo..i - 1]
            .iter()
            .filter(|m| !m.percent && !m.is_time() && m.count_unit() == t.count_unit())
            .collect();
        let [done] = same.as_slice() else { continue };
        if !done.is_exact_count() || done.end > cs {
            continue;
        }
        let Some((lo, hi)) = share_interval(done, t) else {
            continue;
        };
        if !share_is_off(p, lo, hi) {
            continue;
        }
        let unit = t.count_unit();
        let (shown, stated) = shown_and_stated(done.value / t.value * 100.0, p);
        out.error(
            p.start,
            p.end,
            format!(
                "{} {unit} ÷ 目标 {} {unit} = {shown}%，文中写作 {stated}%：请核对数字或比例",
                format_value(done.value),
                format_value(t.value),
            ),
            format!(
                "{} {unit} / the target {} {unit} = {shown}%, but the text says {stated}%: check the figures or the share",
                format_value(done.value),
                format_value(t.value),
            ),
        )
        .related(done.start, done.end, "完成数")
        .related(t.start, t.end, "目标");
    }
}

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    target_shares(ctx, out);
    let doc = ctx.doc;
    let nums = &doc.numbers;
    for g in ctx.groups() {
        let total = &nums[g.total];
        let unit = total.count_unit();
        for (k, computed) in mismatched(nums, g) {
            let part = &g.parts[k];
            let (n, p) = match part.percent {
                Some(pi) => (&nums[part.num], &nums[pi]),
                None => continue,
            };
            let (shown, stated) = shown_and_stated(computed, p);
            out.error(
                p.start,
                p.end,
                format!(
                    "{} {unit} ÷ {} {unit} = {shown}%，文中写作 {}%：请核对数字或比例",
                    format_value(n.value),
                    format_value(total.value),
                    stated
                ),
                format!(
                    "{} {unit} / {} {unit} = {shown}%, but the text says {}%: check the figures or the share",
                    format_value(n.value),
                    format_value(total.value),
                    stated
                ),
            )
            // Related spans in text order keep position lookups linear.
            .related(total.start, total.end, "总数")
            .related(n.start, n.end, "分项");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{assert_flags, assert_silent, findings_of};

    const RULE: &str = "percent-mismatch";

    #[test]
    fn flags_shares_that_do_not_match() {
        assert_flags(
            RULE,
            &[
                "共有党员200人，其中女性党员60人，占35%。",
                "运用“四种形态”处理899人次，其中第一种形态700人次、占80%，第二种形态150人次、占16.7%。",
                "全年立案50件，其中乡科级干部20件，占比50%。",
                "共有村（社区）40个，其中建立监督小组的32个（占90%）。",
                "全县共有党员1000人，女性党员300人，占40%。",
                "共受理信访举报一百件，其中检举控告类六十件，比例为百分之五十。",
                "服务群众1.2万人次，其中线上服务6000人次，占比75%。",
                "共有干部80名，其中35岁以下干部20名，占总数的30%。",
                // No 共: a rate named after what the part did.
                "排查隐患3,215项，已整改3,108项，整改率97.6%。",
                "受理群众诉求1200件，办结1150件，办结率98%。",
                // The total and what has been done of it in one clause.
                "反馈的12个问题已完成整改10个，整改完成率85.3%。",
                // A sample and what it turned up; the share naming its part again.
                "随机抽查住院病历600份，发现问题病历42份，占比8.0%。",
                "随机抽查住院病历600份，发现存在问题的病历42份，问题病历占比8.0%。",
                "巡察反馈的36个问题已整改30个，整改率90%。",
                // A share of a target.
                "上半年全县城镇新增就业2860人，完成年度目标4500人的68.3%。",
            ],
        );
        let f = findings_of(RULE, "反馈的12个问题已完成整改10个，整改完成率85.3%。");
        assert_eq!((f.len(), f[0].text.as_str()), (1, "85.3%"));
        assert!(
            f[0].message.starts_with("10 个 ÷ 12 个 = 83.33%"),
            "{}",
            f[0].message
        );
        let f = findings_of(RULE, "排查隐患3,215项，已整改3,108项，整改率97.6%。");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "97.6%");
        assert!(
            f[0].message.starts_with("3108 项 ÷ 3215 项 = 96.67%"),
            "{}",
            f[0].message
        );
        let f = findings_of(
            RULE,
            "上半年全县城镇新增就业2860人，完成年度目标4500人的68.3%。",
        );
        assert_eq!((f.len(), f[0].text.as_str()), (1, "68.3%"));
        assert_eq!(
            f[0].message,
            "2860 人 ÷ 目标 4500 人 = 63.56%，文中写作 68.3%：请核对数字或比例"
        );
        let f = findings_of(RULE, "共有党员200人，其中女性党员60人，占35%。");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "35%");
        assert!(f[0].message.contains("30.0%"), "{}", f[0].message);
        assert_eq!(f[0].related.len(), 2);
    }

    #[test]
    fn silent_when_shares_match_within_rounding() {
        assert_silent(
            RULE,
            &[
                "共有党员200人，其中女性党员60人，占30%。",
                "运用“四种形态”处理899人次，其中第一种形态700人次、占77.9%，第二种形态150人次、占16.7%。",
                "共有干部3人，其中女性1人，占33%。",
                "共有干部3人，其中女性2人，占66%。",
                "共有干部3人，其中女性2人，占67%。",
                "共有党员200人，其中女性党员60人，占全市女性党员的5%。",
                "综合运用“四种形态”处理XX人次，其中第一种形态XX人次、占XX%，第二种形态XX人次、占XX%。",
                "开展党委中心组理论学习6期，讲党课130人次，开展专题学习研讨2次，班子成员参学率100%。",
                "共有党员200人，其中女性党员约60人，占35%。",
                "排查隐患3,215项，已整改3,108项，整改率96.7%。",
                "反馈的12个问题已完成整改10个，整改完成率83.3%。",
                // not what was done of the total (no 已): two figures of a list
                "新建党群服务中心12个、改造10个，改造率85.3%。",
                // Another base: a running total, a part larger than the
                // figure before it, a rate of something the part did not do.
                "新发现问题20个，累计整改150个，整改率95%。",
                "发现问题20个，整改25个，整改率80%。",
                "开展检查120次，发现问题80个，整改率95%。",
                "走访群众300户，收集意见86条，满意率98%。",
                "全县党员200人，女性党员60人，占35%。",
                // A sample: matching, of another base, a share of something else.
                "随机抽查住院病历600份，发现问题病历42份，占比7.0%。",
                "随机抽查住院病历600份，发现问题病历42份，占全院出院病历的0.5%。",
                "随机抽查住院病历600份，发现问题病历42份，整改病历占比8.0%。",
                // Targets: matching, two counts of the unit before, no target figure.
                "上半年全县城镇新增就业2860人，完成年度目标4500人的63.6%。",
                "全年新增就业5200人，其中高校毕业生1200人，完成年度目标任务5000人的110%。",
                "全年完成造林1.2万亩，完成年度计划1.5万亩的80%。",
                "新增就业2860人，完成年度目标任务的68.3%。",
            ],
        );
    }
}
