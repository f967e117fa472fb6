//! 删词后留下的顿号。顿号“、”用在并列的词语之间，前后都应当有一项。
//! 改稿时删掉了一个词却忘了删它旁边的顿号，就会留下“形式主义、的工作
//! 意见”“形式主义、，”“形式主义、等”这样的痕迹：顿号后面紧跟“的”
//! “等”、标点、引号或段落结尾，或者顿号前面什么都没有（“，、加强”）。
//! 还有一种：“形式主义、问题”——原文是“形式主义、官僚主义问题”，中间的
//! 一项被删掉了，“问题”本来是整串并列项共用的中心词。
//!
//! 顿号后面紧跟连词“及、以及”（“加强学习、及提高能力”）也是同样的
//! 痕迹，或者顿号本就多余。
//!
//! 请补回被删掉的那一项，或者删去多余的顿号（建议的改法是删去顿号）。
//! 标题序号“一、”“1、”不会误报。
//!
//! # English
//! A dangling enumeration comma: the mark 、 separates listed items, so an
//! item must stand on each side. Deleting a word but not its 、 leaves traces
//! such as "形式主义、的工作意见", "形式主义、，" or "形式主义、等": 、 followed by
//! 的/等, punctuation, a quote or the paragraph end, or 、 with nothing before
//! it. Another trace is "形式主义、问题", where the middle item of
//! "形式主义、官僚主义问题" was deleted and the shared head noun 问题 remains; a
//! conjunction (及, 以及) right after 、 is the same kind of trace.
//! Restore the deleted item or remove the 、 (the suggested fix removes it).
//! Heading numbers such as 一、 and 1、 are not flagged.

use super::{Ctx, Emitter};
use crate::text::class::is_closing;
use crate::text::utf8::{char_at, char_before, head, rest};

/// Two-character words that begin with 等 (等级, 等同 …): 、等级 is an item.
const DENG_WORDS: &[char] = &[
    '级', '同', '待', '候', '量', '价', '额', '式', '于', '次', '第', '距', '效', '比', '差', '闲',
    '位', '外', '高', '身', '腰', '边', '分', '号', '速', '温', '压', '值', '长',
];

/// Head nouns shared by all items of a list of “-isms”.
const HEAD_NOUNS: &[&str] = &["问题", "现象", "倾向"];

/// What may follow 问题 when 问题 is itself an item (问题导向, 问题清单 …).
const WENTI_COMPOUND: &[char] = &[
    '导', '意', '清', '线', '台', '整', '查', '短', '症', '根', '专', '排', '销', '库', '督', '交',
    '处', '核', '办', '解', '化', '研', '分', '反', '移', '收', '梳', '摸', '和', '与',
];

/// Conjunctions that cannot follow 、, with the words they begin that can
/// (、及时 is an item). 和, 与 and 或 are left out: as prepositions they
/// begin parallel phrases (与A相比、与B相比).
const CONJUNCTIONS: &[(&str, &[&str])] = &[("以及", &[]), ("及", &["时", "早", "格", "第"])];

#[derive(Clone, Copy)]
enum Why {
    NothingAfter,
    Particle,
    NothingBefore,
    HeadNoun,
    Conjunction,
}

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "dangling-enumeration",
    category: crate::Category::Punctuation,
    severity: crate::Severity::Error,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let text = ctx.doc.text;
    for p in &ctx.doc.paragraphs {
        let Some(para) = text.get(p.start..p.end) else {
            continue;
        };
        // memmem's vectorised search, not a char-by-char walk.
        for i in memchr::memmem::find_iter(para.as_bytes(), "、".as_bytes()) {
            let pos = p.start + i;
            let end = pos + '、'.len_utf8();
            if let Some(why) = dangling(text, p.start, p.end, pos, end) {
                emit(out, ctx, pos, end, why);
            }
        }
    }
}

fn dangling(text: &str, para_start: usize, para_end: usize, pos: usize, end: usize) -> Option<Why> {
    // A PDF-wrapped paragraph may break the line right after or before 、.
    let is_gap = |c: char| matches!(c, '\n' | '\r' | ' ' | '\t' | '\u{3000}');
    let mut end = end;
    while end < para_end {
        match char_at(text, end) {
            Some(c) if is_gap(c) => end += c.len_utf8(),
            _ => break,
        }
    }
    let mut pos = pos;
    while pos > para_start {
        match char_before(text, pos) {
            Some(c) if is_gap(c) => pos -= c.len_utf8(),
            _ => break,
        }
    }
    let before = char_before(text, pos).filter(|_| pos > para_start);
    let after = char_at(text, end).filter(|_| end < para_end);
    // 、、 is doubled-punctuation's finding.
    if before == Some('、') || after == Some('、') {
        return None;
    }
    if is_heading_number(text, para_start, pos) {
        return None;
    }
    let Some(a) = after else {
        return Some(Why::NothingAfter);
    };
    if matches!(
        a,
        '，' | '。' | '；' | '：' | '！' | '？' | ',' | ';' | ':' | '!' | '?' | '\n' | '\r'
    ) || is_closing(a)
    {
        return Some(Why::NothingAfter);
    }
    let next2 = char_at(text, end + a.len_utf8());
    if a == '的' && next2 != Some('确') {
        return Some(Why::Particle);
    }
    if a == '等' && !next2.is_some_and(|n| DENG_WORDS.contains(&n)) {
        return Some(Why::Particle);
    }
    // 、和 、以及 : a conjunction right after the mark (A、B和C lost its B,
    // or the mark is one too many).
    let after_text = rest(text, end);
    if CONJUNCTIONS.iter().any(|(c, not)| {
        after_text
            .strip_prefix(c)
            .is_some_and(|t| !not.iter().any(|n| t.starts_with(n)))
    }) {
        return Some(Why::Conjunction);
    }
    let nothing_before = before.is_none_or(|b| {
        matches!(
            b,
            '，' | '。' | '；' | '：' | '！' | '？' | ',' | ';' | ':' | '!' | '?' | '“' | '《'
        )
    });
    if nothing_before {
        return Some(Why::NothingBefore);
    }
    // 形式主义、问题: the middle item of “A、B问题” was deleted.
    if head(text, pos).ends_with("主义") {
        let after_text = rest(text, end);
        for noun in HEAD_NOUNS {
            if let Some(tail) = after_text.strip_prefix(noun) {
                let next = tail.chars().next();
                let compound = *noun == "问题" && next.is_some_and(|n| WENTI_COMPOUND.contains(&n));
                if !compound {
                    return Some(Why::HeadNoun);
                }
            }
        }
    }
    None
}

