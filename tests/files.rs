//! Reading input files end to end: the `draftcheck` binary on every kind of
//! file a clerk may pick — encodings, .docx (numbering, styles, tables,
//! tracked changes), broken and hostile files — checking the exit code, that
//! stderr names the file with the reason, and that the text read is right.
//!
//! Small fixtures live in tests/fixtures/files/ and are written by the
//! generator below (`cargo test --test files -- --ignored
//! regenerate_fixtures`); `fixtures_match_generator` keeps them in step.
//! Large and hostile inputs (1 MB lines, zip bombs …) are generated into a
//! temporary directory at test time.

use draftcheck::docx::testkit::{self, RawEntry};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const FIXTURES: &str = "tests/fixtures/files";

/// A short report with one unfilled placeholder (XX) on line 3.
const REPORT: &str = "关于2023年度工作情况的报告\n一、基本情况\n全县共有党员XX名，比上年增加5%。\n二、存在问题\n学习不够深入。\n";

// ---------------------------------------------------------------------------
// The fixture generator

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn content_types() -> String {
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>"#.to_string()
}

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#;

/// Styles as Chinese Word writes them: ids "1", "2", "3", names "heading N",
/// the outline level in the style, and heading numbering linked through
/// the style's numPr.
fn styles() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}"><w:docDefaults><w:pPrDefault><w:pPr><w:spacing w:line="560"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:pPr><w:keepNext/><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="3"><w:name w:val="heading 3"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="character" w:default="1" w:styleId="a0"><w:name w:val="Default Paragraph Font"/></w:style>
</w:styles>"#
    )
}

/// 一、 (chineseCounting "%1、"), （一） ("（%2）"), 1. (decimal "%3.").
fn numbering() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    )
}

fn para(style: &str, text: &str) -> String {
    let ppr = if style.is_empty() {
        String::new()
    } else {
        format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#)
    };
    format!(
        r#"<w:p>{ppr}<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t>{text}</w:t></w:r></w:p>"#
    )
}

fn item(text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>"#
    )
}

fn docx_with(body: &str) -> Vec<u8> {
    let (ct, st, nu, doc) = (content_types(), styles(), numbering(), document(body));
    testkit::zip(&[
        ("[Content_Types].xml", ct.as_bytes()),
        ("_rels/.rels", PACKAGE_RELS.as_bytes()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.as_bytes()),
        ("word/styles.xml", st.as_bytes()),
        ("word/numbering.xml", nu.as_bytes()),
        ("word/document.xml", doc.as_bytes()),
    ])
}

fn numbered_docx() -> Vec<u8> {
    docx_with(
        &[
            para("a3", "关于2023年度工作情况的报告"),
            para("1", "基本情况"),
            para("2", "党员队伍"),
            item("全县共有党员XX名。"),
            item("新发展党员12名。"),
            para("2", "组织建设"),
            item("基层党组织45个。"),
            para("1", "存在问题"),
            para("2", "学习不够深入"),
            para("3", "具体表现"),
            para("", "个别党员学习流于形式。"),
        ]
        .concat(),
    )
}

fn table_docx() -> Vec<u8> {
    let cell = |t: &str| {
        format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"2000\"/></w:tcPr>{}</w:tc>",
            para("", t)
        )
    };
    let row = |cells: &[&str]| {
        format!(
            "<w:tr>{}</w:tr>",
            cells.iter().map(|c| cell(c)).collect::<String>()
        )
    };
    docx_with(
        &[
            para("", "表1 2023年经费使用情况"),
            format!(
                "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid/>{}{}{}</w:tbl>",
                row(&["项目", "金额（万元）"]),
                row(&["培训", "XX万元"]),
                row(&["合计", "120"]),
            ),
            para("", "以上经费均按规定使用。"),
        ]
        .concat(),
    )
}

/// Tracked changes: the deleted text holds a placeholder, the inserted text
/// fills it. The document as accepted has no placeholder left.
fn tracked_docx() -> Vec<u8> {
    docx_with(
        &[
            para("a3", "关于2023年度工作情况的报告"),
            para("1", "基本情况"),
            r#"<w:p><w:r><w:t>全县共有党员</w:t></w:r><w:del w:id="1" w:author="张三" w:date="2024-01-05T10:00:00Z"><w:r><w:delText>XX</w:delText></w:r></w:del><w:ins w:id="2" w:author="张三" w:date="2024-01-05T10:00:00Z"><w:r><w:t>1200</w:t></w:r></w:ins><w:r><w:t>名。</w:t></w:r></w:p>"#.to_string(),
            r#"<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="张三"/></w:rPr></w:pPr><w:del w:id="4" w:author="张三"><w:r><w:delText>（此处填写XX情况）</w:delText></w:r></w:del></w:p>"#.to_string(),
            para("1", "存在问题"),
            para("", "学习不够深入。"),
        ]
        .concat(),
    )
}

