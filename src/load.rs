//! Reading a file into text: the one entry point for the CLI and the web app.
//!
//! The content decides first, the file name second: a zip is read as .docx
//! whatever it is called, an OLE container (legacy .doc/.wps/.xls, or a
//! password-protected .docx) or a PDF is refused with advice, and anything
//! else is decoded as text (see [`crate::decode`]). The name only refines
//! messages: a ".docx" that is not a zip is reported as damaged, a ".doc"
//! that is really a web page or RTF says so, and ".md" marks Markdown.
//!
//! Caps (see [`Limits`], all configurable; the defaults): input files up to
//! 64 MB; a .docx may decompress to at most 64 MB in total and hold at most
//! 5,000 entries; XML nested deeper than 256 elements is refused.

use crate::decode::{self, ole_error, too_large};
pub use crate::decode::{LegacyDecoder, Limits, LoadError};
use crate::document::Hints;
use crate::docx;

/// A file read into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub text: String,
    /// Heading levels from the source format (.docx styles).
    pub hints: Hints,
    /// "txt", "md" or "docx".
    pub format: &'static str,
    /// The text encoding ("utf-8", "utf-8-bom", "utf-16le", "utf-16be",
    /// "gb18030"); "utf-8" for .docx.
    pub encoding: &'static str,
    /// Things the user should know, (Chinese, English): lossy decoding,
    /// removed NUL bytes, accepted tracked changes, an empty file …
    pub notes: Vec<(String, String)>,
}

fn extension(name: &str) -> String {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match file.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes
        .get(..prefix.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(prefix))
}

/// A "Word" file that is really HTML, MHTML or Word 2003 XML (what many
/// websites and old systems serve as .doc).
fn web_page_kind(bytes: &[u8]) -> Option<&'static str> {
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or(bytes);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = head.get(start..).unwrap_or(&[]);
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    if starts_with_ignore_case(head, b"<html")
        || starts_with_ignore_case(head, b"<!doctype html")
        || starts_with_ignore_case(head, b"MIME-Version")
    {
        return Some("html");
    }
    if starts_with_ignore_case(head, b"<?xml") {
        let text = String::from_utf8_lossy(head);
        if text.contains("w:wordDocument")
            || text.contains("pkg:package")
            || text.contains("mso-application")
        {
            return Some("xml");
        }
    }
    None
}

