//! Spans that are not prose (URLs, e-mail addresses, `code`), which the
//! punctuation rules leave alone (not a rule itself: build.rs skips
//! `support*` files).

use crate::re::Regex;
use crate::text::seeds::{self, Seeds};
use std::sync::OnceLock;

/// Spans that are not prose: URLs, e-mail addresses and `code`. Sorted,
/// disjoint.
///
/// As one pattern `url|mail|code` over the whole text. A URL or an address
/// is printable ASCII without a backquote, so it cannot overlap a code span
/// other than by lying inside it (where the one search would not look);
/// the two are searched apart, each only where it can occur, and the
/// addresses inside code spans dropped.
pub fn protected_spans(text: &str) -> Vec<(usize, usize)> {
    static LINK: OnceLock<Regex> = OnceLock::new();
    static LINK_SEEDS: OnceLock<Seeds> = OnceLock::new();
    let link = LINK.get_or_init(|| {
        Regex::new(
            r"(?i-u:(?:https?|ftp)://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+|[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}",
        )
        .expect("valid regex")
    });
    // A URL holds :// or www., an address a dot after its @.
    let link_seeds = LINK_SEEDS.get_or_init(|| Seeds::chars(&['.', ':']));
    let codes = code_spans(text);
    let mut spans = Vec::with_capacity(codes.len());
    let mut inside = SpanCursor::new(&codes);
    let ascii = |b: u8| (0x21..=0x7e).contains(&b);
    for (at, run) in seeds::trigger_windows(text, link_seeds, ascii) {
        for m in link.find_iter(run) {
            let s = at + m.start();
            if !inside.contains(s) {
                spans.push((s, at + m.end()));
            }
        }
    }
    spans.extend_from_slice(&codes);
    crate::sort::sort_by(&mut spans, |&(s, e)| crate::sort::key3(s, e, 0));
    spans
}

/// Markdown code spans: a backquote, 1 to 200 characters on the same line
/// with no backquote, a backquote (what `[^`\n]{1,200}` between backquotes
/// matches, leftmost first; as a regex its 200-fold repetition of a
/// Unicode class took 1.6 ms to compile).
fn code_spans(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut spans = Vec::new();
    let mut ticks = memchr::memchr_iter(b'`', b).peekable();
    while let Some(open) = ticks.next() {
        let Some(&close) = ticks.peek() else { break };
        let inner = b.get(open + 1..close).unwrap_or_default();
        // Characters, not bytes: count the bytes that start one.
        let chars = inner.iter().filter(|&&x| (x as i8) >= -0x40).count();
        if (1..=200).contains(&chars) && !inner.contains(&b'\n') {
            spans.push((open, close + 1));
            ticks.next(); // the closing backquote opens nothing
        }
    }
    spans
}

/// Walks sorted spans alongside increasing positions: `contains(pos)` is
/// amortised O(1) when queried in non-decreasing order.
pub struct SpanCursor<'a> {
    spans: &'a [(usize, usize)],
    i: usize,
}

impl<'a> SpanCursor<'a> {
    pub fn new(spans: &'a [(usize, usize)]) -> Self {
        SpanCursor { spans, i: 0 }
    }

    pub fn contains(&mut self, pos: usize) -> bool {
        while self.i < self.spans.len() && self.spans[self.i].1 <= pos {
            self.i += 1;
        }
        self.spans
            .get(self.i)
            .is_some_and(|&(s, e)| s <= pos && pos < e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_are_what_the_regex_found() {
        let re = Regex::new(r"`[^`\n]{1,200}`").unwrap();
        let long = "字".repeat(200);
        let longer = "字".repeat(201);
        for t in [
            "用 `cargo test` 运行，`a` 和 `b`",
            "``空``, `跨\n行`, `未闭合",
            "```三个```",
            &format!("`{long}` `{longer}` `x`"),
            &format!("`{longer}`x`"),
            "无反引号",
            "`",
        ] {
            let want: Vec<(usize, usize)> = re.find_iter(t).map(|m| (m.start(), m.end())).collect();
            assert_eq!(code_spans(t), want, "{t:?}");
        }
    }

    #[test]
    fn urls_are_protected() {
        let t = "详见http://www.gov.cn/a?b=1,c。邮箱ab.c@gov.cn,谢谢";
        let spans = protected_spans(t);
        assert_eq!(spans.len(), 2);
        assert_eq!(&t[spans[0].0..spans[0].1], "http://www.gov.cn/a?b=1,c");
        assert_eq!(&t[spans[1].0..spans[1].1], "ab.c@gov.cn");
    }
}
