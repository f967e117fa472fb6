//! 被打断的词和混进来的“长得像”的字符。从网页、PDF、微信或查重软件里
//! 复制出来的文字，常在词中间夹带多余的符号（“反腐*败”），或者看不见的
//! 零宽字符（U+200B 零宽空格等）。零宽字符肉眼看不到，却会让“反腐败”
//! 在检索、查重、字数统计和自动校对时断成两截。
//!
//! 还有一类是外形相似的字符：把拉丁字母 o、数字 0 当作“〇”写进
//! 年份（“二o二o年”“二0二一年”），把字母 o 当作句号（“如下o”），或者
//! 把日文假名当作汉字（“ー是”里的“ー”应为“一”，“人ロ”应为“人口”）。
//!
//! 每一处都给出改法：删去多余的符号或零宽字符，把相似字符换成正确的
//! 中文字符。“党建+”“村/社区”“3~5年”这类有意的写法不会误报。
//!
//! # English
//! Broken words and look-alike characters. Text copied from web pages,
//! PDFs, chat apps or plagiarism checkers often carries a stray symbol inside
//! a word ("反腐*败") or invisible zero-width characters (U+200B zero-width
//! space and the like), which split the word for search, duplicate checks,
//! word counts and proofreading although nobody can see them. Look-alikes are
//! Latin o or digit 0 written for 〇 in years ("二o二o年", "二0二一年") and a
//! Latin o for the full stop ("如下o"), and kana for Chinese characters (ー for
//! 一, ロ for 口). Each finding carries the fix.
//! Intended forms such as "党建+", "村/社区" and "3~5年" are left alone.

use super::{Ctx, Emitter};
use crate::text::class::is_han;
use crate::text::seeds::{self, Seeds};
use crate::text::utf8::{char_at, char_before, chars_led_by, head, rest};
use std::sync::OnceLock;

/// Symbols that have no business between two Chinese characters.
const STRAY: &[char] = &[
    '*', '＊', '#', '＃', '^', '＾', '\\', '＼', '&', '＆', '=', '＝', '`',
];

/// Invisible characters: zero-width spaces and joiners, direction marks,
/// soft hyphens, word joiners, byte-order marks inside the text.
fn is_invisible(c: char) -> bool {
    matches!(
        c as u32,
        0x200B..=0x200F | 0x2060..=0x2064 | 0x202A..=0x202E | 0x2066..=0x2069 | 0xFEFF | 0x00AD | 0x180E
    )
}

/// Look-alikes of 〇 in a Chinese numeral.
fn is_zero_lookalike(c: char) -> bool {
    matches!(c, 'o' | 'O' | '0' | '０' | 'ｏ' | 'Ｏ' | 'Ο' | 'о' | 'О')
}

fn is_cn_digit(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '〇' | '零'
    )
}

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "split-word",
    category: crate::Category::Wording,
    severity: crate::Severity::Error,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let text = ctx.doc.text;
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    // Only invisible characters and stray symbols matter here: visit them.
    let seeds = SEEDS.get_or_init(|| {
        let mut chars: Vec<char> = STRAY.to_vec();
        for range in [
            0x200Bu32..=0x200F,
            0x2060..=0x2064,
            0x202A..=0x202E,
            0x2066..=0x2069,
            0xFEFF..=0xFEFF,
            0x00AD..=0x00AD,
            0x180E..=0x180E,
        ] {
            chars.extend(range.filter_map(char::from_u32));
        }
        Seeds::chars(&chars)
    });
    let mut next = 0; // the end of the run last reported
    for (i, _) in seeds::seed_matches(text, seeds) {
        if i < next {
            continue;
        }
        let Some(c) = char_at(text, i) else { continue };
        if is_invisible(c) {
            let mut end = i + c.len_utf8();
            let mut n = 1;
            while let Some(d) = char_at(text, end) {
                if !is_invisible(d) {
                    break;
                }
                end += d.len_utf8();
                n += 1;
            }
            next = end;
            // A byte-order mark at the very start, and joiners inside emoji
            // sequences, are harmless.
            if i == 0 && c == '\u{FEFF}' && n == 1 {
                continue;
            }
            if c == '\u{200D}'
                && n == 1
                && (is_emoji(char_before(text, i)) || is_emoji(char_at(text, end)))
            {
                continue;
            }
            invisible(out, i, end, n, c);
            continue;
        }
        if STRAY.contains(&c) {
            stray_symbol(out, text, i, c);
        }
    }
    lookalikes(ctx, out);
    kana_lookalikes(ctx, out);
}

