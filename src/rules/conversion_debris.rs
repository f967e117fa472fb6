//! 格式转换和“伪原创”工具留下的错词。文档经过某些转换软件或“同义词
//! 替换”工具处理后，一些词会被系统地换成近义词，把固定搭配改坏：
//! “科学发展观”变成“科学开展观”，“原则”变成“原那么”，“服务群众”变成
//! “效劳群众”，“基础设施”变成“根底设施”，“广大干部”变成“广阔干部”，
//! “巩固执政地位”变成“稳固执政地位”，“不足之处”变成“缺乏之处”，
//! “抵制歪风”变成“抵抗歪风”，“多次召开”变成“屡次召开”，“奋发有为”变成
//! “发奋有为”，“部分党员”变成“局部党员”，“提高认识”变成“提高熟悉”，
//! “充分发挥”变成“充沛发挥”。
//!
//! 本规则按搭配判断，不是见词就报：“开展工作”“开展活动”“广阔天地”
//! “广阔前景”“缺乏经验”“抵抗力”“屡次违纪”都是正确的汉语，不会误报。
//! 每一处都给出原来的词，可一键改回。一篇文章里出现三处以上时，另给
//! 一条提示：全文很可能经过机器转换，应通读校对——这时，单独看可能
//! 没错的搭配（如“健康开展。”“能力缺乏。”）也会按转换处理一并标出。
//!
//! # English
//! Words swapped by converters and "pseudo-original" synonym tools. Some
//! conversion tools systematically replace words with near-synonyms and
//! break fixed collocations: 科学发展观 → 科学开展观, 原则 → 原那么, 服务群众 →
//! 效劳群众, 基础设施 → 根底设施, 广大干部 → 广阔干部, 巩固执政地位 → 稳固执政地位,
//! 不足之处 → 缺乏之处, 抵制歪风 → 抵抗歪风, 多次召开 → 屡次召开, 奋发有为 →
//! 发奋有为, 部分党员 → 局部党员, 提高认识 → 提高熟悉, 充分发挥 → 充沛发挥. The
//! rule judges by collocation, so correct uses (开展工作, 广阔天地, 缺乏经验,
//! 抵抗力, 屡次违纪) stay silent. Each finding restores the original word in
//! one click. With three or more in one text, a summary says the whole text
//! was probably machine-converted and should be proofread; collocations
//! that are only suspicious in such a text (健康开展。, 能力缺乏。) are then
//! reported too.

use super::{Ctx, Emitter};
use crate::text::class::{is_clause_punct, is_closing, is_han};
use crate::text::lexicon::Lexicon;
use crate::text::utf8::{char_at, char_before, head, rest};
use std::sync::OnceLock;

mod words;
use words::{entries, Entry, D, H, P, PCT};

struct Table {
    entries: Vec<Entry>,
    /// For each distinct pattern, the entries that use it.
    by_pattern: Vec<Vec<usize>>,
    lexicon: Lexicon,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let entries = entries();
        let mut patterns: Vec<String> = Vec::new();
        let mut by_pattern: Vec<Vec<usize>> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            let pat = format!("{}{}{}", e.pre, e.word, e.post);
            match patterns.iter().position(|p| *p == pat) {
                Some(k) => by_pattern[k].push(i),
                None => {
                    patterns.push(pat);
                    by_pattern.push(vec![i]);
                }
            }
        }
        let lexicon = Lexicon::new(&patterns, false);
        Table {
            entries,
            by_pattern,
            lexicon,
        }
    })
}

fn token_matches_next(after: &str, tok: &str) -> bool {
    let next = after.chars().next();
    match tok {
        P => next
            .is_none_or(|c| is_clause_punct(c) || is_closing(c) || c.is_whitespace() || c == '.'),
        D => next.is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)),
        H => next.is_some_and(is_han),
        PCT => {
            let tail = after.trim_start_matches(|c: char| {
                c.is_ascii_digit() || ('０'..='９').contains(&c) || c == '.'
            });
            tail.len() < after.len()
                && (tail.starts_with(['%', '％', '成']) || tail.starts_with("个百分点"))
        }
        lit => after.starts_with(lit),
    }
}

fn token_matches_prev(before: &str, tok: &str) -> bool {
    let prev = before.chars().next_back();
    match tok {
        P => prev.is_none_or(|c| is_clause_punct(c) || c.is_whitespace() || c == '“' || c == '《'),
        D => prev.is_some_and(|c| c.is_ascii_digit()),
        H => prev.is_some_and(is_han),
        lit => before.ends_with(lit),
    }
}

fn applies(e: &Entry, before: &str, after: &str) -> bool {
    (e.next_only.is_empty() || e.next_only.iter().any(|t| token_matches_next(after, t)))
        && !e.next_not.iter().any(|t| token_matches_next(after, t))
        && (e.prev_only.is_empty() || e.prev_only.iter().any(|t| token_matches_prev(before, t)))
        && !e.prev_not.iter().any(|t| token_matches_prev(before, t))
}

