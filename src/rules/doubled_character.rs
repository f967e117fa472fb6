//! 多打了一个字。录入时同一个字连按了两次，就会出现“二是是坚决贯彻”
//! “抓实实民主集中制”“的的”“了了”这样的错字。
//!
//! 汉语本来就有很多正常的叠字，不能一见两个相同的字就报：常常、人人、
//! 层层、一一（重叠词），个个、件件（量词重叠），看看、研究研究（动词
//! 重叠），绿油油（ABB 式），实实在在、的的确确（AABB 式），不了了之，
//! 还有两个词碰巧首尾相接的“工作作风”“党委委员”“抓实实践”“除了了解”
//! “是是否”。所以本规则只在两种情况下报：
//! - 几乎从不重叠的虚词和常用字（的、了、是、在、和、也、都、很、们、
//!   这、已……），而且前后不能组成上面那些正常的词；
//! - 本文别的地方出现过去掉一个字后的同一串文字（例如全文多次写
//!   “从严治党”，这里却写成“从严治治党”）。
//!
//! 建议的改法是删去多出的那个字。
//!
//! # English
//! A character typed twice: "二是是坚决贯彻", "抓实实民主集中制", "的的", "了了".
//! Chinese has plenty of legitimate doubling (常常, 人人, 层层, 一一, measure
//! words 个个, verbs 看看/研究研究, ABB adjectives 绿油油, AABB 实实在在,
//! 不了了之) and words that merely meet (工作作风, 党委委员, 抓实实践, 除了了解),
//! so the rule reports only (1) doubled function words and common characters
//! that are almost never doubled, when the neighbours do not form such a
//! word, and (2) doubles whose text with one character removed appears
//! elsewhere in the same document (从严治党 … 从严治治党). The fix removes
//! the extra character.

use super::{Ctx, Emitter};
use crate::text::class::is_han;
use crate::text::utf8::decode_at;

/// A character that is almost never doubled, with the neighbours that make
/// the double legitimate: (char, next chars, previous chars).
const TYPO_PRONE: &[(char, &str, &str)] = &[
    ('的', "确士哥", "目标之端有"),
    ('了', "解结之如然却断得事无悟望若", "不没"),
    ('是', "非否", "但可还于就只要若总倒正真不也都即便算像凡硬老而却又再更求为皆自"),
    ('在', "", "实存所自现内外潜正好健不志旨意重贵难乐还都也就仍总常已又再却均全"),
    ('和', "谐平睦美气顺解衷蔼善缓", "温平缓柔谦祥中共议讲调随暖饱总求违人宽慈亲附应唱言"),
    ('也', "", ""),
    ('都', "市会", "首古旧国建迁京成定故陪帝"),
    ('很', "", ""),
    ('们', "", ""),
    ('我', "", "自忘唯本超大小真无物"),
    ('你', "", ""),
    ('他', "", "其利吉排"),
    ('她', "", ""),
    ('这', "", ""),
    ('已', "", "不自"),
    ('并', "购", "合吞兼归"),
    ('不', "", ""),
    ('于', "", ""),
    ('与', "", "参给干赋授相"),
    // Verb complements: 抓实 / 落实 followed by a word that starts with 实.
    ('实', "施现行际践在事效绩干力质体物验习用时名地情话属则为业例权心惠据况录务训证打数意景弹战测招至足收锤职付缴价拍到装", ""),
    ('细', "化致节则心微小胞分密菌腻雨水软碎长看说读品算地的", ""),
];

/// Characters that double as words or reduplicate freely; the document
/// evidence test does not apply to them.
const REDUPLICATING: &str = "人天年月日家户层处事个件条项次步时声句字篇张片阵丝样种一二三四五六七八九十百千万大小多少好高深紧牢慢快轻重悄静久切明白清方面点滴上下来去看想说谈走试常刚渐纷默往稍频屡连偏仅恰略足统通活乖匆隐微冉徐缓迟暗苦死狠道关环节代届级双对各每区村组";

/// A double to confirm from the document: its byte offset and character,
/// the 4-grams without the double on each side, and the 4-gram with it.
type Evidence = (usize, char, [char; 4], [char; 4], [char; 4]);

/// This rule's id, category and default severity.
pub const RULE: super::Rule = super::Rule {
    id: "doubled-character",
    category: crate::Category::Wording,
    severity: crate::Severity::Error,
    check,
};

