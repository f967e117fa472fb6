//! Totals and their parts: "共有纪检监察干部50人，其中机关20人、派驻机构
//! 18人", read once for the figure rules (parts-exceed-total,
//! subset-exceeds-total, percent-mismatch, percent-sum).
//!
//! Only unambiguous structures are read: the total is the one figure of its
//! unit in the clause right before an explicit 其中 / 包括 / 分别为 (or a colon
//! after a 共 total, or a clause ending in 中: 反馈的16条问题中，…); the parts are the figures of that unit in the clauses
//! that follow, up to a clause that counts something else. Anything with a
//! blank (XX人), an approximate figure or two figures of one unit in one
//! clause is dropped rather than guessed.

mod clauses;
mod labels;
mod words;

pub use clauses::{is_statement_end, statements};
pub use labels::{announces, may_overlap, ordinal_suffix};
pub use words::{has_blank, has_totalizer, is_rate_of, is_share_connector, is_share_of};

use super::Number;
use crate::document::Document;
use crate::text::seeds::{self, Seeds};
use clauses::split_clauses;
use labels::{
    counts_other_things, names_the_rest, ordinals_cover, part_label, within_earlier_part,
};
use std::sync::OnceLock;
use words::{is_change_clause, starts_with_cue};

/// What introduced the parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// 其中
    Among,
    /// 包括
    Including,
    /// 分别为 / 分别是: the parts list the whole.
    Respectively,
    /// 共有N人：…
    Colon,
    /// No cue: 共有党员200人，女性党员60人，占30% (only the share is read).
    Implicit,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// Index into `doc.numbers`.
    pub num: usize,
    /// Byte span of the words that name the part (may be empty).
    pub label: (usize, usize),
    /// The share given for this part (index into `doc.numbers`).
    pub percent: Option<usize>,
}

/// One total and its parts, in one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub total: usize,
    pub parts: Vec<Part>,
    pub cue: Cue,
    pub cue_span: (usize, usize),
    /// The parts plainly list the whole (分别为, a last part 其他/其余, or
    /// 第一…第四种形态 after 四种形态).
    pub exhaustive: bool,
    /// A part's share could not be tied to this total (占全市的…).
    pub foreign_share: bool,
}

/// A clause: text between clause punctuation, parentheses kept inside.
#[derive(Debug, Clone, Copy)]
struct Seg {
    start: usize,
    end: usize,
    /// The punctuation that ends it (None at the statement end).
    sep: Option<char>,
    /// Range of indices into `doc.numbers`.
    nums: (usize, usize),
}

const MAX_PARTS: usize = 60;

