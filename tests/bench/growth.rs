//! `cargo bench --bench growth [-- ROUNDS] [-- INPUT]`: cost growth of `analyze` on
//! pathological inputs, n → 4n and 4n → 16n (budget ≤ 4.4 per step).
//!
//! A ratio of two times is only as good as the conditions the two were
//! taken under. On a shared 2-vCPU VM the host's load drifts by tens of
//! percent over a minute, so timing every n, then every 4n (as a plain
//! benchmark run does) puts that drift into the ratio. Here the sizes are
//! interleaved: each round times every input at every size, in turn, in
//! alternating order; a ratio is then taken between the fastest samples
//! (other work only ever adds time) and, as a check, between the medians.
//! Prints a Markdown table.

use draftcheck::analyze_auto;
use std::hint::black_box;
use std::time::Instant;

/// The CLI's allocator and its setting.
#[path = "../../src/alloc.rs"]
mod alloc;

/// Each input is a unit repeated 16·n times; n = 1,000, 4,000 and 16,000.
const UNITS: &[(&str, &str)] = &[
    ("XX", "XX"),
    ("、", "、"),
    ("其中/占%", "共有10人，其中5人，占50%；"),
    ("headings", "一、标题\n"),
    ("one line", "这是一句很长的话，没有换行"),
    ("brackets", "（【《“"),
    ("mix", "截至20XX年,全县共有XX个单位、的（一）1.5万人占3%。"),
];

const SIZES: [usize; 3] = [1_000, 4_000, 16_000];

fn main() {
    alloc::keep_freed_memory();
    // `cargo bench` passes `--bench`; a bare number is the round count,
    // any other word picks the inputs whose names contain it.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let rounds = args
        .iter()
        .find_map(|a| a.parse::<usize>().ok())
        .unwrap_or(9)
        .max(1);
    let pick: Vec<&String> = args
        .iter()
        .filter(|a| a.parse::<usize>().is_err())
        .collect();
    let units: Vec<(&str, &str)> = UNITS
        .iter()
        .copied()
        .filter(|(name, _)| pick.is_empty() || pick.iter().any(|p| name.contains(p.as_str())))
        .collect();
    let texts: Vec<Vec<String>> = units
        .iter()
        .map(|(_, unit)| SIZES.iter().map(|n| unit.repeat(n * 16)).collect())
        .collect();
    // samples[input][size]: milliseconds.
    let mut samples = vec![vec![Vec::with_capacity(rounds); SIZES.len()]; units.len()];
    // One round first that is not kept: code, tables and memory warm up.
    for round in 0..=rounds {
        for (k, sizes) in texts.iter().enumerate() {
            let order: Vec<usize> = if round % 2 == 0 {
                (0..SIZES.len()).collect()
            } else {
                (0..SIZES.len()).rev().collect()
            };
            for s in order {
                let started = Instant::now();
                let report = analyze_auto(black_box(&sizes[s]));
                let ms = started.elapsed().as_secs_f64() * 1e3;
                drop(black_box(report));
                if round > 0 {
                    samples[k][s].push(ms);
                }
            }
        }
    }
    println!(
        "| input | n bytes | time at n, 4n, 16n (fastest, ms) | n → 4n | 4n → 16n | n → 4n, medians | 4n → 16n, medians |"
    );
    println!("|---|---|---|---|---|---|---|");
    for (k, (name, unit)) in units.iter().enumerate() {
        let fastest: Vec<f64> = samples[k]
            .iter()
            .map(|v| v.iter().copied().fold(f64::INFINITY, f64::min))
            .collect();
        let medians: Vec<f64> = samples[k].iter().map(|v| median(v)).collect();
        println!(
            "| {name} | {} | {} | {:.2} | {:.2} | {:.2} | {:.2} |",
            unit.len() * SIZES[0] * 16,
            fastest
                .iter()
                .map(|t| format!("{t:.1}"))
                .collect::<Vec<_>>()
                .join(", "),
            fastest[1] / fastest[0],
            fastest[2] / fastest[1],
            medians[1] / medians[0],
            medians[2] / medians[1],
        );
    }
    println!("\n({rounds} interleaved rounds; budget ≤ 4.4 per step)");
}

fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}
