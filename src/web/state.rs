//! App state as a reducer: every change is an action. The analysis re-runs
//! whenever the text, the profile or the ignore list changes; everything the
//! view shows is derived from `report` and `visible`.
//!
//! In the browser the analysis runs in a worker (worker.rs): `analyze`
//! then only numbers a question, the app's effect sends it, and the answer
//! comes back as `Action::Analyzed`; an answer to an older question is
//! dropped. Until it comes, `report` stays paired with `report_text`, the
//! text it was made from: every offset in it is an offset in that text.
//!
//! The reducer is pure and compiles on every target, so it is tested
//! natively: what it reads from the browser's storage comes in as values
//! (`Stored`) or through `IgnoreLoader`, and what should be saved is saved
//! by the app's effects, which watch the state.

use super::i18n::Lang;
use super::prefs::{doc_key, Settings};
use super::shared::Shared;
use crate::fix;
use crate::{
    analyze_with, Category, Config, Finding, Hints, Profile, ProfileChoice, Report, Severity,
};
use std::collections::BTreeSet;
use std::rc::Rc;

/// What the app starts from, as storage held it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stored {
    pub settings: Settings,
    pub custom_profiles: Vec<Profile>,
    pub draft: String,
}

/// Reads the ignore list of a document (by its text) when the user turns
/// to another document. The browser's storage in the app; a map in tests.
#[derive(Clone)]
pub struct IgnoreLoader(pub Rc<IgnoreList>);

/// A document's text → its saved ignore list.
pub type IgnoreList = dyn Fn(&str) -> BTreeSet<String>;

impl PartialEq for IgnoreLoader {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for IgnoreLoader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("IgnoreLoader")
    }
}

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

/// A fix that was applied, so Ctrl+Z can take it back. Both texts are
/// shared with the state that had them, not copies.
#[derive(Debug, Clone, PartialEq)]
pub struct Undo {
    pub before: Rc<str>,
    pub after: Rc<str>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub text: Rc<str>,
    pub hints: Hints,
    pub report: Shared<Report>,
    /// The text `report` was made from: `text` once the answer to the
    /// latest question has come.
    pub report_text: Rc<str>,
    /// The number of the latest question for an analysis.
    pub generation: u64,
    /// The analysis runs elsewhere (the worker): `analyze` asks, and
    /// `Action::Analyzed` answers.
    pub remote: bool,
    /// The answer to question `generation` has not come yet.
    pub pending: bool,
    /// `report` is the first stage of the answer to question
    /// `generation`: every error, the wording rules' warnings to come.
    pub partial: bool,
    /// Indices into `report.findings` that are shown (not ignored, not
    /// filtered out), in text order.
    pub visible: Rc<Vec<usize>>,
    /// Indices of the findings not ignored, whatever the filters: what the
    /// exports hold.
    pub kept: Rc<Vec<usize>>,
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
    /// The category and the severity the list is filtered to, if any.
    pub only_category: Option<Category>,
    pub only_severity: Option<Severity>,
    /// F8 goes through the notes too, not only once errors and warnings
    /// are gone.
    pub include_notes: bool,
    /// Text large enough that analysis is deferred and shown as progress.
    pub busy: bool,
    pub load_ignores: IgnoreLoader,
    /// The word lexicon for the typo and OCR rules: none until its asset
    /// has been read (after the first results), then every analysis has it.
    pub words: crate::text::words::Words,
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
    /// The values typed for the blanks of `fill::blanks` (by index), and
    /// this year by the user's clock.
    FillIn(Vec<(usize, String)>, u32),
    Undo,
    Ignore(usize),
    ClearIgnores,
    SetLang(Lang),
    SetTab(Tab),
    SetProfile(String),
    SaveCustomProfiles(Vec<Profile>),
    IntranetProfiles(Vec<Profile>),
    ToggleExpanded(String),
    /// Filters the list to a category; the same category again clears it.
    ToggleCategory(Category),
    /// Filters the list to a severity; the same severity again clears it.
    ToggleSeverity(Severity),
    SetIncludeNotes(bool),
    SetTheme(String),
    SetRememberDraft(bool),
    /// The user's standard formulations and exceptions (Settings).
    SetFormulations(Vec<crate::config::UserFormulation>, Vec<String>),
    SetDictionary(crate::config::UserDictionary),
    /// The lexicon asset has been read: analyse again with it. `None`:
    /// the worker has read it (the page holds no copy).
    Lexicon(Option<crate::text::words::Words>),
    /// The analysis moves to a worker (true), or back to the page when the
    /// worker failed (false).
    Remote(bool),
    /// The worker's answer to question `.0`; `.2`: a first stage, the
    /// whole report follows (`remote::Request::staged`).
    Analyzed(u64, Shared<Report>, bool),
    DismissNotice,
    /// The analysis engine could not be loaded: the page's own rules go on
    /// alone, and the user is told.
    EngineMissing,
}

