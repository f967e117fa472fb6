//! 扫描识别（OCR）损坏。从文库网站下载的扫描版 PDF 转成文字时，常把字认
//! 错：“千部”（干部）、“入民”（人民）、“己经”（已经）、“末来”（未来）；
//! 或者在一个词中间夹进一个字母、数字或圆点：“工T作”“成•员”。
//!
//! 本规则提示两种情况：
//! - 词中间夹着一个英文字母、数字或圆点（•·），去掉它，两边的字正好组成
//!   一个常用词；占位符（X、XX）、单位和量词前的数字（“立案4件”）、型号、
//!   编号、日期、字母起名的东西（“B超”“T台”“A类”）都不算；
//! - 一个字换成它在扫描件里常见的形近字（千/干、入/人、己/已、末/未、
//!   曰/日、戍/戌……）就成为常用词，而原来的写法不成词（人名、地名、数字、
//!   引号里的文字和“词典”里的词除外）。同一处误认在全文出现多次也都提示：
//!   扫描件往往每一页都把同一个字认错；
//! - 一个词中间断了行（“收运处”换行“置体系”）：转换时多出的换行，接上后
//!   两边的字正好是一个常用词（两个字或三个字：“化学”换行“品”）。只看
//!   上一行是正文长句、不是标题的地方；整篇
//!   按固定宽度折行的 PDF 文字不报。
//!
//! # English
//! OCR damage, typical of text taken from scanned PDFs on document-sharing
//! sites: a character misread as a look-alike (千部 for 干部, 入民 for 人民,
//! 己经 for 已经, 末来 for 未来), or a Latin letter, digit or bullet (•·)
//! inside a word (工T作, 成•员). A stray mark is reported when the Han
//! characters on both sides form a frequent word; placeholders (X, XX),
//! digits before units and measure words (立案4件), model numbers, list
//! markers, dates and lettered names (B超, T台, A类) are exempt. A misread character is reported when its
//! common OCR look-alike makes a frequent word and the text as written is
//! none (names, places, numbers, quotations and the user's words excepted),
//! however often it recurs: a scan misreads the same character on every page.
//! A line break inside a word (收运处⏎置体系), left by a conversion, is
//! reported with the joined word (of two or three characters: 化学⏎品),
//! where the line before is prose, not a
//! heading, and the text is not hard-wrapped throughout (a PDF paste).

use super::{Ctx, Emitter};
use crate::text::class::is_han;
use crate::text::utf8::{char_before, rest};
use crate::text::words::Lexicon;

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "ocr-damage",
    category: crate::Category::Wording,
    severity: crate::Severity::Warning,
    check,
};

/// The word the two sides of a digit make must be at least this frequent
/// (class `ln(f) * 16`: about 1,100): a digit between two characters is
/// often a quantity (全市3区县).
const MIN_JOINED_CLASS: u8 = 112;

/// The same for a letter or a bullet, which a report never puts inside a
/// word (社l保卡, 整•改), and for a line break inside a line of prose
/// (about 45).
const MIN_JOINED_CLASS_MARK: u8 = 60;

/// What a Latin letter names with the character after it (T台, B超, X光,
/// A股, K线, U盘, A级, B类, C证, A区, B座): a lettered name, not damage.
const LETTERED: &str = "台恤超光股线盘币级类证型区座栋号楼段厅档卡口字形";

/// Measure words, units and date characters: a digit before one is a
/// quantity (立案4件, 年3月), not damage.
const COUNTERS: &str = "件个名人次项条起所家户元角分万亿千百十年月日号时周天期批轮场篇份例处座栋辆台套本册张位届季度级倍成米克斤吨亩公里升层楼栏章节款组队村镇乡县市区省部门类种样点块头只把支架间室床所校班届";

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let Some(lex) = ctx.config.words.get() else {
        return;
    };
    let text = ctx.doc.text;
    stray_marks(ctx, lex, text, out);
    for s in ctx.suspects() {
        if super::typo::is_typo(s) {
            continue;
        }
        let (written, right) = s.texts(text);
        out.warning(
            s.at,
            s.at + s.wrong.len_utf8(),
            format!(
                "疑为扫描识别错误：“{written}”应为“{right}”？（“{}”与“{}”形近）",
                s.wrong, s.right
            ),
            format!(
                "Possible OCR misreading: “{written}” for “{right}” ({} and {} look alike)",
                s.wrong, s.right
            ),
        )
        .suggest(s.right.to_string())
        .context(s.start, s.end);
    }
}

/// Han numerals: a mark between two of them stands for 〇 or a digit.
const HAN_NUMERALS: &str = "〇零一二三四五六七八九十百千万亿两";

