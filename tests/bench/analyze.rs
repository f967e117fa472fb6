//! `cargo bench --bench analyze`: the analysis on the 1.5 MB benchmark text
//! (20 copies of the six corpus reports) and on a 30,000-character report.
//! The cost growth on pathological inputs is `cargo bench --bench growth`.

use draftcheck::{analysis, analyze_auto, Config, Hints, ProfileChoice, Threads};
use std::hint::black_box;

const REPORTS: &[&str] = &[
    include_str!("../fixtures/corpus/000-1_bureau_self_check.txt"),
    include_str!("../fixtures/corpus/000-2_county_evaluation.txt"),
    include_str!("../fixtures/corpus/000-3_town_analysis.txt"),
    include_str!("../fixtures/corpus/000-4_county_commission.txt"),
    include_str!("../fixtures/corpus/001_office_report.txt"),
    include_str!("../fixtures/corpus/002_district_2020_evaluation.txt"),
];

/// The CLI's allocator and its setting.
#[path = "../../src/alloc.rs"]
mod alloc;

fn main() {
    alloc::keep_freed_memory();
    divan::main();
}

/// The 1.5 MB text: 20 copies of the six corpus reports.
pub fn corpus_text() -> String {
    let mut s = String::new();
    for _ in 0..20 {
        for r in REPORTS {
            s.push_str(r);
            s.push('\n');
        }
    }
    s
}

#[divan::bench(sample_count = 10)]
fn corpus_1_5mb(bencher: divan::Bencher) {
    let text = corpus_text();
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| analyze_auto(black_box(&text)));
}

/// What the web build's `count_findings` does (analysis, then each
/// finding located), on one thread as there: the wasm's time over this one
/// is the "wasm vs native" ratio of the README.
#[divan::bench(sample_count = 15)]
fn corpus_1_5mb_one_thread(bencher: divan::Bencher) {
    let text = corpus_text();
    let config = Config {
        threads: Threads::One,
        ..Config::default()
    };
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| {
            analysis(
                black_box(&text),
                &ProfileChoice::Auto,
                &config,
                &Hints::default(),
            )
            .findings()
            .count()
        });
}

/// One report of about 30,000 characters (the keystroke budget's size).
#[divan::bench(sample_count = 30)]
fn report_30k_chars(bencher: divan::Bencher) {
    let mut text = String::new();
    for r in REPORTS.iter().cycle().take(6) {
        text.push_str(r);
    }
    let text: String = text.chars().take(30_000).collect();
    bencher.bench(|| analyze_auto(black_box(&text)));
}
