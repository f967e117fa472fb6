//! What the paragraph-local work of the last analysis found, paragraph by
//! paragraph, so that the next analysis of the same document redoes only
//! the paragraphs that changed. A keystroke changes one paragraph; the
//! typo scan and the standard-formulation rule are most of the analysis,
//! and both look at one paragraph at a time.
//!
//! A [`Memo`] is a value its owner passes to each analysis (the web app's
//! worker keeps one for the open document). Each table holds what the last
//! analysis found, keyed by the paragraph's text; a paragraph met again in
//! the same text is worked out again (the table is what the previous
//! analysis left, not a cache that grows). A table is emptied when what its
//! work depends on besides the paragraph changes (the lexicon, the user's
//! formulations), which its fingerprint tells.
//!
//! The contract of the work memoised: what it finds in a paragraph lies in
//! that paragraph and depends only on the paragraph's text and the
//! fingerprinted inputs. `tests/memo.rs` checks analyses with a memo
//! against analyses without one over edits of the corpus.

use crate::document::Document;
use crate::rules::RawFinding;
use crate::text::words::scan::Suspect;
use crate::text::words::Lexicon;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

/// The tables of the memoised work.
#[derive(Default)]
pub struct Memo {
    suspects: Mutex<Table<Suspect>>,
    /// The lexicon the suspects were scanned with, kept alive so that its
    /// address (in their fingerprint) cannot be another lexicon's.
    lexicon: Mutex<Option<Arc<Lexicon>>>,
    formulations: Mutex<Table<RawFinding>>,
}

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Memo")
    }
}

/// One kind of work's findings per paragraph text, offsets relative to the
/// paragraph's start.
struct Table<T> {
    fingerprint: u64,
    paragraphs: HashMap<Box<str>, Vec<T>>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table {
            fingerprint: 0,
            paragraphs: HashMap::new(),
        }
    }
}

/// A finding whose byte offsets can be moved.
pub(crate) trait Spans {
    fn start(&self) -> usize;
    /// Every offset the finding holds, for `f` to move.
    fn each_offset(&mut self, f: &mut dyn FnMut(&mut usize));
}

impl Spans for Suspect {
    fn start(&self) -> usize {
        self.start
    }
    fn each_offset(&mut self, f: &mut dyn FnMut(&mut usize)) {
        f(&mut self.start);
        f(&mut self.end);
        f(&mut self.at);
    }
}

impl Spans for RawFinding {
    fn start(&self) -> usize {
        self.start
    }
    fn each_offset(&mut self, f: &mut dyn FnMut(&mut usize)) {
        self.offsets_mut(f);
    }
}

/// A fingerprint of what a table's work depends on besides the paragraph.
pub(crate) fn fingerprint(what: impl Hash) -> u64 {
    // DefaultHasher::new() has fixed keys: the same inputs give the same
    // fingerprint in every analysis.
    let mut h = std::collections::hash_map::DefaultHasher::new();
    what.hash(&mut h);
    h.finish()
}

impl Memo {
    pub fn new() -> Memo {
        Memo::default()
    }

    /// The typo scan's suspects of `doc` (see [`by_paragraph`]), scanned
    /// with `lexicon` and a gain threshold (its bits).
    pub(crate) fn suspects(
        &self,
        doc: &Document,
        lexicon: &Arc<Lexicon>,
        min_gain: u32,
        scan: impl FnMut(usize, usize) -> Vec<Suspect>,
    ) -> Vec<Suspect> {
        if let Ok(mut kept) = self.lexicon.lock() {
            if !kept.as_ref().is_some_and(|k| Arc::ptr_eq(k, lexicon)) {
                *kept = Some(Arc::clone(lexicon));
            }
        }
        let print = fingerprint((Arc::as_ptr(lexicon) as usize, min_gain));
        by_paragraph(&self.suspects, doc, print, scan)
    }

    /// The standard-formulation rule's findings of `doc`.
    pub(crate) fn formulations(
        &self,
        doc: &Document,
        fingerprint: u64,
        check: impl FnMut(usize, usize) -> Vec<RawFinding>,
    ) -> Vec<RawFinding> {
        by_paragraph(&self.formulations, doc, fingerprint, check)
    }
}

/// Each paragraph's byte span with the whole of its lines (their
/// indentation too: the work may look at the characters before a
/// paragraph's first word), in text order.
pub(crate) fn paragraph_spans(doc: &Document) -> Vec<(usize, usize)> {
    doc.paragraphs
        .iter()
        .map(|p| {
            let first = doc.lines.get(p.first_line).map_or(p.start, |l| l.start);
            let last = doc.lines.get(p.last_line).map_or(p.end, |l| l.end);
            (first.min(p.start), last.max(p.end))
        })
        .collect()
}

