//! 中文正文里的半角标点。从网页、PDF 或英文输入法粘贴过来的文字，常把
//! 逗号、分号、冒号、问号、叹号、括号和引号写成半角（, ; : ? ! ( ) "），
//! 按 GB/T 15834《标点符号用法》，中文正文应当用全角标点（，；：？！（）“”）。
//! 每一处都单独标出并给出全角写法，另有一条汇总（“半角标点 N 处”），
//! 可以一键全部改正。直引号按前后配对，分别改成前引号“和后引号”；中文
//! 句末的半角句点改成句号“。”，序号“一.”改成“一、”。
//!
//! 不会误报：英文单词和英文句子里的标点、数字里的小数点和千分位（3.5、
//! 1,200）、时间和比例（10:30、1:2）、网址和电子邮箱。
//!
//! 示例：“2020年,区委坚持问题导向” → “2020年，区委坚持问题导向”；
//! 拔"烂树" → 拔“烂树”。
//!
//! # English
//! Half-width punctuation in Chinese text. Text pasted from web pages, PDFs
//! or typed with an English keyboard often has , ; : ? ! ( ) and straight
//! quotes where GB/T 15834 requires the full-width marks ，；：？！（）“”.
//! Each one is marked with its full-width replacement, and one summary item
//! ("半角标点 N 处") fixes them all at once. Straight double quotes become “
//! or ” by pairing; a half-width full stop ending a Chinese sentence becomes
//! 。, and the item number "一." becomes "一、". English words and sentences,
//! numbers (3.5, 1,200), times
//! and ratios (10:30, 1:2), URLs and e-mail addresses are left alone.

use super::support_spans::{protected_spans, SpanCursor};
use super::support_titles::QuestionMarks;
use super::{Ctx, Emitter};
use crate::text::class::{is_clause_punct, is_han, is_zh};
use crate::text::utf8::{char_at, char_before};
use std::sync::Arc;

/// A fix: byte span, replacement, and the mark as written.
struct Fix {
    start: usize,
    end: usize,
    to: &'static str,
    mark: char,
}

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "half-width-punctuation",
    category: crate::Category::Punctuation,
    severity: crate::Severity::Info,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let text = ctx.doc.text;
    let protected = protected_spans(text);
    let marks = QuestionMarks::new(text);
    let mut fixes: Vec<Fix> = Vec::new();
    for p in &ctx.doc.paragraphs {
        scan_paragraph(text, p.start, p.end, &protected, &marks, &mut fixes);
    }
    crate::sort::sort_by(&mut fixes, |f| f.start as u128);
    let n = fixes.len();
    // A text may hold thousands of the same mark: each message is
    // formatted once and shared.
    let mut messages: Vec<(char, &'static str, Arc<str>, Arc<str>)> = Vec::new();
    for f in &fixes {
        let k = match messages.iter().position(|m| m.0 == f.mark && m.1 == f.to) {
            Some(k) => k,
            None => {
                let (name_zh, name_en) = mark_name(f.mark);
                messages.push((
                    f.mark,
                    f.to,
                    format!(
                        "半角{name_zh}“{}”用在中文里，应改为全角“{}”（GB/T 15834）",
                        f.mark, f.to
                    )
                    .into(),
                    format!(
                        "Half-width {name_en} \"{}\" in Chinese text: use the full-width \"{}\" (GB/T 15834)",
                        f.mark, f.to
                    )
                    .into(),
                ));
                messages.len() - 1
            }
        };
        let (_, _, zh, en) = &messages[k];
        out.info(f.start, f.end, zh, en).suggest(f.to);
    }
    if let Some(first) = fixes.first() {
        out.info(
            first.start,
            first.end,
            format!("半角标点 {n} 处：中文正文应使用全角标点（GB/T 15834），可一键全部改正"),
            format!(
                "{n} half-width punctuation marks in Chinese text: GB/T 15834 requires full-width marks; fix all at once"
            ),
        )
        .aggregate(n);
    }
}

