//! The `draftcheck` command line (native only).

use clap::{Args, Parser, Subcommand, ValueEnum};
use draftcheck::batch::{self, Row, SortKey};
use draftcheck::decode::{self, Limits, LoadError};
use draftcheck::diff;
use draftcheck::load::{self, Loaded};
use draftcheck::render::{self, AnalysisFile, FileError, FileMeta};
use draftcheck::{analysis, Analysis, Config, Profile, ProfileChoice, Threads};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// 稿检 DraftCheck — 报告草稿检查工具 (a report-draft checker).
#[derive(Parser)]
#[command(
    name = "draftcheck",
    bin_name = "draftcheck",
    version,
    about = "稿检 DraftCheck — 报告草稿检查工具 (checks report drafts before they go up the chain)",
    after_help = "退出码 Exit codes: 0 无错误 no errors; 1 有错误 errors found; 2 文件无法读取或参数有误 a file could not be read, or the arguments are wrong."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 检查文件或文件夹 (check files or folders): .txt, .md, .docx; - 读取标准输入 (stdin)
    Check(CheckArgs),
    /// 比较同一报告的两个版本 (compare two versions of a draft): OLD NEW
    Diff(DiffArgs),
    /// 写出带批注的 Word 文档：每个问题一条批注 (write a copy of a .docx with a Word comment on each finding)
    Annotate(WordArgs),
    /// 写出修改后的 Word 文档：默认为修订模式 (write a copy of a .docx with the suggested fixes, as tracked changes by default)
    Fix(FixArgs),
    /// 列出所有规则及说明 (list the rules with their explanations)
    Rules,
    /// 列出内置报告类型 (list the built-in report types)
    Profiles,
}

#[derive(Args)]
struct CheckArgs {
    /// 输出格式 (output format)
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// 报告类型：auto、内置类型的 id，或一个 JSON 文件 (auto, a built-in id, or a JSON file)
    #[arg(short, long, value_name = "ID|FILE.json", default_value = "auto")]
    profile: String,
    /// 文字输出的语言 (language of the text output)
    #[arg(long, value_enum, default_value_t = Language::Zh)]
    lang: Language,
    /// 单个文件的大小上限，MB (the largest file accepted, in MB)
    #[arg(long, value_name = "MB")]
    max_size: Option<usize>,
    /// 分析用的线程数：大文本默认用 2 个 (threads for one analysis; large texts use 2)
    #[arg(long, value_name = "1|2", value_parser = clap::value_parser!(u8).range(1..=2))]
    threads: Option<u8>,
    /// 在标准错误输出每个文件的分析用时 (print each file's analysis time to stderr)
    #[arg(long)]
    timing: bool,
    /// 只输出汇总表：每个文件一行 (print the summary table only, one line per file)
    #[arg(long, conflicts_with = "format")]
    summary: bool,
    /// 汇总表的排序：verdict（最差的在前）、count、name 或类别 id (order of the summary table)
    #[arg(long, value_name = "KEY", default_value = "verdict", requires = "summary", value_parser = parse_sort)]
    sort: SortKey,
    /// 用户词典：每行一个不报的词，或“错词 -> 正词” (user dictionary: a word never to flag a line, or `wrong -> right`)
    #[arg(long, value_name = "FILE")]
    dict: Option<String>,
    /// 要检查的文件或文件夹（递归查找 .txt、.md、.docx）；- 表示标准输入 (files or folders to check; - for stdin)
    #[arg(required = true, value_name = "FILE")]
    files: Vec<String>,
}

fn parse_sort(v: &str) -> Result<SortKey, String> {
    SortKey::from_id(v).ok_or_else(|| {
        let cats: Vec<&str> = draftcheck::Category::ALL.iter().map(|c| c.id()).collect();
        format!(
            "应为 verdict、count、name 或 {} 之一 (one of verdict, count, name, {})",
            cats.join("、"),
            cats.join(", ")
        )
    })
}

