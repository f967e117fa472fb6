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

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod batch_view;
#[cfg(target_arch = "wasm32")]
mod compare;
#[cfg(target_arch = "wasm32")]
mod dictionary;
#[cfg(target_arch = "wasm32")]
mod download;
#[cfg(target_arch = "wasm32")]
mod editor;
#[cfg(target_arch = "wasm32")]
mod export;
#[cfg(target_arch = "wasm32")]
mod files;
#[cfg(target_arch = "wasm32")]
mod fillin;
#[cfg(target_arch = "wasm32")]
mod findings;
#[cfg(target_arch = "wasm32")]
mod formulations;
#[cfg(target_arch = "wasm32")]
mod highlights;
#[cfg(target_arch = "wasm32")]
mod layout;
#[cfg(target_arch = "wasm32")]
mod lexicon_asset;
#[cfg(target_arch = "wasm32")]
mod outline;
#[cfg(target_arch = "wasm32")]
mod picked;
#[cfg(target_arch = "wasm32")]
mod profiles;
#[cfg(target_arch = "wasm32")]
mod progressive;
#[cfg(target_arch = "wasm32")]
mod storage;
#[cfg(target_arch = "wasm32")]
mod summary;
#[cfg(target_arch = "wasm32")]
mod word_export;
#[cfg(target_arch = "wasm32")]
mod worker;

#[cfg(target_arch = "wasm32")]
pub use wasm::*;

#[cfg(target_arch = "wasm32")]
mod wasm {
    /// `window.wasmBindings.analyze_json(text)`: the CLI's JSON output for the
    /// text, for pages that embed the checker.
    #[wasm_bindgen::prelude::wasm_bindgen]
    pub fn analyze_json(text: &str) -> String {
        input_json(&crate::analyze_auto(text))
    }

    /// A parsed lexicon (words.bin's bytes), for `analyze_json_with`: held
    /// by the caller, not by the module.
    #[wasm_bindgen::prelude::wasm_bindgen]
    pub struct LexiconHandle(crate::text::words::Words);

    #[wasm_bindgen::prelude::wasm_bindgen]
    impl LexiconHandle {
        #[wasm_bindgen::prelude::wasm_bindgen(constructor)]
        pub fn new(bytes: &[u8]) -> Result<LexiconHandle, String> {
            crate::text::words::Lexicon::parse(bytes)
                .map(|l| LexiconHandle(crate::text::words::Words(Some(std::sync::Arc::new(l)))))
                .map_err(|e| e.to_string())
        }
    }

    /// `window.wasmBindings.analyze_json_with(text, lexicon)`: as
    /// `analyze_json`, with the typo and OCR rules' lexicon, as the CLI runs.
    #[wasm_bindgen::prelude::wasm_bindgen]
    pub fn analyze_json_with(text: &str, lexicon: &LexiconHandle) -> String {
        let config = crate::Config {
            words: lexicon.0.clone(),
            ..crate::Config::default()
        };
        input_json(&crate::analyze_with(
            text,
            &crate::ProfileChoice::Auto,
            &config,
            &crate::Hints::default(),
        ))
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

    /// `window.wasmBindings.count_findings(text)`: the analysis alone, as the
    /// CLI's `--timing` measures it natively (`analysis()`, findings located,
    /// none turned into a report entry yet), for the benchmark.
    #[wasm_bindgen::prelude::wasm_bindgen]
    pub fn count_findings(text: &str) -> usize {
        crate::analysis(
            text,
            &crate::ProfileChoice::Auto,
            &crate::Config::default(),
            &crate::Hints::default(),
        )
        .len()
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
