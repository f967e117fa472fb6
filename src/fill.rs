//! Filling in placeholders. Each placeholder finding is cut into the blanks
//! a writer fills in (the empty signing date "    年    月    日" holds
//! three), each blank knows exactly which characters it replaces (for
//! 20XX年 the year digits, never the 年), what kind of value it wants, and
//! checks a typed value for that kind before anything is written.
//!
//! The web form and the tests use this; nothing here knows about the page.

use crate::calendar::days_in;
use crate::{Finding, Report};

/// What a blank asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A year: four digits (20XX年, 〔20××〕, "    年").
    Year,
    /// A month, 1–12 (X月).
    Month,
    /// A day of the month, valid for its month (X日).
    Day,
    /// A number: a count (XX人, X个), a percentage (X%), an ordinal (第X).
    Number,
    /// A name of a unit, place or person (某某, xx局, [单位名称]).
    Name,
    /// Any other wording (“XXX”总要求, [A/B/C], TODO).
    Text,
}

impl Kind {
    pub fn label_zh(self) -> &'static str {
        match self {
            Kind::Year => "年份（四位数字）",
            Kind::Month => "月（1—12）",
            Kind::Day => "日",
            Kind::Number => "数字",
            Kind::Name => "名称",
            Kind::Text => "内容",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Kind::Year => "Year (four digits)",
            Kind::Month => "Month (1–12)",
            Kind::Day => "Day",
            Kind::Number => "Number",
            Kind::Name => "Name",
            Kind::Text => "Text",
        }
    }
}

/// Where the month or the year of a date blank comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Written in the text (3月X日).
    Fixed(u32),
    /// Another blank of the same date (X月X日): its index.
    Blank(usize),
}

/// One blank to fill in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blank {
    /// The placeholder finding it belongs to (index into the report).
    pub finding: usize,
    /// Byte offsets of exactly the characters a value replaces. Equal for
    /// a blank that is a gap (an empty date's year written as "年" alone).
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// The blank's characters, and up to a short clause either side of it
    /// (the form shows the blank marked inside its context).
    pub text: String,
    pub before: String,
    pub after: String,
    /// A year written in Chinese numerals (二〇XX年): the value is written
    /// the same way.
    pub chinese: bool,
    /// For a day, its month; for a month or a day, the year.
    pub month: Option<Source>,
    pub year: Option<Source>,
}

/// The refused values: the blank's index and why.
pub type Refused = Vec<(usize, Refusal)>;

/// Why a value was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub zh: String,
    pub en: String,
}

fn refuse(zh: impl Into<String>, en: impl Into<String>) -> Refusal {
    Refusal {
        zh: zh.into(),
        en: en.into(),
    }
}

/// The years a filled-in year may take: about ten years either side of the
/// report's own date (its title year, its signing date) and of today. Plans
/// name target years ahead, so the future is allowed as far as the past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Years {
    pub min: u32,
    pub max: u32,
}

/// How far a filled-in year may be from the report's own date.
const YEAR_SPAN: u32 = 10;

impl Years {
    /// The range around the years of the title lines and the signing date
    /// of `text`, and around `today`.
    pub fn around(text: &str, today: u32) -> Years {
        let mut lo = today;
        let mut hi = today;
        for y in own_years(text) {
            lo = lo.min(y);
            hi = hi.max(y);
        }
        Years {
            min: lo.saturating_sub(YEAR_SPAN),
            max: hi + YEAR_SPAN,
        }
    }
}

/// Complete years (2024年) in the first three and the last five non-empty
/// lines: the title and the signing date, where a report states its date.
fn own_years(text: &str) -> Vec<u32> {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let head = lines.iter().take(3);
    let tail = lines.iter().rev().take(5);
    let mut out = Vec::new();
    for line in head.chain(tail) {
        let chars: Vec<char> = line.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            if c != '年' || i < 4 {
                continue;
            }
            let digits = &chars[i - 4..i];
            let before = i.checked_sub(5).map(|k| chars[k]);
            if before.is_some_and(|b| digit_of(b).is_some()) {
                continue;
            }
            if let Some(y) = arabic(digits) {
                if (1900..=2100).contains(&y) {
                    out.push(y);
                }
            }
        }
    }
    out
}

