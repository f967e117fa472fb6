//! What the app remembers, as values: the settings and the key a
//! document's ignore list is stored under. Reading and writing them is
//! `storage`'s (the browser's localStorage); this module is pure.

use super::i18n::Lang;
use crate::config::{Config, UserDictionary, UserFormulation};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lang: Lang,
    /// "auto" or a profile id.
    pub profile: String,
    /// "auto" (follow the system), "light" or "dark".
    pub theme: String,
    /// Keep the draft text in this browser (off by default).
    pub remember_draft: bool,
    /// The user's own standard formulations and established phrases
    /// (Settings → 规范表述), passed to the analysis in its `Config`.
    pub formulations: Vec<UserFormulation>,
    pub formulation_exceptions: Vec<String>,
    /// The user's dictionary (Settings → 用户词典): words never flagged as
    /// typos, and their own typo pairs.
    pub dictionary: UserDictionary,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::Zh,
            profile: "auto".into(),
            theme: "auto".into(),
            remember_draft: false,
            formulations: Vec::new(),
            formulation_exceptions: Vec::new(),
            dictionary: UserDictionary::default(),
        }
    }
}

impl Settings {
    /// The analysis settings these settings ask for.
    pub fn config(&self) -> Config {
        Config {
            formulations: self.formulations.clone(),
            formulation_exceptions: self.formulation_exceptions.clone(),
            dictionary: self.dictionary.clone(),
            ..Config::default()
        }
    }
}

/// A document's identity for its ignore list: a hash of its first line (the
/// title), which survives edits to the body.
pub fn doc_key(text: &str) -> String {
    let title = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in title.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}
