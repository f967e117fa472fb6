//! The editor: a textarea to type or paste into, and a file picker.

use super::i18n::Lang;
use gloo::file::callbacks::FileReader;
use gloo::file::File;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub text: Rc<String>,
    pub file_name: Option<String>,
    pub lang: Lang,
    pub on_input: Callback<String>,
    pub on_file: Callback<(String, Vec<u8>)>,
}

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let lang = props.lang;
    // Keeps the pending read alive until it completes.
    let reader: Rc<RefCell<Option<FileReader>>> = use_mut_ref(|| None);
    let oninput = props
        .on_input
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
    let onchange = {
        let cb = props.on_file.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|l| l.get(0)) else {
                return;
            };
            let file = File::from(file);
            let name = file.name();
            let cb = cb.clone();
            let task = gloo::file::callbacks::read_as_bytes(&file, move |res| {
                cb.emit((name, res.unwrap_or_default()))
            });
            *reader.borrow_mut() = Some(task);
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