/// The blanks of every placeholder finding of `report` over `text`, in
/// text order.
pub fn blanks(text: &str, report: &Report) -> Vec<Blank> {
    let mut out: Vec<Blank> = Vec::new();
    for (i, f) in report.findings.iter().enumerate() {
        if f.rule != "placeholder" || f.aggregate.is_some() {
            continue;
        }
        if text.get(f.byte_start..f.byte_end) != Some(f.text.as_str()) {
            continue;
        }
        split(text, i, f, &mut out);
    }
    // A day or a month takes its month or year from the blank or the
    // figure just before its unit (X月X日, 2026年X月).
    for k in 0..out.len() {
        let (start, kind) = (out[k].start, out[k].kind);
        if matches!(kind, Kind::Day) {
            out[k].month = source_before(text, &out, start, '月');
            let at = month_start(text, &out, start);
            out[k].year = at.and_then(|a| source_before(text, &out, a, '年'));
        } else if matches!(kind, Kind::Month) {
            out[k].year = source_before(text, &out, start, '年');
        }
    }
    out
}

/// Where the month before a day blank at `start` begins (after 月 is
/// stripped), so that its year can be found.
fn month_start(text: &str, blanks: &[Blank], start: usize) -> Option<usize> {
    let head = text.get(..start)?;
    let before_unit = head.strip_suffix('月')?;
    let end = before_unit.len();
    if let Some(b) = blanks.iter().find(|b| b.end == end && b.start < end) {
        return Some(b.start);
    }
    let digits = before_unit
        .chars()
        .rev()
        .take_while(|&c| digit_of(c).is_some())
        .map(char::len_utf8)
        .sum::<usize>();
    (digits > 0).then(|| end - digits)
}

/// The value just before `unit` that ends at `start`: a blank (its index)
/// or digits written in the text.
fn source_before(text: &str, blanks: &[Blank], start: usize, unit: char) -> Option<Source> {
    let head = text.get(..start)?;
    let before_unit = head.strip_suffix(unit)?;
    let end = before_unit.len();
    if let Some(k) = blanks
        .iter()
        .position(|b| b.end == end && matches!(b.kind, Kind::Year | Kind::Month))
    {
        return Some(Source::Blank(k));
    }
    let digits: Vec<char> = before_unit
        .chars()
        .rev()
        .take_while(|&c| digit_of(c).is_some())
        .collect();
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    let digits: Vec<char> = digits.into_iter().rev().collect();
    arabic(&digits).map(Source::Fixed)
}

