//! The page's side of the analysis engine (`src/engine.rs`): the whole
//! analysis, every rule, as a WebAssembly module of its own, fetched after
//! the first results (`deferred.rs`) and instantiated twice: in the worker,
//! which from then on answers every question with it, and on the page, for
//! what the page analyses itself (a batch, the older version of a
//! comparison, `wasmBindings`, the analysis when there is no worker).
//! Until it is here, the page's own few rules make the first results.
//!
//! The page's instance and the rules' explanations it carries are kept
//! here, for the page's lifetime, once loaded: the functions the page
//! exports to JavaScript (`wasmBindings`) have no other way to reach them.

use crate::web::remote::{self, Request};
use crate::{Config, Hints, ProfileChoice, Report};
use js_sys::{Array, Function, Object, Reflect, Uint8Array, WebAssembly};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

type Early = Rc<RefCell<Option<Box<dyn FnMut(String, Vec<u8>)>>>>;
type Memory = Rc<RefCell<Option<WebAssembly::Memory>>>;
/// `env.dc_early(json, json_len, findings, findings_len)`.
type Import = Closure<dyn Fn(u32, u32, u32, u32)>;

/// One instance of the engine.
pub struct Engine {
    exports: Object,
    memory: WebAssembly::Memory,
    handle: f64,
    early: Early,
    _import: Import,
}

/// What the instance needs from its host: `env.dc_early`, which hands a
/// staged answer's first stage to the callback of the question.
fn imports(early: &Early, memory: &Memory) -> (Object, Import) {
    let (early, memory) = (early.clone(), memory.clone());
    let import = Import::new(move |jp, jl, fp, fl| {
        let Some(memory) = memory.borrow().clone() else {
            return;
        };
        let json = String::from_utf8(read(&memory, jp, jl)).unwrap_or_default();
        let findings = read(&memory, fp, fl);
        if let Some(f) = early.borrow_mut().as_mut() {
            f(json, findings);
        }
    });
    let env = Object::new();
    let _ = Reflect::set(&env, &"dc_early".into(), import.as_ref());
    let imports = Object::new();
    let _ = Reflect::set(&imports, &"env".into(), &env);
    (imports, import)
}

fn read(memory: &WebAssembly::Memory, ptr: u32, len: u32) -> Vec<u8> {
    let buffer = memory.buffer();
    Uint8Array::new_with_byte_offset_and_length(&buffer, ptr, len).to_vec()
}

impl Engine {
    /// Instantiates the engine at once (the worker may).
    pub fn new(module: &WebAssembly::Module) -> Result<Engine, JsValue> {
        let (early, memory): (Early, Memory) = Default::default();
        let (imports, import) = imports(&early, &memory);
        let instance = WebAssembly::Instance::new(module, &imports)?;
        Engine::start(instance, early, memory, import)
    }

    /// Instantiates the engine without blocking the page.
    pub async fn new_async(module: &WebAssembly::Module) -> Result<Engine, JsValue> {
        let (early, memory): (Early, Memory) = Default::default();
        let (imports, import) = imports(&early, &memory);
        let promise = WebAssembly::instantiate_module(module, &imports);
        let instance: WebAssembly::Instance = wasm_bindgen_futures::JsFuture::from(promise)
            .await?
            .dyn_into()?;
        Engine::start(instance, early, memory, import)
    }

    fn start(
        instance: WebAssembly::Instance,
        early: Early,
        memory_cell: Memory,
        import: Import,
    ) -> Result<Engine, JsValue> {
        let exports = instance.exports();
        let memory: WebAssembly::Memory = Reflect::get(&exports, &"memory".into())?.dyn_into()?;
        *memory_cell.borrow_mut() = Some(memory.clone());
        let mut engine = Engine {
            exports,
            memory,
            handle: 0.0,
            early,
            _import: import,
        };
        engine.handle = engine.call("dc_new", &[])?;
        Ok(engine)
    }

    fn call(&self, name: &str, args: &[f64]) -> Result<f64, JsValue> {
        let f: Function = Reflect::get(&self.exports, &name.into())?.dyn_into()?;
        let list = Array::new();
        for a in args {
            list.push(&JsValue::from_f64(*a));
        }
        f.apply(&JsValue::NULL, &list)?
            .as_f64()
            .ok_or_else(|| JsValue::from_str("the engine answered with no number"))
    }

