//! 各部分比例之和不等于100%。同一个整体分成几部分时（如“四种形态”分成
//! 第一至第四种形态，或最后一项是“其他”“其余”），各部分所占百分比加起来
//! 应当是 100%，四舍五入的误差除外。
//!
//! 只在能确定这些部分就是全部时检查：前文点明了几部分（“四种形态”后列出
//! 第一至第四种形态、“三类问题分别占……”）、最后一项是“其他/其余”，或各项
//! 人数加起来正好等于总数。含 XX 等未填数字的句子不检查。
//!
//! 示例：“运用‘四种形态’处理XX人次，第一种形态占70%，第二种形态占20%，
//! 第三种形态占6%，第四种形态占8%”——合计 104%。
//!
//! # English
//! Shares of one whole that do not add up to 100%. When a whole is split
//! into parts (the 四种形态 split into the first to fourth forms, or a list
//! ending in 其他/其余), the parts' percentages must add up to 100, within
//! rounding. Checked only when the list is plainly complete: the number of
//! parts is announced (四种形态, 三类问题分别占…), the last part is "the rest",
//! or the parts' counts add up exactly to the total. Sentences with blanks
//! (XX) are skipped.

use super::{Ctx, Emitter};
use crate::cnum;
use crate::numbers::breakdown::{self, announces, is_share_connector, ordinal_suffix};
use crate::numbers::format_value;
use std::collections::HashSet;

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "percent-sum",
    category: crate::Category::Figures,
    severity: crate::Severity::Error,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let doc = ctx.doc;
    let nums = &doc.numbers;
    let mut judged: HashSet<usize> = HashSet::new();
    for g in ctx.groups() {
        if g.parts.len() < 2 || g.foreign_share {
            continue;
        }
        let Some(pcts) = g
            .parts
            .iter()
            .map(|p| p.percent)
            .collect::<Option<Vec<_>>>()
        else {
            continue;
        };
        judged.extend(pcts.iter().copied());
        let total = &nums[g.total];
        let sum: f64 = g.parts.iter().map(|p| nums[p.num].value).sum();
        let tol: f64 =
            total.tolerance() + g.parts.iter().map(|p| nums[p.num].tolerance()).sum::<f64>();
        let complete = g.exhaustive || (sum - total.value).abs() <= tol + 1e-9;
        // A share that does not match its count is percent-mismatch's finding.
        if complete && super::percent_mismatch::mismatched(nums, g).is_empty() {
            judge(ctx, out, &pcts);
        }
    }
    for series in share_series(ctx) {
        if series.iter().any(|i| judged.contains(i)) {
            continue;
        }
        judged.extend(series.iter().copied());
        judge(ctx, out, &series);
    }
}

/// Reports the shares `pcts` (indices into the numbers) when they do not
/// add up to 100 within rounding.
fn judge(ctx: &Ctx, out: &mut Emitter, pcts: &[usize]) {
    let nums = &ctx.doc.numbers;
    let Some(&last) = pcts.last() else {
        return;
    };
    if pcts
        .iter()
        .any(|&i| !nums[i].percent || !nums[i].is_exact())
    {
        return;
    }
    let sum: f64 = pcts.iter().map(|&i| nums[i].value).sum();
    let half: f64 = pcts
        .iter()
        .map(|&i| 0.5 * 10f64.powi(-i32::from(nums[i].decimals)))
        .sum();
    let finest = pcts
        .iter()
        .map(|&i| 10f64.powi(-i32::from(nums[i].decimals)))
        .fold(0.0, f64::max);
    // Rounding moves each share by at most half a unit of its last digit,
    // and only ties reach that bound: a gap of the full sum of half units
    // does not come from rounding.
    let tol = half.max(finest);
    if (sum - 100.0).abs() < tol - 1e-9 {
        return;
    }
    let terms = pcts
        .iter()
        .map(|&i| format_value(nums[i].value))
        .collect::<Vec<_>>()
        .join("+");
    let n = &nums[last];
    let f = out.error(
        n.start,
        n.end,
        format!(
            "同一整体各部分所占比例合计 {}%（{terms}），不等于 100%：请核对各项比例",
            format_value(sum)
        ),
        format!(
            "The shares of one whole add up to {}% ({terms}), not 100%: check each share",
            format_value(sum)
        ),
    );
    for &i in &pcts[..pcts.len() - 1] {
        f.related(nums[i].start, nums[i].end, "其他比例");
    }
}

