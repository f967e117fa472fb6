//! What the page reads after the first results are on screen: the
//! analysis engine (`engine.wasm`, every rule: `engine.rs`) and the typo
//! and OCR rules' lexicon (`words.bin`, 1.3 MB). The page must not wait
//! for them: its own few rules make the first results meanwhile. Served,
//! they are files next to the page; in the single-file build
//! (`draftcheck.html`, opened over file://, which cannot fetch) they are
//! inlined as base64 in `<script type="application/octet-stream">`
//! blocks (`www/tools/single-file.mjs`).

use js_sys::{Function, Promise, WebAssembly};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The engine's module, compiled; `None` when it is missing or damaged
/// (the page's own rules then go on alone).
pub async fn engine() -> Option<WebAssembly::Module> {
    let bytes = asset("engine.wasm", "draftcheck-engine").await?;
    let compiled = JsFuture::from(WebAssembly::compile(&js_sys::Uint8Array::from(&bytes[..])));
    match compiled.await {
        Ok(module) => module.dyn_into().ok(),
        Err(e) => {
            web_sys::console::warn_2(&"engine.wasm:".into(), &e);
            None
        }
    }
}

/// The lexicon's bytes; `None` when it is missing (the two rules then stay
/// silent, the others are unaffected).
pub async fn words() -> Option<Vec<u8>> {
    asset("words.bin", "draftcheck-words").await
}

async fn asset(name: &str, inlined_id: &str) -> Option<Vec<u8>> {
    match inlined(inlined_id) {
        Some(b) => Some(b),
        None => fetched(name).await,
    }
}

fn inlined(id: &str) -> Option<Vec<u8>> {
    let el = gloo::utils::document().get_element_by_id(id)?;
    let b64 = el.text_content()?;
    let binary = gloo::utils::window().atob(b64.trim()).ok()?;
    // atob gives one character per byte, each below 256.
    Some(binary.chars().map(|c| c as u8).collect())
}

async fn fetched(name: &str) -> Option<Vec<u8>> {
    let window = gloo::utils::window();
    if window.location().protocol().is_ok_and(|p| p == "file:") {
        return None;
    }
    let resp = JsFuture::from(window.fetch_with_str(name)).await.ok()?;
    let resp: web_sys::Response = resp.dyn_into().ok()?;
    if !resp.ok() {
        web_sys::console::warn_1(&format!("{name}: HTTP {}", resp.status()).into());
        return None;
    }
    let buf = JsFuture::from(resp.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buf).to_vec())
}

/// `wasmBindings.engine_ready()`'s promise, and how to settle it.
struct Ready {
    promise: Promise,
    resolve: Function,
    reject: Function,
}

thread_local! {
    static READY: Ready = {
        let (mut resolve, mut reject) = (None, None);
        let promise = Promise::new(&mut |yes, no| {
            resolve = Some(yes);
            reject = Some(no);
        });
        // Handled, so that a page without its engine logs no unhandled
        // rejection (the note says it: `Action::EngineMissing`).
        let noop = Closure::<dyn FnMut(JsValue)>::new(|_| {});
        let _ = promise.catch(&noop);
        noop.forget();
        Ready {
            promise,
            resolve: resolve.expect("a Promise calls its executor at once"),
            reject: reject.expect("a Promise calls its executor at once"),
        }
    };
}

/// Resolves once the page's engine is loaded; rejects if it cannot be.
pub async fn ready() -> Result<(), JsValue> {
    let promise = READY.with(|r| r.promise.clone());
    JsFuture::from(promise).await.map(drop)
}

/// The engine has been loaded (or cannot be): the promise settles, and
/// `<html data-engine="ready|failed">` says so (for tests and tools).
pub fn settle(loaded: bool) {
    if let Some(html) = gloo::utils::document().document_element() {
        let _ = html.set_attribute("data-engine", if loaded { "ready" } else { "failed" });
    }
    READY.with(|r| {
        let _ = if loaded {
            r.resolve.call0(&JsValue::NULL)
        } else {
            r.reject.call1(
                &JsValue::NULL,
                &"the analysis engine could not be loaded".into(),
            )
        };
    });
}
