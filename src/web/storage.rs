//! What the app remembers in localStorage: settings, custom profiles,
//! ignored findings per document, and the draft only when the user asks.

use super::i18n::Lang;
use crate::Profile;
use gloo::storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

const SETTINGS: &str = "draftcheck.settings";
const PROFILES: &str = "draftcheck.profiles";
const DRAFT: &str = "draftcheck.draft";
const IGNORES: &str = "draftcheck.ignores.";

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
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::Zh,
            profile: "auto".into(),
            theme: "auto".into(),
            remember_draft: false,
        }
    }
}

pub fn load_settings() -> Settings {
    LocalStorage::get(SETTINGS).unwrap_or_default()
}

pub fn save_settings(s: &Settings) {
    let _ = LocalStorage::set(SETTINGS, s);
}

pub fn load_custom_profiles() -> Vec<Profile> {
    LocalStorage::get(PROFILES).unwrap_or_default()
}

pub fn save_custom_profiles(p: &[Profile]) {
    let _ = LocalStorage::set(PROFILES, p);
}

pub fn load_draft() -> String {
    LocalStorage::get(DRAFT).unwrap_or_default()
}

pub fn save_draft(text: &str) {
    let _ = LocalStorage::set(DRAFT, text);
}

pub fn clear_draft() {
    LocalStorage::delete(DRAFT);
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

pub fn load_ignores(text: &str) -> BTreeSet<String> {
    LocalStorage::get(format!("{IGNORES}{}", doc_key(text))).unwrap_or_default()
}

pub fn save_ignores(text: &str, keys: &BTreeSet<String>) {
    let key = format!("{IGNORES}{}", doc_key(text));
    if keys.is_empty() {
        LocalStorage::delete(key);
    } else {
        let _ = LocalStorage::set(key, keys);
    }
}
