//! The app shell: header with summary, editor, highlighted text, panels.

use super::editor::Editor;
use super::files;
use super::findings::{FindingsList, SummaryBar};
use super::highlights::DocView;
use super::i18n::Lang;
use super::outline::Outline;
use super::state::{Action, State};
use std::rc::Rc;
use web_sys::{ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

fn scroll_to_mark(i: usize) {
    let Some(el) = gloo::utils::document().get_element_by_id(&format!("mark-{i}")) else {
        return;
    };
    let opts = ScrollIntoViewOptions::new();
    opts.set_behavior(ScrollBehavior::Smooth);
    opts.set_block(ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::default);
    let lang = state.lang;
    {
        let code = lang.code();
        use_effect_with(lang, move |_| {
            if let Some(el) = gloo::utils::document().document_element() {
                let _ = el.set_attribute("lang", code);
            }
        });
    }
    let on_input = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Action::SetText(text)))
    };
    let on_file = {
        let state = state.clone();
        Callback::from(move |(name, bytes): (String, Vec<u8>)| {
            state.dispatch(files::load(name, &bytes))
        })
    };
    let on_select = {
        let state = state.clone();
        Callback::from(move |i: usize| {
            state.dispatch(Action::Select(i));
            scroll_to_mark(i);
        })
    };
    let toggle_lang = {
        let state = state.clone();
        Callback::from(move |_| {
            state.dispatch(Action::SetLang(if lang == Lang::Zh {
                Lang::En
            } else {
                Lang::Zh
            }))
        })
    };
    let findings = Rc::new(state.report.findings.clone());
    let notice = state.notice.as_ref().map(|n| {
        html! { <div class={classes!("notice", n.error.then_some("error"))} role="alert" data-testid="notice">{lang.pick(&n.zh, &n.en).to_string()}</div> }
    });
    html! {
        <div class="app">
            <header class="topbar">
                <h1>{lang.t("稿检", "DraftCheck")}<small>{lang.t(" · 报告草稿检查", " · report draft checker")}</small></h1>
                <SummaryBar report={state.report.clone()} {lang} empty={state.text.trim().is_empty()} />
                <button type="button" class="lang" data-testid="lang-switch" onclick={toggle_lang}>{lang.t("English", "中文")}</button>
            </header>
            { for notice }
            <main class="workspace">
                <Editor text={AttrValue::from(state.text.clone())} {lang} {on_input} {on_file} />
                <DocView text={AttrValue::from(state.text.clone())} findings={findings.clone()} selected={state.selected} {lang} on_select={on_select.clone()} />
                <aside class="side">
                    <Outline report={state.report.clone()} {lang} />
                    <FindingsList {findings} selected={state.selected} {lang} {on_select} />
                </aside>
            </main>
            <footer class="privacy">{lang.t("文字只在本机浏览器中检查，不会上传到任何地方。", "Your text is checked inside this browser and never leaves this machine.")}</footer>
        </div>
    }
}
