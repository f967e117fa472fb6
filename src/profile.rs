//! Report profiles: what kind of report a draft is, and which sections it
//! needs. A profile is plain data (JSON), passed into the analysis.
//!
//! ```json
//! {
//!   "id": "self-inspection",
//!   "name_zh": "自查报告",
//!   "name_en": "Self-inspection report",
//!   "lang": "zh",
//!   "cues": { "title": ["自查"], "keywords": ["自查"] },
//!   "sections": [
//!     { "id": "problems", "title": "存在问题", "title_en": "Problems",
//!       "aliases": ["存在问题", "存在的问题"], "need": "required" }
//!   ]
//! }
//! ```
//!
//! `sections` are in their expected order. A heading whose words contain
//! any of a section's `aliases` satisfies that section (ASCII aliases are
//! matched case-insensitively, from the start of a word). `need` is
//! `required` (missing → error) or `recommended` (shown in the checklist).
//! Optional `statements` are phrases that satisfy the section wherever they
//! occur in the report ("未发现问题" for a problems section); one with "…"
//! in it ("未发现…问题") is satisfied by its two halves within one clause.
//!
//! Optional `formulations` add standard formulations to the built-in list
//! of `standard-formulation` (an office's own slogans, a provincial
//! document's wording), each `{"phrase": "…", "source": "…", "date":
//! "YYYY-MM", "members": ["…"]}` with only `phrase` required, or just the
//! phrase as a string; `formulation_exceptions` lists phrases that are
//! established and never near-misses ("从严治税").

use crate::config::{parse_year_month, TypoPair, UserDictionary, UserFormulation};
use crate::text::class::is_han;
use crate::text::lexicon::Lexicon;
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Need {
    Required,
    Recommended,
}

/// A section a report of this type should have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionSpec {
    pub id: String,
    /// Display title (Chinese).
    pub title: String,
    #[serde(default)]
    pub title_en: String,
    /// Words any of which, in a heading, satisfies the section.
    pub aliases: Vec<String>,
    pub need: Need,
    /// Phrases that, anywhere in the report's text, also satisfy the
    /// section: a self-inspection that states "未发现问题" needs no
    /// problems section.
    #[serde(default)]
    pub statements: Vec<String>,
}

/// Cues that recognise the report type.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cues {
    /// Words in the title. The title decides the type: when several
    /// profiles' words occur, the one that comes last wins, because a
    /// Chinese title ends with its genre ("政治生态建设自查报告" is a 自查).
    #[serde(default)]
    pub title: Vec<String>,
    /// Words in the text; used only when no title word matches, and only
    /// when they occur at least [`KEYWORD_MIN_HITS`] times.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Profiles this one takes precedence over when the title has cues of
    /// both: a 巡察整改 report is a 整改情况报告 of a stricter kind, and
    /// its title ends with the other's words (…巡察反馈意见整改情况的报告).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub over: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    /// The language of the reports this profile is for: "zh" or "en".
    #[serde(default = "default_lang")]
    pub lang: String,
    #[serde(default)]
    pub cues: Cues,
    /// The sections, in their expected order.
    #[serde(default)]
    pub sections: Vec<SectionSpec>,
    /// Standard formulations added to the built-in list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub formulations: Vec<UserFormulation>,
    /// Established phrases that are never near-misses of a formulation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub formulation_exceptions: Vec<String>,
    /// Words never flagged as typos and the office's own typo pairs:
    /// `{"words": [...], "pairs": [{"wrong": "按排", "right": "安排"}]}`.
    #[serde(default, skip_serializing_if = "UserDictionary::is_empty")]
    pub dictionary: UserDictionary,
}

fn default_lang() -> String {
    "zh".to_string()
}

/// Body keywords must occur this often before they pick a profile.
pub const KEYWORD_MIN_HITS: usize = 3;

