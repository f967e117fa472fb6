//! Settings passed into the analysis (never global state).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Config {
    /// Rule ids that are switched off.
    #[serde(default)]
    pub disabled_rules: Vec<String>,
}

impl Config {
    pub fn enabled(&self, rule: &str) -> bool {
        !self.disabled_rules.iter().any(|r| r == rule)
    }
}
