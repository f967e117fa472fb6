//! Writing document.xml back with comments anchored on spans of the text,
//! or with fixes applied as tracked changes or directly, using the map the
//! reader recorded (`map.rs`). Every patch is a splice at a byte offset of
//! the original XML, applied in one pass in offset order, so everything not
//! patched stays byte for byte, and time is linear in the size.
//!
//! Editing inside a run splits it: the run is closed at the offset and
//! reopened after the inserted markup with a copy of its start tag and its
//! `w:rPr`, so that fonts, sizes, bold and styles carry on.

use super::map::{DocxMap, Point, NONE};

/// A comment on text `start..end` (byte offsets in the reader's text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    pub start: usize,
    pub end: usize,
    /// Its text; lines become paragraphs of the comment.
    pub text: String,
}

/// A replacement of text `start..end` (byte offsets in the reader's text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixMode {
    /// As tracked changes (`w:del` + `w:ins`) that Word and WPS can accept
    /// or reject one by one.
    Tracked,
    /// Applied to the text, no revision marks.
    Direct,
}

#[derive(Clone, Copy, Debug)]
pub struct WriteOptions<'a> {
    /// Author of the comments and revisions.
    pub author: &'a str,
    /// `w:date`, e.g. "2025-03-01T10:00:00Z"; None leaves it out.
    pub date: Option<&'a str>,
}

/// Something that could not be written where it belongs, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub start: usize,
    pub end: usize,
    pub zh: String,
    pub en: String,
}

/// What was written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// The new .docx.
    pub bytes: Vec<u8>,
    /// Comments anchored on their exact span.
    pub anchored: usize,
    /// Comments put on the whole paragraph (the span could not be mapped).
    pub on_paragraph: usize,
    /// Changes applied.
    pub applied: usize,
    /// Changes not applied, and comments that found no paragraph at all.
    pub skipped: Vec<Skipped>,
}

#[derive(Debug)]
enum Kind {
    /// Close the run at this offset (inside the content of `w:t` `t`),
    /// insert the markup, reopen the run.
    Split { run: u32, markup: String },
    /// Insert as is.
    Insert(String),
    /// Replace the bytes up to `end` (a `w:t` start tag, or deleted text).
    Replace { end: u32, with: String },
}

#[derive(Debug)]
struct Patch {
    at: u32,
    /// At one offset: comment ends (0) before starts and edits (1) before
    /// skipped bytes (2).
    order: u8,
    kind: Kind,
}

pub(super) struct Writer<'a> {
    xml: &'a [u8],
    map: &'a DocxMap,
    patches: Vec<Patch>,
    /// `w:t` start tags already rewritten.
    rewritten: Vec<u32>,
    pub(super) next_id: u64,
    author: String,
    date: String,
}

pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Not allowed in XML 1.0 at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// The largest `w:id="N"` in an XML part: new comments and revisions take
/// ids above it.
pub(super) fn max_id(xml: &[u8]) -> u64 {
    let mut best = 0;
    for at in memchr::memmem::find_iter(xml, b"w:id=\"") {
        let digits = xml[at + 6..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .take(18)
            .fold(0u64, |v, b| v * 10 + u64::from(b - b'0'));
        best = best.max(digits);
    }
    best
}

impl<'a> Writer<'a> {
    pub(super) fn new(xml: &'a [u8], map: &'a DocxMap, opts: &WriteOptions) -> Writer<'a> {
        Writer {
            xml,
            map,
            patches: Vec::new(),
            rewritten: Vec::new(),
            next_id: max_id(xml) + 1,
            author: escape(opts.author),
            date: opts
                .date
                .map(|d| format!(" w:date=\"{}\"", escape(d)))
                .unwrap_or_default(),
        }
    }

    fn id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id - 1
    }

    fn slice(&self, r: (u32, u32)) -> &'a str {
        let b = self.xml.get(r.0 as usize..r.1 as usize).unwrap_or(&[]);
        std::str::from_utf8(b).unwrap_or("")
    }

    /// A copy of a run's start tag and properties.
    fn run_head(&self, run: u32) -> String {
        let Some(r) = self.map.runs.get(run as usize) else {
            return "<w:r>".to_string();
        };
        let mut s = self.slice(r.open).to_string();
        if let Some(rpr) = r.rpr {
            s.push_str(self.slice(rpr));
        }
        s
    }

    fn split(&mut self, p: Point, order: u8, markup: String) {
        // At the very end or start of a run's text the run need not be
        // split: the markup goes after or before the whole run.
        let close = b"</w:t></w:r>";
        if self
            .xml
            .get(p.raw as usize..)
            .is_some_and(|x| x.starts_with(close))
        {
            self.insert(p.raw + close.len() as u32, order, markup);
            return;
        }
        if let (Some(r), Some(&(t0, t1))) = (
            self.map.runs.get(p.run as usize),
            self.map.texts.get(p.t as usize),
        ) {
            if p.raw == t1 && t0 == r.rpr.map_or(r.open.1, |x| x.1) {
                self.insert(r.open.0, order, markup);
                return;
            }
        }
        self.patches.push(Patch {
            at: p.raw,
            order,
            kind: Kind::Split { run: p.run, markup },
        });
        self.rewrite_t(p.t);
    }

    /// A split leaves text at either end of a `w:t`: keep its spaces.
    fn rewrite_t(&mut self, t: u32) {
        if self.rewritten.contains(&t) {
            return;
        }
        let Some(&(a, b)) = self.map.texts.get(t as usize) else {
            return;
        };
        if self.slice((a, b)).contains("preserve") {
            return;
        }
        self.rewritten.push(t);
        self.patches.push(Patch {
            at: a,
            order: 1,
            kind: Kind::Replace {
                end: b,
                with: "<w:t xml:space=\"preserve\">".to_string(),
            },
        });
    }

    /// A paragraph that can take markup, starting from `para` and looking
    /// at its neighbours (an empty `<w:p/>` cannot).
    fn usable_para(&self, para: Option<u32>) -> Option<u32> {
        let ok = |k: usize| {
            self.map
                .paras
                .get(k)
                .is_some_and(|p| p.content != NONE && p.close != NONE)
        };
        let start = para.map_or(0, |p| p as usize);
        let n = self.map.paras.len();
        (start..n)
            .find(|&k| ok(k))
            .or_else(|| (0..start.min(n)).rev().find(|&k| ok(k)))
            .map(|k| k as u32)
    }

    /// Anchors a comment with id `id` on `start..end`; false when it could
    /// only go on a paragraph. None: no paragraph at all.
    pub(super) fn comment(&mut self, start: usize, end: usize, id: u64) -> Option<bool> {
        let open = format!("<w:commentRangeStart w:id=\"{id}\"/>");
        let close = format!(
            "<w:commentRangeEnd w:id=\"{id}\"/><w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr><w:commentReference w:id=\"{id}\"/></w:r>"
        );
        let (ps, pe) = if end > start {
            (self.map.point(start, false), self.map.point(end, true))
        } else {
            let p = self
                .map
                .point(start, false)
                .or_else(|| self.map.point(start, true));
            (p, p)
        };
        if let (Some(ps), Some(pe)) = (ps, pe) {
            let container = |p: Point| self.map.paras.get(p.para as usize).map(|q| q.container);
            if container(ps) == container(pe) && ps.raw <= pe.raw {
                if ps.raw == pe.raw {
                    self.split(ps, 1, open + &close);
                } else {
                    self.split(ps, 1, open);
                    self.split(pe, 0, close);
                }
                return Some(true);
            }
        }
        let para = self.usable_para(self.map.para_at(start))?;
        let pos = self.map.paras[para as usize];
        if pos.content == pos.close {
            self.insert(pos.content, 1, open + &close);
        } else {
            self.insert(pos.content, 1, open);
            self.insert(pos.close, 0, close);
        }
        Some(false)
    }

    fn insert(&mut self, at: u32, order: u8, s: String) {
        self.patches.push(Patch {
            at,
            order,
            kind: Kind::Insert(s),
        });
    }

    /// Applies a change, or says why not. Changes must come in text order
    /// without overlap (the caller sorts and filters).
    pub(super) fn change(
        &mut self,
        c: &Change,
        mode: FixMode,
    ) -> Result<(), (&'static str, &'static str)> {
        let not_in_runs = (
            "这段文字不在正文的文字块里（如自动编号、表格分隔、制表符或公式），未修改",
            "this text is not in the document's runs (automatic numbering, a table cell break, a tab or an equation); not changed",
        );
        let pieces = if c.end > c.start {
            self.map.pieces(c.start, c.end).ok_or(not_in_runs)?
        } else {
            Vec::new()
        };
        let at = match pieces.first() {
            Some(p) => Point {
                raw: p.raw,
                run: p.run,
                t: p.t,
                para: 0,
            },
            None => self
                .map
                .point(c.start, false)
                .or_else(|| self.map.point(c.start, true))
                .ok_or(not_in_runs)?,
        };
        match mode {
            FixMode::Direct => {
                if !c.text.is_empty() {
                    self.insert(at.raw, 1, escape(&c.text));
                }
                for p in &pieces {
                    self.patches.push(Patch {
                        at: p.raw,
                        order: 2,
                        kind: Kind::Replace {
                            end: p.raw_end,
                            with: String::new(),
                        },
                    });
                }
            }
            FixMode::Tracked => {
                let ins = |w: &mut Self| {
                    if c.text.is_empty() {
                        return String::new();
                    }
                    let id = w.id();
                    format!(
                        "<w:ins w:id=\"{id}\" w:author=\"{}\"{}>{}<w:t xml:space=\"preserve\">{}</w:t></w:r></w:ins>",
                        w.author,
                        w.date,
                        w.run_head(at.run),
                        escape(&c.text)
                    )
                };
                if pieces.is_empty() {
                    let markup = ins(self);
                    self.split(at, 1, markup);
                    return Ok(());
                }
                for (k, p) in pieces.iter().enumerate() {
                    let id = self.id();
                    let mut markup = format!(
                        "<w:del w:id=\"{id}\" w:author=\"{}\"{}>{}<w:delText xml:space=\"preserve\">{}</w:delText></w:r></w:del>",
                        self.author,
                        self.date,
                        self.run_head(p.run),
                        self.slice((p.raw, p.raw_end))
                    );
                    if k == 0 {
                        markup.push_str(&ins(self));
                    }
                    let point = Point {
                        raw: p.raw,
                        run: p.run,
                        t: p.t,
                        para: 0,
                    };
                    self.split(point, 1, markup);
                    self.patches.push(Patch {
                        at: p.raw,
                        order: 2,
                        kind: Kind::Replace {
                            end: p.raw_end,
                            with: String::new(),
                        },
                    });
                }
            }
        }
        Ok(())
    }

    /// The patched XML.
    pub(super) fn finish(mut self) -> Vec<u8> {
        // Stable: patches at one offset keep the order they were made in.
        crate::sort::sort_by(&mut self.patches, |p| {
            crate::sort::key3(p.at as usize, usize::from(p.order), 0)
        });
        let extra: usize = self
            .patches
            .iter()
            .map(|p| match &p.kind {
                Kind::Split { markup, .. } => markup.len() + 200,
                Kind::Insert(s) | Kind::Replace { with: s, .. } => s.len(),
            })
            .sum();
        let mut out = Vec::with_capacity(self.xml.len() + extra);
        let mut pos = 0usize;
        let mut k = 0;
        while k < self.patches.len() {
            let at = self.patches[k].at as usize;
            if at < pos {
                // Inside bytes already replaced: cannot happen for changes
                // that do not overlap; dropped rather than misplaced.
                k += 1;
                continue;
            }
            out.extend_from_slice(self.xml.get(pos..at).unwrap_or(&[]));
            pos = at;
            match &self.patches[k].kind {
                Kind::Split { run, .. } => {
                    // Every split at this offset shares one close and reopen.
                    let run = *run;
                    out.extend_from_slice(b"</w:t></w:r>");
                    while let Some(Patch {
                        at: a,
                        kind: Kind::Split { markup, .. },
                        ..
                    }) = self.patches.get(k)
                    {
                        if *a as usize != at {
                            break;
                        }
                        out.extend_from_slice(markup.as_bytes());
                        k += 1;
                    }
                    out.extend_from_slice(self.run_head(run).as_bytes());
                    out.extend_from_slice(b"<w:t xml:space=\"preserve\">");
                    continue;
                }
                Kind::Insert(s) => out.extend_from_slice(s.as_bytes()),
                Kind::Replace { end, with } => {
                    out.extend_from_slice(with.as_bytes());
                    pos = pos.max(*end as usize);
                }
            }
            k += 1;
        }
        out.extend_from_slice(self.xml.get(pos..).unwrap_or(&[]));
        out
    }
}

/// One `w:comment` element.
pub(super) fn comment_xml(id: u64, text: &str, opts: &WriteOptions) -> String {
    let date = opts
        .date
        .map(|d| format!(" w:date=\"{}\"", escape(d)))
        .unwrap_or_default();
    let author = escape(opts.author);
    let initials: String = opts.author.chars().take(2).collect();
    let mut s = format!(
        "<w:comment w:id=\"{id}\" w:author=\"{author}\"{date} w:initials=\"{}\">",
        escape(&initials)
    );
    for (k, line) in text.split('\n').enumerate() {
        s.push_str("<w:p><w:pPr><w:pStyle w:val=\"CommentText\"/></w:pPr>");
        if k == 0 {
            s.push_str("<w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr><w:annotationRef/></w:r>");
        }
        s.push_str(&format!(
            "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            escape(line)
        ));
    }
    s.push_str("</w:comment>");
    s
}
