//! The findings list and the summary line.

use super::i18n::Lang;
use crate::{Finding, Report, Severity};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub report: std::rc::Rc<Report>,
    pub lang: Lang,
    pub empty: bool,
}

#[function_component(SummaryBar)]
pub fn summary_bar(props: &SummaryProps) -> Html {
    let s = props.report.summary;
    let lang = props.lang;
    let verdict = if props.empty {
        lang.t("等待输入", "Waiting for a draft").to_string()
    } else {
        match lang {
            Lang::Zh => crate::render::verdict_zh(&props.report),
            Lang::En => crate::render::verdict_en(&props.report),
        }
    };
    let ok = s.error == 0 && !props.empty;
    html! {
        <div data-testid="summary" class={classes!("summary", ok.then_some("ok"), (s.error > 0).then_some("bad"))} role="status" aria-live="polite">
            <strong class="verdict">{verdict}</strong>
            <span class="counts">
                <span class="count sev-error">{format!("{} {}", lang.t("错误", "errors"), s.error)}</span>
                <span class="count sev-warning">{format!("{} {}", lang.t("警告", "warnings"), s.warning)}</span>
                <span class="count sev-info">{format!("{} {}", lang.t("提示", "notes"), s.info)}</span>
            </span>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub findings: std::rc::Rc<Vec<Finding>>,
    pub selected: Option<usize>,
    pub lang: Lang,
    pub on_select: Callback<usize>,
}

#[function_component(FindingsList)]
pub fn findings_list(props: &FindingsProps) -> Html {
    let lang = props.lang;
    let items = props.findings.iter().enumerate().filter(|(_, f)| f.aggregate.is_none()).map(|(i, f)| {
        let onclick = {
            let cb = props.on_select.clone();
            Callback::from(move |_| cb.emit(i))
        };
        let sev = match f.severity {
            Severity::Error => lang.t("错误", "Error"),
            Severity::Warning => lang.t("警告", "Warning"),
            Severity::Info => lang.t("提示", "Note"),
        };
        html! {
            <li
                data-testid="finding"
                data-category={f.category.id()}
                data-rule={f.rule.clone()}
                class={classes!("finding", format!("cat-{}", f.category.id()), (props.selected == Some(i)).then_some("selected"))}
            >
                <button type="button" {onclick}>
                    <span class={classes!("sev", format!("sev-{}", f.severity.id()))}>{sev}</span>
                    <span class="where">{format!("{}:{}", f.line, f.column)}</span>
                    <span class="msg">{lang.pick(&f.message, &f.message_en).to_string()}</span>
                </button>
            </li>
        }
    });
    html! {
        <section class="findings-pane" aria-label={lang.t("问题列表", "Problems")}>
            <h2>{lang.t("问题列表", "Problems")}</h2>
            <ul class="findings" role="list">{ for items }</ul>
        </section>
    }
}
