//! The comparison written out: JSON for the CLI, text for people.

use super::*;

/// One side of a comparison, as the CLI's JSON names it.
#[derive(Debug, Serialize)]
pub struct Side<'a> {
    pub path: &'a str,
    pub encoding: &'a str,
    pub format: &'a str,
    pub profile: &'a str,
    pub summary: crate::Summary,
}

/// The comparison as JSON: `{"version":1,"old":{…},"new":{…},"old_year":…,
/// "new_year":…,"findings":{"new":[…],"fixed":[…],"open":[…]},"figures":[…],
/// "warnings":[…],"paragraphs":{…}}`; findings as in `check`'s output.
pub fn json(old: &Side, new: &Side, c: &Comparison) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        version: u32,
        old: &'a Side<'a>,
        new: &'a Side<'a>,
        #[serde(flatten)]
        comparison: &'a Comparison,
    }
    serde_json::to_string(&Out {
        version: 1,
        old,
        new,
        comparison: c,
    })
    .unwrap_or_default()
}

/// Characters of unchanged text kept on each side of a change in the text
/// output.
const CONTEXT: usize = 16;

/// A changed paragraph on one line: [-went-]{+came+}, long unchanged runs
/// shortened to their ends.
pub fn marked(segments: &[Segment]) -> String {
    let mut out = String::new();
    let last = segments.len().saturating_sub(1);
    for (k, s) in segments.iter().enumerate() {
        match s.op {
            Op::Deleted => out.push_str(&format!("[-{}-]", s.text)),
            Op::Inserted => out.push_str(&format!("{{+{}+}}", s.text)),
            Op::Same => {
                let n = s.text.chars().count();
                let head = if k == 0 { 0 } else { CONTEXT };
                let tail = if k == last { 0 } else { CONTEXT };
                if n <= head + tail + 1 || segments.len() == 1 {
                    out.push_str(&s.text);
                } else {
                    out.extend(s.text.chars().take(head));
                    out.push('…');
                    out.extend(s.text.chars().skip(n - tail));
                }
            }
        }
    }
    out.replace('\n', " ")
}

/// The comparison for people: the new and fixed findings, the figures,
/// the warnings and the changed paragraphs.
pub fn text(old_path: &str, new_path: &str, c: &Comparison, english: bool) -> String {
    let t = |zh: &'static str, en: &'static str| if english { en } else { zh };
    let year = |y: Option<u32>| {
        y.map_or_else(
            || t("年份不明", "year unknown").to_string(),
            |y| {
                if english {
                    y.to_string()
                } else {
                    format!("{y}年")
                }
            },
        )
    };
    let mut out = format!(
        "{} {old_path} → {new_path}（{} → {}）\n",
        t("比较", "Compare"),
        year(c.old_year),
        year(c.new_year)
    );
    let f = &c.findings;
    out.push_str(&if english {
        format!(
            "findings: {} new, {} fixed, {} still open\n",
            f.new.len(),
            f.fixed.len(),
            f.open.len()
        )
    } else {
        format!(
            "问题：新增 {}，已改正 {}，仍未改正 {}\n",
            f.new.len(),
            f.fixed.len(),
            f.open.len()
        )
    });
    let finding_line = |out: &mut String, path: &str, x: &Finding| {
        let sev = match (x.severity, english) {
            (Severity::Error, false) => "错误",
            (Severity::Warning, false) => "警告",
            (Severity::Info, false) => "提示",
            (s, true) => s.id(),
        };
        let msg = if english { &x.message_en } else { &x.message };
        out.push_str(&format!(
            "  {path}:{}:{}: {sev}[{}] {msg}\n",
            x.line, x.column, x.rule
        ));
    };
    if !f.new.is_empty() {
        out.push_str(t("新增问题：\n", "new findings:\n"));
        for x in &f.new {
            finding_line(&mut out, new_path, x);
        }
    }
    if !f.fixed.is_empty() {
        out.push_str(t("已改正：\n", "fixed:\n"));
        for x in &f.fixed {
            finding_line(&mut out, old_path, x);
        }
    }
    let count = |s: FigureStatus| c.figures.iter().filter(|g| g.status == s).count();
    out.push_str(&if english {
        format!(
            "figures: {} changed, {} unchanged, {} appeared, {} disappeared\n",
            count(FigureStatus::Changed),
            count(FigureStatus::Unchanged),
            count(FigureStatus::Appeared),
            count(FigureStatus::Disappeared)
        )
    } else {
        format!(
            "数据：变化 {}，未变 {}，新出现 {}，不再出现 {}\n",
            count(FigureStatus::Changed),
            count(FigureStatus::Unchanged),
            count(FigureStatus::Appeared),
            count(FigureStatus::Disappeared)
        )
    });
    for status in [
        FigureStatus::Changed,
        FigureStatus::Appeared,
        FigureStatus::Disappeared,
        FigureStatus::Unchanged,
    ] {
        let name = match status {
            FigureStatus::Changed => t("变化", "changed"),
            FigureStatus::Unchanged => t("未变", "unchanged"),
            FigureStatus::Appeared => t("新出现", "appeared"),
            FigureStatus::Disappeared => t("不再出现", "disappeared"),
        };
        for g in c.figures.iter().filter(|g| g.status == status) {
            let side = |a: &Option<FigureAt>| {
                a.as_ref().map_or_else(String::new, |a| {
                    if english {
                        format!("{} (line {})", a.text, a.line)
                    } else {
                        format!("{}（第{}行）", a.text, a.line)
                    }
                })
            };
            let what = match (&g.old, &g.new) {
                (Some(_), Some(_)) => format!("{} → {}", side(&g.old), side(&g.new)),
                (Some(_), None) => side(&g.old),
                _ => side(&g.new),
            };
            out.push_str(&format!("  {name}  {}：{what}\n", g.label));
        }
    }
    if !c.warnings.is_empty() {
        out.push_str(t("需要核对：\n", "to check:\n"));
        for x in &c.warnings {
            finding_line(&mut out, new_path, x);
        }
    }
    let p = &c.paragraphs;
    out.push_str(&if english {
        format!(
            "paragraphs: {} unchanged, {} changed, {} inserted, {} deleted\n",
            p.same, p.changed, p.inserted, p.deleted
        )
    } else {
        format!(
            "段落：未改 {}，修改 {}，新增 {}，删除 {}\n",
            p.same, p.changed, p.inserted, p.deleted
        )
    });
    for ch in &p.changes {
        let at = |l: Option<usize>| {
            l.map_or_else(String::new, |l| {
                if english {
                    format!("line {l}")
                } else {
                    format!("第{l}行")
                }
            })
        };
        let (sign, place) = match ch.status {
            ParagraphStatus::Changed => ('~', format!("{} → {}", at(ch.old_line), at(ch.new_line))),
            ParagraphStatus::Inserted => ('+', at(ch.new_line)),
            ParagraphStatus::Deleted => ('-', at(ch.old_line)),
        };
        let body = match ch.status {
            ParagraphStatus::Changed => marked(&ch.segments),
            _ => ch
                .segments
                .iter()
                .map(|s| s.text.as_str())
                .collect::<String>()
                .replace('\n', " "),
        };
        out.push_str(&format!("  {sign} {place}：{body}\n"));
    }
    out
}
