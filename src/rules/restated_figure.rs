//! 同一数据前后不一致。同一份报告里，同一项数据（如“立案审查调查196件”）
//! 在前文和后文写成了不同的数（后文写成“立案审查调查169件”），读者不知道
//! 哪个是对的。两处都会标出，请核对后统一。
//!
//! 只比较说法完全相同的数据：同样的说法（去掉“全区”“共”等范围词后）、同样的
//! 单位；带年份不同、或带“以来”“累计”“上年”“同比”“截至”等时间限定的句子
//! 不比较；约数（余、左右）、引号里的数字不比较。一个说法在文中出现三种以上
//! 不同数值时，说明它指的是不同范围的数据，也不报。
//!
//! 数字相同只是顺序颠倒的（前文“地区生产总值38.6亿元”，后文“地区生产总值
//! 达到36.8亿元”，三位数字以上），多半是录入时打颠倒了：即使在打算部分、
//! 带时间限定词、或前面的说法不完全相同（结尾四个字以上相同），也提示。
//!
//! 示例：前文“全区立案审查调查196件196人”，后文“全区立案审查调查169件”。
//!
//! # English
//! The same figure stated with different values in one report: "立案审查
//! 调查196件" early on and "立案审查调查169件" later. Both places are linked.
//! Only identical statements are compared (same wording once scope words such
//! as 全区 or 共 are removed, same unit); sentences with different years or a
//! time qualifier (以来, 累计, 上年, 同比, 截至 …), approximate and quoted
//! figures are left out, and so is a wording that appears with three or more
//! values (it then names figures of different scopes). Digits typed in
//! another order (38.6 and 36.8, three digits or more) are flagged even in a
//! plan section, beside a period word, or after wordings that only end
//! alike (four characters or more): a different scope would hardly give
//! the same digits.

use super::{Ctx, Emitter};
use crate::numbers::breakdown::{has_blank, has_totalizer};
use crate::numbers::{format_value, trim_label, Number};
use crate::text::class::is_han;
use std::collections::HashMap;

/// Words that tie a sentence to a period other than the report's year, or
/// make a figure a rate.
const PERIOD_WORDS: &[&str] = &[
    "以来",
    "累计",
    "截至",
    "截止",
    "上半年",
    "下半年",
    "季度",
    "上年",
    "去年",
    "前年",
    "同期",
    "历年",
    "年均",
    "每年",
    "每月",
    "月底",
    "月末",
    "期间",
    "近年",
    "同比",
    "环比",
    "人均",
    "平均",
    "月份",
    "明年",
    "下一步",
    "拟",
    "今后",
    "此前",
    "以前",
    "之前",
    "届时",
    "计划",
    "预计",
    "力争",
    "目标",
];

/// Words in a figure's clause that make it a change or a share, not a count.
const CLAUSE_SKIP: &[&str] = &[
    "其中", "分别", "包括", "占", "比", "较", "增", "减", "降", "升", "提高", "提升", "多出", "每",
    "第",
];

/// Units after which the next words name what is counted (25个单位).
const CLASSIFIERS: &[&str] = &[
    "个", "项", "家", "所", "条", "批", "类", "种", "支", "座", "处", "套", "台", "张",
];

fn is_clause_sep(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '；' | ';' | '：' | ':' | '、' | '。' | '！' | '？' | '!' | '?' | '\n'
    )
}

/// Start of the clause holding `pos` (at most 60 characters back) and the
/// separator before it.
fn clause_start(text: &str, pos: usize) -> (usize, Option<char>) {
    let before = text.get(..pos).unwrap_or("");
    let mut s = pos;
    for (k, c) in before.chars().rev().enumerate() {
        if is_clause_sep(c) {
            return (s, Some(c));
        }
        if k >= 60 {
            return (s, None);
        }
        s -= c.len_utf8();
    }
    (s, None)
}

