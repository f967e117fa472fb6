//! Bytes → text. Detects the encoding (BOM, UTF-16 without BOM, UTF-8, else
//! GB18030) and refuses binary files with a reason. The legacy decoder is
//! passed in: encoding_rs natively, the browser's TextDecoder in the web app,
//! so the wasm ships no encoding tables.

/// Size caps, configurable by the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input file, in bytes.
    pub max_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 64 * 1024 * 1024,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "gb18030".
    pub encoding: &'static str,
    /// Some bytes could not be decoded and were replaced by U+FFFD.
    pub lossy: bool,
}

/// Why a file cannot be read. The message is for the user (Chinese first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub message: String,
    pub message_en: String,
}

impl LoadError {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        LoadError {
            message: zh.into(),
            message_en: en.into(),
        }
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}（{}）", self.message, self.message_en)
    }
}

/// A decoder for legacy Chinese encodings: bytes → (text, had errors).
pub type LegacyDecoder<'a> = &'a dyn Fn(&[u8]) -> (String, bool);

/// What a file's first bytes say it is, when that is not text.
pub fn sniff_binary(bytes: &[u8]) -> Option<LoadError> {
    let starts = |m: &[u8]| bytes.starts_with(m);
    if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Some(LoadError::new(
            "这是旧版 Word（.doc/.wps）或加密的文档，无法直接读取：请用 Word/WPS 另存为 .docx 后再打开",
            "legacy Word/WPS or encrypted document: save it as .docx and open that",
        ));
    }
    if starts(b"%PDF") {
        return Some(LoadError::new(
            "这是 PDF 文件，无法直接读取：请用 Word/WPS 另存为 .docx，或复制文字粘贴进来",
            "PDF file: save it as .docx, or copy the text and paste it",
        ));
    }
    let kinds: [(&[u8], &str); 6] = [
        (b"\x89PNG", "PNG 图片"),
        (b"\xFF\xD8\xFF", "JPEG 图片"),
        (b"GIF8", "GIF 图片"),
        (b"PK\x03\x04", "压缩包（zip）"),
        (b"Rar!", "压缩包（rar）"),
        (b"\x7FELF", "程序文件"),
    ];
    for (magic, what) in kinds {
        if starts(magic) {
            return Some(LoadError::new(
                format!("这是{what}，不是文本文件"),
                "a binary file, not text",
            ));
        }
    }
    None
}

fn utf16_without_bom(bytes: &[u8]) -> Option<&'static str> {
    if bytes.len() < 4 || bytes.len() % 2 != 0 {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    // ASCII-heavy UTF-16 has a zero in every other byte. CJK UTF-16 has few
    // zeros; recognise it by valid surrogate-free decoding of CJK ranges.
    if odd_zero * 10 >= pairs * 3 && even_zero * 10 < pairs {
        return Some("utf-16le");
    }
    if even_zero * 10 >= pairs * 3 && odd_zero * 10 < pairs {
        return Some("utf-16be");
    }
    if std::str::from_utf8(bytes).is_ok() {
        return None;
    }
    let cjk = |le: bool| {
        sample
            .chunks_exact(2)
            .filter(|c| {
                let u = if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                };
                (0x4E00..=0x9FFF).contains(&u)
                    || (0x3000..=0x303F).contains(&u)
                    || (0xFF00..=0xFFEF).contains(&u)
                    || u == 0x0A
                    || u == 0x0D
            })
            .count()
    };
    let (le, be) = (cjk(true), cjk(false));
    if le * 10 >= pairs * 8 {
        Some("utf-16le")
    } else if be * 10 >= pairs * 8 {
        Some("utf-16be")
    } else {
        None
    }
}

