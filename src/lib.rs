//! DraftCheck (稿检): the analysis core. No web dependency: it builds and
//! tests natively, and the CLI and the web app both wrap it.
//!
//! Data flows one way: text → [`Document`] (segmented once) → rules →
//! findings → renderers.

pub mod batch;
pub mod calendar;
pub mod cnum;
pub mod config;
pub mod decode;
pub mod diff;
pub mod document;
pub mod docx;
pub mod fill;
pub mod finding;
pub mod fix;
pub mod load;
pub mod memo;
pub mod numbers;
pub mod position;
pub mod profile;
pub mod re;
pub mod render;
pub mod rules;
pub mod sections;
pub mod sort;
pub mod text;
#[cfg(not(target_arch = "wasm32"))]
pub mod threads;
pub mod word;

pub mod web;

pub use config::{Config, Threads};
pub use document::{Document, Hints};
pub use finding::{Category, Finding, Place, Related, Report, SectionStatus, Severity, Summary};
pub use profile::{Profile, ProfileChoice};

use document::MarkerKind;
use finding::OutlineEntry;
use position::{Locator, PositionTable};
use rules::{Ctx, Emitter, RawFinding};

/// Analyses `text` with the given profile and default settings.
pub fn analyze(text: &str, profile: &Profile) -> Report {
    analyze_with(
        text,
        &ProfileChoice::Given(profile.clone()),
        &Config::default(),
        &Hints::default(),
    )
}

/// Analyses `text`, picking the profile from its title and content.
pub fn analyze_auto(text: &str) -> Report {
    analyze_with(
        text,
        &ProfileChoice::Auto,
        &Config::default(),
        &Hints::default(),
    )
}

pub fn analyze_with(text: &str, choice: &ProfileChoice, config: &Config, hints: &Hints) -> Report {
    analysis(text, choice, config, hints).into_report()
}

/// [`analyze_with`], reusing what the last analysis with `memo` found in
/// the paragraphs that have not changed since ([`memo`]); the report is the
/// same as without it.
pub fn analyze_with_memo(
    text: &str,
    choice: &ProfileChoice,
    config: &Config,
    hints: &Hints,
    memo: &memo::Memo,
) -> Report {
    analysis_memo(text, choice, config, hints, Some(memo)).into_report()
}

/// The result of an analysis before its findings are turned into owned
/// [`Finding`]s: the CLI writes its JSON straight from it (tens of
/// thousands of findings need not each allocate half a dozen strings).
pub struct Analysis<'t> {
    text: &'t str,
    /// The report with its findings still empty.
    head: Report,
    /// The findings as the rules reported them, with `order` giving their
    /// order in the report (by span, stable).
    raw: Vec<RawFinding>,
    order: Vec<u32>,
    positions: PositionTable,
    places: document::Places,
}

/// Runs the enabled rules of `stage` over the document: their findings,
/// and for each the rank of its rule among all the enabled ones (which
/// orders equal spans, so that the stages together give one pass's order).
fn run_rules(ctx: &Ctx, config: &Config, stage: Stage) -> (Vec<RawFinding>, Vec<u16>) {
    let enabled: Vec<(u16, &rules::Rule)> = rules::RULES
        .iter()
        .filter(|r| config.enabled(r.id))
        .enumerate()
        .map(|(rank, r)| (rank as u16, r))
        .filter(|(_, r)| stage.runs(r.id))
        .collect();
    let rules: Vec<&rules::Rule> = enabled.iter().map(|&(_, r)| r).collect();
    #[cfg(not(target_arch = "wasm32"))]
    let (raw, mut ranks) = if config.parallel(ctx.doc.text.len()) {
        run_rules_on_two_threads(ctx, &rules)
    } else {
        run_rules_in_turn(ctx, &rules)
    };
    #[cfg(target_arch = "wasm32")]
    let (raw, mut ranks) = run_rules_in_turn(ctx, &rules);
    for r in &mut ranks {
        *r = enabled.get(usize::from(*r)).map_or(*r, |&(rank, _)| rank);
    }
    (raw, ranks)
}

