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
            if s.is_empty() {
                // A fix that deletes: “” would read as "replace with quotes".
                out.push_str(if english {
                    " (fix: delete it)"
                } else {
                    "（建议删除）"
                });
            } else if english {
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

#[cfg(test)]
mod tests {
    use super::text;
    use crate::{analyze, Profile};

    #[test]
    fn a_fix_that_deletes_says_so() {
        let draft = "关于2025年工作情况的报告\n深入开展“”专项整治，全年整改问题12个。\n";
        let report = analyze(draft, &Profile::builtin("generic").expect("built in"));
        let zh = text("d.txt", &report, false);
        assert!(
            zh.contains("d.txt:2:5: 错误[unbalanced-pair] 双引号「“”」中间是空的，里面的内容可能被删掉了：请补上，或删去这对符号（建议删除）\n"),
            "{zh}"
        );
        let en = text("d.txt", &report, true);
        assert!(
            en.contains("[unbalanced-pair]") && en.contains(" (fix: delete it)\n"),
            "{en}"
        );
        assert!(!zh.contains("建议改为“”") && !en.contains("fix: “”"));
    }
}
