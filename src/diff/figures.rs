//! Figures per label compared; an unchanged figure in a later year warned of.

use super::*;

/// Words in a figure's sentence that tie it to another period, or make it
/// a standing fact rather than the year's result: an unchanged figure there
/// is no sign of a copied report (restated-figure keeps a similar list).
const PERIOD_WORDS: &[&str] = &[
    "以来", "累计", "上年", "去年", "前年", "同期", "同比", "环比", "历年", "年均", "每年", "近年",
    "此前", "以前", "之前", "期间", "下辖", "辖区", "现有", "设有", "面积", "人口", "户籍", "编制",
    "计划", "预计", "力争", "目标",
];

/// A figure worth following from one version to the next: a count, an
/// amount or a percentage with a label of two characters or more; not a
/// date, not an ordinal, not quoted.
fn followed(text: &str, n: &Number) -> Option<String> {
    if n.is_time() || n.ordinal || n.quoted || (n.unit.is_empty() && !n.percent) {
        return None;
    }
    let label = text.get(n.label_start..n.label_end)?;
    (label.chars().count() >= 2 && label.chars().any(crate::text::class::is_han))
        .then(|| label.to_string())
}

type FigureKey = (String, String);

fn figure_hash(k: &FigureKey) -> u64 {
    fnv(&[&k.0, &k.1])
}

/// The followed figures grouped by key (label, unit counted as 人 for
/// 名/位), each group the indices of its figures in the document, the
/// groups in order of appearance.
fn figure_groups(doc: &Document) -> Groups<FigureKey> {
    let mut groups = Groups::new();
    for (i, n) in doc.numbers.iter().enumerate() {
        let Some(label) = followed(doc.text, n) else {
            continue;
        };
        let key = (label, n.count_unit().to_string());
        groups.add(figure_hash(&key), key, i);
    }
    groups
}

/// The same value: equal within the precision written.
fn same_value(a: &Number, b: &Number) -> bool {
    (a.value - b.value).abs() <= 1e-9 * a.value.abs().max(1.0)
        && a.upper == b.upper
        && a.percent == b.percent
}

/// Whether an unchanged figure in NEW is a sign that the year's figures
/// were not updated: an exact figure of 10 or more (or with decimals),
/// alone under its label in both versions, in a sentence that names no
/// other year than NEW's and no other period.
fn stale(doc: &Document, n: &Number, year: u32) -> bool {
    if !n.is_exact() || (n.value < 10.0 && n.decimals == 0) {
        return false;
    }
    let (s, e) = doc
        .sentence_at(n.start)
        .map_or_else(|| doc.clause_around(n.start, n.end), |s| (s.start, s.end));
    let sentence = doc.slice(s, e);
    if PERIOD_WORDS.iter().any(|w| sentence.contains(w)) {
        return false;
    }
    let i = doc.numbers.partition_point(|m| m.start < s);
    !doc.numbers[i..]
        .iter()
        .take_while(|m| m.start < e)
        .filter_map(year_of)
        .any(|y| y != year)
}

