//! Findings as CSV.

use crate::finding::Report;

/// Findings as CSV for Excel: UTF-8 with a BOM, CRLF line ends, every field
/// quoted. `kept` (indices into the findings) leaves out the ignored ones.
/// The last column, `where`, is the place as a Word user counts
/// ("二、存在问题 › 第3段"), in English when `english`.
pub fn csv(report: &Report, kept: Option<&[usize]>, english: bool) -> String {
    let mut out = String::from("\u{feff}");
    let header = [
        "rule",
        "category",
        "severity",
        "line",
        "column",
        "start",
        "end",
        "text",
        "message",
        "message_en",
        "suggestion",
        "where",
    ];
    out.push_str(&header.map(csv_field).join(","));
    out.push_str("\r\n");
    for f in super::html::kept_findings(report, kept) {
        let row = [
            f.rule.clone(),
            f.category.id().to_string(),
            f.severity.id().to_string(),
            f.line.to_string(),
            f.column.to_string(),
            f.start.to_string(),
            f.end.to_string(),
            f.text.clone(),
            f.message.clone(),
            f.message_en.clone(),
            f.suggestion.clone().unwrap_or_default(),
            f.place
                .as_ref()
                .map(|p| p.label(english))
                .unwrap_or_default(),
        ];
        out.push_str(&row.iter().map(csv_field).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_field(s: impl AsRef<str>) -> String {
    let s = s.as_ref();
    // A leading = + - @ would make Excel evaluate the cell as a formula.
    let guard = if s.starts_with(['=', '+', '-', '@']) {
        "'"
    } else {
        ""
    };
    format!("\"{guard}{}\"", s.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_has_bom_quotes_and_guards_formulas() {
        let report = crate::analyze_auto("共有XX人，\"引号\"。");
        let out = csv(&report, None, false);
        assert!(out.starts_with("\u{feff}\"rule\""));
        assert!(out.contains("\"placeholder\",\"placeholder\",\"error\",\"1\",\"3\""));
        assert!(out.contains("\"suggestion\",\"where\"\r\n"));
        assert_eq!(csv_field("=SUM(A1)"), "\"'=SUM(A1)\"");
        assert_eq!(csv_field("a\"b"), "\"a\"\"b\"");
    }

    #[test]
    fn csv_gives_the_place_and_leaves_out_ignored_findings() {
        let text = "关于2023年度工作的自查报告\n\n一、基本情况\n\n今年以来工作有序推进。\n\n二、存在问题\n\n有的支部组织生活不经常。\n\n全县共有XX个单位，其中XX个未达标。\n";
        let report = crate::analyze_auto(text);
        let xx = report.findings.iter().position(|f| f.text == "XX").unwrap();
        let out = csv(&report, None, false);
        let row = out.lines().find(|l| l.contains("\"XX\"")).unwrap();
        assert!(row.ends_with(",\"二、存在问题 › 第2段\""), "{row}");
        let en = csv(&report, None, true);
        let row = en.lines().find(|l| l.contains("\"XX\"")).unwrap();
        assert!(row.ends_with(",\"二、存在问题 › paragraph 2\""), "{row}");
        let rows = |out: &str| out.lines().filter(|l| l.contains("\"XX\"")).count();
        assert_eq!(rows(&out), 2);
        // The first XX ignored: only the second is listed.
        let kept: Vec<usize> = (0..report.findings.len()).filter(|&i| i != xx).collect();
        let out = csv(&report, Some(&kept), false);
        assert_eq!(rows(&out), 1);
        assert_eq!(
            out.lines().count(),
            csv(&report, None, false).lines().count() - 1
        );
    }
}
