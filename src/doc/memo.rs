//! Layouts kept for the key they were made for: the same text or slide is asked for several
//! times for one key (to clamp a scroll, to count pages, to draw), and laying it out each
//! time would make every key pay for it more than once.

use std::cell::RefCell;
use std::sync::Arc;

/// The last `capacity` layouts, each with its key, the most recent first.
#[derive(Debug)]
pub struct Memo<K, V> {
    kept: RefCell<Vec<(K, Arc<V>)>>,
    capacity: usize,
}

impl<K: PartialEq, V> Memo<K, V> {
    /// A memo keeping up to `capacity` layouts (at least one).
    pub fn new(capacity: usize) -> Memo<K, V> {
        Memo {
            kept: RefCell::new(Vec::new()),
            capacity: capacity.max(1),
        }
    }

    /// The layout for `key`: the one kept if it was made for the same key, otherwise
    /// `lay_out()`, which is kept in place of the oldest.
    pub fn get_or_lay_out(&self, key: K, lay_out: impl FnOnce() -> V) -> Arc<V> {
        // No borrow is held while `lay_out` runs, so a layout that asked for another itself
        // could not find the cell borrowed.
        {
            let mut kept = self.kept.borrow_mut();
            if let Some(at) = kept.iter().position(|(k, _)| *k == key) {
                let entry = kept.remove(at);
                let layout = Arc::clone(&entry.1);
                kept.insert(0, entry);
                return layout;
            }
            // The oldest goes before laying out another, so that a long text is not held
            // twice at once.
            kept.truncate(self.capacity - 1);
        }
        let layout = Arc::new(lay_out());
        let mut kept = self.kept.borrow_mut();
        kept.insert(0, (key, Arc::clone(&layout)));
        kept.truncate(self.capacity);
        layout
    }

    /// Drops every layout kept: the content they were made from has changed.
    pub fn forget(&self) {
        self.kept.borrow_mut().clear();
    }
}

/// A copy shares the layouts kept (they are never changed), not the making of new ones.
impl<K: Clone, V> Clone for Memo<K, V> {
    fn clone(&self) -> Memo<K, V> {
        Memo {
            kept: self.kept.clone(),
            capacity: self.capacity,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn a_layout_is_made_again_only_for_a_key_no_longer_kept_or_after_forgetting() {
        let memo: Memo<u32, String> = Memo::new(2);
        let made = Cell::new(0);
        let lay_out = |text: &str| {
            made.set(made.get() + 1);
            text.to_string()
        };
        let first = memo.get_or_lay_out(1, || lay_out("one"));
        assert!(Arc::ptr_eq(
            &first,
            &memo.get_or_lay_out(1, || lay_out("x"))
        ));
        memo.get_or_lay_out(2, || lay_out("two"));
        // Two kept: asking for either in turn makes nothing.
        memo.get_or_lay_out(1, || lay_out("x"));
        memo.get_or_lay_out(2, || lay_out("x"));
        assert_eq!(made.get(), 2);
        // A third lets the least recent (1) go.
        memo.get_or_lay_out(3, || lay_out("three"));
        assert_eq!(*memo.get_or_lay_out(2, || lay_out("x")), "two");
        assert_eq!(
            *memo.get_or_lay_out(1, || lay_out("one again")),
            "one again"
        );
        assert_eq!(made.get(), 4);
        memo.forget();
        memo.get_or_lay_out(1, || lay_out("after"));
        assert_eq!(made.get(), 5);
    }

    #[test]
    fn the_oldest_layout_goes_before_another_is_made() {
        let memo: Memo<u32, String> = Memo::new(1);
        let first = Arc::downgrade(&memo.get_or_lay_out(1, String::new));
        memo.get_or_lay_out(2, || {
            // Two layouts of a long text at once would double what it takes.
            assert!(first.upgrade().is_none(), "the last layout is still held");
            String::new()
        });
    }
}
