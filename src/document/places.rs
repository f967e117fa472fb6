//! Where a position is, the way a Word user counts: the headings above it
//! and the paragraph under the nearest one ("二、存在问题 › 第3段").
//! Lines and columns mean nothing in a paragraph-based document.

use super::{Document, MarkerKind};
use crate::finding::Place;
use std::sync::Arc;

/// Every paragraph's place, computed once per analysis and looked up per
/// finding by byte offset.
#[derive(Debug, Clone, Default)]
pub struct Places {
    /// Start of each paragraph (sorted).
    starts: Vec<usize>,
    /// The place of each paragraph.
    places: Vec<Place>,
}

impl Places {
    /// The place of byte offset `pos`: the paragraph that holds it, or the
    /// last one before it (a position between paragraphs belongs to the
    /// one above). None in a text without paragraphs.
    pub fn at(&self, pos: usize) -> Option<&Place> {
        let i = self.starts.partition_point(|&s| s <= pos);
        self.places.get(i.saturating_sub(1))
    }
}

impl Document<'_> {
    /// The place of every paragraph. The title is left out of the heading
    /// path (it names the whole document) unless the file holds several
    /// reports, where it tells them apart. A heading on a line of its own
    /// is paragraph 0 of its section; a heading that opens a paragraph
    /// ("（一）加强学习。今年以来…") makes that paragraph the first.
    pub fn places(&self, several_reports: bool) -> Places {
        let mut paths: Vec<Option<Arc<[String]>>> = vec![None; self.headings.len()];
        let empty: Arc<[String]> = Arc::from(Vec::new());
        let mut starts = Vec::with_capacity(self.paragraphs.len());
        let mut places = Vec::with_capacity(self.paragraphs.len());
        // The nearest heading at or before the paragraph, in its part.
        let mut next_heading = 0;
        let mut anchor: Option<usize> = None;
        for (p, para) in self.paragraphs.iter().enumerate() {
            while let Some(h) = self.headings.get(next_heading) {
                if h.paragraph > p {
                    break;
                }
                anchor = Some(next_heading);
                next_heading += 1;
            }
            let anchor_here = anchor.filter(|&h| self.headings[h].part == para.part);
            let (path, paragraph) = match anchor_here {
                Some(h) => {
                    let heading = &self.headings[h];
                    let own = self.paragraphs.get(heading.paragraph);
                    let inline = own.is_some_and(|o| {
                        let rest = self.slice(heading.end, o.end);
                        !rest.trim_matches(super::is_blank_char).is_empty()
                    });
                    let path = self.heading_path(h, several_reports, &mut paths);
                    (path, p - heading.paragraph + usize::from(inline))
                }
                None => {
                    let first = self.parts.get(para.part).map_or(0, |x| x.first_paragraph);
                    (empty.clone(), p.saturating_sub(first) + 1)
                }
            };
            starts.push(para.start);
            places.push(Place { path, paragraph });
        }
        Places { starts, places }
    }

    /// The headings from the outermost down to `h`, as shown: marker and
    /// words, without the full stop or colon an inline heading ends with.
    fn heading_path(
        &self,
        h: usize,
        with_title: bool,
        memo: &mut [Option<Arc<[String]>>],
    ) -> Arc<[String]> {
        if let Some(Some(p)) = memo.get(h) {
            return p.clone();
        }
        let mut chain = Vec::new();
        let mut at = Some(h);
        while let Some(i) = at {
            let heading = &self.headings[i];
            if heading.kind != MarkerKind::Title || with_title {
                let text = self
                    .heading_text(heading)
                    .trim_end_matches(|c: char| {
                        super::is_blank_char(c) || matches!(c, '。' | '：' | ':' | '.')
                    })
                    .trim_start_matches(super::is_blank_char);
                chain.push(text.to_string());
            }
            at = heading.parent;
        }
        chain.reverse();
        let path: Arc<[String]> = Arc::from(chain);
        if let Some(slot) = memo.get_mut(h) {
            *slot = Some(path.clone());
        }
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(text: &str, needle: &str) -> (Vec<String>, usize) {
        let doc = Document::new(text);
        let several = crate::sections::report_parts(&doc).len() > 1;
        let places = doc.places(several);
        let at = text.find(needle).expect("needle in text");
        let p = places.at(at).expect("a place");
        (p.path.to_vec(), p.paragraph)
    }

    const REPORT: &str = "关于2023年度政治生态分析研判的报告\n\n根据县委安排，现将有关情况报告如下。\n\n一、基本情况\n\n全县共有党员XX名。\n\n二、存在问题\n\n（一）学习不够深入。部分党员学习流于形式。\n\n有的支部组织生活不经常。\n\n一些干部作风不实，存在XX现象。\n\n三、整改措施\n\n于20XX年底前完成整改。\n";

    #[test]
    fn a_paragraph_is_counted_under_its_heading() {
        assert_eq!(
            place(REPORT, "全县共有"),
            (vec!["一、基本情况".to_string()], 1)
        );
        // An inline heading opens its own first paragraph.
        assert_eq!(
            place(REPORT, "部分党员"),
            (
                vec!["二、存在问题".to_string(), "（一）学习不够深入".to_string()],
                1
            )
        );
        assert_eq!(
            place(REPORT, "存在XX"),
            (
                vec!["二、存在问题".to_string(), "（一）学习不够深入".to_string()],
                3
            )
        );
        assert_eq!(
            place(REPORT, "于20XX"),
            (vec!["三、整改措施".to_string()], 1)
        );
    }

    #[test]
    fn the_title_and_the_preface_have_no_path() {
        // The title is paragraph 0; the lines under it count from 1.
        assert_eq!(place(REPORT, "关于2023"), (vec![], 0));
        assert_eq!(place(REPORT, "根据县委"), (vec![], 1));
        // A standalone heading is paragraph 0 of its own section.
        assert_eq!(
            place(REPORT, "三、整改"),
            (vec!["三、整改措施".to_string()], 0)
        );
    }

    #[test]
    fn without_headings_paragraphs_count_from_the_top() {
        let text = "今年以来，我们认真落实各项工作。\n全县共有XX个单位。\n";
        assert_eq!(place(text, "XX"), (vec![], 2));
        assert!(Document::new("").places(false).at(0).is_none());
        // Blank lines after the last paragraph belong to it.
        let doc = Document::new("共有XX人。\n\n\n");
        assert_eq!(doc.places(false).at(14).map(|p| p.paragraph), Some(1));
    }

    #[test]
    fn several_reports_keep_their_titles_in_the_path() {
        let text = "政治生态总体评价【第一篇】\n一、存在问题\n共有XX人。\n政治生态总体评价【第二篇】\n一、存在问题\n有的干部YY不实。\n";
        let doc = Document::new(text);
        assert_eq!(crate::sections::report_parts(&doc).len(), 2);
        assert_eq!(
            place(text, "YY"),
            (
                vec![
                    "政治生态总体评价【第二篇】".to_string(),
                    "一、存在问题".to_string()
                ],
                1
            )
        );
        assert_eq!(
            place(text, "共有XX").0,
            vec![
                "政治生态总体评价【第一篇】".to_string(),
                "一、存在问题".to_string()
            ]
        );
    }
}
