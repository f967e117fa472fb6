//! App state as a reducer: every change is an action. The analysis re-runs
//! whenever the text, the profile or the ignore list changes; everything the
//! view shows is derived from `report` and `visible`.

use super::i18n::Lang;
use super::storage::{self, Settings};
use crate::fix;
use crate::{
    analyze_with, Category, Config, Finding, Hints, Profile, ProfileChoice, Report, Severity,
};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::Reducible;

/// Which panel the side bar shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Problems,
    FillIn,
    Profiles,
    More,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub error: bool,
    pub zh: String,
    pub en: String,
}

/// A fix that was applied, so Ctrl+Z can take it back.
#[derive(Debug, Clone, PartialEq)]
pub struct Undo {
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub text: Rc<String>,
    pub hints: Hints,
    pub report: Rc<Report>,
    /// Indices into `report.findings` that are shown (not ignored, not
    /// filtered out), in text order.
    pub visible: Rc<Vec<usize>>,
    /// How many findings are ignored as intended.
    pub ignored_count: usize,
    pub settings: Settings,
    pub custom_profiles: Vec<Profile>,
    pub intranet_profiles: Vec<Profile>,
    pub ignores: BTreeSet<String>,
    pub file_name: Option<String>,
    pub file_format: &'static str,
    pub notice: Option<Notice>,
    pub selected: Option<usize>,
    /// The finding whose card is open, and where (px inside the text pane).
    pub card: Option<(usize, f64, f64)>,
    pub tab: Tab,
    pub undo: Vec<Undo>,
    /// Rules whose aggregated items are expanded in the list.
    pub expanded: BTreeSet<String>,
    /// Categories and severities hidden by the filters.
    pub hidden_categories: BTreeSet<Category>,
    pub hidden_severities: BTreeSet<Severity>,
    /// Text large enough that analysis is deferred and shown as progress.
    pub busy: bool,
}

pub enum Action {
    /// The user typed or pasted.
    SetText(String),
    /// A large text arrives: show progress, analyse on the next tick.
    SetTextDeferred(String),
    Analyze,
    Loaded {
        name: String,
        text: String,
        hints: Hints,
        format: &'static str,
        notice: Option<Notice>,
    },
    LoadFailed {
        name: String,
        zh: String,
        en: String,
    },
    Select(usize),
    OpenCard(usize, f64, f64),
    CloseCard,
    ApplyFix(usize),
    ApplyRule(String),
    FillIn(Vec<(usize, String)>),
    Undo,
    Ignore(usize),
    ClearIgnores,
    SetLang(Lang),
    SetTab(Tab),
    SetProfile(String),
    SaveCustomProfiles(Vec<Profile>),
    IntranetProfiles(Vec<Profile>),
    ToggleExpanded(String),
    ToggleCategory(Category),
    ToggleSeverity(Severity),
    SetTheme(String),
    SetRememberDraft(bool),
    DismissNotice,
}

/// Above this many bytes the analysis runs after a paint, with a progress note.
pub const DEFER_BYTES: usize = 200_000;

impl State {
    pub fn new() -> State {
        let settings = storage::load_settings();
        let custom_profiles = storage::load_custom_profiles();
        let text = if settings.remember_draft {
            storage::load_draft()
        } else {
            String::new()
        };
        let mut s = State {
            text: Rc::new(text),
            hints: Hints::default(),
            report: Rc::new(empty_report()),
            visible: Rc::new(Vec::new()),
            ignored_count: 0,
            settings,
            custom_profiles,
            intranet_profiles: Vec::new(),
            ignores: BTreeSet::new(),
            file_name: None,
            file_format: "txt",
            notice: None,
            selected: None,
            card: None,
            tab: Tab::Problems,
            undo: Vec::new(),
            expanded: BTreeSet::new(),
            hidden_categories: BTreeSet::new(),
            hidden_severities: BTreeSet::new(),
            busy: false,
        };
        s.ignores = storage::load_ignores(&s.text);
        s.analyze();
        s
    }

    pub fn lang(&self) -> Lang {
        self.settings.lang
    }

    pub fn all_profiles(&self) -> Vec<Profile> {
        let mut all = Profile::builtins();
        all.extend(self.intranet_profiles.iter().cloned());
        all.extend(self.custom_profiles.iter().cloned());
        all
    }

