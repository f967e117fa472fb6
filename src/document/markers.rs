//! Heading number markers (第一章, 一、, （一）, 1., （1）, ①, Markdown `#`).

use super::MarkerKind;
use crate::cnum;

pub struct Marker {
    pub kind: MarkerKind,
    pub ordinal: Option<u32>,
    /// Byte length of the marker, separator included.
    pub len: usize,
    pub fullwidth: bool,
    pub separator: Option<char>,
    /// The numbering family (see [`Heading::numbering`]).
    pub numbering: Option<MarkerKind>,
}

pub(super) fn take_while_len(s: &str, f: impl Fn(char) -> bool) -> usize {
    s.char_indices()
        .find(|&(_, c)| !f(c))
        .map_or(s.len(), |(i, _)| i)
}

pub(super) fn is_cn_ordinal_char(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '〇' | '零' | '百'
    )
}

fn arabic_value(s: &str) -> Option<u32> {
    let mut v: u32 = 0;
    for c in s.chars() {
        let d = c.to_digit(10).or_else(|| {
            let u = c as u32;
            (0xFF10..=0xFF19).contains(&u).then(|| u - 0xFF10)
        })?;
        v = v.checked_mul(10)?.checked_add(d)?;
    }
    Some(v)
}

pub(super) fn is_any_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Parses a heading number at the start of a paragraph.
pub fn parse_marker(p: &str) -> Option<Marker> {
    let first = p.chars().next()?;
    if first == '#' {
        return parse_markdown(p);
    }
    let mut m = parse_number_marker(p, first)?;
    m.numbering = Some(m.kind);
    Some(m)
}

/// Markdown `#` headings; a number inside ("## 一、基本情况") is kept as the
/// heading's ordinal so that numbering checks still see it.
fn parse_markdown(p: &str) -> Option<Marker> {
    let hashes = take_while_len(p, |c| c == '#');
    if hashes > 6 || !p[hashes..].starts_with([' ', '\t']) {
        return None;
    }
    let space = take_while_len(&p[hashes..], |c| c == ' ' || c == '\t');
    let inner_start = hashes + space;
    let inner = p[inner_start..]
        .chars()
        .next()
        .and_then(|c| parse_number_marker(&p[inner_start..], c));
    Some(match inner {
        Some(m) => Marker {
            kind: MarkerKind::Markdown(hashes as u8),
            ordinal: m.ordinal,
            len: inner_start + m.len,
            fullwidth: m.fullwidth,
            separator: m.separator,
            numbering: Some(m.kind),
        },
        None => Marker {
            kind: MarkerKind::Markdown(hashes as u8),
            ordinal: None,
            len: inner_start,
            fullwidth: false,
            separator: None,
            numbering: None,
        },
    })
}

fn parse_number_marker(p: &str, first: char) -> Option<Marker> {
    // 第一部分 / 第一章 / 第一节
    if let Some(rest) = p.strip_prefix('第') {
        let n = take_while_len(rest, |c| is_cn_ordinal_char(c) || is_any_digit(c));
        if n > 0 {
            let num = &rest[..n];
            let after = &rest[n..];
            for unit in ["部分", "章", "节"] {
                if let Some(tail) = after.strip_prefix(unit) {
                    let ordinal = cnum::parse(num)
                        .map(|v| v as u32)
                        .or_else(|| arabic_value(num));
                    let sep =
                        take_while_len(tail, |c| matches!(c, ' ' | '\u{3000}' | '、' | '：' | ':'));
                    return Some(Marker {
                        kind: MarkerKind::Chapter,
                        ordinal,
                        len: '第'.len_utf8() + n + unit.len() + sep,
                        fullwidth: false,
                        separator: None,
                        numbering: None,
                    });
                }
            }
        }
        return None;
    }
    // （一） (一) （1） (1)
    if first == '（' || first == '(' {
        let rest = &p[first.len_utf8()..];
        let close_at = rest.find(['）', ')'])?;
        let num = &rest[..close_at];
        let close = rest[close_at..].chars().next()?;
        if num.is_empty() || num.chars().count() > 3 {
            return None;
        }
        let fullwidth = first == '（' && close == '）';
        let (kind, ordinal) = if num.chars().all(is_cn_ordinal_char) {
            (MarkerKind::CnParen, cnum::parse(num).map(|v| v as u32))
        } else if num.chars().all(is_any_digit) {
            (MarkerKind::ArabicParen, arabic_value(num))
        } else {
            return None;
        };
        let mut len = first.len_utf8() + close_at + close.len_utf8();
        // A heading has words after its number.
        let tail = &p[len..];
        let sep = tail.chars().next();
        if matches!(sep, Some('、' | '.' | '．' | ' ' | '\u{3000}')) {
            len += sep.map_or(0, char::len_utf8);
        }
        // A heading has words after its number; a paragraph of nothing but
        // a Chinese number in full-width brackets is a heading left unwritten
        // (empty-section reports it), not a list's number.
        if p[len..].trim().is_empty() && !(fullwidth && kind == MarkerKind::CnParen) {
            return None;
        }
        return Some(Marker {
            kind,
            ordinal,
            len,
            fullwidth,
            separator: matches!(sep, Some('、' | '.' | '．'))
                .then_some(sep)
                .flatten(),
            numbering: None,
        });
    }
    // ① …
    if ('①'..='⑳').contains(&first) {
        return Some(Marker {
            kind: MarkerKind::Circled,
            ordinal: Some(first as u32 - '①' as u32 + 1),
            len: first.len_utf8(),
            fullwidth: true,
            separator: None,
            numbering: None,
        });
    }
    // 一、
    if is_cn_ordinal_char(first) {
        let n = take_while_len(p, is_cn_ordinal_char);
        let sep = p[n..].chars().next()?;
        let after = &p[n + sep.len_utf8()..];
        // "一、二、三等奖" lists numbers; it is not a heading.
        let next_num = take_while_len(after, is_cn_ordinal_char);
        let number_list = next_num > 0 && after[next_num..].starts_with(['、', '，', ',']);
        // "二、" alone: a heading left unwritten, as above.
        let bare = sep == '、' && after.trim().is_empty();
        if matches!(sep, '、' | '．' | '.') && (!after.trim().is_empty() || bare) && !number_list
        {
            return Some(Marker {
                kind: MarkerKind::CnComma,
                ordinal: cnum::parse(&p[..n]).map(|v| v as u32),
                len: n + sep.len_utf8(),
                fullwidth: false,
                separator: Some(sep),
                numbering: None,
            });
        }
        return None;
    }
    // 1. 1、 １．
    if is_any_digit(first) {
        let n = take_while_len(p, is_any_digit);
        // Years and amounts ("2020.", "100、") are not heading numbers.
        if p[..n].chars().count() > 2 {
            return None;
        }
        let mut chars = p[n..].chars();
        let sep = chars.next()?;
        let next = chars.next();
        if matches!(sep, '.' | '．' | '、')
            && next.is_some_and(|c| {
                !is_any_digit(c) && !c.is_whitespace() || c == ' ' || c == '\u{3000}'
            })
            && !p[n + sep.len_utf8()..].trim().is_empty()
        {
            return Some(Marker {
                kind: MarkerKind::ArabicDot,
                ordinal: arabic_value(&p[..n]),
                len: n + sep.len_utf8(),
                fullwidth: sep == '．',
                separator: Some(sep),
                numbering: None,
            });
        }
    }
    None
}
