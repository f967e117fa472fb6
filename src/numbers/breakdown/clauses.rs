//! Statements cut into clauses at their punctuation, the unit a total and
//! each of its parts is read from.

use crate::text::utf8::utf8_len;

pub fn is_statement_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

fn is_clause_sep(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '：' | ':' | '、')
}

/// Splits a paragraph into statements of clauses.
pub fn statements(text: &str, start: usize, end: usize) -> Vec<Vec<(usize, usize, Option<char>)>> {
    let mut clauses = Vec::new();
    let mut bounds = Vec::new();
    split_clauses(text, start, end, &mut clauses, &mut bounds);
    let mut out = Vec::with_capacity(bounds.len());
    for (k, &b) in bounds.iter().enumerate() {
        let e = bounds.get(k + 1).copied().unwrap_or(clauses.len());
        out.push(clauses.get(b..e).unwrap_or(&[]).to_vec());
    }
    out
}

/// The clause-splitting mark at byte `i`, if any: ASCII ones are single
/// bytes, the full-width ones three bytes (U+FFxx EF BC xx, 、。 E3 80 8x).
fn split_mark(bytes: &[u8], i: usize) -> Option<char> {
    let b = *bytes.get(i)?;
    if b < 0x80 {
        return matches!(b, b',' | b'(' | b')' | b';' | b':' | b'!' | b'?').then(|| char::from(b));
    }
    let (b1, b2) = (*bytes.get(i + 1)?, *bytes.get(i + 2)?);
    match (b, b1, b2) {
        (0xEF, 0xBC, 0x88) => Some('（'),
        (0xEF, 0xBC, 0x89) => Some('）'),
        (0xEF, 0xBC, 0x8C) => Some('，'),
        (0xEF, 0xBC, 0x9B) => Some('；'),
        (0xEF, 0xBC, 0x9A) => Some('：'),
        (0xEF, 0xBC, 0x81) => Some('！'),
        (0xEF, 0xBC, 0x9F) => Some('？'),
        (0xE3, 0x80, 0x81) => Some('、'),
        (0xE3, 0x80, 0x82) => Some('。'),
        _ => None,
    }
}

/// [`statements`], flat: the clauses of `[start, end)` appended to
/// `clauses`, and the index of each statement's first clause to `bounds`.
/// Only the marks are looked at: the text between them is skipped bytewise.
pub(super) fn split_clauses(
    text: &str,
    start: usize,
    end: usize,
    clauses: &mut Vec<(usize, usize, Option<char>)>,
    bounds: &mut Vec<usize>,
) {
    let body = text.get(start..end).unwrap_or("");
    let bytes = body.as_bytes();
    let mut seg_start = start;
    let mut depth = 0usize;
    let mut open = clauses.len(); // first clause of the current statement
    let mut next = 0;
    while next < bytes.len() {
        let i = next;
        next += utf8_len(bytes[i]);
        let Some(c) = split_mark(bytes, i) else {
            continue;
        };
        let pos = start + i;
        // 1,200: a thousands separator, not a clause break.
        if c == ','
            && i > 0
            && bytes.get(i - 1).is_some_and(u8::is_ascii_digit)
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
        {
            continue;
        }
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > 0 && !is_statement_end(c) {
            continue;
        }
        if is_clause_sep(c) || is_statement_end(c) {
            clauses.push((seg_start, pos, Some(c)));
            seg_start = pos + c.len_utf8();
            if is_statement_end(c) {
                depth = 0;
                bounds.push(open);
                open = clauses.len();
            }
        }
    }
    if seg_start < end {
        clauses.push((seg_start, end, None));
    }
    if clauses.len() > open {
        bounds.push(open);
    }
}
