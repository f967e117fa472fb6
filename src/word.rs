//! Findings as Word comments and changes: what `draftcheck annotate` and
//! `draftcheck fix` and the web app's Word downloads write into the .docx
//! (the writing itself is `docx::annotate` / `docx::fix`, which know
//! nothing of findings).

use crate::decode::{Limits, LoadError};
use crate::diff::{diff_chars, Op};
use crate::docx::{self, Change, Comment, FixMode, Outcome, WriteOptions};
use crate::finding::{Category, Finding};

/// The author of the comments and revisions.
pub const AUTHOR: &str = "稿检";

/// The punctuation of one paragraph, summed up in one comment.
struct Group {
    rule: String,
    line: usize,
    /// The comment's index in the output.
    k: usize,
    /// (mark, replacement) pairs, each once.
    pairs: Vec<(String, String)>,
    n: usize,
}

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
    let mut group: Option<Group> = None;
    let close = |group: &mut Option<Group>, out: &mut Vec<Comment>| {
        if let Some(Group { k, pairs, n, .. }) = group.take() {
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
            let same = matches!(&group, Some(g) if g.rule == f.rule && g.line == f.line);
            if !same {
                close(&mut group, &mut out);
                out.push(Comment {
                    start: f.byte_start,
                    end: f.byte_end,
                    text: String::new(),
                });
                group = Some(Group {
                    rule: f.rule.clone(),
                    line: f.line,
                    k: out.len() - 1,
                    pairs: Vec::new(),
                    n: 0,
                });
            }
            if let Some(Group { k, pairs, n, .. }) = group.as_mut() {
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

/// An offset in the new text of [`changes_between`] as an offset in the
/// old: shifted past the changes before it; inside a change, that
/// change's start (`end` false) or end (`end` true) in the old text.
fn old_offset(changes: &[Change], x: usize, end: bool) -> usize {
    let mut delta: isize = 0;
    for c in changes {
        let new_start = (c.start as isize + delta) as usize;
        let new_end = new_start + c.text.len();
        if x < new_start || (x == new_start && !end) {
            break;
        }
        if x < new_end || (x == new_end && end && c.text.is_empty()) {
            return if end { c.end } else { c.start };
        }
        delta += c.text.len() as isize - (c.end - c.start) as isize;
    }
    (x as isize - delta).max(0) as usize
}

/// The web app's annotated copy: `original` (a .docx whose text is
/// `original_text`) with a comment on each of `findings`, which were
/// found in `current_text` (the text as the user has edited it since);
/// their spans are carried back to the original text.
pub fn annotated_copy(
    original: &[u8],
    original_text: &str,
    current_text: &str,
    findings: &[&Finding],
    date: Option<&str>,
) -> Result<Outcome, LoadError> {
    let edits = changes_between(original_text, current_text);
    let mut comments = comments(findings);
    for c in &mut comments {
        c.start = old_offset(&edits, c.start, false);
        c.end = old_offset(&edits, c.end, true).max(c.start);
    }
    let opts = WriteOptions {
        author: AUTHOR,
        date,
    };
    docx::annotate(original, &Limits::default(), &comments, &opts)
}

/// The web app's fixed copy: `original` with the edits that turned
/// `original_text` into `current_text` (the fixes and fill-ins the user
/// applied), as tracked changes or directly.
pub fn fixed_copy(
    original: &[u8],
    original_text: &str,
    current_text: &str,
    mode: FixMode,
    date: Option<&str>,
) -> Result<Outcome, LoadError> {
    let edits = changes_between(original_text, current_text);
    let opts = WriteOptions {
        author: AUTHOR,
        date,
    };
    docx::fix(original, &Limits::default(), &edits, mode, &opts)
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
    fn offsets_carried_back_over_edits() {
        let old = "完成XX项,增长。";
        let new = "完成120项，增长。";
        let c = changes_between(old, new);
        let at = |s: &str| new.find(s).unwrap();
        // Before, inside and after the edits.
        assert_eq!(old_offset(&c, 0, false), 0);
        assert_eq!(old_offset(&c, at("120"), false), old.find("XX").unwrap());
        assert_eq!(
            old_offset(&c, at("120") + 3, true),
            old.find("XX").unwrap() + 2
        );
        assert_eq!(old_offset(&c, at("增长"), false), old.find("增长").unwrap());
        assert_eq!(old_offset(&c, new.len(), true), old.len());
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