/// Every total with its parts in the document.
pub fn find(doc: &Document) -> Vec<Group> {
    let text = doc.text;
    let nums = &doc.numbers;
    let mut groups = Vec::new();
    // 共, 计 and 数: a clause without one has no totalizer.
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    let seeds = SEEDS.get_or_init(|| Seeds::chars(&['共', '计', '数']));
    let marks: Vec<usize> = seeds::seed_matches(text, seeds).map(|(s, _)| s).collect();
    let totalizer = |s: usize, e: usize| {
        let i = marks.partition_point(|&m| m < s);
        marks.get(i).is_some_and(|&m| m < e) && has_totalizer(text.get(s..e).unwrap_or(""))
    };
    let mut ni = 0usize;
    let mut clauses: Vec<(usize, usize, Option<char>)> = Vec::new();
    let mut segs: Vec<Seg> = Vec::new();
    let mut bounds: Vec<usize> = Vec::new(); // statement start indices into segs
    for p in &doc.paragraphs {
        clauses.clear();
        segs.clear();
        bounds.clear();
        split_clauses(text, p.start, p.end, &mut clauses, &mut bounds);
        for &(s, e, sep) in &clauses {
            while ni < nums.len() && nums[ni].start < s {
                ni += 1;
            }
            let a = ni;
            let mut b = ni;
            while b < nums.len() && nums[b].start < e {
                b += 1;
            }
            segs.push(Seg {
                start: s,
                end: e,
                sep,
                nums: (a, b),
            });
        }
        let statement_of = |k: usize| bounds.partition_point(|&b| b <= k).saturating_sub(1);
        for k in 0..segs.len() {
            let seg = segs[k];
            let seg_text = text.get(seg.start..seg.end).unwrap_or("");
            let (cue, cue_len, total_k) = match starts_with_cue(seg_text) {
                Some((cue, len)) if k > 0 => (cue, len, k - 1),
                Some(_) => continue,
                None => {
                    // 共有干部50人：机关20人，……
                    let colon = matches!(seg.sep, Some('：' | ':'));
                    if let Some(cue_at) = within_total(doc, &seg, seg_text) {
                        // 反馈的16条问题中，已完成整改13条、正在整改4条.
                        if k + 1 < segs.len() && statement_of(k + 1) == statement_of(k) {
                            read_group(
                                doc,
                                &segs,
                                k,
                                k + 1,
                                segs[k + 1].start,
                                Cue::Among,
                                (cue_at, seg.end),
                                &mut groups,
                            );
                        }
                    } else if colon && totalizer(seg.start, seg.end) && k + 1 < segs.len() {
                        let next = segs[k + 1];
                        if statement_of(k + 1) == statement_of(k) {
                            read_group(
                                doc,
                                &segs,
                                k,
                                k + 1,
                                next.start,
                                Cue::Colon,
                                (seg.end, seg.end + seg.sep.map_or(0, char::len_utf8)),
                                &mut groups,
                            );
                        }
                    } else if k + 1 < segs.len()
                        && statement_of(k + 1) == statement_of(k)
                        && !segs.get(k + 1).is_some_and(|n| {
                            starts_with_cue(text.get(n.start..n.end).unwrap_or("")).is_some()
                        })
                    {
                        // 排查隐患3215项，已整改3108项，整改率96.7%: without
                        // 共, a rate named after what the next clause did
                        // still says what it is a share of.
                        let named_rate = || {
                            let end = segs.get(k + 2).unwrap_or(&segs[k + 1]).end;
                            text.get(segs[k + 1].start..end)
                                .is_some_and(|t| t.contains('率'))
                        };
                        if totalizer(seg.start, seg.end) || samples(seg_text) {
                            read_implicit(doc, &segs, k, Tie::ShareOrRate, &mut groups);
                        } else if named_rate() {
                            read_implicit(doc, &segs, k, Tie::NamedRate, &mut groups);
                        }
                    }
                    continue;
                }
            };
            // The total is in the clause before the cue, in this statement or
            // (。其中，…) at the end of the previous one.
            if statement_of(total_k) + 1 < statement_of(k) {
                continue;
            }
            let cue_span = (seg.start, seg.start + cue_len);
            read_group(
                doc,
                &segs,
                total_k,
                k,
                seg.start + cue_len,
                cue,
                cue_span,
                &mut groups,
            );
        }
    }
    groups
}

fn count_figures<'n>(nums: &'n [Number], seg: &Seg) -> impl Iterator<Item = usize> + 'n {
    let (a, b) = seg.nums;
    // Ordinals (第二种) and quoted slogans (“四种形态”) count nothing.
    (a..b).filter(move |&i| !nums[i].is_time() && !nums[i].ordinal && !nums[i].quoted)
}