struct Entry {
    num: usize,
    /// What a classifier counts (单位 in 25个单位): compared by prefix.
    noun: String,
    label: String,
    sentence: usize,
    years: Vec<u32>,
}

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "restated-figure",
    category: crate::Category::Figures,
    severity: crate::Severity::Warning,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let doc = ctx.doc;
    let text = doc.text;
    let nums = &doc.numbers;
    let mut keys: HashMap<String, Vec<Entry>> = HashMap::new();
    // Every statement, the ones left out of the comparison too, by part,
    // unit and digits sorted: for digits typed in another order
    // ([`transposed_statements`]).
    let mut loose: HashMap<String, Vec<Loose>> = HashMap::new();
    let plans = plan_sections(doc);
    // Years and period words per sentence, computed once.
    let mut sentence_info: HashMap<usize, (Vec<u32>, bool, Option<usize>)> = HashMap::new();
    for (i, n) in nums.iter().enumerate() {
        let Some((key, noun, label)) = key_of(text, nums, i) else {
            continue;
        };
        let Some(sent) = doc.sentence_at(n.start) else {
            continue;
        };
        let sentence = sent.start;
        let info = sentence_info.entry(sentence).or_insert_with(|| {
            let st = doc.slice(sent.start, sent.end);
            let lo = nums.partition_point(|m| m.start < sent.start);
            let years: Vec<u32> = nums[lo..]
                .iter()
                .take_while(|m| m.start < sent.end)
                .filter(|m| m.unit == "年" && (1900.0..2100.0).contains(&m.value) && !m.chinese)
                .map(|m| m.value as u32)
                .collect();
            let periodic = PERIOD_WORDS.iter().any(|w| st.contains(w))
                || st.contains('月')
                || st.contains("近")
                || has_blank(st);
            (years, periodic, topic_frame_end(sent.start, st))
        });
        let part = doc
            .paragraph_at(n.start)
            .and_then(|p| doc.paragraphs.get(p))
            .map_or(0, |p| p.part);
        // A target under 下一步工作打算 is no restatement of the year's
        // result above it (完成户厕改造2150户 … 打算：完成户厕改造2000户).
        let k = plans.partition_point(|&(s, _)| s <= n.start);
        let planned = k > 0 && plans.get(k - 1).is_some_and(|&(_, e)| n.start < e);
        // 在扫黑除恶专项斗争中，…: the figure is about that topic only.
        let excluded = info.1 || info.2.is_some_and(|f| f <= n.start);
        let (digits, point) = written_digits(text, n);
        let mut sorted: Vec<char> = digits.chars().collect();
        sorted.sort_unstable();
        let unit = if n.percent { "%" } else { n.count_unit() };
        let sorted: String = sorted.into_iter().collect();
        loose
            .entry(format!("{part}\u{1}{unit}\u{1}{sorted}\u{1}{point:?}"))
            .or_default()
            .push(Loose {
                num: i,
                noun: noun.clone(),
                label: label.clone(),
                sentence,
                years: info.0.clone(),
                compared: !excluded,
                planned,
            });
        if excluded {
            continue;
        }
        keys.entry(format!("{part}\u{1}{planned}\u{1}{key}"))
            .or_default()
            .push(Entry {
                num: i,
                noun,
                label,
                sentence,
                years: info.0.clone(),
            });
    }
    // How many values each wording has in the whole report, whatever the
    // words around it: 涉及金额 under five categories names five amounts.
    let mut label_values: HashMap<&str, Vec<f64>> = HashMap::new();
    for e in keys.values().flatten() {
        let n = &nums[e.num];
        let values = label_values.entry(e.label.as_str()).or_default();
        if !values
            .iter()
            .any(|&v| (v - n.value).abs() <= n.tolerance() + 1e-9)
        {
            values.push(n.value);
        }
    }
    let many: std::collections::HashSet<String> = label_values
        .into_iter()
        .filter(|(_, v)| v.len() >= 3)
        .map(|(l, _)| l.to_string())
        .collect();
    let mut groups: Vec<Vec<Entry>> = keys.into_values().filter(|v| v.len() >= 2).collect();
    crate::sort::sort_by(&mut groups, |v| v.first().map_or(0, |e| e.num) as u128);
    // Each finding points far back to the first statement; past a hundred
    // the text is not a report, and the back-links would cost quadratic
    // time to locate.
    let mut budget = 100usize;
    for entries in groups {
        let same = |a: &Number, b: &Number| {
            (a.value - b.value).abs() <= a.tolerance().max(b.tolerance()) + 1e-9
        };
        let mut distinct: Vec<&Number> = Vec::new();
        for e in &entries {
            let n = &nums[e.num];
            if !distinct.iter().any(|d| same(d, n)) {
                distinct.push(n);
            }
        }
        // Three values for one wording: it names different scopes.
        if distinct.len() != 2 || entries.iter().any(|e| many.contains(&e.label)) {
            continue;
        }
        let first = &entries[0];
        let a = &nums[first.num];
        for e in &entries[1..] {
            let b = &nums[e.num];
            let nouns_match = e.noun.starts_with(&first.noun) || first.noun.starts_with(&e.noun);
            if same(a, b) || e.sentence == first.sentence || !nouns_match {
                continue;
            }
            if !first.years.is_empty() && !e.years.is_empty() && first.years != e.years {
                continue;
            }
            if budget == 0 {
                return;
            }
            budget -= 1;
            restated(
                doc,
                out,
                (a, b),
                &e.label,
                (
                    "同一数据前后不一致，请核对后统一",
                    "the same figure is stated twice with different values",
                ),
            );
        }
    }
    transposed_statements(ctx, loose, &mut budget, out);
}

