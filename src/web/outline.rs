//! The outline panel: the profile's sections, ✓ or ✗, each clickable, and
//! the profile selector.

use super::i18n::Lang;
use crate::{Profile, Report};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OutlineProps {
    pub report: Rc<Report>,
    pub profiles: Vec<Profile>,
    /// "auto" or a profile id.
    pub selected_profile: String,
    pub lang: Lang,
    pub on_profile: Callback<String>,
    /// Jump to a heading (byte offset) or to a finding (index).
    pub on_jump_heading: Callback<usize>,
    pub on_jump_finding: Callback<usize>,
}

#[function_component(Outline)]
pub fn outline(props: &OutlineProps) -> Html {
    let lang = props.lang;
    let r = &props.report;
    let onchange = props
        .on_profile
        .reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
    let options = props.profiles.iter().map(|p| {
        html! { <option value={p.id.clone()} selected={props.selected_profile == p.id}>{lang.pick(&p.name_zh, &p.name_en).to_string()}</option> }
    });
    let picked = r.profile.clone();
    let picked_name = props
        .profiles
        .iter()
        .find(|p| p.id == picked)
        .map_or(picked.clone(), |p| {
            lang.pick(&p.name_zh, &p.name_en).to_string()
        });
    let items = r.sections.iter().map(|s| {
        let mark = if s.found { "✓" } else { "✗" };
        let need = if s.required { lang.t("必备", "required") } else { lang.t("建议", "recommended") };
        let part = s.part.map(|p| format!("[{}{p}{}] ", lang.t("第", "#"), lang.t("篇", ""))).unwrap_or_default();
        let target = if s.found {
            s.line.and_then(|line| r.outline.iter().find(|o| o.line == line)).map(|o| (true, o.byte))
        } else {
            r.findings
                .iter()
                .position(|f| f.rule == "missing-section" && f.message.contains(s.title.as_str()))
                .map(|i| (false, i))
        };
        let onclick = match target {
            Some((true, byte)) => props.on_jump_heading.reform(move |_| byte),
            Some((false, i)) => props.on_jump_finding.reform(move |_| i),
            None => Callback::noop(),
        };
        html! {
            <li data-testid="section" data-found={s.found.to_string()} class={classes!("section", if s.found { "found" } else { "missing" })}>
                <button type="button" {onclick} disabled={target.is_none()}>
                    <span class="tick" aria-hidden="true">{mark}</span>
                    <span class="title">{format!("{part}{}", s.title)}</span>
                    <span class="need">{need}</span>
                    if let Some(line) = s.line { <span class="line">{format!("{} {line}", lang.t("行", "line"))}</span> }
                </button>
            </li>
        }
    });
    html! {
        <section data-testid="outline" class="outline-pane" aria-label={lang.t("结构检查", "Sections")}>
            <div class="profile-row">
                <label for="profile-select">{lang.t("报告类型", "Report type")}</label>
                <select id="profile-select" data-testid="profile-select" {onchange}>
                    <option value="auto" selected={props.selected_profile == "auto"}>{lang.t("自动识别", "Detect automatically")}</option>
                    { for options }
                </select>
            </div>
            <p class="muted why" data-testid="profile-reason">
                {format!("{}{}", lang.t("当前：", "Using: "), picked_name)}
                if props.selected_profile == "auto" { {format!("（{}）", bilingual(lang, &r.profile_reason))} }
            </p>
            if !r.sections.is_empty() {
                <ul role="list">{ for items }</ul>
            }
        </section>
    }
}

/// Reasons come as "中文（English）": shows the half for the language.
fn bilingual(lang: Lang, s: &str) -> &str {
    let split = s.char_indices().find(|&(i, c)| {
        c == '（' && s[i + c.len_utf8()..].starts_with(|n: char| n.is_ascii_alphabetic())
    });
    match split {
        Some((i, c)) => lang.pick(&s[..i], s[i + c.len_utf8()..].trim_end_matches('）')),
        None => s,
    }
}
