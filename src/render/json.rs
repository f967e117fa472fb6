//! The JSON output, written by hand with serde_json's bytes.

use crate::finding::{Finding, Report};
use crate::{Analysis, FindingRef, RelatedRef};
use serde::Serialize;
use std::io::{self, Write};

/// One checked file in the CLI's JSON output.
#[derive(Debug, Serialize)]
pub struct FileReport<'a> {
    pub path: &'a str,
    pub encoding: &'a str,
    /// "txt", "md" or "docx".
    pub format: &'a str,
    /// What the user should know about reading the file (lossy decoding,
    /// accepted tracked changes …), in Chinese.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    #[serde(flatten)]
    pub report: &'a Report,
}

/// A file that could not be read.
#[derive(Debug, Serialize)]
pub struct FileError<'a> {
    pub path: &'a str,
    pub message: &'a str,
}

#[derive(Debug, Serialize)]
pub struct JsonOutput<'a> {
    pub version: u32,
    pub files: Vec<FileReport<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FileError<'a>>,
}

/// `out` as JSON, as serde_json would write it (tested), by [`write_json`]:
/// the web app then carries no serde serializer for reports.
pub fn json(out: &JsonOutput) -> String {
    let mut buf = Vec::new();
    // Writing to a Vec cannot fail, and the writer emits only UTF-8.
    let _ = write_json(&mut buf, out);
    String::from_utf8(buf).unwrap_or_default()
}

/// Writes `out` as [`json`] does, byte for byte, straight into `w`: the
/// CLI's output for a large text runs to megabytes, and serde's generic
/// path costs more than the analysis of many rules.
pub fn write_json(w: &mut impl Write, out: &JsonOutput) -> io::Result<()> {
    let files = out.files.iter().map(|f| {
        let notes: Vec<&str> = f.notes.iter().map(String::as_str).collect();
        (
            FileMeta {
                path: f.path,
                encoding: f.encoding,
                format: f.format,
                notes,
            },
            f.report,
            Findings::Report(&f.report.findings),
        )
    });
    write_files_json(w, out.version, files, &out.errors, None)
}

/// What the output says of a file besides its report.
pub struct FileMeta<'a> {
    pub path: &'a str,
    pub encoding: &'a str,
    pub format: &'a str,
    /// Chinese notes; omitted from the output when empty.
    pub notes: Vec<&'a str>,
}

/// One analysed file for [`write_analyses_json`].
pub struct AnalysisFile<'a> {
    pub meta: FileMeta<'a>,
    pub analysis: &'a Analysis<'a>,
}

/// [`write_json`] for analyses whose findings were never made owned: the
/// same bytes as the JSON of their reports.
pub fn write_analyses_json(
    w: &mut impl Write,
    version: u32,
    files: &[AnalysisFile],
    errors: &[FileError],
) -> io::Result<()> {
    write_analyses_json_skipped(w, version, files, errors, None)
}

/// [`write_analyses_json`] with a top-level `"skipped":N` after the
/// errors when `skipped` is given: the other files in the folders checked.
pub fn write_analyses_json_skipped(
    w: &mut impl Write,
    version: u32,
    files: &[AnalysisFile],
    errors: &[FileError],
    skipped: Option<usize>,
) -> io::Result<()> {
    let files = files.iter().map(|f| {
        let meta = FileMeta {
            notes: f.meta.notes.clone(),
            ..f.meta
        };
        (meta, f.analysis.head(), Findings::Analysis(f.analysis))
    });
    write_files_json(w, version, files, errors, skipped)
}

