//! 规范表述写走了样。党的文件和公文里的固定提法一个字都不能改：
//! “第二个百年奋斗目标”不能写成“第二个百年目标”，“坚定不移”不能写成
//! “坚决不移”，“中国式现代化”不能写成“中国式当代化”，“守正创新”不能
//! 写成“守正革新”，“以人民为中心”不能写成“以人民为核心”，“全面从严治党”
//! 不能写成“全面从严制党”。从文库网站下载、经过“伪原创”同义词替换的
//! 范文，最容易把这些提法改坏；手误多打、漏打一个字也一样。
//!
//! 本规则对照一份注明出处和日期的规范表述清单（党章、党的二十大报告、
//! 二十届三中全会决定、十九届六中全会决议、十九届五中全会和二十届四中
//! 全会的规划建议、党和国家机构改革方案和公文惯用表述），找出只差
//! 一两个字的写法：中间换了一个字（长提法换了两个字；七个字以上的提法，
//! 第一个或最后一个字换了也算）、漏了一个字（长提法漏了一个词）、或者
//! 多叠了一个字，给出规范写法，可一键改正，提示里注明出处。
//! 单位自己的规范表述和不应提示的说法，可以写进报告类型配置文件
//! （`formulations`、`formulation_exceptions`），或在“导出与设置”→
//! “规范表述”里添加。“四个意识”“四个自信”“新发展理念”等有固定成员和
//! 顺序的提法，成员漏了一个、顺序颠倒、或者有一个被换成了别的（“政治意识、
//! 大局意识、核心意识、服务意识”）时也提示。
//!
//! 宁可漏报，不可误报：本身就是规范提法或常用说法的（“高品质生活”
//! “坚决维护”“高质量开展工作”）、引用以前文件原文的、差别在数字上的
//! （“十九大”与“二十大”归“过时的提法”管）、差别在占位符（X、×、某）
//! 上的，都不提示。
//!
//! # English
//! Standard formulations bent out of shape. The fixed wording of Party
//! documents and official writing must be quoted exactly: 第二个百年奋斗目标,
//! not 第二个百年目标; 坚定不移, not 坚决不移; 中国式现代化, not 中国式当代化;
//! 守正创新, not 守正革新; 以人民为中心, not 以人民为核心; 全面从严治党, not
//! 全面从严制党. Model essays from document-sharing sites that went through
//! synonym spinning bend them most; so do slips of the keyboard.
//!
//! The rule compares the text with a dated list of canonical formulations
//! (the Party Constitution, the 20th Congress report, the decision of the
//! Third Plenary Session of the 20th Central Committee, the 2021 historical
//! resolution, the 14th and 15th Five-Year Plan proposals, the 2023 reform
//! of Party and state institutions, and standard official collocations)
//! and flags wording one or two characters off: a character replaced
//! inside the phrase (two in a long one; in a phrase of seven or more
//! characters, the first or last one too), a character (in a long phrase,
//! a two-character word) left out, or one typed twice. An office adds its
//! own formulations and established phrases in a profile (`formulations`,
//! `formulation_exceptions`) or in Settings (规范表述). The fix restores
//! the canonical form in one click and the message cites the source.
//! Named enumerations with fixed members in a fixed
//! order (四个意识, 四个自信, 新发展理念 …) are flagged when a member is missing,
//! the order is wrong, or one member is replaced by another (政治意识、大局意识、
//! 核心意识、服务意识). Precision comes first: established phrases
//! (高品质生活, 坚决维护, 高质量开展工作), quotations of earlier documents,
//! differences in a number (十九大 / 二十大: outdated-formulation's business)
//! or a placeholder mark (X, ×, 某) stay silent.

use super::{Ctx, Emitter};
use crate::config::{parse_year_month, UserFormulation};
use crate::document::Document;
use crate::text::class::is_han;
use crate::text::lexicon::Lexicon;
use std::sync::OnceLock;

/// The list: one line an entry (see the file's header).
const DATA: &str = include_str!("data/formulations.txt");

/// A canonical formulation.
pub struct Entry {
    pub phrase: String,
    chars: Vec<char>,
    /// The source document, and its date as (year, month; 0 when only
    /// the year is known) if it has one.
    pub source: String,
    pub date: Option<(u32, u32)>,
    /// From this date on the entry is no longer the current formulation
    /// (it stays canonical as history: 脱贫攻坚, 全面建成小康社会).
    pub superseded: Option<(u32, u32)>,
    /// The members of a named enumeration, in order.
    pub members: Vec<String>,
    /// Near-misses are looked for (long enough, not led by a number).
    fuzzy: bool,
}

fn year_month(zh: bool, (y, m): (u32, u32)) -> String {
    match (zh, m) {
        (true, 0) => format!("{y}年"),
        (true, m) => format!("{y}年{m}月"),
        (false, 0) => format!("{y}"),
        (false, m) => format!("{y}-{m:02}"),
    }
}

impl Entry {
    /// Are near-misses of this entry looked for?
    pub fn checked(&self) -> bool {
        self.fuzzy
    }

    /// Is a single substitution at the first or last character reported
    /// (not only inside)? Only for a long phrase that is not a list: the
    /// six or more characters left in place are the evidence.
    pub fn edges_checked(&self) -> bool {
        self.fuzzy && edges_checked(&self.chars)
    }

    /// “（党的二十大报告，2022年10月）”.
    pub fn citation(&self) -> String {
        let source = if self.source.is_empty() {
            "用户添加"
        } else {
            &self.source
        };
        let mut c = format!("（{source}");
        if let Some(d) = self.date {
            c.push('，');
            c.push_str(&year_month(true, d));
        }
        if let Some(d) = self.superseded {
            c.push_str(&format!("；{}起已不是现行提法", year_month(true, d)));
        }
        c.push('）');
        c
    }

    fn citation_en(&self) -> String {
        let mut c = if self.source.is_empty() {
            "added by the user".to_string()
        } else {
            self.source.clone()
        };
        if let Some(d) = self.date {
            c.push_str(&format!(", {}", year_month(false, d)));
        }
        if let Some(d) = self.superseded {
            c.push_str(&format!("; not current since {}", year_month(false, d)));
        }
        c
    }

    fn new(
        phrase: &str,
        source: &str,
        date: Option<(u32, u32)>,
        members: Vec<String>,
        idiom: bool,
    ) -> Entry {
        let chars: Vec<char> = phrase.chars().collect();
        // Four characters: idioms only; numbered names exactly.
        let fuzzy = (chars.len() > 4 || (chars.len() == 4 && idiom))
            && !(chars.len() <= 5 && chars.first().is_some_and(|&c| numeral(c)));
        Entry {
            phrase: phrase.to_string(),
            chars,
            source: source.to_string(),
            date,
            superseded: None,
            members,
            fuzzy,
        }
    }
}

