//! document.xml: paragraphs, runs, tables, fields, tracked changes and
//! text boxes, written out as lines with their heading levels.

use super::numbering::{Counter, Numbering};
use super::styles::{outline_to_level, Styles};
use super::xml::{attr, int_attr, is_change_record, on_off, walk_xml, Ev, Ns};
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

pub(super) fn is_toc(instr: &str) -> bool {
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

pub(super) fn parse_document(
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
