//! Renderers: the CLI's JSON contract and the human-readable text format.

use crate::finding::{Report, Severity};
use serde::Serialize;

/// One checked file in the CLI's JSON output.
#[derive(Debug, Serialize)]
pub struct FileReport<'a> {
    pub path: &'a str,
    pub encoding: &'a str,
    /// "txt", "md" or "docx".
    pub format: &'a str,
    /// What the user should know about reading the file (lossy decoding,
    /// accepted tracked changes …), in Chinese.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    #[serde(flatten)]
    pub report: &'a Report,
}

/// A file that could not be read.
#[derive(Debug, Serialize)]
pub struct FileError<'a> {
    pub path: &'a str,
    pub message: &'a str,
}

#[derive(Debug, Serialize)]
pub struct JsonOutput<'a> {
    pub version: u32,
    pub files: Vec<FileReport<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FileError<'a>>,
}

pub fn json(out: &JsonOutput) -> String {
    serde_json::to_string(out).unwrap_or_else(|e| {
        format!("{{\"version\":1,\"files\":[],\"errors\":[{{\"path\":\"\",\"message\":\"{e}\"}}]}}")
    })
}

/// The verdict line: "可以提交" or "还有 N 个错误、M 个警告".
pub fn verdict_zh(report: &Report) -> String {
    let s = report.summary;
    match (s.error, s.warning) {
        (0, 0) => "可以提交".to_string(),
        (0, w) => format!("可以提交（还有 {w} 个警告）"),
        (e, 0) => format!("还有 {e} 个错误"),
        (e, w) => format!("还有 {e} 个错误、{w} 个警告"),
    }
}

pub fn verdict_en(report: &Report) -> String {
    let s = report.summary;
    match (s.error, s.warning) {
        (0, 0) => "ready to submit".to_string(),
        (0, w) => format!("ready to submit ({w} warnings)"),
        (e, w) => format!("{e} errors, {w} warnings left"),
    }
}