/// Which of the rules an analysis runs.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Stage {
    All,
    /// All but [`rules::SECOND_STAGE`].
    First,
    /// Only [`rules::SECOND_STAGE`].
    Second,
}

impl Stage {
    fn runs(self, id: &str) -> bool {
        let second = rules::SECOND_STAGE.contains(&id);
        match self {
            Stage::All => true,
            Stage::First => !second,
            Stage::Second => second,
        }
    }
}

fn run_rules_in_turn(ctx: &Ctx, enabled: &[&rules::Rule]) -> (Vec<RawFinding>, Vec<u16>) {
    let mut raw: Vec<RawFinding> = Vec::new();
    let mut ranks: Vec<u16> = Vec::new();
    for (rank, rule) in enabled.iter().enumerate() {
        let mut emitter = Emitter::with_buffer(rule.id, rule.category, raw);
        (rule.check)(ctx, &mut emitter);
        raw = emitter.into_findings();
        ranks.resize(raw.len(), rank as u16);
    }
    (raw, ranks)
}

/// The rules shared out between this thread and one more, each taking the
/// next rule not yet taken; with the ranks, the report is the same as one
/// thread's.
#[cfg(not(target_arch = "wasm32"))]
fn run_rules_on_two_threads(ctx: &Ctx, enabled: &[&rules::Rule]) -> (Vec<RawFinding>, Vec<u16>) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    // The longest rules first: the last rule taken then is a short one, and
    // the two threads end together.
    let mut order: Vec<usize> = (0..enabled.len()).collect();
    sort::sort_by(&mut order, |&i| {
        let slow = enabled
            .get(i)
            .and_then(|r| rules::SLOWEST_FIRST.iter().position(|&id| id == r.id))
            .unwrap_or(rules::SLOWEST_FIRST.len());
        sort::key3(slow, i, 0)
    });
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done: Vec<(usize, Vec<RawFinding>)> = Vec::new();
        loop {
            let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) else {
                return done;
            };
            let Some(rule) = enabled.get(i) else {
                return done;
            };
            let mut emitter = Emitter::new(rule.id, rule.category);
            (rule.check)(ctx, &mut emitter);
            done.push((i, emitter.into_findings()));
        }
    };
    let mut done = std::thread::scope(|s| {
        // A thread that cannot be started (a process limit) leaves all the
        // work to this one.
        let helper = threads::spawn(s, work).ok();
        let mut mine = work();
        match helper.map(|h| h.join()) {
            Some(Ok(theirs)) => mine.extend(theirs),
            Some(Err(panic)) => std::panic::resume_unwind(panic),
            None => {}
        }
        mine
    });
    sort::sort_by(&mut done, |(i, _)| *i as u128);
    // The largest list becomes the result and the others are appended to
    // it: copying 28,000 findings into fresh memory costs more (page
    // faults) than the analysis of several rules. Each finding keeps its
    // rule's rank, by which ties in position are ordered as one thread
    // would have them.
    let largest = done
        .iter()
        .enumerate()
        .max_by_key(|(_, (_, f))| f.len())
        .map_or(0, |(k, _)| k);
    if done.is_empty() {
        return (Vec::new(), Vec::new()); // every rule switched off
    }
    let (base_rank, mut raw) = done.swap_remove(largest);
    let mut ranks = vec![base_rank as u16; raw.len()];
    for (rank, findings) in done {
        ranks.resize(ranks.len() + findings.len(), rank as u16);
        raw.extend(findings);
    }
    (raw, ranks)
}

/// [`analyze_with`] up to the findings: see [`Analysis`].
pub fn analysis<'t>(
    text: &'t str,
    choice: &ProfileChoice,
    config: &Config,
    hints: &Hints,
) -> Analysis<'t> {
    analysis_memo(text, choice, config, hints, None)
}