#[allow(clippy::too_many_arguments)]
fn read_group(
    doc: &Document,
    segs: &[Seg],
    total_k: usize,
    first_k: usize,
    first_start: usize,
    cue: Cue,
    cue_span: (usize, usize),
    groups: &mut Vec<Group>,
) {
    let text = doc.text;
    let nums = &doc.numbers;
    let tseg = segs[total_k];
    let ttext = text.get(tseg.start..tseg.end).unwrap_or("");
    if has_blank(ttext) || is_change_clause(ttext) {
        return;
    }
    // One open group per unit of the total clause.
    let mut open: Vec<Group> = Vec::new();
    let mut dead_units: Vec<String> = Vec::new();
    for i in count_figures(nums, &tseg) {
        let n = &nums[i];
        if n.percent || n.unit.is_empty() {
            continue;
        }
        let unit = n.count_unit().to_string();
        if let Some(pos) = open.iter().position(|g| nums[g.total].count_unit() == unit) {
            // Two figures of one unit (从50人增加到60人): which is the total?
            open.remove(pos);
            dead_units.push(unit);
            continue;
        }
        if dead_units.contains(&unit) {
            continue;
        }
        if !n.is_exact_count() {
            dead_units.push(unit);
            continue;
        }
        open.push(Group {
            total: i,
            parts: Vec::new(),
            cue,
            cue_span,
            exhaustive: cue == Cue::Respectively,
            foreign_share: false,
        });
    }
    if open.is_empty() {
        return;
    }
    // The words of the total's clause: a share "占党员总数的" must name them.
    let total_words = ttext.to_string();
    let mut dead = vec![false; open.len()];
    // The most recent count figure: (group index, part index) or None when
    // it is not a part.
    let mut last_owner: Option<(usize, usize)> = None;
    let mut last_end = first_start;
    let statement_end = |k: usize| segs[k].sep.is_some_and(is_statement_end);
    let mut k = first_k;
    let mut seen_parts = 0usize;
    while k < segs.len() && seen_parts < MAX_PARTS {
        let seg = segs[k];
        let region_start = if k == first_k { first_start } else { seg.start };
        let region = text.get(region_start..seg.end).unwrap_or("");
        if k > first_k && starts_with_cue(region).is_some() {
            break;
        }
        if has_blank(region) {
            return;
        }
        // Bare numbers (35岁以下) neither count parts nor end the list.
        // Modifiers (年收入超过10万元的215个) neither.
        let figs: Vec<usize> = count_figures(nums, &seg)
            .filter(|&i| {
                let n = &nums[i];
                n.start >= region_start
                    && !n.unit.is_empty()
                    && !(n.approx || text.get(n.end..).is_some_and(|r| r.starts_with('的')))
            })
            .collect();
        let counts: Vec<usize> = figs.iter().copied().filter(|&i| !nums[i].percent).collect();
        // A new total (，共有村186个) ends the list.
        if k > first_k && !counts.is_empty() && has_totalizer(region) {
            break;
        }
        if figs.is_empty() {
            if region.trim().is_empty() {
                k += 1;
                if k > first_k && statement_end(k - 1) {
                    break;
                }
                continue;
            }
            break;
        }
        let matching: Vec<usize> = counts
            .iter()
            .copied()
            .filter(|&i| {
                open.iter()
                    .any(|g| nums[g.total].count_unit() == nums[i].count_unit())
            })
            .collect();
        if counts.first().is_some_and(|f| !matching.contains(f)) {
            // A clause that counts something else (通报曝光6起8人 after a
            // total in 人) ends the list.
            break;
        }
        for (gi, g) in open.iter_mut().enumerate() {
            let unit = nums[g.total].count_unit();
            let mine: Vec<usize> = matching
                .iter()
                .copied()
                .filter(|&i| nums[i].count_unit() == unit)
                .collect();
            match mine.as_slice() {
                [] => {}
                [i] if nums[*i].is_exact_count() && !dead[gi] => {
                    let n = &nums[*i];
                    let (ls, le) = part_label(text, region_start, n.start);
                    let label = text.get(ls..le).unwrap_or("");
                    if counts_other_things(text, &nums[g.total], n, label)
                        || within_earlier_part(text, &g.parts, label)
                    {
                        // 巡察25个单位，其中发现问题86个; 女性党员中35岁以下的
                        // 15人: not a part of this total.
                        dead[gi] = true;
                        continue;
                    }
                    g.parts.push(Part {
                        num: *i,
                        label: (ls, le),
                        percent: None,
                    });
                }
                _ => dead[gi] = true,
            }
        }
        // Walk the clause's figures in order to tie shares to their counts.
        for &i in &figs {
            let n = &nums[i];
            if n.percent {
                let connector = text.get(last_end..n.start).unwrap_or("");
                if let Some((gi, pi)) = last_owner {
                    let g = &mut open[gi];
                    if let Some(part) = g.parts.get_mut(pi) {
                        let words = text.get(part.label.0..part.label.1).unwrap_or("");
                        let tied =
                            is_share_of(connector, &total_words) || is_rate_of(connector, words);
                        if tied && n.is_exact() && part.percent.is_none() {
                            part.percent = Some(i);
                        } else {
                            g.foreign_share = true;
                        }
                    }
                }
                last_owner = None;
            } else {
                last_owner = open
                    .iter()
                    .enumerate()
                    .find_map(|(gi, g)| g.parts.iter().position(|p| p.num == i).map(|pi| (gi, pi)));
            }
            last_end = n.end;
        }
        seen_parts += 1;
        last_end = last_end.max(seg.end);
        if statement_end(k) {
            break;
        }
        k += 1;
    }
    for (gi, mut g) in open.into_iter().enumerate() {
        if dead[gi] || g.parts.is_empty() {
            continue;
        }
        if !g.exhaustive {
            g.exhaustive = names_the_rest(text, &g) || ordinals_cover(doc, segs, total_k, &g);
        }
        groups.push(g);
    }
}