    fn profile_choice(&self) -> ProfileChoice {
        if self.settings.profile == "auto" {
            return ProfileChoice::Auto;
        }
        self.all_profiles()
            .into_iter()
            .rev()
            .find(|p| p.id == self.settings.profile)
            .map_or(ProfileChoice::Auto, ProfileChoice::Given)
    }

    fn analyze(&mut self) {
        self.report = Rc::new(analyze_with(
            &self.text,
            &self.profile_choice(),
            &Config::default(),
            &self.hints,
        ));
        self.busy = false;
        self.refilter();
    }

    /// Recomputes which findings are shown.
    pub fn refilter(&mut self) {
        let text = self.text.as_str();
        let mut ignored = 0;
        let visible = self
            .report
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| {
                if self.ignores.contains(&ignore_key(text, f)) {
                    ignored += 1;
                    return false;
                }
                !self.hidden_categories.contains(&f.category)
                    && !self.hidden_severities.contains(&f.severity)
            })
            .map(|(i, _)| i)
            .collect();
        self.visible = Rc::new(visible);
        self.ignored_count = ignored;
    }

    /// Errors and warnings left once ignored findings are taken out.
    pub fn counts(&self) -> (usize, usize, usize) {
        let text = self.text.as_str();
        let (mut e, mut w, mut i) = (0, 0, 0);
        for f in &self.report.findings {
            if f.aggregate.is_some() || self.ignores.contains(&ignore_key(text, f)) {
                continue;
            }
            match f.severity {
                Severity::Error => e += 1,
                Severity::Warning => w += 1,
                Severity::Info => i += 1,
            }
        }
        (e, w, i)
    }

    fn replace_text(&mut self, text: String, record_undo: bool) {
        if record_undo && text != *self.text {
            self.undo.push(Undo {
                before: (*self.text).clone(),
                after: text.clone(),
            });
            if self.undo.len() > 100 {
                self.undo.remove(0);
            }
        }
        self.text = Rc::new(text);
        self.selected = None;
        self.card = None;
        self.analyze();
        self.save_draft();
    }

    /// A different document (by its title line) brings its own ignore list.
    fn switch_document(&mut self, text: &str) {
        if storage::doc_key(text) != storage::doc_key(&self.text) {
            self.ignores = storage::load_ignores(text);
        }
    }

    fn save_draft(&self) {
        if self.settings.remember_draft {
            storage::save_draft(&self.text);
        }
    }

    fn fixes_for(&self, pick: impl Fn(&Finding) -> bool) -> Vec<(usize, usize, String)> {
        self.visible
            .iter()
            .filter_map(|&i| self.report.findings.get(i))
            .filter(|f| f.aggregate.is_none() && pick(f))
            .filter_map(|f| f.suggestion.clone().map(|s| (f.byte_start, f.byte_end, s)))
            .collect()
    }
}

/// What identifies a finding across edits elsewhere in the text: its rule,
/// its text and a few characters around it.
pub fn ignore_key(text: &str, f: &Finding) -> String {
    let before: String = text
        .get(..f.byte_start)
        .unwrap_or("")
        .chars()
        .rev()
        .take(6)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text
        .get(f.byte_end..)
        .unwrap_or("")
        .chars()
        .take(6)
        .collect();
    format!("{}|{}|{}|{}", f.rule, before, f.text, after)
}

