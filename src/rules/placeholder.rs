//! 未填写的占位符。模板和范文里留给起草人填写的空白，如果原样交上去，
//! 读者一眼就能看出报告是套用模板、没有认真核对的。每一处都必须填上
//! 真实内容，或者连同前后文字一起删去。每个空白单独列出，相邻的两个
//! “X件X人”算两处；提示里附上空白所在的半句话，方便对照填写。
//!
//! 能识别的写法：
//! - 汉字或数字旁边的拉丁字母 X / x：XX人、xx局、X月X日、第X组、X%、
//!   XXX单位、X市、X“南拓”，以及 XX.X% 这样的小数空位；
//! - 没写完的年份：201X年、20XX年、202-年、20××年、二〇XX年，文号里的
//!   〔20××〕X号、[20××]28号，以及“    年    月    日”这样的空日期；
//! - 填空符号：××、×××、○○、〇〇、□□、■■、___、＿＿、汉字之间的__（党员__人），
//!   以及“×月×日”；
//! - 某某、某某某（单个“某”是有意的匿名，不算；某些、某种、某个也不算）；
//! - 括号里的填写提示：[X]、【X】、[单位名称]、<单位名称>、{{变量}}、
//!   【请填写……】、（此处填写……）、［…］、空括号“（  ）”，还有
//!   [行政机关/事业单位/国有骨干企业] 这样没选定的选项、
//!   [具体职能1,如政策执行…] 这样的写作说明；
//! - 代替内容的星号：*年、*局党委、以*思想为指导、*届*中全会；
//! - 英文占位：TODO、TBD、FIXME、Lorem ipsum、[Insert …]、<name>、???；
//! - 数字位置上的空格：“党员　　人，”“增长  %。”“投资　　万元，”——两个以上
//!   空格夹在汉字和结束分句的量词之间，是删掉示例数字后没有填。
//!
//! 不会误报：X光、X射线、X线、X轴、X型，Windows XP、Excel、XML 等英文，
//! 3x4、3×4 这样的乘号，二〇二〇年里的〇，〔2020〕28号、引文序号[1]、
//! 《文件名》、（一）这样正常的括号，PM2.5、5G、COVID-19、B超、CT，
//! “工  作  总  结”这样的字间空格和“单位  人数”这样的表格列。
//!
//! 示例：“全县共有基层纪检组织XX个” → 把 XX 换成实际数字；
//! “202-年” → 写成完整的年份，如“2022年”。
//!
//! # English
//! Unfilled placeholders: the blanks a template leaves for the writer.
//! Submitted as they are, they show that the report was copied from a
//! template and never checked. Fill in each one, or delete it together with
//! the words around it. Each blank is listed on its own (X件X人 is two), with
//! the clause it sits in.
//!
//! Found: a Latin X or x next to Chinese text or numbers (XX人, xx局, X月X日,
//! 第X组, X%, XXX单位, X“南拓”); unfinished years (201X年, 20XX年, 202-年,
//! 20××年, 二〇XX年, the year of a document number 〔20××〕X号) and empty
//! dates; fill-in glyphs (××, ○○, □□, ■■, ___, and __ between Han
//! characters: 党员__人); 某某 and 某某某 (a single 某
//! is deliberate anonymisation); bracketed prompts ([X], [单位名称],
//! <单位名称>, {{变量}}, 【请填写…】, （此处填写…）, empty brackets, unchosen
//! option lists [A/B/C], writing instructions [具体职能1,如…]); an asterisk
//! standing for a word (*年, 以*思想为指导); English blanks (TODO, TBD, FIXME,
//! Lorem ipsum, [Insert …], <name>, ???); spaces where a figure was deleted
//! and never filled in (党员　　人，增长  %。: two or more spaces between a
//! Han character and a counter that ends the clause).
//!
//! Left alone: X光, X射线, X轴, X型, Windows XP, Excel, XML, 3x4 and 3×4,
//! the 〇 of 二〇二〇年, 〔2020〕28号, citation marks [1], 《文件名》, （一）,
//! PM2.5, 5G, COVID-19, letter-spaced titles (工  作  总  结) and table
//! columns (单位  人数). Example: "全县共有基层纪检组织XX个" → replace XX with
//! the real number.

use super::support_brackets::{is_blank_space, is_cjk_punct, scan_brackets, BracketClass, Fill};
use super::{Ctx, Emitter};
use crate::document::Document;
use crate::re::Regex;
use crate::text::class::is_han;
use crate::text::lexicon::Lexicon;
use crate::text::seeds::{self, Seeds};
use crate::text::utf8::decode_at;
use std::sync::OnceLock;

/// What kind of blank a finding is; it picks the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Latin,
    Year,
    DocYear,
    Date,
    Glyph,
    Mou,
    Asterisk,
    Question,
    English,
    /// Spaces for a figure; the length of the counter after them.
    Spaces(usize),
    Bracket(Fill),
}

