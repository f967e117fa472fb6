//! Comparing the draft with its previous version: the findings that are
//! new, fixed or still open, the figures that changed and those that
//! should have, and the paragraph diff with the changed characters marked.
//! The comparison itself is `crate::diff`'s.

use super::i18n::{severity_name, Lang};
use crate::diff::{Comparison, FigureAt, FigureStatus, Op, ParagraphStatus};
use crate::Finding;
use std::rc::Rc;
use yew::prelude::*;

/// A comparison shown, with the names of its two versions.
pub struct Compared {
    pub old_name: String,
    pub new_name: String,
    pub comparison: Comparison,
}

#[derive(Properties)]
pub struct CompareProps {
    pub compared: Rc<Compared>,
    pub lang: Lang,
    pub on_close: Callback<()>,
}

/// A comparison is made once and never changes: the same one is the
/// same allocation (a deep comparison would be code in the download).
impl PartialEq for CompareProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.compared, &other.compared)
            && self.lang == other.lang
            && self.on_close == other.on_close
    }
}

/// Lists longer than this show their first items and a count of the rest.
const SHOWN: usize = 300;

fn finding_list(lang: Lang, testid: &'static str, list: &[Finding]) -> Html {
    let more = list.len().saturating_sub(SHOWN);
    html! {
        <ul class="diff-findings" data-testid={testid}>
            { for list.iter().take(SHOWN).map(|f| html! {
                <li data-testid="diff-finding" data-rule={f.rule.clone()} class={classes!(format!("cat-{}", f.category.id()))}>
                    <span class={classes!("sev", format!("sev-{}", f.severity.id()))}>{severity_name(lang, f.severity)}</span>
                    <span class="where">{format!("{}:{}", f.line, f.column)}</span>
                    <span class="msg">{lang.pick(&f.message, &f.message_en).to_string()}</span>
                </li>
            }) }
            if more > 0 {
                <li class="muted">{ if lang == Lang::En { format!("… and {more} more") } else { format!("……另有 {more} 项") } }</li>
            }
        </ul>
    }
}

