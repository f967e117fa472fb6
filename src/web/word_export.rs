//! The Word downloads of the export panel: for a .docx upload, the
//! original with a comment on each finding, and the original with the
//! user's fixes and fill-ins as tracked changes; for other input, the
//! text as a plain .docx. The bytes come from the core (`crate::word`);
//! this file only keeps the uploaded .docx and starts the downloads.

use super::download::download_bytes;
use super::i18n::Lang;
use super::shared::Shared;
use crate::docx::FixMode;
use crate::Report;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The .docx the text was read from: its name, bytes and text as read.
struct Source {
    name: String,
    bytes: Rc<[u8]>,
    text: Rc<str>,
}

thread_local! {
    // Kept out of the app state: the bytes are only needed for these
    // downloads, and the state is cloned on every action.
    static SOURCE: RefCell<Option<Source>> = const { RefCell::new(None) };
}

/// Called for every file opened: keeps a .docx, forgets anything else.
pub fn remember(name: &str, bytes: &[u8], format: &str, text: &str) {
    SOURCE.with(|s| {
        *s.borrow_mut() = (format == "docx").then(|| Source {
            name: name.to_string(),
            bytes: Rc::from(bytes),
            text: Rc::from(text),
        });
    });
}

fn source(file_name: &Option<String>) -> Option<(Rc<[u8]>, Rc<str>)> {
    SOURCE.with(|s| {
        s.borrow()
            .as_ref()
            .filter(|src| file_name.as_deref() == Some(src.name.as_str()))
            .map(|src| (src.bytes.clone(), src.text.clone()))
    })
}

const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

fn now() -> String {
    // 2025-03-01T08:30:00.000Z → without the milliseconds, as Word writes.
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    match iso.split_once('.') {
        Some((head, _)) => format!("{head}Z"),
        None => iso,
    }
}

#[derive(Properties, PartialEq)]
pub struct WordExportProps {
    pub text: Rc<str>,
    pub report: Shared<Report>,
    /// The findings shown (not ignored), as indices into the report.
    pub visible: Rc<Vec<usize>>,
    pub file_name: Option<String>,
    pub base: String,
    pub lang: Lang,
    /// The report is a first stage (the wording rules' warnings to come):
    /// a comment on each finding would leave them out.
    #[prop_or_default]
    pub partial: bool,
}

/// What went wrong, or what was left out. An alert rather than the
/// page's notice bar: the bar belongs to the app state, which these
/// downloads leave alone.
fn tell(lang: Lang, zh: &str, en: &str) {
    let msg = if lang == Lang::En { en } else { zh };
    let _ = gloo::utils::window().alert_with_message(msg);
}

#[function_component(WordExport)]
pub fn word_export(props: &WordExportProps) -> Html {
    let lang = props.lang;
    let Some((bytes, original)) = source(&props.file_name) else {
        let (text, base) = (props.text.clone(), props.base.clone());
        let plain = Callback::from(move |_| {
            download_bytes(
                &format!("{base}.docx"),
                DOCX_MIME,
                &crate::docx::plain(&text),
            );
        });
        return html! {
            <button type="button" data-testid="download-docx" disabled={props.text.trim().is_empty()} onclick={plain}>{lang.t("Word 文档（.docx）", "Word document (.docx)")}</button>
        };
    };
    let annotated = {
        let (bytes, original, text, report, visible, base) = (
            bytes.clone(),
            original.clone(),
            props.text.clone(),
            props.report.clone(),
            props.visible.clone(),
            props.base.clone(),
        );
        Callback::from(move |_| {
            let findings: Vec<&crate::Finding> = visible
                .iter()
                .filter_map(|&i| report.findings.get(i))
                .collect();
            match crate::word::annotated_copy(&bytes, &original, &text, &findings, Some(&now())) {
                Ok(out) => download_bytes(&format!("{base}-带批注.docx"), DOCX_MIME, &out.bytes),
                Err(e) => tell(lang, &e.message, &e.message_en),
            }
        })
    };
    let fixed = {
        let (base, text) = (props.base.clone(), props.text.clone());
        Callback::from(move |_| {
            match crate::word::fixed_copy(&bytes, &original, &text, FixMode::Tracked, Some(&now()))
            {
                Ok(out) => {
                    download_bytes(&format!("{base}-修订.docx"), DOCX_MIME, &out.bytes);
                    if !out.skipped.is_empty() {
                        let n = out.skipped.len();
                        tell(
                            lang,
                            &format!("有 {n} 处修改没有写入 Word 文档：{}", out.skipped[0].zh),
                            &format!(
                                "{n} changes were not written into the Word document: {}",
                                out.skipped[0].en
                            ),
                        );
                    }
                }
                Err(e) => tell(lang, &e.message, &e.message_en),
            }
        })
    };
    html! {
        <>
            <button type="button" data-testid="download-docx-annotated" disabled={props.partial} onclick={annotated}>{lang.t("带批注的 Word 文档", "Word document with comments")}</button>
            <button type="button" data-testid="download-docx-fixed" onclick={fixed}>{lang.t("修改后的 Word 文档（修订模式）", "Fixed Word document (tracked changes)")}</button>
        </>
    }
}
