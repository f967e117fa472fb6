//! The columns as tabs on a narrow window (an office laptop at 125 % or
//! 150 % scaling is 850–1100 CSS pixels wide): the buttons say which
//! column is shown, and the stylesheet shows only that one. On a wide
//! window the buttons are hidden and every column is shown.

use super::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ColumnTabsProps {
    pub lang: Lang,
    /// No text yet: the editor is the column to start from.
    pub empty: bool,
    /// The finding selected: its mark is in the marked text, which is then
    /// the column to show.
    pub selected: Option<usize>,
}

/// The columns, as `data-view` on the workspace.
const VIEWS: [(&str, &str, &str); 3] = [
    ("editor", "编辑", "Edit"),
    ("doc", "标注", "Marked text"),
    ("side", "问题", "Problems"),
];

#[function_component(ColumnTabs)]
pub fn column_tabs(props: &ColumnTabsProps) -> Html {
    let lang = props.lang;
    let chosen = use_state(|| None::<&'static str>);
    let view = chosen.unwrap_or(if props.empty { "editor" } else { "doc" });
    {
        let chosen = chosen.clone();
        use_effect_with(props.selected, move |sel| {
            if sel.is_some() {
                chosen.set(Some("doc"));
            }
        });
    }
    // The workspace is the tab strip's parent; its attribute drives the CSS.
    {
        use_effect_with(view, |view| {
            if let Some(ws) = gloo::utils::document()
                .query_selector(".workspace")
                .ok()
                .flatten()
            {
                let _ = ws.set_attribute("data-view", view);
            }
        });
    }
    let buttons = VIEWS.iter().map(|&(id, zh, en)| {
        let on = view == id;
        let chosen = chosen.clone();
        let onclick = Callback::from(move |_| chosen.set(Some(id)));
        html! {
            <button type="button" role="tab" aria-selected={on.to_string()} class={classes!("col-tab", format!("col-{id}"), on.then_some("on"))}
                data-testid={format!("col-tab-{id}")} {onclick}>{lang.t(zh, en)}</button>
        }
    });
    html! {
        <div class="col-tabs" role="tablist" aria-label={lang.t("显示哪一栏", "Column shown")} data-testid="col-tabs">{ for buttons }</div>
    }
}
