//! Peak memory against the size of the pack: with one very long text in a pack, `clsv check`,
//! `clsv print` and the browser's layout (the text laid out, shown and scrolled through) each
//! stay within four times the pack's size. The browser's search index, built after the first
//! frame, is not part of this measure: it holds a folded copy of the text per language and is
//! measured with the whole program in docs/PERFORMANCE.md.
//!
//! Each is measured in a fresh process of its own: a child of this test binary, which runs
//! the browser itself and reads its own peak (`VmHWM`), or runs `clsv` and takes the peak the
//! kernel reports for that one child (`wait4`). (The peak of a child of the test process
//! itself would count the memory of the test process at the moment it was started.) What any
//! run takes whatever the pack (the binary, the standard library, the default pack's own
//! texts) is measured the same way on the default pack and subtracted: the ratio is of what
//! the long text costs.
#![cfg(target_os = "linux")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use clsv::action::Action;
use clsv::app::{App, StartAt};
use clsv::capability::ColorLevel;
use clsv::theme::Theme;
use clsv::vocabulary::Pane;

/// The bytes of the long text: large enough that it dwarfs what varies from run to run, small
/// enough for a debug build to lay out in a few seconds.
const LONG_TEXT_BYTES: usize = 8 * 1024 * 1024;

/// The most a run may take beyond the default pack's run, in sizes of the pack.
const MOST_TIMES_THE_PACK: f64 = 4.0;

/// Set in a child process of this test binary: what it measures (`check`, `print` or
/// `browser`), and on which pack.
const MEASURE: &str = "CLSV_MEMORY_MEASURE";
const MEASURE_PACK: &str = "CLSV_MEMORY_PACK";

/// How the child reports its measure on its output.
const REPORT: &str = "peak memory in bytes: ";

/// The built-in pack written to `dir`, with the first member's note replaced by `note` in the
/// default language only (the other language shows it too, as its fallback).
fn write_pack(dir: &Path, note: Option<&str>) {
    for (name, text) in clsv::content::load::embedded_files() {
        let text = match (name, note) {
            ("members.ron", Some(note)) => {
                let old = r#"note: {"ro": "membru fondator", "en": "founding member"}"#;
                assert!(text.contains(old), "the first member's note has moved");
                text.replacen(old, &format!(r#"note: {{"ro": "{note}"}}"#), 1)
            }
            _ => text.to_string(),
        };
        fs::write(dir.join(name), text).unwrap();
    }
}

/// The bytes of the files of the pack in `dir`.
fn pack_size(dir: &Path) -> u64 {
    fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().metadata().unwrap().len())
        .sum()
}

/// Runs `command` to its end, without its output, and returns its peak resident memory in
/// bytes.
fn peak_memory_of(command: &mut Command) -> u64 {
    // Waited for by `wait4` below, which std does not see.
    #[allow(clippy::zombie_processes)]
    let child = command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain integers, for which all zeroes is a value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: the pointers are to live locals; the child is ours and not yet waited for.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4: {}", std::io::Error::last_os_error());
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "{command:?} failed: {status}"
    );
    // Linux gives the peak in kilobytes.
    usage.ru_maxrss as u64 * 1024
}

/// The peak memory of `what` (`check`, `print` or `browser`) on the pack in `pack`, measured
/// in a child process of this test binary.
fn peak_memory(what: &str, pack: &Path) -> u64 {
    let output = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "measured_in_a_child_process",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(MEASURE, what)
        .env(MEASURE_PACK, pack)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
        .lines()
        .find_map(|line| line.split_once(REPORT).map(|(_, bytes)| bytes))
        .and_then(|bytes| bytes.trim().parse().ok())
        .unwrap_or_else(|| panic!("no measure in {stdout}"))
}

/// A long text of words, as a note or a body might be.
fn long_text() -> String {
    let words = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor ";
    words.repeat(LONG_TEXT_BYTES / words.len())
}

