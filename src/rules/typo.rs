//! 错别字。用拼音输入法打字，选错同音字就会写出“按排”（安排）、“布署”
//! （部署）、“全面从严制党”（治党）、“再接再励”（再接再厉）；字形相近也会
//! 看错写错。
//!
//! 本规则用一份常用词表（来自 jieba 词典，附词频）和同音字、形近字表：
//! 先按词频把句子切分成词，只看切分后散成单字、不成词的两到四个字；如果
//! 把其中一个字换成它的同音字或形近字，就成为一个常用词，而且这个词比原来
//! 的几个单字合起来可能得多，就提示这个字可能写错了，一键可改。
//!
//! 为了不误报，下列情况不提示：人名和地名（“×××同志”“书记×××”、地名后接
//! 省市县乡镇村）、数字、英文、引号和书名号里的文字、规范的异形词（“惟一”
//! “身分”等），以及“设置”中“词典”里的词。拿不准的，宁可不报。
//!
//! 词典里还可以写本单位常见的错词对（“错词 -> 正词”），写出的错词一律提示。
//!
//! # English
//! Typos (错别字): a wrong character of the same sound picked from the input
//! method (按排 for 安排, 布署 for 部署, 从严制党 for 从严治党, 再接再励 for
//! 再接再厉), or one of a similar shape. The text is segmented by word
//! frequency (jieba's dictionary); only the 2–4 characters that the
//! segmentation leaves as single characters are looked at. When replacing one
//! of them by a character of the same sound or a similar shape makes a
//! frequent word, far more probable than the pieces, the character is
//! reported with a one-click fix. Names and places (…同志, 书记…, before
//! 省/市/县/乡/镇/村), numbers, Latin, quotations and book titles,
//! established variant forms (异形词) and the words in the user's dictionary
//! stay silent; when unsure, the rule is silent. The user's own pairs
//! (`wrong -> right`) are always reported.

use super::{Ctx, Emitter};
use crate::text::class::is_han;
use crate::text::utf8::{char_before, rest};
use crate::text::words::scan::{self, Suspect};
use crate::text::words::{OCR, SOUND, SYLLABLE};

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "typo",
    category: crate::Category::Wording,
    severity: crate::Severity::Warning,
    check,
};

/// How much more probable (natural log) the word must be than the pieces
/// it replaces.
pub const MIN_GAIN: f32 = 7.0;

/// Titles and forms of address: a name stands next to them.
const TITLES: &[&str] = &[
    "同志",
    "书记",
    "主任",
    "局长",
    "部长",
    "县长",
    "市长",
    "镇长",
    "乡长",
    "村长",
    "区长",
    "省长",
    "厅长",
    "处长",
    "科长",
    "股长",
    "所长",
    "站长",
    "院长",
    "校长",
    "主席",
    "委员",
    "常委",
    "组长",
    "队长",
    "经理",
    "董事",
    "总经理",
    "先生",
    "女士",
    "老师",
    "教授",
    "同学",
    "干事",
    "秘书",
    "副",
    "等同志",
    "等人",
    "一行",
];

/// Han numerals: a window with one is a number, not a word.
const NUMERALS: &str = "〇零一二三四五六七八九十百千万亿两几";

/// A place name's last character.
const PLACE_SUFFIX: &str = "省市县区乡镇村屯寨街路巷";

/// Common surnames (a 2–3 character item of a list of names).
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let text = ctx.doc.text;
    for s in ctx.suspects() {
        if !is_typo(s) {
            continue;
        }
        let (written, right) = s.texts(text);
        let (how_zh, how_en) = if s.kind & (SOUND | SYLLABLE) != 0 {
            ("音同或音近", "sound alike")
        } else {
            ("形近", "look alike")
        };
        out.warning(
            s.at,
            s.at + s.wrong.len_utf8(),
            format!(
                "疑为错别字：“{written}”应为“{right}”？（“{}”与“{}”{how_zh}）",
                s.wrong, s.right
            ),
            format!(
                "Possible typo: “{written}” for “{right}” ({} and {} {how_en})",
                s.wrong, s.right
            ),
        )
        .suggest(s.right.to_string())
        .context(s.start, s.end);
    }
    for (wrong, right) in user_pairs(ctx) {
        if wrong.is_empty() {
            continue;
        }
        for (i, _) in text.match_indices(wrong.as_str()) {
            out.warning(
                i,
                i + wrong.len(),
                format!("“{wrong}”应为“{right}”（词典中的错词）"),
                format!("“{wrong}” should be “{right}” (a pair in the dictionary)"),
            )
            .suggest(right.clone());
        }
    }
}

