//! 未删除的模板说明。模板里写给起草人看的提示——“（仅供参考）”
//! “（模板）”“（可选）”“此处填写……”“请根据实际情况填写”“示例：”——
//! 是帮助写作的，不是报告内容。按提示写好以后，提示本身必须删掉；
//! 留在文中，读者会看出报告是照着模板填的，还可能以为内容没写完。
//!
//! 能识别的写法：
//! - 括号里的说明：（仅供参考）（模板）（可选）（选填）（示例）
//!   （请根据实际情况填写）等，可一键删除；
//! - 正文里的提示句：此处填写……、请在此处……、请根据实际情况填写、
//!   填写说明、使用时请删除本段 等，整句标出，写好内容后删除；
//! - 行首的“示例：”“范例：”标记，可一键删除；
//! - 单独成句的“仅供参考”。
//!
//! 这些是提醒（警告级）：有时说明文字已按要求处理，只是忘了删。
//! 括号里要求填写具体内容的提示，如“（此处填写单位名称）”，按未填写的
//! 占位符报告。
//!
//! 示例：“2022年工作总结（仅供参考）” → 删除“（仅供参考）”。
//!
//! # English
//! Template instructions left in: notes a template writes to the drafter —
//! "（仅供参考）" (for reference only), "（模板）", "（可选）" (optional),
//! "此处填写…" (write … here), "请根据实际情况填写" (fill in as
//! appropriate), "示例：" (example:). They help while writing and are not
//! part of the report; once the content is written they must go. Found:
//! bracketed notes (one-click delete), instruction sentences in the text
//! (marked whole; delete once the content is written), "示例：" at a line
//! start, and a lone "仅供参考". These are warnings. A bracket that asks for
//! a specific value, such as "（此处填写单位名称）", is reported as an
//! unfilled placeholder instead. Example: "2022年工作总结（仅供参考）" →
//! delete "（仅供参考）".

use super::support_brackets::{scan_brackets, BracketClass};
use super::template_debris::whole_lines;
use super::{Ctx, Emitter};
use crate::text::lexicon::Lexicon;
use std::sync::OnceLock;

/// Instruction sentences a template leaves in the text.
const PHRASES: &[&str] = &[
    "此处填写",
    "此处填入",
    "此处输入",
    "此处插入",
    "此处添加",
    "此处粘贴",
    "在此填写",
    "在此处填写",
    "在此输入",
    "请在此",
    "请填写",
    "请填入",
    "请输入",
    "请补充",
    "请根据实际情况填写",
    "请根据实际情况修改",
    "请根据实际情况增删",
    "请根据实际情况调整",
    "根据实际情况填写",
    "根据实际情况增删",
    "结合本单位实际填写",
    "填写说明",
    "编写说明",
    "模板说明",
    "模板使用说明",
    "本模板",
    "使用本模板",
    "删除本段",
    "删除此段",
    "本段可删除",
    "此段可删除",
    "使用时删除",
    "使用时请删除",
    "提交前删除",
    "提交前请删除",
    "以下为示例",
    "以下为范例",
    "以下内容为示例",
    "示例文字",
    "此为示例",
    "仅供参考",
];

/// Index of 仅供参考 in [`PHRASES`]: flagged only when it stands alone.
const FOR_REFERENCE: usize = PHRASES.len() - 1;

/// Example markers at a line start.
const MARKERS: &[&str] = &["示例：", "示例:", "范例：", "范例:", "样例：", "样例:"];

