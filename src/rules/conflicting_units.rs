//! 一个数带了两个单位。百分比是比例，后面不能再跟金额或数量的单位：“新增60%万元”
//! “增长15%个”“提高2.5%个百分点”；一个数也只能有一个计量单位：“面积达120平方米
//! 公顷”“投资3亿元万元”。多半是改稿时只改了一半（把“60万元”改成“60%”却没删
//! “万元”），或者两种写法叠在了一起。到底要哪一个说不准，只提示核对，不给改法。
//!
//! 单位后面紧跟汉字、能连成词的不报：“60%人口”（人口）、“500元米面油”（米面油）、
//! “15%个别单位”（个别）。
//!
//! 示例：“全年新增专项资金60%万元”——是60万元，还是增长60%？
//!
//! # English
//! A figure with two units. A percentage is a share and takes no unit of
//! amount or count after it (新增60%万元, 增长15%个, 提高2.5%个百分点), and a
//! figure has one unit of measure (面积达120平方米公顷, 投资3亿元万元).
//! Usually half an edit (60万元 changed to 60% without deleting 万元) or two
//! wordings run together; which one is meant is not certain, so no fix is
//! offered. A single-character unit followed by a character it makes a word
//! with is not flagged (60%人口, 500元米面油, 15%个别单位).

use super::{Ctx, Emitter};
use crate::numbers::{format_value, Number};
use crate::text::class::is_han;

/// Units of measure (amounts, areas, lengths, weights, volumes), longer
/// first where one is a prefix of another.
const MEASURES: &[&str] = &[
    "平方公里",
    "平方千米",
    "平方米",
    "立方米",
    "公顷",
    "公里",
    "千米",
    "厘米",
    "毫米",
    "公斤",
    "千克",
    "万元",
    "亿元",
    "千元",
    "元",
    "米",
    "亩",
    "吨",
];

/// Units written as two (货物周转量120亿吨公里): not a second unit.
const COMPOUND: &[(&str, &str)] = &[("吨", "公里"), ("吨", "千米")];

/// Counting units that cannot follow a percent sign either (not 起:
/// 首付比例30%起 is "from 30 %").
const COUNTS: &[&str] = &[
    "个百分点",
    "人次",
    "件次",
    "户次",
    "批次",
    "场次",
    "万人",
    "个",
    "人",
    "名",
    "件",
    "次",
    "项",
    "户",
    "家",
    "位",
    "所",
    "条",
    "份",
    "套",
    "篇",
    "台",
    "辆",
    "座",
];

/// The unit `rest` starts with, among `units`, with an optional 万 or 亿
/// before it. A one-character unit counts only when no character follows
/// that could make a word with it (人口, 米面油, 个别).
fn unit_at<'t>(rest: &'t str, units: &[&str]) -> Option<&'t str> {
    let body = rest
        .strip_prefix('万')
        .or_else(|| rest.strip_prefix('亿'))
        .unwrap_or(rest);
    let u = units.iter().find(|u| body.starts_with(**u))?;
    let len = rest.len() - body.len() + u.len();
    let whole = &rest[..len];
    if whole.chars().count() == 1 && rest[len..].chars().next().is_some_and(is_han) {
        return None;
    }
    Some(whole)
}