const BUILTIN_JSON: &[&str] = &[
    include_str!("profiles/political-ecology.json"),
    include_str!("profiles/self-inspection.json"),
    include_str!("profiles/work-summary.json"),
    include_str!("profiles/duty-report.json"),
    include_str!("profiles/duty-integrity-report.json"),
    include_str!("profiles/rectification-report.json"),
    include_str!("profiles/inspection-rectification.json"),
    include_str!("profiles/research-report.json"),
    include_str!("profiles/work-plan.json"),
    include_str!("profiles/self-criticism.json"),
    include_str!("profiles/report-en.json"),
    include_str!("profiles/generic.json"),
];

/// Why a profile could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileError(pub String);

impl std::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ProfileError {}

fn field_error(path: &str, zh: &str, en: &str) -> ProfileError {
    ProfileError(format!(
        "配置文件字段 {path} {zh}（profile field `{path}` {en}）"
    ))
}

/// Checks the JSON's shape field by field, so that an error names the
/// field at fault (serde's own messages give only a line and column).
fn check_shape(v: &Value) -> Result<(), ProfileError> {
    let top = v.as_object().ok_or_else(|| {
        ProfileError("配置文件必须是一个 JSON 对象（a profile must be a JSON object）".into())
    })?;
    check_keys(
        top,
        "",
        &[
            "id",
            "name_zh",
            "name_en",
            "lang",
            "cues",
            "sections",
            "formulations",
            "formulation_exceptions",
            "dictionary",
        ],
        &["id", "name_zh", "name_en"],
    )?;
    check_string_fields(top, "", &["id", "name_zh", "name_en", "lang"])?;
    if let Some(lang) = top.get("lang").and_then(Value::as_str) {
        if lang != "zh" && lang != "en" {
            return Err(field_error(
                "lang",
                "只能是 \"zh\" 或 \"en\"",
                "must be \"zh\" or \"en\"",
            ));
        }
    }
    if let Some(cues) = top.get("cues") {
        let c = cues
            .as_object()
            .ok_or_else(|| field_error("cues", "必须是对象", "must be an object"))?;
        check_keys(c, "cues.", &["title", "keywords", "over"], &[])?;
        for key in ["title", "keywords", "over"] {
            if let Some(x) = c.get(key) {
                check_strings(x, &format!("cues.{key}"))?;
            }
        }
    }
    if let Some(x) = top.get("formulation_exceptions") {
        check_strings(x, "formulation_exceptions")?;
    }
    if let Some(d) = top.get("dictionary") {
        let d = d
            .as_object()
            .ok_or_else(|| field_error("dictionary", "必须是对象", "must be an object"))?;
        check_keys(d, "dictionary.", &["words", "pairs"], &[])?;
        if let Some(x) = d.get("words") {
            check_strings(x, "dictionary.words")?;
        }
        if let Some(list) = d.get("pairs") {
            let list = list
                .as_array()
                .ok_or_else(|| field_error("dictionary.pairs", "必须是数组", "must be an array"))?;
            for (i, pair) in list.iter().enumerate() {
                let path = format!("dictionary.pairs[{i}]");
                let o = pair
                    .as_object()
                    .ok_or_else(|| field_error(&path, "必须是对象", "must be an object"))?;
                check_keys(
                    o,
                    &format!("{path}."),
                    &["wrong", "right"],
                    &["wrong", "right"],
                )?;
                check_string_fields(o, &format!("{path}."), &["wrong", "right"])?;
                for key in ["wrong", "right"] {
                    if o.get(key)
                        .and_then(Value::as_str)
                        .is_some_and(|w| w.trim().is_empty())
                    {
                        return Err(field_error(&format!("{path}.{key}"), "为空", "is empty"));
                    }
                }
            }
        }
    }
    if let Some(list) = top.get("formulations") {
        let list = list
            .as_array()
            .ok_or_else(|| field_error("formulations", "必须是数组", "must be an array"))?;
        for (i, f) in list.iter().enumerate() {
            let path = format!("formulations[{i}]");
            if f.is_string() {
                continue;
            }
            let o = f.as_object().ok_or_else(|| {
                field_error(&path, "必须是字符串或对象", "must be a string or an object")
            })?;
            check_keys(
                o,
                &format!("{path}."),
                &["phrase", "source", "date", "members"],
                &["phrase"],
            )?;
            check_string_fields(o, &format!("{path}."), &["phrase", "source", "date"])?;
            if let Some(x) = o.get("members") {
                check_strings(x, &format!("{path}.members"))?;
            }
            if let Some(d) = o.get("date").and_then(Value::as_str) {
                if !d.is_empty() && parse_year_month(d).is_none() {
                    return Err(field_error(
                        &format!("{path}.date"),
                        "应写成 YYYY-MM（如 2024-07）",
                        "must be YYYY-MM (e.g. 2024-07)",
                    ));
                }
            }
        }
    }
    if let Some(sections) = top.get("sections") {
        let list = sections
            .as_array()
            .ok_or_else(|| field_error("sections", "必须是数组", "must be an array"))?;
        for (i, s) in list.iter().enumerate() {
            let path = format!("sections[{i}]");
            let o = s
                .as_object()
                .ok_or_else(|| field_error(&path, "必须是对象", "must be an object"))?;
            check_keys(
                o,
                &format!("{path}."),
                &["id", "title", "title_en", "aliases", "need", "statements"],
                &["id", "title", "aliases", "need"],
            )?;
            check_string_fields(o, &format!("{path}."), &["id", "title", "title_en"])?;
            for key in ["aliases", "statements"] {
                if let Some(x) = o.get(key) {
                    check_strings(x, &format!("{path}.{key}"))?;
                }
            }
            if let Some(need) = o.get("need") {
                if !matches!(need.as_str(), Some("required" | "recommended")) {
                    return Err(field_error(
                        &format!("{path}.need"),
                        "只能是 \"required\" 或 \"recommended\"",
                        "must be \"required\" or \"recommended\"",
                    ));
                }
            }
        }
    }
    Ok(())
}