fn utf16(s: &str, le: bool) -> Vec<u8> {
    s.encode_utf16()
        .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
        .collect()
}

fn ole(stream_name: &str) -> Vec<u8> {
    let mut b = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    b.resize(512, 0);
    b.extend(utf16(stream_name, true));
    b.resize(2048, 0);
    b
}

/// Every small fixture: (file name, bytes).
fn fixtures() -> Vec<(&'static str, Vec<u8>)> {
    let gbk = encoding_rs::GBK.encode(REPORT).0.into_owned();
    let gb18030 = encoding_rs::GB18030
        .encode(&REPORT.replace("学习", "𠮷学习"))
        .0
        .into_owned();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(REPORT.as_bytes());
    let with_bom = |mark: &[u8], le: bool| {
        let mut v = mark.to_vec();
        v.extend(utf16(REPORT, le));
        v
    };
    let mut nul = REPORT.as_bytes().to_vec();
    nul.insert(10, 0);
    nul.insert(20, 0);
    let mut invalid = REPORT.as_bytes().to_vec();
    invalid.insert(4, 0xFF);
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.resize(300, 7);
    // Binary data without a known header (all byte values).
    let noise: Vec<u8> = (0..3000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    let numbered = numbered_docx();
    let broken = {
        let (ct, doc) = (
            content_types(),
            document("<w:p><w:r><w:t>未闭合</w:r></w:p>"),
        );
        testkit::zip(&[
            ("[Content_Types].xml", ct.as_bytes()),
            ("_rels/.rels", PACKAGE_RELS.as_bytes()),
            ("word/document.xml", doc.as_bytes()),
        ])
    };
    let no_document = testkit::zip(&[
        ("[Content_Types].xml", content_types().as_bytes()),
        ("_rels/.rels", PACKAGE_RELS.as_bytes()),
        ("word/styles.xml", styles().as_bytes()),
    ]);
    let xlsx = testkit::zip(&[
        ("[Content_Types].xml", b"<Types/>".as_slice()),
        ("xl/workbook.xml", b"<workbook/>".as_slice()),
    ]);
    vec![
        ("empty.txt", Vec::new()),
        ("whitespace.txt", b"  \r\n\t\n \xE3\x80\x80\n".to_vec()),
        ("utf8.txt", REPORT.as_bytes().to_vec()),
        ("utf8-bom.txt", bom),
        ("report.md", REPORT.replace("一、", "# 一、").into_bytes()),
        ("gbk.txt", gbk),
        ("gb18030.txt", gb18030),
        ("utf16le-bom.txt", with_bom(b"\xFF\xFE", true)),
        ("utf16be-bom.txt", with_bom(b"\xFE\xFF", false)),
        ("utf16le.txt", utf16(REPORT, true)),
        ("utf16be.txt", utf16(REPORT, false)),
        ("crlf.txt", REPORT.replace('\n', "\r\n").into_bytes()),
        ("nul-some.txt", nul),
        ("nul-only.txt", vec![0u8; 1024]),
        ("invalid-utf8.txt", invalid),
        ("png-renamed.txt", png),
        ("noise.txt", noise),
        ("legacy.doc", ole("WordDocument")),
        ("encrypted.docx", ole("EncryptedPackage")),
        ("fake.docx", REPORT.as_bytes().to_vec()),
        ("report.pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n".to_vec()),
        ("webpage.doc", b"<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><body><p>\xE4\xB8\x80</p></body></html>".to_vec()),
        ("rtf.doc", b"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}}".to_vec()),
        ("numbered.docx", numbered.clone()),
        ("table.docx", table_docx()),
        ("tracked.docx", tracked_docx()),
        ("docx-renamed.txt", numbered.clone()),
        ("truncated.docx", numbered[..numbered.len() * 2 / 3].to_vec()),
        ("broken-xml.docx", broken),
        ("no-document.docx", no_document),
        ("sheet.docx", xlsx),
    ]
}

#[test]
#[ignore = "writes tests/fixtures/files; run to regenerate"]
fn regenerate_fixtures() {
    std::fs::create_dir_all(FIXTURES).unwrap();
    for (name, bytes) in fixtures() {
        std::fs::write(Path::new(FIXTURES).join(name), bytes).unwrap();
    }
}

#[test]
fn fixtures_match_generator() {
    for (name, bytes) in fixtures() {
        let path = Path::new(FIXTURES).join(name);
        let on_disk = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            on_disk == bytes,
            "{name} differs from its generator: cargo test --test files -- --ignored regenerate_fixtures"
        );
    }
}

