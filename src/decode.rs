//! Bytes → text. Detects the encoding (BOM, UTF-16 without BOM, UTF-8, else
//! GB18030) and refuses binary files with a reason. The legacy decoder is
//! passed in: encoding_rs natively, the browser's TextDecoder in the web app,
//! so the wasm ships no encoding tables.
//!
//! What is accepted: empty and whitespace-only files (as empty text), UTF-8
//! with or without BOM, UTF-16 LE/BE with or without BOM (odd trailing byte
//! replaced), GBK/GB18030, any line ends (CRLF and CR are kept as they are;
//! the segmenter understands them). A few stray NUL bytes are removed and
//! counted; bytes that decode in no encoding are replaced by U+FFFD and the
//! text is marked lossy, choosing whichever of UTF-8 and GB18030 loses less.
//! Refused with a reason: files whose magic bytes say they are images,
//! archives, PDF, RTF or Office containers, and text that is mostly NUL,
//! control characters or undecodable bytes.

/// Size caps, configurable by the caller. The defaults:
///
/// - `max_bytes`: 64 MB — the largest file read at all (text or .docx);
/// - `max_decompressed`: 64 MB — the most a .docx may decompress to, counting
///   every part read; reading stops as soon as the total passes it, whatever
///   sizes the archive declares;
/// - `max_entries`: 5,000 — the most entries (files) a .docx may hold; Word
///   writes 10–40.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input file, in bytes.
    pub max_bytes: usize,
    /// Largest total size of the decompressed parts of a .docx, in bytes.
    pub max_decompressed: usize,
    /// Most entries a .docx (zip) may hold.
    pub max_entries: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 64 * 1024 * 1024,
            max_decompressed: 64 * 1024 * 1024,
            max_entries: 5_000,
        }
    }
}

/// "3.2 MB", "512 KB", "100 字节/bytes"-free sizes for messages.
pub(crate) fn size(n: usize) -> String {
    const MB: usize = 1024 * 1024;
    if n >= MB {
        let tenths = n / (MB / 10);
        if tenths % 10 == 0 {
            format!("{} MB", tenths / 10)
        } else {
            format!("{}.{} MB", tenths / 10, tenths % 10)
        }
    } else if n >= 1024 {
        format!("{} KB", n / 1024)
    } else {
        format!("{n} B")
    }
}

