//! 成对的标点缺了一半。引号“”‘’、书名号《》〈〉、括号（）、方头括号【】
//! 和六角括号〔〕必须成对出现；只有前一半或只有后一半，通常是删改时
//! 误删，或者从别处粘贴时只带过来半个。每个落单的符号都会被标出，请补上
//! 另一半或删去多余的一个。
//!
//! 配对只在同一段落内进行（段落中间的换行不影响），所以一个落单的符号
//! 不会把后面整篇文章都带错。“1）”“a）”这样的序号写法不算落单。把后引号
//! 误写成前引号（“两个维护“）时，会建议改成”。成对的符号中间什么都没有
//! （“开展“”专项整治”）说明里面的词被删掉了，也会标出；空的括号（）【】〔〕
//! 是留给起草人的空位，由“未填写的占位符”报告，这里不重复。
//!
//! 示例：“落实《关于新形势下党内政治生活的若干准则等制度”——书名号的
//! 前一半“《”没有配对的后一半“》”，应在“准则”后补上。
//!
//! # English
//! Unbalanced paired marks: quotes “” ‘’, title marks 《》 〈〉, brackets （）,
//! 【】 and 〔〕 must come in pairs. A lone half usually means something was
//! deleted or pasted incompletely. Each unmatched mark is flagged; add the
//! missing half or remove the stray one. Pairs are matched within a
//! paragraph (line breaks inside a paragraph are fine), so one stray mark
//! does not spread through the rest of the document. List numbers such as
//! "1）" are not flagged. A closing quote typed as an opening one (“两个维护“)
//! gets the suggestion ”. An empty pair (开展“”专项整治) means the word
//! inside was deleted and is flagged too; empty brackets （） 【】 〔〕 are a
//! blank left to fill in, reported by placeholder, not twice.

use super::{Ctx, Emitter};
use crate::text::class::is_clause_punct;
use crate::text::utf8::{char_at, char_before, chars_led_by};

const OPEN: [char; 9] = ['“', '‘', '《', '〈', '（', '【', '〔', '「', '『'];
const CLOSE: [char; 9] = ['”', '’', '》', '〉', '）', '】', '〕', '」', '』'];

/// Openers whose empty pair is a fill-in blank, reported by placeholder.
const BLANKS: [char; 3] = ['（', '【', '〔'];

/// More stray marks than this in one paragraph is garbage, not a draft
/// with a slip: report the first ones only.
const MAX_PER_PARAGRAPH: usize = 20;

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "unbalanced-pair",
    category: crate::Category::Punctuation,
    severity: crate::Severity::Error,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let text = ctx.doc.text;
    for p in &ctx.doc.paragraphs {
        let mut stray: Vec<Stray> = Vec::new();
        scan(text, p.start, p.end, &mut stray);
        crate::sort::sort_by(&mut stray, |s| s.pos as u128);
        for s in stray.into_iter().take(MAX_PER_PARAGRAPH) {
            emit(out, &s);
        }
    }
}

struct Stray {
    pos: usize,
    mark: char,
    /// A reversed quote: the mark that belongs here.
    should_be: Option<char>,
    /// An empty pair (“”): the end of its closing mark.
    empty_until: Option<usize>,
}

