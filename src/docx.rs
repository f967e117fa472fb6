//! Reading the text of a Word .docx file (Office Open XML).
//!
//! What comes out is what a reader sees in Word with all tracked changes
//! accepted: one line per paragraph, Word's automatic numbering written back
//! in front of the paragraph ("一、", "（一）", "1."), and heading levels from
//! the paragraph styles (`Heading 1`, `标题 1`, outline levels) as [`Hints`].
//!
//! - Tables: each table row becomes one line, its cells joined by a tab;
//!   several paragraphs in one cell are joined by a space, and a table nested
//!   in a cell is flattened into that cell. Rows whose cells are all empty are
//!   dropped. This keeps a row's label and its figures together
//!   ("合计\t120\t98"), which is what the figure checks need, and a serial
//!   number cell ("1.") can never be mistaken for a heading.
//! - Tracked changes: inserted text is kept, deleted text (`w:del`,
//!   `w:delText`, `w:moveFrom`) is dropped, and a paragraph whose paragraph
//!   mark was deleted runs on into the next one, as in Word.
//! - `w:tab` → tab, `w:br`/`w:cr` → line break (a space inside a table cell),
//!   page and column breaks → nothing, `w:noBreakHyphen` → "-",
//!   `w:softHyphen` → nothing, `w:sym` → its character unless it is a
//!   private-use symbol-font glyph. Field instructions (`w:instrText`) and
//!   hidden text (`w:vanish`) are skipped; field results are kept, except
//!   a table of contents (a TOC field's result), which only repeats the
//!   headings with page numbers and would double every heading.
//! - Text boxes (`w:txbxContent`) become paragraphs of their own, written
//!   before the paragraph that anchors them; the legacy VML copy that Word
//!   stores next to them (`mc:Fallback`) is skipped so nothing doubles.
//! - Bulleted list items get no marker (bullets are symbol-font glyphs).
//! - Headers, footers, footnotes and comments are not read.
//!
//! Robustness: never trusts sizes stored in the file. Every part is read
//! through a bounded reader that stops at the total decompressed budget
//! ([`Limits::max_decompressed`]); archives with more than
//! [`Limits::max_entries`] entries are refused before they are indexed, and
//! XML nested deeper than [`MAX_DEPTH`] elements is refused. Parsing is a
//! single streaming pass without recursion, so time is linear in the size.

use crate::decode::{Limits, LoadError};
use crate::document::Hints;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;
use std::borrow::Borrow;
use std::cmp::Ordering;

/// Deepest element nesting accepted in any XML part. Real documents stay
/// below about 40 even with nested tables and text boxes.
pub const MAX_DEPTH: usize = 256;

const W_NS: &[u8] = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT_NS: &[u8] = b"http://purl.oclc.org/ooxml/wordprocessingml/main";
const MC_NS: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";
const M_NS: &[u8] = b"http://schemas.openxmlformats.org/officeDocument/2006/math";
const M_STRICT_NS: &[u8] = b"http://purl.oclc.org/ooxml/officeDocument/math";

/// The text of a .docx file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocxText {
    /// Paragraphs separated by "\n".
    pub text: String,
    /// Heading levels of lines, from paragraph styles and outline levels.
    pub hints: Hints,
    /// The document holds tracked changes (they were read as accepted).
    pub tracked_changes: bool,
}

/// Reads the text of a .docx (or .docm/.dotx) file.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<DocxText, LoadError> {
    if bytes.len() > limits.max_bytes {
        return Err(crate::decode::too_large(bytes.len(), limits.max_bytes));
    }
    let mut pkg = Package::open(bytes, limits)?;
    let main = pkg.main_part()?;
    let doc_xml = pkg.read(&main)?.ok_or_else(|| missing_document(&mut pkg))?;
    let rels = pkg.read(&rels_path(&main))?.unwrap_or_default();
    let rels = parse_rels(&rels, &main);
    let styles_name = rels
        .iter()
        .find(|(t, _)| t.ends_with("/styles"))
        .map(|(_, target)| target.clone())
        .unwrap_or_else(|| sibling(&main, "styles.xml"));
    let numbering_name = rels
        .iter()
        .find(|(t, _)| t.ends_with("/numbering"))
        .map(|(_, target)| target.clone())
        .unwrap_or_else(|| sibling(&main, "numbering.xml"));
    let styles = match pkg.read(&styles_name)? {
        Some(xml) => parse_styles(&xml, &styles_name)?,
        None => Styles::default(),
    };
    let numbering = match pkg.read(&numbering_name)? {
        Some(xml) => parse_numbering(&xml, &numbering_name)?,
        None => Numbering::default(),
    };
    parse_document(&doc_xml, &main, &styles, &numbering)
}

/// The XML layer alone, without the zip: a document part and, when given,
/// the styles and numbering parts. For tests and fuzzing.
#[doc(hidden)]
pub fn read_xml(
    document: &[u8],
    styles: Option<&[u8]>,
    numbering: Option<&[u8]>,
) -> Result<DocxText, LoadError> {
    let styles = match styles {
        Some(xml) => parse_styles(xml, "word/styles.xml")?,
        None => Styles::default(),
    };
    let numbering = match numbering {
        Some(xml) => parse_numbering(xml, "word/numbering.xml")?,
        None => Numbering::default(),
    };
    parse_document(document, "word/document.xml", &styles, &numbering)
}

// ---------------------------------------------------------------------------
// The zip package

/// One file in the zip, from the central directory.
#[derive(Debug, Clone)]
struct Entry {
    flags: u16,
    method: u16,
    crc: u32,
    compressed: u64,
    local_header: u64,
}

/// A .docx read as a zip. A small reader of its own: Word packages use only
/// "stored" and "deflate" entries, and the zip crate's general reader
/// (encodings, zip64 variants, many compression methods, crc tables) cost
/// about as much download size as the whole analysis core.
struct Package<'a> {
    bytes: &'a [u8],
    /// Lower-cased part name (without a leading '/', '\' read as '/') and
    /// entry, sorted by name.
    names: Vec<(String, Entry)>,
    /// Decompressed bytes still allowed.
    budget: usize,
    max_decompressed: usize,
}

fn corrupt(detail: &str) -> LoadError {
    LoadError::new(
        format!("文件已损坏或不完整（可能没有下载完），无法作为 .docx 读取：{detail}。请用 Word/WPS 打开检查后重新保存"),
        format!("the file is damaged or incomplete (perhaps not fully downloaded) and cannot be read as .docx: {detail}. Open it in Word/WPS and save it again"),
    )
}

fn encrypted() -> LoadError {
    LoadError::new(
        "文件设置了打开密码（已加密），无法读取：请在 Word/WPS 中取消密码后另存为 .docx",
        "the file is password-protected (encrypted); remove the password in Word/WPS and save it as .docx",
    )
}

fn le16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        b.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

fn le32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

fn le64(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(
        b.get(at..at.checked_add(8)?)?.try_into().ok()?,
    ))
}

/// What the end-of-central-directory record says.
#[derive(Debug, PartialEq, Eq)]
struct EndRecord {
    entries: u64,
    cd_offset: u64,
}

/// Finds and reads the end-of-central-directory record (and its zip64
/// twin when the classic fields overflow).
fn end_record(bytes: &[u8]) -> Option<EndRecord> {
    if bytes.len() < 22 {
        return None;
    }
    // The record is 22 bytes plus a comment of at most 65,535 bytes.
    let from = bytes.len().saturating_sub(22 + 65_535);
    let pos = (from..=bytes.len() - 22)
        .rev()
        .find(|&i| bytes.get(i..i + 4) == Some(b"PK\x05\x06"))?;
    let mut rec = EndRecord {
        entries: u64::from(le16(bytes, pos + 10)?),
        cd_offset: u64::from(le32(bytes, pos + 16)?),
    };
    if rec.entries == 0xFFFF || rec.cd_offset == 0xFFFF_FFFF {
        // Zip64: a locator just before the record points at the zip64 record.
        let loc = pos.checked_sub(20)?;
        if bytes.get(loc..loc + 4) == Some(b"PK\x06\x07") {
            let at = usize::try_from(le64(bytes, loc + 8)?).ok()?;
            if bytes.get(at..at.checked_add(4)?) == Some(b"PK\x06\x06") {
                rec.entries = le64(bytes, at + 32)?;
                rec.cd_offset = le64(bytes, at + 48)?;
            }
        }
    }
    Some(rec)
}

/// CRC-32 (IEEE), table built at compile time.
pub fn crc32(data: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut t = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            t[i] = c;
            i += 1;
        }
        t
    };
    !data
        .iter()
        .fold(!0u32, |c, &b| TABLE[usize::from((c as u8) ^ b)] ^ (c >> 8))
}

