//! The word lexicon and the confusion sets: generated data (`words.bin`,
//! by `gen/gen.py` from pinned jieba, pypinyin and pycorrector data) and
//! its loader.
//!
//! The tables are compact and sorted or hashed on packed keys, never a map
//! of strings: a character is an index (`u16`), a word of 2–4 characters
//! one `u64` of indices + 1 (16 bits each, the unused lanes 0). Two tables
//! answer the questions of the typo scanner ([`scan`]) in one probe each:
//! - `words`: is this window a word, and how frequent;
//! - `blanks`: for a window with one position blanked, which characters
//!   fill it to make a frequent word (built at load, for every word and
//!   every position) — so a window is checked by one look-up per position
//!   and a test of each filler against the confusion set of the character
//!   it would replace, not by trying every look-alike of every character.

pub mod scan;

use std::sync::Arc;

/// The generated data, for the native build (the web build fetches it as
/// a separate asset and must not carry it).
#[cfg(not(target_arch = "wasm32"))]
pub const WORDS_BIN: &[u8] = include_bytes!("words.bin");

/// A confusion between two characters: how they are alike. The same
/// syllable in the same tone:
pub const SOUND: u8 = 1;
/// A similar shape (pycorrector's same_stroke).
pub const SHAPE: u8 = 2;
/// A shape an OCR engine misreads (千/干, 己/已, 末/未).
pub const OCR: u8 = 4;
/// The same syllable in another tone (按/安).
pub const SYLLABLE: u8 = 8;

/// How much more probable (natural log) than the pieces it replaces a
/// correction must be, beyond the base, for this kind of likeness: the
/// looser the likeness, the more evidence it needs.
pub fn extra_gain(kind: u8) -> f32 {
    if kind & OCR != 0 {
        -2.0
    } else if kind & SOUND != 0 {
        0.0
    } else if kind & SYLLABLE != 0 {
        1.5
    } else {
        4.0
    }
}

/// Frequency classes are `ln(frequency) * 16`: a correction must be a word
/// at least this frequent (about 60 in jieba's counts).
pub const MIN_TARGET_CLASS: u8 = 66;

/// The lane value of a blanked position in a key.
const BLANK: u64 = 0xFFFF;

/// The lexicon, parsed and indexed.
pub struct Lexicon {
    /// Code points, sorted; a character's index is its position.
    chars: Vec<char>,
    /// The frequency class of each character as a word of its own.
    char_freq: Vec<u8>,
    /// U+4E00..=U+9FFF → index + 1 (0: not in the lexicon).
    uro: Vec<u16>,
    words: Table,
    /// Established variant forms (异形词).
    variants: Table,
    /// Blanked key → index into `ranges`.
    blanks: Table,
    /// (start, end) into `fillers`.
    ranges: Vec<(u32, u32)>,
    /// (character index, frequency class of the word it makes).
    fillers: Vec<(u16, u8)>,
    /// CSR: the confusables of character k are `conf[conf_off[k]..conf_off[k + 1]]`,
    /// sorted by index.
    conf_off: Vec<u32>,
    conf: Vec<(u16, u8)>,
    /// Bits over hashed character pairs: the two-character words, and the
    /// first two characters of the longer words. They fit in the cache,
    /// and turn away most pieces of text before a probe of `words`.
    pair_word: Bits,
    pair_prefix: Bits,
}

/// A set of hashed character pairs (false positives possible, no false
/// negatives).
struct Bits(Vec<u64>);

const PAIR_BITS: u32 = 21;

impl Bits {
    fn new() -> Bits {
        Bits(vec![0; 1 << (PAIR_BITS - 6)])
    }
    fn hash(a: u16, b: u16) -> usize {
        ((u64::from(a) << 16 | u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            >> (64 - PAIR_BITS)) as usize
    }
    fn set(&mut self, a: u16, b: u16) {
        let h = Self::hash(a, b);
        if let Some(w) = self.0.get_mut(h >> 6) {
            *w |= 1 << (h & 63);
        }
    }
    fn has(&self, a: u16, b: u16) -> bool {
        let h = Self::hash(a, b);
        self.0.get(h >> 6).is_some_and(|w| w >> (h & 63) & 1 == 1)
    }
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Lexicon({} chars, {} words, {} pairs)",
            self.chars.len(),
            self.words.len,
            self.conf.len() / 2
        )
    }
}

