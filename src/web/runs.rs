//! The highlighted text's runs: where each highlight starts and ends once
//! overlapping findings are resolved. Pure, so it is tested natively.

use crate::{Finding, Severity};

/// Splits the text into runs; each run is covered by at most one finding
/// (where findings overlap, the most severe and then the shortest wins).
/// `shown` lists the findings to mark. Returns (byte start, byte end, finding).
pub fn runs(
    text_len: usize,
    findings: &[Finding],
    shown: &[usize],
) -> Vec<(usize, usize, Option<usize>)> {
    let mut order: Vec<usize> = shown
        .iter()
        .copied()
        .filter(|&i| {
            findings.get(i).is_some_and(|f| {
                f.aggregate.is_none() && f.byte_end > f.byte_start && f.byte_end <= text_len
            })
        })
        .collect();
    crate::sort::sort_by(&mut order, |&i| findings[i].byte_start as u128);
    let mut bounds: Vec<usize> = vec![0, text_len];
    for &i in &order {
        bounds.push(findings[i].byte_start);
        bounds.push(findings[i].byte_end);
    }
    crate::sort::sort_by(&mut bounds, |&b| b as u128);
    bounds.dedup();
    let rank = |f: &Finding| {
        let sev = match f.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        };
        (sev, f.byte_end - f.byte_start)
    };
    let mut next = 0;
    let mut active: Vec<usize> = Vec::new();
    let mut out: Vec<(usize, usize, Option<usize>)> = Vec::with_capacity(bounds.len());
    for w in bounds.windows(2) {
        let (s, e) = (w[0], w[1]);
        while next < order.len() && findings[order[next]].byte_start <= s {
            active.push(order[next]);
            next += 1;
        }
        active.retain(|&i| findings[i].byte_end > s);
        let best = active.iter().copied().min_by_key(|&i| rank(&findings[i]));
        match out.last_mut() {
            Some((_, end, None)) if best.is_none() => *end = e,
            _ => out.push((s, e, best)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::runs;
    use crate::{analyze_auto, Finding};

    fn spans(text: &str, findings: &[Finding], shown: &[usize]) -> Vec<(String, Option<String>)> {
        runs(text.len(), findings, shown)
            .into_iter()
            .map(|(s, e, f)| (text[s..e].to_string(), f.map(|i| findings[i].rule.clone())))
            .collect()
    }

    #[test]
    fn the_text_is_cut_at_each_highlight() {
        let text = "全县共有XX个单位,坚持以科学开展观为指导。";
        let r = analyze_auto(text);
        let all: Vec<usize> = (0..r.findings.len()).collect();
        let got = spans(text, &r.findings, &all);
        let want: Vec<(String, Option<String>)> = [
            ("全县共有", None),
            ("XX", Some("placeholder")),
            ("个单位", None),
            (",", Some("half-width-punctuation")),
            ("坚持以科学", None),
            ("开展", Some("conversion-debris")),
            ("观为指导。", None),
        ]
        .iter()
        .map(|(t, r)| (t.to_string(), r.map(str::to_string)))
        .collect();
        assert_eq!(got, want);
        // The runs cover the whole text, once.
        let joined: String = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(joined, text);
        // Findings not shown are not marked.
        let only_first = spans(text, &r.findings, &all[..1]);
        assert_eq!(only_first.iter().filter(|(_, r)| r.is_some()).count(), 1);
    }

    #[test]
    fn where_findings_overlap_the_most_severe_then_the_shortest_wins() {
        let text = "甲乙丙丁";
        let make = |rule: &str, sev, bs: usize, be: usize| Finding {
            rule: rule.into(),
            category: crate::Category::Wording,
            severity: sev,
            start: 0,
            end: 0,
            line: 1,
            column: 1,
            text: text[bs..be].into(),
            message: String::new(),
            message_en: String::new(),
            suggestion: None,
            byte_start: bs,
            byte_end: be,
            context: None,
            related: Vec::new(),
            aggregate: None,
            place: None,
        };
        use crate::Severity::*;
        let findings = vec![
            make("long-warning", Warning, 0, 12),
            make("short-error", Error, 3, 6),
            make("shorter-warning", Warning, 6, 9),
        ];
        let got = spans(text, &findings, &[0, 1, 2]);
        let rules: Vec<(&str, Option<&str>)> = got
            .iter()
            .map(|(t, r)| (t.as_str(), r.as_deref()))
            .collect();
        assert_eq!(
            rules,
            vec![
                ("甲", Some("long-warning")),
                ("乙", Some("short-error")),
                ("丙", Some("shorter-warning")),
                ("丁", Some("long-warning")),
            ]
        );
    }
}
