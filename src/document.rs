//! Segmentation: the text is cut once into lines, paragraphs, sentences,
//! headings, enumerations and parts (reports), and every rule reads this
//! structure instead of scanning the text again for it.
//!
//! Lines of a PDF paste (cut at one width, mid-sentence) are joined back
//! into paragraphs first. Headings form an outline per part: each knows its
//! parent heading and where its section ends.
//!
//! All offsets are byte offsets into the original text; findings are turned
//! into code-point offsets once, at the end (see `position`).

use crate::cnum;
use crate::numbers::{self, Number};
use crate::text::class::is_han;
use crate::text::seeds::{self, Seeds};
use crate::text::utf8::{punct_at, utf8_len};
use std::sync::OnceLock;

/// A physical line, without its line break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub start: usize,
    pub end: usize,
}

/// A logical paragraph: one or more physical lines. Lines are joined when
/// the text was pasted from a PDF and wraps mid-sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// Start of the first non-blank character.
    pub start: usize,
    /// End of the last non-blank character.
    pub end: usize,
    pub first_line: usize,
    pub last_line: usize,
    /// Index of the heading that starts this paragraph, if any.
    pub heading: Option<usize>,
    /// Index of the part (report) this paragraph belongs to.
    pub part: usize,
}

/// How a heading is numbered, in GB/T 9704 order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkerKind {
    /// 第一部分, 第一章, 第一节
    Chapter,
    /// 一、
    CnComma,
    /// （一） or (一)
    CnParen,
    /// 1. 1、 １．
    ArabicDot,
    /// （1） or (1)
    ArabicParen,
    /// ① ②
    Circled,
    /// Markdown `#`, with its depth.
    Markdown(u8),
    /// A heading level given by the source (a .docx heading style).
    Style(u8),
    /// A document title line (no number).
    Title,
    /// An unnumbered section label on a line of its own: a short line
    /// followed by a heading numbered 一、/1. that starts a new run
    /// ("存在问题" above "一、…"), or a short label in an English report.
    Plain,
}

impl MarkerKind {
    /// 1 is the top level; the title is 0.
    pub fn rank(self) -> u8 {
        match self {
            MarkerKind::Title => 0,
            MarkerKind::Chapter | MarkerKind::Plain => 1,
            MarkerKind::CnComma => 2,
            MarkerKind::CnParen => 3,
            MarkerKind::ArabicDot => 4,
            MarkerKind::ArabicParen => 5,
            MarkerKind::Circled => 6,
            MarkerKind::Markdown(n) | MarkerKind::Style(n) => n,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub paragraph: usize,
    pub kind: MarkerKind,
    /// The number in the marker (一 → 1), if it has one.
    pub ordinal: Option<u32>,
    /// Start of the marker.
    pub start: usize,
    /// End of the marker (start of the title words).
    pub marker_end: usize,
    /// End of the heading text. When the heading is the first sentence of
    /// its paragraph, the rest of the paragraph is body.
    pub end: usize,
    /// The marker's brackets are full-width （）.
    pub fullwidth: bool,
    /// The separator after the number (、 . ．), for 一、 and 1. markers.
    pub separator: Option<char>,
    pub part: usize,
    /// The enclosing heading: the nearest earlier heading of a lower rank
    /// in the same part (the title for top-level headings).
    pub parent: Option<usize>,
    /// End of the heading's section: where the next heading of the same or
    /// a higher level begins, or the end of its part.
    pub section_end: usize,
    /// The numbering family of the marker (its `kind` for numbered
    /// headings; the inner number of a Markdown heading such as "## 一、…";
    /// None when the heading has no number).
    pub numbering: Option<MarkerKind>,
}

impl Heading {
    pub fn rank(&self) -> u8 {
        self.kind.rank()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
}

/// Inline enumeration style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EnumKind {
    /// 一是 … 二是 …
    Shi,
    /// 第一，… 第二，…
    Di,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnumItem {
    pub ordinal: u32,
    pub start: usize,
    pub marker_end: usize,
    pub paragraph: usize,
}

/// A run of inline enumeration items numbered 1, 2, 3 … in one stretch of
/// body text (a heading in between ends it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enumeration {
    pub kind: EnumKind,
    pub items: Vec<EnumItem>,
}

/// One report. A file that holds several reports (【第一篇】 …) has several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub first_paragraph: usize,
    /// Exclusive.
    pub end_paragraph: usize,
    pub start: usize,
    pub end: usize,
}

/// Hints from the source format, e.g. heading levels read from .docx styles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    /// (0-based line index, heading level 1..=6) pairs; level 0 marks the
    /// document title.
    pub heading_levels: Vec<(usize, u8)>,
}

#[derive(Debug, Clone)]
pub struct Document<'a> {
    pub text: &'a str,
    pub lines: Vec<Line>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub headings: Vec<Heading>,
    pub enumerations: Vec<Enumeration>,
    pub parts: Vec<Part>,
    pub numbers: Vec<Number>,
    /// The lines were joined as a PDF paste (wrap width in display columns).
    pub pdf_wrap: Option<usize>,
    /// The text is mostly Latin script (an English report).
    pub latin: bool,
}

/// Sentence-final punctuation: a line that ends with one of these is not
/// continued on the next line.
pub fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '!' | '?' | '；' | ';' | '：' | ':' | '…' | '”' | '」' | '』'
    )
}

fn is_blank_char(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{feff}'
}

/// Display width: CJK and full-width forms take two columns.
fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| if (c as u32) < 0x1100 { 1 } else { 2 })
        .sum()
}

fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start_matches(is_blank_char).len();
    let trail = s.len() - s.trim_end_matches(is_blank_char).len();
    if lead == s.len() {
        (start, start)
    } else {
        (start + lead, end - trail)
    }
}