/// Cuts one finding into its blanks.
fn split(text: &str, finding: usize, f: &Finding, out: &mut Vec<Blank>) {
    let (s, e) = (f.byte_start, f.byte_end);
    let t = f.text.as_str();
    let next = text[e..].chars().next();
    let push = |out: &mut Vec<Blank>, start: usize, end: usize, kind: Kind, chinese: bool| {
        out.push(Blank {
            finding,
            start,
            end,
            kind,
            text: text[start..end].to_string(),
            before: context_before(text, start),
            after: context_after(text, end),
            chinese,
            month: None,
            year: None,
        });
    };

    // An empty date: "    年    月    日", "2020  年  月  日". The year is
    // everything before 年, the spaces in front of the finding included.
    if t.contains('年') && t.contains('月') && t.ends_with('日') && t.contains([' ', '\u{3000}'])
    {
        let (Some(y), Some(m)) = (t.find('年'), t.find('月')) else {
            return;
        };
        if m < y + '年'.len_utf8() {
            return;
        }
        let lead = text[..s]
            .chars()
            .rev()
            .take_while(|&c| is_space(c))
            .map(char::len_utf8)
            .sum::<usize>();
        push(out, s - lead, s + y, Kind::Year, false);
        push(out, s + y + '年'.len_utf8(), s + m, Kind::Month, false);
        push(
            out,
            s + m + '月'.len_utf8(),
            e - '日'.len_utf8(),
            Kind::Day,
            false,
        );
        return;
    }

    // An unfinished year: 201X年, 20××年, 二〇XX年, 202-年; the 年 (and any
    // space before it) stays.
    if let Some(head) = t.strip_suffix('年') {
        let digits = head.trim_end_matches(is_space);
        let numeral = |c: char| digit_of(c).is_some() || crate::cnum::digit(c).is_some();
        if !digits.is_empty() && digits.chars().any(numeral) {
            let chinese = digits.starts_with(['一', '二']);
            push(out, s, s + digits.len(), Kind::Year, chinese);
            return;
        }
    }

    // A bracket: the year of a document number keeps its brackets
    // (〔  〕X号, [20××]); any other bracketed blank goes with its brackets.
    let first = t.chars().next();
    let last = t.chars().next_back();
    if let (Some(open), Some(close)) = (first, last) {
        if is_open_bracket(open) && is_close_bracket(close) && t.chars().count() >= 2 {
            let inner = &t[open.len_utf8()..t.len() - close.len_utf8()];
            if matches!(open, '〔' | '[' | '［') && doc_number_follows(&text[e..]) {
                let is = s + open.len_utf8();
                push(out, is, is + inner.len(), Kind::Year, false);
                return;
            }
            let kind = if inner.trim_matches(is_space).is_empty() || inner.chars().all(is_mark) {
                kind_by_neighbours(text, s, e, '_')
            } else if inner.contains(['/', '／']) {
                Kind::Text
            } else if ["名称", "姓名", "单位", "部门", "名字"]
                .iter()
                .any(|w| inner.contains(w))
            {
                Kind::Name
            } else {
                name_or_text(next)
            };
            push(out, s, e, kind, false);
            return;
        }
    }

    // The year of a document number without brackets around the finding:
    // 〔20××〕 reports "20××" alone.
    let prev = text[..s].chars().next_back();
    if prev.is_some_and(|c| matches!(c, '〔' | '[' | '［'))
        && next.is_some_and(|c| matches!(c, '〕' | ']' | '］'))
        && t.chars().any(|c| digit_of(c).is_some())
    {
        push(out, s, e, Kind::Year, false);
        return;
    }

    let mark = t.chars().next().unwrap_or('X');
    let kind = if mark == '某' {
        Kind::Name
    } else if t.chars().all(|c| is_mark(c) || c == '.' || c == '．') {
        kind_by_neighbours(text, s, e, mark)
    } else {
        Kind::Text
    };
    push(out, s, e, kind, false);
}

/// The kind of a run of blank marks, from the characters around it.
fn kind_by_neighbours(text: &str, s: usize, e: usize, mark: char) -> Kind {
    let before = &text[..s];
    let prev = before.chars().next_back();
    let after = &text[e..];
    let next = after.chars().next();
    let counted = prev.is_some_and(|p| "近前后这那每连续第约共计达超余多几".contains(p))
        || prev.is_some_and(|p| p.is_ascii_digit());
    match next {
        Some('年') if !counted => Kind::Year,
        Some('月') if !counted && !after.starts_with("月份以来") => Kind::Month,
        Some('日' | '号') if prev == Some('月') || month_blank_before(before) => Kind::Day,
        Some('日' | '号') if !counted && !prev.is_some_and(is_close_bracket) => Kind::Day,
        // 〔2026〕X号: the serial number of a document.
        Some('号') => Kind::Number,
        _ if prev == Some('第') || counted => Kind::Number,
        Some(c) if is_unit_start(c, after) => Kind::Number,
        Some('.' | '．') => Kind::Number,
        _ if mark == '某' => Kind::Name,
        _ => name_or_text(next),
    }
}

/// "X月" just before: the day's month is itself a blank.
fn month_blank_before(before: &str) -> bool {
    let Some(head) = before.strip_suffix('月') else {
        return false;
    };
    head.chars().next_back().is_some_and(is_mark)
}

fn name_or_text(next: Option<char>) -> Kind {
    match next {
        Some(c) if "局县市镇乡村区省委部厅办处科所院校站组队党公司单同街社".contains(c) => {
            Kind::Name
        }
        _ => Kind::Text,
    }
}

/// A measure word or unit after a number: XX人, X个, X%, X.X亿元.
fn is_unit_start(c: char, after: &str) -> bool {
    const UNITS: &str = "人个件项次名家所条篇元万亿千百户座台辆天岁位级批起份期届倍%％亩米吨场轮例株头只套部册本架艘栋间宗笔张支周章节分秒度";
    UNITS.contains(c)
        || after.starts_with("小时")
        || after.starts_with("公里")
        || after.starts_with("平方")
}

