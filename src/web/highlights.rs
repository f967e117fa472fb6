//! The text with every finding highlighted, coloured by category.

use super::i18n::Lang;
use crate::{Finding, Severity};
use std::rc::Rc;
use yew::prelude::*;

/// Splits the text into runs; each run is covered by at most one finding
/// (where findings overlap, the most severe and then the shortest wins).
/// Returns (byte start, byte end, finding index).
pub fn runs(text_len: usize, findings: &[Finding]) -> Vec<(usize, usize, Option<usize>)> {
    let mut bounds: Vec<usize> = vec![0, text_len];
    let marked: Vec<usize> = (0..findings.len())
        .filter(|&i| {
            let f = &findings[i];
            f.aggregate.is_none() && f.byte_end > f.byte_start && f.byte_end <= text_len
        })
        .collect();
    for &i in &marked {
        bounds.push(findings[i].byte_start);
        bounds.push(findings[i].byte_end);
    }
    bounds.sort_unstable();
    bounds.dedup();
    let rank = |f: &Finding| {
        let sev = match f.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        };
        (sev, f.byte_end - f.byte_start)
    };
    // Findings sorted by start; a sweep keeps those covering the current run.
    let mut order = marked;
    order.sort_by_key(|&i| findings[i].byte_start);
    let mut next = 0;
    let mut active: Vec<usize> = Vec::new();
    let mut out = Vec::with_capacity(bounds.len());
    for w in bounds.windows(2) {
        let (s, e) = (w[0], w[1]);
        while next < order.len() && findings[order[next]].byte_start <= s {
            active.push(order[next]);
            next += 1;
        }
        active.retain(|&i| findings[i].byte_end > s);
        let best = active.iter().copied().min_by_key(|&i| rank(&findings[i]));
        match out.last_mut() {
            Some((_, end, f)) if *f == best && best.is_none() => *end = e,
            _ => out.push((s, e, best)),
        }
    }
    out
}

#[derive(Properties, PartialEq)]
pub struct DocViewProps {
    pub text: AttrValue,
    pub findings: Rc<Vec<Finding>>,
    pub selected: Option<usize>,
    pub lang: Lang,
    pub on_select: Callback<usize>,
}

#[function_component(DocView)]
pub fn doc_view(props: &DocViewProps) -> Html {
    let text = props.text.as_str();
    let lang = props.lang;
    if text.is_empty() {
        return html! {
            <section class="doc-pane empty" aria-label={lang.t("检查结果", "Checked text")}>
                <p class="placeholder-note">{lang.t("粘贴或打开一份草稿，问题会在这里标出。", "Paste or open a draft; problems are marked here.")}</p>
            </section>
        };
    }
    let items = runs(text.len(), &props.findings)
        .into_iter()
        .map(|(s, e, f)| {
            let piece = text.get(s..e).unwrap_or("");
            match f {
                None => html! { piece },
                Some(i) => {
                    let finding = &props.findings[i];
                    let cat = finding.category.id();
                    let onclick = {
                        let cb = props.on_select.clone();
                        Callback::from(move |_| cb.emit(i))
                    };
                    let class = classes!(
                        "mark",
                        format!("cat-{cat}"),
                        format!("sev-{}", finding.severity.id()),
                        (props.selected == Some(i)).then_some("selected")
                    );
                    html! {
                        <mark
                            data-testid="mark"
                            data-category={cat}
                            data-rule={finding.rule.clone()}
                            id={format!("mark-{i}")}
                            {class}
                            title={lang.pick(&finding.message, &finding.message_en).to_string()}
                            {onclick}
                        >{piece}</mark>
                    }
                }
            }
        });
    html! {
        <section class="doc-pane" aria-label={lang.t("检查结果", "Checked text")}>
            <div class="doc" data-testid="doc">{ for items }</div>
        </section>
    }
}
