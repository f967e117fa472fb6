//! 年份对不上：套用去年的稿子只改了标题。标题写着“2024年度工作总结”，
//! 正文却以“2023年，全县……”开头回顾、从头到尾没有一处以2024年开头，
//! 这是典型的“改改日期”；“今年以来”后面跟着“截至2023年10月底”这样
//! 上一年的日期，也是同样的毛病；落款的成文日期早于报告所说的时期
//! （2024年度的总结落款2023年12月），还有总结里“三、2024年工作打算”这样
//! 没改的打算部分（应是下一年的打算），打算部分里早已过去的期限（2025年的
//! 总结里“力争2024年底前完成”），同样要核对。提示同时指出两处对不上
//! 的地方。
//!
//! 只检查回顾性的报告（总结、述职、工作报告、自查、评价分析等），工作
//! 计划和要点本来就要回顾上一年，不检查；自查、评价报告的标题年份常是开展
//! 检查的年份（“2026年……自查报告”回顾2025年的数据），标题没写“年度”时，
//! 正文以上一年开头不报；正文里引用以前的文件
//! （〔2021〕5号、2021年印发的……）、和上一年比较（比2023年增长）都不算。
//!
//! # English
//! The year does not fit: last year's draft with a new title. A report
//! titled 2024年度工作总结 whose body opens its review with "2023年，…" and
//! never once with 2024 is a recycled draft; so is "今年以来" (since the start
//! of this year) next to a date of last year (截至2023年10月底), and a signing
//! date earlier than the period the report covers, and a plan heading that
//! still names the year reviewed (三、2024年工作打算 in the 2024 summary), and
//! a deadline in the plan already past (力争2023年底前完成 in the 2024
//! summary's plan). The
//! message points at both
//! places. Only retrospective reports are checked (summaries, duty reports,
//! work reports, self-inspections, evaluations); plans review the past year
//! by design, and a self-inspection or evaluation titled with the year it is
//! made (not 年度) reviews the year before. Citations of earlier documents and comparisons with last year
//! are not stale.

use super::{Ctx, Emitter};
use crate::document::{Document, MarkerKind};

/// A year written in Arabic digits ending at `end` in `s` ("2023" of
/// "2023年"): the year and where its digits start.
fn year_before(s: &str, end: usize) -> Option<(u32, usize)> {
    let head = s.get(..end)?;
    let digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits != 4 {
        return None;
    }
    let y: u32 = head[end - 4..].parse().ok()?;
    (1990..=2100).contains(&y).then_some((y, end - 4))
}

/// The first year of a title ("2024年度…", "2024年…"), its byte span in
/// the text.
fn title_year(doc: &Document, start: usize, end: usize) -> Option<(u32, usize, usize)> {
    let t = doc.slice(start, end);
    for (i, _) in t.match_indices('年') {
        if let Some((y, s)) = year_before(t, i) {
            return Some((y, start + s, start + i + '年'.len_utf8()));
        }
    }
    None
}

/// The months a retrospective title covers: (first month, last month).
fn period(title: &str) -> Option<(u32, u32)> {
    const PLANS: &[&str] = &[
        "计划", "要点", "打算", "规划", "思路", "方案", "安排", "预算",
    ];
    const REVIEWS: &[&str] = &[
        "总结",
        "述职",
        "工作报告",
        "情况报告",
        "情况的报告",
        "自查",
        "自评",
        "述廉",
        "评价",
        "分析",
    ];
    if PLANS.iter().any(|w| title.contains(w)) || !REVIEWS.iter().any(|w| title.contains(w)) {
        return None;
    }
    Some(if title.contains("上半年") {
        (1, 6)
    } else if title.contains("下半年") {
        (7, 12)
    } else if title.contains("前三季度") {
        (1, 9)
    } else if title.contains("第一季度") || title.contains("一季度") {
        (1, 3)
    } else if title.contains("第二季度") || title.contains("二季度") {
        (4, 6)
    } else if title.contains("第三季度") || title.contains("三季度") {
        (7, 9)
    } else if title.contains("第四季度") || title.contains("四季度") {
        (10, 12)
    } else {
        (1, 12)
    })
}

/// What follows a year that opens a sentence as its time: "2023年，",
/// "2023年以来", "2023年全年", "2023年度，", "2023年上半年".
fn opens_as_time(after: &str) -> bool {
    const TAILS: &[&str] = &[
        "，",
        ",",
        "以来",
        "全年",
        "度，",
        "度,",
        "度以来",
        "上半年",
        "下半年",
        "前三季度",
        "一年来",
    ];
    TAILS.iter().any(|t| after.starts_with(t))
}

