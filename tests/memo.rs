//! The memo (src/memo.rs) changes how much an analysis recomputes, never
//! what it finds: over a run of edits of each real document, the report
//! made with the memo of the previous analysis equals the report made from
//! nothing. The edits plant typos and bent formulations (the two kinds of
//! work the memo keeps), move them, repeat them (a window written twice is
//! not a typo: a document-wide filter over paragraph-wise findings), join
//! and split lines, and change indentation.

use draftcheck::config::UserFormulation;
use draftcheck::memo::Memo;
use draftcheck::text::words::{Lexicon, Words};
use draftcheck::{analyze_with, analyze_with_memo, Config, Hints, Profile, ProfileChoice};

mod common;
use common::DOCUMENTS;

/// Sentences with a typo or a bent formulation in them.
const PLANTED: &[&str] = &[
    "各单位要认真按排部署，确保各项工作落到实处。",
    "对年度重点任务进行了布署，明确了责任分工。",
    "坚持全面从严制党，压实管党治党政治责任。",
    "我们将再接再励，推动各项工作再上新台阶。",
    "进一步加强千部队伍建设，己经取得明显成效。",
    "深入学习贯彻习近平新时代中国特色社会主意思想。",
    "坚持以人民为中心的发展思想，“四个意识”、“四个自信”、“两个维护”更加牢固。",
    "　　扎实推进党风廉正建设和反腐败斗争。",
];

/// A small deterministic generator (no dependency, same run every time).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

fn char_boundary(text: &str, rng: &mut Lcg) -> usize {
    let n = text.chars().count();
    text.char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .nth(rng.below(n + 1))
        .unwrap_or(0)
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// One edit, and what it was (for the failure message).
fn edit(text: &mut String, rng: &mut Lcg) -> String {
    match rng.below(7) {
        0 | 1 => {
            let starts = line_starts(text);
            let at = starts[rng.below(starts.len())];
            let s = PLANTED[rng.below(PLANTED.len())];
            text.insert_str(at, &format!("{s}\n"));
            format!("planted {s:?} at {at}")
        }
        2 => {
            let at = char_boundary(text, rng);
            let c = ['部', '，', '\n', '　', '党', '按', 'X'][rng.below(7)];
            text.insert(at, c);
            format!("inserted {c:?} at {at}")
        }
        3 => {
            let a = char_boundary(text, rng);
            let len = 1 + rng.below(12);
            let b = text[a..]
                .char_indices()
                .map(|(i, _)| a + i)
                .chain([text.len()])
                .nth(len)
                .unwrap_or(text.len());
            let gone: String = text.drain(a..b).collect();
            format!("deleted {gone:?} at {a}")
        }
        4 => {
            let starts = line_starts(text);
            let k = rng.below(starts.len());
            let end = starts.get(k + 1).copied().unwrap_or(text.len());
            let line = text[starts[k]..end].to_string();
            text.insert_str(end, &line);
            format!("repeated line {k}")
        }
        5 => {
            let breaks: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
            if breaks.is_empty() {
                return "nothing".into();
            }
            let at = breaks[rng.below(breaks.len())];
            text.remove(at);
            format!("joined the lines at {at}")
        }
        _ => {
            let starts = line_starts(text);
            let at = starts[rng.below(starts.len())];
            text.insert_str(at, "　　");
            format!("indented the line at {at}")
        }
    }
}

fn config() -> Config {
    Config {
        words: Words(Some(Lexicon::embedded())),
        formulations: vec![UserFormulation {
            phrase: "建设美丽幸福新家园".into(),
            source: "县第十次党代会报告".into(),
            date: "2021-09".into(),
            ..UserFormulation::default()
        }],
        ..Config::default()
    }
}

#[test]
fn a_report_made_with_the_memo_is_the_report_made_from_nothing() {
    let config = config();
    let hints = Hints::default();
    let mut kept = (0usize, 0usize);
    for (d, path) in DOCUMENTS.iter().enumerate() {
        let mut text = std::fs::read_to_string(path).unwrap();
        let mut rng = Lcg(d as u64 + 7);
        let memo = Memo::new();
        let choice = if d % 2 == 0 {
            ProfileChoice::Auto
        } else {
            ProfileChoice::Given(Profile::builtin("generic").unwrap())
        };
        let mut what = String::from("the document as it is");
        for step in 0..14 {
            let with = analyze_with_memo(&text, &choice, &config, &hints, &memo);
            let without = analyze_with(&text, &choice, &config, &hints);
            assert_eq!(with, without, "{path}, step {step}: after {what}");
            for f in &without.findings {
                match f.rule.as_str() {
                    "typo" => kept.0 += 1,
                    "standard-formulation" => kept.1 += 1,
                    _ => {}
                }
            }
            what = edit(&mut text, &mut rng);
        }
    }
    // The edits did give the memoised work something to find.
    assert!(kept.0 > 20 && kept.1 > 20, "typos, formulations: {kept:?}");
}

#[test]
fn a_change_of_the_lists_or_the_lexicon_is_not_answered_from_the_memo() {
    let text = "一、主要工作\n坚持全面从严制党。\n建设美丽幸福新家圆。\n各单位要认真按排部署。\n";
    let memo = Memo::new();
    let hints = Hints::default();
    let choice = ProfileChoice::Auto;
    let rules = |r: &draftcheck::Report, id: &str| {
        r.findings
            .iter()
            .filter(|f| f.rule == id)
            .map(|f| f.text.clone())
            .collect::<Vec<_>>()
    };
    let plain = Config::default();
    let r = analyze_with_memo(text, &choice, &plain, &hints, &memo);
    assert_eq!(rules(&r, "standard-formulation"), ["全面从严制党"]);
    assert!(rules(&r, "typo").is_empty(), "no lexicon, no typos");
    // The user's formulation and the lexicon arrive: the same text, found
    // anew.
    let r = analyze_with_memo(text, &choice, &config(), &hints, &memo);
    assert_eq!(
        rules(&r, "standard-formulation"),
        ["全面从严制党", "建设美丽幸福新家圆"]
    );
    assert_eq!(rules(&r, "typo"), ["制", "按"]);
    assert_eq!(r, analyze_with(text, &choice, &config(), &hints));
    // And gone again.
    let r = analyze_with_memo(text, &choice, &plain, &hints, &memo);
    assert_eq!(rules(&r, "standard-formulation"), ["全面从严制党"]);
    assert!(rules(&r, "typo").is_empty());
}