struct Hit {
    start: usize,
    end: usize,
    entry: usize,
    strong: bool,
}

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "conversion-debris",
    category: crate::Category::Wording,
    severity: crate::Severity::Error,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let text = ctx.doc.text;
    let t = table();
    let mut hits: Vec<Hit> = Vec::new();
    for (m_start, m_end, pattern) in t.lexicon.find_overlapping(text) {
        let before = head(text, m_start);
        let after = rest(text, m_end);
        for &i in &t.by_pattern[pattern] {
            let e = &t.entries[i];
            if !applies(e, before, after) {
                continue;
            }
            let start = m_start + e.pre.len();
            hits.push(Hit {
                start,
                end: start + e.word.len(),
                entry: i,
                strong: e.strong,
            });
        }
    }
    resist_winds(text, &mut hits, t.entries.len());

    // One hit per span; strong if any reading is strong.
    crate::sort::sort_by(&mut hits, |h| {
        crate::sort::key3(h.start, h.end, usize::from(!h.strong))
    });
    hits.dedup_by(|later, first| {
        if later.start == first.start && later.end == first.end {
            first.strong |= later.strong;
            true
        } else {
            false
        }
    });
    let strong = hits.iter().filter(|h| h.strong).count();
    // Weak collocations count only in a text the strong ones show converted.
    let converted = strong >= 2;
    hits.retain(|h| h.strong || converted);

    for h in &hits {
        let fix = fix_of(t, h.entry);
        let word = text.get(h.start..h.end).unwrap_or("");
        let (ws, we) = window(text, h.start, h.end);
        let shown = text.get(ws..we).unwrap_or(word);
        let fixed = format!(
            "{}{}{}",
            text.get(ws..h.start).unwrap_or(""),
            fix,
            text.get(h.end..we).unwrap_or("")
        );
        out.error(
            h.start,
            h.end,
            format!("“{shown}”疑为“{fixed}”：“{fix}”被转换工具换成了“{word}”，破坏了固定搭配"),
            format!("\"{shown}\" should probably read \"{fixed}\": a conversion tool replaced \"{fix}\" with \"{word}\""),
        )
        .suggest(fix)
        .context(ws, we);
    }
    if hits.len() >= 3 {
        let n = hits.len();
        let first = &hits[0];
        out.warning(
            first.start,
            first.end,
            format!("全文有 {n} 处疑似机器转换或同义词替换留下的错词，整篇很可能经过自动转换：请对照原稿通读校对"),
            format!("{n} words look swapped by a conversion or synonym tool: the whole text was probably machine-converted; proofread it against the original"),
        )
        .aggregate(n);
    }
}

/// The replacement of an entry, or 抵制 for the window rule below.
fn fix_of(t: &Table, entry: usize) -> &'static str {
    t.entries.get(entry).map_or("抵制", |e| e.fix)
}

/// 抵制 → 抵抗: 抵抗 whose object, within the clause, is a bad wind or an
/// erroneous trend (抵抗各种不正之风). 抵抗力, 抵抗风险 stay.
fn resist_winds(text: &str, hits: &mut Vec<Hit>, marker: usize) {
    const WINDS: &[&str] = &[
        "之风",
        "歪风",
        "邪风",
        "四风",
        "不良风气",
        "思潮",
        "诱惑",
        "侵蚀",
        "腐朽",
        "不正",
        "错误思想",
        "享乐主义",
        "奢靡",
        "拜金主义",
        "低俗",
        "不良",
    ];
    let mut from = 0;
    while let Some(k) = text.get(from..).and_then(|r| r.find("抵抗")) {
        let start = from + k;
        let end = start + "抵抗".len();
        from = end;
        if rest(text, end).starts_with('力') {
            continue;
        }
        let clause: String = rest(text, end)
            .chars()
            .take(16)
            .take_while(|&c| !is_clause_punct(c) && c != '\n')
            .collect();
        if WINDS.iter().any(|w| clause.contains(w)) && !clause.starts_with("风险") {
            hits.push(Hit {
                start,
                end,
                entry: marker,
                strong: true,
            });
        }
    }
}