impl<'a> Package<'a> {
    fn open(bytes: &'a [u8], limits: &Limits) -> Result<Package<'a>, LoadError> {
        let truncated =
            || corrupt("找不到 zip 目录，文件被截断 / no zip directory, the file is truncated");
        let rec = end_record(bytes).ok_or_else(truncated)?;
        if rec.entries > limits.max_entries as u64 {
            let n = rec.entries;
            return Err(LoadError::new(
                format!(
                    "文件包含 {n} 个部件，超过上限 {}：这不是正常的 Word 文档（可能是恶意构造的文件）",
                    limits.max_entries
                ),
                format!(
                    "the file holds {n} entries, more than the limit of {}; this is not a normal Word document",
                    limits.max_entries
                ),
            ));
        }
        let bad_directory = || corrupt("zip 目录不完整 / the zip directory is damaged");
        let mut at = usize::try_from(rec.cd_offset).map_err(|_| bad_directory())?;
        let mut names = Vec::new();
        for _ in 0..rec.entries {
            // Past this check `at` lies inside the file, so the additions
            // below cannot overflow.
            if at.checked_add(4).and_then(|end| bytes.get(at..end)) != Some(b"PK\x01\x02") {
                return Err(bad_directory());
            }
            let field = |off: usize| le32(bytes, at + off).ok_or_else(bad_directory);
            let half = |off: usize| {
                le16(bytes, at + off)
                    .map(usize::from)
                    .ok_or_else(bad_directory)
            };
            let (name_len, extra_len, comment_len) = (half(28)?, half(30)?, half(32)?);
            let name_at = at + 46;
            let name = bytes
                .get(name_at..name_at + name_len)
                .ok_or_else(bad_directory)?;
            let mut entry = Entry {
                flags: half(8)? as u16,
                method: half(10)? as u16,
                crc: field(16)?,
                compressed: u64::from(field(20)?),
                local_header: u64::from(field(42)?),
            };
            let uncompressed_overflows = field(24)? == 0xFFFF_FFFF;
            // Zip64 extra field: 64-bit values for the fields that overflow,
            // in the order uncompressed, compressed, local header offset.
            let extra_at = name_at + name_len;
            let extra = bytes
                .get(extra_at..extra_at + extra_len)
                .ok_or_else(bad_directory)?;
            let mut x = 0;
            while let (Some(id), Some(len)) = (le16(extra, x), le16(extra, x + 2)) {
                let data = extra.get(x + 4..x + 4 + usize::from(len)).unwrap_or(&[]);
                if id == 1 {
                    let mut k = 0;
                    let mut next = || {
                        let v = le64(data, k);
                        k += 8;
                        v
                    };
                    if uncompressed_overflows {
                        next();
                    }
                    if entry.compressed == 0xFFFF_FFFF {
                        entry.compressed = next().ok_or_else(bad_directory)?;
                    }
                    if entry.local_header == 0xFFFF_FFFF {
                        entry.local_header = next().ok_or_else(bad_directory)?;
                    }
                }
                x += 4 + usize::from(len);
            }
            names.push((normalize_part(&String::from_utf8_lossy(name)), entry));
            at = extra_at + extra_len + comment_len;
        }
        Ok(Package {
            bytes,
            names: sorted(names),
            budget: limits.max_decompressed,
            max_decompressed: limits.max_decompressed,
        })
    }

    fn has(&self, name: &str) -> bool {
        find(&self.names, normalize_part(name).as_str()).is_some()
    }

    /// Reads a part, or None when the package has no such part. Stops with
    /// an error as soon as the total decompressed size passes the budget,
    /// whatever sizes the archive declares.
    fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, LoadError> {
        let Some((_, e)) = find(&self.names, normalize_part(name).as_str()) else {
            return Ok(None);
        };
        if e.flags & 1 != 0 {
            return Err(encrypted());
        }
        let damaged = || {
            corrupt(&format!(
                "{name} 的数据不完整 / the data of {name} is incomplete"
            ))
        };
        let header = usize::try_from(e.local_header).map_err(|_| damaged())?;
        if header
            .checked_add(4)
            .and_then(|end| self.bytes.get(header..end))
            != Some(b"PK\x03\x04")
        {
            return Err(damaged());
        }
        let skip = |off| {
            le16(self.bytes, header + off)
                .map(usize::from)
                .ok_or_else(damaged)
        };
        let start = header + 30 + skip(26)? + skip(28)?;
        let len = usize::try_from(e.compressed).map_err(|_| damaged())?;
        let data = start
            .checked_add(len)
            .and_then(|end| self.bytes.get(start..end))
            .ok_or_else(damaged)?;
        let bomb = || {
            let limit = crate::decode::size(self.max_decompressed);
            LoadError::new(
                format!("文件解压后超过 {limit} 的上限：这不是正常的 Word 文档（可能是“压缩炸弹”）"),
                format!("the file decompresses to more than the {limit} limit; this is not a normal Word document (a zip bomb?)"),
            )
        };
        let out = match e.method {
            0 if data.len() > self.budget => return Err(bomb()),
            0 => data.to_vec(),
            8 => match miniz_oxide::inflate::decompress_to_vec_with_limit(data, self.budget) {
                Ok(out) => out,
                Err(err) if err.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                    return Err(bomb())
                }
                Err(_) => return Err(damaged()),
            },
            m => {
                return Err(LoadError::new(
                    format!("文件使用了不支持的压缩方式（{m}）：请用 Word/WPS 打开后另存为 .docx"),
                    format!("the file uses an unsupported compression method ({m}); open it in Word/WPS and save it as .docx again"),
                ))
            }
        };
        // Fuzzing builds skip the checksum so that mutated parts get parsed.
        #[allow(unexpected_cfgs)]
        let check = !cfg!(fuzzing);
        if check && crc32(&out) != e.crc {
            return Err(corrupt(&format!(
                "{name} 校验失败 / checksum mismatch in {name}"
            )));
        }
        self.budget -= out.len();
        Ok(Some(out))
    }

    /// The main document part, from the package relationships, else the
    /// usual `word/document.xml`.
    fn main_part(&mut self) -> Result<String, LoadError> {
        if let Some(rels) = self.read("_rels/.rels")? {
            if let Some((_, target)) = parse_rels(&rels, "")
                .into_iter()
                .find(|(t, target)| t.ends_with("/officeDocument") && self.has(target))
            {
                return Ok(target);
            }
        }
        Ok("word/document.xml".to_string())
    }
}

/// Explains a zip without a Word document in it by what it is instead.
fn missing_document(pkg: &mut Package) -> LoadError {
    let what: Option<(&str, &str)> = if pkg.has("xl/workbook.xml") {
        Some(("Excel 表格（.xlsx）", "an Excel workbook (.xlsx)"))
    } else if pkg.has("ppt/presentation.xml") {
        Some((
            "PowerPoint 演示文稿（.pptx）",
            "a PowerPoint presentation (.pptx)",
        ))
    } else if pkg.has("content.xml") && pkg.has("mimetype") {
        Some((
            "OpenDocument 文档（.odt 等）",
            "an OpenDocument file (.odt etc.)",
        ))
    } else {
        None
    };
    match what {
        Some((zh, en)) => LoadError::new(
            format!("这是{zh}，不是 Word 文档：请把报告另存为 .docx 或复制文字粘贴进来"),
            format!(
                "this is {en}, not a Word document; save the report as .docx or paste its text"
            ),
        ),
        None => LoadError::new(
            "这是一个压缩包，但里面没有 Word 正文（word/document.xml）：文件不是 .docx 或已损坏",
            "a zip archive without a Word body (word/document.xml): not a .docx, or damaged",
        ),
    }
}

/// Sorts (key, value) pairs by key, keeping the first of equal keys. Sorted
/// vectors serve as the maps here: built once, searched in log time, and
/// far smaller in the wasm than hash maps.
fn sorted<K: Ord, V>(v: Vec<(K, V)>) -> Vec<(K, V)> {
    // Ties are broken by position so that the first of equal keys wins.
    let order = heapsort(v.len(), &|a, b| {
        v.get(a)
            .map(|x| &x.0)
            .cmp(&v.get(b).map(|x| &x.0))
            .then(a.cmp(&b))
            == Ordering::Less
    });
    let mut slots: Vec<Option<(K, V)>> = v.into_iter().map(Some).collect();
    let mut out: Vec<(K, V)> = order
        .into_iter()
        .filter_map(|i| slots.get_mut(i).and_then(Option::take))
        .collect();
    out.dedup_by(|later, first| later.0 == first.0);
    out
}

/// The order that sorts `0..n` by `less`. One small non-generic sort
/// instead of a copy of the standard library's sort per key type (the
/// wasm download pays for every copy).
fn heapsort(n: usize, less: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    fn sift(a: &mut [usize], mut root: usize, end: usize, less: &dyn Fn(usize, usize) -> bool) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && less(a[child], a[child + 1]) {
                child += 1;
            }
            if !less(a[root], a[child]) {
                return;
            }
            a.swap(root, child);
            root = child;
        }
    }
    let mut a: Vec<usize> = (0..n).collect();
    for start in (0..n / 2).rev() {
        sift(&mut a, start, n, less);
    }
    for end in (1..n).rev() {
        a.swap(0, end);
        sift(&mut a, 0, end, less);
    }
    a
}

/// Looks a key up in a vector made by [`sorted`].
fn find<'v, K: Borrow<Q>, Q: Ord + ?Sized, V>(v: &'v [(K, V)], key: &Q) -> Option<&'v (K, V)> {
    v.binary_search_by(|(k, _)| k.borrow().cmp(key))
        .ok()
        .and_then(|i| v.get(i))
}

fn find_index<K: Borrow<Q>, Q: Ord + ?Sized, V>(v: &[(K, V)], key: &Q) -> Option<usize> {
    v.binary_search_by(|(k, _)| k.borrow().cmp(key)).ok()
}

fn normalize_part(name: &str) -> String {
    name.trim_start_matches(['/', '\\'])
        .replace('\\', "/")
        .to_ascii_lowercase()
}

/// `word/document.xml` → `word/_rels/document.xml.rels`.
fn rels_path(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

fn sibling(part: &str, file: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, _)) => format!("{dir}/{file}"),
        None => file.to_string(),
    }
}

/// Resolves a relationship target against the part that holds it.
fn resolve_target(source: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if let Some(abs) = target.strip_prefix('/') {
        return normalize_dots(abs.split('/').collect());
    } else {
        source
            .rsplit_once('/')
            .map_or(Vec::new(), |(dir, _)| dir.split('/').collect())
    };
    parts.extend(target.split('/'));
    normalize_dots(parts)
}

fn normalize_dots(parts: Vec<&str>) -> String {
    let mut out: Vec<&str> = Vec::new();
    for p in parts {
        match p {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            p => out.push(p),
        }
    }
    out.join("/")
}

