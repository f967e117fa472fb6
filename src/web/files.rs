//! Reading a picked or dropped file into text. Legacy Chinese encodings are
//! decoded by the browser's TextDecoder, so the wasm ships no tables.

use super::state::Action;
use crate::decode::Limits;
use web_sys::{TextDecoder, TextDecoderOptions};

fn browser_gb18030(bytes: &[u8]) -> (String, bool) {
    let opts = TextDecoderOptions::new();
    opts.set_fatal(true);
    let strict = TextDecoder::new_with_label_and_options("gb18030", &opts)
        .ok()
        .and_then(|d| d.decode_with_u8_array(bytes).ok());
    match strict {
        Some(text) => (text, false),
        None => {
            let lossy = TextDecoder::new_with_label("gb18030")
                .ok()
                .and_then(|d| d.decode_with_u8_array(bytes).ok())
                .unwrap_or_else(|| String::from_utf8_lossy(bytes).into_owned());
            (lossy, true)
        }
    }
}

/// Reads a file's bytes into text, as the CLI does.
pub fn read(name: &str, bytes: &[u8]) -> Result<crate::load::Loaded, crate::load::LoadError> {
    crate::load::load(name, bytes, &browser_gb18030, &Limits::default())
}

/// Turns a file's bytes into the action that loads it (or reports why not).
pub fn load(name: String, bytes: &[u8]) -> Action {
    let read = read(&name, bytes);
    // The Word downloads write into the .docx itself (word_export.rs).
    match &read {
        Ok(l) => super::word_export::remember(&name, bytes, l.format, &l.text),
        Err(_) => super::word_export::remember(&name, &[], "", ""),
    }
    match read {
        Ok(l) => {
            let notice = super::batch::notes_notice(&name, &l.notes);
            Action::Loaded {
                name,
                text: l.text,
                hints: l.hints,
                format: l.format,
                notice,
            }
        }
        Err(e) => Action::LoadFailed {
            name,
            zh: e.message,
            en: e.message_en,
        },
    }
}
