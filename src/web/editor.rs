//! The editor: a textarea to type or paste into, and a file picker.

use super::i18n::Lang;
use super::picked::{self, Picked};
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
    /// Several files picked at once, or a folder (true): a batch.
    pub on_pick_many: Callback<(Picked, bool)>,
    /// The previous version of the draft, to compare with.
    pub on_previous: Callback<web_sys::File>,
}

/// The files of a file input.
pub fn input_files(input: &HtmlInputElement) -> Vec<web_sys::File> {
    let Some(list) = input.files() else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let lang = props.lang;
    let oninput = props
        .on_input
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
    let onchange = {
        let (pick, many) = (props.on_pick.clone(), props.on_pick_many.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut files = input_files(&input);
            if files.len() > 1 {
                many.emit((picked::from_input(files, false), false));
            } else if let Some(file) = files.pop() {
                pick.emit(file);
            }
            input.set_value("");
        })
    };
    let on_folder = {
        let many = props.on_pick_many.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            many.emit((picked::from_input(input_files(&input), true), true));
            input.set_value("");
        })
    };
    let on_previous = {
        let previous = props.on_previous.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input_files(&input).pop() {
                previous.emit(file);
            }
            input.set_value("");
        })
    };
    html! {
        <section class="editor-pane" aria-label={lang.t("草稿", "Draft")}>
            <div class="toolbar">
                <label class="file-button">
                    {lang.t("打开文件…", "Open file…")}
                    <input type="file" data-testid="file-input" multiple=true accept=".txt,.md,.text,.docx,text/plain" {onchange} />
                </label>
                <label class="file-button" title={lang.t("检查文件夹里所有的 .txt、.md、.docx 文件", "Check every .txt, .md and .docx file in a folder")}>
                    {lang.t("文件夹…", "Folder…")}
                    <input type="file" data-testid="folder-input" webkitdirectory=true multiple=true onchange={on_folder} />
                </label>
                <label class="file-button" title={lang.t("选择上一版，看哪些问题是新的、哪些数据变了", "Pick the previous version: which problems are new, which figures changed")}>
                    {lang.t("比较上一版…", "Compare…")}
                    <input type="file" data-testid="compare-previous" accept=".txt,.md,.text,.docx,text/plain" onchange={on_previous} />
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
