//! Matching the profile's sections against the draft's headings.

use crate::document::{Document, MarkerKind};
use crate::profile::Profile;

/// One profile section in one part (report) of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionMatch {
    pub part: usize,
    /// Index into `profile.sections`.
    pub section: usize,
    /// Index into `doc.headings` of the heading that satisfies it.
    pub heading: Option<usize>,
}

/// Parts that are reports in their own right: they have numbered headings.
pub fn report_parts(doc: &Document) -> Vec<usize> {
    (0..doc.parts.len())
        .filter(|&p| {
            doc.headings
                .iter()
                .any(|h| h.part == p && h.kind != MarkerKind::Title)
        })
        .collect()
}

pub fn match_sections(doc: &Document, profile: &Profile) -> Vec<SectionMatch> {
    let mut out = Vec::new();
    for part in report_parts(doc) {
        let headings: Vec<usize> = (0..doc.headings.len())
            .filter(|&i| doc.headings[i].part == part && doc.headings[i].kind != MarkerKind::Title)
            .collect();
        let top = headings
            .iter()
            .map(|&i| doc.headings[i].rank())
            .min()
            .unwrap_or(1);
        for (si, spec) in profile.sections.iter().enumerate() {
            let matches = |&&i: &&usize| {
                let title = doc.heading_title(&doc.headings[i]);
                spec.aliases
                    .iter()
                    .any(|a| !a.is_empty() && title.contains(a.as_str()))
            };
            // A top-level heading first; a lower one only when no top-level one names it.
            let heading = headings
                .iter()
                .filter(|&&i| doc.headings[i].rank() == top)
                .find(matches)
                .or_else(|| headings.iter().find(matches))
                .copied();
            out.push(SectionMatch {
                part,
                section: si,
                heading,
            });
        }
    }
    out
}