/// A letter of a non-Han script (Latin, full-width Latin, Greek, kana …).
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (c.is_alphabetic() && !is_han(c))
}

/// Words in which a single Latin X is part of the term: X光, X射线, X线,
/// X轴, X型, X形, X染色体, X刀, X波段, X坐标 …
const X_TERMS: &[char] = &[
    '光', '射', '线', '轴', '型', '形', '染', '刀', '波', '坐', '档',
];

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "placeholder",
    category: crate::Category::Placeholder,
    severity: crate::Severity::Error,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let doc = ctx.doc;
    let text = doc.text;
    let mut blanks: Vec<(usize, usize, Kind)> = Vec::new();

    scan_years(text, &mut blanks);
    scan_runs(doc, &mut blanks);
    scan_english(text, &mut blanks);
    scan_spaces(text, &mut blanks);
    for hit in scan_brackets(text) {
        if let BracketClass::Fill(fill) = hit.class {
            blanks.push((hit.start, hit.end, Kind::Bracket(fill)));
        }
    }

    // Earliest first; of two starting together the longer wins. A blank
    // inside one already reported (the X of [X], the ×× of 20××年) is the
    // same blank.
    crate::sort::sort_by(&mut blanks, |&(s, e, _)| {
        crate::sort::key3(s, crate::sort::desc(e), 0)
    });
    let mut last_end = 0;
    for (start, end, kind) in blanks {
        if start < last_end || start >= end {
            continue;
        }
        last_end = end;
        let blank = doc.slice(start, end);
        let shown;
        let blank = if let Kind::Spaces(counter) = kind {
            // The spaces alone say nothing: show them between their neighbours.
            // Two Han characters before, the counter after.
            let mut from = start;
            for _ in 0..2 {
                match crate::text::utf8::char_before(text, from) {
                    Some(c) if is_han(c) => from -= c.len_utf8(),
                    _ => break,
                }
            }
            shown = format!("“{}”", doc.slice(from, end + counter));
            shown.as_str()
        } else {
            blank
        };
        let (zh, en) = message(kind, blank);
        let (cs, ce) = doc.clause_around(start, end);
        out.error(start, end, zh, en).context(cs, ce);
    }
}

fn message(kind: Kind, blank: &str) -> (String, String) {
    let b = blank.trim();
    match kind {
        Kind::Latin => (
            format!("未填写的占位符“{b}”：这是模板留下的空白，请填入实际的数字、名称或日期"),
            format!("Unfilled placeholder \"{b}\": a blank left by the template; fill in the real figure, name or date"),
        ),
        Kind::Year => (
            format!("年份没有写完整“{b}”：请填入实际年份，如“2022年”"),
            format!("Unfinished year \"{b}\": fill in the actual year, e.g. \"2022年\""),
        ),
        Kind::DocYear => (
            format!("文号里的年份未填写“{b}”：请填入发文年份"),
            format!("The year of the document number is blank (\"{b}\"): fill in the year of issue"),
        ),
        Kind::Date => (
            format!("日期留空“{b}”：请填入实际日期"),
            format!("Empty date \"{b}\": fill in the actual date"),
        ),
        Kind::Glyph => (
            format!("填空符号“{b}”没有替换：请换成实际内容"),
            format!("Fill-in mark \"{b}\" was never replaced: put the real content here"),
        ),
        Kind::Mou => (
            format!("“{b}”是模板里的代称：请换成实际的单位名称或人名"),
            format!("\"{b}\" is the template's stand-in name: replace it with the real name"),
        ),
        Kind::Asterisk => (
            format!("星号“{b}”占着一个空位：请填入实际内容"),
            format!("The asterisk \"{b}\" stands for a missing word: fill it in"),
        ),
        Kind::Question => (
            format!("问号“{b}”标着尚未确定的内容：请核实后填入"),
            format!("\"{b}\" marks something not yet known: check it and fill it in"),
        ),
        Kind::English => (
            format!("英文占位标记“{b}”未处理：请补上实际内容并删除标记"),
            format!("Placeholder marker \"{b}\": write the real content and remove the marker"),
        ),
        Kind::Spaces(_) => (
            format!("数字的位置空着（{b}）：这几个空格占着一个没填的数，请填入实际数字"),
            format!("The number is missing ({b}): the spaces hold the place of a figure never filled in"),
        ),
        Kind::Bracket(Fill::Empty) => (
            format!("空括号“{b}”是待填写的空位：请填入内容；不需要的话连括号一起删除"),
            format!("Empty brackets \"{b}\" are a blank to fill in; delete them if not needed"),
        ),
        Kind::Bracket(Fill::Options) => (
            format!("选项“{b}”没有选定：请保留符合实际的一项，去掉括号和其余选项"),
            format!("Option list \"{b}\" was never decided: keep the one that applies and remove the brackets and the rest"),
        ),
        Kind::Bracket(_) => (
            format!("括号里的填写提示“{b}”没有替换：请连同括号换成实际内容"),
            format!("Bracketed prompt \"{b}\" was never replaced: replace it, brackets included, with the real content"),
        ),
    }
}

