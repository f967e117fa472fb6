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

/// `window.wasmBindings.analyze_json(text)`: the CLI's JSON output for the
/// text, for pages that embed the checker.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn analyze_json(text: &str) -> String {
    let report = crate::analyze_auto(text);
    crate::render::json(&crate::render::JsonOutput {
        version: 1,
        files: vec![crate::render::FileReport {
            path: "<input>",
            encoding: "utf-8",
            format: "txt",
            notes: Vec::new(),
            report: &report,
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
    // The page's "loading … or the browser is too old" note: the wasm ran.
    if let Some(boot) = gloo::utils::document().get_element_by_id("boot") {
        boot.remove();
    }
    yew::Renderer::<app::App>::new().render();
}
