//! `cargo bench --bench docx_growth [-- ROUNDS]`: cost of writing a .docx
//! back (annotate, fix tracked, fix direct) at n, 4n and 16n paragraphs;
//! 8,000 paragraphs of about 60 characters, each with a table row and
//! three findings every tenth, is about a 500-page report. Sizes are
//! interleaved round by round and ratios taken between the fastest
//! samples, as in growth.rs. Linear: each ×4 step costs about ×4.

use draftcheck::decode::Limits;
use draftcheck::docx::{self, testkit, Change, Comment, FixMode, WriteOptions};
use std::time::Instant;

const SIZES: [usize; 3] = [500, 2_000, 8_000];

fn document(paragraphs: usize) -> Vec<u8> {
    let mut body = String::new();
    for k in 0..paragraphs {
        let run = |t: &str| {
            format!(
                r#"<w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr><w:t xml:space="preserve">{t}</w:t></w:r>"#
            )
        };
        if k % 10 == 0 {
            body.push_str(&format!(
                "<w:tbl><w:tr><w:tc><w:p>{}</w:p></w:tc><w:tc><w:p>{}</w:p></w:tc></w:tr></w:tbl>",
                run("合计"),
                run("120")
            ));
        }
        body.push_str(&format!(
            "<w:p>{}{}{}</w:p>",
            run("今年我局共完成重点项目X"),
            run("X项,较上年增长百分之十，"),
            run("全年培训干部1200人次,覆盖全部科室和下属单位的的工作人员。")
        ));
    }
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let ct = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    testkit::zip(&[
        ("[Content_Types].xml", ct.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("word/document.xml", doc.as_bytes()),
    ])
}

/// A task's name and what it runs on an input.
type Task<'a> = (&'a str, &'a dyn Fn(&Input));

struct Input {
    bytes: Vec<u8>,
    comments: Vec<Comment>,
    changes: Vec<Change>,
    chars: usize,
}

fn input(n: usize) -> Input {
    let bytes = document(n);
    let text = docx::read(&bytes, &Limits::default()).unwrap().text;
    let report = draftcheck::analyze_auto(&text);
    let refs: Vec<&draftcheck::Finding> = report.findings.iter().collect();
    Input {
        comments: draftcheck::word::comments(&refs),
        changes: draftcheck::word::changes(&refs),
        chars: text.chars().count(),
        bytes,
    }
}

fn main() {
    let rounds = std::env::args()
        .skip(1)
        .find_map(|a| a.parse::<usize>().ok())
        .unwrap_or(5)
        .max(1);
    let inputs: Vec<Input> = SIZES.iter().map(|&n| input(n)).collect();
    let opts = WriteOptions {
        author: "稿检",
        date: Some("2025-01-01T00:00:00Z"),
    };
    let limits = Limits::default();
    let tasks: [Task; 4] = [
        ("read (with map)", &|i| {
            docx::read_mapped(&i.bytes, &limits).unwrap();
        }),
        ("annotate", &|i| {
            docx::annotate(&i.bytes, &limits, &i.comments, &opts).unwrap();
        }),
        ("fix (tracked)", &|i| {
            docx::fix(&i.bytes, &limits, &i.changes, FixMode::Tracked, &opts).unwrap();
        }),
        ("fix (direct)", &|i| {
            docx::fix(&i.bytes, &limits, &i.changes, FixMode::Direct, &opts).unwrap();
        }),
    ];
    // best[task][size] in ms
    let mut best = vec![vec![f64::MAX; SIZES.len()]; tasks.len()];
    for round in 0..rounds {
        for (t, (_, f)) in tasks.iter().enumerate() {
            let order: Vec<usize> = if round % 2 == 0 {
                (0..SIZES.len()).collect()
            } else {
                (0..SIZES.len()).rev().collect()
            };
            for s in order {
                let start = Instant::now();
                f(&inputs[s]);
                let ms = start.elapsed().as_secs_f64() * 1e3;
                best[t][s] = best[t][s].min(ms);
            }
        }
    }
    println!("| paragraphs | characters | .docx bytes | comments | changes |");
    println!("|---|---|---|---|---|");
    for (n, i) in SIZES.iter().zip(&inputs) {
        println!(
            "| {n} | {} | {} | {} | {} |",
            i.chars,
            i.bytes.len(),
            i.comments.len(),
            i.changes.len()
        );
    }
    println!();
    println!(
        "| task | {} ms | {} ms | {} ms | ×4 | ×4 |",
        SIZES[0], SIZES[1], SIZES[2]
    );
    println!("|---|---|---|---|---|---|");
    for (t, (name, _)) in tasks.iter().enumerate() {
        let b = &best[t];
        println!(
            "| {name} | {:.1} | {:.1} | {:.1} | {:.2} | {:.2} |",
            b[0],
            b[1],
            b[2],
            b[1] / b[0],
            b[2] / b[1]
        );
    }
}
