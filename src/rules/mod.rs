//! The rules. One file per rule; the file name is the rule id in kebab-case
//! (`template_debris.rs` → `template-debris`), and the file's `//!` doc
//! comment is the explanation the user sees (Chinese, then `# English`).
//!
//! To add a rule: write `src/rules/<id>.rs` with a `pub fn check(ctx, out)`
//! and, next to it, its `pub const RULE: Rule` (id, category, default
//! severity); then list `<id>::RULE` in [`RULES`].

use crate::config::Config;
use crate::document::Document;
use crate::finding::{Category, Severity};
use crate::numbers::breakdown::{self, Group};
use crate::profile::Profile;
use crate::sections::SectionMatch;
use std::sync::Arc;
use std::sync::OnceLock;

pub mod broken_number;
pub mod change_mismatch;
pub mod conflicting_units;
pub mod conversion_debris;
pub mod dangling_enumeration;
pub mod doubled_character;
pub mod doubled_punctuation;
pub mod empty_section;
pub mod enumeration_count;
pub mod enumeration_numbering;
pub mod half_width_punctuation;
pub mod heading_numbering;
pub mod heading_style;
pub mod invalid_date;
pub mod missing_section;
pub mod ocr_damage;
pub mod outdated_formulation;
pub mod page_number;
pub mod page_split_marker;
pub mod parts_exceed_total;
pub mod percent_mismatch;
pub mod percent_sum;
pub mod placeholder;
pub mod plan_year;
pub mod ratio_mismatch;
pub mod restated_figure;
pub mod section_order;
pub mod share_exceeds_whole;
pub mod split_word;
pub mod stale_year;
pub mod standard_formulation;
pub mod subset_exceeds_total;
pub mod support_brackets;
pub mod support_spans;
pub mod support_titles;
pub mod template_debris;
pub mod template_instruction;
pub mod title_mark_substitute;
pub mod typo;
pub mod unbalanced_pair;

#[cfg(test)]
pub mod support;

/// The seed finders under the name the rules knew them by before they moved
/// to the text layer; `invalid_date` still uses it.
pub(crate) use crate::text::seeds as support_scan;

include!(concat!(env!("OUT_DIR"), "/rule_docs.rs"));

/// What a rule reads.
pub struct Ctx<'a> {
    pub doc: &'a Document<'a>,
    pub profile: &'a Profile,
    pub config: &'a Config,
    /// The profile's sections matched against the headings, per part.
    pub sections: &'a [SectionMatch],
    /// Totals and their parts, read once for the four figure rules.
    groups: OnceLock<Vec<Group>>,
    /// The lexicon's suspect windows, shared by typo and ocr-damage.
    suspects: OnceLock<Vec<crate::text::words::scan::Suspect>>,
    /// What the last analysis of this document found paragraph by
    /// paragraph ([`crate::memo`]), when the caller keeps it.
    memo: Option<&'a crate::memo::Memo>,
}

impl<'a> Ctx<'a> {
    pub fn new(
        doc: &'a Document<'a>,
        profile: &'a Profile,
        config: &'a Config,
        sections: &'a [SectionMatch],
    ) -> Self {
        Ctx {
            doc,
            profile,
            config,
            sections,
            groups: OnceLock::new(),
            suspects: OnceLock::new(),
            memo: None,
        }
    }

    /// The same, with the memo of the last analysis to reuse and refill.
    pub fn with_memo(mut self, memo: Option<&'a crate::memo::Memo>) -> Self {
        self.memo = memo;
        self
    }

    pub(crate) fn memo(&self) -> Option<&'a crate::memo::Memo> {
        self.memo
    }

    /// The windows the lexicon suspects of a typo, after the filters for
    /// names, quotations, numbers and the user's words ([`typo::suspects`]),
    /// computed on first use.
    pub fn suspects(&self) -> &[crate::text::words::scan::Suspect] {
        self.suspects.get_or_init(|| typo::suspects(self))
    }

    /// Every total with its parts ([`breakdown::find`]), computed on first use.
    pub fn groups(&self) -> &[Group] {
        self.groups.get_or_init(|| breakdown::find(self.doc))
    }
}

/// A registered rule.
pub struct Rule {
    pub id: &'static str,
    pub category: Category,
    /// The severity of most of its findings (a rule may report a less
    /// certain case one step lower).
    pub severity: crate::Severity,
    pub check: fn(&Ctx, &mut Emitter),
}

/// The rules that take longest on a long draft, slowest first (one
/// thread on the 1.5 MB benchmark text, warm: 4.0, 3.1, 2.8, 2.6 and
/// 2.0 ms; parts-exceed-total 2.2 ms, most of it the totals it reads for
/// the three other figure rules; restated-figure 1.7 ms). Two threads take
/// them first; the order of the report does not depend on it.
pub const SLOWEST_FIRST: &[&str] = &[
    "template-debris",
    "placeholder",
    "conversion-debris",
    "doubled-character",
    "half-width-punctuation",
    "parts-exceed-total",
    "restated-figure",
];