/// [`analysis`], with the memo of the last analysis of this document.
pub fn analysis_memo<'t>(
    text: &'t str,
    choice: &ProfileChoice,
    config: &Config,
    hints: &Hints,
    memo: Option<&memo::Memo>,
) -> Analysis<'t> {
    let (doc, profile, profile_reason, matches) = prepare(text, choice, config, hints);
    let ctx = Ctx::new(&doc, &profile, config, &matches).with_memo(memo);
    let (raw, ranks) = run_rules(&ctx, config, Stage::All);
    assemble(&doc, &profile, profile_reason, &matches, raw, &ranks)
}

/// [`analysis_memo`] in two stages, for a long text whose errors should
/// not wait for its slowest rules: `first` is given the analysis by every
/// rule but [`rules::SECOND_STAGE`]'s (which report warnings only: its
/// errors are all the errors), then those rules run too and the whole
/// analysis is returned, the same as [`analysis_memo`]'s. The document is
/// segmented once.
pub fn analysis_staged<'t>(
    text: &'t str,
    choice: &ProfileChoice,
    config: &Config,
    hints: &Hints,
    memo: Option<&memo::Memo>,
    first: impl FnOnce(&Analysis<'t>),
) -> Analysis<'t> {
    let (doc, profile, profile_reason, matches) = prepare(text, choice, config, hints);
    let ctx = Ctx::new(&doc, &profile, config, &matches).with_memo(memo);
    let (mut raw, mut ranks) = run_rules(&ctx, config, Stage::First);
    let early = assemble(
        &doc,
        &profile,
        profile_reason.clone(),
        &matches,
        raw,
        &ranks,
    );
    first(&early);
    raw = early.raw;
    let (more, more_ranks) = run_rules(&ctx, config, Stage::Second);
    raw.extend(more);
    ranks.extend(more_ranks);
    assemble(&doc, &profile, profile_reason, &matches, raw, &ranks)
}

/// A line of site debris or a page footer is to be deleted whole: what
/// other rules found inside it (a 某某 in a sharing site's notice, a typo
/// in an advert) would only be more noise about text that goes.
fn drop_inside_deleted_lines(raw: Vec<RawFinding>, ranks: &[u16]) -> (Vec<RawFinding>, Vec<u16>) {
    let mut deleted: Vec<(usize, usize)> = raw
        .iter()
        .filter(|f| {
            f.category == Category::Boilerplate
                && f.suggestion.as_ref().is_some_and(|s| s.as_str().is_empty())
        })
        .map(|f| (f.start, f.end))
        .collect();
    if deleted.is_empty() {
        return (raw, ranks.to_vec());
    }
    sort::sort_by(&mut deleted, |&(s, e)| sort::key3(s, sort::desc(e), 0));
    // Merged, so that one binary search finds the span a finding is in.
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(deleted.len());
    for (s, e) in deleted {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    let inside = |f: &RawFinding| {
        let k = merged.partition_point(|&(s, _)| s <= f.start);
        k.checked_sub(1)
            .and_then(|k| merged.get(k))
            .is_some_and(|&(_, e)| f.end <= e)
    };
    // A rule that sums its findings up in one (半角标点 N 处, with a fix
    // for all) keeps them all: the sum must stay the count of its members.
    let mut aggregating: Vec<&'static str> = raw
        .iter()
        .filter(|f| f.aggregated().is_some())
        .map(|f| f.rule)
        .collect();
    aggregating.dedup();
    let mut kept = Vec::with_capacity(raw.len());
    let mut kept_ranks = Vec::with_capacity(raw.len());
    for (i, f) in raw.into_iter().enumerate() {
        if f.category == Category::Boilerplate || aggregating.contains(&f.rule) || !inside(&f) {
            kept.push(f);
            kept_ranks.push(ranks.get(i).copied().unwrap_or(0));
        }
    }
    (kept, kept_ranks)
}

type Prepared<'t> = (Document<'t>, Profile, String, Vec<sections::SectionMatch>);

