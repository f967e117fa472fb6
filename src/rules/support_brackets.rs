//! Brackets that are fill-in blanks or left-in template notes: one scan
//! shared by `placeholder` (the blanks) and `template-instruction` (the
//! notes). Not a rule itself: build.rs skips `support*` files.

use crate::text::class::is_han;
use crate::text::lexicon::Lexicon;
use crate::text::seeds::{self, Seeds};
use std::sync::OnceLock;

/// Why a bracket counts as a fill-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fill {
    /// （  ）, [ ]
    Empty,
    /// [X], 【××】, ［…］
    Glyph,
    /// 【请填写…】, （此处填写…）, [具体职能1,如…]
    Prompt,
    /// [单位名称], <单位名称>
    Field,
    /// [行政机关/事业单位/国有骨干企业]
    Options,
    /// {{变量}}, ${name}
    Variable,
    /// [Insert name], <name>
    English,
}

/// A bracket pair that is a fill-in blank or a left-in template note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BracketClass {
    Fill(Fill),
    /// （仅供参考）, （模板）, （可选）: reported by `template-instruction`.
    Instruction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BracketHit {
    pub start: usize,
    pub end: usize,
    pub class: BracketClass,
}

pub(super) fn is_cjk_punct(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF | 0x2010..=0x2027)
}

pub(super) fn is_blank_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{3000}' || c == '\u{a0}'
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Round,
    Square,
    Lenticular,
    Angle,
    Curly,
    /// 〔〕 of a document number: only an empty or all-blank one counts.
    Tortoise,
}

const FAMILIES: usize = 6;

fn open_family(c: char) -> Option<Family> {
    Some(match c {
        '(' | '（' => Family::Round,
        '[' | '［' => Family::Square,
        '【' => Family::Lenticular,
        '<' | '＜' => Family::Angle,
        '{' | '｛' => Family::Curly,
        '〔' => Family::Tortoise,
        _ => return None,
    })
}

fn close_family(c: char) -> Option<Family> {
    Some(match c {
        ')' | '）' => Family::Round,
        ']' | '］' => Family::Square,
        '】' => Family::Lenticular,
        '>' | '＞' => Family::Angle,
        '}' | '｝' => Family::Curly,
        '〕' => Family::Tortoise,
        _ => return None,
    })
}

/// Longest bracket content (in characters) that can be a prompt.
const MAX_INNER: usize = 60;

/// Every bracket pair on one line whose content is a fill-in prompt or a
/// template note. One pass: each family remembers its latest opening
/// bracket, a closing one pairs with it.
pub(crate) fn scan_brackets(text: &str) -> Vec<BracketHit> {
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    // Only line breaks and brackets matter: visit those alone.
    let seeds = SEEDS.get_or_init(|| {
        Seeds::chars(&[
            '\n', '\r', '(', '（', '[', '［', '【', '<', '＜', '{', '｛', '〔', ')', '）', ']',
            '］', '】', '>', '＞', '}', '｝', '〕',
        ])
    });
    let mut hits = Vec::new();
    // (byte offset, at line start) of the latest open bracket of each
    // family.
    let mut open: [Option<(usize, bool)>; FAMILIES] = [None; FAMILIES];
    let mut line_start = 0;
    // End of the current line's lead of blanks and list bullets, once
    // asked for.
    let mut head_end: Option<usize> = None;
    for (b, _) in seeds::seed_matches(text, seeds) {
        let Some(c) = text.get(b..).and_then(|t| t.chars().next()) else {
            continue;
        };
        if c == '\n' || c == '\r' {
            open = [None; FAMILIES];
            line_start = b + 1;
            head_end = None;
            continue;
        }
        if let Some(f) = open_family(c) {
            // Only blanks and list bullets before it on its line.
            let head = *head_end.get_or_insert_with(|| {
                let line = text.get(line_start..).unwrap_or("");
                let lead = line
                    .find(|c: char| !(is_blank_space(c) || matches!(c, '-' | '*' | '+')))
                    .unwrap_or(line.len());
                line_start + lead
            });
            open[f as usize] = Some((b, b <= head));
            continue;
        }
        let Some(f) = close_family(c) else { continue };
        let Some((ob, at_line_start)) = open[f as usize].take() else {
            continue;
        };
        // More than MAX_INNER characters inside.
        let inner = text.get(ob..b).unwrap_or("").chars().skip(1);
        if inner.take(MAX_INNER + 1).count() > MAX_INNER {
            continue;
        }
        let inner_start = ob + text[ob..].chars().next().map_or(1, char::len_utf8);
        let mut start = ob;
        let mut end = b + c.len_utf8();
        let span = Span {
            open: ob,
            inner_start,
            inner_end: b,
            close_end: end,
            at_line_start,
        };
        if let Some(class) = classify(text, f, &span) {
            if f == Family::Curly {
                // {{变量}} and ${变量}: take the outer braces and the dollar.
                let bytes = text.as_bytes();
                if start > 0
                    && matches!(bytes.get(start - 1), Some(b'{'))
                    && bytes.get(end) == Some(&b'}')
                {
                    start -= 1;
                    end += 1;
                }
                if start > 0 && bytes.get(start - 1) == Some(&b'$') {
                    start -= 1;
                }
            }
            hits.push(BracketHit { start, end, class });
        }
    }
    hits
}

