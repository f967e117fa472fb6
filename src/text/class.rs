//! Character classes.

/// A Han character: CJK unified ideographs, extension A, the compatibility
/// ideographs, extensions B and beyond (to the compatibility supplement),
/// and 〇.
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
        || c == '〇'
}

/// Full-width (Chinese) punctuation: CJK symbols, full-width forms, and the
/// curly quotes, dashes and ellipsis Chinese text uses.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c as u32, 0x3001..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
        || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

/// A character that marks its surroundings as Chinese text.
pub fn is_zh(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

/// Clause or sentence punctuation, full- or half-width.
pub fn is_clause_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '：' | '！' | '？' | '、' | ',' | ';' | ':' | '!' | '?'
    )
}

/// Closing quotes and brackets.
pub fn is_closing(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '》' | '〉' | '）' | '】' | '〕' | '」' | '』' | ')' | ']'
    )
}

/// A letter, digit or Han character: what `char::is_alphanumeric` answers
/// for report text, without pulling Unicode's alphabetic tables into the
/// download (ASCII, full-width forms, Han and 〇).
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c as u32, 0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A)
        || is_han(c)
        // Latin with diacritics, Greek, Cyrillic.
        || matches!(c as u32, 0xC0..=0x24F | 0x370..=0x3FF | 0x400..=0x4FF) && c != '×' && c != '÷'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_han('政') && is_han('〇') && !is_han('，'));
        assert!(is_cjk_punct('，') && is_cjk_punct('“') && is_cjk_punct('《'));
        assert!(!is_cjk_punct(',') && !is_cjk_punct('a'));
    }
}
