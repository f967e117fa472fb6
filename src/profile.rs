//! Report profiles: what kind of report a draft is, and which sections it
//! needs. A profile is plain data (JSON), passed into the analysis.

use serde::{Deserialize, Serialize};

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
}

/// Cues that recognise the report type.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cues {
    /// Words in the title.
    #[serde(default)]
    pub title: Vec<String>,
    /// Words anywhere in the text.
    #[serde(default)]
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    #[serde(default)]
    pub cues: Cues,
    /// The sections, in their expected order.
    #[serde(default)]
    pub sections: Vec<SectionSpec>,
}

const BUILTIN_JSON: &[&str] = &[
    include_str!("profiles/political-ecology.json"),
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

impl Profile {
    /// Parses a profile from JSON; the error names the field at fault.
    pub fn from_json(json: &str) -> Result<Profile, ProfileError> {
        let p: Profile = serde_json::from_str(json)
            .map_err(|e| ProfileError(format!("配置文件格式错误（profile is malformed）：{e}")))?;
        if p.id.trim().is_empty() {
            return Err(ProfileError(
                "配置文件缺少 id（profile field `id` is empty）".into(),
            ));
        }
        for (i, s) in p.sections.iter().enumerate() {
            if s.id.trim().is_empty() {
                return Err(ProfileError(format!(
                    "sections[{i}].id 为空（profile field `sections[{i}].id` is empty）"
                )));
            }
            if s.aliases.iter().all(|a| a.trim().is_empty()) {
                return Err(ProfileError(format!(
                    "sections[{i}].aliases 为空（profile field `sections[{i}].aliases` needs at least one word）"
                )));
            }
        }
        Ok(p)
    }

    pub fn builtins() -> Vec<Profile> {
        BUILTIN_JSON
            .iter()
            .filter_map(|j| Profile::from_json(j).ok())
            .collect()
    }

    pub fn builtin(id: &str) -> Option<Profile> {
        Profile::builtins().into_iter().find(|p| p.id == id)
    }
}

/// Which profile to use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileChoice {
    Auto,
    Given(Profile),
}

/// Picks a built-in profile from the title and content. Returns the profile
/// and why it was picked.
pub fn auto_select(text: &str, title: &str) -> (Profile, String) {
    let mut best: Option<(usize, Profile, String)> = None;
    for p in Profile::builtins() {
        let mut score = 0;
        let mut why = Vec::new();
        for cue in &p.cues.title {
            if title.contains(cue.as_str()) {
                score += 10;
                why.push(format!("标题含“{cue}”"));
            }
        }
        for kw in &p.cues.keywords {
            let n = text.matches(kw.as_str()).take(5).count();
            if n > 0 {
                score += n;
                why.push(format!("正文含“{kw}”{n}处"));
            }
        }
        if score > 0 && best.as_ref().is_none_or(|(s, _, _)| score > *s) {
            best = Some((score, p, why.join("，")));
        }
    }
    match best {
        Some((_, p, why)) => (p, why),
        None => (
            Profile::builtin("generic").unwrap_or_else(empty_generic),
            "未识别出报告类型，使用通用规则".to_string(),
        ),
    }
}

fn empty_generic() -> Profile {
    Profile {
        id: "generic".into(),
        name_zh: "通用".into(),
        name_en: "Generic".into(),
        cues: Cues::default(),
        sections: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_parse() {
        assert!(Profile::builtin("political-ecology").is_some());
        assert!(Profile::builtin("generic").is_some());
    }

    #[test]
    fn malformed_profile_names_the_field() {
        let err = Profile::from_json(r#"{"id":"x","name_zh":"x","name_en":"x","sections":[{"id":"a","title":"A","aliases":[],"need":"required"}]}"#)
            .unwrap_err();
        assert!(err.0.contains("sections[0].aliases"), "{err}");
        let err = Profile::from_json(r#"{"id":"x","name_zh":"x"}"#).unwrap_err();
        assert!(err.0.contains("name_en"), "{err}");
    }
}
