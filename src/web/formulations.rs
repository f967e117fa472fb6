//! Settings → 规范表述: the user's own standard formulations and the
//! phrases they declare established, kept in this browser with the other
//! settings and passed to the analysis in its `Config` (a profile can carry
//! the same lists for a whole office: `formulations`,
//! `formulation_exceptions`).

use super::i18n::Lang;
use super::prefs::Settings;
use crate::config::UserFormulation;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FormulationProps {
    pub settings: Settings,
    pub lang: Lang,
    /// (entries, exceptions) to save.
    pub on_save: Callback<(Vec<UserFormulation>, Vec<String>)>,
}

fn lines(list: &[String]) -> String {
    list.join("\n")
}

#[function_component(FormulationSettings)]
pub fn formulation_settings(props: &FormulationProps) -> Html {
    let lang = props.lang;
    let entries_ref = use_node_ref();
    let exceptions_ref = use_node_ref();
    let entries_text = props
        .settings
        .formulations
        .iter()
        .map(UserFormulation::to_line)
        .collect::<Vec<_>>()
        .join("\n");
    let exceptions_text = lines(&props.settings.formulation_exceptions);
    let save = {
        let (entries_ref, exceptions_ref) = (entries_ref.clone(), exceptions_ref.clone());
        let on_save = props.on_save.clone();
        Callback::from(move |_| {
            let value = |r: &NodeRef| {
                r.cast::<HtmlTextAreaElement>()
                    .map(|t| t.value())
                    .unwrap_or_default()
            };
            let entries = UserFormulation::parse_lines(&value(&entries_ref));
            let exceptions = value(&exceptions_ref)
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_string)
                .collect();
            on_save.emit((entries, exceptions));
        })
    };
    let n = props.settings.formulations.len();
    let x = props.settings.formulation_exceptions.len();
    html! {
        <section class="more-pane" data-testid="formulation-settings">
            <h3>{lang.t("规范表述", "Standard formulations")}</h3>
            <p class="muted">{lang.t(
                "内置清单之外的规范表述，每行一条：表述|出处|日期（出处、日期可省，如：建设美丽幸福新XX|市第十次党代会报告|2021-09）。写走了样时提示，并可一键改正。",
                "Formulations beyond the built-in list, one a line: phrase|source|date (source and date optional). Bent versions are flagged with a one-click fix.")}</p>
            <textarea data-testid="formulation-entries" rows="4" ref={entries_ref}
                aria-label={lang.t("自定义规范表述", "Your standard formulations")} value={entries_text} />
            <p class="muted">{lang.t(
                "本身正确、不应提示的说法，每行一条（如：从严治税）。",
                "Established phrases that are never flagged, one a line.")}</p>
            <textarea data-testid="formulation-exceptions" rows="3" ref={exceptions_ref}
                aria-label={lang.t("不提示的说法", "Phrases never flagged")} value={exceptions_text} />
            <div class="profile-tools">
                <button type="button" class="primary" data-testid="formulations-save" onclick={save}>{lang.t("保存并重新检查", "Save and check again")}</button>
                <span class="muted" data-testid="formulations-count">{
                    match lang {
                        Lang::Zh => format!("已添加 {n} 条表述、{x} 条例外（保存在本机浏览器中）"),
                        Lang::En => format!("{n} formulations, {x} exceptions added (kept in this browser)"),
                    }
                }</span>
            </div>
        </section>
    }
}
