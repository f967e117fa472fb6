//! Question marks that stand where a broken conversion lost 《》 (not a
//! rule itself: build.rs skips `support*` files).

use crate::text::class::is_han;
use crate::text::seeds::{self, Seeds};
use crate::text::utf8::{char_at, char_before};
use std::sync::OnceLock;

/// Words that name a document: a pair of marks around such a title stands
/// for 《》.
const TITLE_SUFFIXES: &[&str] = &[
    "制度",
    "条例",
    "办法",
    "规定",
    "意见",
    "通知",
    "决定",
    "准则",
    "规则",
    "细则",
    "方案",
    "规划",
    "纲要",
    "报告",
    "决议",
    "守则",
    "标准",
    "要点",
    "清单",
    "计划",
    "通报",
    "通告",
    "公告",
    "指引",
    "指南",
    "纲领",
    "章程",
    "讲话",
    "读本",
    "选编",
    "文选",
    "选集",
    "论述",
    "摘编",
    "问答",
    "汇编",
    "法",
    "（试行）",
    "(试行)",
    "（暂行）",
    "(暂行)",
    "办法（试行）",
];

const TITLE_PREFIXES: &[&str] = &["关于", "中国共产党", "中华人民共和国", "中共"];

/// Pairs of `?`, `？` or U+FFFD that a broken conversion left where 《》
/// stood, as in “贯彻?市区干部培训审批制度?要求”: (start of the opening
/// mark, end of the closing mark) byte spans within `[start, end)`.
pub fn question_title_pairs(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let marks = QuestionMarks::new(text);
    marks.title_pairs(start, end)
}

/// Every `?`, `？` and U+FFFD of a text, found once for all paragraphs.
pub struct QuestionMarks<'t> {
    text: &'t str,
    marks: Vec<usize>,
}

impl<'t> QuestionMarks<'t> {
    pub fn new(text: &'t str) -> Self {
        static SEEDS: OnceLock<Seeds> = OnceLock::new();
        let seeds = SEEDS.get_or_init(|| Seeds::chars(&['?', '？', '\u{FFFD}']));
        QuestionMarks {
            text,
            marks: seeds::seed_matches(text, seeds).map(|(s, _)| s).collect(),
        }
    }

    /// [`question_title_pairs`] of `[start, end)`.
    pub fn title_pairs(&self, start: usize, end: usize) -> Vec<(usize, usize)> {
        let lo = self.marks.partition_point(|&m| m < start);
        let hi = self.marks.partition_point(|&m| m < end);
        title_pairs(self.text, self.marks.get(lo..hi).unwrap_or(&[]), end)
    }
}

/// Pairs among the marks (sorted byte offsets) of a paragraph ending at `end`.
fn title_pairs(text: &str, marks: &[usize], end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut k = 0;
    while k + 1 < marks.len() {
        let (a, b) = (marks[k], marks[k + 1]);
        let a_end = a + char_at(text, a).map_or(1, char::len_utf8);
        let b_end = b + char_at(text, b).map_or(1, char::len_utf8);
        let inner = text.get(a_end..b).unwrap_or("");
        // A title is followed by more of the sentence; a question may end it.
        let continues = char_at(text, b_end).is_some_and(|c| !c.is_whitespace()) && b_end < end;
        if looks_like_title(inner) && opens_title(text, a) && continues {
            out.push((a, b_end));
            k += 2;
        } else {
            k += 1;
        }
    }
    out
}

fn looks_like_title(inner: &str) -> bool {
    let n = inner.chars().take(61).count();
    if !(2..=60).contains(&n) {
        return false;
    }
    if inner.chars().any(|c| {
        matches!(
            c,
            '，' | '。'
                | '；'
                | '：'
                | '！'
                | ','
                | ';'
                | ':'
                | '!'
                | '\n'
                | '\r'
                | ' '
                | '“'
                | '”'
        )
    }) {
        return false;
    }
    if !inner
        .chars()
        .next()
        .is_some_and(|c| is_han(c) || c.is_ascii_digit())
    {
        return false;
    }
    // A question between two question marks is a question.
    const ASKING: &[&str] = &[
        "是否",
        "吗",
        "呢",
        "怎",
        "如何",
        "什么",
        "哪",
        "谁",
        "多少",
        "能否",
        "可否",
        "有没有",
        "是不是",
        "这是",
        "就是",
        "不是",
        "还是",
        "都是",
        "也是",
        "我们",
        "你们",
        "他们",
    ];
    if ASKING.iter().any(|w| inner.contains(w)) {
        return false;
    }
    TITLE_SUFFIXES.iter().any(|s| inner.ends_with(s))
        || TITLE_PREFIXES.iter().any(|p| inner.starts_with(p))
}

/// A real question mark follows a question; a title mark does not.
fn opens_title(text: &str, a: usize) -> bool {
    !char_before(text, a).is_some_and(|c| {
        matches!(
            c,
            '吗' | '呢'
                | '么'
                | '吧'
                | '哪'
                | '何'
                | '谁'
                | '啊'
                | '呀'
                | '否'
                | '几'
                | '少'
                | '样'
                | '怎'
                | '?'
                | '？'
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_marks_for_titles() {
        let t =
            "认真贯彻?市区干部培训审批制度?要求。是否到位?群众满意吗?守规矩?这是最基本的规定?我们";
        let pairs = question_title_pairs(t, 0, t.len());
        assert_eq!(pairs.len(), 1);
        assert_eq!(&t[pairs[0].0..pairs[0].1], "?市区干部培训审批制度?");
    }
}
