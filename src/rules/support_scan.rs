//! Prefilters that keep the regexes off most of the text (not a rule
//! itself: build.rs skips `support*` files).
//!
//! The web build's regex engine (regex-lite) has no literal prefilter and
//! costs tens of nanoseconds per byte, so a pattern run over a whole 1.5 MB
//! text costs far more there than natively. Every match of such a pattern
//! contains one of a few literals (its triggers) and never crosses a line
//! break, so running it over only the lines that hold a trigger finds
//! exactly the same matches: a match lies inside one line, and a search
//! inside a line resumes where it would in the whole text. (`(?m:^)` and
//! `(?m:$)` see a line's ends the same way; patterns here use no `\A`/`\z`.)

use aho_corasick::{AhoCorasick, Input};

/// The `\n`-delimited lines of `text` that contain a match of `triggers`,
/// each once, in order: (byte offset of the line, the line without `\n`).
pub fn trigger_lines<'t>(
    text: &'t str,
    triggers: &'t AhoCorasick,
) -> impl Iterator<Item = (usize, &'t str)> + 't {
    trigger_windows(text, triggers, |b| b != b'\n')
}

/// Like [`trigger_lines`], but the windows are the maximal runs of bytes
/// for which `member` holds: for a pattern that can only match such bytes
/// (ASCII, say) and has no assertions (`^`, `$`, `\b`). Every trigger
/// must consist of member bytes.
pub fn trigger_windows<'t>(
    text: &'t str,
    triggers: &'t AhoCorasick,
    member: impl Fn(u8) -> bool + 't,
) -> impl Iterator<Item = (usize, &'t str)> + 't {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos > text.len() {
            return None;
        }
        let m = triggers.find(Input::new(text).range(pos..))?;
        let mut start = m.start();
        while start > 0 && bytes.get(start - 1).is_some_and(|&b| member(b)) {
            start -= 1;
        }
        let mut end = m.end();
        while bytes.get(end).is_some_and(|&b| member(b)) {
            end += 1;
        }
        pos = end + 1;
        // Member sets that split a character (ASCII runs) still cut at
        // char boundaries: a multi-byte character is all member or none.
        Some((start, text.get(start..end).unwrap_or("")))
    })
}

/// A trigger automaton for literal `words` (ASCII case-insensitive when
/// `fold` is set). Case variants are spelled out and the match kind is
/// leftmost-first so that aho-corasick can use its vectorised literal
/// search (Teddy) rather than walk its automaton over every byte.
pub fn triggers(words: &[&str], fold: bool) -> AhoCorasick {
    let mut all: Vec<String> = Vec::new();
    for w in words {
        let mut variants = vec![String::new()];
        for c in w.chars() {
            let cases: Vec<char> = if fold && c.is_ascii_alphabetic() {
                vec![c.to_ascii_lowercase(), c.to_ascii_uppercase()]
            } else {
                vec![c]
            };
            variants = variants
                .iter()
                .flat_map(|v| {
                    cases.iter().map(move |&k| {
                        let mut v = v.clone();
                        v.push(k);
                        v
                    })
                })
                .collect();
        }
        all.extend(variants);
    }
    AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(&all)
        .expect("valid trigger words")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_with_a_trigger_once_each() {
        let ac = triggers(&["页", "qq"], true);
        let text = "第1页共2页\n无\r\nQQ号\n\n末页";
        let lines: Vec<(usize, &str)> = trigger_lines(text, &ac).collect();
        let want: Vec<(usize, &str)> = vec![
            (0, "第1页共2页"),
            (text.find("QQ").unwrap(), "QQ号"),
            (text.find("末").unwrap(), "末页"),
        ];
        assert_eq!(lines, want);
        assert_eq!(trigger_lines("", &ac).count(), 0);
        assert_eq!(trigger_lines("页", &ac).count(), 1);
        assert_eq!(trigger_lines("页\n", &ac).count(), 1);
        let dots = triggers(&["."], false);
        let ascii = |b: u8| (0x21..=0x7e).contains(&b);
        let runs: Vec<(usize, &str)> =
            trigger_windows("见a.cn，和 b.org。", &dots, ascii).collect();
        assert_eq!(runs, vec![(3, "a.cn"), (14, "b.org")]);
    }
}
