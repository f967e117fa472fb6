//! The web page's analysis engine: the whole analysis, every rule, as a
//! WebAssembly module of its own with a plain C interface (no JS glue).
//!
//! The page's own module draws the UI and makes the first results with a
//! few rules (`rules::RULES` under `cfg(web_page)`), so that its download
//! stays small. This module is fetched after the first results, like the
//! lexicon, and from then on makes every report: in the analysis worker,
//! and on the page for what the page analyses itself (a batch, the older
//! version of a comparison, `wasmBindings`). Built for speed, not size
//! (`profile.engine`): it is not in the initial download.
//!
//! The questions and answers are the worker's (`web::remote`): a request
//! as JSON beside the text, an answer as JSON beside the encoded findings.
//! The host copies its input into buffers it gets from `dc_alloc`; the
//! engine takes them over and frees them. An answer waits in the engine's
//! two output slots (`dc_out_ptr`, `dc_out_len`) until the next call. A
//! staged question's first stage is handed to the host's `env.dc_early`
//! (json, findings) while the engine goes on.
//!
//! `www/tools/engine.sh` builds it; `src/web/engine.rs` is the page's side.

#![cfg_attr(target_arch = "wasm32", no_main)]

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "draftcheck-engine is the web page's engine: build it for wasm32 (www/tools/engine.sh)"
    );
    std::process::exit(2);
}

#[cfg(target_arch = "wasm32")]
mod abi {
    use draftcheck::memo::Memo;
    use draftcheck::text::words::{Lexicon, Words};
    use std::sync::Arc;

    pub struct Engine {
        words: Words,
        memo: Memo,
        out: [Vec<u8>; 2],
    }

    extern "C" {
        fn dc_early(json: *const u8, json_len: usize, findings: *const u8, findings_len: usize);
    }

    /// Takes over a buffer from `dc_alloc`.
    unsafe fn take(ptr: *mut u8, len: usize) -> Vec<u8> {
        Box::from_raw(std::ptr::slice_from_raw_parts_mut(ptr, len)).into_vec()
    }

    unsafe fn take_str(ptr: *mut u8, len: usize) -> Option<String> {
        String::from_utf8(take(ptr, len)).ok()
    }

    #[no_mangle]
    pub extern "C" fn dc_alloc(len: usize) -> *mut u8 {
        Box::into_raw(vec![0u8; len].into_boxed_slice()).cast()
    }

    #[no_mangle]
    pub extern "C" fn dc_new() -> *mut Engine {
        Box::into_raw(Box::new(Engine {
            words: Words::default(),
            memo: Memo::new(),
            out: Default::default(),
        }))
    }

    /// The lexicon (words.bin's bytes): 1 when read, 0 when damaged (the
    /// typo and OCR rules then stay silent).
    #[no_mangle]
    pub unsafe extern "C" fn dc_words(e: *mut Engine, ptr: *mut u8, len: usize) -> u32 {
        let e = &mut *e;
        match Lexicon::parse(&take(ptr, len)) {
            Ok(lexicon) => {
                e.words = Words(Some(Arc::new(lexicon)));
                1
            }
            Err(_) => 0,
        }
    }

    /// Answers a question (`web::remote::answer`): 1 with the answer in
    /// the output slots (0: JSON, 1: findings), 0 for a request it cannot
    /// read.
    #[no_mangle]
    pub unsafe extern "C" fn dc_answer(
        e: *mut Engine,
        text: *mut u8,
        text_len: usize,
        request: *mut u8,
        request_len: usize,
    ) -> u32 {
        let e = &mut *e;
        let (Some(text), Some(request)) =
            (take_str(text, text_len), take_str(request, request_len))
        else {
            return 0;
        };
        let early = |json: String, findings: Vec<u8>| {
            dc_early(json.as_ptr(), json.len(), findings.as_ptr(), findings.len());
        };
        match draftcheck::web::remote::answer(&text, &request, &e.words, &e.memo, early) {
            Some((json, findings)) => {
                e.out = [json.into_bytes(), findings];
                1
            }
            None => 0,
        }
    }

    /// The number of findings in the text, analysed as the CLI's `--timing`
    /// measures it (the benchmark's `count_findings`).
    #[no_mangle]
    pub unsafe extern "C" fn dc_count(e: *mut Engine, text: *mut u8, text_len: usize) -> u32 {
        let e = &mut *e;
        let Some(text) = take_str(text, text_len) else {
            return 0;
        };
        let config = draftcheck::Config {
            words: e.words.clone(),
            ..draftcheck::Config::default()
        };
        draftcheck::analysis(
            &text,
            &draftcheck::ProfileChoice::Auto,
            &config,
            &draftcheck::Hints::default(),
        )
        .len() as u32
    }

    /// Every rule's explanation, as JSON `[[id, zh, en], …]` in slot 0.
    #[no_mangle]
    pub unsafe extern "C" fn dc_docs(e: *mut Engine) -> u32 {
        let e = &mut *e;
        e.out[0] = serde_json::to_vec(draftcheck::rules::RULE_DOCS).unwrap_or_default();
        1
    }

    #[no_mangle]
    pub unsafe extern "C" fn dc_out_ptr(e: *mut Engine, slot: usize) -> *const u8 {
        (*e).out.get(slot).map_or(std::ptr::null(), |v| v.as_ptr())
    }

    #[no_mangle]
    pub unsafe extern "C" fn dc_out_len(e: *mut Engine, slot: usize) -> usize {
        (*e).out.get(slot).map_or(0, Vec::len)
    }
}