impl<'a> Document<'a> {
    pub fn new(text: &'a str) -> Document<'a> {
        Self::with_hints(text, &Hints::default())
    }

    pub fn with_hints(text: &'a str, hints: &Hints) -> Document<'a> {
        Self::with_hints_then(text, hints, false, |_| ()).0
    }

    /// [`Document::with_hints`], and `then` run on the document as soon as
    /// it is segmented: when `parallel` (see [`crate::Config::parallel`]),
    /// the figures are read on a second thread meanwhile, so `then` must
    /// not look at `numbers` (they may not be there yet).
    pub fn with_hints_then<R>(
        text: &'a str,
        hints: &Hints,
        parallel: bool,
        then: impl FnOnce(&Document<'a>) -> R,
    ) -> (Document<'a>, R) {
        // The figures depend on the text alone.
        #[cfg(target_arch = "wasm32")]
        let _ = parallel;
        #[cfg(not(target_arch = "wasm32"))]
        if parallel {
            return std::thread::scope(|s| {
                let numbers = crate::threads::spawn(s, || numbers::extract(text)).ok();
                let mut doc = Document::segmented(text, hints);
                let then = then(&doc);
                doc.numbers = match numbers.map(|h| h.join()) {
                    Some(Ok(n)) => n,
                    Some(Err(panic)) => std::panic::resume_unwind(panic),
                    // No second thread (a process limit): read them here.
                    None => numbers::extract(text),
                };
                (doc, then)
            });
        }
        let mut doc = Document::segmented(text, hints);
        let then = then(&doc);
        doc.numbers = numbers::extract(text);
        (doc, then)
    }

    /// Everything but the figures.
    fn segmented(text: &'a str, hints: &Hints) -> Document<'a> {
        let lines = split_lines(text);
        let pdf_wrap = detect_pdf_wrap(text, &lines);
        let mut doc = Document {
            text,
            lines,
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            headings: Vec::new(),
            enumerations: Vec::new(),
            parts: Vec::new(),
            numbers: Vec::new(),
            pdf_wrap,
            latin: mostly_latin(text),
        };
        doc.build_paragraphs();
        doc.build_parts();
        doc.build_headings(hints);
        doc.build_sentences();
        doc.build_enumerations();
        doc
    }

    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        self.text.get(start..end).unwrap_or("")
    }

    pub fn paragraph_text(&self, p: &Paragraph) -> &'a str {
        self.slice(p.start, p.end)
    }

    /// The heading's words without its number marker.
    pub fn heading_title(&self, h: &Heading) -> &'a str {
        self.slice(h.marker_end, h.end)
            .trim_matches(|c: char| is_blank_char(c) || matches!(c, '。' | '：' | ':'))
    }

    /// The heading's full text, marker included.
    pub fn heading_text(&self, h: &Heading) -> &'a str {
        self.slice(h.start, h.end)
    }

    /// Index of the line that holds byte offset `pos`.
    pub fn line_index(&self, pos: usize) -> usize {
        match self.lines.binary_search_by(|l| l.start.cmp(&pos)) {
            Ok(i) => i,
            Err(0) => 0,
            Err(i) => i - 1,
        }
    }