// ---------------------------------------------------------------- years

fn year_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            // 201X年, 20XX年, 202-年, 20××年, 20__年; 〔20××〕 (year of a document number)
            r"(?P<y>(?:19|20|１９|２０)[0-9０-９]?[-－‐–—_＿XxＸｘ×*＊○〇□■]+)",
            r"(?P<tail>[ \t\u{3000}]*年|[〕\]］】)）])",
            // 二〇XX年, 二〇××年, 二〇一X年
            r"|(?P<c>(?:一九|二[〇○零])[〇○零一二三四五六七八九]?[XxＸｘ×*＊□■_＿]+[ \t\u{3000}]*年)",
            // "    年    月    日": a date left empty for signing
            r"|(?P<d>(?:(?:19|20)[0-9]{0,2})?[ \u{3000}]{1,8}年[ \u{3000}]{1,8}月[ \u{3000}]{1,8}日)",
        ))
        .expect("valid regex")
    })
}

/// A character that stands for a digit in a blank year (201X年, 20××年).
fn is_year_blank(c: char) -> bool {
    matches!(
        c,
        '-' | '－'
            | '‐'
            | '–'
            | '—'
            | '_'
            | '＿'
            | 'X'
            | 'x'
            | 'Ｘ'
            | 'ｘ'
            | '×'
            | '*'
            | '＊'
            | '○'
            | '〇'
            | '□'
            | '■'
    )
}

/// Every character a blank year or an empty signing date can hold.
fn is_year_char(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || is_year_blank(c)
        || matches!(
            c,
            ' ' | '\t'
                | '\u{3000}'
                | '年'
                | '月'
                | '日'
                | '〕'
                | ']'
                | '］'
                | '】'
                | ')'
                | '）'
                | '一'
                | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '零'
        )
}

fn scan_years(text: &str, out: &mut Vec<(usize, usize, Kind)>) {
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    // Every match ends in 年 or a closing bracket and holds a blank mark
    // or a space: search the runs of year characters around those.
    let seeds = SEEDS.get_or_init(|| Seeds::chars(&['年', '〕', ']', '］', '】', ')', '）']));
    let runs = seeds::char_runs(text, seeds, is_year_char)
        .filter(|(_, run)| run.contains(|c: char| is_year_blank(c) || c == ' ' || c == '\u{3000}'));
    for (at, caps) in
        runs.flat_map(|(at, run)| year_regex().captures_iter(run).map(move |c| (at, c)))
    {
        let Some(all) = caps.get(0) else { continue };
        let all = seeds::Shifted::of(at, all.start(), all.end());
        let before = text.get(..all.start()).and_then(|s| s.chars().next_back());
        if let Some(y) = caps.name("y") {
            // Part of a longer number (12020X年) is not a year.
            if before.is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
                continue;
            }
            let tail = caps.name("tail").map_or("", |t| t.as_str());
            if tail.ends_with('年') {
                out.push((all.start(), all.end(), Kind::Year));
            } else if before.is_some_and(|c| matches!(c, '〔' | '[' | '［' | '【' | '(' | '（'))
            {
                out.push((at + y.start(), at + y.end(), Kind::DocYear));
            }
        } else if let Some(c) = caps.name("c") {
            out.push((at + c.start(), at + c.end(), Kind::Year));
        } else if let Some(d) = caps.name("d") {
            let s = d.as_str();
            let lead = s.len() - s.trim_start_matches(is_blank_space).len();
            out.push((at + d.start() + lead, at + d.end(), Kind::Date));
        }
    }
}

// ---------------------------------------------------------------- runs

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    X,
    Times,
    Circle,
    Square,
    Under,
    Mou,
    Star,
    Question,
}

fn class_of(c: char) -> Option<Class> {
    Some(match c {
        'X' | 'x' | 'Ｘ' | 'ｘ' => Class::X,
        '×' => Class::Times,
        '○' | '〇' => Class::Circle,
        '□' | '■' => Class::Square,
        '_' | '＿' => Class::Under,
        '某' => Class::Mou,
        '*' | '＊' => Class::Star,
        '?' | '？' => Class::Question,
        _ => return None,
    })
}

/// The text as (byte offset, char), with neighbour lookups that never panic.
struct Chars {
    v: Vec<(usize, char)>,
    len: usize,
}

