//! Sentences, cut at sentence-final punctuation within each paragraph.

use super::{trim_range, Document, Sentence};
use crate::text::utf8::{punct_at, utf8_len};

impl Document<'_> {
    pub(super) fn build_sentences(&mut self) {
        let text = self.text;
        for (pi, p) in self.paragraphs.iter().enumerate() {
            let mut start = p.start;
            // Stepping from character to character by their lead bytes;
            // only punctuation is decoded.
            let bytes = text.as_bytes().get(p.start..p.end).unwrap_or(&[]);
            let mut next = 0;
            while next < bytes.len() {
                let off = next;
                next += utf8_len(bytes[off]);
                let Some(c) = punct_at(bytes, off) else {
                    continue;
                };
                let is_end = matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';')
                    || (c == '…' && punct_at(bytes, next) != Some('…'));
                if !is_end {
                    continue;
                }
                let mut end = p.start + off + c.len_utf8();
                // Closing quotes and brackets belong to the sentence they end.
                while let Some(n) = punct_at(bytes, next) {
                    if matches!(n, '”' | '’' | '」' | '』' | '）' | ')' | '"') {
                        end = p.start + next + n.len_utf8();
                        next += n.len_utf8();
                    } else {
                        break;
                    }
                }
                let (s, e) = trim_range(text, start, end);
                if s < e {
                    self.sentences.push(Sentence {
                        start: s,
                        end: e,
                        paragraph: pi,
                    });
                }
                start = end;
            }
            let (s, e) = trim_range(text, start, p.end);
            if s < e {
                self.sentences.push(Sentence {
                    start: s,
                    end: e,
                    paragraph: pi,
                });
            }
        }
    }
}
