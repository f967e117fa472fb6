//! The native allocator, shared by the CLI (src/main.rs) and the benches
//! (tests/bench/*.rs include this file), so that the benches' numbers are
//! the CLI's.
//!
//! The CLI allocates tens of thousands of findings and the segments of a
//! megabyte of text from two threads at once. glibc's malloc grows its
//! heaps a 4 KB page at a time (5,500 page faults for the 1.5 MB benchmark
//! text); mimalloc maps large aligned blocks (≈ 200 faults).

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc hands memory that has stayed free for a second back to the
/// system, and a long analysis then faults it in again page by page (a
/// third of the time on a 4 MB text with 250,000 findings). The CLI lives
/// for one command: it keeps what it frees for reuse, as the web build's
/// allocator does.
pub fn keep_freed_memory() {
    /// `mi_option_purge_delay` in mimalloc.h (v3); -1: never purge.
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: sets one of mimalloc's option values; no memory is touched.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) };
}
