//! Character classes and small text helpers shared by the punctuation and
//! wording rules (not a rule itself: build.rs skips `support*` files).

use super::support_scan::{self, Seeds};
use crate::re::Regex;
use std::sync::OnceLock;

/// A Han character (CJK unified ideographs and extensions) or 〇.
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
        || c == '〇'
}

/// Full-width (Chinese) punctuation: CJK symbols, full-width forms, and the
/// curly quotes, dashes and ellipsis Chinese text uses.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c as u32, 0x3001..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
        || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

/// A character that marks its surroundings as Chinese text.
pub fn is_zh(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

/// Clause or sentence punctuation, full- or half-width.
pub fn is_clause_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '：' | '！' | '？' | '、' | ',' | ';' | ':' | '!' | '?'
    )
}

/// Closing quotes and brackets.
pub fn is_closing(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '》' | '〉' | '）' | '】' | '〕' | '」' | '』' | ')' | ']'
    )
}

/// The character just before byte offset `pos` (None at the start or when
/// `pos` is not a char boundary).
#[inline(always)]
pub fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// The character at byte offset `pos`.
#[inline(always)]
pub fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// The character starting at byte `i` of valid UTF-8, and its length.
/// A hand decoder, always inlined: in the web build (opt-level "z") a
/// `chars()` step is an out-of-line call, which dominates a walk over
/// every character of a long text.
#[inline(always)]
pub fn decode_at(bytes: &[u8], i: usize) -> Option<(char, usize)> {
    let lead = *bytes.get(i)?;
    if lead.is_ascii() {
        return Some((char::from(lead), 1));
    }
    let len = crate::document::utf8_len(lead);
    let rest = bytes.get(i + 1..i + len)?;
    // The lead byte's payload: 5, 4 or 3 bits for 2, 3 or 4 bytes.
    let init = u32::from(lead & (0x7f >> len));
    let code = rest.iter().fold(init, |c, &b| c << 6 | u32::from(b & 0x3f));
    Some((char::from_u32(code)?, len))
}

/// The characters of `text[from..]` that start with one of three lead
/// bytes, with their offsets. Only a character's first byte can be ASCII
/// or 0xC0 and above, so every hit starts a character. The CJK punctuation
/// starts with E2 (“”‘’…), E3 (、。《》【】) or EF (，：；（）？！), the
/// ideographs with E4–E9: visiting only the marks this way skips the text
/// between them with memchr's vectorised search instead of decoding
/// every character.
pub fn chars_led_by(
    text: &str,
    from: usize,
    leads: [u8; 3],
) -> impl Iterator<Item = (usize, char)> + '_ {
    let [a, b, c] = leads;
    let tail = text.as_bytes().get(from..).unwrap_or_default();
    memchr::memchr3_iter(a, b, c, tail)
        .filter_map(move |i| Some((from + i, char_at(text, from + i)?)))
}

/// The text after `pos`, or "".
pub fn rest(text: &str, pos: usize) -> &str {
    text.get(pos..).unwrap_or("")
}

/// The text before `pos`, or "".
pub fn head(text: &str, pos: usize) -> &str {
    text.get(..pos).unwrap_or("")
}

/// Spans that are not prose: URLs, e-mail addresses and `code`. Sorted,
/// disjoint.
///
/// As one pattern `url|mail|code` over the whole text. A URL or an address
/// is printable ASCII without a backquote, so it cannot overlap a code span
/// other than by lying inside it (where the one search would not look);
/// the two are searched apart, each only where it can occur, and the
/// addresses inside code spans dropped.
pub fn protected_spans(text: &str) -> Vec<(usize, usize)> {
    static LINK: OnceLock<Regex> = OnceLock::new();
    static LINK_SEEDS: OnceLock<Seeds> = OnceLock::new();
    let link = LINK.get_or_init(|| {
        Regex::new(
            r"(?i-u:(?:https?|ftp)://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+|[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}",
        )
        .expect("valid regex")
    });
    // A URL holds :// or www., an address a dot after its @.
    let link_seeds = LINK_SEEDS.get_or_init(|| Seeds::chars(&['.', ':']));
    let codes = code_spans(text);
    let mut spans = Vec::with_capacity(codes.len());
    let mut inside = SpanCursor::new(&codes);
    let ascii = |b: u8| (0x21..=0x7e).contains(&b);
    for (at, run) in support_scan::trigger_windows(text, link_seeds, ascii) {
        for m in link.find_iter(run) {
            let s = at + m.start();
            if !inside.contains(s) {
                spans.push((s, at + m.end()));
            }
        }
    }
    spans.extend_from_slice(&codes);
    crate::sort::sort_by(&mut spans, |&(s, e)| crate::sort::key3(s, e, 0));
    spans
}