/// The document segmented, its profile chosen and its sections matched.
fn prepare<'t>(
    text: &'t str,
    choice: &ProfileChoice,
    config: &Config,
    hints: &Hints,
) -> Prepared<'t> {
    // The profile and its sections need the headings, not the figures.
    let (doc, (profile, profile_reason, matches)) =
        Document::with_hints_then(text, hints, config.parallel(text.len()), |doc| {
            let (profile, reason) = match choice {
                ProfileChoice::Given(p) => (p.clone(), "由用户指定".to_string()),
                ProfileChoice::Auto => {
                    // A file holding several reports is typed by the first
                    // one's title: the others are more of the same kind, or
                    // models of another (a collection ends where it will).
                    let first = sections::report_parts(doc).first().copied();
                    let title = doc
                        .headings
                        .iter()
                        .filter(|h| h.kind == MarkerKind::Title)
                        .filter(|h| first.is_none_or(|p| h.part == p))
                        .map(|h| doc.heading_text(h))
                        .collect::<Vec<_>>()
                        .join(" ");
                    profile::auto_select(text, &title)
                }
            };
            let matches = sections::match_sections(doc, &profile);
            (profile, reason, matches)
        });
    (doc, profile, profile_reason, matches)
}

/// The analysis of `doc` from the rules' findings (`ranks`: each one's
/// rule's rank, see [`run_rules`]).
fn assemble<'t>(
    doc: &Document<'t>,
    profile: &Profile,
    profile_reason: String,
    matches: &[sections::SectionMatch],
    raw: Vec<RawFinding>,
    ranks: &[u16],
) -> Analysis<'t> {
    let text = doc.text;
    let (raw, ranks) = drop_inside_deleted_lines(raw, ranks);
    let ranks = &ranks[..];
    // Sort indices, not the findings themselves (they are large); equal
    // spans in rule order, and a rule's own findings in the order it gave.
    let mut order: Vec<u32> = (0..raw.len() as u32).collect();
    sort::sort_by(&mut order, |&i| {
        let i = i as usize;
        raw.get(i).map_or(0, |f| {
            sort::key3(f.start, f.end, ranks.get(i).map_or(0, |&r| usize::from(r)))
        })
    });
    let positions = finding_positions(text, &raw);
    let summary = summarize(&raw);

    let mut locator = Locator::new(text);
    // Reports are numbered 1, 2, … in a file that holds several (a preface
    // without headings is not one of them).
    let reports = sections::report_parts(doc);
    let multi = reports.len() > 1;
    let places = doc.places(multi);
    let sections = matches
        .iter()
        .filter_map(|m| {
            let spec = profile.sections.get(m.section)?;
            let heading = m.heading.and_then(|h| doc.headings.get(h));
            // A heading, or else an unnumbered line that names the section,
            // or else the unnamed heading standing in its place.
            let at = heading.map(|h| (h.start, h.end)).or(m.label).or_else(|| {
                m.inferred
                    .and_then(|i| doc.headings.get(i))
                    .map(|h| (h.start, h.end))
            });
            Some(SectionStatus {
                id: spec.id.clone(),
                title: spec.title.clone(),
                required: spec.need == profile::Need::Required,
                found: m.found(),
                line: at.map(|(s, _)| locator.locate(s).line),
                heading: at.map(|(s, e)| doc.slice(s, e).to_string()),
                part: reports
                    .iter()
                    .position(|&p| p == m.part)
                    .filter(|_| multi)
                    .map(|k| k + 1),
            })
        })
        .collect();
    let mut locator = Locator::new(text);
    let outline = doc
        .headings
        .iter()
        .map(|h| {
            let pos = locator.locate(h.start);
            OutlineEntry {
                byte: h.start,
                level: h.rank(),
                title: doc.heading_text(h).to_string(),
                line: pos.line,
                start: pos.offset,
            }
        })
        .collect();
    Analysis {
        text,
        head: Report {
            profile: profile.id.clone(),
            profile_reason,
            summary,
            sections,
            findings: Vec::new(),
            outline,
            chars: text.chars().count(),
            reports: reports.len(),
        },
        raw,
        order,
        positions,
        places,
    }
}

