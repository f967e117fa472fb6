//! Figures in the text: every number with its unit, read once during
//! segmentation so that the figure rules share one reading.
//!
//! Read: Arabic digits (full-width too, thousands separators, decimals),
//! Chinese numerals with a counting unit (十三人, 二十七个, 百分之十五),
//! mixed forms (1.2万, 3亿元, 3.5万人次), percentages (% ％), ranges
//! (20～30人) and approximations (30余人, 约50件, 100人左右).
//!
//! Not read as figures: placeholders (XX人, 20XX年, 202-年), digits glued to
//! Latin letters (PM2.5, 5G), a lone 一 (一岗双责, 一把手, 一起) and Chinese
//! numerals without a counting unit (十九大, 三会一课, 一是).

pub mod breakdown;

use crate::cnum;
use crate::text::class::is_han;
use crate::text::utf8::decode_at;

/// One figure: 196件, 1.2万人, 35%, 二十七个.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// Byte span of the whole figure, unit included (and a prefix such as
    /// 约 or 百分之, and a suffix such as 左右).
    pub start: usize,
    pub end: usize,
    /// Byte end of the numeric part (the unit follows).
    pub value_end: usize,
    /// For a range, the lower bound.
    pub value: f64,
    /// The counting unit (人, 件, 个, 万元 …) or "%" for percentages.
    pub unit: String,
    pub percent: bool,
    /// Byte start of the numeric part.
    pub value_start: usize,
    /// The upper bound of a range (20～30人).
    pub upper: Option<f64>,
    /// 约, 近, 余, 多, 左右, 以上 …: not an exact figure.
    pub approx: bool,
    /// Written in Chinese numerals.
    pub chinese: bool,
    /// Preceded by 第: an ordinal, not a quantity.
    pub ordinal: bool,
    /// Inside quotation marks or a book title (“四个意识”, 《…》).
    pub quoted: bool,
    /// Digits written after the decimal point.
    pub decimals: u8,
    /// The multiplier written after the digits: 1, 1e4 (万) or 1e8 (亿).
    pub scale: f64,
    /// The label: the phrase right before the figure that says what it
    /// counts (立案审查调查 for 立案审查调查196件), scope words such as 全区,
    /// 共 or 其中 removed. Empty (start == end) when there is none.
    pub label_start: usize,
    pub label_end: usize,
}

impl Number {
    /// The unit without a 万/亿 prefix, people counted as 人 (名, 位).
    pub fn count_unit(&self) -> &str {
        let u = self
            .unit
            .strip_prefix('万')
            .or_else(|| self.unit.strip_prefix('亿'))
            .unwrap_or(&self.unit);
        match u {
            "名" | "位" => "人",
            other => other,
        }
    }

    /// Half a unit of the last digit written, in value units: 0 for a plain
    /// integer, 500 for 1.2万, 0.05 for 12.5%.
    pub fn tolerance(&self) -> f64 {
        if self.decimals == 0 && self.scale <= 1.0 {
            0.0
        } else {
            0.5 * 10f64.powi(-i32::from(self.decimals)) * self.scale
        }
    }

    /// A calendar part (2020年, 3月, 5日) or a duration in years/months/days.
    pub fn is_time(&self) -> bool {
        matches!(self.unit.as_str(), "年" | "月" | "日" | "号")
    }

    /// An exact figure that arithmetic can be checked on.
    pub fn is_exact(&self) -> bool {
        !self.approx && self.upper.is_none() && !self.quoted && !self.ordinal
    }

    /// An exact count or amount with a unit (not a percentage, not a date).
    pub fn is_exact_count(&self) -> bool {
        self.is_exact() && !self.percent && !self.unit.is_empty() && !self.is_time()
    }
}

