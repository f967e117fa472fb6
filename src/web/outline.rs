//! The outline panel: the profile selector, and the profile's sections, ✓
//! or ✗, each clickable, folded into one summary line ("必备部分 4/4 ✓")
//! so that the findings below stay on screen.

use super::i18n::Lang;
use super::shared::Shared;
use crate::{Profile, Report};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OutlineProps {
    pub report: Shared<Report>,
    pub profiles: Vec<Profile>,
    /// "auto" or a profile id.
    pub selected_profile: String,
    pub lang: Lang,
    /// No text yet: nothing was detected, so nothing is said about it.
    #[prop_or_default]
    pub empty: bool,
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
    // A missing section's finding, found among the few missing-section ones
    // (a template collection has hundreds of sections, and tens of
    // thousands of findings).
    let missing: Vec<usize> = (0..r.findings.len())
        .filter(|&i| r.findings[i].rule == "missing-section")
        .collect();
    // A collection of a hundred reports has hundreds of sections: drawn
    // over a few frames.
    let drawn = super::progressive::use_progressive(r.id(), r.sections.len());
    let items = r.sections.iter().take(drawn).map(|s| {
        let mark = if s.found { "✓" } else { "✗" };
        let need = if s.required { lang.t("必备", "required") } else { lang.t("建议", "recommended") };
        let part = s.part.map(|p| format!("[{}{p}{}] ", lang.t("第", "#"), lang.t("篇", ""))).unwrap_or_default();
        let target = if s.found {
            s.line.and_then(|line| r.outline.iter().find(|o| o.line == line)).map(|o| (true, o.byte))
        } else {
            missing
                .iter()
                .copied()
                .find(|&i| r.findings[i].message.contains(s.title.as_str()))
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
    let reason = {
        let mut line = format!("{}{}", lang.t("当前：", "Using: "), picked_name);
        if props.selected_profile == "auto" {
            line.push_str(&format!("（{}）", bilingual(lang, &r.profile_reason)));
        }
        line
    };
    // Required sections first: "必备部分 4/4 ✓", or what is missing.
    let required: Vec<_> = r.sections.iter().filter(|s| s.required).collect();
    let found = required.iter().filter(|s| s.found).count();
    let missing = required.len() - found;
    let recommended = r.sections.len() - required.len();
    let rec_found = r.sections.iter().filter(|s| !s.required && s.found).count();
    let summary = {
        let mut line = if missing == 0 {
            format!(
                "{} {found}/{} ✓",
                lang.t("必备部分", "Required sections"),
                required.len()
            )
        } else {
            let names: Vec<&str> = required
                .iter()
                .filter(|s| !s.found)
                .map(|s| s.title.as_str())
                .take(3)
                .collect();
            format!(
                "{} {found}/{} ✗ {}{}",
                lang.t("必备部分", "Required sections"),
                required.len(),
                lang.t("缺：", "missing: "),
                names.join(lang.t("、", ", "))
            )
        };
        if recommended > 0 {
            line.push_str(&format!(
                " · {} {rec_found}/{recommended}",
                lang.t("建议部分", "recommended")
            ));
        }
        line
    };
    html! {
        <section data-testid="outline" class="outline-pane" aria-label={lang.t("结构检查", "Sections")}>
            <div class="profile-row">
                <label for="profile-select">{lang.t("报告类型", "Report type")}</label>
                <select id="profile-select" data-testid="profile-select" {onchange}>
                    <option value="auto" selected={props.selected_profile == "auto"}>{lang.t("自动识别", "Detect automatically")}</option>
                    { for options }
                </select>
            </div>
            if !props.empty {
                <p class="muted why" data-testid="profile-reason" title={reason.clone()}>{reason}</p>
            }
            if r.reports > 1 && !props.empty {
                <p class="multi-report" role="note" data-testid="multi-report" title={lang.t(
                    "每篇的必备部分分别检查；报告类型按第一篇的标题确定。如只需检查其中一篇，请删去其余各篇。",
                    "The sections are checked report by report, and the report type comes from the first report's title. To check one of them, delete the others.")}>{match lang {
                    Lang::Zh => format!("此文件包含 {} 篇报告，逐篇检查；类型按第一篇的标题。", r.reports),
                    Lang::En => format!("This file holds {} reports, checked one by one; the type follows the first title.", r.reports),
                }}</p>
            }
            if !r.sections.is_empty() && !props.empty {
                <details class="sections" data-testid="sections">
                    <summary data-testid="sections-summary" class={classes!(if missing == 0 { "ok" } else { "bad" })}>{summary}</summary>
                    <ul role="list">{ for items }</ul>
                </details>
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
