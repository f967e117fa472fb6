//! Findings as CSV.

use crate::finding::Report;

/// Findings as CSV for Excel: UTF-8 with a BOM, CRLF line ends, every field quoted.
pub fn csv(report: &Report) -> String {
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
    ];
    out.push_str(&header.map(csv_field).join(","));
    out.push_str("\r\n");
    for f in report.findings.iter().filter(|f| f.aggregate.is_none()) {
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
        let out = csv(&report);
        assert!(out.starts_with("\u{feff}\"rule\""));
        assert!(out.contains("\"placeholder\",\"placeholder\",\"error\",\"1\",\"3\""));
        assert_eq!(csv_field("=SUM(A1)"), "\"'=SUM(A1)\"");
        assert_eq!(csv_field("a\"b"), "\"a\"\"b\"");
    }
}
