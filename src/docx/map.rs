//! The map from the reader's text back to document.xml, recorded by the
//! reader (`body.rs`) while it builds the text, so that reading and writing
//! share one notion of where each character came from.
//!
//! A [`Seg`] is a piece of the text that came from one XML text event (the
//! content of a `w:t` between two tags or entities). Text the reader writes
//! itself (numbering labels, the tab between table cells, line breaks,
//! `w:tab`, symbols) has no segment, so no edit can land there: a comment on
//! it falls back to its paragraph and a fix there is refused.

/// No index (a segment outside a run, a paragraph without a position).
pub(super) const NONE: u32 = u32::MAX;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Seg {
    /// Start byte in the text and length in bytes.
    pub(super) text: u32,
    pub(super) len: u32,
    /// Start byte in document.xml (after UTF-16/BOM conversion to UTF-8)
    /// and length there.
    pub(super) raw: u32,
    pub(super) raw_len: u32,
    /// Text byte i is XML byte raw + i (no entity, no dropped character).
    pub(super) exact: bool,
    /// The `w:r` (index into [`DocxMap::runs`]), NONE for math text and
    /// for paragraph markers (`len == 0`: "paragraph `para` starts here").
    pub(super) run: u32,
    /// The `w:t` start tag (index into [`DocxMap::texts`]).
    pub(super) t: u32,
    pub(super) para: u32,
}

impl Seg {
    pub(super) fn marker(at: u32, para: u32) -> Seg {
        Seg {
            text: at,
            len: 0,
            raw: 0,
            raw_len: 0,
            exact: true,
            run: NONE,
            t: NONE,
            para,
        }
    }

    fn end(&self) -> u32 {
        self.text + self.len
    }

    /// The XML byte of text offset `x` (at a segment edge, or anywhere in
    /// an exact segment).
    fn raw_at(&self, x: u32) -> Option<u32> {
        if x == self.text {
            Some(self.raw)
        } else if x == self.end() {
            Some(self.raw + self.raw_len)
        } else if self.exact {
            Some(self.raw + (x - self.text))
        } else {
            None
        }
    }
}

/// Moves segments of a piece of text into the text that contains it:
/// keeps the part of each within `lo..hi` of the piece and shifts it to
/// start at `base`. Markers are clamped into the range; a non-exact segment
/// cut in two is dropped (its characters then cannot be edited).
pub(super) fn shift(segs: Vec<Seg>, lo: usize, hi: usize, base: usize, out: &mut Vec<Seg>) {
    let (lo, hi, base) = (lo as u32, hi as u32, base as u32);
    for mut s in segs {
        if s.len == 0 {
            s.text = s.text.clamp(lo, hi) - lo + base;
            out.push(s);
            continue;
        }
        let (a, b) = (s.text.max(lo), s.end().min(hi));
        if a >= b {
            continue;
        }
        if a > s.text || b < s.end() {
            if !s.exact {
                continue;
            }
            s.raw += a - s.text;
            s.raw_len = b - a;
        }
        s.text = a - lo + base;
        s.len = b - a;
        out.push(s);
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct RunPos {
    /// The `<w:r …>` start tag.
    pub(super) open: (u32, u32),
    /// `<w:rPr>…</w:rPr>`, if the run has properties.
    pub(super) rpr: Option<(u32, u32)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct ParaPos {
    /// Where paragraph content starts (after `<w:p>` and its `w:pPr`), and
    /// where `</w:p>` starts; NONE for an empty `<w:p/>`.
    pub(super) content: u32,
    pub(super) close: u32,
    /// The table cell or text box holding the paragraph (0: the body).
    pub(super) container: u32,
}

/// Where the text of a .docx came from in its document.xml.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocxMap {
    pub(super) segs: Vec<Seg>,
    pub(super) runs: Vec<RunPos>,
    pub(super) texts: Vec<(u32, u32)>,
    pub(super) paras: Vec<ParaPos>,
}

/// A text position in the XML: inside the content of a `w:t` of a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Point {
    pub(super) raw: u32,
    pub(super) run: u32,
    pub(super) t: u32,
    pub(super) para: u32,
}

/// A piece of a span inside one `w:t`: XML bytes `raw..raw_end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Piece {
    pub(super) raw: u32,
    pub(super) raw_end: u32,
    pub(super) run: u32,
    pub(super) t: u32,
}

impl DocxMap {
    /// The paragraph holding text offset `x` (for a label, a cell tab or a
    /// line end: the paragraph before it).
    pub(super) fn para_at(&self, x: usize) -> Option<u32> {
        let x = u32::try_from(x).ok()?;
        let k = self.segs.partition_point(|s| s.text <= x);
        self.segs.get(k.checked_sub(1)?).map(|s| s.para)
    }

    /// The XML position of text offset `x` as the start of a span (`end`
    /// false: in the segment the next character comes from) or as its end
    /// (`end` true: after the character before).
    pub(super) fn point(&self, x: usize, end: bool) -> Option<Point> {
        let x = u32::try_from(x).ok()?;
        let k = if end {
            self.segs.partition_point(|s| s.end() < x)
        } else {
            self.segs.partition_point(|s| s.end() <= x)
        };
        let s = self.segs[k..].iter().find(|s| s.len > 0)?;
        let inside = if end {
            s.text < x && x <= s.end()
        } else {
            s.text <= x && x < s.end()
        };
        if !inside || s.run == NONE {
            return None;
        }
        Some(Point {
            raw: s.raw_at(x)?,
            run: s.run,
            t: s.t,
            para: s.para,
        })
    }

    /// The `w:t` pieces that text `a..b` (non-empty) is made of, when every
    /// character of it comes from the runs' text; None when it includes
    /// text the reader wrote itself or cuts an entity.
    pub(super) fn pieces(&self, a: usize, b: usize) -> Option<Vec<Piece>> {
        let (a, b) = (u32::try_from(a).ok()?, u32::try_from(b).ok()?);
        if a >= b {
            return None;
        }
        let k = self.segs.partition_point(|s| s.end() <= a);
        let mut out = Vec::new();
        let mut at = a;
        for s in self.segs[k..].iter().filter(|s| s.len > 0) {
            if at >= b {
                break;
            }
            if s.text != at && !(s.text < at && at < s.end()) {
                return None; // a gap: text that is not in any run
            }
            if s.run == NONE {
                return None;
            }
            let end = s.end().min(b);
            out.push(Piece {
                raw: s.raw_at(at)?,
                raw_end: s.raw_at(end)?,
                run: s.run,
                t: s.t,
            });
            at = end;
        }
        (at >= b).then_some(out)
    }
}
