//! The web build's seed finders (feature `lite-regex`, which the native
//! tests build too): neither aho-corasick nor its Teddy is vectorised on
//! WebAssembly, and aho-corasick would cost 25 KB of download.

use crate::text::teddy::Teddy;

/// The finders: each word is probed by its rarest byte in
/// Chinese text (see `commonness`), and the words are grouped so that each finder
/// has at most three probe bytes, searched with memchr (vectorised with
/// simd128); only the words with that probe are compared at a hit.
/// Leftmost-first within a finder, like the native finders.
pub(super) enum Finder {
    Probe(ProbeFinder),
    /// Words whose every byte is common in Chinese text (the characters
    /// themselves): see `crate::text::teddy`.
    Teddy(Box<Teddy>),
}

pub(super) struct ProbeFinder {
    /// (word, offset of its probe byte), in list order.
    words: Vec<(Box<[u8]>, usize)>,
    /// One to three distinct probe bytes.
    probes: Vec<u8>,
    longest: usize,
}

/// How common a byte is in Chinese report text (lower is rarer): a given
/// continuation byte ends about one ideograph in 32, while E2 leads only
/// “ ” — … and E3, EF lead the everyday 、。，：（）.
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

impl Finder {
    /// Words of three bytes or more with no rare byte to probe go to one
    /// Teddy finder; the others to memchr probes. E2 counts as common
    /// here: a probe on it stops at every quotation mark and ellipsis and
    /// then compares every E2-led word (the zero-width characters, say),
    /// where Teddy's fingerprint of the next two bytes tells them apart.
    pub(super) fn for_words(all: Vec<String>) -> Vec<Finder> {
        let (teddy, probed): (Vec<String>, Vec<String>) = all
            .into_iter()
            .partition(|w| w.len() >= 3 && w.bytes().all(|b| commonness(b) >= 2));
        let mut finders: Vec<Finder> = Teddy::new(&teddy)
            .map(|t| Finder::Teddy(Box::new(t)))
            .into_iter()
            .collect();
        finders.extend(Finder::grouped(&probed));
        finders
    }

    /// Byte strings, by memchr probes.
    pub(super) fn for_bytes(words: &[&[u8]]) -> Vec<Finder> {
        Finder::grouped(words)
    }

    fn grouped<W: AsRef<[u8]>>(words: &[W]) -> Vec<Finder> {
        ProbeFinder::grouped(words)
            .into_iter()
            .map(Finder::Probe)
            .collect()
    }

    /// The first match at or after `from`: (start, end).
    pub(super) fn find(&self, text: &str, from: usize) -> Option<(usize, usize)> {
        match self {
            Finder::Probe(f) => f.find(text, from),
            Finder::Teddy(t) => t.find(text.as_bytes(), from),
        }
    }
}

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
