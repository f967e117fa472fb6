//! Recall and precision of standard-formulation, measured on planted
//! variants: clean corpus sentences with a canonical formulation bent in
//! one of the ways the rule claims to catch (a synonym or a sound- or
//! shape-alike character for one of its characters, a dropped or doubled
//! character, an enumeration with members reordered or one missing),
//! generated deterministically. "edge" is a synonym or a sound- or
//! shape-alike at the first or last character of a phrase of seven or more
//! characters (inside shorter ones only interior characters are claimed).
//! `make bench` runs this with `--nocapture` to print the figures.

use draftcheck::analyze_auto;
use draftcheck::rules::standard_formulation::list;

const RULE: &str = "standard-formulation";

/// A fixed linear congruential generator (no rand crate).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
    fn below(&mut self, n: usize) -> usize {
        self.next() % n.max(1)
    }
}

/// Synonyms a spinning tool puts for one character of a word.
const SYNONYMS: &[(char, char)] = &[
    ('定', '决'),
    ('创', '革'),
    ('现', '当'),
    ('中', '核'),
    ('推', '促'),
    ('建', '构'),
    ('强', '壮'),
    ('深', '加'),
    ('坚', '牢'),
    ('持', '守'),
    ('伟', '宏'),
    ('优', '良'),
    ('美', '秀'),
    ('治', '管'),
    ('奋', '拼'),
    ('领', '带'),
    ('导', '引'),
    ('保', '护'),
    ('质', '品'),
    ('求', '寻'),
    ('进', '前'),
    ('全', '整'),
    ('心', '意'),
    ('识', '知'),
    ('民', '众'),
    ('想', '念'),
    ('思', '想'),
    ('理', '道'),
    ('监', '看'),
    ('督', '察'),
];

/// Characters alike in sound or shape.
const ALIKE: &[(char, char)] = &[
    ('治', '制'),
    ('建', '健'),
    ('权', '全'),
    ('型', '形'),
    ('作', '做'),
    ('既', '即'),
    ('象', '像'),
    ('化', '华'),
    ('策', '册'),
    ('设', '社'),
    ('务', '物'),
    ('督', '都'),
    ('廉', '连'),
    ('政', '正'),
    ('导', '道'),
    ('理', '里'),
    ('力', '利'),
    ('意', '义'),
    ('心', '新'),
    ('民', '名'),
    ('众', '重'),
    ('协', '胁'),
    ('责', '则'),
    ('纪', '记'),
    ('观', '关'),
    ('济', '际'),
    ('富', '福'),
    ('规', '归'),
    ('领', '岭'),
    ('实', '事'),
    ('斗', '半'),
    ('标', '际'),
    ('持', '特'),
    ('代', '伐'),
    ('战', '站'),
    ('精', '经'),
    ('神', '审'),
    ('明', '名'),
    ('主', '住'),
    ('国', '固'),
];

fn corpus_sentences() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(f).unwrap();
        for s in text.split(['。', '！', '？', '\n']) {
            let s = s.trim();
            let n = s.chars().count();
            if (12..=80).contains(&n) && s.contains(['，', ',']) {
                let s = s.replace(',', "，");
                out.push(s);
            }
        }
    }
    out
}

struct Case {
    text: String,
    start: usize,
    end: usize,
    canonical: String,
}

/// The sentence with `planted` after its first comma.
fn plant(sentence: &str, planted: &str, canonical: &str) -> Case {
    let cut = sentence.find('，').map_or(0, |i| i + '，'.len_utf8());
    let text = format!("{}{}，{}。", &sentence[..cut], planted, &sentence[cut..]);
    Case {
        start: cut,
        end: cut + planted.len(),
        canonical: canonical.to_string(),
        text,
    }
}

/// Variants of one kind: for each attempt, a random entry and sentence.
fn cases(kind: &str, rng: &mut Lcg, sentences: &[String], want: usize) -> Vec<Case> {
    let l = list();
    let mut out = Vec::new();
    let mut tries = 0;
    while out.len() < want && tries < want * 200 {
        tries += 1;
        let e = &l.entries[rng.below(l.entries.len())];
        let s = &sentences[rng.below(sentences.len())];
        let c: Vec<char> = e.phrase.chars().collect();
        let n = c.len();
        let interior = |rng: &mut Lcg| 1 + rng.below(n.saturating_sub(2));
        let bent: Option<(String, String)> = match kind {
            "synonym" | "alike" if e.checked() => {
                let table = if kind == "synonym" { SYNONYMS } else { ALIKE };
                let i = interior(rng);
                table.iter().find(|&&(a, _)| a == c[i]).map(|&(_, b)| {
                    let mut v = c.clone();
                    v[i] = b;
                    (v.into_iter().collect(), e.phrase.to_string())
                })
            }
            // The first or the last character, where the rule claims it
            // (phrases of seven or more characters, not lists).
            "edge" if e.edges_checked() => {
                let i = if rng.below(2) == 0 { 0 } else { n - 1 };
                let table = if rng.below(2) == 0 { SYNONYMS } else { ALIKE };
                table.iter().find(|&&(a, _)| a == c[i]).map(|&(_, b)| {
                    let mut v = c.clone();
                    v[i] = b;
                    (v.into_iter().collect(), e.phrase.to_string())
                })
            }
            "dropped" if e.checked() && n >= 5 => {
                let i = interior(rng);
                let mut v = c.clone();
                v.remove(i);
                Some((v.into_iter().collect(), e.phrase.to_string()))
            }
            "doubled" if e.checked() => {
                let i = interior(rng);
                let mut v = c.clone();
                v.insert(i, c[i]);
                Some((v.into_iter().collect(), e.phrase.to_string()))
            }
            "reordered" | "missing"
                if e.members.len() >= 3 && e.members.iter().all(|m| m.chars().count() <= 6) =>
            {
                let mut m = e.members.clone();
                if kind == "reordered" {
                    let i = rng.below(m.len() - 1);
                    m.swap(i, i + 1);
                } else {
                    m.remove(rng.below(m.len()));
                }
                let list = m.join("、");
                let canonical = e.members.join("、");
                let short = e.members.iter().any(|m| m.chars().count() < 4);
                let planted = if short || e.members.len() <= 3 {
                    format!("坚持{list}，落实{}要求", e.phrase)
                } else {
                    format!("坚持{list}")
                };
                // The span is the member list inside the planted text.
                let mut case = plant(s, &planted, &canonical);
                case.start += "坚持".len();
                case.end = case.start + list.len();
                out.push(case);
                None
            }
            _ => None,
        };
        if let Some((variant, canonical)) = bent {
            if variant
                .chars()
                .any(|ch| "一二三四五六七八九十两".contains(ch))
                && kind != "dropped"
            {
                // Numbers are another rule's business: keep the case anyway,
                // the rule skips only changes of a number.
            }
            out.push(plant(s, &variant, &canonical));
        }
    }
    out
}

