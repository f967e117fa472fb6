//! App state as a reducer: every change is an action, and analysis re-runs
//! whenever the text changes.

use super::i18n::Lang;
use crate::{analyze_with, Config, Hints, ProfileChoice, Report};
use std::rc::Rc;
use yew::Reducible;

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub text: String,
    pub hints: Hints,
    pub report: Rc<Report>,
    pub lang: Lang,
    pub file_name: Option<String>,
    /// A message about the last file (could not be read, decoded lossily …).
    pub notice: Option<Notice>,
    /// Index into `report.findings` of the selected finding.
    pub selected: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub error: bool,
    pub zh: String,
    pub en: String,
}

pub enum Action {
    SetText(String),
    Loaded {
        name: String,
        text: String,
        hints: Hints,
        notice: Option<Notice>,
    },
    LoadFailed {
        name: String,
        zh: String,
        en: String,
    },
    Select(usize),
    SetLang(Lang),
}

fn run(text: &str, hints: &Hints) -> Rc<Report> {
    Rc::new(analyze_with(
        text,
        &ProfileChoice::Auto,
        &Config::default(),
        hints,
    ))
}

impl Default for State {
    fn default() -> Self {
        State {
            text: String::new(),
            hints: Hints::default(),
            report: run("", &Hints::default()),
            lang: Lang::Zh,
            file_name: None,
            notice: None,
            selected: None,
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetText(text) => {
                next.hints = Hints::default();
                next.report = run(&text, &next.hints);
                next.text = text;
                next.selected = None;
            }
            Action::Loaded {
                name,
                text,
                hints,
                notice,
            } => {
                next.report = run(&text, &hints);
                next.text = text;
                next.hints = hints;
                next.file_name = Some(name);
                next.notice = notice;
                next.selected = None;
            }
            Action::LoadFailed { name, zh, en } => {
                // The text in the editor stays as it was.
                next.notice = Some(Notice {
                    error: true,
                    zh: format!("{name}：{zh}"),
                    en: format!("{name}: {en}"),
                });
            }
            Action::Select(i) => next.selected = Some(i),
            Action::SetLang(lang) => next.lang = lang,
        }
        Rc::new(next)
    }
}