/// A stray line break inside a word (收运处⏎置体系): a conversion broke one
/// line of prose in two. Only when the text is not hard-wrapped throughout
/// (a PDF paste's breaks are its layout, read as one paragraph), the line
/// before is prose (long, no heading, no closing mark) and the characters on
/// both sides make a frequent word.
fn line_break_inside_a_word(ctx: &Ctx, lex: &Lexicon, text: &str, at: usize, out: &mut Emitter) {
    let doc = ctx.doc;
    if doc.pdf_wrap.is_some() {
        return;
    }
    let before = text.get(..at).unwrap_or("");
    let before = before.strip_suffix('\r').unwrap_or(before);
    let (Some(left), Some(right)) = (
        before.chars().next_back(),
        text.get(at + 1..).and_then(|t| t.chars().next()),
    ) else {
        return;
    };
    if !is_han(left) || !is_han(right) {
        return;
    }
    let li = doc.line_index(at.saturating_sub(1));
    let Some(line) = doc.lines.get(li) else {
        return;
    };
    let line_text = doc.slice(line.start, line.end);
    // Prose: a long line with a sentence mark in it, not a heading.
    if line_text.chars().count() < 16 || !line_text.contains(['，', '、', '；', '。']) {
        return;
    }
    let heading = doc
        .paragraph_at(line.start)
        .and_then(|p| doc.paragraphs.get(p))
        .and_then(|p| p.heading)
        .and_then(|h| doc.headings.get(h));
    // A heading's own words end at the break: a heading line, not a word
    // cut (the body after a heading's first sentence is prose).
    if heading.is_some_and(|h| h.start < at && at <= h.end + 1) {
        return;
    }
    let Some((left_chars, right_chars)) = crossing_word(lex, before, &text[at + 1..]) else {
        return;
    };
    let start = before.len() - left_chars.iter().map(|c| c.len_utf8()).sum::<usize>();
    let end = at + 1 + right_chars.iter().map(|c| c.len_utf8()).sum::<usize>();
    let (left, right): (String, String) =
        (left_chars.iter().collect(), right_chars.iter().collect());
    let joined = format!("{left}{right}");
    out.warning(
        start,
        end,
        format!("“{left}⏎{right}”：词中间断了行，疑为转换时多出的换行，接上后为“{joined}”"),
        format!("A line break inside “{joined}”: left by a conversion; join the line"),
    )
    .suggest(joined);
}

/// The word a line break cuts: one or two characters before it and one or
/// two after, two or three in all, a frequent word (the two-character one
/// first: 排⏎查, then 化学⏎品 or 流⏎程表).
fn crossing_word(lex: &Lexicon, before: &str, after: &str) -> Option<(Vec<char>, Vec<char>)> {
    let l: Vec<char> = before.chars().rev().take(2).collect();
    let r: Vec<char> = after.chars().take(2).collect();
    let han = |c: &char| is_han(*c);
    let word = |chars: &[char]| -> bool {
        let ids: Option<Vec<u16>> = chars.iter().map(|&c| lex.id(c)).collect();
        ids.and_then(|ids| lex.word_class(&ids))
            .is_some_and(|c| c >= MIN_JOINED_CLASS_MARK)
    };
    for (nl, nr) in [(1, 1), (2, 1), (1, 2)] {
        if l.len() < nl || r.len() < nr || !l[..nl].iter().all(han) || !r[..nr].iter().all(han) {
            continue;
        }
        let left: Vec<char> = l[..nl].iter().rev().copied().collect();
        let right: Vec<char> = r[..nr].to_vec();
        let whole: Vec<char> = left.iter().chain(&right).copied().collect();
        if word(&whole) {
            return Some((left, right));
        }
    }
    None
}