fn edges_checked(e: &[char]) -> bool {
    e.len() >= 7 && !e.iter().any(|&c| matches!(c, '、' | '，'))
}

/// A source document of the built-in list, with how many entries cite it.
pub struct Source {
    pub name: String,
    pub date: Option<(u32, u32)>,
    pub entries: usize,
}

impl Source {
    /// "党的二十大报告（2022年10月）：120 条".
    pub fn line(&self) -> String {
        match self.date {
            Some(d) => format!(
                "{}（{}）：{} 条",
                self.name,
                year_month(true, d),
                self.entries
            ),
            None => format!("{}（不注日期）：{} 条", self.name, self.entries),
        }
    }
}

pub struct List {
    pub entries: Vec<Entry>,
    /// Established phrases that are never near-misses.
    pub exceptions: Vec<String>,
    /// The source documents (the built-in list's; none for a user list).
    pub sources: Vec<Source>,
    /// Anchors (an entry's first two and last two characters).
    anchors: Lexicon,
    /// For each anchor: (entry, true if it is the entry's first two).
    by_anchor: Vec<Vec<(usize, bool)>>,
    /// Every entry and exception, for exact occurrences.
    protected: Lexicon,
    /// Enumeration members, for [`enumerations`]; each word's (entry,
    /// position) pairs (民主 is in two).
    members: Lexicon,
    member_of: Vec<Vec<(usize, usize)>>,
    enumerated: Vec<usize>,
}

impl List {
    fn build(entries: Vec<Entry>, exceptions: Vec<String>, sources: Vec<Source>) -> List {
        let mut anchor_words: Vec<String> = Vec::new();
        let mut by_anchor: Vec<Vec<(usize, bool)>> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            if !e.fuzzy {
                continue;
            }
            let n = e.chars.len();
            for (first, a) in [(true, &e.chars[..2]), (false, &e.chars[n - 2..])] {
                let a: String = a.iter().collect();
                match anchor_words.iter().position(|w| *w == a) {
                    Some(k) => by_anchor[k].push((i, first)),
                    None => {
                        anchor_words.push(a);
                        by_anchor.push(vec![(i, first)]);
                    }
                }
            }
        }
        let mut protected: Vec<&str> = entries.iter().map(|e| e.phrase.as_str()).collect();
        protected.extend(exceptions.iter().map(String::as_str));
        let mut member_words: Vec<&str> = Vec::new();
        let mut member_of: Vec<Vec<(usize, usize)>> = Vec::new();
        let mut enumerated = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            if e.members.len() < 3 || e.members.iter().any(|m| m.chars().count() > 6) {
                continue;
            }
            enumerated.push(i);
            for (k, m) in e.members.iter().enumerate() {
                match member_words.iter().position(|w| w == m) {
                    Some(j) => member_of[j].push((i, k)),
                    None => {
                        member_words.push(m);
                        member_of.push(vec![(i, k)]);
                    }
                }
            }
        }
        List {
            anchors: Lexicon::new(&anchor_words, false),
            by_anchor,
            protected: Lexicon::new(&protected, false),
            members: Lexicon::new(&member_words, false),
            member_of,
            enumerated,
            entries,
            exceptions,
            sources,
        }
    }

    /// The user's additions (the profile's and the Settings'), or None
    /// when there are none. Phrases already in the built-in list, blank
    /// ones and one-character ones are left out.
    pub fn of_user(
        formulations: &[&UserFormulation],
        exceptions: &[&String],
        builtin: &List,
    ) -> Option<List> {
        let mut entries: Vec<Entry> = Vec::new();
        for f in formulations {
            let phrase = f.phrase.trim();
            if phrase.chars().count() < 2
                || builtin.entries.iter().any(|e| e.phrase == phrase)
                || entries.iter().any(|e| e.phrase == phrase)
            {
                continue;
            }
            let members = f
                .members
                .iter()
                .map(|m| m.trim().to_string())
                .filter(|m| !m.is_empty())
                .collect();
            // A user's four-character phrase is theirs to vouch for: it is
            // checked like an idiom.
            entries.push(Entry::new(
                phrase,
                f.source.trim(),
                parse_year_month(&f.date),
                members,
                true,
            ));
        }
        let exceptions: Vec<String> = exceptions
            .iter()
            .map(|x| x.trim().to_string())
            .filter(|x| !x.is_empty())
            .collect();
        if entries.is_empty() && exceptions.is_empty() {
            return None;
        }
        Some(List::build(entries, exceptions, Vec::new()))
    }
}

fn parse_date(s: &str) -> Option<(u32, u32)> {
    let (y, m) = s.split_once('-')?;
    Some((y.parse().ok()?, m.parse().ok()?))
}

/// The built-in list, parsed on first use.
pub fn list() -> &'static List {
    static L: OnceLock<List> = OnceLock::new();
    L.get_or_init(|| {
        let mut sources: Vec<(&str, Source)> = Vec::new();
        let mut entries: Vec<Entry> = Vec::new();
        let mut exceptions = Vec::new();
        for line in DATA.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(rest) = line.strip_prefix('@') {
                let mut parts = rest.split(' ');
                let key = parts.next().unwrap_or("");
                let name = parts.next().unwrap_or("").to_string();
                let date = parts.next().and_then(parse_date);
                sources.push((
                    key,
                    Source {
                        name,
                        date,
                        entries: 0,
                    },
                ));
                continue;
            }
            if let Some(rest) = line.strip_prefix('!') {
                exceptions.push(rest.to_string());
                continue;
            }
            let (idiom, line) = match line.strip_prefix('~') {
                Some(rest) => (true, rest),
                None => (false, line),
            };
            let mut parts = line.split('|');
            let phrase = parts.next().unwrap_or("");
            let key = parts.next().unwrap_or("");
            let members: Vec<String> = parts
                .next()
                .filter(|m| !m.is_empty())
                .map(|m| m.split('、').map(str::to_string).collect())
                .unwrap_or_default();
            let superseded = parts.next().and_then(parse_date);
            let (source, date) = match sources.iter_mut().find(|s| s.0 == key) {
                Some((_, s)) => {
                    s.entries += 1;
                    (s.name.as_str(), s.date)
                }
                None => ("", None),
            };
            let mut e = Entry::new(phrase, source, date, members, idiom);
            e.superseded = superseded;
            entries.push(e);
        }
        let sources = sources.into_iter().map(|s| s.1).collect();
        List::build(entries, exceptions, sources)
    })
}

/// A number: a change there is another rule's business.
fn numeral(c: char) -> bool {
    // Not `str::contains(char)`: for a character beyond ASCII it builds a
    // substring searcher at each call, which the web build pays in full.
    c.is_ascii_digit() || "〇零一二三四五六七八九十百千万两".chars().any(|n| n == c)
}

