//! The regex engine the rules use: `regex` natively (fast, with its perf
//! features), `regex-lite` in the web build (`lite-regex` feature), which
//! keeps the download within budget. The rules use only the syntax both
//! share: no Unicode classes, ASCII-only case folding.

#[cfg(not(feature = "lite-regex"))]
pub use regex::{Captures, Regex};
#[cfg(feature = "lite-regex")]
pub use regex_lite::{Captures, Regex};
