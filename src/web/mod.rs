//! The web app (wasm32 only): a thin Yew UI over the analysis core. It holds
//! no analysis logic; it calls `analyze_with` and renders the report.

mod app;
mod editor;
mod files;
mod findings;
mod highlights;
mod i18n;
mod outline;
mod state;

pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
