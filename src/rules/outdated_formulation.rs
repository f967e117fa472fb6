//! 过时的提法。去年甚至更早的稿子拿来改改就用，最容易留下已经过时的
//! 表述：2022年10月党的二十大召开以后，还写“认真学习贯彻党的十九大精神”
//! “十九届历次全会精神”；2021年进入“十四五”以后，还把“十三五”当作当前的
//! 规划期；2026年进入“十五五”以后，还写“扎实推进‘十四五’规划”。
//!
//! 文稿的日期取自标题里的年份、落款的成文日期，没有这两处时取正文里
//! 最晚的年份；判断不了日期的不提示。提示里说明理由、替代它的提法和
//! 日期。回顾性的句子不提示：“党的十九大以来”“‘十三五’期间”“回顾
//! ‘十三五’”“十九大报告提出”，以及说的是更早年份的句子（“2021年是
//! ‘十四五’开局之年”）都是正常的。
//!
//! # English
//! Outdated formulations, left by a draft reused from an earlier year:
//! "学习贯彻党的十九大精神" after the 20th Party Congress (October 2022);
//! "十三五" as the current plan period in a report of 2021 or later, and
//! "十四五" in one of 2026 or later. The draft's date comes from its title
//! year, its signing date or, failing both, the latest year in its body; with
//! no date there is no finding. The message gives the reason, what replaced
//! the formulation and when. Retrospective sentences stay silent
//! (十九大以来, “十三五”期间, 回顾, 十九大报告提出, and a sentence about an
//! earlier year: 2021年是“十四五”开局之年).

use super::{Ctx, Emitter};
use crate::document::{Document, MarkerKind};

/// A formulation and the date from which it is no longer current.
struct Superseded {
    /// What the text says.
    phrase: &'static str,
    /// From this (year, month) on it is outdated.
    since: (u32, u32),
    /// What replaced it, when one phrase does.
    replacement: Option<&'static str>,
    /// Why, with the source and its date.
    reason: &'static str,
    reason_en: &'static str,
}

const LIST: &[Superseded] = &[
    Superseded {
        phrase: "十九大精神",
        since: (2022, 11),
        replacement: Some("二十大精神"),
        reason: "党的二十大已于2022年10月召开，当前的指导是党的二十大精神",
        reason_en: "the 20th Party Congress met in October 2022; its spirit is the current guidance",
    },
    Superseded {
        phrase: "十九届历次全会精神",
        since: (2023, 3),
        replacement: Some("二十届历次全会精神"),
        reason: "二十届一中全会（2022年10月）以来，当前的提法是二十届历次全会精神",
        reason_en: "since the 1st Plenary Session of the 20th Central Committee (October 2022), the plenary sessions to cite are the 20th's",
    },
    Superseded {
        phrase: "十三五",
        since: (2021, 1),
        replacement: Some("十四五"),
        reason: "“十三五”规划期是2016—2020年，2021年起是“十四五”时期",
        reason_en: "the 13th Five-Year Plan covered 2016–2020; from 2021 it is the 14th",
    },
    Superseded {
        phrase: "十四五",
        since: (2026, 1),
        replacement: Some("十五五"),
        reason: "“十四五”规划期是2021—2025年，2026年起是“十五五”时期",
        reason_en: "the 14th Five-Year Plan covered 2021–2025; from 2026 it is the 15th",
    },
];

/// Words that make a sentence look back: the formulation is history there.
const RETROSPECTIVE: &[&str] = &[
    "以来",
    "期间",
    "回顾",
    "曾经",
    "当时",
    "时期",
    "收官",
    "圆满完成",
    "胜利召开",
    "召开以来",
    "报告提出",
    "报告指出",
    "提出的",
    "确定的",
    "末",
    "过去",
    "上一个",
    "完成了",
    "取得了",
    "对比",
    "相比",
    "比较",
];

/// What comes before 以来 when it opens the current period ("今年以来"):
/// that sentence tells the present, not history.
const THIS_PERIOD: &[&str] = &["今年", "本年", "本年度", "年初", "开年"];

/// The sentence looks back (a [`RETROSPECTIVE`] word in it), other than
/// through "今年以来" and the like.
fn looks_back(sentence: &str) -> bool {
    RETROSPECTIVE.iter().any(|w| {
        sentence.match_indices(w).any(|(i, _)| {
            let at = &sentence[..i];
            !(*w == "以来" && THIS_PERIOD.iter().any(|p| at.ends_with(p)))
        })
    })
}

/// The draft's date: (year, month) from the signing date, else the title's
/// year, else the latest year of the body.
fn draft_date(doc: &Document) -> Option<(u32, u32)> {
    let text = doc.text;
    // The signing date: a line that is only a date, among the last lines.
    for line in doc.lines.iter().rev().take(6) {
        let l = doc.slice(line.start, line.end).trim();
        if let Some(d) = whole_date(l) {
            return Some(d);
        }
    }
    let title = doc
        .headings
        .iter()
        .find(|h| h.kind == MarkerKind::Title)
        .map(|h| doc.heading_text(h));
    if let Some(y) = title.and_then(|t| years(t).next()) {
        // An annual report is written at the year's end or just after.
        return Some((y, 12));
    }
    years(text).max().map(|y| (y, 1))
}