/// Japanese kana that look like Chinese characters (ー for 一, ロ for 口 …),
/// left by OCR or a Japanese input method.
const KANA: &[(char, char)] = &[
    ('ー', '一'),
    ('ロ', '口'),
    ('エ', '工'),
    ('カ', '力'),
    ('ニ', '二'),
    ('ハ', '八'),
    ('ト', '卜'),
    ('タ', '夕'),
    ('ㄧ', '一'),
];

/// Characters that commonly follow or precede 一.
const ONE_NEXT: &str =
    "是个些定起致步体把线流道切批次项年方律般直贯同并心门手代级名位票天月日季周岗";
const ONE_PREV: &str = "第统唯之万单专归";

fn is_kana(c: char) -> bool {
    matches!(c as u32, 0x3041..=0x30FF | 0x31F0..=0x31FF)
}

fn kana_lookalikes(ctx: &Ctx, out: &mut Emitter) {
    let text = ctx.doc.text;
    // Kana (U+3041–30FF, 31F0–31FF) and ㄧ (U+3127) begin with E3, like
    // 、。《》 but no ideograph: visit the E3-led characters only.
    let kana: Vec<usize> = chars_led_by(text, 0, [0xE3; 3])
        .filter(|&(_, c)| is_kana(c) || c == 'ㄧ')
        .map(|(i, _)| i)
        .collect();
    if kana.is_empty() {
        return;
    }
    for p in &ctx.doc.paragraphs {
        let Some(para) = text.get(p.start..p.end) else {
            continue;
        };
        // Japanese text has kana everywhere; a stray one among Chinese does not.
        let lo = kana.partition_point(|&i| i < p.start);
        let hi = kana.partition_point(|&i| i < p.end);
        let kana = hi - lo;
        if kana == 0 || kana > 3 {
            continue;
        }
        for (i, c) in para.char_indices() {
            let Some(&(_, han)) = KANA.iter().find(|(k, _)| *k == c) else {
                continue;
            };
            let pos = p.start + i;
            let end = pos + c.len_utf8();
            let before = char_before(text, pos).filter(|_| pos > p.start);
            let after = char_at(text, end).filter(|_| end < p.end);
            if !(before.is_some_and(is_han) || after.is_some_and(is_han)) {
                continue;
            }
            // ーー is a dash typed with the wrong key, not a numeral; a lone
            // ー stands for 一 only where 一 is expected (ー是, 第ー, 统ー).
            if before == Some(c) || after == Some(c) {
                continue;
            }
            if han == '一'
                && !after.is_some_and(|a| ONE_NEXT.contains(a))
                && !before.is_some_and(|b| ONE_PREV.contains(b))
            {
                continue;
            }
            out.error(
                pos,
                end,
                format!("“{c}”是外形相似的日文假名或注音符号，应为汉字“{han}”"),
                format!("\"{c}\" is a look-alike kana or bopomofo: write the Chinese character \"{han}\""),
            )
            .suggest(han.to_string());
        }
    }
}

fn is_emoji(c: Option<char>) -> bool {
    c.is_some_and(|c| (c as u32) >= 0x1F000 || matches!(c as u32, 0x2600..=0x27BF))
}