/// The rules a staged analysis (`analysis_staged`: a long text arriving
/// whole) runs last: the wording rules that weigh every paragraph against
/// the lexicon or the list of standard formulations, the slowest of all
/// on a long draft. They report warnings only (a test holds it): the
/// first stage's errors are all the errors.
pub const SECOND_STAGE: &[&str] = &["typo", "ocr-damage", "standard-formulation"];

/// The registry, in the order rules run.
#[cfg(not(web_page))]
pub const RULES: &[Rule] = ALL;

/// The web page's own rules: it makes the first results with these while
/// the engine (src/engine.rs), which runs [`ALL`], is on its way. They are
/// the unfilled template and the required sections, cheap in code: the
/// page's download holds only what they need.
#[cfg(web_page)]
pub const RULES: &[Rule] = &[
    placeholder::RULE,
    missing_section::RULE,
    empty_section::RULE,
    template_instruction::RULE,
];

/// Every rule, in the order rules run.
pub const ALL: &[Rule] = &[
    placeholder::RULE,
    missing_section::RULE,
    section_order::RULE,
    empty_section::RULE,
    heading_numbering::RULE,
    enumeration_numbering::RULE,
    heading_style::RULE,
    half_width_punctuation::RULE,
    unbalanced_pair::RULE,
    dangling_enumeration::RULE,
    doubled_punctuation::RULE,
    title_mark_substitute::RULE,
    conversion_debris::RULE,
    outdated_formulation::RULE,
    standard_formulation::RULE,
    doubled_character::RULE,
    split_word::RULE,
    typo::RULE,
    ocr_damage::RULE,
    template_instruction::RULE,
    template_debris::RULE,
    page_split_marker::RULE,
    page_number::RULE,
    parts_exceed_total::RULE,
    subset_exceeds_total::RULE,
    percent_mismatch::RULE,
    percent_sum::RULE,
    restated_figure::RULE,
    enumeration_count::RULE,
    change_mismatch::RULE,
    ratio_mismatch::RULE,
    conflicting_units::RULE,
    broken_number::RULE,
    share_exceeds_whole::RULE,
    invalid_date::RULE,
    plan_year::RULE,
    stale_year::RULE,
];

/// The rule's user-facing explanation: (Chinese, English).
pub fn explanation(id: &str) -> (&'static str, &'static str) {
    RULE_DOCS
        .iter()
        .find(|(rule, _, _)| *rule == id)
        .map_or(("", ""), |&(_, zh, en)| (zh, en))
}

/// A message, label or replacement text: a literal, a string of its own,
/// or one string shared by many findings (a rule that reports the same
/// mark thousands of times formats its message once).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Static(&'static str),
    Owned(String),
    Shared(Arc<str>),
}

impl Msg {
    pub fn as_str(&self) -> &str {
        match self {
            Msg::Static(s) => s,
            Msg::Owned(s) => s,
            Msg::Shared(s) => s,
        }
    }

    pub fn into_string(self) -> String {
        match self {
            Msg::Owned(s) => s,
            other => other.as_str().to_string(),
        }
    }
}

impl std::ops::Deref for Msg {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl From<&'static str> for Msg {
    fn from(s: &'static str) -> Msg {
        Msg::Static(s)
    }
}

impl From<String> for Msg {
    fn from(s: String) -> Msg {
        Msg::Owned(s)
    }
}

impl From<Arc<str>> for Msg {
    fn from(s: Arc<str>) -> Msg {
        Msg::Shared(s)
    }
}

impl From<&Arc<str>> for Msg {
    fn from(s: &Arc<str>) -> Msg {
        Msg::Shared(Arc::clone(s))
    }
}

/// A finding as a rule reports it, in byte offsets. Kept small: a long
/// draft gives tens of thousands (one per half-width comma), so the rarely
/// used parts live behind one pointer.
#[derive(Debug, Clone)]
pub struct RawFinding {
    pub rule: &'static str,
    pub start: usize,
    pub end: usize,
    pub message: Msg,
    pub message_en: Msg,
    pub suggestion: Option<Msg>,
    more: Option<Box<More>>,
    pub category: Category,
    pub severity: Severity,
}

/// The parts of a finding that few findings have.
#[derive(Debug, Clone, Default)]
struct More {
    context: Option<(usize, usize)>,
    related: Vec<(usize, usize, Msg)>,
    aggregate: Option<usize>,
}