/// "2023年12月5日" as a whole line.
fn whole_date(l: &str) -> Option<(u32, u32)> {
    let (y, rest) = l.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let (d, rest) = rest.split_once('日')?;
    if !rest.trim().is_empty()
        || d.trim().is_empty()
        || !d.trim().bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let y: u32 = y.trim().parse().ok()?;
    let m: u32 = m.trim().parse().ok()?;
    ((1990..=2100).contains(&y) && (1..=12).contains(&m)).then_some((y, m))
}

/// The years written as "2023年" (not targets such as 到2035年).
fn years(s: &str) -> impl Iterator<Item = u32> + '_ {
    s.match_indices('年').filter_map(move |(i, _)| {
        let head = &s[..i];
        let digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
        if digits != 4 {
            return None;
        }
        let before = head[..i - 4].chars().next_back();
        if before.is_some_and(|c| matches!(c, '到' | '至' | '—' | '-' | '～')) {
            return None;
        }
        head[i - 4..]
            .parse()
            .ok()
            .filter(|y| (1990..=2100).contains(y))
    })
}

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "outdated-formulation",
    category: crate::Category::Wording,
    severity: crate::Severity::Warning,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let doc = ctx.doc;
    let text = doc.text;
    let mut date: Option<Option<(u32, u32)>> = None;
    for s in &doc.sentences {
        let sentence = doc.slice(s.start, s.end);
        for entry in LIST {
            for (at, _) in sentence.match_indices(entry.phrase) {
                // 十九大精神 inside 十九大精神 only; 十三五 not inside 二十三五.
                let before = sentence[..at].chars().next_back();
                if before.is_some_and(|c| "一二三四五六七八九十".contains(c)) {
                    continue;
                }
                // A sentence about a year before the change is history:
                // 2021年是“十四五”开局之年, 2021年，全县学习十九大精神.
                if looks_back(sentence) || years(sentence).any(|y| y < entry.since.0) {
                    continue;
                }
                let when = *date.get_or_insert_with(|| draft_date(doc));
                let Some((y, m)) = when else { return };
                if (y, m) < entry.since {
                    continue;
                }
                let start = s.start + at;
                let end = start + entry.phrase.len();
                let shown = &text[start..end];
                let f = out.warning(
                    start,
                    end,
                    format!("“{shown}”已是过时的提法：{}，本文写于{y}年", entry.reason),
                    format!(
                        "\"{shown}\" is outdated: {} (the draft is of {y})",
                        entry.reason_en
                    ),
                );
                if let Some(r) = entry.replacement {
                    f.suggest(r);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{apply_fixes, assert_silent, findings_of};

    const RULE: &str = "outdated-formulation";

    #[test]
    fn old_guidance_in_a_new_draft() {
        let text = "某县2023年度工作总结\n全县上下认真学习贯彻党的十九大精神，扎实推进各项工作。\n";
        let f = findings_of(RULE, text);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "十九大精神");
        assert_eq!(
            f[0].message,
            "“十九大精神”已是过时的提法：党的二十大已于2022年10月召开，当前的指导是党的二十大精神，本文写于2023年"
        );
        assert_eq!(
            apply_fixes(RULE, text),
            "某县2023年度工作总结\n全县上下认真学习贯彻党的二十大精神，扎实推进各项工作。\n"
        );
        let plan = "某县2022年工作总结\n全面推进“十三五”规划各项任务落地。\n某某县人民政府\n2022年12月20日\n";
        assert_eq!(findings_of(RULE, plan).len(), 1);
        let now = "某县2026年工作总结\n扎实推进“十四五”规划实施。\n";
        assert_eq!(
            findings_of(RULE, now)[0].suggestion.as_deref(),
            Some("十五五")
        );
    }

    #[test]
    fn this_year_so_far_is_the_present() {
        let text = "2026年上半年工作总结\n今年以来，我局扎实推进“十四五”规划重点任务。\n";
        let f = findings_of(RULE, text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].text, "十四五");
        assert_eq!(f[0].suggestion.as_deref(), Some("十五五"));
        // Looking back from this year is still history.
        let text = "2026年上半年工作总结\n今年以来，我们回顾“十四五”时期的发展成就。\n";
        assert!(findings_of(RULE, text).is_empty());
    }

    #[test]
    fn history_and_old_drafts_stay_silent() {
        assert_silent(
            RULE,
            &[
                // Written before the change.
                "某县2021年度工作总结\n全县上下认真学习贯彻党的十九大精神。\n",
                "某县2020年工作总结\n扎实推进“十三五”规划实施。\n",
                // Retrospective sentences.
                "某县2023年度工作总结\n党的十九大以来，我县经济社会发展取得显著成效。\n",
                "某县2023年度工作总结\n“十三五”期间，全县地区生产总值年均增长7.5%。\n",
                "某县2024年度工作总结\n回顾“十三五”，我们倍感振奋。\n",
                "某县2023年度工作总结\n党的十九大报告提出，要建设现代化经济体系。\n",
                // About a year before the change.
                "某县2026年工作总结\n2021年是“十四五”开局之年，全县经济稳中有进。\n",
                "某县2026年工作总结\n2021年，全县认真学习贯彻党的十九大精神。\n",
                // No date at all.
                "认真学习贯彻党的十九大精神。",
                // The current formulations.
                "某县2023年度工作总结\n认真学习贯彻党的二十大精神，扎实推进“十四五”规划实施。\n",
            ],
        );
    }
}
