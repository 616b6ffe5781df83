//! Content packs: the checked model the program trusts, and how it is loaded from RON.
//!
//! `raw` mirrors the files, `load` parses and validates them into `model`, and `locate`
//! finds the line and column of a value so that validation can point at it. `derived` holds
//! the figures computed from the checked members (growth by year, members by region); `ascii`
//! the whole content transliterated, for terminals that show only ASCII.

pub mod ascii;
pub mod derived;
pub mod generate;
pub mod load;
pub mod locate;
pub mod model;
pub mod raw;

pub use derived::{RegionCount, YearGrowth};
pub use load::{LoadError, Problem, ProblemKind, load_dir, load_embedded};
pub use model::*;
