//! What a part counts: its label, the noun after it, whether parts may
//! overlap or name the rest, ordinal series.

use super::clauses::is_statement_end;
use super::{Group, Part, Seg};
use crate::cnum;
use crate::document::Document;
use crate::numbers::{trim_label, Number};
use crate::text::class::is_han;

pub(super) fn part_label(text: &str, from: usize, to: usize) -> (usize, usize) {
    let s = text.get(from..to).unwrap_or("");
    let lead = s.len() - s.trim_start_matches(|c: char| !is_han(c)).len();
    trim_label(text, from + lead, to)
}

/// Things a report counts inside other things: problems found in units,
/// clues among cases.
const EVENT_NOUNS: &[&str] = &[
    "问题",
    "线索",
    "意见",
    "建议",
    "隐患",
    "风险点",
    "风险",
    "案件",
    "事项",
    "举措",
    "措施",
    "任务",
    "制度",
    "台账",
    "清单",
];

/// The kind of thing a figure counts when the words name one of
/// [`EVENT_NOUNS`]: after a classifier (15个问题) or at the end of its label
/// (发现问题628个). "15个存在问题" names a verb after the classifier: no.
fn event_noun(text: &str, n: &Number, label: &str) -> Option<&'static str> {
    let after = text.get(n.end..).unwrap_or("");
    EVENT_NOUNS
        .iter()
        .copied()
        .find(|w| after.starts_with(w) || label.ends_with(w))
}

/// The Han words right after a figure (27个村 → 村), at most 4.
fn noun_after(text: &str, n: &Number) -> String {
    text.get(n.end..)
        .unwrap_or("")
        .chars()
        .take_while(|&c| is_han(c))
        .take(4)
        .collect()
}

/// A part that names a different kind of thing than its total: 巡察25个
/// 单位，其中发现问题86个 (problems, not units).
pub(super) fn counts_other_things(
    text: &str,
    total: &Number,
    part: &Number,
    part_label: &str,
) -> bool {
    let tl = text.get(total.label_start..total.label_end).unwrap_or("");
    match (
        event_noun(text, part, part_label),
        event_noun(text, total, tl),
    ) {
        (Some(p), Some(t)) => p != t,
        (Some(p), None) => !noun_after(text, total).contains(p),
        (None, Some(_)) => {
            // 发现问题50个，其中涉及12个单位.
            let noun = noun_after(text, part);
            [
                "单位", "村", "社区", "部门", "乡镇", "镇", "街道", "企业", "学校", "个人",
            ]
            .iter()
            .any(|w| noun.starts_with(w))
        }
        (None, None) => false,
    }
}

/// "女性党员中35岁以下的15人" after "女性党员60人": a part of a part.
pub(super) fn within_earlier_part(text: &str, parts: &[Part], label: &str) -> bool {
    let Some(pos) = label.find('中') else {
        return false;
    };
    let scope = &label[..pos];
    scope.chars().count() >= 2
        && parts.iter().any(|p| {
            let l = text.get(p.label.0..p.label.1).unwrap_or("");
            !l.is_empty() && (scope.ends_with(l) || l.ends_with(scope))
        })
}

/// Attribute families: a list that names parts from two of them (女性2人、
/// 35岁以下3人) describes overlapping traits of the whole, not a split.
const DIMENSIONS: &[&[&str]] = &[
    &["女", "男"],
    &["少数民族", "汉族", "民族"],
    &["岁", "年龄", "年轻", "80后", "90后"],
    &[
        "学历",
        "研究生",
        "本科",
        "大专",
        "中专",
        "硕士",
        "博士",
        "高中",
        "初中",
        "专科",
    ],
    &["党员", "团员", "群众", "民主党派", "无党派"],
    &["厅级", "处级", "科级", "股级", "领导干部", "一般干部"],
    &["退休", "在职", "离任", "现职"],
];

/// Parts that may overlap: a person can get both 党纪 and 政务 sanctions,
/// be 移送司法 after a sanction, be 贫困户 and 低保户.
const OVERLAPPING: &[&str] = &[
    "党纪", "政务", "移送", "贫困", "低保", "五保", "特困", "残疾", "留置", "双开", "兼任", "同时",
];

