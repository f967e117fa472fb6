//! The .docx written back: an annotated copy (a Word comment on each span)
//! and a fixed copy (changes tracked, or applied directly). Only the main
//! document part, the comments part, the main part's relationships and
//! the content types change; every other entry is copied as stored.

use super::body::parse_mapped;
use super::map::DocxMap;
use super::repack::repack;
use super::write::{
    comment_xml, max_id, Change, Comment, FixMode, Outcome, Skipped, WriteOptions, Writer,
};
use super::xml::utf8_xml;
use super::zip::rels_path;
use super::{DocxText, Parts};
use crate::decode::{Limits, LoadError};

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const COMMENTS_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const COMMENTS_CT: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";

/// The text of a .docx and where each piece of it came from in the main
/// document part. The text is the same as [`super::read`]'s.
pub fn read_mapped(bytes: &[u8], limits: &Limits) -> Result<(DocxText, DocxMap), LoadError> {
    let parts = Parts::open(bytes, limits)?;
    parse_mapped(
        &parts.doc_xml,
        &parts.main,
        &parts.styles,
        &parts.numbering,
        true,
    )
}

/// The main part as UTF-8, as the map's offsets count it, and the prefix
/// check: the writer writes `w:` markup, which needs `w:` bound to the
/// WordprocessingML namespace (true of every Word, WPS and LibreOffice file;
/// Strict OOXML is refused).
fn main_xml(parts: &Parts) -> Result<Vec<u8>, LoadError> {
    let xml = utf8_xml(&parts.doc_xml).into_owned();
    let head = &xml[..xml.len().min(4096)];
    let bound = memchr::memmem::find(head, format!("xmlns:w=\"{W_NS}\"").as_bytes()).is_some();
    if !bound {
        return Err(LoadError::new(
            format!("{} 不是常见的 Word 格式（如 Strict OOXML），无法写回：请用 Word/WPS 另存为普通 .docx 后再试", parts.main),
            format!("{} is not in the usual Word format (Strict OOXML?) and cannot be written back; save it as an ordinary .docx and try again", parts.main),
        ));
    }
    // A UTF-16 part is written back as UTF-8: its declaration must say so.
    if parts.doc_xml.starts_with(b"\xFF\xFE") || parts.doc_xml.starts_with(b"\xFE\xFF") {
        let s = String::from_utf8_lossy(&xml);
        return Ok(s
            .replacen("UTF-16", "UTF-8", 1)
            .replacen("utf-16", "UTF-8", 1)
            .into_bytes());
    }
    Ok(xml)
}

/// Inserts `add` before the last `</close>` of `xml` (the root's end tag).
fn append_before(xml: &[u8], close: &str, add: &str) -> Option<Vec<u8>> {
    let at = memchr::memmem::rfind(xml, close.as_bytes())?;
    let mut out = Vec::with_capacity(xml.len() + add.len());
    out.extend_from_slice(&xml[..at]);
    out.extend_from_slice(add.as_bytes());
    out.extend_from_slice(&xml[at..]);
    Some(out)
}

fn damaged(part: &str) -> LoadError {
    LoadError::new(
        format!("文档内容（{part}）已损坏，无法写回。请用 Word/WPS 打开后重新保存"),
        format!("the document part {part} is damaged and cannot be written back; open it in Word/WPS and save it again"),
    )
}

