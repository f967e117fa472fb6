//! 说了几条、列了几条对不上。“存在以下四个方面的问题：”后面只列了“一是……
//! 二是……三是……”，或“提三点建议”后面列了第一至第四点——读者会以为漏了
//! 一段或多了一段。
//!
//! 前文点明数目（以下四个方面、提四点意见建议、主要有三个问题），紧接着列出
//! 条目（一是……、第一，……、（一）……，或带序号的小标题）时，比较两者的数目。
//! 后面没有紧接着列条目、或数目在引号里（“四个意识”）时不检查。
//!
//! 示例：“主要集中在以下四个方面：一是……二是……三是……”——说四个方面，
//! 只列了三项。
//!
//! # English
//! An announced count that differs from the items that follow: "以下四个方面："
//! followed by 一是…三是 only, or "提三点建议" followed by 第一…第四. When a
//! count is announced (以下四个方面, 提四点意见建议, 主要有三个问题) and items
//! follow right after (一是…, 第一，…, （一）…, or numbered subheadings), the
//! two numbers are compared. Counts in quotes (“四个意识”) and announcements
//! not followed by items are left alone.

use super::{Ctx, Emitter};
use crate::cnum;
use crate::document::{Document, MarkerKind};
use crate::numbers::digit_value;
use crate::re::Regex;
use crate::text::class::is_han;
use crate::text::seeds::{self, Seeds};
use std::sync::OnceLock;

fn announcement() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"(十[一二三四五六七八九]?|[二三四五六七八九]十[一二三四五六七八九]?|[两二三四五六七八九]|[0-9０-９]{1,2})",
            r"(个方面|方面|个|点|条|项|类|种|大)"
        ))
        .expect("valid regex")
    })
}

/// Nouns that a 个/项 count announces a list of.
const LIST_NOUNS: &[&str] = &[
    "方面", "问题", "原因", "措施", "不足", "短板", "特点", "重点", "任务", "举措", "建议", "意见",
    "环节", "层面", "领域", "方向", "原则", "要求", "目标", "内容", "步骤", "阶段", "做法", "经验",
    "体会", "差距", "风险", "矛盾", "难题", "成效", "亮点", "途径", "转变", "坚持", "结合", "工作",
];

/// Words before a count that announce a list.
const CUES: &[&str] = &[
    "以下", "如下", "下列", "下面", "主要", "提出", "提", "归纳", "概括", "分为", "集中", "体现",
    "表现", "从", "有", "存在",
];

/// Words that may close an announcement after a comma: "，具体如下：".
const TAILS: &[&str] = &["如下", "是", "为", "有", "包括"];

struct Announcement {
    /// Span of the count and its unit (四个方面).
    start: usize,
    end: usize,
    count: u32,
    /// Where the items must begin.
    items_at: usize,
}

fn parse_count(s: &str) -> Option<u32> {
    if s.chars().all(|c| digit_value(c).is_some()) {
        let mut v = 0u32;
        for c in s.chars() {
            v = v * 10 + digit_value(c)?;
        }
        return Some(v);
    }
    cnum::parse(s).map(|v| v as u32)
}

/// A digit or a Chinese numeral of a count.
fn is_numeral(c: char) -> bool {
    digit_value(c).is_some()
        || matches!(
            c,
            '十' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '两'
        )
}

/// Every character a count with its unit can hold.
fn is_count_char(c: char) -> bool {
    is_numeral(c)
        || matches!(
            c,
            '个' | '方' | '面' | '点' | '条' | '项' | '类' | '种' | '大'
        )
}