/// May this character of the text stand where the entry has another?
fn substitutable(canon: char, got: char) -> bool {
    // 和 / 与 / 及 / 同: a conjunction for another is a variant, not a slip.
    let conjunction = |c: char| matches!(c, '和' | '与' | '及' | '同' | '并');
    is_han(canon)
        && is_han(got)
        && !numeral(canon)
        && !numeral(got)
        && got != '某'
        && !(conjunction(canon) && conjunction(got))
}

/// Characters that join any phrase: a near-miss never ends or starts with
/// one of them in place of the entry's own character.
const FREE: &str = "的了着过是在和与及并或而且也都就还又再才把被将对向从由于以为之其这那该此各每本等中上下里外内前后时要会能可所得地";

/// How the window differs from the entry: the positions of the window's
/// characters that are edited (for a drop, its neighbours).
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    Substituted(Vec<usize>),
    Dropped(usize),
    Doubled(usize),
}

/// Compare a window with an entry (both as characters). None unless it is
/// one of the near-misses the rule reports.
pub fn classify(w: &[char], e: &[char]) -> Option<Edit> {
    let n = e.len();
    if w.len() == n {
        let diffs: Vec<usize> = (0..n).filter(|&i| w[i] != e[i]).collect();
        let interior = |&i: &usize| i >= 1 && i + 1 < n;
        // Weighed only for the one or two differences reported: most
        // windows differ almost everywhere.
        let ok = || diffs.iter().all(|&i| substitutable(e[i], w[i]));
        // At the first or last character only in a long phrase, and not a
        // particle there: 的, 了, 等 end a phrase as freely as 坚, 推 start one.
        let edge = |&i: &usize| edges_checked(e) && !FREE.contains(w[i]);
        return match diffs.len() {
            1 if ok() && diffs.iter().all(|i| interior(i) || edge(i)) => {
                Some(Edit::Substituted(diffs))
            }
            // Two in a long phrase, not in a list (稳外资、稳投资 swapped is
            // a reordering, for the enumeration check).
            2 if n >= 9
                && ok()
                && !e.iter().any(|&c| matches!(c, '、' | '，'))
                && diffs.iter().all(|&i| i >= 2 && i + 2 < n) =>
            {
                Some(Edit::Substituted(diffs))
            }
            _ => None,
        };
    }
    if w.len() + 1 == n && n >= 5 {
        let d = (0..w.len()).find(|&i| w[i] != e[i]).unwrap_or(w.len());
        if d >= 1 && d + 1 < n && w[d..] == e[d + 1..] && is_han(e[d]) && !numeral(e[d]) {
            return Some(Edit::Dropped(d));
        }
        return None;
    }
    if w.len() + 2 == n && n >= 9 {
        let d = (0..w.len()).find(|&i| w[i] != e[i]).unwrap_or(w.len());
        if d >= 2
            && d + 2 < n
            && w[d..] == e[d + 2..]
            && e[d..d + 2].iter().all(|&c| is_han(c) && !numeral(c))
        {
            return Some(Edit::Dropped(d));
        }
        return None;
    }
    if w.len() == n + 1 && n >= 4 {
        let d = (0..n).find(|&i| w[i] != e[i]).unwrap_or(n);
        // w[d] is the extra character: a copy of the one before it.
        if d >= 2 && d < n && w[d] == w[d - 1] && w[d + 1..] == e[d..] && !numeral(w[d]) {
            return Some(Edit::Doubled(d));
        }
        return None;
    }
    None
}

/// Substitutions that conversion-debris reports in its own words
/// (发展 → 开展 …): (canonical pair, spun pair).
const CONVERSION: &[(&str, &str)] = &[
    ("发展", "开展"),
    ("巩固", "稳固"),
    ("广大", "广阔"),
    ("充分", "充沛"),
    ("多次", "屡次"),
];

fn conversion_debris(w: &[char], e: &[char], i: usize) -> bool {
    CONVERSION.iter().any(|(c, s)| {
        let c: Vec<char> = c.chars().collect();
        let s: Vec<char> = s.chars().collect();
        (0..2).any(|k| {
            i >= k
                && i - k + 2 <= e.len()
                && e[i - k..i - k + 2] == c[..]
                && w[i - k..i - k + 2] == s[..]
        })
    })
}

/// A near-miss found in the text.
struct Hit {
    start: usize,
    end: usize,
    /// Which list (0: the built-in one, 1: the user's) and which entry.
    list: usize,
    entry: usize,
    edit: Edit,
    /// Byte offsets of the edited characters (for the exception check).
    edited: Vec<(usize, usize)>,
}

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "standard-formulation",
    category: crate::Category::Wording,
    severity: crate::Severity::Warning,
    check,
};

/// The characters of `text` from `start` forward (at most `n`), with their
/// byte offsets; the window stops at a line break.
fn chars_forward(text: &str, start: usize, n: usize) -> Vec<(usize, char)> {
    text[start..]
        .char_indices()
        .take_while(|&(_, c)| c != '\n')
        .take(n)
        .map(|(i, c)| (start + i, c))
        .collect()
}

fn chars_backward(text: &str, end: usize, n: usize) -> Vec<(usize, char)> {
    let mut v: Vec<(usize, char)> = text[..end]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c != '\n')
        .take(n)
        .collect();
    v.reverse();
    v
}

/// The built-in list and, when the profile or the settings add to it,
/// the user's.
fn lists(ctx: &Ctx) -> (&'static List, Option<List>) {
    let builtin = list();
    let formulations: Vec<&UserFormulation> = ctx
        .profile
        .formulations
        .iter()
        .chain(&ctx.config.formulations)
        .collect();
    let exceptions: Vec<&String> = ctx
        .profile
        .formulation_exceptions
        .iter()
        .chain(&ctx.config.formulation_exceptions)
        .collect();
    let user = List::of_user(&formulations, &exceptions, builtin);
    (builtin, user)
}