/// A slip of the input method or of the pen; a pair a scan is known to
/// misread (千/干, 己/已) is OCR damage.
pub(crate) fn is_typo(s: &Suspect) -> bool {
    s.kind & OCR == 0
}

fn user_pairs(ctx: &Ctx) -> Vec<(String, String)> {
    ctx.config
        .dictionary
        .pairs
        .iter()
        .chain(&ctx.profile.dictionary.pairs)
        .map(|p| (p.wrong.clone(), p.right.clone()))
        .collect()
}

/// The lexicon's suspects that survive the filters (see the module doc).
pub(crate) fn suspects(ctx: &Ctx) -> Vec<Suspect> {
    let Some(lex) = ctx.config.words.get() else {
        return Vec::new();
    };
    let text = ctx.doc.text;
    let scan_span = |a: usize, b: usize| {
        let mut found = scan::suspects(lex, &text[a..b], MIN_GAIN);
        for s in &mut found {
            crate::memo::Spans::each_offset(s, &mut |o| *o += a);
        }
        found
    };
    // The scan looks at one run of Han characters at a time: with a memo,
    // only the paragraphs the last analysis did not see are scanned.
    let mut found = match (ctx.memo(), &ctx.config.words.0) {
        (Some(memo), Some(arc)) => memo.suspects(ctx.doc, arc, MIN_GAIN.to_bits(), scan_span),
        _ => scan::suspects(lex, text, MIN_GAIN),
    };
    if found.is_empty() {
        return found;
    }
    let quoted = quoted_spans(text);
    // The user's words, and both sides of their pairs (the wrong one is
    // reported by the pair itself).
    let pairs = user_pairs(ctx);
    let user_words: Vec<(usize, usize)> = ctx
        .config
        .dictionary
        .words
        .iter()
        .chain(&ctx.profile.dictionary.words)
        .chain(pairs.iter().flat_map(|(w, r)| [w, r]))
        .filter(|w| !w.is_empty())
        .flat_map(|w| {
            text.match_indices(w.as_str())
                .map(|(i, m)| (i, i + m.len()))
        })
        .collect();
    // A window written the same way twice or more is meant (a term the
    // lexicon lacks), not a slip. Not so an OCR look-alike: a scan misreads
    // the same character the same way on every page (入民 for 人民).
    let windows: Vec<&str> = found
        .iter()
        .filter_map(|s| text.get(s.start..s.end))
        .collect();
    let seen = occurrences(text, &windows);
    let mut k = 0;
    found.retain(|s| {
        k += 1;
        let n = windows
            .get(k - 1)
            .and_then(|w| windows.iter().position(|x| x == w))
            .and_then(|first| seen.get(first))
            .copied()
            .unwrap_or(0);
        n < 2 || s.kind & OCR != 0
    });
    found.retain(|s| {
        !in_spans(&quoted, s.start)
            && !user_words.iter().any(|&(a, b)| a < s.end && s.start < b)
            && !is_number(text, s)
            && !is_name_or_place(text, s)
            && !next_to_latin(text, s)
            && !parallel(text, s)
            && !derived_or_abbreviated(text, s)
    });
    found
}

fn in_spans(spans: &[(usize, usize)], at: usize) -> bool {
    let k = spans.partition_point(|&(_, e)| e <= at);
    spans.get(k).is_some_and(|&(s, _)| s <= at)
}