/// One clause of a statement: (start, end) and the indices of its figures.
struct Clause {
    start: usize,
    end: usize,
    figs: Vec<usize>,
}

/// Series of shares without (usable) counts that plainly cover a whole:
/// 第一种形态占70%，第二种形态占20%… after 四种形态; …，其他占10%;
/// 三类问题分别占50%、30%、20%.
fn share_series(ctx: &Ctx) -> Vec<Vec<usize>> {
    let doc = ctx.doc;
    let text = doc.text;
    let nums = &doc.numbers;
    let mut out = Vec::new();
    let mut ni = 0usize;
    let mut pi = 0usize; // first figure at or after the paragraph
    for p in &doc.paragraphs {
        // A series needs two shares: skip paragraphs with fewer.
        while pi < nums.len() && nums[pi].start < p.start {
            pi += 1;
        }
        let shares = nums[pi..]
            .iter()
            .take_while(|n| n.start < p.end)
            .filter(|n| n.percent && !n.is_time() && !n.ordinal && !n.quoted && !n.unit.is_empty())
            .take(2)
            .count();
        if shares < 2 {
            continue;
        }
        for st in breakdown::statements(text, p.start, p.end) {
            let Some(st_start) = st.first().map(|c| c.0) else {
                continue;
            };
            let clauses: Vec<Clause> = st
                .iter()
                .map(|&(s, e, _)| {
                    while ni < nums.len() && nums[ni].start < s {
                        ni += 1;
                    }
                    let mut figs = Vec::new();
                    let mut k = ni;
                    while k < nums.len() && nums[k].start < e {
                        let n = &nums[k];
                        if !n.is_time() && !n.ordinal && !n.quoted && !n.unit.is_empty() {
                            figs.push(k);
                        }
                        k += 1;
                    }
                    Clause {
                        start: s,
                        end: e,
                        figs,
                    }
                })
                .collect();
            labelled_series(text, nums, st_start, &clauses, &mut out);
            respectively_series(text, nums, st_start, &clauses, &mut out);
        }
    }
    out
}