/// (relationship type, resolved target) pairs of a .rels part.
fn parse_rels(xml: &[u8], source: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut reader = NsReader::from_reader(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"Relationship" => {
                let external = attr(&e, b"TargetMode").is_some_and(|m| m == "External");
                if let (Some(t), Some(target), false) =
                    (attr(&e, b"Type"), attr(&e, b"Target"), external)
                {
                    out.push((t, resolve_target(source, &target)));
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        if out.len() > 10_000 {
            break;
        }
    }
    out
}

// ---------------------------------------------------------------------------
// XML helpers

/// The value of the attribute with this local name (any prefix).
fn attr(e: &BytesStart, local: &[u8]) -> Option<String> {
    e.attributes().with_checks(false).flatten().find_map(|a| {
        let key = a.key.as_ref();
        let name = key.rsplit(|&b| b == b':').next().unwrap_or(key);
        if name == local && !key.starts_with(b"xmlns") {
            Some(unescape_attr(&String::from_utf8_lossy(&a.value)))
        } else {
            None
        }
    })
}

/// Minimal unescaping for attribute values (style names, list texts).
fn unescape_attr(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 1..];
        match tail.find(';').filter(|&j| j <= 10) {
            Some(j) => {
                match entity(&tail[..j]) {
                    Some(c) => out.push(c),
                    None => out.push_str(&rest[i..i + j + 2]),
                }
                rest = &tail[j + 1..];
            }
            None => {
                out.push('&');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A predefined or numeric XML entity by name (without & and ;).
fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let num = name.strip_prefix('#')?;
            let v = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(v)
        }
    }
}

fn int_attr(e: &BytesStart) -> Option<i64> {
    attr(e, b"val").and_then(|v| v.trim().parse().ok())
}

/// On/off properties: `<w:vanish/>` is on, `w:val="0|false|off"` is off.
fn on_off(e: &BytesStart) -> bool {
    !matches!(attr(e, b"val").as_deref(), Some("0" | "false" | "off"))
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Ns {
    W,
    Mc,
    Math,
    Other,
}

fn ns_of(r: &ResolveResult) -> Ns {
    const KNOWN: [(&[u8], Ns); 5] = [
        (W_NS, Ns::W),
        (W_STRICT_NS, Ns::W),
        (MC_NS, Ns::Mc),
        (M_NS, Ns::Math),
        (M_STRICT_NS, Ns::Math),
    ];
    match r {
        ResolveResult::Bound(ns) => KNOWN
            .iter()
            .find(|(uri, _)| *uri == ns.as_ref())
            .map_or(Ns::Other, |&(_, n)| n),
        _ => Ns::Other,
    }
}

/// Invalid XML at byte `at` of the part. (The parser's own error text is not
/// shown: it is English-only and its formatting code costs download size.)
fn xml_error(part: &str, at: u64) -> LoadError {
    LoadError::new(
        format!("文档内容（{part}）已损坏，不是有效的 XML（第 {at} 字节附近）。请用 Word/WPS 打开后重新保存"),
        format!("the document part {part} is damaged (invalid XML near byte {at}); open it in Word/WPS and save it again"),
    )
}

fn too_deep(part: &str) -> LoadError {
    LoadError::new(
        format!("文档内容（{part}）嵌套超过 {MAX_DEPTH} 层：这不是正常的 Word 文档"),
        format!("the document part {part} nests more than {MAX_DEPTH} levels deep; this is not a normal Word document"),
    )
}

/// Events from one XML part with the element's namespace class and depth
/// tracking; calls `f(kind, ns, local name, start/end event)`.
enum Ev<'e, 'b> {
    Start(&'e BytesStart<'b>),
    /// An empty element: start and end at once.
    Empty(&'e BytesStart<'b>),
    End,
    Text(&'e str),
}

/// Decides which subtrees to skip: (namespace, local name, parent's local name).
type SkipFn<'s> = dyn FnMut(Ns, &[u8], &[u8]) -> bool + 's;
type EventFn<'s> = dyn FnMut(Ev, Ns, &[u8]) + 's;

/// Streams a part's XML. `skip(ns, local, parent local)` names subtrees to
/// ignore whole.
/// The callback sees `(event, ns, local name, depth)`; for `End` the name is
/// that of the element being closed.
fn walk_xml(xml: &[u8], part: &str, skip: &mut SkipFn, f: &mut EventFn) -> Result<(), LoadError> {
    let xml = utf8_xml(xml);
    let mut reader = NsReader::from_reader(xml.as_ref());
    // Element names on the way down, to report the closed element's name
    // and to know where a skipped subtree ends.
    let mut stack: Vec<(Ns, Vec<u8>)> = Vec::new();
    let mut skip_from: Option<usize> = None;
    loop {
        let (resolved, event) = match reader.read_resolved_event() {
            Ok(x) => x,
            Err(_) => return Err(xml_error(part, reader.error_position())),
        };
        match event {
            Event::Start(e) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(too_deep(part));
                }
                let ns = ns_of(&resolved);
                let local = e.local_name().as_ref().to_vec();
                if skip_from.is_none() {
                    let parent = stack.last().map_or(&[][..], |(_, l)| l.as_slice());
                    if skip(ns, &local, parent) {
                        skip_from = Some(stack.len());
                    } else {
                        f(Ev::Start(&e), ns, &local);
                    }
                }
                stack.push((ns, local));
            }
            Event::Empty(e) if skip_from.is_none() => {
                let ns = ns_of(&resolved);
                let local = e.local_name();
                let parent = stack.last().map_or(&[][..], |(_, l)| l.as_slice());
                if !skip(ns, local.as_ref(), parent) {
                    f(Ev::Empty(&e), ns, local.as_ref());
                }
            }
            Event::End(_) => {
                let Some((ns, local)) = stack.pop() else {
                    return Err(xml_error(part, reader.buffer_position()));
                };
                match skip_from {
                    Some(d) if d == stack.len() => skip_from = None,
                    Some(_) => {}
                    None => f(Ev::End, ns, &local),
                }
            }
            Event::Text(t) if skip_from.is_none() => {
                let raw = String::from_utf8_lossy(t.as_ref());
                if raw.contains('\r') {
                    // XML end-of-line normalisation.
                    f(
                        Ev::Text(&raw.replace("\r\n", "\n").replace('\r', "\n")),
                        Ns::Other,
                        b"",
                    );
                } else {
                    f(Ev::Text(&raw), Ns::Other, b"");
                }
            }
            Event::CData(t) if skip_from.is_none() => {
                f(
                    Ev::Text(&String::from_utf8_lossy(t.as_ref())),
                    Ns::Other,
                    b"",
                );
            }
            Event::GeneralRef(r) if skip_from.is_none() => {
                let name = String::from_utf8_lossy(r.as_ref());
                if let Some(c) = entity(&name) {
                    let mut b = [0u8; 4];
                    f(Ev::Text(c.encode_utf8(&mut b)), Ns::Other, b"");
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !stack.is_empty() {
        return Err(xml_error(part, reader.buffer_position()));
    }
    Ok(())
}

/// Word writes UTF-8; a UTF-16 part (allowed by XML) is converted first.
fn utf8_xml(xml: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    let utf16 = |le: bool, body: &[u8]| -> Vec<u8> {
        let units = body.chunks_exact(2).map(|c| {
            if le {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        });
        char::decode_utf16(units)
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect::<String>()
            .into_bytes()
    };
    if let Some(rest) = xml.strip_prefix(b"\xFF\xFE") {
        utf16(true, rest).into()
    } else if let Some(rest) = xml.strip_prefix(b"\xFE\xFF") {
        utf16(false, rest).into()
    } else if let Some(rest) = xml.strip_prefix(b"\xEF\xBB\xBF") {
        rest.into()
    } else {
        xml.into()
    }
}

// ---------------------------------------------------------------------------
// Styles

#[derive(Debug, Default, Clone)]
struct Style {
    name: String,
    based_on: Option<String>,
    /// w:outlineLvl (0-based; 9 = body text).
    outline: Option<u8>,
    num_id: Option<i64>,
    ilvl: Option<u8>,
}

#[derive(Debug, Default)]
struct Styles {
    /// Sorted by style id.
    by_id: Vec<(String, Style)>,
    default_paragraph: Option<String>,
}

/// Streams the `w:` elements of styles.xml or numbering.xml to
/// `f(event, local name)`, skipping change records (old formatting) and
/// mc:Choice (Word 2010 puts custom formats there with a standard
/// mc:Fallback; the fallback is what we can render).
fn walk_w_elements(xml: &[u8], part: &str, f: &mut dyn FnMut(Ev, &[u8])) -> Result<(), LoadError> {
    walk_xml(
        xml,
        part,
        &mut |ns, l, _| (ns == Ns::W && is_change_record(l)) || (ns == Ns::Mc && l == b"Choice"),
        &mut |ev, ns, local| {
            if ns == Ns::W {
                f(ev, local);
            }
        },
    )
}

/// Property-change records hold the *old* formatting; skip them everywhere.
fn is_change_record(local: &[u8]) -> bool {
    matches!(
        local,
        b"pPrChange"
            | b"rPrChange"
            | b"sectPrChange"
            | b"tblPrChange"
            | b"trPrChange"
            | b"tcPrChange"
            | b"tblGridChange"
            | b"tblPrExChange"
            | b"numberingChange"
    )
}

fn parse_styles(xml: &[u8], part: &str) -> Result<Styles, LoadError> {
    let mut styles = Styles::default();
    let mut all: Vec<(String, Style)> = Vec::new();
    let mut current: Option<(String, Style)> = None;
    let mut in_ppr = false;
    let mut in_numpr = false;
    walk_w_elements(xml, part, &mut |ev, local| match ev {
        Ev::Start(e) | Ev::Empty(e) => {
            let empty = matches!(ev, Ev::Empty(_));
            match local {
                b"style" => {
                    let id = attr(e, b"styleId").unwrap_or_default();
                    let paragraph = attr(e, b"type").is_none_or(|t| t == "paragraph");
                    if paragraph && attr(e, b"default").is_some_and(|d| d == "1" || d == "true") {
                        styles.default_paragraph = Some(id.clone());
                    }
                    if !empty {
                        current = Some((id, Style::default()));
                    }
                }
                b"pPr" if current.is_some() => in_ppr = !empty,
                b"numPr" if in_ppr => in_numpr = !empty,
                _ => {
                    let Some((_, s)) = current.as_mut() else {
                        return;
                    };
                    match local {
                        b"name" => s.name = attr(e, b"val").unwrap_or_default(),
                        b"basedOn" => s.based_on = attr(e, b"val"),
                        b"outlineLvl" if in_ppr => {
                            s.outline = int_attr(e).and_then(|v| u8::try_from(v).ok())
                        }
                        b"numId" if in_numpr => s.num_id = int_attr(e),
                        b"ilvl" if in_numpr => {
                            s.ilvl = int_attr(e).and_then(|v| u8::try_from(v).ok())
                        }
                        _ => {}
                    }
                }
            }
        }
        Ev::End => match local {
            b"style" => {
                if let Some((id, s)) = current.take() {
                    all.push((id, s));
                }
                in_ppr = false;
                in_numpr = false;
            }
            b"pPr" => in_ppr = false,
            b"numPr" => in_numpr = false,
            _ => {}
        },
        Ev::Text(_) => {}
    })?;
    styles.by_id = sorted(all);
    Ok(styles)
}

/// "heading 2", "Heading2", "标题 2", "标题2" → 2.
fn heading_from_label(label: &str) -> Option<u8> {
    let l = label.trim().to_ascii_lowercase();
    let rest = l
        .strip_prefix("heading")
        .or_else(|| l.strip_prefix("标题"))?
        .trim_start();
    let n: u8 = rest.parse().ok()?;
    (1..=9).contains(&n).then_some(n)
}

/// Outline level results: Some(Some(level 1..)) heading, Some(None) body.
type Level = Option<Option<u8>>;

fn outline_to_level(v: u8) -> Option<u8> {
    (v <= 8).then_some(v + 1)
}

impl Styles {
    /// The style and its ancestors, nearest first (cycle-safe).
    fn chain<'s>(&'s self, id: &str) -> impl Iterator<Item = (&'s str, &'s Style)> + 's {
        let mut next = find(&self.by_id, id);
        let mut hops = 0;
        std::iter::from_fn(move || {
            let (id, s) = next?;
            hops += 1;
            next = if hops < 16 {
                s.based_on.as_deref().and_then(|b| find(&self.by_id, b))
            } else {
                None
            };
            Some((id.as_str(), s))
        })
    }

    /// The heading level a style gives (1 = top), if any.
    fn heading_level(&self, id: &str) -> Level {
        for (sid, s) in self.chain(id) {
            if let Some(v) = s.outline {
                return Some(outline_to_level(v));
            }
            if let Some(n) = heading_from_label(&s.name).or_else(|| heading_from_label(sid)) {
                return Some(Some(n));
            }
        }
        None
    }

    /// (numId, ilvl) a style attaches to its paragraphs.
    fn numbering(&self, id: &str) -> (Option<i64>, Option<u8>) {
        let mut num = None;
        let mut ilvl = None;
        for (_, s) in self.chain(id) {
            if num.is_none() {
                num = s.num_id;
            }
            if ilvl.is_none() {
                ilvl = s.ilvl;
            }
        }
        (num, ilvl)
    }
}

// ---------------------------------------------------------------------------
// Numbering

#[derive(Debug, Default, Clone)]
struct LevelDef {
    start: Option<i64>,
    fmt: String,
    text: Option<String>,
    restart: Option<i64>,
    legal: bool,
    suffix: Option<String>,
    style: Option<String>,
}

/// Word has nine list levels, ilvl 0..=8.
const LEVELS: usize = 9;

#[derive(Debug, Default, Clone)]
struct Abstract {
    levels: [Option<LevelDef>; LEVELS],
    num_style_link: Option<String>,
}

#[derive(Debug, Default, Clone)]
struct Num {
    abstract_id: Option<i64>,
    /// Per ilvl: (startOverride, full level override).
    overrides: [(Option<i64>, Option<LevelDef>); LEVELS],
}

#[derive(Debug, Default)]
struct Numbering {
    /// Sorted by abstractNumId.
    abstracts: Vec<(i64, Abstract)>,
    /// Sorted by numId.
    nums: Vec<(i64, Num)>,
}

fn parse_numbering(xml: &[u8], part: &str) -> Result<Numbering, LoadError> {
    enum Owner {
        None,
        Abstract(i64, Abstract),
        Num(i64, Num),
    }
    let mut abstracts = Vec::new();
    let mut nums = Vec::new();
    let mut owner = Owner::None;
    // The level being read, and the override level it belongs to.
    let mut level: Option<(usize, LevelDef)> = None;
    let mut override_ilvl: Option<usize> = None;
    let ilvl_of = |e: &BytesStart| {
        attr(e, b"ilvl")
            .and_then(|v| v.trim().parse::<usize>().ok())
            .filter(|&l| l < LEVELS)
    };
    walk_w_elements(xml, part, &mut |ev, local| {
        match ev {
            Ev::Start(e) | Ev::Empty(e) => {
                let empty = matches!(ev, Ev::Empty(_));
                match local {
                    b"abstractNum" if !empty => {
                        let id = attr(e, b"abstractNumId").and_then(|v| v.trim().parse().ok());
                        owner = Owner::Abstract(id.unwrap_or(-1), Abstract::default());
                    }
                    b"num" if !empty => {
                        let id = attr(e, b"numId").and_then(|v| v.trim().parse().ok());
                        owner = Owner::Num(id.unwrap_or(-1), Num::default());
                    }
                    b"lvl" if !empty => {
                        // A level override's w:lvl may omit its ilvl;
                        // an out-of-range ilvl is dropped at its end.
                        let ilvl = ilvl_of(e).or(override_ilvl).unwrap_or(LEVELS);
                        level = Some((ilvl, LevelDef::default()));
                    }
                    b"lvlOverride" if !empty => override_ilvl = ilvl_of(e),
                    b"startOverride" => {
                        if let (Owner::Num(_, num), Some(il)) = (&mut owner, override_ilvl) {
                            if let Some(o) = num.overrides.get_mut(il) {
                                o.0 = int_attr(e);
                            }
                        }
                    }
                    b"abstractNumId" => {
                        if let Owner::Num(_, num) = &mut owner {
                            num.abstract_id = int_attr(e);
                        }
                    }
                    b"numStyleLink" => {
                        if let Owner::Abstract(_, a) = &mut owner {
                            a.num_style_link = attr(e, b"val");
                        }
                    }
                    _ => {
                        let Some((_, lv)) = level.as_mut() else {
                            return;
                        };
                        match local {
                            b"start" => lv.start = int_attr(e),
                            b"numFmt" => lv.fmt = attr(e, b"val").unwrap_or_default(),
                            b"lvlText" => lv.text = Some(attr(e, b"val").unwrap_or_default()),
                            b"lvlRestart" => lv.restart = int_attr(e),
                            b"isLgl" => lv.legal = on_off(e),
                            b"suff" => lv.suffix = attr(e, b"val"),
                            b"pStyle" => lv.style = attr(e, b"val"),
                            _ => {}
                        }
                    }
                }
            }
            Ev::End => match local {
                b"lvl" => {
                    if let Some((ilvl, lv)) = level.take() {
                        match &mut owner {
                            Owner::Abstract(_, a) => {
                                if let Some(slot @ None) = a.levels.get_mut(ilvl) {
                                    *slot = Some(lv);
                                }
                            }
                            Owner::Num(_, num) => {
                                if let Some(o) = num.overrides.get_mut(ilvl) {
                                    o.1 = Some(lv);
                                }
                            }
                            Owner::None => {}
                        }
                    }
                }
                b"lvlOverride" => override_ilvl = None,
                b"abstractNum" | b"num" => match std::mem::replace(&mut owner, Owner::None) {
                    Owner::Abstract(id, a) => abstracts.push((id, a)),
                    Owner::Num(id, num) => nums.push((id, num)),
                    Owner::None => {}
                },
                _ => {}
            },
            Ev::Text(_) => {}
        }
    })?;
    Ok(Numbering {
        abstracts: sorted(abstracts),
        nums: sorted(nums),
    })
}

/// Counters of one list (one abstract numbering definition).
#[derive(Debug, Default, Clone)]
struct ListState {
    value: [i64; LEVELS],
    started: [bool; LEVELS],
}

/// Renders numbering labels, keeping counters across paragraphs.
struct Counter<'a> {
    numbering: &'a Numbering,
    styles: &'a Styles,
    /// Parallel to `numbering.abstracts`.
    lists: Vec<ListState>,
    /// Parallel to `numbering.nums`: the list instance has been used.
    seen_nums: Vec<bool>,
}

impl<'a> Counter<'a> {
    fn new(numbering: &'a Numbering, styles: &'a Styles) -> Self {
        Counter {
            numbering,
            styles,
            lists: vec![ListState::default(); numbering.abstracts.len()],
            seen_nums: vec![false; numbering.nums.len()],
        }
    }

    fn num(&self, num_id: i64) -> Option<&'a Num> {
        find(&self.numbering.nums, &num_id).map(|(_, n)| n)
    }

    /// The abstract definition behind a numId, as (index, definition),
    /// following one numStyleLink.
    fn abstract_for(&self, num_id: i64) -> Option<(usize, &'a Abstract)> {
        let abstracts = &self.numbering.abstracts;
        let aid = self.num(num_id)?.abstract_id?;
        let index = find_index(abstracts, &aid)?;
        let a = &abstracts.get(index)?.1;
        if let Some(link) = &a.num_style_link {
            let (linked, _) = self.styles.numbering(link);
            let target = linked
                .and_then(|l| self.num(l))
                .and_then(|n| n.abstract_id)
                .filter(|&x| x != aid)
                .and_then(|x| find_index(abstracts, &x));
            if let Some(i) = target {
                return Some((i, &abstracts.get(i)?.1));
            }
        }
        Some((index, a))
    }

    fn level_def(
        &self,
        num: Option<&'a Num>,
        a: &'a Abstract,
        ilvl: usize,
    ) -> Option<&'a LevelDef> {
        num.and_then(|n| n.overrides.get(ilvl))
            .and_then(|(_, l)| l.as_ref())
            .or_else(|| a.levels.get(ilvl).and_then(Option::as_ref))
    }

    /// The ilvl whose w:pStyle is this paragraph style.
    fn level_for_style(a: &Abstract, style: &str) -> Option<usize> {
        a.levels
            .iter()
            .position(|l| l.as_ref().and_then(|l| l.style.as_deref()) == Some(style))
    }

    /// Advances the list and returns the label for a numbered paragraph.
    fn label(&mut self, num_id: i64, ilvl: Option<u8>, style: Option<&str>) -> String {
        let Some((ai, a)) = self.abstract_for(num_id) else {
            return String::new();
        };
        let num = self.num(num_id);
        let i = ilvl
            .map(usize::from)
            .or_else(|| style.and_then(|s| Self::level_for_style(a, s)))
            .unwrap_or(0)
            .min(LEVELS - 1);
        let Some(def) = self.level_def(num, a, i) else {
            return String::new();
        };
        let mut starts = [1i64; LEVELS];
        let mut restarts = [0i64; LEVELS];
        for l in 0..LEVELS {
            let d = self.level_def(num, a, l);
            starts[l] = num
                .and_then(|n| n.overrides[l].0)
                .or_else(|| d.and_then(|d| d.start))
                .unwrap_or(1);
            // lvlRestart is one-based; absent means "after any higher level".
            restarts[l] = d.and_then(|d| d.restart).unwrap_or(l as i64);
        }
        let Some(state) = self.lists.get_mut(ai) else {
            return String::new();
        };
        if let Some(seen) =
            find_index(&self.numbering.nums, &num_id).and_then(|k| self.seen_nums.get_mut(k))
        {
            if !*seen {
                *seen = true;
                // A list instance with overrides restarts those levels.
                if let Some(n) = num {
                    for (started, o) in state.started.iter_mut().zip(&n.overrides) {
                        if o.0.is_some() || o.1.is_some() {
                            *started = false;
                        }
                    }
                }
            }
        }
        if state.started[i] {
            state.value[i] = state.value[i].saturating_add(1);
        } else {
            state.value[i] = starts[i];
            state.started[i] = true;
        }
        for (started, &after) in state.started.iter_mut().zip(&restarts).skip(i + 1) {
            if after != 0 && (i as i64) < after {
                *started = false;
            }
        }
        let mut values = starts;
        for (v, (&value, &started)) in values
            .iter_mut()
            .zip(state.value.iter().zip(&state.started))
        {
            if started {
                *v = value;
            }
        }
        if def.fmt == "bullet" {
            return String::new();
        }
        let template = def.text.clone().unwrap_or_else(|| format!("%{}.", i + 1));
        let mut out = String::new();
        let mut chars = template.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%' {
                if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    chars.next();
                    if (1..=9).contains(&d) {
                        let l = (d - 1) as usize;
                        let fmt = if def.legal {
                            "decimal"
                        } else {
                            self.level_def(num, a, l)
                                .map_or("decimal", |x| x.fmt.as_str())
                        };
                        out.push_str(&format_number(values[l], fmt));
                    }
                    continue;
                }
            }
            out.push(c);
        }
        match def.suffix.as_deref() {
            Some("nothing") => {}
            _ => {
                // Word puts a tab (or a space) after the number; a label that
                // ends in punctuation reads right without it.
                let ends_punct = out.chars().last().is_some_and(|c| {
                    matches!(
                        c,
                        '、' | '.'
                            | '．'
                            | ')'
                            | '）'
                            | ':'
                            | '：'
                            | '，'
                            | ','
                            | '】'
                            | ']'
                            | '〕'
                    )
                });
                if !out.is_empty() && !ends_punct {
                    out.push(' ');
                }
            }
        }
        out
    }
}

