//! The words around the figures: blanks, share and rate connectors, the
//! cues that introduce parts, totalizers.

use super::Cue;
use crate::numbers::is_blank_char;
use crate::text::class::is_han;

/// True when `s` holds a template blank standing for a figure (XX人, X%).
pub fn has_blank(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| {
        if !is_blank_char(c) || c == '?' || c == '？' {
            return false;
        }
        if c == 'X' || c == 'x' {
            // Not inside a Latin word (Excel, XP).
            let latin = |k: Option<&char>| {
                k.is_some_and(|c| c.is_ascii_alphabetic() && !matches!(c, 'X' | 'x'))
            };
            let before = i.checked_sub(1).and_then(|k| chars.get(k));
            return !latin(before) && !latin(chars.get(i + 1));
        }
        true
    }) || s.contains("某某")
}

/// The words that tie a share to the total just named: 占, 占比, 占总数的,
/// 比例为 … (not 占全市的, whose base is something else).
pub fn is_share_connector(s: &str) -> bool {
    share_base(s).is_some()
}

/// A share connector whose base, if it names one (占党员总数的 → 党员), is
/// the total's own noun.
pub fn is_share_of(s: &str, total_words: &str) -> bool {
    share_base(s).is_some_and(|head| head.is_empty() || total_words.contains(head))
}

/// For a share connector, the words naming its base before 总 (empty for
/// 占, 占比, 占总数的); None when `s` is not a share connector.
fn share_base(s: &str) -> Option<&str> {
    let s = s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '、' | '，' | ',' | '（' | '(' | '：' | ':')
    });
    let (head, rest) = if let Some(r) = s.strip_prefix('占') {
        let r = r
            .strip_prefix('比')
            .or_else(|| r.strip_prefix('到'))
            .unwrap_or(r);
        let (head, r) = strip_base(r);
        let r = r.strip_prefix('的').unwrap_or(r);
        let r = ["比例", "比重"]
            .iter()
            .find_map(|p| r.strip_prefix(p))
            .unwrap_or(r);
        (head, r)
    } else if let Some(r) = ["比例", "比重", "占比"]
        .iter()
        .find_map(|p| s.strip_prefix(p))
    {
        ("", r)
    } else {
        return None;
    };
    matches!(rest, "" | "为" | "达" | "是" | "达到").then_some(head)
}

/// The base of a share when it is the total itself: 总数, 总人次, 全部,
/// 党员总数 — not a base of wider scope (全县党员总数, 全市的). Returns the
/// words before 总 and the rest.
fn strip_base(r: &str) -> (&str, &str) {
    if let Some(x) = ["全部", "总体"].iter().find_map(|p| r.strip_prefix(p)) {
        return ("", x);
    }
    let chars: Vec<(usize, char)> = r.char_indices().take(8).collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if c != '总' {
            continue;
        }
        let head = &r[..i];
        if k > 4
            || head
                .chars()
                .any(|h| matches!(h, '全' | '市' | '省' | '县' | '区' | '国' | '镇' | '乡'))
        {
            return ("", r);
        }
        // 总 + at most 3 more characters, up to 的 or the end.
        let tail = &r[i + c.len_utf8()..];
        let n: usize = tail
            .chars()
            .take_while(|&t| is_han(t) && t != '的' && t != '为' && t != '达')
            .take(3)
            .map(char::len_utf8)
            .sum();
        return (head, &tail[n..]);
    }
    ("", r)
}

/// "，整改率" after "已整改45个": a rate named after what the part did is
/// the part's share of the total. (满意率 after 已整改 is not.)
pub fn is_rate_of(connector: &str, part_words: &str) -> bool {
    let s = connector.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '、' | '，' | ',' | '（' | '(' | '：' | ':')
    });
    let s = ["达到", "为", "达", "是"]
        .iter()
        .find_map(|w| s.strip_suffix(w))
        .unwrap_or(s);
    let Some(stem) = s.strip_suffix('率') else {
        return false;
    };
    let chars: Vec<char> = stem.chars().collect();
    if chars.is_empty() || chars.len() > 4 || !chars.iter().all(|&c| is_han(c)) {
        return false;
    }
    let tail: String = chars[chars.len().saturating_sub(2)..].iter().collect();
    tail.chars().count() == 2 && part_words.contains(&tail)
}

pub(super) fn starts_with_cue(s: &str) -> Option<(Cue, usize)> {
    let s2 = s.trim_start();
    let lead = s.len() - s2.len();
    for (w, cue) in [
        ("其中", Cue::Among),
        ("包括", Cue::Including),
        ("分别为", Cue::Respectively),
        ("分别是", Cue::Respectively),
    ] {
        if s2.starts_with(w) {
            return Some((cue, lead + w.len()));
        }
    }
    None
}

/// 较上年增加10件: a change, not a total.
pub(super) fn is_change_clause(s: &str) -> bool {
    [
        "比", "较", "增加", "增长", "减少", "下降", "上升", "提高", "降低", "提升", "多出", "少于",
    ]
    .iter()
    .any(|w| s.contains(w))
}

/// A word that makes the figure after it a total: 共有, 合计, 共查处 …
/// (not 中共, 公共, 共同, 共青团).
pub fn has_totalizer(s: &str) -> bool {
    // 合计 总计 累计 总数 总共 一共, or a 共 that is not part of 中共, 公共,
    // 共同, 共青团 …: one pass over the characters.
    let mut prev: Option<char> = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let hit = match c {
            '计' => matches!(prev, Some('合' | '总' | '累')),
            '数' => prev == Some('总'),
            '共' => {
                matches!(prev, Some('总' | '一'))
                    || (!matches!(prev, Some('中' | '公'))
                        && !chars.peek().is_some_and(|n| {
                            matches!(
                                n,
                                '青' | '同'
                                    | '建'
                                    | '享'
                                    | '识'
                                    | '产'
                                    | '治'
                                    | '商'
                                    | '性'
                                    | '谋'
                                    | '赢'
                                    | '筑'
                                    | '担'
                                    | '创'
                                    | '进'
                                    | '振'
                                    | '鸣'
                                    | '事'
                                    | '和'
                            )
                        }))
            }
            _ => false,
        };
        if hit {
            return true;
        }
        prev = Some(c);
    }
    false
}