/// 一、 1、 （一）、 at the start of a paragraph or sentence: a heading or
/// item number, not an enumeration.
fn is_heading_number(text: &str, para_start: usize, pos: usize) -> bool {
    let mut p = pos;
    let mut n = 0;
    while p > para_start && n <= 4 {
        let Some(c) = char_before(text, p) else {
            return false;
        };
        if c.is_ascii_digit()
            || crate::cnum::is_numeral_char(c)
            || matches!(c, '（' | '）' | '(' | ')' | '第')
            || ('０'..='９').contains(&c)
        {
            n += 1;
            p -= c.len_utf8();
            continue;
        }
        return n > 0
            && matches!(
                c,
                '。' | '；' | '：' | '！' | '？' | ' ' | '\u{3000}' | '\t'
            );
    }
    n > 0 && n <= 4 && p == para_start
}

fn emit(out: &mut Emitter, ctx: &Ctx, pos: usize, end: usize, why: Why) {
    let (cs, ce) = ctx.doc.clause_around(pos, end);
    let clause = ctx.doc.slice(cs, ce);
    let (zh, en) = match why {
        Why::NothingAfter | Why::Particle => (
            format!("顿号后面缺少并列项，可能是删词留下的痕迹：“{clause}”。请补回被删的词，或删去顿号"),
            format!("Nothing to list after 、 (probably a deleted word) in \"{clause}\": restore the word or remove the 、"),
        ),
        Why::NothingBefore => (
            format!("顿号前面缺少并列项，可能是删词留下的痕迹：“{clause}”。请补回被删的词，或删去顿号"),
            format!("Nothing to list before 、 (probably a deleted word) in \"{clause}\": restore the word or remove the 、"),
        ),
        Why::Conjunction => (
            format!("顿号后面紧跟连词，并列项可能被删掉了，或顿号多余：“{clause}”。请补回被删的词，或删去顿号"),
            format!("、 is followed by a conjunction; an item was deleted or the 、 is one too many in \"{clause}\": restore it or remove the 、"),
        ),
        Why::HeadNoun => (
            format!("顿号后面直接是共用的中心词，中间的并列项可能被删掉了：“{clause}”。请补回被删的词，或删去顿号"),
            format!("、 is followed directly by the shared head noun; an item was probably deleted in \"{clause}\": restore it or remove the 、"),
        ),
    };
    out.error(pos, end, zh, en).suggest("").context(cs, ce);
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{apply_fixes, assert_flags, assert_silent, flagged};

    const RULE: &str = "dangling-enumeration";

    #[test]
    fn flags_deleted_word_traces() {
        assert_flags(
            RULE,
            &[
                "认真贯彻落实上级《关于集中整治形式主义、的工作意见》精神。",
                "着力破除群众身边的形式主义、，严肃查处不作为问题。",
                "聚焦形式主义、等“四风”问题开展集中整治。",
                "形式主义、问题仍然根深蒂固。",
                "坚决纠正政治意识淡化、党的领导弱化、。",
                "对“四风”问题特别是形式主义、”零容忍”。",
                "加强学习，、提高能力。",
                "查处违规吃喝、",
                "形式主义、\n的工作意见",
                "加强学习、及提高能力。",
                "规范管理、以及监督检查。",
            ],
        );
    }

    #[test]
    fn fix_removes_the_mark() {
        assert_eq!(
            apply_fixes(RULE, "形式主义、问题仍然根深蒂固。"),
            "形式主义问题仍然根深蒂固。"
        );
        assert_eq!(flagged(RULE, "聚焦形式主义、等问题"), vec!["、"]);
    }

    #[test]
    fn real_enumerations_are_silent() {
        assert_silent(
            RULE,
            &[
                "一、基本情况",
                "1、加强学习",
                "（一）、坚持政治统领",
                "本位主义、甘愿平庸、得过且过等思想在一些党员干部中还有市场。",
                "形式主义、官僚主义问题纠而未绝。",
                "坚持马克思主义、问题导向和目标导向。",
                "享乐主义、奢靡之风得到遏制。",
                "划分层次、等级和类别。",
                "坚持“两个维护”、“四个意识”。",
                "理论上的成熟、的确重要。",
                "政治、\u{3000}经济、　文化。",
                "团结、和谐、稳定，及时、准确、与时俱进，或多或少。",
                "与工作需要相比、与上级的要求相比还有差距，和群众谈心、和干部交流。",
            ],
        );
    }

    #[test]
    fn a_megabyte_of_marks_is_fine() {
        let text = "、".repeat(350_000);
        assert!(flagged(RULE, &text).len() <= 1);
        let text = "加强、".repeat(100_000);
        assert_eq!(flagged(RULE, &text).len(), 1); // only the last
    }
}