/// True when the part labels mix attribute families or name overlapping
/// groups, so their sum may legitimately exceed the total.
pub fn may_overlap(labels: &[&str]) -> bool {
    // Two overlapping groups (党纪处分 and 政务处分), or a part that says it
    // overlaps (兼任, 同时). One sanction beside the lighter measures
    // (党纪处分、诫勉谈话、批评教育) is a split of the people sanctioned.
    let overlapping = labels
        .iter()
        .filter(|l| OVERLAPPING.iter().any(|w| l.contains(w)))
        .count();
    if labels.len() >= 2
        && (overlapping >= 2
            || labels
                .iter()
                .any(|l| ["兼任", "同时"].iter().any(|w| l.contains(w))))
    {
        return true;
    }
    // Each label's families; two labels with families but none in common
    // (女性 / 35岁以下) are traits, not a split.
    let dims: Vec<Vec<usize>> = labels
        .iter()
        .map(|l| {
            DIMENSIONS
                .iter()
                .enumerate()
                .filter(|(_, words)| words.iter().any(|w| l.contains(w)))
                .map(|(k, _)| k)
                .collect()
        })
        .collect();
    // Families every label shares are context (党员 in 女党员, 少数民族党员).
    let common: Vec<usize> = dims
        .first()
        .map(|d| {
            d.iter()
                .copied()
                .filter(|x| dims.iter().all(|o| o.contains(x)))
                .collect()
        })
        .unwrap_or_default();
    let dims: Vec<Vec<usize>> = dims
        .into_iter()
        .map(|d| d.into_iter().filter(|x| !common.contains(x)).collect())
        .filter(|d: &Vec<usize>| !d.is_empty())
        .collect();
    dims.iter().enumerate().any(|(k, a)| {
        dims[k + 1..]
            .iter()
            .any(|b| !a.iter().any(|x| b.contains(x)))
    })
}

/// A last part named 其他 / 其余: the list covers the whole.
pub(super) fn names_the_rest(text: &str, g: &Group) -> bool {
    g.parts.len() >= 2
        && g.parts.last().is_some_and(|p| {
            let l = text.get(p.label.0..p.label.1).unwrap_or("");
            ["其他", "其余", "其它", "剩余", "剩下"]
                .iter()
                .any(|w| l.contains(w))
        })
}

/// 第一种形态…第四种形态 after 四种形态: parts numbered 1…K where K is
/// announced just before.
pub(super) fn ordinals_cover(doc: &Document, segs: &[Seg], total_k: usize, g: &Group) -> bool {
    let text = doc.text;
    let labels: Vec<&str> = g
        .parts
        .iter()
        .map(|p| text.get(p.label.0..p.label.1).unwrap_or(""))
        .collect();
    let Some(sfx) = ordinal_suffix(&labels) else {
        return false;
    };
    // Look for "<K><suffix>" in the clauses up to the total (same statement).
    let tseg = segs[total_k];
    let mut from = tseg.start;
    for s in segs[..total_k].iter().rev() {
        if s.sep.is_some_and(is_statement_end) {
            break;
        }
        from = s.start;
    }
    let scope = text.get(from..tseg.end).unwrap_or("");
    announces(scope, sfx, labels.len() as u64)
}

/// For labels 第一种形态, 第二种形态 … (numbered 1, 2, 3 … in order), the
/// common suffix (种形态).
pub fn ordinal_suffix<'a>(labels: &[&'a str]) -> Option<&'a str> {
    let mut suffix: Option<&str> = None;
    for (k, l) in labels.iter().enumerate() {
        let rest = l.strip_prefix('第')?;
        let n = rest
            .char_indices()
            .find(|&(_, c)| !cnum::is_numeral_char(c) && !c.is_ascii_digit())
            .map_or(rest.len(), |(i, _)| i);
        let value = cnum::parse(&rest[..n]).or_else(|| rest[..n].parse().ok());
        if value != Some(k as u64 + 1) {
            return None;
        }
        let sfx = &rest[n..];
        match suffix {
            None => suffix = Some(sfx),
            Some(s) if s == sfx => {}
            Some(_) => return None,
        }
    }
    suffix.filter(|s| !s.is_empty())
}

/// True when `scope` announces `want` things of kind `suffix`: 四种形态 for
/// (种形态, 4), also in quotes (“四种形态”).
pub fn announces(scope: &str, suffix: &str, want: u64) -> bool {
    // The announcement is close to the list: look at the last 120
    // characters only, so that long statements stay linear.
    let mut cut = scope.len().saturating_sub(360);
    while !scope.is_char_boundary(cut) {
        cut += 1;
    }
    let mut search = &scope[cut..];
    while let Some(pos) = search.find(suffix) {
        let before = search[..pos].trim_end_matches(['“', '"', '‘']);
        let mut digits: Vec<char> = before
            .chars()
            .rev()
            .take_while(|c| cnum::is_numeral_char(*c) || c.is_ascii_digit())
            .collect();
        digits.reverse();
        let digits: String = digits.into_iter().collect();
        let ordinal = before[..before.len() - digits.len()].ends_with('第');
        let v = cnum::parse(&digits).or_else(|| digits.parse().ok());
        if v == Some(want) && !ordinal {
            return true;
        }
        search = &search[pos + suffix.len()..];
    }
    false
}
