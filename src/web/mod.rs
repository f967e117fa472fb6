//! The web app: a thin Yew UI over the analysis core. It holds no analysis
//! logic; it calls `analyze_with` and renders the report.
//!
//! The state, its reducer and the pure helpers compile on every target and
//! are tested natively; the components and the browser's storage are
//! wasm32 only.

pub mod batch;
pub mod i18n;
pub mod prefs;
pub mod remote;
pub mod runs;
pub mod shared;
pub mod state;
pub mod wire;

#[cfg(web_page)]
mod app;
#[cfg(web_page)]
mod batch_view;
#[cfg(web_page)]
mod compare;
#[cfg(web_page)]
mod dictionary;
#[cfg(web_page)]
mod download;
#[cfg(web_page)]
mod editor;
#[cfg(web_page)]
mod export;
#[cfg(web_page)]
mod files;
#[cfg(web_page)]
mod fillin;
#[cfg(web_page)]
mod findings;
#[cfg(web_page)]
mod formulations;
#[cfg(web_page)]
mod highlights;
#[cfg(web_page)]
mod layout;
#[cfg(web_page)]
mod outline;
#[cfg(web_page)]
mod picked;
#[cfg(web_page)]
mod profiles;
#[cfg(web_page)]
mod progressive;
#[cfg(web_page)]
mod storage;
#[cfg(web_page)]
mod summary;
#[cfg(web_page)]
mod word_export;
#[cfg(web_page)]
mod worker;

#[cfg(web_page)]
mod deferred;
#[cfg(web_page)]
mod engine;
#[cfg(web_page)]
pub use wasm::*;

/// The report the page makes itself (not the worker's): in the browser,
/// the engine's once it is loaded (`engine.rs`).
pub fn analyze_here(
    text: &str,
    choice: &crate::ProfileChoice,
    config: &crate::Config,
    hints: &crate::Hints,
) -> crate::Report {
    #[cfg(web_page)]
    return engine::report(text, choice, config, hints);
    #[cfg(not(web_page))]
    crate::analyze_with(text, choice, config, hints)
}

#[cfg(web_page)]
mod wasm {
    use wasm_bindgen::prelude::*;

    /// `window.wasmBindings.analyze_json(text)`: the CLI's JSON output for the
    /// text, for pages that embed the checker. Until the engine is loaded
    /// (`engine_ready`) it holds the first results' rules' findings only.
    #[wasm_bindgen]
    pub fn analyze_json(text: &str) -> String {
        input_json(&super::analyze_here(
            text,
            &crate::ProfileChoice::Auto,
            &crate::Config::default(),
            &crate::Hints::default(),
        ))
    }

    /// `await window.wasmBindings.engine_ready()`: resolves once the
    /// analysis engine is loaded (every rule, the lexicon given), rejects
    /// if it cannot be.
    #[wasm_bindgen]
    pub async fn engine_ready() -> Result<(), JsValue> {
        super::deferred::ready().await
    }

    /// The lexicon (words.bin's bytes), for `analyze_json_with`: it goes to
    /// the engine, which must be loaded (`engine_ready`).
    #[wasm_bindgen]
    pub struct LexiconHandle(());

    #[wasm_bindgen]
    impl LexiconHandle {
        #[wasm_bindgen(constructor)]
        pub fn new(bytes: &[u8]) -> Result<LexiconHandle, String> {
            let engine = super::engine::loaded()
                .ok_or("the analysis engine is not loaded yet: await engine_ready()")?;
            if engine.words(bytes) {
                Ok(LexiconHandle(()))
            } else {
                Err("words.bin is damaged".to_string())
            }
        }
    }

    /// `window.wasmBindings.analyze_json_with(text, lexicon)`: as
    /// `analyze_json`, with the typo and OCR rules' lexicon, as the CLI runs.
    #[wasm_bindgen]
    pub fn analyze_json_with(text: &str, lexicon: &LexiconHandle) -> String {
        let _ = lexicon;
        analyze_json(text)
    }

    /// The CLI's JSON output for one pasted text's report.
    fn input_json(report: &crate::Report) -> String {
        crate::render::json(&crate::render::JsonOutput {
            version: 1,
            files: vec![crate::render::FileReport {
                path: "<input>",
                encoding: "utf-8",
                format: "txt",
                notes: Vec::new(),
                report,
            }],
            errors: Vec::new(),
        })
    }

    /// `window.wasmBindings.count_findings(text)`: the engine's analysis
    /// alone, as the CLI's `--timing` measures it natively (`analysis()`,
    /// findings located, none turned into a report entry yet), for the
    /// benchmark; 0 before the engine is loaded.
    #[wasm_bindgen]
    pub fn count_findings(text: &str) -> usize {
        super::engine::loaded()
            .and_then(|e| e.count(text))
            .unwrap_or(0)
    }

    pub fn start() {
        // The same module runs the analysis worker (worker.rs).
        if super::worker::in_worker() {
            super::worker::serve();
            return;
        }
        // The page's "loading … or the browser is too old" note: the wasm ran.
        if let Some(boot) = gloo::utils::document().get_element_by_id("boot") {
            boot.remove();
        }
        yew::Renderer::<super::app::App>::new().render();
    }
}
