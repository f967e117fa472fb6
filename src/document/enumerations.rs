//! Inline enumerations: 一是 … 二是 …, 第一，… 第二，…

use super::markers::{is_cn_ordinal_char, take_while_len};
use super::{Document, EnumBreak, EnumItem, EnumKind, Enumeration};
use crate::cnum;
use crate::text::utf8::{punct_at, utf8_len};

impl Document<'_> {
    pub(super) fn build_enumerations(&mut self) {
        let text = self.text;
        // Each open run with the last ordinal of the run it broke off.
        let mut open: Vec<(Enumeration, Option<u32>)> = Vec::new();
        // Breaks of this stretch still waiting for the item after them.
        let mut waiting: Vec<usize> = Vec::new();
        for (pi, p) in self.paragraphs.iter().enumerate() {
            let body_start = p
                .heading
                .and_then(|h| self.headings.get(h))
                .map_or(p.start, |h| h.end);
            if p.heading.is_some() {
                // A heading ends the enumerations running in the text above it.
                self.enumerations.extend(open.drain(..).map(|(e, _)| e));
                waiting.clear();
            }
            for item in find_enum_items(text, body_start, p.end, pi) {
                let (kind, item) = item;
                if let Some(k) = waiting
                    .iter()
                    .position(|&b| self.enum_breaks[b].kind == kind)
                {
                    self.enum_breaks[waiting.remove(k)].next = Some(item.ordinal);
                }
                let slot = open.iter().position(|(e, _)| e.kind == kind);
                match slot {
                    Some(i)
                        if open[i]
                            .0
                            .items
                            .last()
                            .is_some_and(|l| l.ordinal + 1 == item.ordinal) =>
                    {
                        open[i].0.items.push(item);
                    }
                    Some(i) => {
                        let (done, outer_last) = open.remove(i);
                        let last = done.items.last().map_or(0, |l| l.ordinal);
                        self.enumerations.push(done);
                        if item.ordinal == 1 {
                            open.push((
                                Enumeration {
                                    kind,
                                    items: vec![item],
                                },
                                Some(last),
                            ));
                        } else {
                            waiting.push(self.enum_breaks.len());
                            self.enum_breaks.push(EnumBreak {
                                kind,
                                last,
                                item,
                                next: None,
                                outer_last,
                            });
                        }
                    }
                    None if item.ordinal == 1 => open.push((
                        Enumeration {
                            kind,
                            items: vec![item],
                        },
                        None,
                    )),
                    None => {}
                }
            }
        }
        self.enumerations.extend(open.drain(..).map(|(e, _)| e));
        crate::sort::sort_by(&mut self.enumerations, |e| {
            e.items.first().map_or(0, |i| i.start) as u128
        });
    }
}

fn find_enum_items(
    text: &str,
    start: usize,
    end: usize,
    paragraph: usize,
) -> Vec<(EnumKind, EnumItem)> {
    let body = &text[start..end];
    let bytes = body.as_bytes();
    let mut out = Vec::new();
    // Whether the previous character ends a clause (true at the start).
    let mut at_boundary = true;
    let mut next = 0;
    while next < bytes.len() {
        let i = next;
        next += utf8_len(bytes[i]);
        // A line break inside a paragraph is a PDF wrap: it neither opens
        // nor closes a clause (统⏎一是 is still 统一是).
        if matches!(bytes[i], b'\n' | b'\r') {
            continue;
        }
        let boundary = at_boundary;
        at_boundary = punct_at(bytes, i).is_some_and(|p| {
            matches!(
                p,
                '。' | '；' | ';' | '！' | '？' | '：' | ':' | ' ' | '\u{3000}' | '，' | ','
            )
        });
        if !boundary {
            continue;
        }
        let rest = &body[i..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        // 一是 / 二是
        if is_cn_ordinal_char(c) && c != '〇' && c != '零' {
            let n = take_while_len(rest, |c| is_cn_ordinal_char(c) && c != '百');
            // 二⏎是: the wrap fell inside the marker.
            let wrap = rest[n..].len() - rest[n..].trim_start_matches(['\n', '\r']).len();
            if n <= 6 && rest[n + wrap..].starts_with('是') {
                // "一是" after a comma only counts if it opens an item, not "统一是".
                if let Some(v) = cnum::parse(&rest[..n]) {
                    out.push((
                        EnumKind::Shi,
                        EnumItem {
                            ordinal: v as u32,
                            start: start + i,
                            marker_end: start + i + n + wrap + '是'.len_utf8(),
                            paragraph,
                        },
                    ));
                }
            }
        }
        // 第一，/ 第二、
        if c == '第' && prev_is_strong_boundary(body, i) {
            let after = &rest['第'.len_utf8()..];
            let n = take_while_len(after, |c| is_cn_ordinal_char(c) && c != '百');
            if n > 0 && n <= 6 {
                let sep = after[n..].chars().next();
                if matches!(sep, Some('，' | ',' | '、' | '：' | ':')) {
                    if let Some(v) = cnum::parse(&after[..n]) {
                        out.push((
                            EnumKind::Di,
                            EnumItem {
                                ordinal: v as u32,
                                start: start + i,
                                marker_end: start
                                    + i
                                    + '第'.len_utf8()
                                    + n
                                    + sep.map_or(0, char::len_utf8),
                                paragraph,
                            },
                        ));
                    }
                }
            }
        }
    }
    out
}

fn prev_is_strong_boundary(body: &str, i: usize) -> bool {
    body[..i]
        .chars()
        .next_back()
        .is_none_or(|p| matches!(p, '。' | '；' | ';' | '！' | '？' | '：' | ':' | '\n'))
}