/// A copy of the .docx with a comment on each span. Comments whose span
/// cannot be mapped exactly go on the span's paragraph. Existing comments
/// are kept; the new ones take ids above every id in the document.
pub fn annotate(
    bytes: &[u8],
    limits: &Limits,
    comments: &[Comment],
    opts: &WriteOptions,
) -> Result<Outcome, LoadError> {
    let mut parts = Parts::open(bytes, limits)?;
    let (_, map) = parse_mapped(
        &parts.doc_xml,
        &parts.main,
        &parts.styles,
        &parts.numbering,
        true,
    )?;
    let xml = main_xml(&parts)?;
    // The comments part: from the relationships, else none yet.
    let existing = parts
        .rels
        .iter()
        .find(|(t, _)| t == COMMENTS_TYPE)
        .map(|(_, target)| target.clone());
    let old_comments = match &existing {
        Some(name) => parts.pkg.read(name)?,
        None => None,
    };
    let mut writer = Writer::new(&xml, &map, opts);
    if let Some(c) = &old_comments {
        writer.next_id = writer.next_id.max(max_id(c) + 1);
    }
    let mut out = Outcome::default();
    let mut elements = String::new();
    for c in comments {
        let id = writer.next_id;
        writer.next_id += 1;
        match writer.comment(c.start, c.end, id) {
            Some(exact) => {
                if exact {
                    out.anchored += 1;
                } else {
                    out.on_paragraph += 1;
                }
                elements.push_str(&comment_xml(id, &c.text, opts));
            }
            None => out.skipped.push(Skipped {
                start: c.start,
                end: c.end,
                zh: "文档没有可以加批注的段落".to_string(),
                en: "the document has no paragraph to comment on".to_string(),
            }),
        }
    }
    let doc = writer.finish();
    let mut replace = vec![(parts.main.clone(), doc)];
    let comments_name =
        existing.unwrap_or_else(|| super::zip::sibling(&parts.main, "comments.xml"));
    let comments_xml = match old_comments {
        Some(old) => {
            let old = utf8_xml(&old).into_owned();
            append_before(&old, "</w:comments>", &elements).ok_or_else(|| damaged(&comments_name))?
        }
        None => format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"{W_NS}\">{elements}</w:comments>"
        )
        .into_bytes(),
    };
    replace.push((comments_name.clone(), comments_xml));
    if parts.rels.iter().all(|(t, _)| t != COMMENTS_TYPE) {
        let rels_name = rels_path(&parts.main);
        let rels = parts.pkg.read(&rels_name)?;
        replace.push((
            rels_name.clone(),
            add_relationship(rels.as_deref(), &parts.main, &comments_name)
                .ok_or_else(|| damaged(&rels_name))?,
        ));
    }
    let ct_name = "[Content_Types].xml";
    let ct = parts.pkg.read(ct_name)?.ok_or_else(|| damaged(ct_name))?;
    if let Some(ct) = add_override(&ct, &comments_name).ok_or_else(|| damaged(ct_name))? {
        replace.push((ct_name.to_string(), ct));
    }
    out.bytes = repack(bytes, &replace)?;
    Ok(out)
}

/// The relationships part with a relationship to the comments part.
fn add_relationship(rels: Option<&[u8]>, main: &str, comments: &str) -> Option<Vec<u8>> {
    let target = match (main.rsplit_once('/'), comments.rsplit_once('/')) {
        (Some((a, _)), Some((b, file))) if a.eq_ignore_ascii_case(b) => file.to_string(),
        _ => format!("/{comments}"),
    };
    let rels = rels.map(|r| utf8_xml(r).into_owned());
    // An id no other relationship has.
    let mut n = 1;
    let id = loop {
        let id = format!("rIdDraftCheck{n}");
        let taken = rels
            .as_deref()
            .is_some_and(|r| memchr::memmem::find(r, format!("\"{id}\"").as_bytes()).is_some());
        if !taken {
            break id;
        }
        n += 1;
    };
    let rel = format!("<Relationship Id=\"{id}\" Type=\"{COMMENTS_TYPE}\" Target=\"{target}\"/>");
    match rels {
        Some(r) => append_before(&r, "</Relationships>", &rel),
        None => Some(
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rel}</Relationships>").into_bytes(),
        ),
    }
}

