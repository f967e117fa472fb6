//! Exports (fixed text, printable report, JSON, CSV) and settings.

use super::download::download;
use super::i18n::Lang;
use super::prefs::Settings;
use super::shared::Shared;
use super::word_export::WordExport;
use crate::render::{self, FileReport, JsonOutput};
use crate::Report;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub text: Rc<str>,
    pub report: Shared<Report>,
    /// The findings shown (not ignored, filtered), as indices into the report.
    pub visible: Rc<Vec<usize>>,
    /// The findings not ignored, whatever the filters: what the printable
    /// report and the CSV hold.
    pub kept: Rc<Vec<usize>>,
    pub file_name: Option<String>,
    pub settings: Settings,
    pub ignored: usize,
    pub lang: Lang,
    /// The report is a first stage: the lists of findings wait for the whole.
    #[prop_or_default]
    pub partial: bool,
    pub on_theme: Callback<String>,
    pub on_remember: Callback<bool>,
    pub on_clear_ignores: Callback<()>,
}

fn stem(name: &Option<String>) -> String {
    let n = name.clone().unwrap_or_else(|| "草稿".to_string());
    match n.rfind('.') {
        Some(i) if i > 0 => n[..i].to_string(),
        _ => n,
    }
}

#[function_component(ExportPanel)]
pub fn export_panel(props: &ExportProps) -> Html {
    let lang = props.lang;
    let base = stem(&props.file_name);
    let text_dl = {
        let (text, base) = (props.text.clone(), base.clone());
        Callback::from(move |_| {
            download(
                &format!("{base}-修改后.txt"),
                "text/plain;charset=utf-8",
                &text,
            )
        })
    };
    let html_dl = {
        let (text, report, base) = (props.text.clone(), props.report.clone(), base.clone());
        let kept = props.kept.clone();
        Callback::from(move |_| {
            let html = render::html_report(&base, &text, &report, lang == Lang::En, Some(&kept));
            download(
                &format!("{base}-检查报告.html"),
                "text/html;charset=utf-8",
                &html,
            );
        })
    };
    let json_dl = {
        let (report, base, name) = (props.report.clone(), base.clone(), props.file_name.clone());
        Callback::from(move |_| {
            let path = name.clone().unwrap_or_else(|| "draft.txt".into());
            let out = JsonOutput {
                version: 1,
                files: vec![FileReport {
                    path: &path,
                    encoding: "utf-8",
                    format: "txt",
                    notes: Vec::new(),
                    report: &report,
                }],
                errors: Vec::new(),
            };
            download(
                &format!("{base}-问题清单.json"),
                "application/json",
                &render::json(&out),
            );
        })
    };
    let csv_dl = {
        let (report, base, kept) = (props.report.clone(), base.clone(), props.kept.clone());
        Callback::from(move |_| {
            download(
                &format!("{base}-问题清单.csv"),
                "text/csv;charset=utf-8",
                &render::csv(&report, Some(&kept), lang == Lang::En),
            )
        })
    };
    let on_theme = props
        .on_theme
        .reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
    let on_remember = props
        .on_remember
        .reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().checked());
    let clear = props.on_clear_ignores.reform(|_| ());
    let theme = props.settings.theme.as_str();
    // Nothing to export from an empty editor (it would be an empty file).
    let empty = props.text.trim().is_empty();
    html! {
        <section class="more-pane" data-testid="more">
            <h3>{lang.t("导出", "Export")}</h3>
            if empty {
                <p class="muted" data-testid="export-empty">{lang.t("编辑区还没有文字，没有可导出的内容。", "The editor is empty: there is nothing to export.")}</p>
            }
            if props.partial && !empty {
                <p class="muted" data-testid="export-partial">{lang.t("正在检查用词，完成后即可导出问题清单。", "Checking the wording: the lists of findings can be exported when it is done.")}</p>
            }
            <div class="export-buttons">
                <button type="button" data-testid="export-text" disabled={empty} onclick={text_dl}>{lang.t("修改后的文本（.txt）", "Fixed text (.txt)")}</button>
                <button type="button" data-testid="export-html" disabled={empty || props.partial} onclick={html_dl}>{lang.t("可打印的检查报告（.html）", "Printable report (.html)")}</button>
                <button type="button" data-testid="export-json" disabled={empty || props.partial} onclick={json_dl}>{lang.t("问题清单（JSON）", "Findings (JSON)")}</button>
                <button type="button" data-testid="export-csv" disabled={empty || props.partial} onclick={csv_dl}>{lang.t("问题清单（Excel CSV）", "Findings (Excel CSV)")}</button>
                <WordExport text={props.text.clone()} report={props.report.clone()} visible={props.visible.clone()}
                    file_name={props.file_name.clone()} base={base.clone()} {lang} partial={props.partial} />
            </div>
            <h3>{lang.t("设置", "Settings")}</h3>
            <label class="field">{lang.t("外观", "Theme")}
                <select data-testid="theme" onchange={on_theme}>
                    <option value="auto" selected={theme == "auto"}>{lang.t("跟随系统", "Follow the system")}</option>
                    <option value="light" selected={theme == "light"}>{lang.t("浅色", "Light")}</option>
                    <option value="dark" selected={theme == "dark"}>{lang.t("深色", "Dark")}</option>
                </select>
            </label>
            <label class="check">
                <input type="checkbox" data-testid="remember-draft" checked={props.settings.remember_draft} onchange={on_remember} />
                {lang.t("记住草稿（保存在本机浏览器中）", "Remember the draft (kept in this browser)")}
            </label>
            if props.ignored > 0 {
                <button type="button" data-testid="clear-ignores" onclick={clear}>{format!("{} ({})", lang.t("恢复已忽略的问题", "Restore ignored findings"), props.ignored)}</button>
            }
            <h3>{lang.t("离线使用", "Offline use")}</h3>
            <p class="muted">{lang.t("离线版是一个独立的网页文件，双击即可使用，无需服务器和网络。", "The offline version is one self-contained web page: double-click it; no server or network needed.")}</p>
            <a class="button" href="draftcheck.html" download="稿检-离线版.html" data-testid="offline-link">{lang.t("下载离线版", "Download the offline version")}</a>
        </section>
    }
}