#[derive(Args)]
struct DiffArgs {
    /// 输出格式 (output format)
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// 报告类型：auto、内置类型的 id，或一个 JSON 文件 (auto, a built-in id, or a JSON file)
    #[arg(short, long, value_name = "ID|FILE.json", default_value = "auto")]
    profile: String,
    /// 文字输出的语言 (language of the text output)
    #[arg(long, value_enum, default_value_t = Language::Zh)]
    lang: Language,
    /// 单个文件的大小上限，MB (the largest file accepted, in MB)
    #[arg(long, value_name = "MB")]
    max_size: Option<usize>,
    /// 上一版 (the previous version)
    #[arg(value_name = "OLD")]
    old: String,
    /// 这一版 (the new version)
    #[arg(value_name = "NEW")]
    new: String,
}

#[derive(Args)]
struct WordArgs {
    /// 报告类型：auto、内置类型的 id，或一个 JSON 文件 (auto, a built-in id, or a JSON file)
    #[arg(short, long, value_name = "ID|FILE.json", default_value = "auto")]
    profile: String,
    /// 单个文件的大小上限，MB (the largest file accepted, in MB)
    #[arg(long, value_name = "MB")]
    max_size: Option<usize>,
    /// 写出的文件 (the .docx to write)
    #[arg(short, long, value_name = "OUT.docx")]
    output: PathBuf,
    /// 要处理的 Word 文档 (the Word document)
    #[arg(value_name = "IN.docx")]
    input: String,
}

#[derive(Args)]
struct FixArgs {
    #[command(flatten)]
    word: WordArgs,
    /// 直接修改，不留修订记录 (apply the fixes directly, without tracked changes)
    #[arg(long)]
    direct: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Language {
    Zh,
    En,
}

struct Options {
    format: Format,
    profile: ProfileChoice,
    english: bool,
    limits: Limits,
    /// Print each file's analysis time to stderr.
    timing: bool,
    /// `--threads 1`: analyse on one thread (large texts use two).
    single_thread: bool,
    /// `--summary`: the batch table, in this order.
    summary: Option<SortKey>,
    /// `--dict FILE`: the user's dictionary.
    dictionary: draftcheck::config::UserDictionary,
    files: Vec<String>,
}

impl CheckArgs {
    fn into_options(self) -> Result<Options, String> {
        Ok(Options {
            format: self.format,
            profile: load_profile(&self.profile)?,
            english: self.lang == Language::En,
            limits: limits(self.max_size),
            timing: self.timing,
            single_thread: self.threads == Some(1),
            summary: self.summary.then_some(self.sort),
            dictionary: match &self.dict {
                Some(path) => load_dictionary(path)?,
                None => draftcheck::config::UserDictionary::default(),
            },
            files: self.files,
        })
    }
}

fn load_dictionary(path: &str) -> Result<draftcheck::config::UserDictionary, String> {
    let bytes = std::fs::read(path)
        .map_err(|e| format!("{path}: 无法读取词典（cannot read the dictionary）：{e}"))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| format!("{path}: 词典须为 UTF-8 文本（the dictionary must be UTF-8 text）"))?;
    draftcheck::config::UserDictionary::parse_lines(&text).map_err(|e| format!("{path}: {e}"))
}

/// The lexicon embedded in the binary, for the typo and OCR rules.
fn words() -> draftcheck::text::words::Words {
    draftcheck::text::words::Words(Some(draftcheck::text::words::Lexicon::embedded()))
}

fn limits(max_size: Option<usize>) -> Limits {
    let mut limits = Limits::default();
    if let Some(mb) = max_size {
        limits.max_bytes = mb.saturating_mul(1024 * 1024);
    }
    limits
}

fn load_profile(v: &str) -> Result<ProfileChoice, String> {
    if v == "auto" {
        return Ok(ProfileChoice::Auto);
    }
    if let Some(p) = Profile::builtin(v) {
        return Ok(ProfileChoice::Given(p));
    }
    let json = std::fs::read_to_string(v).map_err(|e| {
        let ids: Vec<String> = Profile::builtins().into_iter().map(|p| p.id).collect();
        format!(
            "{v}: 不是内置类型（{}），也无法作为文件读取：{e}",
            ids.join(", ")
        )
    })?;
    Profile::from_json(&json)
        .map(ProfileChoice::Given)
        .map_err(|e| format!("{v}: {e}"))
}

