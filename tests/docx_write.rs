//! `draftcheck annotate` and `draftcheck fix` end to end on .docx files in
//! the dialects of Word, WPS and LibreOffice (tests/fixtures/docx/, made by
//! its make.sh) and the reader's own fixtures: the project's reader
//! re-reads every output, and LibreOffice (headless) opens every output,
//! converts it to text and PDF, and shows the comments and the revisions.
//!
//! `make test` installs LibreOffice (`make tools-office`) and sets
//! DRAFTCHECK_OFFICE=required, so there the LibreOffice checks cannot be
//! skipped; a plain `cargo test` without LibreOffice skips them, saying so.

use draftcheck::decode::Limits;
use draftcheck::docx;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = ["word-report", "wps-report", "lo-report"]
        .iter()
        .map(|n| PathBuf::from(format!("tests/fixtures/docx/{n}.docx")))
        .collect();
    for n in ["table", "tracked", "numbered"] {
        v.push(PathBuf::from(format!("tests/fixtures/files/{n}.docx")));
    }
    v
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_draftcheck"))
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("draftcheck-docx-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn text(path: &Path) -> String {
    docx::read(&std::fs::read(path).unwrap(), &Limits::default())
        .unwrap()
        .text
}

fn part(path: &Path, name: &str) -> String {
    // The outputs are read by the project's own zip reader, through the
    // loader's refusals: an output it could not read fails here.
    let bytes = std::fs::read(path).unwrap();
    let names = zip_names(&bytes);
    assert!(
        names.iter().any(|n| n == name) || name == "word/comments.xml",
        "{name} missing in {path:?}: {names:?}"
    );
    let found = names.iter().position(|n| n == name);
    found.map(|_| unzip(&bytes, name)).unwrap_or_default()
}

/// Entry names from the central directory.
fn zip_names(b: &[u8]) -> Vec<String> {
    let eocd = (0..b.len() - 21)
        .rev()
        .find(|&i| &b[i..i + 4] == b"PK\x05\x06")
        .unwrap();
    let n = u16::from_le_bytes([b[eocd + 10], b[eocd + 11]]) as usize;
    let mut at = u32::from_le_bytes(b[eocd + 16..eocd + 20].try_into().unwrap()) as usize;
    let mut out = Vec::new();
    for _ in 0..n {
        let le16 = |o: usize| u16::from_le_bytes([b[at + o], b[at + o + 1]]) as usize;
        let (nl, el, cl) = (le16(28), le16(30), le16(32));
        out.push(String::from_utf8_lossy(&b[at + 46..at + 46 + nl]).into_owned());
        at += 46 + nl + el + cl;
    }
    out
}

fn unzip(b: &[u8], name: &str) -> String {
    let eocd = (0..b.len() - 21)
        .rev()
        .find(|&i| &b[i..i + 4] == b"PK\x05\x06")
        .unwrap();
    let n = u16::from_le_bytes([b[eocd + 10], b[eocd + 11]]) as usize;
    let mut at = u32::from_le_bytes(b[eocd + 16..eocd + 20].try_into().unwrap()) as usize;
    for _ in 0..n {
        let le16 = |o: usize| u16::from_le_bytes([b[at + o], b[at + o + 1]]) as usize;
        let le32 =
            |o: usize| u32::from_le_bytes(b[at + o..at + o + 4].try_into().unwrap()) as usize;
        let (nl, el, cl) = (le16(28), le16(30), le16(32));
        if &b[at + 46..at + 46 + nl] == name.as_bytes() {
            let (method, csize, h) = (le16(10), le32(20), le32(42));
            let lh16 = |o: usize| u16::from_le_bytes([b[h + o], b[h + o + 1]]) as usize;
            let start = h + 30 + lh16(26) + lh16(28);
            let data = &b[start..start + csize];
            let raw = if method == 8 {
                miniz_oxide::inflate::decompress_to_vec(data).unwrap()
            } else {
                data.to_vec()
            };
            return String::from_utf8(raw).unwrap();
        }
        at += 46 + nl + el + cl;
    }
    panic!("{name} not found");
}

fn analyse(text: &str) -> draftcheck::Report {
    draftcheck::analyze_with(
        text,
        &draftcheck::ProfileChoice::Auto,
        &draftcheck::Config::default(),
        &draftcheck::document::Hints::default(),
    )
}

/// What `fix` should turn the text into: the reader's text with every
/// suggested fix applied.
fn expected_fixed(input: &Path) -> String {
    let loaded = draftcheck::load::load(
        &input.display().to_string(),
        &std::fs::read(input).unwrap(),
        &|b| (String::from_utf8_lossy(b).into_owned(), false),
        &Limits::default(),
    )
    .unwrap();
    let report = draftcheck::analyze_with(
        &loaded.text,
        &draftcheck::ProfileChoice::Auto,
        &draftcheck::Config::default(),
        &loaded.hints,
    );
    let refs: Vec<&draftcheck::Finding> = report.findings.iter().collect();
    let changes: Vec<(usize, usize, String)> = draftcheck::word::changes(&refs)
        .into_iter()
        .map(|c| (c.start, c.end, c.text))
        .collect();
    draftcheck::fix::apply(&loaded.text, &changes)
}

