//! Matching the profile's sections against the draft's headings.
//!
//! Each report (part) is matched on its own. The sections of a report live
//! at one heading level: the highest level at which any heading names any
//! of the profile's sections (一、 in most reports; the chapters' children
//! when the top level is 第一部分 …). Only headings of that level count, so
//! that a sub-heading such as "（三）存在短板" inside the results does not
//! stand in for a missing problems section.

use crate::document::{Document, MarkerKind};
use crate::profile::Profile;
use crate::text::lexicon::Lexicon;

/// One profile section in one part (report) of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionMatch {
    pub part: usize,
    /// Index into `profile.sections`.
    pub section: usize,
    /// Index into `doc.headings` of the first heading that satisfies it.
    pub heading: Option<usize>,
    /// Every heading of the part's section level that satisfies it.
    pub headings: Vec<usize>,
    /// An unnumbered short line that names the section (byte span), when
    /// no heading does: "存在问题" standing alone above its text; or a
    /// statement from the profile that stands for it ("未发现问题").
    pub label: Option<(usize, usize)>,
    /// When no heading names a section that opens the report: the first
    /// heading of the section level that names no section and comes before
    /// the sections after it. Reports often give their results under
    /// thematic headings ("一、坚持政治引领…") instead of a heading called
    /// "主要成效".
    pub inferred: Option<usize>,
    /// The rank of the part's section level; None when no heading of the
    /// part names any section of the profile.
    pub level: Option<u8>,
}

impl SectionMatch {
    pub fn found(&self) -> bool {
        self.heading.is_some() || self.label.is_some() || self.inferred.is_some()
    }
}

/// Parts that are reports in their own right: they have numbered headings.
pub fn report_parts(doc: &Document) -> Vec<usize> {
    (0..doc.parts.len())
        .filter(|&p| {
            doc.part_headings(p)
                .any(|i| doc.headings[i].kind != MarkerKind::Title)
        })
        .collect()
}

/// Finds the profile's section words in heading titles.
pub struct AliasMatcher {
    lexicon: Lexicon,
    /// Pattern index → section index.
    section_of: Vec<usize>,
    /// Pattern is ASCII (English): it must start at a word boundary.
    ascii: Vec<bool>,
    sections: usize,
}

impl AliasMatcher {
    pub fn new(profile: &Profile) -> AliasMatcher {
        let mut patterns: Vec<&str> = Vec::new();
        let mut section_of = Vec::new();
        let mut ascii = Vec::new();
        for (si, spec) in profile.sections.iter().enumerate() {
            for a in &spec.aliases {
                let a = a.trim();
                if a.is_empty() {
                    continue;
                }
                patterns.push(a);
                section_of.push(si);
                ascii.push(a.is_ascii());
            }
        }
        AliasMatcher {
            lexicon: Lexicon::new(&patterns, true),
            section_of,
            ascii,
            sections: profile.sections.len(),
        }
    }

    /// Which sections `title` names (a set, as flags by section index).
    pub fn sections_in(&self, title: &str) -> Vec<bool> {
        let mut hit = vec![false; self.sections];
        for (m_start, _, pi) in self.lexicon.find_overlapping(title) {
            if self.ascii.get(pi).copied().unwrap_or(false) {
                let before = title[..m_start].chars().next_back();
                if before.is_some_and(crate::text::class::is_word_char) {
                    continue;
                }
            }
            if let Some(&si) = self.section_of.get(pi) {
                if let Some(slot) = hit.get_mut(si) {
                    *slot = true;
                }
            }
        }
        hit
    }
}

/// A short line on its own that is not a heading, e.g. "存在问题".
fn bare_label(text: &str) -> bool {
    let n = text.chars().count();
    (2..=20).contains(&n)
        && !text.chars().any(|c| {
            matches!(
                c,
                '，' | ',' | '。' | '；' | ';' | '！' | '!' | '？' | '?' | '.'
            )
        })
}

