//! The summary bar: always-visible verdict and counts.

use super::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub ignored: usize,
    pub lang: Lang,
    pub empty: bool,
    pub busy: bool,
    /// The wording rules' warnings are still to come (a long text's
    /// errors are shown first).
    #[prop_or_default]
    pub partial: bool,
}

#[function_component(SummaryBar)]
pub fn summary_bar(props: &SummaryProps) -> Html {
    let lang = props.lang;
    let (e, w) = (props.errors, props.warnings);
    let verdict = if props.busy {
        lang.t("正在检查…", "Checking…").to_string()
    } else if props.empty {
        lang.t("等待输入草稿", "Waiting for a draft").to_string()
    } else {
        match (lang, e, w) {
            (Lang::Zh, 0, 0) => "可以提交".to_string(),
            (Lang::Zh, 0, w) => format!("可以提交（还有 {w} 个警告）"),
            (Lang::Zh, e, 0) => format!("还有 {e} 个错误"),
            (Lang::Zh, e, w) => format!("还有 {e} 个错误、{w} 个警告"),
            (Lang::En, 0, 0) => "Ready to submit".to_string(),
            (Lang::En, 0, w) => format!("Ready to submit ({w} warnings)"),
            (Lang::En, e, w) => format!("{e} errors, {w} warnings left"),
        }
    };
    let verdict = if props.partial && !props.busy {
        format!(
            "{verdict}{}",
            lang.t("；正在检查用词…", "; checking the wording…")
        )
    } else {
        verdict
    };
    let ok = e == 0 && !props.empty && !props.busy && !props.partial;
    let ignored = (props.ignored > 0).then(|| {
        html! { <span class="count ignored" data-testid="ignored-count">{format!("{} {}", lang.t("已忽略", "ignored"), props.ignored)}</span> }
    });
    html! {
        <div data-testid="summary" class={classes!("summary", ok.then_some("ok"), (e > 0).then_some("bad"))} role="status" aria-live="polite">
            <strong class="verdict">{ if ok { "✓ " } else { "" } }{verdict}</strong>
            <span class="counts">
                <span class="count sev-error">{format!("{} {e}", lang.t("错误", "errors"))}</span>
                <span class="count sev-warning">{format!("{} {w}", lang.t("警告", "warnings"))}</span>
                <span class="count sev-info">{format!("{} {}", lang.t("提示", "notes"), props.infos)}</span>
                { for ignored }
            </span>
        </div>
    }
}
