//! numbering.xml: list definitions, and the counters that render each
//! numbered paragraph's label ("一、", "（一）", "1.").

use super::styles::Styles;
use super::xml::{attr, int_attr, on_off, walk_w_elements, Ev};
use super::{find, find_index, sorted};
use crate::decode::LoadError;
use quick_xml::events::BytesStart;

#[derive(Debug, Default, Clone)]
struct LevelDef {
    start: Option<i64>,
    fmt: String,
    text: Option<String>,
    restart: Option<i64>,
    legal: bool,
    suffix: Option<String>,
    style: Option<String>,
}

/// Word has nine list levels, ilvl 0..=8.
const LEVELS: usize = 9;

#[derive(Debug, Default, Clone)]
struct Abstract {
    levels: [Option<LevelDef>; LEVELS],
    num_style_link: Option<String>,
}

#[derive(Debug, Default, Clone)]
struct Num {
    abstract_id: Option<i64>,
    /// Per ilvl: (startOverride, full level override).
    overrides: [(Option<i64>, Option<LevelDef>); LEVELS],
}

#[derive(Debug, Default)]
pub(super) struct Numbering {
    /// Sorted by abstractNumId.
    abstracts: Vec<(i64, Abstract)>,
    /// Sorted by numId.
    nums: Vec<(i64, Num)>,
}

pub(super) fn parse_numbering(xml: &[u8], part: &str) -> Result<Numbering, LoadError> {
    enum Owner {
        None,
        Abstract(i64, Abstract),
        Num(i64, Num),
    }
    let mut abstracts = Vec::new();
    let mut nums = Vec::new();
    let mut owner = Owner::None;
    // The level being read, and the override level it belongs to.
    let mut level: Option<(usize, LevelDef)> = None;
    let mut override_ilvl: Option<usize> = None;
    let ilvl_of = |e: &BytesStart| {
        attr(e, b"ilvl")
            .and_then(|v| v.trim().parse::<usize>().ok())
            .filter(|&l| l < LEVELS)
    };
    walk_w_elements(xml, part, &mut |ev, local| {
        match ev {
            Ev::Start(e) | Ev::Empty(e) => {
                let empty = matches!(ev, Ev::Empty(_));
                match local {
                    b"abstractNum" if !empty => {
                        let id = attr(e, b"abstractNumId").and_then(|v| v.trim().parse().ok());
                        owner = Owner::Abstract(id.unwrap_or(-1), Abstract::default());
                    }
                    b"num" if !empty => {
                        let id = attr(e, b"numId").and_then(|v| v.trim().parse().ok());
                        owner = Owner::Num(id.unwrap_or(-1), Num::default());
                    }
                    b"lvl" if !empty => {
                        // A level override's w:lvl may omit its ilvl;
                        // an out-of-range ilvl is dropped at its end.
                        let ilvl = ilvl_of(e).or(override_ilvl).unwrap_or(LEVELS);
                        level = Some((ilvl, LevelDef::default()));
                    }
                    b"lvlOverride" if !empty => override_ilvl = ilvl_of(e),
                    b"startOverride" => {
                        if let (Owner::Num(_, num), Some(il)) = (&mut owner, override_ilvl) {
                            if let Some(o) = num.overrides.get_mut(il) {
                                o.0 = int_attr(e);
                            }
                        }
                    }
                    b"abstractNumId" => {
                        if let Owner::Num(_, num) = &mut owner {
                            num.abstract_id = int_attr(e);
                        }
                    }
                    b"numStyleLink" => {
                        if let Owner::Abstract(_, a) = &mut owner {
                            a.num_style_link = attr(e, b"val");
                        }
                    }
                    _ => {
                        let Some((_, lv)) = level.as_mut() else {
                            return;
                        };
                        match local {
                            b"start" => lv.start = int_attr(e),
                            b"numFmt" => lv.fmt = attr(e, b"val").unwrap_or_default(),
                            b"lvlText" => lv.text = Some(attr(e, b"val").unwrap_or_default()),
                            b"lvlRestart" => lv.restart = int_attr(e),
                            b"isLgl" => lv.legal = on_off(e),
                            b"suff" => lv.suffix = attr(e, b"val"),
                            b"pStyle" => lv.style = attr(e, b"val"),
                            _ => {}
                        }
                    }
                }
            }
            Ev::End => match local {
                b"lvl" => {
                    if let Some((ilvl, lv)) = level.take() {
                        match &mut owner {
                            Owner::Abstract(_, a) => {
                                if let Some(slot @ None) = a.levels.get_mut(ilvl) {
                                    *slot = Some(lv);
                                }
                            }
                            Owner::Num(_, num) => {
                                if let Some(o) = num.overrides.get_mut(ilvl) {
                                    o.1 = Some(lv);
                                }
                            }
                            Owner::None => {}
                        }
                    }
                }
                b"lvlOverride" => override_ilvl = None,
                b"abstractNum" | b"num" => match std::mem::replace(&mut owner, Owner::None) {
                    Owner::Abstract(id, a) => abstracts.push((id, a)),
                    Owner::Num(id, num) => nums.push((id, num)),
                    Owner::None => {}
                },
                _ => {}
            },
            Ev::Text(_) => {}
        }
    })?;
    Ok(Numbering {
        abstracts: sorted(abstracts),
        nums: sorted(nums),
    })
}