/// A value as a person writes it: 53, 12.5, 0.33, 12万, 3.7亿.
pub fn format_value(v: f64) -> String {
    let plain = |v: f64, digits: usize| {
        if (v - v.round()).abs() < 1e-9 {
            format!("{}", v.round() as i64)
        } else {
            let s = format!("{v:.digits$}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
    };
    let whole = |x: f64| (x * 1e4 - (x * 1e4).round()).abs() < 1e-6;
    if v.abs() >= 1e8 && whole(v / 1e8) {
        format!("{}亿", plain(v / 1e8, 4))
    } else if v.abs() >= 1e5 && whole(v / 1e4) {
        format!("{}万", plain(v / 1e4, 4))
    } else {
        plain(v, 2)
    }
}

#[inline(always)]
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Counting units, longer first where one is a prefix of another.
const UNITS: &[&str] = &[
    "人次",
    "件次",
    "户次",
    "批次",
    "场次",
    "个百分点",
    "万元",
    "亿元",
    "万人",
    "平方公里",
    "平方米",
    "公里",
    "公顷",
    "千米",
    "米",
    "个",
    "人",
    "名",
    "件",
    "次",
    "项",
    "份",
    "起",
    "家",
    "户",
    "村",
    "亩",
    "天",
    "期",
    "条",
    "场",
    "元",
    "年",
    "月",
    "日",
    "号",
    "位",
    "批",
    "所",
    "套",
    "篇",
    "本",
    "处",
    "例",
    "张",
    "台",
    "辆",
    "座",
    "组",
    "支",
    "轮",
    "笔",
    "吨",
    "倍",
    "点",
    "类",
    "种",
];

/// The first of [`UNITS`] that `rest` starts with. Only the units that
/// share its first character are compared.
fn unit_at(rest: &str) -> Option<&'static str> {
    // Every unit starts with a three-byte character: compare those bytes
    // as one number before comparing the unit.
    let key = first3(rest.as_bytes())?;
    UNITS
        .iter()
        .zip(UNIT_KEYS.iter())
        .find(|&(u, &k)| k == key && rest.starts_with(u))
        .map(|(u, _)| *u)
}

const fn first3(b: &[u8]) -> Option<u32> {
    if b.len() < 3 {
        return None;
    }
    Some((b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32)
}

/// The first three bytes of each unit, as [`first3`] reads them.
const UNIT_KEYS: [u32; UNITS.len()] = {
    let mut keys = [0u32; UNITS.len()];
    let mut k = 0;
    while k < UNITS.len() {
        keys[k] = match first3(UNITS[k].as_bytes()) {
            Some(v) => v,
            None => 0,
        };
        k += 1;
    }
    keys
};

/// Characters that stand for a blank in a template figure (XX人, 20××年).
pub fn is_blank_char(c: char) -> bool {
    matches!(
        c,
        'X' | 'x' | 'Ｘ' | 'ｘ' | '×' | '＊' | '*' | '□' | '○' | '_' | '＿' | '﹍' | '?' | '？'
    )
}

/// Words before a figure that make it approximate.
const APPROX_BEFORE: &[&str] = &[
    "大约",
    "将近",
    "接近",
    "超过",
    "不足",
    "不到",
    "不少于",
    "至少",
    "最多",
    "多达",
    "约",
    "近",
    "逾",
    "超",
];

/// Words after a figure that make it approximate.
const APPROX_AFTER: &[&str] = &["左右", "以上", "以下", "以内", "上下", "余", "多"];

/// Scope and connective words stripped from the front of a label.
const LABEL_PREFIXES: &[&str] = &[
    "针对", "通过", "经过", "根据", "按照", "对于", "其中", "共有", "共计", "合计", "总计", "累计",
    "总共", "一共", "先后", "全年", "全区", "全县", "全市", "全镇", "全乡", "全省", "全局", "全办",
    "今年", "本年", "年内", "当年", "共", "均", "并", "还", "又", "已", "另",
];

/// Connective words stripped from the end of a label.
const LABEL_SUFFIXES: &[&str] = &[
    "共计", "共有", "合计", "累计", "总计", "达到", "超过", "分别", "占比", "比例", "了", "共",
    "计", "达", "为", "是", "有", "约", "近", "逾", "占", "的", "至", "到", "超",
];

/// The characters of one line of the text (with the line breaks around
/// it), indexed; offsets are bytes from `base` (eight bytes a character,
/// not sixteen: a megabyte-long line makes this table large).
struct Cursor<'t, 'c> {
    text: &'t str,
    chars: &'c [(u32, char)],
    /// Byte offset of the window in the text.
    base: usize,
    /// Byte offset just past the window.
    end: usize,
}

impl Cursor<'_, '_> {
    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|&(_, c)| c)
    }
    fn byte(&self, i: usize) -> usize {
        self.chars
            .get(i)
            .map_or(self.end, |&(b, _)| self.base + b as usize)
    }
    fn rest(&self, i: usize) -> &str {
        self.text.get(self.byte(i)..).unwrap_or("")
    }
    /// Index of the char that starts at byte `b` (b is a char boundary we
    /// computed by adding whole-char lengths).
    fn skip_bytes(&self, i: usize, len: usize) -> usize {
        let target = self.byte(i) + len;
        let mut j = i;
        while j < self.chars.len() && self.byte(j) < target {
            j += 1;
        }
        j
    }
}