fn check_keys(
    o: &serde_json::Map<String, Value>,
    prefix: &str,
    allowed: &[&str],
    required: &[&str],
) -> Result<(), ProfileError> {
    for key in o.keys() {
        if !allowed.contains(&key.as_str()) {
            return Err(field_error(
                &format!("{prefix}{key}"),
                &format!("不认识（可用字段：{}）", allowed.join(", ")),
                &format!("is unknown (expected one of: {})", allowed.join(", ")),
            ));
        }
    }
    for key in required {
        if !o.contains_key(*key) {
            return Err(field_error(&format!("{prefix}{key}"), "缺失", "is missing"));
        }
    }
    Ok(())
}

/// The fields of `o` named in `keys`, where present, are strings; the
/// error names the field as `prefix` + key.
fn check_string_fields(
    o: &serde_json::Map<String, Value>,
    prefix: &str,
    keys: &[&str],
) -> Result<(), ProfileError> {
    for key in keys {
        if o.get(*key).is_some_and(|x| !x.is_string()) {
            return Err(field_error(
                &format!("{prefix}{key}"),
                "必须是字符串",
                "must be a string",
            ));
        }
    }
    Ok(())
}

fn check_strings(v: &Value, path: &str) -> Result<(), ProfileError> {
    let list = v
        .as_array()
        .ok_or_else(|| field_error(path, "必须是字符串数组", "must be a list of strings"))?;
    for (i, x) in list.iter().enumerate() {
        if !x.is_string() {
            return Err(field_error(
                &format!("{path}[{i}]"),
                "必须是字符串",
                "must be a string",
            ));
        }
    }
    Ok(())
}