pub(super) fn compare_figures(
    old: &Document,
    new: &Document,
    old_year: Option<u32>,
    new_year: Option<u32>,
) -> (Vec<FigureChange>, Vec<Finding>) {
    let old_groups = figure_groups(old);
    let new_groups = figure_groups(new);
    // (status, key, old figure index, new figure index)
    let mut pairs: Vec<(FigureStatus, &FigureKey, Option<usize>, Option<usize>)> = Vec::new();
    for (key, nb) in new_groups.keys.iter().zip(&new_groups.items) {
        let na = old_groups.get(figure_hash(key), key);
        let mut old_used = vec![false; na.len()];
        let mut new_pair: Vec<Option<usize>> = vec![None; nb.len()];
        if na.len() == nb.len() {
            // As many in both: the k-th is the k-th.
            for k in 0..nb.len() {
                new_pair[k] = Some(k);
                old_used[k] = true;
            }
        } else {
            // Equal values first, then the rest in order.
            for (k, &j) in nb.iter().enumerate() {
                let b = &new.numbers[j];
                if let Some(o) =
                    (0..na.len()).find(|&o| !old_used[o] && same_value(&old.numbers[na[o]], b))
                {
                    old_used[o] = true;
                    new_pair[k] = Some(o);
                }
            }
            let mut rest = (0..na.len())
                .filter(|&o| !old_used[o])
                .collect::<Vec<_>>()
                .into_iter();
            for p in new_pair.iter_mut().filter(|p| p.is_none()) {
                if let Some(o) = rest.next() {
                    old_used[o] = true;
                    *p = Some(o);
                }
            }
        }
        for (k, &j) in nb.iter().enumerate() {
            match new_pair[k] {
                Some(o) => {
                    let same = same_value(&old.numbers[na[o]], &new.numbers[j]);
                    let status = if same {
                        FigureStatus::Unchanged
                    } else {
                        FigureStatus::Changed
                    };
                    pairs.push((status, key, Some(na[o]), Some(j)));
                }
                None => pairs.push((FigureStatus::Appeared, key, None, Some(j))),
            }
        }
        for (o, &i) in na.iter().enumerate() {
            if !old_used[o] {
                pairs.push((FigureStatus::Disappeared, key, Some(i), None));
            }
        }
    }
    for (key, na) in old_groups.keys.iter().zip(&old_groups.items) {
        if new_groups.find(figure_hash(key), key).is_some() {
            continue;
        }
        for &i in na {
            pairs.push((FigureStatus::Disappeared, key, Some(i), None));
        }
    }
    // Positions, each text located in one walk.
    let spans = |d: &Document, figures: &mut dyn Iterator<Item = usize>| {
        let mut offsets = Vec::new();
        for i in figures {
            let n = &d.numbers[i];
            offsets.push(n.start);
            offsets.push(n.end);
        }
        PositionTable::new(d.text, offsets)
    };
    let old_pos = spans(old, &mut pairs.iter().filter_map(|p| p.2));
    let new_pos = spans(new, &mut pairs.iter().filter_map(|p| p.3));
    let at = |d: &Document, t: &PositionTable, i: usize| {
        let n = &d.numbers[i];
        let (s, e) = (t.get(n.start), t.get(n.end));
        FigureAt {
            value: n.value,
            text: d.slice(n.start, n.end).to_string(),
            line: s.line,
            column: s.column,
            start: s.offset,
            end: e.offset,
            byte_start: n.start,
            byte_end: n.end,
        }
    };
    let moved_on = match (old_year, new_year) {
        (Some(a), Some(b)) if b > a => Some((a, b)),
        _ => None,
    };
    let mut figures = Vec::with_capacity(pairs.len());
    let mut warnings = Vec::new();
    for &(status, key, o, n) in &pairs {
        let old_at = o.map(|i| at(old, &old_pos, i));
        let new_at = n.map(|i| at(new, &new_pos, i));
        let unit = n.or(o).map_or_else(String::new, |i| {
            let d = if n.is_some() { new } else { old };
            d.numbers[i].unit.clone()
        });
        if let (FigureStatus::Unchanged, Some((oy, ny)), Some(oi), Some(ni)) =
            (status, moved_on, o, n)
        {
            let h = figure_hash(key);
            let lone = old_groups.get(h, key).len() == 1 && new_groups.get(h, key).len() == 1;
            if lone && stale(new, &new.numbers[ni], ny) && old.numbers[oi].is_exact() {
                if let (Some(a), Some(b)) = (&old_at, &new_at) {
                    warnings.push(unchanged_warning(&key.0, a, b, oy, ny));
                }
            }
        }
        figures.push(FigureChange {
            label: key.0.clone(),
            unit,
            status,
            old: old_at,
            new: new_at,
        });
    }
    (figures, warnings)
}

fn unchanged_warning(
    label: &str,
    old: &FigureAt,
    new: &FigureAt,
    old_year: u32,
    new_year: u32,
) -> Finding {
    Finding {
        rule: UNCHANGED_FIGURE.to_string(),
        category: Category::Figures,
        severity: Severity::Warning,
        start: new.start,
        end: new.end,
        line: new.line,
        column: new.column,
        text: new.text.clone(),
        message: format!(
            "“{label}{}”与上一版（{old_year}年）完全相同，而报告已是{new_year}年的：请核对这项数据是否已经更新",
            new.text
        ),
        message_en: format!(
            "“{label}{}” is the same as in the previous version ({old_year}), but the report is now for {new_year}: check that the figure was updated",
            new.text
        ),
        suggestion: None,
        byte_start: new.byte_start,
        byte_end: new.byte_end,
        context: None,
        related: vec![Related {
            start: old.start,
            end: old.end,
            line: old.line,
            column: old.column,
            text: old.text.clone(),
            label: "上一版 previous version".to_string(),
        }],
        aggregate: None,
        place: None,
    }
}