/// An Arabic numeral: (index after it, value, decimals).
fn read_arabic(cur: &Cursor, i: usize) -> Option<(usize, f64, u8)> {
    let mut j = i;
    let mut value = 0.0f64;
    let mut decimals = 0u8;
    let mut frac = false;
    let mut any = false;
    while let Some(c) = cur.at(j) {
        if let Some(d) = digit_value(c) {
            any = true;
            if frac {
                decimals = decimals.saturating_add(1);
                value += f64::from(d) * 10f64.powi(-i32::from(decimals));
            } else {
                value = value * 10.0 + f64::from(d);
            }
            j += 1;
        } else if (c == '.' || c == '．') && !frac && any {
            if cur.at(j + 1).and_then(digit_value).is_some() {
                frac = true;
                j += 1;
            } else {
                break;
            }
        } else if c == ',' && !frac && any {
            // Thousands separator: exactly three digits follow.
            let three = (1..=3).all(|k| cur.at(j + k).is_some_and(|c| c.is_ascii_digit()));
            let fourth = cur.at(j + 4).is_some_and(|c| c.is_ascii_digit());
            if three && !fourth {
                j += 1;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    any.then_some((j, value, decimals))
}

#[inline(always)]
fn is_cn_numeral(c: char) -> bool {
    cnum::is_numeral_char(c) && c != '○'
}

/// A Chinese numeral run: (index after it, value). Only forms that read as
/// quantities: a lone 一, runs without a digit (万, 千万) and digit-by-digit
/// runs (一一, 二〇二〇) other than four-digit years are refused.
fn read_chinese(cur: &Cursor, i: usize) -> Option<(usize, f64)> {
    let mut j = i;
    while cur.at(j).is_some_and(is_cn_numeral) && j - i < 12 {
        j += 1;
    }
    let s = cur.text.get(cur.byte(i)..cur.byte(j))?;
    let first = s.chars().next()?;
    if matches!(first, '〇' | '零' | '万' | '亿' | '千' | '百' | '仟' | '佰') {
        return None;
    }
    if s == "一" || s == "壹" {
        return None;
    }
    let all_digits = s.chars().all(|c| cnum::digit(c).is_some());
    if all_digits && s.chars().count() > 1 {
        // 二〇二〇年 is a year; 一一 (一一对应) is a word.
        let year = s.chars().count() == 4 && cur.at(j) == Some('年');
        if !year {
            return None;
        }
    }
    let v = cnum::parse(s)?;
    Some((j, v as f64))
}

/// Quotation and book-title spans, per line, at most 60 characters long.
fn quoted_mask(chars: &[(u32, char)], mask: &mut Vec<bool>) {
    mask.clear();
    mask.resize(chars.len(), false);
    let mut open: Vec<(char, usize)> = Vec::new();
    for (i, &(_, c)) in chars.iter().enumerate() {
        // Every mark below is at most U+300F (』); ideographs are far above.
        if c > '\u{300F}' {
            continue;
        }
        match c {
            '\n' | '\r' => open.clear(),
            '“' | '《' | '「' | '『' | '‘' => open.push((c, i)),
            '"' => {
                if let Some(pos) = open.iter().rposition(|&(o, _)| o == '"') {
                    let (_, s) = open[pos];
                    open.truncate(pos);
                    if i - s <= 60 {
                        mask[s..=i].iter_mut().for_each(|m| *m = true);
                    }
                } else {
                    open.push(('"', i));
                }
            }
            '”' | '》' | '」' | '』' | '’' => {
                let want = match c {
                    '”' => '“',
                    '》' => '《',
                    '」' => '「',
                    '』' => '『',
                    _ => '‘',
                };
                if let Some(pos) = open.iter().rposition(|&(o, _)| o == want) {
                    let (_, s) = open[pos];
                    open.truncate(pos);
                    if i - s <= 60 {
                        mask[s..=i].iter_mut().for_each(|m| *m = true);
                    }
                }
            }
            _ => {}
        }
        if open.len() > 16 {
            open.remove(0);
        }
    }
}

/// Strips scope and connective words from a label span.
pub fn trim_label(text: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    loop {
        let Some(l) = text.get(s..e) else {
            return (e, e);
        };
        if let Some(p) = LABEL_PREFIXES
            .iter()
            .find(|p| l.starts_with(**p) && l.len() > p.len())
        {
            s += p.len();
            continue;
        }
        if let Some(p) = LABEL_SUFFIXES.iter().find(|p| l.ends_with(**p)) {
            e -= p.len();
            continue;
        }
        if LABEL_PREFIXES.contains(&l) {
            return (e, e);
        }
        return (s, e);
    }
}

/// Reads every figure in `text`.
///
/// A line at a time: no figure, quotation or look-around crosses a line
/// break, so each line is read with the breaks on either side of it as
/// its neighbours, in one reused buffer.
pub fn extract(text: &str) -> Vec<Number> {
    let mut out: Vec<Number> = Vec::new();
    let mut chars: Vec<(u32, char)> = Vec::new();
    let mut quoted: Vec<bool> = Vec::new();
    let mut candidates: Vec<usize> = Vec::new();
    let mut line_start = 0;
    while line_start <= text.len() {
        let line_end = text
            .get(line_start..)
            .and_then(|t| t.find('\n'))
            .map_or(text.len(), |i| line_start + i);
        let from = line_start.saturating_sub(1);
        let to = (line_end + 1).min(text.len());
        // A line of 4 GB is no report (offsets in it would not fit in u32).
        if to - from > u32::MAX as usize {
            line_start = line_end + 1;
            continue;
        }
        // One pass: the characters, where figures may start (digits and
        // numerals; the rest of the line only steps past), and whether
        // there are quotation marks at all.
        // Written by index into a table sized for the worst case (one
        // byte a character) and cut to length: in the web build a `push`
        // and a `char_indices` step are calls, once per character of the
        // text.
        let line = text.get(from..to).unwrap_or("");
        chars.clear();
        chars.resize(line.chars().count(), (0, '\0'));
        let line = line.as_bytes();
        candidates.clear();
        let mut quotes = false;
        let (mut b, mut n) = (0, 0);
        while let Some((c, len)) = decode_at(line, b) {
            // Ideographs, the bulk of a line, can only be numerals (full-
            // width digits and the quotation marks are outside this block).
            if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
                if cnum::is_numeral_char(c) {
                    candidates.push(n);
                }
            } else {
                if digit_value(c).is_some() || is_cn_numeral(c) {
                    candidates.push(n);
                }
                quotes |= matches!(
                    c,
                    '“' | '《' | '「' | '『' | '‘' | '"' | '”' | '》' | '」' | '』' | '’'
                );
            }
            if let Some(slot) = chars.get_mut(n) {
                *slot = (b as u32, c);
            }
            b += len;
            n += 1;
        }
        chars.truncate(n);
        if candidates.is_empty() {
            line_start = line_end + 1;
            continue;
        }
        let cur = Cursor {
            text,
            chars: &chars,
            base: from,
            end: to,
        };
        // No quotation marks: nothing is quoted (an empty mask reads false).
        quoted.clear();
        if quotes {
            quoted_mask(&chars, &mut quoted);
        }
        extract_line(&cur, &quoted, &candidates, &mut out);
        line_start = line_end + 1;
    }
    out
}

/// Reads the figures of one line; `candidates` are the indices of its
/// digits and numerals (every other character is stepped past).
fn extract_line(cur: &Cursor, quoted: &[bool], candidates: &[usize], out: &mut Vec<Number>) {
    let text = cur.text;
    let mut i = 0;
    let mut ci = 0;
    loop {
        while candidates.get(ci).is_some_and(|&k| k < i) {
            ci += 1;
        }
        let Some(&k) = candidates.get(ci) else {
            break;
        };
        i = k;
        let c = cur.chars[i].1;
        let prev = i.checked_sub(1).and_then(|p| cur.at(p));
        let percent_words = c == '百' && cur.rest(i).starts_with("百分之");
        let arabic = digit_value(c).is_some();
        let chinese = !arabic && (is_cn_numeral(c) || percent_words);
        if !arabic && !chinese {
            i += 1;
            continue;
        }
        let glued = |p: char| {
            p.is_ascii_alphabetic() || p == '-' || (is_blank_char(p) && !matches!(p, '?' | '？'))
        };
        if arabic && prev.is_some_and(glued) {
            // PM2.5, COVID-19, X2: skip the whole token.
            i += 1;
            while cur
                .at(i)
                .is_some_and(|n| n.is_ascii_alphanumeric() || n == '.' || digit_value(n).is_some())
            {
                i += 1;
            }
            continue;
        }
        if chinese && !percent_words && prev.is_some_and(is_cn_numeral) {
            i += 1;
            continue;
        }
        match read_figure(cur, quoted, i, percent_words) {
            Some((next, mut num)) => {
                if let Some(last) = out.last() {
                    if last.end == num.start {
                        // 196件196人: the second figure shares the first one's label.
                        num.label_start = last.label_start;
                        num.label_end = last.label_end;
                    } else if !last.is_time() && label_run_start(text, num.start) <= last.end {
                        // 4个方面13个问题: 方面 is the first figure's noun,
                        // not a label of the second.
                        num.label_start = num.start;
                        num.label_end = num.start;
                    }
                }
                out.push(num);
                i = next.max(i + 1);
            }
            None => {
                // Skip the rest of this numeral run.
                i += 1;
                while cur
                    .at(i)
                    .is_some_and(|c| digit_value(c).is_some() || (chinese && is_cn_numeral(c)))
                {
                    i += 1;
                }
            }
        }
    }
}

/// Reads the scale (万/亿), approximation words and unit after a value.
/// Returns (index after, value, unit, percent, approx, scale).
fn read_tail(
    cur: &Cursor,
    mut j: usize,
    mut value: f64,
    arabic: bool,
) -> (usize, f64, String, bool, bool, f64) {
    let mut approx = false;
    let mut unit = String::new();
    let mut scale = 1.0;
    if matches!(cur.at(j), Some('余' | '多')) {
        approx = true;
        j += 1;
    }
    if arabic {
        // 3千人, 5百万元: only before a unit or a larger multiplier.
        if let Some(c @ ('千' | '百')) = cur.at(j) {
            let after = cur.rest(j + 1);
            if after.starts_with(['万', '亿']) || unit_at(after).is_some() {
                let m = if c == '千' { 1000.0 } else { 100.0 };
                value *= m;
                scale *= m;
                j += 1;
            }
        }
    }
    for (ch, m) in [('万', 10_000.0), ('亿', 100_000_000.0)] {
        if cur.at(j) == Some(ch) {
            // 一万元, 3亿: but not 万一 or 亿万.
            value *= m;
            scale *= m;
            unit.push(ch);
            j += 1;
        }
    }
    if !approx && matches!(cur.at(j), Some('余' | '多')) && !unit.is_empty() {
        approx = true;
        j += 1;
    }
    let mut percent = false;
    let rest = cur.rest(j);
    if rest.starts_with(['%', '％']) {
        percent = true;
        unit = "%".to_string();
        j += 1;
    } else if let Some(u) = unit_at(rest) {
        unit.push_str(u);
        j = cur.skip_bytes(j, u.len());
    }
    (j, value, unit, percent, approx, scale)
}

fn read_figure(
    cur: &Cursor,
    quoted: &[bool],
    i: usize,
    percent_words: bool,
) -> Option<(usize, Number)> {
    let start_i = i;
    let mut vi = i;
    if percent_words {
        vi = cur.skip_bytes(i, "百分之".len());
    }
    let first = cur.at(vi)?;
    let arabic = digit_value(first).is_some();
    let (mut j, value, decimals) = if arabic {
        read_arabic(cur, vi)?
    } else {
        let (j, v) = read_chinese(cur, vi)?;
        (j, v, 0)
    };
    // Placeholders glued to digits: 20XX年, 1X人, 202-年.
    if let Some(n) = cur.at(j) {
        if is_blank_char(n) && n != '?' && n != '？' {
            return None;
        }
        if matches!(n, '-' | '－' | '‐' | '–' | '—')
            && cur.at(j + 1).is_none_or(|c| digit_value(c).is_none())
        {
            return None;
        }
    }
    let value_end_i = j;
    let (nj, mut value, mut unit, mut percent, mut approx, scale) = if percent_words {
        (j, value, "%".to_string(), true, false, 1.0)
    } else {
        read_tail(cur, j, value, arabic)
    };
    j = nj;
    // 两点 (two points of a speech) is not a figure the checks read.
    if !arabic && unit == "点" {
        return None;
    }
    // A range: 20～30人, 20人至30人, 二至三人.
    let mut upper = None;
    if let Some(sep) = cur.at(j) {
        if matches!(
            sep,
            '～' | '~' | '〜' | '至' | '到' | '—' | '–' | '－' | '-'
        ) {
            let k = if sep == '—' && cur.at(j + 1) == Some('—') {
                j + 2
            } else {
                j + 1
            };
            let second = cur.at(k);
            let second_arabic = second.is_some_and(|c| digit_value(c).is_some());
            let second_cn = second.is_some_and(is_cn_numeral);
            if second_arabic == arabic && (second_arabic || second_cn) {
                let read = if second_arabic {
                    read_arabic(cur, k).map(|(e, v, _)| (e, v))
                } else {
                    read_chinese(cur, k)
                };
                if let Some((e, v2)) = read {
                    let (e2, v2, unit2, pct2, approx2, _) = read_tail(cur, e, v2, second_arabic);
                    let compatible = unit.is_empty()
                        || unit == unit2
                        || (unit.starts_with(['万', '亿']) && unit2.starts_with(unit.as_str()))
                        || (percent && pct2);
                    if compatible && !unit2.is_empty() {
                        upper = Some(v2);
                        if unit.is_empty() {
                            // 20～30万元: the first bound shares the scale.
                            value *= scale_of(&unit2);
                        }
                        unit = unit2;
                        percent = percent || pct2;
                        approx = approx || approx2;
                        j = e2;
                    }
                }
            }
        }
    }
    // Chinese numerals count only with a unit: 十九大 and 三会一课 are words.
    if !arabic && unit.is_empty() {
        return None;
    }
    if !percent && unit != "%" {
        for a in APPROX_AFTER {
            if cur.rest(j).starts_with(a) {
                approx = true;
                j = cur.skip_bytes(j, a.len());
                break;
            }
        }
    } else if cur.rest(j).starts_with("以上") || cur.rest(j).starts_with("左右") {
        approx = true;
        j = cur.skip_bytes(j, "以上".len());
    }
    let mut start_b = cur.byte(start_i);
    let before = cur.text.get(..start_b).unwrap_or("");
    if let Some(a) = APPROX_BEFORE.iter().find(|a| before.ends_with(**a)) {
        // 近3年, 约50人, 超过30%.
        approx = true;
        start_b -= a.len();
    }
    let before = cur.text.get(..start_b).unwrap_or("");
    let ordinal = before.ends_with('第');
    let quoted_here = quoted.get(vi).copied().unwrap_or(false);
    let (label_start, label_end) = label_before(cur.text, start_b);
    let num = Number {
        start: start_b,
        end: cur.byte(j),
        value_end: cur.byte(value_end_i),
        value,
        unit,
        percent,
        value_start: cur.byte(vi),
        upper,
        approx,
        chinese: !arabic,
        ordinal,
        quoted: quoted_here,
        decimals,
        scale,
        label_start,
        label_end,
    };
    Some((j, num))
}

fn scale_of(unit: &str) -> f64 {
    if unit.starts_with('亿') {
        100_000_000.0
    } else if unit.starts_with('万') {
        10_000.0
    } else {
        1.0
    }
}

/// The label span before byte `pos`: Han characters back to the nearest
/// punctuation, digit or quote (at most 16), scope words trimmed.
fn label_before(text: &str, pos: usize) -> (usize, usize) {
    trim_label(text, label_run_start(text, pos), pos)
}

/// Start of the run of Han characters (at most 16) ending at `pos`.
fn label_run_start(text: &str, pos: usize) -> usize {
    let Some(before) = text.get(..pos) else {
        return pos;
    };
    let mut s = pos;
    for (k, c) in before.chars().rev().enumerate() {
        if k >= 16 || !is_han(c) {
            break;
        }
        s -= c.len_utf8();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::extract;

    fn read(text: &str) -> Vec<(f64, String)> {
        extract(text)
            .into_iter()
            .map(|n| (n.value, n.unit))
            .collect()
    }

    fn v(items: &[(f64, &str)]) -> Vec<(f64, String)> {
        items.iter().map(|&(a, b)| (a, b.to_string())).collect()
    }

    #[test]
    fn reads_figures_with_units() {
        let n = extract("立案审查调查196件196人，占12.5%，计1,200万元，PM2.5");
        let got: Vec<(f64, &str)> = n.iter().map(|n| (n.value, n.unit.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (196.0, "件"),
                (196.0, "人"),
                (12.5, "%"),
                (12_000_000.0, "万元")
            ]
        );
        let label = |k: usize| &"立案审查调查196件196人，占12.5%"[n[k].label_start..n[k].label_end];
        assert_eq!(label(0), "立案审查调查");
        assert_eq!(label(1), "立案审查调查");
        assert_eq!(label(2), "");
    }

    #[test]
    fn units_start_with_three_byte_characters() {
        for u in super::UNITS {
            assert_eq!(u.chars().next().map(char::len_utf8), Some(3), "{u}");
        }
    }

    #[test]
    fn values_read_as_written() {
        use super::format_value;
        assert_eq!(format_value(53.0), "53");
        assert_eq!(format_value(12.5), "12.5");
        assert_eq!(format_value(29440.0), "29440");
        assert_eq!(format_value(120_000.0), "12万");
        assert_eq!(format_value(370_000_000.0), "3.7亿");
    }

    #[test]
    fn full_width_and_mixed_forms() {
        assert_eq!(read("共１２人"), v(&[(12.0, "人")]));
        assert_eq!(read("投入1.2万元"), v(&[(12_000.0, "万元")]));
        assert_eq!(read("投资3亿元"), v(&[(300_000_000.0, "亿元")]));
        let n = extract("服务3.5万人次");
        assert_eq!(n[0].value, 35_000.0);
        assert_eq!(n[0].count_unit(), "人次");
        assert_eq!(n[0].tolerance(), 500.0);
        assert_eq!(read("占比１２．５％"), v(&[(12.5, "%")]));
    }

    #[test]
    fn chinese_numerals_with_units() {
        assert_eq!(read("处理十三人"), v(&[(13.0, "人")]));
        assert_eq!(read("共二十七个村"), v(&[(27.0, "个")]));
        assert_eq!(read("一百二十件"), v(&[(120.0, "件")]));
        assert_eq!(read("召开两次会议"), v(&[(2.0, "次")]));
        assert_eq!(read("百分之十五"), v(&[(15.0, "%")]));
        assert_eq!(read("二〇二〇年"), v(&[(2020.0, "年")]));
    }

    #[test]
    fn words_with_numerals_are_not_figures() {
        for text in [
            "履行一岗双责",
            "坚持三会一课",
            "一把手监督",
            "党的十九大精神",
            "一是加强学习",
            "统一是关键",
            "一起研究",
            "一一公开",
            "十九届四中全会",
            "两学一做",
        ] {
            assert!(extract(text).is_empty(), "{text}: {:?}", extract(text));
        }
        let n = extract("树牢“四个意识”");
        assert!(n.iter().all(|n| n.quoted));
        let n = extract("排名第3名");
        assert!(n[0].ordinal);
    }

    #[test]
    fn a_question_mark_does_not_hide_the_next_figure() {
        assert_eq!(read("是否到位？3个单位"), v(&[(3.0, "个")]));
    }

    #[test]
    fn placeholders_are_not_figures() {
        for text in [
            "XX人", "20XX年", "202-年", "X月X日", "占XX%", "1X人", "××件",
        ] {
            assert!(extract(text).is_empty(), "{text}: {:?}", extract(text));
        }
    }

    #[test]
    fn ranges_and_approximations() {
        let n = extract("每期20～30人");
        assert_eq!(
            (n[0].value, n[0].upper, n[0].unit.as_str()),
            (20.0, Some(30.0), "人")
        );
        let n = extract("二至三人");
        assert_eq!((n[0].value, n[0].upper), (2.0, Some(3.0)));
        assert!(extract("30余人")[0].approx);
        assert!(extract("约50件")[0].approx);
        assert!(extract("100人左右")[0].approx);
        assert!(extract("80%以上")[0].approx);
        assert!(!extract("196件")[0].approx);
        let n = extract("以下四个方面");
        assert!(!n[0].approx);
    }

    #[test]
    fn labels_drop_scope_words() {
        let text = "2020年,全区立案审查调查196件，区委延伸巡察了27个村，共有纪检监察干部50人";
        let n = extract(text);
        let labels: Vec<&str> = n
            .iter()
            .map(|n| &text[n.label_start..n.label_end])
            .collect();
        assert_eq!(
            labels,
            vec!["", "立案审查调查", "区委延伸巡察", "纪检监察干部"]
        );
    }
}
