//! A clsv content pack: text made safe and measured for the terminal (`text`), and the pack's
//! files read, parsed and checked into the `Content` the program trusts (`content`). A crate
//! of its own so that clsv's build script can check the built-in pack with the same code and
//! store it checked.

pub mod content;
pub mod text;
