//! The editor: a textarea to type or paste into, and a file picker.

use super::i18n::Lang;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub text: Rc<str>,
    pub file_name: Option<String>,
    pub lang: Lang,
    pub on_input: Callback<String>,
    /// A file picked with the file button; the app reads it (as it reads dropped files).
    pub on_pick: Callback<web_sys::File>,
}

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let lang = props.lang;
    let oninput = props
        .on_input
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
    let onchange = {
        let pick = props.on_pick.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|l| l.get(0)) {
                pick.emit(file);
            }
            input.set_value("");
        })
    };
    html! {
        <section class="editor-pane" aria-label={lang.t("草稿", "Draft")}>
            <div class="toolbar">
                <label class="file-button">
                    {lang.t("打开文件…", "Open file…")}
                    <input type="file" data-testid="file-input" accept=".txt,.md,.text,.docx,text/plain" {onchange} />
                </label>
                <span class="hint">
                    { props.file_name.clone().unwrap_or_else(|| lang.t("或粘贴文字、拖入文件", "or paste text, or drop a file").to_string()) }
                </span>
            </div>
            <textarea data-testid="editor" class="editor" spellcheck="false"
                placeholder={lang.t("把报告草稿粘贴到这里…", "Paste the draft report here…")}
                aria-label={lang.t("报告草稿", "Draft text")}
                value={props.text.to_string()} {oninput} />
        </section>
    }
}
