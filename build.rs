//! Checks the built-in pack (`assets/content/`) when clsv is built and stores it checked, in
//! postcard form, for `src/baked.rs`: clsv then starts on it without parsing RON, and a
//! built-in pack with any problem, even a warning, fails the build with the problems listed.

// The loader is the program's own, compiled into this script too; the script uses only a
// part of it.
#![allow(dead_code, unused_imports)]

use std::path::PathBuf;

#[path = "src/content/mod.rs"]
mod content;
#[path = "src/text.rs"]
mod text;

/// The stored pack, as the loader sees it while this script is making it: not there yet.
mod baked {
    pub fn content() -> Option<crate::content::Content> {
        None
    }
}

fn main() {
    println!("cargo::rerun-if-changed=assets/content");
    println!("cargo::rerun-if-changed=src/content");
    println!("cargo::rerun-if-changed=src/text.rs");
    let report = content::load::check_embedded();
    if !report.problems.is_empty() {
        let problems: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
        panic!(
            "the built-in pack (assets/content) has problems:\n{}",
            problems.join("\n")
        );
    }
    let Some(content) = report.content else {
        panic!("the built-in pack gave no content and no problem");
    };
    let bytes = match postcard::to_allocvec(&content) {
        Ok(bytes) => bytes,
        Err(error) => panic!("the built-in pack cannot be stored: {error}"),
    };
    let Some(out_dir) = std::env::var_os("OUT_DIR") else {
        panic!("cargo sets OUT_DIR for build scripts, and it is not set");
    };
    let path = PathBuf::from(out_dir).join("embedded-pack.postcard");
    if let Err(error) = std::fs::write(&path, bytes) {
        panic!("cannot write {}: {error}", path.display());
    }
}
