//! Settings passed into the analysis (never global state).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Config {
    /// Rule ids that are switched off.
    #[serde(default)]
    pub disabled_rules: Vec<String>,
    /// How many threads one analysis may use.
    #[serde(default)]
    pub threads: Threads,
}

/// The thread policy, in one place: a large text has its figures read and
/// half of its rules run on a second thread (natively, with a second
/// core); the web build and `--threads 1` keep to one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Threads {
    /// Two for a large text when the machine has a second core.
    #[default]
    Auto,
    /// The calling thread only (the benchmarks compare one thread's cost
    /// with the web build, which has one).
    One,
}

/// Texts from this size on use a second thread: below it, starting a
/// thread costs more than it saves.
pub const PARALLEL_BYTES: usize = 256 * 1024;

impl Config {
    pub fn enabled(&self, rule: &str) -> bool {
        !self.disabled_rules.iter().any(|r| r == rule)
    }

    /// Whether the analysis of a text of `bytes` runs on two threads.
    pub fn parallel(&self, bytes: usize) -> bool {
        #[cfg(target_arch = "wasm32")]
        {
            let _ = bytes;
            false
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.threads == Threads::Auto
                && bytes >= PARALLEL_BYTES
                && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1)
        }
    }
}