/// A document number follows a bracketed year: X号, 28号.
fn doc_number_follows(after: &str) -> bool {
    let rest =
        after.trim_start_matches(|c: char| digit_of(c).is_some() || is_mark(c) || is_space(c));
    rest.len() < after.len() && rest.starts_with('号')
}

fn is_open_bracket(c: char) -> bool {
    matches!(
        c,
        '[' | '［' | '【' | '〔' | '(' | '（' | '<' | '＜' | '《' | '{' | '｛' | '〈'
    )
}

fn is_close_bracket(c: char) -> bool {
    matches!(
        c,
        ']' | '］' | '】' | '〕' | ')' | '）' | '>' | '＞' | '》' | '}' | '｝' | '〉'
    )
}

/// A character a template uses to mark a blank.
fn is_mark(c: char) -> bool {
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
            | '*'
            | '＊'
            | '?'
            | '？'
            | '-'
            | '－'
            | '…'
            | '某'
    ) || is_space(c)
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}')
}

fn is_stop(c: char) -> bool {
    matches!(c, '\n' | '\r' | '。' | '；' | '！' | '？' | ';')
}

/// Context shown before a blank: back to the clause start, at most 16
/// characters.
fn context_before(text: &str, start: usize) -> String {
    let chars: Vec<char> = text[..start]
        .chars()
        .rev()
        .take_while(|&c| !is_stop(c))
        .take(16)
        .collect();
    chars.into_iter().rev().collect()
}

fn context_after(text: &str, end: usize) -> String {
    text[end..]
        .chars()
        .take_while(|&c| !is_stop(c))
        .take(16)
        .collect()
}

