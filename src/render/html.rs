//! The printable annotated HTML report.

use crate::finding::{Finding, Report, Severity, Summary};

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

/// The findings listed one by one (not the aggregates), leaving out those
/// not in `kept` (indices into the findings) when it is given.
pub(super) fn kept_findings<'r>(
    report: &'r Report,
    kept: Option<&'r [usize]>,
) -> Box<dyn Iterator<Item = &'r Finding> + 'r> {
    let single = |f: &&Finding| f.aggregate.is_none();
    match kept {
        Some(k) => Box::new(
            k.iter()
                .filter_map(|&i| report.findings.get(i))
                .filter(single),
        ),
        None => Box::new(report.findings.iter().filter(single)),
    }
}

/// A printable annotated report: the verdict, the sections, the text with
/// numbered marks and a numbered list of findings, with the labels in the
/// report's language and the places as a Word user counts them. `kept`
/// leaves out the findings the user ignored: the counts and the verdict
/// are of the findings listed. Self-contained HTML with print CSS; the
/// document text is escaped, never interpreted.
pub fn html_report(
    title: &str,
    text: &str,
    report: &Report,
    english: bool,
    kept: Option<&[usize]>,
) -> String {
    let t = |zh: &'static str, en: &'static str| if english { en } else { zh };
    let listed: Vec<&Finding> = kept_findings(report, kept).collect();
    let mut counts = Summary::default();
    for f in &listed {
        match f.severity {
            Severity::Error => counts.error += 1,
            Severity::Warning => counts.warning += 1,
            Severity::Info => counts.info += 1,
        }
    }
    let verdict = match (english, counts.error, counts.warning) {
        (false, 0, 0) => "可以提交".to_string(),
        (false, 0, w) => format!("可以提交（还有 {w} 个警告）"),
        (false, e, 0) => format!("还有 {e} 个错误"),
        (false, e, w) => format!("还有 {e} 个错误、{w} 个警告"),
        (true, 0, 0) => "Ready to submit".to_string(),
        (true, 0, w) => format!("Ready to submit ({w} warnings)"),
        (true, e, w) => format!("{e} errors, {w} warnings left"),
    };
    let ignored = kept.map_or(0, |_| {
        let all = report
            .findings
            .iter()
            .filter(|f| f.aggregate.is_none())
            .count();
        all.saturating_sub(listed.len())
    });
    let profile = crate::Profile::builtin(&report.profile).map_or(report.profile.clone(), |p| {
        if english {
            p.name_en
        } else {
            p.name_zh
        }
    });
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
        "<p class=\"verdict\">{}</p><p>{} {} · {} {} · {} {} · {}：{}",
        escape_html(&verdict),
        t("错误", "Errors"),
        counts.error,
        t("警告", "Warnings"),
        counts.warning,
        t("提示", "Notes"),
        counts.info,
        t("报告类型", "Report type"),
        escape_html(&profile)
    ));
    if ignored > 0 {
        h.push_str(&format!(
            " · {} {ignored}",
            t("已忽略（未列出）", "ignored (not listed)")
        ));
    }
    h.push_str("</p>");
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
        "<h2>{}</h2><table><tr><th>#</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        t("问题清单", "Findings"),
        t("位置", "Where"),
        t("级别", "Severity"),
        t("类别", "Category"),
        t("说明", "Message"),
        t("建议", "Suggestion")
    ));
    for (n, f) in listed.iter().enumerate() {
        let place = f
            .place
            .as_ref()
            .map_or_else(|| format!("{}:{}", f.line, f.column), |p| p.label(english));
        h.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            n + 1,
            escape_html(&place),
            t(f.severity.name_zh(), f.severity.name_en()),
            t(f.category.name_zh(), f.category.name_en()),
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
        let html = html_report("<b>t</b>", text, &report, false, None);
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("<mark class=\"c-placeholder\">XX<sup>1</sup></mark>"));
    }

    const DRAFT: &str = "关于2023年度政治生态分析研判的报告\n\n一、基本情况\n\n全县共有党员XX名。\n\n二、存在问题\n\n有的支部组织生活不经常。\n\n一些干部作风不实，存在XX现象。\n";

    #[test]
    fn html_report_speaks_chinese_and_counts_what_it_lists() {
        let report = crate::analyze_auto(DRAFT);
        let errors = report.summary.error;
        assert!(errors >= 2, "{errors}");
        let html = html_report("草稿", DRAFT, &report, false, None);
        assert!(html.contains(&format!("<p>错误 {errors} · ")), "{html}");
        assert!(
            html.contains("报告类型：政治生态分析研判/评价报告"),
            "{html}"
        );
        assert!(
            html.contains("<td>二、存在问题 › 第2段</td><td>错误</td><td>未填占位符</td>"),
            "{html}"
        );
        assert!(!html.contains(">error<") && !html.contains(">political-ecology"));
        // The second XX ignored: one error fewer, and it is not listed.
        let second = report
            .findings
            .iter()
            .rposition(|f| f.text == "XX")
            .unwrap();
        let kept: Vec<usize> = (0..report.findings.len())
            .filter(|&i| i != second)
            .collect();
        let html = html_report("草稿", DRAFT, &report, false, Some(&kept));
        assert!(
            html.contains(&format!("<p>错误 {} · ", errors - 1)),
            "{html}"
        );
        assert!(html.contains("已忽略（未列出） 1</p>"), "{html}");
        assert!(!html.contains("第2段</td><td>错误"), "{html}");
        let en = html_report("draft", DRAFT, &report, true, None);
        assert!(
            en.contains("<td>二、存在问题 › paragraph 2</td><td>Error</td><td>Placeholders</td>"),
            "{en}"
        );
    }
}