/// The finding on `b`, restating `a` of the wording `label` with another
/// value; `why` ends the message (Chinese, English).
fn restated(
    doc: &crate::document::Document,
    out: &mut Emitter,
    (a, b): (&Number, &Number),
    label: &str,
    why: (&str, &str),
) {
    let unit = if b.percent { "%" } else { b.count_unit() };
    let line = doc.line_index(a.start) + 1;
    let (va, vb) = (format_value(a.value), format_value(b.value));
    out.warning(
        b.start,
        b.end,
        format!(
            "“{label}”前文（第{line}行）为 {va}{unit}，此处为 {vb}{unit}：{}",
            why.0
        ),
        format!(
            "\"{label}\" is {va}{unit} earlier (line {line}) but {vb}{unit} here: {}",
            why.1
        ),
    )
    .related(a.start, a.end, "前文");
}

/// A statement of [`check`]'s, with what decided whether it was compared.
struct Loose {
    num: usize,
    noun: String,
    label: String,
    sentence: usize,
    years: Vec<u32>,
    /// Compared by the main pass (no period word, no topic frame).
    compared: bool,
    planned: bool,
}

/// The digits of a figure as written, and where its decimal point is.
fn written_digits(text: &str, n: &Number) -> (String, Option<usize>) {
    let t = text.get(n.start..n.end).unwrap_or("");
    let mut digits = String::new();
    let mut point = None;
    for c in t.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if c == '.' && point.is_none() {
            point = Some(digits.len());
        } else if !digits.is_empty() && c != ',' {
            break;
        }
    }
    (digits, point)
}

/// The same digits in another order, three digits at least, the decimal
/// point in the same place: 23.5 and 25.3, 196 and 169.
fn transposed(text: &str, a: &Number, b: &Number) -> bool {
    let (da, pa) = written_digits(text, a);
    let (db, pb) = written_digits(text, b);
    if da.len() < 3 || da.len() != db.len() || pa != pb || da == db {
        return false;
    }
    let mut x: Vec<char> = da.chars().collect();
    let mut y: Vec<char> = db.chars().collect();
    x.sort_unstable();
    y.sort_unstable();
    x == y
}

/// Two statements of one thing whose figures have the same digits in
/// another order (地区生产总值38.6亿元 … 在此基础上，地区生产总值达到36.8亿元):
/// a slip of the keyboard, even where a period word or a plan section kept
/// the main pass from comparing them, and where the words before the
/// figures differ but end alike (a different scope would hardly give the
/// same digits).
fn transposed_statements(
    ctx: &Ctx,
    loose: HashMap<String, Vec<Loose>>,
    budget: &mut usize,
    out: &mut Emitter,
) {
    let doc = ctx.doc;
    let text = doc.text;
    let nums = &doc.numbers;
    let mut groups: Vec<Vec<Loose>> = loose.into_values().filter(|v| v.len() >= 2).collect();
    crate::sort::sort_by(&mut groups, |v| v.first().map_or(0, |e| e.num) as u128);
    for entries in groups {
        let Some(first) = entries.first() else {
            continue;
        };
        let a = &nums[first.num];
        for e in &entries[1..] {
            let b = &nums[e.num];
            // The main pass has said what there is to say about these two.
            let same_label = e.label == first.label;
            if same_label && first.compared && e.compared && first.planned == e.planned {
                continue;
            }
            let nouns_match = e.noun.starts_with(&first.noun) || first.noun.starts_with(&e.noun);
            if e.sentence == first.sentence || !nouns_match || !transposed(text, a, b) {
                continue;
            }
            if !same_label && common_ending(&first.label, &e.label) < 4 {
                continue;
            }
            if !first.years.is_empty() && !e.years.is_empty() && first.years != e.years {
                continue;
            }
            if *budget == 0 {
                return;
            }
            *budget -= 1;
            let ending = common_ending(&first.label, &e.label);
            let label: String = {
                let chars: Vec<char> = e.label.chars().collect();
                chars[chars.len() - ending..].iter().collect()
            };
            restated(
                doc,
                out,
                (a, b),
                &label,
                (
                    "数字相同而顺序不同，疑为录入时颠倒，请核对后统一",
                    "the same digits in another order, likely transposed; check and make them agree",
                ),
            );
            break;
        }
    }
}

