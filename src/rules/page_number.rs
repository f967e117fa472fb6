//! 页眉页脚里的页码混进了正文。从 PDF 或 Word 复制、转换文字时，每一页
//! 底部的页码会变成单独的一行夹在正文中间：“第 2 页 共 3 页”“第3页/共10页”
//! “共10页 第6页”“- 4 -”“— 5 —”“Page 2 of 3”。它不是报告内容，交上去
//! 一眼就能看出是复制来的，请删去这一行（可一键删除）。
//!
//! 只报单独成行、整行只有页码的写法；正文句子里的“第2页”“共3页”（如
//! “详见附件第2页”）不报，文库网站的“本文档共12页”由“模板网站残留”
//! 报告。
//!
//! # English
//! A page header or footer's page number carried into the body. Text copied
//! or converted from a PDF or a Word file keeps each page's number as a line
//! of its own in the middle of the text: 第 2 页 共 3 页, 第3页/共10页,
//! 共10页 第6页, - 4 -, — 5 —, Page 2 of 3. It is not part of the report and
//! shows that the text was copied; delete the line (one click). Only a line
//! that holds nothing but the page number is reported: 第2页 inside a
//! sentence (详见附件第2页) is not, and a sharing site's 本文档共12页 is
//! template-debris's.

use super::template_debris::whole_lines;
use super::{Ctx, Emitter};
use crate::re::Regex;
use std::sync::OnceLock;

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "page-number",
    category: crate::Category::Boilerplate,
    severity: crate::Severity::Error,
    check,
};

/// A whole line (trimmed) that is a page number.
fn page_line() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let n = "[0-9０-９]{1,4}";
        let s = r"[ \t\u{3000}]*";
        let sep = r"[ \t\u{3000}，,、/／|｜]*";
        Regex::new(&format!(
            concat!(
                r"^(?:",
                // 第 2 页 / 第2页，共10页 / 第 2 页 共 3 页
                r"第{s}(?P<a>{n}){s}页(?:{sep}共{s}(?P<b>{n}){s}页)?",
                // 共10页 第6页
                r"|共{s}(?P<c>{n}){s}页{sep}第{s}(?P<d>{n}){s}页",
                // - 4 -, — 5 —, －12－
                r"|[-－—–]{{1,2}}{s}{n}{s}[-－—–]{{1,2}}",
                // Page 2 of 3
                r"|(?i-u:page){s}(?P<e>[0-9]{{1,4}}){s}(?:(?i-u:of){s}(?P<f>[0-9]{{1,4}}))?",
                r")$"
            ),
            n = n,
            s = s,
            sep = sep,
        ))
        .expect("valid regex")
    })
}

/// 12 or １２.
fn value(s: &str) -> Option<u32> {
    s.chars().try_fold(0u32, |n, c| {
        n.checked_mul(10)?
            .checked_add(crate::numbers::digit_value(c)?)
    })
}

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let doc = ctx.doc;
    for line in &doc.lines {
        let raw = doc.slice(line.start, line.end);
        // Cheap test first: every form has 页, a dash or "age".
        if !(raw.contains('页') || raw.contains(['-', '－', '—', '–']) || raw.contains("age"))
        {
            continue;
        }
        let trimmed = raw.trim_matches(|c: char| c.is_whitespace());
        if trimmed.is_empty() || trimmed.chars().count() > 24 {
            continue;
        }
        let Some(caps) = page_line().captures(trimmed) else {
            continue;
        };
        // The page is not past the count: 第12页 共3页 is something else.
        let pair = [("a", "b"), ("d", "c"), ("e", "f")]
            .iter()
            .find_map(|&(p, t)| {
                let page = caps.name(p).and_then(|m| value(m.as_str()))?;
                Some((page, caps.name(t).and_then(|m| value(m.as_str()))))
            });
        if let Some((page, Some(total))) = pair {
            if page == 0 || page > total {
                continue;
            }
        }
        let at =
            line.start + (raw.len() - raw.trim_start_matches(|c: char| c.is_whitespace()).len());
        let end = at + trimmed.len();
        let (s, e) = whole_lines(doc, at, end);
        out.error(
            s,
            e,
            format!("页码“{trimmed}”是页眉页脚转换时混进正文的：不是报告内容，请删去这一行"),
            format!("The page number \"{trimmed}\" came from a page header or footer: it is not part of the report; delete the line"),
        )
        .suggest("");
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{apply_fixes, assert_silent, findings_of, flagged};

    const RULE: &str = "page-number";

    #[test]
    fn page_number_lines_are_deleted() {
        let t = "一、基本情况\n全年完成各项任务。\n第 2 页 共 3 页\n二、存在问题\n作风建设有待加强。\n— 3 —\n三、下一步打算\n第3页/共10页\n- 4 -\n共 10 页 第 6 页\nPage 7 of 10\n继续努力。";
        assert_eq!(
            flagged(RULE, t),
            vec![
                "第 2 页 共 3 页\n",
                "— 3 —\n",
                "第3页/共10页\n",
                "- 4 -\n",
                "共 10 页 第 6 页\n",
                "Page 7 of 10\n"
            ]
        );
        let f = findings_of(RULE, t);
        assert_eq!(
            f[0].message,
            "页码“第 2 页 共 3 页”是页眉页脚转换时混进正文的：不是报告内容，请删去这一行"
        );
        assert_eq!(
            apply_fixes(RULE, t),
            "一、基本情况\n全年完成各项任务。\n二、存在问题\n作风建设有待加强。\n三、下一步打算\n继续努力。"
        );
    }

    #[test]
    fn page_numbers_in_sentences_and_other_lines_are_silent() {
        assert_silent(
            RULE,
            &[
                "详见附件第2页。",
                "材料共3页，请查收。",
                "第2页至第5页为统计表",
                // a page past the count, a dash rule, a list item
                "第12页 共3页",
                "------",
                "- 加强学习",
                "1-2月完成",
                // the sharing site's line is template-debris's
                "本文档共12页",
            ],
        );
    }
}