#[function_component(CompareView)]
pub fn compare_view(props: &CompareProps) -> Html {
    let lang = props.lang;
    let en = lang == Lang::En;
    let c = &props.compared.comparison;
    let f = &c.findings;
    let count = |s: FigureStatus| c.figures.iter().filter(|g| g.status == s).count();
    let summary = if en {
        format!(
            "{} new, {} fixed, {} still open · {} figures changed · {} to check",
            f.new.len(),
            f.fixed.len(),
            f.open.len(),
            count(FigureStatus::Changed),
            c.warnings.len()
        )
    } else {
        format!(
            "新增问题 {} · 已改正 {} · 仍未改正 {} · 数据变化 {} · 需要核对 {}",
            f.new.len(),
            f.fixed.len(),
            f.open.len(),
            count(FigureStatus::Changed),
            c.warnings.len()
        )
    };
    let year = |y: Option<u32>| {
        y.map_or_else(
            || lang.t("年份不明", "year unknown").to_string(),
            |y| y.to_string(),
        )
    };
    let place = |a: &Option<FigureAt>| {
        a.as_ref().map_or_else(String::new, |a| {
            if en {
                format!("{} (line {})", a.text, a.line)
            } else {
                format!("{}（第{}行）", a.text, a.line)
            }
        })
    };
    let status_name = |s: FigureStatus| match s {
        FigureStatus::Changed => lang.t("变化", "changed"),
        FigureStatus::Unchanged => lang.t("未变", "unchanged"),
        FigureStatus::Appeared => lang.t("新出现", "appeared"),
        FigureStatus::Disappeared => lang.t("不再出现", "disappeared"),
    };
    // Changes first; the unchanged figures last.
    let figures = [
        FigureStatus::Changed,
        FigureStatus::Appeared,
        FigureStatus::Disappeared,
        FigureStatus::Unchanged,
    ]
    .into_iter()
    .flat_map(|s| c.figures.iter().filter(move |g| g.status == s))
    .take(SHOWN * 2)
    .map(|g| {
        html! {
            <tr data-testid="diff-figure" data-status={g.status.id()} class={g.status.id()}>
                <td>{g.label.clone()}</td>
                <td>{place(&g.old)}</td>
                <td>{place(&g.new)}</td>
                <td>{status_name(g.status)}</td>
            </tr>
        }
    });
    let warnings = c.warnings.iter().map(|w| {
        let old_line = w.related.first().map_or(0, |r| r.line);
        html! {
            <li data-testid="diff-warning">
                <span class="msg">{lang.pick(&w.message, &w.message_en).to_string()}</span>
                <span class="where">{ if en { format!("previous version line {old_line}, this version line {}", w.line) } else { format!("上一版第{old_line}行，这一版第{}行", w.line) } }</span>
            </li>
        }
    });
    let same_run = |n: usize| {
        (n > 0).then(|| html! {
            <p class="same-run">{ if en { format!("… {n} paragraphs unchanged …") } else { format!("…… {n} 段未改 ……") } }</p>
        })
    };
    let p = &c.paragraphs;
    let shown = p.changes.len().min(SHOWN * 2);
    let paragraphs = p.changes.iter().take(shown).map(|ch| {
        let (status, line) = match ch.status {
            ParagraphStatus::Changed => ("changed", ch.new_line),
            ParagraphStatus::Inserted => ("inserted", ch.new_line),
            ParagraphStatus::Deleted => ("deleted", ch.old_line),
        };
        let label = match ch.status {
            ParagraphStatus::Changed => lang.t("修改", "changed"),
            ParagraphStatus::Inserted => lang.t("新增", "inserted"),
            ParagraphStatus::Deleted => lang.t("删除", "deleted"),
        };
        let at = line.map_or_else(String::new, |l| {
            if en {
                format!("line {l}")
            } else {
                format!("第{l}行")
            }
        });
        html! {
            <>
                { for same_run(ch.same_before) }
                <div class={classes!("para", status)} data-testid="diff-para" data-status={status}>
                    <span class="where">{format!("{label} · {at}")}</span>
                    { for ch.segments.iter().map(|s| match s.op {
                        Op::Same => html! { <span>{s.text.clone()}</span> },
                        Op::Deleted => html! { <del>{s.text.clone()}</del> },
                        Op::Inserted => html! { <ins>{s.text.clone()}</ins> },
                    }) }
                </div>
            </>
        }
    });
    let more = p.changes.len() - shown;
    html! {
        <section class="compare-pane" data-testid="compare" aria-label={lang.t("与上一版比较", "Compared with the previous version")}>
            <div class="pane-head">
                <h2>{ if en { format!("Compared: {} ({}) → {} ({})", props.compared.old_name, year(c.old_year), props.compared.new_name, year(c.new_year)) }
                      else { format!("与上一版比较：{}（{}）→ {}（{}）", props.compared.old_name, year(c.old_year), props.compared.new_name, year(c.new_year)) } }</h2>
                <span data-testid="compare-summary">{summary}</span>
                <span class="grow" />
                <button type="button" data-testid="compare-close" onclick={props.on_close.reform(|_| ())}>{lang.t("返回", "Back")}</button>
            </div>
            <div class="compare-body">
                <div class="compare-side">
                    <h3>{format!("{} ({})", lang.t("新增问题", "New problems"), f.new.len())}</h3>
                    {finding_list(lang, "diff-new", &f.new)}
                    <h3>{format!("{} ({})", lang.t("已改正", "Fixed"), f.fixed.len())}</h3>
                    {finding_list(lang, "diff-fixed", &f.fixed)}
                    <details>
                        <summary>{format!("{} ({})", lang.t("仍未改正", "Still open"), f.open.len())}</summary>
                        {finding_list(lang, "diff-open", &f.open)}
                    </details>
                    if !c.warnings.is_empty() {
                        <h3>{format!("{} ({})", lang.t("需要核对：数据与上一版相同", "To check: figures as in the previous version"), c.warnings.len())}</h3>
                        <ul class="diff-warnings" data-testid="diff-warnings">{ for warnings }</ul>
                    }
                    <h3>{lang.t("数据", "Figures")}</h3>
                    <table class="diff-figures" data-testid="diff-figures">
                        <thead><tr><th>{lang.t("项目", "Label")}</th><th>{lang.t("上一版", "Previous")}</th><th>{lang.t("这一版", "This version")}</th><th></th></tr></thead>
                        <tbody>{ for figures }</tbody>
                    </table>
                </div>
                <div class="diff-view" data-testid="diff-view">
                    <h3>{ if en { format!("Text: {} changed, {} inserted, {} deleted, {} unchanged paragraphs", p.changed, p.inserted, p.deleted, p.same) }
                          else { format!("正文：修改 {} 段，新增 {} 段，删除 {} 段，未改 {} 段", p.changed, p.inserted, p.deleted, p.same) } }</h3>
                    if p.changes.is_empty() {
                        <p class="muted">{lang.t("两个版本的文字相同。", "The two versions read the same.")}</p>
                    }
                    { for paragraphs }
                    if more > 0 {
                        <p class="muted">{ if en { format!("… and {more} more changed paragraphs") } else { format!("……另有 {more} 段改动") } }</p>
                    } else {
                        { for same_run(p.same_after) }
                    }
                </div>
            </div>
        </section>
    }
}
