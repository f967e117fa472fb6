//! The analysis in a Web Worker, so that typing never waits for it.
//!
//! The worker runs this same module: the page hands it the compiled
//! WebAssembly module (`wasm_bindgen::module()`), and `start` (mod.rs),
//! finding itself in a worker, serves questions instead of drawing a page.
//! The worker's script is a Blob URL, which both builds allow: served,
//! it imports the JS glue by its URL (Trunk's modulepreload link); from
//! `draftcheck.html` over file://, which can neither fetch nor import a
//! sibling, the glue's source is in the page (a data block written by
//! `www/tools/single-file.mjs`) and goes into the Blob itself.
//!
//! Its first answers are this module's first-results rules'; once the
//! page has sent it the analysis engine (engine.rs) and the lexicon, the
//! engine answers.
//!
//! The page keeps at most one question in flight and one waiting (the
//! latest): a fast typist's keystrokes do not queue up analyses of texts
//! already gone.

use super::engine::Engine;
use super::remote;
use crate::text::words::Words;
use js_sys::{Array, Uint8Array};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker};

/// The element the single-file build keeps the JS glue's source in.
const GLUE: &str = "draftcheck-glue";

/// True inside the analysis worker.
pub fn in_worker() -> bool {
    js_sys::global().is_instance_of::<DedicatedWorkerGlobalScope>()
}

/// The worker's side: answers every question with its report: by the
/// engine once the page has sent it (with the lexicon), by this module's
/// first-results rules before.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let engine: RefCell<Option<Engine>> = RefCell::new(None);
    // What the last analysis found paragraph by paragraph: a keystroke's
    // analysis redoes the paragraph it changed (src/memo.rs). The engine
    // keeps its own.
    let memo = crate::memo::Memo::new();
    let reply = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
        let msg: Array = e.data().unchecked_into();
        match msg.get(0).as_string().as_deref() {
            Some("engine") => match Engine::new(&msg.get(1).unchecked_into()) {
                Ok(e) => *engine.borrow_mut() = Some(e),
                Err(e) => web_sys::console::warn_2(&"the analysis engine failed:".into(), &e),
            },
            Some("words") => {
                let bytes = Uint8Array::new(&msg.get(1)).to_vec();
                if let Some(e) = engine.borrow().as_ref() {
                    if !e.words(&bytes) {
                        web_sys::console::warn_1(&"words.bin is damaged".into());
                    }
                }
            }
            Some("analyze") => {
                let text = msg.get(1).as_string().unwrap_or_default();
                let request = msg.get(2).as_string().unwrap_or_default();
                let post = move |reply: &DedicatedWorkerGlobalScope,
                                 json: String,
                                 findings: Vec<u8>,
                                 partial: bool| {
                    let findings = Uint8Array::from(&findings[..]);
                    let msg = Array::of3(&json.into(), &findings, &partial.into());
                    let transfer = Array::of1(&findings.buffer());
                    let _ = reply.post_message_with_transfer(&msg, &transfer);
                };
                let early = {
                    let reply = reply.clone();
                    move |j, f| post(&reply, j, f, true)
                };
                let answer = match engine.borrow().as_ref() {
                    Some(e) => e.answer(&text, &request, Box::new(early)),
                    None => remote::answer(&text, &request, &Words::default(), &memo, early),
                };
                let (json, findings) = answer.unwrap_or_default();
                post(&reply, json, findings, false);
            }
            _ => {}
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page: so does its handler.
    on_message.forget();
    let _ = scope.post_message(&"ready".into());
}

#[derive(Default)]
struct Line {
    ready: bool,
    /// A question is with the worker.
    asked: bool,
    /// The latest question not yet sent: (text, request JSON).
    waiting: Option<(String, String)>,
    /// What the worker is to be given once it is ready: the engine, the
    /// lexicon.
    setup: Vec<Array>,
    /// The script's Blob URL, given back once the worker has read it.
    script: Option<String>,
}