/// [`Summary::count`] of the findings the raw ones become.
fn summarize(raw: &[RawFinding]) -> Summary {
    let mut s = Summary::default();
    for f in raw {
        // Aggregates summarise findings that are also listed one by one.
        if f.aggregated().is_some() {
            continue;
        }
        match f.severity {
            Severity::Error => s.error += 1,
            Severity::Warning => s.warning += 1,
            Severity::Info => s.info += 1,
        }
    }
    s
}

/// Every offset the findings involve, located in one forward walk.
fn finding_positions(text: &str, raw: &[RawFinding]) -> PositionTable {
    let mut offsets = Vec::with_capacity(raw.len() * 2);
    for r in raw {
        offsets.push(r.start);
        offsets.push(r.end);
        for (s, e, _) in r.related_spans() {
            offsets.push(*s);
            offsets.push(*e);
        }
    }
    PositionTable::new(text, offsets)
}

/// One finding in the report, borrowing its strings.
pub struct FindingRef<'a> {
    pub rule: &'a str,
    pub category: Category,
    pub severity: Severity,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: &'a str,
    pub message: &'a str,
    pub message_en: &'a str,
    pub suggestion: Option<&'a str>,
    pub byte_start: usize,
    pub byte_end: usize,
    pub context: Option<&'a str>,
    pub related: Vec<RelatedRef<'a>>,
    pub aggregate: Option<usize>,
    pub place: Option<&'a Place>,
}

/// A [`Related`] span, borrowing its strings.
pub struct RelatedRef<'a> {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: &'a str,
    pub label: &'a str,
}

impl<'t> Analysis<'t> {
    /// The report without its findings (`findings` is empty; the summary
    /// counts them).
    pub fn head(&self) -> &Report {
        &self.head
    }

    pub fn summary(&self) -> Summary {
        self.head.summary
    }