/// An open-addressing hash table from non-zero `u64` keys to `u32` values.
struct Table {
    keys: Vec<u64>,
    vals: Vec<u32>,
    shift: u32,
    len: usize,
}

impl Table {
    fn with_capacity(n: usize) -> Table {
        // At most half full: a miss ends within a probe or two.
        let size = (n * 2).next_power_of_two().max(16);
        Table {
            keys: vec![0; size],
            vals: vec![0; size],
            shift: 64 - size.trailing_zeros(),
            len: 0,
        }
    }

    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// Inserts or replaces; returns the previous value.
    fn insert(&mut self, key: u64, val: u32) -> Option<u32> {
        let mask = self.keys.len() - 1;
        let mut s = self.slot(key);
        loop {
            match self.keys[s] {
                0 => {
                    self.keys[s] = key;
                    self.vals[s] = val;
                    self.len += 1;
                    return None;
                }
                k if k == key => return Some(std::mem::replace(&mut self.vals[s], val)),
                _ => s = (s + 1) & mask,
            }
        }
    }

    fn get(&self, key: u64) -> Option<u32> {
        let mask = self.keys.len() - 1;
        let mut s = self.slot(key);
        loop {
            match self.keys.get(s) {
                Some(0) | None => return None,
                Some(&k) if k == key => return self.vals.get(s).copied(),
                _ => s = (s + 1) & mask,
            }
        }
    }
}

/// Why words.bin could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLexicon(pub &'static str);