impl RawFinding {
    /// The replacement text for the span (a one-click fix).
    pub fn suggest(&mut self, replacement: impl Into<Msg>) -> &mut Self {
        self.suggestion = Some(replacement.into());
        self
    }

    fn more(&mut self) -> &mut More {
        self.more.get_or_insert_with(Box::default)
    }

    /// The surrounding clause (byte span), shown with placeholders.
    pub fn context(&mut self, start: usize, end: usize) -> &mut Self {
        self.more().context = Some((start, end));
        self
    }

    /// Another span involved in the finding.
    pub fn related(&mut self, start: usize, end: usize, label: impl Into<Msg>) -> &mut Self {
        self.more().related.push((start, end, label.into()));
        self
    }

    pub fn aggregate(&mut self, count: usize) -> &mut Self {
        self.more().aggregate = Some(count);
        self
    }

    pub fn context_span(&self) -> Option<(usize, usize)> {
        self.more.as_ref().and_then(|m| m.context)
    }

    pub fn related_spans(&self) -> &[(usize, usize, Msg)] {
        self.more.as_ref().map_or(&[], |m| &m.related)
    }

    /// How many findings this one summarises, if it is a summary.
    pub fn aggregated(&self) -> Option<usize> {
        self.more.as_ref().and_then(|m| m.aggregate)
    }

    /// Every byte offset the finding holds, for `f` to move.
    pub(crate) fn offsets_mut(&mut self, f: &mut dyn FnMut(&mut usize)) {
        f(&mut self.start);
        f(&mut self.end);
        if let Some(m) = self.more.as_mut() {
            if let Some((s, e)) = m.context.as_mut() {
                f(s);
                f(e);
            }
            for (s, e, _) in &mut m.related {
                f(s);
                f(e);
            }
        }
    }
}

/// Collects the findings of one rule.
pub struct Emitter {
    rule: &'static str,
    category: Category,
    pub(crate) out: Vec<RawFinding>,
}

impl Emitter {
    pub fn new(rule: &'static str, category: Category) -> Self {
        Self::with_buffer(rule, category, Vec::new())
    }

    /// An emitter that appends to `out` (the findings of earlier rules):
    /// one vector for all rules instead of one to copy from per rule.
    pub fn with_buffer(rule: &'static str, category: Category, out: Vec<RawFinding>) -> Self {
        Emitter {
            rule,
            category,
            out,
        }
    }

    pub fn emit(
        &mut self,
        severity: Severity,
        start: usize,
        end: usize,
        message: impl Into<Msg>,
        message_en: impl Into<Msg>,
    ) -> &mut RawFinding {
        self.out.push(RawFinding {
            rule: self.rule,
            start,
            end,
            message: message.into(),
            message_en: message_en.into(),
            suggestion: None,
            more: None,
            category: self.category,
            severity,
        });
        // The vector is non-empty: we just pushed.
        let last = self.out.len() - 1;
        &mut self.out[last]
    }

    pub fn error(
        &mut self,
        start: usize,
        end: usize,
        zh: impl Into<Msg>,
        en: impl Into<Msg>,
    ) -> &mut RawFinding {
        self.emit(Severity::Error, start, end, zh, en)
    }

    pub fn warning(
        &mut self,
        start: usize,
        end: usize,
        zh: impl Into<Msg>,
        en: impl Into<Msg>,
    ) -> &mut RawFinding {
        self.emit(Severity::Warning, start, end, zh, en)
    }

    pub fn info(
        &mut self,
        start: usize,
        end: usize,
        zh: impl Into<Msg>,
        en: impl Into<Msg>,
    ) -> &mut RawFinding {
        self.emit(Severity::Info, start, end, zh, en)
    }

    pub fn into_findings(self) -> Vec<RawFinding> {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_file_is_registered_and_documented() {
        for (id, zh, en) in RULE_DOCS {
            assert!(
                RULES.iter().any(|r| r.id == *id),
                "src/rules/{id}.rs is not in RULES"
            );
            assert!(
                zh.chars().count() > 20,
                "rule {id} needs a Chinese doc comment"
            );
            assert!(
                en.len() > 20,
                "rule {id} needs an English section (# English) in its doc comment"
            );
        }
        for r in RULES {
            assert!(
                RULE_DOCS.iter().any(|(id, _, _)| *id == r.id),
                "rule {} has no file of its own",
                r.id
            );
        }
        for id in SECOND_STAGE {
            let rule = RULES.iter().find(|r| r.id == *id);
            assert!(
                rule.is_some_and(|r| r.severity == crate::Severity::Warning),
                "{id} in SECOND_STAGE is a rule of warnings"
            );
        }
        for id in SLOWEST_FIRST {
            assert!(RULES.iter().any(|r| r.id == *id), "{id} in SLOWEST_FIRST");
        }
    }
}
