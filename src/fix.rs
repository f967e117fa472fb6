//! Applying suggested fixes to the text.

/// Replaces each (byte start, byte end, replacement) in `text`. Fixes that
/// overlap an earlier one are skipped, so applying is always safe.
pub fn apply(text: &str, fixes: &[(usize, usize, String)]) -> String {
    let mut sorted: Vec<&(usize, usize, String)> = fixes.iter().collect();
    crate::sort::sort_by(&mut sorted, |f| crate::sort::key3(f.0, f.1, 0));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for (start, end, replacement) in sorted {
        if *start < pos || *end > text.len() || start > end {
            continue;
        }
        let (Some(head), Some(_)) = (text.get(pos..*start), text.get(*start..*end)) else {
            continue;
        };
        out.push_str(head);
        out.push_str(replacement);
        pos = *end;
    }
    out.push_str(text.get(pos..).unwrap_or(""));
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn applies_in_order_and_skips_overlaps() {
        let fixes = vec![
            (6, 7, "，".to_string()),
            (0, 3, "甲".to_string()),
            (1, 4, "x".to_string()),
        ];
        assert_eq!(super::apply("一二,三", &fixes), "甲二，三");
    }
}