fn find_announcements(doc: &Document) -> Vec<Announcement> {
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    let seeds = SEEDS
        .get_or_init(|| Seeds::new(&["个", "方面", "点", "条", "项", "类", "种", "大"], false));
    let text = doc.text;
    let mut out = Vec::new();
    for p in &doc.paragraphs {
        // A document title (关于整改三个方面问题的报告) announces nothing.
        if p.heading
            .and_then(|h| doc.headings.get(h))
            .is_some_and(|h| h.kind == MarkerKind::Title)
        {
            continue;
        }
        let body = doc.slice(p.start, p.end);
        // A count is a numeral right before its unit: search the runs of
        // numeral and unit characters around a unit that hold a numeral
        // other than 一 (which counts only after 十).
        let runs = seeds::char_runs(body, seeds, is_count_char)
            .filter(|(_, run)| run.contains(|c: char| c != '一' && is_numeral(c)));
        let found =
            runs.flat_map(|(at, run)| announcement().captures_iter(run).map(move |c| (at, c)));
        for (at, c) in found {
            let (Some(m), Some(num), Some(unit)) = (c.get(0), c.get(1), c.get(2)) else {
                continue;
            };
            let (m_start, m_end) = (at + m.start(), at + m.end());
            let start = p.start + m_start;
            let end = p.start + m_end;
            let before = &body[..m_start];
            let prev = before.chars().next_back();
            if prev.is_some_and(|c| {
                cnum::is_numeral_char(c)
                    || digit_value(c).is_some()
                    || matches!(c, '第' | '“' | '"' | '‘' | '「' | '每' | '这' | '那')
            }) {
                continue;
            }
            let arabic = num.as_str().chars().all(|c| digit_value(c).is_some());
            let Some(count) = parse_count(num.as_str()).filter(|&k| (2..=20).contains(&k)) else {
                continue;
            };
            // What follows: the counted noun, "的…", then the end of the sentence.
            let after = &body[m_end..];
            let noun_len: usize = after
                .chars()
                .take_while(|&c| is_han(c))
                .take(13)
                .map(char::len_utf8)
                .sum();
            let noun = &after[..noun_len];
            if noun.chars().count() > 12 {
                continue;
            }
            let unit = unit.as_str();
            let clause_before: String = before
                .chars()
                .rev()
                .take_while(|&c| is_han(c))
                .take(10)
                .collect::<Vec<char>>()
                .into_iter()
                .rev()
                .collect();
            let cued = CUES.iter().any(|w| clause_before.contains(w));
            let noun_ok = LIST_NOUNS.iter().any(|w| noun.starts_with(w));
            let accepted = match unit {
                "个方面" | "方面" | "点" | "条" => cued || !arabic,
                "个" | "项" => noun_ok && (cued || !arabic),
                _ => cued && noun_ok,
            };
            if !accepted || noun.starts_with(['是', '要']) {
                continue;
            }
            // The announcement closes its sentence (optionally "，具体如下：").
            let mut rest = &after[noun_len..];
            if let Some(r) = rest.strip_prefix(['，', ',']) {
                let tail_len: usize = r
                    .chars()
                    .take_while(|&c| is_han(c))
                    .take(9)
                    .map(char::len_utf8)
                    .sum();
                if tail_len <= 24 && TAILS.iter().any(|t| r[..tail_len].ends_with(t)) {
                    rest = &r[tail_len..];
                } else {
                    continue;
                }
            }
            let term = rest.chars().next();
            let items_from = match term {
                Some('：' | ':' | '。' | '；' | ';') => {
                    end + (after.len() - rest.len()) + term.map_or(0, char::len_utf8)
                }
                None => p.end,
                Some(_) => continue,
            };
            let tail = text.get(items_from..).unwrap_or("");
            let items_at = items_from + (tail.len() - tail.trim_start().len());
            out.push(Announcement {
                start,
                end,
                count,
                items_at,
            });
        }
    }
    out
}

/// The items that begin at `at`: (count, spans of their markers).
fn items_at(doc: &Document, announced_at: usize, at: usize) -> Option<Vec<(usize, usize)>> {
    // Numbered subheadings, below the heading the announcement stands under
    // (a sibling or a higher heading starts another section, not its list).
    let hi = doc.headings.partition_point(|h| h.start < at);
    let governing = doc.headings[..doc.headings.partition_point(|h| h.start <= announced_at)]
        .last()
        .filter(|h| h.kind != MarkerKind::Title);
    if let Some(first) = doc.headings.get(hi).filter(|h| h.start == at) {
        if governing.is_some_and(|g| g.part == first.part && first.rank() <= g.rank()) {
            return None;
        }
        if first.ordinal == Some(1)
            && !matches!(
                first.kind,
                MarkerKind::Title | MarkerKind::Markdown(_) | MarkerKind::Style(_)
            )
        {
            let mut spans = vec![(first.start, first.marker_end)];
            let mut expect = 2;
            for h in doc.headings[hi + 1..].iter().take(400) {
                if h.part != first.part || h.rank() < first.rank() {
                    break;
                }
                if h.kind == first.kind {
                    if h.ordinal == Some(expect) {
                        spans.push((h.start, h.marker_end));
                        expect += 1;
                    } else {
                        break;
                    }
                }
            }
            return Some(spans);
        }
    }
    // 一是… / 第一，…
    let ei = doc
        .enumerations
        .partition_point(|e| e.items.first().is_some_and(|i| i.start < at));
    if let Some(e) = doc.enumerations.get(ei) {
        if e.items
            .first()
            .is_some_and(|i| i.start == at && i.ordinal == 1)
        {
            return Some(e.items.iter().map(|i| (i.start, i.marker_end)).collect());
        }
    }
    inline_paren_items(doc, at)
}

fn paren_marker() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"[（(]([一二三四五六七八九十]{1,3}|[0-9]{1,2})[）)]|([①-⑳])")
            .expect("valid regex")
    })
}