/// Reads a file's bytes into text. `name` is the file name (or a path); it
/// is used only after the content has been sniffed.
pub fn load(
    name: &str,
    bytes: &[u8],
    legacy: LegacyDecoder,
    limits: &Limits,
) -> Result<Loaded, LoadError> {
    if bytes.len() > limits.max_bytes {
        return Err(too_large(bytes.len(), limits.max_bytes));
    }
    let ext = extension(name);
    let mut notes = Vec::new();

    // 1. Content.
    if bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(b"PK\x05\x06")
        || bytes.starts_with(b"PK\x07\x08")
    {
        let d = docx::read(bytes, limits)?;
        if d.tracked_changes {
            notes.push((
                "文档含有修订记录，已按“接受全部修订”后的文字检查".to_string(),
                "the document has tracked changes; the text was checked as if all were accepted"
                    .to_string(),
            ));
        }
        if !matches!(ext.as_str(), "docx" | "docm" | "dotx" | "dotm" | "") {
            notes.push((
                format!("文件扩展名是 .{ext}，但内容是 Word 文档（.docx），已按 .docx 读取"),
                format!("the file is named .{ext} but is a Word document (.docx); read as .docx"),
            ));
        }
        push_empty_note(&d.text, &mut notes);
        return Ok(Loaded {
            text: d.text,
            hints: d.hints,
            format: "docx",
            encoding: "utf-8",
            notes,
        });
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Err(ole_error(bytes));
    }
    // PDF allows junk before its header within the first KB.
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or(bytes);
    if bytes.starts_with(b"%PDF") || (ext == "pdf" && head.windows(5).any(|w| w == b"%PDF-")) {
        return Err(LoadError::new(
            "这是 PDF 文件，无法直接读取：请用 Word/WPS 另存为 .docx，或复制文字粘贴进来",
            "a PDF file cannot be read; save it as .docx, or copy the text and paste it",
        ));
    }

    // 2. Name, for files whose content did not decide.
    match ext.as_str() {
        "docx" | "docm" | "dotx" => {
            return Err(LoadError::new(
                format!("文件扩展名是 .{ext}，但内容不是 Word 文档（可能已损坏或没有下载完整）：请用 Word/WPS 打开检查后重新保存"),
                format!("the file is named .{ext} but is not a Word document (damaged or not fully downloaded?); open it in Word/WPS and save it again"),
            ));
        }
        "doc" | "wps" | "dot" => {
            match web_page_kind(bytes) {
                Some("html") => {
                    return Err(LoadError::new(
                        format!("这个 .{ext} 文件其实是网页（HTML）格式：请用 Word/WPS 打开后另存为 .docx"),
                        format!("this .{ext} file is really a web page (HTML); open it in Word/WPS and save it as .docx"),
                    ))
                }
                Some(_) => {
                    return Err(LoadError::new(
                        format!("这个 .{ext} 文件其实是 Word XML 格式：请用 Word/WPS 打开后另存为 .docx"),
                        format!("this .{ext} file is really Word XML; open it in Word/WPS and save it as .docx"),
                    ))
                }
                None => {}
            }
            if bytes.starts_with(b"{\\rtf") {
                // decode() explains RTF.
            } else if !bytes.is_empty() {
                notes.push((
                    format!("文件扩展名是 .{ext}，但内容是纯文本，已按文本读取"),
                    format!("the file is named .{ext} but holds plain text; read as text"),
                ));
            }
        }
        "pdf" => notes.push((
            "文件扩展名是 .pdf，但内容是纯文本，已按文本读取".to_string(),
            "the file is named .pdf but holds plain text; read as text".to_string(),
        )),
        _ => {}
    }

    // 3. Text.
    let d = decode::decode(bytes, legacy, limits)?;
    if d.lossy {
        notes.push((
            "部分字节无法解码，已替换为 �：文件可能混用了编码或已损坏".to_string(),
            "some bytes could not be decoded and were replaced by �; the file may mix encodings or be damaged".to_string(),
        ));
    }
    if d.removed_nul > 0 {
        notes.push((
            format!("已删除 {} 个不可见的空字节（NUL）", d.removed_nul),
            format!("removed {} invisible NUL bytes", d.removed_nul),
        ));
    }
    push_empty_note(&d.text, &mut notes);
    Ok(Loaded {
        text: d.text,
        hints: Hints::default(),
        format: if matches!(ext.as_str(), "md" | "markdown") {
            "md"
        } else {
            "txt"
        },
        encoding: d.encoding,
        notes,
    })
}

fn push_empty_note(text: &str, notes: &mut Vec<(String, String)>) {
    if text.trim().is_empty() {
        notes.push((
            "文件里没有文字".to_string(),
            "the file holds no text".to_string(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lossy(b: &[u8]) -> (String, bool) {
        let s = String::from_utf8_lossy(b).into_owned();
        let bad = s.contains('\u{FFFD}');
        (s, bad)
    }

    fn load_default(name: &str, bytes: &[u8]) -> Result<Loaded, LoadError> {
        load(name, bytes, &lossy, &Limits::default())
    }

    #[test]
    fn extensions() {
        assert_eq!(extension("a/b/报告.DOCX"), "docx");
        assert_eq!(extension(".bashrc"), "");
        assert_eq!(extension("C:\\x.y\\file"), "");
        assert_eq!(extension("-"), "");
    }

    #[test]
    fn dispatch_by_content_then_name() {
        let t = load_default("报告.md", "# 一、基本情况\n".as_bytes()).unwrap();
        assert_eq!((t.format, t.encoding), ("md", "utf-8"));
        let e = load_default("报告.docx", "一、基本情况".as_bytes()).unwrap_err();
        assert!(e.message.contains("不是 Word 文档"), "{e}");
        let e = load_default("报告.txt", b"%PDF-1.4\n").unwrap_err();
        assert!(e.message.contains("PDF"), "{e}");
        let e = load_default("报告.doc", b"<html><body>x</body></html>").unwrap_err();
        assert!(e.message.contains("网页"), "{e}");
        let e = load_default("报告.txt", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0").unwrap_err();
        assert!(e.message.contains(".docx"), "{e}");
        let t = load_default("报告.doc", "一、基本情况".as_bytes()).unwrap();
        assert!(t.notes[0].0.contains("纯文本"));
        let e = load_default("报告.docx", b"PK\x03\x04garbage").unwrap_err();
        assert!(e.message.contains("损坏"), "{e}");
    }

    #[test]
    fn notes() {
        let t = load_default("a.txt", b"").unwrap();
        assert_eq!(t.notes.len(), 1);
        assert!(t.notes[0].0.contains("没有文字"));
        let t = load_default("a.txt", b"abc\xFFdef").unwrap();
        assert!(t.notes.iter().any(|n| n.0.contains("无法解码")));
    }
}
