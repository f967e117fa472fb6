//! The .docx XML layer (styles, numbering, body) on arbitrary XML, without
//! the zip in the way: the input is split at the first two NUL bytes into
//! document, styles and numbering parts.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |&b| b == 0);
    let document = parts.next().unwrap_or_default();
    let styles = parts.next();
    let numbering = parts.next();
    if let Ok(d) = draftcheck::docx::read_xml(document, styles, numbering) {
        let lines = d.text.split('\n').count();
        for &(line, level) in &d.hints.heading_levels {
            assert!(line < lines && (1..=6).contains(&level));
        }
    }
});