/// "：（一）…；（二）…" inside one paragraph.
fn inline_paren_items(doc: &Document, at: usize) -> Option<Vec<(usize, usize)>> {
    let p = doc.paragraph_at(at).and_then(|i| doc.paragraphs.get(i))?;
    // A list runs a few thousand bytes at most: keep the scan bounded.
    let mut lim = p.end.min(at + 4000);
    while !doc.text.is_char_boundary(lim) {
        lim -= 1;
    }
    let body = doc.slice(at, lim);
    let mut spans = Vec::new();
    let mut style: Option<(bool, bool)> = None; // (circled, arabic)
    for c in paren_marker().captures_iter(body) {
        let m = c.get(0)?;
        let (circled, arabic, ordinal) = match (c.get(1), c.get(2)) {
            (Some(n), _) => {
                let arabic = n.as_str().chars().all(|c| c.is_ascii_digit());
                (false, arabic, parse_count(n.as_str())?)
            }
            (None, Some(ch)) => {
                let ch = ch.as_str().chars().next()?;
                (true, false, ch as u32 - '①' as u32 + 1)
            }
            _ => continue,
        };
        if spans.is_empty() {
            if m.start() != 0 || ordinal != 1 {
                return None;
            }
            style = Some((circled, arabic));
        } else if style != Some((circled, arabic)) {
            continue;
        } else if ordinal as usize != spans.len() + 1 || spans.len() >= 40 {
            break;
        }
        spans.push((at + m.start(), at + m.end()));
    }
    (!spans.is_empty()).then_some(spans)
}

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "enumeration-count",
    category: crate::Category::Figures,
    severity: crate::Severity::Error,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let doc = ctx.doc;
    for a in find_announcements(doc) {
        let Some(items) = items_at(doc, a.start, a.items_at) else {
            continue;
        };
        // One item alone: the others may use another style; do not guess.
        if items.len() < 2 || items.len() == a.count as usize {
            continue;
        }
        let shown = doc.slice(a.start, a.end);
        let n = items.len();
        let f = out.error(
            a.start,
            a.end,
            format!(
                "前文说“{shown}”（{}项），后面实际列了 {n} 项：请核对数目或补删条目",
                a.count
            ),
            format!(
                "\"{shown}\" announces {} items but {n} follow: check the count or the items",
                a.count
            ),
        );
        for (k, (s, e)) in items.iter().enumerate() {
            f.related(*s, *e, format!("第{}项", k + 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{assert_flags, assert_silent, findings_of};

    const RULE: &str = "enumeration-count";

    #[test]
    fn flags_counts_that_differ_from_the_items() {
        assert_flags(
            RULE,
            &[
                "究其根源，主要集中在以下四个方面：\n一是政治理论学习不够深入。\n二是改造主观世界不够自觉。\n三是求真务实作风践行不好。",
                "针对上述问题，提四点意见建议：第一，加强学习。第二，完善制度。第三，强化监督。",
                "主要有三个问题：一是学习不深入；二是制度不健全；三是监督不到位；四是整改不彻底。",
                "三、对策建议\n下一步，重点抓好以下三个方面工作：\n（一）加强理论武装。\n（二）压实主体责任。\n四、其他",
                "存在两方面不足：（一）学习不够；（二）制度不全；（三）监督不力。",
                "主要存在以下5个方面的问题，具体如下：一是学习不够。二是制度不全。三是监督不力。",
                "存在三个方面的问题：\n1．理论学习不够深入。\n2．制度执行不够严格。\n3．监督检查不够有力。\n4．整改落实不够彻底。",
            ],
        );
        let f = findings_of(
            RULE,
            "主要集中在以下四个方面：一是学习不深入。二是制度不健全。三是监督不到位。",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "四个方面");
        assert_eq!(f[0].related.len(), 3);
        assert!(f[0].message.contains('3'));
    }

    #[test]
    fn silent_when_counts_match_or_no_list_follows() {
        assert_silent(
            RULE,
            &[
                "究其根源，主要集中在以下四个方面:\n一是政治理论学习不够深入。\n二是改造主观世界不够自觉。\n三是求真务实作风践行不好。\n四是全面从严治党紧迫性认识不深。\n四、下步工作打算\n认真改、持续抓。一是坚持理论武装。二是坚持党的领导。三是坚持全面从严。",
                "针对上述问题，提四点意见建议：第一，加强学习。第二，完善制度。第三，强化监督。第四，狠抓整改。",
                "省委巡视反馈4个方面13个问题,我区细化为53项整改任务。一是加强学习。二是完善制度。",
                "严格对照“十个方面”内容逐项开展自查。一是加强学习。二是完善制度。",
                "牢固树立“四个意识”。一是加强学习。二是完善制度。",
                "还存在以下一些亟待解决的问题。\n（一）学习不够。\n（二）制度不全。",
                "主要有三个问题：一是学习不深入，需要加强。",
                "全年召开三次会议。一是研究部署。二是听取汇报。",
                "全年查处问题5个。一是违规吃喝。二是违规发放津补贴。",
                "下一步，重点抓好三个方面工作：\n（一）加强理论武装。\n1．深化学习。\n2．强化研讨。\n（二）压实主体责任。\n（三）强化监督执纪。\n四、其他",
                "关于整改三个方面问题的报告\n一、基本情况\n正文。\n二、整改情况\n正文。",
                "二、存在的三个方面问题\n三、原因分析\n四、整改措施\n正文。",
                "三、对策建议\n主要有以下三点建议。\n四、其他\n五、附件",
            ],
        );
    }
}
