//! In the web build, short lists find where a word may start with the seed
//! finders (SIMD Teddy, memchr probes) on each word's first two characters,
//! and compare words only there: the lexicon's walk visits every character.

use crate::text::seeds::Seeds;

/// Word lists up to this length are searched from seeds.
const SEEDED_MAX_WORDS: usize = 64;

pub(super) struct ShortList {
    starts: Option<Seeds>,
}

impl ShortList {
    pub(super) fn new<S: AsRef<str>>(words: &[S], fold: bool) -> ShortList {
        let mut short = ShortList { starts: None };
        if words.len() <= SEEDED_MAX_WORDS && words.iter().all(|w| !w.as_ref().is_empty()) {
            let mut heads: Vec<&str> = words
                .iter()
                .map(|w| {
                    let w = w.as_ref();
                    let two = w.char_indices().nth(2).map_or(w.len(), |(i, _)| i);
                    w.get(..two).unwrap_or(w)
                })
                .collect();
            heads.sort_unstable();
            heads.dedup();
            short.starts = Some(Seeds::new(&heads, fold));
        }
        short
    }

    /// No searcher of its own: the lexicon walks from [`ShortList::starts`].
    pub(super) fn find_overlapping(&self, _text: &str) -> Option<Vec<(usize, usize, usize)>> {
        None
    }

    /// As [`ShortList::find_overlapping`].
    pub(super) fn find_leftmost_longest(&self, _text: &str) -> Option<Vec<(usize, usize, usize)>> {
        None
    }

    /// Seeds where a word may start.
    pub(super) fn starts(&self) -> Option<&Seeds> {
        self.starts.as_ref()
    }
}
