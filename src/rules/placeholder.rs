//! 未填写的占位符。模板和范文里留给起草人填写的空白——XX、xx、X、××、
//! 某某、202-年、20XX年——如果原样交上去，读者一眼就能看出报告是套用模板、
//! 没有认真核对的。每一处都必须填上真实内容或删去。
//!
//! 能识别的写法：
//! - 中文或数字旁边的拉丁字母 X/x：XX人、xx局、X月X日、第X组、X%、201X年；
//! - 年份空白：202-年、20××年、二〇XX年；
//! - 填空符号：××、○○、□□、___；
//! - 某某、某某某（单个“某”是有意的匿名，不算）。
//!
//! 不会误报：X光、X射线、X轴、X型，Windows XP、Excel 等英文单词，
//! 3x4、3×4 这样的乘号，二〇二〇年里的〇。
//!
//! 示例：“全县共有基层纪检组织XX个” → 把 XX 换成实际数字。
//!
//! # English
//! Unfilled placeholders: blanks a template leaves for the writer (XX, xx,
//! X, ××, 某某, 202-年, 20XX年). Submitted as they are, they show the report
//! was copied from a template and never checked. Fill in each one or delete
//! it. Look-alikes such as X光 (X-ray), Windows XP, Excel, 3x4 and 二〇二〇年
//! are left alone. Example: "全县共有基层纪检组织XX个" → replace XX with the
//! real number.

use super::{Ctx, Emitter};
use regex::Regex;
use std::sync::OnceLock;

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
        || c == '〇'
}

fn is_cjk_punct(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF | 0x2010..=0x2027)
}

/// Words where a Latin X is part of the term, not a blank.
const X_TERMS: &[char] = &['光', '射', '线', '轴', '型', '染'];

fn year_blank() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:19|20)[0-9]{0,2}[-－‐–—XxＸｘ×*＊○□]+年").expect("valid regex")
    })
}

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let text = ctx.doc.text;
    let mut spans: Vec<(usize, usize)> = Vec::new();

    for m in year_blank().find_iter(text) {
        let before = text[..m.start()].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        spans.push((m.start(), m.end()));
    }

    scan_runs(text, &mut spans);

    spans.sort_unstable();
    let mut last_end = 0;
    for (start, end) in spans {
        if start < last_end {
            continue; // inside a year blank already reported
        }
        last_end = end;
        let blank = &text[start..end];
        let (cs, ce) = ctx.doc.clause_around(start, end);
        out.error(
            start,
            end,
            format!("未填写的占位符“{blank}”：请填入实际内容或删除"),
            format!("Unfilled placeholder \"{blank}\": fill in the real value or delete it"),
        )
        .context(cs, ce);
    }
}

/// Runs of X/x, ×, ○/〇, □/■, _ and 某 that stand for a blank.
fn scan_runs(text: &str, spans: &mut Vec<(usize, usize)>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let class = match c {
            'X' | 'x' | 'Ｘ' | 'ｘ' => 'X',
            '×' => '×',
            '○' | '〇' => '○',
            '□' | '■' => '□',
            '_' | '＿' => '_',
            '某' => '某',
            _ => {
                i += 1;
                continue;
            }
        };
        let mut j = i + 1;
        while j < chars.len() && same_class(class, chars[j].1) {
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
        let len = j - i;
        let prev = i.checked_sub(1).map(|k| chars[k].1);
        let next = chars.get(j).map(|&(_, c)| c);
        let blank = match class {
            'X' => x_is_blank(prev, next, len, text, start, end),
            '×' => {
                len >= 2
                    && !(prev.is_some_and(|c| c.is_ascii_digit())
                        && next.is_some_and(|c| c.is_ascii_digit()))
            }
            '○' => {
                len >= 2
                    && !prev.is_some_and(crate::cnum::is_numeral_char)
                    && !next.is_some_and(crate::cnum::is_numeral_char)
            }
            '□' => len >= 2,
            '_' => len >= 3 || (c == '＿' && len >= 2),
            '某' => len >= 2,
            _ => false,
        };
        if blank {
            spans.push((start, end));
        }
        i = j;
    }
}

fn same_class(class: char, c: char) -> bool {
    match class {
        'X' => matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ'),
        '×' => c == '×',
        '○' => matches!(c, '○' | '〇'),
        '□' => matches!(c, '□' | '■'),
        '_' => matches!(c, '_' | '＿'),
        '某' => c == '某',
        _ => false,
    }
}

fn x_is_blank(
    prev: Option<char>,
    next: Option<char>,
    len: usize,
    text: &str,
    start: usize,
    end: usize,
) -> bool {
    let letter = |c: Option<char>| {
        c.is_some_and(|c| c.is_ascii_alphabetic() || c.is_alphabetic() && !is_han(c))
    };
    if letter(prev) || letter(next) {
        return false;
    }
    // 3x4, 3 x 4: a multiplication sign.
    if len == 1
        && prev.is_some_and(|c| c.is_ascii_digit())
        && next.is_some_and(|c| c.is_ascii_digit())
    {
        return false;
    }
    if len == 1 && next.is_some_and(|c| X_TERMS.contains(&c)) {
        return false;
    }
    let cjk_side = |c: Option<char>| {
        c.is_some_and(|c| {
            is_han(c)
                || is_cjk_punct(c)
                || c.is_ascii_digit()
                || matches!(c, '%' | '“' | '”' | '‘' | '’' | '"' | '(' | ')' | '[' | ']')
        })
    };
    if cjk_side(prev) || cjk_side(next) {
        return true;
    }
    // An X alone on its line (a section body that is just "X").
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    text[line_start..start].trim().is_empty() && text[end..line_end].trim().is_empty()
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{assert_flags, assert_silent, flagged};

    #[test]
    fn flags_blanks() {
        assert_eq!(
            flagged("placeholder", "截至XX年底，共有XX人。"),
            vec!["XX", "XX"]
        );
        assert_eq!(
            flagged("placeholder", "202-年，我县查处案件X件X人"),
            vec!["202-年", "X", "X"]
        );
        assert_flags(
            "placeholder",
            &[
                "xx局党委",
                "X月X日召开",
                "位列第X位",
                "增长X%",
                "XXX单位",
                "20XX年",
                "201X年",
                "20××年",
                "某某同志",
                "二〇XX年",
                "X“南拓”",
            ],
        );
    }

    #[test]
    fn leaves_look_alikes_alone() {
        assert_silent(
            "placeholder",
            &[
                "拍X光片",
                "X射线检查",
                "X轴方向",
                "X型钢",
                "使用Windows XP系统",
                "Excel表格",
                "XML文件",
                "面积3x4米",
                "尺寸3×4米",
                "二〇二〇年",
                "二〇〇八年",
                "某些单位",
                "某种程度",
                "某个环节",
                "PM2.5浓度",
            ],
        );
    }

    #[test]
    fn adjacent_blanks_are_separate() {
        assert_eq!(flagged("placeholder", "X件X人").len(), 2);
    }
}
