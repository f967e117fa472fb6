//! The batch table: one row per file, sortable, each readable row opening
//! its file in the workbench; CSV and printable exports.

use super::batch::Batch;
use super::download::download;
use super::i18n::{category_name, Lang};
use crate::batch::SortKey;
use crate::Category;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BatchProps {
    pub batch: Batch,
    pub lang: Lang,
    pub on_sort: Callback<SortKey>,
    pub on_open: Callback<usize>,
    pub on_close: Callback<()>,
}

#[function_component(BatchTable)]
pub fn batch_table(props: &BatchProps) -> Html {
    let lang = props.lang;
    let en = lang == Lang::En;
    let b = &props.batch;
    let csv = {
        let b = b.clone();
        Callback::from(move |_| {
            download(
                if en { "batch.csv" } else { "汇总表.csv" },
                "text/csv;charset=utf-8",
                &b.csv(en),
            )
        })
    };
    let html_dl = {
        let b = b.clone();
        Callback::from(move |_| {
            download(
                if en { "batch.html" } else { "汇总表.html" },
                "text/html;charset=utf-8",
                &b.html(en),
            )
        })
    };
    let header = |key: SortKey, label: String| {
        let on = b.sort == key;
        let aria = match (on, b.reverse) {
            (false, _) => "none",
            (true, false) => "descending",
            (true, true) => "ascending",
        };
        let sort = props.on_sort.reform(move |_| key);
        html! {
            <th aria-sort={aria}>
                <button type="button" class={classes!("sort", on.then_some("on"))} data-testid={format!("sort-{}", key.id())} onclick={sort}>
                    {label}{ if on { if b.reverse { " ▲" } else { " ▼" } } else { "" } }
                </button>
            </th>
        }
    };
    let progress = b.reading().then(|| {
        let done = b.entries.len();
        html! {
            <p class="progress" data-testid="batch-progress" role="status" aria-live="polite">
                <progress max={b.expected.to_string()} value={done.to_string()} />
                { if en { format!(" checking {done} of {} files…", b.expected) } else { format!(" 正在检查第 {done} / {} 个文件…", b.expected) } }
            </p>
        }
    });
    let rows = b.order.iter().filter_map(|&i| b.entries.get(i).map(|e| (i, e))).map(|(i, e)| {
        let r = &e.row;
        let readable = e.file.is_some();
        let open = props.on_open.reform(move |_| i);
        let verdict = if en { r.verdict_en() } else { r.verdict_zh() };
        let counts = readable.then(|| format!("{} / {} / {}", r.summary.error, r.summary.warning, r.summary.info));
        html! {
            <tr data-testid="batch-row" data-index={i.to_string()} data-ready={r.ready().to_string()}
                class={classes!(if r.failure.is_some() { "failed" } else if r.ready() { "ready" } else { "errors" })}
                onclick={readable.then_some(open)}>
                <td class="file">
                    if readable {
                        <button type="button" class="link" data-testid="batch-open">{r.path.clone()}</button>
                    } else {
                        {r.path.clone()}
                    }
                </td>
                <td>{r.profile_name(en).to_string()}</td>
                <td class="verdict" data-testid="batch-verdict">{verdict}</td>
                <td class="n">{counts.unwrap_or_default()}</td>
                { for r.by_category.iter().map(|&n| html! { <td class="n">{ if readable { n.to_string() } else { String::new() } }</td> }) }
                <td class="first" data-testid="batch-first">{r.first_problem(en)}</td>
            </tr>
        }
    });
    html! {
        <section class="batch-pane" data-testid="batch" aria-label={lang.t("汇总表", "Batch table")}>
            <div class="pane-head">
                <h2>{lang.t("汇总表", "Batch")}</h2>
                <span data-testid="batch-totals">{b.totals(en)}</span>
                <span class="grow" />
                <button type="button" data-testid="batch-csv" onclick={csv} disabled={b.reading()}>{lang.t("导出表格（Excel CSV）", "Export table (Excel CSV)")}</button>
                <button type="button" data-testid="batch-html" onclick={html_dl} disabled={b.reading()}>{lang.t("可打印的汇总（.html）", "Printable summary (.html)")}</button>
                <button type="button" data-testid="batch-close" onclick={props.on_close.reform(|_| ())}>{lang.t("关闭汇总", "Close the batch")}</button>
            </div>
            { for progress }
            <div class="table-scroll">
                <table class="batch-table" data-testid="batch-table">
                    <thead>
                        <tr>
                            {header(SortKey::Name, lang.t("文件", "File").to_string())}
                            <th>{lang.t("报告类型", "Type")}</th>
                            {header(SortKey::Verdict, lang.t("结论", "Verdict").to_string())}
                            {header(SortKey::Count, lang.t("错误 / 警告 / 提示", "Errors / warnings / notes").to_string())}
                            { for Category::ALL.iter().map(|&c| header(SortKey::Category(c), category_name(lang, c).to_string())) }
                            <th>{lang.t("首个错误", "First error")}</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}