impl Chars {
    fn get(&self, i: usize) -> Option<char> {
        self.v.get(i).map(|&(_, c)| c)
    }
    fn before(&self, i: usize) -> Option<char> {
        i.checked_sub(1).and_then(|k| self.get(k))
    }
    fn byte(&self, i: usize) -> usize {
        self.v.get(i).map_or(self.len, |&(b, _)| b)
    }
    /// The nearest character before `i` that is not a space or tab, or None
    /// at a line start. Walks back over spaces only, so all calls together
    /// cost linear time.
    fn prev_solid(&self, i: usize) -> Option<char> {
        let mut k = i;
        while k > 0 {
            k -= 1;
            match self.get(k) {
                Some(c) if is_blank_space(c) => continue,
                Some('\n' | '\r') | None => return None,
                Some(c) => return Some(c),
            }
        }
        None
    }
    /// Like `prev_solid`, forward from `j` (exclusive start).
    fn next_solid(&self, j: usize) -> Option<char> {
        let mut k = j;
        while let Some(c) = self.get(k) {
            if is_blank_space(c) {
                k += 1;
                continue;
            }
            return if c == '\n' || c == '\r' {
                None
            } else {
                Some(c)
            };
        }
        None
    }
}

/// Runs of X/x, ×, ○/〇, □/■, _, 某, * and ? that stand for a blank.
/// Only the lines that hold such a character are read, each with the line
/// breaks around it: no test looks past a line break.
fn scan_runs(doc: &Document, out: &mut Vec<(usize, usize, Kind)>) {
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    let seeds = SEEDS.get_or_init(|| {
        Seeds::chars(&[
            'X', 'x', 'Ｘ', 'ｘ', '×', '○', '〇', '□', '■', '_', '＿', '某', '*', '＊', '?', '？',
        ])
    });
    let text = doc.text;
    // Lines that are a separator (***, ___) are cached: a line of many
    // runs is looked at once.
    let mut separator_cache: Option<(usize, bool)> = None;
    let mut is_separator_line = |pos: usize| -> bool {
        let li = doc.line_index(pos);
        if let Some((l, v)) = separator_cache {
            if l == li {
                return v;
            }
        }
        let v = doc.lines.get(li).is_some_and(|l| {
            doc.slice(l.start, l.end).chars().all(|c| {
                is_blank_space(c) || matches!(c, '*' | '＊' | '_' | '＿' | '-' | '—' | '=')
            })
        });
        separator_cache = Some((li, v));
        v
    };
    let mut skip_until = 0usize; // the closing ** of a bold span

    // One buffer for every line's characters.
    let mut chars = Chars {
        v: Vec::new(),
        len: 0,
    };
    for (line_start, line) in seeds::trigger_lines(text, seeds) {
        let line_end = line_start + line.len();
        let from = line_start.saturating_sub(1);
        let to = (line_end + 1).min(text.len());
        chars.v.clear();
        // Decoded by hand: a `char_indices` step is a call in the web build.
        let bytes = text.get(from..to).unwrap_or("").as_bytes();
        let mut b = 0;
        while let Some((c, len)) = decode_at(bytes, b) {
            chars.v.push((from + b, c));
            b += len;
        }
        chars.len = to;
        scan_line_runs(&chars, &mut is_separator_line, &mut skip_until, out);
    }
}

fn scan_line_runs(
    chars: &Chars,
    is_separator_line: &mut impl FnMut(usize) -> bool,
    skip_until: &mut usize,
    out: &mut Vec<(usize, usize, Kind)>,
) {
    let mut i = 0;
    while i < chars.v.len() {
        let (start, c) = chars.v[i];
        let Some(class) = class_of(c) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while chars.get(j).and_then(class_of) == Some(class) {
            j += 1;
        }
        // XX.X%: a decimal with both parts blank is one blank.
        if class == Class::X {
            while matches!(chars.get(j), Some('.' | '．'))
                && chars.get(j + 1).and_then(class_of) == Some(Class::X)
            {
                j += 2;
                while chars.get(j).and_then(class_of) == Some(Class::X) {
                    j += 1;
                }
            }
        }
        let end = chars.byte(j);
        let len = j - i;
        let prev = chars.before(i);
        let next = chars.get(j);
        let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
        let numeral = |c: Option<char>| c.is_some_and(crate::cnum::is_numeral_char);
        let date_unit = |c: Option<char>| matches!(c, Some('月' | '日' | '号'));
        let blank = match class {
            Class::X => x_is_blank(chars, i, j),
            Class::Times => {
                !(digit(prev) && digit(next)) && (len >= 2 || (date_unit(next) && !digit(prev)))
            }
            Class::Circle => !numeral(prev) && !numeral(next) && (len >= 2 || date_unit(next)),
            Class::Square => len >= 2,
            Class::Under => {
                // Two between Han characters (党员__人) are a blank too: no
                // name or identifier is written so, and Markdown does not
                // read them as emphasis there.
                let han = |c: Option<char>| c.is_some_and(crate::text::class::is_han);
                let long = len >= 3 || (len >= 2 && (c == '＿' || (han(prev) && han(next))));
                let ident = prev.is_some_and(|c| c.is_ascii_alphanumeric())
                    && next.is_some_and(|c| c.is_ascii_alphanumeric());
                long && !ident && !is_separator_line(start)
            }
            Class::Mou => len >= 2,
            Class::Question => len >= 3,
            Class::Star => {
                if start < *skip_until {
                    false
                } else if let Some(close) = bold_close(chars, i, j) {
                    *skip_until = close;
                    false
                } else {
                    star_is_blank(chars, i, j) && !is_separator_line(start)
                }
            }
        };
        if blank {
            let kind = match class {
                Class::X => Kind::Latin,
                Class::Mou => Kind::Mou,
                Class::Star => Kind::Asterisk,
                Class::Question => Kind::Question,
                _ => Kind::Glyph,
            };
            out.push((start, end, kind));
        }
        i = j;
    }
}

