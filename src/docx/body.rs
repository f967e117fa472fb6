//! document.xml: paragraphs, runs, tables, fields, tracked changes and
//! text boxes, written out as lines with their heading levels.

use super::map::{shift, DocxMap, ParaPos, RunPos, Seg, NONE};
use super::numbering::{Counter, Numbering};
use super::styles::{outline_to_level, Styles};
use super::xml::{attr, int_attr, is_change_record, on_off, walk_xml, Ev, Ns, Span};
use super::DocxText;
use crate::decode::LoadError;
use crate::document::Hints;
use quick_xml::events::BytesStart;

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
    Txbx,
    Other,
}

#[derive(Debug, Default)]
struct Para {
    /// Index into the map's paragraphs (0 when not mapping).
    id: u32,
    text: String,
    /// Where `text` came from (empty when not mapping).
    segs: Vec<Seg>,
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

pub(super) fn is_toc(instr: &str) -> bool {
    let t = instr.trim_start().as_bytes();
    t.len() >= 3
        && t[..3].eq_ignore_ascii_case(b"TOC")
        && t.get(3).is_none_or(|c| !c.is_ascii_alphanumeric())
}

enum Frame {
    Para(Para),
    Row(Vec<(String, Vec<Seg>)>),
    Cell(String, Vec<Seg>),
}

/// What the reader records for the writer (`map.rs`), only when asked:
/// plain reading allocates nothing for it.
#[derive(Default)]
struct Mapping {
    map: DocxMap,
    /// Open runs (a text box's runs sit inside its anchoring run).
    runs: Vec<u32>,
    /// The `w:t` being read.
    t: u32,
    /// Open table cells and text boxes, and the next id for one.
    containers: Vec<u32>,
    next_container: u32,
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
    carry_segs: Vec<Seg>,
    tracked: bool,
    fields: Vec<Field>,
    /// `begin`s beyond MAX_FIELDS, waiting for their `end`.
    fields_overflow: usize,
    mapping: Option<Box<Mapping>>,
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

