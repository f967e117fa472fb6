//! Settings passed into the analysis (never global state).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Config {
    /// Rule ids that are switched off.
    #[serde(default)]
    pub disabled_rules: Vec<String>,
    /// How many threads one analysis may use.
    #[serde(default)]
    pub threads: Threads,
    /// The user's own standard formulations (the web app's Settings), in
    /// addition to the built-in list and the profile's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub formulations: Vec<UserFormulation>,
    /// Phrases the user declares established: never near-misses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub formulation_exceptions: Vec<String>,
    /// The user's dictionary: words never flagged as typos, and their own
    /// typo pairs (Settings, `--dict FILE`).
    #[serde(default, skip_serializing_if = "UserDictionary::is_empty")]
    pub dictionary: UserDictionary,
    /// The word lexicon for the typo and OCR rules (they are silent without
    /// it). Passed in as a value: the CLI loads the embedded data, the web
    /// app the separately fetched asset.
    #[serde(skip)]
    pub words: crate::text::words::Words,
}

/// A user's dictionary (Settings, a profile's `dictionary`, `--dict FILE`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserDictionary {
    /// Words never to flag (names, local terms).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<String>,
    /// The user's own typos: (wrong, right).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pairs: Vec<TypoPair>,
}

/// One of the user's own typos.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TypoPair {
    pub wrong: String,
    pub right: String,
}

impl UserDictionary {
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.pairs.is_empty()
    }

    /// Adds the entries of `other`.
    pub fn extend(&mut self, other: &UserDictionary) {
        self.words.extend(other.words.iter().cloned());
        self.pairs.extend(other.pairs.iter().cloned());
    }

    /// Reads the text form: one entry a line, a word never to flag, or a
    /// pair `错词 -> 正词` (or `错词 => 正词`). Blank lines and lines starting
    /// with # are skipped. The error names the line (1-based).
    pub fn parse_lines(text: &str) -> Result<UserDictionary, String> {
        let mut d = UserDictionary::default();
        for (n, line) in text.lines().enumerate() {
            let l = line.trim().trim_start_matches('\u{FEFF}');
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            let arrow = l
                .find("->")
                .map(|i| (i, 2))
                .or(l.find("=>").map(|i| (i, 2)));
            match arrow {
                Some((i, len)) => {
                    let wrong = l[..i].trim();
                    let right = l[i + len..].trim();
                    if wrong.is_empty()
                        || right.is_empty()
                        || right.contains("->")
                        || right.contains("=>")
                    {
                        return Err(format!(
                            "第 {} 行：应写成“错词 -> 正词”（line {}: expected `wrong -> right`）：{l}",
                            n + 1,
                            n + 1
                        ));
                    }
                    if wrong == right {
                        return Err(format!(
                            "第 {} 行：错词与正词相同（line {}: wrong and right are the same）：{l}",
                            n + 1,
                            n + 1
                        ));
                    }
                    d.pairs.push(TypoPair {
                        wrong: wrong.to_string(),
                        right: right.to_string(),
                    });
                }
                None => {
                    if l.chars().any(char::is_whitespace) {
                        return Err(format!(
                            "第 {} 行：一行只写一个词（line {}: one word a line）：{l}",
                            n + 1,
                            n + 1
                        ));
                    }
                    d.words.push(l.to_string());
                }
            }
        }
        Ok(d)
    }
}

/// A standard formulation added by a user, in a profile (`formulations`)
/// or in Settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserFormulation {
    /// The canonical wording.
    pub phrase: String,
    /// The document it comes from (shown in the message).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// The document's date, "YYYY-MM" (or "YYYY").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub date: String,
    /// The members of a named enumeration, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
}

impl UserFormulation {
    /// Reads the Settings' text form: one a line, `phrase|source|date`
    /// (source and date optional). Blank lines and lines starting with #
    /// are skipped.
    pub fn parse_lines(text: &str) -> Vec<UserFormulation> {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| {
                let mut parts = l.split(['|', '｜']).map(str::trim);
                UserFormulation {
                    phrase: parts.next().unwrap_or("").to_string(),
                    source: parts.next().unwrap_or("").to_string(),
                    date: parts.next().unwrap_or("").to_string(),
                    members: Vec::new(),
                }
            })
            .filter(|f| !f.phrase.is_empty())
            .collect()
    }

    /// The line [`parse_lines`](Self::parse_lines) reads back.
    pub fn to_line(&self) -> String {
        let mut l = self.phrase.clone();
        if !self.source.is_empty() || !self.date.is_empty() {
            l.push('|');
            l.push_str(&self.source);
        }
        if !self.date.is_empty() {
            l.push('|');
            l.push_str(&self.date);
        }
        l
    }
}

/// "2024-07" → (2024, 7); "2024" → (2024, 0). None for anything else.
pub fn parse_year_month(s: &str) -> Option<(u32, u32)> {
    let s = s.trim();
    let (y, m) = match s.split_once(['-', '.', '/']) {
        Some((y, m)) => (y, m.parse::<u32>().ok().filter(|m| (1..=12).contains(m))?),
        None => (s, 0),
    };
    let y: u32 = y.parse().ok()?;
    (y.to_string().len() == 4 && (1900..=2100).contains(&y)).then_some((y, m))
}

/// The thread policy, in one place: a large text has its figures read and
/// half of its rules run on a second thread (natively, with a second
/// core); the web build and `--threads 1` keep to one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Threads {
    /// Two for a large text when the machine has a second core.
    #[default]
    Auto,
    /// The calling thread only (the benchmarks compare one thread's cost
    /// with the web build, which has one).
    One,
}

/// Texts from this size on use a second thread: below it, starting a
/// thread costs more than it saves.
pub const PARALLEL_BYTES: usize = 256 * 1024;

impl Config {
    pub fn enabled(&self, rule: &str) -> bool {
        !self.disabled_rules.iter().any(|r| r == rule)
    }

    /// Whether the analysis of a text of `bytes` runs on two threads.
    pub fn parallel(&self, bytes: usize) -> bool {
        #[cfg(target_arch = "wasm32")]
        {
            let _ = bytes;
            false
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.threads == Threads::Auto
                && bytes >= PARALLEL_BYTES
                && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dictionary_file_reads_words_and_pairs_and_names_a_bad_line() {
        let d =
            UserDictionary::parse_lines("# 本单位\n张家湾\n\n按排 -> 安排\n布署=>部署\n").unwrap();
        assert_eq!(d.words, vec!["张家湾"]);
        assert_eq!(
            d.pairs,
            vec![
                TypoPair {
                    wrong: "按排".into(),
                    right: "安排".into()
                },
                TypoPair {
                    wrong: "布署".into(),
                    right: "部署".into()
                },
            ]
        );
        let e = UserDictionary::parse_lines("好词\n按排 ->\n").unwrap_err();
        assert!(e.contains("第 2 行"), "{e}");
        let e = UserDictionary::parse_lines("两个 词\n").unwrap_err();
        assert!(
            e.contains("第 1 行") && e.contains("one word a line"),
            "{e}"
        );
    }
}