/// Markdown code spans: a backquote, 1 to 200 characters on the same line
/// with no backquote, a backquote (what `[^`\n]{1,200}` between backquotes
/// matches, leftmost first; as a regex its 200-fold repetition of a
/// Unicode class took 1.6 ms to compile).
fn code_spans(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut spans = Vec::new();
    let mut ticks = memchr::memchr_iter(b'`', b).peekable();
    while let Some(open) = ticks.next() {
        let Some(&close) = ticks.peek() else { break };
        let inner = b.get(open + 1..close).unwrap_or_default();
        // Characters, not bytes: count the bytes that start one.
        let chars = inner.iter().filter(|&&x| (x as i8) >= -0x40).count();
        if (1..=200).contains(&chars) && !inner.contains(&b'\n') {
            spans.push((open, close + 1));
            ticks.next(); // the closing backquote opens nothing
        }
    }
    spans
}

/// Walks sorted spans alongside increasing positions: `contains(pos)` is
/// amortised O(1) when queried in non-decreasing order.
pub struct SpanCursor<'a> {
    spans: &'a [(usize, usize)],
    i: usize,
}

impl<'a> SpanCursor<'a> {
    pub fn new(spans: &'a [(usize, usize)]) -> Self {
        SpanCursor { spans, i: 0 }
    }

    pub fn contains(&mut self, pos: usize) -> bool {
        while self.i < self.spans.len() && self.spans[self.i].1 <= pos {
            self.i += 1;
        }
        self.spans
            .get(self.i)
            .is_some_and(|&(s, e)| s <= pos && pos < e)
    }
}

/// Words that name a document: a pair of marks around such a title stands
/// for 《》.
const TITLE_SUFFIXES: &[&str] = &[
    "制度",
    "条例",
    "办法",
    "规定",
    "意见",
    "通知",
    "决定",
    "准则",
    "规则",
    "细则",
    "方案",
    "规划",
    "纲要",
    "报告",
    "决议",
    "守则",
    "标准",
    "要点",
    "清单",
    "计划",
    "通报",
    "通告",
    "公告",
    "指引",
    "指南",
    "纲领",
    "章程",
    "讲话",
    "读本",
    "选编",
    "文选",
    "选集",
    "论述",
    "摘编",
    "问答",
    "汇编",
    "法",
    "（试行）",
    "(试行)",
    "（暂行）",
    "(暂行)",
    "办法（试行）",
];

const TITLE_PREFIXES: &[&str] = &["关于", "中国共产党", "中华人民共和国", "中共"];

/// Pairs of `?`, `？` or U+FFFD that a broken conversion left where 《》
/// stood, as in “贯彻?市区干部培训审批制度?要求”: (start of the opening
/// mark, end of the closing mark) byte spans within `[start, end)`.
pub fn question_title_pairs(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let marks = QuestionMarks::new(text);
    marks.title_pairs(start, end)
}

/// Every `?`, `？` and U+FFFD of a text, found once for all paragraphs.
pub struct QuestionMarks<'t> {
    text: &'t str,
    marks: Vec<usize>,
}

impl<'t> QuestionMarks<'t> {
    pub fn new(text: &'t str) -> Self {
        static SEEDS: OnceLock<Seeds> = OnceLock::new();
        let seeds = SEEDS.get_or_init(|| Seeds::chars(&['?', '？', '\u{FFFD}']));
        QuestionMarks {
            text,
            marks: support_scan::seed_matches(text, seeds)
                .map(|(s, _)| s)
                .collect(),
        }
    }

    /// [`question_title_pairs`] of `[start, end)`.
    pub fn title_pairs(&self, start: usize, end: usize) -> Vec<(usize, usize)> {
        let lo = self.marks.partition_point(|&m| m < start);
        let hi = self.marks.partition_point(|&m| m < end);
        title_pairs(self.text, self.marks.get(lo..hi).unwrap_or(&[]), end)
    }
}

/// Pairs among the marks (sorted byte offsets) of a paragraph ending at `end`.
fn title_pairs(text: &str, marks: &[usize], end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut k = 0;
    while k + 1 < marks.len() {
        let (a, b) = (marks[k], marks[k + 1]);
        let a_end = a + char_at(text, a).map_or(1, char::len_utf8);
        let b_end = b + char_at(text, b).map_or(1, char::len_utf8);
        let inner = text.get(a_end..b).unwrap_or("");
        // A title is followed by more of the sentence; a question may end it.
        let continues = char_at(text, b_end).is_some_and(|c| !c.is_whitespace()) && b_end < end;
        if looks_like_title(inner) && opens_title(text, a) && continues {
            out.push((a, b_end));
            k += 2;
        } else {
            k += 1;
        }
    }
    out
}