/// The peak memory of `what` on a pack with the long text, less that on the default pack, as
/// a multiple of the long pack's size.
fn times_the_pack(what: &str) -> f64 {
    let default = tempfile::tempdir().unwrap();
    write_pack(default.path(), None);
    let long = tempfile::tempdir().unwrap();
    write_pack(long.path(), Some(&long_text()));
    let base = peak_memory(what, default.path());
    let peak = peak_memory(what, long.path());
    let size = pack_size(long.path());
    let times = peak.saturating_sub(base) as f64 / size as f64;
    eprintln!("{what}: {size} B pack, {peak} B at peak, {base} B on the default pack: {times:.2}×");
    times
}

/// The clsv binary on `pack`, reading no configuration of the user's.
fn clsv(args: &[&str], pack: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_clsv"));
    command
        .args(args)
        .arg(pack)
        .env("XDG_CONFIG_HOME", pack)
        .env("HOME", pack);
    command
}

#[test]
fn check_takes_at_most_four_times_the_pack() {
    let times = times_the_pack("check");
    assert!(times <= MOST_TIMES_THE_PACK, "{times:.2}× the pack");
}

#[test]
fn print_takes_at_most_four_times_the_pack() {
    let times = times_the_pack("print");
    assert!(times <= MOST_TIMES_THE_PACK, "{times:.2}× the pack");
}

#[test]
fn the_browser_takes_at_most_four_times_the_pack() {
    let times = times_the_pack("browser");
    assert!(times <= MOST_TIMES_THE_PACK, "{times:.2}× the pack");
}

/// What the tests above measure, in a child process: `clsv check` or `clsv print` run from
/// here, or the browser at 80×24 showing the first member's note, scrolling through it and
/// switching language. Without `MEASURE` (in a run of the suite) it does nothing.
#[test]
fn measured_in_a_child_process() {
    let (Some(what), Some(pack)) = (std::env::var_os(MEASURE), std::env::var_os(MEASURE_PACK))
    else {
        return;
    };
    let pack = Path::new(&pack);
    let peak = match what.to_str() {
        Some("check") => peak_memory_of(&mut clsv(&["check"], pack)),
        Some("print") => peak_memory_of(&mut clsv(&["print", "--width", "80", "--content"], pack)),
        Some("browser") => {
            browse(pack);
            // This process's own peak: its memory began afresh when it was started.
            let status = fs::read_to_string("/proc/self/status").unwrap();
            let kilobytes = status
                .lines()
                .find_map(|line| line.strip_prefix("VmHWM:"))
                .and_then(|value| {
                    value
                        .trim()
                        .trim_end_matches("kB")
                        .trim()
                        .parse::<u64>()
                        .ok()
                })
                .unwrap();
            kilobytes * 1024
        }
        other => panic!("nothing to measure called {other:?}"),
    };
    println!("{REPORT}{peak}");
}

/// The browser at 80×24 on the members of `pack`: the first member's note shown, scrolled
/// through, and shown in the other language.
fn browse(pack: &Path) {
    let content = clsv::content::load_dir(pack).unwrap();
    let lang = content.default_language;
    let note = content.members.members[0].note.as_ref().unwrap().get(lang);
    let first_word = note.split(' ').next().unwrap().to_string();
    let start = StartAt {
        lang,
        pane: Pane::Members,
        item: None,
    };
    let theme = Theme::new(ColorLevel::Basic16, false);
    let mut app = App::new(content, theme, start, 80, 24);
    let screen = common::screen(&app);
    assert!(screen.contains(&first_word), "the note is shown: {screen}");
    for action in [
        Action::FocusDetail,
        Action::MoveDown,
        Action::PageDown,
        Action::MoveToBottom,
        Action::MoveUp,
        Action::SwitchLanguage,
        Action::MoveToBottom,
    ] {
        app.update(action);
        let screen = common::screen(&app);
        assert!(screen.contains("Austria"), "{screen}");
    }
}