fn invisible(out: &mut Emitter, start: usize, end: usize, n: usize, first: char) {
    let code = format!("U+{:04X}", first as u32);
    out.warning(
        start,
        end,
        format!(
            "这里有 {n} 个看不见的零宽字符（{code}），会使词语在检索、查重和字数统计时断开：建议删除"
        ),
        format!(
            "{n} invisible zero-width character(s) ({code}) here split the word for search, duplicate checks and word counts: delete them"
        ),
    )
    .suggest("");
}

fn stray_symbol(out: &mut Emitter, text: &str, pos: usize, c: char) {
    let end = pos + c.len_utf8();
    let (Some(before), Some(after)) = (char_before(text, pos), char_at(text, end)) else {
        return;
    };
    if !is_han(before) || !is_han(after) {
        return;
    }
    // #话题# hashtags come in pairs.
    if matches!(c, '#' | '＃')
        && (rest(text, end).chars().take(30).any(|d| d == c)
            || head(text, pos).chars().rev().take(30).any(|d| d == c))
    {
        return;
    }
    let word: String = [before, c, after].iter().collect();
    let fixed: String = [before, after].iter().collect();
    out.error(
        pos,
        end,
        format!("词语被多余的符号“{c}”打断：“{word}”应为“{fixed}”"),
        format!("A stray \"{c}\" splits the word: \"{word}\" should be \"{fixed}\""),
    )
    .suggest("");
}

fn lookalikes(ctx: &Ctx, out: &mut Emitter) {
    let text = ctx.doc.text;
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    // Only a run of numerals that holds a look-alike can be reported.
    let seeds =
        SEEDS.get_or_init(|| Seeds::chars(&['o', 'O', '0', '０', 'ｏ', 'Ｏ', 'Ο', 'о', 'О']));
    let fakes: Vec<usize> = seeds::seed_matches(text, seeds).map(|(i, _)| i).collect();
    let is_run_char = |c: char| is_cn_digit(c) || is_zero_lookalike(c);
    let mut fi = 0;
    let mut chars: Vec<(usize, char)> = Vec::new();
    for p in &ctx.doc.paragraphs {
        let Some(para) = text.get(p.start..p.end) else {
            continue;
        };
        let mut done = p.start; // runs before this are read
        while let Some(&f) = fakes.get(fi) {
            if f >= p.end {
                break;
            }
            fi += 1;
            if f < done {
                continue;
            }
            // The whole run around the look-alike, and its neighbours in
            // the paragraph, as a run of the paragraph's characters.
            let mut s = f - p.start;
            while let Some(c) = para.get(..s).and_then(|h| h.chars().next_back()) {
                if !is_run_char(c) {
                    break;
                }
                s -= c.len_utf8();
            }
            let head = para.get(..s).and_then(|h| h.chars().next_back());
            let from = s - head.map_or(0, char::len_utf8);
            chars.clear();
            let k = usize::from(head.is_some());
            for (b, c) in para.get(from..).unwrap_or("").char_indices() {
                chars.push((from + b, c));
                if chars.len() > k && !is_run_char(c) {
                    break;
                }
            }
            let mut j = k;
            while j < chars.len() && is_run_char(chars[j].1) {
                j += 1;
            }
            done = p.start + chars.get(j).map_or(para.len(), |&(b, _)| b);
            let run = &chars[k..j];
            let c = chars[k].1;
            let digits = run.iter().filter(|(_, c)| is_cn_digit(*c)).count();
            let fakes = run.len() - digits;
            let before = k.checked_sub(1).map(|b| chars[b].1);
            let after = chars.get(j).map(|&(_, c)| c);
            let latin_edge = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            let year_like =
                after.is_some_and(|a| matches!(a, '年' | '月' | '日' | '号')) || run.len() >= 4;
            if fakes > 0
                && digits >= 2
                && run.len() >= 3
                && year_like
                && !latin_edge(before)
                && !latin_edge(after)
            {
                for &(b, f) in run.iter().filter(|(_, c)| is_zero_lookalike(*c)) {
                    let pos = p.start + b;
                    let numeral: String = run.iter().map(|&(_, c)| c).collect();
                    out.warning(
                        pos,
                        pos + f.len_utf8(),
                        format!("“{numeral}”里的“{f}”是外形相似的字母或数字，应为汉字“〇”"),
                        format!("\"{f}\" in \"{numeral}\" is a look-alike: write the Chinese numeral \"〇\""),
                    )
                    .suggest("〇");
                }
            } else if run.len() == 1 && matches!(c, 'o' | 'O') {
                full_stop_lookalike(out, text, p.start + chars[k].0, p.end, c);
            }
        }
    }
}