/// How a share after an implicit part must say it is the part's share.
#[derive(Clone, Copy, PartialEq)]
enum Tie {
    /// After a 共 total: 占30%, or a rate named after the part (整改率).
    ShareOrRate,
    /// After a figure without 共: only a rate named after what the part
    /// did, of a part no larger than the total and counted the same way.
    NamedRate,
}

/// 共有党员200人，女性党员60人，占30%: a share right after a 共 total;
/// 排查隐患3215项，已整改3108项，整改率96.7%: a rate named after the part.
/// A clause that ends with its one count as the set the next clauses break
/// down (反馈的16条问题中，…): where its 中 starts.
fn within_total(doc: &Document, seg: &Seg, seg_text: &str) -> Option<usize> {
    let head = seg_text.trim_end().strip_suffix('中')?;
    if !matches!(seg.sep, Some('，' | ',')) || head.ends_with('其') {
        return None;
    }
    let nums = &doc.numbers;
    let figs: Vec<usize> = count_figures(nums, seg).collect();
    let [t] = figs.as_slice() else { return None };
    let n = &nums[*t];
    // The count names the set: 16条问题中, 600份病历中 — the words after
    // the figure up to 中 are few and name a thing, no verb of change.
    let after = doc.text.get(n.end..seg.start + head.len())?;
    (!n.percent && n.is_exact_count() && after.chars().count() <= 6 && !is_change_clause(seg_text))
        .then_some(seg.start + head.len())
}

/// A clause that samples or inspects a set, whose count is then a total:
/// 随机抽查住院病历600份，发现问题病历42份，占比7.0%.
fn samples(clause: &str) -> bool {
    const VERBS: &[&str] = &[
        "抽查", "抽取", "抽检", "抽样", "调阅", "评查", "核查", "排查", "检查", "走访", "调查",
    ];
    VERBS.iter().any(|v| clause.contains(v))
}

/// The share connector after the part's own name said again (，问题病历占比
/// after 发现存在问题的病历42份): the connector from 占 on, when the words
/// before it are the part's, in order.
fn renamed_share<'a>(connector: &'a str, part_words: &str) -> Option<&'a str> {
    let at = connector.find('占')?;
    let name = connector[..at].trim_start_matches(['，', ',', '、']);
    let count = name.chars().count();
    if !(2..=8).contains(&count) || !name.chars().all(crate::text::class::is_han) {
        return None;
    }
    let mut rest = part_words.chars();
    name.chars()
        .all(|c| rest.any(|p| p == c))
        .then(|| &connector[at..])
}