/// The profile of a JSON value whose shape [`check_shape`] accepted: every
/// field known and of its type, the required ones present. Built by hand,
/// as serde's derive would (defaults for missing optional fields), not by
/// `serde_json::from_value`, whose deserializer is ~4 KB of the gzipped web
/// download.
fn from_checked(v: &Value) -> Profile {
    fn string(o: &serde_json::Map<String, Value>, key: &str) -> Option<String> {
        o.get(key).and_then(Value::as_str).map(str::to_string)
    }
    fn strings(o: &serde_json::Map<String, Value>, key: &str) -> Vec<String> {
        o.get(key)
            .and_then(Value::as_array)
            .map(|l| {
                l.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    }
    let empty = serde_json::Map::new();
    let top = v.as_object().unwrap_or(&empty);
    let cues = top.get("cues").and_then(Value::as_object).map(|c| Cues {
        title: strings(c, "title"),
        keywords: strings(c, "keywords"),
        over: strings(c, "over"),
    });
    let sections = top.get("sections").and_then(Value::as_array).map(|list| {
        list.iter()
            .filter_map(Value::as_object)
            .map(|o| SectionSpec {
                id: string(o, "id").unwrap_or_default(),
                title: string(o, "title").unwrap_or_default(),
                title_en: string(o, "title_en").unwrap_or_default(),
                aliases: strings(o, "aliases"),
                need: match o.get("need").and_then(Value::as_str) {
                    Some("recommended") => Need::Recommended,
                    _ => Need::Required,
                },
                statements: strings(o, "statements"),
            })
            .collect()
    });
    let formulations = top
        .get("formulations")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .map(|f| match f.as_object() {
                    Some(o) => UserFormulation {
                        phrase: string(o, "phrase").unwrap_or_default(),
                        source: string(o, "source").unwrap_or_default(),
                        date: string(o, "date").unwrap_or_default(),
                        members: strings(o, "members"),
                    },
                    None => UserFormulation {
                        phrase: f.as_str().unwrap_or("").to_string(),
                        ..UserFormulation::default()
                    },
                })
                .collect()
        })
        .unwrap_or_default();
    Profile {
        id: string(top, "id").unwrap_or_default(),
        name_zh: string(top, "name_zh").unwrap_or_default(),
        name_en: string(top, "name_en").unwrap_or_default(),
        lang: string(top, "lang").unwrap_or_else(default_lang),
        cues: cues.unwrap_or_default(),
        sections: sections.unwrap_or_default(),
        formulations,
        formulation_exceptions: strings(top, "formulation_exceptions"),
        dictionary: top
            .get("dictionary")
            .and_then(Value::as_object)
            .map(|d| UserDictionary {
                words: strings(d, "words"),
                pairs: d
                    .get("pairs")
                    .and_then(Value::as_array)
                    .map(|l| {
                        l.iter()
                            .filter_map(Value::as_object)
                            .map(|o| TypoPair {
                                wrong: string(o, "wrong").unwrap_or_default().trim().to_string(),
                                right: string(o, "right").unwrap_or_default().trim().to_string(),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            })
            .unwrap_or_default(),
    }
}

impl Profile {
    /// Parses a profile from JSON; the error names the field at fault.
    pub fn from_json(json: &str) -> Result<Profile, ProfileError> {
        let value: Value = serde_json::from_str(json).map_err(|e| {
            ProfileError(format!(
                "配置文件不是有效的 JSON（profile is not valid JSON）：{e}"
            ))
        })?;
        check_shape(&value)?;
        let p = from_checked(&value);
        if p.id.trim().is_empty() {
            return Err(field_error("id", "为空", "is empty"));
        }
        for (i, f) in p.formulations.iter().enumerate() {
            if f.phrase.trim().chars().count() < 2 {
                return Err(field_error(
                    &format!("formulations[{i}].phrase"),
                    "至少要有两个字",
                    "needs at least two characters",
                ));
            }
        }
        for (i, s) in p.sections.iter().enumerate() {
            if s.id.trim().is_empty() {
                return Err(field_error(
                    &format!("sections[{i}].id"),
                    "为空",
                    "is empty",
                ));
            }
            if p.sections[..i].iter().any(|o| o.id == s.id) {
                return Err(field_error(
                    &format!("sections[{i}].id"),
                    &format!("与前面的 \"{}\" 重复", s.id),
                    &format!("repeats \"{}\"", s.id),
                ));
            }
            if s.aliases.iter().all(|a| a.trim().is_empty()) {
                return Err(field_error(
                    &format!("sections[{i}].aliases"),
                    "至少要有一个词",
                    "needs at least one word",
                ));
            }
        }
        Ok(p)
    }

    /// The built-in profiles, parsed once (auto-selection asks on every
    /// analysis, i.e. on every keystroke in the app).
    pub fn builtins() -> Vec<Profile> {
        static PARSED: std::sync::OnceLock<Vec<Profile>> = std::sync::OnceLock::new();
        PARSED
            .get_or_init(|| {
                BUILTIN_JSON
                    .iter()
                    .filter_map(|j| Profile::from_json(j).ok())
                    .collect()
            })
            .clone()
    }

    pub fn builtin(id: &str) -> Option<Profile> {
        Profile::builtins().into_iter().find(|p| p.id == id)
    }
}

/// Which profile to use.
// Given is the common case and is built once per analysis: boxing it
// would only add an allocation.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileChoice {
    Auto,
    Given(Profile),
}

/// The language of a text: "en" when Latin letters clearly outnumber Han
/// characters, else "zh".
fn text_lang(text: &str) -> &'static str {
    let (mut letters, mut han) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            letters += 1;
        } else if is_han(c) {
            han += 1;
        }
    }
    if letters >= 20 && letters > han * 3 {
        "en"
    } else {
        "zh"
    }
}

