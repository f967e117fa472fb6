//! 增减方向或幅度与数字矛盾。“从53件增加到35件”（数字变小了却说增加）、
//! “由12人下降至15人”、“比上年（50件）增长30%”而本年只有60件（实为20%）、
//! “从200人增加到260人，增长20%”（实为30%）——改了一个数忘了改另一个时最常见。
//!
//! 只在前后两个数都写在句子里时检查：“从/由A……到B”“B，比上年（A）增长p%”
//! “比上年的A增加N”。百分比允许四舍五入的误差；含 XX 等未填数字的不检查。
//!
//! 示例：“全年立案60件，比上年（50件）增长30%”——(60−50)÷50=20%。
//!
//! # English
//! A change whose direction or size contradicts its two values: "从53件增加到
//! 35件" (it went down), "比上年（50件）增长30%" when this year's figure is 60
//! (that is 20%), "从200人增加到260人，增长20%" (that is 30%). Checked only
//! when both values are in the sentence (从/由A…到B, "B，比上年（A）增长p%",
//! 比上年的A增加N); percentages are allowed their rounding; blanks (XX) are
//! skipped.

use super::{Ctx, Emitter};
use crate::numbers::{format_value, Number};

const UP: &[&str] = &[
    "增加", "增长", "上升", "提高", "提升", "扩大", "攀升", "增至", "升至", "提至", "跃升",
];
const DOWN: &[&str] = &[
    "下降", "减少", "降低", "回落", "缩减", "缩小", "压缩", "降至", "减至", "下滑", "缩短", "压减",
];

/// Degree adverbs between the first value and its verb (从120人大幅增加到).
const ADVERBS: &[&str] = &[
    "大幅度",
    "进一步",
    "大幅",
    "明显",
    "显著",
    "逐步",
    "逐年",
    "稳步",
    "持续",
    "快速",
    "迅速",
];

fn is_sep(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '；' | ';' | '。' | '：' | ':' | '！' | '？' | '\n' | '、'
    )
}

/// The change verb at the start of `s`: (+1 up / −1 down, byte length).
fn verb_at(s: &str) -> Option<(i8, usize)> {
    UP.iter()
        .find(|v| s.starts_with(**v))
        .map(|v| (1, v.len()))
        .or_else(|| {
            DOWN.iter()
                .find(|v| s.starts_with(**v))
                .map(|v| (-1, v.len()))
        })
}

fn same_unit(a: &Number, b: &Number) -> bool {
    if a.percent || b.percent {
        return a.percent && b.percent;
    }
    a.unit.is_empty() || b.unit.is_empty() || a.count_unit() == b.count_unit()
}

/// A value as an interval allowing for its rounding.
fn span(n: &Number) -> (f64, f64) {
    (n.value - n.tolerance(), n.value + n.tolerance())
}

