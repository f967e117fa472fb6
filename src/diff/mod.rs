//! Two versions of a draft compared, for the reviser (v1, v2, v3; this
//! year's report started from last year's):
//!
//! - **findings** new in NEW, fixed since OLD and still open, matched by
//!   rule, text and the characters around them (then by rule and text
//!   inside paragraphs that the text diff pairs), never by offset;
//! - **figures** per label (立案审查调查 · 件): changed, unchanged, appeared,
//!   disappeared; an unchanged figure in a report whose year moved on
//!   (2024 → 2025) is a warning, with the old place as its related span;
//! - **paragraphs**: which were changed, inserted or deleted, with the
//!   changed characters marked.
//!
//! Paragraphs are aligned on their hashes by patience diff (unique
//! paragraphs as anchors, their longest increasing run, recursively in the
//! gaps), so that a paragraph inserted near the top leaves everything
//! below it unchanged. The character diff of a changed pair is Myers'
//! O(ND) diff over tokens (a digit run, a Latin word or one character),
//! bounded: past [`MAX_EDITS`] the middle of the pair is marked changed
//! as a whole. The cost stays near-linear in the size of the pair.

use crate::document::Document;
use crate::finding::{Category, Finding, Related, Report, Severity};
use crate::numbers::Number;
use crate::position::PositionTable;
use crate::{analyze_with, Config, Hints, ProfileChoice};
use serde::Serialize;
use std::collections::HashMap;

mod chars;
mod figures;
mod findings;
mod output;
mod paragraphs;
#[cfg(test)]
mod tests;

pub use chars::diff_chars;
use chars::*;
use figures::*;
use findings::*;
pub use output::{json, marked, text, Side};
use paragraphs::*;

/// A version of a draft: its text, how it was read, its report.
pub struct Version<'a> {
    pub text: &'a str,
    pub hints: &'a Hints,
    pub report: &'a Report,
}

/// The findings of NEW against OLD's.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FindingChanges {
    /// In NEW, not in OLD (positions in NEW).
    pub new: Vec<Finding>,
    /// In OLD, no longer in NEW (positions in OLD).
    pub fixed: Vec<Finding>,
    /// In both (positions in NEW).
    pub open: Vec<Finding>,
}

/// One place of a figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureAt {
    pub value: f64,
    /// The figure as written (196件, 1.2万人, 35%).
    pub text: String,
    pub line: usize,
    pub column: usize,
    /// Code-point offsets, as a finding's.
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FigureStatus {
    Changed,
    Unchanged,
    Appeared,
    Disappeared,
}

impl FigureStatus {
    pub fn id(self) -> &'static str {
        match self {
            FigureStatus::Changed => "changed",
            FigureStatus::Unchanged => "unchanged",
            FigureStatus::Appeared => "appeared",
            FigureStatus::Disappeared => "disappeared",
        }
    }
}

/// A figure of OLD and/or NEW under one label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureChange {
    /// What the figure counts (立案审查调查), as the figure rules read it.
    pub label: String,
    /// The unit (件, 人, 万元, %), as NEW writes it (OLD when gone).
    pub unit: String,
    pub status: FigureStatus,
    pub old: Option<FigureAt>,
    pub new: Option<FigureAt>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ParagraphStatus {
    Changed,
    Inserted,
    Deleted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Op {
    Same,
    Deleted,
    Inserted,
}

/// A run of a changed paragraph's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub op: Op,
    pub text: String,
}

/// A paragraph that differs, after `same_before` unchanged ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParagraphChange {
    pub status: ParagraphStatus,
    /// 1-based first lines in OLD and NEW (None for an inserted or a
    /// deleted paragraph's missing side).
    pub old_line: Option<usize>,
    pub new_line: Option<usize>,
    /// Unchanged paragraphs between the previous change and this one.
    pub same_before: usize,
    /// The text, the changed characters marked (a whole inserted or
    /// deleted paragraph is one segment).
    pub segments: Vec<Segment>,
}

/// The paragraph-level diff.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TextDiff {
    pub same: usize,
    pub changed: usize,
    pub inserted: usize,
    pub deleted: usize,
    pub changes: Vec<ParagraphChange>,
    /// Unchanged paragraphs after the last change.
    pub same_after: usize,
}

/// NEW compared with OLD.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The years the reports are for (their title's, else the year their
    /// text names most often), when they say.
    pub old_year: Option<u32>,
    pub new_year: Option<u32>,
    pub findings: FindingChanges,
    pub figures: Vec<FigureChange>,
    /// Figures unchanged although the report's year moved on
    /// (`unchanged-figure` warnings in NEW, the OLD place related).
    pub warnings: Vec<Finding>,
    pub paragraphs: TextDiff,
}