    /// Copies `bytes` into a buffer of the engine's (which takes it over).
    fn put(&self, bytes: &[u8]) -> Result<(f64, f64), JsValue> {
        let len = bytes.len() as f64;
        let ptr = self.call("dc_alloc", &[len])?;
        let buffer = self.memory.buffer();
        Uint8Array::new_with_byte_offset_and_length(&buffer, ptr as u32, bytes.len() as u32)
            .copy_from(bytes);
        Ok((ptr, len))
    }

    fn out(&self, slot: u32) -> Result<Vec<u8>, JsValue> {
        let ptr = self.call("dc_out_ptr", &[self.handle, slot.into()])?;
        let len = self.call("dc_out_len", &[self.handle, slot.into()])?;
        Ok(read(&self.memory, ptr as u32, len as u32))
    }

    /// Gives the engine the lexicon: false when it is damaged.
    pub fn words(&self, bytes: &[u8]) -> bool {
        let read = || -> Result<f64, JsValue> {
            let (ptr, len) = self.put(bytes)?;
            self.call("dc_words", &[self.handle, ptr, len])
        };
        read().is_ok_and(|ok| ok == 1.0)
    }

    /// Answers a question as the worker does (`remote::answer`): the
    /// report's JSON and its encoded findings. A staged question's first
    /// stage goes to `early`. `None` when the engine failed.
    pub fn answer(
        &self,
        text: &str,
        request: &str,
        early: Box<dyn FnMut(String, Vec<u8>)>,
    ) -> Option<(String, Vec<u8>)> {
        *self.early.borrow_mut() = Some(early);
        let asked = || -> Result<Option<(String, Vec<u8>)>, JsValue> {
            let (tp, tl) = self.put(text.as_bytes())?;
            let (rp, rl) = self.put(request.as_bytes())?;
            if self.call("dc_answer", &[self.handle, tp, tl, rp, rl])? != 1.0 {
                return Ok(None);
            }
            let json = String::from_utf8(self.out(0)?).unwrap_or_default();
            Ok(Some((json, self.out(1)?)))
        };
        let answer = asked();
        *self.early.borrow_mut() = None;
        answer.unwrap_or_else(|e| {
            web_sys::console::warn_2(&"the analysis engine failed:".into(), &e);
            None
        })
    }

    /// The number of findings in `text` (the benchmark's measure).
    pub fn count(&self, text: &str) -> Option<usize> {
        let (ptr, len) = self.put(text.as_bytes()).ok()?;
        let n = self.call("dc_count", &[self.handle, ptr, len]).ok()?;
        Some(n as usize)
    }

    /// Every rule's explanation: (id, Chinese, English).
    fn docs(&self) -> Vec<(String, String, String)> {
        let json = self
            .call("dc_docs", &[self.handle])
            .and_then(|_| self.out(0))
            .unwrap_or_default();
        serde_json::from_slice(&json).unwrap_or_default()
    }
}

struct Loaded {
    engine: Rc<Engine>,
    docs: Vec<(&'static str, &'static str, &'static str)>,
}

thread_local! {
    static LOADED: RefCell<Option<Loaded>> = const { RefCell::new(None) };
}

/// Keeps the page's instance: from now on the page's own analyses are the
/// engine's.
pub fn keep(engine: Engine) {
    // Read once per page, kept as long as the page: the cards borrow them.
    let docs = engine
        .docs()
        .into_iter()
        .map(|(id, zh, en)| {
            let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
            (leak(id), leak(zh), leak(en))
        })
        .collect();
    LOADED.with(|l| {
        *l.borrow_mut() = Some(Loaded {
            engine: Rc::new(engine),
            docs,
        })
    });
}

/// The page's instance, once loaded.
pub fn loaded() -> Option<Rc<Engine>> {
    LOADED.with(|l| l.borrow().as_ref().map(|l| l.engine.clone()))
}

/// The rule's user-facing explanation (Chinese, English); empty until the
/// engine has been loaded.
pub fn explanation(id: &str) -> (&'static str, &'static str) {
    LOADED.with(|l| {
        l.borrow()
            .as_ref()
            .and_then(|l| l.docs.iter().find(|d| d.0 == id))
            .map_or(("", ""), |d| (d.1, d.2))
    })
}

/// The report the page makes itself: the engine's once it is loaded, the
/// first results' rules' before.
pub fn report(text: &str, choice: &ProfileChoice, config: &Config, hints: &Hints) -> Report {
    let by_engine = loaded().and_then(|engine| {
        let request = Request::new(0, choice, config, hints).to_json();
        let (json, findings) = engine.answer(text, &request, Box::new(|_, _| {}))?;
        remote::read_answer(&json, &findings).map(|(_, report, _)| report)
    });
    by_engine.unwrap_or_else(|| crate::analyze_with(text, choice, config, hints))
}
