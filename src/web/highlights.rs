//! The text with every finding highlighted, coloured by category, and the
//! card that opens on a highlight.

use super::engine::explanation;
use super::i18n::{category_name, severity_name, Lang};
use super::runs::runs;
use super::shared::Shared;
use crate::{Finding, Report, Severity};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Above this many highlights, notes are not marked in the text.
const MAX_MARKS: usize = 4000;

/// A text that arrives whole ([`ARRIVED_BYTES`]) is drawn a few blocks a
/// frame from the top, so that no frame lays out more than a slice of it.
const WHOLE_TEXT: usize = super::state::ARRIVED_BYTES;
/// Bytes of text drawn per frame while a whole text is drawn (the layer's
/// layout costs in proportion to its text: BENCHMARKS.md).
const BYTES_PER_FRAME: usize = 32 * 1024;
/// Bytes drawn with the results: more than a screenful, in the render
/// that also draws the first rows of the lists.
const FIRST_BYTES: usize = 16 * 1024;

#[derive(Properties, PartialEq)]
pub struct DocViewProps {
    pub text: Rc<str>,
    pub report: Shared<Report>,
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
    // How many blocks are drawn in full (the rest wait for later frames),
    // and the length of the text last drawn.
    let drawn = use_mut_ref(|| usize::MAX);
    let drawn_len = use_mut_ref(|| 0usize);
    let redraw = use_force_update();
    let sheet = use_node_ref();
    // The text bytes of each block, for the frames' budget.
    let sizes = use_mut_ref(Vec::<usize>::new);
    // The height the layer keeps while blocks wait: read once per whole text.
    let held = use_mut_ref(|| None::<i32>);
    let frames = super::progressive::use_frames();
    {
        let (drawn, sizes, sheet) = (drawn.clone(), sizes.clone(), sheet.clone());
        let (held, redraw) = (held.clone(), redraw.clone());
        // After every render: while blocks wait, the layer keeps the
        // textarea's full height (the sheet must not shrink under the
        // user's scroll position), and the next slice is drawn next frame.
        use_effect(move || {
            let Some(doc) = sheet.cast::<HtmlElement>() else {
                return;
            };
            if *drawn.borrow() >= sizes.borrow().len() {
                if held.borrow_mut().take().is_some() {
                    let _ = doc.style().remove_property("min-height");
                }
                return;
            }
            if held.borrow().is_none() {
                let height = gloo::utils::document()
                    .query_selector("[data-testid=editor]")
                    .ok()
                    .flatten()
                    .and_then(|e| e.dyn_into::<HtmlElement>().ok())
                    .map_or(0, |area| area.scroll_height());
                let _ = doc
                    .style()
                    .set_property("min-height", &format!("{height}px"));
                *held.borrow_mut() = Some(height);
            }
            let at = *drawn.borrow();
            frames.later(move || {
                let mut d = drawn.borrow_mut();
                // Every render asks for the next slice: one does it.
                if *d != at {
                    return false;
                }
                *d = next_slice(&sizes.borrow(), at);
                drop(d);
                redraw.force_update();
                true
            });
        });
    }
    // Lines are grouped in blocks: a block whose lines did not change is not
    // re-rendered, and 50,000 lines make only ~800 components. Cut once per
    // report, not once per frame of a text drawn in slices.
    let cut = use_memo(
        (
            props.text.clone(),
            props.report.clone(),
            props.visible.clone(),
            props.selected,
            lang,
        ),
        |(text, report, visible, selected, lang)| {
            let shown = marked(&report.findings, visible);
            let lines = split_lines(
                text,
                &report.findings,
                &runs(text.len(), &report.findings, &shown),
                *selected,
                *lang,
            );
            (into_blocks(lines), visible.len() - shown.len())
        },
    );
    let (cut, unmarked) = (&cut.0, cut.1);
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
    let cap_note = (unmarked > 0).then(|| {
        html! { <p class="pane-note cap-note" role="note" data-testid="cap-note">{format!("{} {unmarked} {}", lang.t("为保持流畅，正文中未标出其中", "To stay responsive, the text does not mark"), lang.t("处（多为标点提示），请在问题列表中查看或一键修正。", "of them (mostly punctuation notes); see the list, or fix them all at once."))}</p> }
    });
    let previous_len = std::mem::replace(&mut *drawn_len.borrow_mut(), text.len());
    *sizes.borrow_mut() = cut.iter().map(|b| b.1).collect();
    if text.len().abs_diff(previous_len) > WHOLE_TEXT {
        *drawn.borrow_mut() = slice(&sizes.borrow(), 0, FIRST_BYTES);
    }
    let limit = *drawn.borrow();
    // The block holding the chosen finding is drawn at once: its card opens
    // on its mark.
    let chosen = props.selected.and_then(|i| findings.get(i)).and_then(|f| {
        cut.iter()
            .position(|b| b.0.last().is_some_and(|l| l.line >= f.line))
    });
    let blocks: Vec<Html> = cut
        .iter()
        .enumerate()
        .map(|(k, (lines, _))| {
            if k < limit || Some(k) == chosen {
                html! { <DocBlock lines={lines.clone()} /> }
            } else {
                html! { <div class="block"></div> }
            }
        })
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
            <div class="doc" data-testid="doc" aria-hidden="true" {onclick} ref={sheet}>{ for blocks }</div>
        </>
    };
    *last.borrow_mut() = layer.clone();
    // One shape in every state (a note, the layer, the card), so that Yew
    // compares the layer with the last one instead of building it again.
    html! { <>{ for None::<Html> }{ layer }{ for card }</> }
}

