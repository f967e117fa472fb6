//! A value the page's components share, compared by identity.
//!
//! Yew compares a component's props before drawing it again, and `Rc`'s
//! comparison is its contents': a new report of a long draft was compared
//! finding by finding with the last, once by every component holding it
//! (tens of milliseconds for 28,000 findings, more than drawing). A report
//! is made anew only when it is new: its identity is enough.

use std::ops::Deref;
use std::rc::Rc;

#[derive(Debug, Default)]
pub struct Shared<T>(Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        Shared(Rc::new(value))
    }

    /// The value's address: a key that changes with the value.
    pub fn id(&self) -> usize {
        Rc::as_ptr(&self.0) as usize
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::Shared;

    #[test]
    fn equal_only_to_itself() {
        let a = Shared::new(vec![1, 2, 3]);
        assert!(a == a.clone());
        assert!(
            a != Shared::new(vec![1, 2, 3]),
            "the same contents, another value"
        );
        assert_eq!(a.len(), 3);
        assert_eq!(a.id(), a.clone().id());
    }
}
