//! 书名号被转换坏了。文档在不同编码或软件之间转换时，书名号《》常常
//! 变成问号或乱码：“认真贯彻?市区干部培训审批制度?要求”，或者被手工
//! 写成“<<条例>>”。两个问号之间夹着一个文件名（以“制度、条例、办法、
//! 规定、意见、通知、方案……”结尾，或以“关于”开头）时，这两个问号就是
//! 书名号，应改回《》。
//!
//! 真正的问句（“是否到位？群众满意吗？”）不会误报。
//!
//! 示例：“?市区干部培训审批制度?” → “《市区干部培训审批制度》”。
//!
//! # English
//! Title marks broken by a conversion. When a file passes between encodings
//! or programs, the title marks 《》 often turn into question marks or
//! replacement characters ("认真贯彻?市区干部培训审批制度?要求"), or are typed
//! as "<<条例>>". Two such marks around a document name (ending in 制度, 条例,
//! 办法, 规定, 意见, 通知, 方案 … or starting with 关于) are title marks and
//! should be 《》 again. Real questions are left alone.

use super::support_titles::QuestionMarks;
use super::{Ctx, Emitter};
use crate::re::Regex;
use crate::text::class::is_han;
use crate::text::seeds::{self, Seeds};
use std::sync::OnceLock;

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "title-mark-substitute",
    category: crate::Category::Punctuation,
    severity: crate::Severity::Error,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let text = ctx.doc.text;
    let marks = QuestionMarks::new(text);
    for p in &ctx.doc.paragraphs {
        for (a, b) in marks.title_pairs(p.start, p.end) {
            let Some(span) = text.get(a..b) else {
                continue;
            };
            let mut inner = span.chars();
            inner.next();
            inner.next_back();
            let title = inner.as_str();
            emit(out, a, b, span, title);
        }
    }
    static ANGLE: OnceLock<Regex> = OnceLock::new();
    let angle = ANGLE.get_or_init(|| Regex::new(r"<<([^<>\n]{1,60}?)>>").expect("valid regex"));
    // A match holds << and no line break: search the lines with <<.
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    let seeds = SEEDS.get_or_init(|| Seeds::new(&["<<"], false));
    for (at, line) in seeds::trigger_lines(text, seeds) {
        for cap in angle.captures_iter(line) {
            let (Some(all), Some(inner)) = (cap.get(0), cap.get(1)) else {
                continue;
            };
            if inner.as_str().chars().any(is_han) {
                let start = at + all.start();
                emit(out, start, at + all.end(), all.as_str(), inner.as_str());
            }
        }
    }
}

fn emit(out: &mut Emitter, start: usize, end: usize, span: &str, title: &str) {
    out.error(
        start,
        end,
        format!("“{span}”中的符号应是书名号（转换时损坏）：改为《{title}》"),
        format!("The marks in \"{span}\" stand for title marks broken by a conversion: write 《{title}》"),
    )
    .suggest(format!("《{title}》"));
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{apply_fixes, assert_flags, assert_silent, flagged};

    const RULE: &str = "title-mark-substitute";

    #[test]
    fn restores_title_marks() {
        assert_eq!(
            apply_fixes(RULE, "认真贯彻?市区干部培训审批制度?要求。"),
            "认真贯彻《市区干部培训审批制度》要求。"
        );
        assert_eq!(
            apply_fixes(
                RULE,
                "学习？关于新形势下党内政治生活的若干准则？和<<中国共产党纪律处分条例>>。"
            ),
            "学习《关于新形势下党内政治生活的若干准则》和《中国共产党纪律处分条例》。"
        );
        assert_flags(RULE, &["印发\u{FFFD}党风廉政建设责任清单\u{FFFD}。"]);
    }

    #[test]
    fn real_questions_are_silent() {
        assert_silent(
            RULE,
            &[
                "是否到位?群众满意吗?",
                "怎么办？如何落实制度？",
                "制度建设到位了吗?执行是否严格?",
                "a<<b>>c",
            ],
        );
        assert!(flagged(RULE, "问题在哪?在于制度?").is_empty());
    }
}