/// The findings marked in the text. A huge paste can carry tens of
/// thousands of notes (half-width marks): past MAX_MARKS the notes are left
/// to the list (and its fix-all), so the page stays responsive. Errors and
/// warnings are always marked; if there are still too many (thousands of
/// errors), the first MAX_MARKS.
fn marked(findings: &[Finding], visible: &[usize]) -> Vec<usize> {
    let mut shown: Vec<usize> = if visible.len() > MAX_MARKS {
        visible
            .iter()
            .copied()
            .filter(|&i| {
                findings
                    .get(i)
                    .is_some_and(|f| f.severity != Severity::Info)
            })
            .collect()
    } else {
        visible.to_vec()
    };
    shown.truncate(MAX_MARKS);
    shown
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
    // Whole pixels (the boxes' offsets are whole already): a float's
    // formatting would bring Rust's float printer into the download.
    let px = |v: f64| format!("{}px", v.round() as i64);
    let set = |position: &str, top: f64, left: f64, width: Option<f64>| {
        let _ = style.set_property("position", position);
        let _ = style.set_property("top", &px(top));
        let _ = style.set_property("left", &px(left));
        match width {
            Some(w) => style.set_property("width", &px(w)),
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
/// A block ends before this many bytes of text, unless one line is longer.
const BLOCK_BYTES: usize = 8 * 1024;

/// Lines grouped into blocks of at most LINES_PER_BLOCK lines and about
/// BLOCK_BYTES of text, with each block's text bytes.
fn into_blocks(lines: Vec<DocLineProps>) -> Vec<(Rc<Vec<DocLineProps>>, usize)> {
    let mut out = Vec::new();
    let (mut block, mut bytes) = (Vec::new(), 0);
    for line in lines {
        let n = line.text.len() + 1;
        if !block.is_empty() && (block.len() == LINES_PER_BLOCK || bytes + n > BLOCK_BYTES) {
            out.push((Rc::new(std::mem::take(&mut block)), bytes));
            bytes = 0;
        }
        bytes += n;
        block.push(line);
    }
    if !block.is_empty() {
        out.push((Rc::new(block), bytes));
    }
    out
}

/// The number of blocks drawn after the next frame: at least one more,
/// then as many as fit in BYTES_PER_FRAME.
fn next_slice(sizes: &[usize], drawn: usize) -> usize {
    slice(sizes, drawn, BYTES_PER_FRAME)
}

/// `drawn` blocks and at least one more, then as many as fit in `bytes`.
fn slice(sizes: &[usize], drawn: usize, bytes: usize) -> usize {
    let mut budget = 0;
    let mut k = drawn;
    while k < sizes.len() && (k == drawn || budget + sizes[k] <= bytes) {
        budget += sizes[k];
        k += 1;
    }
    k
}

#[derive(Properties)]
struct DocBlockProps {
    lines: Rc<Vec<DocLineProps>>,
}

impl PartialEq for DocBlockProps {
    /// The same block of the same cut (each frame of a long text drawn in
    /// slices renders every block drawn so far again) is equal at a glance:
    /// comparing its lines each frame would read the whole text drawn so
    /// far once a frame. Only a block of a new cut is compared line by line.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.lines, &other.lines) || self.lines == other.lines
    }
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