/// The error for an input over [`Limits::max_bytes`].
pub fn too_large(len: usize, max: usize) -> LoadError {
    LoadError::new(
        format!(
            "文件太大（{}），上限是 {}：请只检查报告正文",
            size(len),
            size(max)
        ),
        format!(
            "file too large ({}); the limit is {}. Check the report text only",
            size(len),
            size(max)
        ),
    )
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "gb18030".
    pub encoding: &'static str,
    /// Some bytes could not be decoded and were replaced by U+FFFD.
    pub lossy: bool,
    /// Stray NUL characters removed from the text.
    pub removed_nul: usize,
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

impl std::error::Error for LoadError {}

/// A decoder for legacy Chinese encodings: bytes → (text, had errors).
/// Undecodable bytes must come back as U+FFFD.
pub type LegacyDecoder<'a> = &'a dyn Fn(&[u8]) -> (String, bool);

/// The message for an OLE compound file (legacy Office, WPS, or an
/// encrypted OOXML file, which Office wraps in the same container).
pub fn ole_error(bytes: &[u8]) -> LoadError {
    let has = |name: &str| {
        let pattern: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        bytes
            .windows(pattern.len())
            .any(|w| w == pattern.as_slice())
    };
    if has("EncryptedPackage") || has("EncryptionInfo") {
        LoadError::new(
            "文件设置了打开密码（已加密），无法读取：请在 Word/WPS 中取消密码后另存为 .docx",
            "the file is password-protected (encrypted); remove the password in Word/WPS and save it as .docx",
        )
    } else if has("Workbook") || has("Book") {
        LoadError::new(
            "这是旧版 Excel 表格（.xls），不是 Word 文档：请把报告另存为 .docx 或复制文字粘贴进来",
            "an old Excel workbook (.xls), not a Word document; save the report as .docx or paste its text",
        )
    } else if has("PowerPoint Document") {
        LoadError::new(
            "这是旧版 PowerPoint 演示文稿（.ppt），不是 Word 文档：请把报告另存为 .docx 或复制文字粘贴进来",
            "an old PowerPoint file (.ppt), not a Word document; save the report as .docx or paste its text",
        )
    } else {
        LoadError::new(
            "这是旧版 Word/WPS 文档（.doc/.wps），无法直接读取：请用 Word/WPS 打开后“另存为” .docx 再检查",
            "a legacy Word/WPS document (.doc/.wps) cannot be read; open it in Word/WPS and save it as .docx",
        )
    }
}

/// What a file's first bytes say it is, when that is not text.
pub fn sniff_binary(bytes: &[u8]) -> Option<LoadError> {
    let starts = |m: &[u8]| bytes.starts_with(m);
    if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Some(ole_error(bytes));
    }
    if starts(b"%PDF") {
        return Some(LoadError::new(
            "这是 PDF 文件，无法直接读取：请用 Word/WPS 另存为 .docx，或复制文字粘贴进来",
            "PDF file: save it as .docx, or copy the text and paste it",
        ));
    }
    if starts(b"{\\rtf") {
        return Some(LoadError::new(
            "这是 RTF 格式文件，无法直接读取：请用 Word/WPS 打开后另存为 .docx",
            "an RTF file; open it in Word/WPS and save it as .docx",
        ));
    }
    let kinds: [(&[u8], &str, &str); 13] = [
        (b"\x89PNG", "PNG 图片", "a PNG image"),
        (b"\xFF\xD8\xFF", "JPEG 图片", "a JPEG image"),
        (b"GIF8", "GIF 图片", "a GIF image"),
        (b"II*\0", "TIFF 图片", "a TIFF image"),
        (b"MM\0*", "TIFF 图片", "a TIFF image"),
        (b"PK\x03\x04", "压缩包（zip）", "a zip archive"),
        (b"PK\x05\x06", "压缩包（zip）", "a zip archive"),
        (b"Rar!", "压缩包（rar）", "a rar archive"),
        (b"7z\xBC\xAF\x27\x1C", "压缩包（7z）", "a 7z archive"),
        (b"\x1F\x8B", "压缩包（gzip）", "a gzip archive"),
        (b"\x7FELF", "程序文件", "a program"),
        (b"MZ\x90\0", "程序文件（exe）", "a program (exe)"),
        (b"\0asm", "程序文件（wasm）", "a program (wasm)"),
    ];
    for (magic, zh, en) in kinds {
        if starts(magic) {
            return Some(LoadError::new(
                format!("这是{zh}，不是文本文件"),
                format!("{en}, not a text file"),
            ));
        }
    }
    None
}

fn unit(bytes: &[u8], le: bool) -> u16 {
    match bytes {
        [a, b, ..] if le => u16::from_le_bytes([*a, *b]),
        [a, b, ..] => u16::from_be_bytes([*a, *b]),
        _ => 0,
    }
}

/// Code units that plain text is made of: ASCII text, CJK, CJK and
/// full-width punctuation, general punctuation.
fn plausible_unit(u: u16) -> bool {
    matches!(u, 0x20..=0x7E | 0x09 | 0x0A | 0x0D)
        || (0x4E00..=0x9FFF).contains(&u)
        || (0x3000..=0x303F).contains(&u)
        || (0xFF00..=0xFFEF).contains(&u)
        || (0x2000..=0x206F).contains(&u)
        || (0x00A0..=0x00FF).contains(&u)
}

fn utf16_without_bom(bytes: &[u8], valid_utf8: bool) -> Option<&'static str> {
    let even_len = bytes.len() & !1;
    if even_len < 4 {
        return None;
    }
    let sample = &bytes[..even_len.min(4096)];
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    // ASCII-heavy UTF-16 has a zero in every other byte.
    if odd_zero * 10 >= pairs * 3 && even_zero * 10 < pairs {
        return Some("utf-16le");
    }
    if even_zero * 10 >= pairs * 3 && odd_zero * 10 < pairs {
        return Some("utf-16be");
    }
    // Valid UTF-8 stays UTF-8: pairs of ASCII letters look like CJK units.
    if valid_utf8 {
        return None;
    }
    // CJK UTF-16 has few zeros: recognise it by most units being text.
    let score = |le: bool| {
        sample
            .chunks_exact(2)
            .filter(|c| plausible_unit(unit(c, le)))
            .count()
    };
    let (le, be) = (score(true), score(false));
    if le * 10 >= pairs * 9 && le > be {
        Some("utf-16le")
    } else if be * 10 >= pairs * 9 && be > le {
        Some("utf-16be")
    } else {
        None
    }
}

