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

pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