    /// The paragraph that holds byte offset `pos`, if any.
    pub fn paragraph_at(&self, pos: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.start <= pos);
        if i == 0 {
            return None;
        }
        let p = &self.paragraphs[i - 1];
        (pos <= p.end).then_some(i - 1)
    }

    /// The sentence that holds byte offset `pos`, if any.
    pub fn sentence_at(&self, pos: usize) -> Option<&Sentence> {
        let i = self.sentences.partition_point(|s| s.start <= pos);
        if i == 0 {
            return None;
        }
        let s = &self.sentences[i - 1];
        (pos < s.end).then_some(s)
    }

    /// The heading's own body text: from the end of the heading to the next
    /// heading of any level (or the end of its section), trimmed. Empty
    /// (start == end) when another heading follows at once.
    pub fn heading_body(&self, index: usize) -> (usize, usize) {
        let Some(h) = self.headings.get(index) else {
            return (0, 0);
        };
        let next = self
            .headings
            .get(index + 1)
            .filter(|n| n.part == h.part)
            .map_or(h.section_end, |n| n.start.min(h.section_end));
        let end = next.max(h.end).min(self.text.len());
        if !self.text.is_char_boundary(h.end) || !self.text.is_char_boundary(end) {
            return (h.end, h.end);
        }
        trim_range(self.text, h.end, end)
    }

    /// Indices of the headings directly under heading `index`.
    pub fn children(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.headings.get(index).map_or(0, |h| h.section_end);
        self.headings
            .iter()
            .enumerate()
            .skip(index + 1)
            .take_while(move |(_, h)| h.start < end)
            .filter(move |(_, h)| h.parent == Some(index))
            .map(|(i, _)| i)
    }

    /// Indices of the headings of part `part`, titles included.
    pub fn part_headings(&self, part: usize) -> std::ops::Range<usize> {
        let lo = self.headings.partition_point(|h| h.part < part);
        let hi = self.headings.partition_point(|h| h.part <= part);
        lo..hi
    }

    fn build_paragraphs(&mut self) {
        let text = self.text;
        let wrap = self.pdf_wrap;
        let mut current: Option<Paragraph> = None;
        // The previous non-blank line ran to the wrap width and stopped
        // mid-sentence, so the next line most likely continues it.
        let mut prev_wide_open = false;
        // The previous non-blank line is long and stopped mid-sentence
        // (without a detected wrap width).
        let mut prev_long_open = false;
        // Blank lines since the last text line: a blank line ends a
        // paragraph, except a single one inside a cut sentence of a PDF
        // paste (a page break).
        let mut blanks = 0usize;
        let mut seq = MarkerSeq::default();
        for (i, line) in self.lines.iter().enumerate() {
            let (s, e) = trim_range(text, line.start, line.end);
            if s == e {
                blanks += 1;
                continue;
            }
            let content = &text[s..e];
            let marker = parse_marker(content);
            let first = content.chars().next().unwrap_or(' ');
            let continues = current.is_some()
                && match wrap {
                    Some(_) if blanks == 0 && is_continuation_punct(first) => true,
                    // A page break may leave one blank line inside a sentence.
                    Some(_) if blanks <= 1 && prev_wide_open => match &marker {
                        None => true,
                        // "(二)自查范围与内容" after a cut is still a heading
                        // when its number continues the run; "一、二季度" is not.
                        Some(m) => !seq.continues(m),
                    },
                    _ => blanks == 0 && prev_long_open && marker.is_none() && is_fragment(content),
                };
            let last = content.chars().next_back().unwrap_or('。');
            let open = !is_terminal(last);
            prev_wide_open = open && wrap.is_some_and(|w| is_wide(display_width(content), w));
            prev_long_open = open && display_width(content) >= 40;
            blanks = 0;
            if continues {
                if let Some(p) = current.as_mut() {
                    p.end = e;
                    p.last_line = i;
                }
                continue;
            }
            if let Some(p) = current.take() {
                self.paragraphs.push(p);
            }
            if let Some(m) = &marker {
                seq.see(m);
            }
            current = Some(Paragraph {
                start: s,
                end: e,
                first_line: i,
                last_line: i,
                heading: None,
                part: 0,
            });
        }
        if let Some(p) = current.take() {
            self.paragraphs.push(p);
        }
    }

    fn build_parts(&mut self) {
        let mut starts = vec![0usize];
        for (i, p) in self.paragraphs.iter().enumerate() {
            if i > 0 && is_part_marker(&self.text[p.start..p.end]) {
                starts.push(i);
            }
        }
        // A lone preamble before the first marked report (a website preface)
        // stays its own part so that each report is checked on its own.
        for (k, &first) in starts.iter().enumerate() {
            let end_paragraph = starts.get(k + 1).copied().unwrap_or(self.paragraphs.len());
            if first >= end_paragraph {
                continue;
            }
            let part_index = self.parts.len();
            for p in &mut self.paragraphs[first..end_paragraph] {
                p.part = part_index;
            }
            self.parts.push(Part {
                first_paragraph: first,
                end_paragraph,
                start: self.paragraphs[first].start,
                end: self.paragraphs[end_paragraph - 1].end,
            });
        }
        if self.parts.is_empty() {
            self.parts.push(Part {
                first_paragraph: 0,
                end_paragraph: 0,
                start: 0,
                end: self.text.len(),
            });
        }
    }

    fn build_headings(&mut self, hints: &Hints) {
        let text = self.text;
        let latin = self.latin;
        let markers: Vec<Option<Marker>> = self
            .paragraphs
            .iter()
            .map(|p| parse_marker(&text[p.start..p.end]))
            .collect();
        // Heading levels from the source format, by line.
        let mut level_of_line: Vec<Option<u8>> = vec![None; self.lines.len()];
        for &(line, level) in &hints.heading_levels {
            if let Some(slot) = level_of_line.get_mut(line) {
                *slot = Some(level.min(6));
            }
        }
        // Level-1 Markdown headings per part.
        let mut md1: Vec<usize> = vec![0; self.parts.len()];
        for (p, m) in self.paragraphs.iter().zip(&markers) {
            if let (Some(m), Some(n)) = (m, md1.get_mut(p.part)) {
                if m.kind == MarkerKind::Markdown(1) {
                    *n += 1;
                }
            }
        }
        // True while a part has shown nothing but title lines.
        let mut title_zone: Vec<bool> = vec![true; self.parts.len()];
        // The highest level (lowest rank) of numbered heading seen per part:
        // an unnumbered label counts as a heading only above a run of that
        // level, not above a list inside a section ("主要做法：" + "1.").
        let mut top_numbered: Vec<Option<u8>> = vec![None; self.parts.len()];
        for pi in 0..self.paragraphs.len() {
            let p = self.paragraphs[pi];
            let content = &text[p.start..p.end];
            let style_level = level_of_line
                .get(p.first_line..=p.last_line)
                .and_then(|ls| ls.iter().flatten().next().copied());
            let in_title_zone = title_zone.get(p.part).copied().unwrap_or(false);
            let first_in_part = self
                .parts
                .get(p.part)
                .is_some_and(|part| part.first_paragraph == pi);
            let whole = |kind: MarkerKind| Heading {
                paragraph: pi,
                kind,
                ordinal: None,
                start: p.start,
                marker_end: p.start,
                end: p.end,
                fullwidth: false,
                separator: None,
                part: p.part,
                parent: None,
                section_end: p.end,
                numbering: None,
            };
            let heading = match (&markers[pi], style_level) {
                // "# Title" opening a Markdown report that has no other
                // level-1 heading is the report's title.
                (Some(m), _)
                    if m.kind == MarkerKind::Markdown(1)
                        && m.numbering.is_none()
                        && first_in_part
                        && md1.get(p.part) == Some(&1) =>
                {
                    Some(Heading {
                        marker_end: p.start + m.len,
                        ..whole(MarkerKind::Title)
                    })
                }
                (Some(m), _) => {
                    let (end, _) = heading_end(content, m.len);
                    Some(Heading {
                        paragraph: pi,
                        kind: m.kind,
                        ordinal: m.ordinal,
                        start: p.start,
                        marker_end: p.start + m.len,
                        end: p.start + end,
                        fullwidth: m.fullwidth,
                        separator: m.separator,
                        part: p.part,
                        parent: None,
                        section_end: p.end,
                        numbering: m.numbering,
                    })
                }
                (None, Some(0)) => Some(whole(MarkerKind::Title)),
                (None, Some(level)) => Some(whole(MarkerKind::Style(level))),
                (None, None) => {
                    let next_marker = markers.get(pi + 1).and_then(Option::as_ref);
                    let next_in_part = self
                        .paragraphs
                        .get(pi + 1)
                        .is_some_and(|n| n.part == p.part);
                    // A short label above a run that starts at 1 ("存在问题"
                    // then "一、…"), or a short heading line in English.
                    let label = next_in_part
                        && ((!latin
                            && next_marker.is_some_and(|m| {
                                let top = top_numbered.get(p.part).copied().flatten();
                                m.ordinal == Some(1)
                                    && !matches!(m.kind, MarkerKind::Markdown(_))
                                    && top.is_none_or(|t| m.kind.rank() <= t)
                            })
                            && looks_like_label(content))
                            || (latin && looks_like_english_label(content)));
                    // The first line is the title; later title-like lines
                    // are subtitles unless they label a run ("基本情况").
                    if in_title_zone
                        && looks_like_title(content)
                        && (first_in_part || (!latin && !label))
                    {
                        Some(whole(MarkerKind::Title))
                    } else if label {
                        Some(whole(MarkerKind::Plain))
                    } else {
                        None
                    }
                }
            };
            if let Some(slot) = title_zone.get_mut(p.part) {
                if heading.as_ref().is_none_or(|h| h.kind != MarkerKind::Title) {
                    *slot = false;
                }
            }
            if let (Some(h), Some(slot)) = (&heading, top_numbered.get_mut(p.part)) {
                if h.numbering.is_some() {
                    let r = h.rank();
                    *slot = Some(slot.map_or(r, |t| t.min(r)));
                }
            }
            if let Some(h) = heading {
                self.paragraphs[pi].heading = Some(self.headings.len());
                self.headings.push(h);
            }
        }
        self.build_outline();
    }

    /// Links each heading to its parent and finds where its section ends.
    fn build_outline(&mut self) {
        let mut stack: Vec<usize> = Vec::new();
        let mut part = usize::MAX;
        for i in 0..self.headings.len() {
            let (h_part, rank, start) = {
                let h = &self.headings[i];
                (h.part, h.rank(), h.start)
            };
            if h_part != part {
                let end = self.part_end(part);
                for j in stack.drain(..) {
                    self.headings[j].section_end = end;
                }
                part = h_part;
            }
            while let Some(&top) = stack.last() {
                if self.headings[top].rank() < rank {
                    break;
                }
                self.headings[top].section_end = start;
                stack.pop();
            }
            self.headings[i].parent = stack.last().copied();
            stack.push(i);
        }
        let end = self.part_end(part);
        for j in stack {
            self.headings[j].section_end = end;
        }
    }

    fn part_end(&self, part: usize) -> usize {
        self.parts.get(part).map_or(self.text.len(), |p| p.end)
    }

    fn build_sentences(&mut self) {
        let text = self.text;
        for (pi, p) in self.paragraphs.iter().enumerate() {
            let mut start = p.start;
            // Stepping from character to character by their lead bytes;
            // only punctuation is decoded.
            let bytes = text.as_bytes().get(p.start..p.end).unwrap_or(&[]);
            let mut next = 0;
            while next < bytes.len() {
                let off = next;
                next += utf8_len(bytes[off]);
                let Some(c) = punct_at(bytes, off) else {
                    continue;
                };
                let is_end = matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';')
                    || (c == '…' && punct_at(bytes, next) != Some('…'));
                if !is_end {
                    continue;
                }
                let mut end = p.start + off + c.len_utf8();
                // Closing quotes and brackets belong to the sentence they end.
                while let Some(n) = punct_at(bytes, next) {
                    if matches!(n, '”' | '’' | '」' | '』' | '）' | ')' | '"') {
                        end = p.start + next + n.len_utf8();
                        next += n.len_utf8();
                    } else {
                        break;
                    }
                }
                let (s, e) = trim_range(text, start, end);
                if s < e {
                    self.sentences.push(Sentence {
                        start: s,
                        end: e,
                        paragraph: pi,
                    });
                }
                start = end;
            }
            let (s, e) = trim_range(text, start, p.end);
            if s < e {
                self.sentences.push(Sentence {
                    start: s,
                    end: e,
                    paragraph: pi,
                });
            }
        }
    }

    fn build_enumerations(&mut self) {
        let text = self.text;
        let mut open: Vec<Enumeration> = Vec::new();
        for (pi, p) in self.paragraphs.iter().enumerate() {
            let body_start = p
                .heading
                .and_then(|h| self.headings.get(h))
                .map_or(p.start, |h| h.end);
            if p.heading.is_some() {
                // A heading ends the enumerations running in the text above it.
                self.enumerations.append(&mut open);
            }
            for item in find_enum_items(text, body_start, p.end, pi) {
                let (kind, item) = item;
                let slot = open.iter().position(|e| e.kind == kind);
                match slot {
                    Some(i)
                        if open[i]
                            .items
                            .last()
                            .is_some_and(|l| l.ordinal + 1 == item.ordinal) =>
                    {
                        open[i].items.push(item);
                    }
                    Some(i) => {
                        let done = open.remove(i);
                        self.enumerations.push(done);
                        if item.ordinal == 1 {
                            open.push(Enumeration {
                                kind,
                                items: vec![item],
                            });
                        }
                    }
                    None if item.ordinal == 1 => open.push(Enumeration {
                        kind,
                        items: vec![item],
                    }),
                    None => {}
                }
            }
        }
        self.enumerations.append(&mut open);
        crate::sort::sort_by(&mut self.enumerations, |e| {
            e.items.first().map_or(0, |i| i.start) as u128
        });
    }
}