// ---------------------------------------------------------------------------
// Running the CLI

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_draftcheck"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

/// A fixture .docx read by the library directly (default limits).
fn read_docx(name: &str) -> draftcheck::docx::DocxText {
    let bytes = std::fs::read(fixture(name)).unwrap();
    draftcheck::docx::read(&bytes, &Default::default()).unwrap()
}

/// `check --format json` on one file: (exit code, stderr, the JSON).
fn check_json(path: &str, extra: &[&str]) -> (i32, String, Value) {
    let mut args = vec!["check", "--format", "json"];
    args.extend(extra);
    args.push(path);
    let out = run(&args);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{path}: not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    (
        out.status.code().expect("exit code, not a signal"),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        json,
    )
}

fn file_report(json: &Value) -> &Value {
    &json["files"][0]
}

/// (text, line) of every placeholder finding.
fn placeholders(json: &Value) -> Vec<(String, u64)> {
    file_report(json)["findings"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|f| f["rule"] == "placeholder")
                .map(|f| {
                    (
                        f["text"].as_str().unwrap_or("").to_string(),
                        f["line"].as_u64().unwrap_or(0),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn outline(json: &Value) -> Vec<String> {
    file_report(json)["outline"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|o| o["title"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Asserts the file cannot be read: exit 2, stderr names the file and gives
/// the reason, the JSON lists it under errors.
fn assert_refused(path: &str, extra: &[&str], reason: &str) {
    let (code, stderr, json) = check_json(path, extra);
    assert_eq!(code, 2, "{path}: {stderr}");
    assert!(
        stderr.contains(path),
        "{path}: stderr does not name the file: {stderr}"
    );
    assert!(
        stderr.contains(reason),
        "{path}: expected {reason:?} in {stderr}"
    );
    assert_eq!(json["errors"][0]["path"], path);
    assert_eq!(json["files"].as_array().map(Vec::len), Some(0));
}

#[test]
fn text_in_every_encoding() {
    let cases = [
        ("utf8.txt", "utf-8"),
        ("utf8-bom.txt", "utf-8-bom"),
        ("report.md", "utf-8"),
        ("gbk.txt", "gb18030"),
        ("gb18030.txt", "gb18030"),
        ("utf16le-bom.txt", "utf-16le"),
        ("utf16be-bom.txt", "utf-16be"),
        ("utf16le.txt", "utf-16le"),
        ("utf16be.txt", "utf-16be"),
        ("crlf.txt", "utf-8"),
        ("nul-some.txt", "utf-8"),
        ("invalid-utf8.txt", "utf-8"),
    ];
    for (name, encoding) in cases {
        let path = fixture(name);
        let (code, stderr, json) = check_json(&path, &[]);
        assert_eq!(code, 1, "{name}: the placeholder is an error: {stderr}");
        assert_eq!(stderr, "", "{name}");
        assert_eq!(file_report(&json)["encoding"], encoding, "{name}");
        assert_eq!(placeholders(&json), [("XX".to_string(), 3)], "{name}");
        assert!(
            outline(&json).iter().any(|t| t.ends_with("一、基本情况")),
            "{name}: {:?}",
            outline(&json)
        );
    }
    // GB18030 beyond GBK survives.
    let (_, _, json) = check_json(&fixture("gb18030.txt"), &[]);
    let chars = file_report(&json)["chars"].as_u64().unwrap();
    assert_eq!(chars as usize, REPORT.chars().count() + 1);
}

#[test]
fn notes_in_text_output() {
    let out = run(&["check", &fixture("invalid-utf8.txt")]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("无法解码"), "{stdout}");
    let out = run(&["check", &fixture("nul-some.txt")]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("已删除 2 个"));
    let out = run(&["check", "--lang", "en", &fixture("tracked.docx")]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("tracked changes"));
    let out = run(&["check", &fixture("docx-renamed.txt")]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("按 .docx 读取"));
    let out = run(&["check", &fixture("empty.txt")]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("没有文字"));
}

#[test]
fn empty_and_blank_files() {
    for name in ["empty.txt", "whitespace.txt"] {
        let (code, stderr, json) = check_json(&fixture(name), &[]);
        assert_eq!(code, 0, "{name}: {stderr}");
        assert!(placeholders(&json).is_empty());
    }
}

#[test]
fn docx_numbering_and_headings() {
    for name in ["numbered.docx", "docx-renamed.txt"] {
        let (code, stderr, json) = check_json(&fixture(name), &[]);
        assert_eq!(code, 1, "{name}: {stderr}");
        let titles = outline(&json);
        for want in [
            "关于2023年度工作情况的报告",
            "一、基本情况",
            "（一）党员队伍",
            "（二）组织建设",
            "二、存在问题",
            "（一）学习不够深入",
            // No number of its own: the heading style makes it a heading.
            "具体表现",
        ] {
            assert!(
                titles.contains(&want.to_string()),
                "{name}: {want} not in {titles:?}"
            );
        }
        // 1. restarts under each （一）: line 4 is "1.全县共有党员XX名。".
        assert_eq!(placeholders(&json), [("XX".to_string(), 4)], "{name}");
    }
    let text = read_docx("numbered.docx").text;
    assert_eq!(
        text,
        "关于2023年度工作情况的报告\n一、基本情况\n（一）党员队伍\n1.全县共有党员XX名。\n2.新发展党员12名。\n（二）组织建设\n1.基层党组织45个。\n二、存在问题\n（一）学习不够深入\n具体表现\n个别党员学习流于形式。"
    );
}

#[test]
fn docx_table_rows() {
    let (code, stderr, json) = check_json(&fixture("table.docx"), &[]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(placeholders(&json), [("XX".to_string(), 3)]);
    let text = read_docx("table.docx").text;
    assert_eq!(
        text,
        "表1 2023年经费使用情况\n项目\t金额（万元）\n培训\tXX万元\n合计\t120\n以上经费均按规定使用。"
    );
}

#[test]
fn docx_tracked_changes_read_as_accepted() {
    let (code, stderr, json) = check_json(&fixture("tracked.docx"), &[]);
    assert!(
        placeholders(&json).is_empty(),
        "deleted text was read: {json}"
    );
    assert_ne!(code, 2, "{stderr}");
    let d = read_docx("tracked.docx");
    assert_eq!(
        d.text,
        "关于2023年度工作情况的报告\n一、基本情况\n全县共有党员1200名。\n二、存在问题\n学习不够深入。"
    );
    assert!(d.tracked_changes);
}

#[test]
fn unreadable_files_are_refused_with_a_reason() {
    let cases = [
        ("nul-only.txt", "NUL"),
        ("png-renamed.txt", "PNG"),
        ("noise.txt", "二进制"),
        ("legacy.doc", "旧版 Word"),
        ("encrypted.docx", "密码"),
        ("fake.docx", "不是 Word 文档"),
        ("report.pdf", "PDF"),
        ("webpage.doc", "网页"),
        ("rtf.doc", "RTF"),
        ("truncated.docx", "不完整"),
        ("broken-xml.docx", "XML"),
        ("no-document.docx", "word/document.xml"),
        ("sheet.docx", "Excel"),
    ];
    for (name, reason) in cases {
        assert_refused(&fixture(name), &[], reason);
    }
    assert_refused("tests/fixtures/files/missing.txt", &[], "不存在");
    // A folder is searched for reports (tests/batch.rs).
}

#[test]
fn other_files_are_still_checked() {
    let bad = fixture("legacy.doc");
    let good = fixture("utf8.txt");
    let out = run(&["check", "--format", "json", &bad, &good]);
    assert_eq!(out.status.code(), Some(2));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["files"][0]["path"], good.as_str());
    assert_eq!(json["errors"][0]["path"], bad.as_str());
    assert!(String::from_utf8_lossy(&out.stderr).contains(&bad));
}

#[test]
fn stdin_is_read_like_a_file() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_draftcheck"))
        .args(["check", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let gbk = encoding_rs::GBK.encode(REPORT).0.into_owned();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), &gbk).unwrap();
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["files"][0]["encoding"], "gb18030");
    assert_eq!(placeholders(&json), [("XX".to_string(), 3)]);
}

/// A reader that stops early (`draftcheck rules | head`) closes the pipe;
/// the listing stops quietly instead of panicking on the write.
#[test]
fn a_listing_into_a_closed_pipe_ends_quietly() {
    for cmd in ["rules", "profiles"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_draftcheck"))
            .arg(cmd)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Closed before anything is read: every write meets a broken pipe.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{cmd}: {stderr}");
        assert_eq!(stderr, "", "{cmd}");
    }
}

// ---------------------------------------------------------------------------
// Large and hostile inputs, generated at test time

struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("draftcheck-files-{tag}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).unwrap();
        path.to_string_lossy().into_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Deflate data for `1 + 258 * matches` zero bytes, written by hand with
/// fixed Huffman codes (a literal 0, then matches of length 258 at
/// distance 1): about 13 bits per 258 output bytes.
fn zeros_deflate(matches: usize) -> (Vec<u8>, usize) {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        n: u32,
    }
    impl Bits {
        fn put(&mut self, v: u32, len: u32) {
            self.acc |= u64::from(v) << self.n;
            self.n += len;
            while self.n >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.n -= 8;
            }
        }
        /// Huffman codes go most significant bit first.
        fn code(&mut self, code: u32, len: u32) {
            let rev = (0..len).fold(0, |r, i| r | (((code >> i) & 1) << (len - 1 - i)));
            self.put(rev, len);
        }
    }
    let mut b = Bits {
        out: Vec::new(),
        acc: 0,
        n: 0,
    };
    b.put(1, 1); // final block
    b.put(1, 2); // fixed Huffman
    b.code(0x30, 8); // literal 0
    for _ in 0..matches {
        b.code(0xC5, 8); // length 258 (code 285)
        b.code(0, 5); // distance 1
    }
    b.code(0, 7); // end of block
    if b.n > 0 {
        b.out.push(b.acc as u8);
    }
    (b.out, 1 + 258 * matches)
}

#[test]
fn zeros_deflate_is_valid() {
    let (data, size) = zeros_deflate(1000);
    let out = miniz_oxide::inflate::decompress_to_vec(&data).unwrap();
    assert_eq!(out.len(), size);
    assert!(out.iter().all(|&b| b == 0));
}

#[test]
fn zip_bombs_are_stopped() {
    let dir = TempDir::new("bomb");
    // 100 MB of zeros in ~660 KB, sizes declared honestly …
    let (data, size) = zeros_deflate(100 * 1024 * 1024 / 258);
    let bomb = |declared: u32| {
        testkit::zip_raw(&[
            RawEntry {
                name: "_rels/.rels",
                method: 0,
                data: PACKAGE_RELS.as_bytes(),
                crc: testkit::crc32(PACKAGE_RELS.as_bytes()),
                size: PACKAGE_RELS.len() as u32,
            },
            RawEntry {
                name: "word/document.xml",
                method: 8,
                data: &data,
                crc: 0,
                size: declared,
            },
        ])
    };
    let honest = dir.write("bomb.docx", &bomb(size as u32));
    let started = std::time::Instant::now();
    assert_refused(&honest, &[], "压缩炸弹");
    // … and with a lying header that claims 1 KB.
    let liar = dir.write("liar.docx", &bomb(1024));
    assert_refused(&liar, &[], "压缩炸弹");
    assert!(
        started.elapsed().as_secs() < 60,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn entry_count_bomb_is_refused() {
    let dir = TempDir::new("entries");
    let names: Vec<String> = (0..5_001).map(|i| format!("word/media/p{i}.bin")).collect();
    let mut entries: Vec<RawEntry> = names
        .iter()
        .map(|n| RawEntry {
            name: n,
            method: 0,
            data: b"",
            crc: 0,
            size: 0,
        })
        .collect();
    let doc = document(&para("", "正文"));
    entries.push(RawEntry {
        name: "word/document.xml",
        method: 0,
        data: doc.as_bytes(),
        crc: testkit::crc32(doc.as_bytes()),
        size: doc.len() as u32,
    });
    let path = dir.write("entries.docx", &testkit::zip_raw(&entries));
    assert_refused(&path, &[], "5002 个部件");
    // The same archive minus two entries is fine.
    let path = dir.write("ok.docx", &testkit::zip_raw(&entries[2..]));
    let (code, stderr, _) = check_json(&path, &[]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn deeply_nested_docx_is_refused() {
    let dir = TempDir::new("deep");
    let body = format!("{}{}", "<w:p>".repeat(100_000), "</w:p>".repeat(100_000));
    let doc = document(&body);
    let path = dir.write(
        "deep.docx",
        &testkit::zip(&[("word/document.xml", doc.as_bytes())]),
    );
    assert_refused(&path, &[], "嵌套");
}

#[test]
fn size_cap() {
    let dir = TempDir::new("cap");
    let mut text = REPORT.to_string();
    while text.len() < 2 * 1024 * 1024 {
        text.push_str("全县各级党组织认真落实主体责任，取得明显成效。\n");
    }
    let path = dir.write("big.txt", text.as_bytes());
    assert_refused(&path, &["--max-size", "1"], "太大");
    let (code, stderr, _) = check_json(&path, &["--max-size", "3"]);
    assert_eq!(code, 1, "{stderr}");
}

/// Checks `text` as a file: a verdict (exit 0 or 1), every character read.
fn checks_every_character(dir: &TempDir, name: &str, text: &str) {
    let path = dir.write(name, text.as_bytes());
    let (code, stderr, json) = check_json(&path, &[]);
    assert!(code == 0 || code == 1, "{code}: {stderr}");
    assert_eq!(
        file_report(&json)["chars"].as_u64(),
        Some(text.chars().count() as u64)
    );
}

#[test]
fn one_megabyte_single_line() {
    let dir = TempDir::new("line");
    let mut text = String::from("一、基本情况：");
    while text.len() < 1024 * 1024 {
        text.push_str("全县完成固定资产投资12.5亿元，同比增长8%，");
    }
    checks_every_character(&dir, "line.txt", &text);
}

#[test]
fn hundred_thousand_nested_brackets() {
    let dir = TempDir::new("brackets");
    let text = format!(
        "一、基本情况\n{}内容{}\n{}\n",
        "（".repeat(100_000),
        "）".repeat(100_000),
        "([{".repeat(30_000)
    );
    checks_every_character(&dir, "brackets.txt", &text);
}

#[test]
fn fifty_thousand_headings() {
    let dir = TempDir::new("headings");
    let mut text = String::from("关于工作情况的报告\n");
    for i in 1..=50_000u32 {
        // Markdown headings: numbered ones stop being headings past 99
        // (a "2020." line is a year, not a heading).
        text.push_str(&format!("## 第{i}项工作\n全县完成任务。\n"));
    }
    let path = dir.write("headings.txt", text.as_bytes());
    let (code, stderr, json) = check_json(&path, &[]);
    assert!(code == 0 || code == 1, "{code}: {stderr}");
    let numbered = outline(&json)
        .iter()
        .filter(|t| t.ends_with("项工作"))
        .count();
    assert_eq!(numbered, 50_000);
}

#[test]
fn help_and_version_print_usage_and_succeed() {
    let top = run(&["--help"]);
    assert_eq!(top.status.code(), Some(0));
    let text = String::from_utf8_lossy(&top.stdout);
    for word in [
        "Usage: draftcheck <COMMAND>",
        "check",
        "rules",
        "profiles",
        "退出码 Exit codes",
    ] {
        assert!(text.contains(word), "{word}: {text}");
    }
    let check = run(&["check", "--help"]);
    assert_eq!(check.status.code(), Some(0));
    let text = String::from_utf8_lossy(&check.stdout);
    for flag in [
        "--format",
        "--profile",
        "--lang",
        "--max-size",
        "--threads",
        "--timing",
        "<FILE>...",
    ] {
        assert!(text.contains(flag), "{flag}: {text}");
    }
    let version = run(&["--version"]);
    assert_eq!(version.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("draftcheck {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn wrong_arguments_say_why_and_exit_2() {
    for (args, says) in [
        (
            &["check", "--format", "xml", "a.txt"][..],
            "invalid value 'xml'",
        ),
        (&["check", "--threads", "3", "a.txt"][..], "--threads"),
        (&["check"][..], "<FILE>"),
        (&["check", "--bogus", "a.txt"][..], "--bogus"),
        (&["frobnicate"][..], "frobnicate"),
        (&[][..], "Usage"),
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    // The inline form of a flag still works.
    let out = run(&["check", "--format=json", &fixture("utf8.txt")]);
    assert!(serde_json::from_slice::<Value>(&out.stdout).is_ok());
}
