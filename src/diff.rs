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

// ---------------------------------------------------------------------------
// Paragraphs

/// FNV-1a over the paragraph's characters, white space left out (a
/// re-wrapped or re-indented paragraph is the same paragraph).
fn paragraph_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{3000}' {
            continue;
        }
        h ^= u64::from(c);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Pairs of equal elements (a, b) in increasing order of both: patience
/// diff, with a small LCS for gaps that have no unique anchor.
fn align(a: &[u64], b: &[u64]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // Work done on gaps so far; past the budget, gaps stay unmatched.
    let mut budget = 16 * (a.len() + b.len()) + 100_000;
    let mut stack = vec![(0, a.len(), 0, b.len())];
    while let Some((mut a0, mut a1, mut b0, mut b1)) = stack.pop() {
        while a0 < a1 && b0 < b1 && a[a0] == b[b0] {
            out.push((a0, b0));
            a0 += 1;
            b0 += 1;
        }
        while a0 < a1 && b0 < b1 && a[a1 - 1] == b[b1 - 1] {
            a1 -= 1;
            b1 -= 1;
            out.push((a1, b1));
        }
        if a0 == a1 || b0 == b1 {
            continue;
        }
        let work = (a1 - a0) + (b1 - b0);
        if work > budget {
            continue;
        }
        budget -= work;
        // Elements unique on both sides of the gap: (count a, index a,
        // count b, index b).
        let mut seen: HashMap<u64, (u32, usize, u32, usize)> = HashMap::new();
        for (i, h) in a.iter().enumerate().take(a1).skip(a0) {
            let e = seen.entry(*h).or_insert((0, i, 0, 0));
            e.0 += 1;
        }
        for (j, h) in b.iter().enumerate().take(b1).skip(b0) {
            if let Some(e) = seen.get_mut(h) {
                e.2 += 1;
                e.3 = j;
            }
        }
        let mut anchors: Vec<(usize, usize)> = seen
            .values()
            .filter(|e| e.0 == 1 && e.2 == 1)
            .map(|e| (e.1, e.3))
            .collect();
        if anchors.is_empty() {
            // No unique element (a text repeated, a template's recurring
            // lines): the least frequent elements that occur as often on
            // both sides, the k-th occurrence paired with the k-th.
            anchors = repeated_anchors(&a[a0..a1], &b[b0..b1], &seen);
            for p in &mut anchors {
                p.0 += a0;
                p.1 += b0;
            }
        }
        if anchors.is_empty() {
            let (n, m) = (a1 - a0, b1 - b0);
            if n * m <= 40_000 {
                out.extend(
                    lcs(&a[a0..a1], &b[b0..b1])
                        .into_iter()
                        .map(|(i, j)| (a0 + i, b0 + j)),
                );
            }
            continue;
        }
        crate::sort::sort_by(&mut anchors, |&(i, j)| crate::sort::key3(i, j, 0));
        let lis = longest_increasing(&anchors);
        // The gaps between anchors, each aligned in turn.
        let (mut pa, mut pb) = (a0, b0);
        for &(i, j) in &lis {
            stack.push((pa, i, pb, j));
            out.push((i, j));
            pa = i + 1;
            pb = j + 1;
        }
        stack.push((pa, a1, pb, b1));
    }
    crate::sort::sort_by(&mut out, |&(i, j)| crate::sort::key3(i, j, 0));
    out
}

/// Anchors for a gap without unique elements: the elements of the
/// smallest count k that occur k times on both sides, their occurrences
/// paired in order (indices relative to the gap).
fn repeated_anchors(
    a: &[u64],
    b: &[u64],
    seen: &HashMap<u64, (u32, usize, u32, usize)>,
) -> Vec<(usize, usize)> {
    let Some(k) = seen.values().filter(|e| e.0 == e.2).map(|e| e.0).min() else {
        return Vec::new();
    };
    let wanted = |h: &u64| seen.get(h).is_some_and(|e| e.0 == k && e.2 == k);
    let mut in_b: HashMap<u64, Vec<usize>> = HashMap::new();
    for (j, h) in b.iter().enumerate().rev().filter(|(_, h)| wanted(h)) {
        in_b.entry(*h).or_default().push(j);
    }
    let mut out = Vec::new();
    for (i, h) in a.iter().enumerate().filter(|(_, h)| wanted(h)) {
        if let Some(j) = in_b.get_mut(h).and_then(Vec::pop) {
            out.push((i, j));
        }
    }
    out
}

/// The longest run of `pairs` (sorted by their first) whose seconds
/// increase: patience sorting, O(k log k).
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // tails[l]: index in pairs of the smallest tail of a run of length l+1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; pairs.len()];
    for (k, &(_, j)) in pairs.iter().enumerate() {
        let l = tails.partition_point(|&t| pairs[t].1 < j);
        if l > 0 {
            prev[k] = Some(tails[l - 1]);
        }
        if l == tails.len() {
            tails.push(k);
        } else {
            tails[l] = k;
        }
    }
    let mut run = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(k) = at {
        run.push(pairs[k]);
        at = prev[k];
    }
    run.reverse();
    run
}

