//! Many drafts at once, end to end through the `draftcheck` binary:
//! `check DIR…` on a folder of unit reports (UTF-8, GBK, .docx, a broken
//! .docx, a picture and a Word lock file to skip), `--summary`, and `diff
//! OLD NEW` on two years of a district's report.
//!
//! tests/fixtures/batch/folder/ holds the folder (see the README there);
//! tests/fixtures/batch/versions/ the 2020 report (the corpus copy) and the
//! 2021 version made from it.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FOLDER: &str = "tests/fixtures/batch/folder";
const OLD: &str = "tests/fixtures/batch/versions/2020.txt";
const NEW: &str = "tests/fixtures/batch/versions/2021.txt";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_draftcheck"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run draftcheck")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> Value {
    serde_json::from_str(&stdout(o)).expect("valid JSON")
}

fn in_folder(name: &str) -> String {
    format!("{FOLDER}/{name}")
}

/// A temporary directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let p = std::env::temp_dir().join(format!("draftcheck-batch-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).expect("temp dir");
        TempDir(p)
    }

    fn write(&self, name: &str, text: &str) -> String {
        let p = self.0.join(name);
        if let Some(dir) = p.parent() {
            std::fs::create_dir_all(dir).expect("dir");
        }
        std::fs::write(&p, text).expect("write");
        p.display().to_string()
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("UTF-8 temp path")
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

// ---------------------------------------------------------------------------
// Folders

#[test]
fn a_folder_is_searched_for_reports_and_other_files_are_counted() {
    let o = run(&["check", "--format", "json", FOLDER]);
    // The broken .docx: exit 2, its reason on stderr, the others checked.
    assert_eq!(o.status.code(), Some(2));
    let broken = in_folder("04-县财政局/总结.docx");
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!("draftcheck: {broken}: 文件已损坏或不完整")),
        "{err}"
    );
    let j = json(&o);
    let files: Vec<(&str, &str, &str, &str)> = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap(),
                f["format"].as_str().unwrap(),
                f["encoding"].as_str().unwrap(),
                f["profile"].as_str().unwrap(),
            )
        })
        .collect();
    let p1 = in_folder("01-县委办公室/自查报告.txt");
    let p2 = in_folder("02-县纪委监委/工作报告.txt");
    let p3 = in_folder("03-县委组织部/评价报告.docx");
    let p5 = in_folder("05-县民政局/工作总结.md");
    assert_eq!(
        files,
        [
            (p1.as_str(), "txt", "utf-8", "political-ecology"),
            (p2.as_str(), "txt", "gb18030", "political-ecology"),
            (p3.as_str(), "docx", "utf-8", "generic"),
            (p5.as_str(), "md", "utf-8", "work-summary"),
        ]
    );
    assert_eq!(j["errors"].as_array().unwrap().len(), 1);
    assert_eq!(j["errors"][0]["path"], broken.as_str());
    // 照片.png, Word's ~$ lock file and .DS_Store.
    assert_eq!(j["skipped"], 3);
    let summaries: Vec<u64> = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["summary"]["error"].as_u64().unwrap())
        .collect();
    assert_eq!(summaries, [27, 62, 1, 0]);
}

#[test]
fn each_file_entry_is_what_checking_the_file_alone_gives() {
    let folder = json(&run(&["check", "--format", "json", FOLDER]));
    for entry in folder["files"].as_array().unwrap() {
        let path = entry["path"].as_str().unwrap();
        let alone = run(&["check", "--format", "json", path]);
        let alone = json(&alone);
        assert_eq!(&alone["files"][0], entry, "{path}");
        // Without a folder there is nothing skipped, and no field for it.
        assert!(alone.get("skipped").is_none());
    }
}

#[test]
fn text_output_names_the_skipped_files() {
    let o = run(&["check", FOLDER]);
    assert_eq!(o.status.code(), Some(2));
    let out = stdout(&o);
    let last: Vec<&str> = out.lines().rev().take(2).collect();
    assert_eq!(
        last,
        [
            "跳过 3 个其他文件",
            &format!(
                "{}: 可以提交（错误 0，警告 0，提示 0；类型：work-summary）",
                in_folder("05-县民政局/工作总结.md")
            ),
        ]
    );
    let en = stdout(&run(&["check", "--lang", "en", FOLDER]));
    assert_eq!(en.lines().last(), Some("skipped 3 other files"));
}