/// Lines within this many display columns of the wrap width count as full.
const WRAP_SLACK: usize = 4;

/// Tolerance around the wrap width: justified PDF lines differ by a few
/// columns (half-width punctuation, hanging punctuation, indents).
fn wrap_tolerance(width: usize) -> usize {
    WRAP_SLACK.max(width / 8)
}

fn is_wide(width: usize, wrap: usize) -> bool {
    width + wrap_tolerance(wrap) >= wrap
}

fn is_continuation_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '、'
            | '。'
            | '；'
            | '：'
            | '）'
            | '”'
            | '’'
            | '》'
            | '！'
            | '？'
            | ','
            | ';'
            | ')'
            | '」'
            | '』'
            | '】'
    )
}

/// A line that can only be the tail of a cut sentence: one or two Han
/// characters and then a comma ("长,办公室、财务科…").
fn is_fragment(content: &str) -> bool {
    let mut chars = content.chars();
    let Some(a) = chars.next() else {
        return false;
    };
    if !is_han(a) {
        return false;
    }
    match chars.next() {
        Some(',' | '，' | '、') => true,
        Some(b) if is_han(b) => matches!(chars.next(), Some(',' | '，' | '、')),
        _ => false,
    }
}

/// The text is an English (Latin-script) report rather than a Chinese one.
fn mostly_latin(text: &str) -> bool {
    // Letters are single bytes: count them bytewise; then count Han
    // characters only until they outweigh the letters.
    let mut letters = 0usize;
    for &b in text.as_bytes() {
        letters += usize::from(b.is_ascii_alphabetic());
    }
    if letters < 20 {
        return false;
    }
    let mut han = 0usize;
    for c in text.chars() {
        if is_han(c) {
            han += 1;
            if han * 3 >= letters {
                return false;
            }
        }
    }
    letters > han * 3
}