/// Clauses "<label>占p%" (or "<label>N人" then "占p%").
fn labelled_series(
    text: &str,
    nums: &[crate::numbers::Number],
    st_start: usize,
    clauses: &[Clause],
    out: &mut Vec<Vec<usize>>,
) {
    // (label span, percent index, clause index of the percent)
    let mut run: Vec<((usize, usize), usize, usize)> = Vec::new();
    let flush = |run: &mut Vec<((usize, usize), usize, usize)>, out: &mut Vec<Vec<usize>>| {
        if run.len() >= 2 {
            let labels: Vec<&str> = run
                .iter()
                .map(|((s, e), _, _)| text.get(*s..*e).unwrap_or(""))
                .collect();
            let first_start = run[0].0 .0;
            let scope = text.get(st_start..first_start).unwrap_or("");
            let rest_named = labels.last().is_some_and(|l| {
                ["其他", "其余", "其它", "剩余"]
                    .iter()
                    .any(|w| l.contains(w))
            });
            let ordinals = ordinal_suffix(&labels)
                .is_some_and(|sfx| announces(scope, sfx, labels.len() as u64));
            let pair = labels.len() == 2 && complementary(labels[0], labels[1]);
            if rest_named || ordinals || pair {
                out.push(run.iter().map(|(_, p, _)| *p).collect());
            }
        }
        run.clear();
    };
    for (k, c) in clauses.iter().enumerate() {
        let pcts: Vec<usize> = c
            .figs
            .iter()
            .copied()
            .filter(|&i| nums[i].percent)
            .collect();
        let counts: Vec<usize> = c
            .figs
            .iter()
            .copied()
            .filter(|&i| !nums[i].percent)
            .collect();
        let item = match (pcts.as_slice(), counts.as_slice()) {
            ([p], []) => {
                let pre = text.get(c.start..nums[*p].start).unwrap_or("");
                if is_share_connector(pre) {
                    // "、占20%" after "第二种形态150人次".
                    k.checked_sub(1).and_then(|j| {
                        let prev = &clauses[j];
                        match prev.figs.as_slice() {
                            [n] if !nums[*n].percent => {
                                let (s, e) = label_span(text, prev.start, nums[*n].start);
                                Some(((s, e), *p))
                            }
                            // "第二种形态XX人次、占20%": the count is blank.
                            [] => {
                                let words = text.get(prev.start..prev.end).unwrap_or("");
                                let cut = words
                                    .char_indices()
                                    .find(|&(_, c)| {
                                        crate::numbers::is_blank_char(c) || c.is_ascii_digit()
                                    })
                                    .map_or(prev.end, |(i, _)| prev.start + i);
                                let (s, e) = label_span(text, prev.start, cut);
                                (s < e).then_some(((s, e), *p))
                            }
                            _ => None,
                        }
                    })
                } else {
                    let (s, e) = label_span(text, c.start, nums[*p].start);
                    let words = text.get(e..nums[*p].start).unwrap_or("");
                    (s < e && is_share_connector(words)).then_some(((s, e), *p))
                }
            }
            ([p], [n]) if nums[*n].start < nums[*p].start => {
                let between = text.get(nums[*n].end..nums[*p].start).unwrap_or("");
                let (s, e) = label_span(text, c.start, nums[*n].start);
                is_share_connector(between).then_some(((s, e), *p))
            }
            _ => None,
        };
        match item {
            Some((label, p)) => {
                let adjacent = run.last().is_none_or(|&(_, _, j)| j + 1 == k || j + 2 == k);
                if !adjacent {
                    flush(&mut run, out);
                }
                run.push((label, p, k));
            }
            None => {
                // A count clause that precedes its "占p%" clause keeps the run.
                let keeps = pcts.is_empty()
                    && counts.len() <= 1
                    && run.last().is_some_and(|&(_, _, j)| j + 1 == k);
                if !keeps {
                    flush(&mut run, out);
                }
            }
        }
    }
    flush(&mut run, out);
}

/// Two labels that split one whole between them: 男性党员 / 女性党员,
/// 上半年 / 下半年, 党员 / 非党员.
fn complementary(a: &str, b: &str) -> bool {
    let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if ca.len() == cb.len() && ca.len() >= 2 {
        let diffs: Vec<(char, char)> = ca
            .iter()
            .zip(&cb)
            .filter(|(x, y)| x != y)
            .map(|(x, y)| (*x, *y))
            .collect();
        return matches!(
            diffs.as_slice(),
            [('男', '女') | ('女', '男') | ('上', '下') | ('下', '上')]
        );
    }
    // 参训人员中党员 / 非党员: the first label carries the scope.
    for (x, y) in [(a, b), (b, a)] {
        if let Some(rest) = y.strip_prefix('非') {
            if rest.chars().count() >= 2 && x.ends_with(&format!("中{rest}")) {
                return true;
            }
        }
    }
    let (short, long) = if ca.len() < cb.len() {
        (&ca, &cb)
    } else {
        (&cb, &ca)
    };
    if long.len() != short.len() + 1 || short.is_empty() {
        return false;
    }
    (0..long.len())
        .any(|k| long[k] == '非' && long[..k] == short[..k] && long[k + 1..] == short[k..])
}

