//! Many drafts at once: one row per file for the collector (汇总) who
//! gathers the reports of 20–40 units and sends back those not ready —
//! the report type, the verdict, the findings per category and the first
//! error, or why the file could not be read. Each file's analysis is the
//! usual one, so a batch costs the sum of its files (linear in their size);
//! the rows are built from the analyses without owning their findings.
//!
//! The CLI (`draftcheck check DIR… --summary`) and the web app's batch
//! table share the rows, their order and their CSV and HTML renderings.

use crate::decode::LoadError;
use crate::finding::{Category, Report, Severity, Summary};
use crate::render::escape_html;
use crate::{Analysis, Profile};

/// File extensions a folder is searched for (case-insensitive). Other
/// files in a folder are skipped and counted; a file named on its own is
/// always checked (and refused with the reason when it is not a report).
pub const EXTENSIONS: [&str; 3] = ["txt", "md", "docx"];

/// A file found in a folder that is worth checking: a .txt, .md or .docx
/// that is not hidden (.DS_Store, ._report.docx) and not one of Word's
/// lock files (~$report.docx, left next to an open document).
pub fn is_checkable(name: &str) -> bool {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    if file.starts_with('.') || file.starts_with("~$") {
        return false;
    }
    file.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && EXTENSIONS.iter().any(|e| ext.eq_ignore_ascii_case(e))
    })
}

/// The first error-severity finding of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirstError {
    pub line: usize,
    pub column: usize,
    pub rule: String,
    pub text: String,
    pub message: String,
    pub message_en: String,
}

/// One file of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub path: String,
    /// The report type's id, and its names; empty when the file could not
    /// be read.
    pub profile: String,
    pub profile_zh: String,
    pub profile_en: String,
    pub summary: Summary,
    /// Findings per category, in [`Category::ALL`] order (aggregates such
    /// as "半角标点 N 处" left out: their findings are counted one by one).
    pub by_category: [usize; 7],
    pub first_error: Option<FirstError>,
    /// Why the file could not be read (Chinese, English).
    pub failure: Option<(String, String)>,
}

/// What a row needs of one finding.
struct Seen<'a> {
    category: Category,
    severity: Severity,
    aggregate: bool,
    line: usize,
    column: usize,
    rule: &'a str,
    text: &'a str,
    message: &'a str,
    message_en: &'a str,
}

impl Row {
    /// The row of an analysed file. `profiles` name the report types (the
    /// built-in ones and any given); an unknown id is shown as it is.
    pub fn from_analysis(path: &str, analysis: &Analysis, profiles: &[Profile]) -> Row {
        let seen = analysis.findings().map(|f| Seen {
            category: f.category,
            severity: f.severity,
            aggregate: f.aggregate.is_some(),
            line: f.line,
            column: f.column,
            rule: f.rule,
            text: f.text,
            message: f.message,
            message_en: f.message_en,
        });
        Row::build(path, analysis.head(), seen, profiles)
    }

    /// The row of a file whose report is at hand (the web app's workbench).
    pub fn from_report(path: &str, report: &Report, profiles: &[Profile]) -> Row {
        let seen = report.findings.iter().map(|f| Seen {
            category: f.category,
            severity: f.severity,
            aggregate: f.aggregate.is_some(),
            line: f.line,
            column: f.column,
            rule: &f.rule,
            text: &f.text,
            message: &f.message,
            message_en: &f.message_en,
        });
        Row::build(path, report, seen, profiles)
    }

    /// The row of a file that could not be read.
    pub fn unreadable(path: &str, error: &LoadError) -> Row {
        Row {
            path: path.to_string(),
            profile: String::new(),
            profile_zh: String::new(),
            profile_en: String::new(),
            summary: Summary::default(),
            by_category: [0; 7],
            first_error: None,
            failure: Some((error.message.clone(), error.message_en.clone())),
        }
    }

