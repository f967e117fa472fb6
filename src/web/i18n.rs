//! Interface language. Chinese is the default; every string has an English twin.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Picks the string for this language.
    pub fn t(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

pub fn category_name(lang: Lang, c: crate::Category) -> &'static str {
    lang.pick(c.name_zh(), c.name_en())
}

pub fn severity_name(lang: Lang, s: crate::Severity) -> &'static str {
    match s {
        crate::Severity::Error => lang.t("错误", "Error"),
        crate::Severity::Warning => lang.t("警告", "Warning"),
        crate::Severity::Info => lang.t("提示", "Note"),
    }
}
