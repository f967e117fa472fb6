//! Prefilters that keep the regexes off most of the text (not a rule
//! itself: build.rs skips `support*` files).
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

#[cfg(not(feature = "lite-regex"))]
use aho_corasick::packed;
#[cfg(not(feature = "lite-regex"))]
use aho_corasick::{AhoCorasick, Input, MatchKind};

/// Literal seeds, found with the fastest searcher that fits: natively a
/// vectorised multi-literal search (Teddy) for non-ASCII literals, where a
/// byte-wise search would stop at every common lead byte, and aho-corasick
/// (memchr for up to three bytes) for ASCII ones; in the web build, where
/// neither is vectorised and aho-corasick would cost 25 KB of download, a
/// memchr search for each word's last byte.
pub struct Seeds {
    finders: Vec<Finder>,
}

#[cfg(not(feature = "lite-regex"))]
enum Finder {
    Packed(packed::Searcher),
    Ac(AhoCorasick),
}

#[cfg(not(feature = "lite-regex"))]
impl Finder {
    /// Short non-ASCII seeds (two-byte characters) get a searcher of their
    /// own so that the others are fingerprinted on three bytes: one shared
    /// two-byte prefix such as E2 80 (of “” — …) would stop the search
    /// everywhere.
    fn for_words(all: Vec<String>) -> Vec<Finder> {
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
    fn find(&self, text: &str, from: usize) -> Option<(usize, usize)> {
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

/// The web build's finders: each word is probed by its rarest byte in
/// Chinese text (see `commonness`), and the words are grouped so that each finder
/// has at most three probe bytes, searched with memchr (vectorised with
/// simd128); only the words with that probe are compared at a hit.
/// Leftmost-first within a finder, like the native finders.
#[cfg(feature = "lite-regex")]
enum Finder {
    Probe(ProbeFinder),
    /// Words whose every byte is common in Chinese text (the characters
    /// themselves): see `support_teddy`.
    Teddy(Box<super::support_teddy::Teddy>),
}

#[cfg(feature = "lite-regex")]
struct ProbeFinder {
    /// (word, offset of its probe byte), in list order.
    words: Vec<(Box<[u8]>, usize)>,
    /// One to three distinct probe bytes.
    probes: Vec<u8>,
    longest: usize,
}

/// How common a byte is in Chinese report text (lower is rarer): a given
/// continuation byte ends about one ideograph in 32, while E2 leads only
/// “ ” — … and E3, EF lead the everyday 、。，：（）.
#[cfg(feature = "lite-regex")]
fn commonness(b: u8) -> u8 {
    match b {
        0xC2..=0xDF | 0xE0 | 0xE1 | 0xEA..=0xEE | 0xF0..=0xF4 => 0,
        b'A'..=b'Z' | b'a'..=b'z' => 1,
        0xE2 => 2,
        0x80..=0xBF => 3,
        0xE3 | 0xEF => 5,
        0xE4..=0xE9 => 6,
        _ => 4, // digits, ASCII punctuation, spaces, line breaks
    }
}

#[cfg(feature = "lite-regex")]
impl Finder {
    /// Words of three bytes or more with no rare byte to probe go to one
    /// Teddy finder; the others to memchr probes. E2 counts as common
    /// here: a probe on it stops at every quotation mark and ellipsis and
    /// then compares every E2-led word (the zero-width characters, say),
    /// where Teddy's fingerprint of the next two bytes tells them apart.
    fn for_words(all: Vec<String>) -> Vec<Finder> {
        let (teddy, probed): (Vec<String>, Vec<String>) = all
            .into_iter()
            .partition(|w| w.len() >= 3 && w.bytes().all(|b| commonness(b) >= 2));
        let mut finders: Vec<Finder> = super::support_teddy::Teddy::new(&teddy)
            .map(|t| Finder::Teddy(Box::new(t)))
            .into_iter()
            .collect();
        finders.extend(Finder::grouped(&probed));
        finders
    }

    fn grouped<W: AsRef<[u8]>>(words: &[W]) -> Vec<Finder> {
        ProbeFinder::grouped(words)
            .into_iter()
            .map(Finder::Probe)
            .collect()
    }

    /// The first match at or after `from`: (start, end).
    fn find(&self, text: &str, from: usize) -> Option<(usize, usize)> {
        match self {
            Finder::Probe(f) => f.find(text, from),
            Finder::Teddy(t) => t.find(text.as_bytes(), from),
        }
    }
}

#[cfg(feature = "lite-regex")]
impl ProbeFinder {
    fn grouped<W: AsRef<[u8]>>(words: &[W]) -> Vec<ProbeFinder> {
        let mut probes: Vec<u8> = Vec::new();
        let mut probed: Vec<(&[u8], usize, u8)> = Vec::new();
        for w in words.iter().map(AsRef::as_ref).filter(|w| !w.is_empty()) {
            // The rarest byte, the last of equally rare ones.
            let Some((offset, &probe)) = w
                .iter()
                .enumerate()
                .min_by_key(|&(i, &b)| (commonness(b), std::cmp::Reverse(i)))
            else {
                continue;
            };
            if !probes.contains(&probe) {
                probes.push(probe);
            }
            probed.push((w, offset, probe));
        }
        probes
            .chunks(3)
            .map(|group| {
                let words: Vec<(Box<[u8]>, usize)> = probed
                    .iter()
                    .filter(|(_, _, p)| group.contains(p))
                    .map(|&(w, offset, _)| (Box::from(w), offset))
                    .collect();
                let longest = words.iter().map(|(w, _)| w.len()).max().unwrap_or(0);
                ProbeFinder {
                    words,
                    probes: group.to_vec(),
                    longest,
                }
            })
            .collect()
    }

    fn next_probe(&self, hay: &[u8], at: usize) -> Option<usize> {
        let rest = hay.get(at..)?;
        let found = match *self.probes.as_slice() {
            [a] => memchr::memchr(a, rest),
            [a, b] => memchr::memchr2(a, b, rest),
            [a, b, c] => memchr::memchr3(a, b, c, rest),
            _ => None,
        };
        found.map(|k| at + k)
    }

    /// The first match at or after `from`: (start, end).
    fn find(&self, text: &str, from: usize) -> Option<(usize, usize)> {
        let hay = text.as_bytes();
        let mut best: Option<(usize, usize, usize)> = None; // (start, word, end)
        let mut q = self.next_probe(hay, from)?;
        loop {
            // A probe this far past the best start can only give later ones.
            if best.is_some_and(|(s, _, _)| q >= s + self.longest) {
                break;
            }
            let hit = hay[q];
            for (k, (w, offset)) in self.words.iter().enumerate() {
                if w[*offset] != hit {
                    continue;
                }
                let Some(start) = q.checked_sub(*offset) else {
                    continue;
                };
                let end = start + w.len();
                if start >= from && hay.get(start..end) == Some(&w[..]) {
                    let cand = (start, k, end);
                    if best.is_none_or(|b| (cand.0, cand.1) < (b.0, b.1)) {
                        best = Some(cand);
                    }
                }
            }
            match self.next_probe(hay, q + 1) {
                Some(n) => q = n,
                None => break,
            }
        }
        best.map(|(s, _, e)| (s, e))
    }
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
        #[cfg(not(feature = "lite-regex"))]
        let finders = Finder::build(words).into_iter().collect();
        #[cfg(feature = "lite-regex")]
        let finders = Finder::grouped(words);
        Seeds { finders }
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

/// A word list matched the way aho-corasick's overlapping search matches
/// it (every occurrence of every word, reported by end position, longer
/// words first at one end, then in list order), without its automaton:
/// a walk over the characters that looks up each pair of neighbours in a
/// small bit table and compares words only where a pair starts one. An
/// automaton walk costs several cycles a byte and a large automaton takes
/// milliseconds to build; this costs about one table probe a character.
pub struct Lexicon {
    words: Vec<Box<[u8]>>,
    fold: bool,
    /// (first two characters packed, word) for words of two or more
    /// characters, sorted.
    pairs: Vec<(u64, u32)>,
    /// (first character, word) for one-character words, sorted.
    singles: Vec<(u32, u32)>,
    /// Bit table over hashed pair keys.
    filter: Box<Filter>,
    /// Bit table over hashed first characters of one-character words.
    single_filter: Box<Filter>,
    /// Natively, short lists go to aho-corasick, whose literal prefilter
    /// skips the text between candidates (a walk visits every character).
    #[cfg(not(feature = "lite-regex"))]
    ac: Option<AhoCorasick>,
    /// The same list for leftmost-longest searches, which (unlike
    /// overlapping ones) can skip ahead with a literal prefilter.
    #[cfg(not(feature = "lite-regex"))]
    ac_longest: Option<AhoCorasick>,
    /// In the web build, short lists find where a word may start with the
    /// seed finders (SIMD Teddy, memchr probes) on each word's first two
    /// characters, and compare words only there: the walk visits every
    /// character.
    #[cfg(feature = "lite-regex")]
    starts: Option<Seeds>,
}

/// Word lists up to this length use aho-corasick natively.
#[cfg(not(feature = "lite-regex"))]
const AC_MAX_WORDS: usize = 64;

/// Word lists up to this length are searched from seeds in the web build.
#[cfg(feature = "lite-regex")]
const SEEDED_MAX_WORDS: usize = 64;

const FILTER_BITS: u32 = 16;
const FILTER_WORDS: usize = 1 << (FILTER_BITS - 6);

/// A bit table over hashed keys.
type Filter = [u64; FILTER_WORDS];

fn set_bit(filter: &mut Filter, h: usize) {
    filter[(h >> 6) % FILTER_WORDS] |= 1 << (h % 64);
}

/// No bounds check: the index is masked into the table.
#[inline(always)]
fn has_bit(filter: &Filter, h: usize) -> bool {
    filter[(h >> 6) % FILTER_WORDS] >> (h % 64) & 1 == 1
}

impl Lexicon {
    /// `fold`: ASCII letters match either case (as aho-corasick's
    /// `ascii_case_insensitive`).
    pub fn new<S: AsRef<str>>(words: &[S], fold: bool) -> Lexicon {
        let mut lex = Lexicon {
            words: Vec::new(),
            fold,
            pairs: Vec::new(),
            singles: Vec::new(),
            filter: Box::new([0; FILTER_WORDS]),
            single_filter: Box::new([0; FILTER_WORDS]),
            #[cfg(not(feature = "lite-regex"))]
            ac: None,
            #[cfg(not(feature = "lite-regex"))]
            ac_longest: None,
            #[cfg(feature = "lite-regex")]
            starts: None,
        };
        #[cfg(not(feature = "lite-regex"))]
        if words.len() <= AC_MAX_WORDS && words.iter().all(|w| !w.as_ref().is_empty()) {
            let build = |kind| {
                AhoCorasick::builder()
                    .ascii_case_insensitive(fold)
                    .match_kind(kind)
                    .build(words.iter().map(AsRef::as_ref))
                    .ok()
            };
            lex.ac = build(MatchKind::Standard);
            lex.ac_longest = build(MatchKind::LeftmostLongest);
        }
        for (id, w) in words.iter().enumerate() {
            let w = w.as_ref().as_bytes();
            lex.words.push(w.into());
            let first = lex.key_at(w, 0);
            let second = first.and_then(|(_, len)| lex.key_at(w, len));
            match (first.map(|k| k.0), second.map(|k| k.0)) {
                (Some(a), Some(b)) => {
                    let key = pair_key(a, b);
                    lex.pairs.push((key, id as u32));
                    set_bit(&mut lex.filter, pair_hash(key));
                }
                (Some(a), None) => {
                    lex.singles.push((a, id as u32));
                    set_bit(&mut lex.single_filter, pair_hash(u64::from(a)));
                }
                _ => {}
            }
        }
        #[cfg(feature = "lite-regex")]
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
            lex.starts = Some(Seeds::new(&heads, fold));
        }
        crate::sort::sort_by(&mut lex.pairs, |&(k, id)| {
            u128::from(k) << 32 | u128::from(id)
        });
        crate::sort::sort_by(&mut lex.singles, |&(k, id)| {
            u128::from(k) << 32 | u128::from(id)
        });
        lex
    }

    /// The character at byte `i` of valid UTF-8 as a key (its bytes packed
    /// big-endian, ASCII lower-cased when folding), and its length. Keys
    /// come from bytes, not decoded chars: the walk below visits every
    /// character of the text, and under the web build's opt-level "z" a
    /// `char_indices` step is two calls.
    #[inline(always)]
    fn key_at(&self, bytes: &[u8], i: usize) -> Option<(u32, usize)> {
        let lead = *bytes.get(i)?;
        if lead.is_ascii() {
            let b = if self.fold {
                lead.to_ascii_lowercase()
            } else {
                lead
            };
            return Some((u32::from(b), 1));
        }
        let len = crate::document::utf8_len(lead);
        let rest = bytes.get(i + 1..i + len)?;
        let key = rest
            .iter()
            .fold(u32::from(lead), |k, &b| k << 8 | u32::from(b));
        Some((key, len))
    }

    fn word_at(&self, text: &[u8], start: usize, id: u32) -> Option<(usize, usize, usize)> {
        let w = self.words.get(id as usize)?;
        let hay = text.get(start..start + w.len())?;
        let same = if self.fold {
            hay.eq_ignore_ascii_case(w)
        } else {
            hay == &w[..]
        };
        same.then_some((start, start + w.len(), id as usize))
    }

    fn start_seeds(&self) -> Option<&Seeds> {
        #[cfg(feature = "lite-regex")]
        return self.starts.as_ref();
        #[cfg(not(feature = "lite-regex"))]
        None
    }

    /// The words that occur at byte `i`, whose character has key `k` and is
    /// followed by one with key `next`.
    #[inline(always)]
    fn words_at(
        &self,
        bytes: &[u8],
        i: usize,
        k: u32,
        next: Option<u32>,
        out: &mut Vec<(usize, usize, usize)>,
    ) {
        if !self.singles.is_empty() && has_bit(&self.single_filter, pair_hash(u64::from(k))) {
            let lo = self.singles.partition_point(|&(a, _)| a < k);
            for &(a, id) in &self.singles[lo..] {
                if a != k {
                    break;
                }
                out.extend(self.word_at(bytes, i, id));
            }
        }
        let Some(k2) = next else {
            return;
        };
        let key = pair_key(k, k2);
        if has_bit(&self.filter, pair_hash(key)) {
            let lo = self.pairs.partition_point(|&(a, _)| a < key);
            for &(a, id) in &self.pairs[lo..] {
                if a != key {
                    break;
                }
                out.extend(self.word_at(bytes, i, id));
            }
        }
    }

    /// Every occurrence of every word: (start, end, word index), in
    /// aho-corasick's overlapping order.
    pub fn find_overlapping(&self, text: &str) -> Vec<(usize, usize, usize)> {
        #[cfg(not(feature = "lite-regex"))]
        if let Some(ac) = &self.ac {
            return triples(ac.find_overlapping_iter(text));
        }
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        if let Some(starts) = self.start_seeds() {
            let mut cursor = starts.cursor();
            let mut pos = 0;
            while let Some((i, _)) = cursor.find(text, pos) {
                if let Some((k, len)) = self.key_at(bytes, i) {
                    let next = self.key_at(bytes, i + len).map(|n| n.0);
                    self.words_at(bytes, i, k, next, &mut out);
                }
                pos = i + 1;
            }
        } else {
            let mut i = 0;
            let mut here = self.key_at(bytes, 0);
            while let Some((k, len)) = here {
                let next = self.key_at(bytes, i + len);
                self.words_at(bytes, i, k, next.map(|n| n.0), &mut out);
                i += len;
                here = next;
            }
        }
        // By end, longer (earlier start) first, then in list order.
        crate::sort::sort_by(&mut out, |&(s, e, id)| crate::sort::key3(e, s, id));
        out
    }
}

impl Lexicon {
    /// Leftmost-longest matches that do not overlap, as aho-corasick's
    /// `MatchKind::LeftmostLongest` search finds them: (start, end, word).
    pub fn find_leftmost_longest(&self, text: &str) -> Vec<(usize, usize, usize)> {
        #[cfg(not(feature = "lite-regex"))]
        if let Some(ac) = &self.ac_longest {
            return triples(ac.find_iter(text));
        }
        let mut all = self.find_overlapping(text);
        crate::sort::sort_by(&mut all, |&(s, e, id)| {
            crate::sort::key3(s, crate::sort::desc(e), id)
        });
        let mut pos = 0;
        all.retain(|&(s, e, _)| {
            let keep = s >= pos;
            if keep {
                pos = e;
            }
            keep
        });
        all
    }
}

/// aho-corasick's matches as (start, end, word).
#[cfg(not(feature = "lite-regex"))]
fn triples(matches: impl Iterator<Item = aho_corasick::Match>) -> Vec<(usize, usize, usize)> {
    matches
        .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
        .collect()
}

#[inline(always)]
fn pair_key(a: u32, b: u32) -> u64 {
    u64::from(a) << 32 | u64::from(b)
}

#[inline(always)]
fn pair_hash(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - FILTER_BITS)) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `len` pieces of `alphabet` drawn by a fixed generator.
    fn random_text(seed: &mut u64, alphabet: &[&str], len: usize) -> String {
        let mut text = String::new();
        for _ in 0..len {
            *seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push_str(alphabet[(*seed >> 33) as usize % alphabet.len()]);
        }
        text
    }

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
    fn lexicon_matches_like_aho_corasick() {
        let words = [
            "下载",
            "下载文档",
            "文档",
            "载文",
            "您",
            "QQ",
            "qq号",
            "Word版",
            "范文网",
            "范文",
            "文",
            "网",
            "载",
            "©",
            "😀好",
            "好",
            "文档",
            "aB",
        ];
        let alphabet = [
            "下", "载", "文", "档", "您", "Q", "q", "号", "W", "o", "r", "d", "版", "范", "网",
            "©", "😀", "好", "a", "b", "B", "\n", "，",
        ];
        let mut seed = 11u64;
        for fold in [false, true] {
            let lex = Lexicon::new(&words, fold);
            let ac = aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(fold)
                .build(words)
                .unwrap();
            for len in 0..80 {
                let text = random_text(&mut seed, &alphabet, len);
                let want: Vec<(usize, usize, usize)> = ac
                    .find_overlapping_iter(&text)
                    .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                    .collect();
                assert_eq!(lex.find_overlapping(&text), want, "{text}");
                let longest = aho_corasick::AhoCorasick::builder()
                    .ascii_case_insensitive(fold)
                    .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                    .build(words)
                    .unwrap();
                let want: Vec<(usize, usize)> = longest
                    .find_iter(&text)
                    .map(|m| (m.start(), m.end()))
                    .collect();
                let got: Vec<(usize, usize)> = lex
                    .find_leftmost_longest(&text)
                    .into_iter()
                    .map(|(s, e, _)| (s, e))
                    .collect();
                assert_eq!(got, want, "{text}");
            }
        }
    }

    /// The seeds (Teddy / aho-corasick natively, memchr probes in the web
    /// build) are found leftmost first.
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
