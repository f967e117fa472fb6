//! Headings: numbered, styled, Markdown, titles and unnumbered labels, and
//! the outline they form per part.

use super::markers::parse_marker;
use super::parts::is_part_marker;
use super::{is_terminal, Document, Heading, Hints, Marker, MarkerKind};
use crate::text::class::is_han;

impl Document<'_> {
    pub(super) fn build_headings(&mut self, hints: &Hints) {
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
    pub(super) fn build_outline(&mut self) {
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

    pub(super) fn part_end(&self, part: usize) -> usize {
        self.parts.get(part).map_or(self.text.len(), |p| p.end)
    }
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
