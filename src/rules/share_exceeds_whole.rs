//! 比重、占比超过100%。比重、比例、占比，以及覆盖率、合格率、达标率、知晓率、
//! 满意度、参与率这类“符合条件的占全部的多少”，都是部分除以整体，不会超过
//! 100%。“占全县总人口的比重达到112%”多半是小数点错位（11.2%？）或多打了
//! 一位数字；“比重达到2021%”像是把年份写进了百分比。原因说不准，只提示核对，
//! 不给改法。
//!
//! 可以超过100%的不报：增长率、完成率、执行率、使用率等本来就没有上限的比率；
//! 与别的时期、计划或水平相比的“达到去年的118%”“为计划的112%”；“同比增长
//! 120%”这样的增幅；以GDP、财政收入等为基数的比值（外贸依存度、债务率），
//! 以及拨备覆盖率等两种不同数量之比。
//!
//! 示例：“全县城镇人口占总人口的比重达到112%”——比重不会超过100%。
//!
//! # English
//! A share over 100 %. A share (比重, 比例, 占比) or a rate that counts the
//! part of a whole meeting a condition (覆盖率, 合格率, 达标率, 知晓率,
//! 满意度, 参与率 …) is a part divided by its whole and cannot exceed 100 %.
//! 比重达到112% is usually a misplaced decimal point (11.2 %?) or a doubled
//! digit, 比重达到2021% a year typed over the figure; the cause is not
//! certain, so no fix is offered. Not flagged: rates without an upper bound
//! (growth, completion, execution, utilisation rates), ratios to another
//! period, plan or level (达到去年的118%, 为计划的112%), changes (同比增长
//! 120%), ratios to GDP or revenue (trade dependence, debt ratios), and
//! ratios of two different quantities such as a bank's 拨备覆盖率.

use super::{Ctx, Emitter};
use crate::numbers::{format_value, Number};
use crate::text::class::is_han;

/// Names of a share of a whole: the word right before the figure (after
/// connectives such as 达到 or 为).
const SHARES: &[&str] = &["百分比", "比重", "比例", "占比"];

/// Rates that count the members of a whole that meet a condition.
/// Rates without an upper bound (增长率, 完成率, 执行率, 使用率, 利用率,
/// 负债率, 贡献率 …) are deliberately absent.
const BOUNDED_RATES: &[&str] = &[
    "覆盖率",
    "覆盖面",
    "合格率",
    "达标率",
    "知晓率",
    "知晓度",
    "满意度",
    "满意率",
    "认可度",
    "参与率",
    "参学率",
    "参训率",
    "参会率",
    "参保率",
    "入党率",
    "普及率",
    "办结率",
    "审结率",
    "结案率",
    "及时率",
    "到位率",
    "出勤率",
    "通过率",
    "优良率",
    "优秀率",
    "正确率",
    "准确率",
    "就业率",
    "入学率",
    "升学率",
    "签约率",
    "回复率",
    "答复率",
    "回访率",
    "入住率",
    "支持率",
    "好评率",
    "投票率",
    "处置率",
    "整改率",
    "销号率",
    "落实率",
    "公开率",
    "建档率",
    "持证率",
    "录入率",
    "送达率",
    "化解率",
    "成功率",
    "治愈率",
    "发生率",
    "占有率",
    "城镇化率",
];

/// Names that end like a share but divide two different quantities.
const NOT_SHARES: &[&str] = &[
    // Enrolment of all ages over the children of school age.
    "毛入学率",
    "毛入园率",
    "拨备覆盖率",
    "利息覆盖率",
    "配套比例",
    "杠杆比例",
    "流动比例",
    "存贷比例",
];

/// A change or excess named before 比例 or 比重 (增长比例, 上调比例, 超标比例):
/// the size of a change, not a share.
const CHANGED: &[&str] = &[
    "增长", "增加", "提高", "提升", "上涨", "上调", "上升", "下降", "减少", "降低", "下调", "超出",
    "超支", "超标", "溢价", "增幅", "涨幅", "翻番",
];

/// Words between the name and the figure that state a level.
const LEVEL: &[&str] = &[
    "达到了",
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "上升到",
    "上升至",
    "增长到",
    "增长至",
    "增加到",
    "增加至",
    "下降到",
    "下降至",
    "降低到",
    "降低至",
    "回落到",
    "回落至",
    "保持在",
    "稳定在",
    "维持在",
    "分别达到",
    "分别为",
    "分别达",
    "达到",
    "增至",
    "升至",
    "降至",
    "高达",
    "已达",
    "均达",
    "均为",
    "为",
    "达",
    "是",
    "了",
    "已",
    "均",
    "仍",
    "也",
    "都",
    "：",
    ":",
    " ",
];

