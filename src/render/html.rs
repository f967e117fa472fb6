//! The printable annotated HTML report.

use super::text::{verdict_en, verdict_zh};
use crate::finding::Report;

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
    fn html_report_escapes_the_text() {
        let text = "<script>alert(1)</script>共有XX人";
        let report = crate::analyze_auto(text);
        let html = html_report("<b>t</b>", text, &report, false);
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("<mark class=\"c-placeholder\">XX<sup>1</sup></mark>"));
    }
}