/// The last numbers seen per marker family while cutting paragraphs, to
/// tell a heading that continues its run from a number cut mid-sentence.
#[derive(Default)]
struct MarkerSeq {
    last: Vec<(MarkerKind, u32)>,
}

impl MarkerSeq {
    fn continues(&self, m: &Marker) -> bool {
        if matches!(m.kind, MarkerKind::Markdown(_)) {
            return true;
        }
        let Some(ord) = m.ordinal else {
            return false;
        };
        let last = self
            .last
            .iter()
            .find(|(k, _)| *k == m.kind)
            .map_or(0, |&(_, n)| n);
        ord == last + 1
    }

    fn see(&mut self, m: &Marker) {
        let rank = m.kind.rank();
        // A heading restarts the numbering of every deeper level.
        self.last.retain(|(k, _)| k.rank() < rank);
        if let Some(o) = m.ordinal {
            self.last.push((m.kind, o));
        }
    }
}

fn split_lines(text: &str) -> Vec<Line> {
    static BREAKS: OnceLock<Seeds> = OnceLock::new();
    let breaks = BREAKS.get_or_init(|| Seeds::chars(&['\n', '\r']));
    let mut lines = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    // Only the line breaks are visited (a memchr-style search).
    for (i, _) in seeds::seed_matches(text, breaks) {
        match bytes[i] {
            b'\n' => {
                let end = if i > start && bytes[i - 1] == b'\r' {
                    i - 1
                } else {
                    i
                };
                lines.push(Line { start, end });
                start = i + 1;
            }
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => {
                lines.push(Line { start, end: i });
                start = i + 1;
            }
            _ => {}
        }
    }
    lines.push(Line {
        start,
        end: text.len(),
    });
    lines
}

/// A PDF paste has many lines cut at one width, mid-sentence. Returns that
/// width (display columns) when the text looks like one.
fn detect_pdf_wrap(text: &str, lines: &[Line]) -> Option<usize> {
    let mut widths: Vec<usize> = Vec::new();
    let mut nonblank = 0usize;
    for l in lines {
        let (s, e) = trim_range(text, l.start, l.end);
        let content = &text[s..e];
        let Some(last) = content.chars().last() else {
            continue;
        };
        nonblank += 1;
        // Headings of one length are not a wrap width.
        if is_terminal(last) || parse_marker(content).is_some() {
            continue;
        }
        let w = display_width(content);
        if w >= 30 {
            widths.push(w);
        }
    }
    if widths.len() < 3 {
        return None;
    }
    crate::sort::sort_by(&mut widths, |&w| w as u128);
    // The densest window of widths within the tolerance of its widest line.
    // `w - tolerance(w)` grows with w, so the window's low end only moves up.
    let mut best = (0usize, 0usize);
    let mut lo = 0;
    for hi in 0..widths.len() {
        let tol = wrap_tolerance(widths[hi]);
        while widths[hi] - widths[lo] > tol {
            lo += 1;
        }
        let n = hi + 1 - lo;
        if n >= best.0 {
            best = (n, widths[hi]);
        }
    }
    // Most lines of a wrapped text are cut at the width; an unwrapped text
    // has a few long lines without final punctuation at most.
    (best.0 >= 3 && best.0 * 4 >= nonblank).then_some(best.1)
}

/// A report's own number in a collection: 第一篇, 篇二, 范文三, 范例4, 模板5.
fn is_part_token(s: &str) -> bool {
    let s = s.trim_matches(|c: char| is_blank_char(c));
    let number = |n: &str| {
        !n.is_empty()
            && (n.chars().all(is_any_digit) || (n.chars().count() <= 3 && cnum::parse(n).is_some()))
    };
    if let Some(n) = s.strip_prefix('第').and_then(|r| r.strip_suffix('篇')) {
        return number(n);
    }
    for prefix in ["篇", "范文", "范例", "模板"] {
        if let Some(n) = s.strip_prefix(prefix) {
            return number(n);
        }
    }
    false
}

fn is_part_marker(p: &str) -> bool {
    // 【第一篇】, 【范文三】 … on a short line; 第一篇 / 范文一： at its start.
    if p.chars().count() > 40 {
        return false;
    }
    let mut rest = p;
    while let Some(open) = rest.find('【') {
        let inner = &rest[open + '【'.len_utf8()..];
        let Some(close) = inner.find('】') else {
            break;
        };
        if is_part_token(&inner[..close]) {
            return true;
        }
        rest = &inner[close..];
    }
    let head_end = p
        .find(['：', ':', '、', ' ', '\u{3000}', '】', ']'])
        .unwrap_or(p.len());
    let head = p[..head_end].trim_start_matches(['[', '【']);
    is_part_token(head)
}

fn looks_like_title(p: &str) -> bool {
    let n = p.chars().count();
    n <= 40
        && p.chars()
            .last()
            .is_some_and(|c| !is_terminal(c) && c != '，' && c != ',')
        && !p.contains('，')
        && !p.contains(',')
}

/// A short unnumbered section label such as "存在问题" or "整改措施：".
fn looks_like_label(p: &str) -> bool {
    let body = p.strip_suffix(['：', ':']).unwrap_or(p);
    let n = body.chars().count();
    // Dates and subtitles: "（2023年12月）", "——在全县大会上的讲话".
    let bracketed = body.starts_with(['（', '(']) && body.ends_with(['）', ')']);
    if bracketed || body.starts_with(['—', '-', '─']) {
        return false;
    }
    (2..=15).contains(&n)
        && body.chars().filter(|&c| is_han(c)).count() >= 2
        && !body.chars().any(|c| {
            matches!(
                c,
                '，' | ',' | '。' | '；' | ';' | '！' | '!' | '？' | '?' | '：' | ':'
            )
        })
        && !body.ends_with("如下")
        && !is_part_marker(body)
}

/// A short heading line in an English report: "Summary", "Key findings:".
fn looks_like_english_label(p: &str) -> bool {
    let body = p.strip_suffix(':').unwrap_or(p);
    body.len() <= 60
        && body.split_whitespace().count() <= 8
        && body.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && body.chars().any(|c| c.is_ascii_alphabetic())
        && !body
            .chars()
            .any(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '。' | '，'))
}