/// The words that name an item: the clause start up to `to`, without a cue
/// (其中) or a share connector at its end (第一种形态占 → 第一种形态).
fn label_span(text: &str, from: usize, to: usize) -> (usize, usize) {
    let s = text.get(from..to).unwrap_or("");
    let lead = s.len()
        - s.trim_start_matches(|c: char| !crate::text::class::is_han(c))
            .len();
    let mut start = from + lead;
    let body = text.get(start..to).unwrap_or("");
    if let Some(r) = body.strip_prefix("其中") {
        start = to - r.len();
    }
    let mut end = to;
    for w in [
        "占比为",
        "占比达",
        "比例为",
        "比重为",
        "占比",
        "占",
        "为",
        "达",
    ] {
        if text
            .get(start..end)
            .is_some_and(|l| l.ends_with(w) && l.len() > w.len())
        {
            end -= w.len();
            break;
        }
    }
    (start, end)
}

/// "三类问题分别占50%、30%、20%": K announced, then exactly K shares.
fn respectively_series(
    text: &str,
    nums: &[crate::numbers::Number],
    st_start: usize,
    clauses: &[Clause],
    out: &mut Vec<Vec<usize>>,
) {
    for (k, c) in clauses.iter().enumerate() {
        let ctext = text.get(c.start..c.end).unwrap_or("");
        let Some(pos) = ctext.find("分别") else {
            continue;
        };
        let after_start = c.start + pos + "分别".len();
        let mut pcts: Vec<usize> = Vec::new();
        let mut ok = true;
        let mut last_end = after_start;
        for (j, cl) in clauses.iter().enumerate().skip(k) {
            let figs: Vec<usize> = cl
                .figs
                .iter()
                .copied()
                .filter(|&i| nums[i].start >= after_start)
                .collect();
            if j > k && figs.is_empty() {
                break;
            }
            for &i in &figs {
                let n = &nums[i];
                if !n.percent {
                    ok = false;
                    break;
                }
                let gap = text.get(last_end..n.start).unwrap_or("");
                let gap_ok = if pcts.is_empty() {
                    matches!(
                        gap.trim(),
                        "占" | "为" | "是" | "占比" | "占比为" | "达" | "为占"
                    )
                } else {
                    gap.trim_matches(|c: char| c.is_whitespace() || matches!(c, '、' | '，' | ','))
                        .trim_end_matches(['和', '及', '与'])
                        .is_empty()
                };
                if !gap_ok {
                    ok = false;
                    break;
                }
                pcts.push(i);
                last_end = n.end;
            }
            if !ok {
                break;
            }
            let rest = text.get(last_end..cl.end).unwrap_or("");
            if !rest.trim().is_empty() {
                break;
            }
            last_end = cl.end;
        }
        if !ok || pcts.len() < 2 {
            continue;
        }
        let scope = text.get(st_start..c.start + pos).unwrap_or("");
        if announced_parts(scope) == Some(pcts.len() as u64)
            || names_with_rest(text, clauses, k, c.start + pos) == Some(pcts.len())
        {
            out.push(pcts);
        }
    }
}

/// "检举控告类、申诉类、其他类分别占…": the number of names listed before
/// 分别 when the last one is "the rest".
fn names_with_rest(text: &str, clauses: &[Clause], k: usize, at: usize) -> Option<usize> {
    let last = text.get(clauses[k].start..at)?;
    if !["其他", "其余", "其它"].iter().any(|w| last.contains(w)) {
        return None;
    }
    let mut n = 1;
    let mut j = k;
    while j > 0 {
        let prev = &clauses[j - 1];
        // Names are joined by 、 and carry no figures.
        if text.get(prev.end..clauses[j].start)? != "、" || !prev.figs.is_empty() {
            break;
        }
        n += 1;
        j -= 1;
    }
    (n >= 2).then_some(n)
}