fn gb18030(bytes: &[u8]) -> (String, bool) {
    let (text, _, errors) = encoding_rs::GB18030.decode(bytes);
    (text.into_owned(), errors)
}

/// Reads a file (or stdin for "-") and hands the bytes to the shared loader.
fn read_input(path: &str, limits: &Limits) -> Result<Loaded, LoadError> {
    read_file(path, Path::new(path), limits)
}

/// [`read_input`] of the file at `file`, named `path` in messages.
fn read_file(path: &str, file: &Path, limits: &Limits) -> Result<Loaded, LoadError> {
    let bytes = read_bytes(path, file, limits)?;
    load::load(path, &bytes, &gb18030, limits)
}

fn read_bytes(path: &str, file: &Path, limits: &Limits) -> Result<Vec<u8>, LoadError> {
    Ok(if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .take(limits.max_bytes as u64 + 1)
            .read_to_end(&mut buf)
            .map_err(|e| {
                LoadError::new(
                    format!("无法读取标准输入：{e}"),
                    format!("cannot read stdin: {e}"),
                )
            })?;
        buf
    } else {
        let meta = std::fs::metadata(file).map_err(|e| io_error(&e))?;
        if meta.is_dir() {
            return Err(LoadError::new(
                "这是一个文件夹，不是文件",
                "a directory, not a file",
            ));
        }
        if meta.len() > limits.max_bytes as u64 {
            return Err(decode::too_large(
                usize::try_from(meta.len()).unwrap_or(usize::MAX),
                limits.max_bytes,
            ));
        }
        let mut buf = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0) + 1);
        std::fs::File::open(file)
            .and_then(|f| f.take(limits.max_bytes as u64 + 1).read_to_end(&mut buf))
            .map_err(|e| io_error(&e))?;
        buf
    })
}

fn io_error(e: &std::io::Error) -> LoadError {
    match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::new("文件不存在", "no such file"),
        std::io::ErrorKind::PermissionDenied => LoadError::new("没有读取权限", "permission denied"),
        _ => LoadError::new(format!("无法读取：{e}"), format!("cannot read: {e}")),
    }
}

/// What the arguments name.
struct Inputs {
    /// The files to check, (name, path): the arguments, each folder
    /// replaced by the .txt, .md and .docx files under it (recursively, in
    /// path order).
    files: Vec<(String, PathBuf)>,
    /// How many other files the folders held; None when no folder was given.
    skipped: Option<usize>,
    /// Folders that could not be listed.
    unlisted: Vec<(String, LoadError)>,
}

fn expand(args: &[String]) -> Inputs {
    let mut inputs = Inputs {
        files: Vec::new(),
        skipped: None,
        unlisted: Vec::new(),
    };
    for a in args {
        if a != "-" && std::fs::metadata(a).is_ok_and(|m| m.is_dir()) {
            let n = inputs.skipped.get_or_insert(0);
            walk(Path::new(a), &mut inputs.files, n, &mut inputs.unlisted);
        } else {
            inputs.files.push((a.clone(), PathBuf::from(a)));
        }
    }
    inputs
}

fn walk(
    dir: &Path,
    files: &mut Vec<(String, PathBuf)>,
    skipped: &mut usize,
    errors: &mut Vec<(String, LoadError)>,
) {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd.collect::<Result<Vec<_>, _>>(),
        Err(e) => Err(e),
    };
    let mut entries = match entries {
        Ok(v) => v,
        Err(e) => {
            errors.push((dir.display().to_string(), io_error(&e)));
            return;
        }
    };
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = e.path();
        // Symbolic links to folders are not followed (a link to a parent
        // would never end); links to files are read.
        let Ok(kind) = e.file_type() else { continue };
        if kind.is_dir() {
            walk(&path, files, skipped, errors);
        } else if kind.is_file() || (kind.is_symlink() && path.is_file()) {
            let name = path.display().to_string();
            if batch::is_checkable(&name) {
                files.push((name, path));
            } else {
                *skipped += 1;
            }
        }
    }
}