struct Change<'a> {
    from: &'a Number,
    to: &'a Number,
    dir: i8,
    /// Byte offset right after B or after the comparison, where a stated
    /// size (增长20%) may follow.
    size_at: usize,
    /// A size stated within the comparison itself (比上年（A）增长p%).
    size: Option<&'a Number>,
}

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "change-mismatch",
    category: crate::Category::Figures,
    severity: crate::Severity::Error,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let doc = ctx.doc;
    let text = doc.text;
    let nums = &doc.numbers;
    let usable = |n: &Number| {
        n.is_exact() && !n.is_time() && (n.percent || !n.unit.is_empty() || n.value > 0.0)
    };
    let mut changes: Vec<Change> = Vec::new();
    for (i, a) in nums.iter().enumerate() {
        if !usable(a) {
            continue;
        }
        // 从/由 A … 到 B
        if let Some(c) = from_to(text, nums, i) {
            changes.push(c);
            continue;
        }
        // B，比上年（A）增长p%
        if let Some(c) = compared(text, nums, i) {
            changes.push(c);
            continue;
        }
        // B，同比增长p%（上年为A）
        if let Some(c) = paren_base(text, nums, i) {
            changes.push(c);
        }
    }
    for c in changes {
        let (a, b) = (c.from, c.to);
        if !usable(a) || !usable(b) || !same_unit(a, b) {
            continue;
        }
        // Related spans in text order keep position lookups linear.
        let (first, first_label, second, second_label) = if a.start <= b.start {
            (a, "原值", b, "现值")
        } else {
            (b, "现值", a, "原值")
        };
        let (alo, ahi) = span(a);
        let (blo, bhi) = span(b);
        let unit = if b.percent { "%" } else { b.count_unit() };
        let verb_zh = if c.dir > 0 { "增加" } else { "减少" };
        let wrong_way = if c.dir > 0 { bhi <= alo } else { blo >= ahi };
        if wrong_way {
            out.error(
                b.start,
                b.end,
                format!(
                    "从 {}{unit} 到 {}{unit} 是{}，文中却说{verb_zh}：请核对数字或用词",
                    format_value(a.value),
                    format_value(b.value),
                    if b.value < a.value {
                        "减少"
                    } else if b.value > a.value {
                        "增加"
                    } else {
                        "持平"
                    }
                ),
                format!(
                    "From {}{unit} to {}{unit} is not {}: check the figures or the wording",
                    format_value(a.value),
                    format_value(b.value),
                    if c.dir > 0 {
                        "an increase"
                    } else {
                        "a decrease"
                    }
                ),
            )
            .related(a.start, a.end, "原值");
            continue;
        }
        let size = c.size.or_else(|| stated_size(text, nums, c.size_at, c.dir));
        let Some(s) = size else { continue };
        if !s.is_exact() || s.is_time() {
            continue;
        }
        if s.percent && !s.unit.contains("百分点") {
            // Relative change: (B − A) / A.
            if alo <= 0.0 {
                continue;
            }
            // 85%提高到90%，提高5%: percentage points written as %, a
            // common shorthand; not reported.
            if a.percent
                && b.percent
                && ((b.value - a.value).abs() - s.value).abs()
                    <= s.tolerance() + a.tolerance() + b.tolerance() + 1e-9
            {
                continue;
            }
            let f = |x: f64, y: f64| (y - x).abs() / x * 100.0;
            let candidates = [f(alo, blo), f(alo, bhi), f(ahi, blo), f(ahi, bhi)];
            let lo = candidates.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = candidates.iter().copied().fold(0.0, f64::max);
            let u = 10f64.powi(-i32::from(s.decimals));
            if s.value >= hi + u - 1e-9 || s.value <= lo - u + 1e-9 {
                let actual = (b.value - a.value).abs() / a.value * 100.0;
                let digits = usize::from(s.decimals) + 1;
                out.error(
                    s.start,
                    s.end,
                    format!(
                        "从 {}{unit} 到 {}{unit}，{verb_zh}幅度为 {actual:.digits$}%，文中写作 {}%：请核对",
                        format_value(a.value),
                        format_value(b.value),
                        format_value(s.value)
                    ),
                    format!(
                        "From {}{unit} to {}{unit} is a change of {actual:.digits$}%, but the text says {}%",
                        format_value(a.value),
                        format_value(b.value),
                        format_value(s.value)
                    ),
                )
                .related(first.start, first.end, first_label)
                .related(second.start, second.end, second_label);
            }
        } else {
            // Absolute change (增加10件) or percentage points.
            let points = s.unit.contains("百分点");
            if points != (a.percent && b.percent) {
                continue;
            }
            if !points && s.count_unit() != b.count_unit() && !b.unit.is_empty() {
                continue;
            }
            let diff_lo = (blo - ahi).abs().min((bhi - alo).abs());
            let diff_hi = (bhi - alo).abs().max((blo - ahi).abs());
            let (slo, shi) = span(s);
            if shi + 1e-9 < diff_lo || slo - 1e-9 > diff_hi {
                let su = if points { "个百分点" } else { unit };
                out.error(
                    s.start,
                    s.end,
                    format!(
                        "从 {}{unit} 到 {}{unit}，实际{verb_zh} {}{su}，文中写作 {}{su}：请核对",
                        format_value(a.value),
                        format_value(b.value),
                        format_value((b.value - a.value).abs()),
                        format_value(s.value)
                    ),
                    format!(
                        "From {}{unit} to {}{unit} is a change of {}{su}, but the text says {}{su}",
                        format_value(a.value),
                        format_value(b.value),
                        format_value((b.value - a.value).abs()),
                        format_value(s.value)
                    ),
                )
                .related(first.start, first.end, first_label)
                .related(second.start, second.end, second_label);
            }
        }
    }
}

