//! The batch table's state: many files read one after the other, one row
//! each (`crate::batch::Row`), the order the user chose, and the row open
//! in the workbench. A pure reducer, tested natively; the app reads the
//! files and dispatches what it read.

use super::state::Notice;
use crate::batch::{self, Row, SortKey};
use crate::decode::LoadError;
use crate::load::Loaded;
use crate::{Config, Hints, Profile, ProfileChoice};
use std::rc::Rc;

/// A file of the batch as read, to open in the workbench.
#[derive(Debug, Clone, PartialEq)]
pub struct FileData {
    pub text: Rc<str>,
    pub hints: Hints,
    pub format: &'static str,
    /// What the loader noted (Chinese, English).
    pub notes: Vec<(String, String)>,
}

/// One row, and its file when it could be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub row: Row,
    pub file: Option<Rc<FileData>>,
}

/// The row of a file as read (or refused), analysed with `choice` and the
/// user's settings (`config`), as a single document would be.
pub fn entry(
    name: &str,
    loaded: Result<Loaded, LoadError>,
    choice: &ProfileChoice,
    config: &Config,
    profiles: &[Profile],
) -> Entry {
    match loaded {
        Ok(l) => {
            let report = super::analyze_here(&l.text, choice, config, &l.hints);
            let row = Row::from_report(name, &report, profiles);
            drop(report);
            Entry {
                row,
                file: Some(Rc::new(FileData {
                    text: Rc::from(l.text),
                    hints: l.hints,
                    format: l.format,
                    notes: l.notes,
                })),
            }
        }
        Err(e) => Entry {
            row: Row::unreadable(name, &e),
            file: None,
        },
    }
}

/// The notice that tells what the loader noted of a file, if anything.
pub fn notes_notice(name: &str, notes: &[(String, String)]) -> Option<Notice> {
    (!notes.is_empty()).then(|| Notice {
        error: false,
        zh: format!(
            "{name}：{}",
            notes
                .iter()
                .map(|(zh, _)| zh.as_str())
                .collect::<Vec<_>>()
                .join("；")
        ),
        en: format!(
            "{name}: {}",
            notes
                .iter()
                .map(|(_, en)| en.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        ),
    })
}

/// Which of the picked files to read: all of them when picked one by one
/// (each is checked, and refused with its reason if it is no report);
/// from a folder, the .txt, .md and .docx files, the others counted.
pub fn pick(names: &[String], folder: bool) -> (Vec<usize>, usize) {
    if !folder {
        return ((0..names.len()).collect(), 0);
    }
    let chosen: Vec<usize> = (0..names.len())
        .filter(|&i| batch::is_checkable(&names[i]))
        .collect();
    let skipped = names.len() - chosen.len();
    (chosen, skipped)
}

#[derive(Debug, Clone)]
pub struct Batch {
    pub entries: Rc<Vec<Entry>>,
    /// How many files are being read in all.
    pub expected: usize,
    /// Files of a folder that are not reports.
    pub skipped: usize,
    pub sort: SortKey,
    pub reverse: bool,
    /// Indices into `entries`, in the order shown.
    pub order: Rc<Vec<usize>>,
    /// The entry open in the workbench.
    pub open: Option<usize>,
}

/// Entries and order are never changed in place (a change makes new
/// ones): the same lists are the same allocations, which is all the view
/// needs to compare, without code for a deep comparison.
impl PartialEq for Batch {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.entries, &other.entries)
            && Rc::ptr_eq(&self.order, &other.order)
            && (
                self.expected,
                self.skipped,
                self.sort,
                self.reverse,
                self.open,
            ) == (
                other.expected,
                other.skipped,
                other.sort,
                other.reverse,
                other.open,
            )
    }
}

impl Default for Batch {
    fn default() -> Self {
        Batch {
            entries: Rc::new(Vec::new()),
            expected: 0,
            skipped: 0,
            sort: SortKey::Verdict,
            reverse: false,
            order: Rc::new(Vec::new()),
            open: None,
        }
    }
}

pub enum BatchAction {
    /// A new batch of `total` files is being read.
    Start { total: usize, skipped: usize },
    /// One more file read.
    Add(Entry),
    /// Order by this key; the same key again turns the order round.
    Sort(SortKey),
    /// Open an entry in the workbench.
    Open(usize),
    /// Back to the table, with the opened file's text and row as the
    /// workbench left them (edited or not).
    Back(Option<(Rc<str>, Row)>),
    /// Leave the batch.
    Close,
}