    fn build<'a>(
        path: &str,
        head: &Report,
        findings: impl Iterator<Item = Seen<'a>>,
        profiles: &[Profile],
    ) -> Row {
        let mut by_category = [0; 7];
        let mut first_error = None;
        for f in findings.filter(|f| !f.aggregate) {
            if let Some(k) = Category::ALL.iter().position(|&c| c == f.category) {
                by_category[k] += 1;
            }
            if first_error.is_none() && f.severity == Severity::Error {
                first_error = Some(FirstError {
                    line: f.line,
                    column: f.column,
                    rule: f.rule.to_string(),
                    text: f.text.to_string(),
                    message: f.message.to_string(),
                    message_en: f.message_en.to_string(),
                });
            }
        }
        let named = profiles.iter().rev().find(|p| p.id == head.profile);
        Row {
            path: path.to_string(),
            profile: head.profile.clone(),
            profile_zh: named.map_or_else(|| head.profile.clone(), |p| p.name_zh.clone()),
            profile_en: named.map_or_else(|| head.profile.clone(), |p| p.name_en.clone()),
            summary: head.summary,
            by_category,
            first_error,
            failure: None,
        }
    }

    /// Read, and without errors: ready to submit (warnings may remain).
    pub fn ready(&self) -> bool {
        self.failure.is_none() && self.summary.error == 0
    }

    /// All findings, aggregates left out.
    pub fn total(&self) -> usize {
        self.summary.error + self.summary.warning + self.summary.info
    }

    /// "可以提交", "还有 3 个错误、1 个警告" or "无法读取".
    pub fn verdict_zh(&self) -> String {
        if self.failure.is_some() {
            return "无法读取".to_string();
        }
        match (self.summary.error, self.summary.warning) {
            (0, 0) => "可以提交".to_string(),
            (0, w) => format!("可以提交（还有 {w} 个警告）"),
            (e, 0) => format!("还有 {e} 个错误"),
            (e, w) => format!("还有 {e} 个错误、{w} 个警告"),
        }
    }

    pub fn verdict_en(&self) -> String {
        if self.failure.is_some() {
            return "cannot be read".to_string();
        }
        match (self.summary.error, self.summary.warning) {
            (0, 0) => "ready to submit".to_string(),
            (0, w) => format!("ready to submit ({w} warnings)"),
            (e, w) => format!("{e} errors, {w} warnings left"),
        }
    }

    /// The first error as "line:column message", or the reason the file
    /// could not be read.
    pub fn first_problem(&self, english: bool) -> String {
        if let Some((zh, en)) = &self.failure {
            return if english { en.clone() } else { zh.clone() };
        }
        self.first_error.as_ref().map_or_else(String::new, |f| {
            let msg = if english { &f.message_en } else { &f.message };
            format!("{}:{} {msg}", f.line, f.column)
        })
    }

    pub fn profile_name(&self, english: bool) -> &str {
        if english {
            &self.profile_en
        } else {
            &self.profile_zh
        }
    }
}

/// What the rows can be ordered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// By path.
    Name,
    /// Worst first: unreadable files, then by errors, then by warnings.
    Verdict,
    /// Most findings first.
    Count,
    /// Most findings of one category first.
    Category(Category),
}

impl SortKey {
    /// The key as the CLI's `--sort` and the table's headers name it.
    pub fn id(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Verdict => "verdict",
            SortKey::Count => "count",
            SortKey::Category(c) => c.id(),
        }
    }

    pub fn from_id(id: &str) -> Option<SortKey> {
        match id {
            "name" => Some(SortKey::Name),
            "verdict" => Some(SortKey::Verdict),
            "count" => Some(SortKey::Count),
            _ => Category::ALL
                .into_iter()
                .find(|c| c.id() == id)
                .map(SortKey::Category),
        }
    }
}

/// The order of `rows` by `key` (ties by path, then as given); `reverse`
/// turns it round (best first, fewest first, Z to A).
pub fn order(rows: &[Row], key: SortKey, reverse: bool) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..rows.len()).collect();
    let rank = |r: &Row| -> (usize, usize, usize) {
        match key {
            SortKey::Name => (0, 0, 0),
            SortKey::Verdict => (
                usize::from(r.failure.is_none()),
                usize::MAX - r.summary.error,
                usize::MAX - r.summary.warning,
            ),
            SortKey::Count => (usize::from(r.failure.is_none()), usize::MAX - r.total(), 0),
            SortKey::Category(c) => {
                let k = Category::ALL.iter().position(|&x| x == c).unwrap_or(0);
                (
                    usize::from(r.failure.is_none()),
                    usize::MAX - r.by_category.get(k).copied().unwrap_or(0),
                    0,
                )
            }
        }
    };
    // Tens of rows, hundreds at most: a binary insertion sort (stable),
    // rather than another copy of the standard sort in the web build.
    let before = |a: usize, b: usize| {
        let (ra, rb) = (&rows[a], &rows[b]);
        (rank(ra), &ra.path) < (rank(rb), &rb.path)
    };
    for k in 1..idx.len() {
        let item = idx[k];
        let at = idx[..k].partition_point(|&x| !before(item, x));
        idx.copy_within(at..k, at + 1);
        idx[at] = item;
    }
    if reverse {
        idx.reverse();
    }
    idx
}