fn class_of_x(c: Option<char>) -> Option<Class> {
    c.and_then(class_of)
}

fn x_is_blank(chars: &Chars, i: usize, j: usize) -> bool {
    let len = j - i;
    let prev = chars.before(i);
    let next = chars.get(j);
    let ascii_alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    // Part of a word: Excel, XML, Windows XP, NOx.
    if prev.is_some_and(is_letter) || next.is_some_and(is_letter) {
        return false;
    }
    // After digits, an X is a blank only in a year (201X, 20XX, 201X-202X);
    // "415X", "555X" are names of policy programmes, 3x倍 a speed-up.
    if prev.is_some_and(|c| c.is_ascii_digit()) {
        return after_year_digits(chars, i) && !next.is_some_and(|c| c.is_ascii_digit());
    }
    // A model or code: x86, X5, 3x4, X-100.
    if next.is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    // ... but X-X月 is a range of two blanks.
    let code = |c: Option<char>| ascii_alnum(c) && class_of_x(c) != Some(Class::X);
    if next == Some('-') && code(chars.get(j + 1)) {
        return false;
    }
    // COVID-X, A/X, f(x), a[x]: attached to ASCII on the left.
    if matches!(prev, Some('-' | '/' | '(' | '[')) && i >= 2 && code(chars.get(i - 2)) {
        return false;
    }
    // "1+N+X", "双尖双领+X", "1+X证书": an open-ended term of a formula.
    if prev == Some('+') || next == Some('+') || prev == Some('＋') || next == Some('＋') {
        return false;
    }
    // "XXX" standing alone in English text ("Dear XXX,").
    if len >= 3 && chars.v[i..j].iter().all(|&(_, c)| c == 'X') {
        return true;
    }
    // iPhone X, X Window, 3 x 4: an English or arithmetic neighbour.
    let spaced_ascii =
        |c: Option<char>, solid: Option<char>| c.is_some_and(is_blank_space) && ascii_alnum(solid);
    if spaced_ascii(prev, chars.prev_solid(i)) || spaced_ascii(next, chars.next_solid(j)) {
        return false;
    }
    if len == 1 && next.is_some_and(|c| X_TERMS.contains(&c)) {
        return false;
    }
    let cjk_side = |c: Option<char>| {
        c.is_some_and(|c| {
            is_han(c)
                || is_cjk_punct(c)
                || c.is_ascii_digit()
                || matches!(
                    c,
                    '%' | '“'
                        | '”'
                        | '‘'
                        | '’'
                        | '"'
                        | '('
                        | ')'
                        | '['
                        | ']'
                        | '<'
                        | '>'
                        | '{'
                        | '}'
                )
        })
    };
    if cjk_side(prev) || cjk_side(next) {
        return true;
    }
    // 共有 XX 人: Chinese set with spaces around figures.
    if (prev.is_some_and(is_blank_space) && cjk_side(chars.prev_solid(i)))
        || (next.is_some_and(is_blank_space) && cjk_side(chars.next_solid(j)))
    {
        return true;
    }
    // An X alone on its line (a section body that is just "X").
    chars.prev_solid(i).is_none() && chars.next_solid(j).is_none()
}

/// The digits right before position `i` are the start of a year: 19, 20,
/// 19d or 20d (and not the tail of a longer number).
fn after_year_digits(chars: &Chars, i: usize) -> bool {
    let mut digits = String::new();
    let mut k = i;
    while k > 0 && digits.len() < 4 {
        match chars.get(k - 1) {
            Some(c) if c.is_ascii_digit() => {
                digits.insert(0, c);
                k -= 1;
            }
            _ => break,
        }
    }
    let longer = k > 0 && chars.get(k - 1).is_some_and(|c| c.is_ascii_digit());
    !longer
        && (2..=3).contains(&digits.len())
        && (digits.starts_with("19") || digits.starts_with("20"))
}