pub fn check(ctx: &Ctx, out: &mut Emitter) {
    let text = ctx.doc.text;
    let bytes = text.as_bytes();
    let mut evidence_wanted: Vec<Evidence> = Vec::new();
    // A double is one multi-byte character repeated: its bytes twice in a
    // row, found with a byte comparison before anything is decoded.
    for i in 0..bytes.len() {
        let lead = bytes[i];
        if lead < 0xE0 {
            continue;
        }
        let len = if lead >= 0xF0 { 4 } else { 3 };
        if bytes.get(i + len) != Some(&lead) {
            continue;
        }
        let (Some(one), Some(two)) = (bytes.get(i..i + len), bytes.get(i + len..i + 2 * len))
        else {
            continue;
        };
        if !one.iter().zip(two).all(|(a, b)| a == b) {
            continue;
        }
        let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
            continue;
        };
        if !is_han(c) {
            continue;
        }
        let end = i + 2 * len;
        let mut before = text.get(..i).unwrap_or("").chars().rev();
        let mut after = text.get(end..).unwrap_or("").chars();
        let prev = before.next();
        let prev2 = before.next();
        let next = after.next();
        let next2 = after.next();
        // Runs of three or more (哈哈哈) are not typing slips of one key.
        if next == Some(c) || prev == Some(c) {
            continue;
        }
        // AABB (实实在在) and its second half (在在 of 实实在在 is caught as
        // BBAA): both are reduplication.
        let aabb = next.is_some() && next == next2;
        let bbaa = prev.is_some() && prev == prev2;
        if aabb || bbaa {
            continue;
        }
        if let Some(&(_, nexts, prevs)) = TYPO_PRONE.iter().find(|(t, _, _)| *t == c) {
            let legit =
                next.is_some_and(|n| nexts.contains(n)) || prev.is_some_and(|p| prevs.contains(p));
            if !legit {
                emit(out, i, c, None);
            }
        } else if !REDUPLICATING.contains(c) {
            if let (Some(p2), Some(p), Some(n), Some(n2)) = (prev2, prev, next, next2) {
                if [p2, p, n].iter().all(|&x| is_han(x)) {
                    evidence_wanted.push((i, c, [p2, p, c, n], [p, c, n, n2], [p, c, c, n]));
                }
            }
        }
    }
    if evidence_wanted.is_empty() {
        return;
    }
    // One pass over the text counts the 4-grams the candidates need.
    let mut grams = GramCounts::new(
        evidence_wanted
            .iter()
            .flat_map(|(_, _, a, b, d)| [*a, *b, *d]),
    );
    let mut window = ['\0'; 4];
    let mut i = 0;
    let mut n = 0usize;
    while let Some((c, len)) = decode_at(bytes, i) {
        window = [window[1], window[2], window[3], c];
        // Most characters end no wanted 4-gram: one bit test skips them.
        if n >= 3 && grams.may_end_with(c) {
            grams.see(&window);
        }
        i += len;
        n += 1;
    }
    for (i, c, a, b, d) in evidence_wanted {
        // The text without the double, on both sides, elsewhere; and the
        // double itself only here (a repeated one is a word, 工作作风).
        if grams.count(&a) > 0 && grams.count(&b) > 0 && grams.count(&d) == 1 {
            let seen: String = a.iter().chain(b.iter().skip(3)).collect();
            emit(out, i, c, Some(seen));
        }
    }
}

/// Occurrence counts of a few 4-grams, looked up for every window of the
/// text: an open-addressing table on the packed characters, so that the
/// many windows that are no key are turned away with one probe.
struct GramCounts {
    /// Bits over the last characters of the keys (hashed).
    last: [u64; 64],
    slots: Vec<u32>,
    keys: Vec<[char; 4]>,
    counts: Vec<usize>,
    shift: u32,
}

impl GramCounts {
    fn new(keys: impl Iterator<Item = [char; 4]>) -> Self {
        let mut keys: Vec<[char; 4]> = keys.collect();
        // Four chars of 21 bits: 84 bits.
        crate::sort::sort_by(&mut keys, |k| {
            k.iter().fold(0u128, |acc, &c| acc << 21 | u128::from(c))
        });
        keys.dedup();
        let size = (keys.len() * 4).next_power_of_two().max(16);
        let mut t = GramCounts {
            last: [0; 64],
            slots: vec![0; size],
            counts: vec![0; keys.len()],
            keys: Vec::new(),
            shift: 64 - size.trailing_zeros(),
        };
        for (k, key) in keys.iter().enumerate() {
            let mut slot = t.slot(key);
            while t.slots[slot] != 0 {
                slot = (slot + 1) & (size - 1);
            }
            t.slots[slot] = k as u32 + 1;
        }
        for key in &keys {
            let b = last_bit(key[3]);
            t.last[b / 64] |= 1 << (b % 64);
        }
        t.keys = keys;
        t
    }