fn check(opts: &Options) -> ExitCode {
    let config = Config {
        threads: if opts.single_thread {
            Threads::One
        } else {
            Threads::Auto
        },
        dictionary: opts.dictionary.clone(),
        words: words(),
        ..Config::default()
    };
    let mut loaded: Vec<(String, Loaded)> = Vec::new();
    let mut errors: Vec<(String, String)> = Vec::new();
    let mut failures: Vec<Row> = Vec::new();
    let Inputs {
        files,
        skipped,
        unlisted,
    } = expand(&opts.files);
    let mut fail = |path: &str, e: LoadError| {
        let name = if path == "-" { "<stdin>" } else { path };
        eprintln!("draftcheck: {name}: {e}");
        errors.push((path.to_string(), e.to_string()));
        failures.push(Row::unreadable(name, &e));
    };
    for (path, e) in unlisted {
        fail(&path, e);
    }
    for (path, file) in &files {
        match read_file(path, file, &opts.limits) {
            Ok(l) => loaded.push((path.clone(), l)),
            Err(e) => fail(path, e),
        }
    }
    // Files are analysed in the order given; a file that could not be
    // read has its message printed as it is met.
    let results: Vec<(&str, &Loaded, Analysis)> = loaded
        .iter()
        .map(|(p, l)| {
            let started = std::time::Instant::now();
            let a = analysis(&l.text, &opts.profile, &config, &l.hints);
            if opts.timing {
                eprintln!(
                    "draftcheck: {p}: analysed {} bytes in {:.2} ms",
                    l.text.len(),
                    started.elapsed().as_secs_f64() * 1e3
                );
            }
            (p.as_str(), l, a)
        })
        .collect();
    let stdout = std::io::stdout();
    // Large buffer: the JSON of a long draft runs to megabytes.
    let mut w = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let errors_out: Vec<FileError> = errors
        .iter()
        .map(|(p, m)| FileError {
            path: p,
            message: m,
        })
        .collect();
    let failed = results.iter().any(|(_, _, a)| a.summary().error > 0);
    let written = match (opts.summary, opts.format) {
        (Some(key), _) => {
            let mut profiles = Profile::builtins();
            if let ProfileChoice::Given(p) = &opts.profile {
                profiles.push(p.clone());
            }
            let mut rows: Vec<Row> = results
                .iter()
                .map(|(p, _, a)| Row::from_analysis(p, a, &profiles))
                .collect();
            rows.extend(failures);
            let order = batch::order(&rows, key, false);
            write!(
                w,
                "{}",
                batch::text_table(&rows, &order, skipped, opts.english)
            )
        }
        (None, Format::Json) => {
            let files: Vec<AnalysisFile> = results
                .iter()
                .map(|(p, l, a)| AnalysisFile {
                    meta: FileMeta {
                        path: p,
                        encoding: l.encoding,
                        format: l.format,
                        notes: l.notes.iter().map(|(zh, _)| zh.as_str()).collect(),
                    },
                    analysis: a,
                })
                .collect();
            render::write_analyses_json_skipped(&mut w, 1, &files, &errors_out, skipped)
                .and_then(|_| writeln!(w))
        }
        (None, Format::Text) => results
            .iter()
            .try_for_each(|(p, l, a)| {
                for (zh, en) in &l.notes {
                    let note = if opts.english { en } else { zh };
                    writeln!(w, "{p}: {note}")?;
                }
                write!(w, "{}", render::text(p, &a.report(), opts.english))
            })
            .and_then(|_| match skipped {
                Some(n) if n > 0 => writeln!(w, "{}", batch::skipped_note(n, opts.english)),
                _ => Ok(()),
            }),
    };
    if let Err(e) = written.and_then(|_| w.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("draftcheck: {e}");
        }
    }
    // The process ends here: freeing tens of thousands of findings one by
    // one would only delay the exit.
    std::mem::forget(results);
    std::mem::forget(loaded);
    if !errors.is_empty() {
        ExitCode::from(2)
    } else if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn compare(args: DiffArgs) -> ExitCode {
    let choice = match load_profile(&args.profile) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("draftcheck: {e}");
            return ExitCode::from(2);
        }
    };
    let limits = limits(args.max_size);
    let english = args.lang == Language::En;
    let read = |path: &str| {
        read_input(path, &limits).map_err(|e| {
            let name = if path == "-" { "<stdin>" } else { path };
            eprintln!("draftcheck: {name}: {e}");
        })
    };
    let (old, new) = (read(&args.old), read(&args.new));
    let (Ok(old), Ok(new)) = (old, new) else {
        return ExitCode::from(2);
    };
    let config = Config {
        words: words(),
        ..Config::default()
    };
    let old_report = draftcheck::analyze_with(&old.text, &choice, &config, &old.hints);
    let new_report = draftcheck::analyze_with(&new.text, &choice, &config, &new.hints);
    let c = diff::compare(
        &diff::Version {
            text: &old.text,
            hints: &old.hints,
            report: &old_report,
        },
        &diff::Version {
            text: &new.text,
            hints: &new.hints,
            report: &new_report,
        },
    );
    let out = match args.format {
        Format::Json => {
            let o = diff::Side {
                path: &args.old,
                encoding: old.encoding,
                format: old.format,
                profile: &old_report.profile,
                summary: old_report.summary,
            };
            let n = diff::Side {
                path: &args.new,
                encoding: new.encoding,
                format: new.format,
                profile: &new_report.profile,
                summary: new_report.summary,
            };
            diff::json(&o, &n, &c) + "\n"
        }
        Format::Text => diff::text(&args.old, &args.new, &c, english),
    };
    let mut w = std::io::stdout().lock();
    if let Err(e) = w.write_all(out.as_bytes()).and_then(|_| w.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("draftcheck: {e}");
        }
    }
    if c.findings
        .new
        .iter()
        .any(|f| f.severity == draftcheck::Severity::Error)
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Now as `w:date` wants it, in UTC: 2025-03-01T08:30:00Z.
fn utc_now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (days, rest) = (secs / 86_400, secs % 86_400);
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