/// Renders a list counter in a Word number format.
pub fn format_number(n: i64, fmt: &str) -> String {
    const CIRCLED: &str = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
    const PAREN: &str = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇";
    const FULLSTOP: &str = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛";
    let nth = |set: &str, n: i64| -> Option<char> {
        usize::try_from(n - 1).ok().and_then(|i| set.chars().nth(i))
    };
    let simple = n.to_string();
    match fmt {
        "none" => String::new(),
        "decimalZero" if (0..10).contains(&n) => format!("0{n}"),
        "upperRoman" => roman(n).unwrap_or(simple),
        "lowerRoman" => roman(n).map_or(simple, |r| r.to_ascii_lowercase()),
        "upperLetter" => letters(n).unwrap_or(simple),
        "lowerLetter" => letters(n).map_or(simple, |r| r.to_ascii_lowercase()),
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "koreanCounting" => chinese(n, false).unwrap_or(simple),
        "chineseLegalSimplified" | "japaneseLegal" => chinese(n, true).unwrap_or(simple),
        "ideographDigital"
        | "taiwaneseDigital"
        | "japaneseDigitalTenThousand"
        | "koreanDigital" => {
            if n < 0 {
                simple
            } else {
                simple
                    .chars()
                    .map(|d| {
                        "〇一二三四五六七八九"
                            .chars()
                            .nth(d as usize - '0' as usize)
                            .unwrap_or(d)
                    })
                    .collect()
            }
        }
        "ideographTraditional" => nth("甲乙丙丁戊己庚辛壬癸", n).map_or(simple, String::from),
        "ideographZodiac" => nth("子丑寅卯辰巳午未申酉戌亥", n).map_or(simple, String::from),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" | "ideographEnclosedCircle" => {
            nth(CIRCLED, n).map_or(simple, String::from)
        }
        "decimalEnclosedParen" => nth(PAREN, n).map_or(simple, String::from),
        "decimalEnclosedFullstop" => nth(FULLSTOP, n).map_or(simple, String::from),
        "decimalFullWidth" | "decimalFullWidth2" => simple
            .chars()
            .map(|c| match c {
                '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
                c => c,
            })
            .collect(),
        "ordinal" => {
            let suffix = match (n % 100, n % 10) {
                (11..=13, _) => "th",
                (_, 1) => "st",
                (_, 2) => "nd",
                (_, 3) => "rd",
                _ => "th",
            };
            format!("{n}{suffix}")
        }
        _ => simple,
    }
}