impl Batch {
    /// A batch is shown.
    pub fn active(&self) -> bool {
        self.expected > 0
    }

    /// Files are still being read.
    pub fn reading(&self) -> bool {
        self.entries.len() < self.expected
    }

    /// The table is shown (not a file of it).
    pub fn table_shown(&self) -> bool {
        self.active() && self.open.is_none()
    }

    pub fn rows(&self) -> Vec<Row> {
        self.entries.iter().map(|e| e.row.clone()).collect()
    }

    /// The opened entry.
    pub fn opened(&self) -> Option<&Entry> {
        self.open.and_then(|i| self.entries.get(i))
    }

    fn reorder(&mut self) {
        let rows = self.rows();
        self.order = Rc::new(batch::order(&rows, self.sort, self.reverse));
    }

    /// The table as CSV, in the order shown.
    pub fn csv(&self, english: bool) -> String {
        batch::csv(&self.rows(), &self.order, english)
    }

    /// The printable summary, in the order shown.
    pub fn html(&self, english: bool) -> String {
        let title = if english { "batch" } else { "汇总" };
        batch::html(title, &self.rows(), &self.order, english)
    }

    /// "共 5 个文件：…；跳过 3 个其他文件".
    pub fn totals(&self, english: bool) -> String {
        let skipped = (self.skipped > 0).then_some(self.skipped);
        batch::totals_line(&self.rows(), skipped, english)
    }

    /// The state after `action`.
    pub fn reduced(&self, action: BatchAction) -> Batch {
        let mut b = self.clone();
        match action {
            BatchAction::Start { total, skipped } => {
                b = Batch {
                    expected: total,
                    skipped,
                    sort: self.sort,
                    reverse: self.reverse,
                    ..Batch::default()
                };
            }
            BatchAction::Add(e) => {
                if b.reading() {
                    Rc::make_mut(&mut b.entries).push(e);
                    b.reorder();
                }
            }
            BatchAction::Sort(key) => {
                b.reverse = b.sort == key && !b.reverse;
                b.sort = key;
                b.reorder();
            }
            BatchAction::Open(i) => {
                if self.entries.get(i).is_some_and(|e| e.file.is_some()) {
                    b.open = Some(i);
                }
            }
            BatchAction::Back(edited) => {
                if let (Some(i), Some((text, row))) = (b.open, edited) {
                    let entries = Rc::make_mut(&mut b.entries);
                    if let Some(e) = entries.get_mut(i) {
                        if let Some(f) = e.file.as_mut() {
                            if *f.text != *text {
                                Rc::make_mut(f).text = text;
                                e.row = row;
                            }
                        }
                    }
                    b.reorder();
                }
                b.open = None;
            }
            BatchAction::Close => b = Batch::default(),
        }
        b
    }
}

#[cfg(web_page)]
impl yew::Reducible for Batch {
    type Action = BatchAction;