/// The near-misses of one list's entries.
fn near_misses(text: &str, span: (usize, usize), l: &List, which: usize, hits: &mut Vec<Hit>) {
    for (a_start, a_end, anchor) in find_in(text, span, |t| l.anchors.find_overlapping(t)) {
        for &(i, first) in &l.by_anchor[anchor] {
            let e = &l.entries[i];
            let n = e.chars.len();
            let span = if first {
                chars_forward(text, a_start, n + 1)
            } else {
                chars_backward(text, a_end, n + 1)
            };
            for len in [n, n - 1, n + 1, n - 2] {
                if len > span.len() || len < 3 {
                    continue;
                }
                let win = if first {
                    &span[..len]
                } else {
                    &span[span.len() - len..]
                };
                let w: Vec<char> = win.iter().map(|p| p.1).collect();
                // Found from both anchors: count it once, from the first.
                if !first && w[..2] == e.chars[..2] {
                    continue;
                }
                let Some(edit) = classify(&w, &e.chars) else {
                    continue;
                };
                let positions: Vec<usize> = match &edit {
                    Edit::Substituted(d) => d.clone(),
                    Edit::Dropped(d) => vec![d - 1, *d],
                    Edit::Doubled(d) => vec![d - 1, *d],
                };
                if let Edit::Substituted(d) = &edit {
                    if d.iter().any(|&k| conversion_debris(&w, &e.chars, k)) {
                        continue;
                    }
                    // At an edge, the phrase must visibly end there: a
                    // mark or a particle beyond it, else the character may
                    // begin the next word (意识形态工作责任细化 is not
                    // …责任制 bent) or end the one before.
                    let (s0, _) = win[0];
                    let (sl, cl) = win[len - 1];
                    let open = |c: Option<char>| c.is_some_and(|c| is_han(c) && !FREE.contains(c));
                    if d.contains(&0) && open(text[..s0].chars().next_back()) {
                        continue;
                    }
                    if d.contains(&(n - 1)) && open(text[sl + cl.len_utf8()..].chars().next()) {
                        continue;
                    }
                }
                let edited = positions
                    .iter()
                    .map(|&k| (win[k].0, win[k].0 + win[k].1.len_utf8()))
                    .collect();
                let (last, c) = win[len - 1];
                hits.push(Hit {
                    start: win[0].0,
                    end: last + c.len_utf8(),
                    list: which,
                    entry: i,
                    edit,
                    edited,
                });
            }
        }
    }
}

/// An edge substitution where the edge character, or the word it begins,
/// stands apart from a phrase of the list that follows: a verb before a
/// formulation varies freely (秉持以人民为中心 is not 坚持以人民为中心
/// bent). At the end only a character standing alone after a phrase is
/// free (…治党 / …治税); the last word of a name is the name's own
/// (中国特色社会主义法治体系, not …法治体制).
fn edge_is_own_word(
    h: &Hit,
    e: &Entry,
    protected: &[(usize, usize, usize, usize)],
    text: &str,
) -> bool {
    let Edit::Substituted(d) = &h.edit else {
        return false;
    };
    let n = e.chars.len();
    let Some(&k) = d.first().filter(|&&k| k == 0 || k + 1 == n) else {
        return false;
    };
    // Byte offsets of the window's characters 1, 2 and n-3, n-2 (ends).
    let offsets: Vec<usize> = text[h.start..h.end]
        .char_indices()
        .map(|(i, _)| h.start + i)
        .chain([h.end])
        .collect();
    protected.iter().any(|&(s, end, _, _)| {
        let len = text[s..end].chars().count();
        len >= 4
            && h.start <= s
            && end <= h.end
            && if k == 0 {
                s == offsets[1] || s == offsets[2]
            } else {
                end == offsets[n - 1]
            }
    })
}

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let (builtin, user) = lists(ctx);
    let all: Vec<&List> = std::iter::once(builtin).chain(user.as_ref()).collect();
    let Some(memo) = ctx.memo() else {
        check_paragraphs(ctx, &all, 0, ctx.doc.text.len(), out);
        return;
    };
    // Everything this rule reads lies within a paragraph (its windows stop
    // at a line break, its sentences at the paragraph's end): with a memo,
    // only the paragraphs the last analysis did not see are checked. Its
    // other inputs are the lists.
    let inputs = (
        &ctx.profile.formulations,
        &ctx.profile.formulation_exceptions,
        &ctx.config.formulations,
        &ctx.config.formulation_exceptions,
    );
    let print = crate::memo::fingerprint(format!("{inputs:?}"));
    let found = memo.formulations(ctx.doc, print, |a, b| {
        let mut e = Emitter::new(RULE.id, RULE.category);
        check_paragraphs(ctx, &all, a, b, &mut e);
        e.into_findings()
    });
    out.out.extend(found);
}

/// The findings of each paragraph within `start..end`, one paragraph at a
/// time: what the rule weighs a hit against (the other hits, the protected
/// phrases) is the hit's own paragraph's, and a long draft's thousands of
/// hits are not each weighed against all the others.
fn check_paragraphs(ctx: &Ctx, all: &[&List], start: usize, end: usize, out: &mut Emitter) {
    for (a, b) in crate::memo::paragraph_spans(ctx.doc) {
        if start <= a && b <= end {
            check_span(ctx, all, a, b, out);
        }
    }
}

/// The findings among the byte span `start..end` of the text (whole
/// paragraphs: what the rule reads of the text around them is theirs).
fn check_span(ctx: &Ctx, all: &[&List], start: usize, end: usize, out: &mut Emitter) {
    let doc = ctx.doc;
    let text = doc.text;
    let span = (start, end);
    let mut hits: Vec<Hit> = Vec::new();
    for (which, l) in all.iter().enumerate() {
        near_misses(text, span, l, which, &mut hits);
    }
    if hits.is_empty() {
        enumerations(doc, span, all, out);
        return;
    }
    // Established phrases and the entries themselves, where they cover an
    // edited character: (start, end, list, index; an index past the
    // entries is an exception).
    // A shorter entry inside the window does not protect it from a
    // substitution or a double (补短板 in 补短板板、强弱项); it does from a
    // drop (全面从严治党责任 is not 全面从严治党主体责任 short of a word), and
    // an exception anywhere over an edit does.
    let protected: Vec<(usize, usize, usize, usize)> = all
        .iter()
        .enumerate()
        .flat_map(|(which, l)| {
            find_in(text, span, |t| l.protected.find_overlapping(t))
                .into_iter()
                .map(move |(s, e, id)| (s, e, which, id))
        })
        .collect();
    hits.retain(|h| {
        !protected.iter().any(|&(s, e, which, id)| {
            let inside = h.start <= s && e <= h.end && (s, e) != (h.start, h.end);
            let exception = id >= all[which].entries.len();
            s < h.end
                && h.start < e
                && (exception || !inside || matches!(h.edit, Edit::Dropped(_)))
                && h.edited.iter().any(|&(a, b)| s < b && a < e)
        })
    });
    hits.retain(|h| {
        let e = &all[h.list].entries[h.entry];
        !quoting_older(doc, h, e) && !edge_is_own_word(h, e, &protected, text)
    });
    // One finding a place: the closest reading, then the longest entry.
    // Greedy over that order, then back in text order.
    crate::sort::sort_by(&mut hits, |h| {
        let cost = match &h.edit {
            Edit::Substituted(d) => d.len(),
            _ => 1,
        };
        crate::sort::key3(
            cost,
            1000 - all[h.list].entries[h.entry].chars.len().min(1000),
            h.start,
        )
    });
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for h in &hits {
        if taken.iter().any(|&(s, e)| s < h.end && h.start < e) {
            continue;
        }
        taken.push((h.start, h.end));
    }
    hits.retain(|h| taken.contains(&(h.start, h.end)));
    crate::sort::sort_by(&mut hits, |h| crate::sort::key3(h.start, h.end, 0));
    hits.dedup_by(|a, b| a.start == b.start && a.end == b.end);
    for h in &hits {
        let e = &all[h.list].entries[h.entry];
        let shown = &text[h.start..h.end];
        let (how, how_en) = match h.edit {
            Edit::Substituted(_) => ("改了字", "a character replaced"),
            Edit::Dropped(_) => ("漏了字", "a character left out"),
            Edit::Doubled(_) => ("多了字", "a character typed twice"),
        };
        out.warning(
            h.start,
            h.end,
            format!("“{shown}”{how}：规范表述是“{}”{}", e.phrase, e.citation()),
            format!(
                "\"{shown}\" ({how_en}): the standard formulation is \"{}\" ({})",
                e.phrase,
                e.citation_en()
            ),
        )
        .suggest(e.phrase.clone());
    }
    enumerations(doc, span, all, out);
}