/// Counters of one list (one abstract numbering definition).
#[derive(Debug, Default, Clone)]
struct ListState {
    value: [i64; LEVELS],
    started: [bool; LEVELS],
}

/// Renders numbering labels, keeping counters across paragraphs.
pub(super) struct Counter<'a> {
    numbering: &'a Numbering,
    styles: &'a Styles,
    /// Parallel to `numbering.abstracts`.
    lists: Vec<ListState>,
    /// Parallel to `numbering.nums`: the list instance has been used.
    seen_nums: Vec<bool>,
}

impl<'a> Counter<'a> {
    pub(super) fn new(numbering: &'a Numbering, styles: &'a Styles) -> Self {
        Counter {
            numbering,
            styles,
            lists: vec![ListState::default(); numbering.abstracts.len()],
            seen_nums: vec![false; numbering.nums.len()],
        }
    }

    fn num(&self, num_id: i64) -> Option<&'a Num> {
        find(&self.numbering.nums, &num_id).map(|(_, n)| n)
    }

    /// The abstract definition behind a numId, as (index, definition),
    /// following one numStyleLink.
    fn abstract_for(&self, num_id: i64) -> Option<(usize, &'a Abstract)> {
        let abstracts = &self.numbering.abstracts;
        let aid = self.num(num_id)?.abstract_id?;
        let index = find_index(abstracts, &aid)?;
        let a = &abstracts.get(index)?.1;
        if let Some(link) = &a.num_style_link {
            let (linked, _) = self.styles.numbering(link);
            let target = linked
                .and_then(|l| self.num(l))
                .and_then(|n| n.abstract_id)
                .filter(|&x| x != aid)
                .and_then(|x| find_index(abstracts, &x));
            if let Some(i) = target {
                return Some((i, &abstracts.get(i)?.1));
            }
        }
        Some((index, a))
    }

    fn level_def(
        &self,
        num: Option<&'a Num>,
        a: &'a Abstract,
        ilvl: usize,
    ) -> Option<&'a LevelDef> {
        num.and_then(|n| n.overrides.get(ilvl))
            .and_then(|(_, l)| l.as_ref())
            .or_else(|| a.levels.get(ilvl).and_then(Option::as_ref))
    }

    /// The ilvl whose w:pStyle is this paragraph style.
    fn level_for_style(a: &Abstract, style: &str) -> Option<usize> {
        a.levels
            .iter()
            .position(|l| l.as_ref().and_then(|l| l.style.as_deref()) == Some(style))
    }

    /// Advances the list and returns the label for a numbered paragraph.
    pub(super) fn label(&mut self, num_id: i64, ilvl: Option<u8>, style: Option<&str>) -> String {
        let Some((ai, a)) = self.abstract_for(num_id) else {
            return String::new();
        };
        let num = self.num(num_id);
        let i = ilvl
            .map(usize::from)
            .or_else(|| style.and_then(|s| Self::level_for_style(a, s)))
            .unwrap_or(0)
            .min(LEVELS - 1);
        let Some(def) = self.level_def(num, a, i) else {
            return String::new();
        };
        let mut starts = [1i64; LEVELS];
        let mut restarts = [0i64; LEVELS];
        for l in 0..LEVELS {
            let d = self.level_def(num, a, l);
            starts[l] = num
                .and_then(|n| n.overrides[l].0)
                .or_else(|| d.and_then(|d| d.start))
                .unwrap_or(1);
            // lvlRestart is one-based; absent means "after any higher level".
            restarts[l] = d.and_then(|d| d.restart).unwrap_or(l as i64);
        }
        let Some(state) = self.lists.get_mut(ai) else {
            return String::new();
        };
        if let Some(seen) =
            find_index(&self.numbering.nums, &num_id).and_then(|k| self.seen_nums.get_mut(k))
        {
            if !*seen {
                *seen = true;
                // A list instance with overrides restarts those levels.
                if let Some(n) = num {
                    for (started, o) in state.started.iter_mut().zip(&n.overrides) {
                        if o.0.is_some() || o.1.is_some() {
                            *started = false;
                        }
                    }
                }
            }
        }
        if state.started[i] {
            state.value[i] = state.value[i].saturating_add(1);
        } else {
            state.value[i] = starts[i];
            state.started[i] = true;
        }
        for (started, &after) in state.started.iter_mut().zip(&restarts).skip(i + 1) {
            if after != 0 && (i as i64) < after {
                *started = false;
            }
        }
        let mut values = starts;
        for (v, (&value, &started)) in values
            .iter_mut()
            .zip(state.value.iter().zip(&state.started))
        {
            if started {
                *v = value;
            }
        }
        if def.fmt == "bullet" {
            return String::new();
        }
        let template = def.text.clone().unwrap_or_else(|| format!("%{}.", i + 1));
        let mut out = String::new();
        let mut chars = template.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%' {
                if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    chars.next();
                    if (1..=9).contains(&d) {
                        let l = (d - 1) as usize;
                        let fmt = if def.legal {
                            "decimal"
                        } else {
                            self.level_def(num, a, l)
                                .map_or("decimal", |x| x.fmt.as_str())
                        };
                        out.push_str(&format_number(values[l], fmt));
                    }
                    continue;
                }
            }
            out.push(c);
        }
        match def.suffix.as_deref() {
            Some("nothing") => {}
            _ => {
                // Word puts a tab (or a space) after the number; a label that
                // ends in punctuation reads right without it.
                let ends_punct = out.chars().last().is_some_and(|c| {
                    matches!(
                        c,
                        '、' | '.'
                            | '．'
                            | ')'
                            | '）'
                            | ':'
                            | '：'
                            | '，'
                            | ','
                            | '】'
                            | ']'
                            | '〕'
                    )
                });
                if !out.is_empty() && !ends_punct {
                    out.push(' ');
                }
            }
        }
        out
    }
}

