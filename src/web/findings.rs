//! The findings panel: grouped by category with counts, chips that filter
//! the list to one category or severity, aggregated items that expand,
//! fix-all buttons.

use super::i18n::{category_name, severity_name, Lang};
use super::shared::Shared;
use crate::{Category, Finding, Report, Severity};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// Items shown per group before "show the others": a row costs the page
/// about 0.1 ms to build, and seven groups of 200 held it for a tenth of a
/// second each time a large draft's results came in.
const LIST_CAP: usize = 100;

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub report: Shared<Report>,
    pub visible: Rc<Vec<usize>>,
    pub selected: Option<usize>,
    pub expanded: BTreeSet<String>,
    pub only_category: Option<Category>,
    pub only_severity: Option<Severity>,
    /// F8 goes through the notes too.
    pub include_notes: bool,
    pub lang: Lang,
    pub on_include_notes: Callback<bool>,
    pub on_select: Callback<usize>,
    pub on_apply_rule: Callback<String>,
    pub on_toggle_expanded: Callback<String>,
    pub on_toggle_category: Callback<Category>,
    pub on_toggle_severity: Callback<Severity>,
}

#[function_component(FindingsPanel)]
pub fn findings_panel(props: &FindingsProps) -> Html {
    let lang = props.lang;
    let findings = &props.report.findings;
    // Long groups show their first LIST_CAP items until asked for all.
    let show_all = use_state(BTreeSet::<Category>::new);
    // Rules that have an aggregate item: their single items fold under it.
    let aggregated: BTreeSet<&str> = findings
        .iter()
        .filter(|f| f.aggregate.is_some())
        .map(|f| f.rule.as_str())
        .collect();
    let all_counts = |c: Category| {
        findings
            .iter()
            .filter(|f| f.category == c && f.aggregate.is_none())
            .count()
    };

    let category_filters = Category::ALL.iter().filter(|&&c| all_counts(c) > 0).map(|&c| {
        let on = props.only_category == Some(c);
        let toggle = props.on_toggle_category.reform(move |_| c);
        html! {
            <button type="button" class={classes!("chip", format!("cat-{}", c.id()), on.then_some("on"))} aria-pressed={on.to_string()}
                data-testid="filter-category" data-category={c.id()} onclick={toggle}>
                {format!("{} {}", category_name(lang, c), all_counts(c))}
            </button>
        }
    });
    let severity_count = |v: Severity| {
        findings
            .iter()
            .filter(|f| f.severity == v && f.aggregate.is_none())
            .count()
    };
    let severity_filters = [Severity::Error, Severity::Warning, Severity::Info].into_iter().filter(|&v| severity_count(v) > 0).map(|s| {
        let on = props.only_severity == Some(s);
        let toggle = props.on_toggle_severity.reform(move |_| s);
        html! {
            <button type="button" class={classes!("chip", format!("sev-{}", s.id()), on.then_some("on"))} aria-pressed={on.to_string()}
                data-testid="filter-severity" data-severity={s.id()} onclick={toggle}>{format!("{} {}", severity_name(lang, s), severity_count(s))}</button>
        }
    });
    let filtered = props.only_category.is_some() || props.only_severity.is_some();
    let clear = {
        let (cat, sev) = (props.only_category, props.only_severity);
        let (on_cat, on_sev) = (
            props.on_toggle_category.clone(),
            props.on_toggle_severity.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            // The same chip again clears its filter.
            if let Some(c) = cat {
                on_cat.emit(c);
            }
            if let Some(v) = sev {
                on_sev.emit(v);
            }
        })
    };
    let on_notes = props.on_include_notes.reform(|e: Event| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .checked()
    });

    // Per category: its findings, and what makes a row of its own (an
    // aggregate, or a finding whose rule has none: the others fold under
    // their aggregate). The cap counts rows, so that "show the others"
    // always shows something.
    let by_category: Vec<(Category, Vec<usize>, Vec<usize>)> = Category::ALL
        .iter()
        .filter_map(|&cat| {
            let items: Vec<usize> = props
                .visible
                .iter()
                .copied()
                .filter(|&i| findings.get(i).is_some_and(|f| f.category == cat))
                .collect();
            if items.is_empty() {
                return None;
            }
            let shown: Vec<usize> = items
                .iter()
                .copied()
                .filter(|&i| {
                    findings[i].aggregate.is_some()
                        || !aggregated.contains(findings[i].rule.as_str())
                })
                .collect();
            Some((cat, items, shown))
        })
        .collect();
    let capped = |cat: Category, shown: &[usize]| {
        if show_all.contains(&cat) {
            shown.len()
        } else {
            shown.len().min(LIST_CAP)
        }
    };
    let rows_total: usize = by_category
        .iter()
        .map(|(cat, _, shown)| capped(*cat, shown))
        .sum();
    // The rows drawn now: a large report's list is drawn over a few frames.
    let key = (
        props.report.id(),
        Rc::as_ptr(&props.visible) as usize,
        (*show_all).clone(),
    );
    let mut budget = super::progressive::use_progressive(key, rows_total);

    let groups = by_category.iter().map(|(cat, items, shown)| {
        let (cat, items) = (*cat, items);
        let count = items.iter().filter(|&&i| findings[i].aggregate.is_none()).count();
        let all = show_all.contains(&cat);
        let hidden = if all { 0 } else { shown.len().saturating_sub(LIST_CAP) };
        let drawn = capped(cat, shown).min(budget);
        budget -= drawn;
        let more = (hidden > 0).then(|| {
            let show_all = show_all.clone();
            let onclick = Callback::from(move |_| {
                let mut next = (*show_all).clone();
                next.insert(cat);
                show_all.set(next);
            });
            html! { <li><button type="button" class="link more" data-testid="show-more" {onclick}>{format!("{} {hidden} {}", lang.t("显示其余", "Show the other"), lang.t("项", "items"))}</button></li> }
        });
        let rows = shown.iter().take(drawn).map(|&i| {
            let f = &findings[i];
            if let Some(n) = f.aggregate {
                let open = props.expanded.contains(&f.rule);
                let rule = f.rule.clone();
                let toggle = props.on_toggle_expanded.reform({ let r = rule.clone(); move |_| r.clone() });
                let fix_all = props.on_apply_rule.reform(move |_| rule.clone());
                let members = open.then(|| {
                    let rows = items.iter().filter(|&&j| findings[j].rule == f.rule && findings[j].aggregate.is_none()).take(LIST_CAP * 5).map(|&j| row(props, j, &findings[j]));
                    html! { <ul class="members" role="list">{ for rows }</ul> }
                });
                return html! {
                    <li class="aggregate" data-testid="aggregate" data-rule={f.rule.clone()}>
                        <div class="agg-head">
                            <button type="button" class="expand" aria-expanded={open.to_string()} onclick={toggle} data-testid="expand">
                                {if open { "▾ " } else { "▸ " }}{lang.pick(&f.message, &f.message_en).to_string()}
                            </button>
                            <button type="button" class="primary small" data-testid="fix-all" onclick={fix_all}>{format!("{} ({n})", lang.t("全部修正", "Fix all"))}</button>
                        </div>
                        { for members }
                    </li>
                };
            }
            row(props, i, f)
        });
        html! {
            <li class="group" data-testid="group" data-category={cat.id()}>
                <h3>{category_name(lang, cat)}<span class="n">{count}</span></h3>
                <ul role="list">{ for rows }{ for more }</ul>
            </li>
        }
    });

    html! {
        <section class="findings-pane" aria-label={lang.t("问题列表", "Problems")}>
            if findings.iter().any(|f| f.aggregate.is_none()) {
                <div class="filters" role="group" aria-label={lang.t("只看", "Show only")}>
                    { for category_filters }
                    <span class="sep" />
                    { for severity_filters }
                    if filtered {
                        <button type="button" class="link" data-testid="filter-clear" onclick={clear}>{lang.t("显示全部", "Show all")}</button>
                    }
                </div>
            }
            <ul class="groups" role="list">{ for groups }</ul>
            if props.visible.is_empty() && !findings.is_empty() {
                <p class="muted">{lang.t("没有符合筛选条件的问题。", "No problems match the filters.")}</p>
            }
            <p class="muted keys">
                <span>{lang.t("F8 / Shift+F8：下一个 / 上一个错误或警告", "F8 / Shift+F8: next / previous error or warning")}</span>
                <label class="check">
                    <input type="checkbox" data-testid="include-notes" checked={props.include_notes} onchange={on_notes} />
                    {lang.t("包括提示", "include notes")}
                </label>
            </p>
        </section>
    }
}