/// A base of comparison: the figure is a ratio to it, not a share.
const BASES: &[&str] = &[
    "上年",
    "去年",
    "前年",
    "上一年",
    "同期",
    "上月",
    "上季度",
    "基期",
    "计划",
    "目标",
    "任务",
    "预期",
    "预算",
    "指标",
    "标准",
    "水平",
    "平均",
];

/// Wholes whose ratios need not be parts of them (trade or debt to GDP,
/// spending to revenue).
const AGGREGATES: &[&str] = &[
    "GDP",
    "生产总值",
    "收入",
    "支出",
    "存款",
    "贷款",
    "产值",
    "营业额",
];

/// The name of a share of a whole that figure `i` states the level of:
/// its byte span, or None when the figure is not such a share.
fn share_name(text: &str, nums: &[Number], i: usize) -> Option<(usize, usize)> {
    let mut pos = nums[i].start;
    // The figures before `pos` are nums[..j].
    let mut j = i;
    // 的 right before the name: 比重的112% is a ratio of the share.
    let mut after_de = false;
    for _ in 0..12 {
        let s = text.get(..pos)?;
        if BASES.iter().any(|b| s.ends_with(b)) {
            return None;
        }
        if let Some(c) = LEVEL.iter().find(|c| s.ends_with(**c)) {
            pos -= c.len();
            after_de = false;
            continue;
        }
        if let Some(s2) = s.strip_suffix('的') {
            pos = s2.len();
            after_de = true;
            continue;
        }
        // A list of values (98%、112%) or the starting value of a change
        // (由55%提高到112%) before this one.
        let list = ['、', '和', '及']
            .iter()
            .find(|c| s.ends_with(**c))
            .map_or(0, |c| c.len_utf8());
        if let Some(m) = j.checked_sub(1).and_then(|k| nums.get(k)) {
            if m.end == pos - list && (m.percent || (list == 0 && m.is_time())) {
                if m.is_time() && after_de {
                    // 2021年的112%: a time (由2019年的, 提高到2021年的)
                    // or a base year (达到2019年的112%, 相当于…).
                    let lead = text.get(..m.start)?;
                    let time = !lead.ends_with("达到")
                        && ["由", "从", "在", "截至", "截止", "到", "至"]
                            .iter()
                            .any(|w| lead.ends_with(w));
                    if !time {
                        return None;
                    }
                }
                pos = m.start;
                j -= 1;
                after_de = false;
                continue;
            }
        }
        if let Some(s2) = s.strip_suffix('由').or_else(|| s.strip_suffix('从')) {
            pos = s2.len();
            after_de = false;
            continue;
        }
        break;
    }
    let s = text.get(..pos)?;
    // 比重的112% is a ratio of the share itself; 占全体干部的112% is a share.
    if !after_de {
        if NOT_SHARES.iter().any(|w| s.ends_with(w)) {
            return None;
        }
        if let Some(w) = SHARES
            .iter()
            .chain(BOUNDED_RATES)
            .find(|w| s.ends_with(**w))
        {
            let ns = pos - w.len();
            if CHANGED.iter().any(|c| s[..ns].ends_with(c)) {
                return None;
            }
            // 占GDP的比重, 占收入的比例: not necessarily a part of it.
            return match whole_before(text, ns) {
                Some(None) => None,
                _ => Some((ns, pos)),
            };
        }
    }
    // 占 + the whole: 占全县的112%, 女性党员占112%.
    whole_before(text, pos)?.map(|k| (k, pos))
}

/// The 占 that opens the phrase ending at `pos` (占全县总人口, 占): Some(Some(at))
/// when its whole bounds the figure, Some(None) when the whole is a base or
/// an aggregate that need not contain the part, or when 占 means something
/// else (占地, 侵占); None when there is no 占 in the phrase.
fn whole_before(text: &str, pos: usize) -> Option<Option<usize>> {
    let s = text.get(..pos)?;
    let mut k = pos;
    for (count, c) in s.chars().rev().enumerate() {
        if count > 16 || !(is_han(c) || c.is_ascii_alphabetic()) {
            return None;
        }
        k -= c.len_utf8();
        if c != '占' {
            continue;
        }
        let whole = s[k + c.len_utf8()..].trim_end_matches('的');
        let other_sense = whole.starts_with(['地', '用', '据', '领'])
            || ["侵", "抢", "挤", "霸", "独", "攻"]
                .iter()
                .any(|w| s[..k].ends_with(w));
        // The whole is a noun phrase: a comparison or a change in it
        // (占比同比提高120%, 占全市份额增长120%) makes the figure a change.
        let changes = whole.contains(['比', '较']) || CHANGED.iter().any(|w| whole.contains(w));
        if other_sense || changes || AGGREGATES.iter().chain(BASES).any(|w| whole.contains(w)) {
            return Some(None);
        }
        return Some(Some(k));
    }
    None
}