#[test]
fn recall_and_precision_on_planted_variants() {
    let sentences = corpus_sentences();
    assert!(sentences.len() > 100, "{}", sentences.len());
    let mut rng = Lcg(20240718);
    let mut total_hits = 0;
    let mut total_findings = 0;
    let mut failures = Vec::new();
    for kind in [
        "synonym",
        "alike",
        "dropped",
        "doubled",
        "reordered",
        "missing",
        "edge",
    ] {
        let cs = cases(kind, &mut rng, &sentences, 150);
        assert!(cs.len() >= 30, "{kind}: only {} cases", cs.len());
        let mut hit = 0;
        let mut findings = 0;
        let mut correct = 0;
        for c in &cs {
            let r = analyze_auto(&c.text);
            let mine: Vec<_> = r.findings.iter().filter(|f| f.rule == RULE).collect();
            findings += mine.len();
            for f in &mine {
                if !(f.byte_start < c.end && c.start < f.byte_end) {
                    println!("  extra ({kind}): {} in {}", f.text, c.text);
                }
            }
            let found = mine
                .iter()
                .find(|f| f.byte_start < c.end && c.start < f.byte_end);
            if let Some(f) = found {
                hit += 1;
                let fixed = draftcheck::fix::apply(
                    &c.text,
                    &[(
                        f.byte_start,
                        f.byte_end,
                        f.suggestion.clone().unwrap_or_default(),
                    )],
                );
                if fixed.contains(&c.canonical) {
                    correct += 1;
                } else {
                    println!("  wrong fix ({kind}): {} -> {:?}", f.text, f.suggestion);
                }
                if mine.len() > 1 {
                    println!(
                        "  several ({kind}): {:?}",
                        mine.iter().map(|f| &f.text).collect::<Vec<_>>()
                    );
                }
            } else if failures.len() < 40 {
                failures.push(format!("{kind}: {}", &c.text[c.start..c.end]));
            }
        }
        let recall = hit as f64 / cs.len() as f64;
        let precision = if findings == 0 {
            1.0
        } else {
            correct as f64 / findings as f64
        };
        println!(
            "{kind:>9}: {} cases, recall {:.1}% ({hit}), precision {:.1}% ({correct} of {findings} findings right)",
            cs.len(),
            recall * 100.0,
            precision * 100.0
        );
        total_hits += correct;
        total_findings += findings;
        assert!(
            recall >= 0.8,
            "{kind}: recall {recall:.3}; missed: {failures:#?}"
        );
        assert!(precision >= 0.9, "{kind}: precision {precision:.3}");
    }
    println!(
        "overall precision {:.1}%",
        100.0 * total_hits as f64 / total_findings.max(1) as f64
    );
}

#[test]
fn clean_text_false_alarms() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut sentences = 0;
    let mut flagged = 0;
    let mut stack = vec![std::path::PathBuf::from(dir)];
    let mut files = Vec::new();
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "txt") {
                files.push(p);
            }
        }
    }
    files.sort();
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        // Only the corpus and the clean fixtures: planted-defect files
        // have "must_flag" or "planted" in their names, and the annotated
        // rule fixtures (tests/fixtures/rules) mark theirs.
        let name = f.to_string_lossy();
        if name.contains("must_flag")
            || name.contains("/fixtures/rules/")
            || name.contains("planted")
            || name.contains("converted_paragraphs.txt")
        {
            continue;
        }
        let r = analyze_auto(&text);
        let mut ends: Vec<usize> = text
            .char_indices()
            .filter(|&(_, c)| matches!(c, '。' | '！' | '？' | '\n'))
            .map(|(i, _)| i)
            .collect();
        ends.push(text.len());
        sentences += ends.len();
        let mut seen = std::collections::HashSet::new();
        for x in r.findings.iter().filter(|x| x.rule == RULE) {
            let k = ends.partition_point(|&e| e < x.byte_start);
            if seen.insert(k) {
                flagged += 1;
                println!("{name}: {}", x.text);
            }
        }
    }
    let rate = flagged as f64 / sentences as f64;
    println!(
        "clean text: {flagged} flagged sentences of {sentences} ({:.2} per 100)",
        rate * 100.0
    );
    assert!(rate <= 0.01);
}
