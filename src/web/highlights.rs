//! The text with every finding highlighted, coloured by category, and the
//! card that opens on a highlight.

use super::i18n::{category_name, severity_name, Lang};
use super::runs::runs;
use crate::rules::explanation;
use crate::{Finding, Report, Severity};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Above this many highlights, notes are not marked in the text.
const MAX_MARKS: usize = 4000;

#[derive(Properties, PartialEq)]
pub struct DocViewProps {
    pub text: Rc<str>,
    pub report: Rc<Report>,
    pub visible: Rc<Vec<usize>>,
    pub selected: Option<usize>,
    pub card: Option<(usize, f64, f64)>,
    pub lang: Lang,
    pub busy: bool,
    pub on_open: Callback<(usize, f64, f64)>,
    pub on_close: Callback<()>,
    pub on_apply: Callback<usize>,
    pub on_ignore: Callback<usize>,
}

#[function_component(DocView)]
pub fn doc_view(props: &DocViewProps) -> Html {
    let text: &str = &props.text;
    let lang = props.lang;
    // The layer last drawn. While a large text waits for its analysis the
    // layer stays as it was: drawn anew without marks it would collapse the
    // sheet, and the page would jump to the top under the user's caret.
    let last = use_mut_ref(Html::default);
    if props.busy {
        let progress = html! { <p class="pane-note progress" role="status" data-testid="progress">{lang.t("正在检查，请稍候…", "Checking, please wait…")}</p> };
        let layer = last.borrow().clone();
        return html! { <>{ for Some(progress) }{ layer }{ for None::<Html> }</> };
    }
    if text.is_empty() {
        let layer = html! { <div class="doc" data-testid="doc" aria-hidden="true"></div> };
        *last.borrow_mut() = layer.clone();
        return html! { <>{ for None::<Html> }{ layer }{ for None::<Html> }</> };
    }
    let findings = &props.report.findings;
    // One delegated handler for every mark: the mark's index is in its id.
    let onclick = {
        let on_open = props.on_open.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(target) = e.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) else {
                return;
            };
            let Ok(Some(mark)) = target.closest("mark[data-index]") else {
                return;
            };
            let Some(i) = mark
                .get_attribute("data-index")
                .and_then(|v| v.parse::<usize>().ok())
            else {
                return;
            };
            let Ok(mark) = mark.dyn_into::<HtmlElement>() else {
                return;
            };
            let top = f64::from(mark.offset_top() + mark.offset_height()) + 4.0;
            let left = f64::from(mark.offset_left());
            on_open.emit((i, top, left));
        })
    };
    // A huge paste can carry tens of thousands of notes (half-width marks):
    // past MAX_MARKS the notes are left to the list (and its fix-all), so the
    // page stays responsive. Errors and warnings are always marked.
    let capped: Vec<usize>;
    let shown: &[usize] = if props.visible.len() > MAX_MARKS {
        capped = props
            .visible
            .iter()
            .copied()
            .filter(|&i| {
                findings
                    .get(i)
                    .is_some_and(|f| f.severity != Severity::Info)
            })
            .collect();
        &capped
    } else {
        &props.visible
    };
    // Still too many (thousands of errors): mark the first MAX_MARKS.
    let shown = &shown[..shown.len().min(MAX_MARKS)];
    let unmarked = props.visible.len() - shown.len();
    let cap_note = (unmarked > 0).then(|| {
        html! { <p class="pane-note cap-note" role="note" data-testid="cap-note">{format!("{} {unmarked} {}", lang.t("为保持流畅，正文中未标出其中", "To stay responsive, the text does not mark"), lang.t("处（多为标点提示），请在问题列表中查看或一键修正。", "of them (mostly punctuation notes); see the list, or fix them all at once."))}</p> }
    });
    let lines = split_lines(
        text,
        findings,
        &runs(text.len(), findings, shown),
        props.selected,
        lang,
    );
    // Lines are grouped in blocks: a block whose lines did not change is not
    // re-rendered, and 50,000 lines make only ~800 components.
    let blocks: Vec<Html> = lines
        .chunks(LINES_PER_BLOCK)
        .map(|chunk| html! { <DocBlock lines={Rc::new(chunk.to_vec())} /> })
        .collect();
    let card = props.card.and_then(|(i, top, left)| {
        findings.get(i).map(|f| {
            html! { <Card finding={f.clone()} index={i} {top} {left} {lang}
                on_close={props.on_close.clone()} on_apply={props.on_apply.clone()} on_ignore={props.on_ignore.clone()} /> }
        })
    });
    // The layer is a copy of the textarea's text for the marks only: screen
    // readers read the textarea (and the findings list), not this.
    let layer = html! {
        <>
            { for cap_note }
            <div class="doc" data-testid="doc" aria-hidden="true" {onclick}>{ for blocks }</div>
        </>
    };
    *last.borrow_mut() = layer.clone();
    // One shape in every state (a note, the layer, the card), so that Yew
    // compares the layer with the last one instead of building it again.
    html! { <>{ for None::<Html> }{ layer }{ for card }</> }
}

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub finding: Finding,
    pub index: usize,
    pub top: f64,
    pub left: f64,
    pub lang: Lang,
    pub on_close: Callback<()>,
    pub on_apply: Callback<usize>,
    pub on_ignore: Callback<usize>,
}