/// Renders a list counter in a Word number format.
pub fn format_number(n: i64, fmt: &str) -> String {
    const CIRCLED: &str = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
    const PAREN: &str = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇";
    const FULLSTOP: &str = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛";
    let nth = |set: &str, n: i64| -> Option<char> {
        usize::try_from(n - 1).ok().and_then(|i| set.chars().nth(i))
    };
    let simple = n.to_string();
    match fmt {
        "none" => String::new(),
        "decimalZero" if (0..10).contains(&n) => format!("0{n}"),
        "upperRoman" => roman(n).unwrap_or(simple),
        "lowerRoman" => roman(n).map_or(simple, |r| r.to_ascii_lowercase()),
        "upperLetter" => letters(n).unwrap_or(simple),
        "lowerLetter" => letters(n).map_or(simple, |r| r.to_ascii_lowercase()),
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "koreanCounting" => chinese(n, false).unwrap_or(simple),
        "chineseLegalSimplified" | "japaneseLegal" => chinese(n, true).unwrap_or(simple),
        "ideographDigital"
        | "taiwaneseDigital"
        | "japaneseDigitalTenThousand"
        | "koreanDigital" => {
            if n < 0 {
                simple
            } else {
                simple
                    .chars()
                    .map(|d| {
                        "〇一二三四五六七八九"
                            .chars()
                            .nth(d as usize - '0' as usize)
                            .unwrap_or(d)
                    })
                    .collect()
            }
        }
        "ideographTraditional" => nth("甲乙丙丁戊己庚辛壬癸", n).map_or(simple, String::from),
        "ideographZodiac" => nth("子丑寅卯辰巳午未申酉戌亥", n).map_or(simple, String::from),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" | "ideographEnclosedCircle" => {
            nth(CIRCLED, n).map_or(simple, String::from)
        }
        "decimalEnclosedParen" => nth(PAREN, n).map_or(simple, String::from),
        "decimalEnclosedFullstop" => nth(FULLSTOP, n).map_or(simple, String::from),
        "decimalFullWidth" | "decimalFullWidth2" => simple
            .chars()
            .map(|c| match c {
                '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
                c => c,
            })
            .collect(),
        "ordinal" => {
            let suffix = match (n % 100, n % 10) {
                (11..=13, _) => "th",
                (_, 1) => "st",
                (_, 2) => "nd",
                (_, 3) => "rd",
                _ => "th",
            };
            format!("{n}{suffix}")
        }
        _ => simple,
    }
}