fn mark_name(c: char) -> (&'static str, &'static str) {
    match c {
        ',' => ("逗号", "comma"),
        ';' => ("分号", "semicolon"),
        ':' => ("冒号", "colon"),
        '?' => ("问号", "question mark"),
        '!' => ("叹号", "exclamation mark"),
        '(' | ')' => ("括号", "parenthesis"),
        '"' => ("双引号", "double quote"),
        '\'' => ("单引号", "single quote"),
        '.' => ("句点", "full stop"),
        _ => ("标点", "mark"),
    }
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// The nearest non-space character before `pos` (at most a few spaces back).
fn prev_nonspace(text: &str, pos: usize) -> Option<char> {
    let mut p = pos;
    for _ in 0..4 {
        let c = char_before(text, p)?;
        if !is_space(c) {
            return Some(c);
        }
        p -= c.len_utf8();
    }
    None
}

fn next_nonspace(text: &str, pos: usize) -> Option<char> {
    let mut p = pos;
    for _ in 0..4 {
        let c = char_at(text, p)?;
        if !is_space(c) {
            return Some(c);
        }
        p += c.len_utf8();
    }
    None
}

fn scan_paragraph(
    text: &str,
    start: usize,
    end: usize,
    protected: &[(usize, usize)],
    marks: &QuestionMarks,
    fixes: &mut Vec<Fix>,
) {
    let Some(para) = text.get(start..end) else {
        return;
    };
    // Question marks that stand for 《》 belong to title-mark-substitute.
    let titles = marks.title_pairs(start, end);
    let mut title_marks: Vec<usize> = Vec::with_capacity(titles.len() * 2);
    for &(a, b) in &titles {
        title_marks.push(a);
        // The closing mark is the last char of the span.
        if let Some(c) = char_before(text, b) {
            title_marks.push(b - c.len_utf8());
        }
    }
    let mut urls = SpanCursor::new(protected);

    // Whether a pair encloses Chinese: the latest Chinese character seen
    // lies after its opening mark (nesting depth does not matter). Only
    // the ASCII marks are visited; the text between two of them is read
    // backwards up to its last Chinese character, usually one step.
    let mut zh_seen: usize = 0; // 1 + byte offset of the latest Chinese character
    let mut read_to = start;
    let mut parens: Vec<(usize, usize)> = Vec::new(); // (pos, zh_seen at open)
    let mut dquote: Option<(usize, usize)> = None;
    let mut squote: Option<(usize, usize)> = None;
    for (i, &byte) in para.as_bytes().iter().enumerate() {
        if !matches!(
            byte,
            b',' | b';' | b':' | b'?' | b'!' | b'(' | b')' | b'"' | b'\'' | b'.'
        ) {
            continue;
        }
        let pos = start + i;
        let c = char::from(byte);
        if let Some((z, _)) = text
            .get(read_to..pos)
            .and_then(|gap| gap.char_indices().rev().find(|&(_, c)| is_zh(c)))
        {
            zh_seen = read_to + z + 1;
        }
        read_to = pos + 1;
        if urls.contains(pos) || title_marks.binary_search(&pos).is_ok() {
            continue;
        }
        let before = char_before(text, pos);
        let after = char_at(text, pos + 1);
        match c {
            '(' => parens.push((pos, zh_seen)),
            ')' => {
                if let Some((open, seen)) = parens.pop() {
                    // f(x): glued to a Latin word it is code or maths.
                    let glued = char_before(text, open).is_some_and(|b| b.is_ascii_alphanumeric());
                    let chinese = zh_seen > seen
                        || (!glued
                            && (prev_nonspace(text, open).is_some_and(is_zh)
                                || next_nonspace(text, pos + 1).is_some_and(is_zh)));
                    if chinese {
                        fixes.push(one(open, '(', "（"));
                        fixes.push(one(pos, ')', "）"));
                    }
                } else if before.is_some_and(is_zh) || after.is_some_and(is_zh) {
                    fixes.push(one(pos, ')', "）"));
                }
            }
            '"' => match dquote.take() {
                None => {
                    if before.is_some_and(|b| is_zh(b) || b.is_ascii_alphanumeric())
                        && after.is_none_or(is_closer_context)
                    {
                        // A closing quote with no opening one in this paragraph.
                        if before.is_some_and(is_zh) {
                            fixes.push(one(pos, '"', "”"));
                        }
                    } else {
                        dquote = Some((pos, zh_seen));
                    }
                }
                Some((open, seen)) => {
                    let chinese = zh_seen > seen
                        || prev_nonspace(text, open).is_some_and(is_zh)
                        || next_nonspace(text, pos + 1).is_some_and(is_zh);
                    if chinese {
                        fixes.push(one(open, '"', "“"));
                        fixes.push(one(pos, '"', "”"));
                    }
                }
            },
            '\'' => {
                // An apostrophe inside an English word (don't) is not a quote.
                if before.is_some_and(|b| b.is_ascii_alphanumeric())
                    && after.is_some_and(|a| a.is_ascii_alphabetic())
                {
                    continue;
                }
                match squote.take() {
                    None => squote = Some((pos, zh_seen)),
                    Some((open, seen)) => {
                        let chinese = zh_seen > seen
                            || prev_nonspace(text, open).is_some_and(is_zh)
                            || next_nonspace(text, pos + 1).is_some_and(is_zh);
                        if chinese {
                            fixes.push(one(open, '\'', "‘"));
                            fixes.push(one(pos, '\'', "’"));
                        }
                    }
                }
            }
            '.' => {
                // Runs of dots are an ellipsis (doubled-punctuation's job);
                // decimals, abbreviations and file names are not Chinese.
                if before == Some('.') || after == Some('.') {
                    continue;
                }
                if let Some(fix) = full_stop(text, start, pos, before, after) {
                    fixes.push(fix);
                }
            }
            _ => {
                if before.is_some_and(is_zh) || after.is_some_and(is_zh) {
                    let to = match c {
                        ',' => "，",
                        ';' => "；",
                        ':' => "：",
                        '?' => "？",
                        _ => "！",
                    };
                    fixes.push(with_spaces(text, pos, c, to));
                }
            }
        }
    }
    // Unmatched opening marks left at the paragraph end.
    for (open, _) in parens {
        let before = char_before(text, open);
        let after = char_at(text, open + 1);
        if before.is_some_and(is_zh) || after.is_some_and(is_zh) {
            fixes.push(one(open, '(', "（"));
        }
    }
    // A quote left over: its position says which way it faces.
    for (q, mark, opening, closing) in [(dquote, '"', "“", "”"), (squote, '\'', "‘", "’")] {
        if let Some((open, _)) = q {
            let before = char_before(text, open);
            let after = char_at(text, open + 1);
            if before.is_some_and(is_zh) || after.is_some_and(is_zh) {
                let to = if after.is_none_or(is_closer_context) {
                    closing
                } else {
                    opening
                };
                fixes.push(one(open, mark, to));
            }
        }
    }
}

/// After a closing quote: the end, punctuation, or a space.
fn is_closer_context(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '；'
            | '：'
            | '！'
            | '？'
            | '、'
            | '）'
            | '》'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | '\n'
            | '\r'
            | ' '
    )
}