/// Word lists looked up in bracket contents, one automaton.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// At the start: （仅供参考）, （模板）, （可选）, （请根据实际情况填写）.
    Instruction,
    /// Anywhere: （注：使用本模板时请删除）, 【填写说明】.
    Note,
    /// Anywhere: 此处, 填写, 请输入, 待补充.
    FillIn,
    /// At the end: 单位名称, 姓名, 日期.
    Field,
    /// 如政策执行…, 例如: a writing instruction (square brackets).
    Example,
}

const CUES: &[(&str, Cue)] = &[
    ("仅供参考", Cue::Instruction),
    ("供参考", Cue::Instruction),
    ("模板", Cue::Instruction),
    ("可选", Cue::Instruction),
    ("选填", Cue::Instruction),
    ("必填", Cue::Instruction),
    ("非必填", Cue::Instruction),
    ("示例", Cue::Instruction),
    ("范例", Cue::Instruction),
    ("样例", Cue::Instruction),
    ("参考格式", Cue::Instruction),
    ("可删除", Cue::Instruction),
    ("可删", Cue::Instruction),
    ("根据实际", Cue::Instruction),
    ("请根据", Cue::Instruction),
    ("可根据", Cue::Instruction),
    ("视情况", Cue::Instruction),
    ("按实际", Cue::Instruction),
    ("本模板", Cue::Note),
    ("请删除", Cue::Note),
    ("删除本", Cue::Note),
    ("使用时删除", Cue::Note),
    ("填写说明", Cue::Note),
    ("编写说明", Cue::Note),
    ("此处", Cue::FillIn),
    ("在此", Cue::FillIn),
    ("填写", Cue::FillIn),
    ("填入", Cue::FillIn),
    ("请填", Cue::FillIn),
    ("请输入", Cue::FillIn),
    ("请补充", Cue::FillIn),
    ("待补充", Cue::FillIn),
    ("待填", Cue::FillIn),
    ("待定", Cue::FillIn),
    ("请选择", Cue::FillIn),
    ("二选一", Cue::FillIn),
    ("名称", Cue::Field),
    ("全称", Cue::Field),
    ("简称", Cue::Field),
    ("姓名", Cue::Field),
    ("名字", Cue::Field),
    ("日期", Cue::Field),
    ("时间", Cue::Field),
    ("年份", Cue::Field),
    ("月份", Cue::Field),
    ("金额", Cue::Field),
    ("数量", Cue::Field),
    ("人数", Cue::Field),
    ("数字", Cue::Field),
    ("职务", Cue::Field),
    ("职位", Cue::Field),
    ("地址", Cue::Field),
    ("电话", Cue::Field),
    ("编号", Cue::Field),
    ("文号", Cue::Field),
    ("单位", Cue::Field),
    ("部门", Cue::Field),
    ("，如", Cue::Example),
    (",如", Cue::Example),
    ("例如", Cue::Example),
    ("比如", Cue::Example),
    ("如：", Cue::Example),
    ("如:", Cue::Example),
];

fn cues() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let words: Vec<&str> = CUES.iter().map(|(w, _)| *w).collect();
        Lexicon::new(&words, false)
    })
}

/// English words that open a prompt: [Insert name], <name>, [Your Company].
const EN_PROMPTS: &[&str] = &[
    "insert",
    "enter",
    "add",
    "type",
    "your",
    "fill",
    "name",
    "date",
    "company",
    "organization",
    "organisation",
    "address",
    "phone",
    "email",
    "number",
    "amount",
    "placeholder",
    "client",
    "department",
    "city",
    "country",
    "year",
    "month",
    "day",
    "author",
    "title",
    "tbd",
    "todo",
];

/// Where a bracket pair sits (byte offsets).
struct Span {
    open: usize,
    inner_start: usize,
    inner_end: usize,
    close_end: usize,
    /// Only blanks or a list bullet before it on its line.
    at_line_start: bool,
}

