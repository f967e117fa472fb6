//! A Teddy-style prefilter for the web build's seeds.
//!
//! The web build has no aho-corasick, and a memchr search for one byte of
//! a Chinese character stops every few characters: a continuation byte
//! such as 0x89 (of ）) ends about one ideograph in 32. Teddy instead looks
//! at the first three bytes of every word at once, 16 positions a step:
//! each byte is split into its two nibbles, each nibble looks up a 16-entry
//! table of bucket bits, and a position is a candidate only if all six
//! lookups agree on a bucket. With at most 8 words (one per bucket) that
//! is exact for three-byte characters, so the scan stops only at matches.
//!
//! With WebAssembly SIMD the lookups are `i8x16.swizzle`; elsewhere (the
//! native `lite-regex` test build) the same tables are read byte by byte,
//! so the tests check the same algorithm.

/// Words of at least three bytes, found leftmost first (at one start, the
/// earliest word in list order).
pub struct Teddy {
    words: Vec<Box<[u8]>>,
    /// Word indices per bucket, in list order.
    buckets: [Vec<u32>; 8],
    /// Per fingerprint byte: bucket bits by low nibble, then by high nibble.
    lo: [[u8; 16]; FINGERPRINT],
    hi: [[u8; 16]; FINGERPRINT],
}

/// Bytes of each word compared by the tables.
const FINGERPRINT: usize = 3;
const BLOCK: usize = 16;

impl Teddy {
    /// None when a word is shorter than the fingerprint or there are none.
    pub fn new<W: AsRef<[u8]>>(words: &[W]) -> Option<Teddy> {
        if words.is_empty() || words.iter().any(|w| w.as_ref().len() < FINGERPRINT) {
            return None;
        }
        let mut t = Teddy {
            words: words.iter().map(|w| Box::from(w.as_ref())).collect(),
            buckets: Default::default(),
            lo: [[0; 16]; FINGERPRINT],
            hi: [[0; 16]; FINGERPRINT],
        };
        for (id, w) in words.iter().enumerate() {
            let bucket = id % 8;
            let bit = 1u8 << bucket;
            for (k, &b) in w.as_ref().iter().take(FINGERPRINT).enumerate() {
                t.lo[k][usize::from(b & 0x0F)] |= bit;
                t.hi[k][usize::from(b >> 4)] |= bit;
            }
            t.buckets[bucket].push(id as u32);
        }
        Some(t)
    }

    /// Bucket bits for a word starting at `s` (needs `s + 3 <= len`).
    fn bits_at(&self, hay: &[u8], s: usize) -> u8 {
        let mut bits = 0xFF;
        for k in 0..FINGERPRINT {
            let b = hay.get(s + k).copied().unwrap_or(0);
            bits &= self.lo[k][usize::from(b & 0x0F)] & self.hi[k][usize::from(b >> 4)];
        }
        bits
    }

    /// The first word of the candidate buckets `bits` that starts at `s`.
    fn verify(&self, hay: &[u8], s: usize, bits: u8) -> Option<(usize, usize)> {
        let mut best: Option<u32> = None;
        for (b, ids) in self.buckets.iter().enumerate() {
            if bits >> b & 1 == 0 {
                continue;
            }
            // Bucket lists are in list order: the first that fits is the
            // bucket's best.
            if let Some(&id) = ids.iter().find(|&&id| {
                let w = &self.words[id as usize];
                hay.get(s..s + w.len()) == Some(&w[..])
            }) {
                best = Some(best.map_or(id, |x| x.min(id)));
            }
        }
        best.map(|id| (s, s + self.words[id as usize].len()))
    }

    /// The first match at or after `from`: (start, end).
    pub fn find(&self, hay: &[u8], from: usize) -> Option<(usize, usize)> {
        let mut i = from;
        // A block reads 16 + 2 bytes from its start.
        while i + BLOCK + FINGERPRINT - 1 <= hay.len() {
            if let Some(block) = self.block(hay, i) {
                for (j, &bits) in block.iter().enumerate() {
                    if bits != 0 {
                        if let Some(m) = self.verify(hay, i + j, bits) {
                            return Some(m);
                        }
                    }
                }
            }
            i += BLOCK;
        }
        while i + FINGERPRINT <= hay.len() {
            let bits = self.bits_at(hay, i);
            if bits != 0 {
                if let Some(m) = self.verify(hay, i, bits) {
                    return Some(m);
                }
            }
            i += 1;
        }
        None
    }