/// The rule id of the unchanged-figure warning (it exists only in a
/// comparison).
pub const UNCHANGED_FIGURE: &str = "unchanged-figure";

/// Past this many inserted and deleted tokens, a changed paragraph's
/// middle is marked changed as a whole (the diff's cost is its length
/// times this).
pub const MAX_EDITS: usize = 256;

/// Analyses both texts (OLD and NEW, each with its hints) and compares them.
pub fn compare_texts(
    old: (&str, &Hints),
    new: (&str, &Hints),
    choice: &ProfileChoice,
    config: &Config,
) -> Comparison {
    let old_report = analyze_with(old.0, choice, config, old.1);
    let new_report = analyze_with(new.0, choice, config, new.1);
    compare(
        &Version {
            text: old.0,
            hints: old.1,
            report: &old_report,
        },
        &Version {
            text: new.0,
            hints: new.1,
            report: &new_report,
        },
    )
}

/// NEW compared with OLD, from their reports.
pub fn compare(old: &Version, new: &Version) -> Comparison {
    let old_doc = Document::with_hints(old.text, old.hints);
    let new_doc = Document::with_hints(new.text, new.hints);
    let (paragraphs, pairs) = diff_paragraphs(&old_doc, &new_doc);
    let findings = match_findings(old, new, &old_doc, &new_doc, &pairs);
    let old_year = report_year(&old_doc);
    let new_year = report_year(&new_doc);
    let (figures, warnings) = compare_figures(&old_doc, &new_doc, old_year, new_year);
    Comparison {
        old_year,
        new_year,
        findings,
        figures,
        warnings,
        paragraphs,
    }
}

// ---------------------------------------------------------------------------
// The report's year

/// A figure that is a calendar year (2024年).
fn year_of(n: &Number) -> Option<u32> {
    (n.unit == "年"
        && n.is_exact()
        && n.decimals == 0
        && !n.chinese
        && (1949.0..=2100.0).contains(&n.value))
    .then_some(n.value as u32)
}

/// The year a report is for: the first year in its title, else the year
/// its text names most often (the later one on a tie).
pub fn report_year(doc: &Document) -> Option<u32> {
    use crate::document::MarkerKind;
    let title = doc
        .headings
        .iter()
        .find(|h| h.kind == MarkerKind::Title)
        .map(|h| (h.start, h.end));
    let nums = &doc.numbers;
    if let Some((s, e)) = title {
        let i = nums.partition_point(|n| n.start < s);
        if let Some(y) = nums
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .take_while(|n| n.end <= e)
            .find_map(year_of)
        {
            return Some(y);
        }
    }
    // A report names a handful of years: counted in a list.
    let mut counts: Vec<(u32, usize)> = Vec::new();
    for y in nums.iter().filter_map(year_of) {
        match counts.iter_mut().find(|c| c.0 == y) {
            Some(c) => c.1 += 1,
            None => counts.push((y, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(y, n)| (n, y))
        .map(|(y, _)| y)
}

/// Items grouped by a key, exactly: the key's hash finds the candidate
/// groups, the key itself decides. One hash map type serves the module
/// (each is code in the web build).
struct Groups<K> {
    by_hash: HashMap<u64, Vec<usize>>,
    keys: Vec<K>,
    items: Vec<Vec<usize>>,
}

impl<K: PartialEq> Groups<K> {
    fn new() -> Self {
        Groups {
            by_hash: HashMap::new(),
            keys: Vec::new(),
            items: Vec::new(),
        }
    }

    /// The group of `key`.
    fn find(&self, hash: u64, key: &K) -> Option<usize> {
        self.by_hash
            .get(&hash)?
            .iter()
            .copied()
            .find(|&g| self.keys.get(g) == Some(key))
    }

    /// Adds `item` to the group of `key` (a new group, last, if none).
    fn add(&mut self, hash: u64, key: K, item: usize) {
        let g = match self.find(hash, &key) {
            Some(g) => g,
            None => {
                self.by_hash.entry(hash).or_default().push(self.keys.len());
                self.keys.push(key);
                self.items.push(Vec::new());
                self.keys.len() - 1
            }
        };
        if let Some(v) = self.items.get_mut(g) {
            v.push(item);
        }
    }

    /// The items of `key`'s group.
    fn get(&self, hash: u64, key: &K) -> &[usize] {
        self.find(hash, key)
            .and_then(|g| self.items.get(g))
            .map_or(&[], Vec::as_slice)
    }

    /// Takes the last item of `key`'s group.
    fn pop(&mut self, hash: u64, key: &K) -> Option<usize> {
        let g = self.find(hash, key)?;
        self.items.get_mut(g)?.pop()
    }
}

/// FNV-1a over strings, each followed by a byte that UTF-8 never holds.
fn fnv(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for &b in p.as_bytes().iter().chain(&[0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}
