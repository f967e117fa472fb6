//! The calendar: leap years and the length of a month, for the rules that
//! check dates and for the fill-in that checks a typed day.

pub fn is_leap(y: u32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in `month`; February has 29 when the year is unknown.
pub fn days_in(month: u32, year: Option<u32>) -> u32 {
    match month {
        2 => match year {
            Some(y) if !is_leap(y) => 28,
            _ => 29,
        },
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}
