//! Checks the built-in pack (`assets/content/`) when clsv is built, with the pack crate that
//! clsv itself loads packs with, and stores it checked, in postcard form, for
//! `src/builtin.rs`: clsv then starts on it without parsing RON. A built-in pack with any
//! problem, even a warning, fails the build with the problems listed.

use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=assets/content");
    let report = clsv_pack::content::load::check_embedded();
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
    let path = PathBuf::from(out_dir).join("builtin-pack.postcard");
    if let Err(error) = std::fs::write(&path, bytes) {
        panic!("cannot write {}: {error}", path.display());
    }
}
