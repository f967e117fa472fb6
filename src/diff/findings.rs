//! Findings of the two versions matched: new, fixed, still open.

use super::*;

/// Six characters before and after a byte span.
fn around(text: &str, start: usize, end: usize) -> (&str, &str) {
    let before = text.get(..start).unwrap_or("");
    let b = before.char_indices().rev().nth(5).map_or(0, |(i, _)| i);
    let after = text.get(end..).unwrap_or("");
    let a = after.char_indices().nth(6).map_or(after.len(), |(i, _)| i);
    (&before[b..], &after[..a])
}

pub(super) fn match_findings(
    old: &Version,
    new: &Version,
    old_doc: &Document,
    new_doc: &Document,
    pairs: &[(usize, usize)],
) -> FindingChanges {
    let listed = |r: &Report| -> Vec<usize> {
        (0..r.findings.len())
            .filter(|&i| r.findings[i].aggregate.is_none())
            .collect()
    };
    let (fo, fn_) = (listed(old.report), listed(new.report));
    let mut old_taken = vec![false; old.report.findings.len()];
    let mut new_match: Vec<Option<usize>> = vec![None; new.report.findings.len()];
    // 1. Rule, text and the characters around.
    let mut by_context: Groups<[&str; 4]> = Groups::new();
    for &i in fo.iter().rev() {
        let f = &old.report.findings[i];
        let (b, a) = around(old.text, f.byte_start, f.byte_end);
        let key = [f.rule.as_str(), f.text.as_str(), b, a];
        by_context.add(fnv(&key), key, i);
    }
    for &i in &fn_ {
        let f = &new.report.findings[i];
        let (b, a) = around(new.text, f.byte_start, f.byte_end);
        let key = [f.rule.as_str(), f.text.as_str(), b, a];
        if let Some(o) = by_context.pop(fnv(&key), &key) {
            old_taken[o] = true;
            new_match[i] = Some(o);
        }
    }
    // 2. Rule and text within a paragraph the text diff pairs (the words
    // around were edited).
    let mut old_para_of_new: Vec<Option<usize>> = vec![None; new_doc.paragraphs.len()];
    for &(a, b) in pairs {
        if let Some(slot) = old_para_of_new.get_mut(b) {
            *slot = Some(a);
        }
    }
    let para_key = |p: usize, f: &Finding| {
        fnv(&[f.rule.as_str(), f.text.as_str()]) ^ (p as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    };
    let mut by_paragraph: Groups<(usize, &str, &str)> = Groups::new();
    for &i in fo.iter().rev().filter(|&&i| !old_taken[i]) {
        let f = &old.report.findings[i];
        if let Some(p) = old_doc.paragraph_at(f.byte_start) {
            by_paragraph.add(para_key(p, f), (p, &f.rule, &f.text), i);
        }
    }
    for &i in &fn_ {
        if new_match[i].is_some() {
            continue;
        }
        let f = &new.report.findings[i];
        let Some(p) = new_doc
            .paragraph_at(f.byte_start)
            .and_then(|p| old_para_of_new.get(p).copied().flatten())
        else {
            continue;
        };
        if let Some(o) = by_paragraph.pop(para_key(p, f), &(p, &f.rule, &f.text)) {
            old_taken[o] = true;
            new_match[i] = Some(o);
        }
    }
    let pick = |r: &Report, idx: &mut dyn Iterator<Item = usize>| -> Vec<Finding> {
        idx.filter_map(|i| r.findings.get(i).cloned()).collect()
    };
    FindingChanges {
        new: pick(
            new.report,
            &mut fn_.iter().copied().filter(|&i| new_match[i].is_none()),
        ),
        fixed: pick(
            old.report,
            &mut fo.iter().copied().filter(|&i| !old_taken[i]),
        ),
        open: pick(
            new.report,
            &mut fn_.iter().copied().filter(|&i| new_match[i].is_some()),
        ),
    }
}