fn decode_utf16(bytes: &[u8], le: bool) -> (String, bool) {
    let units = bytes.chunks_exact(2).map(|c| unit(c, le));
    let mut lossy = bytes.len() % 2 != 0;
    let mut text: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                lossy = true;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    if bytes.len() % 2 != 0 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    (text, lossy)
}

/// Decodes a text file. Binary files, and text that is mostly NUL or
/// undecodable bytes, are refused with a reason.
pub fn decode(bytes: &[u8], legacy: LegacyDecoder, limits: &Limits) -> Result<Decoded, LoadError> {
    if bytes.len() > limits.max_bytes {
        return Err(too_large(bytes.len(), limits.max_bytes));
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
    // Validated once: a megabyte of CJK takes a millisecond.
    let utf8 = std::str::from_utf8(bytes).ok();
    if let Some(enc) = utf16_without_bom(bytes, utf8.is_some()) {
        let (text, lossy) = decode_utf16(bytes, enc == "utf-16le");
        return finish(text, enc, lossy);
    }
    if let Some(text) = utf8 {
        return finish(text.to_string(), "utf-8", false);
    }
    // Not UTF-8: GB18030 (a superset of GBK) when it decodes cleanly, else
    // whichever of GB18030 and UTF-8 replaces fewer characters.
    let (gb, gb_errors) = legacy(bytes);
    if !gb_errors {
        return finish(gb, "gb18030", false);
    }
    let (utf8, _) = utf8_lossy(bytes);
    let bad = |s: &str| {
        s.chars()
            .filter(|&c| c == char::REPLACEMENT_CHARACTER)
            .count()
    };
    if bad(&gb) < bad(&utf8) {
        finish(gb, "gb18030", true)
    } else {
        finish(utf8, "utf-8", true)
    }
}

fn utf8_lossy(bytes: &[u8]) -> (String, bool) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), false),
        Err(_) => (String::from_utf8_lossy(bytes).into_owned(), true),
    }
}

fn not_text(zh: &str, en: &str) -> LoadError {
    LoadError::new(
        format!("{zh}，不是文本文件：请确认选对了文件"),
        format!("{en}; it is not a text file. Check that this is the right file"),
    )
}

/// How many characters of a text are NUL, other control characters (but
/// line breaks, tabs and form feeds) and U+FFFD, counted on the UTF-8
/// bytes: each count is a loop the compiler vectorises, where a `chars()`
/// walk took a millisecond a megabyte.
fn census(text: &str, count_replacements: bool) -> (usize, usize, usize, usize) {
    let b = text.as_bytes();
    // Most texts hold no control byte at all: one pass that the compiler
    // vectorises (no early exit inside a chunk) settles it.
    let control_byte = |x: u8| {
        ((x < 0x20) & (x != b'\n') & (x != b'\r') & (x != b'\t') & (x != 0x0C)) | (x == 0x7F)
    };
    let clean = b
        .chunks(256)
        .all(|c| !c.iter().fold(false, |any, &x| any | control_byte(x)));
    let (nul, c0_and_del) = if clean {
        (0, 0)
    } else {
        let nul = count_bytes(b, |x| x == 0);
        (nul, count_bytes(b, control_byte) - nul)
    };
    // U+0080..=U+009F: C2 80..=C2 9F.
    let c1 = memchr::memchr_iter(0xC2, b)
        .filter(|&i| b.get(i + 1).is_some_and(|x| (0x80..=0x9F).contains(x)))
        .count();
    let bad = if count_replacements {
        memchr::memmem::find_iter(b, "\u{FFFD}".as_bytes()).count()
    } else {
        0
    };
    (nul, c0_and_del + c1, bad, text.chars().count())
}