/// The work's findings over `doc`: for each paragraph the previous analysis
/// saw, what it found there; `work(start, end)` for each run of the others
/// (it returns the findings of the byte span, in absolute offsets). The
/// order is the paragraphs' order, and within a run the order `work` gave.
fn by_paragraph<T: Spans + Clone>(
    table: &Mutex<Table<T>>,
    doc: &Document,
    fingerprint: u64,
    mut work: impl FnMut(usize, usize) -> Vec<T>,
) -> Vec<T> {
    let text = doc.text;
    let paras = &doc.paragraphs;
    // A poisoned lock (a panic in an earlier analysis) leaves a table that
    // may be half written: start afresh.
    let old = match table.lock() {
        Ok(mut t) => std::mem::take(&mut *t),
        Err(poisoned) => {
            let mut t = poisoned.into_inner();
            *t = Table::default();
            Table::default()
        }
    };
    let old = if old.fingerprint == fingerprint {
        old.paragraphs
    } else {
        HashMap::new()
    };
    let spans = paragraph_spans(doc);
    let key = |k: usize| spans.get(k).map_or("", |&(s, e)| &text[s..e]);
    let mut out: Vec<T> = Vec::new();
    let mut new: HashMap<Box<str>, Vec<T>> = HashMap::with_capacity(paras.len());
    let mut k = 0;
    while k < paras.len() {
        if let Some(found) = old.get(key(k)) {
            let at = spans[k].0;
            out.extend(found.iter().cloned().map(|mut f| {
                f.each_offset(&mut |o| *o += at);
                f
            }));
            new.insert(key(k).into(), found.clone());
            k += 1;
            continue;
        }
        let mut j = k + 1;
        while j < paras.len() && !old.contains_key(key(j)) {
            j += 1;
        }
        let found = work(spans[k].0, spans[j - 1].1);
        // Each finding to the paragraph it starts in; a paragraph with a
        // finding that reaches outside it is not kept (the next analysis
        // works it out again).
        let mut per: Vec<Option<Vec<T>>> = vec![Some(Vec::new()); j - k];
        for f in &found {
            let i = spans[k..j]
                .partition_point(|&(s, _)| s <= f.start())
                .saturating_sub(1);
            let (s, e) = spans[k + i];
            let mut rel = f.clone();
            let mut inside = true;
            rel.each_offset(&mut |o| {
                if *o < s || *o > e {
                    inside = false;
                } else {
                    *o -= s;
                }
            });
            match per.get_mut(i) {
                Some(Some(list)) if inside => list.push(rel),
                Some(slot) => *slot = None,
                None => {}
            }
        }
        for (i, list) in per.into_iter().enumerate() {
            if let Some(list) = list {
                new.insert(key(k + i).into(), list);
            }
        }
        out.extend(found);
        k = j;
    }
    if let Ok(mut t) = table.lock() {
        *t = Table {
            fingerprint,
            paragraphs: new,
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suspect(start: usize) -> Suspect {
        Suspect {
            start,
            end: start + 6,
            at: start + 3,
            wrong: '按',
            right: '安',
            kind: 0,
            gain: 0.0,
            len: 2,
        }
    }

    #[test]
    fn only_the_paragraphs_that_changed_are_worked_out_again() {
        let memo = Memo::new();
        let mut asked: Vec<(usize, usize)> = Vec::new();
        let run = |text: &str, asked: &mut Vec<(usize, usize)>| {
            let doc = Document::new(text);
            by_paragraph(&memo.suspects, &doc, 1, |a, b| {
                asked.push((a, b));
                // One finding at each paragraph's start.
                text[a..b]
                    .match_indices('\n')
                    .map(|(i, _)| a + i + 1)
                    .chain([a])
                    .map(suspect)
                    .collect()
            })
            .iter()
            .map(|s| s.start)
            .collect::<Vec<_>>()
        };
        // Each paragraph is three characters (9 bytes) and a line break.
        let first = "一二三\n四五六\n七八九\n";
        assert_eq!(run(first, &mut asked), [10, 20, 0]);
        assert_eq!(asked, [(0, 29)]);
        asked.clear();
        // The middle paragraph changed (one character longer): only it is
        // worked out; the last one's finding moves with it.
        let second = "一二三\n四五六六\n七八九\n";
        assert_eq!(run(second, &mut asked), [0, 10, 23]);
        assert_eq!(asked, [(10, 22)]);
    }
}
