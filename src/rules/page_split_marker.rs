//! 分页处残留的页码。文库网站把文档一页一页地显示，复制时每一页开头的
//! 页码会变成“2、”“3、”……夹进正文，常常落在一句话甚至一个词的中间：
//! “不断提升政”换行“2、治站位”，或者连成“不断提升政 2、治站位”。
//! 提示删除页码，并把被分开的句子接回去（可一键应用）。
//!
//! 和正常的“1、2、3、”列表的区别：页码打断了一句话——前一行没有句末标点，
//! 页码后面接着的是那句话的后半截；页码从2开始，按页序在全文里递增，前面
//! 没有同样格式的“1、”。正常列表的上一项以句号、分号结束，或者本身就是
//! 一个“1、”条目，不会被标出。
//!
//! 示例：“……不断提升政\n2、治站位，扎实推进乡村振兴。” → “……不断提升政治站位，
//! 扎实推进乡村振兴。”
//!
//! # English
//! Page numbers left by a page-by-page copy. A document-sharing site shows a
//! document one page at a time; copying it inserts each page's number as
//! 2、, 3、 … where the page broke, often in the middle of a sentence or a
//! word ("不断提升政" / "2、治站位", or "不断提升政 2、治站位" when the lines
//! were joined). The fix removes the number and joins the sentence again.
//! A real list 1、 2、 3、 is told apart: a page number interrupts a sentence
//! (the line before has no closing punctuation and the words after the
//! number finish it), the numbers start at 2 and rise through the whole text
//! in page order, and no 1、 of the same form comes before them.

use super::{Ctx, Emitter};
use crate::document::Document;
use crate::text::class::is_han;

/// How many lines after a line-start "1、" a number is taken for the
/// list's next item, never for a page number.
const LIST_REACH: usize = 40;

/// A page number found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mark {
    /// The number and its 、 (and the spaces around it).
    pub start: usize,
    pub end: usize,
    /// Where the removal starts: the line break before a number at a line
    /// start, so that the two halves of the sentence join.
    pub join_from: usize,
    pub number: u32,
}

/// Characters that end a sentence or a heading line: a line ending in
/// one of them was not cut by a page break.
fn closes(c: char) -> bool {
    matches!(
        c,
        '。' | '！'
            | '？'
            | '；'
            | '：'
            | '…'
            | '.'
            | '!'
            | '?'
            | ';'
            | ':'
            | '」'
            | '』'
            | '】'
            | '）'
            | ')'
            | '”'
            | '’'
            | '》'
    )
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}' | '\r')
}

/// "2、" at `s`: its number and the byte length of number and 、.
fn number_at(s: &str) -> Option<(u32, usize)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &s[digits..];
    let rest = rest.strip_prefix('、')?;
    let n: u32 = s[..digits].parse().ok()?;
    Some((n, s.len() - rest.len()))
}

/// A candidate: a number that may be a page number, and whether it
/// interrupts a sentence.
struct Candidate {
    mark: Mark,
    interrupts: bool,
}

pub(crate) fn find(doc: &Document) -> Vec<Mark> {
    let mut cands: Vec<Candidate> = Vec::new();
    // The last non-empty line before the current one: (its content, whether
    // it starts with a list number "N、").
    let mut prev: Option<(usize, usize, bool)> = None;
    // Lines since the last line-start "1、": the numbers soon after one are
    // a list's.
    let mut since_one: Option<usize> = None;
    for line in &doc.lines {
        let raw = doc.slice(line.start, line.end);
        let content = raw.trim_matches(is_space);
        if content.is_empty() {
            continue;
        }
        let lead = raw.len() - raw.trim_start_matches(is_space).len();
        let at = line.start + lead;
        since_one = since_one.map(|k| k + 1);
        let in_list = since_one.is_some_and(|k| k <= LIST_REACH);
        if let Some((n, len)) = number_at(content) {
            if n == 1 {
                since_one = Some(0);
            }
            let after = &content[len..];
            let after_first = after.trim_start_matches(is_space).chars().next();
            let interrupts = prev.is_some_and(|(ps, pe, listed)| {
                let p = doc.slice(ps, pe);
                let last = p.chars().next_back();
                !listed
                    && p.chars().count() >= 12
                    && last.is_some_and(|c| (is_han(c) || c.is_alphanumeric()) && !closes(c))
            }) && after_first.is_some_and(is_han)
                && after.chars().count() >= 2;
            let spaces_after = after.len() - after.trim_start_matches(is_space).len();
            let join_from = prev.map_or(at, |(_, pe, _)| pe);
            if n > 1 {
                cands.push(Candidate {
                    mark: Mark {
                        start: at,
                        end: at + len + spaces_after,
                        join_from,
                        number: n,
                    },
                    interrupts: interrupts && !in_list,
                });
            }
            // A list's line: a 1、 or the next item after one.
            let listed = n == 1 || prev.is_some_and(|(_, _, l)| l);
            prev = Some((at, at + content.len(), listed));
        } else {
            inline_candidates(at, content, &mut cands);
            prev = Some((at, at + content.len(), false));
        }
    }
    chain(cands)
}

