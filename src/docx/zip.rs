//! The zip package: a small bounded reader of its own, and the package
//! relationships that name the parts.

use super::xml::attr;
use super::{find, sorted};
use crate::decode::{Limits, LoadError};
use quick_xml::events::Event;
use quick_xml::NsReader;

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
pub(super) struct Package<'a> {
    bytes: &'a [u8],
    /// Lower-cased part name (without a leading '/', '\' read as '/') and
    /// entry, sorted by name.
    names: Vec<(String, Entry)>,
    /// Decompressed bytes still allowed.
    budget: usize,
    max_decompressed: usize,
}

pub(super) fn corrupt(detail: &str) -> LoadError {
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

pub(super) fn le16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        b.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

pub(super) fn le32(b: &[u8], at: usize) -> Option<u32> {
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
pub(super) struct EndRecord {
    pub(super) entries: u64,
    pub(super) cd_offset: u64,
}

/// Finds and reads the end-of-central-directory record (and its zip64
/// twin when the classic fields overflow).
pub(super) fn end_record(bytes: &[u8]) -> Option<EndRecord> {
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
    pub(super) fn open(bytes: &'a [u8], limits: &Limits) -> Result<Package<'a>, LoadError> {
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

    pub(super) fn has(&self, name: &str) -> bool {
        find(&self.names, normalize_part(name).as_str()).is_some()
    }

    /// Reads a part, or None when the package has no such part. Stops with
    /// an error as soon as the total decompressed size passes the budget,
    /// whatever sizes the archive declares.
    pub(super) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, LoadError> {
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
    pub(super) fn main_part(&mut self) -> Result<String, LoadError> {
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
pub(super) fn missing_document(pkg: &mut Package) -> LoadError {
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

pub(super) fn normalize_part(name: &str) -> String {
    name.trim_start_matches(['/', '\\'])
        .replace('\\', "/")
        .to_ascii_lowercase()
}

/// `word/document.xml` → `word/_rels/document.xml.rels`.
pub(super) fn rels_path(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

pub(super) fn sibling(part: &str, file: &str) -> String {
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
pub(super) fn parse_rels(xml: &[u8], source: &str) -> Vec<(String, String)> {
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