pub fn match_sections(doc: &Document, profile: &Profile) -> Vec<SectionMatch> {
    let matcher = AliasMatcher::new(profile);
    let statements = find_statements(doc, profile);
    let mut out = Vec::new();
    for part in report_parts(doc) {
        let range = doc.part_headings(part);
        // Section flags of each non-title heading of the part.
        let named: Vec<(usize, Vec<bool>)> = range
            .clone()
            .filter(|&i| doc.headings[i].kind != MarkerKind::Title)
            .map(|i| (i, matcher.sections_in(doc.heading_title(&doc.headings[i]))))
            .collect();
        let level = section_level(doc, &named);
        // The headings of the section level, in order.
        let at_level: Vec<&(usize, Vec<bool>)> = named
            .iter()
            .filter(|(i, _)| Some(doc.headings[*i].rank()) == level)
            .collect();
        for si in 0..profile.sections.len() {
            let headings: Vec<usize> = at_level
                .iter()
                .filter(|(_, f)| f.get(si).copied().unwrap_or(false))
                .map(|&&(i, _)| i)
                .collect();
            let mut label = None;
            let mut inferred = None;
            if headings.is_empty() && level.is_some() {
                label = find_label(doc, part, &matcher, si).or_else(|| {
                    statements
                        .iter()
                        .find(|&&(p, s, _, _)| p == part && s == si)
                        .map(|&(_, _, a, b)| (a, b))
                });
                if label.is_none() {
                    inferred = infer(&at_level, si);
                }
            }
            out.push(SectionMatch {
                part,
                section: si,
                heading: headings.first().copied(),
                headings,
                label,
                inferred,
                level,
            });
        }
    }
    out
}

/// The first unnamed heading in section `si`'s slot, for a section that
/// opens the report: no heading names an earlier section, and the unnamed
/// heading comes before the first heading that names a later one. (Results
/// are often told under thematic headings; problems and measures come with
/// a name. An unnamed heading after a named section most likely continues
/// it, so it stands in for nothing.)
fn infer(at_level: &[&(usize, Vec<bool>)], si: usize) -> Option<usize> {
    let names =
        |f: &[bool], pred: &dyn Fn(usize) -> bool| f.iter().enumerate().any(|(k, &b)| b && pred(k));
    if at_level.iter().any(|(_, f)| names(f, &|k| k < si)) {
        return None;
    }
    let hi = at_level
        .iter()
        .position(|(_, f)| names(f, &|k| k > si))
        .unwrap_or(at_level.len());
    at_level
        .get(..hi)?
        .iter()
        .find(|(_, f)| !f.iter().any(|&b| b))
        .map(|&&(i, _)| i)
}

/// Profile statements found in the text: (part, section, start, end), in
/// text order, from one pass over the text.
///
/// A statement with "…" in it ("未发现…问题") matches its two halves in one
/// clause, at most [`STATEMENT_GAP`] characters apart: "经自查，我局未发现
/// 公车私用、违规配备等问题" states it as plainly as "未发现问题".
fn find_statements(doc: &Document, profile: &Profile) -> Vec<(usize, usize, usize, usize)> {
    let mut patterns: Vec<&str> = Vec::new();
    let mut owner: Vec<(usize, Option<&str>)> = Vec::new();
    for (si, spec) in profile.sections.iter().enumerate() {
        for st in &spec.statements {
            let st = st.trim();
            let (head, tail) = match st.split_once('…') {
                Some((h, t)) => (h.trim(), Some(t.trim_matches('…').trim())),
                None => (st, None),
            };
            if !head.is_empty() && tail != Some("") {
                patterns.push(head);
                owner.push((si, tail));
            }
        }
    }
    if patterns.is_empty() {
        return Vec::new();
    }
    let lexicon = Lexicon::new(&patterns, true);
    let mut out = Vec::new();
    for (m_start, m_end, pi) in lexicon.find_overlapping(doc.text) {
        let Some(&(si, tail)) = owner.get(pi) else {
            continue;
        };
        let m_end = match tail {
            None => m_end,
            Some(tail) => match tail_in_clause(doc.text, m_end, tail) {
                Some(end) => end,
                None => continue,
            },
        };
        let Some(part) = doc.paragraph_at(m_start).map(|p| doc.paragraphs[p].part) else {
            continue;
        };
        // The first statement per report and section is enough.
        if out
            .iter()
            .rev()
            .take_while(|x: &&(usize, usize, usize, usize)| x.0 == part)
            .any(|x| x.1 == si)
        {
            continue;
        }
        out.push((part, si, m_start, m_end));
    }
    out
}

