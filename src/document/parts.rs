//! Parts: the several reports of one file (【第一篇】 …).

use super::markers::is_any_digit;
use super::{is_blank_char, Document, Part};
use crate::cnum;

impl Document<'_> {
    pub(super) fn build_parts(&mut self) {
        let mut starts = vec![0usize];
        for (i, p) in self.paragraphs.iter().enumerate() {
            if i > 0 && is_part_marker(&self.text[p.start..p.end]) {
                starts.push(i);
            }
        }
        // A lone preamble before the first marked report (a website preface)
        // stays its own part so that each report is checked on its own.
        for (k, &first) in starts.iter().enumerate() {
            let end_paragraph = starts.get(k + 1).copied().unwrap_or(self.paragraphs.len());
            if first >= end_paragraph {
                continue;
            }
            let part_index = self.parts.len();
            for p in &mut self.paragraphs[first..end_paragraph] {
                p.part = part_index;
            }
            self.parts.push(Part {
                first_paragraph: first,
                end_paragraph,
                start: self.paragraphs[first].start,
                end: self.paragraphs[end_paragraph - 1].end,
            });
        }
        if self.parts.is_empty() {
            self.parts.push(Part {
                first_paragraph: 0,
                end_paragraph: 0,
                start: 0,
                end: self.text.len(),
            });
        }
    }
}

/// A report's own number in a collection: 第一篇, 篇二, 范文三, 范例4, 模板5.
fn is_part_token(s: &str) -> bool {
    let s = s.trim_matches(|c: char| is_blank_char(c));
    let number = |n: &str| {
        !n.is_empty()
            && (n.chars().all(is_any_digit) || (n.chars().count() <= 3 && cnum::parse(n).is_some()))
    };
    if let Some(n) = s.strip_prefix('第').and_then(|r| r.strip_suffix('篇')) {
        return number(n);
    }
    for prefix in ["篇", "范文", "范例", "模板"] {
        if let Some(n) = s.strip_prefix(prefix) {
            return number(n);
        }
    }
    false
}

pub(super) fn is_part_marker(p: &str) -> bool {
    // 【第一篇】, 【范文三】 … on a short line; 第一篇 / 范文一： at its start.
    if p.chars().count() > 40 {
        return false;
    }
    let mut rest = p;
    while let Some(open) = rest.find('【') {
        let inner = &rest[open + '【'.len_utf8()..];
        let Some(close) = inner.find('】') else {
            break;
        };
        if is_part_token(&inner[..close]) {
            return true;
        }
        rest = &inner[close..];
    }
    let head_end = p
        .find(['：', ':', '、', ' ', '\u{3000}', '】', ']'])
        .unwrap_or(p.len());
    let head = p[..head_end].trim_start_matches(['[', '【']);
    is_part_token(head)
}
