//! Streaming the XML parts: namespaces, attributes, entities, depth.

use super::MAX_DEPTH;
use crate::decode::LoadError;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

const W_NS: &[u8] = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT_NS: &[u8] = b"http://purl.oclc.org/ooxml/wordprocessingml/main";
const MC_NS: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";
const M_NS: &[u8] = b"http://schemas.openxmlformats.org/officeDocument/2006/math";
const M_STRICT_NS: &[u8] = b"http://purl.oclc.org/ooxml/officeDocument/math";

/// The value of the attribute with this local name (any prefix).
pub(super) fn attr(e: &BytesStart, local: &[u8]) -> Option<String> {
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

pub(super) fn int_attr(e: &BytesStart) -> Option<i64> {
    attr(e, b"val").and_then(|v| v.trim().parse().ok())
}

/// On/off properties: `<w:vanish/>` is on, `w:val="0|false|off"` is off.
pub(super) fn on_off(e: &BytesStart) -> bool {
    !matches!(attr(e, b"val").as_deref(), Some("0" | "false" | "off"))
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Ns {
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
pub(super) enum Ev<'e, 'b> {
    Start(&'e BytesStart<'b>),
    /// An empty element: start and end at once.
    Empty(&'e BytesStart<'b>),
    End,
    Text(&'e str),
}

/// Decides which subtrees to skip: (namespace, local name, parent's local name).
type SkipFn<'s> = dyn FnMut(Ns, &[u8], &[u8]) -> bool + 's;
/// The raw bytes an event spans in the (UTF-8) part: `start..end`, and
/// whether a text event's text is exactly those bytes (no entity, no
/// line-end normalisation), so that a character offset in the text is a
/// byte offset in the XML. The writer (`write.rs`) patches at these offsets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Span {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) exact: bool,
}
type EventFn<'s> = dyn FnMut(Ev, Ns, &[u8], Span) + 's;

/// Streams a part's XML. `skip(ns, local, parent local)` names subtrees to
/// ignore whole.
/// The callback sees `(event, ns, local name, depth)`; for `End` the name is
/// that of the element being closed.
pub(super) fn walk_xml(
    xml: &[u8],
    part: &str,
    skip: &mut SkipFn,
    f: &mut EventFn,
) -> Result<(), LoadError> {
    let xml = utf8_xml(xml);
    let mut reader = NsReader::from_reader(xml.as_ref());
    // Element names on the way down, to report the closed element's name
    // and to know where a skipped subtree ends.
    let mut stack: Vec<(Ns, Vec<u8>)> = Vec::new();
    let mut skip_from: Option<usize> = None;
    loop {
        let before = reader.buffer_position() as usize;
        let (resolved, event) = match reader.read_resolved_event() {
            Ok(x) => x,
            Err(_) => return Err(xml_error(part, reader.error_position())),
        };
        let ns = ns_of(&resolved);
        let span = Span {
            start: before,
            end: reader.buffer_position() as usize,
            exact: false,
        };
        match event {
            Event::Start(e) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(too_deep(part));
                }
                let local = e.local_name().as_ref().to_vec();
                if skip_from.is_none() {
                    let parent = stack.last().map_or(&[][..], |(_, l)| l.as_slice());
                    if skip(ns, &local, parent) {
                        skip_from = Some(stack.len());
                    } else {
                        f(Ev::Start(&e), ns, &local, span);
                    }
                }
                stack.push((ns, local));
            }
            Event::Empty(e) if skip_from.is_none() => {
                let local = e.local_name();
                let parent = stack.last().map_or(&[][..], |(_, l)| l.as_slice());
                if !skip(ns, local.as_ref(), parent) {
                    f(Ev::Empty(&e), ns, local.as_ref(), span);
                }
            }
            Event::End(_) => {
                let Some((ns, local)) = stack.pop() else {
                    return Err(xml_error(part, reader.buffer_position()));
                };
                match skip_from {
                    Some(d) if d == stack.len() => skip_from = None,
                    Some(_) => {}
                    None => f(Ev::End, ns, &local, span),
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
                        span,
                    );
                } else {
                    let exact = raw.len() == span.end - span.start;
                    f(Ev::Text(&raw), Ns::Other, b"", Span { exact, ..span });
                }
            }
            Event::CData(t) if skip_from.is_none() => {
                f(
                    Ev::Text(&String::from_utf8_lossy(t.as_ref())),
                    Ns::Other,
                    b"",
                    span,
                );
            }
            Event::GeneralRef(r) if skip_from.is_none() => {
                let name = String::from_utf8_lossy(r.as_ref());
                if let Some(c) = entity(&name) {
                    let mut b = [0u8; 4];
                    f(Ev::Text(c.encode_utf8(&mut b)), Ns::Other, b"", span);
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
pub(super) fn utf8_xml(xml: &[u8]) -> std::borrow::Cow<'_, [u8]> {
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

/// Streams the `w:` elements of styles.xml or numbering.xml to
/// `f(event, local name)`, skipping change records (old formatting) and
/// mc:Choice (Word 2010 puts custom formats there with a standard
/// mc:Fallback; the fallback is what we can render).
pub(super) fn walk_w_elements(
    xml: &[u8],
    part: &str,
    f: &mut dyn FnMut(Ev, &[u8]),
) -> Result<(), LoadError> {
    walk_xml(
        xml,
        part,
        &mut |ns, l, _| (ns == Ns::W && is_change_record(l)) || (ns == Ns::Mc && l == b"Choice"),
        &mut |ev, ns, local, _| {
            if ns == Ns::W {
                f(ev, local);
            }
        },
    )
}

/// Property-change records hold the *old* formatting; skip them everywhere.
pub(super) fn is_change_record(local: &[u8]) -> bool {
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