pub struct Marker {
    pub kind: MarkerKind,
    pub ordinal: Option<u32>,
    /// Byte length of the marker, separator included.
    pub len: usize,
    pub fullwidth: bool,
    pub separator: Option<char>,
    /// The numbering family (see [`Heading::numbering`]).
    pub numbering: Option<MarkerKind>,
}

fn take_while_len(s: &str, f: impl Fn(char) -> bool) -> usize {
    s.char_indices()
        .find(|&(_, c)| !f(c))
        .map_or(s.len(), |(i, _)| i)
}

fn is_cn_ordinal_char(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '〇' | '零' | '百'
    )
}

fn arabic_value(s: &str) -> Option<u32> {
    let mut v: u32 = 0;
    for c in s.chars() {
        let d = c.to_digit(10).or_else(|| {
            let u = c as u32;
            (0xFF10..=0xFF19).contains(&u).then(|| u - 0xFF10)
        })?;
        v = v.checked_mul(10)?.checked_add(d)?;
    }
    Some(v)
}

fn is_any_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Parses a heading number at the start of a paragraph.
pub fn parse_marker(p: &str) -> Option<Marker> {
    let first = p.chars().next()?;
    if first == '#' {
        return parse_markdown(p);
    }
    let mut m = parse_number_marker(p, first)?;
    m.numbering = Some(m.kind);
    Some(m)
}

/// Markdown `#` headings; a number inside ("## 一、基本情况") is kept as the
/// heading's ordinal so that numbering checks still see it.
fn parse_markdown(p: &str) -> Option<Marker> {
    let hashes = take_while_len(p, |c| c == '#');
    if hashes > 6 || !p[hashes..].starts_with([' ', '\t']) {
        return None;
    }
    let space = take_while_len(&p[hashes..], |c| c == ' ' || c == '\t');
    let inner_start = hashes + space;
    let inner = p[inner_start..]
        .chars()
        .next()
        .and_then(|c| parse_number_marker(&p[inner_start..], c));
    Some(match inner {
        Some(m) => Marker {
            kind: MarkerKind::Markdown(hashes as u8),
            ordinal: m.ordinal,
            len: inner_start + m.len,
            fullwidth: m.fullwidth,
            separator: m.separator,
            numbering: Some(m.kind),
        },
        None => Marker {
            kind: MarkerKind::Markdown(hashes as u8),
            ordinal: None,
            len: inner_start,
            fullwidth: false,
            separator: None,
            numbering: None,
        },
    })
}

fn parse_number_marker(p: &str, first: char) -> Option<Marker> {
    // 第一部分 / 第一章 / 第一节
    if let Some(rest) = p.strip_prefix('第') {
        let n = take_while_len(rest, |c| is_cn_ordinal_char(c) || is_any_digit(c));
        if n > 0 {
            let num = &rest[..n];
            let after = &rest[n..];
            for unit in ["部分", "章", "节"] {
                if let Some(tail) = after.strip_prefix(unit) {
                    let ordinal = cnum::parse(num)
                        .map(|v| v as u32)
                        .or_else(|| arabic_value(num));
                    let sep =
                        take_while_len(tail, |c| matches!(c, ' ' | '\u{3000}' | '、' | '：' | ':'));
                    return Some(Marker {
                        kind: MarkerKind::Chapter,
                        ordinal,
                        len: '第'.len_utf8() + n + unit.len() + sep,
                        fullwidth: false,
                        separator: None,
                        numbering: None,
                    });
                }
            }
        }
        return None;
    }
    // （一） (一) （1） (1)
    if first == '（' || first == '(' {
        let rest = &p[first.len_utf8()..];
        let close_at = rest.find(['）', ')'])?;
        let num = &rest[..close_at];
        let close = rest[close_at..].chars().next()?;
        if num.is_empty() || num.chars().count() > 3 {
            return None;
        }
        let fullwidth = first == '（' && close == '）';
        let (kind, ordinal) = if num.chars().all(is_cn_ordinal_char) {
            (MarkerKind::CnParen, cnum::parse(num).map(|v| v as u32))
        } else if num.chars().all(is_any_digit) {
            (MarkerKind::ArabicParen, arabic_value(num))
        } else {
            return None;
        };
        let mut len = first.len_utf8() + close_at + close.len_utf8();
        // A heading has words after its number.
        let tail = &p[len..];
        let sep = tail.chars().next();
        if matches!(sep, Some('、' | '.' | '．' | ' ' | '\u{3000}')) {
            len += sep.map_or(0, char::len_utf8);
        }
        if p[len..].trim().is_empty() {
            return None;
        }
        return Some(Marker {
            kind,
            ordinal,
            len,
            fullwidth,
            separator: matches!(sep, Some('、' | '.' | '．'))
                .then_some(sep)
                .flatten(),
            numbering: None,
        });
    }
    // ① …
    if ('①'..='⑳').contains(&first) {
        return Some(Marker {
            kind: MarkerKind::Circled,
            ordinal: Some(first as u32 - '①' as u32 + 1),
            len: first.len_utf8(),
            fullwidth: true,
            separator: None,
            numbering: None,
        });
    }
    // 一、
    if is_cn_ordinal_char(first) {
        let n = take_while_len(p, is_cn_ordinal_char);
        let sep = p[n..].chars().next()?;
        let after = &p[n + sep.len_utf8()..];
        // "一、二、三等奖" lists numbers; it is not a heading.
        let next_num = take_while_len(after, is_cn_ordinal_char);
        let number_list = next_num > 0 && after[next_num..].starts_with(['、', '，', ',']);
        if matches!(sep, '、' | '．' | '.') && !after.trim().is_empty() && !number_list {
            return Some(Marker {
                kind: MarkerKind::CnComma,
                ordinal: cnum::parse(&p[..n]).map(|v| v as u32),
                len: n + sep.len_utf8(),
                fullwidth: false,
                separator: Some(sep),
                numbering: None,
            });
        }
        return None;
    }
    // 1. 1、 １．
    if is_any_digit(first) {
        let n = take_while_len(p, is_any_digit);
        // Years and amounts ("2020.", "100、") are not heading numbers.
        if p[..n].chars().count() > 2 {
            return None;
        }
        let mut chars = p[n..].chars();
        let sep = chars.next()?;
        let next = chars.next();
        if matches!(sep, '.' | '．' | '、')
            && next.is_some_and(|c| {
                !is_any_digit(c) && !c.is_whitespace() || c == ' ' || c == '\u{3000}'
            })
            && !p[n + sep.len_utf8()..].trim().is_empty()
        {
            return Some(Marker {
                kind: MarkerKind::ArabicDot,
                ordinal: arabic_value(&p[..n]),
                len: n + sep.len_utf8(),
                fullwidth: sep == '．',
                separator: Some(sep),
                numbering: None,
            });
        }
    }
    None
}

