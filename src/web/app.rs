//! The app shell: summary bar, editor, highlighted text, side panels, and
//! the page-wide handlers (drop a file, F8, Ctrl+Z, Escape).

use super::batch::{self as web_batch, Batch, BatchAction};
use super::batch_view::BatchTable;
use super::compare::{CompareView, Compared};
use super::editor::Editor;
use super::export::ExportPanel;
use super::files;
use super::fillin::FillInForm;
use super::findings::FindingsPanel;
use super::formulations::FormulationSettings;
use super::highlights::DocView;
use super::i18n::Lang;
use super::outline::Outline;
use super::picked::{self, Picked};
use super::profiles::ProfileEditor;
use super::shared::Shared;
use super::state::{Action, IgnoreLoader, State, Tab, ARRIVED_BYTES, DEFER_BYTES};
use super::storage;
use super::summary::SummaryBar;
use crate::batch::Row;
use crate::decode::LoadError;
use crate::{Config, Profile, ProfileChoice};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::file::callbacks::FileReader;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    HtmlTextAreaElement, KeyboardEvent, ScrollBehavior, ScrollIntoViewOptions,
    ScrollLogicalPosition,
};
use yew::prelude::*;

/// Findings bytes above which an answer is read in one task and drawn in
/// the next (about 2,000 findings).
const LARGE_ANSWER: usize = 64 * 1024;

