//! Findings: what a rule reports, and the report that collects them.

use serde::{Deserialize, Serialize};

/// What a finding is about. The UI colours highlights by category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Placeholder,
    Structure,
    Figures,
    Boilerplate,
    Punctuation,
    Wording,
    Date,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::Placeholder,
        Category::Structure,
        Category::Figures,
        Category::Boilerplate,
        Category::Punctuation,
        Category::Wording,
        Category::Date,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Category::Placeholder => "placeholder",
            Category::Structure => "structure",
            Category::Figures => "figures",
            Category::Boilerplate => "boilerplate",
            Category::Punctuation => "punctuation",
            Category::Wording => "wording",
            Category::Date => "date",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            Category::Placeholder => "未填占位符",
            Category::Structure => "结构",
            Category::Figures => "数据",
            Category::Boilerplate => "网站残留",
            Category::Punctuation => "标点",
            Category::Wording => "用词",
            Category::Date => "日期",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Category::Placeholder => "Placeholders",
            Category::Structure => "Structure",
            Category::Figures => "Figures",
            Category::Boilerplate => "Template debris",
            Category::Punctuation => "Punctuation",
            Category::Wording => "Wording",
            Category::Date => "Dates",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn id(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Severity::Error => "Error",
            Severity::Warning => "Warning",
            Severity::Info => "Note",
        }
    }
}

/// Another place in the text that a finding involves (the other figures of a
/// sum, the first statement of a restated figure, ...). Offsets as in [`Finding`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
}

/// One problem in the text.
///
/// `start`/`end` are Unicode code-point offsets (`text == chars[start..end]`);
/// `byte_start`/`byte_end` are the same span in UTF-8 bytes. `line` and
/// `column` are 1-based, the column counted in code points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub rule: String,
    pub category: Category,
    pub severity: Severity,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: String,
    pub message: String,
    pub message_en: String,
    pub suggestion: Option<String>,
    pub byte_start: usize,
    pub byte_end: usize,
    /// The surrounding clause, for placeholders (the fill-in form shows it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// Findings that stand for many (e.g. "半角标点 212 处") carry the count
    /// and are not themselves highlighted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggregate: Option<usize>,
    /// Where the finding is as a Word user counts: the headings above it
    /// and the paragraph under the nearest one.
    #[serde(rename = "where", default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
}

/// A position as a Word user counts it: the heading path (outermost
/// first, the title only when the file holds several reports) and the
/// paragraph under the last heading of the path. A heading on a line of
/// its own is paragraph 0; a heading that opens a paragraph of body text
/// makes it paragraph 1. With no heading above, paragraphs count from the
/// top of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// Shared by every finding under the same heading.
    pub path: std::sync::Arc<[String]>,
    pub paragraph: usize,
}

impl Place {
    /// "二、存在问题 › （一）学习不够深入 › 第3段"; long headings are
    /// shortened. The heading line itself reads "… › 标题".
    pub fn label(&self, english: bool) -> String {
        let mut out = String::new();
        for h in self.path.iter() {
            out.push_str(&shorten(h, 16));
            out.push_str(" › ");
        }
        match (self.paragraph, english) {
            (0, false) => out.push_str("标题"),
            (0, true) => out.push_str("heading"),
            (n, false) => out.push_str(&format!("第{n}段")),
            (n, true) => out.push_str(&format!("paragraph {n}")),
        }
        out
    }
}

/// The first `max - 1` characters and "…" when `s` is longer than `max`.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out.push('…');
    out
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

/// A section the profile expects, and whether and where the draft has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionStatus {
    pub id: String,
    pub title: String,
    pub required: bool,
    pub found: bool,
    /// 1-based line of the heading that satisfies the section, if found.
    pub line: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// The 1-based report number when one file holds several reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<usize>,
}

/// The result of analysing one text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub profile: String,
    pub profile_reason: String,
    pub summary: Summary,
    pub sections: Vec<SectionStatus>,
    pub findings: Vec<Finding>,
    /// Headings of the draft, in order (the outline).
    pub outline: Vec<OutlineEntry>,
    pub chars: usize,
    /// How many reports the file holds, when it holds several (a template
    /// collection): each is checked on its own.
    #[serde(default, skip_serializing_if = "is_one_or_less")]
    pub reports: usize,
}

fn is_one_or_less(n: &usize) -> bool {
    *n <= 1
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutlineEntry {
    pub level: u8,
    pub title: String,
    pub line: usize,
    /// Code-point offset of the heading.
    pub start: usize,
    /// Byte offset of the heading.
    pub byte: usize,
}

impl Summary {
    pub fn count(findings: &[Finding]) -> Summary {
        let mut s = Summary::default();
        for f in findings {
            let n = f.aggregate.unwrap_or(1).max(1);
            // Aggregates summarise findings that are also listed one by one.
            if f.aggregate.is_some() {
                continue;
            }
            match f.severity {
                Severity::Error => s.error += n,
                Severity::Warning => s.warning += n,
                Severity::Info => s.info += n,
            }
        }
        s
    }
}