/// Byte spans inside quotation marks and book-title marks, within a
/// paragraph (an unclosed mark ends at the line's end).
fn quoted_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        match open {
            None => {
                let close = match c {
                    '“' => '”',
                    '《' => '》',
                    '‘' => '’',
                    '「' => '」',
                    '『' => '』',
                    '"' => '"',
                    _ => continue,
                };
                open = Some((i + c.len_utf8(), close));
            }
            Some((start, close)) => {
                if c == close || c == '\n' {
                    spans.push((start, i));
                    open = None;
                }
            }
        }
    }
    if let Some((start, _)) = open {
        spans.push((start, text.len()));
    }
    spans
}

/// A window with a numeral in it is a number (三是, 两个); a misread 千
/// (千部 for 干部) is not, unless a number stands before it (三千部).
fn is_number(text: &str, s: &Suspect) -> bool {
    let window = text.get(s.start..s.end).unwrap_or("");
    let numeral_elsewhere = window
        .char_indices()
        .any(|(i, c)| s.start + i != s.at && NUMERALS.contains(c));
    if numeral_elsewhere {
        return true;
    }
    if NUMERALS.contains(s.wrong) {
        let before = char_before(text, s.start);
        return s.kind & OCR == 0
            || before.is_some_and(|b| {
                NUMERALS.contains(b) || b.is_ascii_digit() || "数约近上成".contains(b)
            });
    }
    false
}

fn is_name_or_place(text: &str, s: &Suspect) -> bool {
    let after = rest(text, s.end);
    let before = text.get(..s.start).unwrap_or("");
    if TITLES
        .iter()
        .any(|t| after.starts_with(t) || before.ends_with(t))
    {
        return true;
    }
    if after
        .chars()
        .next()
        .is_some_and(|c| PLACE_SUFFIX.contains(c))
    {
        return true;
    }
    // An item of a list of names: 张某、李某某、王某.
    let first = text.get(s.start..).and_then(|t| t.chars().next());
    if first.is_some_and(|c| SURNAMES.contains(c)) {
        let item_start = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_han(c))
            .last()
            .map_or(s.start, |(i, _)| i);
        let item_len = text
            .get(item_start..)
            .unwrap_or("")
            .chars()
            .take_while(|&c| is_han(c))
            .count();
        let prev = char_before(text, item_start);
        let next = text.get(item_start..).unwrap_or("").chars().nth(item_len);
        if item_len <= 3 && (prev == Some('、') || next == Some('、')) {
            return true;
        }
    }
    false
}

/// A parallel pair (涉法涉诉, 深学深用): the window's first character
/// comes again right after it, or its last right before it.
fn parallel(text: &str, s: &Suspect) -> bool {
    let window = text.get(s.start..s.end).unwrap_or("");
    let (Some(first), Some(last)) = (window.chars().next(), window.chars().last()) else {
        return false;
    };
    rest(text, s.end).starts_with(first)
        || char_before(text, s.start) == Some(last)
        || text.get(..s.start).unwrap_or("").chars().rev().nth(1) == Some(first)
}

/// Words the lexicon cannot know: a derivation with 化 or 性 (常效化,
/// 规范性), and an organisation's abbreviation after an administrative
/// prefix at the start of a clause (区经信局、区公资交易中心). A misread
/// look-alike that makes a long word is not an abbreviation (县入民政府).
fn derived_or_abbreviated(text: &str, s: &Suspect) -> bool {
    let window = text.get(s.start..s.end).unwrap_or("");
    if window.ends_with(['化', '性']) && s.at + s.wrong.len_utf8() < s.end {
        return true;
    }
    if s.kind & OCR != 0 && s.len >= 3 {
        return false;
    }
    let before = text.get(..s.start).unwrap_or("");
    let mut back = before.chars().rev();
    match (back.next(), back.next()) {
        (Some(p), before_p) => "省市县区乡镇".contains(p) && before_p.is_none_or(|c| !is_han(c)),
        _ => false,
    }
}

/// Beside a Latin letter (a code, a model, quoted English), or after a
/// digit (a number's unit or name: 3号楼, 5G). A digit after the window is
/// the count of the noun before it (应急预案21件), and says nothing.
fn next_to_latin(text: &str, s: &Suspect) -> bool {
    let before = char_before(text, s.start);
    let after = rest(text, s.end).chars().next();
    before.is_some_and(|c| c.is_ascii_alphanumeric())
        || after.is_some_and(|c| c.is_ascii_alphabetic())
}