/// Where the heading text ends within its paragraph: at the end of its first
/// sentence when body text follows it, otherwise at the paragraph end.
/// Returns (end byte offset, has_body).
fn heading_end(p: &str, marker_len: usize) -> (usize, bool) {
    let rest = &p[marker_len..];
    for (i, c) in rest.char_indices() {
        let is_stop = matches!(c, '。' | '！' | '？' | '!' | '?')
            || (matches!(c, '：' | ':') && rest[..i].chars().count() <= 24);
        if is_stop {
            let end = marker_len + i + c.len_utf8();
            let has_body = !p[end..].trim().is_empty();
            return (end, has_body);
        }
    }
    (p.len(), false)
}

fn find_enum_items(
    text: &str,
    start: usize,
    end: usize,
    paragraph: usize,
) -> Vec<(EnumKind, EnumItem)> {
    let body = &text[start..end];
    let bytes = body.as_bytes();
    let mut out = Vec::new();
    // Whether the previous character ends a clause (true at the start).
    let mut at_boundary = true;
    let mut next = 0;
    while next < bytes.len() {
        let i = next;
        next += utf8_len(bytes[i]);
        let boundary = at_boundary;
        at_boundary = punct_at(bytes, i).is_some_and(|p| {
            matches!(
                p,
                '。' | '；' | ';' | '！' | '？' | '：' | ':' | '\n' | ' ' | '\u{3000}' | '，' | ','
            )
        });
        if !boundary {
            continue;
        }
        let rest = &body[i..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        // 一是 / 二是
        if is_cn_ordinal_char(c) && c != '〇' && c != '零' {
            let n = take_while_len(rest, |c| is_cn_ordinal_char(c) && c != '百');
            if n <= 6 && rest[n..].starts_with('是') {
                // "一是" after a comma only counts if it opens an item, not "统一是".
                if let Some(v) = cnum::parse(&rest[..n]) {
                    out.push((
                        EnumKind::Shi,
                        EnumItem {
                            ordinal: v as u32,
                            start: start + i,
                            marker_end: start + i + n + '是'.len_utf8(),
                            paragraph,
                        },
                    ));
                }
            }
        }
        // 第一，/ 第二、
        if c == '第' && prev_is_strong_boundary(body, i) {
            let after = &rest['第'.len_utf8()..];
            let n = take_while_len(after, |c| is_cn_ordinal_char(c) && c != '百');
            if n > 0 && n <= 6 {
                let sep = after[n..].chars().next();
                if matches!(sep, Some('，' | ',' | '、' | '：' | ':')) {
                    if let Some(v) = cnum::parse(&after[..n]) {
                        out.push((
                            EnumKind::Di,
                            EnumItem {
                                ordinal: v as u32,
                                start: start + i,
                                marker_end: start
                                    + i
                                    + '第'.len_utf8()
                                    + n
                                    + sep.map_or(0, char::len_utf8),
                                paragraph,
                            },
                        ));
                    }
                }
            }
        }
    }
    out
}

fn prev_is_strong_boundary(body: &str, i: usize) -> bool {
    body[..i]
        .chars()
        .next_back()
        .is_none_or(|p| matches!(p, '。' | '；' | ';' | '！' | '？' | '：' | ':' | '\n'))
}

impl Document<'_> {
    /// The clause around a span: out to the nearest clause punctuation or
    /// line break on each side (at most ~40 characters each way).
    pub fn clause_around(&self, start: usize, end: usize) -> (usize, usize) {
        let text = self.text;
        let is_stop = |c: char| {
            matches!(
                c,
                '，' | '。' | '；' | '：' | '！' | '？' | ',' | ';' | '!' | '?' | '\n' | '\r'
            )
        };
        let mut s = start.min(text.len());
        for (n, c) in text[..s].chars().rev().enumerate() {
            if is_stop(c) || n >= 40 {
                break;
            }
            s -= c.len_utf8();
        }
        let mut e = end.min(text.len()).max(s);
        for (n, c) in text[e..].chars().enumerate() {
            if is_stop(c) || n >= 40 {
                break;
            }
            e += c.len_utf8();
        }
        (s, e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_in_gbt9704_order() {
        let text = "报告标题\n一、基本情况\n（一）坚持政治统领，聚焦“两个维护”。正文内容在这里。\n1．学习制度\n（1）细则。\n二、存在问题\n正文。";
        let doc = Document::new(text);
        let kinds: Vec<_> = doc.headings.iter().map(|h| h.kind).collect();
        assert_eq!(
            kinds,
            vec![
                MarkerKind::Title,
                MarkerKind::CnComma,
                MarkerKind::CnParen,
                MarkerKind::ArabicDot,
                MarkerKind::ArabicParen,
                MarkerKind::CnComma
            ]
        );
        let h = &doc.headings[2];
        assert_eq!(doc.heading_text(h), "（一）坚持政治统领，聚焦“两个维护”。");
        assert_eq!(doc.heading_title(h), "坚持政治统领，聚焦“两个维护”");
        assert_eq!(h.ordinal, Some(1));
        assert_eq!(doc.headings[5].ordinal, Some(2));
    }

    #[test]
    fn decimals_and_enumerations_are_not_headings() {
        let doc =
            Document::new("正文\n1.5万人参加了培训。\n一是加强学习。二是完善制度。三是强化监督。");
        assert!(doc.headings.iter().all(|h| h.kind == MarkerKind::Title));
        assert_eq!(doc.enumerations.len(), 1);
        let ords: Vec<u32> = doc.enumerations[0]
            .items
            .iter()
            .map(|i| i.ordinal)
            .collect();
        assert_eq!(ords, vec![1, 2, 3]);
    }

    #[test]
    fn unified_is_not_an_item() {
        let doc = Document::new("我们要坚持统一是关键，做到步调一致。");
        assert!(doc.enumerations.is_empty());
    }

    #[test]
    fn sentences_keep_closing_quotes() {
        let doc = Document::new("他说：“好。”然后离开。");
        let s: Vec<&str> = doc
            .sentences
            .iter()
            .map(|s| doc.slice(s.start, s.end))
            .collect();
        assert_eq!(s, vec!["他说：“好。”", "然后离开。"]);
    }

    #[test]
    fn collection_is_split_into_parts() {
        let text = "范例合集【精编2篇】\n报告【第一篇】\n一、情况\n正文。\n报告【第二篇】\n一、情况\n正文。";
        let doc = Document::new(text);
        assert_eq!(doc.parts.len(), 3);
    }

    #[test]
    fn headings_of_one_length_are_not_a_pdf_wrap() {
        let text = "XX区市场监督管理局2023年工作总结\n一、坚持党建引领，队伍建设持续加强\n正文。\n二、优化营商环境，市场活力不断释放\n正文。\n三、守牢安全底线，监管效能稳步提升\n正文。";
        let doc = Document::new(text);
        assert_eq!(doc.pdf_wrap, None);
        assert_eq!(doc.headings.len(), 4);
        assert_eq!(doc.paragraphs.len(), 7);
    }

    #[test]
    fn pdf_wrap_joins_cut_lines_but_keeps_headings() {
        let text = "(一)加强组织领导\n我局高度重视此次自查工作，成立了以局长为组长，分管副局长、纪检组长为副组\n长,办公室、财务科、监督检查股负责人为成员的自查工作领导小组，领导小组下设办\n公室，由财务科科长兼任办公室主任，负责日常工作。\n(二)自查范围与内容\n此次自查覆盖局机关及下属3个事业单位，重点检查预算执行、三公经费、政府采购、\n资产管理和往来款项清理等五个方面，共抽查会计凭证1260份，涉及资金总额约为\n1.5万笔、金额3800万元；全年凭证数量呈现出前高后低的态势，其中第一季度和第\n二季度的凭证占62%。";
        let doc = Document::new(text);
        assert!(doc.pdf_wrap.is_some());
        let starts: Vec<&str> = doc
            .paragraphs
            .iter()
            .map(|p| doc.paragraph_text(p).split('\n').next().unwrap_or(""))
            .collect();
        assert_eq!(starts.len(), 4, "{starts:?}");
        assert!(starts[2].starts_with("(二)自查范围与内容"));
        // Without a wrap width, a "长,"-style fragment after a long open
        // line still continues it.
        let doc = Document::new("领导小组由局长任组长，分管副局长任副组长，成员包括局办公室主任和财务科\n长,办公室负责日常工作。");
        assert_eq!(doc.paragraphs.len(), 1);
    }

    #[test]
    fn part_markers() {
        for yes in [
            "报告【第一篇】",
            "【范文3】XX报告",
            "第二篇",
            "范文一：XX局工作总结",
            "篇三",
        ] {
            assert!(is_part_marker(yes), "{yes}");
        }
        for no in [
            "政治生态总体评价范例【精编4篇】",
            "第一部分 总体情况",
            "【参考】此例优秀的办公资料",
            "篇幅有限",
        ] {
            assert!(!is_part_marker(no), "{no}");
        }
    }

    #[test]
    fn labels_above_restarted_runs() {
        let text = "XX镇政治生态分析研判报告\n基本情况\n一、政治建设\n正文。\n存在问题\n一、责任落实不够\n正文。\n（2023年12月）";
        let doc = Document::new(text);
        let kinds: Vec<MarkerKind> = doc.headings.iter().map(|h| h.kind).collect();
        assert_eq!(
            kinds,
            vec![
                MarkerKind::Title,
                MarkerKind::Plain,
                MarkerKind::CnComma,
                MarkerKind::Plain,
                MarkerKind::CnComma
            ]
        );
        assert_eq!(doc.headings[2].parent, Some(1));
        assert_eq!(doc.headings[4].parent, Some(3));
        // A label inside a section above a deeper list is only body text.
        let doc = Document::new(
            "一、主要做法\n（一）学习\n正文。\n取得的成效：\n1.提高了认识。\n2.改进了作风。",
        );
        assert!(doc.headings.iter().all(|h| h.kind != MarkerKind::Plain));
    }

    #[test]
    fn outline_tree() {
        let text = "报告\n一、甲\n（一）子\n正文。\n（二）子\n1.孙。正文。\n二、乙\n正文。";
        let doc = Document::new(text);
        let parents: Vec<Option<usize>> = doc.headings.iter().map(|h| h.parent).collect();
        assert_eq!(
            parents,
            vec![None, Some(0), Some(1), Some(1), Some(3), Some(0)]
        );
        let ends: Vec<&str> = doc
            .headings
            .iter()
            .map(|h| doc.slice(h.start, h.section_end))
            .collect();
        assert_eq!(
            ends[1],
            "一、甲\n（一）子\n正文。\n（二）子\n1.孙。正文。\n"
        );
        assert_eq!(ends[5], "二、乙\n正文。");
        assert_eq!(doc.children(1).collect::<Vec<_>>(), vec![2, 3]);
        let (s, e) = doc.heading_body(4);
        assert_eq!(doc.slice(s, e), "正文。");
    }

    #[test]
    fn never_panics_on_cut_text() {
        let text = "报告【第一篇】\n一、基本情况：（一）、\n（\n(一\n## \n# 一、\n1.\n①\n第三章\n长,\n，\n\u{3000}\n一、二、三等奖\n";
        for (i, _) in text.char_indices() {
            let _ = Document::new(&text[..i]);
            let _ = Document::new(&text[i..]);
        }
    }

    #[test]
    fn crlf_lines() {
        let doc = Document::new("一、基本情况\r\n正文。\r\n");
        assert_eq!(doc.lines.len(), 3);
        assert_eq!(
            doc.slice(doc.lines[0].start, doc.lines[0].end),
            "一、基本情况"
        );
    }
}