/// `**重点**`: a Markdown bold span opened at run i..j. Returns the byte end
/// of the closing `**` when there is one on the same line, nearby.
fn bold_close(chars: &Chars, i: usize, j: usize) -> Option<usize> {
    if j - i != 2 || chars.get(j).is_none_or(|c| c.is_whitespace()) {
        return None;
    }
    let mut k = j;
    let limit = j + 80;
    while k < limit {
        let c = chars.get(k)?;
        if c == '\n' || c == '\r' {
            return None;
        }
        if matches!(c, '*' | '＊') {
            let mut m = k;
            while matches!(chars.get(m), Some('*' | '＊')) {
                m += 1;
            }
            let inner = k - j;
            let before_ok = chars.before(k).is_some_and(|c| !c.is_whitespace());
            return (m - k == 2 && inner >= 2 && before_ok).then(|| chars.byte(m));
        }
        k += 1;
    }
    None
}

/// An asterisk standing for a word: *年, *局党委, 以*思想为指导, *届*中全会.
fn star_is_blank(chars: &Chars, i: usize, j: usize) -> bool {
    let prev = chars.before(i);
    let next = chars.get(j);
    if prev.is_some_and(|c| c.is_ascii_digit()) && next.is_some_and(|c| c.is_ascii_digit()) {
        return false; // 3*4
    }
    if !next.is_some_and(|c| is_han(c) || c == '%') {
        return false;
    }
    // A footnote line: "*注：……", "*数据来源：……".
    if chars.prev_solid(i).is_none() {
        const NOTES: &[&str] = &["注", "备注", "说明", "数据来源", "资料来源", "来源", "表示"];
        let after: String = chars.v[j.min(chars.v.len())..]
            .iter()
            .take(4)
            .map(|&(_, c)| c)
            .collect();
        if NOTES.iter().any(|n| after.starts_with(n)) {
            return false;
        }
    }
    true
}

// ---------------------------------------------------------------- spaces

/// Counters a figure is written before. 年, 月 and 日 are the empty date's.
fn is_counter(c: char) -> bool {
    matches!(
        c,
        '人' | '名'
            | '个'
            | '件'
            | '项'
            | '次'
            | '家'
            | '户'
            | '所'
            | '座'
            | '条'
            | '处'
            | '起'
            | '场'
            | '期'
            | '篇'
            | '批'
            | '台'
            | '辆'
            | '套'
            | '亩'
            | '元'
            | '%'
            | '％'
            | '岁'
            | '株'
            | '头'
            | '吨'
            | '倍'
            | '万'
            | '亿'
            | '千'
            | '百'
    )
}

/// Spaces standing for a figure never filled in: 党员　　人，女性  名。 Two
/// or more spaces after a Han character and before a counter that closes
/// the clause (人, 万元, 人次, % followed by punctuation or the line's end).
/// Letter-spaced words (工  作  总  结) and columns (单位  人数) are not: the
/// character before the spaces must not follow a space itself, and the
/// counter must end the clause.
fn scan_spaces(text: &str, out: &mut Vec<(usize, usize, Kind)>) {
    let bytes = text.as_bytes();
    let mut from = 0;
    // A run starts with an ASCII space or U+3000 (E3 80 80).
    while let Some(k) = memchr::memchr2(b' ', 0xE3, &bytes[from..]) {
        let start = from + k;
        let mut end = start;
        let mut n = 0;
        while let Some(c) = crate::text::utf8::char_at(text, end) {
            if c == ' ' || c == '\u{3000}' || c == '\u{a0}' {
                end += c.len_utf8();
                n += 1;
            } else {
                break;
            }
        }
        from = if end > start { end } else { start + 1 };
        if n < 2 {
            continue;
        }
        let Some(prev) = crate::text::utf8::char_before(text, start) else {
            continue;
        };
        if !is_han(prev) {
            continue;
        }
        let before_prev = crate::text::utf8::char_before(text, start - prev.len_utf8());
        if before_prev.is_none_or(|c| is_blank_space(c) || c == '\n' || c == '\r') {
            continue;
        }
        let Some(unit) = crate::text::utf8::char_at(text, end).filter(|&c| is_counter(c)) else {
            continue;
        };
        let mut after = end + unit.len_utf8();
        // A second character of the counter: 万元, 亿元, 人次, 户次, 万人.
        if let Some(c) = crate::text::utf8::char_at(text, after) {
            if matches!(c, '元' | '次' | '人' | '亩' | '吨' | '个' | '件' | '户') && c != unit
            {
                after += c.len_utf8();
            }
        }
        let closes = match crate::text::utf8::char_at(text, after) {
            None | Some('\n' | '\r' | '）' | ')') => true,
            Some(c) => crate::text::class::is_clause_punct(c),
        };
        if closes {
            out.push((start, end, Kind::Spaces(after - end)));
        }
    }
}