/// file:line:col: severity[rule] message, one per finding, then the verdict.
pub fn text(path: &str, report: &Report, english: bool) -> String {
    let mut out = String::new();
    for f in &report.findings {
        if f.aggregate.is_some() {
            continue;
        }
        let sev = match (f.severity, english) {
            (Severity::Error, false) => "错误",
            (Severity::Warning, false) => "警告",
            (Severity::Info, false) => "提示",
            (s, true) => s.id(),
        };
        let msg = if english { &f.message_en } else { &f.message };
        out.push_str(&format!(
            "{path}:{}:{}: {sev}[{}] {msg}",
            f.line, f.column, f.rule
        ));
        if let Some(s) = &f.suggestion {
            if english {
                out.push_str(&format!(" (fix: “{s}”)"));
            } else {
                out.push_str(&format!("（建议改为“{s}”）"));
            }
        }
        out.push('\n');
    }
    let verdict = if english {
        verdict_en(report)
    } else {
        verdict_zh(report)
    };
    out.push_str(&format!(
        "{path}: {verdict}（错误 {}，警告 {}，提示 {}；类型：{}）\n",
        report.summary.error, report.summary.warning, report.summary.info, report.profile
    ));
    out
}

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

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A printable annotated report: the verdict, the sections, the text with
/// numbered marks and a numbered list of findings. Self-contained HTML with
/// print CSS; the document text is escaped, never interpreted.
pub fn html_report(title: &str, text: &str, report: &Report, english: bool) -> String {
    let t = |zh: &'static str, en: &'static str| if english { en } else { zh };
    let verdict = if english {
        verdict_en(report)
    } else {
        verdict_zh(report)
    };
    let mut h = String::new();
    h.push_str("<!DOCTYPE html><html><head><meta charset=\"utf-8\">");
    h.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
    h.push_str(&format!(
        "<title>{} — {}</title>",
        escape_html(title),
        t("稿检报告", "DraftCheck report")
    ));
    h.push_str("<style>body{font-family:'Microsoft YaHei','PingFang SC','Noto Sans CJK SC',sans-serif;margin:24px;color:#111}\
        h1{font-size:20px}.verdict{font-size:18px;font-weight:bold}.text{white-space:pre-wrap;font-family:FangSong,serif;line-height:2;border:1px solid #ccc;padding:12px}\
        mark{background:#ffe1de;border-bottom:2px solid #c62828}mark sup{color:#c62828;font-size:10px}\
        mark.c-figures{background:#dde9fb}mark.c-structure{background:#efe0f7}mark.c-punctuation{background:#d9f2ee}mark.c-wording{background:#fbecc8}mark.c-boilerplate{background:#e6e9ee}mark.c-date{background:#fbe0ec}\
        table{border-collapse:collapse;width:100%;margin-top:12px}td,th{border:1px solid #bbb;padding:4px 6px;font-size:13px;vertical-align:top;text-align:left}\
        @media print{body{margin:0}.text{border:0}tr{break-inside:avoid}}</style></head><body>");
    h.push_str(&format!(
        "<h1>{}：{}</h1>",
        t("稿检报告", "DraftCheck report"),
        escape_html(title)
    ));
    h.push_str(&format!(
        "<p class=\"verdict\">{}</p><p>{} {} · {} {} · {} {} · {} {}</p>",
        escape_html(&verdict),
        t("错误", "Errors"),
        report.summary.error,
        t("警告", "Warnings"),
        report.summary.warning,
        t("提示", "Notes"),
        report.summary.info,
        t("报告类型", "Profile"),
        escape_html(&report.profile)
    ));
    if !report.sections.is_empty() {
        h.push_str(&format!("<h2>{}</h2><ul>", t("必备部分", "Sections")));
        for s in &report.sections {
            h.push_str(&format!(
                "<li>{} {}</li>",
                if s.found { "✓" } else { "✗" },
                escape_html(&s.title)
            ));
        }
        h.push_str("</ul>");
    }
    let listed: Vec<&crate::Finding> = report
        .findings
        .iter()
        .filter(|f| f.aggregate.is_none())
        .collect();
    h.push_str(&format!(
        "<h2>{}</h2><div class=\"text\">",
        t("正文（标注）", "Annotated text")
    ));
    let mut pos = 0;
    for (n, f) in listed.iter().enumerate() {
        if f.byte_start < pos || f.byte_end < f.byte_start || f.byte_end > text.len() {
            continue;
        }
        h.push_str(&escape_html(text.get(pos..f.byte_start).unwrap_or("")));
        h.push_str(&format!(
            "<mark class=\"c-{}\">{}<sup>{}</sup></mark>",
            f.category.id(),
            escape_html(text.get(f.byte_start..f.byte_end).unwrap_or("")),
            n + 1
        ));
        pos = f.byte_end;
    }
    h.push_str(&escape_html(text.get(pos..).unwrap_or("")));
    h.push_str("</div>");
    h.push_str(&format!(
        "<h2>{}</h2><table><tr><th>#</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        t("问题清单", "Findings"),
        t("位置", "Where"),
        t("级别", "Severity"),
        t("说明", "Message"),
        t("建议", "Suggestion")
    ));
    for (n, f) in listed.iter().enumerate() {
        h.push_str(&format!(
            "<tr><td>{}</td><td>{}:{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            n + 1,
            f.line,
            f.column,
            f.severity.id(),
            escape_html(if english { &f.message_en } else { &f.message }),
            escape_html(f.suggestion.as_deref().unwrap_or(""))
        ));
    }
    h.push_str("</table></body></html>");
    h
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

    #[test]
    fn html_report_escapes_the_text() {
        let text = "<script>alert(1)</script>共有XX人";
        let report = crate::analyze_auto(text);
        let html = html_report("<b>t</b>", text, &report, false);
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("<mark class=\"c-placeholder\">XX<sup>1</sup></mark>"));
    }
}
