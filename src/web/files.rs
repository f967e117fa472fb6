//! Reading a picked or dropped file into text. Legacy Chinese encodings are
//! decoded by the browser's TextDecoder, so the wasm ships no tables.

use super::state::{Action, Notice};
use crate::decode::{self, Limits};
use crate::Hints;
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
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".doc") || lower.ends_with(".wps") {
        return Action::LoadFailed {
            name,
            zh: "旧版 .doc/.wps 文件无法读取，请另存为 .docx".into(),
            en: "legacy .doc/.wps files cannot be read; save as .docx".into(),
        };
    }
    match decode::decode(bytes, &browser_gb18030, &Limits::default()) {
        Ok(d) => {
            let notice = d.lossy.then(|| Notice {
                error: false,
                zh: format!("{name}：部分字节无法解码，已替换为 �"),
                en: format!("{name}: some bytes could not be decoded and were replaced by �"),
            });
            Action::Loaded {
                name,
                text: d.text,
                hints: Hints::default(),
                format: "txt",
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
