//! The section checklist: the profile's sections, found or missing.

use super::i18n::Lang;
use crate::Report;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OutlineProps {
    pub report: std::rc::Rc<Report>,
    pub lang: Lang,
}

#[function_component(Outline)]
pub fn outline(props: &OutlineProps) -> Html {
    let lang = props.lang;
    let r = &props.report;
    if r.sections.is_empty() {
        return html! {};
    }
    let items = r.sections.iter().map(|s| {
        let mark = if s.found { "✓" } else { "✗" };
        let need = if s.required { lang.t("必备", "required") } else { lang.t("建议", "recommended") };
        let part = s.part.map(|p| format!("[{p}] ")).unwrap_or_default();
        html! {
            <li data-testid="section" data-found={s.found.to_string()} class={classes!("section", if s.found { "found" } else { "missing" })}>
                <span class="mark" aria-hidden="true">{mark}</span>
                <span class="title">{format!("{part}{}", s.title)}</span>
                <span class="need">{need}</span>
                if let Some(line) = s.line { <span class="line">{format!("{} {line}", lang.t("行", "line"))}</span> }
            </li>
        }
    });
    html! {
        <section data-testid="outline" class="outline-pane" aria-label={lang.t("结构检查", "Sections")}>
            <h2>{lang.t("必备部分", "Sections")}<small>{format!(" · {}", r.profile)}</small></h2>
            <ul role="list">{ for items }</ul>
        </section>
    }
}