    /// The number of findings.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The `k`-th finding in report order.
    pub fn finding(&self, k: usize) -> Option<FindingRef<'_>> {
        let &i = self.order.get(k)?;
        self.raw.get(i as usize).map(|r| self.locate(r))
    }

    /// The findings in report order.
    pub fn findings(&self) -> impl Iterator<Item = FindingRef<'_>> + '_ {
        self.order
            .iter()
            .filter_map(|&i| self.raw.get(i as usize))
            .map(|r| self.locate(r))
    }

    /// Turns byte spans into code-point offsets, lines and columns.
    fn locate<'a>(&'a self, r: &'a RawFinding) -> FindingRef<'a> {
        let text: &'a str = self.text;
        let table = &self.positions;
        let s = table.get(r.start);
        let e = table.get(r.end);
        FindingRef {
            rule: r.rule,
            category: r.category,
            severity: r.severity,
            start: s.offset,
            end: e.offset,
            line: s.line,
            column: s.column,
            text: text.get(r.start..r.end).unwrap_or(""),
            message: r.message.as_str(),
            message_en: r.message_en.as_str(),
            suggestion: r.suggestion.as_ref().map(|m| m.as_str()),
            byte_start: r.start,
            byte_end: r.end,
            context: r.context_span().and_then(|(a, b)| text.get(a..b)),
            related: r
                .related_spans()
                .iter()
                .map(|(rs, re, label)| {
                    let a = table.get(*rs);
                    let b = table.get(*re);
                    RelatedRef {
                        start: a.offset,
                        end: b.offset,
                        line: a.line,
                        column: a.column,
                        text: text.get(*rs..*re).unwrap_or(""),
                        label: label.as_str(),
                    }
                })
                .collect(),
            aggregate: r.aggregated(),
            place: self.places.at(r.start),
        }
    }

    /// The full report, with owned findings.
    pub fn into_report(self) -> Report {
        let findings = self.owned_findings();
        Report {
            findings,
            ..self.head
        }
    }

    /// The full report, with owned findings (the analysis is kept).
    pub fn report(&self) -> Report {
        Report {
            findings: self.owned_findings(),
            ..self.head.clone()
        }
    }

    fn owned_findings(&self) -> Vec<Finding> {
        self.findings()
            .map(|f| Finding {
                rule: f.rule.to_string(),
                category: f.category,
                severity: f.severity,
                start: f.start,
                end: f.end,
                line: f.line,
                column: f.column,
                text: f.text.to_string(),
                message: f.message.to_string(),
                message_en: f.message_en.to_string(),
                suggestion: f.suggestion.map(str::to_string),
                byte_start: f.byte_start,
                byte_end: f.byte_end,
                context: f.context.map(str::to_string),
                related: f
                    .related
                    .into_iter()
                    .map(|r| Related {
                        start: r.start,
                        end: r.end,
                        line: r.line,
                        column: r.column,
                        text: r.text.to_string(),
                        label: r.label.to_string(),
                    })
                    .collect(),
                aggregate: f.aggregate,
                place: f.place.cloned(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 1.5 MB benchmark text's makings: a template collection repeated.
    fn big_text() -> String {
        include_str!("../tests/fixtures/corpus/000_template_collection.txt").repeat(12)
    }

    /// Two model reports of different kinds in one download: the first
    /// one's title decides, and the report says there are two.
    #[test]
    fn several_reports_are_typed_by_the_first_title() {
        let text = "范文一：关于2023年度落实全面从严治党主体责任情况的自查报告\n一、基本情况\n今年以来，我们认真落实主体责任。\n二、存在问题\n有的支部学习不够深入。\n三、整改措施\n下一步将加强学习。\n范文二：2023年度工作总结\n一、主要工作\n全年完成各项任务。\n二、存在的不足\n创新不够。\n三、明年工作打算\n继续努力。\n";
        let report = analyze_auto(text);
        assert_eq!(report.reports, 2);
        assert_eq!(
            report.profile, "self-inspection",
            "{}",
            report.profile_reason
        );
        assert!(
            report.profile_reason.contains("自查报告"),
            "{}",
            report.profile_reason
        );
        // One report alone is typed by its own title.
        let second = &text[text.find("范文二").unwrap()..];
        let alone = analyze_auto(second);
        assert_eq!((alone.profile.as_str(), alone.reports), ("work-summary", 1));
    }

    #[test]
    fn two_threads_find_what_one_finds() {
        let text = big_text();
        assert!(text.len() >= config::PARALLEL_BYTES);
        let doc = Document::with_hints(&text, &Hints::default());
        let profile = Profile::builtin("political-ecology").expect("built-in profile");
        let config = Config::default();
        let matches = sections::match_sections(&doc, &profile);
        let ctx = Ctx::new(&doc, &profile, &config, &matches);
        let enabled: Vec<&rules::Rule> = rules::RULES.iter().collect();
        let (one, one_ranks) = run_rules_in_turn(&ctx, &enabled);
        let (two, two_ranks) = run_rules_on_two_threads(&ctx, &enabled);
        assert!(one.len() > 4096, "{} findings", one.len());
        // The same findings, each with its rule's rank, in the report's order.
        let sorted = |raw: &[RawFinding], ranks: &[u16]| {
            let mut v: Vec<_> = raw
                .iter()
                .zip(ranks)
                .map(|(f, &r)| (f.start, f.end, r, f.rule, f.message.to_string()))
                .collect();
            v.sort_by_key(|x| (x.0, x.1, x.2));
            v
        };
        assert!(one_ranks.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(sorted(&one, &one_ranks), sorted(&two, &two_ranks));
        // With every rule switched off there is nothing to merge.
        let (none, ranks) = run_rules_on_two_threads(&ctx, &[]);
        assert!(none.is_empty() && ranks.is_empty());
        let all_off = Config {
            disabled_rules: rules::RULES.iter().map(|r| r.id.to_string()).collect(),
            ..Config::default()
        };
        let a = analysis(&text, &ProfileChoice::Auto, &all_off, &Hints::default());
        assert_eq!(a.len(), 0);
    }
}