/// 如下o: a Latin o after Chinese at the end of a sentence is a 。 .
fn full_stop_lookalike(out: &mut Emitter, text: &str, pos: usize, para_end: usize, c: char) {
    let end = pos + c.len_utf8();
    let before = char_before(text, pos);
    let after = char_at(text, end).filter(|_| end < para_end);
    if !before.is_some_and(is_han) {
        return;
    }
    let ok_after = match after {
        None => true,
        Some(a) => a.is_whitespace() || (is_han(a) && a != '型'),
    };
    if ok_after {
        out.error(
            pos,
            end,
            format!("字母“{c}”用在句末，应是句号“。”"),
            format!("The letter \"{c}\" stands where the full stop \"。\" belongs"),
        )
        .suggest("。");
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{apply_fixes, assert_silent, findings_of, flagged};

    const RULE: &str = "split-word";

    #[test]
    fn stray_symbols() {
        assert_eq!(flagged(RULE, "坚持反腐*败斗争。"), vec!["*"]);
        assert_eq!(
            apply_fixes(RULE, "坚持反腐*败斗争，党风#廉政。"),
            "坚持反腐败斗争，党风廉政。"
        );
    }

    #[test]
    fn zero_width_characters() {
        let t = "坚持反腐\u{200B}败斗争，全面\u{200B}\u{200C}从严。";
        let f = findings_of(RULE, t);
        assert_eq!(f.len(), 2);
        assert!(f[0].message.contains("看不见"));
        assert!(f[0].message_en.contains("invisible"));
        assert_eq!(apply_fixes(RULE, t), "坚持反腐败斗争，全面从严。");
        assert!(flagged(RULE, "\u{FEFF}报告正文").is_empty());
    }

    #[test]
    fn lookalike_zero_and_full_stop() {
        assert_eq!(apply_fixes(RULE, "二o二o年工作总结"), "二〇二〇年工作总结");
        assert_eq!(apply_fixes(RULE, "二0二一年三月"), "二〇二一年三月");
        assert_eq!(apply_fixes(RULE, "二O一九年"), "二〇一九年");
        assert_eq!(
            apply_fixes(RULE, "现将情况报告如下o\n一、基本情况"),
            "现将情况报告如下。\n一、基本情况"
        );
        assert_eq!(
            apply_fixes(RULE, "ー是加强学习，二是完善制度"),
            "一是加强学习，二是完善制度"
        );
        assert_eq!(apply_fixes(RULE, "人ロ普查"), "人口普查");
        assert_eq!(
            apply_fixes(RULE, "第ー责任人，统ー部署"),
            "第一责任人，统一部署"
        );
    }

    #[test]
    fn intended_forms_are_silent() {
        assert_silent(
            RULE,
            &[
                "“党建+规范管理”“1+4+N”。",
                "村/社区干部，3~5年，A*B。",
                "#学习强国#平台。",
                "二〇二〇年，二○二一年。",
                "O型血，维生素C，Office软件，O2O模式。",
                "第10号文件，共20人。",
                "👨\u{200D}👩\u{200D}👧",
                "一二三四。",
                "コーヒーとケーキ、ロボット。",
                "卡拉OK，T恤衫。",
                "梳理ー反馈ー督改，梳理ーー反馈。",
            ],
        );
    }
}
