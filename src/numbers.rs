//! Figures in the text: every number with its unit, read once during
//! segmentation so that the figure rules share one reading.

/// One figure: 196件, 1.2万人, 35%, 二十七个.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// Byte span of the whole figure, unit included.
    pub start: usize,
    pub end: usize,
    /// Byte end of the numeric part (the unit follows).
    pub value_end: usize,
    pub value: f64,
    /// The counting unit (人, 件, 个, 万元 …) or "%" for percentages.
    pub unit: String,
    pub percent: bool,
}

fn digit_value(c: char) -> Option<u32> {
    c.to_digit(10).or_else(|| {
        let u = c as u32;
        (0xFF10..=0xFF19).contains(&u).then(|| u - 0xFF10)
    })
}

const UNITS: &[&str] = &[
    "人次",
    "件次",
    "万元",
    "亿元",
    "平方米",
    "平方公里",
    "公里",
    "万人",
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
    "户",
    "组",
];

/// Reads every Arabic-numeral figure in `text`.
pub fn extract(text: &str) -> Vec<Number> {
    let mut out = Vec::new();
    let mut iter = text.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = iter.next() {
        let Some(d) = digit_value(c) else {
            prev = Some(c);
            continue;
        };
        // Skip digits glued to Latin letters (PM2.5, 5G, COVID-19).
        if prev.is_some_and(|p| p.is_ascii_alphabetic() || p == '-') {
            // ... and the rest of that token.
            while iter
                .peek()
                .is_some_and(|&(_, n)| n.is_ascii_alphanumeric() || n == '.' || n == '-')
            {
                iter.next();
            }
            prev = Some('a');
            continue;
        }
        let mut value = d as f64;
        let mut end = i + c.len_utf8();
        let mut frac: Option<f64> = None;
        while let Some(&(j, n)) = iter.peek() {
            if let Some(dv) = digit_value(n) {
                match frac.as_mut() {
                    Some(scale) => {
                        *scale /= 10.0;
                        value += dv as f64 * *scale;
                    }
                    None => value = value * 10.0 + dv as f64,
                }
                end = j + n.len_utf8();
                iter.next();
            } else if (n == '.' || n == '．') && frac.is_none() {
                let after = text[j + n.len_utf8()..].chars().next();
                if after.and_then(digit_value).is_some() {
                    frac = Some(1.0);
                    iter.next();
                } else {
                    break;
                }
            } else if n == ',' && frac.is_none() {
                // Thousands separator: exactly three digits follow.
                let after: Vec<char> = text[j + 1..].chars().take(4).collect();
                if after.len() >= 3
                    && after[..3].iter().all(|c| c.is_ascii_digit())
                    && after.get(3).is_none_or(|c| !c.is_ascii_digit())
                {
                    iter.next();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let value_end = end;
        let rest = &text[end..];
        let mut unit = String::new();
        let mut percent = false;
        let mut rest2 = rest;
        for (mult, ch) in [(10_000.0, '万'), (100_000_000.0, '亿')] {
            if let Some(r) = rest2.strip_prefix(ch) {
                value *= mult;
                unit.push(ch);
                end += ch.len_utf8();
                rest2 = r;
            }
        }
        if rest2.starts_with(['%', '％']) {
            percent = true;
            unit = "%".to_string();
            end += rest2.chars().next().map_or(1, char::len_utf8);
        } else if let Some(u) = UNITS.iter().find(|u| rest2.starts_with(**u)) {
            unit.push_str(u);
            end += u.len();
        }
        out.push(Number {
            start: i,
            end,
            value_end,
            value,
            unit,
            percent,
        });
        while iter.peek().is_some_and(|&(j, _)| j < end) {
            iter.next();
        }
        prev = text[..end].chars().next_back();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::extract;

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
    }
}