/// How a batch went.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub files: usize,
    pub ready: usize,
    /// Read, with errors.
    pub not_ready: usize,
    pub unreadable: usize,
}

pub fn totals(rows: &[Row]) -> Totals {
    let mut t = Totals {
        files: rows.len(),
        ..Totals::default()
    };
    for r in rows {
        if r.failure.is_some() {
            t.unreadable += 1;
        } else if r.ready() {
            t.ready += 1;
        } else {
            t.not_ready += 1;
        }
    }
    t
}

/// "共 5 个文件：2 个可以提交，2 个还有错误，1 个无法读取", and the skipped
/// files when a folder was searched.
pub fn totals_line(rows: &[Row], skipped: Option<usize>, english: bool) -> String {
    let t = totals(rows);
    let mut s = if english {
        format!(
            "{} files: {} ready to submit, {} with errors, {} cannot be read",
            t.files, t.ready, t.not_ready, t.unreadable
        )
    } else {
        format!(
            "共 {} 个文件：{} 个可以提交，{} 个还有错误，{} 个无法读取",
            t.files, t.ready, t.not_ready, t.unreadable
        )
    };
    if let Some(n) = skipped.filter(|&n| n > 0) {
        s.push_str(if english { "; " } else { "；" });
        s.push_str(&skipped_note(n, english));
    }
    s
}

/// "跳过 3 个其他文件" (files in a folder that are not .txt/.md/.docx).
pub fn skipped_note(n: usize, english: bool) -> String {
    if english {
        format!("skipped {n} other files")
    } else {
        format!("跳过 {n} 个其他文件")
    }
}

fn headers(english: bool) -> Vec<&'static str> {
    let mut h = if english {
        vec!["File", "Type", "Verdict", "Errors", "Warnings", "Notes"]
    } else {
        vec!["文件", "报告类型", "结论", "错误", "警告", "提示"]
    };
    h.extend(
        Category::ALL
            .iter()
            .map(|c| if english { c.name_en() } else { c.name_zh() }),
    );
    h.push(if english {
        "First error"
    } else {
        "首个错误"
    });
    h
}

fn cells(r: &Row, english: bool) -> Vec<String> {
    let mut c = vec![
        r.path.clone(),
        r.profile_name(english).to_string(),
        if english {
            r.verdict_en()
        } else {
            r.verdict_zh()
        },
    ];
    let readable = r.failure.is_none();
    let count = |n: usize| {
        if readable {
            n.to_string()
        } else {
            String::new()
        }
    };
    c.push(count(r.summary.error));
    c.push(count(r.summary.warning));
    c.push(count(r.summary.info));
    c.extend(r.by_category.iter().map(|&n| count(n)));
    c.push(r.first_problem(english));
    c
}

/// Display columns: CJK and full-width forms take two.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| if (c as u32) < 0x1100 { 1 } else { 2 })
        .sum()
}

/// The table as text, one line per row in the order given, aligned in
/// display columns (CJK characters are two wide), then the totals.
pub fn text_table(rows: &[Row], order: &[usize], skipped: Option<usize>, english: bool) -> String {
    let head = headers(english);
    let body: Vec<Vec<String>> = order
        .iter()
        .filter_map(|&i| rows.get(i))
        .map(|r| cells(r, english))
        .collect();
    let mut widths: Vec<usize> = head.iter().map(|h| width(h)).collect();
    for row in &body {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(c));
        }
    }
    let last = head.len() - 1;
    let mut out = String::new();
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut l = String::new();
        for (k, c) in cells.enumerate() {
            l.push_str(c);
            if k < last {
                let pad = widths[k] - width(c) + 2;
                l.extend(std::iter::repeat_n(' ', pad));
            }
        }
        out.push_str(l.trim_end());
        out.push('\n');
    };
    line(&mut head.iter().copied());
    for row in &body {
        line(&mut row.iter().map(String::as_str));
    }
    out.push_str(&totals_line(rows, skipped, english));
    out.push('\n');
    out
}

fn csv_field(s: &str) -> String {
    // A leading = + - @ would make Excel evaluate the cell as a formula
    // (as render::csv guards the findings' CSV).
    let guard = if s.starts_with(['=', '+', '-', '@']) {
        "'"
    } else {
        ""
    };
    format!("\"{guard}{}\"", s.replace('"', "\"\""))
}