fn read_implicit(doc: &Document, segs: &[Seg], total_k: usize, tie: Tie, groups: &mut Vec<Group>) {
    let text = doc.text;
    let nums = &doc.numbers;
    let tseg = segs[total_k];
    let Some(pseg) = segs.get(total_k + 1) else {
        return;
    };
    if is_change_clause(text.get(tseg.start..tseg.end).unwrap_or("")) {
        return;
    }
    if segs[total_k].sep.is_some_and(is_statement_end) {
        return;
    }
    // 新建12个、改造10个: items of a list, not a total and a part of it.
    if tie == Tie::NamedRate && segs[total_k].sep == Some('、') {
        return;
    }
    let span_text = text.get(tseg.start..pseg.end).unwrap_or("");
    if has_blank(span_text) {
        return;
    }
    let totals: Vec<usize> = count_figures(nums, &tseg)
        .filter(|&i| !nums[i].percent && !nums[i].unit.is_empty())
        .collect();
    let (t, a, pct, part_from, end) = match totals.as_slice() {
        [t] => {
            // The part and its share: in the next clause, or the share one
            // further.
            let mut figs: Vec<usize> = count_figures(nums, pseg).collect();
            let mut end = pseg.end;
            if figs.len() == 1 && !pseg.sep.is_some_and(is_statement_end) {
                if let Some(s3) = segs.get(total_k + 2) {
                    figs.extend(count_figures(nums, s3));
                    end = s3.end;
                }
            }
            let [a, pct] = figs.as_slice() else { return };
            (*t, *a, *pct, pseg.start, end)
        }
        // 反馈的12个问题已整改10个，整改率85.3%: total and part in one
        // clause, the part what has been done (已…) of the total.
        [t, a]
            if tie == Tie::NamedRate
                && text
                    .get(nums[*t].end..nums[*a].start)
                    .is_some_and(|between| between.contains('已')) =>
        {
            let figs: Vec<usize> = count_figures(nums, pseg).collect();
            let [pct] = figs.as_slice() else { return };
            (*t, *a, *pct, nums[*t].end, pseg.end)
        }
        _ => return,
    };
    let (t, a, pct) = (&t, &a, &pct);
    if !nums[*t].is_exact_count() {
        return;
    }
    let (na, np) = (&nums[*a], &nums[*pct]);
    if na.percent
        || !np.percent
        || !na.is_exact_count()
        || !np.is_exact()
        || na.count_unit() != nums[*t].count_unit()
        || np.start > end
    {
        return;
    }
    let label = part_label(text, part_from, na.start);
    let connector = text.get(na.end..np.start).unwrap_or("");
    let words = text.get(label.0..label.1).unwrap_or("");
    let total_words = text.get(tseg.start..nums[*t].start).unwrap_or("");
    // 发现问题病历42份，问题病历占比8.0%: the share may name its part again.
    let connector = renamed_share(connector, words).unwrap_or(connector);
    let share = tie == Tie::ShareOrRate && is_share_of(connector, total_words);
    if !share && !is_rate_of(connector, words) {
        return;
    }
    // A rate of a part larger than the figure before it, or of a running
    // total (累计整改150个 after 新发现20个), is of another base.
    if tie == Tie::NamedRate
        && (na.value > nums[*t].value || words.contains("累计") != total_words.contains("累计"))
    {
        return;
    }
    groups.push(Group {
        total: *t,
        parts: vec![Part {
            num: *a,
            label,
            percent: Some(*pct),
        }],
        cue: Cue::Implicit,
        cue_span: (pseg.start, pseg.start),
        exhaustive: false,
        foreign_share: false,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(text: &str) -> Vec<(f64, Vec<f64>, bool)> {
        let doc = Document::new(text);
        find(&doc)
            .into_iter()
            .map(|g| {
                (
                    doc.numbers[g.total].value,
                    g.parts.iter().map(|p| doc.numbers[p.num].value).collect(),
                    g.exhaustive,
                )
            })
            .collect()
    }

    #[test]
    fn reads_totals_and_parts() {
        assert_eq!(
            groups("全县共有纪检监察干部50人，其中县纪委监委机关20人，派驻机构18人，基层纪检监察干部10人。"),
            vec![(50.0, vec![20.0, 18.0, 10.0], false)]
        );
        assert_eq!(
            groups("区委延伸巡察了27个村(社区),其中15个存在公开不及时等问题。"),
            vec![(27.0, vec![15.0], false)]
        );
        assert_eq!(
            groups("全年立案53件。其中，乡科级干部12件、一般干部30件。"),
            vec![(53.0, vec![12.0, 30.0], false)]
        );
    }

    #[test]
    fn parts_that_count_other_things_are_dropped() {
        for text in [
            "区委常规巡察25个单位，其中发现问题86个。",
            "发现问题50个，其中涉及12个单位。",
            "巡察27个村，其中移交问题线索35条。",
        ] {
            assert!(groups(text).is_empty(), "{text}: {:?}", groups(text));
        }
        assert_eq!(
            groups("共查处问题72个，其中涉及村干部问题50个。"),
            vec![(72.0, vec![50.0], false)]
        );
        assert_eq!(
            groups("巡察25个单位，其中15个单位存在问题。"),
            vec![(25.0, vec![15.0], false)]
        );
    }

    #[test]
    fn a_part_of_a_part_ends_the_group() {
        assert!(groups(
            "共有党员200人，其中女性党员60人，占30%；女性党员中35岁以下的15人，占25%。"
        )
        .is_empty());
    }

    #[test]
    fn a_clause_counting_something_else_ends_the_list() {
        assert_eq!(
            groups("处理20人，其中党纪政务处分15人，通报曝光6起8人。"),
            vec![(20.0, vec![15.0], false)]
        );
    }

    #[test]
    fn unrelated_lists_are_not_breakdowns() {
        for text in [
            "省委巡视反馈4个方面13个问题,我区细化为53项整改任务、140项整改措施、40项长效机制。",
            "全区立案审查调查196件196人,党纪政务处分146人,运用\"四种形态\"处理899人次。",
            "全区共有41名领导干部、3个党组织因落实主体责任不力被追责。",
            "查处问题72件113人,较2019年有较大幅度增加,其中涉黑涉恶等领域问题突出。",
            "全县共有基层纪检组织XX个，其中：乡镇纪委XX个，派驻纪检组XX个。",
        ] {
            assert!(groups(text).is_empty(), "{text}: {:?}", groups(text));
        }
    }

    #[test]
    fn exhaustive_lists() {
        let g = groups("运用“四种形态”处理100人次，其中第一种形态70人次，第二种形态20人次，第三种形态6人次，第四种形态4人次。");
        assert_eq!(g, vec![(100.0, vec![70.0, 20.0, 6.0, 4.0], true)]);
        let g = groups("共有村（社区）30个，分别为行政村25个、社区5个。");
        assert!(g[0].2);
        let g = groups("共有干部50人，其中党员30人，其他人员20人。");
        assert!(g[0].2);
    }

    #[test]
    fn shares_attach_to_their_parts() {
        let doc = Document::new("共有党员200人，其中女性党员60人，占30%；男性党员140人、占比70%。");
        let g = find(&doc);
        assert_eq!(g.len(), 1);
        let shares: Vec<Option<f64>> = g[0]
            .parts
            .iter()
            .map(|p| p.percent.map(|i| doc.numbers[i].value))
            .collect();
        assert_eq!(shares, vec![Some(30.0), Some(70.0)]);
        let doc = Document::new("共有党员200人，其中女性党员60人，占全市女性党员的5%。");
        let g = find(&doc);
        assert!(g[0].parts[0].percent.is_none() && g[0].foreign_share);
    }

    #[test]
    fn share_connectors() {
        for ok in [
            "占",
            "，占",
            "、占比",
            "（占",
            "占总数的",
            "比例为",
            "占总人数的比例为",
            "，占总人次的",
            "占党员总数的",
        ] {
            assert!(is_share_connector(ok), "{ok}");
        }
        for no in [
            "占全市的",
            "同比增长",
            "下降",
            "占全县干部",
            "占全县党员总数的",
        ] {
            assert!(!is_share_connector(no), "{no}");
        }
        assert!(is_share_of("，占党员总数的", "全县共有党员3200名"));
        assert!(!is_share_of("，占党员总数的", "共有干部80名"));
        assert!(is_rate_of("，整改率", "整改"));
        assert!(is_rate_of("，办结率达", "已办结"));
        assert!(!is_rate_of("，满意率", "整改"));
        assert!(may_overlap(&["女性", "35岁以下", "研究生学历"]));
        assert!(may_overlap(&["党纪处分", "政务处分"]));
        assert!(may_overlap(&["党纪处分", "移送司法机关"]));
        assert!(!may_overlap(&["党纪处分", "诫勉谈话", "批评教育"]));
        assert!(!may_overlap(&["男性党员", "女性党员"]));
        assert!(!may_overlap(&[
            "县纪委监委机关",
            "派驻机构",
            "基层纪检监察干部"
        ]));
    }
}