fn phrases() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::new(PHRASES, false))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Bracket,
    Sentence,
    Marker,
}

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "template-instruction",
    category: crate::Category::Placeholder,
    severity: crate::Severity::Warning,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let doc = ctx.doc;
    let text = doc.text;
    let mut found: Vec<(usize, usize, Form)> = Vec::new();

    let brackets = scan_brackets(text);
    for hit in &brackets {
        if hit.class == BracketClass::Instruction {
            found.push((hit.start, hit.end, Form::Bracket));
        }
    }

    // Phrases inside a bracket belong to that bracket (reported above, or
    // as a placeholder by the placeholder rule).
    let inside_bracket = |pos: usize| {
        let i = brackets.partition_point(|b| b.start <= pos);
        i.checked_sub(1)
            .and_then(|k| brackets.get(k))
            .is_some_and(|b| pos < b.end)
    };
    for (m_start, m_end, phrase) in phrases().find_leftmost_longest(text) {
        if inside_bracket(m_start) {
            continue;
        }
        let sentence = doc.sentence_at(m_start);
        let (s, e) = match sentence {
            // (count at most 101 characters: a megabyte-long "sentence"
            // must not be counted once per phrase in it)
            Some(s) if doc.slice(s.start, s.end).chars().take(101).count() <= 100 => {
                (s.start, s.end)
            }
            _ => doc.clause_around(m_start, m_end),
        };
        if phrase == FOR_REFERENCE {
            // "以上数据仅供参考" inside a longer sentence is ordinary prose;
            // a sentence that says little else is the template's note.
            let rest = doc.slice(s, e).chars().filter(|&c| !is_punct(c)).count();
            if rest > 8 {
                continue;
            }
        }
        found.push((s, e, Form::Sentence));
    }

    for line in &doc.lines {
        let content = doc.slice(line.start, line.end);
        let body = content.trim_start_matches([' ', '\t', '\u{3000}']);
        let at = line.start + (content.len() - body.len());
        if let Some(marker) = MARKERS.iter().find(|m| body.starts_with(*m)) {
            found.push((at, at + marker.len(), Form::Marker));
        }
    }

    crate::sort::sort_by(&mut found, |&(s, e, _)| {
        crate::sort::key3(s, crate::sort::desc(e), 0)
    });
    let mut last_end = 0;
    for (start, end, form) in found {
        if start < last_end {
            continue; // one finding per sentence
        }
        let prev_end = last_end;
        last_end = end;
        let note = doc.slice(start, end).trim();
        match form {
            Form::Bracket => {
                let (s, e) = whole_lines(doc, start, end);
                // Never overlap the line break the previous finding takes.
                let s = s.max(prev_end);
                out.warning(
                    s,
                    e,
                    format!("模板说明“{note}”没有删除：这是写给起草人的提示，请删除"),
                    format!("Template note \"{note}\" left in: it is addressed to the drafter; delete it"),
                )
                .suggest("");
                last_end = last_end.max(e);
            }
            Form::Sentence => {
                let (cs, ce) = doc.clause_around(start, end);
                out.warning(
                    start,
                    end,
                    format!("模板的填写说明“{note}”还留在文中：请按说明写好内容，再删除这句说明"),
                    format!("The template's instruction \"{note}\" is still in the text: write the content it asks for, then delete the instruction"),
                )
                .context(cs, ce);
            }
            Form::Marker => {
                out.warning(
                    start,
                    end,
                    format!("“{note}”是模板的示例标记：请确认后面的内容已换成本单位的实际情况，并删除标记"),
                    format!("\"{note}\" marks the template's example: make sure what follows describes your own unit, and delete the marker"),
                )
                .suggest("");
            }
        }
    }
}

fn is_punct(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0x2010..=0x2027)
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{apply_fixes, assert_flags, assert_silent, findings_of, flagged};

    const RULE: &str = "template-instruction";

    #[test]
    fn bracketed_notes() {
        assert_eq!(
            flagged(RULE, "2022年工作总结（仅供参考）"),
            vec!["（仅供参考）"]
        );
        assert_eq!(
            apply_fixes(RULE, "2022年工作总结（仅供参考）\n一、基本情况"),
            "2022年工作总结\n一、基本情况"
        );
        assert_eq!(apply_fixes(RULE, "标题\n（模板）\n正文"), "标题\n正文");
        assert_eq!(apply_fixes(RULE, "正文\n（仅供参考）"), "正文");
        assert_flags(
            RULE,
            &[
                "（模板）",
                "三、下步打算（可选）",
                "【示例】",
                "（请根据实际情况填写）",
            ],
        );
        let f = findings_of(RULE, "（可选）");
        assert_eq!(f[0].severity, crate::Severity::Warning);
        assert_eq!(f[0].category, crate::Category::Placeholder);
    }

    #[test]
    fn instruction_sentences() {
        assert_eq!(
            flagged(
                RULE,
                "一、基本情况\n此处填写本单位基本情况，不少于300字。\n二、问题"
            ),
            vec!["此处填写本单位基本情况，不少于300字。"]
        );
        assert_flags(
            RULE,
            &[
                "请根据实际情况填写。",
                "示例：某局通过“三会一课”加强学习。",
                "以上仅供参考。",
                "使用时请删除本段文字。",
            ],
        );
    }

    #[test]
    fn placeholder_brackets_are_not_repeated_here() {
        assert_silent(RULE, &["（此处填写主要成效）", "【请填写单位全称】"]);
    }

    #[test]
    fn ordinary_text_stays_silent() {
        assert_silent(
            RULE,
            &[
                "各单位可根据实际情况制定实施细则。",
                "以上数据来自统计部门，分析结论仅供参考决策时使用，不作为考核依据。",
                "建立问题整改台账模板，规范填报流程。",
                "根据实际情况调整工作安排。",
                "典型示例表明，制度建设是根本。",
                "党委（党组）书记",
            ],
        );
    }
}