/// `find` run on the span of `text`, its matches in the text's offsets.
fn find_in(
    text: &str,
    (start, end): (usize, usize),
    find: impl FnOnce(&str) -> Vec<(usize, usize, usize)>,
) -> Vec<(usize, usize, usize)> {
    let mut found = find(&text[start..end]);
    for m in &mut found {
        m.0 += start;
        m.1 += start;
    }
    found
}

/// Earlier documents a quotation may come from.
const OLDER: &[&str] = &[
    "十五大",
    "十六大",
    "十七大",
    "十八大",
    "十九大",
    "十六届",
    "十七届",
    "十八届",
    "十九届",
];

/// Inside “…” in a sentence that names an earlier document, or a year
/// before the entry's source.
fn quoting_older(doc: &Document, h: &Hit, e: &Entry) -> bool {
    let Some(s) = doc.sentence_at(h.start) else {
        return false;
    };
    let sentence = doc.slice(s.start, s.end.max(h.end).min(doc.text.len()));
    let before = &doc.text[s.start..h.start];
    let open = before.matches('“').count() > before.matches('”').count();
    if !open {
        return false;
    }
    OLDER.iter().any(|o| sentence.contains(o))
        || e.date.is_some_and(|(y, _)| names_year_before(sentence, y))
}

/// The text names a year from 1990 to `year` - 1 ("2017年").
fn names_year_before(text: &str, year: u32) -> bool {
    text.match_indices('年').any(|(i, _)| {
        let digits = text.as_bytes().get(i.saturating_sub(4)..i).unwrap_or(&[]);
        digits.len() == 4
            && digits.iter().all(u8::is_ascii_digit)
            && std::str::from_utf8(digits)
                .ok()
                .and_then(|d| d.parse::<u32>().ok())
                .is_some_and(|y| (1990..year).contains(&y))
    })
}

/// Separators between the members of an enumeration.
fn separator(gap: &str) -> bool {
    let g = gap.trim_matches(|c| c == '“' || c == '”');
    matches!(g, "、" | "，" | "和" | "与" | "及" | "以及" | "、“" | "”、")
        || g.trim_matches(|c| c == '“' || c == '”') == "、"
}

/// Named enumerations with a member missing or out of order.
fn enumerations(doc: &Document, span: (usize, usize), lists: &[&List], out: &mut Emitter) {
    let text = doc.text;
    // The user's exceptions, where one spans a whole enumeration.
    let excepted: Vec<(usize, usize)> = lists
        .iter()
        .skip(1)
        .flat_map(|l| {
            find_in(text, span, |t| l.protected.find_overlapping(t))
                .into_iter()
                .filter(|&(_, _, id)| id >= l.entries.len())
                .map(|(s, e, _)| (s, e))
        })
        .collect();
    for l in lists {
        enumerations_of(doc, span, l, &excepted, out);
    }
}

fn enumerations_of(
    doc: &Document,
    span: (usize, usize),
    l: &List,
    excepted: &[(usize, usize)],
    out: &mut Emitter,
) {
    let text = doc.text;
    let all = find_in(text, span, |t| l.members.find_leftmost_longest(t));
    if all.is_empty() {
        return;
    }
    for &entry in &l.enumerated {
        // This enumeration's members: (start, end, position).
        let found: Vec<(usize, usize, usize)> = all
            .iter()
            .filter_map(|&(s, e, w)| {
                l.member_of[w]
                    .iter()
                    .find(|p| p.0 == entry)
                    .map(|p| (s, e, p.1))
            })
            .collect();
        enumeration(doc, l, entry, &found, excepted, out);
        replaced_member(doc, l, entry, &found, excepted, out);
    }
}

