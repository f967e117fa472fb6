//! Reading the text of a Word .docx file (Office Open XML).
//!
//! What comes out is what a reader sees in Word with all tracked changes
//! accepted: one line per paragraph, Word's automatic numbering written back
//! in front of the paragraph ("一、", "（一）", "1."), and heading levels from
//! the paragraph styles (`Heading 1`, `标题 1`, outline levels) as [`Hints`].
//!
//! - Tables: each table row becomes one line, its cells joined by a tab;
//!   several paragraphs in one cell are joined by a space, and a table nested
//!   in a cell is flattened into that cell. Rows whose cells are all empty are
//!   dropped. This keeps a row's label and its figures together
//!   ("合计\t120\t98"), which is what the figure checks need, and a serial
//!   number cell ("1.") can never be mistaken for a heading.
//! - Tracked changes: inserted text is kept, deleted text (`w:del`,
//!   `w:delText`, `w:moveFrom`) is dropped, and a paragraph whose paragraph
//!   mark was deleted runs on into the next one, as in Word.
//! - `w:tab` → tab, `w:br`/`w:cr` → line break (a space inside a table cell),
//!   page and column breaks → nothing, `w:noBreakHyphen` → "-",
//!   `w:softHyphen` → nothing, `w:sym` → its character unless it is a
//!   private-use symbol-font glyph. Field instructions (`w:instrText`) and
//!   hidden text (`w:vanish`) are skipped; field results are kept, except
//!   a table of contents (a TOC field's result), which only repeats the
//!   headings with page numbers and would double every heading.
//! - Text boxes (`w:txbxContent`) become paragraphs of their own, written
//!   before the paragraph that anchors them; the legacy VML copy that Word
//!   stores next to them (`mc:Fallback`) is skipped so nothing doubles.
//! - Bulleted list items get no marker (bullets are symbol-font glyphs).
//! - Headers, footers, footnotes and comments are not read.
//!
//! Robustness: never trusts sizes stored in the file. Every part is read
//! through a bounded reader that stops at the total decompressed budget
//! ([`Limits::max_decompressed`]); archives with more than
//! [`Limits::max_entries`] entries are refused before they are indexed, and
//! XML nested deeper than [`MAX_DEPTH`] elements is refused. Parsing is a
//! single streaming pass without recursion, so time is linear in the size.

mod body;
mod export;
mod map;
mod numbering;
mod repack;
mod styles;
mod write;
mod xml;
mod zip;

#[doc(hidden)]
pub mod testkit;
#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
mod tests_write;

pub use export::{annotate, fix, plain, read_mapped};
pub use map::DocxMap;
pub use numbering::format_number;
pub use write::{Change, Comment, FixMode, Outcome, Skipped, WriteOptions};
pub use zip::crc32;

use crate::decode::{Limits, LoadError};
use crate::document::Hints;
use body::parse_document;
use numbering::{parse_numbering, Numbering};
use std::borrow::Borrow;
use std::cmp::Ordering;
use styles::{parse_styles, Styles};
use zip::{missing_document, parse_rels, rels_path, sibling, Package};

/// Deepest element nesting accepted in any XML part. Real documents stay
/// below about 40 even with nested tables and text boxes.
pub const MAX_DEPTH: usize = 256;

/// The text of a .docx file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocxText {
    /// Paragraphs separated by "\n".
    pub text: String,
    /// Heading levels of lines, from paragraph styles and outline levels.
    pub hints: Hints,
    /// The document holds tracked changes (they were read as accepted).
    pub tracked_changes: bool,
}

/// Reads the text of a .docx (or .docm/.dotx) file.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<DocxText, LoadError> {
    let parts = Parts::open(bytes, limits)?;
    parse_document(&parts.doc_xml, &parts.main, &parts.styles, &parts.numbering)
}

/// The parts the text is read from.
struct Parts<'a> {
    pkg: Package<'a>,
    main: String,
    doc_xml: Vec<u8>,
    /// The main part's relationships: (type, resolved target).
    rels: Vec<(String, String)>,
    styles: Styles,
    numbering: Numbering,
}