    fn reduce(self: Rc<Self>, action: BatchAction) -> Rc<Self> {
        Rc::new(self.reduced(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::Limits;

    fn lossy(b: &[u8]) -> (String, bool) {
        (String::from_utf8_lossy(b).into_owned(), false)
    }

    fn read(name: &str, bytes: &[u8]) -> Entry {
        let loaded = crate::load::load(name, bytes, &lossy, &Limits::default());
        entry(
            name,
            loaded,
            &ProfileChoice::Auto,
            &Config::default(),
            &Profile::builtins(),
        )
    }

    const CLEAN: &str = "某县2023年度工作总结\n一、主要工作\n全年完成任务12项。\n二、存在问题\n学习不够深入。\n三、下一步工作打算\n继续抓好落实。\n";

    fn names(b: &Batch) -> Vec<&str> {
        b.order
            .iter()
            .map(|&i| b.entries[i].row.path.as_str())
            .collect()
    }

    fn three() -> Batch {
        Batch::default()
            .reduced(BatchAction::Start {
                total: 3,
                skipped: 1,
            })
            .reduced(BatchAction::Add(read("a.txt", CLEAN.as_bytes())))
            .reduced(BatchAction::Add(read(
                "b.txt",
                CLEAN.replace("12项", "XX项").as_bytes(),
            )))
            .reduced(BatchAction::Add(read("c.docx", b"PK\x03\x04broken")))
    }

    #[test]
    fn a_row_is_analysed_with_the_users_settings() {
        let text = format!("{CLEAN}坚持建设美丽幸福新胶洲。\n");
        let loaded = || crate::load::load("a.txt", text.as_bytes(), &lossy, &Limits::default());
        let without = entry(
            "a.txt",
            loaded(),
            &ProfileChoice::Auto,
            &Config::default(),
            &[],
        );
        let config = Config {
            formulations: crate::config::UserFormulation::parse_lines(
                "建设美丽幸福新胶州|市第十四次党代会报告|2021-09",
            ),
            ..Config::default()
        };
        let with = entry("a.txt", loaded(), &ProfileChoice::Auto, &config, &[]);
        let wording = crate::Category::ALL
            .iter()
            .position(|c| *c == crate::Category::Wording)
            .unwrap();
        assert_eq!(
            with.row.by_category[wording],
            without.row.by_category[wording] + 1
        );
    }

    #[test]
    fn files_are_added_as_they_are_read_worst_first() {
        let b = Batch::default().reduced(BatchAction::Start {
            total: 3,
            skipped: 1,
        });
        assert!(b.active() && b.reading() && b.table_shown());
        let b = three();
        assert!(!b.reading());
        assert_eq!(names(&b), ["c.docx", "b.txt", "a.txt"]);
        assert_eq!(b.entries[2].row.verdict_zh(), "无法读取");
        assert!(b.entries[2].file.is_none());
        assert_eq!(b.entries[1].row.summary.error, 1);
        assert_eq!(
            b.totals(false),
            "共 3 个文件：1 个可以提交，1 个还有错误，1 个无法读取；跳过 1 个其他文件"
        );
        // More than expected (a late reader of an older batch): ignored.
        let late = b.reduced(BatchAction::Add(read("d.txt", CLEAN.as_bytes())));
        assert_eq!(late.entries.len(), 3);
    }

    #[test]
    fn sorting_twice_turns_the_order_round() {
        let b = three().reduced(BatchAction::Sort(SortKey::Name));
        assert_eq!(names(&b), ["a.txt", "b.txt", "c.docx"]);
        let b = b.reduced(BatchAction::Sort(SortKey::Name));
        assert_eq!(names(&b), ["c.docx", "b.txt", "a.txt"]);
        let b = b.reduced(BatchAction::Sort(SortKey::Count));
        assert!(!b.reverse);
        assert!(b
            .csv(false)
            .contains("\"b.txt\",\"工作总结\",\"还有 1 个错误\""));
    }

    #[test]
    fn opening_and_coming_back_keeps_the_table() {
        let b = three().reduced(BatchAction::Sort(SortKey::Name));
        // An unreadable file does not open.
        assert_eq!(b.reduced(BatchAction::Open(2)).open, None);
        let opened = b.reduced(BatchAction::Open(1));
        assert!(!opened.table_shown());
        assert_eq!(opened.opened().unwrap().row.path, "b.txt");
        let back = opened.reduced(BatchAction::Back(None));
        assert_eq!(back, b);
        // Fixed in the workbench: the row follows the text.
        let fixed: Rc<str> = Rc::from(CLEAN);
        let report = crate::analyze_auto(CLEAN);
        let row = Row::from_report("b.txt", &report, &Profile::builtins());
        let back = opened.reduced(BatchAction::Back(Some((fixed.clone(), row))));
        assert_eq!(back.open, None);
        assert!(back.entries[1].row.ready());
        assert_eq!(back.entries[1].file.as_ref().unwrap().text, fixed);
        assert_eq!(names(&back), ["a.txt", "b.txt", "c.docx"]);
        let closed = back.reduced(BatchAction::Close);
        assert!(!closed.active() && closed.entries.is_empty() && closed.open.is_none());
    }

    #[test]
    fn a_folder_skips_what_is_not_a_report() {
        let names: Vec<String> = ["单位/a.txt", "单位/b.png", "单位/~$c.docx", "d.md"]
            .map(String::from)
            .to_vec();
        assert_eq!(pick(&names, true), (vec![0, 3], 2));
        assert_eq!(pick(&names, false), (vec![0, 1, 2, 3], 0));
    }
}