/// `annotate` and `fix`: read a .docx, check it, write the copy.
fn word(args: &WordArgs, fix: Option<draftcheck::docx::FixMode>) -> ExitCode {
    let fail = |e: &dyn std::fmt::Display| {
        eprintln!("draftcheck: {}: {e}", args.input);
        ExitCode::from(2)
    };
    let choice = match load_profile(&args.profile) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("draftcheck: {e}");
            return ExitCode::from(2);
        }
    };
    let limits = limits(args.max_size);
    let bytes = match read_bytes(&args.input, Path::new(&args.input), &limits) {
        Ok(b) => b,
        Err(e) => return fail(&e),
    };
    // The shared loader refuses what is not a readable .docx with its
    // reason (password-protected, damaged, a .doc renamed .docx, …).
    let loaded = match load::load(&args.input, &bytes, &gb18030, &limits) {
        Ok(l) => l,
        Err(e) => return fail(&e),
    };
    if loaded.format != "docx" {
        return fail(&format!(
            "只能处理 Word 文档（.docx），这个文件是 {} 文字；要检查它请用 draftcheck check（annotate and fix need a Word document (.docx); this is a {} text file: use draftcheck check）",
            loaded.format, loaded.format
        ));
    }
    if std::fs::canonicalize(&args.input).ok() == std::fs::canonicalize(&args.output).ok()
        && args.output.exists()
    {
        return fail(&"输出文件不能是输入文件本身（the output must not overwrite the input）");
    }
    let report = draftcheck::analyze_with(
        &loaded.text,
        &choice,
        &Config {
            words: words(),
            ..Config::default()
        },
        &loaded.hints,
    );
    let findings: Vec<&draftcheck::Finding> = report.findings.iter().collect();
    let date = utc_now();
    let opts = draftcheck::docx::WriteOptions {
        author: draftcheck::word::AUTHOR,
        date: Some(&date),
    };
    let written = match fix {
        None => draftcheck::docx::annotate(
            &bytes,
            &limits,
            &draftcheck::word::comments(&findings),
            &opts,
        ),
        Some(mode) => draftcheck::docx::fix(
            &bytes,
            &limits,
            &draftcheck::word::changes(&findings),
            mode,
            &opts,
        ),
    };
    let out = match written {
        Ok(o) => o,
        Err(e) => return fail(&e),
    };
    if let Err(e) = std::fs::write(&args.output, &out.bytes) {
        eprintln!(
            "draftcheck: {}: 无法写入（cannot write）：{e}",
            args.output.display()
        );
        return ExitCode::from(2);
    }
    let name = args.output.display();
    match fix {
        None => eprintln!(
            "draftcheck: 已写入 {name}：{} 条批注，其中 {} 条标在整段上（wrote {name}: {} comments, {} on whole paragraphs）",
            out.anchored + out.on_paragraph,
            out.on_paragraph,
            out.anchored + out.on_paragraph,
            out.on_paragraph
        ),
        Some(_) => eprintln!(
            "draftcheck: 已写入 {name}：{} 处修改，{} 处未改（wrote {name}: {} changes applied, {} skipped）",
            out.applied,
            out.skipped.len(),
            out.applied,
            out.skipped.len()
        ),
    }
    for s in &out.skipped {
        let shown = loaded.text.get(s.start..s.end).unwrap_or("");
        eprintln!("draftcheck:   未改 skipped “{shown}”：{}（{}）", s.zh, s.en);
    }
    ExitCode::SUCCESS
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version print to stdout and succeed; a wrong
            // argument prints the reason and usage and exits with 2.
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Command::Check(args) => match args.into_options() {
            Ok(opts) => check(&opts),
            Err(e) => {
                eprintln!("draftcheck: {e}");
                ExitCode::from(2)
            }
        },
        Command::Diff(args) => compare(args),
        Command::Annotate(args) => word(&args, None),
        Command::Fix(args) => word(
            &args.word,
            Some(if args.direct {
                draftcheck::docx::FixMode::Direct
            } else {
                draftcheck::docx::FixMode::Tracked
            }),
        ),
        Command::Rules => print(&rules_text()),
        Command::Profiles => {
            let mut out = String::new();
            for p in Profile::builtins() {
                out += &format!("{}\t{}\t{}\n", p.id, p.name_zh, p.name_en);
            }
            print(&out)
        }
    }
}

/// `draftcheck rules`: every rule's explanation, and the sources of the
/// formulations list.
fn rules_text() -> String {
    let mut out = String::new();
    for r in draftcheck::rules::RULES {
        let (zh, en) = draftcheck::rules::explanation(r.id);
        out += &format!("## {} ({})\n\n{zh}\n\n{en}\n\n", r.id, r.category.id());
        if r.id == draftcheck::rules::standard_formulation::RULE.id {
            let l = draftcheck::rules::standard_formulation::list();
            out += &format!(
                "规范表述清单的出处（sources of the list: {} entries, {} exceptions）：\n",
                l.entries.len(),
                l.exceptions.len()
            );
            for s in &l.sources {
                out += &format!("- {}\n", s.line());
            }
            out.push('\n');
        }
    }
    out
}

/// Writes a listing to stdout. A reader that stops early (`| head`) is not
/// an error; any other failure is reported.
fn print(out: &str) -> ExitCode {
    let mut w = std::io::stdout().lock();
    match w.write_all(out.as_bytes()).and_then(|_| w.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("draftcheck: {e}");
            ExitCode::from(2)
        }
    }
}
