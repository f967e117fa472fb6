//! Stepping through UTF-8 by bytes. The hot walks over every character of
//! a long text use these instead of `chars()`: in the web build (opt-level
//! "z") a `chars()` step is an out-of-line call.

/// Byte length of the UTF-8 character led by `b`.
#[inline(always)]
pub fn utf8_len(b: u8) -> usize {
    match b {
        0..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xFF => 4,
        // A continuation byte (never at a character boundary).
        _ => 1,
    }
}

/// The character starting at byte `i` of valid UTF-8, and its length.
/// A hand decoder, always inlined: in the web build (opt-level "z") a
/// `chars()` step is an out-of-line call, which dominates a walk over
/// every character of a long text.
#[inline(always)]
pub fn decode_at(bytes: &[u8], i: usize) -> Option<(char, usize)> {
    let lead = *bytes.get(i)?;
    if lead.is_ascii() {
        return Some((char::from(lead), 1));
    }
    let len = utf8_len(lead);
    let rest = bytes.get(i + 1..i + len)?;
    // The lead byte's payload: 5, 4 or 3 bits for 2, 3 or 4 bytes.
    let init = u32::from(lead & (0x7f >> len));
    let code = rest.iter().fold(init, |c, &b| c << 6 | u32::from(b & 0x3f));
    Some((char::from_u32(code)?, len))
}

/// The character at byte `i` if it may be punctuation: ASCII, or a
/// three-byte character led by E2 (general punctuation: “ ” … —), E3 (CJK
/// symbols: 、。「」 and the ideographic space) or EF (full-width forms:
/// ，；：！？（）). Other characters are None without being decoded.
#[inline(always)]
pub fn punct_at(bytes: &[u8], i: usize) -> Option<char> {
    let b = *bytes.get(i)?;
    if b < 0x80 {
        return Some(char::from(b));
    }
    if !matches!(b, 0xE2 | 0xE3 | 0xEF) {
        return None;
    }
    let (b1, b2) = (*bytes.get(i + 1)?, *bytes.get(i + 2)?);
    char::from_u32(u32::from(b & 0x0F) << 12 | u32::from(b1 & 0x3F) << 6 | u32::from(b2 & 0x3F))
}

/// The character just before byte offset `pos` (None at the start or when
/// `pos` is not a char boundary).
#[inline(always)]
pub fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// The character at byte offset `pos`.
#[inline(always)]
pub fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// The characters of `text[from..]` that start with one of three lead
/// bytes, with their offsets. Only a character's first byte can be ASCII
/// or 0xC0 and above, so every hit starts a character. The CJK punctuation
/// starts with E2 (“”‘’…), E3 (、。《》【】) or EF (，：；（）？！), the
/// ideographs with E4–E9: visiting only the marks this way skips the text
/// between them with memchr's vectorised search instead of decoding
/// every character.
pub fn chars_led_by(
    text: &str,
    from: usize,
    leads: [u8; 3],
) -> impl Iterator<Item = (usize, char)> + '_ {
    let [a, b, c] = leads;
    let tail = text.as_bytes().get(from..).unwrap_or_default();
    memchr::memchr3_iter(a, b, c, tail)
        .filter_map(move |i| Some((from + i, char_at(text, from + i)?)))
}

/// The text after `pos`, or "".
pub fn rest(text: &str, pos: usize) -> &str {
    text.get(pos..).unwrap_or("")
}

/// The text before `pos`, or "".
pub fn head(text: &str, pos: usize) -> &str {
    text.get(..pos).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_like_char_indices() {
        let text = "a£政，𠀀\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}z";
        let mut got = Vec::new();
        let mut i = 0;
        while let Some((c, len)) = decode_at(text.as_bytes(), i) {
            got.push((i, c));
            i += len;
        }
        assert_eq!(got, text.char_indices().collect::<Vec<_>>());
        assert_eq!(decode_at(b"\xe6\x94", 0), None, "truncated");
        let marks: Vec<(usize, char)> =
            chars_led_by("政（一）“是”", 3, [0xe2, 0xe3, 0xef]).collect();
        assert_eq!(marks, vec![(3, '（'), (9, '）'), (12, '“'), (18, '”')]);
    }
}