/// "从53件增加到60件", "由上年的12人下降至8人".
fn from_to<'a>(text: &str, nums: &'a [Number], i: usize) -> Option<Change<'a>> {
    let a = &nums[i];
    // 从/由 within the clause, a short qualifier ending in 的 allowed.
    let before = text.get(..a.start)?;
    let mut k = 0;
    let mut found = false;
    for (count, c) in before.chars().rev().enumerate() {
        if is_sep(c) || count > 10 {
            break;
        }
        if c == '从' || c == '由' {
            let gap = &before[before.len() - k..];
            found = gap.is_empty() || gap.ends_with('的');
            break;
        }
        k += c.len_utf8();
    }
    if !found {
        return None;
    }
    let after = text.get(a.end..)?;
    // "由2013年的9801人,上升到…": a comma may stand before the verb.
    let comma = if after.starts_with(['，', ',']) {
        after.chars().next().map_or(0, char::len_utf8)
    } else {
        0
    };
    // "从120人大幅增加到…": a degree adverb may stand before the verb.
    let adverb = ADVERBS
        .iter()
        .find(|w| after[comma..].starts_with(**w))
        .map_or(0, |w| w.len());
    let (dir, vlen) = verb_at(&after[comma + adverb..])?;
    let vlen = comma + adverb + vlen;
    // B: the next figure that is not a date, in the same clause.
    let mut j = i + 1;
    while nums.get(j).is_some_and(|n| n.is_time()) {
        j += 1;
    }
    let b = nums.get(j)?;
    let gap = text.get(a.end + vlen..b.start)?;
    if gap.chars().any(is_sep) || gap.chars().count() > 12 {
        return None;
    }
    let g = gap.strip_prefix('了').unwrap_or(gap);
    let g = g
        .strip_prefix('到')
        .or_else(|| g.strip_prefix('至'))
        .or_else(|| g.strip_prefix('为'))
        .unwrap_or(g);
    // 增加到了98人
    let g = g.strip_prefix('了').unwrap_or(g);
    if !(g.is_empty() || g.ends_with('的')) {
        return None;
    }
    if super::super::numbers::breakdown::has_blank(gap) {
        return None;
    }
    Some(Change {
        from: a,
        to: b,
        dir,
        size_at: b.end,
        size: None,
    })
}

/// "全年立案60件，比上年（50件）增长20%", "较2019年的50件增加10件".
fn compared<'a>(text: &str, nums: &'a [Number], i: usize) -> Option<Change<'a>> {
    let a = &nums[i];
    let before = text.get(..a.start)?;
    let before = before
        .strip_suffix('（')
        .or_else(|| before.strip_suffix('('))
        .or_else(|| before.strip_suffix('的'))?;
    // 比/较 + a short period word (上年, 去年同期, 2019年).
    let mut k = 0usize;
    let mut cmp_at = None;
    for (count, c) in before.chars().rev().enumerate() {
        if is_sep(c) || count > 8 {
            break;
        }
        if c == '比' || c == '较' {
            cmp_at = Some(before.len() - k - c.len_utf8());
            break;
        }
        k += c.len_utf8();
    }
    let cmp_at = cmp_at?;
    let qualifier = &before[cmp_at + 3..];
    if !qualifier.is_empty() && !qualifier.ends_with('年') && !qualifier.ends_with("同期") {
        return None;
    }
    let mut after = text.get(a.end..)?;
    after = after
        .strip_prefix('）')
        .or_else(|| after.strip_prefix(')'))
        .unwrap_or(after);
    let (dir, vlen) = verb_at(after)?;
    // "较去年同期的86件下降到了92件": the new value follows 到/至.
    let to_rest = ["到了", "至了", "到", "至"]
        .iter()
        .find_map(|w| after[vlen..].strip_prefix(w));
    if let Some(r) = to_rest {
        let pos = text.len() - r.len();
        let k = nums.partition_point(|n| n.start < pos);
        let b = nums.get(k).filter(|n| n.start == pos && !n.is_time())?;
        return Some(Change {
            from: a,
            to: b,
            dir,
            size_at: b.end,
            size: None,
        });
    }
    let rest = &after[vlen..];
    let rest = rest.strip_prefix('了').unwrap_or(rest);
    let size_pos = text.len() - rest.len();
    let size = nums[i + 1..]
        .iter()
        .find(|n| n.start >= size_pos)
        .filter(|n| n.start == size_pos);
    // B: the figure just before 比/较 (only a comma between), or after the
    // change ("较上年（12.5万元）增加了1.8万元，达到15.3万元").
    let lead = &text[..cmp_at];
    let lead_trim = lead.trim_end_matches(['，', ',']);
    let before_b = nums[..i]
        .iter()
        .rev()
        .take(8)
        .find(|n| n.end <= lead_trim.len() && !n.is_time())
        .filter(|b| b.end == lead_trim.len() && lead.len() - lead_trim.len() <= 3);
    let b = match before_b {
        Some(b) => b,
        None => result_after(text, nums, size?)?,
    };
    Some(Change {
        from: a,
        to: b,
        dir,
        size_at: size_pos,
        size,
    })
}

