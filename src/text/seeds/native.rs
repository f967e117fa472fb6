//! The native seed finders: aho-corasick, with its vectorised Teddy for
//! non-ASCII literals.

use aho_corasick::packed;
use aho_corasick::{AhoCorasick, Input, MatchKind};

pub(super) enum Finder {
    Packed(packed::Searcher),
    Ac(AhoCorasick),
}

impl Finder {
    /// Short non-ASCII seeds (two-byte characters) get a searcher of their
    /// own so that the others are fingerprinted on three bytes: one shared
    /// two-byte prefix such as E2 80 (of “” — …) would stop the search
    /// everywhere.
    pub(super) fn for_words(all: Vec<String>) -> Vec<Finder> {
        let (ascii, wide): (Vec<String>, Vec<String>) = all.into_iter().partition(|w| w.is_ascii());
        let (long, short): (Vec<String>, Vec<String>) =
            wide.into_iter().partition(|w| w.len() >= 3);
        [
            Finder::build(&ascii),
            Finder::build(&short),
            Finder::build(&long),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// One searcher for byte strings.
    pub(super) fn for_bytes(words: &[&[u8]]) -> Vec<Finder> {
        Finder::build(words).into_iter().collect()
    }

    fn build<W: AsRef<[u8]>>(words: &[W]) -> Option<Finder> {
        if words.is_empty() {
            return None;
        }
        if words.iter().all(|w| !w.as_ref().is_ascii()) {
            let mut b = packed::Config::new()
                .match_kind(packed::MatchKind::LeftmostFirst)
                .builder();
            b.extend(words);
            if let Some(s) = b.build() {
                return Some(Finder::Packed(s));
            }
        }
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(words)
            .ok()
            .map(Finder::Ac)
    }

    /// The first match at or after `from`: (start, end).
    pub(super) fn find(&self, text: &str, from: usize) -> Option<(usize, usize)> {
        if from > text.len() {
            return None;
        }
        match self {
            Finder::Packed(s) => s
                .find_in(text, aho_corasick::Span::from(from..text.len()))
                .map(|m| (m.start(), m.end())),
            Finder::Ac(ac) => ac
                .find(Input::new(text).range(from..))
                .map(|m| (m.start(), m.end())),
        }
    }
}
