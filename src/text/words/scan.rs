//! The typo scanner: segments each run of Han characters by word frequency
//! (the most probable segmentation, as jieba does), then looks only at the
//! short windows the segmentation leaves in pieces — two to four
//! characters, on token boundaries, with at least one character standing
//! alone — for one confusable substitution that makes a frequent word.
//!
//! Linear in the text: per character three word look-ups for the
//! segmentation; per examined window one blanked look-up per position.

use super::{extra_gain, Lexicon, MIN_TARGET_CLASS};
use crate::text::class::is_han;

/// ln of the total of jieba's counts: a word's log-probability is
/// `class / 16 - LN_TOTAL`.
const LN_TOTAL: f32 = 17.91;

/// A window that one substitution turns into a frequent word.
#[derive(Debug, Clone, PartialEq)]
pub struct Suspect {
    /// Byte span of the window (the would-be word).
    pub start: usize,
    pub end: usize,
    /// Byte offset of the character to replace.
    pub at: usize,
    pub wrong: char,
    pub right: char,
    /// How the two are alike (`SOUND`, `SHAPE`, `OCR` bits).
    pub kind: u8,
    /// Log-probability of the word minus that of the pieces it replaces.
    /// (It passed `min_gain` plus [`extra_gain`] of its kind.)
    pub gain: f32,
    /// Characters of the window.
    pub len: usize,
}

impl Suspect {
    /// The window as written and as corrected.
    pub fn texts(&self, text: &str) -> (String, String) {
        let written = text.get(self.start..self.end).unwrap_or("").to_string();
        let right: String = written
            .char_indices()
            .map(|(i, c)| {
                if self.start + i == self.at {
                    self.right
                } else {
                    c
                }
            })
            .collect();
        (written, right)
    }
}

/// Function words, which stand alone in ordinary sentences.
const FUNCTION: &str = "的了是在和与及对把被将要就也都而并又为以于从向或但则且其之所个着过地得很更最不没有这那此各每该";

fn word_score(class: u8) -> f32 {
    f32::from(class) / 16.0 - LN_TOTAL
}

/// Every suspect window of `text` whose gain is at least `min_gain`, in
/// text order, at most one per character to replace (the best).
pub fn suspects(lex: &Lexicon, text: &str, min_gain: f32) -> Vec<Suspect> {
    let mut out = Vec::new();
    let mut run: Vec<(usize, char, Option<u16>)> = Vec::new();
    let mut scratch = Scratch::default();
    for (i, c) in text.char_indices() {
        if is_han(c) {
            run.push((i, c, lex.id(c)));
            continue;
        }
        if !run.is_empty() {
            scan_run(lex, text, &run, min_gain, &mut scratch, &mut out);
            run.clear();
        }
    }
    if !run.is_empty() {
        scan_run(lex, text, &run, min_gain, &mut scratch, &mut out);
    }
    out
}

#[derive(Default)]
struct Scratch {
    best: Vec<f32>,
    from: Vec<u8>,
    tokens: Vec<(usize, usize, f32)>,
    in_long_run: Vec<bool>,
}