fn one(pos: usize, mark: char, to: &'static str) -> Fix {
    Fix {
        start: pos,
        end: pos + mark.len_utf8(),
        to,
        mark,
    }
}

/// A mark followed by spaces before Chinese text: the spaces go too
/// ("年, 区委" → "年，区委").
fn with_spaces(text: &str, pos: usize, mark: char, to: &'static str) -> Fix {
    let mut end = pos + mark.len_utf8();
    let mut p = end;
    while let Some(c) = char_at(text, p) {
        if !is_space(c) {
            break;
        }
        p += c.len_utf8();
    }
    if p > end && char_at(text, p).is_none_or(is_zh) {
        end = p;
    }
    Fix {
        start: pos,
        end,
        to,
        mark,
    }
}

/// A half-width full stop after Chinese: the end of a sentence (。) or, after
/// a bare Chinese numeral at the start of an item (一.), a heading comma (、).
fn full_stop(
    text: &str,
    para_start: usize,
    pos: usize,
    before: Option<char>,
    after: Option<char>,
) -> Option<Fix> {
    if !before.is_some_and(is_zh) {
        return None;
    }
    // An item number: 一. 二. at the paragraph start or after a clause mark.
    let mut numeral = 0;
    let mut p = pos;
    while p > para_start {
        let Some(c) = char_before(text, p) else { break };
        if crate::cnum::is_numeral_char(c) && numeral < 4 {
            numeral += 1;
            p -= c.len_utf8();
            continue;
        }
        numeral = if is_clause_punct(c) || c.is_whitespace() {
            numeral
        } else {
            0
        };
        break;
    }
    if (1..=3).contains(&numeral) {
        return Some(one(pos, '.', "、"));
    }
    let ends_sentence = match after {
        None => true,
        Some(a) => a.is_whitespace() || is_han(a) || matches!(a, '”' | '’' | '）' | '》'),
    };
    ends_sentence.then(|| with_spaces(text, pos, '.', "。"))
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{apply_fixes, assert_silent, findings_of, flagged};

    const RULE: &str = "half-width-punctuation";

    fn singles(text: &str) -> usize {
        findings_of(RULE, text)
            .iter()
            .filter(|f| f.aggregate.is_none())
            .count()
    }

    #[test]
    fn flags_half_width_marks_in_chinese() {
        assert_eq!(
            flagged(RULE, "2020年,区委坚持问题导向;现报告如下:"),
            vec![",", ",", ";", ":"] // the aggregate repeats the first span
        );
        assert_eq!(singles("是否到位?要抓紧!"), 2);
        assert_eq!(singles("村(社区)干部"), 2);
        assert_eq!(singles("(一)政治体检更加严格。"), 2);
        assert_eq!(singles("国内生产总值(GDP)增长"), 2);
        assert_eq!(singles("拔\"烂树\"、治\"病树\""), 4);
        assert_eq!(singles("他说'好'。"), 2);
        assert_eq!(singles("微信号:215425891"), 1);
        assert_eq!(singles("报告如下."), 1);
    }

    #[test]
    fn one_aggregate_counts_them_all() {
        let f = findings_of(RULE, "一是加强,二是完善,三是(试行)");
        let aggs: Vec<_> = f.iter().filter(|f| f.aggregate.is_some()).collect();
        assert_eq!(aggs.len(), 1);
        assert_eq!(aggs[0].aggregate, Some(4));
        assert!(aggs[0].message.starts_with("半角标点 4 处"));
        assert!(aggs[0].suggestion.is_none());
        assert!(f.iter().all(|f| f.severity == crate::Severity::Info));
    }

    #[test]
    fn fixes_give_full_width_text() {
        assert_eq!(
            apply_fixes(
                RULE,
                "2020年,区委区政府坚持问题导向、系统治理,拔\"烂树\"、治\"病树\"、正\"歪树\",区域政治生态发生了积极变化。"
            ),
            "2020年，区委区政府坚持问题导向、系统治理，拔“烂树”、治“病树”、正“歪树”，区域政治生态发生了积极变化。"
        );
        assert_eq!(apply_fixes(RULE, "年, 区委"), "年，区委");
        assert_eq!(apply_fixes(RULE, "一.基本情况"), "一、基本情况");
        // An odd quote: the leftover one faces by position.
        assert_eq!(
            apply_fixes(RULE, "拔\"烂树、治\"病树\"。"),
            "拔“烂树、治”病树”。"
        );
        assert_eq!(apply_fixes(RULE, "提出\"两个维护"), "提出“两个维护");
        assert_eq!(
            apply_fixes(
                RULE,
                "巡察发现兴义镇80%以上的村(社区)\"三会一课\"等基本制度执行不到位;部分单位"
            ),
            "巡察发现兴义镇80%以上的村（社区）“三会一课”等基本制度执行不到位；部分单位"
        );
    }

    #[test]
    fn leaves_english_numbers_times_and_urls() {
        assert_silent(
            RULE,
            &[
                "共1,200人，增长3.5%。",
                "会议于10:30开始，比例为1:2。",
                "详见http://www.gov.cn/zhengce/a.htm?id=1,2。",
                "He said, \"it's fine.\" And left (quietly).",
                "调用f(x)和g(y)。",
                "使用Windows XP系统。",
                "联系邮箱ab@gov.cn。",
                "“1+4+N”智慧服务体系。",
                "（一）全角括号。",
                "……",
                "发布了1.2版本。",
                "附件.docx",
                "调用`foo(a,b)`函数，参数`x:y`。",
            ],
        );
    }

    #[test]
    fn question_marks_for_book_titles_are_left_to_their_rule() {
        assert_eq!(singles("贯彻?市区干部培训审批制度?要求"), 0);
    }

    #[test]
    fn survives_deep_nesting() {
        let text = format!("{}{}", "(".repeat(100_000), ")".repeat(100_000));
        assert_eq!(singles(&text), 0);
        let text = format!("中{}文", "(".repeat(100_000));
        assert_eq!(singles(&text), 2); // the two next to Chinese characters
    }
}