/// How far apart, in characters, the halves of a gapped statement may be.
pub const STATEMENT_GAP: usize = 30;

/// The end of `tail` when it follows `from` within the clause (no sentence
/// end between, at most [`STATEMENT_GAP`] characters on, not right after
/// the first half's 的).
fn tail_in_clause(text: &str, from: usize, tail: &str) -> Option<usize> {
    let rest = text.get(from..)?;
    // "未发现的问题" are problems not yet found, not a finding of none.
    if rest.starts_with('的') {
        return None;
    }
    for (k, (i, c)) in rest.char_indices().enumerate() {
        if rest[i..].starts_with(tail) {
            return Some(from + i + tail.len());
        }
        if k >= STATEMENT_GAP || matches!(c, '。' | '；' | '！' | '？' | ';' | '!' | '?' | '\n')
        {
            return None;
        }
    }
    None
}

/// The heading level where a report's sections live: the level whose
/// headings name the most distinct sections, the higher level on a tie.
/// (Report titles standing above restarted runs name few sections; the
/// 一、 level under them names most.)
fn section_level(doc: &Document, named: &[(usize, Vec<bool>)]) -> Option<u8> {
    let mut per_rank: Vec<(u8, Vec<bool>)> = Vec::new();
    for (i, flags) in named {
        if !flags.iter().any(|&b| b) {
            continue;
        }
        let rank = doc.headings[*i].rank();
        let slot = match per_rank.iter().position(|(r, _)| *r == rank) {
            Some(k) => k,
            None => {
                per_rank.push((rank, vec![false; flags.len()]));
                per_rank.len() - 1
            }
        };
        for (acc, &b) in per_rank[slot].1.iter_mut().zip(flags) {
            *acc |= b;
        }
    }
    per_rank
        .iter()
        .map(|(r, f)| (f.iter().filter(|&&b| b).count(), std::cmp::Reverse(*r)))
        .max()
        .map(|(_, std::cmp::Reverse(r))| r)
}

/// An unnumbered short paragraph of the part that names section `si`.
fn find_label(
    doc: &Document,
    part: usize,
    matcher: &AliasMatcher,
    si: usize,
) -> Option<(usize, usize)> {
    let p = doc.parts.get(part)?;
    doc.paragraphs
        .get(p.first_paragraph..p.end_paragraph)?
        .iter()
        .filter(|para| para.heading.is_none())
        .find(|para| {
            let t = doc.paragraph_text(para);
            let t = t.strip_suffix(['：', ':']).unwrap_or(t);
            bare_label(t) && matcher.sections_in(t).get(si).copied().unwrap_or(false)
        })
        .map(|para| (para.start, para.end))
}

/// Where findings about a whole report point: its title, or else its first
/// heading, or else its first paragraph. Never empty unless the part is.
pub fn part_anchor(doc: &Document, part: usize) -> Option<(usize, usize)> {
    let first = doc.part_headings(part).next();
    let title = doc
        .part_headings(part)
        .find(|&i| doc.headings[i].kind == MarkerKind::Title)
        .or(first)
        .and_then(|i| doc.headings.get(i))
        .map(|h| (h.start, h.end));
    let para = doc
        .parts
        .get(part)
        .and_then(|p| doc.paragraphs.get(p.first_paragraph))
        .map(|p| (p.start, p.end));
    // A long title paragraph is cut to its first line.
    title.or(para).filter(|(s, e)| s < e).map(|(s, e)| {
        let line_end = doc.lines.get(doc.line_index(s)).map_or(e, |l| l.end);
        (s, if line_end > s { e.min(line_end) } else { e })
    })
}
