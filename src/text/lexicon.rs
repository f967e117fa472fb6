//! A word list searched for every occurrence of every word, as
//! aho-corasick's overlapping and leftmost-longest searches find them.

// Short lists have a searcher of their own, one per build: natively
// aho-corasick, in the web build the seed finders on the words' first
// characters.
#[cfg(feature = "lite-regex")]
mod lite;
#[cfg(not(feature = "lite-regex"))]
mod native;
#[cfg(feature = "lite-regex")]
use lite::ShortList;
#[cfg(not(feature = "lite-regex"))]
use native::ShortList;

use super::seeds;
use super::utf8::utf8_len;

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
    /// Short lists are searched another way (per build: see `ShortList`).
    short: ShortList,
}

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
            short: ShortList::new(words, fold),
        };
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
        let len = utf8_len(lead);
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
        if let Some(found) = self.short.find_overlapping(text) {
            return found;
        }
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        if let Some(starts) = self.short.starts() {
            for i in seeds::seed_starts(text, starts) {
                if let Some((k, len)) = self.key_at(bytes, i) {
                    let next = self.key_at(bytes, i + len).map(|n| n.0);
                    self.words_at(bytes, i, k, next, &mut out);
                }
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
        if let Some(found) = self.short.find_leftmost_longest(text) {
            return found;
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
    use crate::text::random_text;

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
}
