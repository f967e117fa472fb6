//! The `draftcheck` command line (native only).

use draftcheck::decode::{self, Limits, LoadError};
use draftcheck::load::{self, Loaded};
use draftcheck::render::{self, AnalysisFile, FileError, FileMeta};
use draftcheck::{analysis, Analysis, Config, Hints, Profile, ProfileChoice};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
稿检 DraftCheck — 报告草稿检查工具

用法 Usage:
  draftcheck check [--format text|json] [--profile ID|FILE.json] [--lang zh|en] [--max-size MB] [--threads 1|2] [--timing] FILE...
  draftcheck rules            列出所有规则及说明 (list the rules)
  draftcheck profiles         列出内置报告类型 (list built-in profiles)

FILE 为 - 时读取标准输入 (use - for stdin).
退出码 Exit codes: 0 无错误 no errors; 1 有错误 errors found; 2 文件无法读取 a file could not be read.";

enum Format {
    Text,
    Json,
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

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut opts = Options {
        format: Format::Text,
        profile: ProfileChoice::Auto,
        english: false,
        limits: Limits::default(),
        timing: false,
        single_thread: false,
        files: Vec::new(),
    };
    let mut i = 0;
    let value = |i: &mut usize, name: &str| -> Result<String, String> {
        *i += 1;
        args.get(*i)
            .cloned()
            .ok_or_else(|| format!("{name} 需要一个值 ({name} needs a value)"))
    };
    while i < args.len() {
        let arg = args[i].as_str();
        let (key, inline) = match arg.split_once('=') {
            Some((k, v)) if k.starts_with("--") => (k, Some(v.to_string())),
            _ => (arg, None),
        };
        match key {
            "--format" | "-f" => {
                let v = inline.map_or_else(|| value(&mut i, key), Ok)?;
                opts.format = match v.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    other => return Err(format!("未知格式 unknown format: {other}")),
                };
            }
            "--profile" | "-p" => {
                let v = inline.map_or_else(|| value(&mut i, key), Ok)?;
                opts.profile = load_profile(&v)?;
            }
            "--lang" => {
                let v = inline.map_or_else(|| value(&mut i, key), Ok)?;
                opts.english = v == "en";
            }
            "--max-size" => {
                let v = inline.map_or_else(|| value(&mut i, key), Ok)?;
                let mb: usize = v
                    .parse()
                    .map_err(|_| format!("--max-size 需要整数 MB (needs whole MB): {v}"))?;
                opts.limits.max_bytes = mb.saturating_mul(1024 * 1024);
            }
            "--timing" => opts.timing = true,
            "--threads" => {
                let v = inline.map_or_else(|| value(&mut i, key), Ok)?;
                opts.single_thread = match v.as_str() {
                    "1" => true,
                    "2" => false,
                    _ => return Err(format!("--threads 只能是 1 或 2 (must be 1 or 2): {v}")),
                };
            }
            "-" => opts.files.push("-".into()),
            s if s.starts_with('-') && s.len() > 1 => {
                return Err(format!("未知选项 unknown option: {s}"))
            }
            _ => opts.files.push(arg.to_string()),
        }
        i += 1;
    }
    if opts.files.is_empty() {
        return Err("没有给出要检查的文件 (no FILE given)".into());
    }
    Ok(opts)
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
    let config = Config::default();
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
            let hints = Hints {
                single_thread: opts.single_thread,
                ..l.hints.clone()
            };
            let a = analysis(&l.text, &opts.profile, &config, &hints);
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
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => match parse_args(&args[1..]) {
            Ok(opts) => check(&opts),
            Err(e) => {
                eprintln!("draftcheck: {e}\n\n{USAGE}");
                ExitCode::from(2)
            }
        },
        Some("rules") => {
            for r in draftcheck::rules::RULES {
                let (zh, en) = draftcheck::rules::explanation(r.id);
                println!("## {} ({})\n\n{zh}\n\n{en}\n", r.id, r.category.id());
            }
            ExitCode::SUCCESS
        }
        Some("profiles") => {
            for p in Profile::builtins() {
                println!("{}\t{}\t{}", p.id, p.name_zh, p.name_en);
            }
            ExitCode::SUCCESS
        }
        Some("--version" | "-V") => {
            println!("draftcheck {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
