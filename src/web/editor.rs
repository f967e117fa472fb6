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
    pub text: AttrValue,
    pub lang: Lang,
    pub on_input: Callback<String>,
    pub on_file: Callback<(String, Vec<u8>)>,
}

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let lang = props.lang;
    // Keeps the pending read alive until it completes.
    let reader: Rc<RefCell<Option<FileReader>>> = use_mut_ref(|| None);
    let oninput = {
        let cb = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            cb.emit(area.value());
        })
    };
    let onchange = {
        let cb = props.on_file.clone();
        let reader = reader.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|l| l.get(0)) else {
                return;
            };
            let file = File::from(file);
            let name = file.name();
            let cb = cb.clone();
            let task = gloo::file::callbacks::read_as_bytes(&file, move |res| {
                cb.emit((name, res.unwrap_or_default()));
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
                    <input type="file" data-testid="file-input" accept=".txt,.md,.text,text/plain" {onchange} />
                </label>
                <span class="hint">{lang.t("或直接粘贴文字", "or paste text below")}</span>
            </div>
            <textarea
                data-testid="editor"
                class="editor"
                spellcheck="false"
                placeholder={lang.t("把报告草稿粘贴到这里…", "Paste the draft report here…")}
                aria-label={lang.t("报告草稿", "Draft text")}
                value={props.text.clone()}
                {oninput}
            />
        </section>
    }
}