    /// Bucket bits for the 16 starts from `i` (bytes `i .. i + 18` must
    /// exist), or None when there is no candidate.
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    fn block(&self, hay: &[u8], i: usize) -> Option<[u8; BLOCK]> {
        use core::arch::wasm32::*;
        let window = hay.get(i..i + BLOCK + FINGERPRINT - 1)?;
        let nibble = u8x16_splat(0x0F);
        let mut acc = u8x16_splat(0xFF);
        for k in 0..FINGERPRINT {
            let bytes: &[u8; BLOCK] = window.get(k..k + BLOCK)?.try_into().ok()?;
            // SAFETY: `bytes` is 16 readable bytes; v128 loads need no alignment.
            let v = unsafe { v128_load(bytes.as_ptr().cast::<v128>()) };
            // SAFETY: as above, the tables are 16 bytes each.
            let (lo, hi) = unsafe {
                (
                    v128_load(self.lo[k].as_ptr().cast::<v128>()),
                    v128_load(self.hi[k].as_ptr().cast::<v128>()),
                )
            };
            let hits = v128_and(
                u8x16_swizzle(lo, v128_and(v, nibble)),
                u8x16_swizzle(hi, u8x16_shr(v, 4)),
            );
            acc = v128_and(acc, hits);
        }
        if !v128_any_true(acc) {
            return None;
        }
        let mut out = [0u8; BLOCK];
        // SAFETY: `out` is 16 writable bytes.
        unsafe { v128_store(out.as_mut_ptr().cast::<v128>(), acc) };
        Some(out)
    }

    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    fn block(&self, hay: &[u8], i: usize) -> Option<[u8; BLOCK]> {
        let mut out = [0u8; BLOCK];
        let mut any = 0;
        for (j, slot) in out.iter_mut().enumerate() {
            *slot = self.bits_at(hay, i + j);
            any |= *slot;
        }
        (any != 0).then_some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brute(words: &[&str], text: &str, from: usize) -> Option<(usize, usize)> {
        (from..text.len()).find_map(|s| {
            words
                .iter()
                .find(|w| text.as_bytes()[s..].starts_with(w.as_bytes()))
                .map(|w| (s, s + w.len()))
        })
    }

    #[test]
    fn finds_like_a_brute_force_search() {
        // Up to 8 words are one per bucket; more share buckets.
        let lists: [&[&str]; 4] = [
            &["年"],
            &["〕", "］", "】", "）", "年"],
            &["下载文档", "下载", "载文", "文", "😀", "年末"],
            &[
                "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "一二",
            ],
        ];
        let alphabet = [
            "下", "载", "文", "档", "年", "末", "）", "）", "】", "一", "二", "十", "千", "😀",
            "a", "，", "\n",
        ];
        let mut seed = 3u64;
        for words in lists {
            let teddy = Teddy::new(words).unwrap();
            for len in [0, 1, 2, 5, 6, 7, 11, 17, 40, 90] {
                let text: String = (0..len)
                    .map(|_| {
                        seed = seed
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1442695040888963407);
                        alphabet[(seed >> 33) as usize % alphabet.len()]
                    })
                    .collect();
                for from in 0..=text.len() {
                    assert_eq!(
                        teddy.find(text.as_bytes(), from),
                        brute(words, &text, from),
                        "{words:?} {text} {from}"
                    );
                }
            }
        }
    }

    #[test]
    fn short_words_are_refused() {
        assert!(Teddy::new(&["ab"]).is_none());
        assert!(Teddy::new::<&str>(&[]).is_none());
        assert!(Teddy::new(&["abc", "×"]).is_none());
    }
}
