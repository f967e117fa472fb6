//! The web app (wasm32 only): a thin Yew UI over the analysis core. It holds
//! no analysis logic; it calls `analyze_with` and renders the report.

mod app;
mod download;
mod editor;
mod export;
mod files;
mod fillin;
mod findings;
mod highlights;
mod i18n;
mod outline;
mod profiles;
mod state;
mod storage;
mod summary;

/// `window.wasmBindings.analyze_json(text)`: the analysis as the CLI's JSON
/// report, for the benchmark script and for pages that embed the checker.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn analyze_json(text: &str) -> String {
    serde_json::to_string(&crate::analyze_auto(text)).unwrap_or_default()
}

pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