/// The longest ending all the members share (意识 of 政治意识、大局意识 …).
fn common_suffix(members: &[String]) -> String {
    let Some(first) = members.first() else {
        return String::new();
    };
    let mut suffix: Vec<char> = first.chars().collect();
    for m in &members[1..] {
        let chars: Vec<char> = m.chars().collect();
        let shared = suffix
            .iter()
            .rev()
            .zip(chars.iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        suffix.drain(..suffix.len() - shared);
    }
    suffix.into_iter().collect()
}

/// The Han characters right after `at`, at most `max` of them: (end, count).
fn han_after(text: &str, at: usize, max: usize) -> (usize, usize) {
    let mut end = at;
    let mut count = 0;
    for c in text[at..].chars().take(max) {
        if !is_han(c) {
            break;
        }
        end += c.len_utf8();
        count += 1;
    }
    (end, count)
}

/// A named enumeration written in full but with one member replaced by
/// another of the same form: 政治意识、大局意识、核心意识、服务意识 for
/// …看齐意识 (the members share an ending), or 创新、协调、绿色、开发、共享
/// for 开放 (one character off, the list named in the sentence). The other
/// members are all there, in order, joined by 、, and the item stands where
/// the missing member belongs; the list goes no further on either side.
/// In the last place, the item may extend the list: there the enumeration
/// must be named in the sentence.
fn replaced_member(
    doc: &Document,
    l: &List,
    entry: usize,
    found: &[(usize, usize, usize)],
    excepted: &[(usize, usize)],
    out: &mut Emitter,
) {
    const SEP: &str = "、";
    let text = doc.text;
    let e = &l.entries[entry];
    let n = e.members.len();
    if n < 4 {
        return;
    }
    let suffix = common_suffix(&e.members);
    let mut k = 0;
    while k < found.len() {
        // A chain of members joined by 、, with at most one other item
        // between two of them.
        let mut chain = vec![k];
        let mut inner: Option<(usize, usize, usize)> = None; // (start, end, index in list)
        let mut j = k + 1;
        while j < found.len() {
            let gap = &text[found[j - 1].1..found[j].0];
            if gap == SEP {
                chain.push(j);
            } else if inner.is_none()
                && gap.starts_with(SEP)
                && gap.ends_with(SEP)
                && gap.len() > 2 * SEP.len()
            {
                let (s, t) = (found[j - 1].1 + SEP.len(), found[j].0 - SEP.len());
                if han_after(text, s, 8).0 != t {
                    break;
                }
                inner = Some((s, t, chain.len()));
                chain.push(j);
            } else {
                break;
            }
            j += 1;
        }
        k = j;
        if chain.len() + 1 != n {
            continue;
        }
        let order: Vec<usize> = chain.iter().map(|&c| found[c].2).collect();
        if order.windows(2).any(|w| w[0] >= w[1]) {
            continue;
        }
        let Some(missing) = (0..n).find(|i| !order.contains(i)) else {
            continue;
        };
        let want = e.members[missing].as_str();
        let m = want.chars().count();
        let first = found[chain[0]].0;
        let last = found[chain[chain.len() - 1]].1;
        // Where the item stands: between two members, before the first or
        // after the last.
        let item = match inner {
            Some((s, t, at)) => (at == missing).then_some((s, t)),
            None if missing == 0 && text[..first].ends_with(SEP) => {
                let before = first - SEP.len();
                let start = text[..before]
                    .char_indices()
                    .rev()
                    .take(m)
                    .last()
                    .map_or(before, |(i, _)| i);
                (text[start..before].chars().count() == m
                    && text[start..before].chars().all(is_han))
                .then_some((start, before))
            }
            None if missing == n - 1 && text[last..].starts_with(SEP) => {
                let s = last + SEP.len();
                let (t, count) = han_after(text, s, m + 2);
                if suffix.is_empty() {
                    let (t, count) = han_after(text, s, m);
                    (count == m).then_some((s, t))
                } else {
                    // Up to the first shared ending: 生态建设 for 生态文明建设.
                    text[s..t]
                        .find(suffix.as_str())
                        .map(|i| (s, s + i + suffix.len()))
                        .filter(|&(a, b)| {
                            count > 0 && text[a..b].chars().count() > suffix.chars().count()
                        })
                }
            }
            None => None,
        };
        let Some((s, t)) = item else { continue };
        let (list_start, list_end) = (first.min(s), last.max(t));
        // The whole list: nothing more joined on either side.
        if text[..list_start].ends_with(SEP) || text[list_end..].starts_with(SEP) {
            continue;
        }
        if excepted
            .iter()
            .any(|&(a, b)| a <= list_start && list_end <= b)
        {
            continue;
        }
        let written = &text[s..t];
        if written == want {
            continue;
        }
        let sentence = doc
            .sentence_at(list_start)
            .map_or("", |x| doc.slice(x.start, x.end));
        let named = sentence.contains(e.phrase.as_str());
        let alike = if suffix.is_empty() {
            // One character off, and the list named.
            named
                && written.chars().count() == m
                && written
                    .chars()
                    .zip(want.chars())
                    .filter(|(a, b)| a != b)
                    .count()
                    == 1
        } else {
            // A last item of another kind may extend the list rather than
            // bend it (政治意识、大局意识、核心意识、责任意识): there, only
            // with the enumeration named.
            (named || missing + 1 < n)
                && written.ends_with(suffix.as_str())
                && written.chars().count() > suffix.chars().count()
                && written.chars().count() <= m + 2
                && e.members.iter().all(|x| x.chars().count() >= 4)
                && !e.members.iter().any(|x| x == written)
        };
        if !alike {
            continue;
        }
        let canonical = e.members.join("、");
        out.warning(
            s,
            t,
            format!(
                "“{}”是“{canonical}”：这里的“{written}”疑为“{want}”{}",
                e.phrase,
                e.citation()
            ),
            format!(
                "\"{}\" is \"{canonical}\": \"{written}\" here looks like a slip for \"{want}\" ({})",
                e.phrase,
                e.citation_en()
            ),
        )
        .suggest(want.to_string());
    }
}

fn enumeration(
    doc: &Document,
    l: &List,
    entry: usize,
    found: &[(usize, usize, usize)],
    excepted: &[(usize, usize)],
    out: &mut Emitter,
) {
    let text = doc.text;
    let mut k = 0;
    while k < found.len() {
        // A run: members separated by separators only.
        let mut run = vec![k];
        let mut j = k + 1;
        while j < found.len() && separator(&text[found[j - 1].1..found[j].0]) {
            run.push(j);
            j += 1;
        }
        k = j;
        if run.len() < 2 {
            continue;
        }
        let e = &l.entries[entry];
        let n = e.members.len();
        let order: Vec<usize> = run.iter().map(|&r| found[r].2).collect();
        let mut distinct = order.clone();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() != order.len() {
            continue;
        }
        let start = found[run[0]].0;
        let end = found[run[run.len() - 1]].1;
        if excepted.iter().any(|&(s, e)| s <= start && end <= e) {
            continue;
        }
        let sentence = doc
            .sentence_at(start)
            .map_or("", |s| doc.slice(s.start, s.end));
        let named = sentence.contains(e.phrase.as_str());
        let long = e.members.iter().all(|m| m.chars().count() >= 4);
        if !named && !long {
            continue;
        }
        let in_order = order.windows(2).all(|w| w[0] < w[1]);
        // The whole list: no further item joined on either side.
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let whole = before.is_none_or(|c| c != '、') && after.is_none_or(|c| c != '、');
        let canonical = e.members.join("、");
        let seps: Vec<&str> = run
            .windows(2)
            .map(|w| &text[found[w[0]].1..found[w[1]].0])
            .collect();
        if order.len() == n && !in_order {
            let mut fixed = String::new();
            for (i, m) in e.members.iter().enumerate() {
                if i > 0 {
                    fixed.push_str(seps[i - 1]);
                }
                fixed.push_str(m);
            }
            out.warning(
                start,
                end,
                format!(
                    "“{}”的成员顺序不对：规范表述是“{canonical}”{}",
                    e.phrase,
                    e.citation()
                ),
                format!(
                    "the members of \"{}\" are out of order: the standard is \"{canonical}\" ({})",
                    e.phrase,
                    e.citation_en()
                ),
            )
            .suggest(fixed);
        } else if order.len() + 1 == n && n >= 3 && whole && (named || n >= 4) {
            let missing = (0..n).find(|i| !order.contains(i)).unwrap_or(0);
            let f = out.warning(
                start,
                end,
                format!(
                    "“{}”少了“{}”：规范表述是“{canonical}”{}",
                    e.phrase,
                    e.members[missing],
                    e.citation()
                ),
                format!(
                    "\"{}\" lacks \"{}\": the standard is \"{canonical}\" ({})",
                    e.phrase,
                    e.members[missing],
                    e.citation_en()
                ),
            );
            if in_order && seps.iter().all(|s| *s == "、") {
                f.suggest(canonical);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_before_the_source_is_one_followed_by_its_year_character() {
        use super::names_year_before;
        assert!(names_year_before("2017年的报告提出“全面从严制党”", 2021));
        assert!(
            !names_year_before("2021年的报告", 2021),
            "the source's own year"
        );
        assert!(!names_year_before("1980年", 2021), "before 1990");
        assert!(
            !names_year_before("第2017号文件，年内完成", 2021),
            "not next to 年"
        );
        assert!(
            names_year_before("12019年", 2021),
            "as a substring, as before"
        );
    }
    use crate::rules::support::{apply_fixes, assert_silent, findings_of};

    const RULE: &str = "standard-formulation";

    fn one(text: &str) -> (String, Option<String>, String) {
        let f = findings_of(RULE, text);
        assert_eq!(
            f.len(),
            1,
            "{text}: {:?}",
            f.iter().map(|f| &f.text).collect::<Vec<_>>()
        );
        (
            f[0].text.clone(),
            f[0].suggestion.clone(),
            f[0].message.clone(),
        )
    }

    #[test]
    fn the_list_parses() {
        let l = list();
        assert!(l.entries.len() >= 500, "{}", l.entries.len());
        for e in &l.entries {
            assert!(!e.source.is_empty(), "{} has no source", e.phrase);
        }
        let mut seen = std::collections::HashSet::new();
        for e in &l.entries {
            assert!(seen.insert(e.phrase.as_str()), "{} twice", e.phrase);
        }
    }

    #[test]
    fn flags_the_issue_examples() {
        for (text, shown, fix) in [
            (
                "向第二个百年目标进军。",
                "第二个百年目标",
                "第二个百年奋斗目标",
            ),
            ("我们坚决不移推进改革。", "坚决不移", "坚定不移"),
            (
                "以中国式当代化全面推进中华民族伟大复兴。",
                "以中国式当代化全面推进中华民族伟大复兴",
                "以中国式现代化全面推进中华民族伟大复兴",
            ),
            (
                "奋力谱写中国式当代化新篇章。",
                "中国式当代化",
                "中国式现代化",
            ),
            ("坚持守正革新。", "守正革新", "守正创新"),
            (
                "始终坚持以人民为核心的发展思想。",
                "以人民为核心的发展思想",
                "以人民为中心的发展思想",
            ),
            (
                "推动全面从严制党向纵深发展。",
                "全面从严制党",
                "全面从严治党",
            ),
            (
                "推动全面从严治治党向纵深发展。",
                "全面从严治治党",
                "全面从严治党",
            ),
            ("坚持实是求是。", "实是求是", "实事求是"),
        ] {
            let (t, s, _) = one(text);
            assert_eq!(t, shown, "{text}");
            assert_eq!(s.as_deref(), Some(fix), "{text}");
        }
        let (_, _, m) = one("向第二个百年目标进军。");
        assert_eq!(
            m,
            "“第二个百年目标”漏了字：规范表述是“第二个百年奋斗目标”（党的二十大报告，2022年10月）"
        );
        assert_eq!(
            apply_fixes(RULE, "我们坚决不移推进改革，坚持守正革新。"),
            "我们坚定不移推进改革，坚持守正创新。"
        );
    }

    #[test]
    fn flags_enumerations() {
        let (t, s, m) = one("牢固树立政治意识、大局意识、核心意识，坚定文化自信。");
        assert_eq!(t, "政治意识、大局意识、核心意识");
        assert_eq!(s.as_deref(), Some("政治意识、大局意识、核心意识、看齐意识"));
        assert!(m.contains("少了“看齐意识”"), "{m}");
        let (t, s, _) = one("坚定道路自信、制度自信、理论自信、文化自信。");
        assert_eq!(t, "道路自信、制度自信、理论自信、文化自信");
        assert_eq!(s.as_deref(), Some("道路自信、理论自信、制度自信、文化自信"));
        let (_, s, _) = one("贯彻创新、绿色、协调、开放、共享的新发展理念。");
        assert_eq!(s.as_deref(), Some("创新、协调、绿色、开放、共享"));
    }

    #[test]
    fn silent_on_canonical_and_established_wording() {
        assert_silent(
            RULE,
            &[
                "向第二个百年奋斗目标进军，坚定不移推进全面从严治党。",
                "创造高品质生活，推动高质量发展，坚决维护党中央权威。",
                "高质量开展主题教育，全面从严治警，以学生为中心。",
                "坚持以人为核心的新型城镇化，坚持稳中有进。",
                "总结四个方面的经验，推动十九大精神落地。",
                "实现第一个百年奋斗目标，开启第二个百年奋斗目标新征程。",
                "学习贯彻党的十九大精神和二十大精神。",
                "在X个方面取得成效，推进中国式某代化。",
                "牢固树立政治意识、大局意识、核心意识、看齐意识。",
                "增强政治意识、大局意识，强化责任意识。",
                "增强政治意识、大局意识、核心意识、责任意识。",
                "贯彻创新、协调、绿色、开放、共享的新发展理念。",
                "推进创新、协调发展。",
                "党的十八大报告提出“全面建成小康社会”“全面从严治党”。",
                "坚持全面从严治党党委书记第一责任人职责。",
                "推动经济高质量开展。",
            ],
        );
    }

    #[test]
    fn quotations_of_older_documents_stay_silent() {
        assert_silent(RULE, &["党的十八大报告提出“以人民为核心”的要求。"]);
        // Outside the quotation, or with no older document named, it flags.
        assert_eq!(findings_of(RULE, "报告提出“以人民为核心”的要求。").len(), 1);
    }

    #[test]
    fn edges_of_long_phrases() {
        // The first or last character, in seven or more.
        let (t, s, _) = one("建设中国特色社会主义法治体制。");
        assert_eq!(t, "中国特色社会主义法治体制");
        assert_eq!(s.as_deref(), Some("中国特色社会主义法治体系"));
        // The longer entry, when the text has it.
        let (t, _, m) = one("加快完善中国特色社会主义法治体制。");
        assert_eq!(t, "完善中国特色社会主义法治体制");
        assert!(m.ends_with("（二十届三中全会决定，2024年7月）"), "{m}");
        let (t, s, _) = one("全力构建高水平社会主义市场经济体系。");
        assert_eq!(t, "构建高水平社会主义市场经济体系");
        assert_eq!(s.as_deref(), Some("构建高水平社会主义市场经济体制"));
        // The first character, after a particle (以 → 已, alike in sound).
        let (t, s, _) = one("要把已人民为中心的发展思想贯穿始终。");
        assert_eq!(t, "已人民为中心的发展思想");
        assert_eq!(s.as_deref(), Some("以人民为中心的发展思想"));
        assert_silent(
            RULE,
            &[
                // The edge character begins the next word or ends the one
                // before: the phrase does not end there.
                "层层落实意识形态工作责任细化分解任务。",
                "确保建军一百年奋斗目标如期实现。",
            ],
        );
        assert_silent(
            RULE,
            &[
                // A verb of its own before a formulation.
                "始终秉持以人民为中心的理念。",
                "推进人与自然和谐共生。",
                // A particle at the end: 科学发展的 is not 科学发展观 bent,
                // nor …第二个百年奋斗目的 a phrase the rule may claim.
                "坚持中国特色社会主义法治的方向。",
                // Four to six characters: only inside.
                "坚定不渝，全面从严治税，以人民为中央。",
                "中国特色社会主义法律体系已经形成。",
            ],
        );
        let c = |s: &str| s.chars().collect::<Vec<char>>();
        assert_eq!(
            classify(
                &c("中国特色社会主义法治体制"),
                &c("中国特色社会主义法治体系")
            ),
            Some(Edit::Substituted(vec![11]))
        );
        assert_eq!(classify(&c("全面从严治税"), &c("全面从严治党")), None);
        assert_eq!(classify(&c("科学发展的"), &c("科学发展观")), None);
    }

    fn with_profile(json: &str, text: &str) -> Vec<crate::Finding> {
        let p = crate::Profile::from_json(json).unwrap();
        crate::analyze(text, &p)
            .findings
            .into_iter()
            .filter(|f| f.rule == RULE)
            .collect()
    }

    const OFFICE: &str = r#"{"id":"office","name_zh":"本单位","name_en":"Office",
        "formulations":[{"phrase":"建设美丽幸福新胶州","source":"市第十四次党代会报告","date":"2021-09"},
            "三个走在前列",
            {"phrase":"五大行动","members":["产业升级行动","城市更新行动","乡村振兴行动","生态提升行动","民生改善行动"]}],
        "formulation_exceptions":["以人民为核心"]}"#;

    #[test]
    fn a_profile_adds_entries_and_exceptions() {
        let f = with_profile(OFFICE, "奋力建设美丽幸福新交州。");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "建设美丽幸福新交州");
        assert_eq!(f[0].suggestion.as_deref(), Some("建设美丽幸福新胶州"));
        assert_eq!(
            f[0].message,
            "“建设美丽幸福新交州”改了字：规范表述是“建设美丽幸福新胶州”（市第十四次党代会报告，2021年9月）"
        );
        // A string entry: no source given.
        let f = with_profile(OFFICE, "争当三个走在前前列的排头兵。");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("三个走在前列"));
        assert!(f[0].message.ends_with("（用户添加）"), "{}", f[0].message);
        // The office's enumeration.
        let f = with_profile(
            OFFICE,
            "深入实施产业升级行动、城市更新行动、生态提升行动、民生改善行动。",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].message.contains("少了“乡村振兴行动”"),
            "{}",
            f[0].message
        );
        // The exception silences a built-in near-miss; canonical text stays silent.
        assert_eq!(findings_of(RULE, "始终坚持以人民为核心。").len(), 1);
        assert!(with_profile(OFFICE, "始终坚持以人民为核心。").is_empty());
        assert!(with_profile(OFFICE, "奋力建设美丽幸福新胶州，坚持以人民为中心。").is_empty());
        // Without the profile, the same text is the built-in rule's business only.
        assert!(findings_of(RULE, "奋力建设美丽幸福新交州。").is_empty());
    }

    #[test]
    fn settings_add_entries_through_the_config() {
        let config = crate::Config {
            formulations: crate::config::UserFormulation::parse_lines(
                "# 本单位\n建设美丽幸福新胶州|市第十四次党代会报告|2021-09\n\n",
            ),
            formulation_exceptions: vec!["以人民为核心".into()],
            ..crate::Config::default()
        };
        let r = crate::analyze_with(
            "奋力建设美丽幸福新交州，坚持以人民为核心。",
            &crate::ProfileChoice::Auto,
            &config,
            &crate::Hints::default(),
        );
        let f: Vec<_> = r.findings.iter().filter(|f| f.rule == RULE).collect();
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("建设美丽幸福新胶州"));
        assert_eq!(
            config.formulations[0].to_line(),
            "建设美丽幸福新胶州|市第十四次党代会报告|2021-09"
        );
    }

    #[test]
    fn a_bad_profile_entry_names_the_field() {
        for (json, field) in [
            (
                r#"{"id":"x","name_zh":"x","name_en":"x","formulations":[{"source":"a"}]}"#,
                "formulations[0].phrase",
            ),
            (
                r#"{"id":"x","name_zh":"x","name_en":"x","formulations":[{"phrase":"三个走在前列","date":"九月"}]}"#,
                "formulations[0].date",
            ),
            (
                r#"{"id":"x","name_zh":"x","name_en":"x","formulations":["好"]}"#,
                "formulations[0].phrase",
            ),
            (
                r#"{"id":"x","name_zh":"x","name_en":"x","formulations":"三个走在前列"}"#,
                "formulations",
            ),
            (
                r#"{"id":"x","name_zh":"x","name_en":"x","formulation_exceptions":[1]}"#,
                "formulation_exceptions[0]",
            ),
        ] {
            let e = crate::Profile::from_json(json).unwrap_err();
            assert!(e.0.contains(&format!("字段 {field} ")), "{json}: {e}");
        }
    }

    #[test]
    fn the_sources_are_counted() {
        let l = list();
        let total: usize = l.sources.iter().map(|s| s.entries).sum();
        assert_eq!(total, l.entries.len());
        let r = l
            .sources
            .iter()
            .find(|s| s.name == "党的二十大报告")
            .unwrap();
        assert_eq!(r.date, Some((2022, 10)));
        assert!(
            r.line().starts_with("党的二十大报告（2022年10月）："),
            "{}",
            r.line()
        );
        let g = l.sources.iter().find(|s| s.name == "公文惯用表述").unwrap();
        assert!(g.line().starts_with("公文惯用表述（不注日期）："));
    }

    #[test]
    fn classify_edits() {
        let c = |s: &str| s.chars().collect::<Vec<char>>();
        assert_eq!(
            classify(&c("坚决不移"), &c("坚定不移")),
            Some(Edit::Substituted(vec![1]))
        );
        assert_eq!(classify(&c("坚定不动"), &c("坚定不移")), None);
        assert_eq!(
            classify(&c("第一个百年奋斗目标"), &c("第二个百年奋斗目标")),
            None
        );
        assert_eq!(
            classify(&c("高质发展"), &c("高质量发展")),
            Some(Edit::Dropped(2))
        );
        assert_eq!(
            classify(&c("坚定定不移"), &c("坚定不移")),
            Some(Edit::Doubled(2))
        );
        assert_eq!(classify(&c("坚定不移移"), &c("坚定不移")), None);
    }
}