/// A date "2023年12月5日" that is a whole line: the signing date.
fn signing_date(line: &str) -> Option<(u32, u32)> {
    let l = line.trim();
    let y_end = l.find('年')?;
    let (y, s) = year_before(l, y_end)?;
    if s != 0 {
        return None;
    }
    let rest = &l[y_end + '年'.len_utf8()..];
    let m_end = rest.find('月')?;
    let m: u32 = rest[..m_end].trim().parse().ok()?;
    let rest = &rest[m_end + '月'.len_utf8()..];
    let d_end = rest.find('日')?;
    let _: u32 = rest[..d_end].trim().parse().ok()?;
    (rest[d_end + '日'.len_utf8()..].trim().is_empty() && (1..=12).contains(&m)).then_some((y, m))
}

/// Words of a heading over the plan for the coming period.
const PLAN_WORDS: &[&str] = &["打算", "计划", "思路", "安排", "要点"];

/// Words that put a deadline in the future: 力争2024年底前.
const FUTURE: &[&str] = &[
    "力争", "确保", "争取", "计划", "预计", "拟", "力求", "务必", "必须", "要在",
];

/// Words that make it history: 原计划, 已于.
const PAST: &[&str] = &["原", "曾", "已", "本应", "按照", "根据", "去年", "上年"];