/// The count K of "K种/K类/K个方面 …" (the last one) in `scope`.
fn announced_parts(scope: &str) -> Option<u64> {
    // Only the words close before 分别 (long statements stay linear).
    let mut cut = scope.len().saturating_sub(180);
    while !scope.is_char_boundary(cut) {
        cut += 1;
    }
    let scope = &scope[cut..];
    let mut found = None;
    for cls in ["种", "类", "个方面", "个等次", "个档次", "个等级", "个类别"] {
        let mut search = scope;
        let mut base = 0usize;
        while let Some(pos) = search.find(cls) {
            let before = &scope[..base + pos];
            let before = before.trim_end_matches(['“', '"']);
            let mut digits: Vec<char> = before
                .chars()
                .rev()
                .take_while(|c| cnum::is_numeral_char(*c) || c.is_ascii_digit())
                .collect();
            digits.reverse();
            let d: String = digits.into_iter().collect();
            let ordinal = before[..before.len() - d.len()].ends_with('第');
            if let Some(v) = cnum::parse(&d).or_else(|| d.parse().ok()) {
                if !ordinal && v >= 2 {
                    found = Some((base + pos, v));
                }
            }
            base += pos + cls.len();
            search = &scope[base..];
        }
    }
    found.map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{assert_flags, assert_silent, findings_of};

    const RULE: &str = "percent-sum";

    #[test]
    fn flags_shares_that_do_not_add_up() {
        assert_flags(
            RULE,
            &[
                "综合运用“四种形态”处理500人次，其中第一种形态占70%，第二种形态占20%，第三种形态占6%，第四种形态占8%。",
                "运用监督执纪“四种形态”处理899人次，第一至第四种形态分别占68%、22%、6%、9%。",
                "共受理信访举报300件，其中检举控告类占55%，申诉类占20%，其他占15%。",
                "全年发现的问题中，三类问题分别占50.5%、30.2%、25.3%。",
                "全年发现的问题中，形式主义问题占45%，官僚主义问题占35%，其他问题占25%。",
                "检举控告类、申诉类、其他类分别占60%、30%、15%。",
                "全镇党员中，男性党员占58%，女性党员占45%。",
                "参训人员中党员占80%，非党员占30%。",
                "运用“四种形态”处理1000人次，其中第一种形态占75%，第二种形态占18%，第三种形态占5%，第四种形态占4%。",
                "运用“四种形态”处理XX人次，其中第一种形态占比70%，第二种形态占比20%，第三种形态占比6%，第四种形态占比9%。",
                "运用“四种形态”处理XX人次，其中第一种形态XX人次、占70%，第二种形态XX人次、占20%，第三种形态XX人次、占6%，第四种形态XX人次、占9%。",
            ],
        );
        let f = findings_of(
            RULE,
            "综合运用“四种形态”处理500人次，其中第一种形态占70%，第二种形态占20%，第三种形态占6%，第四种形态占8%。",
        );
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("104%"), "{}", f[0].message);
        assert_eq!(f[0].related.len(), 3);
    }

    #[test]
    fn silent_when_shares_add_up_or_the_split_is_not_complete() {
        assert_silent(
            RULE,
            &[
                "综合运用“四种形态”处理500人次，其中第一种形态占70%，第二种形态占20%，第三种形态占6%，第四种形态占4%。",
                "第一至第四种形态分别占67%、22%、7%、3%。",
                "运用“四种形态”处理3人次，其中第一种形态占33%，第二种形态占33%，第三种形态占33%，第四种形态占0%。",
                "综合运用“四种形态”处理XX人次，其中第一种形态XX人次、占XX%，第二种形态XX人次、占XX%，第三种形态XX人次、占XX%，第四种形态XX人次、占XX%。",
                // Not a complete split: only two of the forms are given.
                "其中第一种形态占70%，第二种形态占20%。",
                "男性党员占60%，女性党员占40%。",
                "全镇党员中，男性党员占58.3%，女性党员占41.7%。",
                "检举控告类、申诉类、其他类分别占60%、30%、10%。",
                "检举控告类、申诉类分别占60%、30%。",
                "党员占80%，团员占30%。",
                "上半年完成全年任务的45%，下半年完成60%。",
                "整改完成率95%，群众满意度98%，参学率100%。",
                "立案量年均增长15%，查处数年均增长20%。",
            ],
        );
    }
}