/// The page's side: the worker and what is waiting for it.
pub struct Analyzer {
    worker: Worker,
    line: Rc<RefCell<Line>>,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

impl Analyzer {
    /// Starts the worker. `on_answer` gets each answer's JSON and findings
    /// (`remote::read_answer`); `on_fail` is called if the worker cannot
    /// run, and the page then analyses on its own.
    pub fn start(
        on_answer: Rc<dyn Fn(String, Vec<u8>)>,
        on_fail: Rc<dyn Fn()>,
    ) -> Result<Analyzer, JsValue> {
        let (url, module) = script_url()?;
        let options = web_sys::WorkerOptions::new();
        if module {
            options.set_type(web_sys::WorkerType::Module);
        }
        let worker = Worker::new_with_options(&url, &options).inspect_err(|_| {
            let _ = web_sys::Url::revoke_object_url(&url);
        })?;
        let line = Rc::new(RefCell::new(Line {
            script: Some(url),
            ..Line::default()
        }));
        let on_message = {
            let (line, worker) = (line.clone(), worker.clone());
            Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
                let data = e.data();
                let ready = data.as_string().is_some_and(|s| s == "ready");
                // A first stage: the worker is still at the question.
                let partial = data
                    .dyn_ref::<Array>()
                    .is_some_and(|m| m.get(2).as_bool() == Some(true));
                if !partial {
                    let mut l = line.borrow_mut();
                    if ready {
                        l.ready = true;
                        if let Some(url) = l.script.take() {
                            let _ = web_sys::Url::revoke_object_url(&url);
                        }
                        for msg in l.setup.drain(..) {
                            let _ = worker.post_message(&msg);
                        }
                    } else {
                        l.asked = false;
                    }
                    if let Some((text, request)) = l.waiting.take() {
                        ask(&worker, &text, &request);
                        l.asked = true;
                    }
                }
                if !ready {
                    let msg: Array = data.unchecked_into();
                    let json = msg.get(0).as_string().unwrap_or_default();
                    on_answer(json, Uint8Array::new(&msg.get(1)).to_vec());
                }
            })
        };
        let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
            e.prevent_default();
            web_sys::console::warn_1(&"the analysis worker failed; analysing on the page".into());
            on_fail();
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        worker.post_message(&wasm_bindgen::module())?;
        Ok(Analyzer {
            worker,
            line,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Asks about `text`, now if the worker is free, else once it is (a
    /// question still waiting is replaced: its text is gone).
    pub fn analyze(&self, text: &str, request: String) {
        let mut l = self.line.borrow_mut();
        if l.ready && !l.asked {
            ask(&self.worker, text, &request);
            l.asked = true;
        } else {
            l.waiting = Some((text.to_string(), request));
        }
    }

    /// Hands the worker the engine (a compiled module) and the lexicon's
    /// bytes, in that order (it gives the lexicon to the engine).
    pub fn deferred(&self, engine: &js_sys::WebAssembly::Module, words: Option<&[u8]>) {
        let mut msgs = vec![Array::of2(&"engine".into(), engine)];
        if let Some(bytes) = words {
            msgs.push(Array::of2(&"words".into(), &Uint8Array::from(bytes)));
        }
        let mut l = self.line.borrow_mut();
        if l.ready {
            for msg in msgs {
                let _ = self.worker.post_message(&msg);
            }
        } else {
            l.setup.extend(msgs);
        }
    }
}

impl Drop for Analyzer {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

fn ask(worker: &Worker, text: &str, request: &str) {
    let msg = Array::of3(&"analyze".into(), &text.into(), &request.into());
    let _ = worker.post_message(&msg);
}

/// The worker's script, as a Blob URL: it loads the glue, then waits for
/// the compiled module and instantiates it (which runs `start`). True when
/// it is a module script (it imports the glue); the glue inlined in
/// draftcheck.html makes a classic one (Chromium starts no module worker
/// from a file:// page's Blob).
fn script_url() -> Result<(String, bool), JsValue> {
    let document = gloo::utils::document();
    let boot = "self.onmessage = (e) => { self.onmessage = null; __wbg_init({ module_or_path: e.data }); };";
    let (source, module) = if let Some(glue) = document.get_element_by_id(GLUE) {
        (
            format!("{}\n{boot}", glue.text_content().unwrap_or_default()),
            false,
        )
    } else {
        let link = document
            .query_selector("link[rel=modulepreload][href$='.js']")?
            .ok_or_else(|| JsValue::from_str("no JS glue to start a worker with"))?;
        let href = link.get_attribute("href").unwrap_or_default();
        let url = web_sys::Url::new_with_base(&href, &document.base_uri()?.unwrap_or_default())?;
        let url = serde_json::to_string(&url.href()).unwrap_or_default();
        (format!("import __wbg_init from {url};\n{boot}"), true)
    };
    let parts = Array::of1(&source.into());
    let props = web_sys::BlobPropertyBag::new();
    props.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &props)?;
    Ok((web_sys::Url::create_object_url_with_blob(&blob)?, module))
}