/// The last place (end offset) where a cue occurs in `hay`, and the cue.
fn last_cue<'c>(hay: &str, cues: &'c [String]) -> Option<(usize, usize, &'c str)> {
    let hay_lower = hay.to_ascii_lowercase();
    cues.iter()
        .filter(|c| !c.trim().is_empty())
        .filter_map(|c| {
            let needle = c.to_ascii_lowercase();
            hay_lower
                .rfind(needle.as_str())
                .map(|at| (at + needle.len(), needle.len(), c.as_str()))
        })
        .max_by_key(|&(end, len, _)| (end, len))
}

/// Picks a built-in profile from the title and content. Returns the profile
/// and why it was picked.
///
/// Precedence: the title decides (the cue that comes last in it, since a
/// Chinese title ends with its genre); without a title cue, body keywords
/// decide when one of them occurs at least [`KEYWORD_MIN_HITS`] times;
/// otherwise the generic profile, which requires nothing. Only profiles of
/// the text's language are candidates.
pub fn auto_select(text: &str, title: &str) -> (Profile, String) {
    let lang = text_lang(text);
    // The generic profile takes part through its title cues only: genres
    // such as 通知 or 讲话 have no fixed sections.
    let candidates: Vec<Profile> = Profile::builtins()
        .into_iter()
        .filter(|p| p.lang == lang)
        .collect();

    let matched: Vec<(usize, usize, &str, &Profile)> = candidates
        .iter()
        .filter_map(|p| last_cue(title, &p.cues.title).map(|(end, len, cue)| (end, len, cue, p)))
        .collect();
    // A profile that takes precedence over another stands where the
    // other's cue stands too.
    let by_title = matched
        .iter()
        .filter(|(_, _, _, p)| {
            !matched
                .iter()
                .any(|(_, _, _, q)| q.cues.over.contains(&p.id))
        })
        .map(|&(end, len, cue, q)| {
            let end = matched
                .iter()
                .filter(|(_, _, _, p)| q.cues.over.contains(&p.id))
                .map(|&(e, _, _, _)| e)
                .fold(end, usize::max);
            (end, len, cue, q)
        })
        .max_by_key(|&(end, len, _, _)| (end, len));
    if let Some((end, _, cue, p)) = by_title {
        // Several title lines are joined by spaces: quote the one with the cue.
        let line_start = title[..end].rfind(' ').map_or(0, |i| i + 1);
        let line_end = title[end..].find(' ').map_or(title.len(), |i| end + i);
        let line = title[line_start..line_end].trim();
        let reason = if p.sections.is_empty() {
            format!("标题“{line}”含“{cue}”，这类文稿没有固定的必备部分，按通用规则检查（the title contains “{cue}”: a document of this kind has no fixed sections, generic checks only）")
        } else {
            format!(
                "标题“{line}”含“{cue}”，按{}检查（the title contains “{cue}”: checked as {}）",
                p.name_zh, p.name_en
            )
        };
        return (p.clone(), reason);
    }

    // Body keywords: one automaton for all candidates' words.
    let mut words: Vec<&str> = Vec::new();
    let mut owner: Vec<usize> = Vec::new();
    for (pi, p) in candidates.iter().enumerate() {
        if p.sections.is_empty() {
            continue;
        }
        for k in &p.cues.keywords {
            if !k.trim().is_empty() {
                words.push(k);
                owner.push(pi);
            }
        }
    }
    let mut hits = vec![(0usize, ""); candidates.len()];
    let lexicon = Lexicon::new(&words, true);
    for (_, _, wi) in lexicon.find_leftmost_longest(text) {
        if let Some(&pi) = owner.get(wi) {
            if let Some(slot) = hits.get_mut(pi) {
                slot.0 += 1;
                if slot.1.is_empty() {
                    slot.1 = words[wi];
                }
            }
        }
    }
    let best = hits
        .iter()
        .enumerate()
        .filter(|(_, (n, _))| *n >= KEYWORD_MIN_HITS)
        .max_by_key(|&(pi, (n, _))| (*n, std::cmp::Reverse(pi)));
    if let Some((pi, &(n, word))) = best {
        let p = &candidates[pi];
        let reason = format!(
            "标题未表明类型，正文多次出现“{word}”等词（{n}处），按{}检查（no type in the title; the text mentions “{word}” {n} times: checked as {}）",
            p.name_zh, p.name_en
        );
        return (p.clone(), reason);
    }
    (
        Profile::builtin("generic").unwrap_or_else(empty_generic),
        "未识别出报告类型，使用通用规则，不检查必备部分（report type not recognised: generic checks only, no required sections）"
            .to_string(),
    )
}