fn roman(n: i64) -> Option<String> {
    if !(1..4000).contains(&n) {
        return None;
    }
    let table = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut out = String::new();
    for (v, s) in table {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    Some(out)
}

/// Word's letter numbering: A … Z, AA … ZZ, AAA …
fn letters(n: i64) -> Option<String> {
    if !(1..=780).contains(&n) {
        return None;
    }
    let c = char::from(b'A' + ((n - 1) % 26) as u8);
    Some(std::iter::repeat_n(c, ((n - 1) / 26 + 1) as usize).collect())
}

/// 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (below 100,000,000).
fn chinese(n: i64, legal: bool) -> Option<String> {
    if !(0..100_000_000).contains(&n) {
        return None;
    }
    let digits: Vec<char> = if legal {
        "零壹贰叁肆伍陆柒捌玖".chars().collect()
    } else {
        "〇一二三四五六七八九".chars().collect()
    };
    let units = if legal {
        ['\0', '拾', '佰', '仟']
    } else {
        ['\0', '十', '百', '千']
    };
    if n == 0 {
        return Some(digits[0].to_string());
    }
    // One group of four digits; zeros inside it read 零.
    let four = |g: i64, out: &mut String| {
        let mut started = false;
        let mut zero = false;
        for (unit, div) in [(3usize, 1000i64), (2, 100), (1, 10), (0, 1)] {
            let d = (g / div % 10) as usize;
            if d == 0 {
                zero |= started;
                continue;
            }
            if zero {
                out.push('零');
                zero = false;
            }
            out.push(digits[d]);
            if unit > 0 {
                out.push(units[unit]);
            }
            started = true;
        }
    };
    let mut out = String::new();
    let (high, low) = (n / 10_000, n % 10_000);
    if high > 0 {
        four(high, &mut out);
        out.push('万');
        if low > 0 {
            if low < 1000 {
                out.push('零');
            }
            four(low, &mut out);
        }
    } else {
        four(low, &mut out);
    }
    // 十一, not 一十一, at the start.
    if !legal {
        if let Some(rest) = out.strip_prefix("一十") {
            out = format!("十{rest}");
        }
    }
    Some(out)
}

// ---------------------------------------------------------------------------
// The document body

/// Element kinds the body walker cares about.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tag {
    P,
    PPr,
    PPrRPr,
    NumPr,
    R,
    RPr,
    T,
    MathT,
    Instr,
    FldSimple,
    Tbl,
    Tr,
    Tc,
    Other,
}

#[derive(Debug, Default)]
struct Para {
    text: String,
    style: Option<String>,
    num_id: Option<i64>,
    ilvl: Option<u8>,
    outline: Option<u8>,
    mark_deleted: bool,
    run_hidden: bool,
    /// Part of a table of contents (text was suppressed, or a TOC field was
    /// open when the paragraph began).
    toc: bool,
}

/// A complex field (fldChar begin … separate … end).
#[derive(Debug, Default)]
struct Field {
    instr: String,
    /// Past `separate`: the text now is the field's result.
    result: bool,
    /// A TOC field: its result repeats the headings and is skipped.
    toc: bool,
}

/// Fields nest (PAGEREF inside TOC); deeper nesting is only counted.
const MAX_FIELDS: usize = 64;

fn is_toc(instr: &str) -> bool {
    let t = instr.trim_start().as_bytes();
    t.len() >= 3
        && t[..3].eq_ignore_ascii_case(b"TOC")
        && t.get(3).is_none_or(|c| !c.is_ascii_alphanumeric())
}

enum Frame {
    Para(Para),
    Row(Vec<String>),
    Cell(String),
}

struct Body<'a> {
    styles: &'a Styles,
    counter: Counter<'a>,
    out: String,
    lines: usize,
    hints: Vec<(usize, u8)>,
    frames: Vec<Frame>,
    tags: Vec<Tag>,
    /// Text of paragraphs whose paragraph mark was deleted, waiting for the
    /// paragraph they merge into.
    carry: String,
    tracked: bool,
    fields: Vec<Field>,
    /// `begin`s beyond MAX_FIELDS, waiting for their `end`.
    fields_overflow: usize,
}