/// What follows 年 in a deadline: 底前, 年内, 6月底前, 6月30日前 (not 年前:
/// 2020年前建成的 is history).
fn deadline(after: &str) -> bool {
    if ["底前", "底", "末", "内"]
        .iter()
        .any(|w| after.starts_with(w))
    {
        return true;
    }
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 || !after[digits..].starts_with('月') {
        return false;
    }
    let rest = &after[digits + '月'.len_utf8()..];
    let day = rest.bytes().take_while(u8::is_ascii_digit).count();
    let rest = if day > 0 && rest[day..].starts_with('日') {
        &rest[day + '日'.len_utf8()..]
    } else {
        rest
    };
    ["底前", "前", "底"].iter().any(|w| rest.starts_with(w))
}

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "stale-year",
    category: crate::Category::Date,
    severity: crate::Severity::Warning,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let doc = ctx.doc;
    for (pi, part) in doc.parts.iter().enumerate() {
        let Some(title) = doc
            .headings
            .iter()
            .find(|h| h.kind == MarkerKind::Title && h.part == pi)
        else {
            continue;
        };
        let title_text = doc.heading_text(title);
        let Some((months_from, months_to)) = period(title_text) else {
            continue;
        };
        let Some((year, ts, te)) = title_year(doc, title.start, title.end) else {
            continue;
        };
        let body_from = title.end;
        let sentences: Vec<(usize, usize)> = doc
            .sentences
            .iter()
            .filter(|s| s.start >= body_from && s.end <= part.end)
            .map(|s| (s.start, s.end))
            .collect();

        // The years that open a sentence as its time.
        let mut last_year_openings: Vec<(usize, usize)> = Vec::new();
        let mut this_year_opens = false;
        for &(s, e) in &sentences {
            let t = doc.slice(s, e).trim_start();
            let lead = doc.slice(s, e).len() - t.len();
            let Some(i) = t.find('年') else { continue };
            let Some((y, 0)) = year_before(t, i) else {
                continue;
            };
            let after = &t[i + '年'.len_utf8()..];
            if !opens_as_time(after) {
                continue;
            }
            if y == year {
                this_year_opens = true;
            } else if y + 1 == year {
                last_year_openings.push((s + lead, s + lead + i + '年'.len_utf8()));
            }
        }
        // A self-inspection or an evaluation is dated by when it is made
        // and reviews the year before (2026年…自查报告 on 2025's data),
        // unless its title names the year as its period (2026年度).
        let dated_by_check = ["自查", "自评", "评价", "分析", "检查"]
            .iter()
            .any(|w| title_text.contains(w))
            && !["年度", "总结", "述职", "述廉"]
                .iter()
                .any(|w| title_text.contains(w));
        if !this_year_opens && !dated_by_check {
            for &(s, e) in &last_year_openings {
                out.warning(
                    s,
                    e,
                    format!("标题是{year}年的报告，正文却以“{}”开头回顾，像是沿用了上一年的稿子、只改了标题：请核对年份", doc.slice(s, e)),
                    format!("The title says {year}, but the body opens its review with \"{}\": last year's draft with a new title? Check the years", doc.slice(s, e)),
                )
                .related(ts, te, "标题的年份");
            }
        }

        // The plan for the coming period under a year already reviewed:
        // 三、2025年工作打算 in the 2025 summary (last year's heading kept).
        for h in doc
            .headings
            .iter()
            .filter(|h| h.part == pi && h.kind != MarkerKind::Title && h.start >= body_from)
        {
            let words = doc.heading_text(h);
            if !PLAN_WORDS.iter().any(|w| words.contains(w)) {
                continue;
            }
            let Some(i) = words.find('年') else { continue };
            let Some((y, ys)) = year_before(words, i) else {
                continue;
            };
            // A half year's summary may plan the rest of its own year.
            let whole_year = months_from == 1 && months_to == 12;
            if y < year || (y == year && whole_year) {
                let at = h.start + ys;
                let next = if whole_year { year + 1 } else { year };
                out.warning(
                    at,
                    at + 4 + '年'.len_utf8(),
                    format!("{year}年的报告里，打算部分写的是“{y}年”：应是{next}年的打算吧？可能沿用了旧稿，请核对年份"),
                    format!("A {year} report plans for \"{y}年\": the plan should be for {next}; a heading kept from an old draft? Check the year"),
                )
                .related(ts, te, "标题的年份");
            }
        }

        // A deadline already past in the plan: 力争2024年底前完成 under
        // 三、2026年工作打算 of the 2025 summary (last year's plan kept).
        for h in doc.headings.iter().filter(|h| {
            h.part == pi
                && h.kind != MarkerKind::Title
                && h.start >= body_from
                && PLAN_WORDS.iter().any(|w| doc.heading_text(h).contains(w))
        }) {
            for &(s, e) in sentences
                .iter()
                .filter(|&&(s, e)| s >= h.end && e <= h.section_end)
            {
                let t = doc.slice(s, e);
                for (i, _) in t.match_indices('年') {
                    let Some((y, ys)) = year_before(t, i) else {
                        continue;
                    };
                    if y >= year || !deadline(&t[i + '年'.len_utf8()..]) {
                        continue;
                    }
                    let (cs, _) = doc.clause_around(s + ys, s + i);
                    let lead = doc.slice(cs, s + ys);
                    if !FUTURE.iter().any(|w| lead.contains(w))
                        || PAST.iter().any(|w| lead.contains(w))
                    {
                        continue;
                    }
                    out.warning(
                        s + ys,
                        s + i + '年'.len_utf8(),
                        format!("{year}年的报告的打算部分，期限却是“{y}年”，早已过去：可能沿用了旧稿，请核对年份"),
                        format!("The plan in a {year} report sets a deadline in {y}, long past: kept from an old draft? Check the year"),
                    )
                    .related(ts, te, "标题的年份");
                }
            }
        }

        // 今年以来 next to a date of last year.
        for &(s, e) in &sentences {
            let t = doc.slice(s, e);
            let Some(k) = t.find("今年") else { continue };
            for (i, _) in t.match_indices('年') {
                let Some((y, ys)) = year_before(t, i) else {
                    continue;
                };
                let after = &t[i + '年'.len_utf8()..];
                let month = after.chars().take_while(char::is_ascii_digit).count();
                if y + 1 != year || month == 0 || !after[month..].starts_with('月') {
                    continue;
                }
                // Only a date of the current period's progress: 截至, 到, 至.
                let before = &t[..ys];
                if !["截至", "截止", "截止到", "到", "至"]
                    .iter()
                    .any(|w| before.ends_with(w))
                {
                    continue;
                }
                let end = s + i + '年'.len_utf8() + month + '月'.len_utf8();
                out.warning(
                    s + ys,
                    end,
                    format!("“今年”说的是{year}年，这里“{}”却是上一年的日期：请核对", doc.slice(s + ys, end)),
                    format!("\"今年\" (this year) is {year}, but \"{}\" is a date of the year before: check it", doc.slice(s + ys, end)),
                )
                .related(s + k, s + k + "今年".len(), "今年")
                .related(ts, te, "标题的年份");
            }
        }

        // The signing date, among the part's last lines.
        let first_line = doc.line_index(body_from);
        let last_line = doc.line_index(part.end.saturating_sub(1).max(body_from));
        let mut seen = 0;
        for li in (first_line..=last_line).rev() {
            let Some(line) = doc.lines.get(li) else {
                continue;
            };
            let raw = doc.slice(line.start, line.end);
            if raw.trim().is_empty() {
                continue;
            }
            seen += 1;
            if seen > 3 {
                break;
            }
            if let Some((y, m)) = signing_date(raw) {
                if (y, m) < (year, months_from) {
                    let lead = raw.len() - raw.trim_start().len();
                    let (s, e) = (line.start + lead, line.start + lead + raw.trim().len());
                    out.warning(
                        s,
                        e,
                        format!("成文日期“{}”早于报告所说的时期（{year}年{months_from}月起）：请核对日期", doc.slice(s, e)),
                        format!("The signing date \"{}\" comes before the period the report covers ({year}-{months_from:02}): check it", doc.slice(s, e)),
                    )
                    .related(ts, te, "标题的年份");
                }
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{assert_silent, findings_of};

    const RULE: &str = "stale-year";

    #[test]
    fn last_years_draft_under_this_years_title() {
        let text = "某县2024年度工作总结\n2023年，全县上下坚持稳中求进，经济社会持续健康发展。\n一、主要工作\n全年完成固定资产投资50亿元。\n二、存在问题\n项目储备不足。\n";
        let f = findings_of(RULE, text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].text, "2023年");
        assert_eq!(
            f[0].message,
            "标题是2024年的报告，正文却以“2023年”开头回顾，像是沿用了上一年的稿子、只改了标题：请核对年份"
        );
        assert_eq!(f[0].related[0].text, "2024年");
    }

    #[test]
    fn a_self_inspection_reviews_the_year_before() {
        // Made in 2026, on 2025's figures: not a recycled draft.
        let text = "县人民医院2026年医保基金使用情况自查报告\n一、基本情况\n现有在职职工812人。2025年，全院完成门急诊46.8万人次。\n二、自查情况\n于2026年3月2日至4月17日开展自查。\n";
        assert!(findings_of(RULE, text).is_empty());
        // Titled with its period (年度), it is checked as a review.
        let text =
            "县人民医院2026年度医保基金使用情况自查报告\n2025年，全院完成门急诊46.8万人次。\n";
        assert_eq!(findings_of(RULE, text)[0].text, "2025年");
    }

    #[test]
    fn the_plan_under_a_year_already_reviewed() {
        let text = "县农业农村局2025年工作总结\n2025年，全县粮食生产再获丰收。\n一、主要工作\n完成高标准农田建设3.2万亩。\n二、存在的问题\n产业链条短。\n三、2025年工作打算\n2026年是十五五规划的开局之年。\n";
        let f = findings_of(RULE, text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].text, "2025年");
        assert_eq!(f[0].line, 7);
        assert_eq!(f[0].message, "2025年的报告里，打算部分写的是“2025年”：应是2026年的打算吧？可能沿用了旧稿，请核对年份");
        assert_silent(
            RULE,
            &[
                "县农业农村局2025年工作总结\n2025年，全县粮食生产再获丰收。\n三、2026年工作打算\n持续推进。\n",
                // half a year's summary plans the rest of its year
                "县人社局2026年上半年工作总结\n2026年上半年，全县新增就业2860人。\n二、2026年下半年工作打算\n持续推进。\n",
            ],
        );
        let text = "县人社局2026年上半年工作总结\n2026年上半年，全县新增就业2860人。\n二、2025年下半年工作打算\n持续推进。\n";
        assert_eq!(findings_of(RULE, text)[0].text, "2025年");
    }

    #[test]
    fn this_year_beside_last_years_date() {
        let text = "2024年上半年工作总结\n今年以来，截至2023年6月底，全镇共完成投资3.2亿元。\n";
        let f = findings_of(RULE, text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].text, "2023年6月");
        assert_eq!(f[0].related.len(), 2);
    }

    #[test]
    fn a_signing_date_before_the_period() {
        let text = "县统计局2024年度工作总结\n2024年，我局认真履行统计职责。\n某某县统计局\n2023年12月20日\n";
        let f = findings_of(RULE, text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].text, "2023年12月20日");
        assert_eq!(
            f[0].message,
            "成文日期“2023年12月20日”早于报告所说的时期（2024年1月起）：请核对日期"
        );
    }

    #[test]
    fn real_reports_stay_silent() {
        assert_silent(
            RULE,
            &[
                // This year opens too; last year is a comparison.
                "某县2024年度工作总结\n2024年，全县经济平稳增长。\n2023年，我县被评为全省先进县，今年继续保持。\n",
                // A plan reviews the last year by design.
                "某县2025年工作计划\n2024年，全县经济平稳增长。\n2025年，我们将重点抓好以下工作。\n",
                // Citations and comparisons.
                "2024年度工作总结\n根据《关于印发〈考核办法〉的通知》（县办发〔2023〕5号）要求，比2023年增长12%。\n",
                "2024年度工作总结\n今年以来，截至2024年6月底，完成投资3.2亿元，比2023年6月增长8%。\n",
                // Signed within its period or after it.
                "2024年度工作总结\n2024年，我局认真履职。\n某某县统计局\n2024年12月20日\n",
                "2024年度工作总结\n2024年，我局认真履职。\n某某县统计局\n2025年1月8日\n",
                // No year in the title.
                "年度工作总结\n2023年，全县经济平稳增长。\n",
            ],
        );
    }
}