fn empty_generic() -> Profile {
    Profile {
        id: "generic".into(),
        name_zh: "通用".into(),
        name_en: "Generic".into(),
        lang: default_lang(),
        cues: Cues::default(),
        sections: Vec::new(),
        formulations: Vec::new(),
        formulation_exceptions: Vec::new(),
        dictionary: UserDictionary::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_parse() {
        for id in [
            "political-ecology",
            "self-inspection",
            "work-summary",
            "report-en",
            "generic",
            "duty-report",
            "duty-integrity-report",
            "rectification-report",
            "inspection-rectification",
            "research-report",
            "work-plan",
            "self-criticism",
        ] {
            assert!(Profile::builtin(id).is_some(), "{id}");
        }
        assert_eq!(Profile::builtins().len(), BUILTIN_JSON.len());
    }

    #[test]
    fn malformed_profile_names_the_field() {
        let cases = [
            (
                r#"{"id":"x","name_zh":"x","name_en":"x","sections":[{"id":"a","title":"A","aliases":[],"need":"required"}]}"#,
                "sections[0].aliases",
            ),
            (r#"{"id":"x","name_zh":"x"}"#, "name_en"),
            (
                r#"{"id":"x","name_zh":"x","name_en":"x","sections":[{"id":"a","title":"A","aliases":"存在问题","need":"required"}]}"#,
                "sections[0].aliases",
            ),
            (
                r#"{"id":"x","name_zh":"x","name_en":"x","sections":[{"id":"a","title":"A","aliases":["a"],"need":"must"}]}"#,
                "sections[0].need",
            ),
            (
                r#"{"id":"x","name_zh":"x","name_en":"x","sections":[{"id":"a","title":"A","alias":["a"],"need":"required"}]}"#,
                "sections[0].alias",
            ),
            (
                r#"{"id":"x","name_zh":"x","name_en":"x","cues":{"title":[1]}}"#,
                "cues.title[0]",
            ),
            (
                r#"{"id":"x","name_zh":"x","name_en":"x","colour":"red"}"#,
                "colour",
            ),
            (
                r#"{"id":"x","name_zh":"x","name_en":"x","lang":"fr"}"#,
                "lang",
            ),
            (r#"{"id":" ","name_zh":"x","name_en":"x"}"#, "id"),
            (
                r#"{"id":"x","name_zh":"x","name_en":"x","sections":[{"id":"a","title":"A","aliases":["a"],"need":"required"},{"id":"a","title":"B","aliases":["b"],"need":"required"}]}"#,
                "sections[1].id",
            ),
        ];
        for (json, field) in cases {
            let err = Profile::from_json(json).unwrap_err();
            assert!(err.0.contains(&format!("`{field}`")), "{field}: {err}");
        }
        let err = Profile::from_json("{not json").unwrap_err();
        assert!(err.0.contains("JSON"), "{err}");
    }

    #[test]
    fn the_checked_value_gives_what_serde_would() {
        // from_json builds the profile by hand (from_checked): the same as
        // serde's derive on every built-in and on user-shaped profiles.
        let user = [
            r#"{"id":"audit","name_zh":"审计报告","name_en":"Audit report","cues":{"title":["审计"]},"sections":[{"id":"findings","title":"审计发现","aliases":["审计发现","发现的问题"],"need":"required"}]}"#,
            r#"{"id":"x","name_zh":"x","name_en":"y","lang":"en","cues":{"keywords":["a","b"],"over":["z"]},"sections":[{"id":"a","title":"A","title_en":"AA","aliases":["a"],"need":"recommended","statements":["none"]},{"id":"b","title":"B","aliases":["b"],"need":"required"}]}"#,
            r#"{"id":"x","name_zh":"x","name_en":"x","id":"dup","cues":{},"sections":[]}"#,
        ];
        for json in BUILTIN_JSON.iter().copied().chain(user) {
            let v: Value = serde_json::from_str(json).unwrap();
            check_shape(&v).unwrap();
            let want: Profile = serde_json::from_value(v.clone()).unwrap();
            assert_eq!(from_checked(&v), want, "{json}");
        }
    }

    #[test]
    fn a_user_profile_round_trips() {
        let json = r#"{"id":"audit","name_zh":"审计报告","name_en":"Audit report",
            "cues":{"title":["审计"]},
            "sections":[{"id":"findings","title":"审计发现","aliases":["审计发现","发现的问题"],"need":"required"}]}"#;
        let p = Profile::from_json(json).unwrap();
        assert_eq!(p.lang, "zh");
        assert_eq!(p.sections[0].need, Need::Required);
    }

    fn pick(text: &str, title: &str) -> String {
        auto_select(text, title).0.id
    }

    #[test]
    fn the_title_decides_and_its_last_cue_wins() {
        assert_eq!(
            pick("正文。", "政治生态总体评价【第一篇】"),
            "political-ecology"
        );
        assert_eq!(
            pick("正文。", "XX局政治生态建设自查报告"),
            "self-inspection"
        );
        assert_eq!(pick("正文。", "关于政治生态建设工作的总结"), "work-summary");
        assert_eq!(pick("正文。", "XX局2023年工作总结"), "work-summary");
        // A work summary that mentions 政治生态 once stays a work summary,
        // and without a title it is not taken for a political-ecology report.
        let body = "一年来，我局营造了良好政治生态。全年完成各项任务。";
        assert_eq!(pick(body, "2023年工作总结"), "work-summary");
        assert_eq!(pick(body, ""), "generic");
        // A notice or a work plan about these things has no fixed sections.
        assert_eq!(
            pick(
                "各单位开展自查。自查范围。自查时间。",
                "关于开展财务自查的通知"
            ),
            "generic"
        );
        assert_eq!(pick("正文。", "关于加强政治生态建设的实施方案"), "generic");
    }

    #[test]
    fn more_report_types_are_picked_from_real_titles() {
        let cases = [
            ("2023年度个人述职报告", "duty-report"),
            ("县发改局局长2024年度述职报告", "duty-report"),
            ("党支部书记抓基层党建工作述职报告", "duty-report"),
            ("2023年度述职述廉报告", "duty-integrity-report"),
            ("副县长2024年述职述德述廉报告", "duty-integrity-report"),
            (
                "关于中央环保督察反馈问题整改情况的报告",
                "rectification-report",
            ),
            (
                "县审计局关于审计发现问题整改落实情况的报告",
                "rectification-report",
            ),
            (
                "关于落实县委第二巡察组反馈意见整改情况的报告",
                "inspection-rectification",
            ),
            (
                "中共某某镇委员会关于巡察整改进展情况的报告",
                "inspection-rectification",
            ),
            ("关于我县农村集体经济发展情况的调研报告", "research-report"),
            ("关于基层减负工作的调查与思考", "research-report"),
            ("某某街道2025年工作要点", "work-plan"),
            ("县财政局2024年工作计划", "work-plan"),
            ("2023年度民主生活会个人对照检查材料", "self-criticism"),
            ("党支部专题组织生活会个人检视剖析材料", "self-criticism"),
            ("2024年度民主生活会对照检查发言提纲", "self-criticism"),
        ];
        for (title, id) in cases {
            assert_eq!(pick("正文。", title), id, "{title}");
        }
        // Other genres keep their types.
        assert_eq!(pick("正文。", "关于开展述职评议工作的通知"), "generic");
        assert_eq!(
            pick("正文。", "2023年工作总结和2024年工作计划"),
            "work-plan"
        );
        assert_eq!(pick("正文。", "县纪委2023年工作总结"), "work-summary");
    }

    #[test]
    fn keywords_need_several_hits() {
        let body = "政治生态是综合反映。政治生态建设持续向好。净化政治生态。";
        assert_eq!(pick(body, ""), "political-ecology");
        let (_, why) = auto_select(body, "");
        assert!(why.contains("3"), "{why}");
    }

    #[test]
    fn english_reports_get_the_english_profile() {
        let text = "Quarterly Review\nSummary\nThe team met its targets this quarter and shipped two releases.";
        assert_eq!(pick(text, "Quarterly Review"), "report-en");
        // Chinese words never pick an English profile and vice versa.
        assert_eq!(pick("正文。", "Annual report"), "generic");
    }

    #[test]
    fn a_dictionary_is_read_and_its_shape_checked_with_the_field_named() {
        let p = Profile::from_json(
            r#"{"id":"x","name_zh":"x","name_en":"x",
                "dictionary":{"words":["张家湾"],"pairs":[{"wrong":"按排","right":"安排"}]}}"#,
        )
        .unwrap();
        assert_eq!(p.dictionary.words, vec!["张家湾"]);
        assert_eq!(p.dictionary.pairs[0].wrong, "按排");
        assert_eq!(p.dictionary.pairs[0].right, "安排");
        let err = |json: &str| Profile::from_json(json).unwrap_err().to_string();
        let head = r#"{"id":"x","name_zh":"x","name_en":"x","dictionary":"#;
        assert!(err(&format!("{head}[]}}")).contains("dictionary"));
        assert!(err(&format!(r#"{head}{{"words":[1]}}}}"#)).contains("dictionary.words[0]"));
        assert!(err(&format!(r#"{head}{{"pairs":[{{"wrong":"a"}}]}}}}"#))
            .contains("dictionary.pairs[0]"));
        assert!(err(&format!(
            r#"{head}{{"pairs":[{{"wrong":"","right":"b"}}]}}}}"#
        ))
        .contains("dictionary.pairs[0].wrong"));
        assert!(err(&format!(r#"{head}{{"list":[]}}}}"#)).contains("dictionary"));
    }
}