/// How many characters two labels share at their ends.
fn common_ending(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// Where the report plans rather than reviews: the sections under a heading
/// such as 下一步工作打算, 2026年工作思路, 努力方向; sorted, not overlapping.
fn plan_sections(doc: &crate::document::Document) -> Vec<(usize, usize)> {
    const PLAN: &[&str] = &[
        "打算",
        "下一步",
        "思路",
        "展望",
        "努力方向",
        "工作安排",
        "工作计划",
    ];
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for h in &doc.headings {
        if h.kind == crate::document::MarkerKind::Title {
            continue;
        }
        let title = doc.heading_text(h);
        if !PLAN.iter().any(|w| title.contains(w)) || title.contains("完成情况") {
            continue;
        }
        match spans.last_mut() {
            Some(last) if h.start < last.1 => last.1 = last.1.max(h.section_end),
            _ => spans.push((h.start, h.section_end)),
        }
    }
    spans
}

/// End of the first clause that frames a topic (在扫黑除恶专项斗争中，
/// 在资金使用方面，), as a byte offset, if the sentence has one.
fn topic_frame_end(start: usize, sentence: &str) -> Option<usize> {
    let mut clause_start = 0;
    for (i, c) in sentence.char_indices() {
        if matches!(c, '，' | ',' | '；' | ';' | '：' | ':') {
            let clause = &sentence[clause_start..i];
            if ["中", "方面", "领域", "过程", "期间", "环节"]
                .iter()
                .any(|w| clause.ends_with(w))
            {
                return Some(start + i);
            }
            clause_start = i + c.len_utf8();
        }
    }
    None
}

/// Heads of the report's overall case count: a chain that starts here
/// (立案审查调查196件196人，党纪政务处分146人) is not a narrower scope.
const OVERALL_HEADS: &[&str] = &["立案审查调查", "审查调查", "立案", "立案查处", "立案调查"];

/// The words of the clause from `cs` to the figure at byte `lead` (index
/// `head`): dates, quotes and brackets dropped, scope words trimmed. None
/// when another figure stands in the clause.
fn clause_label(
    text: &str,
    nums: &[Number],
    cs: usize,
    head: usize,
    lead: usize,
) -> Option<String> {
    let mut label = String::new();
    let mut cut = cs;
    // The clause is short: step back from the figure rather than search
    // the whole list (a binary search per figure misses the cache on
    // texts with a million figures).
    let before = nums.get(..head).unwrap_or(&[]);
    let lo = before.len() - before.iter().rev().take_while(|m| m.start >= cs).count();
    for m in &before[lo..] {
        if m.quoted || m.ordinal {
            continue; // part of a term: “四种形态”, 第一种形态
        }
        if !m.is_time() {
            return None;
        }
        label.push_str(text.get(cut..m.start)?);
        cut = m.end;
    }
    label.push_str(text.get(cut..lead)?);
    let label: String = label.chars().filter(|&c| is_han(c)).collect();
    let (ls, le) = trim_label(&label, 0, label.len());
    label.get(ls..le).map(str::to_string)
}

/// The clause before the one at `cs` when it is joined by a comma and holds
/// a figure (or a blank): (its start, the separator before it, the index of
/// its first figure).
fn chained_clause(
    text: &str,
    nums: &[Number],
    cs: usize,
    sep: Option<char>,
    head: usize,
) -> Option<(usize, Option<char>, Option<usize>)> {
    if !matches!(sep, Some('，' | ',' | '、')) {
        return None;
    }
    let prev_end = cs.saturating_sub(sep.map_or(0, char::len_utf8));
    let (ps, psep) = clause_start(text, prev_end);
    let prev = text.get(ps..prev_end).unwrap_or("");
    let first = nums[..head]
        .iter()
        .enumerate()
        .rev()
        .take_while(|(_, m)| m.end > ps)
        .filter(|(_, m)| m.start >= ps && !m.is_time())
        .map(|(k, _)| k)
        .last();
    if first.is_some() {
        // Back to the first of glued figures (196件196人).
        let mut f = first?;
        while f > 0 && nums[f - 1].end == nums[f].start {
            f -= 1;
        }
        return Some((ps, psep, Some(f)));
    }
    has_blank(prev).then_some((ps, psep, None))
}

/// What the figure states: (key, counted noun, label shown to the user),
/// or None when it is not a figure this rule compares. The key holds the
/// clause before the figure (quotes, dates and scope words such as 全区 or
/// 共 removed), its unit, and, when the clause only continues the one before
/// it ("…问题10起，党纪政务处分8人"), that clause too.
fn key_of(text: &str, nums: &[Number], i: usize) -> Option<(String, String, String)> {
    let n = &nums[i];
    if !n.is_exact() || n.is_time() || n.unit.is_empty() {
        return None;
    }
    // 196件196人: the second figure shares the first one's clause.
    let mut head = i;
    while head > 0 && nums[head - 1].end == nums[head].start {
        head -= 1;
    }
    let lead = nums[head].start;
    let (cs, sep) = clause_start(text, lead);
    let raw = text.get(cs..lead)?;
    if CLAUSE_SKIP.iter().any(|w| raw.contains(w)) {
        return None;
    }
    let label = clause_label(text, nums, cs, head, lead)?;
    // Two characters name a stock only after 共有/共计 (全镇共有党员326名);
    // otherwise three at least (处理8人 is too generic to compare).
    let min = if has_totalizer(raw) { 2 } else { 3 };
    if label.chars().count() < min {
        return None;
    }
    // "…问题10起，党纪政务处分8人": the second clause depends on the first,
    // and the chain is part of what the figure states — unless the chain
    // starts from the report's overall case count (立案审查调查196件196人,
    // 党纪政务处分146人), which names no narrower scope.
    let mut chain = String::new();
    let mut at = (cs, sep, head);
    let mut steps = 0;
    while let Some((ps, psep, first)) = chained_clause(text, nums, at.0, at.1, at.2) {
        if steps == 0 {
            let prev = text.get(ps..at.0.saturating_sub(at.1.map_or(0, char::len_utf8)));
            chain = prev
                .unwrap_or("")
                .chars()
                .map(|c| if c.is_ascii_digit() { '#' } else { c })
                .collect();
        }
        steps += 1;
        at = (ps, psep, first.unwrap_or(at.2));
        if first.is_none() || steps >= 6 {
            break;
        }
    }
    if steps > 0 {
        let root = nums
            .get(at.2)
            .and_then(|r| clause_label(text, nums, at.0, at.2, r.start));
        if root.is_some_and(|r| OVERALL_HEADS.contains(&r.as_str())) {
            chain.clear();
        }
    }
    let noun: String = if CLASSIFIERS.contains(&n.count_unit()) {
        text.get(n.end..)?
            .chars()
            .take_while(|&c| is_han(c))
            .take(4)
            .collect()
    } else {
        String::new()
    };
    let key = format!(
        "{chain}\u{2}{label}\u{2}{}",
        if n.percent { "%" } else { n.count_unit() }
    );
    Some((key, noun, label))
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{assert_flags, assert_silent, findings_of};

    const RULE: &str = "restated-figure";

    #[test]
    fn flags_a_figure_stated_twice_differently() {
        assert_flags(
            RULE,
            &[
                "一、工作成效\n2020年,全区立案审查调查196件196人,党纪政务处分146人。\n二、存在问题\n全区立案审查调查169件,说明腐败存量仍然较大。",
                "区委常规巡察25个单位,发现问题628个。\n同时,针对区委常规巡察23个单位发现的问题,持续推进整改。",
                "全镇共签订党风廉政建设责任书27份。班子成员履职尽责。\n年内全镇签订党风廉政建设责任书72份，压实责任。",
                "班子成员参学率100%。\n问题：班子成员参学率95%，仍有差距。",
                "全区运用\"四种形态\"处理899人次。\n三、思考\n运用“四种形态”处理989人次，大力纠治了一批政治生态污染源。",
                "2020年全区立案审查调查196件。\n在疫情防控工作中,追责问责13人;全区立案审查调查169件。",
                "2020年,全区立案审查调查196件196人,党纪政务处分146人,运用\"四种形态\"处理899人次。\n二、问题\n全区党纪政务处分164人。",
                "2020年,全区立案审查调查196件196人,党纪政务处分146人,运用\"四种形态\"处理899人次。\n二、问题\n全年运用“四种形态”处理989人次。",
            ],
        );
        let text = "2020年,全区立案审查调查196件196人。\n后文:全区立案审查调查169件。";
        let f = findings_of(RULE, text);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "169件");
        assert_eq!(f[0].related[0].text, "196件");
        assert!(f[0].message.contains("196件") && f[0].message.contains("169件"));
    }

    #[test]
    fn one_wording_for_several_categories_is_no_restatement() {
        // Each category states its own amount: five values, no restatement,
        // though two of them follow the same count (病历9份).
        let t = "二、自查发现的问题\n（一）超标准收费。存在问题病历12份，涉及金额2.31万元。\n（二）重复收费。存在问题病历9份，涉及金额1.58万元。\n（三）串换项目收费。存在问题病历6份，涉及金额1.96万元。\n（四）过度检查。存在问题病历11份，涉及金额2.13万元。\n（五）病历书写不规范。存在问题病历9份，涉及金额0.66万元。\n";
        assert!(
            findings_of(RULE, t).is_empty(),
            "{:?}",
            findings_of(RULE, t)
        );
    }

    #[test]
    fn a_target_in_the_plan_is_no_restatement() {
        let t = "县农业农村局2025年工作总结\n一、主要工作\n完成农村户厕改造2150户，新建和改造农村公路86公里。\n二、2026年工作打算\n深入学习运用经验，完成农村户厕改造2000户，农村生活污水治理率提高到52%以上。\n";
        assert!(findings_of(RULE, t).is_empty());
        // Two statements of the plan still have to agree.
        let t = "一、2026年工作打算\n（一）人居环境\n完成农村户厕改造2000户。\n（二）保障措施\n确保资金到位，完成农村户厕改造2200户。\n";
        assert_eq!(findings_of(RULE, t).len(), 1);
    }

    #[test]
    fn silent_on_different_quantities() {
        assert_silent(
            RULE,
            &[
                // Same wording, different subjects given by the clause before.
                "查处违反政治纪律问题5起，党纪政务处分6人。处置问题线索30起，党纪政务处分12人。",
                // Different years.
                "2019年,全区立案审查调查150件。2020年,全区立案审查调查196件。",
                // A period qualifier.
                "全区立案审查调查196件。党的十八大以来，全区立案审查调查900件。",
                "全区立案审查调查196件。截至10月底，全区立案审查调查150件。",
                // Changes and shares are not restatements.
                "全区立案审查调查196件。全区立案审查调查比上年增加20件。",
                // Different nouns after the classifier.
                "区委常规巡察25个单位。区委常规巡察30个村。",
                // Three values: the wording names different scopes.
                "各镇党纪政务处分5人。甲镇：党纪政务处分5人。乙镇：党纪政务处分7人。丙镇：党纪政务处分9人。",
                // Same value twice.
                "全区立案审查调查196件。再次强调：全区立案审查调查196件。",
                // Approximate.
                "全区立案审查调查196件。全区立案审查调查近200件。",
                // A topic frame narrows the figure.
                "全区立案审查调查196件196人,党纪政务处分146人。在扫黑除恶专项斗争中,党纪政务处分23人。",
                // A chain from a narrower head keeps its scope.
                "全区党纪政务处分146人。查处违反中央八项规定精神问题30起,党纪政务处分25人。",
                // Different reports of one collection.
                "报告【第一篇】\n一、情况\n全县立案查处违纪违法案件50件。\n报告【第二篇】\n一、情况\n全县立案查处违纪违法案件80件。",
            ],
        );
    }
}
