//! Natively, short lists go to aho-corasick, whose literal prefilter skips
//! the text between candidates (the lexicon's walk visits every character).

use aho_corasick::{AhoCorasick, MatchKind};

use crate::text::seeds::Seeds;

/// Word lists up to this length use aho-corasick.
const AC_MAX_WORDS: usize = 64;

pub(super) struct ShortList {
    ac: Option<AhoCorasick>,
    /// The same list for leftmost-longest searches, which (unlike
    /// overlapping ones) can skip ahead with a literal prefilter.
    ac_longest: Option<AhoCorasick>,
}

impl ShortList {
    pub(super) fn new<S: AsRef<str>>(words: &[S], fold: bool) -> ShortList {
        let mut short = ShortList {
            ac: None,
            ac_longest: None,
        };
        if words.len() <= AC_MAX_WORDS && words.iter().all(|w| !w.as_ref().is_empty()) {
            let build = |kind| {
                AhoCorasick::builder()
                    .ascii_case_insensitive(fold)
                    .match_kind(kind)
                    .build(words.iter().map(AsRef::as_ref))
                    .ok()
            };
            short.ac = build(MatchKind::Standard);
            short.ac_longest = build(MatchKind::LeftmostLongest);
        }
        short
    }

    /// The overlapping matches, when the list has a searcher of its own.
    pub(super) fn find_overlapping(&self, text: &str) -> Option<Vec<(usize, usize, usize)>> {
        self.ac
            .as_ref()
            .map(|ac| triples(ac.find_overlapping_iter(text)))
    }

    /// The leftmost-longest matches, when the list has a searcher of its own.
    pub(super) fn find_leftmost_longest(&self, text: &str) -> Option<Vec<(usize, usize, usize)>> {
        self.ac_longest
            .as_ref()
            .map(|ac| triples(ac.find_iter(text)))
    }

    /// Seeds where a word may start (the web build's): none here.
    pub(super) fn starts(&self) -> Option<&Seeds> {
        None
    }
}

/// aho-corasick's matches as (start, end, word).
fn triples(matches: impl Iterator<Item = aho_corasick::Match>) -> Vec<(usize, usize, usize)> {
    matches
        .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
        .collect()
}
