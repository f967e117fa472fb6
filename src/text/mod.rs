//! The text layer, at the bottom of the crate: UTF-8 stepping, character
//! classes, and the literal searchers (seeds, word lists) that keep the
//! regexes off most of the text. It knows nothing of documents or rules;
//! everything above (document, numbers, sections, profile, rules) uses it.

pub mod class;
pub mod lexicon;
pub mod seeds;
#[cfg(feature = "lite-regex")]
pub mod teddy;
pub mod utf8;
pub mod words;

/// `len` pieces of `alphabet` drawn by a fixed generator (for the
/// searchers' tests against aho-corasick and brute force).
#[cfg(test)]
pub(crate) fn random_text(seed: &mut u64, alphabet: &[&str], len: usize) -> String {
    let mut text = String::new();
    for _ in 0..len {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        text.push_str(alphabet[(*seed >> 33) as usize % alphabet.len()]);
    }
    text
}