fn classify(text: &str, family: Family, span: &Span) -> Option<BracketClass> {
    let raw = text.get(span.inner_start..span.inner_end)?;
    let inner = raw.trim_matches(is_blank_space);
    let before = text.get(..span.open).and_then(|s| s.chars().next_back());
    let after = text.get(span.close_end..).and_then(|s| s.chars().next());
    let at_line_start = span.at_line_start;
    let fill = |f| Some(BracketClass::Fill(f));
    // f(x), a[i]: code, not prose.
    if before.is_some_and(|c| c.is_ascii_alphanumeric()) && family != Family::Lenticular {
        return None;
    }

    if inner.is_empty() {
        // - [ ] a Markdown task box.
        if family == Family::Square && at_line_start && !raw.is_empty() {
            return None;
        }
        let cjk = |c: Option<char>| c.is_some_and(|c| is_han(c) || is_cjk_punct(c));
        return (!raw.is_empty() || cjk(before) || cjk(after))
            .then_some(BracketClass::Fill(Fill::Empty));
    }

    // [X], 【××】, ［…］: nothing but fill-in marks.
    let glyph = |c: char| {
        matches!(
            c,
            'X' | 'x'
                | 'Ｘ'
                | 'ｘ'
                | '×'
                | '○'
                | '〇'
                | '□'
                | '■'
                | '_'
                | '＿'
                | '某'
                | '*'
                | '＊'
                | '?'
                | '？'
        )
    };
    let dots = |c: char| matches!(c, '…' | '⋯' | '.' | '。' | '·');
    if inner
        .chars()
        .all(|c| glyph(c) || dots(c) || is_blank_space(c))
    {
        let marks = inner.chars().filter(|&c| glyph(c)).count();
        let only_mou = inner.chars().all(|c| c == '某');
        if marks == 0 {
            // ［…］ stands for words left out; （……） is an ordinary omission.
            return (family != Family::Round).then_some(BracketClass::Fill(Fill::Glyph));
        }
        if family == Family::Square && at_line_start && inner.eq_ignore_ascii_case("x") {
            return None; // - [x] a ticked Markdown task box.
        }
        if !(only_mou && marks < 2) {
            return fill(Fill::Glyph);
        }
    }

    let mut instruction_at_start = false;
    let mut fill_in = false;
    let mut field_at_end = false;
    let mut example = false;
    for (m_start, m_end, word) in cues().find_overlapping(inner) {
        let Some(&(_, cue)) = CUES.get(word) else {
            continue;
        };
        match cue {
            Cue::Instruction => instruction_at_start |= m_start == 0,
            Cue::Note => instruction_at_start = true,
            Cue::FillIn => fill_in = true,
            Cue::Field => field_at_end |= m_end == inner.len(),
            Cue::Example => example = true,
        }
    }
    if instruction_at_start {
        return Some(BracketClass::Instruction);
    }
    if fill_in {
        return fill(Fill::Prompt);
    }
    if matches!(family, Family::Round | Family::Tortoise) {
        return None;
    }

    let han_count = inner.chars().filter(|&c| is_han(c)).count();
    if family == Family::Curly {
        let ident = inner
            .chars()
            .all(|c| is_han(c) || c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | ' '));
        return ident.then_some(BracketClass::Fill(Fill::Variable));
    }

    // [Insert name], <name>, [Your Company]
    // [Insert name], [Insert …]: English words, perhaps trailing off.
    if inner
        .chars()
        .all(|c| c.is_ascii() || matches!(c, '…' | '⋯'))
    {
        let first = inner
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let wordy = inner.chars().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, ' ' | '_' | '.' | '-' | '\'' | '…' | '⋯')
        });
        return (wordy && EN_PROMPTS.contains(&first.as_str()))
            .then_some(BracketClass::Fill(Fill::English));
    }
    if inner.chars().any(|c| matches!(c, '…' | '⋯')) && han_count > 0 && inner.chars().count() > 1
    {
        // [具体职能1,如政策执行…]
        return fill(Fill::Prompt);
    }
    if example && han_count > 0 {
        return fill(Fill::Prompt);
    }

    // [行政机关/事业单位/国有骨干企业]: options never chosen.
    let parts: Vec<&str> = inner.split(['/', '／', '|', '｜']).collect();
    if parts.len() >= 2
        && parts.iter().all(|p| {
            let n = p.chars().count();
            (1..=12).contains(&n) && p.chars().any(is_han) && !p.chars().any(char::is_whitespace)
        })
    {
        return fill(Fill::Options);
    }

    // A label at the start of a line (【主要做法】接着写内容) is a heading;
    // not a field the sentence goes on from as its subject (【单位名称】是
    // 一所…, 【单位名称】位于…).
    let rest = text
        .get(span.close_end..)
        .unwrap_or("")
        .trim_start_matches(is_blank_space);
    let subject = field_at_end
        && [
            "是", "为", "位于", "地处", "坐落", "现有", "共有", "始建", "成立", "，",
        ]
        .iter()
        .any(|w| rest.starts_with(w));
    let label = family == Family::Lenticular
        && at_line_start
        && !subject
        && rest.chars().next().is_some_and(|c| c != '\n' && c != '\r');
    let all_han_or_digits = inner.chars().all(|c| is_han(c) || c.is_ascii_digit());
    // [单位名称], <单位名称>, 【姓名】
    if field_at_end && all_han_or_digits && !label && inner.chars().count() <= 12 {
        return fill(Fill::Field);
    }
    // [措施1], [具体职能2]: numbered slots of a template.
    let slot = all_han_or_digits
        && inner.chars().last().is_some_and(|c| c.is_ascii_digit())
        && han_count >= 2
        && !["附件", "附表", "图", "表", "注", "例", "第", "案例"]
            .iter()
            .any(|p| inner.starts_with(p));
    if slot && !label {
        return fill(Fill::Prompt);
    }
    None
}