/// "，达到15.3万元" right after the stated change `s`.
fn result_after<'a>(text: &str, nums: &'a [Number], s: &Number) -> Option<&'a Number> {
    let rest = text.get(s.end..)?;
    let rest = rest.strip_prefix(['，', ',']).unwrap_or(rest);
    let rest = ["达到", "增至", "升至", "降至", "减至", "达", "为", "至"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))?;
    let pos = text.len() - rest.len();
    let k = nums.partition_point(|n| n.start < pos);
    nums.get(k).filter(|n| n.start == pos && !n.is_time())
}

/// "全年立案56件，同比增长40%（上年为50件）".
fn paren_base<'a>(text: &str, nums: &'a [Number], i: usize) -> Option<Change<'a>> {
    let a = &nums[i];
    let after = text.get(a.end..)?;
    if !after.starts_with(['）', ')']) {
        return None;
    }
    let before = text.get(..a.start)?;
    let before = ["为", "是", "：", ":"]
        .iter()
        .find_map(|w| before.strip_suffix(w))
        .unwrap_or(before);
    // The bracket opens at most 8 characters back.
    let mut open = None;
    let mut pos = before.len();
    for c in before.chars().rev().take(9) {
        pos -= c.len_utf8();
        if c == '（' || c == '(' {
            open = Some(pos);
            break;
        }
    }
    let open = open?;
    let qualifier = &before[open..];
    let qualifier = qualifier
        .strip_prefix('（')
        .or_else(|| qualifier.strip_prefix('('))?;
    if qualifier.chars().count() > 6
        || !["年", "同期", "年度"]
            .iter()
            .any(|w| qualifier.ends_with(w))
    {
        return None;
    }
    // The stated size right before the bracket, and its verb.
    let s = nums[..i].iter().rev().take(4).find(|n| n.end == open)?;
    let lead = text.get(..s.start)?;
    let lead = lead.strip_suffix('了').unwrap_or(lead);
    let (dir, verb_len) = UP
        .iter()
        .find(|v| lead.ends_with(**v))
        .map(|v| (1, v.len()))
        .or_else(|| {
            DOWN.iter()
                .find(|v| lead.ends_with(**v))
                .map(|v| (-1, v.len()))
        })?;
    let lead = &lead[..lead.len() - verb_len];
    let lead = [
        "比上年同期",
        "较上年同期",
        "比去年同期",
        "较去年同期",
        "比上年",
        "较上年",
        "比去年",
        "较去年",
        "同比",
    ]
    .iter()
    .find_map(|w| lead.strip_suffix(w))
    .unwrap_or(lead);
    let lead = lead
        .strip_suffix('，')
        .or_else(|| lead.strip_suffix(','))
        .unwrap_or(lead);
    let b = nums[..i]
        .iter()
        .rev()
        .take(6)
        .find(|n| n.end == lead.len() && !n.is_time())?;
    Some(Change {
        from: a,
        to: b,
        dir,
        size_at: s.start,
        size: Some(s),
    })
}