/// Longest common subsequence by dynamic programming (small inputs only).
fn lcs(a: &[u64], b: &[u64]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let w = m + 1;
    let mut t = vec![0u32; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i * w + j] = if a[i] == b[j] {
                t[(i + 1) * w + j + 1] + 1
            } else {
                t[(i + 1) * w + j].max(t[i * w + j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n && j < m {
        if a[i] == b[j] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if t[(i + 1) * w + j] >= t[i * w + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// Sorted character bigrams of a paragraph, for [`similar`].
fn bigrams(s: &str) -> Vec<u64> {
    let mut v: Vec<u64> = Vec::with_capacity(s.len() / 2);
    let mut last: Option<char> = None;
    for c in s.chars().filter(|c| !c.is_whitespace()) {
        if let Some(p) = last {
            v.push((u64::from(p) << 32) | u64::from(c));
        }
        last = Some(c);
    }
    // Two characters of 21 bits: well inside the sort's 96-bit keys.
    crate::sort::sort_by(&mut v, |&b| u128::from(b));
    v
}

/// Two paragraphs are versions of one another when at least half their
/// character bigrams are shared (Dice coefficient ≥ 0.5).
fn similar(a: &[u64], b: &[u64]) -> bool {
    let total = a.len() + b.len();
    if total == 0 {
        return true;
    }
    if a.len().min(b.len()) * 3 < a.len().max(b.len()) {
        return false;
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    4 * common >= total
}

/// How far ahead in a gap a changed paragraph's new version is looked for.
const PAIR_WINDOW: usize = 4;

/// The paragraph diff, and the pairs (OLD paragraph, NEW paragraph) it
/// holds to be the same paragraph (unchanged or changed).
fn diff_paragraphs(old: &Document, new: &Document) -> (TextDiff, Vec<(usize, usize)>) {
    let ha: Vec<u64> = old
        .paragraphs
        .iter()
        .map(|p| paragraph_hash(old.paragraph_text(p)))
        .collect();
    let hb: Vec<u64> = new
        .paragraphs
        .iter()
        .map(|p| paragraph_hash(new.paragraph_text(p)))
        .collect();
    let equal = align(&ha, &hb);
    let mut budget = CHAR_WORK_PER_BYTE * (old.text.len() + new.text.len()) + 1_000_000;
    let mut diff = TextDiff::default();
    let mut pairs = Vec::with_capacity(equal.len());
    let mut same_run = 0;
    let (mut i, mut j) = (0, 0);
    let line = |d: &Document, k: usize| d.paragraphs.get(k).map(|p| p.first_line + 1);
    let push = |diff: &mut TextDiff, same_run: &mut usize, mut c: ParagraphChange| {
        c.same_before = std::mem::take(same_run);
        match c.status {
            ParagraphStatus::Changed => diff.changed += 1,
            ParagraphStatus::Inserted => diff.inserted += 1,
            ParagraphStatus::Deleted => diff.deleted += 1,
        }
        diff.changes.push(c);
    };
    for &(ei, ej) in equal.iter().chain(std::iter::once(&(ha.len(), hb.len()))) {
        // The gap old[i..ei], new[j..ej]: pair versions of one paragraph.
        let gb: Vec<Vec<u64>> = (j..ej)
            .map(|k| bigrams(new.paragraph_text(&new.paragraphs[k])))
            .collect();
        let mut next_new = j;
        for k in i..ei {
            let a_text = old.paragraph_text(&old.paragraphs[k]);
            let ga = bigrams(a_text);
            let found =
                (next_new..ej.min(next_new + PAIR_WINDOW)).find(|&m| similar(&ga, &gb[m - j]));
            let Some(m) = found else {
                push(
                    &mut diff,
                    &mut same_run,
                    ParagraphChange {
                        status: ParagraphStatus::Deleted,
                        old_line: line(old, k),
                        new_line: None,
                        same_before: 0,
                        segments: vec![Segment {
                            op: Op::Deleted,
                            text: a_text.to_string(),
                        }],
                    },
                );
                continue;
            };
            for n in next_new..m {
                push(&mut diff, &mut same_run, inserted(new, n));
            }
            let b_text = new.paragraph_text(&new.paragraphs[m]);
            push(
                &mut diff,
                &mut same_run,
                ParagraphChange {
                    status: ParagraphStatus::Changed,
                    old_line: line(old, k),
                    new_line: line(new, m),
                    same_before: 0,
                    segments: diff_chars_within(a_text, b_text, &mut budget),
                },
            );
            pairs.push((k, m));
            next_new = m + 1;
        }
        for n in next_new..ej {
            push(&mut diff, &mut same_run, inserted(new, n));
        }
        if ei < ha.len() {
            pairs.push((ei, ej));
            same_run += 1;
            diff.same += 1;
        }
        i = ei + 1;
        j = ej + 1;
    }
    diff.same_after = same_run;
    crate::sort::sort_by(&mut pairs, |&(i, j)| crate::sort::key3(i, j, 0));
    (diff, pairs)
}

fn inserted(new: &Document, k: usize) -> ParagraphChange {
    let p = &new.paragraphs[k];
    ParagraphChange {
        status: ParagraphStatus::Inserted,
        old_line: None,
        new_line: Some(p.first_line + 1),
        same_before: 0,
        segments: vec![Segment {
            op: Op::Inserted,
            text: new.paragraph_text(p).to_string(),
        }],
    }
}

/// Tokens of a paragraph: a run of digits (with . and ,) or of Latin
/// letters is one token, any other character is one.
fn tokens(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let class = |c: char| {
            if c.is_ascii_digit() || ('０'..='９').contains(&c) {
                1
            } else if c.is_ascii_alphabetic() {
                2
            } else {
                0
            }
        };
        let k = class(c);
        let mut end = i + c.len_utf8();
        if k != 0 {
            while let Some(&(j, d)) = it.peek() {
                let joins = class(d) == k
                    || (k == 1
                        && matches!(d, '.' | ',')
                        && it.clone().nth(1).is_some_and(|(_, e)| class(e) == 1));
                if !joins {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
        }
        out.push(&s[i..end]);
    }
    out
}

/// The segments of a changed paragraph: the tokens that stayed, went and
/// came, by Myers' diff bounded by [`MAX_EDITS`].
pub fn diff_chars(a: &str, b: &str) -> Vec<Segment> {
    let mut unbounded = usize::MAX;
    diff_chars_within(a, b, &mut unbounded)
}

/// Work allowed for the character diffs of a text diff, in Myers steps
/// (tokens × edits) per byte of the two texts: a text whose every
/// paragraph was reworded stays linear, its last pairs marked whole.
const CHAR_WORK_PER_BYTE: usize = 64;

/// [`diff_chars`] within `budget` Myers steps (what it spends is taken
/// off): a pair of n tokens may make at most budget / n edits.
fn diff_chars_within(a: &str, b: &str, budget: &mut usize) -> Vec<Segment> {
    let ta = tokens(a);
    let tb = tokens(b);
    let pre = ta.iter().zip(&tb).take_while(|(x, y)| x == y).count();
    let suf = ta[pre..]
        .iter()
        .rev()
        .zip(tb[pre..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&ta[pre..ta.len() - suf], &tb[pre..tb.len() - suf]);
    let mut ops: Vec<(Op, &str)> = Vec::new();
    ops.extend(ta[..pre].iter().map(|t| (Op::Same, *t)));
    let n = ma.len() + mb.len() + 1;
    let max_d = MAX_EDITS.min(*budget / n);
    let script = myers(ma, mb, max_d);
    // The edits made (the bound when it was reached).
    let used = script.as_ref().map_or(max_d, |s| {
        s.iter().filter(|(op, _)| *op != Op::Same).count()
    });
    *budget = budget.saturating_sub(n.saturating_mul(used + 1));
    match script {
        Some(script) => ops.extend(script.into_iter().map(|(op, k)| match op {
            Op::Inserted => (op, mb[k]),
            _ => (op, ma[k]),
        })),
        None => {
            ops.extend(ma.iter().map(|t| (Op::Deleted, *t)));
            ops.extend(mb.iter().map(|t| (Op::Inserted, *t)));
        }
    }
    ops.extend(ta[ta.len() - suf..].iter().map(|t| (Op::Same, *t)));
    // Within a run of changes, what went is shown before what came.
    let mut segments: Vec<Segment> = Vec::new();
    let mut k = 0;
    while k < ops.len() {
        if ops[k].0 == Op::Same {
            push_segment(&mut segments, Op::Same, ops[k].1);
            k += 1;
            continue;
        }
        let end = ops[k..]
            .iter()
            .position(|o| o.0 == Op::Same)
            .map_or(ops.len(), |p| k + p);
        for want in [Op::Deleted, Op::Inserted] {
            for o in ops[k..end].iter().filter(|o| o.0 == want) {
                push_segment(&mut segments, want, o.1);
            }
        }
        k = end;
    }
    segments
}

fn push_segment(out: &mut Vec<Segment>, op: Op, text: &str) {
    match out.last_mut() {
        Some(s) if s.op == op => s.text.push_str(text),
        _ => out.push(Segment {
            op,
            text: text.to_string(),
        }),
    }
}

/// Myers' shortest edit script from `a` to `b`: (Same or Deleted, index
/// in a) and (Inserted, index in b), in order; None past `max_d` edits.
fn myers(a: &[&str], b: &[&str], max_d: usize) -> Option<Vec<(Op, usize)>> {
    let (n, m) = (a.len() as isize, b.len() as isize);
    let max = (a.len() + b.len()).min(max_d) as isize;
    let off = max + 1;
    let mut v = vec![0isize; 2 * max as usize + 3];
    let mut trace: Vec<Vec<isize>> = Vec::new();
    let idx = |k: isize| (k + off) as usize;
    let mut reached = None;
    'outer: for d in 0..=max {
        trace.push(v.clone());
        let mut k = -d;
        while k <= d {
            let mut x = if k == -d || (k != d && v[idx(k - 1)] < v[idx(k + 1)]) {
                v[idx(k + 1)]
            } else {
                v[idx(k - 1)] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[idx(k)] = x;
            if x >= n && y >= m {
                reached = Some(d);
                break 'outer;
            }
            k += 2;
        }
    }
    let d_end = reached?;
    // Back from (n, m) through the saved frontiers.
    let mut script = Vec::new();
    let (mut x, mut y) = (n, m);
    for d in (1..=d_end).rev() {
        let v = &trace[d as usize];
        let k = x - y;
        let prev_k = if k == -d || (k != d && v[idx(k - 1)] < v[idx(k + 1)]) {
            k + 1
        } else {
            k - 1
        };
        let prev_x = v[idx(prev_k)];
        let prev_y = prev_x - prev_k;
        while x > prev_x && y > prev_y {
            x -= 1;
            y -= 1;
            script.push((Op::Same, x as usize));
        }
        if x == prev_x {
            y -= 1;
            script.push((Op::Inserted, y as usize));
        } else {
            x -= 1;
            script.push((Op::Deleted, x as usize));
        }
    }
    while x > 0 && y > 0 {
        x -= 1;
        y -= 1;
        script.push((Op::Same, x as usize));
    }
    script.reverse();
    Some(script)
}

// ---------------------------------------------------------------------------
// Findings

/// Six characters before and after a byte span.
fn around(text: &str, start: usize, end: usize) -> (&str, &str) {
    let before = text.get(..start).unwrap_or("");
    let b = before.char_indices().rev().nth(5).map_or(0, |(i, _)| i);
    let after = text.get(end..).unwrap_or("");
    let a = after.char_indices().nth(6).map_or(after.len(), |(i, _)| i);
    (&before[b..], &after[..a])
}

fn match_findings(
    old: &Version,
    new: &Version,
    old_doc: &Document,
    new_doc: &Document,
    pairs: &[(usize, usize)],
) -> FindingChanges {
    let listed = |r: &Report| -> Vec<usize> {
        (0..r.findings.len())
            .filter(|&i| r.findings[i].aggregate.is_none())
            .collect()
    };
    let (fo, fn_) = (listed(old.report), listed(new.report));
    let mut old_taken = vec![false; old.report.findings.len()];
    let mut new_match: Vec<Option<usize>> = vec![None; new.report.findings.len()];
    // 1. Rule, text and the characters around.
    let mut by_context: Groups<[&str; 4]> = Groups::new();
    for &i in fo.iter().rev() {
        let f = &old.report.findings[i];
        let (b, a) = around(old.text, f.byte_start, f.byte_end);
        let key = [f.rule.as_str(), f.text.as_str(), b, a];
        by_context.add(fnv(&key), key, i);
    }
    for &i in &fn_ {
        let f = &new.report.findings[i];
        let (b, a) = around(new.text, f.byte_start, f.byte_end);
        let key = [f.rule.as_str(), f.text.as_str(), b, a];
        if let Some(o) = by_context.pop(fnv(&key), &key) {
            old_taken[o] = true;
            new_match[i] = Some(o);
        }
    }
    // 2. Rule and text within a paragraph the text diff pairs (the words
    // around were edited).
    let mut old_para_of_new: Vec<Option<usize>> = vec![None; new_doc.paragraphs.len()];
    for &(a, b) in pairs {
        if let Some(slot) = old_para_of_new.get_mut(b) {
            *slot = Some(a);
        }
    }
    let para_key = |p: usize, f: &Finding| {
        fnv(&[f.rule.as_str(), f.text.as_str()]) ^ (p as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    };
    let mut by_paragraph: Groups<(usize, &str, &str)> = Groups::new();
    for &i in fo.iter().rev().filter(|&&i| !old_taken[i]) {
        let f = &old.report.findings[i];
        if let Some(p) = old_doc.paragraph_at(f.byte_start) {
            by_paragraph.add(para_key(p, f), (p, &f.rule, &f.text), i);
        }
    }
    for &i in &fn_ {
        if new_match[i].is_some() {
            continue;
        }
        let f = &new.report.findings[i];
        let Some(p) = new_doc
            .paragraph_at(f.byte_start)
            .and_then(|p| old_para_of_new.get(p).copied().flatten())
        else {
            continue;
        };
        if let Some(o) = by_paragraph.pop(para_key(p, f), &(p, &f.rule, &f.text)) {
            old_taken[o] = true;
            new_match[i] = Some(o);
        }
    }
    let pick = |r: &Report, idx: &mut dyn Iterator<Item = usize>| -> Vec<Finding> {
        idx.filter_map(|i| r.findings.get(i).cloned()).collect()
    };
    FindingChanges {
        new: pick(
            new.report,
            &mut fn_.iter().copied().filter(|&i| new_match[i].is_none()),
        ),
        fixed: pick(
            old.report,
            &mut fo.iter().copied().filter(|&i| !old_taken[i]),
        ),
        open: pick(
            new.report,
            &mut fn_.iter().copied().filter(|&i| new_match[i].is_some()),
        ),
    }
}

// ---------------------------------------------------------------------------
// Figures

/// Words in a figure's sentence that tie it to another period, or make it
/// a standing fact rather than the year's result: an unchanged figure there
/// is no sign of a copied report (restated-figure keeps a similar list).
const PERIOD_WORDS: &[&str] = &[
    "以来", "累计", "上年", "去年", "前年", "同期", "同比", "环比", "历年", "年均", "每年", "近年",
    "此前", "以前", "之前", "期间", "下辖", "辖区", "现有", "设有", "面积", "人口", "户籍", "编制",
    "计划", "预计", "力争", "目标",
];

/// A figure worth following from one version to the next: a count, an
/// amount or a percentage with a label of two characters or more; not a
/// date, not an ordinal, not quoted.
fn followed(text: &str, n: &Number) -> Option<String> {
    if n.is_time() || n.ordinal || n.quoted || (n.unit.is_empty() && !n.percent) {
        return None;
    }
    let label = text.get(n.label_start..n.label_end)?;
    (label.chars().count() >= 2 && label.chars().any(crate::text::class::is_han))
        .then(|| label.to_string())
}

type FigureKey = (String, String);

fn figure_hash(k: &FigureKey) -> u64 {
    fnv(&[&k.0, &k.1])
}

/// The followed figures grouped by key (label, unit counted as 人 for
/// 名/位), each group the indices of its figures in the document, the
/// groups in order of appearance.
fn figure_groups(doc: &Document) -> Groups<FigureKey> {
    let mut groups = Groups::new();
    for (i, n) in doc.numbers.iter().enumerate() {
        let Some(label) = followed(doc.text, n) else {
            continue;
        };
        let key = (label, n.count_unit().to_string());
        groups.add(figure_hash(&key), key, i);
    }
    groups
}

/// The same value: equal within the precision written.
fn same_value(a: &Number, b: &Number) -> bool {
    (a.value - b.value).abs() <= 1e-9 * a.value.abs().max(1.0)
        && a.upper == b.upper
        && a.percent == b.percent
}

/// Whether an unchanged figure in NEW is a sign that the year's figures
/// were not updated: an exact figure of 10 or more (or with decimals),
/// alone under its label in both versions, in a sentence that names no
/// other year than NEW's and no other period.
fn stale(doc: &Document, n: &Number, year: u32) -> bool {
    if !n.is_exact() || (n.value < 10.0 && n.decimals == 0) {
        return false;
    }
    let (s, e) = doc
        .sentence_at(n.start)
        .map_or_else(|| doc.clause_around(n.start, n.end), |s| (s.start, s.end));
    let sentence = doc.slice(s, e);
    if PERIOD_WORDS.iter().any(|w| sentence.contains(w)) {
        return false;
    }
    let i = doc.numbers.partition_point(|m| m.start < s);
    !doc.numbers[i..]
        .iter()
        .take_while(|m| m.start < e)
        .filter_map(year_of)
        .any(|y| y != year)
}

fn compare_figures(
    old: &Document,
    new: &Document,
    old_year: Option<u32>,
    new_year: Option<u32>,
) -> (Vec<FigureChange>, Vec<Finding>) {
    let old_groups = figure_groups(old);
    let new_groups = figure_groups(new);
    // (status, key, old figure index, new figure index)
    let mut pairs: Vec<(FigureStatus, &FigureKey, Option<usize>, Option<usize>)> = Vec::new();
    for (key, nb) in new_groups.keys.iter().zip(&new_groups.items) {
        let na = old_groups.get(figure_hash(key), key);
        let mut old_used = vec![false; na.len()];
        let mut new_pair: Vec<Option<usize>> = vec![None; nb.len()];
        if na.len() == nb.len() {
            // As many in both: the k-th is the k-th.
            for k in 0..nb.len() {
                new_pair[k] = Some(k);
                old_used[k] = true;
            }
        } else {
            // Equal values first, then the rest in order.
            for (k, &j) in nb.iter().enumerate() {
                let b = &new.numbers[j];
                if let Some(o) =
                    (0..na.len()).find(|&o| !old_used[o] && same_value(&old.numbers[na[o]], b))
                {
                    old_used[o] = true;
                    new_pair[k] = Some(o);
                }
            }
            let mut rest = (0..na.len())
                .filter(|&o| !old_used[o])
                .collect::<Vec<_>>()
                .into_iter();
            for p in new_pair.iter_mut().filter(|p| p.is_none()) {
                if let Some(o) = rest.next() {
                    old_used[o] = true;
                    *p = Some(o);
                }
            }
        }
        for (k, &j) in nb.iter().enumerate() {
            match new_pair[k] {
                Some(o) => {
                    let same = same_value(&old.numbers[na[o]], &new.numbers[j]);
                    let status = if same {
                        FigureStatus::Unchanged
                    } else {
                        FigureStatus::Changed
                    };
                    pairs.push((status, key, Some(na[o]), Some(j)));
                }
                None => pairs.push((FigureStatus::Appeared, key, None, Some(j))),
            }
        }
        for (o, &i) in na.iter().enumerate() {
            if !old_used[o] {
                pairs.push((FigureStatus::Disappeared, key, Some(i), None));
            }
        }
    }
    for (key, na) in old_groups.keys.iter().zip(&old_groups.items) {
        if new_groups.find(figure_hash(key), key).is_some() {
            continue;
        }
        for &i in na {
            pairs.push((FigureStatus::Disappeared, key, Some(i), None));
        }
    }
    // Positions, each text located in one walk.
    let spans = |d: &Document, figures: &mut dyn Iterator<Item = usize>| {
        let mut offsets = Vec::new();
        for i in figures {
            let n = &d.numbers[i];
            offsets.push(n.start);
            offsets.push(n.end);
        }
        PositionTable::new(d.text, offsets)
    };
    let old_pos = spans(old, &mut pairs.iter().filter_map(|p| p.2));
    let new_pos = spans(new, &mut pairs.iter().filter_map(|p| p.3));
    let at = |d: &Document, t: &PositionTable, i: usize| {
        let n = &d.numbers[i];
        let (s, e) = (t.get(n.start), t.get(n.end));
        FigureAt {
            value: n.value,
            text: d.slice(n.start, n.end).to_string(),
            line: s.line,
            column: s.column,
            start: s.offset,
            end: e.offset,
            byte_start: n.start,
            byte_end: n.end,
        }
    };
    let moved_on = match (old_year, new_year) {
        (Some(a), Some(b)) if b > a => Some((a, b)),
        _ => None,
    };
    let mut figures = Vec::with_capacity(pairs.len());
    let mut warnings = Vec::new();
    for &(status, key, o, n) in &pairs {
        let old_at = o.map(|i| at(old, &old_pos, i));
        let new_at = n.map(|i| at(new, &new_pos, i));
        let unit = n.or(o).map_or_else(String::new, |i| {
            let d = if n.is_some() { new } else { old };
            d.numbers[i].unit.clone()
        });
        if let (FigureStatus::Unchanged, Some((oy, ny)), Some(oi), Some(ni)) =
            (status, moved_on, o, n)
        {
            let h = figure_hash(key);
            let lone = old_groups.get(h, key).len() == 1 && new_groups.get(h, key).len() == 1;
            if lone && stale(new, &new.numbers[ni], ny) && old.numbers[oi].is_exact() {
                if let (Some(a), Some(b)) = (&old_at, &new_at) {
                    warnings.push(unchanged_warning(&key.0, a, b, oy, ny));
                }
            }
        }
        figures.push(FigureChange {
            label: key.0.clone(),
            unit,
            status,
            old: old_at,
            new: new_at,
        });
    }
    (figures, warnings)
}

fn unchanged_warning(
    label: &str,
    old: &FigureAt,
    new: &FigureAt,
    old_year: u32,
    new_year: u32,
) -> Finding {
    Finding {
        rule: UNCHANGED_FIGURE.to_string(),
        category: Category::Figures,
        severity: Severity::Warning,
        start: new.start,
        end: new.end,
        line: new.line,
        column: new.column,
        text: new.text.clone(),
        message: format!(
            "“{label}{}”与上一版（{old_year}年）完全相同，而报告已是{new_year}年的：请核对这项数据是否已经更新",
            new.text
        ),
        message_en: format!(
            "“{label}{}” is the same as in the previous version ({old_year}), but the report is now for {new_year}: check that the figure was updated",
            new.text
        ),
        suggestion: None,
        byte_start: new.byte_start,
        byte_end: new.byte_end,
        context: None,
        related: vec![Related {
            start: old.start,
            end: old.end,
            line: old.line,
            column: old.column,
            text: old.text.clone(),
            label: "上一版 previous version".to_string(),
        }],
        aggregate: None,
    }
}

// ---------------------------------------------------------------------------
// Output

/// One side of a comparison, as the CLI's JSON names it.
#[derive(Debug, Serialize)]
pub struct Side<'a> {
    pub path: &'a str,
    pub encoding: &'a str,
    pub format: &'a str,
    pub profile: &'a str,
    pub summary: crate::Summary,
}

/// The comparison as JSON: `{"version":1,"old":{…},"new":{…},"old_year":…,
/// "new_year":…,"findings":{"new":[…],"fixed":[…],"open":[…]},"figures":[…],
/// "warnings":[…],"paragraphs":{…}}`; findings as in `check`'s output.
pub fn json(old: &Side, new: &Side, c: &Comparison) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        version: u32,
        old: &'a Side<'a>,
        new: &'a Side<'a>,
        #[serde(flatten)]
        comparison: &'a Comparison,
    }
    serde_json::to_string(&Out {
        version: 1,
        old,
        new,
        comparison: c,
    })
    .unwrap_or_default()
}

/// Characters of unchanged text kept on each side of a change in the text
/// output.
const CONTEXT: usize = 16;

/// A changed paragraph on one line: [-went-]{+came+}, long unchanged runs
/// shortened to their ends.
pub fn marked(segments: &[Segment]) -> String {
    let mut out = String::new();
    let last = segments.len().saturating_sub(1);
    for (k, s) in segments.iter().enumerate() {
        match s.op {
            Op::Deleted => out.push_str(&format!("[-{}-]", s.text)),
            Op::Inserted => out.push_str(&format!("{{+{}+}}", s.text)),
            Op::Same => {
                let n = s.text.chars().count();
                let head = if k == 0 { 0 } else { CONTEXT };
                let tail = if k == last { 0 } else { CONTEXT };
                if n <= head + tail + 1 || segments.len() == 1 {
                    out.push_str(&s.text);
                } else {
                    out.extend(s.text.chars().take(head));
                    out.push('…');
                    out.extend(s.text.chars().skip(n - tail));
                }
            }
        }
    }
    out.replace('\n', " ")
}

/// The comparison for people: the new and fixed findings, the figures,
/// the warnings and the changed paragraphs.
pub fn text(old_path: &str, new_path: &str, c: &Comparison, english: bool) -> String {
    let t = |zh: &'static str, en: &'static str| if english { en } else { zh };
    let year = |y: Option<u32>| {
        y.map_or_else(
            || t("年份不明", "year unknown").to_string(),
            |y| {
                if english {
                    y.to_string()
                } else {
                    format!("{y}年")
                }
            },
        )
    };
    let mut out = format!(
        "{} {old_path} → {new_path}（{} → {}）\n",
        t("比较", "Compare"),
        year(c.old_year),
        year(c.new_year)
    );
    let f = &c.findings;
    out.push_str(&if english {
        format!(
            "findings: {} new, {} fixed, {} still open\n",
            f.new.len(),
            f.fixed.len(),
            f.open.len()
        )
    } else {
        format!(
            "问题：新增 {}，已改正 {}，仍未改正 {}\n",
            f.new.len(),
            f.fixed.len(),
            f.open.len()
        )
    });
    let finding_line = |out: &mut String, path: &str, x: &Finding| {
        let sev = match (x.severity, english) {
            (Severity::Error, false) => "错误",
            (Severity::Warning, false) => "警告",
            (Severity::Info, false) => "提示",
            (s, true) => s.id(),
        };
        let msg = if english { &x.message_en } else { &x.message };
        out.push_str(&format!(
            "  {path}:{}:{}: {sev}[{}] {msg}\n",
            x.line, x.column, x.rule
        ));
    };
    if !f.new.is_empty() {
        out.push_str(t("新增问题：\n", "new findings:\n"));
        for x in &f.new {
            finding_line(&mut out, new_path, x);
        }
    }
    if !f.fixed.is_empty() {
        out.push_str(t("已改正：\n", "fixed:\n"));
        for x in &f.fixed {
            finding_line(&mut out, old_path, x);
        }
    }
    let count = |s: FigureStatus| c.figures.iter().filter(|g| g.status == s).count();
    out.push_str(&if english {
        format!(
            "figures: {} changed, {} unchanged, {} appeared, {} disappeared\n",
            count(FigureStatus::Changed),
            count(FigureStatus::Unchanged),
            count(FigureStatus::Appeared),
            count(FigureStatus::Disappeared)
        )
    } else {
        format!(
            "数据：变化 {}，未变 {}，新出现 {}，不再出现 {}\n",
            count(FigureStatus::Changed),
            count(FigureStatus::Unchanged),
            count(FigureStatus::Appeared),
            count(FigureStatus::Disappeared)
        )
    });
    for status in [
        FigureStatus::Changed,
        FigureStatus::Appeared,
        FigureStatus::Disappeared,
        FigureStatus::Unchanged,
    ] {
        let name = match status {
            FigureStatus::Changed => t("变化", "changed"),
            FigureStatus::Unchanged => t("未变", "unchanged"),
            FigureStatus::Appeared => t("新出现", "appeared"),
            FigureStatus::Disappeared => t("不再出现", "disappeared"),
        };
        for g in c.figures.iter().filter(|g| g.status == status) {
            let side = |a: &Option<FigureAt>| {
                a.as_ref().map_or_else(String::new, |a| {
                    if english {
                        format!("{} (line {})", a.text, a.line)
                    } else {
                        format!("{}（第{}行）", a.text, a.line)
                    }
                })
            };
            let what = match (&g.old, &g.new) {
                (Some(_), Some(_)) => format!("{} → {}", side(&g.old), side(&g.new)),
                (Some(_), None) => side(&g.old),
                _ => side(&g.new),
            };
            out.push_str(&format!("  {name}  {}：{what}\n", g.label));
        }
    }
    if !c.warnings.is_empty() {
        out.push_str(t("需要核对：\n", "to check:\n"));
        for x in &c.warnings {
            finding_line(&mut out, new_path, x);
        }
    }
    let p = &c.paragraphs;
    out.push_str(&if english {
        format!(
            "paragraphs: {} unchanged, {} changed, {} inserted, {} deleted\n",
            p.same, p.changed, p.inserted, p.deleted
        )
    } else {
        format!(
            "段落：未改 {}，修改 {}，新增 {}，删除 {}\n",
            p.same, p.changed, p.inserted, p.deleted
        )
    });
    for ch in &p.changes {
        let at = |l: Option<usize>| {
            l.map_or_else(String::new, |l| {
                if english {
                    format!("line {l}")
                } else {
                    format!("第{l}行")
                }
            })
        };
        let (sign, place) = match ch.status {
            ParagraphStatus::Changed => ('~', format!("{} → {}", at(ch.old_line), at(ch.new_line))),
            ParagraphStatus::Inserted => ('+', at(ch.new_line)),
            ParagraphStatus::Deleted => ('-', at(ch.old_line)),
        };
        let body = match ch.status {
            ParagraphStatus::Changed => marked(&ch.segments),
            _ => ch
                .segments
                .iter()
                .map(|s| s.text.as_str())
                .collect::<String>()
                .replace('\n', " "),
        };
        out.push_str(&format!("  {sign} {place}：{body}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(op: Op, t: &str) -> Segment {
        Segment {
            op,
            text: t.to_string(),
        }
    }

    #[test]
    fn tokens_keep_numbers_whole() {
        assert_eq!(
            tokens("共196件,1,234.5万元abc中"),
            ["共", "196", "件", ",", "1,234.5", "万", "元", "abc", "中"]
        );
    }

    #[test]
    fn changed_characters() {
        assert_eq!(
            diff_chars(
                "全年立案审查调查196件196人。",
                "全年立案审查调查205件201人。"
            ),
            vec![
                seg(Op::Same, "全年立案审查调查"),
                seg(Op::Deleted, "196"),
                seg(Op::Inserted, "205"),
                seg(Op::Same, "件"),
                seg(Op::Deleted, "196"),
                seg(Op::Inserted, "201"),
                seg(Op::Same, "人。"),
            ]
        );
        assert_eq!(
            diff_chars("甲乙丙", "甲乙丙"),
            vec![seg(Op::Same, "甲乙丙")]
        );
        assert_eq!(diff_chars("", "新"), vec![seg(Op::Inserted, "新")]);
        // Past the bound, the middle is one change.
        let a: String = "甲".repeat(300);
        let b: String = "乙".repeat(300);
        let d = diff_chars(&format!("首{a}尾"), &format!("首{b}尾"));
        assert_eq!(d.len(), 4);
        assert_eq!((d[1].op, d[2].op), (Op::Deleted, Op::Inserted));
    }

    #[test]
    fn the_character_diffs_share_a_budget() {
        let a = "甲乙丙丁".repeat(50);
        let b = "甲丙乙丁".repeat(50);
        // Enough: the changes marked one by one.
        let fine = diff_chars_within(&a, &b, &mut 1_000_000);
        assert!(fine.len() > 100, "{}", fine.len());
        // Spent: the middle changed as a whole, and nothing more spent.
        let mut left = 100;
        let whole = diff_chars_within(&a, &b, &mut left);
        assert_eq!(
            whole.iter().map(|s| s.op).collect::<Vec<_>>(),
            [Op::Same, Op::Deleted, Op::Inserted, Op::Same]
        );
        assert_eq!(left, 0);
    }

    #[test]
    fn myers_finds_the_shortest_script() {
        let a = ["a", "b", "c", "a", "b", "b", "a"];
        let b = ["c", "b", "a", "b", "a", "c"];
        let s = myers(&a, &b, 100).unwrap();
        let edits = s.iter().filter(|(op, _)| *op != Op::Same).count();
        assert_eq!(edits, 5);
        // Replaying the script gives b.
        let out: Vec<&str> = s
            .iter()
            .filter(|(op, _)| *op != Op::Deleted)
            .map(|&(op, k)| if op == Op::Same { a[k] } else { b[k] })
            .collect();
        assert_eq!(out, b);
        assert!(myers(&a, &b, 4).is_none());
    }

    #[test]
    fn patience_alignment() {
        // An element inserted at the top shifts nothing else.
        let a = [1, 2, 3, 4, 5];
        let b = [9, 1, 2, 3, 4, 5];
        assert_eq!(align(&a, &b), vec![(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)]);
        // Repeated elements between unique anchors.
        let a = [1, 7, 7, 2, 8, 3];
        let b = [1, 7, 2, 8, 8, 3];
        assert_eq!(align(&a, &b), vec![(0, 0), (1, 1), (3, 2), (4, 4), (5, 5)]);
        // A move: the longest increasing run of anchors is kept.
        let a = [1, 2, 3, 4];
        let b = [4, 1, 2, 3];
        assert_eq!(align(&a, &b), vec![(0, 1), (1, 2), (2, 3)]);
        assert_eq!(
            longest_increasing(&[(0, 3), (1, 1), (2, 2), (3, 0), (4, 4)]),
            vec![(1, 1), (2, 2), (4, 4)]
        );
    }

    fn cmp(old: &str, new: &str) -> Comparison {
        let h = Hints::default();
        compare_texts(
            (old, &h),
            (new, &h),
            &ProfileChoice::Auto,
            &Config::default(),
        )
    }

    fn warned(c: &Comparison) -> Vec<&str> {
        c.warnings.iter().map(|w| w.text.as_str()).collect()
    }

    #[test]
    fn unchanged_figures_are_flagged_only_when_the_year_moved_on() {
        let old = "某县2023年度纪检监察工作总结\n一、主要工作\n2023年，全县立案审查调查196件，处分党员干部146人，开展专项检查3次。\n";
        let new = "某县2024年度纪检监察工作总结\n一、主要工作\n2024年，全县立案审查调查196件，处分党员干部152人，开展专项检查3次。\n";
        let c = cmp(old, new);
        assert_eq!((c.old_year, c.new_year), (Some(2023), Some(2024)));
        assert_eq!(warned(&c), ["196件"]);
        let w = &c.warnings[0];
        assert_eq!(
            (w.rule.as_str(), w.severity, w.line, w.column),
            (UNCHANGED_FIGURE, Severity::Warning, 3, 15)
        );
        assert_eq!(
            (
                w.related[0].line,
                w.related[0].column,
                w.related[0].text.as_str()
            ),
            (3, 15, "196件")
        );
        assert!(
            w.message.contains("立案审查调查196件") && w.message.contains("2024年"),
            "{}",
            w.message
        );
        // 3次 is unchanged too, but a small count repeats by chance.
        let statuses: Vec<(&str, FigureStatus)> = c
            .figures
            .iter()
            .map(|f| (f.label.as_str(), f.status))
            .collect();
        assert_eq!(
            statuses,
            [
                ("立案审查调查", FigureStatus::Unchanged),
                ("处分党员干部", FigureStatus::Changed),
                ("开展专项检查", FigureStatus::Unchanged)
            ]
        );
        // The same year (v1 → v2 of one report): nothing to warn about.
        let v2 = old.replace("146人", "150人");
        assert!(cmp(old, &v2).warnings.is_empty());
        // No year anywhere: silent.
        let strip = |t: &str| {
            t.replace("2023年度", "")
                .replace("2024年度", "")
                .replace("2023年，", "")
                .replace("2024年，", "")
        };
        assert!(cmp(&strip(old), &strip(new)).warnings.is_empty());
    }

    #[test]
    fn unchanged_figures_that_may_stay_are_not_flagged() {
        let old = "某县2023年度工作总结\n一、主要工作\n全县下辖12个乡镇、186个行政村。2023年，全县立案审查调查196件。全县查处违纪问题约120件。\n";
        // 2024's report cites 2023's figure, with its year; a standing fact; an approximation.
        let new = "某县2024年度工作总结\n一、主要工作\n全县下辖12个乡镇、186个行政村。2023年全县立案审查调查196件，今年有所增加。全县查处违纪问题约120件。\n";
        let c = cmp(old, new);
        assert!(c.warnings.is_empty(), "{:?}", warned(&c));
        // Copied with the old year's comparison word: not flagged either.
        let new = old.replace("2023年度", "2024年度").replace(
            "2023年，全县立案审查调查196件",
            "2024年，全县立案审查调查196件，与上年持平",
        );
        assert!(cmp(old, &new).warnings.is_empty());
        // Two figures under one label: which is which is not certain.
        let old = "某县2023年度工作总结\n一、主要工作\n2023年，立案审查调查196件。二季度，立案审查调查48件。\n";
        let new = old.replace("2023年", "2024年");
        assert!(cmp(old, &new).warnings.is_empty());
    }

    #[test]
    fn findings_are_matched_by_their_words_not_their_offsets() {
        let old = "工作总结\n全县共有党员XX名,比上年增加5%。\n坚持以科学开展观为指导。\n";
        // A paragraph on top moves every offset; the placeholder's
        // surroundings are edited; the debris is fixed; a new XX comes.
        let new = "工作总结\n新增的一段说明。\n全县现有党员XX名,比上年增加5%。\n坚持以科学发展观为指导。\n共有XX个支部。\n";
        let c = cmp(old, new);
        fn rules(v: &[Finding]) -> Vec<(&str, &str, usize)> {
            v.iter()
                .map(|f| (f.rule.as_str(), f.text.as_str(), f.line))
                .collect()
        }
        assert_eq!(
            rules(&c.findings.open),
            [("placeholder", "XX", 3), ("half-width-punctuation", ",", 3)]
        );
        assert_eq!(rules(&c.findings.fixed), [("conversion-debris", "开展", 3)]);
        assert_eq!(rules(&c.findings.new), [("placeholder", "XX", 5)]);
        let p = &c.paragraphs;
        assert_eq!((p.same, p.changed, p.inserted, p.deleted), (1, 2, 2, 0));
    }

    #[test]
    fn years() {
        let y = |t: &str| report_year(&Document::new(t));
        assert_eq!(
            y("某县2024年度政治生态分析研判报告\n一、基本情况\n2019年以来，2023年，2023年。"),
            Some(2024)
        );
        assert_eq!(
            y("工作情况\n2022年开展检查。2023年完成整改，2023年底验收。"),
            Some(2023)
        );
        assert_eq!(y("工作情况\n开展检查。"), None);
    }
}
