//! `cargo bench --bench batch [-- ROUNDS]`: many drafts at once, each
//! timed against a reference of the same size measured in the same run.
//!
//! - **batch**: 40 reports of 50 KB, each analysed and made a table row
//!   (what `check DIR --summary` and the web app's table do), against one
//!   analysis of the same 2 MB as a single text, on one thread (as the 50
//!   KB files are analysed);
//! - **diff**: a 1 MB report and its revision (figures updated in a
//!   paragraph in seven, one in 29 deleted, one in 31 inserted, one put on
//!   top): the comparison alone, against the two analyses it starts from;
//!   and the whole `draftcheck diff` work (analyses and comparison), whose
//!   budget is 1 s.
//!
//! As in `growth`, the measures are interleaved, each round timing every
//! one in turn, and the ratios are taken between the fastest samples
//! (other work on the machine only ever adds time), the medians' as a
//! check. Prints a Markdown table.

use draftcheck::batch::Row;
use draftcheck::diff::{self, Version};
use draftcheck::{analysis, analyze_with, Config, Hints, Profile, ProfileChoice};
use std::hint::black_box;
use std::time::Instant;

/// The CLI's allocator and its setting.
#[path = "../../src/alloc.rs"]
mod alloc;

const REPORTS: &[&str] = &[
    include_str!("../fixtures/corpus/000-1_bureau_self_check.txt"),
    include_str!("../fixtures/corpus/000-2_county_evaluation.txt"),
    include_str!("../fixtures/corpus/000-3_town_analysis.txt"),
    include_str!("../fixtures/corpus/000-4_county_commission.txt"),
    include_str!("../fixtures/corpus/001_office_report.txt"),
    include_str!("../fixtures/corpus/002_district_2020_evaluation.txt"),
];

/// `n` texts of about `bytes` each: the corpus reports in turn, each text
/// starting with a different one, cut at a line end.
fn files(n: usize, bytes: usize) -> Vec<String> {
    (0..n)
        .map(|k| {
            let mut s = String::new();
            for r in REPORTS.iter().cycle().skip(k % REPORTS.len()) {
                for line in r.lines() {
                    s.push_str(line);
                    s.push('\n');
                    if s.len() >= bytes {
                        return s;
                    }
                }
            }
            s
        })
        .collect()
}

/// The revision of `old`: every seventh paragraph's figures raised by one,
/// one in 29 deleted, one in 31 inserted after, and one on top.
fn revised(old: &str) -> String {
    let mut out = String::from("根据统一部署，现将本年度有关情况报告如下。\n");
    for (i, line) in old.lines().enumerate() {
        if i % 29 == 28 {
            continue;
        }
        if i % 7 == 3 {
            let mut digits = String::new();
            for c in line.chars().chain(std::iter::once('\n')) {
                if c.is_ascii_digit() {
                    digits.push(c);
                    continue;
                }
                if !digits.is_empty() {
                    let v: u64 = digits.parse().unwrap_or(0);
                    out.push_str(&(v + 1).to_string());
                    digits.clear();
                }
                out.push(c);
            }
        } else {
            out.push_str(line);
            out.push('\n');
        }
        if i % 31 == 30 {
            out.push_str(&format!("新增的第{i}段：本段说明有关工作的进展情况。\n"));
        }
    }
    out
}

fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

fn fastest(v: &[f64]) -> f64 {
    v.iter().copied().fold(f64::INFINITY, f64::min)
}

fn time(f: impl FnOnce()) -> f64 {
    let started = Instant::now();
    f();
    started.elapsed().as_secs_f64() * 1e3
}

fn main() {
    alloc::keep_freed_memory();
    let rounds = std::env::args()
        .skip(1)
        .find_map(|a| a.parse::<usize>().ok())
        .unwrap_or(9)
        .max(1);
    let one_thread = Config {
        threads: draftcheck::Threads::One,
        ..Config::default()
    };
    let auto = ProfileChoice::Auto;
    let config = Config::default();
    let profiles = Profile::builtins();

    let batch = files(40, 50 * 1024);
    let joined: String = batch.concat();
    let old = files(1, 1024 * 1024).remove(0);
    let new = revised(&old);
    let hints = Hints::default();
    let (old_report, new_report) = (
        analyze_with(&old, &auto, &config, &hints),
        analyze_with(&new, &auto, &config, &hints),
    );

    // samples: batch, one text of the batch's size, comparison alone, the
    // two analyses, the whole diff.
    let mut s: [Vec<f64>; 5] = Default::default();
    for round in 0..=rounds {
        let mut t = [0.0; 5];
        t[0] = time(|| {
            let rows: Vec<Row> = batch
                .iter()
                .enumerate()
                .map(|(k, text)| {
                    let a = analysis(black_box(text), &auto, &config, &hints);
                    Row::from_analysis(&format!("单位{k}.txt"), &a, &profiles)
                })
                .collect();
            black_box(rows);
        });
        t[1] = time(|| {
            black_box(analysis(black_box(&joined), &auto, &one_thread, &Hints::default()).len());
        });
        t[2] = time(|| {
            let c = diff::compare(
                &Version {
                    text: black_box(&old),
                    hints: &hints,
                    report: &old_report,
                },
                &Version {
                    text: black_box(&new),
                    hints: &hints,
                    report: &new_report,
                },
            );
            black_box(c);
        });
        t[3] = time(|| {
            black_box(analyze_with(black_box(&old), &auto, &config, &hints));
            black_box(analyze_with(black_box(&new), &auto, &config, &hints));
        });
        t[4] = time(|| {
            let c = diff::compare_texts(
                (black_box(&old), &hints),
                (black_box(&new), &hints),
                &auto,
                &config,
            );
            black_box(c);
        });
        // The first round warms code, tables and memory up.
        if round > 0 {
            for (v, x) in s.iter_mut().zip(t) {
                v.push(x);
            }
        }
    }
    let c = diff::compare_texts((&old, &hints), (&new, &hints), &auto, &config);
    let p = &c.paragraphs;
    println!(
        "batch: {} files, {} bytes in all; diff: {} and {} bytes, {} paragraphs changed, {} inserted, {} deleted, {} unchanged; {} rounds",
        batch.len(),
        joined.len(),
        old.len(),
        new.len(),
        p.changed,
        p.inserted,
        p.deleted,
        p.same,
        rounds
    );
    println!();
    println!("| measure | fastest (ms) | median (ms) | reference | ratio, fastest | ratio, medians | budget |");
    println!("|---|---|---|---|---|---|---|");
    let row = |name: &str, m: usize, r: usize, reference: &str, budget: &str| {
        println!(
            "| {name} | {:.1} | {:.1} | {reference}: {:.1} / {:.1} | {:.2} | {:.2} | {budget} |",
            fastest(&s[m]),
            median(&s[m]),
            fastest(&s[r]),
            median(&s[r]),
            fastest(&s[m]) / fastest(&s[r]),
            median(&s[m]) / median(&s[r]),
        );
    };
    row(
        "batch, 40 × 50 KB, analyses and rows",
        0,
        1,
        "one 2 MB analysis, one thread",
        "",
    );
    row(
        "diff of the 1 MB pair, comparison alone",
        2,
        3,
        "the two analyses",
        "",
    );
    row(
        "diff of the 1 MB pair, analyses and comparison",
        4,
        3,
        "the two analyses",
        "≤ 1 s",
    );
}
