//! The built-in pack as it was checked when clsv was built (by `build.rs`, with the same
//! loader), so that clsv starts on it without parsing its RON files.

use crate::content::Content;

/// The built-in pack, checked, in postcard form: written by `build.rs`.
const STORED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embedded-pack.postcard"));

/// The built-in pack as checked at build time, or `None` if it cannot be read back (only a
/// build script and a program out of step could cause that; the caller then parses it).
pub fn content() -> Option<Content> {
    postcard::from_bytes(STORED).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stored_pack_is_the_pack_its_files_give_now() {
        let report = crate::content::load::check_embedded();
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert!(report.content.is_some());
        assert_eq!(content(), report.content);
    }
}
