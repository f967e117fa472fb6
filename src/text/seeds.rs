//! Seeds: the literals every match of a pattern contains, found fast, and
//! the runs of text around them (lines, ASCII runs, runs of date
//! characters) that the rules then run their regexes over.
//!
//! The web build's regex engine (regex-lite) has no literal prefilter and
//! costs tens of nanoseconds per byte, so a pattern run over a whole 1.5 MB
//! text costs far more there than natively. Every match of such a pattern
//! contains one of a few literals (its seeds) and consists of characters of
//! a known set (a line, a run of ASCII, a run of date characters), so
//! running it over only the runs of that set that hold a seed finds exactly
//! the same matches: a match lies inside one run, and a search inside a
//! run resumes where it would in the whole text. This holds for patterns
//! without assertions, and for `(?m:^)`/`(?m:$)` when the runs are lines.

// One searcher per build: natively aho-corasick (with its Teddy); in the
// web build memchr probes and a WebAssembly SIMD Teddy (crate::text::teddy).
#[cfg(feature = "lite-regex")]
mod lite;
#[cfg(not(feature = "lite-regex"))]
mod native;
#[cfg(feature = "lite-regex")]
use lite::Finder;
#[cfg(not(feature = "lite-regex"))]
use native::Finder;

/// Literal seeds, found with the fastest searcher that fits: natively a
/// vectorised multi-literal search (Teddy) for non-ASCII literals, where a
/// byte-wise search would stop at every common lead byte, and aho-corasick
/// (memchr for up to three bytes) for ASCII ones; in the web build, where
/// neither is vectorised and aho-corasick would cost 25 KB of download, a
/// memchr search for each word's last byte.
pub struct Seeds {
    finders: Vec<Finder>,
}

impl Seeds {
    /// Seeds for the literal `words`, ASCII case-insensitive when `fold`
    /// is set (the case variants are spelled out).
    pub fn new(words: &[&str], fold: bool) -> Seeds {
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
        Seeds {
            finders: Finder::for_words(all),
        }
    }

    /// Byte strings as seeds (prefixes of UTF-8 sequences, say); each must
    /// start at a character boundary wherever it occurs.
    pub fn byte_strings(words: &[&[u8]]) -> Seeds {
        Seeds {
            finders: Finder::for_bytes(words),
        }
    }

    /// Single characters as seeds.
    pub fn chars(chars: &[char]) -> Seeds {
        let words: Vec<String> = chars.iter().map(|c| c.to_string()).collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        Seeds::new(&words, false)
    }

    fn cursor(&self) -> Cursor<'_> {
        Cursor {
            seeds: self,
            next: vec![None; self.finders.len()],
        }
    }
}

/// Walks the seeds of a text in order, remembering each finder's next
/// match so that the whole walk is linear.
struct Cursor<'s> {
    seeds: &'s Seeds,
    /// Per finder: None before the first search, Some(None) when it has no
    /// more matches.
    next: Vec<Option<Option<(usize, usize)>>>,
}

impl Cursor<'_> {
    /// The leftmost seed starting at or after `pos`.
    fn find(&mut self, text: &str, pos: usize) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for (f, slot) in self.seeds.finders.iter().zip(self.next.iter_mut()) {
            let stale = match slot {
                None => true,
                Some(Some((s, _))) => *s < pos,
                Some(None) => false,
            };
            if stale {
                *slot = Some(f.find(text, pos));
            }
            if let Some(Some(m)) = slot {
                if best.is_none_or(|b| m.0 < b.0) {
                    best = Some(*m);
                }
            }
        }
        best
    }
}

/// Every seed in `text`, leftmost first, not overlapping: (start, end).
pub fn seed_matches<'t>(
    text: &'t str,
    seeds: &'t Seeds,
) -> impl Iterator<Item = (usize, usize)> + 't {
    let mut cursor = seeds.cursor();
    let mut pos = 0;
    std::iter::from_fn(move || {
        let (s, e) = cursor.find(text, pos)?;
        pos = e.max(s + 1);
        Some((s, e))
    })
}

/// Every position where a seed starts, overlapping seeds included.
pub fn seed_starts<'t>(text: &'t str, seeds: &'t Seeds) -> impl Iterator<Item = usize> + 't {
    let mut cursor = seeds.cursor();
    let mut pos = 0;
    std::iter::from_fn(move || {
        let (i, _) = cursor.find(text, pos)?;
        pos = i + 1;
        Some(i)
    })
}