fn finding_ref(f: &Finding) -> FindingRef<'_> {
    FindingRef {
        rule: &f.rule,
        category: f.category,
        severity: f.severity,
        start: f.start,
        end: f.end,
        line: f.line,
        column: f.column,
        text: &f.text,
        message: &f.message,
        message_en: &f.message_en,
        suggestion: f.suggestion.as_deref(),
        byte_start: f.byte_start,
        byte_end: f.byte_end,
        context: f.context.as_deref(),
        related: f
            .related
            .iter()
            .map(|r| RelatedRef {
                start: r.start,
                end: r.end,
                line: r.line,
                column: r.column,
                text: &r.text,
                label: &r.label,
            })
            .collect(),
        aggregate: f.aggregate,
        place: f.place.as_ref(),
    }
}

/// Where a file's findings are written from.
#[derive(Clone, Copy)]
enum Findings<'a> {
    Report(&'a [Finding]),
    Analysis(&'a Analysis<'a>),
}

impl<'a> Findings<'a> {
    fn len(self) -> usize {
        match self {
            Findings::Report(f) => f.len(),
            Findings::Analysis(a) => a.len(),
        }
    }

    fn get(self, k: usize) -> Option<FindingRef<'a>> {
        match self {
            Findings::Report(f) => f.get(k).map(finding_ref),
            Findings::Analysis(a) => a.finding(k),
        }
    }
}

/// The output document: (file, report head, its findings) per file. The
/// head's own `findings` are not written; `findings` are.
fn write_files_json<'a>(
    w: &mut impl Write,
    version: u32,
    files: impl Iterator<Item = (FileMeta<'a>, &'a Report, Findings<'a>)>,
    errors: &[FileError],
    skipped: Option<usize>,
) -> io::Result<()> {
    let mut j = Json {
        w,
        buf: Vec::with_capacity(Json::<Vec<u8>>::CHUNK + 4096),
        chunk: Json::<Vec<u8>>::CHUNK,
    };
    j.raw("{\"version\":")?;
    j.uint(version as usize)?;
    j.raw(",\"files\":[")?;
    for (k, (meta, head, findings)) in files.enumerate() {
        j.sep(k)?;
        j.raw("{\"path\":")?;
        j.str(meta.path)?;
        j.raw(",\"encoding\":")?;
        j.str(meta.encoding)?;
        j.raw(",\"format\":")?;
        j.str(meta.format)?;
        if !meta.notes.is_empty() {
            j.raw(",\"notes\":[")?;
            for (i, n) in meta.notes.iter().enumerate() {
                j.sep(i)?;
                j.str(n)?;
            }
            j.raw("]")?;
        }
        j.raw(",")?;
        j.report_fields(head, findings)?;
        j.raw("}")?;
    }
    j.raw("]")?;
    if !errors.is_empty() {
        j.raw(",\"errors\":[")?;
        for (k, e) in errors.iter().enumerate() {
            j.sep(k)?;
            j.raw("{\"path\":")?;
            j.str(e.path)?;
            j.raw(",\"message\":")?;
            j.str(e.message)?;
            j.raw("}")?;
        }
        j.raw("]")?;
    }
    if let Some(n) = skipped {
        j.raw(",\"skipped\":")?;
        j.uint(n)?;
    }
    j.raw("}")?;
    j.flush()
}

/// True when one of the eight bytes may be a control character, `"` or
/// `\\` (never false when one is; sometimes true when none is).
fn may_need_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    let quote = zero_byte(w ^ (ONES * u64::from(b'"')));
    let backslash = zero_byte(w ^ (ONES * u64::from(b'\\')));
    below_space | quote | backslash != 0
}

/// A compact JSON writer with serde_json's formatting and escaping. It
/// fills a buffer of its own and hands it on in chunks of `chunk` bytes.
struct Json<'w, W: Write> {
    w: &'w mut W,
    buf: Vec<u8>,
    chunk: usize,
}

