//! 规范表述写走了样。党的文件和公文里的固定提法一个字都不能改：
//! “第二个百年奋斗目标”不能写成“第二个百年目标”，“坚定不移”不能写成
//! “坚决不移”，“中国式现代化”不能写成“中国式当代化”，“守正创新”不能
//! 写成“守正革新”，“以人民为中心”不能写成“以人民为核心”，“全面从严治党”
//! 不能写成“全面从严制党”。从文库网站下载、经过“伪原创”同义词替换的
//! 范文，最容易把这些提法改坏；手误多打、漏打一个字也一样。
//!
//! 本规则对照一份注明出处和日期的规范表述清单（党章、党的二十大报告、
//! 二十届三中全会决定、十九届六中全会决议和公文惯用表述），找出只差
//! 一两个字的写法：中间换了一个字（长提法换了两个字）、漏了一个字
//! （长提法漏了一个词）、或者多叠了一个字，给出规范写法，可一键改正，
//! 提示里注明出处。“四个意识”“四个自信”“新发展理念”等有固定成员和
//! 顺序的提法，成员漏了一个或顺序颠倒时也提示。
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
//! resolution, and standard official collocations) and flags wording one or
//! two characters off: a character replaced inside the phrase (two in a long
//! one), a character (in a long phrase, a two-character word) left out, or
//! one typed twice. The fix restores the canonical form in one click and the
//! message cites the source. Named enumerations with fixed members in a fixed
//! order (四个意识, 四个自信, 新发展理念 …) are flagged when a member is missing
//! or the order is wrong. Precision comes first: established phrases
//! (高品质生活, 坚决维护, 高质量开展工作), quotations of earlier documents,
//! differences in a number (十九大 / 二十大: outdated-formulation's business)
//! or a placeholder mark (X, ×, 某) stay silent.

use super::{Ctx, Emitter};
use crate::document::Document;
use crate::text::class::is_han;
use crate::text::lexicon::Lexicon;
use std::sync::OnceLock;

/// The list: one line an entry (see the file's header).
const DATA: &str = include_str!("data/formulations.txt");

/// A canonical formulation.
pub struct Entry {
    pub phrase: &'static str,
    chars: Vec<char>,
    /// The source document, and its date as (year, month) if it has one.
    pub source: &'static str,
    pub date: Option<(u32, u32)>,
    /// The members of a named enumeration, in order.
    pub members: Vec<&'static str>,
    /// Near-misses are looked for (long enough, not led by a number).
    fuzzy: bool,
}

impl Entry {
    /// Are near-misses of this entry looked for?
    pub fn checked(&self) -> bool {
        self.fuzzy
    }

    /// “（党的二十大报告，2022年10月）”.
    pub fn citation(&self) -> String {
        match self.date {
            Some((y, m)) => format!("（{}，{y}年{m}月）", self.source),
            None => format!("（{}）", self.source),
        }
    }
}

pub struct List {
    pub entries: Vec<Entry>,
    /// Established phrases that are never near-misses.
    pub exceptions: Vec<&'static str>,
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

/// A source line: key, document, date.
type Source = (&'static str, &'static str, Option<(u32, u32)>);

fn parse_date(s: &str) -> Option<(u32, u32)> {
    let (y, m) = s.split_once('-')?;
    Some((y.parse().ok()?, m.parse().ok()?))
}

/// The list, parsed on first use.
pub fn list() -> &'static List {
    static L: OnceLock<List> = OnceLock::new();
    L.get_or_init(|| {
        let mut sources: Vec<Source> = Vec::new();
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
                let name = parts.next().unwrap_or("");
                sources.push((key, name, parts.next().and_then(parse_date)));
                continue;
            }
            if let Some(rest) = line.strip_prefix('!') {
                exceptions.push(rest);
                continue;
            }
            let (idiom, line) = match line.strip_prefix('~') {
                Some(rest) => (true, rest),
                None => (false, line),
            };
            let mut parts = line.split('|');
            let phrase = parts.next().unwrap_or("");
            let key = parts.next().unwrap_or("");
            let members: Vec<&str> = parts
                .next()
                .map(|m| m.split('、').collect())
                .unwrap_or_default();
            let (source, date) = sources
                .iter()
                .find(|s| s.0 == key)
                .map_or(("", None), |s| (s.1, s.2));
            let chars: Vec<char> = phrase.chars().collect();
            // Four characters: idioms only; numbered names exactly.
            let fuzzy = (chars.len() > 4 || (chars.len() == 4 && idiom))
                && !(chars.len() <= 5 && chars.first().is_some_and(|&c| numeral(c)));
            entries.push(Entry {
                phrase,
                chars,
                source,
                date,
                members,
                fuzzy,
            });
        }
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
        let mut protected: Vec<&str> = entries.iter().map(|e| e.phrase).collect();
        protected.extend(exceptions.iter());
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
        }
    })
}