/// The value of an Arabic digit, half- or full-width.
fn digit_of(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn arabic(chars: &[char]) -> Option<u32> {
    if chars.is_empty() || chars.len() > 9 {
        return None;
    }
    chars
        .iter()
        .try_fold(0u32, |v, &c| Some(v * 10 + digit_of(c)?))
}

/// A whole number written in Arabic digits, or in Chinese numerals
/// (二〇二六, 十二).
fn whole_number(s: &str) -> Option<u32> {
    let chars: Vec<char> = s.chars().collect();
    if let Some(v) = arabic(&chars) {
        return Some(v);
    }
    crate::cnum::parse(s).and_then(|v| u32::try_from(v).ok())
}

/// Removes from `value` a unit the text already has after the blank
/// (2026年 into 20XX年, 12人 into XX人, 财政局 into xx局) and a word it has
/// before it (第3 into 第X组), so that nothing is written twice.
fn drop_repeats(value: &str, blank: &Blank, kind: Kind) -> String {
    let mut v = value;
    // Units and words the text already holds: for a number, date or year,
    // anything that is not part of the number; for a name, a name ending
    // (局, 县委) or two characters and more.
    let numeric = matches!(kind, Kind::Year | Kind::Month | Kind::Day | Kind::Number);
    for n in (1..=4).rev() {
        let chars: Vec<(usize, char)> = v.char_indices().collect();
        if chars.len() <= n {
            continue;
        }
        let (cut, _) = chars[chars.len() - n];
        let tail = &v[cut..];
        let allowed = if numeric {
            tail.chars()
                .all(|c| digit_of(c).is_none() && !matches!(c, '.' | '．'))
        } else {
            n >= 2 || name_or_text(tail.chars().next()) == Kind::Name
        };
        if allowed && blank.after.starts_with(tail) {
            v = &v[..cut];
            break;
        }
    }
    for n in (1..=4).rev() {
        let chars: Vec<(usize, char)> = v.char_indices().collect();
        if chars.len() <= n {
            continue;
        }
        let cut = chars[n].0;
        let head = &v[..cut];
        let allowed = if numeric {
            head.chars().all(|c| digit_of(c).is_none())
        } else {
            n >= 2
        };
        if allowed && blank.before.ends_with(head) {
            v = &v[cut..];
            break;
        }
    }
    v.to_string()
}

/// Checks `value` for `blank` and returns what is written in its place.
/// `months` gives the values typed into the other blanks (by index) that
/// a day or month may depend on. An empty value is `Ok(None)`: the blank
/// stays as it is.
pub fn check(
    blanks: &[Blank],
    k: usize,
    value: &str,
    values: &dyn Fn(usize) -> Option<String>,
    years: Years,
) -> Result<Option<String>, Refusal> {
    let Some(blank) = blanks.get(k) else {
        return Err(refuse("找不到这个空白", "This blank no longer exists"));
    };
    if value.is_empty() {
        return Ok(None);
    }
    let trimmed = value.trim_matches(|c: char| c.is_whitespace());
    if trimmed.is_empty() {
        return Err(refuse(
            "只填了空格：请填入实际内容，或清空这一栏保持不变",
            "Only spaces: type the real value, or clear the field to leave the blank as it is",
        ));
    }
    if trimmed
        .chars()
        .all(|c| is_mark(c) || "[]［］【】〔〕()（）<>《》{}".contains(c))
    {
        return Err(refuse(
            format!("“{trimmed}”仍然是占位符：请填入实际内容"),
            format!("\"{trimmed}\" is still a placeholder: type the real value"),
        ));
    }
    let v = drop_repeats(trimmed, blank, blank.kind);
    match blank.kind {
        Kind::Year => year_value(blank, &v, years).map(Some),
        Kind::Month => month_value(&v).map(|_| Some(v)),
        Kind::Day => {
            let month = match blank.month {
                Some(Source::Fixed(m)) => Some(m),
                Some(Source::Blank(j)) => values(j).and_then(|mv| {
                    month_value(&drop_repeats(mv.trim(), &blanks[j], Kind::Month)).ok()
                }),
                None => None,
            };
            let year = match blank.year {
                Some(Source::Fixed(y)) => Some(y),
                Some(Source::Blank(j)) => values(j).and_then(|yv| {
                    year_value(
                        &blanks[j],
                        &drop_repeats(yv.trim(), &blanks[j], Kind::Year),
                        years,
                    )
                    .ok()
                    .and_then(|s| whole_number(&s))
                }),
                None => None,
            };
            day_value(&v, month, year)?;
            Ok(Some(v))
        }
        Kind::Number => {
            if is_number(&v) {
                Ok(Some(v))
            } else {
                Err(refuse(
                    format!("“{v}”不是数字：这里要填一个数，如“12”或“3.5”"),
                    format!("\"{v}\" is not a number: this blank takes a number such as 12 or 3.5"),
                ))
            }
        }
        Kind::Name | Kind::Text => Ok(Some(v)),
    }
}

fn year_value(blank: &Blank, v: &str, years: Years) -> Result<String, Refusal> {
    let v = v.strip_suffix('年').unwrap_or(v);
    let chars: Vec<char> = v.chars().collect();
    // Only the marks typed (9 into 201X): the digits the year already has
    // stay. Only when it has some: XX年 with 26 would make a two-digit year.
    let marks: Vec<usize> = blank
        .text
        .chars()
        .enumerate()
        .filter(|(_, c)| {
            is_mark(*c) && !is_space(*c) && !(blank.chinese && crate::cnum::digit(*c).is_some())
        })
        .map(|(i, _)| i)
        .collect();
    let fixed = blank
        .text
        .chars()
        .filter(|&c| digit_of(c).is_some() || crate::cnum::digit(c).is_some())
        .count();
    let full: Vec<char> = if fixed > 0
        && chars.len() == marks.len()
        && chars.iter().all(|&c| digit_of(c).is_some())
    {
        let mut out: Vec<char> = blank.text.chars().collect();
        for (slot, &c) in marks.iter().zip(&chars) {
            out[*slot] = if blank.chinese { chinese_digit(c) } else { c };
        }
        out
    } else {
        chars
    };
    let full_str: String = full.iter().collect();
    let year = if full.len() == 4 {
        arabic(&full).or_else(|| whole_number(&full_str))
    } else {
        None
    };
    let Some(year) = year else {
        return Err(refuse(
            format!(
                "“{v}”不是年份：请填四位数字的年份，如“{}”",
                years.min + YEAR_SPAN
            ),
            format!(
                "\"{v}\" is not a year: type four digits, e.g. {}",
                years.min + YEAR_SPAN
            ),
        ));
    };
    if !(years.min..=years.max).contains(&year) {
        return Err(refuse(
            format!(
                "{year}年离报告的日期太远：请核对，年份应在{}年至{}年之间",
                years.min, years.max
            ),
            format!(
                "{year} is too far from the report's date: a year between {} and {} is expected",
                years.min, years.max
            ),
        ));
    }
    Ok(if blank.chinese {
        year.to_string().chars().map(chinese_digit).collect()
    } else {
        full_str
    })
}

/// 2 → 二, 0 → 〇: the digits of a year written in Chinese numerals.
fn chinese_digit(c: char) -> char {
    const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    digit_of(c).map_or(c, |d| DIGITS[d as usize])
}

fn month_value(v: &str) -> Result<u32, Refusal> {
    match whole_number(v) {
        Some(m) if (1..=12).contains(&m) => Ok(m),
        _ => Err(refuse(
            format!("“{v}”不是月份：月份是1至12"),
            format!("\"{v}\" is not a month: months run from 1 to 12"),
        )),
    }
}

fn day_value(v: &str, month: Option<u32>, year: Option<u32>) -> Result<u32, Refusal> {
    let Some(d) = whole_number(v).filter(|&d| d >= 1) else {
        return Err(refuse(
            format!("“{v}”不是日期：日是1至31"),
            format!("\"{v}\" is not a day: days run from 1 to 31"),
        ));
    };
    let max = month.map_or(31, |m| days_in(m, year));
    if d > max {
        return Err(match month {
            Some(2) if d == 29 => refuse(
                format!("{}年不是闰年，2月没有29日", year.unwrap_or(0)),
                format!(
                    "{} is not a leap year: February has no 29th",
                    year.unwrap_or(0)
                ),
            ),
            Some(m) => refuse(
                format!("{m}月只有{max}天，没有{d}日"),
                format!("Month {m} has {max} days; there is no day {d}"),
            ),
            None => refuse(
                format!("“{v}”不是日期：日是1至31"),
                format!("\"{v}\" is not a day: days run from 1 to 31"),
            ),
        });
    }
    Ok(d)
}

/// A number as a report writes it: 12, 3.5, 1,200, 12.5, 十二, 20多.
fn is_number(v: &str) -> bool {
    let v = v.strip_suffix(['多', '余']).unwrap_or(v);
    if v.is_empty() {
        return false;
    }
    if crate::cnum::parse(v).is_some() {
        return true;
    }
    let body = v.strip_prefix(['+', '-', '－']).unwrap_or(v);
    let mut seen_point = false;
    let mut digits = 0;
    for c in body.chars() {
        if digit_of(c).is_some() {
            digits += 1;
        } else if matches!(c, '.' | '．') && !seen_point && digits > 0 {
            seen_point = true;
        } else if matches!(c, ',' | '，') && digits > 0 && !seen_point {
        } else {
            return false;
        }
    }
    digits > 0 && !body.ends_with(['.', '．', ',', '，'])
}

/// Every value checked, in blank order: the refusals, or the replacements.
pub fn check_all(
    blanks: &[Blank],
    values: &[(usize, String)],
    years: Years,
) -> (Vec<(usize, String)>, Refused) {
    let lookup = |j: usize| values.iter().find(|(k, _)| *k == j).map(|(_, v)| v.clone());
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    for (k, v) in values {
        match check(blanks, *k, v, &lookup, years) {
            Ok(Some(r)) => ok.push((*k, r)),
            Ok(None) => {}
            Err(e) => bad.push((*k, e)),
        }
    }
    (ok, bad)
}

/// Writes the values into `text`. Refuses all of them if any is wrong, so
/// a fill-in is never half applied.
pub fn apply(
    text: &str,
    blanks: &[Blank],
    values: &[(usize, String)],
    years: Years,
) -> Result<String, Refused> {
    let (ok, bad) = check_all(blanks, values, years);
    if !bad.is_empty() {
        return Err(bad);
    }
    let fixes: Vec<(usize, usize, String)> = ok
        .into_iter()
        .filter_map(|(k, r)| blanks.get(k).map(|b| (b.start, b.end, r)))
        .collect();
    Ok(crate::fix::apply(text, &fixes))
}

/// A valid value for each blank, as a test or a demonstration fills them.
pub fn example_value(blank: &Blank, years: Years) -> String {
    match blank.kind {
        Kind::Year => (years.min + YEAR_SPAN).to_string(),
        Kind::Month => "3".into(),
        Kind::Day => "28".into(),
        Kind::Number => "12".into(),
        Kind::Name => "城关镇".into(),
        Kind::Text => "实际内容".into(),
    }
}