/// The table as CSV for Excel: UTF-8 with a BOM, CRLF line ends, every
/// field quoted, the rows in the order given.
pub fn csv(rows: &[Row], order: &[usize], english: bool) -> String {
    let mut out = String::from("\u{feff}");
    let line = |cells: Vec<String>| cells.iter().map(|c| csv_field(c)).collect::<Vec<_>>();
    out.push_str(&line(headers(english).into_iter().map(String::from).collect()).join(","));
    out.push_str("\r\n");
    for r in order.iter().filter_map(|&i| rows.get(i)) {
        out.push_str(&line(cells(r, english)).join(","));
        out.push_str("\r\n");
    }
    out
}

/// A printable summary of the batch: the totals and the table, in
/// self-contained HTML with print CSS; every name and message escaped.
pub fn html(title: &str, rows: &[Row], order: &[usize], english: bool) -> String {
    let t = |zh: &'static str, en: &'static str| if english { en } else { zh };
    let mut h = String::from("<!DOCTYPE html><html><head><meta charset=\"utf-8\">");
    h.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
    h.push_str(&format!(
        "<title>{} — {}</title>",
        escape_html(title),
        t("稿检汇总", "DraftCheck summary")
    ));
    h.push_str("<style>body{font-family:'Microsoft YaHei','PingFang SC','Noto Sans CJK SC',sans-serif;margin:24px;color:#111}\
        h1{font-size:20px}table{border-collapse:collapse;width:100%;margin-top:12px}\
        td,th{border:1px solid #bbb;padding:4px 6px;font-size:13px;vertical-align:top;text-align:left}\
        td.n{text-align:right}tr.bad td:nth-child(3){color:#b71c1c;font-weight:bold}tr.ok td:nth-child(3){color:#1b5e20}\
        @media print{body{margin:0}tr{break-inside:avoid}}</style></head><body>");
    h.push_str(&format!(
        "<h1>{}：{}</h1><p>{}</p><table><tr>",
        t("稿检汇总", "DraftCheck summary"),
        escape_html(title),
        escape_html(&totals_line(rows, None, english))
    ));
    for c in headers(english) {
        h.push_str(&format!("<th>{}</th>", escape_html(c)));
    }
    h.push_str("</tr>");
    for r in order.iter().filter_map(|&i| rows.get(i)) {
        h.push_str(if r.ready() {
            "<tr class=\"ok\">"
        } else {
            "<tr class=\"bad\">"
        });
        for (k, c) in cells(r, english).iter().enumerate() {
            let numeric = (3..3 + 3 + Category::ALL.len()).contains(&k);
            h.push_str(if numeric { "<td class=\"n\">" } else { "<td>" });
            h.push_str(&escape_html(c));
            h.push_str("</td>");
        }
        h.push_str("</tr>");
    }
    h.push_str("</table></body></html>");
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analysis, Config, Hints, ProfileChoice};

    fn row(path: &str, text: &str) -> Row {
        let a = analysis(
            text,
            &ProfileChoice::Auto,
            &Config::default(),
            &Hints::default(),
        );
        Row::from_analysis(path, &a, &Profile::builtins())
    }

    /// A work summary with all its sections, one placeholder and one
    /// half-width comma.
    const DRAFT: &str = "某县2023年度工作总结\n一、主要工作\n全县共有党员XX名,比上年增加5%。\n二、存在问题\n学习不够深入。\n三、下一步工作打算\n继续抓好落实。\n";
    const CLEAN: &str = "某县2023年度工作总结\n一、主要工作\n全年完成任务12项。\n二、存在问题\n学习不够深入。\n三、下一步工作打算\n继续抓好落实。\n";

    #[test]
    fn checkable_files() {
        for yes in ["a.txt", "b/报告.DOCX", "c\\d.Md", "x.y.txt"] {
            assert!(is_checkable(yes), "{yes}");
        }
        for no in [
            "photo.png",
            "a.doc",
            ".txt",
            ".hidden.txt",
            "dir/~$报告.docx",
            "._报告.docx",
            "README",
            "a.txt.bak",
        ] {
            assert!(!is_checkable(no), "{no}");
        }
    }

    #[test]
    fn a_row_counts_by_category_and_names_the_first_error() {
        let r = row("单位甲.txt", DRAFT);
        assert_eq!(r.profile, "work-summary");
        assert_eq!(r.profile_zh, "工作总结");
        assert_eq!(
            (r.summary.error, r.summary.warning, r.summary.info),
            (1, 0, 1)
        );
        // The placeholder and one half-width comma (its summary line left out).
        let mut expected = [0; 7];
        expected[0] = 1;
        expected[4] = 1;
        assert_eq!(r.by_category, expected);
        let first = r.first_error.as_ref().unwrap();
        assert_eq!(
            (
                first.line,
                first.column,
                first.rule.as_str(),
                first.text.as_str()
            ),
            (3, 7, "placeholder", "XX")
        );
        assert_eq!(r.verdict_zh(), "还有 1 个错误");
        assert_eq!(r.verdict_en(), "1 errors, 0 warnings left");
        assert!(
            r.first_problem(false).starts_with("3:7 "),
            "{}",
            r.first_problem(false)
        );
        assert!(!r.ready());
        // The same row from the report as from the analysis.
        let report = crate::analyze_auto(DRAFT);
        assert_eq!(
            Row::from_report("单位甲.txt", &report, &Profile::builtins()),
            r
        );
    }

    fn rows() -> Vec<Row> {
        vec![
            row("b.txt", CLEAN),
            row("a.txt", DRAFT),
            Row::unreadable("c.docx", &LoadError::new("已损坏", "damaged")),
            row("d.txt", "工作总结\n共有XX个单位，XX名党员,XX项任务。\n"),
        ]
    }

    #[test]
    fn orders() {
        let rows = rows();
        let names = |o: Vec<usize>| o.iter().map(|&i| rows[i].path.as_str()).collect::<Vec<_>>();
        assert_eq!(
            names(order(&rows, SortKey::Verdict, false)),
            ["c.docx", "d.txt", "a.txt", "b.txt"]
        );
        assert_eq!(
            names(order(&rows, SortKey::Verdict, true)),
            ["b.txt", "a.txt", "d.txt", "c.docx"]
        );
        assert_eq!(
            names(order(&rows, SortKey::Name, false)),
            ["a.txt", "b.txt", "c.docx", "d.txt"]
        );
        assert_eq!(
            names(order(&rows, SortKey::Count, false)),
            ["c.docx", "d.txt", "a.txt", "b.txt"]
        );
        assert_eq!(
            names(order(
                &rows,
                SortKey::Category(Category::Punctuation),
                false
            )),
            ["c.docx", "a.txt", "d.txt", "b.txt"]
        );
        assert_eq!(rows[0].verdict_zh(), "可以提交");
        assert!(rows[0].ready() && rows[0].first_problem(false).is_empty());
        for k in ["name", "verdict", "count", "figures"] {
            assert_eq!(SortKey::from_id(k).map(SortKey::id), Some(k));
        }
        assert_eq!(SortKey::from_id("size"), None);
    }

    #[test]
    fn table_csv_and_html() {
        let rows = rows();
        let o = order(&rows, SortKey::Verdict, false);
        let t = text_table(&rows, &o, Some(2), false);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines.len(), 6);
        assert!(lines[0].starts_with("文件    报告类型"), "{}", lines[0]);
        assert!(lines[1].starts_with("c.docx  "), "{}", lines[1]);
        assert!(lines[1].contains("无法读取") && lines[1].ends_with("已损坏"));
        // Columns line up in display width (CJK two wide).
        let col = |l: &str, needle: &str| width(&l[..l.find(needle).unwrap()]);
        assert_eq!(col(lines[0], "结论"), col(lines[4], "可以提交"));
        assert_eq!(
            lines[5],
            "共 4 个文件：1 个可以提交，2 个还有错误，1 个无法读取；跳过 2 个其他文件"
        );
        let csv = csv(&rows, &o, true);
        assert!(csv.starts_with("\u{feff}\"File\",\"Type\",\"Verdict\""));
        let second = csv.split("\r\n").nth(2).unwrap();
        assert_eq!(
            second,
            "\"d.txt\",\"Work summary\",\"3 errors, 0 warnings left\",\"3\",\"0\",\"1\",\
             \"3\",\"0\",\"0\",\"0\",\"1\",\"0\",\"0\",\
             \"2:3 Unfilled placeholder \"\"XX\"\": a blank left by the template; fill in the real figure, name or date\""
        );
        let html = html("<第一批>", &rows, &o, false);
        assert!(html.contains("&lt;第一批&gt;") && !html.contains("<第一批>"));
        assert_eq!(html.matches("<tr class=").count(), 4);
    }
}
