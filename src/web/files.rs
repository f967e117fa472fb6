//! Reading a picked or dropped file into text. Legacy Chinese encodings are
//! decoded by the browser's TextDecoder, so the wasm ships no tables.

use super::state::{Action, Notice};
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

/// Turns a file's bytes into the action that loads it (or reports why not).
pub fn load(name: String, bytes: &[u8]) -> Action {
    match crate::load::load(&name, bytes, &browser_gb18030, &Limits::default()) {
        Ok(l) => {
            let notice = (!l.notes.is_empty()).then(|| Notice {
                error: false,
                zh: format!(
                    "{name}：{}",
                    l.notes
                        .iter()
                        .map(|(zh, _)| zh.as_str())
                        .collect::<Vec<_>>()
                        .join("；")
                ),
                en: format!(
                    "{name}: {}",
                    l.notes
                        .iter()
                        .map(|(_, en)| en.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            });
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
