//! The fill-in form: every blank of every placeholder, marked inside its
//! context, an input for each that is checked for the blank's kind as the
//! user types, and one button that writes them all back (or none, while
//! one is wrong). Cutting and checking are `crate::fill`'s.

use super::i18n::Lang;
use super::shared::Shared;
use crate::fill::{self, Blank, Years};
use crate::Report;
use std::collections::HashMap;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FillInProps {
    pub text: Rc<str>,
    pub report: Shared<Report>,
    pub visible: Rc<Vec<usize>>,
    pub lang: Lang,
    /// (blank index in `fill::blanks`, value) for every filled row.
    pub on_fill: Callback<Vec<(usize, String)>>,
    pub on_select: Callback<usize>,
}

/// This year by the user's clock: the fallback for a report that states no
/// date of its own.
pub fn this_year() -> u32 {
    js_sys::Date::new_0().get_full_year()
}

fn kind_id(b: &Blank) -> &'static str {
    match b.kind {
        fill::Kind::Year => "year",
        fill::Kind::Month => "month",
        fill::Kind::Day => "day",
        fill::Kind::Number => "number",
        fill::Kind::Name => "name",
        fill::Kind::Text => "text",
    }
}

#[function_component(FillInForm)]
pub fn fill_in_form(props: &FillInProps) -> Html {
    let lang = props.lang;
    let values = use_state(HashMap::<usize, String>::new);
    let all = fill::blanks(&props.text, &props.report);
    let years = Years::around(&props.text, this_year());
    // Rows of the placeholders the list shows (not ignored, not filtered).
    let rows: Vec<usize> = (0..all.len())
        .filter(|&k| props.visible.binary_search(&all[k].finding).is_ok())
        .collect();
    if rows.is_empty() {
        return html! {
            <section class="fillin-pane" data-testid="fillin">
                <p class="muted">{lang.t("没有需要填写的占位符。", "No placeholders to fill in.")}</p>
            </section>
        };
    }
    let filled: Vec<(usize, String)> = values.iter().map(|(k, v)| (*k, v.clone())).collect();
    let (_, refused) = fill::check_all(&all, &filled, years);
    let reasons: HashMap<usize, fill::Refusal> = refused.into_iter().collect();
    let list: Vec<Html> = rows.iter().map(|&k| {
        let b = &all[k];
        let oninput = {
            let values = values.clone();
            Callback::from(move |e: InputEvent| {
                let v = e.target_unchecked_into::<HtmlInputElement>().value();
                let mut next = (*values).clone();
                next.insert(k, v);
                values.set(next);
            })
        };
        let show = props.on_select.reform({
            let f = b.finding;
            move |_| f
        });
        let id = format!("fill-{k}");
        let reason = reasons.get(&k);
        let shown = if b.text.trim().is_empty() {
            lang.t("（空）", "(empty)").to_string()
        } else {
            b.text.clone()
        };
        html! {
            <li class="fill-row" data-testid="fill-row" data-kind={kind_id(b)}>
                <label for={id.clone()}>
                    <button type="button" class="link where" onclick={show}
                        title={lang.t("在正文中显示", "Show in the text")}>{lang.t("定位", "Show")}</button>
                    <span class="kind">{lang.t(b.kind.label_zh(), b.kind.label_en())}</span>
                    <span class="ctx" data-testid="fill-context">
                        {b.before.clone()}<mark class="blank" data-testid="fill-blank">{shown}</mark>{b.after.clone()}
                    </span>
                </label>
                <input id={id} type="text" data-testid="fill-input" data-index={k.to_string()}
                    data-kind={kind_id(b)} aria-invalid={reason.is_some().to_string()}
                    placeholder={b.text.trim().to_string()} value={values.get(&k).cloned().unwrap_or_default()} {oninput} />
                if let Some(r) = reason {
                    <p class="fill-error" data-testid="fill-error" role="alert">{lang.pick(&r.zh, &r.en).to_string()}</p>
                }
            </li>
        }
    }).collect();
    let blocked = !reasons.is_empty();
    let onclick = {
        let values = values.clone();
        let cb = props.on_fill.clone();
        Callback::from(move |_| {
            if blocked {
                return;
            }
            cb.emit(values.iter().map(|(k, v)| (*k, v.clone())).collect());
            values.set(HashMap::new());
        })
    };
    html! {
        <section class="fillin-pane" data-testid="fillin" aria-label={lang.t("填写占位符", "Fill in placeholders")}>
            <p class="muted">{lang.t("逐项填入实际内容，只替换标出的空白，前后的“年”“月”“人”等字保留；留空的保持不变。",
                "Type the real value for each: only the marked blank is replaced, the 年, 月 or unit around it stays; empty ones stay as they are.")}</p>
            <ol class="fill-list">{ for list.into_iter() }</ol>
            if blocked {
                <p class="fill-error" data-testid="fill-blocked">{lang.t("有填写不正确的项，改正后才能填入。", "Some values are not right: correct them to fill in.")}</p>
            }
            <button type="button" class="primary" data-testid="fill-apply" disabled={blocked} {onclick}>{lang.t("填入", "Fill in")}</button>
        </section>
    }
}