impl std::fmt::Display for BadLexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "词库数据无法读取（{}）/ bad lexicon data", self.0)
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn bytes(&mut self, n: usize) -> Result<&[u8], BadLexicon> {
        let s = self
            .b
            .get(self.at..self.at + n)
            .ok_or(BadLexicon("truncated"))?;
        self.at += n;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, BadLexicon> {
        Ok(self.bytes(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, BadLexicon> {
        let s = self.bytes(2)?;
        Ok(u16::from_le_bytes([s[0], s[1]]))
    }
    fn u32(&mut self) -> Result<u32, BadLexicon> {
        let s = self.bytes(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
}

/// Packs character indices into a key (index + 1 per lane).
pub fn pack(ids: &[u16]) -> u64 {
    ids.iter()
        .enumerate()
        .fold(0u64, |k, (i, &c)| k | (u64::from(c) + 1) << (16 * i))
}

/// The key with lane `i` blanked.
fn blanked(key: u64, i: usize) -> u64 {
    key & !(0xFFFF << (16 * i)) | BLANK << (16 * i)
}

impl Lexicon {
    /// The embedded data, parsed once per process (native build).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn embedded() -> Arc<Lexicon> {
        static ONCE: std::sync::OnceLock<Arc<Lexicon>> = std::sync::OnceLock::new();
        Arc::clone(ONCE.get_or_init(|| {
            Arc::new(Lexicon::parse(WORDS_BIN).expect("the embedded words.bin is valid"))
        }))
    }

    /// Parses words.bin (format: see `gen/gen.py`).
    pub fn parse(bytes: &[u8]) -> Result<Lexicon, BadLexicon> {
        let mut r = Reader { b: bytes, at: 0 };
        if r.bytes(4)? != b"DCW1" {
            return Err(BadLexicon("not DCW1"));
        }
        let n_chars = r.u32()? as usize;
        if n_chars >= 0xFFFF {
            return Err(BadLexicon("too many characters"));
        }
        let mut chars = Vec::with_capacity(n_chars);
        let mut char_freq = Vec::with_capacity(n_chars);
        let mut uro = vec![0u16; 0x9FFF - 0x4E00 + 1];
        for k in 0..n_chars {
            let c = char::from_u32(r.u32()?).ok_or(BadLexicon("bad character"))?;
            if chars.last().is_some_and(|&p| p >= c) {
                return Err(BadLexicon("characters not sorted"));
            }
            if let Some(slot) = (c as usize)
                .checked_sub(0x4E00)
                .and_then(|i| uro.get_mut(i))
            {
                *slot = k as u16 + 1;
            }
            chars.push(c);
            char_freq.push(r.u8()?);
        }
        let n_words = r.u32()? as usize;
        let mut words = Table::with_capacity(n_words);
        let mut blank_entries: Vec<(u64, u16, u8)> = Vec::new();
        let mut ids = [0u16; 4];
        let mut pair_word = Bits::new();
        let mut pair_prefix = Bits::new();
        for _ in 0..n_words {
            let len = r.u8()? as usize;
            let freq = r.u8()?;
            if !(2..=4).contains(&len) {
                return Err(BadLexicon("word length"));
            }
            for id in ids.iter_mut().take(len) {
                *id = r.u16()?;
                if *id as usize >= n_chars {
                    return Err(BadLexicon("character index"));
                }
            }
            let key = pack(&ids[..len]);
            words.insert(key, u32::from(freq));
            if len == 2 {
                pair_word.set(ids[0], ids[1]);
            } else {
                pair_prefix.set(ids[0], ids[1]);
            }
            if freq >= MIN_TARGET_CLASS {
                for (i, &id) in ids.iter().enumerate().take(len) {
                    blank_entries.push((blanked(key, i), id, freq));
                }
            }
        }
        let n_pairs = r.u32()? as usize;
        let mut pairs: Vec<(u16, u16, u8)> = Vec::with_capacity(n_pairs * 2);
        for _ in 0..n_pairs {
            let (a, b, kind) = (r.u16()?, r.u16()?, r.u8()?);
            if a as usize >= n_chars || b as usize >= n_chars {
                return Err(BadLexicon("pair index"));
            }
            pairs.push((a, b, kind));
            pairs.push((b, a, kind));
        }
        let n_variants = r.u32()? as usize;
        let mut variants = Table::with_capacity(n_variants);
        for _ in 0..n_variants {
            let len = r.u8()? as usize;
            if !(1..=4).contains(&len) {
                return Err(BadLexicon("variant length"));
            }
            for id in ids.iter_mut().take(len) {
                *id = r.u16()?;
            }
            variants.insert(pack(&ids[..len]), 1);
        }
        if r.at != bytes.len() {
            return Err(BadLexicon("trailing bytes"));
        }
        // The crate's one sort (src/sort.rs), not another copy of std's.
        crate::sort::sort_by(&mut pairs, |&(a, b, kind)| {
            crate::sort::key3(a.into(), b.into(), kind.into())
        });
        let mut conf_off = vec![0u32; n_chars + 1];
        for &(a, _, _) in &pairs {
            conf_off[a as usize + 1] += 1;
        }
        for k in 0..n_chars {
            conf_off[k + 1] += conf_off[k];
        }
        let conf = pairs.iter().map(|&(_, b, kind)| (b, kind)).collect();

        crate::sort::sort_by(&mut blank_entries, |&(k, id, freq)| {
            u128::from(k) << 24 | u128::from(id) << 8 | u128::from(freq)
        });
        let unique = blank_entries
            .windows(2)
            .filter(|w| w[0].0 != w[1].0)
            .count()
            + 1;
        let mut blanks = Table::with_capacity(unique);
        let mut ranges = Vec::new();
        let mut fillers = Vec::with_capacity(blank_entries.len());
        let mut i = 0;
        while i < blank_entries.len() {
            let key = blank_entries[i].0;
            let start = fillers.len() as u32;
            while i < blank_entries.len() && blank_entries[i].0 == key {
                fillers.push((blank_entries[i].1, blank_entries[i].2));
                i += 1;
            }
            blanks.insert(key, ranges.len() as u32);
            ranges.push((start, fillers.len() as u32));
        }
        Ok(Lexicon {
            chars,
            char_freq,
            uro,
            words,
            variants,
            blanks,
            ranges,
            fillers,
            conf_off,
            conf,
            pair_word,
            pair_prefix,
        })
    }

    /// The index of a character, if the lexicon knows it.
    pub fn id(&self, c: char) -> Option<u16> {
        match (c as usize)
            .checked_sub(0x4E00)
            .and_then(|i| self.uro.get(i))
        {
            Some(&0) => None,
            Some(&k) => Some(k - 1),
            None => self.chars.binary_search(&c).ok().map(|k| k as u16),
        }
    }

    pub fn char(&self, id: u16) -> char {
        self.chars.get(id as usize).copied().unwrap_or('\u{FFFD}')
    }

    /// The frequency class of a character on its own (0 if unknown).
    pub fn char_class(&self, id: u16) -> u8 {
        self.char_freq.get(id as usize).copied().unwrap_or(0)
    }

    /// The frequency class of the word of these characters, if it is one.
    pub fn word_class(&self, ids: &[u16]) -> Option<u8> {
        let (&a, &b) = (ids.first()?, ids.get(1)?);
        let maybe = match ids.len() {
            2 => self.pair_word.has(a, b),
            3 | 4 => self.pair_prefix.has(a, b),
            _ => false,
        };
        if !maybe {
            return None;
        }
        self.words.get(pack(ids)).map(|f| f as u8)
    }

    /// The frequency class of a word given as text.
    pub fn word_class_of(&self, word: &str) -> Option<u8> {
        let ids: Option<Vec<u16>> = word.chars().map(|c| self.id(c)).collect();
        self.word_class(&ids?)
    }

    /// Whether the characters are an established variant form (异形词).
    pub fn is_variant(&self, ids: &[u16]) -> bool {
        ids.len() <= 4 && self.variants.get(pack(ids)).is_some()
    }

    /// The characters that, put at position `i` of `ids`, make a word
    /// frequent enough to be a correction, with its frequency class.
    pub fn fillers(&self, ids: &[u16], i: usize) -> &[(u16, u8)] {
        if !(2..=4).contains(&ids.len()) || i >= ids.len() {
            return &[];
        }
        let key = blanked(pack(ids), i);
        self.blanks
            .get(key)
            .and_then(|r| self.ranges.get(r as usize))
            .and_then(|&(s, e)| self.fillers.get(s as usize..e as usize))
            .unwrap_or(&[])
    }

    /// How `a` and `b` are alike (bits [`SOUND`], [`SHAPE`], [`OCR`],
    /// [`SYLLABLE`]; 0: not).
    pub fn confusion(&self, a: u16, b: u16) -> u8 {
        let (Some(&s), Some(&e)) = (
            self.conf_off.get(a as usize),
            self.conf_off.get(a as usize + 1),
        ) else {
            return 0;
        };
        let list = self.conf.get(s as usize..e as usize).unwrap_or(&[]);
        list.binary_search_by_key(&b, |&(c, _)| c)
            .ok()
            .and_then(|k| list.get(k))
            .map_or(0, |&(_, kind)| kind)
    }

    /// The characters confusable with character `id`, with their kinds.
    pub fn confusables(&self, id: u16) -> &[(u16, u8)] {
        let (Some(&s), Some(&e)) = (
            self.conf_off.get(id as usize),
            self.conf_off.get(id as usize + 1),
        ) else {
            return &[];
        };
        self.conf.get(s as usize..e as usize).unwrap_or(&[])
    }

    pub fn word_count(&self) -> usize {
        self.words.len
    }
}

/// The lexicon as a setting: shared, compared by identity, not serialised.
#[derive(Clone, Default)]
pub struct Words(pub Option<Arc<Lexicon>>);

impl Words {
    pub fn get(&self) -> Option<&Lexicon> {
        self.0.as_deref()
    }
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Some(l) => l.fmt(f),
            None => f.write_str("no lexicon"),
        }
    }
}

impl PartialEq for Words {
    fn eq(&self, other: &Words) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

impl Eq for Words {}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_data_loads_and_answers() {
        let lex = Lexicon::embedded();
        assert!(lex.word_count() > 100_000);
        let ids = |w: &str| -> Vec<u16> { w.chars().map(|c| lex.id(c).unwrap()).collect() };
        assert!(lex.word_class(&ids("安排")).unwrap() > MIN_TARGET_CLASS);
        assert_eq!(
            lex.word_class(&ids("按排")),
            None,
            "a misspelt jieba entry is dropped"
        );
        assert!(lex.word_class(&ids("贯彻落实")).is_some());
        let an = lex.id('安').unwrap();
        assert!(lex.fillers(&ids("按排"), 0).iter().any(|&(c, _)| c == an));
        assert_ne!(lex.confusion(lex.id('按').unwrap(), an) & SYLLABLE, 0);
        assert_ne!(
            lex.confusion(lex.id('千').unwrap(), lex.id('干').unwrap()) & OCR,
            0
        );
        assert_eq!(
            lex.confusion(lex.id('千').unwrap(), lex.id('政').unwrap()),
            0
        );
        assert!(lex.is_variant(&ids("惟一")));
    }

    #[test]
    fn bad_data_is_refused_not_a_panic() {
        assert!(Lexicon::parse(b"").is_err());
        assert!(Lexicon::parse(b"DCW1\x01\x00\x00").is_err());
        let mut b = WORDS_BIN.to_vec();
        b.truncate(b.len() - 1);
        assert!(Lexicon::parse(&b).is_err());
    }
}