/// The content types with an override for the comments part; None when
/// it has one already. Outer None: not a content types part.
fn add_override(ct: &[u8], comments: &str) -> Option<Option<Vec<u8>>> {
    let ct = utf8_xml(ct).into_owned();
    let name = format!("/{comments}");
    let lower = String::from_utf8_lossy(&ct).to_ascii_lowercase();
    if lower.contains(&format!("\"{}\"", name.to_ascii_lowercase())) {
        return Some(None);
    }
    let add = format!("<Override PartName=\"{name}\" ContentType=\"{COMMENTS_CT}\"/>");
    append_before(&ct, "</Types>", &add).map(Some)
}

/// A copy of the .docx with the changes applied (tracked or directly).
/// Changes that overlap an earlier one, or touch text that is not in the
/// runs (automatic numbering, cell breaks, tabs), are skipped and reported.
pub fn fix(
    bytes: &[u8],
    limits: &Limits,
    changes: &[Change],
    mode: FixMode,
    opts: &WriteOptions,
) -> Result<Outcome, LoadError> {
    let parts = Parts::open(bytes, limits)?;
    let (doc, map) = parse_mapped(
        &parts.doc_xml,
        &parts.main,
        &parts.styles,
        &parts.numbering,
        true,
    )?;
    let xml = main_xml(&parts)?;
    let mut sorted: Vec<&Change> = changes.iter().collect();
    crate::sort::sort_by(&mut sorted, |c| crate::sort::key3(c.start, c.end, 0));
    let mut writer = Writer::new(&xml, &map, opts);
    let mut out = Outcome::default();
    let mut pos = 0;
    for c in sorted {
        let valid = c.start <= c.end && doc.text.get(c.start..c.end).is_some();
        let refused = if !valid {
            Some((
                "修改的位置超出了文档文字",
                "the change lies outside the document's text",
            ))
        } else if c.start < pos {
            Some((
                "与前一处修改重叠，未修改",
                "overlaps an earlier change; not changed",
            ))
        } else {
            writer.change(c, mode).err()
        };
        match refused {
            None => {
                out.applied += 1;
                pos = c.end;
            }
            Some((zh, en)) => out.skipped.push(Skipped {
                start: c.start,
                end: c.end,
                zh: zh.to_string(),
                en: en.to_string(),
            }),
        }
    }
    let doc_xml = writer.finish();
    out.bytes = repack(bytes, &[(parts.main.clone(), doc_xml)])?;
    Ok(out)
}

/// A new .docx holding `text`: a paragraph per line, tabs as tabs. For a
/// draft that was pasted or read from a .txt file.
pub fn plain(text: &str) -> Vec<u8> {
    let mut body = String::with_capacity(text.len() * 2);
    for line in text.split('\n') {
        body.push_str("<w:p>");
        for (k, piece) in line.split('\t').enumerate() {
            if k > 0 {
                body.push_str("<w:r><w:tab/></w:r>");
            }
            if !piece.is_empty() {
                body.push_str("<w:r><w:t xml:space=\"preserve\">");
                body.push_str(&super::write::escape(piece.trim_end_matches('\r')));
                body.push_str("</w:t></w:r>");
            }
        }
        body.push_str("</w:p>");
    }
    let doc = format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W_NS}\"><w:body>{body}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>");
    // The official-document body font and size (GB/T 9704: 仿宋, 三号).
    let styles = format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"{W_NS}\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"仿宋_GB2312\"/><w:sz w:val=\"32\"/><w:lang w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"a\"><w:name w:val=\"Normal\"/></w:style></w:styles>");
    let ct = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/></Types>";
    let rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
    let doc_rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>";
    // An empty zip (its end record alone), every part added to it.
    let empty = b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";
    let parts = vec![
        ("[Content_Types].xml".to_string(), ct.as_bytes().to_vec()),
        ("_rels/.rels".to_string(), rels.as_bytes().to_vec()),
        ("word/document.xml".to_string(), doc.into_bytes()),
        (
            "word/_rels/document.xml.rels".to_string(),
            doc_rels.as_bytes().to_vec(),
        ),
        ("word/styles.xml".to_string(), styles.into_bytes()),
    ];
    repack(empty, &parts).unwrap_or_default()
}