    /// Writes one line to the output, or into the enclosing table cell;
    /// `segs` say where its text came from.
    fn emit(&mut self, text: &str, segs: Vec<Seg>, level: Option<u8>) {
        if let Some((cell, cell_segs)) = self.frames.iter_mut().rev().find_map(|f| match f {
            Frame::Cell(c, s) => Some((c, s)),
            Frame::Row(_) | Frame::Para(_) => None,
        }) {
            let t = text.trim();
            if !t.is_empty() {
                if !cell.is_empty() {
                    cell.push(' ');
                }
                let lead = text.len() - text.trim_start().len();
                shift(segs, lead, lead + t.len(), cell.len(), cell_segs);
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
        if let Some(m) = self.mapping.as_mut() {
            shift(segs, 0, text.len(), self.out.len(), &mut m.map.segs);
        }
        if let Some(l) = level {
            self.hints.push((self.lines, l.min(6)));
        }
        self.out.push_str(text);
        self.lines += 1 + text.bytes().filter(|&b| b == b'\n').count();
    }

    fn end_paragraph(&mut self, mut p: Para) {
        if p.toc && p.text.trim().is_empty() {
            return;
        }
        if p.mark_deleted {
            if self.mapping.is_some() {
                p.segs.insert(0, Seg::marker(0, p.id));
            }
            let base = self.carry.len();
            shift(p.segs, 0, p.text.len(), base, &mut self.carry_segs);
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
        let mut segs = Vec::new();
        if self.mapping.is_some() {
            // The paragraph's own marker first, so that its label maps to it.
            segs.push(Seg::marker(0, p.id));
            let carry = std::mem::take(&mut self.carry_segs);
            shift(carry, 0, self.carry.len(), label.len(), &mut segs);
            let at = label.len() + self.carry.len();
            shift(p.segs, 0, p.text.len(), at, &mut segs);
        }
        let mut text = label;
        text.push_str(&std::mem::take(&mut self.carry));
        text.push_str(&p.text);
        // A heading needs words; an empty styled paragraph is not one.
        let level = level.filter(|_| !text.trim().is_empty());
        self.emit(&text, segs, level);
    }

    /// Inside the result of a table-of-contents field.
    fn in_toc(&self) -> bool {
        self.fields.iter().any(|f| f.toc && f.result)
    }

    fn push_text(&mut self, s: &str, span: Span, math: bool) {
        if self.in_toc() {
            if let Some(p) = self.para() {
                p.toc = true;
            }
            return;
        }
        let (run, t) = match &self.mapping {
            Some(m) if !math => (m.runs.last().copied().unwrap_or(NONE), m.t),
            _ => (NONE, NONE),
        };
        let mapping = self.mapping.is_some();
        if let Some(p) = self.para() {
            if !p.run_hidden {
                let before = p.text.len();
                p.text.extend(s.chars().filter_map(|c| match c {
                    '\n' | '\r' => Some(' '),
                    '\u{AD}' | '\0' => None,
                    c => Some(c),
                }));
                let len = p.text.len() - before;
                if mapping && len > 0 {
                    let raw_len = span.end - span.start;
                    p.segs.push(Seg {
                        text: before as u32,
                        len: len as u32,
                        raw: span.start as u32,
                        raw_len: raw_len as u32,
                        exact: span.exact && len == raw_len,
                        run,
                        t,
                        para: p.id,
                    });
                }
            }
        }
    }

    fn start(&mut self, ns: Ns, local: &[u8], e: &BytesStart, empty: bool, span: Span) {
        let parent = self.parent();
        let tag = match (ns, local) {
            (Ns::W, b"p") => {
                let toc = self.in_toc();
                let id = match self.mapping.as_mut() {
                    Some(m) => {
                        let open_end = if empty { NONE } else { span.end as u32 };
                        m.map.paras.push(ParaPos {
                            content: open_end,
                            close: NONE,
                            container: m.containers.last().copied().unwrap_or(0),
                        });
                        (m.map.paras.len() - 1) as u32
                    }
                    None => 0,
                };
                self.frames.push(Frame::Para(Para {
                    id,
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
                if let Some(m) = self.mapping.as_mut() {
                    m.map.runs.push(RunPos {
                        open: (span.start as u32, span.end as u32),
                        rpr: None,
                    });
                    m.runs.push((m.map.runs.len() - 1) as u32);
                }
                Tag::R
            }
            (Ns::W, b"rPr") if parent == Tag::R => {
                if let Some(m) = self.mapping.as_mut() {
                    let run = m.runs.last().and_then(|&r| m.map.runs.get_mut(r as usize));
                    if let Some(r) = run {
                        r.rpr = Some((span.start as u32, span.end as u32));
                    }
                }
                Tag::RPr
            }
            (Ns::W, b"t") => {
                if let Some(m) = self.mapping.as_mut() {
                    m.map.texts.push((span.start as u32, span.end as u32));
                    m.t = (m.map.texts.len() - 1) as u32;
                }
                Tag::T
            }
            (Ns::W, b"txbxContent") => {
                if let Some(m) = self.mapping.as_mut() {
                    m.next_container += 1;
                    m.containers.push(m.next_container);
                }
                Tag::Txbx
            }
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
                self.frames.push(Frame::Cell(String::new(), Vec::new()));
                if let Some(m) = self.mapping.as_mut() {
                    m.next_container += 1;
                    m.containers.push(m.next_container);
                }
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
            self.end(span);
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

    fn end(&mut self, span: Span) {
        let Some(tag) = self.tags.pop() else {
            return;
        };
        match tag {
            Tag::P => {
                if let Some(Frame::Para(p)) = self.frames.pop() {
                    if let Some(pos) = self
                        .mapping
                        .as_mut()
                        .and_then(|m| m.map.paras.get_mut(p.id as usize))
                    {
                        if pos.content != NONE {
                            pos.close = span.start as u32;
                        }
                    }
                    self.end_paragraph(p);
                }
            }
            Tag::PPr => {
                let id = self.para().map(|p| p.id);
                if let Some(m) = self.mapping.as_mut() {
                    if let Some(pos) = id.and_then(|id| m.map.paras.get_mut(id as usize)) {
                        if pos.content != NONE {
                            pos.content = span.end as u32;
                        }
                    }
                }
            }
            Tag::R => {
                if let Some(m) = self.mapping.as_mut() {
                    m.runs.pop();
                }
            }
            Tag::RPr => {
                if let Some(m) = self.mapping.as_mut() {
                    let run = m.runs.last().and_then(|&r| m.map.runs.get_mut(r as usize));
                    if let Some(RunPos { rpr: Some(r), .. }) = run {
                        r.1 = span.end as u32;
                    }
                }
            }
            Tag::T => {
                if let Some(m) = self.mapping.as_mut() {
                    m.t = NONE;
                }
            }
            Tag::Txbx => {
                if let Some(m) = self.mapping.as_mut() {
                    m.containers.pop();
                }
            }
            Tag::Tc => {
                if let Some(m) = self.mapping.as_mut() {
                    m.containers.pop();
                }
                if let Some(Frame::Cell(c, segs)) = self.frames.pop() {
                    if let Some(Frame::Row(cells)) = self.frames.last_mut() {
                        cells.push((c, segs));
                    }
                }
            }
            Tag::FldSimple => {
                self.fields.pop();
            }
            Tag::Tr => {
                if let Some(Frame::Row(cells)) = self.frames.pop() {
                    if cells.iter().any(|(c, _)| !c.trim().is_empty()) {
                        let mut line = String::new();
                        let mut segs = Vec::new();
                        for (k, (c, s)) in cells.into_iter().enumerate() {
                            if k > 0 {
                                line.push('\t');
                            }
                            shift(s, 0, c.len(), line.len(), &mut segs);
                            line.push_str(&c);
                        }
                        self.emit(&line, segs, None);
                    }
                }
            }
            _ => {}
        }
    }
}

pub(super) fn parse_document(
    xml: &[u8],
    part: &str,
    styles: &Styles,
    numbering: &Numbering,
) -> Result<DocxText, LoadError> {
    parse_mapped(xml, part, styles, numbering, false).map(|(d, _)| d)
}

/// The text and, when `map` is set, where each piece of it came from.
pub(super) fn parse_mapped(
    xml: &[u8],
    part: &str,
    styles: &Styles,
    numbering: &Numbering,
    map: bool,
) -> Result<(DocxText, DocxMap), LoadError> {
    let mut body = Body {
        styles,
        counter: Counter::new(numbering, styles),
        out: String::new(),
        lines: 0,
        hints: Vec::new(),
        frames: Vec::new(),
        tags: Vec::new(),
        carry: String::new(),
        carry_segs: Vec::new(),
        tracked: false,
        fields: Vec::new(),
        fields_overflow: 0,
        mapping: map.then(Box::default),
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
        &mut |ev, ns, local, span| match ev {
            Ev::Start(e) => body.start(ns, local, e, false, span),
            Ev::Empty(e) => body.start(ns, local, e, true, span),
            Ev::End => body.end(span),
            Ev::Text(t) => match body.parent() {
                Tag::T => body.push_text(t, span, false),
                Tag::MathT => body.push_text(t, span, true),
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
        let segs = std::mem::take(&mut body.carry_segs);
        body.emit(&carry, segs, None);
    }
    let tracked = body.tracked || deleted;
    let map = body.mapping.take().map(|m| m.map).unwrap_or_default();
    Ok((
        DocxText {
            text: body.out,
            hints: Hints {
                heading_levels: body.hints,
            },
            tracked_changes: tracked,
        },
        map,
    ))
}
