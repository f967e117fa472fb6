//! Lines, and the paragraphs they make: the lines of a PDF paste, cut at
//! one width mid-sentence, are joined back first.

use super::markers::{parse_marker, Marker};
use super::{display_width, is_terminal, trim_range, Document, Line, MarkerKind, Paragraph};
use crate::text::class::is_han;
use crate::text::seeds::{self, Seeds};
use std::sync::OnceLock;

impl Document<'_> {
    pub(super) fn build_paragraphs(&mut self) {
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

pub(super) fn split_lines(text: &str) -> Vec<Line> {
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
pub(super) fn detect_pdf_wrap(text: &str, lines: &[Line]) -> Option<usize> {
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
