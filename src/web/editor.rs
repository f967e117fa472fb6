//! The one editing surface: the draft in a textarea, with the marked copy
//! of the same text laid exactly over it (the `children`: highlights.rs).
//! The textarea paints the text, the caret, the selection and an input
//! method's composition; the layer above it paints only the marks, and
//! lets every click but one on a mark through to the textarea. Both sit in
//! one scrolling sheet, so they cannot scroll apart.

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
    /// The marks are of an earlier text: its analysis has not answered yet.
    #[prop_or_default]
    pub busy: bool,
    /// The marked layer and the card (highlights.rs), inside the sheet.
    #[prop_or_default]
    pub children: Html,
}

/// The files of a file input.
pub fn input_files(input: &HtmlInputElement) -> Vec<web_sys::File> {
    let Some(list) = input.files() else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

const PLACEHOLDER_ZH: &str = "把报告草稿粘贴到这里，或打开、拖入一个文件（.txt .md .docx）。\n\n问题会在文字上用颜色标出：点击标记可查看说明并一键修正，也可以直接在这里修改。";
const PLACEHOLDER_EN: &str = "Paste the draft report here, or open or drop a file (.txt .md .docx).\n\nProblems are marked in colour on the text: click a mark for an explanation and a one-click fix, or edit right here.";

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let lang = props.lang;
    // The textarea holds the text; the page writes it only when the text
    // came from elsewhere (a file, a fix, an undo). As a controlled value
    // every render of the editor copied the text and read the textarea's
    // back to compare: a 1.5 MB paste's each render paid for it.
    let area = use_node_ref();
    let typed: Rc<std::cell::RefCell<Rc<str>>> = use_mut_ref(|| Rc::from(""));
    let emit = {
        let (on_input, typed) = (props.on_input.clone(), typed.clone());
        move |value: String| {
            *typed.borrow_mut() = Rc::from(value.as_str());
            on_input.emit(value);
        }
    };
    {
        let (area, typed) = (area.clone(), typed.clone());
        use_effect_with(props.text.clone(), move |text| {
            if **typed.borrow() != **text {
                if let Some(el) = area.cast::<HtmlTextAreaElement>() {
                    el.set_value(text);
                }
                *typed.borrow_mut() = text.clone();
            }
        });
    }
    // An input method's composition (pinyin being typed) is not text yet:
    // it is analysed once the characters are chosen.
    let oninput = {
        let emit = emit.clone();
        Callback::from(move |e: InputEvent| {
            if !e.is_composing() {
                emit(e.target_unchecked_into::<HtmlTextAreaElement>().value());
            }
        })
    };
    // Yew has no typed `oncompositionend`: a listener of our own.
    {
        let area = area.clone();
        use_effect_with(props.on_input.clone(), move |_| {
            let listener = area.cast::<HtmlTextAreaElement>().map(|el| {
                let target = el.clone();
                gloo::events::EventListener::new(&el, "compositionend", move |_| {
                    emit(target.value())
                })
            });
            move || drop(listener)
        });
    }
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
        <section class="editor-pane doc-pane" aria-label={lang.t("草稿", "Draft")}>
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
            <div class="surface" data-testid="surface" aria-busy={if props.busy { "true" } else { "false" }}>
                <div class="sheet">
                    <textarea data-testid="editor" class="editor" spellcheck="false"
                        placeholder={lang.t(PLACEHOLDER_ZH, PLACEHOLDER_EN)}
                        aria-label={lang.t("报告草稿", "Draft text")}
                        {oninput} ref={area} />
                    { props.children.clone() }
                </div>
            </div>
        </section>
    }
}
