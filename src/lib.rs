//! DraftCheck (稿检): the analysis core. No web dependency: it builds and
//! tests natively, and the CLI and the web app both wrap it.
//!
//! Data flows one way: text → [`Document`] (segmented once) → rules →
//! findings → renderers.

pub mod cnum;
pub mod config;
pub mod decode;
pub mod document;
pub mod finding;
pub mod fix;
pub mod numbers;
pub mod position;
pub mod profile;
pub mod re;
pub mod render;
pub mod rules;
pub mod sections;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use config::Config;
pub use document::{Document, Hints};
pub use finding::{Category, Finding, Related, Report, SectionStatus, Severity, Summary};
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
    let doc = Document::with_hints(text, hints);
    let (profile, profile_reason) = match choice {
        ProfileChoice::Given(p) => (p.clone(), "由用户指定".to_string()),
        ProfileChoice::Auto => {
            let title = doc
                .headings
                .iter()
                .filter(|h| h.kind == MarkerKind::Title)
                .map(|h| doc.heading_text(h))
                .collect::<Vec<_>>()
                .join(" ");
            profile::auto_select(text, &title)
        }
    };
    let matches = sections::match_sections(&doc, &profile);
    let ctx = Ctx::new(&doc, &profile, config, &matches);

    let mut raw: Vec<RawFinding> = Vec::new();
    for rule in rules::RULES {
        if !config.enabled(rule.id) {
            continue;
        }
        let mut emitter = Emitter::new(rule.id, rule.category);
        (rule.check)(&ctx, &mut emitter);
        raw.extend(emitter.into_findings());
    }
    raw.sort_by_key(|f| (f.start, f.end));

    let findings = locate_findings(text, raw);
    let mut locator = Locator::new(text);
    // Reports are numbered 1, 2, … in a file that holds several (a preface
    // without headings is not one of them).
    let reports = sections::report_parts(&doc);
    let multi = reports.len() > 1;
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
    Report {
        profile: profile.id.clone(),
        profile_reason,
        summary: Summary::count(&findings),
        sections,
        findings,
        outline,
        chars: text.chars().count(),
    }
}

/// Turns byte spans into code-point offsets, lines and columns: every
/// offset involved is located in one forward walk over the text.
fn locate_findings(text: &str, raw: Vec<RawFinding>) -> Vec<Finding> {
    let mut offsets = Vec::with_capacity(raw.len() * 2);
    for r in &raw {
        offsets.push(r.start);
        offsets.push(r.end);
        for (s, e, _) in &r.related {
            offsets.push(*s);
            offsets.push(*e);
        }
    }
    let table = PositionTable::new(text, offsets);
    raw.into_iter()
        .map(|r| {
            let s = table.get(r.start);
            let e = table.get(r.end);
            let related = r
                .related
                .iter()
                .map(|(rs, re, label)| {
                    let a = table.get(*rs);
                    let b = table.get(*re);
                    Related {
                        start: a.offset,
                        end: b.offset,
                        line: a.line,
                        column: a.column,
                        text: text.get(*rs..*re).unwrap_or("").to_string(),
                        label: label.as_str().to_string(),
                    }
                })
                .collect();
            Finding {
                rule: r.rule.to_string(),
                category: r.category,
                severity: r.severity,
                start: s.offset,
                end: e.offset,
                line: s.line,
                column: s.column,
                text: text.get(r.start..r.end).unwrap_or("").to_string(),
                message: r.message.into_string(),
                message_en: r.message_en.into_string(),
                suggestion: r.suggestion.map(rules::Msg::into_string),
                byte_start: r.start,
                byte_end: r.end,
                context: r
                    .context
                    .and_then(|(a, b)| text.get(a..b))
                    .map(str::to_string),
                related,
                aggregate: r.aggregate,
            }
        })
        .collect()
}
