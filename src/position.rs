//! Byte offsets → code-point offsets, lines and columns, in one pass.

/// Maps byte offsets to (code-point offset, 1-based line, 1-based column).
/// Queries must come in non-decreasing byte order for the linear walk;
/// `locate` falls back to a restart when they do not.
pub struct Locator<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
    line: usize,
    line_start_chars: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub offset: usize,
    pub line: usize,
    pub column: usize,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        Locator {
            text,
            byte: 0,
            chars: 0,
            line: 1,
            line_start_chars: 0,
        }
    }

    pub fn locate(&mut self, byte: usize) -> Position {
        let byte = byte.min(self.text.len());
        // Clamp into a char boundary.
        let mut target = byte;
        while !self.text.is_char_boundary(target) {
            target -= 1;
        }
        if target < self.byte {
            // Overlapping findings (a placeholder inside a debris sentence)
            // step back a little: walk back instead of restarting from the
            // top, which would make many of them quadratic.
            self.step_back(target);
        }
        let span = &self.text[self.byte..target];
        if span.len() < 64 {
            // Bytes, not decoded chars: a character is a byte that does not
            // continue one.
            for &b in span.as_bytes() {
                self.chars += usize::from(b & 0xC0 != 0x80);
                if b == b'\n' {
                    self.line += 1;
                    self.line_start_chars = self.chars;
                }
            }
            self.byte = target;
            return self.position();
        }
        // Long spans are counted in bulk: the chars (vectorised by std),
        // the line breaks, the chars after the last one.
        let n = span.chars().count();
        // Line breaks are sparse: find them with memchr.
        let mut breaks = 0;
        let mut after_last = None;
        let mut from = 0;
        while let Some(k) = span.get(from..).and_then(|t| t.find('\n')) {
            breaks += 1;
            from += k + 1;
            after_last = Some(from);
        }
        if let Some(last) = after_last {
            let after = span[last..].chars().count();
            self.line += breaks;
            self.line_start_chars = self.chars + n - after;
        }
        self.chars += n;
        self.byte = target;
        self.position()
    }

    fn position(&self) -> Position {
        Position {
            offset: self.chars,
            line: self.line,
            column: self.chars - self.line_start_chars + 1,
        }
    }

    /// Moves back to `target` (a char boundary before the current byte).
    fn step_back(&mut self, target: usize) {
        let Some(span) = self.text.get(target..self.byte) else {
            *self = Locator::new(self.text);
            return;
        };
        let mut crossed = false;
        for c in span.chars() {
            self.chars -= 1;
            if c == '\n' {
                self.line -= 1;
                crossed = true;
            }
        }
        self.byte = target;
        if crossed {
            // The column base is now the start of an earlier line.
            let head = &self.text[..target];
            let line_start = head.rfind('\n').map_or(0, |i| i + 1);
            self.line_start_chars = self.chars - head[line_start..].chars().count();
        }
    }
}

/// Positions of a known set of byte offsets, computed in one forward walk
/// whatever order they are asked for in (findings overlap, related spans
/// point backwards).
pub struct PositionTable {
    offsets: Vec<usize>,
    positions: Vec<Position>,
}

impl PositionTable {
    pub fn new(text: &str, mut offsets: Vec<usize>) -> PositionTable {
        crate::sort::sort_by(&mut offsets, |&o| o as u128);
        offsets.dedup();
        let mut locator = Locator::new(text);
        let positions = offsets.iter().map(|&b| locator.locate(b)).collect();
        PositionTable { offsets, positions }
    }

    /// The position of `byte`, which must be one of the offsets given.
    pub fn get(&self, byte: usize) -> Position {
        match self.offsets.binary_search(&byte) {
            Ok(i) => self.positions[i],
            // Not registered: the nearest registered offset before it.
            Err(i) => self
                .positions
                .get(i.wrapping_sub(1))
                .copied()
                .unwrap_or(Position {
                    offset: 0,
                    line: 1,
                    column: 1,
                }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_code_points() {
        let text = "一二\n三XX";
        let mut l = Locator::new(text);
        let p = l.locate(text.find("XX").unwrap());
        assert_eq!(
            p,
            Position {
                offset: 4,
                line: 2,
                column: 2
            }
        );
    }

    #[test]
    fn steps_back_like_a_fresh_locator() {
        let text = "一二\n三XX\n\n四五六\nabc";
        let mut walked = Locator::new(text);
        let mut order: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        order.push(text.len());
        // Forward, then every position again from the end backwards.
        let back: Vec<usize> = order.iter().rev().copied().collect();
        for &b in order.iter().chain(back.iter()) {
            let fresh = Locator::new(text).locate(b);
            assert_eq!(walked.locate(b), fresh, "byte {b}");
        }
        // Into the middle of a character: clamped like a fresh locator.
        assert_eq!(walked.locate(1), Locator::new(text).locate(1));
    }
}