struct Outputs {
    input: PathBuf,
    annotated: PathBuf,
    tracked: PathBuf,
    direct: PathBuf,
}

fn run(args: &[&str]) -> String {
    let out = bin().args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "draftcheck {args:?}: {stderr}");
    stderr
}

fn write_all(dir: &Path) -> Vec<Outputs> {
    fixtures()
        .into_iter()
        .map(|input| {
            let stem = input.file_stem().unwrap().to_string_lossy().into_owned();
            let o = Outputs {
                annotated: dir.join(format!("{stem}-annotated.docx")),
                tracked: dir.join(format!("{stem}-tracked.docx")),
                direct: dir.join(format!("{stem}-direct.docx")),
                input,
            };
            let i = o.input.to_str().unwrap();
            run(&["annotate", i, "-o", o.annotated.to_str().unwrap()]);
            run(&["fix", i, "-o", o.tracked.to_str().unwrap()]);
            run(&["fix", i, "-o", o.direct.to_str().unwrap(), "--direct"]);
            o
        })
        .collect()
}

#[test]
fn outputs_reread_by_the_reader() {
    let dir = tmp("reread");
    for o in write_all(&dir) {
        let original = text(&o.input);
        let name = o.input.display().to_string();
        // The annotated copy: the same text, a comment per finding.
        assert_eq!(
            text(&o.annotated),
            original,
            "{name}: annotating changed the text"
        );
        let report = analyse(&original);
        let refs: Vec<&draftcheck::Finding> = report.findings.iter().collect();
        let comments = draftcheck::word::comments(&refs);
        let xml = part(&o.annotated, "word/comments.xml");
        assert_eq!(
            xml.matches("w:author=\"稿检\"").count(),
            comments.len(),
            "{name}: {xml}"
        );
        for c in &comments {
            let first = c.text.split('\n').next().unwrap();
            let shown = first
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;");
            assert!(xml.contains(&shown), "{name}: comment {first:?} missing");
        }
        let doc = part(&o.annotated, "word/document.xml");
        assert_eq!(
            doc.matches("<w:commentReference ").count(),
            part(&o.input, "word/document.xml")
                .matches("<w:commentReference ")
                .count()
                + comments.len(),
            "{name}"
        );
        // The fixed copies: exactly the fixes applied, nothing else.
        let want = expected_fixed(&o.input);
        assert_eq!(text(&o.tracked), want, "{name}: tracked");
        assert_eq!(text(&o.direct), want, "{name}: direct");
        let after = analyse(&want);
        let left: Vec<_> = after
            .findings
            .iter()
            .filter(|f| f.suggestion.is_some() && f.aggregate.is_none())
            .map(|f| (&f.rule, &f.text))
            .collect();
        assert!(left.is_empty(), "{name}: fixable findings left: {left:?}");
        let tracked = part(&o.tracked, "word/document.xml");
        let changes = draftcheck::word::changes(&refs).len();
        assert_eq!(
            tracked.matches("<w:ins w:id=").count()
                - part(&o.input, "word/document.xml")
                    .matches("<w:ins w:id=")
                    .count(),
            changes,
            "{name}"
        );
        assert!(
            !part(&o.direct, "word/document.xml").contains("w:author=\"稿检\""),
            "{name}: direct copy has revisions"
        );
    }
}

#[test]
fn fixtures_have_what_they_are_for() {
    let word = part(
        Path::new("tests/fixtures/docx/word-report.docx"),
        "word/document.xml",
    );
    assert!(
        word.contains("<w:commentRangeStart")
            && word.contains("<w:del ")
            && word.contains("<w:tbl>")
            && word.contains("<w:txbxContent>")
    );
    let lo = part(
        Path::new("tests/fixtures/docx/lo-report.docx"),
        "word/document.xml",
    );
    assert!(
        lo.contains("<w:commentRangeStart") && lo.contains("<w:del ") && lo.contains("<w:tbl>"),
        "{lo}"
    );
    assert!(text(Path::new("tests/fixtures/docx/word-report.docx")).contains("\n一、总体情况\n"));
    assert!(text(Path::new("tests/fixtures/docx/lo-report.docx")).contains("\n一、总体情况\n"));
}

#[test]
fn refusals_name_the_file_and_the_reason() {
    let dir = tmp("refuse");
    let out = dir.join("out.docx");
    for (file, reason) in [
        ("tests/fixtures/files/encrypted.docx", "密码"),
        ("tests/fixtures/files/truncated.docx", "损坏"),
        ("tests/fixtures/files/fake.docx", "不是 Word 文档"),
        ("tests/fixtures/files/legacy.doc", "旧版 Word"),
        (
            "tests/fixtures/files/utf8.txt",
            "只能处理 Word 文档（.docx）",
        ),
    ] {
        for cmd in ["annotate", "fix"] {
            let o = bin()
                .args([cmd, file, "-o", out.to_str().unwrap()])
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{cmd} {file}: {err}");
            assert!(
                err.contains(file) && err.contains(reason),
                "{cmd} {file}: {err}"
            );
            assert!(!out.exists(), "{cmd} {file} wrote a file");
        }
    }
}

