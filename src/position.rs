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
        if byte < self.byte {
            *self = Locator::new(self.text);
        }
        // Clamp into a char boundary.
        let mut target = byte;
        while !self.text.is_char_boundary(target) {
            target -= 1;
        }
        for c in self.text[self.byte..target].chars() {
            self.chars += 1;
            if c == '\n' {
                self.line += 1;
                self.line_start_chars = self.chars;
            }
        }
        self.byte = target;
        Position {
            offset: self.chars,
            line: self.line,
            column: self.chars - self.line_start_chars + 1,
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
}