fn stray_marks(ctx: &Ctx, lex: &Lexicon, text: &str, out: &mut Emitter) {
    let bytes = text.as_bytes();
    let user_words: Vec<&String> = ctx
        .config
        .dictionary
        .words
        .iter()
        .chain(&ctx.profile.dictionary.words)
        .collect();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            line_break_inside_a_word(ctx, lex, text, i, out);
            i += 1;
            continue;
        }
        let (mark, len) = if b.is_ascii_alphanumeric() {
            (b as char, 1)
        } else if text
            .get(i..)
            .is_some_and(|t| t.starts_with('•') || t.starts_with('·'))
        {
            {
                let c = text[i..].chars().next().unwrap_or('•');
                (c, c.len_utf8())
            }
        } else {
            i += 1;
            continue;
        };
        let at = i;
        i += len;
        let (Some(left), Some(right)) =
            (char_before(text, at), rest(text, at + len).chars().next())
        else {
            continue;
        };
        if !is_han(left) || !is_han(right) {
            continue;
        }
        if matches!(mark, 'X' | 'x') {
            continue; // a placeholder (placeholder's)
        }
        // 二o二o年: a numeral written with a look-alike letter or digit is
        // split-word's (its fix is 〇); dropping the mark would make 二二 or
        // 二年.
        let numeral = |c: char| HAN_NUMERALS.contains(c);
        if (numeral(left) && numeral(right))
            || (matches!(mark, 'o' | 'O' | '0') && (numeral(left) || numeral(right)))
        {
            continue;
        }
        if mark.is_ascii_digit() && (COUNTERS.contains(right) || COUNTERS.contains(left)) {
            continue;
        }
        if mark.is_ascii_alphabetic() && LETTERED.contains(right) {
            continue;
        }
        let (Some(l), Some(r)) = (lex.id(left), lex.id(right)) else {
            continue;
        };
        let Some(class) = lex.word_class(&[l, r]) else {
            continue;
        };
        let min = if mark.is_ascii_digit() {
            MIN_JOINED_CLASS
        } else {
            MIN_JOINED_CLASS_MARK
        };
        if class < min {
            continue;
        }
        let start = at - left.len_utf8();
        let end = at + len + right.len_utf8();
        let joined: String = [left, right].iter().collect();
        if user_words
            .iter()
            .any(|w| text.get(start..end).is_some_and(|t| t.contains(w.as_str())))
        {
            continue;
        }
        let written = &text[start..end];
        out.warning(
            at,
            at + len,
            format!("“{written}”中夹着“{mark}”，疑为扫描识别或转换残留，删去后为“{joined}”"),
            format!(
                "“{mark}” inside “{written}”: OCR or conversion debris; without it, “{joined}”"
            ),
        )
        .suggest("");
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::support::*;

    #[test]
    fn a_letter_inside_a_word_is_flagged_and_deleted() {
        let f = findings_of("ocr-damage", "加强工T作作风建设。");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].start, f[0].end, f[0].text.as_str()), (3, 4, "T"));
        assert_eq!(
            f[0].message,
            "“工T作”中夹着“T”，疑为扫描识别或转换残留，删去后为“工作”"
        );
        assert_eq!(apply_fixes("ocr-damage", "支部成•员"), "支部成员");
    }

    #[test]
    fn a_line_break_inside_a_word_is_joined() {
        let t = "一、主要工作\n农村人居环境持续改善，农村生活垃圾收运处\n置体系实现行政村全覆盖。";
        let f = findings_of("ocr-damage", t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].text, "处\n置");
        assert_eq!(
            f[0].message,
            "“处⏎置”：词中间断了行，疑为转换时多出的换行，接上后为“处置”"
        );
        assert_eq!(
            apply_fixes("ocr-damage", t),
            "一、主要工作\n农村人居环境持续改善，农村生活垃圾收运处置体系实现行政村全覆盖。"
        );
        assert_silent(
            "ocr-damage",
            &[
                // a heading, a title, a short label line, a break between words
                "一、持续深化农村人居环境整治工作\n作风建设持续加强。",
                "县农业农村局2025年工作总结\n总体情况良好。",
                "局纪检组全程跟踪\n督办。",
                "产业链条短，品牌效应不明显，农民增收渠道\n不多。",
            ],
        );
    }

    #[test]
    fn a_line_break_after_a_heading_sentence_or_inside_a_longer_word() {
        // The body after a heading's first sentence is prose; the word cut
        // may be of three characters.
        let t = "（二）对照清单逐项自查。对全院临床科室、医技科室进行全面排\n查，重点检查重复收费。\n（三）突出重点领域。聚焦危险化学\n品、燃气、建筑施工等重点行业领域。";
        let f = findings_of("ocr-damage", t);
        assert_eq!(
            f.iter().map(|f| f.text.as_str()).collect::<Vec<_>>(),
            vec!["排\n查", "化学\n品"],
            "{f:?}"
        );
        assert_eq!(
            f[1].message,
            "“化学⏎品”：词中间断了行，疑为转换时多出的换行，接上后为“化学品”"
        );
        assert!(apply_fixes("ocr-damage", t).contains("聚焦危险化学品、燃气"));
    }

    #[test]
    fn a_scan_misreads_the_same_way_every_time() {
        // A window written twice is usually a term the lexicon lacks; a
        // look-alike misread is repeated by the scanner itself.
        let t = "切实维护入民群众根本利益。\n着力解决入民群众急难愁盼问题。";
        let f = findings_of("ocr-damage", t);
        assert_eq!(
            f.iter()
                .map(|f| (f.start, f.text.as_str()))
                .collect::<Vec<_>>(),
            vec![(4, "入"), (18, "入")]
        );
        assert_eq!(apply_fixes("ocr-damage", t), t.replace('入', "人"));
        // An addressee after 县 at the start of the line: 入民政府 is no
        // abbreviation of the county's.
        let f = findings_of("ocr-damage", "县入民政府：\n现将有关情况报告如下。");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].message,
            "疑为扫描识别错误：“入民政府”应为“人民政府”？（“入”与“人”形近）"
        );
        assert_silent("typo", &[t]);
    }

    #[test]
    fn a_misread_shape_is_flagged() {
        let f = findings_of("ocr-damage", "全体千部职工参加会议。");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            (f[0].text.as_str(), f[0].suggestion.as_deref()),
            ("千", Some("干"))
        );
        assert_silent(
            "ocr-damage",
            &["共销售三千部手机。", "发挥X作用。", "立案4件。"],
        );
    }
}