impl Body<'_> {
    fn para(&mut self) -> Option<&mut Para> {
        self.frames.iter_mut().rev().find_map(|f| match f {
            Frame::Para(p) => Some(p),
            _ => None,
        })
    }

    fn parent(&self) -> Tag {
        self.tags.last().copied().unwrap_or(Tag::Other)
    }

    /// Writes one line to the output, or into the enclosing table cell.
    fn emit(&mut self, text: &str, level: Option<u8>) {
        if let Some(cell) = self.frames.iter_mut().rev().find_map(|f| match f {
            Frame::Cell(c) => Some(c),
            Frame::Row(_) | Frame::Para(_) => None,
        }) {
            let t = text.trim();
            if !t.is_empty() {
                if !cell.is_empty() {
                    cell.push(' ');
                }
                cell.extend(
                    t.chars()
                        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c }),
                );
            }
            return;
        }
        if self.lines > 0 || !self.out.is_empty() {
            self.out.push('\n');
        }
        if let Some(l) = level {
            self.hints.push((self.lines, l.min(6)));
        }
        self.out.push_str(text);
        self.lines += 1 + text.bytes().filter(|&b| b == b'\n').count();
    }

    fn end_paragraph(&mut self, p: Para) {
        if p.toc && p.text.trim().is_empty() {
            return;
        }
        if p.mark_deleted {
            self.carry.push_str(&p.text);
            return;
        }
        let style = p
            .style
            .clone()
            .or_else(|| self.styles.default_paragraph.clone());
        let (style_num, style_ilvl) = style
            .as_deref()
            .map_or((None, None), |s| self.styles.numbering(s));
        let num_id = p.num_id.or(style_num);
        let ilvl = p.ilvl.or(style_ilvl);
        let label = match num_id {
            Some(id) if id > 0 => self.counter.label(id, ilvl, style.as_deref()),
            _ => String::new(),
        };
        let level = match p.outline {
            Some(v) => outline_to_level(v),
            None => style
                .as_deref()
                .and_then(|s| self.styles.heading_level(s))
                .flatten(),
        };
        let mut text = label;
        text.push_str(&std::mem::take(&mut self.carry));
        text.push_str(&p.text);
        // A heading needs words; an empty styled paragraph is not one.
        let level = level.filter(|_| !text.trim().is_empty());
        self.emit(&text, level);
    }

    /// Inside the result of a table-of-contents field.
    fn in_toc(&self) -> bool {
        self.fields.iter().any(|f| f.toc && f.result)
    }

    fn push_text(&mut self, s: &str) {
        if self.in_toc() {
            if let Some(p) = self.para() {
                p.toc = true;
            }
            return;
        }
        if let Some(p) = self.para() {
            if !p.run_hidden {
                p.text.extend(s.chars().filter_map(|c| match c {
                    '\n' | '\r' => Some(' '),
                    '\u{AD}' | '\0' => None,
                    c => Some(c),
                }));
            }
        }
    }

    fn start(&mut self, ns: Ns, local: &[u8], e: &BytesStart, empty: bool) {
        let parent = self.parent();
        let tag = match (ns, local) {
            (Ns::W, b"p") => {
                let toc = self.in_toc();
                self.frames.push(Frame::Para(Para {
                    toc,
                    ..Para::default()
                }));
                Tag::P
            }
            (Ns::W, b"pPr") if parent == Tag::P => Tag::PPr,
            (Ns::W, b"rPr") if parent == Tag::PPr => Tag::PPrRPr,
            (Ns::W, b"numPr") if parent == Tag::PPr => Tag::NumPr,
            (Ns::W, b"r") => {
                if let Some(p) = self.para() {
                    p.run_hidden = false;
                }
                Tag::R
            }
            (Ns::W, b"rPr") if parent == Tag::R => Tag::RPr,
            (Ns::W, b"t") => Tag::T,
            (Ns::Math, b"t") => Tag::MathT,
            (Ns::W, b"instrText") => Tag::Instr,
            (Ns::W, b"fldSimple") => {
                let instr = attr(e, b"instr").unwrap_or_default();
                self.fields.push(Field {
                    toc: is_toc(&instr),
                    instr,
                    result: true,
                });
                Tag::FldSimple
            }
            (Ns::W, b"tbl") => Tag::Tbl,
            (Ns::W, b"tr") => {
                self.frames.push(Frame::Row(Vec::new()));
                Tag::Tr
            }
            (Ns::W, b"tc") => {
                self.frames.push(Frame::Cell(String::new()));
                Tag::Tc
            }
            (Ns::W, _) => {
                self.property(parent, local, e);
                Tag::Other
            }
            _ => Tag::Other,
        };
        self.tags.push(tag);
        if empty {
            self.end();
        }
    }

    /// Empty-ish elements: paragraph properties and run content.
    fn property(&mut self, parent: Tag, local: &[u8], e: &BytesStart) {
        match (parent, local) {
            (Tag::PPr, b"pStyle") => {
                if let Some(p) = self.para() {
                    p.style = attr(e, b"val");
                }
            }
            (Tag::PPr, b"outlineLvl") => {
                let v = int_attr(e).and_then(|v| u8::try_from(v).ok());
                if let Some(p) = self.para() {
                    p.outline = v;
                }
            }
            (Tag::NumPr, b"numId") => {
                let v = int_attr(e);
                if let Some(p) = self.para() {
                    p.num_id = v;
                }
            }
            (Tag::NumPr, b"ilvl") => {
                let v = int_attr(e).and_then(|v| u8::try_from(v).ok());
                if let Some(p) = self.para() {
                    p.ilvl = v;
                }
            }
            (Tag::PPrRPr, b"del" | b"moveFrom") => {
                self.tracked = true;
                if let Some(p) = self.para() {
                    p.mark_deleted = true;
                }
            }
            (Tag::PPrRPr, b"ins" | b"moveTo") => self.tracked = true,
            (Tag::RPr, b"vanish") => {
                let hidden = on_off(e);
                if let Some(p) = self.para() {
                    p.run_hidden = hidden;
                }
            }
            (Tag::R, b"tab" | b"ptab") => self.push_raw("\t"),
            (Tag::R, b"br") => {
                let kind = attr(e, b"type");
                if kind.is_none() || kind.as_deref() == Some("textWrapping") {
                    self.push_raw("\n");
                }
            }
            (Tag::R, b"cr") => self.push_raw("\n"),
            (Tag::R, b"fldChar") => match attr(e, b"fldCharType").as_deref() {
                Some("begin") => {
                    if self.fields.len() < MAX_FIELDS {
                        self.fields.push(Field::default());
                    } else {
                        self.fields_overflow += 1;
                    }
                }
                Some("separate") if self.fields_overflow == 0 => {
                    if let Some(f) = self.fields.last_mut() {
                        if !f.result {
                            f.result = true;
                            f.toc = is_toc(&f.instr);
                        }
                    }
                }
                Some("end") => {
                    if self.fields_overflow > 0 {
                        self.fields_overflow -= 1;
                    } else {
                        self.fields.pop();
                    }
                }
                _ => {}
            },
            (Tag::R, b"noBreakHyphen") => self.push_raw("-"),
            (Tag::R, b"sym") => {
                let c = attr(e, b"char")
                    .and_then(|h| u32::from_str_radix(h.trim(), 16).ok())
                    .and_then(char::from_u32)
                    .filter(|c| !('\u{E000}'..='\u{F8FF}').contains(c) && !c.is_control());
                if let Some(c) = c {
                    let mut b = [0u8; 4];
                    self.push_raw(c.encode_utf8(&mut b));
                }
            }
            (_, b"ins" | b"moveTo") => self.tracked = true,
            _ => {}
        }
    }

    /// Text that may hold a line break (not normalised like w:t content).
    fn push_raw(&mut self, s: &str) {
        if self.in_toc() {
            return;
        }
        if let Some(p) = self.para() {
            if !p.run_hidden {
                p.text.push_str(s);
            }
        }
    }

    fn end(&mut self) {
        let Some(tag) = self.tags.pop() else {
            return;
        };
        match tag {
            Tag::P => {
                if let Some(Frame::Para(p)) = self.frames.pop() {
                    self.end_paragraph(p);
                }
            }
            Tag::Tc => {
                if let Some(Frame::Cell(c)) = self.frames.pop() {
                    if let Some(Frame::Row(cells)) = self.frames.last_mut() {
                        cells.push(c);
                    }
                }
            }
            Tag::FldSimple => {
                self.fields.pop();
            }
            Tag::Tr => {
                if let Some(Frame::Row(cells)) = self.frames.pop() {
                    if cells.iter().any(|c| !c.trim().is_empty()) {
                        let line = cells.join("\t");
                        self.emit(&line, None);
                    }
                }
            }
            _ => {}
        }
    }
}

fn parse_document(
    xml: &[u8],
    part: &str,
    styles: &Styles,
    numbering: &Numbering,
) -> Result<DocxText, LoadError> {
    let mut body = Body {
        styles,
        counter: Counter::new(numbering, styles),
        out: String::new(),
        lines: 0,
        hints: Vec::new(),
        frames: Vec::new(),
        tags: Vec::new(),
        carry: String::new(),
        tracked: false,
        fields: Vec::new(),
        fields_overflow: 0,
    };
    let mut deleted = false;
    walk_xml(
        xml,
        part,
        &mut |ns, l, parent| match ns {
            Ns::W => {
                // w:del in run properties marks a deleted paragraph mark;
                // the walker needs to see it.
                let mark = parent == b"rPr";
                let skip = (!mark && matches!(l, b"del" | b"moveFrom"))
                    || matches!(l, b"delText" | b"delInstrText")
                    || is_change_record(l);
                if matches!(l, b"del" | b"moveFrom" | b"delText") {
                    deleted = true;
                }
                skip
            }
            // Word stores a VML copy of every modern text box here.
            Ns::Mc => l == b"Fallback",
            _ => false,
        },
        &mut |ev, ns, local| match ev {
            Ev::Start(e) => body.start(ns, local, e, false),
            Ev::Empty(e) => body.start(ns, local, e, true),
            Ev::End => body.end(),
            Ev::Text(t) => match body.parent() {
                Tag::T | Tag::MathT => body.push_text(t),
                Tag::Instr if body.fields_overflow == 0 => {
                    if let Some(f) = body.fields.last_mut() {
                        if !f.result && f.instr.len() < 256 {
                            f.instr.push_str(t);
                        }
                    }
                }
                _ => {}
            },
        },
    )?;
    // Deleted paragraph marks at the very end: keep their text.
    if !body.carry.is_empty() {
        let carry = std::mem::take(&mut body.carry);
        body.emit(&carry, None);
    }
    let tracked = body.tracked || deleted;
    Ok(DocxText {
        text: body.out,
        hints: Hints {
            heading_levels: body.hints,
        },
        tracked_changes: tracked,
    })
}