// ---------------------------------------------------------------- English

fn english_terms() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        Lexicon::new(
            &[
                "TODO",
                "TBD",
                "TBC",
                "FIXME",
                "Lorem ipsum",
                "lorem ipsum",
                "LOREM IPSUM",
            ],
            false,
        )
    })
}

fn scan_english(text: &str, out: &mut Vec<(usize, usize, Kind)>) {
    let bytes = text.as_bytes();
    for (m_start, m_end, word) in english_terms().find_leftmost_longest(text) {
        let before = m_start.checked_sub(1).and_then(|k| bytes.get(k));
        let after = bytes.get(m_end);
        if before.is_some_and(u8::is_ascii_alphanumeric)
            || after.is_some_and(u8::is_ascii_alphanumeric)
        {
            continue;
        }
        let mut end = m_end;
        if word >= 4 {
            // Lorem ipsum dolor sit amet …: the whole Latin filler.
            while bytes
                .get(end)
                .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b' ' | b',' | b'.'))
            {
                end += 1;
            }
            while end > m_end && matches!(bytes.get(end - 1), Some(b' ' | b',')) {
                end -= 1;
            }
        }
        out.push((m_start, end, Kind::English));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{assert_flags, assert_silent, findings_of, flagged};

    #[test]
    fn flags_blanks() {
        assert_eq!(
            flagged("placeholder", "截至XX年底，共有XX人。"),
            vec!["XX", "XX"]
        );
        assert_eq!(
            flagged("placeholder", "202-年，我县查处案件X件X人"),
            vec!["202-年", "X", "X"]
        );
        assert_flags(
            "placeholder",
            &[
                "xx局党委",
                "X月X日召开",
                "位列第X位",
                "增长X%",
                "XXX单位",
                "20XX年",
                "201X年",
                "202X年",
                "20××年",
                "某某同志",
                "二〇XX年",
                "X“南拓”",
                "X市委",
            ],
        );
    }

    #[test]
    fn years_and_document_numbers() {
        assert_eq!(flagged("placeholder", "二〇XX年工作总结"), vec!["二〇XX年"]);
        assert_eq!(flagged("placeholder", "二〇××年"), vec!["二〇××年"]);
        assert_eq!(
            flagged("placeholder", "根据《通知》（X委发〔20××〕X号）要求"),
            vec!["X", "20××", "X"]
        );
        assert_eq!(flagged("placeholder", "依据[20××]28号文件"), vec!["20××"]);
        assert_eq!(
            flagged("placeholder", "落款：    年    月    日"),
            vec!["年    月    日"]
        );
        assert_silent(
            "placeholder",
            &[
                "〔2020〕28号",
                "2019-2020年",
                "近20-30年",
                "二〇二〇年",
                "二○一九年",
            ],
        );
    }

    #[test]
    fn glyphs() {
        assert_eq!(
            flagged("placeholder", "×××同志任××局局长"),
            vec!["×××", "××"]
        );
        assert_eq!(flagged("placeholder", "○○村、〇〇社区"), vec!["○○", "〇〇"]);
        assert_eq!(flagged("placeholder", "□□□公司"), vec!["□□□"]);
        assert_eq!(flagged("placeholder", "■■镇"), vec!["■■"]);
        assert_eq!(
            flagged("placeholder", "负责人：___，电话：＿＿"),
            vec!["___", "＿＿"]
        );
        assert_eq!(flagged("placeholder", "于×月×日召开"), vec!["×", "×"]);
        assert_eq!(
            flagged("placeholder", "其中党员__人，团员__人。"),
            vec!["__", "__"]
        );
        assert_silent(
            "placeholder",
            &[
                "file__name",
                "党员__，团员",
                "尺寸3×4米",
                "二〇〇八年",
                "二○○○年",
                "□是 □否",
                "snake_case_name",
                "___",
            ],
        );
    }

    #[test]
    fn brackets() {
        assert_eq!(
            flagged("placeholder", "[单位名称]2022年工作总结"),
            vec!["[单位名称]"]
        );
        assert_flags(
            "placeholder",
            &[
                "由[X]负责",
                "由【X】负责",
                "【请填写单位全称】党委",
                "审核单位：［…］",
                "<单位名称>党组",
                "{{单位名称}}关于",
                "（此处填写主要成效）",
                "(此处填写工作亮点…)",
                "（此处略述）",
                "本单位属于[行政机关/事业单位/国有骨干企业]",
                "主要负责[具体职能1,如政策执行…]",
                "共有党员（  ）名",
                "报告人：[Insert name]",
                "Prepared by <name>",
                // a field at a line's start that the sentence goes on from
                "【单位名称】是一所集医疗、教学、科研于一体的二级甲等综合医院。",
                "【单位名称】位于县城东部，现有职工812人。",
            ],
        );
        assert_eq!(
            flagged("placeholder", "【单位名称】是一所综合医院。"),
            vec!["【单位名称】"]
        );
        assert_silent(
            "placeholder",
            &[
                "〔2020〕28号",
                "见文献[1]和[2-4]",
                "《关于加强党的政治建设的意见》",
                "（一）基本情况",
                "党建（党风廉政建设）领导小组",
                "80%以上的村(社区)",
                "【典型案例】某县纪委监委查处了一批案件",
                // a label heading with its value after it
                "【工作单位】县人民医院",
                "【报送单位】县卫生健康局",
                "调用f(x)函数",
                "- [ ] 待办事项",
                "党委（党组）书记",
                "（附件1）",
                "境外（输入）",
            ],
        );
    }

    #[test]
    fn asterisks() {
        assert_eq!(flagged("placeholder", "*年*月"), vec!["*", "*"]);
        assert_eq!(flagged("placeholder", "*届*中全会"), vec!["*", "*"]);
        assert_flags("placeholder", &["*局党委", "以*思想为指导"]);
        assert_silent(
            "placeholder",
            &[
                "面积3*4米",
                "**一、基本情况**",
                "* 加强学习",
                "*注：数据来自统计局",
                "***",
            ],
        );
    }

    #[test]
    fn spaces_for_a_figure() {
        let t =
            "全镇共有党员　　人，其中女党员  名。完成投资　　万元，同比增长  %；培训干部　　人次。";
        assert_eq!(
            flagged("placeholder", t),
            vec!["　　", "  ", "　　", "  ", "　　"]
        );
        let f = findings_of("placeholder", t);
        assert_eq!((f[0].start, f[0].end), (6, 8));
        assert_eq!(
            f[0].message,
            "数字的位置空着（“党员　　人”）：这几个空格占着一个没填的数，请填入实际数字"
        );
        assert_eq!(
            f[2].message,
            "数字的位置空着（“投资　　万元”）：这几个空格占着一个没填的数，请填入实际数字"
        );
        assert_eq!(
            f[4].message,
            "数字的位置空着（“干部　　人次”）：这几个空格占着一个没填的数，请填入实际数字"
        );
        assert_eq!(f[0].context.as_deref(), Some("全镇共有党员　　人"));
        assert_silent(
            "placeholder",
            &[
                // letter-spaced title, table columns, an indent, a name and a phone
                "工  作  总  结",
                "单位  人数  备注",
                "　　人民群众满意度持续提升。",
                "负责人：张三  电话：12345678",
                // a counter that does not close the clause: a column or a word
                "全区　　个乡镇全部完成。",
                "单位名称  人员类别",
                // a figure is there
                "全镇共有党员 128 人。",
                // one space is a typing slip, not a blank
                "党员 人数稳步增长。",
            ],
        );
    }

    #[test]
    fn english_blanks() {
        assert_flags(
            "placeholder",
            &[
                "TODO：补充数据",
                "完成时间TBD",
                "FIXME",
                "Lorem ipsum dolor sit amet",
                "金额：???",
            ],
        );
        assert_eq!(
            flagged("placeholder", "Lorem ipsum dolor sit amet, consectetur。"),
            vec!["Lorem ipsum dolor sit amet, consectetur"]
        );
        assert_silent("placeholder", &["TODOS", "methodology", "真的吗？"]);
    }

    #[test]
    fn leaves_look_alikes_alone() {
        assert_silent(
            "placeholder",
            &[
                "拍X光片",
                "X射线检查",
                "X线胸片",
                "X轴方向",
                "X型钢",
                "使用Windows XP系统",
                "Excel表格",
                "XML文件",
                "面积3x4米",
                "尺寸3×4米",
                "二〇二〇年",
                "二〇〇八年",
                "某些单位",
                "某种程度",
                "某个环节",
                "某单位干部",
                "PM2.5浓度",
                "5G基站",
                "COVID-19疫情",
                "B超检查",
                "CT检查",
                "x86架构服务器",
                "iPhone X手机",
                "氮氧化物NOx排放",
            ],
        );
    }

    #[test]
    fn adjacent_blanks_are_separate() {
        assert_eq!(flagged("placeholder", "X件X人").len(), 2);
        assert_eq!(flagged("placeholder", "XX、XX、XX").len(), 3);
        assert_eq!(flagged("placeholder", "增长XX.X%"), vec!["XX.X"]);
    }

    #[test]
    fn findings_carry_their_clause() {
        let f = findings_of(
            "placeholder",
            "一、基本情况\n全县共有基层纪检组织XX个，其中乡镇纪委XX个。",
        );
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].context.as_deref(), Some("全县共有基层纪检组织XX个"));
        assert_eq!(f[1].context.as_deref(), Some("其中乡镇纪委XX个"));
        assert!(f[0].message.contains("XX"));
        assert!(f[0].message_en.contains("XX"));
    }
}
