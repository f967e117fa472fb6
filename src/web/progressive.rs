//! Long lists drawn over several frames: after a new report, the first
//! items at once and more each frame, so that a large report's results
//! never hold the page in one long task (a row costs about 0.1 ms to
//! build; a 1.5 MB collection has seven groups of a hundred rows and
//! hundreds of sections).
//!
//! Everything drawn this way (the findings list, the section checklist,
//! the marked layer) waits in one queue, [`Frames`], and a frame runs one
//! piece of it: three lists growing at once must not add their pieces up
//! in one frame (one frame of three pieces and their layout was the
//! longest task of a 1.5 MB paste).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A piece of drawing waiting for a frame; it says whether it did any
/// work (one whose list has moved on does none).
type Job = Box<dyn FnOnce() -> bool>;

#[derive(Default)]
struct Queue {
    jobs: VecDeque<Job>,
    /// A frame is asked for.
    asked: bool,
}

/// The page's queue of drawing that waits for a frame: the app provides
/// one (a context) to everything it draws; a component outside it gets a
/// queue of its own.
#[derive(Clone, Default)]
pub struct Frames(Rc<RefCell<Queue>>);

impl PartialEq for Frames {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Frames {
    /// Runs `job` in a coming frame, after the pieces asked before it.
    pub fn later(&self, job: impl FnOnce() -> bool + 'static) {
        let mut q = self.0.borrow_mut();
        q.jobs.push_back(Box::new(job));
        if !q.asked {
            q.asked = true;
            drop(q);
            self.ask();
        }
    }

    fn ask(&self) {
        let me = self.clone();
        let run = wasm_bindgen::closure::Closure::once_into_js(move || me.run());
        let _ = gloo::utils::window().request_animation_frame(run.unchecked_ref());
    }

    /// One frame: the first piece that does some work (its render follows
    /// in this frame); the rest wait for the next.
    fn run(&self) {
        loop {
            // Not borrowed while the job runs: it may ask for more.
            let job = self.0.borrow_mut().jobs.pop_front();
            let Some(job) = job else { break };
            if job() {
                break;
            }
        }
        let mut q = self.0.borrow_mut();
        if q.jobs.is_empty() {
            q.asked = false;
        } else {
            drop(q);
            self.ask();
        }
    }
}

/// The app's [`Frames`], or a queue of the component's own.
#[hook]
pub fn use_frames() -> Frames {
    let own = use_memo((), |_| Frames::default());
    use_context::<Frames>().unwrap_or_else(|| (*own).clone())
}

/// Items drawn in the render that follows a new `key`.
pub const FIRST: usize = 40;
/// Items added each frame after that.
pub const STEP: usize = 100;

/// How many of `total` items to draw now. A new `key` (a new report, a
/// new filter) starts again from [`FIRST`]; until all are drawn, each
/// frame draws [`STEP`] more.
#[hook]
pub fn use_progressive<K: PartialEq + Clone + 'static>(key: K, total: usize) -> usize {
    let shown: Rc<RefCell<(K, usize)>> = use_mut_ref(|| (key.clone(), FIRST));
    let redraw = use_force_update();
    let frames = use_frames();
    if shown.borrow().0 != key {
        *shown.borrow_mut() = (key, FIRST);
    }
    let now = shown.borrow().1;
    {
        let shown = shown.clone();
        use_effect(move || {
            if now < total {
                frames.later(move || {
                    let mut s = shown.borrow_mut();
                    // Still the list this piece was asked for (every render
                    // asks: the others find it drawn).
                    if s.1 != now {
                        return false;
                    }
                    s.1 = now + STEP;
                    drop(s);
                    redraw.force_update();
                    true
                });
            }
        });
    }
    now.min(total)
}