/// The card of one finding: message, the rule's explanation, the fix.
#[function_component(Card)]
pub fn card(props: &CardProps) -> Html {
    let f = &props.finding;
    let lang = props.lang;
    let (zh, en) = explanation(&f.rule);
    let why = lang.pick(zh, en).to_string();
    let i = props.index;
    let close = props.on_close.reform(|_| ());
    let apply = props.on_apply.reform(move |_| i);
    let ignore = props.on_ignore.reform(move |_| i);
    let suggestion = f.suggestion.as_ref().map(|s| {
        let shown = if s.is_empty() { lang.t("（删除）", "(delete)").to_string() } else { format!("“{s}”") };
        html! {
            <div class="card-fix">
                <span>{lang.t("建议改为：", "Suggested: ")}<strong>{shown}</strong></span>
                <button type="button" class="primary" data-testid="apply-fix" onclick={apply}>{lang.t("应用修正", "Apply fix")}</button>
            </div>
        }
    });
    // Positioned through the CSSOM: the CSP forbids inline style attributes.
    let node = use_node_ref();
    {
        let node = node.clone();
        let (top, left) = (props.top, props.left.max(0.0));
        let index = props.index;
        use_effect_with((index, top.to_bits(), left.to_bits()), move |_| {
            if let Some(el) = node.cast::<HtmlElement>() {
                place_card(&el, index, top, left);
            }
        });
    }
    html! {
        <div ref={node} class={classes!("card", format!("cat-{}", f.category.id()))} data-testid="card" role="dialog"
            aria-label={lang.pick(&f.message, &f.message_en).to_string()}>
            <div class="card-head">
                <span class="card-cat">{category_name(lang, f.category)}</span>
                <span class={classes!("sev", format!("sev-{}", f.severity.id()))}>{severity_name(lang, f.severity)}</span>
                <button type="button" class="close" aria-label={lang.t("关闭", "Close")} onclick={close}>{"×"}</button>
            </div>
            <p class="card-where" data-testid="card-where">{super::findings::where_label(lang, f)}</p>
            <p class="card-msg">{lang.pick(&f.message, &f.message_en).to_string()}</p>
            { for suggestion }
            <details class="card-why">
                <summary>{lang.t("为什么？", "Why?")}</summary>
                <p class="why" data-testid="explanation">{why}</p>
            </details>
            <div class="card-actions">
                <button type="button" data-testid="ignore" onclick={ignore}>{lang.t("忽略（确属有意）", "Ignore (intended)")}</button>
            </div>
        </div>
    }
}

/// Where the card goes, never over the text. A sheet wide enough keeps a
/// margin on its right (style.css), as Word keeps one for comments: the
/// card sits there, level with its mark. A narrower sheet beside the
/// findings column (office laptops at 125–150 %): the card lies over the top
/// of that column. Only a window too narrow for both columns opens it under
/// the mark's line.
fn place_card(card: &HtmlElement, index: usize, top: f64, left: f64) {
    let style = card.style();
    let set = |position: &str, top: f64, left: f64, width: Option<f64>| {
        let _ = style.set_property("position", position);
        let _ = style.set_property("top", &format!("{top}px"));
        let _ = style.set_property("left", &format!("{left}px"));
        match width {
            Some(w) => style.set_property("width", &format!("{w}px")),
            None => style.remove_property("width").map(drop),
        }
        .ok();
    };
    let Some(sheet) = card.parent_element() else {
        return set("absolute", top, left, None);
    };
    let margin = gloo::utils::window()
        .get_computed_style(&sheet)
        .ok()
        .flatten()
        .and_then(|s| s.get_property_value("margin-right").ok())
        // Whole pixels are enough, and an integer parse keeps Rust's float
        // parser (and its tables) out of the download.
        .and_then(|v| v.split(['.', 'p']).next()?.parse::<i32>().ok())
        .unwrap_or(0);
    let width = f64::from(sheet.client_width());
    // From the boxes on screen: a mark's offsetTop counts from its block
    // (each block contains its layout), not from the sheet.
    let Some(mark) = gloo::utils::document().get_element_by_id(&format!("mark-{index}")) else {
        return set("absolute", top, left, None);
    };
    let (m, s) = (
        mark.get_bounding_client_rect(),
        sheet.get_bounding_client_rect(),
    );
    if margin >= 200 {
        return set(
            "absolute",
            (m.top() - s.top() - 4.0).max(0.0),
            width + 10.0,
            None,
        );
    }
    let side = gloo::utils::document()
        .query_selector(".workspace > .side")
        .ok()
        .flatten()
        .map(|e| e.get_bounding_client_rect())
        .filter(|r| r.width() >= 280.0 && r.left() >= s.right());
    if let Some(r) = side {
        return set(
            "fixed",
            r.top() + 6.0,
            r.left() + 6.0,
            Some(r.width() - 12.0),
        );
    }
    let fit = (width - f64::from(card.offset_width()) - 8.0).max(0.0);
    set(
        "absolute",
        m.bottom() - s.top() + 4.0,
        (m.left() - s.left()).max(0.0).min(fit),
        None,
    );
}

