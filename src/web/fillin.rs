//! The fill-in form: every placeholder with its surrounding clause, an
//! input for each, and one button that writes them all back.

use super::i18n::Lang;
use crate::{Category, Report};
use std::collections::HashMap;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FillInProps {
    pub report: Rc<Report>,
    pub visible: Rc<Vec<usize>>,
    pub lang: Lang,
    pub on_fill: Callback<Vec<(usize, String)>>,
    pub on_select: Callback<usize>,
}

#[function_component(FillInForm)]
pub fn fill_in_form(props: &FillInProps) -> Html {
    let lang = props.lang;
    let values = use_state(HashMap::<usize, String>::new);
    let blanks: Vec<usize> = props
        .visible
        .iter()
        .copied()
        .filter(|&i| {
            props
                .report
                .findings
                .get(i)
                .is_some_and(|f| f.category == Category::Placeholder && f.rule == "placeholder")
        })
        .collect();
    if blanks.is_empty() {
        return html! {
            <section class="fillin-pane" data-testid="fillin">
                <p class="muted">{lang.t("没有需要填写的占位符。", "No placeholders to fill in.")}</p>
            </section>
        };
    }
    let rows = blanks.iter().map(|&i| {
        let f = &props.report.findings[i];
        let context = f.context.clone().unwrap_or_else(|| f.text.clone());
        let oninput = {
            let values = values.clone();
            Callback::from(move |e: InputEvent| {
                let v = e.target_unchecked_into::<HtmlInputElement>().value();
                let mut next = (*values).clone();
                next.insert(i, v);
                values.set(next);
            })
        };
        let show = props.on_select.reform(move |_| i);
        let id = format!("fill-{i}");
        html! {
            <li class="fill-row">
                <label for={id.clone()}>
                    <button type="button" class="link where" onclick={show}>{format!("{}:{}", f.line, f.column)}</button>
                    <span class="ctx">{context}</span>
                </label>
                <input id={id} type="text" data-testid="fill-input" data-index={i.to_string()}
                    placeholder={f.text.clone()} value={values.get(&i).cloned().unwrap_or_default()} {oninput} />
            </li>
        }
    });
    let onclick = {
        let values = values.clone();
        let cb = props.on_fill.clone();
        Callback::from(move |_| {
            cb.emit(values.iter().map(|(k, v)| (*k, v.clone())).collect());
            values.set(HashMap::new());
        })
    };
    html! {
        <section class="fillin-pane" data-testid="fillin" aria-label={lang.t("填写占位符", "Fill in placeholders")}>
            <p class="muted">{lang.t("逐项填入实际内容，留空的保持不变。", "Type the real value for each; empty ones stay as they are.")}</p>
            <ol class="fill-list">{ for rows }</ol>
            <button type="button" class="primary" data-testid="fill-apply" {onclick}>{lang.t("填入", "Fill in")}</button>
        </section>
    }
}
