//! The text format: one line per finding, then the verdict.

use crate::finding::{Report, Severity};

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