/// Up to this many distinct windows are each counted by a substring search
/// of the text; more, by one pass that looks every position up.
const SEARCHED_WINDOWS: usize = 16;

/// How often each window occurs in the text, overlaps included, counted at
/// the window's first entry (the others stay 0). A draft has a few suspect
/// windows: each is searched for (a vectorised scan per window). Many
/// windows (a long or a strange text) are counted in one pass instead:
/// windows are 2–4 characters, so every position is looked up at those
/// three lengths, linear in the text whatever the number of windows.
fn occurrences(text: &str, windows: &[&str]) -> Vec<u32> {
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (k, w) in windows.iter().enumerate() {
        index.entry(w).or_insert(k);
    }
    let mut seen = vec![0u32; windows.len()];
    if index.is_empty() {
        return seen;
    }
    if index.len() <= SEARCHED_WINDOWS {
        for (w, &first) in &index {
            let finder = memchr::memmem::Finder::new(w.as_bytes());
            // A match of a UTF-8 string starts on a character boundary: the
            // next search may start one byte on, and overlaps are counted.
            let mut at = 0;
            while let Some(i) = text.as_bytes().get(at..).and_then(|rest| finder.find(rest)) {
                seen[first] += 1;
                at += i + 1;
            }
        }
        return seen;
    }
    // Only positions whose character begins some window are looked up:
    // one bit per character of the Basic Multilingual Plane.
    let mut begins = vec![0u64; 1024];
    let mut astral = false;
    for w in index.keys() {
        match w.chars().next().map(u32::from) {
            Some(c) if c < 0x10000 => begins[(c >> 6) as usize] |= 1 << (c & 63),
            _ => astral = true,
        }
    }
    let starts: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(start, c)) in starts.iter().enumerate() {
        let c = u32::from(c);
        let may = if c < 0x10000 {
            begins[(c >> 6) as usize] & (1 << (c & 63)) != 0
        } else {
            astral
        };
        if !may {
            continue;
        }
        for len in 2..=4 {
            let end = starts.get(k + len).map_or(text.len(), |p| p.0);
            if k + len > starts.len() {
                break;
            }
            if let Some(&first) = text.get(start..end).and_then(|w| index.get(w)) {
                seen[first] += 1;
            }
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use crate::rules::support::*;

    #[test]
    fn windows_are_counted_with_their_overlaps_by_either_way_of_counting() {
        let text = "党党党，按排部署按排。排按";
        let few = ["党党", "按排", "排按", "按排"];
        assert_eq!(super::occurrences(text, &few), [2, 2, 1, 0]);
        // More windows than are searched one by one: the same counts.
        let extra: Vec<String> = (0..20).map(|k| format!("{k}号")).collect();
        let many: Vec<&str> = few
            .iter()
            .copied()
            .chain(extra.iter().map(|s| s.as_str()))
            .collect();
        assert!(many.len() > super::SEARCHED_WINDOWS);
        assert_eq!(super::occurrences(text, &many)[..4], [2, 2, 1, 0]);
    }

    #[test]
    fn a_slip_by_sound_is_flagged_on_the_one_character_with_its_fix() {
        let f = findings_of("typo", "各单位要认真按排部署，确保工作落到实处。");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].start, f[0].end), (6, 7));
        assert_eq!(f[0].text, "按");
        assert_eq!(f[0].suggestion.as_deref(), Some("安"));
        assert_eq!(
            f[0].message,
            "疑为错别字：“按排”应为“安排”？（“按”与“安”音同或音近）"
        );
        assert_eq!(
            apply_fixes("typo", "各单位要认真按排部署。"),
            "各单位要认真安排部署。"
        );
    }

    #[test]
    fn names_places_quotations_and_variants_stay_silent() {
        assert_silent(
            "typo",
            &[
                "这是在全面推进工作中形成的经验。",
                "县委书记王建军同志讲话。",
                "《再接再励》一文。",
                "这是惟一的办法。",
                "一、二是三个方面。",
            ],
        );
    }
}