/// A number: a change there is another rule's business.
fn numeral(c: char) -> bool {
    c.is_ascii_digit() || "〇零一二三四五六七八九十百千万两".contains(c)
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
        let ok = diffs.iter().all(|&i| substitutable(e[i], w[i]));
        return match diffs.len() {
            1 if ok && diffs.iter().all(interior) => Some(Edit::Substituted(diffs)),
            // Two in a long phrase, not in a list (稳外资、稳投资 swapped is
            // a reordering, for the enumeration check).
            2 if ok
                && n >= 9
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

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let doc = ctx.doc;
    let text = doc.text;
    let l = list();
    let mut hits: Vec<Hit> = Vec::new();
    for (a_start, a_end, anchor) in l.anchors.find_overlapping(text) {
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
                }
                let edited = positions
                    .iter()
                    .map(|&k| (win[k].0, win[k].0 + win[k].1.len_utf8()))
                    .collect();
                let (last, c) = win[len - 1];
                hits.push(Hit {
                    start: win[0].0,
                    end: last + c.len_utf8(),
                    entry: i,
                    edit,
                    edited,
                });
            }
        }
    }
    if hits.is_empty() {
        enumerations(ctx, out);
        return;
    }
    // Established phrases and the entries themselves, where they cover an
    // edited character.
    // A shorter entry inside the window does not protect it from a
    // substitution or a double (补短板 in 补短板板、强弱项); it does from a
    // drop (全面从严治党责任 is not 全面从严治党主体责任 short of a word), and
    // an exception anywhere over an edit does.
    let protected = l.protected.find_overlapping(text);
    let n_entries = l.entries.len();
    hits.retain(|h| {
        !protected.iter().any(|&(s, e, id)| {
            let inside = h.start <= s && e <= h.end && (s, e) != (h.start, h.end);
            s < h.end
                && h.start < e
                && (id >= n_entries || !inside || matches!(h.edit, Edit::Dropped(_)))
                && h.edited.iter().any(|&(a, b)| s < b && a < e)
        })
    });
    hits.retain(|h| !quoting_older(doc, h, &l.entries[h.entry]));
    // One finding a place: the closest reading, then the longest entry.
    // Greedy over that order, then back in text order.
    crate::sort::sort_by(&mut hits, |h| {
        let cost = match &h.edit {
            Edit::Substituted(d) => d.len(),
            _ => 1,
        };
        crate::sort::key3(
            cost,
            1000 - l.entries[h.entry].chars.len().min(1000),
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
        let e = &l.entries[h.entry];
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
                "\"{shown}\" ({how_en}): the standard formulation is \"{}\" ({}{})",
                e.phrase,
                e.source,
                e.date
                    .map(|(y, m)| format!(", {y}-{m:02}"))
                    .unwrap_or_default()
            ),
        )
        .suggest(e.phrase);
    }
    enumerations(ctx, out);
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
    let Some(s) = doc
        .sentences
        .iter()
        .find(|s| s.start <= h.start && h.start < s.end.max(s.start + 1))
    else {
        return false;
    };
    let sentence = doc.slice(s.start, s.end.max(h.end).min(doc.text.len()));
    let before = &doc.text[s.start..h.start];
    let open = before.matches('“').count() > before.matches('”').count();
    if !open {
        return false;
    }
    OLDER.iter().any(|o| sentence.contains(o))
        || e.date
            .is_some_and(|(y, _)| (1990..y).any(|older| sentence.contains(&format!("{older}年"))))
}

/// Separators between the members of an enumeration.
fn separator(gap: &str) -> bool {
    let g = gap.trim_matches(|c| c == '“' || c == '”');
    matches!(g, "、" | "，" | "和" | "与" | "及" | "以及" | "、“" | "”、")
        || g.trim_matches(|c| c == '“' || c == '”') == "、"
}

/// Named enumerations with a member missing or out of order.
fn enumerations(ctx: &Ctx, out: &mut Emitter) {
    let doc = ctx.doc;
    let text = doc.text;
    let l = list();
    let all = l.members.find_leftmost_longest(text);
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
        enumeration(doc, entry, &found, out);
    }
}

fn enumeration(doc: &Document, entry: usize, found: &[(usize, usize, usize)], out: &mut Emitter) {
    let text = doc.text;
    let l = list();
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
        let sentence = doc
            .sentences
            .iter()
            .find(|s| s.start <= start && start < s.end)
            .map_or("", |s| doc.slice(s.start, s.end));
        let named = sentence.contains(e.phrase);
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
                    e.phrase, e.source
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
                    e.phrase, e.members[missing], e.source
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
        assert!(l.entries.len() >= 300, "{}", l.entries.len());
        for e in &l.entries {
            assert!(!e.source.is_empty(), "{} has no source", e.phrase);
        }
        let mut seen = std::collections::HashSet::new();
        for e in &l.entries {
            assert!(seen.insert(e.phrase), "{} twice", e.phrase);
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