fn count_bytes(b: &[u8], f: impl Fn(u8) -> bool) -> usize {
    b.iter().filter(|&&x| f(x)).count()
}

fn finish(text: String, encoding: &'static str, lossy: bool) -> Result<Decoded, LoadError> {
    let (nul, control, bad, total) = census(&text, lossy);
    if total > 0 && nul == total {
        return Err(not_text(
            "文件内容全是空字节（NUL），没有文字，可能已损坏",
            "the file holds nothing but NUL bytes; it may be damaged",
        ));
    }
    let total = total.max(1);
    if nul * 20 >= total || control * 10 > total {
        return Err(not_text(
            "文件含有大量不可见的二进制字节（NUL 等控制字符）",
            "the file holds binary bytes (NUL and other control characters)",
        ));
    }
    if lossy && bad >= 8 && bad * 4 > total {
        return Err(not_text(
            "文件的大部分字节无法按任何中文编码（UTF-8、UTF-16、GBK/GB18030）解码",
            "most of the file's bytes decode in no Chinese encoding (UTF-8, UTF-16, GBK/GB18030)",
        ));
    }
    // A few stray NULs are dropped rather than refusing the whole file.
    let text = if nul > 0 {
        text.replace('\0', "")
    } else {
        text
    };
    Ok(Decoded {
        text,
        encoding,
        lossy,
        removed_nul: nul,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_legacy(b: &[u8]) -> (String, bool) {
        (String::from_utf8_lossy(b).into_owned(), true)
    }

    /// A stand-in GBK decoder for the few characters the tests use.
    fn tiny_gbk(b: &[u8]) -> (String, bool) {
        let mut out = String::new();
        let mut bad = false;
        let mut i = 0;
        while i < b.len() {
            match b.get(i..i + 2) {
                Some([0xD2, 0xBB]) => out.push('一'),
                Some([0xA1, 0xA2]) => out.push('、'),
                _ if b[i] < 0x80 => {
                    out.push(char::from(b[i]));
                    i += 1;
                    continue;
                }
                _ => {
                    out.push(char::REPLACEMENT_CHARACTER);
                    bad = true;
                    i += 1;
                    continue;
                }
            }
            i += 2;
        }
        (out, bad)
    }

    fn utf16(s: &str, le: bool) -> Vec<u8> {
        s.encode_utf16()
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
            .collect()
    }

    #[test]
    fn census_counts_as_a_walk_over_the_characters_would() {
        let walk = |t: &str| {
            let (mut nul, mut control, mut bad) = (0, 0, 0);
            for c in t.chars() {
                match c {
                    '\0' => nul += 1,
                    '\n' | '\r' | '\t' | '\u{c}' => {}
                    char::REPLACEMENT_CHARACTER => bad += 1,
                    c if c.is_control() => control += 1,
                    _ => {}
                }
            }
            (nul, control, bad, t.chars().count())
        };
        for t in [
            "",
            "一、基本情况\r\n\t（一）\u{c}",
            "a\0b\0\u{1}\u{1f}\u{7f}\u{80}\u{9f}\u{a0}·\u{fffd}\u{fffd}é€𝄞",
            "\u{c2}\u{9f}\u{c3}\u{85}", // characters whose bytes include C2/C3
        ] {
            assert_eq!(census(t, true), walk(t), "{t:?}");
            assert_eq!(census(t, false).2, 0);
        }
    }

    #[test]
    fn boms_and_utf16() {
        let l = Limits::default();
        let d = decode(b"\xEF\xBB\xBFabc", &no_legacy, &l).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("abc", "utf-8-bom"));
        let d = decode(&utf16("一、基本情况\n", true), &no_legacy, &l).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("一、基本情况\n", "utf-16le")
        );
        let d = decode(&utf16("一、基本情况\n", false), &no_legacy, &l).unwrap();
        assert_eq!(d.encoding, "utf-16be");
        // Mixed CJK and ASCII digits without BOM.
        let s = "2023年全县完成投资12.5亿元，同比增长8%。\r\n";
        for le in [true, false] {
            let d = decode(&utf16(s, le), &no_legacy, &l).unwrap();
            assert_eq!(d.text, s);
            assert!(!d.lossy);
        }
        // With BOM, odd trailing byte: replaced and flagged.
        let mut b = b"\xFF\xFE".to_vec();
        b.extend(utf16("一、", true));
        b.push(0x41);
        let d = decode(&b, &no_legacy, &l).unwrap();
        assert_eq!(d.text, "一、\u{FFFD}");
        assert!(d.lossy);
    }

    #[test]
    fn empty_whitespace_and_crlf() {
        let l = Limits::default();
        let d = decode(b"", &no_legacy, &l).unwrap();
        assert_eq!((d.text.as_str(), d.lossy), ("", false));
        assert_eq!(
            decode(b" \r\n\t ", &no_legacy, &l).unwrap().text,
            " \r\n\t "
        );
        assert_eq!(
            decode("一、\r\n二、".as_bytes(), &no_legacy, &l)
                .unwrap()
                .text,
            "一、\r\n二、"
        );
    }

    #[test]
    fn legacy_and_lossy() {
        let l = Limits::default();
        let d = decode(b"\xD2\xBB\xA1\xA2abc", &tiny_gbk, &l).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.lossy),
            ("一、abc", "gb18030", false)
        );
        // One bad byte in GBK text: GB18030 with one replacement, not UTF-8
        // garbage.
        let d = decode(b"\xD2\xBB\xA1\xA2abc\xFF", &tiny_gbk, &l).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.lossy),
            ("一、abc\u{FFFD}", "gb18030", true)
        );
        // Invalid UTF-8 in UTF-8 text: decoded lossily and flagged.
        let mut b = "一、基本情况".as_bytes().to_vec();
        b.push(0xFF);
        let d = decode(&b, &no_legacy, &l).unwrap();
        assert_eq!((d.text.as_str(), d.lossy), ("一、基本情况\u{FFFD}", true));
    }

    #[test]
    fn nul_bytes() {
        let l = Limits::default();
        let mut b = "一、基本情况。".repeat(20).into_bytes();
        b.insert(3, 0);
        let d = decode(&b, &no_legacy, &l).unwrap();
        assert_eq!(d.removed_nul, 1);
        assert!(!d.text.contains('\0'));
        let e = decode(&[0u8; 100], &no_legacy, &l).unwrap_err();
        assert!(e.message.contains("NUL"), "{e}");
        let e = decode(&[0u8; 1], &no_legacy, &l).unwrap_err();
        assert!(e.message.contains("NUL"), "{e}");
    }

    #[test]
    fn refuses_binary_with_reason() {
        let l = Limits::default();
        assert!(decode(b"\x89PNG\r\n\x1a\n\0\0", &no_legacy, &l)
            .unwrap_err()
            .message
            .contains("PNG"));
        assert!(decode(b"%PDF-1.7", &no_legacy, &l)
            .unwrap_err()
            .message
            .contains(".docx"));
        assert!(decode(b"{\\rtf1\\ansi", &no_legacy, &l)
            .unwrap_err()
            .message
            .contains("RTF"));
        // Random high bytes: undecodable in every encoding.
        let noise: Vec<u8> = (0..4000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8 | 0x80)
            .collect();
        let e = decode(&noise, &no_legacy, &l).unwrap_err();
        assert!(e.message.contains("解码"), "{e}");
        let small = Limits {
            max_bytes: 3,
            ..Limits::default()
        };
        let e = decode(b"abcd", &no_legacy, &small).unwrap_err();
        assert!(
            e.message.contains("太大") && e.message.contains("4 B"),
            "{e}"
        );
    }

    #[test]
    fn ole_kinds() {
        let mut enc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
        enc.extend(utf16("EncryptedPackage", true));
        assert!(ole_error(&enc).message.contains("密码"));
        let mut doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
        doc.extend(utf16("WordDocument", true));
        assert!(ole_error(&doc).message.contains(".doc"));
    }

    #[test]
    fn sizes() {
        assert_eq!(size(64 * 1024 * 1024), "64 MB");
        assert_eq!(size(3 * 1024 * 1024 + 300 * 1024), "3.2 MB");
        assert_eq!(size(2048), "2 KB");
    }
}
