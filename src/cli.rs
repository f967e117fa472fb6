//! The `draftcheck` command line (native only).

use clap::{Args, Parser, Subcommand, ValueEnum};
use draftcheck::decode::{self, Limits, LoadError};
use draftcheck::load::{self, Loaded};
use draftcheck::render::{self, AnalysisFile, FileError, FileMeta};
use draftcheck::{analysis, Analysis, Config, Profile, ProfileChoice, Threads};
use std::io::{Read, Write};
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
    /// 检查文件 (check files): .txt, .md, .docx; - 读取标准输入 (stdin)
    Check(CheckArgs),
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
    /// 要检查的文件；- 表示标准输入 (files to check; - for stdin)
    #[arg(required = true, value_name = "FILE")]
    files: Vec<String>,
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
    files: Vec<String>,
}

impl CheckArgs {
    fn into_options(self) -> Result<Options, String> {
        let mut limits = Limits::default();
        if let Some(mb) = self.max_size {
            limits.max_bytes = mb.saturating_mul(1024 * 1024);
        }
        Ok(Options {
            format: self.format,
            profile: load_profile(&self.profile)?,
            english: self.lang == Language::En,
            limits,
            timing: self.timing,
            single_thread: self.threads == Some(1),
            files: self.files,
        })
    }
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
    let bytes = if path == "-" {
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
        let meta = std::fs::metadata(path).map_err(|e| io_error(&e))?;
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
        std::fs::File::open(path)
            .and_then(|f| f.take(limits.max_bytes as u64 + 1).read_to_end(&mut buf))
            .map_err(|e| io_error(&e))?;
        buf
    };
    load::load(path, &bytes, &gb18030, limits)
}

fn io_error(e: &std::io::Error) -> LoadError {
    match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::new("文件不存在", "no such file"),
        std::io::ErrorKind::PermissionDenied => LoadError::new("没有读取权限", "permission denied"),
        _ => LoadError::new(format!("无法读取：{e}"), format!("cannot read: {e}")),
    }
}

fn check(opts: &Options) -> ExitCode {
    let config = Config {
        threads: if opts.single_thread {
            Threads::One
        } else {
            Threads::Auto
        },
        ..Config::default()
    };
    let mut loaded: Vec<(String, Loaded)> = Vec::new();
    let mut errors: Vec<(String, String)> = Vec::new();
    for path in &opts.files {
        match read_input(path, &opts.limits) {
            Ok(l) => loaded.push((path.clone(), l)),
            Err(e) => {
                let name = if path == "-" {
                    "<stdin>"
                } else {
                    path.as_str()
                };
                eprintln!("draftcheck: {name}: {e}");
                errors.push((path.clone(), e.to_string()));
            }
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
    let written = match opts.format {
        Format::Json => {
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
            render::write_analyses_json(&mut w, 1, &files, &errors_out).and_then(|_| writeln!(w))
        }
        Format::Text => results.iter().try_for_each(|(p, l, a)| {
            for (zh, en) in &l.notes {
                let note = if opts.english { en } else { zh };
                writeln!(w, "{p}: {note}")?;
            }
            write!(w, "{}", render::text(p, &a.report(), opts.english))
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
        Command::Rules => {
            for r in draftcheck::rules::RULES {
                let (zh, en) = draftcheck::rules::explanation(r.id);
                println!("## {} ({})\n\n{zh}\n\n{en}\n", r.id, r.category.id());
            }
            ExitCode::SUCCESS
        }
        Command::Profiles => {
            for p in Profile::builtins() {
                println!("{}\t{}\t{}", p.id, p.name_zh, p.name_en);
            }
            ExitCode::SUCCESS
        }
    }
}
