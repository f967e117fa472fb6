//! The two columns as tabs on a very narrow window (below 700 CSS pixels:
//! a half-screen window, a small tablet): the buttons say which column is
//! shown, and the stylesheet shows only that one. Wider windows, office
//! laptops at 125 % or 150 % scaling among them, show both columns and
//! hide the buttons.

use super::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ColumnTabsProps {
    pub lang: Lang,
    /// The finding selected: its mark is in the text, which is then the
    /// column to show.
    pub selected: Option<usize>,
}

/// The columns, as `data-view` on the workspace.
const VIEWS: [(&str, &str, &str); 2] = [("editor", "正文", "Text"), ("side", "问题", "Problems")];

#[function_component(ColumnTabs)]
pub fn column_tabs(props: &ColumnTabsProps) -> Html {
    let lang = props.lang;
    let chosen = use_state(|| None::<&'static str>);
    // The text first (the user may be typing its first line); the findings
    // are one click away.
    let view = chosen.unwrap_or("editor");
    {
        let chosen = chosen.clone();
        use_effect_with(props.selected, move |sel| {
            if sel.is_some() {
                chosen.set(Some("editor"));
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
