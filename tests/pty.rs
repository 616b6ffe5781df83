//! End to end: the real binary in a pseudo-terminal, keys in, the screen read back through
//! a terminal emulator.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

mod common;

use common::pty::Session;

#[test]
fn starts_navigates_to_moldova_and_restores_the_terminal_on_quit() {
    let mut session = Session::start(&[], 80, 24, &[]);
    session.wait_for("Coaliţia privind Libertatea în Spaţiul Virtual");
    session.wait_for("Denumirea");
    assert!(
        session.parser.screen().alternate_screen(),
        "the browser uses the alternate screen"
    );
    session.send("2");
    session.wait_for("Membri (22)");
    session.wait_for("MD  Moldova");
    // Move down to Moldova (the 16th member) and see its detail.
    session.send("G");
    session.wait_for("MD  Moldova");
    session.send("gjjjjjjjjjjjjjjj");
    session.wait_for("la 1 ianuarie 2014");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

#[test]
fn starts_where_the_flags_say_and_quits_on_ctrl_c() {
    let mut session = Session::start(&["--lang", "en", "--tab", "actions"], 80, 24, &[]);
    session.wait_for("Coordinating efforts to advance Internet");
    session.send("j");
    session.wait_for("Digital Defenders Partnership");
    session.send("L");
    session.wait_for("Suport pentru societatea civilă");
    session.send("\x03");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

#[test]
fn a_resize_redraws_at_the_new_size() {
    let mut session = Session::start(&["--tab", "members"], 80, 24, &[]);
    session.wait_for("Membri (22)");
    session.resize(30, 8);
    session.wait_for("1  2 Membri (22)  3  4");
    session.resize(19, 5);
    session.wait_for("Terminal prea mic");
    session.resize(100, 30);
    session.wait_for("1 Prezentare");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

#[test]
fn a_click_selects_a_tab_and_a_row() {
    let mut session = Session::start(&[], 80, 24, &[]);
    session.wait_for("Denumirea");
    // SGR mouse report: press and release of the left button on "2 Membri" (row 2, col 18).
    session.send("\x1b[<0;18;2M\x1b[<0;18;2m");
    session.wait_for("MD  Moldova");
    // Click the row of Moldova: the list starts on screen row 5, under the intro.
    let screen = session.contents();
    let row = screen
        .lines()
        .position(|l| l.contains("MD  Moldova"))
        .unwrap()
        + 1;
    session.send(&format!("\x1b[<0;5;{row}M\x1b[<0;5;{row}m"));
    session.wait_for("la 1 ianuarie 2014");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn a_bad_pack_is_a_clear_error_and_leaves_the_terminal_alone() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pack.ron"), "Pack(").unwrap();
    let path = dir.path().to_str().unwrap();
    let mut session = Session::start(&["--content", path], 80, 24, &[]);
    session.wait_for("overview.ron: file not found");
    assert_eq!(session.wait_exit(), 2);
    assert!(
        session.contents().contains("pack.ron:1:5"),
        "{}",
        session.contents()
    );
    assert!(
        !session.bytes.windows(8).any(|w| w == b"\x1b[?1049h"),
        "no alternate screen for an error"
    );
}

#[test]
fn a_panic_gives_the_terminal_back_and_says_what_happened() {
    let mut session = Session::start(&[], 80, 24, &[("CLSV_TEST_PANIC", "1")]);
    assert_eq!(session.wait_exit(), 101);
    session.assert_restored();
    assert!(
        session
            .contents()
            .contains("panic requested by CLSV_TEST_PANIC"),
        "{}",
        session.contents()
    );
}

#[test]
fn searching_tarile_lands_on_the_text_with_tarile() {
    let mut session = Session::start(&[], 80, 24, &[]);
    session.wait_for("Denumirea");
    session.send("/tarile");
    session.wait_for("2 rezultate");
    session.send("\r");
    session.wait_for("potrivirea 1/2");
    assert!(
        session
            .contents()
            .contains("Ţările care se alătură Coaliţiei"),
        "{}",
        session.contents()
    );
    session.send("n");
    session.wait_for("potrivirea 2/2");
    assert!(
        session.contents().contains("Ţările de Jos"),
        "{}",
        session.contents()
    );
    // Esc leaves the detail; q quits. (A pause after Esc, as a person makes one, so that
    // the terminal does not read Esc q as Alt-q.)
    session.send("\x1b");
    session.settle(std::time::Duration::from_millis(300));
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}