/// A whole-number value that reads as a year (2021%).
fn looks_like_a_year(n: &Number) -> bool {
    n.decimals == 0 && (1949.0..=2100.0).contains(&n.value)
}

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "share-exceeds-whole",
    category: crate::Category::Figures,
    severity: crate::Severity::Error,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let doc = ctx.doc;
    let text = doc.text;
    let nums = &doc.numbers;
    for (i, n) in nums.iter().enumerate() {
        if !n.percent || n.quoted || n.ordinal || n.value <= 100.0 {
            continue;
        }
        let Some((ns, ne)) = share_name(text, nums, i) else {
            continue;
        };
        let name = &text[ns..ne];
        // The name as the reader calls it: 占全县的 → 占比.
        let called = if name.starts_with('占') {
            "占比"
        } else {
            name
        };
        let shown = format_value(n.value);
        let (why_zh, why_en) = if looks_like_a_year(n) {
            (
                format!("“{shown}”像是年份误写在了百分比的位置"),
                format!("{shown} looks like a year typed where the figure belongs"),
            )
        } else {
            (
                "可能是小数点错位或多打了数字".to_string(),
                "perhaps a misplaced decimal point or a mistyped digit".to_string(),
            )
        };
        out.error(
            n.start,
            n.end,
            format!(
                "{called}是部分占整体的比例，不会超过100%，文中为{shown}%：{why_zh}，请核对原始数据"
            ),
            format!(
                "A share ({called}) is a part of its whole and cannot exceed 100%, but the text says {shown}%: {why_en}; check the source figure"
            ),
        )
        .related(ns, ne, called.to_string());
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{assert_flags, assert_silent, findings_of};

    const RULE: &str = "share-exceeds-whole";

    #[test]
    fn flags_shares_over_100_percent() {
        assert_flags(
            RULE,
            &[
                "全县城镇人口占总人口的比重达到112%。",
                "女性干部比例为135%，较上年有所提高。",
                "全区基层党组织覆盖率达到101.5%。",
                "群众对纪检监察工作的满意度为965%。",
                "第三产业增加值占比提升至2021%。",
                "农村党员中青年党员占126%。",
                "网格员入户走访知晓率由98%提升到103%。",
                "城镇人口比重由2019年的55%提高到2021年的112%。",
                "抽检产品合格率、群众知晓率分别为98%、112%。",
                "全县35岁以下干部占全体干部的百分之一百二十。",
                "农村饮水安全达标率已达到108%。",
            ],
        );
        let text = "全县城镇人口占全县总人口的比重达到112%。";
        let f = findings_of(RULE, text);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "112%");
        assert!(f[0].message.contains("比重"), "{}", f[0].message);
        assert!(f[0].message.contains("不会超过100%"), "{}", f[0].message);
        assert!(f[0].suggestion.is_none());
        assert_eq!(f[0].related.len(), 1);
        assert_eq!(f[0].related[0].text, "比重");
        let f = findings_of(RULE, "城镇人口比重达到2021%。");
        assert!(f[0].message.contains("年份"), "{}", f[0].message);
    }

    #[test]
    fn silent_on_rates_that_may_exceed_100_percent() {
        assert_silent(
            RULE,
            &[
                "全年目标任务完成率达到135%。",
                "全县财政收入增长率为112%。",
                "信访件办理量达到去年的118%。",
                "满意度是上年同期的105%。",
                "覆盖率为计划的112%。",
                "群众满意度同比提高120%。",
                "基层党组织覆盖率比上年增长120%。",
                "全县进出口总额占GDP的比重达到126%。",
                "政府债务余额占一般公共预算收入的比例为150%。",
                "该行拨备覆盖率为186%。",
                "人均可支配收入相当于全省平均水平的112%。",
                "超出规定比例的120%部分不予报销。",
                "整改完成率为110%。",
                "病床使用率达到105%。",
                "党员参学率100%。",
                "比重达到2019年的112%。",
                "全县小学毛入学率为104.5%。",
                "职工工资上调比例为120%。",
                "粮食自给率达到130%。",
                "建筑面积为占地面积的112%。",
                "全年完成投资占年度计划的118%。",
                "群众满意度超过100%的说法不准确。",
                "满意度在100%以上。",
                "全年立案数增长120%，比重明显上升。",
                "女性干部占比同比提高120%。",
                "高新技术企业占全市份额增长120%。",
                "占用耕地面积同比增长120%。",
            ],
        );
    }
}
