//! Files the user picked or dropped, each with the path the batch table
//! shows: a file's own name, or its path inside the folder picked or
//! dropped ("各单位/党建办/自查报告.docx").
//!
//! A dropped folder arrives as one `File` that cannot be read; its files
//! are found through the browser's file-system entries
//! (`webkitGetAsEntry`), walked asynchronously, folder by folder.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    DataTransfer, File, FileSystemDirectoryEntry, FileSystemDirectoryReader, FileSystemEntry,
    FileSystemFileEntry,
};

/// Files with the paths shown for them.
pub type Picked = Vec<(File, String)>;

/// What a walk calls with the files found.
type Done = Box<dyn FnOnce(Picked, bool)>;

/// Walking stops after this many entries: a dropped drive or home folder
/// must not keep the page busy for minutes.
const MAX_ENTRIES: usize = 5_000;

/// The path of a file inside the folder picked (webkitRelativePath).
fn relative_path(f: &File) -> Option<String> {
    js_sys::Reflect::get(f, &JsValue::from_str("webkitRelativePath"))
        .ok()?
        .as_string()
        .filter(|p| !p.is_empty())
}

/// The files of a file input; `folder`: the input picks a folder, and each
/// file is named by its path inside it.
pub fn from_input(files: Vec<File>, folder: bool) -> Picked {
    files
        .into_iter()
        .map(|f| {
            let name = folder
                .then(|| relative_path(&f))
                .flatten()
                .unwrap_or_else(|| f.name());
            (f, name)
        })
        .collect()
}

/// What was dropped: `done(files, folder)` gets the files, with `folder`
/// true when a folder was among them (then only reports are checked and
/// the rest counted). Plain files are passed on at once; a folder after
/// its walk.
pub fn from_drop(dt: &DataTransfer, done: impl FnOnce(Picked, bool) + 'static) {
    let items = dt.items();
    let entries: Vec<FileSystemEntry> = (0..items.length())
        .filter_map(|i| items.get(i))
        .filter(|item| item.kind() == "file")
        .filter_map(|item| item.webkit_get_as_entry().ok().flatten())
        .collect();
    if !entries.iter().any(FileSystemEntry::is_directory) {
        let files: Vec<File> = dt
            .files()
            .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
            .unwrap_or_default();
        done(from_input(files, false), false);
        return;
    }
    let walk = Rc::new(Walk {
        found: RefCell::new(Vec::new()),
        pending: Cell::new(0),
        seen: Cell::new(0),
        done: RefCell::new(Some(Box::new(done))),
    });
    for entry in entries {
        walk.visit(entry);
    }
}

struct Walk {
    found: RefCell<Picked>,
    /// Entries being read (a file being opened, a folder being listed).
    pending: Cell<usize>,
    seen: Cell<usize>,
    done: RefCell<Option<Done>>,
}

impl Walk {
    fn visit(self: &Rc<Self>, entry: FileSystemEntry) {
        if self.seen.get() >= MAX_ENTRIES {
            return;
        }
        self.seen.set(self.seen.get() + 1);
        self.pending.set(self.pending.get() + 1);
        let path = entry.full_path().trim_start_matches('/').to_string();
        if entry.is_directory() {
            let dir: FileSystemDirectoryEntry = entry.unchecked_into();
            self.list(dir.create_reader());
        } else if entry.is_file() {
            let file: FileSystemFileEntry = entry.unchecked_into();
            let (ok, failed) = (self.clone(), self.clone());
            let on_file = Closure::once_into_js(move |f: JsValue| {
                if let Ok(f) = f.dyn_into::<File>() {
                    let name = if path.is_empty() { f.name() } else { path };
                    ok.found.borrow_mut().push((f, name));
                }
                ok.finish();
            });
            // A file the browser will not open is left out, as the folder
            // picker leaves it out.
            let on_error = Closure::once_into_js(move |_: JsValue| failed.finish());
            file.file_with_callback_and_callback(on_file.unchecked_ref(), on_error.unchecked_ref());
        } else {
            self.finish();
        }
    }

    /// Lists a folder: the browser hands its entries over in chunks, until
    /// an empty one.
    fn list(self: &Rc<Self>, reader: FileSystemDirectoryReader) {
        let (ok, failed) = (self.clone(), self.clone());
        let again = reader.clone();
        let on_entries = Closure::once_into_js(move |list: JsValue| {
            let list: js_sys::Array = list.unchecked_into();
            if list.length() == 0 {
                ok.finish();
                return;
            }
            for entry in list.iter() {
                ok.visit(entry.unchecked_into());
            }
            ok.list(again);
        });
        let on_error = Closure::once_into_js(move |_: JsValue| failed.finish());
        if reader
            .read_entries_with_callback_and_callback(
                on_entries.unchecked_ref(),
                on_error.unchecked_ref(),
            )
            .is_err()
        {
            self.finish();
        }
    }

    fn finish(&self) {
        let left = self.pending.get().saturating_sub(1);
        self.pending.set(left);
        if left > 0 {
            return;
        }
        let Some(done) = self.done.borrow_mut().take() else {
            return;
        };
        let mut found = std::mem::take(&mut *self.found.borrow_mut());
        found.sort_by(|a, b| a.1.cmp(&b.1));
        done(found, true);
    }
}