/// "，增长20%" / "，增加10件" / "，提高5个百分点" right after `at`.
fn stated_size<'a>(text: &str, nums: &'a [Number], at: usize, dir: i8) -> Option<&'a Number> {
    let rest = text.get(at..)?;
    let r = rest.strip_prefix(['，', ',']).unwrap_or(rest);
    if r.starts_with("同比") {
        return None;
    }
    let (d, vlen) = verb_at(r)
        .or_else(|| {
            ["增幅", "涨幅"]
                .iter()
                .find(|w| r.starts_with(**w))
                .map(|w| (1, w.len()))
        })
        .or_else(|| {
            ["降幅", "减幅"]
                .iter()
                .find(|w| r.starts_with(**w))
                .map(|w| (-1, w.len()))
        })?;
    if d != dir {
        return None;
    }
    let r2 = &r[vlen..];
    let r2 = ["了", "为", "达", "达到"]
        .iter()
        .find_map(|w| r2.strip_prefix(w))
        .unwrap_or(r2);
    let pos = text.len() - r2.len();
    let i = nums.partition_point(|n| n.start < pos);
    nums.get(i).filter(|n| n.start == pos)
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{assert_flags, assert_silent, findings_of};

    const RULE: &str = "change-mismatch";

    #[test]
    fn flags_contradicting_changes() {
        assert_flags(
            RULE,
            &[
                "全区问题线索从53件增加到35件。",
                "违规兼职干部由12人下降至15人。",
                "全年立案60件，比上年（50件）增长30%。",
                "全年立案60件，比上年（50件）下降20%。",
                "信访件从200件增加到260件，增长20%。",
                "全年立案60件，较上年的50件增加15件。",
                "群众满意度从85%提高到90%，提高了3个百分点。",
                "服务群众由1.2万人次增加到1.5万人次，增长50%。",
                "办理时限由二十天缩短到二十五天。",
                "信访举报总量由2019年的356件下降到2020年的412件。",
                "信访举报总量由上年同期的356件下降到412件。",
                "全年立案53件，比上年（46件）下降12%。",
                "由上年的45件增至53件，增幅27.8%。",
                "满意度由92.5%提升至95.1%，提高3.6个百分点。",
                "全年立案审查调查56件，同比增长40%（上年为50件）。",
                "全年立案审查调查56件，比上年下降10%（上年50件）。",
                "村级集体经济收入较上年（12.5万元）增加了1.8万元，达到15.3万元。",
                "全区信访总量由上年的520件次减少至480件次，下降15%。",
                "问题线索处置率从85.2%提升到82.6%。",
                "全省共查处人数由2013年的9801人,下降到2017年的23564人。",
                "信访件数较去年同期的86件下降到了92件。",
                "全县专职网格员由120人增加到了98人。",
                "全区问题线索从53件大幅增加到35件。",
                "村级债务由1.2亿元逐年减少到1.5亿元。",
            ],
        );
        let f = findings_of(RULE, "全年立案60件，比上年（50件）增长30%。");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "30%");
        assert!(f[0].message.contains("20.0%"), "{}", f[0].message);
    }

    #[test]
    fn silent_on_consistent_changes() {
        assert_silent(
            RULE,
            &[
                "全区问题线索从35件增加到53件。",
                "违规兼职干部由12人下降至8人。",
                "全年立案60件，比上年（50件）增长20%。",
                "信访件从200件增加到260件，增长30%。",
                "全年立案60件，较上年的50件增加10件。",
                "群众满意度从85%提高到90%，提高了5个百分点。",
                "证明事项从X项缩减到X项。",
                "立案查处违纪违法案件X件X人，比上年同期分别增长X%、X%。",
                "全年立案60件，同比增长20%。",
                "2020年查处问题72件113人,较2019年有较大幅度增加。",
                "服务群众由1.2万人次增加到1.5万人次，增长25%。",
                "从严从实抓好整改，由3人组成工作专班。",
                "三个责任书从27份增加到28份。",
                "信访举报总量由2019年的356件下降到2020年的312件。",
                "由上年的45件增至53件，增幅17.8%。",
                "满意度由92.5%提升至95.1%，提高2.6个百分点。",
                "群众满意度从85%提高到90%，提高5%。",
                "全年立案53件，比上年（46件）增长15.2%。",
                "全年立案审查调查56件，同比增长12%（上年为50件）。",
                "村级集体经济收入较上年（12.5万元）增加了2.8万元，达到15.3万元。",
                "全区信访总量由上年的520件次减少至480件次，下降7.7%。",
                "信访件数较去年同期的86件下降到了72件，下降16.3%。",
                "全县专职网格员由98人增加到了120人。",
                "全区问题线索从35件大幅增加到53件，增长51.4%。",
                "村级债务由1.5亿元逐年减少到1.2亿元。",
                "从严从实抓好整改，由3人持续跟踪督办。",
            ],
        );
    }
}