    #[inline(always)]
    fn may_end_with(&self, c: char) -> bool {
        let b = last_bit(c);
        self.last[b / 64] >> (b % 64) & 1 == 1
    }

    fn slot(&self, g: &[char; 4]) -> usize {
        let packed = u64::from(g[0]) | u64::from(g[1]) << 21 | u64::from(g[2]) << 42;
        let h = (packed ^ u64::from(g[3]).rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> self.shift) as usize
    }

    fn find(&self, g: &[char; 4]) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut slot = self.slot(g);
        loop {
            let k = *self.slots.get(slot)? as usize;
            if k == 0 {
                return None;
            }
            if self.keys.get(k - 1) == Some(g) {
                return Some(k - 1);
            }
            slot = (slot + 1) & mask;
        }
    }

    fn see(&mut self, g: &[char; 4]) {
        if let Some(k) = self.find(g) {
            self.counts[k] += 1;
        }
    }

    fn count(&self, g: &[char; 4]) -> usize {
        self.find(g).map_or(0, |k| self.counts[k])
    }
}

#[inline(always)]
fn last_bit(c: char) -> usize {
    c as usize % (64 * 64)
}

fn emit(out: &mut Emitter, start: usize, c: char, seen: Option<String>) {
    let end = start + 2 * c.len_utf8();
    let pair = format!("{c}{c}");
    let (zh, en) = match seen {
        None => (
            format!("“{pair}”疑为多打了一个字：应为“{c}”"),
            format!("\"{pair}\" looks like a character typed twice: write \"{c}\""),
        ),
        Some(s) => (
            format!("“{pair}”疑为多打了一个字（本文其他地方写作“{s}”）：应为“{c}”"),
            format!("\"{pair}\" looks like a character typed twice (elsewhere the text has \"{s}\"): write \"{c}\""),
        ),
    };
    out.error(start, end, zh, en).suggest(c.to_string());
}

#[cfg(test)]
mod tests {
    use crate::rules::support::{apply_fixes, assert_flags, assert_silent, flagged};

    const RULE: &str = "doubled-character";

    #[test]
    fn flags_typed_twice() {
        assert_eq!(
            flagged(RULE, "二是是坚决贯彻党中央部署要求。"),
            vec!["是是"]
        );
        assert_eq!(flagged(RULE, "抓实实民主集中制贯彻落实。"), vec!["实实"]);
        assert_flags(
            RULE,
            &[
                "这是我们的的工作重点。",
                "完成了了全年任务。",
                "我们们要加强学习。",
                "也也要看到不足。",
                "在在全县范围内开展。",
                "做到不不忘初心。",
                "属于于法有据。",
            ],
        );
    }

    #[test]
    fn fix_removes_one() {
        assert_eq!(
            apply_fixes(RULE, "二是是坚决贯彻，抓实实民主集中制。"),
            "二是坚决贯彻，抓实民主集中制。"
        );
    }

    #[test]
    fn document_evidence() {
        let t = "坚持全面从严治党。推进全面从严治党。落实全面从严治治党。";
        assert_eq!(flagged(RULE, t), vec!["治治"]);
        assert!(apply_fixes(RULE, t).ends_with("落实全面从严治党。"));
        // Repeated, the double is a phrase of the document, not a slip.
        assert_silent(RULE, &["从严治党。从严治治党。从严治治党。"]);
    }

    #[test]
    fn legitimate_doubles_are_silent() {
        assert_silent(
            RULE,
            &[
                "常常、人人、层层、天天、往往、渐渐、默默、纷纷。",
                "实实在在、的的确确、是是非非、认认真真、明明白白地干事。",
                "对窗口人员的姓名进行一一公开，个个过硬、件件落实。",
                "要看看、想想、研究研究。",
                "田野绿油油的，麦穗沉甸甸的。",
                "问题不了了之。",
                "加强工作作风建设，党委委员带头，抓实实践转化。",
                "为了了解情况，除了了解政策，还要走访。",
                "关键是是否落实。",
                "坚持实事求是是党的思想路线。",
                "学习习近平新时代中国特色社会主义思想，发展人民民主。",
                "目的的实现需要时间。",
                "促进社会稳定和和谐发展。",
                "现在在做的工作。",
                "哈哈哈。",
                "积极参与与支持，给与与配合。",
            ],
        );
    }

    #[test]
    fn evidence_needs_both_sides() {
        // 工作风 appears elsewhere, but not 作风建 without the double.
        assert_silent(RULE, &["防范工作风险。加强工作作风建设。"]);
    }
}
