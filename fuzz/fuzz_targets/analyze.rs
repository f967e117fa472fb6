//! The whole analysis on arbitrary text: must never panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = draftcheck::analyze_auto(&text);
    // Spans must stay inside the text.
    let chars = text.chars().count();
    for f in &report.findings {
        assert!(f.start <= f.end && f.end <= chars);
    }
});
