//! The built-in pack as `build.rs` checked it when clsv was built (with the same pack crate
//! that loads every pack), stored in postcard form, so that clsv starts on it without parsing
//! its RON files.

use crate::content::Content;
use crate::content::load::{self, Report};

/// The built-in pack, checked, in postcard form: written by `build.rs`.
const STORED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin-pack.postcard"));

/// The built-in pack as a report without problems (the build checked it), or, if the stored
/// form cannot be read back, as its RON files give it now: only a build script and a program
/// out of step could cause that.
pub fn report() -> Report {
    match postcard::from_bytes::<Content>(STORED) {
        Ok(content) => Report {
            content: Some(content),
            problems: Vec::new(),
            files: Vec::new(),
        },
        Err(_) => load::check_embedded(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stored_pack_is_the_pack_its_files_give_now() {
        let now = load::check_embedded();
        assert!(now.problems.is_empty(), "{:?}", now.problems);
        assert!(now.content.is_some());
        assert_eq!(postcard::from_bytes::<Content>(STORED).ok(), now.content);
    }
}
