//! The word lexicon of the typo and OCR rules, read after the first
//! results are on screen (it is 1.3 MB; the page must not wait for it).
//! Served, it is `words.bin` next to the page; in the single-file build
//! (`draftcheck.html`, opened over file://, which cannot fetch) it is
//! inlined as base64 in a `<script type="application/octet-stream">`.

use crate::text::words::{Lexicon, Words};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The element `www/tools/single-file.mjs` writes the inlined asset into.
const INLINED: &str = "draftcheck-words";

/// The lexicon's bytes; `None` when it is missing (the two rules then stay
/// silent, the others are unaffected).
pub async fn bytes() -> Option<Vec<u8>> {
    match inlined() {
        Some(b) => Some(b),
        None => fetched().await,
    }
}

/// The parsed lexicon, for a page that analyses on its own; `None` when it
/// is damaged.
pub fn parse(bytes: &[u8]) -> Option<Words> {
    match Lexicon::parse(bytes) {
        Ok(lexicon) => Some(Words(Some(Arc::new(lexicon)))),
        Err(e) => {
            web_sys::console::warn_1(&format!("words.bin: {e}").into());
            None
        }
    }
}

fn inlined() -> Option<Vec<u8>> {
    let el = gloo::utils::document().get_element_by_id(INLINED)?;
    let b64 = el.text_content()?;
    let binary = gloo::utils::window().atob(b64.trim()).ok()?;
    // atob gives one character per byte, each below 256.
    Some(binary.chars().map(|c| c as u8).collect())
}

async fn fetched() -> Option<Vec<u8>> {
    let window = gloo::utils::window();
    if window.location().protocol().is_ok_and(|p| p == "file:") {
        return None;
    }
    let resp = JsFuture::from(window.fetch_with_str("words.bin"))
        .await
        .ok()?;
    let resp: web_sys::Response = resp.dyn_into().ok()?;
    if !resp.ok() {
        return None;
    }
    let buf = JsFuture::from(resp.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buf).to_vec())
}
