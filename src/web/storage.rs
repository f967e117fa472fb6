//! What the app remembers in localStorage: settings, custom profiles,
//! ignored findings per document, and the draft only when the user asks.

use super::prefs::{doc_key, Settings};
use super::state::Stored;
use crate::Profile;
use gloo::storage::{LocalStorage, Storage};
use std::collections::BTreeSet;

const SETTINGS: &str = "draftcheck.settings";
const PROFILES: &str = "draftcheck.profiles";
const DRAFT: &str = "draftcheck.draft";
const IGNORES: &str = "draftcheck.ignores.";

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

pub fn load_ignores(text: &str) -> BTreeSet<String> {
    LocalStorage::get(format!("{IGNORES}{}", doc_key(text))).unwrap_or_default()
}

/// Saves a document's ignore list under its key (`prefs::doc_key`).
pub fn save_ignores(doc: &str, keys: &BTreeSet<String>) {
    let key = format!("{IGNORES}{doc}");
    if keys.is_empty() {
        LocalStorage::delete(key);
    } else {
        let _ = LocalStorage::set(key, keys);
    }
}

/// Everything the app starts from: the settings, the user's profiles and,
/// when the user asked for it, the draft.
pub fn stored() -> Stored {
    let settings = load_settings();
    let draft = if settings.remember_draft {
        load_draft()
    } else {
        String::new()
    };
    Stored {
        settings,
        custom_profiles: load_custom_profiles(),
        draft,
    }
}