// ---------------------------------------------------------------------------
// LibreOffice

fn soffice() -> Option<String> {
    let found = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        return Some("soffice".to_string());
    }
    if std::env::var("DRAFTCHECK_OFFICE").as_deref() == Ok("required") {
        panic!("LibreOffice (soffice) is required here (make tools-office) but was not found");
    }
    eprintln!(
        "SKIPPED: LibreOffice (soffice) not found; `make test` installs it (make tools-office)"
    );
    None
}

/// Converts files with LibreOffice; returns the output paths.
fn convert(soffice: &str, profile: &Path, to: &str, files: &[&Path], out: &Path) -> Vec<PathBuf> {
    let o = Command::new(soffice)
        .arg("--headless")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--convert-to", to, "--outdir"])
        .arg(out)
        .args(files)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "soffice --convert-to {to}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let ext = to.split(':').next().unwrap();
    files
        .iter()
        .map(|f| {
            let p = out.join(format!(
                "{}.{ext}",
                f.file_stem().unwrap().to_string_lossy()
            ));
            let len = std::fs::metadata(&p).map(|m| m.len()).unwrap_or(0);
            assert!(len > 0, "LibreOffice did not convert {f:?} to {ext}");
            p
        })
        .collect()
}

fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{feff}')
        .collect()
}

#[test]
fn libreoffice_opens_every_output() {
    let Some(soffice) = soffice() else { return };
    let dir = tmp("office");
    let profile = dir.join("profile");
    let outputs = write_all(&dir);
    let all: Vec<&Path> = outputs
        .iter()
        .flat_map(|o| {
            [
                o.annotated.as_path(),
                o.tracked.as_path(),
                o.direct.as_path(),
            ]
        })
        .collect();
    let conv = dir.join("conv");
    convert(&soffice, &profile, "pdf", &all, &conv);
    let txts = convert(&soffice, &profile, "txt:Text (encoded):UTF8", &all, &conv);
    let fodts = convert(&soffice, &profile, "fodt", &all, &conv);
    for (k, o) in outputs.iter().enumerate() {
        let name = o.input.display().to_string();
        let original = text(&o.input);
        let report = analyse(&original);
        let refs: Vec<&draftcheck::Finding> = report.findings.iter().collect();
        // Annotated: every comment is there, by 稿检, with its text.
        let fodt = std::fs::read_to_string(&fodts[3 * k]).unwrap();
        let comments = draftcheck::word::comments(&refs);
        let ours = fodt.matches("<dc:creator>稿检</dc:creator>").count();
        assert_eq!(
            ours,
            comments.len(),
            "{name}: LibreOffice shows {ours} comments by 稿检"
        );
        for c in &comments {
            let first = c.text.split('\n').next().unwrap().replace('"', "&quot;");
            assert!(
                fodt.contains(&first),
                "{name}: LibreOffice lost the comment {first:?}"
            );
        }
        // Tracked: LibreOffice sees a deletion and an insertion by 稿检 per fix.
        let changes = draftcheck::word::changes(&refs);
        let tracked = std::fs::read_to_string(&fodts[3 * k + 1]).unwrap();
        let regions = tracked
            .split("<text:changed-region")
            .skip(1)
            .filter(|r| r.contains("<dc:creator>稿检</dc:creator>"));
        let (mut del, mut ins) = (0, 0);
        for r in regions {
            if r.contains("<text:deletion>") {
                del += 1;
            }
            if r.contains("<text:insertion>") {
                ins += 1;
            }
        }
        assert_eq!(ins, changes.len(), "{name}: insertions LibreOffice sees");
        assert!(
            del >= changes.len(),
            "{name}: deletions LibreOffice sees: {del}"
        );
        // Direct: LibreOffice's text has each fix in its context.
        let txt = squeeze(&std::fs::read_to_string(&txts[3 * k + 2]).unwrap());
        let fixed = expected_fixed(&o.input);
        let mut shift: isize = 0;
        for c in &changes {
            let at = (c.start as isize + shift) as usize;
            // Three characters either side, within the line (a document
            // may hold other authors' revisions, which LibreOffice's text
            // shows too).
            let end = at + c.text.len();
            let before: String = fixed[..at]
                .chars()
                .rev()
                .take_while(|&c| c != '\n' && c != '\t')
                .take(3)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let after: String = fixed[end..]
                .chars()
                .take_while(|&c| c != '\n' && c != '\t')
                .take(3)
                .collect();
            let window = squeeze(&format!("{before}{}{after}", c.text));
            assert!(
                txt.contains(&window),
                "{name}: LibreOffice's text lacks {window:?}"
            );
            shift += c.text.len() as isize - (c.end - c.start) as isize;
        }
    }
}