/// A few characters around the word, within the clause, to show the
/// collocation.
fn window(text: &str, start: usize, end: usize) -> (usize, usize) {
    let mut s = start;
    for _ in 0..3 {
        match char_before(text, s) {
            Some(c) if is_han(c) => s -= c.len_utf8(),
            _ => break,
        }
    }
    let mut e = end;
    for _ in 0..3 {
        match char_at(text, e) {
            Some(c) if is_han(c) => e += c.len_utf8(),
            _ => break,
        }
    }
    (s, e)
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{apply_fixes, assert_flags, assert_silent, findings_of, flagged};

    const RULE: &str = "conversion-debris";

    fn singles(text: &str) -> Vec<String> {
        findings_of(RULE, text)
            .into_iter()
            .filter(|f| f.aggregate.is_none())
            .map(|f| f.text)
            .collect()
    }

    #[test]
    fn flags_issue_examples() {
        assert_flags(
            RULE,
            &[
                "坚持以科学开展观为指导。",
                "推动经济社会可持续开展。",
                "坚持民主集中制原那么。",
                "严格执行议事规那么。",
                "增强效劳意识，优化效劳。",
                "加强根底设施建设，夯实根底工作。",
                "教育引导广阔干部群众。",
                "稳固党的执政地位。",
                "查找工作中的缺乏之处。",
                "存在的缺乏和缺点。",
                "自觉抵抗各种不正之风。",
                "屡次召开专题会议。",
                "坚持发奋有为。",
                "局部党员干部理想信念淡化。",
                "提高思想熟悉。",
                "充沛发挥党组织战斗堡垒作用。",
                "推动高质量开展。",
                "树立新开展理念。",
                "否那么将严肃追责。",
                "乡镇财政自给率缺乏30%。",
                "为高质量开展提供有力保障。",
                "共建高质量开展示范区。",
                "坚持咨询导向，移交咨询线索。",
            ],
        );
    }

    #[test]
    fn fix_replaces_exactly_the_word() {
        assert_eq!(
            apply_fixes(RULE, "坚持以科学开展观为指导"),
            "坚持以科学发展观为指导"
        );
        assert_eq!(apply_fixes(RULE, "民主集中制原那么上"), "民主集中制原则上");
        assert_eq!(singles("增强效劳意识"), vec!["效劳"]);
    }

    #[test]
    fn correct_chinese_is_silent() {
        assert_silent(
            RULE,
            &[
                "深入开展工作，广泛开展活动，持续开展专项整治。",
                "确保主题教育高质量开展，推动各项工作有序开展。",
                "围绕经济开展调研，开展战略合作，开展环境整治，开展道路交通安全整治。",
                "开展理念学习，开展成果转化工作，开展观摩活动，开展规划编制。",
                "在广阔天地大有作为，发展前景广阔，市场空间广阔。",
                "缺乏经验，缺乏系统思维和有效传导，缺乏监督的主动性。",
                "地位更加稳固，打下稳固基础，社会稳固和谐。",
                "增强抵抗力，抵抗风险的能力，抵抗住洪水。",
                "屡次违反纪律，屡教不改。",
                "发奋图强，发奋努力。",
                "局部地区，局部利益服从整体利益。",
                "熟悉业务，熟悉情况。",
                "精力充沛，雨量充沛。",
                "晋升职级，共同进步。",
                "停止营业，停止使用。",
                "高原那么美，还原那么多细节，是否那么重要，标准那么高，违规那么多。",
                "为人民服务，乐意效劳。",
                "刨根问底，摸清根底。",
                "主要还存在以下问题和不足。",
                "为主题教育高质量开展提供坚强保障，高质量开展新一轮巡察，高质量开展主题教育。",
                "高质量开展攻坚行动，高质量开展示范创建。",
                "学校缺乏3名教师，由于资金的缺乏，人才的缺乏和流失。",
                "屡次赴京上访，屡次参加赌博，屡次组织聚众赌博，屡次提出无理要求。",
                "局部乡镇出现强降雨，局部村庄受灾。",
                "修订职级晋升管理办法，晋升行政级别，明确晋升标准。",
                "停止表彰，停止调研，两岸关系稳固发展，社会稳固团结。",
                "提供法律咨询、政策咨询和咨询服务，设立咨询台，接受群众咨询。",
            ],
        );
    }

    #[test]
    fn weak_collocations_need_a_converted_text() {
        let lone = "推动经济健康开展。";
        assert!(singles(lone).is_empty());
        let converted = "坚持科学开展观，效劳群众，推动经济健康开展。";
        assert_eq!(singles(converted), vec!["开展", "效劳", "开展"]);
    }

    #[test]
    fn summary_for_a_converted_text() {
        let t = "坚持科学开展观，增强效劳意识，加强根底设施建设。";
        let f = findings_of(RULE, t);
        let summary: Vec<_> = f.iter().filter(|f| f.aggregate.is_some()).collect();
        assert_eq!(summary.len(), 1);
        assert_eq!(summary[0].severity, crate::Severity::Warning);
        assert!(summary[0].message.contains("转换"));
        assert!(summary[0].suggestion.is_none());
        assert_eq!(f.iter().filter(|f| f.aggregate.is_none()).count(), 3);
        assert!(flagged(RULE, "坚持科学开展观，增强效劳意识。").len() == 2);
    }
}
