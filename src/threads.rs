//! Second threads that start at once (native builds only).
//!
//! On these 2-core machines Linux often queues a new thread on the core of
//! the thread that spawns it, with the other core idle, and starts it only
//! when the spawner's time slice ends: 3 ms later, which is a tenth of the
//! whole analysis of a 1.5 MB text. Measured over 15 processes spawning
//! three threads each, half the threads started 1.4–3.1 ms late and the
//! spawner lost that time as well; with [`spawn`] every one started within
//! 0.2 ms.

use std::io;
use std::thread::{Scope, ScopedJoinHandle};

/// [`std::thread::Builder::spawn_scoped`], for a thread that should run
/// beside this one: the spawner gives up the rest of its time slice, and
/// the new thread, if it finds itself on the spawner's core, moves to
/// another before it starts on `f`.
pub fn spawn<'scope, T: Send + 'scope>(
    s: &'scope Scope<'scope, '_>,
    f: impl FnOnce() -> T + Send + 'scope,
) -> io::Result<ScopedJoinHandle<'scope, T>> {
    let spawner = current_cpu();
    let handle = std::thread::Builder::new().spawn_scoped(s, move || {
        if let Some(cpu) = spawner {
            move_off(cpu);
        }
        f()
    })?;
    // Lets the new thread run now if it was queued behind this one (a
    // no-op when nothing else waits for this core).
    std::thread::yield_now();
    Ok(handle)
}

#[cfg(target_os = "linux")]
fn current_cpu() -> Option<usize> {
    // SAFETY: no arguments, no memory touched.
    let cpu = unsafe { libc::sched_getcpu() };
    usize::try_from(cpu).ok()
}

#[cfg(not(target_os = "linux"))]
fn current_cpu() -> Option<usize> {
    None
}

/// If this thread runs on `cpu`, moves it to another core it may use:
/// narrowing its affinity migrates it at once; the old affinity is then
/// restored. Failing calls (a container's limits) leave it where it is.
#[cfg(target_os = "linux")]
fn move_off(cpu: usize) {
    if current_cpu() != Some(cpu) || cpu >= libc::CPU_SETSIZE as usize {
        return;
    }
    let size = std::mem::size_of::<libc::cpu_set_t>();
    // SAFETY: cpu_set_t is a plain bit array (all zeros is valid); the
    // calls read or write exactly `size` bytes of the sets passed, and
    // pid 0 means this thread.
    unsafe {
        let mut allowed: libc::cpu_set_t = std::mem::zeroed();
        if libc::sched_getaffinity(0, size, &mut allowed) != 0 {
            return;
        }
        let mut others = allowed;
        libc::CPU_CLR(cpu, &mut others);
        if libc::CPU_COUNT(&others) == 0 {
            return; // this core is the only one allowed
        }
        if libc::sched_setaffinity(0, size, &others) == 0 {
            libc::sched_setaffinity(0, size, &allowed);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn move_off(_cpu: usize) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_thread_runs_and_returns() {
        let text = "截至XX年";
        let n = std::thread::scope(|s| {
            let h = spawn(s, || text.chars().count()).expect("a thread");
            h.join().expect("no panic")
        });
        assert_eq!(n, 5);
    }

    /// The affinity of the new thread ends as it began: moving off a core
    /// must not pin the thread to the others.
    #[cfg(target_os = "linux")]
    #[test]
    fn the_affinity_is_restored() {
        let read = || {
            let size = std::mem::size_of::<libc::cpu_set_t>();
            // SAFETY: as in move_off.
            unsafe {
                let mut set: libc::cpu_set_t = std::mem::zeroed();
                assert_eq!(libc::sched_getaffinity(0, size, &mut set), 0);
                libc::CPU_COUNT(&set)
            }
        };
        let before = read();
        let after = std::thread::scope(|s| {
            spawn(s, || {
                // Forced: this thread is moved off the core it is on.
                if let Some(cpu) = current_cpu() {
                    move_off(cpu);
                }
                read()
            })
            .expect("a thread")
            .join()
            .expect("no panic")
        });
        assert_eq!(before, after);
    }
}