impl<'a> Parts<'a> {
    fn open(bytes: &'a [u8], limits: &Limits) -> Result<Parts<'a>, LoadError> {
        if bytes.len() > limits.max_bytes {
            return Err(crate::decode::too_large(bytes.len(), limits.max_bytes));
        }
        let mut pkg = Package::open(bytes, limits)?;
        let main = pkg.main_part()?;
        let doc_xml = pkg.read(&main)?.ok_or_else(|| missing_document(&mut pkg))?;
        let rels = pkg.read(&rels_path(&main))?.unwrap_or_default();
        let rels = parse_rels(&rels, &main);
        let styles_name = rels
            .iter()
            .find(|(t, _)| t.ends_with("/styles"))
            .map(|(_, target)| target.clone())
            .unwrap_or_else(|| sibling(&main, "styles.xml"));
        let numbering_name = rels
            .iter()
            .find(|(t, _)| t.ends_with("/numbering"))
            .map(|(_, target)| target.clone())
            .unwrap_or_else(|| sibling(&main, "numbering.xml"));
        let styles = match pkg.read(&styles_name)? {
            Some(xml) => parse_styles(&xml, &styles_name)?,
            None => Styles::default(),
        };
        let numbering = match pkg.read(&numbering_name)? {
            Some(xml) => parse_numbering(&xml, &numbering_name)?,
            None => Numbering::default(),
        };
        Ok(Parts {
            pkg,
            main,
            doc_xml,
            rels,
            styles,
            numbering,
        })
    }
}

/// The XML layer alone, without the zip: a document part and, when given,
/// the styles and numbering parts. For tests and fuzzing.
#[doc(hidden)]
pub fn read_xml(
    document: &[u8],
    styles: Option<&[u8]>,
    numbering: Option<&[u8]>,
) -> Result<DocxText, LoadError> {
    let styles = match styles {
        Some(xml) => parse_styles(xml, "word/styles.xml")?,
        None => Styles::default(),
    };
    let numbering = match numbering {
        Some(xml) => parse_numbering(xml, "word/numbering.xml")?,
        None => Numbering::default(),
    };
    parse_document(document, "word/document.xml", &styles, &numbering)
}

// ---------------------------------------------------------------------------
// Sorted vectors as maps

/// Sorts (key, value) pairs by key, keeping the first of equal keys. Sorted
/// vectors serve as the maps here: built once, searched in log time, and
/// far smaller in the wasm than hash maps. Not `crate::sort`: that one
/// packs its keys into integers, and most keys here are part names and
/// style ids.
fn sorted<K: Ord, V>(v: Vec<(K, V)>) -> Vec<(K, V)> {
    // Ties are broken by position so that the first of equal keys wins.
    let order = heapsort(v.len(), &|a, b| {
        v.get(a)
            .map(|x| &x.0)
            .cmp(&v.get(b).map(|x| &x.0))
            .then(a.cmp(&b))
            == Ordering::Less
    });
    let mut slots: Vec<Option<(K, V)>> = v.into_iter().map(Some).collect();
    let mut out: Vec<(K, V)> = order
        .into_iter()
        .filter_map(|i| slots.get_mut(i).and_then(Option::take))
        .collect();
    out.dedup_by(|later, first| later.0 == first.0);
    out
}

/// The order that sorts `0..n` by `less`. One small non-generic sort
/// instead of a copy of the standard library's sort per key type (the
/// wasm download pays for every copy).
fn heapsort(n: usize, less: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    fn sift(a: &mut [usize], mut root: usize, end: usize, less: &dyn Fn(usize, usize) -> bool) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && less(a[child], a[child + 1]) {
                child += 1;
            }
            if !less(a[root], a[child]) {
                return;
            }
            a.swap(root, child);
            root = child;
        }
    }
    let mut a: Vec<usize> = (0..n).collect();
    for start in (0..n / 2).rev() {
        sift(&mut a, start, n, less);
    }
    for end in (1..n).rev() {
        a.swap(0, end);
        sift(&mut a, 0, end, less);
    }
    a
}

/// Looks a key up in a vector made by [`sorted`].
fn find<'v, K: Borrow<Q>, Q: Ord + ?Sized, V>(v: &'v [(K, V)], key: &Q) -> Option<&'v (K, V)> {
    v.binary_search_by(|(k, _)| k.borrow().cmp(key))
        .ok()
        .and_then(|i| v.get(i))
}

fn find_index<K: Borrow<Q>, Q: Ord + ?Sized, V>(v: &[(K, V)], key: &Q) -> Option<usize> {
    v.binary_search_by(|(k, _)| k.borrow().cmp(key)).ok()
}