/// "…提升政 2、治站位…": a number between two Han characters with a space
/// before it, inside a line.
fn inline_candidates(at: usize, content: &str, out: &mut Vec<Candidate>) {
    let bytes = content.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let Some((n, len)) = number_at(&content[i..]) else {
            i += 1;
            continue;
        };
        let before = &content[..i];
        let spaces = before.len() - before.trim_end_matches(is_space).len();
        let prev_char = before.trim_end_matches(is_space).chars().next_back();
        let after = &content[i + len..];
        let after_trim = after.trim_start_matches(is_space);
        let next_char = after_trim.chars().next();
        if spaces > 0 && n >= 2 && prev_char.is_some_and(is_han) && next_char.is_some_and(is_han) {
            let s = at + i - spaces;
            let e = at + i + len + (after.len() - after_trim.len());
            out.push(Candidate {
                mark: Mark {
                    start: s,
                    end: e,
                    join_from: s,
                    number: n,
                },
                interrupts: true,
            });
        }
        i += len;
    }
}

/// The page numbers: interrupting numbers that rise through the text from
/// 2 (a page that broke at a sentence's end leaves a gap), and the numbers
/// between two of them that fill the sequence exactly.
fn chain(cands: Vec<Candidate>) -> Vec<Mark> {
    let mut accepted: Vec<usize> = Vec::new();
    let mut last = 1u32;
    for (k, c) in cands.iter().enumerate() {
        if !c.interrupts {
            continue;
        }
        let n = c.mark.number;
        let fits = if accepted.is_empty() {
            (2..=4).contains(&n)
        } else {
            n > last && n <= last + 3
        };
        if fits {
            accepted.push(k);
            last = n;
        }
    }
    // A number between two page numbers whose value lies strictly between
    // theirs is a page number too, whatever the line before it.
    let mut out: Vec<Mark> = Vec::new();
    for (w, &k) in accepted.iter().enumerate() {
        if let Some(&prev) = w.checked_sub(1).and_then(|p| accepted.get(p)) {
            let (lo, hi) = (cands[prev].mark.number, cands[k].mark.number);
            let mut want = lo + 1;
            for c in &cands[prev + 1..k] {
                if c.mark.number == want && want < hi {
                    out.push(c.mark);
                    want += 1;
                }
            }
        }
        out.push(cands[k].mark);
    }
    out
}

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "page-split-marker",
    category: crate::Category::Boilerplate,
    severity: crate::Severity::Warning,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let doc = ctx.doc;
    for m in find(doc) {
        let shown = doc.slice(m.start, m.end).trim();
        out.warning(
            m.join_from,
            m.end,
            format!("“{shown}”是复制文库网页时带进来的第{}页页码，打断了句子：请删除，把前后文字接上", m.number),
            format!(
                "\"{shown}\" is page number {} from a page-by-page copy of a document-sharing site, cutting the sentence: delete it and join the text",
                m.number
            ),
        )
        .suggest("");
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{apply_fixes, assert_silent, findings_of};

    const RULE: &str = "page-split-marker";

    #[test]
    fn removes_page_numbers_and_joins_the_sentence() {
        let text = "今年以来，镇党委、政府团结带领全镇干部群众，不断提升政\n2、治站位，扎实推进乡村振兴，全年新建道路12公里，改造危房36户，群众满意度持续提\n3、升。下一步，我们将继续努力。";
        let f = findings_of(RULE, text);
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(f[0].text, "\n2、");
        assert_eq!(
            f[0].message,
            "“2、”是复制文库网页时带进来的第2页页码，打断了句子：请删除，把前后文字接上"
        );
        assert_eq!(
            apply_fixes(RULE, text),
            "今年以来，镇党委、政府团结带领全镇干部群众，不断提升政治站位，扎实推进乡村振兴，全年新建道路12公里，改造危房36户，群众满意度持续提升。下一步，我们将继续努力。"
        );
    }

    #[test]
    fn joined_lines_carry_the_number_inside_the_sentence() {
        let text = "全镇上下坚持以人民为中心，不断提升政 2、治站位，扎实推进各项工作。";
        let f = findings_of(RULE, text);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, " 2、");
        assert_eq!(
            apply_fixes(RULE, text),
            "全镇上下坚持以人民为中心，不断提升政治站位，扎实推进各项工作。"
        );
    }

    #[test]
    fn a_page_that_broke_at_a_sentence_end_keeps_the_sequence() {
        let text = "一是强化组织领导，成立工作专班，明确责任分\n2、工，层层压实责任。\n3、二是完善工作机制，建立周调度、月通报制度，确保各项任务落\n4、地见效。";
        let f = findings_of(RULE, text);
        let numbers: Vec<&str> = f.iter().map(|f| f.text.trim()).collect();
        assert_eq!(numbers, vec!["2、", "3、", "4、"]);
    }

    #[test]
    fn real_lists_stay_silent() {
        assert_silent(
            RULE,
            &[
                "主要做法如下：\n1、加强组织领导，成立工作专班。\n2、完善工作机制，建立周调度制度。\n3、强化督查考核，确保落实到位。",
                "存在的问题\n1、思想认识不到位\n2、工作措施不够有力\n3、督促检查不够经常",
                "一、基本情况\n全县共有基层党组织126个，党员3200名，其中农村党员1800\n名，机关党员1400名。",
                "我县在2、3月份集中开展了专项整治。",
                "重点抓好以下工作：1、加强学习；2、压实责任；3、强化督查。",
                "工作中还存在一些不足，主要是学习不够深入，调查研究不\n够经常，需要在今后工作中加以改进。",
            ],
        );
    }
}