#[test]
fn a_file_named_on_its_own_is_checked_whatever_its_name() {
    // In a folder the picture is skipped; named, it is refused with the reason.
    let png = in_folder("04-县财政局/照片.png");
    let o = run(&["check", &png, &in_folder("05-县民政局/工作总结.md")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with(&format!("draftcheck: {png}: ")),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("PNG"), "{}", stderr(&o));
    assert!(!stdout(&o).contains("跳过"));
}

#[test]
fn exit_codes_keep_their_meaning_in_folders() {
    let dir = TempDir::new("exit");
    dir.write("甲/总结.txt", "某县2023年度工作总结\n一、主要工作\n全年完成任务12项。\n二、存在问题\n学习不够深入。\n三、下一步工作打算\n继续抓好落实。\n");
    dir.write("说明.pdf.bak", "not a report");
    let o = run(&["check", dir.path()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    dir.write(
        "乙/总结.txt",
        "某县2023年度工作总结\n一、主要工作\n全年完成任务XX项。\n",
    );
    let o = run(&["check", "--format", "json", dir.path()]);
    assert_eq!(o.status.code(), Some(1));
    let j = json(&o);
    assert_eq!(j["files"].as_array().unwrap().len(), 2);
    assert_eq!(j["skipped"], 1);
    assert!(j.get("errors").is_none());
    // An empty folder: nothing to check, nothing wrong.
    let empty = TempDir::new("empty");
    let o = run(&["check", "--format", "json", empty.path()]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o).trim(), r#"{"version":1,"files":[],"skipped":0}"#);
}

/// The table's cells: columns are separated by two spaces or more.
fn cells(line: &str) -> Vec<&str> {
    line.split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect()
}

#[test]
fn summary_table_worst_first() {
    let o = run(&["check", "--summary", FOLDER]);
    assert_eq!(o.status.code(), Some(2));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 7, "{out}");
    assert_eq!(
        cells(lines[0]),
        [
            "文件",
            "报告类型",
            "结论",
            "错误",
            "警告",
            "提示",
            "未填占位符",
            "结构",
            "数据",
            "网站残留",
            "标点",
            "用词",
            "日期",
            "首个错误"
        ]
    );
    let broken = in_folder("04-县财政局/总结.docx");
    let row = cells(lines[1]);
    assert_eq!(&row[..2], [broken.as_str(), "无法读取"]);
    assert!(row[2].starts_with("文件已损坏或不完整"), "{}", row[2]);
    let p2 = in_folder("02-县纪委监委/工作报告.txt");
    assert_eq!(
        cells(lines[2]),
        [
            p2.as_str(),
            "政治生态分析研判/评价报告",
            "还有 62 个错误",
            "62",
            "0",
            "213",
            "57",
            "0",
            "0",
            "1",
            "217",
            "0",
            "0",
            "1:9 范文合集的分篇标记“【第四篇】”：这是下载网站的编排，请删除"
        ]
    );
    assert!(lines[3].starts_with(&in_folder("01-县委办公室/自查报告.txt")));
    let p3 = in_folder("03-县委组织部/评价报告.docx");
    assert_eq!(
        cells(lines[4]),
        [
            p3.as_str(),
            "通用",
            "还有 1 个错误",
            "1",
            "0",
            "0",
            "1",
            "0",
            "0",
            "0",
            "0",
            "0",
            "0",
            "4:9 未填写的占位符“XX”：这是模板留下的空白，请填入实际的数字、名称或日期"
        ]
    );
    let p5 = in_folder("05-县民政局/工作总结.md");
    assert_eq!(
        cells(lines[5]),
        [
            p5.as_str(),
            "工作总结",
            "可以提交",
            "0",
            "0",
            "0",
            "0",
            "0",
            "0",
            "0",
            "0",
            "0",
            "0"
        ]
    );
    assert_eq!(
        lines[6],
        "共 5 个文件：1 个可以提交，3 个还有错误，1 个无法读取；跳过 3 个其他文件"
    );
    // The verdict column lines up (CJK characters count two columns).
    let col = |l: &str, s: &str| {
        let b = l.find(s).unwrap();
        l[..b]
            .chars()
            .map(|c| if (c as u32) < 0x1100 { 1 } else { 2 })
            .sum::<usize>()
    };
    assert_eq!(col(lines[0], "结论"), col(lines[5], "可以提交"));
    assert_eq!(col(lines[0], "结论"), col(lines[2], "还有 62"));
}

#[test]
fn summary_sorted_by_name_and_count_in_english() {
    let out = stdout(&run(&[
        "check",
        "--summary",
        "--sort",
        "name",
        "--lang",
        "en",
        FOLDER,
    ]));
    let firsts: Vec<String> = out
        .lines()
        .skip(1)
        .take(5)
        .map(|l| cells(l)[0].rsplit('/').next().unwrap().to_string())
        .collect();
    assert_eq!(
        firsts,
        [
            "自查报告.txt",
            "工作报告.txt",
            "评价报告.docx",
            "总结.docx",
            "工作总结.md"
        ]
    );
    assert!(out.starts_with("File"), "{out}");
    assert_eq!(
        out.lines().last(),
        Some("5 files: 1 ready to submit, 3 with errors, 1 cannot be read; skipped 3 other files")
    );
    let out = stdout(&run(&[
        "check",
        "--summary",
        "--sort",
        "punctuation",
        FOLDER,
    ]));
    let punct: Vec<&str> = out.lines().skip(2).take(3).map(|l| cells(l)[10]).collect();
    assert_eq!(punct, ["217", "163", "0"]);
}

#[test]
fn summary_refuses_json_and_bad_sort_keys() {
    let o = run(&["check", "--summary", "--format", "json", FOLDER]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--format"), "{}", stderr(&o));
    let o = run(&["check", "--summary", "--sort", "size", FOLDER]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("size") && stderr(&o).contains("verdict"),
        "{}",
        stderr(&o)
    );
}

// ---------------------------------------------------------------------------
// Two versions

fn diff_json(old: &str, new: &str) -> (Option<i32>, Value) {
    let o = run(&["diff", "--format", "json", old, new]);
    (o.status.code(), json(&o))
}

fn rules_lines(v: &Value) -> Vec<(String, u64, String)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn owned(v: &[(&str, u64, &str)]) -> Vec<(String, u64, String)> {
    v.iter()
        .map(|(a, b, c)| (a.to_string(), *b, c.to_string()))
        .collect()
}

#[test]
fn diff_new_fixed_and_open_findings() {
    let (code, j) = diff_json(OLD, NEW);
    // A new unfilled placeholder is an error: exit 1.
    assert_eq!(code, Some(1));
    assert_eq!(
        (
            j["version"].as_u64(),
            j["old_year"].as_u64(),
            j["new_year"].as_u64()
        ),
        (Some(1), Some(2020), Some(2021))
    );
    assert_eq!(j["old"]["path"], OLD);
    assert_eq!(j["new"]["profile"], "political-ecology");
    // New: the inserted paragraph's two half-width commas, the XX.
    assert_eq!(
        rules_lines(&j["findings"]["new"]),
        owned(&[
            ("half-width-punctuation", 3, ","),
            ("half-width-punctuation", 3, ","),
            ("placeholder", 21, "XX"),
        ])
    );
    // Fixed: the QQ-group advertisement and the marks inside it.
    assert_eq!(
        rules_lines(&j["findings"]["fixed"]),
        owned(&[
            (
                "template-debris",
                15,
                "来自QQ群藏经阁,QQ微信号:215425891,海量热门优质材料和PPT课件。"
            ),
            ("half-width-punctuation", 15, ","),
            ("half-width-punctuation", 15, ":"),
            ("half-width-punctuation", 15, ","),
        ])
    );
    // Open: everything else, in NEW's lines (the old report's half-width
    // punctuation stayed), none of them an aggregate.
    let open = j["findings"]["open"].as_array().unwrap();
    let old_total = json(&run(&["check", "--format", "json", OLD]))["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f.get("aggregate").is_none())
        .count();
    assert_eq!(open.len(), old_total - 4);
    assert!(open.iter().all(|f| f.get("aggregate").is_none()));
    assert!(
        open.iter().all(|f| f["rule"] == "half-width-punctuation"),
        "{open:?}"
    );
}

#[test]
fn diff_figures_changed_unchanged_and_the_stale_ones() {
    let (_, j) = diff_json(OLD, NEW);
    let figures = j["figures"].as_array().unwrap();
    let of = |status: &str| -> Vec<(String, String, String)> {
        figures
            .iter()
            .filter(|f| f["status"] == status)
            .map(|f| {
                let t = |side: &str| f[side]["text"].as_str().unwrap_or("").to_string();
                (f["label"].as_str().unwrap().to_string(), t("old"), t("new"))
            })
            .collect()
    };
    let s = |v: &[(&str, &str, &str)]| -> Vec<(String, String, String)> {
        v.iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect()
    };
    assert_eq!(
        of("changed"),
        s(&[
            ("区委常规巡察", "25个", "31个"),
            ("发现问题", "628个", "702个"),
            ("立案审查调查", "196件", "205件"),
            ("立案审查调查", "196人", "201人"),
            ("处理", "899人次", "956人次"),
            ("追责问责了不正确履职干部", "13人", "9人"),
            ("政法系统", "23人", "17人"),
            ("仅张高一案就", "14名", "11名"),
            ("侵害群众利益的不正之风和腐败问题", "72件", "64件"),
            ("侵害群众利益的不正之风和腐败问题", "113人", "97人"),
            ("区委延伸巡察", "27个", "33个"),
        ])
    );
    let unchanged = of("unchanged");
    assert_eq!(unchanged.len(), 16);
    assert!(unchanged.contains(&("党纪政务处分".into(), "146人".into(), "146人".into())));
    assert!(unchanged.contains(&("批评教育".into(), "8人次".into(), "8人次".into())));
    assert!(of("appeared").is_empty() && of("disappeared").is_empty());
    // The unchanged figures of 2020 in the 2021 report, each with the 2020
    // place related; not the small counts (8人次), not the approximation
    // (80%以上), not 中央八项规定.
    let warnings: Vec<(String, u64, u64, String, u64)> = j["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            assert_eq!(
                (
                    w["rule"].as_str(),
                    w["severity"].as_str(),
                    w["category"].as_str()
                ),
                (Some("unchanged-figure"), Some("warning"), Some("figures"))
            );
            let r = &w["related"][0];
            assert_eq!(r["text"], w["text"]);
            (
                w["text"].as_str().unwrap().to_string(),
                w["line"].as_u64().unwrap(),
                w["column"].as_u64().unwrap(),
                r["label"].as_str().unwrap().to_string(),
                r["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let p = "上一版 previous version".to_string();
    assert_eq!(
        warnings,
        [
            ("53项".to_string(), 7, 42, p.clone(), 6),
            ("57件".to_string(), 7, 94, p.clone(), 6),
            ("172人次".to_string(), 7, 112, p.clone(), 6),
            ("40个".to_string(), 7, 189, p.clone(), 6),
            ("146人".to_string(), 8, 42, p.clone(), 7),
            ("16个".to_string(), 14, 218, p.clone(), 13),
        ]
    );
    assert_eq!(
        j["warnings"][4]["message"],
        "“党纪政务处分146人”与上一版（2020年）完全相同，而报告已是2021年的：请核对这项数据是否已经更新"
    );
    // v2 of the same year's report: the same figures raise nothing.
    let dir = TempDir::new("same-year");
    let v2 = std::fs::read_to_string(OLD)
        .unwrap()
        .replace("发现问题628个", "发现问题630个");
    let v2 = dir.write("2020-v2.txt", &v2);
    let (code, j) = diff_json(OLD, &v2);
    assert_eq!(code, Some(0));
    assert_eq!(j["warnings"].as_array().unwrap().len(), 0);
    assert_eq!(
        j["figures"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["status"] == "changed")
            .count(),
        1
    );
}

#[test]
fn diff_paragraphs_inserting_near_the_top_moves_nothing_else() {
    let (_, j) = diff_json(OLD, NEW);
    let p = &j["paragraphs"];
    assert_eq!(
        (
            p["same"].as_u64(),
            p["changed"].as_u64(),
            p["inserted"].as_u64(),
            p["deleted"].as_u64()
        ),
        (Some(12), Some(9), Some(1), Some(0))
    );
    let changes: Vec<(String, Option<u64>, Option<u64>)> = p["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["status"].as_str().unwrap().to_string(),
                c["old_line"].as_u64(),
                c["new_line"].as_u64(),
            )
        })
        .collect();
    let c = |s: &str, o: Option<u64>, n: Option<u64>| (s.to_string(), o, n);
    assert_eq!(
        changes,
        [
            c("changed", Some(1), Some(1)),
            c("changed", Some(2), Some(2)),
            c("inserted", None, Some(3)),
            c("changed", Some(3), Some(4)),
            c("changed", Some(5), Some(6)),
            c("changed", Some(6), Some(7)),
            c("changed", Some(7), Some(8)),
            c("changed", Some(14), Some(15)),
            c("changed", Some(15), Some(16)),
            c("changed", Some(20), Some(21)),
        ]
    );
    // The changed characters of the anti-corruption paragraph.
    let seg: Vec<(String, String)> = p["changes"][6]["segments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["op"] != "same")
        .map(|s| {
            (
                s["op"].as_str().unwrap().to_string(),
                s["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let d = |o: &str, t: &str| (o.to_string(), t.to_string());
    assert_eq!(
        seg,
        [
            d("deleted", "2020"),
            d("inserted", "2021"),
            d("deleted", "196"),
            d("inserted", "205"),
            d("deleted", "196"),
            d("inserted", "201"),
            d("deleted", "899"),
            d("inserted", "956")
        ]
    );

    // A paragraph put on top of a whole report: one insertion, no other change.
    let dir = TempDir::new("top");
    let report = std::fs::read_to_string("tests/fixtures/corpus/000-3_town_analysis.txt").unwrap();
    let old = dir.write("old.txt", &report);
    let new = dir.write(
        "new.txt",
        &format!("根据镇党委统一部署，现将有关情况报告如下。\n{report}"),
    );
    let (code, j) = diff_json(&old, &new);
    assert_eq!(code, Some(0));
    let p = &j["paragraphs"];
    let paragraphs = report.lines().filter(|l| !l.trim().is_empty()).count() as u64;
    assert_eq!(
        (
            p["same"].as_u64(),
            p["changed"].as_u64(),
            p["inserted"].as_u64(),
            p["deleted"].as_u64()
        ),
        (Some(paragraphs), Some(0), Some(1), Some(0))
    );
    assert_eq!(p["changes"][0]["new_line"], 1);
    assert_eq!(j["findings"]["new"].as_array().unwrap().len(), 0);
    assert_eq!(j["findings"]["fixed"].as_array().unwrap().len(), 0);
    assert!(j["figures"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["status"] == "unchanged"));
}

#[test]
fn diff_text_output() {
    let o = run(&["diff", OLD, NEW]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], format!("比较 {OLD} → {NEW}（2020年 → 2021年）"));
    assert_eq!(lines[1], "问题：新增 3，已改正 4，仍未改正 300");
    assert!(out.contains(&format!(
        "\n  {NEW}:21:277: 错误[placeholder] 未填写的占位符“XX”"
    )));
    assert!(out.contains("\n数据：变化 11，未变 16，新出现 0，不再出现 0\n"));
    assert!(out.contains("\n  变化  立案审查调查：196件（第7行） → 205件（第8行）\n"));
    assert!(out.contains(&format!("\n需要核对：\n  {NEW}:7:42: 警告[unchanged-figure] “我区细化53项”与上一版（2020年）完全相同")));
    assert!(out.contains("\n段落：未改 12，修改 9，新增 1，删除 0\n"));
    assert!(out.contains("\n  ~ 第7行 → 第8行：(二)正风反腐更加有力。[-2020-]{+2021+}年,全区立案审查调查[-196-]{+205+}件[-196-]{+201+}人,"));
    assert!(out.contains("\n  + 第3行：根据区委统一部署,"));
    let en = stdout(&run(&["diff", "--lang", "en", OLD, NEW]));
    assert!(
        en.contains("\nfindings: 3 new, 4 fixed, 300 still open\n"),
        "{en}"
    );
}

#[test]
fn diff_names_an_unreadable_version() {
    let o = run(&["diff", OLD, "tests/fixtures/batch/versions/2022.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim(),
        "draftcheck: tests/fixtures/batch/versions/2022.txt: 文件不存在（no such file）"
    );
    assert!(stdout(&o).is_empty());
    let o = run(&["diff", OLD]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("NEW"), "{}", stderr(&o));
    let o = run(&["diff", &in_folder("04-县财政局/总结.docx"), NEW]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("总结.docx: 文件已损坏"),
        "{}",
        stderr(&o)
    );
    assert!(Path::new(NEW).exists());
}