fn empty_report() -> Report {
    analyze_with(
        "",
        &ProfileChoice::Auto,
        &Config::default(),
        &Hints::default(),
    )
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SetText(text) => {
                s.hints = Hints::default();
                s.switch_document(&text);
                s.replace_text(text, false);
            }
            Action::SetTextDeferred(text) => {
                s.hints = Hints::default();
                s.switch_document(&text);
                s.text = Rc::new(text);
                s.busy = true;
                s.selected = None;
                s.card = None;
            }
            Action::Analyze => {
                s.analyze();
                s.save_draft();
            }
            Action::Loaded {
                name,
                text,
                hints,
                format,
                notice,
            } => {
                s.hints = hints;
                s.file_name = Some(name);
                s.file_format = format;
                s.notice = notice;
                s.undo.clear();
                s.ignores = storage::load_ignores(&text);
                if text.len() > DEFER_BYTES {
                    // Shown with a progress note; analysed on the next tick.
                    s.text = Rc::new(text);
                    s.busy = true;
                    s.selected = None;
                    s.card = None;
                } else {
                    s.replace_text(text, false);
                }
            }
            Action::LoadFailed { name, zh, en } => {
                // The text already in the editor stays untouched.
                s.notice = Some(Notice {
                    error: true,
                    zh: format!("无法打开“{name}”：{zh}"),
                    en: format!("Cannot open \"{name}\": {en}"),
                });
            }
            Action::Select(i) => {
                s.selected = Some(i);
            }
            Action::OpenCard(i, top, left) => {
                s.selected = Some(i);
                s.card = Some((i, top, left));
            }
            Action::CloseCard => s.card = None,
            Action::ApplyFix(i) => {
                if let Some(f) = s.report.findings.get(i) {
                    if let Some(sugg) = &f.suggestion {
                        let text = fix::apply(&s.text, &[(f.byte_start, f.byte_end, sugg.clone())]);
                        s.replace_text(text, true);
                    }
                }
            }
            Action::ApplyRule(rule) => {
                let fixes = s.fixes_for(|f| f.rule == rule);
                if !fixes.is_empty() {
                    let text = fix::apply(&s.text, &fixes);
                    s.replace_text(text, true);
                }
            }
            Action::FillIn(values) => {
                // The form checked every value; checked again here, so that
                // a fill-in is applied whole or not at all.
                let blanks = crate::fill::blanks(&s.text, &s.report);
                let years = crate::fill::Years::around(&s.text, super::fillin::this_year());
                match crate::fill::apply(&s.text, &blanks, &values, years) {
                    Ok(text) if text != *s.text => s.replace_text(text, true),
                    Ok(_) => {}
                    Err(refused) => {
                        if let Some((_, r)) = refused.first() {
                            s.notice = Some(Notice {
                                error: true,
                                zh: format!("没有填入：{}", r.zh),
                                en: format!("Nothing was filled in: {}", r.en),
                            });
                        }
                    }
                }
            }
            Action::Undo => {
                if let Some(u) = s.undo.pop() {
                    s.text = Rc::new(u.before);
                    s.selected = None;
                    s.card = None;
                    s.analyze();
                    s.save_draft();
                }
            }
            Action::Ignore(i) => {
                if let Some(f) = s.report.findings.get(i) {
                    let key = ignore_key(&s.text, f);
                    s.ignores.insert(key);
                    storage::save_ignores(&s.text, &s.ignores);
                    s.card = None;
                    s.refilter();
                }
            }
            Action::ClearIgnores => {
                s.ignores.clear();
                storage::save_ignores(&s.text, &s.ignores);
                s.refilter();
            }
            Action::SetLang(lang) => {
                s.settings.lang = lang;
                storage::save_settings(&s.settings);
            }
            Action::SetTab(tab) => s.tab = tab,
            Action::SetProfile(id) => {
                s.settings.profile = id;
                storage::save_settings(&s.settings);
                s.analyze();
            }
            Action::SaveCustomProfiles(list) => {
                s.custom_profiles = list;
                storage::save_custom_profiles(&s.custom_profiles);
                s.analyze();
            }
            Action::IntranetProfiles(list) => {
                s.intranet_profiles = list;
                s.analyze();
            }
            Action::ToggleExpanded(rule) => {
                if !s.expanded.remove(&rule) {
                    s.expanded.insert(rule);
                }
            }
            Action::ToggleCategory(c) => {
                if !s.hidden_categories.remove(&c) {
                    s.hidden_categories.insert(c);
                }
                s.refilter();
            }
            Action::ToggleSeverity(v) => {
                if !s.hidden_severities.remove(&v) {
                    s.hidden_severities.insert(v);
                }
                s.refilter();
            }
            Action::SetTheme(theme) => {
                s.settings.theme = theme;
                storage::save_settings(&s.settings);
            }
            Action::SetRememberDraft(on) => {
                s.settings.remember_draft = on;
                storage::save_settings(&s.settings);
                if on {
                    storage::save_draft(&s.text);
                } else {
                    storage::clear_draft();
                }
            }
            Action::DismissNotice => s.notice = None,
        }
        Rc::new(s)
    }
}