fn scan(text: &str, start: usize, end: usize, stray: &mut Vec<Stray>) {
    let Some(para) = text.get(start..end) else {
        return;
    };
    let mut stack: Vec<(usize, usize)> = Vec::new(); // (kind, pos)
    let mut open_count = [0usize; 9];
    // A stray ” waiting to see whether a second ” shows it should be “.
    let mut lone_rdquo: Option<usize> = None;
    // Every mark of OPEN and CLOSE starts with E2, E3 or EF.
    for (pos, c) in chars_led_by(para, 0, [0xe2, 0xe3, 0xef]) {
        let pos = start + pos;
        if let Some(k) = OPEN.iter().position(|&o| o == c) {
            // “…“ : a second opening double quote directly inside an open
            // one is a closing quote typed the wrong way (nesting uses ‘’).
            if c == '“'
                && stack.last().is_some_and(|&(top, _)| top == 0)
                && in_closing_position(text, pos + c.len_utf8())
            {
                stack.pop();
                open_count[0] = open_count[0].saturating_sub(1);
                stray.push(Stray {
                    pos,
                    mark: c,
                    should_be: Some('”'),
                    empty_until: None,
                });
                continue;
            }
            if c == '“' {
                lone_rdquo = None;
            }
            stack.push((k, pos));
            open_count[k] += 1;
            continue;
        }
        let Some(k) = CLOSE.iter().position(|&e| e == c) else {
            continue;
        };
        if open_count[k] == 0 {
            if c == '’' && is_apostrophe(text, pos) {
                continue;
            }
            // 5’30”, 3”: minutes, seconds and inches after a digit.
            if matches!(c, '’' | '”') && char_before(text, pos).is_some_and(|b| b.is_ascii_digit())
            {
                continue;
            }
            if c == '）' && is_list_number(text, start, pos) {
                continue;
            }
            if c == '”' {
                if let Some(first) = lone_rdquo
                    .take()
                    .filter(|&f| !in_closing_position(text, f + c.len_utf8()))
                {
                    // ”…” with no “: the first one was meant to open.
                    stray.push(Stray {
                        pos: first,
                        mark: '”',
                        should_be: Some('“'),
                        empty_until: None,
                    });
                    continue;
                }
                lone_rdquo = Some(pos);
                continue;
            }
            stray.push(Stray {
                pos,
                mark: c,
                should_be: None,
                empty_until: None,
            });
            continue;
        }
        // Close the nearest matching opener; openers above it are unmatched.
        while let Some((top, top_pos)) = stack.pop() {
            open_count[top] -= 1;
            if top == k {
                // “” with nothing inside: the quoted word was deleted. An
                // empty bracket is a blank to fill in (placeholder's).
                if top_pos + OPEN[top].len_utf8() == pos && !BLANKS.contains(&OPEN[top]) {
                    stray.push(Stray {
                        pos: top_pos,
                        mark: OPEN[top],
                        should_be: None,
                        empty_until: Some(pos + c.len_utf8()),
                    });
                }
                break;
            }
            stray.push(Stray {
                pos: top_pos,
                mark: OPEN[top],
                should_be: None,
                empty_until: None,
            });
        }
    }
    if let Some(p) = lone_rdquo {
        stray.push(Stray {
            pos: p,
            mark: '”',
            should_be: None,
            empty_until: None,
        });
    }
    for (k, pos) in stack {
        stray.push(Stray {
            pos,
            mark: OPEN[k],
            should_be: None,
            empty_until: None,
        });
    }
}

/// After a closing mark: the end, punctuation, a space or another closer.
fn in_closing_position(text: &str, after: usize) -> bool {
    char_at(text, after)
        .is_none_or(|c| is_clause_punct(c) || c.is_whitespace() || CLOSE.contains(&c) || c == '.')
}

/// don’t, it’s: a right single quote between letters is an apostrophe.
fn is_apostrophe(text: &str, pos: usize) -> bool {
    char_before(text, pos).is_some_and(|c| c.is_ascii_alphabetic())
        && char_at(text, pos + '’'.len_utf8()).is_some_and(|c| c.is_ascii_alphabetic())
}

/// 1） a） 一） ①）: a list number with only the closing bracket, at the
/// start of the paragraph or after punctuation or a space.
fn is_list_number(text: &str, para_start: usize, pos: usize) -> bool {
    let mut p = pos;
    let mut n = 0;
    while p > para_start && n <= 3 {
        let Some(c) = char_before(text, p) else {
            return false;
        };
        if c.is_ascii_alphanumeric()
            || crate::cnum::is_numeral_char(c)
            || ('①'..='⑳').contains(&c)
            || ('０'..='９').contains(&c)
        {
            n += 1;
            p -= c.len_utf8();
            continue;
        }
        return (1..=3).contains(&n) && (is_clause_punct(c) || c.is_whitespace());
    }
    (1..=3).contains(&n) && p == para_start
}

fn emit(out: &mut Emitter, s: &Stray) {
    if let Some(end) = s.empty_until {
        let (name_zh, name_en) = name(s.mark);
        let pair = format!("{}{}", s.mark, partner(s.mark));
        out.error(
            s.pos,
            end,
            format!("{name_zh}「{pair}」中间是空的，里面的内容可能被删掉了：请补上，或删去这对符号"),
            format!("Empty {name_en} pair \"{pair}\": its content was probably deleted; restore it or remove the pair"),
        )
        .suggest("");
        return;
    }
    let end = s.pos + s.mark.len_utf8();
    if let Some(to) = s.should_be {
        out.error(
            s.pos,
            end,
            format!("引号方向错误：这里的「{}」应为「{to}」", s.mark),
            format!(
                "Quote typed the wrong way: \"{}\" here should be \"{to}\"",
                s.mark
            ),
        )
        .suggest(to.to_string());
        return;
    }
    let (name_zh, name_en) = name(s.mark);
    let partner = partner(s.mark);
    let mark = s.mark;
    if OPEN.contains(&mark) {
        out.error(
            s.pos,
            end,
            format!("{name_zh}「{mark}」没有配对的「{partner}」：请在该结束处补上「{partner}」，或删去多余的「{mark}」"),
            format!(
                "Unmatched {name_en} \"{mark}\": add the closing \"{partner}\" where it ends, or delete the stray mark"
            ),
        );
    } else {
        out.error(
            s.pos,
            end,
            format!("{name_zh}「{mark}」前面没有配对的「{partner}」：请补上「{partner}」，或删去多余的「{mark}」"),
            format!(
                "Unmatched {name_en} \"{mark}\": add the opening \"{partner}\", or delete the stray mark"
            ),
        );
    }
}

