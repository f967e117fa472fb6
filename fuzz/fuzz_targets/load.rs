//! The shared loader (sniffing, text decoding, .docx) on arbitrary bytes.
#![no_main]

use draftcheck::decode::Limits;
use libfuzzer_sys::fuzz_target;

fn lossy(b: &[u8]) -> (String, bool) {
    let s = String::from_utf8_lossy(b).into_owned();
    let bad = s.contains('\u{FFFD}');
    (s, bad)
}

fuzz_target!(|data: &[u8]| {
    let limits = Limits {
        max_decompressed: 8 * 1024 * 1024,
        ..Limits::default()
    };
    for name in ["a.txt", "a.docx", "a.doc"] {
        let _ = draftcheck::load::load(name, data, &lossy, &limits);
    }
});