/// Scrolls an element of the text view into view and flashes it.
fn reveal(id: &str) {
    let Some(el) = gloo::utils::document().get_element_by_id(id) else {
        return;
    };
    let opts = ScrollIntoViewOptions::new();
    opts.set_behavior(ScrollBehavior::Smooth);
    opts.set_block(ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
    let list = el.class_list();
    let _ = list.remove_1("flash");
    // Re-adding on the next frame restarts the animation.
    Timeout::new(20, move || {
        let _ = list.add_1("flash");
    })
    .forget();
}

/// Selects a byte range in the editor and gives it the focus, so the user
/// can type over it.
fn select_in_editor(text: &str, start: usize, end: usize) {
    let Some(area) = gloo::utils::document()
        .query_selector("[data-testid=editor]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
    else {
        return;
    };
    let utf16 = |b: usize| text.get(..b).map_or(0, |s| s.encode_utf16().count()) as u32;
    // The caret shows where the finding is; the mark's own scrolling brings
    // it into view (reveal), so focusing must not scroll.
    let opts = web_sys::FocusOptions::new();
    opts.set_prevent_scroll(true);
    let _ = area.focus_with_options(&opts);
    let _ = area.set_selection_range(utf16(start), utf16(end));
}

/// Reads `profiles/index.json` next to the page: an array of profiles, or
/// of file names in the same folder. Absent (or file://): nothing happens.
async fn fetch_intranet_profiles() -> Vec<Profile> {
    // Opened as a file (the single-file build): there is no server to ask.
    if gloo::utils::window()
        .location()
        .protocol()
        .is_ok_and(|p| p == "file:")
    {
        return Vec::new();
    }
    async fn get(url: &str) -> Option<String> {
        let window = gloo::utils::window();
        let resp = JsFuture::from(window.fetch_with_str(url)).await.ok()?;
        let resp: web_sys::Response = resp.dyn_into().ok()?;
        if !resp.ok() {
            return None;
        }
        JsFuture::from(resp.text().ok()?).await.ok()?.as_string()
    }
    let Some(index) = get("profiles/index.json").await else {
        return Vec::new();
    };
    let Ok(items) = serde_json::from_str::<Vec<serde_json::Value>>(&index) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items {
        let json = match item {
            serde_json::Value::String(name) if !name.contains("..") && !name.contains(':') => {
                get(&format!("profiles/{name}")).await
            }
            v @ serde_json::Value::Object(_) => Some(v.to_string()),
            _ => None,
        };
        if let Some(p) = json.and_then(|j| Profile::from_json(&j).ok()) {
            out.push(p);
        }
    }
    out
}

/// What reads a batch: the files still to read, where the rows go, and
/// the analysis settings of the batch.
#[derive(Clone)]
struct BatchReader {
    queue: Rc<RefCell<VecDeque<(String, gloo::file::File)>>>,
    batch: UseReducerHandle<Batch>,
    choice: Rc<ProfileChoice>,
    /// The user's Settings (their standard formulations), as for one document.
    config: Rc<Config>,
    profiles: Rc<Vec<Profile>>,
    /// The reader of the file being read (dropping it cancels the read).
    slot: Rc<RefCell<Option<FileReader>>>,
    /// The batch being read now; a reader of an older batch stops.
    current: Rc<RefCell<u32>>,
    mine: u32,
}

impl BatchReader {
    /// Reads the next file, adds its row, and goes on to the next. Each
    /// file's row is added by the reader's own event, a task of its own:
    /// the table and the progress paint in between and the page stays
    /// responsive (a timer between files would only add its 4 ms).
    fn next(self) {
        if *self.current.borrow() != self.mine {
            return;
        }
        let Some((name, file)) = self.queue.borrow_mut().pop_front() else {
            return;
        };
        let slot = self.slot.clone();
        let task = read_bytes(&file, move |res| {
            if *self.current.borrow() != self.mine {
                return;
            }
            let loaded = match res {
                Ok(bytes) => files::read(&name, &bytes),
                Err(e) => Err(unreadable(&e)),
            };
            let entry = web_batch::entry(&name, loaded, &self.choice, &self.config, &self.profiles);
            self.batch.dispatch(BatchAction::Add(entry));
            self.next();
        });
        // The reader replaced may be the one whose event is running: it is
        // dropped once that event is over.
        let replaced = slot.borrow_mut().replace(task);
        if let Some(done) = replaced {
            Timeout::new(0, move || drop(done)).forget();
        }
    }
}

/// Reads a file's bytes; `done` gets them or the browser's error. One
/// instantiation of gloo's reader for every caller (each closure type
/// would be a copy of it in the download).
fn read_bytes(
    file: &gloo::file::File,
    done: impl FnOnce(Result<Vec<u8>, gloo::file::FileReadError>) + 'static,
) -> FileReader {
    let done: Box<dyn FnOnce(Result<Vec<u8>, gloo::file::FileReadError>)> = Box::new(done);
    gloo::file::callbacks::read_as_bytes(file, done)
}

fn unreadable(e: &gloo::file::FileReadError) -> LoadError {
    LoadError::new(
        format!("浏览器无法读取这个文件：{e}"),
        format!("the browser could not read the file: {e}"),
    )
}

/// A callback that dispatches a fixed action, whatever its event.
fn send<E: 'static>(state: &UseReducerHandle<State>, make: fn() -> Action) -> Callback<E> {
    let state = state.clone();
    Callback::from(move |_: E| state.dispatch(make()))
}

#[function_component(App)]
pub fn app() -> Html {
    // The queue of drawing that waits for a frame (progressive.rs).
    let frames = use_memo((), |_| super::progressive::Frames::default());
    let state = use_reducer(|| {
        State::new(
            storage::stored(),
            IgnoreLoader(Rc::new(storage::load_ignores)),
        )
    });
    let lang = state.lang();
    let reader: Rc<RefCell<Option<FileReader>>> = use_mut_ref(|| None);
    let batch = use_reducer(Batch::default);
    let batch_slot: Rc<RefCell<Option<FileReader>>> = use_mut_ref(|| None);
    let batch_current: Rc<RefCell<u32>> = use_mut_ref(|| 0);
    let compared: UseStateHandle<Option<Rc<Compared>>> = use_state(|| None);
    let debounce: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    // The selection as of the last key press: two quick F8 presses arrive
    // before the re-render that would refresh the handler's `state`.
    let latest_selected: Rc<RefCell<Option<usize>>> = use_mut_ref(|| None);
    *latest_selected.borrow_mut() = state.selected;

    // <html lang> and the theme follow the settings.
    {
        let (code, theme) = (lang.code(), state.settings.theme.clone());
        use_effect_with((code, theme.clone()), move |_| {
            if let Some(el) = gloo::utils::document().document_element() {
                let _ = el.set_attribute("lang", code);
                let _ = el.set_attribute("data-theme", &theme);
            }
        });
    }
    // What the state holds that the browser keeps is saved when it changes;
    // the reducer only computes.
    {
        use_effect_with(state.settings.clone(), storage::save_settings);
        use_effect_with(state.custom_profiles.clone(), |p| {
            storage::save_custom_profiles(p)
        });
        use_effect_with(
            (state.doc_key(), state.ignores.clone()),
            |(key, ignores)| storage::save_ignores(key, ignores),
        );
        let remember = state.settings.remember_draft;
        use_effect_with(remember, |on| {
            if !on {
                storage::clear_draft();
            }
        });
        // Not while a large text waits for its analysis: saved once it ran.
        let draft = (remember && !state.busy).then(|| state.text.clone());
        use_effect_with(draft, |d| {
            if let Some(text) = d {
                storage::save_draft(text);
            }
        });
    }
    // Intranet profiles, once.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let list = fetch_intranet_profiles().await;
                if !list.is_empty() {
                    state.dispatch(Action::IntranetProfiles(list));
                }
            });
        });
    }
    // The analysis worker, once: from then on typing never waits for an
    // analysis. If it cannot start, or fails, the page analyses itself.
    let analyzer: Rc<RefCell<Option<super::worker::Analyzer>>> = use_mut_ref(|| None);
    {
        let (state, analyzer) = (state.clone(), analyzer.clone());
        use_effect_with((), move |_| {
            let on_answer =
                {
                    let state = state.clone();
                    Rc::new(move |json: String, findings: Vec<u8>| {
                        let large = findings.len() > LARGE_ANSWER;
                        match super::remote::read_answer(&json, &findings) {
                            // A large report is drawn in a task of its own:
                            // reading it is a task's worth already.
                            Some((generation, report, partial)) if large => {
                                let state = state.clone();
                                let report = Shared::new(report);
                                Timeout::new(0, move || {
                                    state.dispatch(Action::Analyzed(generation, report, partial))
                                })
                                .forget();
                            }
                            Some((generation, report, partial)) => state.dispatch(
                                Action::Analyzed(generation, Shared::new(report), partial),
                            ),
                            // Never sent; if it were, the page asks itself.
                            None => state.dispatch(Action::Remote(false)),
                        }
                    })
                };
            let on_fail = {
                let state = state.clone();
                Rc::new(move || state.dispatch(Action::Remote(false)))
            };
            match super::worker::Analyzer::start(on_answer, on_fail) {
                Ok(a) => {
                    *analyzer.borrow_mut() = Some(a);
                    state.dispatch(Action::Remote(true));
                }
                Err(e) => web_sys::console::warn_2(&"no analysis worker:".into(), &e),
            }
        });
    }
    // Each new question goes to the worker (which keeps only the latest).
    {
        let analyzer = analyzer.clone();
        let ask = (state.remote && state.pending).then_some(state.generation);
        let state = state.clone();
        use_effect_with(ask, move |ask| {
            if let (Some(generation), Some(a)) = (ask, analyzer.borrow().as_ref()) {
                // A long text that arrived whole: its errors first.
                let request = super::remote::Request::new(
                    *generation,
                    &state.profile_choice(),
                    &state.config(),
                    &state.hints,
                )
                .staged(state.busy);
                a.analyze(&state.text, request.to_json());
            }
        });
    }
    // The engine and the lexicon, once, after the first results have
    // painted: the rest of the rules' findings join the first results when
    // they are in (the worker's engine and the page's are given both).
    {
        let (state, analyzer) = (state.clone(), analyzer.clone());
        use_effect_with((), move |_| {
            let timer = Timeout::new(50, move || {
                wasm_bindgen_futures::spawn_local(async move {
                    let module = super::deferred::engine().await;
                    let words = super::deferred::words().await;
                    let Some(module) = module else {
                        super::deferred::settle(false);
                        state.dispatch(Action::EngineMissing);
                        return;
                    };
                    if let Some(a) = analyzer.borrow().as_ref() {
                        a.deferred(&module, words.as_deref());
                    }
                    match super::engine::Engine::new_async(&module).await {
                        Ok(engine) => {
                            if words.as_deref().is_some_and(|w| !engine.words(w)) {
                                web_sys::console::warn_1(&"words.bin is damaged".into());
                            }
                            super::engine::keep(engine);
                            super::deferred::settle(true);
                        }
                        Err(e) => {
                            web_sys::console::warn_2(&"the analysis engine failed:".into(), &e);
                            super::deferred::settle(false);
                            state.dispatch(Action::EngineMissing);
                        }
                    }
                    state.dispatch(Action::Lexicon(None));
                });
            });
            move || drop(timer)
        });
    }
    // A large text the page analyses itself is analysed after the
    // progress note has painted (the worker has been asked already).
    {
        let state = state.clone();
        use_effect_with(state.busy && !state.pending, move |busy| {
            let timer = busy.then(|| Timeout::new(30, move || state.dispatch(Action::Analyze)));
            move || drop(timer)
        });
    }

    let select = {
        let state = state.clone();
        let latest_selected = latest_selected.clone();
        Callback::from(move |i: usize| {
            *latest_selected.borrow_mut() = Some(i);
            state.dispatch(Action::Select(i));
            if let Some(f) = state.report.findings.get(i) {
                select_in_editor(&state.report_text, f.byte_start, f.byte_end);
            }
            // Reveal the mark and open its card, so the fix is one Tab away
            // for keyboard users too (F8, then Tab to "应用修正").
            let state = state.clone();
            let latest_selected = latest_selected.clone();
            Timeout::new(0, move || {
                if *latest_selected.borrow() != Some(i) {
                    return; // a later key press moved on; its own card opens
                }
                // Again, now the text is shown: on a narrow window it was a
                // hidden tab, which cannot take the focus.
                if let Some(f) = state.report.findings.get(i) {
                    select_in_editor(&state.report_text, f.byte_start, f.byte_end);
                }
                let id = format!("mark-{i}");
                let mark = gloo::utils::document()
                    .get_element_by_id(&id)
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(m) = mark {
                    let top = f64::from(m.offset_top() + m.offset_height()) + 4.0;
                    state.dispatch(Action::OpenCard(i, top, f64::from(m.offset_left())));
                }
                // After the card's render, which would reset the mark's classes.
                Timeout::new(30, move || reveal(&id)).forget();
            })
            .forget();
        })
    };
    // Page-wide keys: F8 / Shift+F8, Ctrl+Z for applied fixes, Escape.
    {
        let state = state.clone();
        let select = select.clone();
        let latest_selected = latest_selected.clone();
        use_effect_with(
            (
                state.visible.clone(),
                state.selected,
                state.undo.len(),
                state.text.clone(),
                state.include_notes,
            ),
            move |_| {
                let state = state.clone();
                let latest_selected = latest_selected.clone();
                let listener = EventListener::new_with_options(
                    &gloo::utils::window(),
                    "keydown",
                    EventListenerOptions::enable_prevent_default(),
                    move |e| {
                        let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                            return;
                        };
                        match e.key().as_str() {
                            "F8" => {
                                e.prevent_default();
                                // Errors, then warnings; notes only when asked for or alone.
                                let selected = *latest_selected.borrow();
                                if let Some(next) = state.next_finding(selected, e.shift_key()) {
                                    select.emit(next);
                                }
                            }
                            // Takes back an applied fix; typing is left to the editor's own undo.
                            "z" | "Z"
                                if (e.ctrl_key() || e.meta_key())
                                    && !e.shift_key()
                                    && state.undo.last().is_some_and(|u| u.after == state.text) =>
                            {
                                e.prevent_default();
                                state.dispatch(Action::Undo);
                            }
                            "Escape" => state.dispatch(Action::CloseCard),
                            _ => {}
                        }
                    },
                );
                move || drop(listener)
            },
        );
    }

    let on_input = {
        let state = state.clone();
        let debounce = debounce.clone();
        Callback::from(move |text: String| {
            // A text that arrives whole (a paste, a select-all and delete)
            // is analysed at once; typing in a very large one, when it
            // pauses.
            let arrived = text.len().abs_diff(state.text.len()) > ARRIVED_BYTES;
            if text.len() > DEFER_BYTES && arrived {
                debounce.borrow_mut().take();
                state.dispatch(Action::SetTextDeferred(text));
            } else if text.len() > DEFER_BYTES {
                let state = state.clone();
                *debounce.borrow_mut() = Some(Timeout::new(250, move || {
                    state.dispatch(Action::SetTextDeferred(text))
                }));
            } else {
                debounce.borrow_mut().take();
                state.dispatch(Action::SetText(text));
            }
        })
    };
    let on_file = {
        let state = state.clone();
        Callback::from(move |(name, bytes): (String, Vec<u8>)| {
            state.dispatch(files::load(name, &bytes))
        })
    };
    let read_file = {
        let on_file = on_file.clone();
        let reader = reader.clone();
        Rc::new(move |file: web_sys::File| {
            let file = gloo::file::File::from(file);
            let name = file.name();
            let on_file = on_file.clone();
            let task = read_bytes(&file, move |res| {
                on_file.emit((name, res.unwrap_or_default()))
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    // Several files, or a folder: a batch, read one file after the other.
    let read_many = {
        let (state, batch) = (state.clone(), batch.clone());
        let (slot, current) = (batch_slot.clone(), batch_current.clone());
        Callback::from(move |(list, folder): (Picked, bool)| {
            let names: Vec<String> = list.iter().map(|(_, name)| name.clone()).collect();
            let (chosen, skipped) = web_batch::pick(&names, folder);
            if chosen.is_empty() {
                if let Some(first) = names.first() {
                    let dir = first.split('/').next().unwrap_or(first).to_string();
                    state.dispatch(Action::LoadFailed {
                        name: dir,
                        zh: format!("文件夹里没有 .txt、.md 或 .docx 文件（跳过 {skipped} 个其他文件）"),
                        en: format!("the folder holds no .txt, .md or .docx file ({skipped} other files skipped)"),
                    });
                }
                return;
            }
            let mine = *current.borrow() + 1;
            *current.borrow_mut() = mine;
            batch.dispatch(BatchAction::Start {
                total: chosen.len(),
                skipped,
            });
            let queue = chosen
                .iter()
                .filter_map(|&i| {
                    Some((
                        names.get(i)?.clone(),
                        gloo::file::File::from(list.get(i)?.0.clone()),
                    ))
                })
                .collect();
            BatchReader {
                queue: Rc::new(RefCell::new(queue)),
                batch: batch.clone(),
                choice: Rc::new(state.profile_choice()),
                config: Rc::new(state.config()),
                profiles: Rc::new(state.all_profiles()),
                slot: slot.clone(),
                current: current.clone(),
                mine,
            }
            .next();
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let read_file = read_file.clone();
        let read_many = read_many.clone();
        let table = batch.table_shown();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let Some(dt) = e.data_transfer() else {
                return;
            };
            let (read_file, read_many) = (read_file.clone(), read_many.clone());
            picked::from_drop(&dt, move |mut dropped, folder| {
                if folder || dropped.len() > 1 || (table && !dropped.is_empty()) {
                    read_many.emit((dropped, folder));
                } else if let Some((file, _)) = dropped.pop() {
                    read_file(file);
                }
            });
        })
    };
    let open_row = {
        let (state, batch) = (state.clone(), batch.clone());
        Callback::from(move |i: usize| {
            let Some((row, file)) = batch
                .entries
                .get(i)
                .and_then(|e| Some((&e.row, e.file.as_ref()?)))
            else {
                return;
            };
            state.dispatch(Action::Loaded {
                name: row.path.clone(),
                text: file.text.to_string(),
                hints: file.hints.clone(),
                format: file.format,
                notice: web_batch::notes_notice(&row.path, &file.notes),
            });
            batch.dispatch(BatchAction::Open(i));
        })
    };
    let back_to_table = {
        let (state, batch) = (state.clone(), batch.clone());
        Callback::from(move |_| {
            // The file as the workbench left it (it may have been fixed).
            let edited = batch
                .opened()
                .filter(|e| state.file_name.as_deref() == Some(e.row.path.as_str()))
                .map(|e| {
                    let row = Row::from_report(&e.row.path, &state.report, &state.all_profiles());
                    (state.text.clone(), row)
                });
            batch.dispatch(BatchAction::Back(edited));
        })
    };
    let on_previous = {
        let (state, compared, reader) = (state.clone(), compared.clone(), reader.clone());
        Callback::from(move |file: web_sys::File| {
            let file = gloo::file::File::from(file);
            let name = file.name();
            let (state, compared) = (state.clone(), compared.clone());
            let task = read_bytes(&file, move |res| {
                let old = match res {
                    Ok(bytes) => files::read(&name, &bytes),
                    Err(e) => Err(unreadable(&e)),
                };
                match old {
                    Ok(old) => {
                        let new_name = state
                            .file_name
                            .clone()
                            .unwrap_or_else(|| state.lang().t("当前草稿", "the draft").to_string());
                        let old_report = super::analyze_here(
                            &old.text,
                            &state.profile_choice(),
                            &state.config(),
                            &old.hints,
                        );
                        let comparison = crate::diff::compare(
                            &crate::diff::Version {
                                text: &old.text,
                                hints: &old.hints,
                                report: &old_report,
                            },
                            &crate::diff::Version {
                                text: &state.text,
                                hints: &state.hints,
                                report: &state.report,
                            },
                        );
                        compared.set(Some(Rc::new(Compared {
                            old_name: name,
                            new_name,
                            comparison,
                        })));
                    }
                    Err(e) => state.dispatch(Action::LoadFailed {
                        name,
                        zh: e.message,
                        en: e.message_en,
                    }),
                }
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let toggle_lang = {
        let state = state.clone();
        Callback::from(move |_| {
            state.dispatch(Action::SetLang(if lang == Lang::Zh {
                Lang::En
            } else {
                Lang::Zh
            }))
        })
    };
    let open_card = {
        let state = state.clone();
        Callback::from(move |(i, top, left): (usize, f64, f64)| {
            state.dispatch(Action::OpenCard(i, top, left));
            if let Some(f) = state.report.findings.get(i) {
                select_in_editor(&state.report_text, f.byte_start, f.byte_end);
            }
        })
    };
    let apply = {
        let state = state.clone();
        Callback::from(move |i: usize| state.dispatch(Action::ApplyFix(i)))
    };
    let ignore = {
        let state = state.clone();
        Callback::from(move |i: usize| state.dispatch(Action::Ignore(i)))
    };
    let jump_heading = {
        let state = state.clone();
        Callback::from(move |byte: usize| {
            select_in_editor(&state.report_text, byte, byte);
            if let Some(o) = state.report.outline.iter().find(|o| o.byte == byte) {
                reveal(&format!("l-{}", o.line));
            }
        })
    };
    let on_tab = |tab: Tab| {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::SetTab(tab)))
    };
    let tab_button = |tab: Tab, zh: &'static str, en: &'static str, id: &'static str| {
        let on = state.tab == tab;
        html! {
            <button type="button" role="tab" aria-selected={on.to_string()} class={classes!("tab", on.then_some("on"))}
                data-testid={id} onclick={on_tab(tab)}>{lang.t(zh, en)}</button>
        }
    };
    let (errors, warnings, infos) = state.counts();
    let table_shown = batch.table_shown();
    let current_profile = state
        .all_profiles()
        .into_iter()
        .find(|p| p.id == state.report.profile);
    let notice = state.notice.as_ref().map(|n| {
        html! {
            <div class={classes!("notice", n.error.then_some("error"))} role="alert" data-testid="notice">
                <span>{lang.pick(&n.zh, &n.en).to_string()}</span>
                <button type="button" class="close" aria-label={lang.t("关闭", "Close")} onclick={send(&state, || Action::DismissNotice)}>{"×"}</button>
            </div>
        }
    });
    let undo_button = (!state.undo.is_empty()).then(|| {
        html! { <button type="button" data-testid="undo" onclick={send(&state, || Action::Undo)} title="Ctrl+Z">{lang.t("撤销修正", "Undo fix")}</button> }
    });
    let side = match state.tab {
        Tab::Problems => html! {
            <FindingsPanel report={state.report.clone()} visible={state.visible.clone()} selected={state.selected}
                expanded={state.expanded.clone()} only_category={state.only_category}
                only_severity={state.only_severity} include_notes={state.include_notes} {lang} on_select={select.clone()}
                on_include_notes={{ let s = state.clone(); Callback::from(move |on| s.dispatch(Action::SetIncludeNotes(on))) }}
                on_apply_rule={{ let s = state.clone(); Callback::from(move |r: String| s.dispatch(Action::ApplyRule(r))) }}
                on_toggle_expanded={{ let s = state.clone(); Callback::from(move |r: String| s.dispatch(Action::ToggleExpanded(r))) }}
                on_toggle_category={{ let s = state.clone(); Callback::from(move |c| s.dispatch(Action::ToggleCategory(c))) }}
                on_toggle_severity={{ let s = state.clone(); Callback::from(move |v| s.dispatch(Action::ToggleSeverity(v))) }} />
        },
        Tab::FillIn => html! {
            <FillInForm text={state.report_text.clone()} report={state.report.clone()} visible={state.visible.clone()} {lang} on_select={select.clone()}
                on_fill={{ let s = state.clone(); Callback::from(move |v| s.dispatch(Action::FillIn(v, super::fillin::this_year()))) }} />
        },
        Tab::Profiles => html! {
            <ProfileEditor custom={state.custom_profiles.clone()} current={current_profile} {lang}
                on_save={{ let s = state.clone(); Callback::from(move |v| s.dispatch(Action::SaveCustomProfiles(v))) }}
                on_use={{ let s = state.clone(); Callback::from(move |id| s.dispatch(Action::SetProfile(id))) }} />
        },
        Tab::More => html! {
            <>
            <ExportPanel text={state.report_text.clone()} report={state.report.clone()} visible={state.visible.clone()} kept={state.kept.clone()} file_name={state.file_name.clone()}
                settings={state.settings.clone()} ignored={state.ignored_count} {lang} partial={state.partial}
                on_theme={{ let s = state.clone(); Callback::from(move |t| s.dispatch(Action::SetTheme(t))) }}
                on_remember={{ let s = state.clone(); Callback::from(move |b| s.dispatch(Action::SetRememberDraft(b))) }}
                on_clear_ignores={send(&state, || Action::ClearIgnores)} />
            <FormulationSettings settings={state.settings.clone()} {lang}
                on_save={{ let s = state.clone(); Callback::from(move |(e, x)| s.dispatch(Action::SetFormulations(e, x))) }} />
            <super::dictionary::DictionarySettings dictionary={state.settings.dictionary.clone()} {lang}
                on_save={{ let s = state.clone(); Callback::from(move |d| s.dispatch(Action::SetDictionary(d))) }} />
            </>
        },
    };
    html! {
        <ContextProvider<super::progressive::Frames> context={(*frames).clone()}>
        <div class="app" {ondragover} {ondrop}>
            <header class="topbar">
                <h1>{lang.t("稿检", "DraftCheck")}<small>{lang.t(" · 报告草稿检查", " · report draft checker")}</small></h1>
                if batch.open.is_some() {
                    <button type="button" data-testid="batch-back" onclick={back_to_table}>{lang.t("← 返回汇总表", "← Back to the table")}</button>
                }
                if table_shown {
                    <div class="summary" role="status">{lang.t("汇总表：点击一行打开那份报告", "Batch: click a row to open that report")}</div>
                } else {
                    <SummaryBar {errors} {warnings} {infos} ignored={state.ignored_count} {lang}
                        empty={state.text.trim().is_empty()} busy={state.busy} partial={state.partial} />
                }
                { for undo_button }
                <button type="button" class="lang" data-testid="lang-switch" onclick={toggle_lang}
                    aria-label={lang.t("Switch to English", "切换到中文")}>{lang.t("English", "中文")}</button>
            </header>
            { for notice }
            if let Some(c) = (*compared).clone() {
                <CompareView compared={c} {lang} on_close={{ let c = compared.clone(); Callback::from(move |_| c.set(None)) }} />
            }
            if batch.active() {
                <div class="batch-wrap" hidden={!table_shown || compared.is_some()}>
                    <BatchTable batch={(*batch).clone()} {lang}
                        on_sort={{ let b = batch.clone(); Callback::from(move |k| b.dispatch(BatchAction::Sort(k))) }}
                        on_open={open_row}
                        on_close={{ let b = batch.clone(); Callback::from(move |_| b.dispatch(BatchAction::Close)) }} />
                </div>
            }
            <main class="workspace" hidden={table_shown || compared.is_some()}>
                <super::layout::ColumnTabs {lang} selected={state.selected} />
                <Editor text={state.text.clone()} file_name={state.file_name.clone()} {lang} {on_input} busy={state.pending || state.busy}
                    on_pick={{ let read_file = read_file.clone(); Callback::from(move |f| read_file(f)) }}
                    on_pick_many={read_many} {on_previous}>
                    <DocView text={state.report_text.clone()} report={state.report.clone()} visible={state.visible.clone()}
                        selected={state.selected} card={state.card} {lang} busy={state.busy}
                        on_open={open_card} on_close={send(&state, || Action::CloseCard)} on_apply={apply} on_ignore={ignore} />
                </Editor>
                <aside class="side">
                    <Outline report={state.report.clone()} profiles={state.all_profiles()} selected_profile={state.settings.profile.clone()} {lang}
                        empty={state.text.trim().is_empty()} on_profile={{ let s = state.clone(); Callback::from(move |id| s.dispatch(Action::SetProfile(id))) }}
                        on_jump_heading={jump_heading} on_jump_finding={select.clone()} />
                    <div class="tabs" role="tablist">
                        {tab_button(Tab::Problems, "问题", "Problems", "tab-problems")}
                        {tab_button(Tab::FillIn, "填空", "Fill in", "tab-fillin")}
                        {tab_button(Tab::Profiles, "报告类型", "Report types", "tab-profiles")}
                        {tab_button(Tab::More, "导出与设置", "Export & settings", "tab-more")}
                    </div>
                    <div class="tab-body" role="tabpanel">{side}</div>
                </aside>
            </main>
            <footer class="privacy">{lang.t("文字只在本机浏览器中检查，不会上传到任何地方。", "Your text is checked inside this browser and never leaves this machine.")}</footer>
        </div>
        </ContextProvider<super::progressive::Frames>>
    }
}