fn scan_run(
    lex: &Lexicon,
    text: &str,
    run: &[(usize, char, Option<u16>)],
    min_gain: f32,
    s: &mut Scratch,
    out: &mut Vec<Suspect>,
) {
    let n = run.len();
    if n < 2 {
        return;
    }
    // Most probable segmentation: best[i] is the score of run[..i].
    s.best.clear();
    s.best.resize(n + 1, f32::NEG_INFINITY);
    s.from.clear();
    s.from.resize(n + 1, 1);
    s.best[0] = 0.0;
    let mut ids = [0u16; 4];
    for end in 1..=n {
        let single = run[end - 1].2.map_or(0, |id| lex.char_class(id));
        s.best[end] = s.best[end - 1] + word_score(single);
        s.from[end] = 1;
        for len in 2..=4.min(end) {
            let piece = &run[end - len..end];
            let mut known = true;
            for (k, &(_, _, id)) in piece.iter().enumerate() {
                match id {
                    Some(id) => ids[k] = id,
                    None => known = false,
                }
            }
            if !known {
                continue;
            }
            if let Some(class) = lex.word_class(&ids[..len]) {
                let score = s.best[end - len] + word_score(class);
                if score > s.best[end] {
                    s.best[end] = score;
                    s.from[end] = len as u8;
                }
            }
        }
    }
    s.tokens.clear();
    let mut end = n;
    while end > 0 {
        let len = s.from[end] as usize;
        let start = end - len;
        s.tokens.push((start, end, s.best[end] - s.best[start]));
        end = start;
    }
    s.tokens.reverse();
    // Runs of four or more single characters are abbreviations strung
    // together (人城境业融合), not words typed wrong: their two-character
    // windows are skipped (a longer one, 再接再励, is not). Function words (的, 了, 要 …) break such a run: 要再接再励 is
    // a phrase with a typo, not a string of abbreviations.
    s.in_long_run.clear();
    s.in_long_run.resize(s.tokens.len(), false);
    let mut k = 0;
    while k < s.tokens.len() {
        let mut e = k;
        while e < s.tokens.len()
            && s.tokens[e].1 - s.tokens[e].0 == 1
            && !FUNCTION.contains(run[s.tokens[e].0].1)
        {
            e += 1;
        }
        if e - k >= 4 {
            s.in_long_run[k..e].iter_mut().for_each(|x| *x = true);
        }
        k = e.max(k + 1);
    }
    let first_out = out.len();
    // Windows of whole tokens, 2–4 characters, two tokens or more, one of
    // them a single character.
    for j in 0..s.tokens.len() {
        let start = s.tokens[j].0;
        let mut score = 0.0;
        let mut single = false;
        for k in j..s.tokens.len() {
            let (ts, te, tscore) = s.tokens[k];
            if te - start > 4 {
                break;
            }
            score += tscore;
            single |= te - ts == 1;
            let inside_run = te - start == 2 && s.in_long_run[j..=k].iter().all(|&x| x);
            if k == j || !single || inside_run {
                continue;
            }
            let window = &run[start..te];
            if let Some(sus) = best_in_window(lex, text, window, score, min_gain) {
                out.push(sus);
            }
        }
    }
    // One suspect per character to replace, and none overlapping a better one.
    let mut found: Vec<Suspect> = out.drain(first_out..).collect();
    // By the margin over what each likeness needs, largest first, then by
    // position; the margin's bits made to sort as numbers do (the crate's
    // one sort takes integer keys: src/sort.rs).
    let margin = |s: &Suspect| s.gain - extra_gain(s.kind);
    let ordered = |x: f32| {
        let b = x.to_bits();
        if b & 0x8000_0000 != 0 {
            !b
        } else {
            b | 0x8000_0000
        }
    };
    crate::sort::sort_by(&mut found, |s| {
        u128::from(u32::MAX - ordered(margin(s))) << 32 | s.start as u128
    });
    let mut kept: Vec<Suspect> = Vec::new();
    for sus in found.iter() {
        if kept
            .iter()
            .all(|k| sus.end <= k.start || sus.start >= k.end)
        {
            kept.push(sus.clone());
        }
    }
    crate::sort::sort_by(&mut kept, |k| k.start as u128);
    out.extend(kept);
}

fn best_in_window(
    lex: &Lexicon,
    text: &str,
    window: &[(usize, char, Option<u16>)],
    pieces_score: f32,
    min_gain: f32,
) -> Option<Suspect> {
    let len = window.len();
    let mut ids = [0u16; 4];
    for (k, &(_, _, id)) in window.iter().enumerate() {
        ids[k] = id?;
    }
    let ids = &ids[..len];
    if lex.word_class(ids).is_some() || lex.is_variant(ids) {
        return None;
    }
    let mut best: Option<(f32, usize, u16, u8)> = None;
    let mut second = f32::NEG_INFINITY;
    for i in 0..len {
        for &(filler, class) in lex.fillers(ids, i) {
            if filler == ids[i] || class < MIN_TARGET_CLASS {
                continue;
            }
            let kind = lex.confusion(ids[i], filler);
            if kind == 0 {
                continue;
            }
            // Ranked by the margin over what this likeness needs.
            let gain = word_score(class) - pieces_score - extra_gain(kind);
            match best {
                Some((g, ..)) if g >= gain => second = second.max(gain),
                _ => {
                    if let Some((g, ..)) = best {
                        second = second.max(g);
                    }
                    best = Some((gain, i, filler, kind));
                }
            }
        }
    }
    let (gain, i, filler, kind) = best?;
    // Two corrections about as likely: no telling which was meant.
    if gain < min_gain || gain - second < 1.5 {
        return None;
    }
    let end = window.last().map(|&(b, c, _)| b + c.len_utf8())?;
    let _ = text;
    Some(Suspect {
        start: window[0].0,
        end,
        at: window[i].0,
        wrong: window[i].1,
        right: lex.char(filler),
        kind,
        gain: gain + extra_gain(kind),
        len,
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String)> {
        let lex = Lexicon::embedded();
        suspects(&lex, text, 4.0)
            .iter()
            .map(|s| s.texts(text))
            .collect()
    }

    #[test]
    fn slips_by_sound_and_shape_are_found() {
        let got = found("认真按排部署，布署到位，全面从严制党，再接再励。");
        assert!(got.contains(&("按排".into(), "安排".into())), "{got:?}");
        assert!(
            got.iter()
                .any(|(w, r)| w.ends_with("制党") && r.ends_with("治党")),
            "{got:?}"
        );
        assert!(
            got.iter()
                .any(|(w, r)| w.contains("励") && r.contains("厉")),
            "{got:?}"
        );
    }

    #[test]
    fn ordinary_words_are_left_alone() {
        assert_eq!(found("这是在全面推进工作中形成的经验。"), vec![]);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod debug {
    #[test]
    #[ignore]
    fn show() {
        let lex = super::Lexicon::embedded();
        let text = std::env::var("SCAN").unwrap_or_default();
        for s in super::suspects(&lex, &text, -100.0) {
            eprintln!("{:?} {:?}", s.texts(&text), s);
        }
    }
}