/// Writing small zips for tests, fixtures and fuzz seeds (not used by the
/// app, so it never reaches the wasm).
#[doc(hidden)]
pub mod testkit {
    pub use super::crc32;

    /// An entry written as given: `data` is already compressed with
    /// `method`, and `crc`/`size` are whatever the test wants declared.
    pub struct RawEntry<'a> {
        pub name: &'a str,
        pub method: u16,
        pub data: &'a [u8],
        pub crc: u32,
        pub size: u32,
    }

    /// A zip of deflated entries with correct sizes and checksums.
    pub fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let packed: Vec<Vec<u8>> = parts
            .iter()
            .map(|(_, d)| miniz_oxide::deflate::compress_to_vec(d, 6))
            .collect();
        let entries: Vec<RawEntry> = parts
            .iter()
            .zip(&packed)
            .map(|((name, data), packed)| RawEntry {
                name,
                method: 8,
                data: packed,
                crc: crc32(data),
                size: data.len() as u32,
            })
            .collect();
        zip_raw(&entries)
    }

    pub fn zip_raw(entries: &[RawEntry]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut central = Vec::new();
        for e in entries {
            let offset = out.len() as u32;
            let common = |v: &mut Vec<u8>| {
                v.extend(20u16.to_le_bytes()); // version needed
                v.extend(0x0800u16.to_le_bytes()); // UTF-8 names
                v.extend(e.method.to_le_bytes());
                v.extend([0, 0, 0x21, 0]); // time, date: 1980-01-01
                v.extend(e.crc.to_le_bytes());
                v.extend((e.data.len() as u32).to_le_bytes());
                v.extend(e.size.to_le_bytes());
                v.extend((e.name.len() as u16).to_le_bytes());
                v.extend(0u16.to_le_bytes()); // extra length
            };
            out.extend(b"PK\x03\x04");
            common(&mut out);
            out.extend(e.name.as_bytes());
            out.extend(e.data);
            central.extend(b"PK\x01\x02");
            central.extend(20u16.to_le_bytes()); // version made by
            common(&mut central);
            central.extend([0u8; 6]); // comment length, disk, internal attributes
            central.extend(0u32.to_le_bytes()); // external attributes
            central.extend(offset.to_le_bytes());
            central.extend(e.name.as_bytes());
        }
        let cd_offset = out.len() as u32;
        let n = entries.len().min(0xFFFF) as u16;
        out.extend(&central);
        out.extend(b"PK\x05\x06\0\0\0\0");
        out.extend(n.to_le_bytes());
        out.extend(n.to_le_bytes());
        out.extend((central.len() as u32).to_le_bytes());
        out.extend(cd_offset.to_le_bytes());
        out.extend(0u16.to_le_bytes());
        out
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// A .docx with these parts (deflated), plus the package boilerplate
    /// unless given.
    pub(crate) fn build(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut all: Vec<(&str, &str)> = parts.to_vec();
        if !parts.iter().any(|(n, _)| *n == "_rels/.rels") {
            all.push((
                "_rels/.rels",
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
            ));
        }
        let all: Vec<(&str, &[u8])> = all.iter().map(|(n, b)| (*n, b.as_bytes())).collect();
        testkit::zip(&all)
    }

    /// A document.xml whose body is `body`.
    pub(crate) fn doc(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}</w:body></w:document>"#
        )
    }

    fn p(style: &str, text: &str) -> String {
        let ppr = if style.is_empty() {
            String::new()
        } else {
            format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#)
        };
        format!(r#"<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
    }

    fn pn(num: u32, ilvl: u32, text: &str) -> String {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    }

    const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="Heading 3"/></w:style>
<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="标题 4"/></w:style>
<w:style w:type="paragraph" w:styleId="mine"><w:name w:val="我的标题"/><w:basedOn w:val="Heading3"/></w:style>
<w:style w:type="paragraph" w:styleId="body9"><w:name w:val="heading 5"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/></w:style>
</w:styles>"#;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
 <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="5">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:lvlRestart w:val="0"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="3"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%3"/><w:suff w:val="nothing"/></w:lvl>
 <w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61623;"/></w:lvl>
 <w:lvl w:ilvl="4"><mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="ideographTraditional"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%5、"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="5"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="5"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
</w:numbering>"#;

    fn read_body(body: &str) -> DocxText {
        let bytes = build(&[
            ("word/document.xml", &doc(body)),
            ("word/styles.xml", STYLES),
            ("word/numbering.xml", NUMBERING),
        ]);
        read(&bytes, &Limits::default()).unwrap()
    }

    fn lines(d: &DocxText) -> Vec<&str> {
        d.text.split('\n').collect()
    }

    #[test]
    fn numbered_headings_and_styles() {
        let body = [
            p("a3", "关于2023年度政治生态情况的报告"),
            p("1", "基本情况"),
            p("", "全县共有党员1200名。"),
            p("2", "组织建设"),
            pn(1, 2, "加强理论学习。"),
            pn(1, 2, "落实主体责任。"),
            p("2", "作风建设"),
            pn(1, 2, "整治形式主义。"),
            p("1", "存在问题"),
            p("2", "学习不深入"),
            p("Heading3", "具体表现"),
            p("a5", "第四级"),
            p("mine", "继承的标题"),
            p("body9", "正文样式"),
            p("1", ""),
        ]
        .concat();
        let d = read_body(&body);
        assert_eq!(
            lines(&d),
            [
                "关于2023年度政治生态情况的报告",
                "一、基本情况",
                "全县共有党员1200名。",
                "（一）组织建设",
                "1.加强理论学习。",
                "2.落实主体责任。",
                "（二）作风建设",
                "1.整治形式主义。",
                "二、存在问题",
                "（一）学习不深入",
                "具体表现",
                "第四级",
                "继承的标题",
                "正文样式",
                "三、",
            ]
        );
        assert_eq!(
            d.hints.heading_levels,
            [
                (1, 1),
                (3, 2),
                (6, 2),
                (8, 1),
                (9, 2),
                (10, 3),
                (11, 4),
                (12, 3),
                (14, 1)
            ]
        );
        assert!(!d.tracked_changes);
        // The analyser sees the headings.
        let report = crate::analyze_with(
            &d.text,
            &crate::ProfileChoice::Auto,
            &crate::Config::default(),
            &d.hints,
        );
        let titles: Vec<&str> = report.outline.iter().map(|o| o.title.as_str()).collect();
        assert!(titles.contains(&"一、基本情况"), "{titles:?}");
        assert!(titles.contains(&"（二）作风建设"), "{titles:?}");
        assert!(titles.contains(&"继承的标题"), "{titles:?}");
    }

    #[test]
    fn list_restarts_and_formats() {
        let body = [
            pn(1, 0, "甲"),
            pn(1, 0, "乙"),
            // A new list instance with a start override restarts.
            pn(2, 0, "丙"),
            pn(2, 0, "丁"),
            pn(3, 0, "总则"),
            pn(3, 1, "范围"),
            pn(3, 1, "术语"),
            pn(3, 0, "要求"),
            // lvlRestart 0: level 1 keeps counting.
            pn(3, 1, "细则"),
            pn(3, 2, "圈"),
            pn(3, 3, "点"),
            pn(3, 4, "天干"),
            pn(3, 4, "天干"),
            pn(4, 0, "重新"),
            // numId 0 removes numbering; unknown numIds give nothing.
            pn(0, 0, "无编号"),
            pn(99, 0, "未知"),
        ]
        .concat();
        let d = read_body(&body);
        assert_eq!(
            lines(&d),
            [
                "一、甲",
                "二、乙",
                "一、丙",
                "二、丁",
                "1.总则",
                "1.1 范围",
                "1.2 术语",
                "2.要求",
                "2.3 细则",
                "③圈",
                "点",
                "甲、天干",
                "乙、天干",
                "7.重新",
                "无编号",
                "未知",
            ]
        );
        assert!(d.hints.heading_levels.is_empty());
    }

    #[test]
    fn number_formats() {
        let cases = [
            (1, "chineseCounting", "一"),
            (10, "chineseCounting", "十"),
            (11, "chineseCounting", "十一"),
            (20, "chineseCounting", "二十"),
            (21, "chineseCountingThousand", "二十一"),
            (105, "chineseCounting", "一百零五"),
            (110, "chineseCounting", "一百一十"),
            (10010, "chineseCounting", "一万零一十"),
            (12, "chineseLegalSimplified", "壹拾贰"),
            (3, "japaneseCounting", "三"),
            (3, "ideographTraditional", "丙"),
            (11, "ideographTraditional", "11"),
            (2, "ideographZodiac", "丑"),
            (2025, "ideographDigital", "二〇二五"),
            (1, "decimalEnclosedCircle", "①"),
            (20, "decimalEnclosedCircleChinese", "⑳"),
            (21, "decimalEnclosedCircle", "21"),
            (3, "decimalEnclosedParen", "⑶"),
            (3, "decimalEnclosedFullstop", "⒊"),
            (12, "decimalFullWidth", "１２"),
            (4, "decimalZero", "04"),
            (14, "upperRoman", "XIV"),
            (9, "lowerRoman", "ix"),
            (28, "upperLetter", "BB"),
            (2, "lowerLetter", "b"),
            (22, "ordinal", "22nd"),
            (0, "chineseCounting", "〇"),
            (-3, "chineseCounting", "-3"),
            (5, "none", ""),
            (5, "somethingNew", "5"),
            (i64::MAX, "upperRoman", "9223372036854775807"),
        ];
        for (n, fmt, want) in cases {
            assert_eq!(format_number(n, fmt), want, "{n} {fmt}");
        }
    }

    #[test]
    fn tables_become_rows() {
        let cell = |t: &str| format!("<w:tc>{}</w:tc>", p("", t));
        let body = [
            p("", "表1 经费情况"),
            format!(
                "<w:tbl><w:tblGrid/><w:tr>{}{}{}</w:tr><w:tr>{}{}<w:tc>{}{}</w:tc></w:tr><w:tr>{}{}</w:tr><w:tr><w:tc><w:tbl><w:tr>{}{}</w:tr></w:tbl></w:tc>{}</w:tr></w:tbl>",
                cell("项目"), cell("金额"), cell("备注"),
                cell("合计"), cell("120"), p("", "第一段"), p("", "第二段"),
                cell(""), cell(""),
                cell("内"), cell("表"), cell("外"),
            ),
            p("", "表后正文。"),
        ]
        .concat();
        let d = read_body(&body);
        assert_eq!(
            lines(&d),
            [
                "表1 经费情况",
                "项目\t金额\t备注",
                "合计\t120\t第一段 第二段",
                "内 表\t外",
                "表后正文。"
            ]
        );
    }

    #[test]
    fn tracked_changes_fields_and_run_content() {
        let body = [
            r#"<w:p><w:r><w:t>全年完成</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>十</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>十二</w:t></w:r></w:ins><w:r><w:t>项任务。</w:t></w:r></w:p>"#,
            // A deleted paragraph: its text and its mark are gone.
            r#"<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="a"/></w:rPr></w:pPr><w:del w:id="4" w:author="a"><w:r><w:delText>删掉的段落</w:delText></w:r></w:del></w:p>"#,
            // A deleted paragraph mark joins two paragraphs.
            r#"<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="a"/></w:rPr></w:pPr><w:r><w:t>前半句，</w:t></w:r></w:p>"#,
            r#"<w:p><w:r><w:t>后半句。</w:t></w:r></w:p>"#,
            r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE \* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#,
            r#"<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:br w:type="page"/><w:t>丁&amp;&lt;&#x4E00;&#19968;</w:t><w:noBreakHyphen/><w:softHyphen/><w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="SimSun" w:char="2103"/></w:r></w:p>"#,
            r#"<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>可见</w:t></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs><w:pPrChange w:id="9"><w:pPr><w:pStyle w:val="1"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>改过格式</w:t></w:r></w:p>"#,
            r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>锚点段</w:t></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>大纲级别</w:t></w:r></w:p>"#,
        ]
        .concat();
        let d = read_body(&body);
        assert_eq!(
            lines(&d),
            [
                "全年完成十二项任务。",
                "前半句，后半句。",
                "3",
                "甲\t乙",
                "丙丁&<一一-℃",
                "可见",
                "改过格式",
                "文本框",
                "锚点段",
                "大纲级别",
            ]
        );
        assert_eq!(d.hints.heading_levels, [(9, 2)]);
        assert!(d.tracked_changes);
    }

    #[test]
    fn table_of_contents_is_skipped() {
        let fld = |kind: &str| format!(r#"<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>"#);
        let instr =
            |t: &str| format!(r#"<w:r><w:instrText xml:space="preserve">{t}</w:instrText></w:r>"#);
        let run = |t: &str| format!(r#"<w:r><w:t>{t}</w:t></w:r>"#);
        let body = [
            p("", "目录"),
            [
                "<w:p>".to_string(),
                fld("begin"),
                instr(r#" TOC \o "1-3" \h \z \u "#),
                fld("separate"),
                run("一、基本情况"),
                run("\t"),
                fld("begin"),
                instr(" PAGEREF _Toc1 \\h "),
                fld("separate"),
                run("1"),
                fld("end"),
                "</w:p>".to_string(),
            ]
            .concat(),
            format!("<w:p>{}{}</w:p>", run("二、存在问题\t2"), fld("end")),
            p("1", "基本情况"),
            [
                "<w:p>".to_string(),
                run("第"),
                fld("begin"),
                instr(" PAGE "),
                fld("separate"),
                run("3"),
                fld("end"),
                run("页"),
                "</w:p>".to_string(),
            ]
            .concat(),
            r#"<w:p><w:fldSimple w:instr=" TOC \o "><w:r><w:t>旧目录</w:t></w:r></w:fldSimple></w:p>"#.to_string(),
            r#"<w:p><w:fldSimple w:instr=" DATE "><w:r><w:t>2024年1月</w:t></w:r></w:fldSimple></w:p>"#.to_string(),
        ]
        .concat();
        let d = read_body(&body);
        assert_eq!(lines(&d), ["目录", "一、基本情况", "第3页", "2024年1月"]);
        // Unbalanced and runaway fields do not break anything.
        let runaway = format!("<w:p>{}{}</w:p>", fld("begin").repeat(200), run("正文"));
        assert_eq!(read_body(&runaway).text, "正文");
        let ends = format!("<w:p>{}{}</w:p>", fld("end").repeat(5), run("正文"));
        assert_eq!(read_body(&ends).text, "正文");
        assert!(is_toc(" TOC \\o") && is_toc("toc") && !is_toc("TOCX") && !is_toc(" PAGE"));
    }

    #[test]
    fn utf16_and_bom_parts() {
        let xml = doc(&p("", "一、基本情况")).replace("UTF-8", "UTF-16");
        let mut le = vec![0xFF, 0xFE];
        le.extend(xml.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(read_xml(&le, None, None).unwrap().text, "一、基本情况");
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend(doc(&p("", "正文")).as_bytes());
        assert_eq!(read_xml(&bom, None, None).unwrap().text, "正文");
        // Invalid UTF-8 inside text is replaced, not fatal.
        let mut bad = doc(&p("", "正文")).into_bytes();
        let at = bad.windows(3).position(|w| w == "正".as_bytes()).unwrap();
        bad[at] = 0xFF;
        assert!(read_xml(&bad, None, None)
            .unwrap()
            .text
            .contains('\u{FFFD}'));
    }

    #[test]
    fn prefixes_rels_and_no_styles() {
        // Another prefix for the main namespace, a non-default part name
        // found through the relationships, no styles or numbering parts.
        let xml = format!(
            r#"<x:document xmlns:x="{W}"><x:body><x:p><x:r><x:t>正文</x:t></x:r></x:p></x:body></x:document>"#
        );
        let bytes = build(&[
            (
                "_rels/.rels",
                r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>"#,
            ),
            ("word/document2.xml", &xml),
        ]);
        assert_eq!(read(&bytes, &Limits::default()).unwrap().text, "正文");
        // A DrawingML paragraph is not a Word paragraph.
        let xml = doc(
            r#"<w:p><w:r><w:t>一</w:t></w:r></w:p><a:p xmlns:a="urn:x"><a:r><a:t>不是</a:t></a:r></a:p>"#,
        );
        let bytes = build(&[("word/document.xml", &xml)]);
        assert_eq!(read(&bytes, &Limits::default()).unwrap().text, "一");
    }

    fn err(bytes: &[u8], limits: &Limits) -> String {
        read(bytes, limits).unwrap_err().message
    }

    #[test]
    fn damaged_files() {
        let l = Limits::default();
        let good = build(&[("word/document.xml", &doc(&p("", "正文")))]);
        assert!(err(&good[..good.len() / 2], &l).contains("损坏"));
        assert!(err(b"PK\x03\x04", &l).contains("损坏"));
        assert!(err(b"", &l).contains("损坏"));
        let broken = build(&[("word/document.xml", "<w:document><w:body><w:p></w:body>")]);
        assert!(err(&broken, &l).contains("XML"), "{}", err(&broken, &l));
        let unclosed = build(&[("word/document.xml", "<w:document><w:body>")]);
        assert!(err(&unclosed, &l).contains("XML"));
        let none = build(&[("word/other.xml", "<x/>")]);
        assert!(err(&none, &l).contains("word/document.xml"));
        let xlsx = build(&[("xl/workbook.xml", "<x/>")]);
        assert!(err(&xlsx, &l).contains("Excel"));
        let deep = build(&[(
            "word/document.xml",
            &doc(&format!("{}{}", "<w:p>".repeat(300), "</w:p>".repeat(300))),
        )]);
        assert!(err(&deep, &l).contains("嵌套"));
        let fine = build(&[(
            "word/document.xml",
            &doc(&format!(
                "{}{}",
                "<w:sdt>".repeat(200),
                "</w:sdt>".repeat(200)
            )),
        )]);
        assert!(read(&fine, &l).is_ok());
    }

    #[test]
    fn caps() {
        let xml = doc(&p("", &"很长的正文".repeat(2000)));
        let bytes = build(&[("word/document.xml", &xml)]);
        let small = Limits {
            max_decompressed: 10_000,
            ..Limits::default()
        };
        assert!(err(&bytes, &small).contains("压缩炸弹"));
        let few = Limits {
            max_entries: 1,
            ..Limits::default()
        };
        assert!(err(&bytes, &few).contains("上限"));
        let tiny = Limits {
            max_bytes: 100,
            ..Limits::default()
        };
        assert!(err(&bytes, &tiny).contains("太大"));
    }

    #[test]
    fn zip_structures() {
        let bytes = build(&[("word/document.xml", &doc(""))]);
        assert_eq!(end_record(&bytes).map(|r| r.entries), Some(2));
        assert_eq!(end_record(b"PK\x05\x06"), None);
        let mut fake = vec![0u8; 30];
        fake.extend(b"PK\x05\x06\0\0\0\0\xFF\xFF\xFF\xFF");
        fake.extend([0u8; 10]);
        assert_eq!(end_record(&fake).map(|r| r.entries), Some(0xFFFF));
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }
}