fn roman(n: i64) -> Option<String> {
    if !(1..4000).contains(&n) {
        return None;
    }
    let table = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut out = String::new();
    for (v, s) in table {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    Some(out)
}

/// Word's letter numbering: A … Z, AA … ZZ, AAA …
fn letters(n: i64) -> Option<String> {
    if !(1..=780).contains(&n) {
        return None;
    }
    let c = char::from(b'A' + ((n - 1) % 26) as u8);
    Some(std::iter::repeat_n(c, ((n - 1) / 26 + 1) as usize).collect())
}

/// 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (below 100,000,000).
fn chinese(n: i64, legal: bool) -> Option<String> {
    if !(0..100_000_000).contains(&n) {
        return None;
    }
    let digits: Vec<char> = if legal {
        "零壹贰叁肆伍陆柒捌玖".chars().collect()
    } else {
        "〇一二三四五六七八九".chars().collect()
    };
    let units = if legal {
        ['\0', '拾', '佰', '仟']
    } else {
        ['\0', '十', '百', '千']
    };
    if n == 0 {
        return Some(digits[0].to_string());
    }
    // One group of four digits; zeros inside it read 零.
    let four = |g: i64, out: &mut String| {
        let mut started = false;
        let mut zero = false;
        for (unit, div) in [(3usize, 1000i64), (2, 100), (1, 10), (0, 1)] {
            let d = (g / div % 10) as usize;
            if d == 0 {
                zero |= started;
                continue;
            }
            if zero {
                out.push('零');
                zero = false;
            }
            out.push(digits[d]);
            if unit > 0 {
                out.push(units[unit]);
            }
            started = true;
        }
    };
    let mut out = String::new();
    let (high, low) = (n / 10_000, n % 10_000);
    if high > 0 {
        four(high, &mut out);
        out.push('万');
        if low > 0 {
            if low < 1000 {
                out.push('零');
            }
            four(low, &mut out);
        }
    } else {
        four(low, &mut out);
    }
    // 十一, not 一十一, at the start.
    if !legal {
        if let Some(rest) = out.strip_prefix("一十") {
            out = format!("十{rest}");
        }
    }
    Some(out)
}
