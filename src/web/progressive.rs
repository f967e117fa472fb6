//! Long lists drawn over several frames: after a new report, the first
//! items at once and more each frame, so that a large report's results
//! never hold the page in one long task (a row costs about 0.1 ms to
//! build; a 1.5 MB collection has seven groups of a hundred rows and
//! hundreds of sections).

use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Items drawn in the render that follows a new `key`.
pub const FIRST: usize = 60;
/// Items added each frame after that.
pub const STEP: usize = 150;

/// How many of `total` items to draw now. A new `key` (a new report, a
/// new filter) starts again from [`FIRST`]; until all are drawn, each
/// frame draws [`STEP`] more.
#[hook]
pub fn use_progressive<K: PartialEq + Clone + 'static>(key: K, total: usize) -> usize {
    let shown: Rc<RefCell<(K, usize)>> = use_mut_ref(|| (key.clone(), FIRST));
    let redraw = use_force_update();
    if shown.borrow().0 != key {
        *shown.borrow_mut() = (key, FIRST);
    }
    let now = shown.borrow().1;
    {
        let shown = shown.clone();
        use_effect(move || {
            if now < total {
                let next = wasm_bindgen::closure::Closure::once_into_js(move || {
                    let mut s = shown.borrow_mut();
                    // Still the list this frame was asked for.
                    if s.1 == now {
                        s.1 = now + STEP;
                        drop(s);
                        redraw.force_update();
                    }
                });
                let _ = gloo::utils::window()
                    .request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&next));
            }
        });
    }
    now.min(total)
}