/// The `\n`-delimited lines of `text` that contain a seed, each once, in
/// order: (byte offset of the line, the line without `\n`).
pub fn trigger_lines<'t>(
    text: &'t str,
    seeds: &'t Seeds,
) -> impl Iterator<Item = (usize, &'t str)> + 't {
    trigger_windows(text, seeds, |b| b != b'\n')
}

/// Like [`trigger_lines`], but the windows are the maximal runs of bytes
/// for which `member` holds (ASCII, say). Every seed must consist of
/// member bytes, and a member set must not split a character.
pub fn trigger_windows<'t>(
    text: &'t str,
    seeds: &'t Seeds,
    member: impl Fn(u8) -> bool + 't,
) -> impl Iterator<Item = (usize, &'t str)> + 't {
    let bytes = text.as_bytes();
    let mut cursor = seeds.cursor();
    let mut pos = 0;
    std::iter::from_fn(move || {
        let (s, e) = cursor.find(text, pos)?;
        let mut start = s;
        while start > 0 && bytes.get(start - 1).is_some_and(|&b| member(b)) {
            start -= 1;
        }
        let mut end = e;
        while bytes.get(end).is_some_and(|&b| member(b)) {
            end += 1;
        }
        pos = end + 1;
        Some((start, text.get(start..end).unwrap_or("")))
    })
}

/// A match found in a run that starts at byte `at`, in whole-text offsets
/// (shadows the regex match, so `m.start()` keeps reading the same).
#[derive(Clone, Copy)]
pub struct Shifted {
    start: usize,
    end: usize,
}

impl Shifted {
    pub fn of(at: usize, start: usize, end: usize) -> Shifted {
        Shifted {
            start: at + start,
            end: at + end,
        }
    }

    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }
}

/// The maximal runs of characters for which `member` holds that contain a
/// seed (each seed made of member characters), each once, in order: (byte
/// offset of the run, the run).
pub fn char_runs<'t>(
    text: &'t str,
    seeds: &'t Seeds,
    member: impl Fn(char) -> bool + 't,
) -> impl Iterator<Item = (usize, &'t str)> + 't {
    let mut cursor = seeds.cursor();
    let mut pos = 0;
    std::iter::from_fn(move || {
        let (at, _) = cursor.find(text, pos)?;
        let mut start = at;
        while let Some(c) = text.get(..start).and_then(|t| t.chars().next_back()) {
            if !member(c) {
                break;
            }
            start -= c.len_utf8();
        }
        let mut end = at;
        for c in text.get(at..).unwrap_or("").chars() {
            if !member(c) {
                break;
            }
            end += c.len_utf8();
        }
        // A seed that is no member still moves the search on.
        pos = end.max(at + 1);
        while !text.is_char_boundary(pos) {
            pos += 1;
        }
        Some((start, text.get(start..end).unwrap_or("")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::random_text;

    #[test]
    fn lines_with_a_seed_once_each() {
        let seeds = Seeds::new(&["页", "qq"], true);
        let text = "第1页共2页\n无\r\nQQ号\n\n末页";
        let lines: Vec<(usize, &str)> = trigger_lines(text, &seeds).collect();
        let want: Vec<(usize, &str)> = vec![
            (0, "第1页共2页"),
            (text.find("QQ").unwrap(), "QQ号"),
            (text.find("末").unwrap(), "末页"),
        ];
        assert_eq!(lines, want);
        assert_eq!(trigger_lines("", &seeds).count(), 0);
        assert_eq!(trigger_lines("页", &seeds).count(), 1);
        assert_eq!(trigger_lines("页\n", &seeds).count(), 1);
        let dots = Seeds::new(&["."], false);
        let ascii = |b: u8| (0x21..=0x7e).contains(&b);
        let runs: Vec<(usize, &str)> =
            trigger_windows("见a.cn，和 b.org。", &dots, ascii).collect();
        assert_eq!(runs, vec![(3, "a.cn"), (14, "b.org")]);
    }

    #[test]
    fn finders_are_leftmost_first() {
        let lists: [&[&str]; 4] = [
            &["年"],
            &["下载", "载文档", "文", "😀"],
            &[".", ":", "ab", "b"],
            &["月", "日", "号", "份", "底"],
        ];
        let alphabet = [
            "下", "载", "文", "档", "年", "月", "日", ".", ":", "a", "b", "😀", "，",
        ];
        let mut seed = 5u64;
        for words in lists {
            let seeds = Seeds::new(words, false);
            for len in 0..60 {
                let text = random_text(&mut seed, &alphabet, len);
                for from in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                    let want = (from..text.len()).find_map(|s| {
                        words
                            .iter()
                            .find(|w| text.as_bytes()[s..].starts_with(w.as_bytes()))
                            .map(|w| (s, s + w.len()))
                    });
                    let got = seeds.cursor().find(&text, from);
                    assert_eq!(got, want, "{words:?} {text} {from}");
                }
            }
        }
    }

    #[test]
    fn runs_around_seeds() {
        let date = |c: char| c.is_ascii_digit() || matches!(c, '年' | '月' | '日' | '-');
        let seeds = Seeds::chars(&['年', '月', '-']);
        let text = "于2020年3月5日，12人，6月和2021年，1-2。";
        let runs: Vec<(usize, &str)> = char_runs(text, &seeds, date).collect();
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(
            runs,
            vec![
                (at("2020"), "2020年3月5日"),
                (at("6月"), "6月"),
                (at("2021"), "2021年"),
                (at("1-2"), "1-2")
            ]
        );
        assert_eq!(char_runs("", &seeds, date).count(), 0);
        assert_eq!(char_runs("年", &seeds, date).count(), 1);
        // Long texts take the vectorised path; the runs are the same.
        let long = text.repeat(50);
        assert_eq!(char_runs(&long, &seeds, date).count(), 4 * 50);
    }
}