fn partner(c: char) -> char {
    if let Some(k) = OPEN.iter().position(|&o| o == c) {
        CLOSE[k]
    } else if let Some(k) = CLOSE.iter().position(|&e| e == c) {
        OPEN[k]
    } else {
        c
    }
}

fn name(c: char) -> (&'static str, &'static str) {
    match c {
        '“' | '”' => ("双引号", "double quote"),
        '‘' | '’' => ("单引号", "single quote"),
        '《' | '》' | '〈' | '〉' => ("书名号", "title mark"),
        '（' | '）' => ("括号", "parenthesis"),
        '【' | '】' | '〔' | '〕' => ("方括号", "bracket"),
        _ => ("引号", "corner quote"),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{apply_fixes, assert_silent, findings_of, flagged};

    const RULE: &str = "unbalanced-pair";

    #[test]
    fn flags_unmatched_marks() {
        assert_eq!(
            flagged(RULE, "认真落实《关于新形势下党内政治生活的若干准则等制度。"),
            vec!["《"]
        );
        assert_eq!(flagged(RULE, "坚持“两个维护，不断前进。"), vec!["“"]);
        assert_eq!(flagged(RULE, "召开会议）研究部署。"), vec!["）"]);
        assert_eq!(flagged(RULE, "【第一篇政治生态"), vec!["【"]);
        assert_eq!(flagged(RULE, "党委（党组〕书记"), vec!["（", "〕"]);
        assert_eq!(flagged(RULE, "树立“四个意识”，坚定四个自信”"), vec!["”"]);
    }

    #[test]
    fn empty_pairs_are_deleted_words() {
        assert_eq!(flagged(RULE, "深入开展“”专项整治。"), vec!["“”"]);
        assert_eq!(flagged(RULE, "学习《》精神。"), vec!["《》"]);
        assert_eq!(
            apply_fixes(RULE, "深入开展“”专项整治。"),
            "深入开展专项整治。"
        );
        assert_silent(RULE, &["选择题（  ）", "“四风”问题"]);
        // Empty brackets are blanks: placeholder reports them, once.
        assert_silent(RULE, &["完成【】项目", "共（）人", "〔〕号文件"]);
        assert_eq!(
            flagged("placeholder", "完成【】项目，共（）人，〔〕号文件"),
            vec!["【】", "（）", "〔〕"]
        );
    }

    #[test]
    fn crossed_pairs_report_the_inner_opener() {
        // 《…（…》: the （ is never closed.
        assert_eq!(flagged(RULE, "学习《条例（试行》和办法。"), vec!["（"]);
    }

    #[test]
    fn reversed_quotes_get_a_fix() {
        let t = "坚决做到“两个维护“，增强“四个意识”。";
        assert_eq!(flagged(RULE, t), vec!["“"]);
        assert_eq!(apply_fixes(RULE, t), "坚决做到“两个维护”，增强“四个意识”。");
        let t = "坚决做到”两个维护”。";
        assert_eq!(apply_fixes(RULE, t), "坚决做到“两个维护”。");
        assert!(findings_of(RULE, t)
            .iter()
            .all(|f| f.severity == crate::Severity::Error));
        // An unclosed quote followed by a proper pair is not a reversed one.
        let t = "坚持“两个维护，增强“四个意识”。";
        assert_eq!(flagged(RULE, t), vec!["“"]);
        assert_eq!(apply_fixes(RULE, t), t);
    }

    #[test]
    fn balanced_text_is_silent() {
        assert_silent(
            RULE,
            &[
                "坚持“两个维护”，落实《关于新形势下党内政治生活的若干准则》（试行）。",
                "“他说：‘要抓实。’”",
                "学习《中共中央关于〈若干问题〉的决定》。",
                "1）加强学习；2）完善制度；a）强化监督。",
                "（1）细化；一）分解；①）落实。",
                "It’s fine, don’t worry.",
                "用时5’30”，屏幕尺寸55”。",
                // a pair may span lines within a paragraph (PDF wrap)
                "【第一篇】政治生态总体评价",
            ],
        );
    }

    #[test]
    fn resets_at_paragraph_boundaries() {
        let t = "第一段有一个“落单的引号。\n\n第二段“完全正常”。\n\n第三段（也正常）。";
        assert_eq!(flagged(RULE, t), vec!["“"]);
    }

    #[test]
    fn no_blow_up_on_deep_nesting() {
        let balanced = format!("{}{}", "《".repeat(100_000), "》".repeat(100_000));
        assert_eq!(flagged(RULE, &balanced), vec!["《》"]); // only the empty innermost pair
        let balanced = format!("{}文{}", "（".repeat(100_000), "）".repeat(100_000));
        assert!(flagged(RULE, &balanced).is_empty());
        let open = "（".repeat(100_000);
        assert_eq!(flagged(RULE, &open).len(), 20);
        let mixed = "《”".repeat(50_000);
        assert_eq!(flagged(RULE, &mixed).len(), 20);
    }
}
