//! The .docx reader on arbitrary bytes: must never panic, hang or allocate
//! without bound; errors are fine.
#![no_main]

use draftcheck::decode::Limits;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = Limits {
        max_decompressed: 8 * 1024 * 1024,
        ..Limits::default()
    };
    if let Ok(d) = draftcheck::docx::read(data, &limits) {
        let lines = d.text.split('\n').count();
        for &(line, level) in &d.hints.heading_levels {
            assert!(line < lines && (1..=6).contains(&level));
        }
    }
});
