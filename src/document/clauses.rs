//! The clause around a span.

use super::Document;

impl Document<'_> {
    /// The clause around a span: out to the nearest clause punctuation or
    /// line break on each side (at most ~40 characters each way).
    pub fn clause_around(&self, start: usize, end: usize) -> (usize, usize) {
        let text = self.text;
        let is_stop = |c: char| {
            matches!(
                c,
                '，' | '。' | '；' | '：' | '！' | '？' | ',' | ';' | '!' | '?' | '\n' | '\r'
            )
        };
        let mut s = start.min(text.len());
        for (n, c) in text[..s].chars().rev().enumerate() {
            if is_stop(c) || n >= 40 {
                break;
            }
            s -= c.len_utf8();
        }
        let mut e = end.min(text.len()).max(s);
        for (n, c) in text[e..].chars().enumerate() {
            if is_stop(c) || n >= 40 {
                break;
            }
            e += c.len_utf8();
        }
        (s, e)
    }
}