impl<W: Write> Json<'_, W> {
    /// Small enough to stay in the caches, large enough that each write
    /// to the output is worth its call.
    const CHUNK: usize = 1 << 18;

    fn raw(&mut self, s: &str) -> io::Result<()> {
        self.bytes(s.as_bytes())
    }

    fn bytes(&mut self, b: &[u8]) -> io::Result<()> {
        self.buf.extend_from_slice(b);
        if self.buf.len() >= self.chunk {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.w.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }

    fn sep(&mut self, k: usize) -> io::Result<()> {
        if k > 0 {
            self.raw(",")?;
        }
        Ok(())
    }

    fn uint(&mut self, v: usize) -> io::Result<()> {
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        let mut v = v;
        loop {
            i -= 1;
            buf[i] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        self.bytes(&buf[i..])
    }

    fn opt_uint(&mut self, v: Option<usize>) -> io::Result<()> {
        match v {
            Some(v) => self.uint(v),
            None => self.raw("null"),
        }
    }

    fn bool(&mut self, v: bool) -> io::Result<()> {
        self.raw(if v { "true" } else { "false" })
    }

    /// A string, escaped as serde_json does: `"`, `\\` and control
    /// characters; everything else (non-ASCII included) as is.
    fn str(&mut self, s: &str) -> io::Result<()> {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let bytes = s.as_bytes();
        self.buf.push(b'"');
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            // Eight bytes at a time while none needs escaping (most text).
            if let Some(word) = bytes.get(i..i + 8) {
                let mut w = [0u8; 8];
                w.copy_from_slice(word);
                if !may_need_escape(u64::from_le_bytes(w)) {
                    i += 8;
                    continue;
                }
            }
            let b = bytes[i];
            i += 1;
            let esc: &[u8] = match b {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                0x08 => b"\\b",
                0x0C => b"\\f",
                0x00..=0x1F => b"",
                _ => continue,
            };
            self.buf.extend_from_slice(&bytes[start..i - 1]);
            if esc.is_empty() {
                let u = [
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(b >> 4)],
                    HEX[usize::from(b & 0xF)],
                ];
                self.buf.extend_from_slice(&u);
            } else {
                self.buf.extend_from_slice(esc);
            }
            start = i;
        }
        self.buf.extend_from_slice(&bytes[start..]);
        self.bytes(b"\"")
    }

    fn report_fields(&mut self, r: &Report, findings: Findings) -> io::Result<()> {
        self.raw("\"profile\":")?;
        self.str(&r.profile)?;
        self.raw(",\"profile_reason\":")?;
        self.str(&r.profile_reason)?;
        self.raw(",\"summary\":{\"error\":")?;
        self.uint(r.summary.error)?;
        self.raw(",\"warning\":")?;
        self.uint(r.summary.warning)?;
        self.raw(",\"info\":")?;
        self.uint(r.summary.info)?;
        self.raw("},\"sections\":[")?;
        for (k, s) in r.sections.iter().enumerate() {
            self.sep(k)?;
            self.raw("{\"id\":")?;
            self.str(&s.id)?;
            self.raw(",\"title\":")?;
            self.str(&s.title)?;
            self.raw(",\"required\":")?;
            self.bool(s.required)?;
            self.raw(",\"found\":")?;
            self.bool(s.found)?;
            self.raw(",\"line\":")?;
            self.opt_uint(s.line)?;
            if let Some(h) = &s.heading {
                self.raw(",\"heading\":")?;
                self.str(h)?;
            }
            if let Some(p) = s.part {
                self.raw(",\"part\":")?;
                self.uint(p)?;
            }
            self.raw("}")?;
        }
        self.raw("],\"findings\":[")?;
        self.findings(findings)?;
        self.raw("],\"outline\":[")?;
        for (k, o) in r.outline.iter().enumerate() {
            self.sep(k)?;
            self.raw("{\"level\":")?;
            self.uint(usize::from(o.level))?;
            self.raw(",\"title\":")?;
            self.str(&o.title)?;
            self.raw(",\"line\":")?;
            self.uint(o.line)?;
            self.raw(",\"start\":")?;
            self.uint(o.start)?;
            self.raw(",\"byte\":")?;
            self.uint(o.byte)?;
            self.raw("}")?;
        }
        self.raw("],\"chars\":")?;
        self.uint(r.chars)?;
        if r.reports > 1 {
            self.raw(",\"reports\":")?;
            self.uint(r.reports)?;
        }
        Ok(())
    }

    /// The findings, comma-separated.
    fn findings(&mut self, findings: Findings) -> io::Result<()> {
        self.finding_range(findings, 0, findings.len())
    }

    /// Findings `from..to`, each after a comma but the very first.
    fn finding_range(&mut self, findings: Findings, from: usize, to: usize) -> io::Result<()> {
        for k in from..to {
            if let Some(f) = findings.get(k) {
                self.sep(k)?;
                self.finding(&f)?;
            }
        }
        Ok(())
    }

    fn finding(&mut self, f: &FindingRef) -> io::Result<()> {
        self.raw("{\"rule\":")?;
        self.str(f.rule)?;
        self.raw(",\"category\":\"")?;
        self.raw(f.category.id())?;
        self.raw("\",\"severity\":\"")?;
        self.raw(f.severity.id())?;
        self.raw("\",\"start\":")?;
        self.uint(f.start)?;
        self.raw(",\"end\":")?;
        self.uint(f.end)?;
        self.raw(",\"line\":")?;
        self.uint(f.line)?;
        self.raw(",\"column\":")?;
        self.uint(f.column)?;
        self.raw(",\"text\":")?;
        self.str(f.text)?;
        self.raw(",\"message\":")?;
        self.str(f.message)?;
        self.raw(",\"message_en\":")?;
        self.str(f.message_en)?;
        self.raw(",\"suggestion\":")?;
        match f.suggestion {
            Some(s) => self.str(s)?,
            None => self.raw("null")?,
        }
        self.raw(",\"byte_start\":")?;
        self.uint(f.byte_start)?;
        self.raw(",\"byte_end\":")?;
        self.uint(f.byte_end)?;
        if let Some(c) = f.context {
            self.raw(",\"context\":")?;
            self.str(c)?;
        }
        if !f.related.is_empty() {
            self.raw(",\"related\":[")?;
            for (k, r) in f.related.iter().enumerate() {
                self.sep(k)?;
                self.raw("{\"start\":")?;
                self.uint(r.start)?;
                self.raw(",\"end\":")?;
                self.uint(r.end)?;
                self.raw(",\"line\":")?;
                self.uint(r.line)?;
                self.raw(",\"column\":")?;
                self.uint(r.column)?;
                self.raw(",\"text\":")?;
                self.str(r.text)?;
                if !r.label.is_empty() {
                    self.raw(",\"label\":")?;
                    self.str(r.label)?;
                }
                self.raw("}")?;
            }
            self.raw("]")?;
        }
        if let Some(a) = f.aggregate {
            self.raw(",\"aggregate\":")?;
            self.uint(a)?;
        }
        if let Some(p) = f.place {
            self.raw(",\"where\":{\"path\":[")?;
            for (k, h) in p.path.iter().enumerate() {
                self.sep(k)?;
                self.str(h)?;
            }
            self.raw("],\"paragraph\":")?;
            self.uint(p.paragraph)?;
            self.raw("}")?;
        }
        self.raw("}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_writer_matches_serde() {
        let texts = [
            "共有XX人，\"引号\"。\t\r\n\u{1}\u{8}\u{c}\u{1f}\u{7f}\\ /",
            include_str!("../../tests/fixtures/corpus/000_template_collection.txt"),
            include_str!("../../tests/fixtures/figures/parts-exceed-total.txt"),
            include_str!("../../tests/fixtures/structure/self_check.txt"),
            include_str!("../../tests/fixtures/placeholders/must_flag.txt"),
            "",
        ];
        let reports: Vec<Report> = texts.iter().map(|t| crate::analyze_auto(t)).collect();
        let out = JsonOutput {
            version: 1,
            files: reports
                .iter()
                .enumerate()
                .map(|(k, r)| FileReport {
                    path: "a\"b\\c.txt",
                    encoding: "utf-8",
                    format: "docx",
                    notes: (0..k % 3).map(|n| format!("说明{n}\"")).collect(),
                    report: r,
                })
                .collect(),
            errors: vec![FileError {
                path: "missing\n.txt",
                message: "文件不存在",
            }],
        };
        assert_eq!(json(&out), serde_json::to_string(&out).unwrap());
        let none = JsonOutput {
            version: 1,
            files: Vec::new(),
            errors: Vec::new(),
        };
        assert_eq!(json(&none), serde_json::to_string(&none).unwrap());
    }

    /// A template collection repeated: tens of thousands of findings.
    fn long_text() -> String {
        include_str!("../../tests/fixtures/corpus/000_template_collection.txt").repeat(12)
    }

    fn long_analysis(text: &str) -> crate::Analysis<'_> {
        let a = crate::analysis(
            text,
            &crate::ProfileChoice::Auto,
            &crate::Config::default(),
            &crate::Hints::default(),
        );
        assert!(a.len() >= 4096, "{} findings", a.len());
        a
    }

    /// A long list is written in chunks: the bytes are still serde's.
    #[test]
    fn long_finding_lists_are_written_like_serde() {
        let text = long_text();
        let a = long_analysis(&text);
        let mut mine = Vec::new();
        let meta = FileMeta {
            path: "big.txt",
            encoding: "utf-8",
            format: "txt",
            notes: vec!["说明"],
        };
        write_analyses_json(&mut mine, 1, &[AnalysisFile { meta, analysis: &a }], &[]).unwrap();
        let report = a.report();
        let want = JsonOutput {
            version: 1,
            files: vec![FileReport {
                path: "big.txt",
                encoding: "utf-8",
                format: "txt",
                notes: vec!["说明".to_string()],
                report: &report,
            }],
            errors: Vec::new(),
        };
        assert_eq!(
            String::from_utf8(mine).unwrap(),
            serde_json::to_string(&want).unwrap()
        );
    }

    /// An output that fails partway (a closed pipe, a full disk) ends the
    /// writer with the error.
    #[test]
    fn a_failing_output_stops_the_writer() {
        struct FailsAfter(usize);
        impl Write for FailsAfter {
            fn write(&mut self, b: &[u8]) -> io::Result<usize> {
                if self.0 < b.len() {
                    return Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"));
                }
                self.0 -= b.len();
                Ok(b.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let text = long_text();
        let a = long_analysis(&text);
        let meta = || FileMeta {
            path: "big.txt",
            encoding: "utf-8",
            format: "txt",
            notes: Vec::new(),
        };
        // Early (in this thread's first block), and late (after several of
        // the helper's blocks have been handed over).
        for limit in [1000, 3_000_000] {
            let mut out = FailsAfter(limit);
            let files = [AnalysisFile {
                meta: meta(),
                analysis: &a,
            }];
            let err = write_analyses_json(&mut out, 1, &files, &[]).unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
        }
    }

    #[test]
    fn json_strings_escape_like_serde() {
        let pieces = [
            "a", "中", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{8}", "\u{b}", "\u{c}", "\u{1f}",
            " ", "\u{7f}", "é", "😀", "/", "\u{2028}",
        ];
        let mut seed = 7u64;
        for len in 0..64 {
            for _ in 0..20 {
                let mut s = String::new();
                for _ in 0..len {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    s.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
                }
                let mut buf = Vec::new();
                let mut j = Json {
                    w: &mut buf,
                    buf: Vec::new(),
                    chunk: 16,
                };
                j.str(&s).unwrap();
                j.flush().unwrap();
                assert_eq!(
                    String::from_utf8(buf).unwrap(),
                    serde_json::to_string(&s).unwrap()
                );
            }
        }
    }
}
