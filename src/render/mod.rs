//! Renderers: the CLI's JSON contract and the human-readable text format,
//! and the CSV and printable HTML the web app exports.

mod csv;
mod html;
mod json;
mod text;

pub use csv::csv;
pub use html::{escape_html, html_report};
pub use json::{
    json, write_analyses_json, write_analyses_json_skipped, write_json, AnalysisFile, FileError,
    FileMeta, FileReport, JsonOutput,
};
pub use text::{text, verdict_en, verdict_zh};
