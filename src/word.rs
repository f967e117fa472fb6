//! Findings as Word comments and changes: what `draftcheck annotate` and
//! `draftcheck fix` and the web app's Word downloads write into the .docx
//! (the writing itself is `docx::annotate` / `docx::fix`, which know
//! nothing of findings).

use crate::diff::{diff_chars, Op};
use crate::docx::{Change, Comment};
use crate::finding::{Category, Finding};

/// The author of the comments and revisions.
pub const AUTHOR: &str = "稿检";

/// One comment per finding, in text order. Aggregated punctuation (a rule
/// that sums its marks up, "半角标点 212 处") gets one comment per
/// paragraph instead of one per mark; other aggregates are comments of
/// their own.
pub fn comments(findings: &[&Finding]) -> Vec<Comment> {
    let grouped: Vec<&str> = findings
        .iter()
        .filter(|f| f.aggregate.is_some() && f.category == Category::Punctuation)
        .map(|f| f.rule.as_str())
        .collect();
    let mut out: Vec<Comment> = Vec::new();
    // The paragraph group being built: (rule, line, index in out, marks).
    let mut group: Option<(&str, usize, usize, Vec<(String, String)>, usize)> = None;
    let close = |group: &mut Option<(&str, usize, usize, Vec<(String, String)>, usize)>,
                 out: &mut Vec<Comment>| {
        if let Some((_, _, k, pairs, n)) = group.take() {
            let list: Vec<String> = pairs
                .iter()
                .map(|(from, to)| format!("“{from}”→“{to}”"))
                .collect();
            if let Some(c) = out.get_mut(k) {
                c.text = format!(
                    "本段有 {n} 处半角标点，中文正文应使用全角标点（GB/T 15834）\n建议：{}",
                    list.join("，")
                );
            }
        }
    };
    for f in findings {
        let in_group = grouped.contains(&f.rule.as_str());
        if in_group && f.aggregate.is_some() {
            continue;
        }
        if in_group {
            let same = matches!(&group, Some((r, l, ..)) if *r == f.rule && *l == f.line);
            if !same {
                close(&mut group, &mut out);
                out.push(Comment {
                    start: f.byte_start,
                    end: f.byte_end,
                    text: String::new(),
                });
                group = Some((f.rule.as_str(), f.line, out.len() - 1, Vec::new(), 0));
            }
            if let Some((_, _, k, pairs, n)) = group.as_mut() {
                *n += 1;
                if let Some(c) = out.get_mut(*k) {
                    c.end = c.end.max(f.byte_end);
                }
                let pair = (f.text.clone(), f.suggestion.clone().unwrap_or_default());
                if !pairs.contains(&pair) {
                    pairs.push(pair);
                }
            }
            continue;
        }
        let mut text = f.message.clone();
        match f.suggestion.as_deref() {
            Some("") => text.push_str("\n建议：删除"),
            Some(s) => text.push_str(&format!("\n建议：改为“{s}”")),
            None => {}
        }
        out.push(Comment {
            start: f.byte_start,
            end: f.byte_end,
            text,
        });
    }
    close(&mut group, &mut out);
    out
}

/// The suggested fixes of these findings (aggregates left out: their
/// findings are listed one by one).
pub fn changes(findings: &[&Finding]) -> Vec<Change> {
    findings
        .iter()
        .filter(|f| f.aggregate.is_none())
        .filter_map(|f| {
            f.suggestion.as_ref().map(|s| Change {
                start: f.byte_start,
                end: f.byte_end,
                text: s.clone(),
            })
        })
        .collect()
}

/// What turned `old` into `new`, as changes to `old`: the fixes and
/// fill-ins a user applied in the web app since the .docx was read. Lines
/// are compared one to one when their number stayed (fixes do not add
/// lines), so each change stays inside its line.
pub fn changes_between(old: &str, new: &str) -> Vec<Change> {
    let mut out = Vec::new();
    if old == new {
        return out;
    }
    if old.matches('\n').count() == new.matches('\n').count() {
        let mut at = 0;
        for (a, b) in old.split('\n').zip(new.split('\n')) {
            if a != b {
                push_diff(a, b, at, &mut out);
            }
            at += a.len() + 1;
        }
    } else {
        push_diff(old, new, 0, &mut out);
    }
    out
}

/// The changes from `a` to `b`, `a` starting at byte `base` of the text.
fn push_diff(a: &str, b: &str, base: usize, out: &mut Vec<Change>) {
    // The common ends first: the diff then sees only the edited middle.
    let prefix = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    let (a2, b2) = (&a[prefix..], &b[prefix..]);
    let suffix = a2
        .chars()
        .rev()
        .zip(b2.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum::<usize>();
    let (a3, b3) = (&a2[..a2.len() - suffix], &b2[..b2.len() - suffix]);
    let mut pos = base + prefix;
    let mut pending: Option<Change> = None;
    for seg in diff_chars(a3, b3) {
        match seg.op {
            Op::Same => {
                out.extend(pending.take());
                pos += seg.text.len();
            }
            Op::Deleted => {
                let c = pending.get_or_insert(Change {
                    start: pos,
                    end: pos,
                    text: String::new(),
                });
                c.end += seg.text.len();
                pos += seg.text.len();
            }
            Op::Inserted => {
                let c = pending.get_or_insert(Change {
                    start: pos,
                    end: pos,
                    text: String::new(),
                });
                c.text.push_str(&seg.text);
            }
        }
    }
    out.extend(pending);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_between_finds_each_edit_in_its_line() {
        let old = "一、总体情况\n今年完成XX项,较上年增长。\n二、问题";
        let new = "一、总体情况\n今年完成12项，较上年增长。\n二、问题";
        let c = changes_between(old, new);
        let applied = crate::fix::apply(
            old,
            &c.iter()
                .map(|c| (c.start, c.end, c.text.clone()))
                .collect::<Vec<_>>(),
        );
        assert_eq!(applied, new);
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(&old[c[0].start..c[0].end], "XX");
        assert_eq!(c[0].text, "12");
        assert_eq!(&old[c[1].start..c[1].end], ",");
        assert_eq!(c[1].text, "，");
    }

    #[test]
    fn changes_between_with_lines_added() {
        let old = "甲\n乙";
        let new = "甲\n新\n乙";
        let c = changes_between(old, new);
        let applied = crate::fix::apply(
            old,
            &c.iter()
                .map(|c| (c.start, c.end, c.text.clone()))
                .collect::<Vec<_>>(),
        );
        assert_eq!(applied, new);
    }
}
