//! Chinese numerals: 一 … 九千九百九十九, with 〇/零 and 两.

/// The value of a single Chinese digit character, if it is one.
pub fn digit(c: char) -> Option<u64> {
    Some(match c {
        '〇' | '零' | '○' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn unit(c: char) -> Option<u64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        '万' => 10_000,
        '亿' => 100_000_000,
        _ => return None,
    })
}

/// The numeral characters between U+4E00 and U+9FFF, as a bitmap: every
/// character of a text is asked, and most are no numeral.
const NUMERAL_BITS: [u64; 328] = {
    const CHARS: &[char] = &[
        '零', '一', '壹', '二', '两', '贰', '三', '叁', '四', '肆', '五', '伍', '六', '陆', '七',
        '柒', '八', '捌', '九', '玖', '十', '拾', '百', '佰', '千', '仟', '万', '亿',
    ];
    let mut bits = [0u64; 328];
    let mut k = 0;
    while k < CHARS.len() {
        let v = CHARS[k] as u32 - 0x4E00;
        bits[(v / 64) as usize] |= 1 << (v % 64);
        k += 1;
    }
    bits
};

/// True for characters that can be part of a Chinese numeral.
#[inline(always)]
pub fn is_numeral_char(c: char) -> bool {
    let u = c as u32;
    if (0x4E00..0xA000).contains(&u) {
        let v = u - 0x4E00;
        NUMERAL_BITS[(v / 64) as usize] >> (v % 64) & 1 == 1
    } else {
        c == '〇' || c == '○'
    }
}

/// Parses a whole string of Chinese numerals ("十三", "二十七", "一百二十",
/// "二〇二〇" read digit by digit). Returns None for anything else.
pub fn parse(s: &str) -> Option<u64> {
    if s.is_empty() || !s.chars().all(is_numeral_char) {
        return None;
    }
    // Digit-by-digit form (二〇二〇, 一九九八): no unit characters at all.
    if s.chars().count() > 1 && s.chars().all(|c| digit(c).is_some()) {
        let mut v: u64 = 0;
        for c in s.chars() {
            v = v.checked_mul(10)?.checked_add(digit(c)?)?;
        }
        return Some(v);
    }
    let mut total: u64 = 0; // completed 万/亿 groups
    let mut section: u64 = 0; // below 万
    let mut pending: Option<u64> = None; // a digit waiting for its unit
    for c in s.chars() {
        if let Some(d) = digit(c) {
            pending = Some(d);
        } else if let Some(u) = unit(c) {
            if u >= 10_000 {
                section += pending.take().unwrap_or(0);
                let group = if section == 0 { 1 } else { section };
                total = total.checked_add(group.checked_mul(u)?)?;
                section = 0;
            } else {
                let d = pending.take().unwrap_or(1);
                section = section.checked_add(d.checked_mul(u)?)?;
            }
        }
    }
    section += pending.unwrap_or(0);
    total.checked_add(section)
}

/// The Chinese numeral of 1 … 99 as headings and lists write it (三, 十二).
pub fn to_chinese(n: u32) -> Option<String> {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => Some(D[n as usize].to_string()),
        10 => Some("十".into()),
        11..=19 => Some(format!("十{}", D[(n % 10) as usize])),
        20..=99 => Some(format!(
            "{}十{}",
            D[(n / 10) as usize],
            D[(n % 10) as usize]
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn numeral_bitmap_matches_the_tables() {
        for u in 0..0x3_0000u32 {
            if let Some(c) = char::from_u32(u) {
                let slow = super::digit(c).is_some() || super::unit(c).is_some();
                assert_eq!(super::is_numeral_char(c), slow, "{c}");
            }
        }
    }

    #[test]
    fn parses_common_forms() {
        assert_eq!(parse("三"), Some(3));
        assert_eq!(parse("十"), Some(10));
        assert_eq!(parse("十三"), Some(13));
        assert_eq!(parse("二十七"), Some(27));
        assert_eq!(parse("一百二十"), Some(120));
        assert_eq!(parse("一百零五"), Some(105));
        assert_eq!(parse("两千"), Some(2000));
        assert_eq!(parse("三万五千"), Some(35000));
        assert_eq!(parse("二〇二〇"), Some(2020));
        assert_eq!(parse("abc"), None);
        assert_eq!(parse(""), None);
    }
}