fn decode_utf16(bytes: &[u8], le: bool) -> (String, bool) {
    let units = bytes.chunks_exact(2).map(|c| {
        if le {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    let mut lossy = bytes.len() % 2 != 0;
    let text: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                lossy = true;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    (text, lossy)
}

/// Decodes a text file. Binary files, and text with NUL bytes, are refused.
pub fn decode(bytes: &[u8], legacy: LegacyDecoder, limits: &Limits) -> Result<Decoded, LoadError> {
    if bytes.len() > limits.max_bytes {
        return Err(LoadError::new(
            format!(
                "文件太大（{} MB），上限是 {} MB",
                bytes.len() / (1024 * 1024),
                limits.max_bytes / (1024 * 1024)
            ),
            format!(
                "file too large ({} MB); the limit is {} MB",
                bytes.len() / (1024 * 1024),
                limits.max_bytes / (1024 * 1024)
            ),
        ));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let (text, lossy) = utf8_lossy(rest);
        return finish(text, "utf-8-bom", lossy);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let (text, lossy) = decode_utf16(rest, true);
        return finish(text, "utf-16le", lossy);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let (text, lossy) = decode_utf16(rest, false);
        return finish(text, "utf-16be", lossy);
    }
    if let Some(err) = sniff_binary(bytes) {
        return Err(err);
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, lossy) = decode_utf16(bytes, enc == "utf-16le");
        return finish(text, enc, lossy);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return finish(text.to_string(), "utf-8", false);
    }
    // Not UTF-8: GB18030 (a superset of GBK) when it decodes cleanly, else
    // UTF-8 with replacement characters, whichever loses less.
    let (gb, gb_errors) = legacy(bytes);
    if !gb_errors {
        return finish(gb, "gb18030", false);
    }
    let (text, _) = utf8_lossy(bytes);
    finish(text, "utf-8", true)
}

fn utf8_lossy(bytes: &[u8]) -> (String, bool) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), false),
        Err(_) => (String::from_utf8_lossy(bytes).into_owned(), true),
    }
}

fn finish(text: String, encoding: &'static str, lossy: bool) -> Result<Decoded, LoadError> {
    let nul = text.bytes().filter(|&b| b == 0).count();
    let control = text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    let total = text.chars().count().max(1);
    if nul > 0 && (nul * 20 >= total || text.trim_matches('\0').is_empty()) || control * 10 > total
    {
        return Err(LoadError::new(
            "文件含有大量不可见的二进制字节（NUL 等），不是文本文件",
            "the file holds binary bytes (NUL and other control characters); it is not a text file",
        ));
    }
    let lossy = lossy || text.contains(char::REPLACEMENT_CHARACTER) && encoding != "utf-8";
    // A few stray NULs are dropped rather than refusing the whole file.
    let text = if nul > 0 {
        text.replace('\0', "")
    } else {
        text
    };
    Ok(Decoded {
        text,
        encoding,
        lossy: lossy || nul > 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_legacy(b: &[u8]) -> (String, bool) {
        (String::from_utf8_lossy(b).into_owned(), true)
    }

    #[test]
    fn boms_and_utf16() {
        let l = Limits::default();
        assert_eq!(
            decode(b"\xEF\xBB\xBFabc", &no_legacy, &l).unwrap().text,
            "abc"
        );
        let le: Vec<u8> = "一、基本情况\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let d = decode(&le, &no_legacy, &l).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("一、基本情况\n", "utf-16le")
        );
        let be: Vec<u8> = "一、基本情况\n"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(decode(&be, &no_legacy, &l).unwrap().encoding, "utf-16be");
    }

    #[test]
    fn refuses_binary_with_reason() {
        let l = Limits::default();
        assert!(decode(b"\x89PNG\r\n\x1a\n\0\0", &no_legacy, &l)
            .unwrap_err()
            .message
            .contains("PNG"));
        assert!(decode(&[0u8; 100], &no_legacy, &l).is_err());
        assert!(decode(b"%PDF-1.7", &no_legacy, &l)
            .unwrap_err()
            .message
            .contains(".docx"));
        let small = Limits { max_bytes: 3 };
        assert!(decode(b"abcd", &no_legacy, &small)
            .unwrap_err()
            .message
            .contains("太大"));
    }
}
