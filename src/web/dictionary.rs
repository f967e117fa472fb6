//! Settings → 用户词典: the words the typo and OCR rules must never flag
//! (names, local terms) and the user's own typos (`错词 -> 正词`), kept in
//! this browser with the other settings and passed to the analysis in its
//! `Config` (a profile's `dictionary` and the CLI's `--dict FILE` take the
//! same lines).

use super::i18n::Lang;
use crate::config::UserDictionary;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DictionaryProps {
    pub dictionary: UserDictionary,
    pub lang: Lang,
    pub on_save: Callback<UserDictionary>,
}

/// The text form `UserDictionary::parse_lines` reads back.
fn to_lines(d: &UserDictionary) -> String {
    d.words
        .iter()
        .cloned()
        .chain(
            d.pairs
                .iter()
                .map(|p| format!("{} -> {}", p.wrong, p.right)),
        )
        .collect::<Vec<_>>()
        .join("\n")
}

#[function_component(DictionarySettings)]
pub fn dictionary_settings(props: &DictionaryProps) -> Html {
    let lang = props.lang;
    let area = use_node_ref();
    let error = use_state(|| None::<String>);
    let save = {
        let (area, error, on_save) = (area.clone(), error.clone(), props.on_save.clone());
        Callback::from(move |_| {
            let text = area
                .cast::<HtmlTextAreaElement>()
                .map(|t| t.value())
                .unwrap_or_default();
            match UserDictionary::parse_lines(&text) {
                Ok(d) => {
                    error.set(None);
                    on_save.emit(d);
                }
                Err(e) => error.set(Some(e)),
            }
        })
    };
    let (w, p) = (props.dictionary.words.len(), props.dictionary.pairs.len());
    html! {
        <section class="more-pane" data-testid="dictionary-settings">
            <h3>{lang.t("用户词典", "Your dictionary")}</h3>
            <p class="muted">{lang.t(
                "错别字检查不报的词，每行一个（人名、地名、本单位用语）；或自己的常见错字，写成“错词 -> 正词”。",
                "Words the typo check never flags, one a line (names, places, local terms); or your own typos as `wrong -> right`.")}</p>
            <textarea data-testid="dictionary-entries" rows="4" ref={area}
                aria-label={lang.t("用户词典", "Your dictionary")} value={to_lines(&props.dictionary)} />
            if let Some(e) = (*error).clone() {
                <p class="error" role="alert" data-testid="dictionary-error">{e}</p>
            }
            <div class="profile-tools">
                <button type="button" class="primary" data-testid="dictionary-save" onclick={save}>{lang.t("保存并重新检查", "Save and check again")}</button>
                <span class="muted" data-testid="dictionary-count">{
                    match lang {
                        Lang::Zh => format!("{w} 个不报的词、{p} 组自己的错字（保存在本机浏览器中）"),
                        Lang::En => format!("{w} words never flagged, {p} typos of your own (kept in this browser)"),
                    }
                }</span>
            </div>
        </section>
    }
}