fn row(props: &FindingsProps, i: usize, f: &Finding) -> Html {
    let lang = props.lang;
    let onclick = props.on_select.reform(move |_| i);
    html! {
        <li data-testid="finding" data-category={f.category.id()} data-severity={f.severity.id()} data-rule={f.rule.clone()} data-index={i.to_string()}
            class={classes!("finding", format!("cat-{}", f.category.id()), (props.selected == Some(i)).then_some("selected"))}>
            <button type="button" {onclick} aria-current={(props.selected == Some(i)).then_some("true")}>
                <span class={classes!("sev", format!("sev-{}", f.severity.id()))}>{severity_name(lang, f.severity)}</span>
                <span class="where" data-testid="where" title={format!("{} {}, {} {}", lang.t("行", "line"), f.line, lang.t("列", "column"), f.column)}>{where_label(lang, f)}</span>
                <span class="msg">{lang.pick(&f.message, &f.message_en).to_string()}</span>
            </button>
        </li>
    }
}

/// The finding's place as a Word user counts ("二、存在问题 › 第3段"), or
/// its line and column when it has none.
pub fn where_label(lang: Lang, f: &Finding) -> String {
    match &f.place {
        Some(p) => p.label(lang == Lang::En),
        None => format!("{}:{}", f.line, f.column),
    }
}