fn looks_like_title(inner: &str) -> bool {
    let n = inner.chars().take(61).count();
    if !(2..=60).contains(&n) {
        return false;
    }
    if inner.chars().any(|c| {
        matches!(
            c,
            '，' | '。'
                | '；'
                | '：'
                | '！'
                | ','
                | ';'
                | ':'
                | '!'
                | '\n'
                | '\r'
                | ' '
                | '“'
                | '”'
        )
    }) {
        return false;
    }
    if !inner
        .chars()
        .next()
        .is_some_and(|c| is_han(c) || c.is_ascii_digit())
    {
        return false;
    }
    // A question between two question marks is a question.
    const ASKING: &[&str] = &[
        "是否",
        "吗",
        "呢",
        "怎",
        "如何",
        "什么",
        "哪",
        "谁",
        "多少",
        "能否",
        "可否",
        "有没有",
        "是不是",
        "这是",
        "就是",
        "不是",
        "还是",
        "都是",
        "也是",
        "我们",
        "你们",
        "他们",
    ];
    if ASKING.iter().any(|w| inner.contains(w)) {
        return false;
    }
    TITLE_SUFFIXES.iter().any(|s| inner.ends_with(s))
        || TITLE_PREFIXES.iter().any(|p| inner.starts_with(p))
}

/// A real question mark follows a question; a title mark does not.
fn opens_title(text: &str, a: usize) -> bool {
    !char_before(text, a).is_some_and(|c| {
        matches!(
            c,
            '吗' | '呢'
                | '么'
                | '吧'
                | '哪'
                | '何'
                | '谁'
                | '啊'
                | '呀'
                | '否'
                | '几'
                | '少'
                | '样'
                | '怎'
                | '?'
                | '？'
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_are_what_the_regex_found() {
        let re = Regex::new(r"`[^`\n]{1,200}`").unwrap();
        let long = "字".repeat(200);
        let longer = "字".repeat(201);
        for t in [
            "用 `cargo test` 运行，`a` 和 `b`",
            "``空``, `跨\n行`, `未闭合",
            "```三个```",
            &format!("`{long}` `{longer}` `x`"),
            &format!("`{longer}`x`"),
            "无反引号",
            "`",
        ] {
            let want: Vec<(usize, usize)> = re.find_iter(t).map(|m| (m.start(), m.end())).collect();
            assert_eq!(code_spans(t), want, "{t:?}");
        }
    }

    #[test]
    fn classes() {
        assert!(is_han('政') && is_han('〇') && !is_han('，'));
        assert!(is_cjk_punct('，') && is_cjk_punct('“') && is_cjk_punct('《'));
        assert!(!is_cjk_punct(',') && !is_cjk_punct('a'));
    }

    #[test]
    fn decodes_like_char_indices() {
        let text = "a£政，𠀀\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}z";
        let mut got = Vec::new();
        let mut i = 0;
        while let Some((c, len)) = decode_at(text.as_bytes(), i) {
            got.push((i, c));
            i += len;
        }
        assert_eq!(got, text.char_indices().collect::<Vec<_>>());
        assert_eq!(decode_at(b"\xe6\x94", 0), None, "truncated");
        let marks: Vec<(usize, char)> =
            chars_led_by("政（一）“是”", 3, [0xe2, 0xe3, 0xef]).collect();
        assert_eq!(marks, vec![(3, '（'), (9, '）'), (12, '“'), (18, '”')]);
    }

    #[test]
    fn urls_are_protected() {
        let t = "详见http://www.gov.cn/a?b=1,c。邮箱ab.c@gov.cn,谢谢";
        let spans = protected_spans(t);
        assert_eq!(spans.len(), 2);
        assert_eq!(&t[spans[0].0..spans[0].1], "http://www.gov.cn/a?b=1,c");
        assert_eq!(&t[spans[1].0..spans[1].1], "ab.c@gov.cn");
    }

    #[test]
    fn question_marks_for_titles() {
        let t =
            "认真贯彻?市区干部培训审批制度?要求。是否到位?群众满意吗?守规矩?这是最基本的规定?我们";
        let pairs = question_title_pairs(t, 0, t.len());
        assert_eq!(pairs.len(), 1);
        assert_eq!(&t[pairs[0].0..pairs[0].1], "?市区干部培训审批制度?");
    }
}