/// One highlight inside a line: (start, end) relative to the line.
#[derive(Clone, PartialEq)]
pub struct MarkSpec {
    start: usize,
    end: usize,
    index: usize,
    category: &'static str,
    severity: &'static str,
    rule: AttrValue,
    title: AttrValue,
    selected: bool,
}

#[derive(Properties, Clone, PartialEq)]
pub struct DocLineProps {
    /// 1-based line number (the outline jumps to `l-<line>`).
    pub line: usize,
    pub text: AttrValue,
    pub marks: Rc<Vec<MarkSpec>>,
}

/// Cuts the runs at line breaks. Lines keep line-relative offsets, so a
/// keystroke re-renders only the line it changed: the others compare equal.
fn split_lines(
    text: &str,
    findings: &[Finding],
    runs: &[(usize, usize, Option<usize>)],
    selected: Option<usize>,
    lang: Lang,
) -> Vec<DocLineProps> {
    let mut out = Vec::new();
    let mut line_start = 0;
    let mut marks: Vec<MarkSpec> = Vec::new();
    let flush = |end: usize,
                 line_start: &mut usize,
                 marks: &mut Vec<MarkSpec>,
                 out: &mut Vec<DocLineProps>| {
        out.push(DocLineProps {
            line: out.len() + 1,
            text: AttrValue::from(text.get(*line_start..end).unwrap_or("").to_string()),
            marks: Rc::new(std::mem::take(marks)),
        });
    };
    for &(s, e, f) in runs {
        let mut pos = s;
        while pos < e {
            let piece_end = text
                .get(pos..e)
                .and_then(|p| p.find('\n'))
                .map_or(e, |k| pos + k);
            if let Some(f) = f.and_then(|i| findings.get(i).map(|x| (i, x))) {
                if piece_end > pos {
                    let (i, finding) = f;
                    marks.push(MarkSpec {
                        start: pos - line_start,
                        end: piece_end - line_start,
                        index: i,
                        category: finding.category.id(),
                        severity: finding.severity.id(),
                        rule: AttrValue::from(finding.rule.clone()),
                        title: AttrValue::from(
                            lang.pick(&finding.message, &finding.message_en).to_string(),
                        ),
                        selected: selected == Some(i),
                    });
                }
            }
            if piece_end < e {
                flush(piece_end, &mut line_start, &mut marks, &mut out);
                line_start = piece_end + 1;
                pos = piece_end + 1;
            } else {
                pos = e;
            }
        }
    }
    flush(text.len(), &mut line_start, &mut marks, &mut out);
    out
}

const LINES_PER_BLOCK: usize = 64;

#[derive(Properties, PartialEq)]
struct DocBlockProps {
    lines: Rc<Vec<DocLineProps>>,
}

#[function_component(DocBlock)]
fn doc_block(props: &DocBlockProps) -> Html {
    // A block of its own, so the browser can skip laying out the blocks
    // out of view (style.css: content-visibility).
    html! { <div class="block">{ for props.lines.iter().map(doc_line) }</div> }
}

fn doc_line(props: &DocLineProps) -> Html {
    let text: &str = &props.text;
    let mut pos = 0;
    let mut nodes: Vec<Html> = Vec::with_capacity(props.marks.len() * 2 + 1);
    for m in props.marks.iter() {
        if m.start > pos {
            nodes.push(html! { text.get(pos..m.start).unwrap_or("") });
        }
        let class = classes!(
            "mark",
            format!("cat-{}", m.category),
            format!("sev-{}", m.severity),
            m.selected.then_some("selected")
        );
        nodes.push(html! {
            <mark data-testid="mark" data-category={m.category} data-rule={m.rule.clone()} data-index={m.index.to_string()}
                id={format!("mark-{}", m.index)} {class} title={m.title.clone()}>{text.get(m.start..m.end).unwrap_or("")}</mark>
        });
        pos = m.end;
    }
    if pos < text.len() {
        nodes.push(html! { text.get(pos..).unwrap_or("") });
    }
    html! { <div class="line" id={format!("l-{}", props.line)}>{ for nodes }</div> }
}
