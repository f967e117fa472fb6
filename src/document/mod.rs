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

mod clauses;
mod enumerations;
mod headings;
mod markers;
mod paragraphs;
mod parts;
mod places;
mod sentences;

pub use markers::{parse_marker, Marker};
pub use places::Places;

use crate::numbers::{self, Number};
use crate::text::class::is_han;
use paragraphs::{detect_pdf_wrap, split_lines};

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

/// An inline enumeration item that does not continue the run before it
/// by one: 一是 二是 四是 (a gap), 一是 二是 二是 (a repeat).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnumBreak {
    pub kind: EnumKind,
    /// The last ordinal of the run it breaks.
    pub last: u32,
    pub item: EnumItem,
    /// The ordinal of the next item of the same kind in the same stretch
    /// of text, if there is one.
    pub next: Option<u32>,
    /// The last ordinal of the run that the broken run itself broke off (a
    /// list inside a list item: its outer list's number).
    pub outer_last: Option<u32>,
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
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
    /// Items that break a run of inline enumeration items (`EnumBreak`).
    pub enum_breaks: Vec<EnumBreak>,
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
            enum_breaks: Vec::new(),
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

#[cfg(test)]
mod tests {
    use super::parts::is_part_marker;
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