/// Above this many bytes the analysis runs after a paint, with a progress note.
pub const DEFER_BYTES: usize = 200_000;

/// A change of the text by more than this many bytes is a text arriving
/// whole (a paste, a file, a select-all and delete), not typing.
pub const ARRIVED_BYTES: usize = 100_000;

impl State {
    pub fn new(stored: Stored, load_ignores: IgnoreLoader) -> State {
        let Stored {
            settings,
            custom_profiles,
            draft,
        } = stored;
        let mut s = State {
            text: Rc::from(draft),
            hints: Hints::default(),
            report: Shared::new(empty_report()),
            report_text: Rc::from(""),
            generation: 0,
            remote: false,
            pending: false,
            partial: false,
            visible: Rc::new(Vec::new()),
            kept: Rc::new(Vec::new()),
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
            only_category: None,
            only_severity: None,
            include_notes: false,
            busy: false,
            load_ignores,
            words: crate::text::words::Words::default(),
        };
        s.ignores = (s.load_ignores.0)(&s.text);
        s.analyze();
        s
    }

    /// The key the current document's ignore list is saved under.
    pub fn doc_key(&self) -> String {
        doc_key(&self.text)
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

    pub fn profile_choice(&self) -> ProfileChoice {
        if self.settings.profile == "auto" {
            return ProfileChoice::Auto;
        }
        self.all_profiles()
            .into_iter()
            .rev()
            .find(|p| p.id == self.settings.profile)
            .map_or(ProfileChoice::Auto, ProfileChoice::Given)
    }

    /// What the analysis is given: the settings' lists and the lexicon.
    pub fn config(&self) -> crate::config::Config {
        crate::config::Config {
            words: self.words.clone(),
            ..self.settings.config()
        }
    }

    /// Asks for an analysis of the text as it is now: made here, or
    /// numbered for the worker (the app's effect sends it).
    fn analyze(&mut self) {
        self.generation += 1;
        if self.remote {
            self.pending = true;
            return;
        }
        let report = super::analyze_here(
            &self.text,
            &self.profile_choice(),
            &self.config(),
            &self.hints,
        );
        self.install(Shared::new(report));
    }

    /// A large text waits for its analysis: the worker is asked at once;
    /// the page analyses it on the next tick, after the progress note has
    /// painted. An answer still awaited is of the text before: it will be
    /// dropped.
    fn wait_for_analysis(&mut self) {
        self.busy = true;
        if self.remote {
            // The worker analyses it: the page has nothing to wait for.
            self.analyze();
            return;
        }
        self.generation += 1;
        self.pending = false;
    }

    /// The report for the text as it is now has come.
    fn install(&mut self, report: Shared<Report>) {
        // New findings renumber the old: a card or a selection that would
        // now point at another finding is closed.
        let same = |i: usize| {
            let (old, new) = (self.report.findings.get(i), report.findings.get(i));
            matches!((old, new), (Some(a), Some(b)) if a.rule == b.rule && a.byte_start == b.byte_start && a.byte_end == b.byte_end)
        };
        if self.selected.is_some_and(|i| !same(i)) {
            self.selected = None;
        }
        if self.card.is_some_and(|(i, ..)| !same(i)) {
            self.card = None;
        }
        self.report = report;
        self.report_text = self.text.clone();
        self.busy = false;
        self.pending = false;
        self.partial = false;
        self.refilter();
    }

    /// The report is of the text as it is now (no answer is awaited):
    /// its offsets may be applied to the text.
    pub fn fresh(&self) -> bool {
        Rc::ptr_eq(&self.report_text, &self.text) || *self.report_text == *self.text
    }

    /// Recomputes which findings are shown.
    pub fn refilter(&mut self) {
        let text: &str = &self.report_text;
        let findings = &self.report.findings;
        let mut ignored = 0;
        let kept: Vec<usize> = if self.ignores.is_empty() {
            (0..findings.len()).collect()
        } else {
            (0..findings.len())
                .filter(|&i| {
                    let gone = self.ignores.contains(&ignore_key(text, &findings[i]));
                    ignored += usize::from(gone);
                    !gone
                })
                .collect()
        };
        let shown = |f: &Finding| {
            self.only_category.is_none_or(|c| f.category == c)
                && self.only_severity.is_none_or(|v| f.severity == v)
        };
        self.visible = if self.only_category.is_none() && self.only_severity.is_none() {
            Rc::new(kept.clone())
        } else {
            Rc::new(
                kept.iter()
                    .copied()
                    .filter(|&i| shown(&findings[i]))
                    .collect(),
            )
        };
        self.kept = Rc::new(kept);
        self.ignored_count = ignored;
    }

    /// The order F8 goes through the findings shown: the errors in text
    /// order, then the warnings; the notes only when the user asked for
    /// them or nothing else is left (a draft full of half-width commas
    /// would bury its one real error).
    pub fn nav_order(&self) -> Vec<usize> {
        let single = |i: &usize| {
            self.report
                .findings
                .get(*i)
                .filter(|f| f.aggregate.is_none())
                .map(|f| f.severity)
        };
        let of = |sev: Severity| {
            self.visible
                .iter()
                .filter(move |i| single(i) == Some(sev))
                .copied()
        };
        let mut order: Vec<usize> = of(Severity::Error).chain(of(Severity::Warning)).collect();
        if order.is_empty() || self.include_notes {
            order.extend(of(Severity::Info));
        }
        order
    }

    /// The finding F8 (or Shift+F8 when `back`) goes to from `from`. From a
    /// finding not in the order (a note clicked in the list) it goes to the
    /// next one in the order after it in the text.
    pub fn next_finding(&self, from: Option<usize>, back: bool) -> Option<usize> {
        let order = self.nav_order();
        let n = order.len();
        if n == 0 {
            return None;
        }
        let pos = from.and_then(|s| order.iter().position(|&i| i == s));
        let k = match (pos, back) {
            (Some(p), false) => (p + 1) % n,
            (Some(p), true) => (p + n - 1) % n,
            (None, false) => from
                .and_then(|s| order.iter().position(|&i| i > s))
                .unwrap_or(0),
            (None, true) => from
                .and_then(|s| order.iter().rposition(|&i| i < s))
                .unwrap_or(n - 1),
        };
        order.get(k).copied()
    }

    /// Errors and warnings left once ignored findings are taken out.
    pub fn counts(&self) -> (usize, usize, usize) {
        let (mut e, mut w, mut i) = (0, 0, 0);
        // `kept` holds the findings not ignored (refilter).
        for f in self
            .kept
            .iter()
            .filter_map(|&k| self.report.findings.get(k))
        {
            if f.aggregate.is_some() {
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
        let text: Rc<str> = Rc::from(text);
        if record_undo && text != self.text {
            self.undo.push(Undo {
                before: self.text.clone(),
                after: text.clone(),
            });
            if self.undo.len() > 100 {
                self.undo.remove(0);
            }
        }
        self.set_text(text);
    }

    fn set_text(&mut self, text: Rc<str>) {
        self.text = text;
        self.selected = None;
        self.card = None;
        self.analyze();
    }

    /// A different document (by its title line) brings its own ignore list.
    fn switch_document(&mut self, text: &str) {
        if doc_key(text) != doc_key(&self.text) {
            self.ignores = (self.load_ignores.0)(text);
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

#[cfg(web_page)]
impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.reduced(action))
    }
}

impl State {
    /// The state after `action`.
    pub fn reduced(&self, action: Action) -> State {
        let mut s = self.clone();
        match action {
            Action::SetText(text) => {
                s.hints = Hints::default();
                s.switch_document(&text);
                s.replace_text(text, false);
            }
            Action::SetTextDeferred(text) => {
                s.hints = Hints::default();
                s.switch_document(&text);
                s.text = Rc::from(text);
                s.wait_for_analysis();
                s.selected = None;
                s.card = None;
            }
            Action::Analyze => s.analyze(),
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
                s.ignores = (s.load_ignores.0)(&text);
                if text.len() > DEFER_BYTES {
                    // Shown with a progress note; analysed on the next tick.
                    s.text = Rc::from(text);
                    s.wait_for_analysis();
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
            // The fixes, the fill-in and the ignore list read offsets in the
            // report: only when it is of the text as it is now.
            Action::ApplyFix(_) | Action::ApplyRule(_) | Action::FillIn(..) | Action::Ignore(_)
                if !s.fresh() =>
            {
                s.notice = Some(Notice {
                    error: false,
                    zh: "正在检查刚才的修改，请稍后再试。".into(),
                    en: "The last change is still being checked: try again in a moment.".into(),
                });
            }
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
            Action::FillIn(values, this_year) => {
                // The form checked every value; checked again here, so that
                // a fill-in is applied whole or not at all.
                let blanks = crate::fill::blanks(&s.text, &s.report);
                let years = crate::fill::Years::around(&s.text, this_year);
                match crate::fill::apply(&s.text, &blanks, &values, years) {
                    Ok(text) if *text != *s.text => s.replace_text(text, true),
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
                    s.set_text(u.before);
                }
            }
            Action::Ignore(i) => {
                if let Some(f) = s.report.findings.get(i) {
                    let key = ignore_key(&s.text, f);
                    s.ignores.insert(key);
                    s.card = None;
                    s.refilter();
                }
            }
            Action::ClearIgnores => {
                s.ignores.clear();
                s.refilter();
            }
            Action::SetLang(lang) => {
                s.settings.lang = lang;
            }
            Action::SetTab(tab) => s.tab = tab,
            Action::SetProfile(id) => {
                s.settings.profile = id;
                s.analyze();
            }
            Action::SaveCustomProfiles(list) => {
                s.custom_profiles = list;
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
                s.only_category = (s.only_category != Some(c)).then_some(c);
                s.refilter();
            }
            Action::ToggleSeverity(v) => {
                s.only_severity = (s.only_severity != Some(v)).then_some(v);
                s.refilter();
            }
            Action::SetIncludeNotes(on) => s.include_notes = on,
            Action::SetTheme(theme) => {
                s.settings.theme = theme;
            }
            Action::SetRememberDraft(on) => {
                s.settings.remember_draft = on;
            }
            Action::SetFormulations(entries, exceptions) => {
                s.settings.formulations = entries;
                s.settings.formulation_exceptions = exceptions;
                s.analyze();
            }
            Action::SetDictionary(dictionary) => {
                s.settings.dictionary = dictionary;
                s.analyze();
            }
            Action::Lexicon(words) => {
                if let Some(words) = words {
                    s.words = words;
                }
                // Not under a large text still waiting to be asked about:
                // it will be analysed with the lexicon anyway.
                if !s.busy || s.pending {
                    s.analyze();
                }
            }
            Action::Remote(on) => {
                s.remote = on;
                if !on && s.pending {
                    s.analyze();
                }
            }
            Action::Analyzed(generation, report, partial) => {
                // An answer to an older question is of an older text.
                if s.pending && generation == s.generation {
                    s.install(report);
                    // Its errors are all in; the wording rules' warnings
                    // are still awaited under the same question.
                    s.pending = partial;
                    s.partial = partial;
                }
            }
            Action::DismissNotice => s.notice = None,
            Action::EngineMissing => {
                s.notice = Some(Notice {
                    error: true,
                    zh: "检查引擎（engine.wasm）未能载入：现在只检查占位符和文稿结构，数字、日期和用词等检查不可用。请让管理员把 engine.wasm 与页面放在一起，或改用 draftcheck.html。".into(),
                    en: "The analysis engine (engine.wasm) could not be loaded: only placeholders and the structure are checked; the figure, date and wording checks are off. Ask for engine.wasm to be put beside the page, or use draftcheck.html.".into(),
                });
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::collections::HashMap;

    /// A state over `text` whose ignore lists come from `saved` (by
    /// document key), as the browser's storage would give them.
    fn state_with(text: &str, saved: HashMap<String, BTreeSet<String>>) -> State {
        let saved = Rc::new(RefCell::new(saved));
        let loader = IgnoreLoader(Rc::new(move |t: &str| {
            saved.borrow().get(&doc_key(t)).cloned().unwrap_or_default()
        }));
        let stored = Stored {
            draft: text.to_string(),
            ..Stored::default()
        };
        State::new(stored, loader)
    }

    fn state(text: &str) -> State {
        state_with(text, HashMap::new())
    }

    fn rules(s: &State) -> Vec<(&str, &str)> {
        s.visible
            .iter()
            .map(|&i| &s.report.findings[i])
            .map(|f| (f.rule.as_str(), f.text.as_str()))
            .collect()
    }

    #[test]
    fn typing_analyses_the_new_text() {
        let s = state("").reduced(Action::SetText("全县共有基层纪检组织XX个。".into()));
        assert_eq!(rules(&s), vec![("placeholder", "XX")]);
        assert_eq!(s.counts(), (1, 0, 0));
        let s = s.reduced(Action::SetText("全县共有基层纪检组织12个。".into()));
        assert!(rules(&s).is_empty());
    }

    #[test]
    fn a_fix_and_its_undo_share_the_texts() {
        let s = state("坚持以科学开展观为指导。");
        let i = s.visible[0];
        assert_eq!(s.report.findings[i].rule, "conversion-debris");
        let fixed = s.reduced(Action::ApplyFix(i));
        assert_eq!(&*fixed.text, "坚持以科学发展观为指导。");
        assert!(rules(&fixed).is_empty());
        // The undo entry holds the very texts of the two states.
        let undo = fixed.undo.last().unwrap();
        assert!(Rc::ptr_eq(&undo.before, &s.text));
        assert!(Rc::ptr_eq(&undo.after, &fixed.text));
        let back = fixed.reduced(Action::Undo);
        assert!(Rc::ptr_eq(&back.text, &s.text));
        assert_eq!(rules(&back), vec![("conversion-debris", "开展")]);
        assert!(back.undo.is_empty());
    }

    #[test]
    fn fill_in_is_whole_or_nothing() {
        let s = state("于20XX年X月X日前完成全部整改。");
        let ok = s.reduced(Action::FillIn(
            vec![(0, "2026".into()), (1, "3".into()), (2, "31".into())],
            2026,
        ));
        assert_eq!(&*ok.text, "于2026年3月31日前完成全部整改。");
        assert!(rules(&ok).is_empty());
        assert_eq!(ok.undo.len(), 1);
        let refused = s.reduced(Action::FillIn(
            vec![(0, "2026".into()), (1, "13".into())],
            2026,
        ));
        assert_eq!(refused.text, s.text);
        assert_eq!(
            refused.notice.as_ref().map(|n| n.zh.as_str()),
            Some("没有填入：“13”不是月份：月份是1至12")
        );
    }

    #[test]
    fn ignoring_hides_counts_and_follows_the_document() {
        let text = "工作总结\n全县共有基层纪检组织XX个，其中乡镇纪委XX个。";
        let s = state(text);
        let first = s.visible[0];
        let key = ignore_key(&s.text, &s.report.findings[first]);
        let s = s.reduced(Action::Ignore(first));
        assert_eq!((s.visible.len(), s.ignored_count), (1, 1));
        assert_eq!(s.counts().0, 1);
        assert!(s.ignores.contains(&key));
        // An edit to the body keeps the document and its ignore list.
        let s = s.reduced(Action::SetText(format!("{text}\n补充一句。")));
        assert_eq!(s.ignored_count, 1);
        // Another document (another title) brings its own list.
        let other = s.reduced(Action::SetText("另一份报告\n共有XX个。".into()));
        assert!(other.ignores.is_empty());
        assert_eq!(other.ignored_count, 0);
        // A document opened again finds the list the storage kept for it.
        let reopened = state_with(text, HashMap::from([(s.doc_key(), s.ignores.clone())]));
        assert_eq!(reopened.ignored_count, 1);
        let cleared = reopened.reduced(Action::ClearIgnores);
        assert_eq!((cleared.ignored_count, cleared.visible.len()), (0, 2));
    }

    #[test]
    fn chips_filter_to_a_category_and_a_severity() {
        let s = state("全县共有XX个单位,坚持以科学开展观为指导。");
        // The half-width comma comes once on its own and once as the
        // rule's summary line.
        assert_eq!(
            rules(&s),
            vec![
                ("placeholder", "XX"),
                ("half-width-punctuation", ","),
                ("half-width-punctuation", ","),
                ("conversion-debris", "开展")
            ]
        );
        let only = s.reduced(Action::ToggleCategory(Category::Placeholder));
        assert_eq!(only.only_category, Some(Category::Placeholder));
        assert_eq!(rules(&only), vec![("placeholder", "XX")]);
        // Another chip moves the filter; the same chip again clears it.
        let other = only.reduced(Action::ToggleCategory(Category::Wording));
        assert_eq!(rules(&other), vec![("conversion-debris", "开展")]);
        let cleared = other.reduced(Action::ToggleCategory(Category::Wording));
        assert_eq!((cleared.only_category, rules(&cleared).len()), (None, 4));
        // Severity and category combine.
        let errors = s.reduced(Action::ToggleSeverity(Severity::Error));
        let sev: BTreeSet<Severity> = errors
            .visible
            .iter()
            .map(|&i| errors.report.findings[i].severity)
            .collect();
        assert_eq!(sev, BTreeSet::from([Severity::Error]));
        let none = errors.reduced(Action::ToggleCategory(Category::Punctuation));
        assert!(none.visible.is_empty());
        // The exports keep everything not ignored, whatever the filter.
        assert_eq!(none.kept.len(), 4);
    }

    /// The sort of draft the issue describes: one real error among many
    /// half-width commas (notes) and a warning.
    const BURIED: &str = "工作总结\n今年以来,我们认真学习,深入调研,扎实推进,各项工作取得成效。\n全县共有基层组织XX个,党员1200名。\n坚持以科学开展观为指导,推动发展。\n";

    fn severities(s: &State, order: &[usize]) -> Vec<Severity> {
        order
            .iter()
            .map(|&i| s.report.findings[i].severity)
            .collect()
    }

    #[test]
    fn f8_goes_through_errors_then_warnings_and_skips_notes() {
        let s = state(BURIED);
        let notes = s
            .visible
            .iter()
            .map(|&i| &s.report.findings[i])
            .filter(|f| f.severity == Severity::Info && f.aggregate.is_none())
            .count();
        assert!(notes >= 5, "{notes} notes");
        let order = s.nav_order();
        let sev = severities(&s, &order);
        assert!(!sev.contains(&Severity::Info), "{sev:?}");
        // Every error before every warning, each kind in text order.
        assert!(sev.contains(&Severity::Error), "{sev:?}");
        assert!(sev.windows(2).all(|w| w[0] <= w[1]), "{sev:?}");
        for kind in [Severity::Error, Severity::Warning] {
            let of: Vec<usize> = order
                .iter()
                .copied()
                .filter(|&i| s.report.findings[i].severity == kind)
                .collect();
            assert!(of.windows(2).all(|w| w[0] < w[1]), "{of:?}");
        }
        // The first F8 lands on the placeholder, though notes come before it.
        let first = s.next_finding(None, false).unwrap();
        assert_eq!(s.report.findings[first].text, "XX");
        // Forward wraps round; Shift+F8 from the first goes to the last.
        let last = *order.last().unwrap();
        assert_eq!(s.next_finding(Some(last), false), Some(first));
        assert_eq!(s.next_finding(Some(first), true), Some(last));
        // With the notes asked for, they come after the warnings.
        let all = s.reduced(Action::SetIncludeNotes(true));
        let sev = severities(&all, &all.nav_order());
        assert_eq!(sev.len(), order.len() + notes);
        assert_eq!(sev.last(), Some(&Severity::Info));
        assert!(sev[..order.len()].iter().all(|&v| v != Severity::Info));
    }

    #[test]
    fn f8_reaches_notes_when_nothing_else_is_left() {
        let s = state("工作总结\n今年以来,我们认真学习,扎实推进。\n");
        let order = s.nav_order();
        assert!(!order.is_empty());
        assert!(severities(&s, &order).iter().all(|&v| v == Severity::Info));
        // Also once the errors and warnings are ignored.
        let s = state(BURIED);
        let mut t = s.clone();
        for i in s.nav_order() {
            t = t.reduced(Action::Ignore(i));
        }
        let sev = severities(&t, &t.nav_order());
        assert!(
            !sev.is_empty() && sev.iter().all(|&v| v == Severity::Info),
            "{sev:?}"
        );
        // From a note clicked in the list, F8 goes to the next error after it.
        let note = s
            .visible
            .iter()
            .copied()
            .find(|&i| s.report.findings[i].severity == Severity::Info)
            .unwrap();
        let next = s.next_finding(Some(note), false).unwrap();
        assert_eq!(s.report.findings[next].text, "XX");
    }

    #[test]
    fn ignore_key_holds_the_rule_the_text_and_its_surroundings() {
        let s = state("前文一二三四五六七全县共有XX个单位后文");
        let f = &s.report.findings[s.visible[0]];
        assert_eq!(
            ignore_key(&s.text, f),
            "placeholder|六七全县共有|XX|个单位后文"
        );
    }

    /// The worker's side of `s`'s latest question, as the app asks it and
    /// worker.rs runs it: its answers in the order they come.
    fn answers(s: &State) -> Vec<Action> {
        let request = super::super::remote::Request::new(
            s.generation,
            &s.profile_choice(),
            &s.config(),
            &s.hints,
        )
        .staged(s.busy);
        let read = |json: &str, findings: &[u8]| {
            let (generation, report, partial) =
                super::super::remote::read_answer(json, findings).unwrap();
            Action::Analyzed(generation, Shared::new(report), partial)
        };
        let mut out = Vec::new();
        let (json, findings) = super::super::remote::answer(
            &s.text,
            &request.to_json(),
            &s.words,
            &Default::default(),
            |j, f| out.push(read(&j, &f)),
        )
        .unwrap();
        out.push(read(&json, &findings));
        out
    }

    /// The last (whole) answer to `s`'s latest question.
    fn answer(s: &State) -> Action {
        answers(s).pop().unwrap()
    }

    #[test]
    fn a_large_text_gets_its_errors_first_and_its_wording_warnings_after() {
        let words = crate::text::words::Words(Some(crate::text::words::Lexicon::embedded()));
        let s = state("").reduced(Action::Remote(true));
        let s = s.reduced(Action::Lexicon(Some(words)));
        let s = s.reduced(answer(&s));
        // One typo (a window written many times would be meant).
        let text = format!(
            "各单位要认真按排部署。\n{}",
            "共有XX个单位。\n".repeat(12_000)
        );
        let pasted = s.reduced(Action::SetTextDeferred(text.clone()));
        assert!(pasted.busy && pasted.pending);
        let mut two = answers(&pasted).into_iter();
        let (first, whole) = (two.next().unwrap(), two.next().unwrap());
        assert!(two.next().is_none(), "two answers");
        let early = pasted.reduced(first);
        assert!(!early.busy && early.pending && early.partial);
        assert!(early.fresh(), "the first stage is of the text as it is");
        assert_eq!(early.counts().0, 12_000, "every error");
        assert!(!rules(&early).iter().any(|(r, _)| *r == "typo"));
        let done = early.reduced(whole);
        assert!(!done.pending && !done.partial);
        assert_eq!(done.counts().0, 12_000);
        assert!(rules(&done).contains(&("typo", "按")));
        // A keystroke's question is answered once.
        let typed = done.reduced(Action::SetText(format!("{text}共有XX人。")));
        assert_eq!(answers(&typed).len(), 1);
    }

    #[test]
    fn a_worker_answer_to_an_older_question_is_dropped() {
        let s = state("全县共有基层纪检组织XX个。").reduced(Action::Remote(true));
        assert!(!s.pending);
        let first = s.reduced(Action::SetText(
            "全县共有基层纪检组织XX个，党员XX名。".into(),
        ));
        assert!(first.pending);
        let old_answer = answer(&first);
        let second = first.reduced(Action::SetText(
            "全县共有基层纪检组织12个，党员XX名。".into(),
        ));
        assert!(second.generation > first.generation);
        // Until the answer comes the report is still the first text's.
        assert_eq!(&*second.report_text, "全县共有基层纪检组织XX个。");
        assert_eq!(rules(&second), vec![("placeholder", "XX")]);
        let dropped = second.reduced(old_answer);
        assert!(dropped.pending);
        assert_eq!(&*dropped.report_text, "全县共有基层纪检组织XX个。");
        let done = dropped.reduced(answer(&dropped));
        assert!(!done.pending && done.fresh());
        assert_eq!(rules(&done), vec![("placeholder", "XX")]);
        assert_eq!(
            done.report.findings[0].byte_start,
            "全县共有基层纪检组织12个，党员".len()
        );
    }

    #[test]
    fn a_fix_waits_for_the_report_of_the_text_as_it_is() {
        let s = state("共有基层组织XX个,党员12名。").reduced(Action::Remote(true));
        let comma = s
            .report
            .findings
            .iter()
            .position(|f| f.suggestion.as_deref() == Some("，"))
            .unwrap();
        // Typed in front of the comma: the report's offsets are one character off.
        let typed = s.reduced(Action::SetText("共有基层党组织XX个,党员12名。".into()));
        let refused = typed.reduced(Action::ApplyFix(comma));
        assert_eq!(&*refused.text, "共有基层党组织XX个,党员12名。");
        assert!(refused.notice.is_some());
        let answered = typed.reduced(answer(&typed));
        let comma = answered
            .report
            .findings
            .iter()
            .position(|f| f.suggestion.as_deref() == Some("，"))
            .unwrap();
        let fixed = answered.reduced(Action::ApplyFix(comma));
        assert_eq!(&*fixed.text, "共有基层党组织XX个，党员12名。");
    }

    #[test]
    fn an_answer_awaited_when_a_large_text_arrives_is_of_the_text_before() {
        let s = state("").reduced(Action::Remote(true));
        // The lexicon arrives: the (empty) text is asked about again.
        let asked = s.reduced(Action::Lexicon(None));
        assert!(asked.pending);
        let about_empty = answer(&asked);
        let pasted = asked.reduced(Action::SetTextDeferred("共有XX个。".repeat(30_000)));
        assert!(pasted.busy && pasted.pending, "the worker is asked at once");
        let dropped = pasted.reduced(about_empty);
        assert!(dropped.busy, "the empty text's answer is not the paste's");
        let done = dropped.reduced(answer(&dropped));
        assert!(!done.busy && done.fresh());
        assert_eq!(done.counts().0, 30_000);
    }

    #[test]
    fn a_failed_worker_hands_the_question_back_to_the_page() {
        let s = state("").reduced(Action::Remote(true));
        let asked = s.reduced(Action::SetText("共有XX个。".into()));
        assert!(asked.pending && asked.visible.is_empty());
        let local = asked.reduced(Action::Remote(false));
        assert!(!local.pending && local.fresh());
        assert_eq!(rules(&local), vec![("placeholder", "XX")]);
    }

    #[test]
    fn a_missing_engine_is_said_and_the_text_is_kept() {
        let s = state("共有XX个。");
        let told = s.reduced(Action::EngineMissing);
        let notice = told.notice.clone().expect("a notice");
        assert!(notice.error);
        assert!(notice.zh.contains("engine.wasm") && notice.zh.contains("只检查占位符"));
        assert!(notice.en.contains("engine.wasm"));
        assert_eq!(&*told.text, "共有XX个。");
        assert_eq!(told.report, s.report);
        assert!(told.reduced(Action::DismissNotice).notice.is_none());
    }

    #[test]
    fn a_large_text_waits_for_its_analysis() {
        let s = state("").reduced(Action::SetTextDeferred("共有XX个。".repeat(10)));
        assert!(s.busy);
        assert!(s.visible.is_empty());
        let s = s.reduced(Action::Analyze);
        assert!(!s.busy);
        assert_eq!(s.visible.len(), 10);
    }
}