/// A unit of measure of the figure itself (平方米, 万元, 3万亩's 亩).
fn is_measure(n: &Number) -> bool {
    let u = n
        .unit
        .strip_prefix('万')
        .or_else(|| n.unit.strip_prefix('亿'))
        .unwrap_or(&n.unit);
    MEASURES.contains(&u)
}

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "conflicting-units",
    category: crate::Category::Figures,
    severity: crate::Severity::Error,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let text = ctx.doc.text;
    for n in &ctx.doc.numbers {
        if n.quoted || n.ordinal {
            continue;
        }
        let rest = text.get(n.end..).unwrap_or("");
        let first = &text[n.start..n.end];
        if n.percent && n.unit == "%" {
            let Some(second) = unit_at(rest, MEASURES).or_else(|| unit_at(rest, COUNTS)) else {
                continue;
            };
            let (zh, en) = if second == "个百分点" {
                (
                    format!(
                        "“{first}”后又写“个百分点”：百分号和“个百分点”只能用一个，是{v}%还是{v}个百分点？请核对",
                        v = format_value(n.value)
                    ),
                    format!(
                        "“{first}” followed by 个百分点: use either the percent sign or percentage points, not both; check which is meant"
                    ),
                )
            } else {
                let v = format_value(n.value);
                (
                    format!(
                        "“{first}”后又接单位“{second}”：百分比后不能再带金额或数量的单位，是{v}%还是{v}{second}？请核对"
                    ),
                    format!(
                        "The percentage “{first}” is followed by the unit {second}: a share takes no unit of amount or count; is it {v}% or {v}{second}? Check the figure"
                    ),
                )
            };
            out.error(n.start, n.end + second.len(), zh, en);
        } else if is_measure(n) {
            let Some(second) = unit_at(rest, MEASURES) else {
                continue;
            };
            // 5万元元: a doubled character, doubled-character's finding.
            if n.unit.ends_with(second) {
                continue;
            }
            if COMPOUND
                .iter()
                .any(|(a, b)| n.unit.ends_with(a) && second == *b)
            {
                continue;
            }
            // The value as written with its 万 or 亿 (2.3万亩 → 2.3万公顷).
            let scale = match n.unit.chars().next() {
                Some(c @ ('万' | '亿')) if !second.starts_with(['万', '亿']) => c.to_string(),
                _ => String::new(),
            };
            let v = format!("{}{scale}", &text[n.value_start..n.value_end]);
            out.error(
                n.start,
                n.end + second.len(),
                format!(
                    "“{first}”后又接单位“{second}”：一个数只能有一个单位，是{first}还是{v}{second}？请核对（数值也可能要随单位改）"
                ),
                format!(
                    "“{first}” is followed by a second unit, {second}: a figure has one unit; is it {first} or {v}{second}? Check (the value may change with the unit)"
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{assert_flags, assert_silent, findings_of};

    const RULE: &str = "conflicting-units";

    #[test]
    fn flags_a_percent_sign_on_a_quantity_and_doubled_units() {
        assert_flags(
            RULE,
            &[
                "全年新增专项资金60%万元。",
                "全县规上企业增长15%个。",
                "群众满意度提高2.5%个百分点。",
                "完成植树造林120平方米公顷。",
                "全年争取上级资金3亿元万元。",
                "减少会议文件18%件，精简发文。",
                "新建高标准农田2.3万亩公顷。",
                "服务群众较上年增加12%人次。",
                "累计处置问题线索百分之十五件。",
            ],
        );
        let f = findings_of(RULE, "全年新增专项资金60%万元。");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "60%万元");
        assert!(f[0].message.contains("是60%还是60万元"), "{}", f[0].message);
        assert!(f[0].suggestion.is_none());
        let f = findings_of(RULE, "面积达120平方米公顷。");
        assert_eq!(f[0].text, "120平方米公顷");
        assert!(
            f[0].message.contains("是120平方米还是120公顷"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn silent_when_the_unit_is_part_of_a_word() {
        assert_silent(
            RULE,
            &[
                "全县60%人口集中在县城。",
                "为困难群众发放价值500元米面油。",
                "约15%个别单位仍未整改。",
                "群众满意度提高2.5个百分点。",
                "全年新增专项资金60万元，增长60%。",
                "房价为每平方米8000元。",
                "新修公路50公里，米轨铁路改造完成。",
                "租金3000元/平方米。",
                "覆盖80%户籍人口。",
                "发放慰问金5万元元。",
                "全年完成货物周转量120亿吨公里。",
                "首付比例最低为30%起。",
                "“60%万元”这种写法是错的。",
            ],
        );
    }
}
