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
    session.wait_for("EE   Estonia");
    // Move down to Moldova (the 16th member) and see its detail.
    session.send("G");
    session.wait_for("MD   Moldova");
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
    session.wait_for("EE   Estonia");
    // Click the row of Estonia: the list's rows start under its introduction and names.
    let screen = session.contents();
    let row = screen
        .lines()
        .position(|l| l.contains("EE   Estonia"))
        .unwrap()
        + 1;
    session.send(&format!("\x1b[<0;5;{row}M\x1b[<0;5;{row}m"));
    session.wait_for("Coaliţiei în 2014");
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
fn searching_without_diacritics_lands_on_each_text_with_the_word() {
    let mut session = Session::start(&[], 80, 24, &[]);
    session.wait_for("Denumirea");
    session.send("/sustinere");
    session.wait_for("2 rezultate");
    session.send("\r");
    session.wait_for_frame("potrivirea 1/2");
    assert!(
        session.contents().contains("de susţinere"),
        "{}",
        session.contents()
    );
    session.send("n");
    session.wait_for_frame("potrivirea 2/2");
    assert!(
        session.contents().contains("susţinerea"),
        "{}",
        session.contents()
    );
    // Esc leaves the detail (the list has the focus: a frame of its own); q quits. (q goes
    // once Esc has been acted on, as a person types them, so that the terminal does not read
    // Esc q as Alt-q.)
    let before = session.bytes.len();
    session.send("\x1b");
    session.wait_for_frames_since(before, 1);
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

#[test]
fn a_paste_is_typed_into_the_search_and_is_not_keys_while_browsing() {
    let mut session = Session::start(&[], 80, 24, &[]);
    session.wait_for_frame("Denumirea");
    assert!(
        session.parser.screen().bracketed_paste(),
        "pastes are asked to come bracketed"
    );
    // While browsing, a paste is not keys: its "q" does not quit, its "3" and "/" do nothing.
    // The key after it is acted on, and its frame is the only one.
    let before = session.bytes.len();
    session.send("\x1b[200~q3/x\x1b[201~");
    session.send("2");
    session.wait_for_frame("EE   Estonia");
    assert_eq!(session.frames_since(before), 1, "{}", session.contents());
    // In the prompt, the paste is typed, in one frame.
    session.send("/");
    session.wait_for_frame("Scrie ca să cauţi");
    let before = session.bytes.len();
    session.send("\x1b[200~sustinere\x1b[201~");
    session.wait_for_frame("2 rezultate");
    assert_eq!(session.frames_since(before), 1);
    let screen = session.contents();
    assert!(
        screen.lines().last().unwrap().starts_with("/sustinere"),
        "{screen}"
    );
    let before = session.bytes.len();
    session.send("\x1b");
    session.wait_for_frames_since(before, 1);
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
    assert!(
        !session.parser.screen().bracketed_paste(),
        "bracketed paste left on"
    );
}

use std::time::Duration;

use common::pty::send_signal;

/// Whether the bytes hold an SGR sequence that sets a colour (30–37, 38, 40–47, 48, 90–97,
/// 100–107), as opposed to attributes or resets.
fn sets_a_colour(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    text.split("\x1b[").skip(1).any(|sequence| {
        let Some(end) = sequence.find('m') else {
            return false;
        };
        let parameters = &sequence[..end];
        if !parameters.chars().all(|c| c.is_ascii_digit() || c == ';') {
            return false;
        }
        parameters.split(';').any(|p| {
            matches!(
                p.parse::<u32>(),
                Ok(30..=38 | 40..=48 | 90..=97 | 100..=107)
            )
        })
    })
}

#[test]
fn without_colour_the_selection_shows_in_reverse_video() {
    let mut session = Session::start(&["--tab", "members"], 80, 24, &[("NO_COLOR", "1")]);
    session.wait_for("EE   Estonia");
    session.send("j");
    session.wait_for_frame("›CA   Canada");
    let screen = session.parser.screen();
    let row = session
        .contents()
        .lines()
        .position(|l| l.contains("CA   Canada"))
        .unwrap() as u16;
    let column = session
        .contents()
        .lines()
        .nth(row as usize)
        .unwrap()
        .find("CA")
        .unwrap() as u16;
    let cell = screen.cell(row, column).unwrap();
    assert!(cell.inverse(), "the selected row is in reverse video");
    let other = screen.cell(row + 1, column).unwrap();
    assert!(!other.inverse(), "the next row is not");
    assert!(
        !sets_a_colour(&session.bytes),
        "no colour was written under NO_COLOR"
    );
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

#[test]
fn with_colour_colours_are_written() {
    let mut session = Session::start(&["--tab", "members"], 80, 24, &[]);
    session.wait_for("EE   Estonia");
    assert!(sets_a_colour(&session.bytes));
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn ascii_draws_without_box_drawing() {
    let mut session = Session::start(&["--ascii", "--tab", "members"], 80, 24, &[]);
    session.wait_for_frame("EE   Estonia");
    let screen = session.contents();
    assert!(screen.contains("+ Membri (22) ---"), "{screen}");
    assert!(screen.contains("|>AT   Austria"), "{screen}");
    let drawing = ['╭', '╮', '╰', '╯', '│', '─', '›', '•', '█'];
    assert!(!screen.chars().any(|c| drawing.contains(&c)), "{screen}");
    // The content's text and the interface's words are transliterated: nothing but ASCII.
    assert!(screen.is_ascii(), "{screen}");
    assert!(screen.contains("Republica Ceha"), "{screen}");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn a_locale_that_is_not_utf8_gets_ascii() {
    let mut session = Session::start(&["--tab", "members"], 80, 24, &[("LANG", "C")]);
    session.wait_for_frame("EE   Estonia");
    assert!(
        session.contents().contains("|>AT   Austria"),
        "{}",
        session.contents()
    );
    assert!(session.contents().is_ascii(), "{}", session.contents());
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    let mut session = Session::start(&[], 80, 24, &[]);
    session.wait_for("Denumirea");
    send_signal(session.pid(), 15);
    assert_eq!(session.wait_exit(), 128 + 15);
    session.assert_restored();
}

#[test]
fn sigint_and_sigquit_restore_the_terminal_and_exit_with_their_numbers() {
    for signal in [2, 3] {
        let mut session = Session::start(&[], 80, 24, &[]);
        session.wait_for("Denumirea");
        send_signal(session.pid(), signal);
        assert_eq!(session.wait_exit(), 128 + signal as u32);
        session.assert_restored();
    }
}

#[test]
fn sighup_restores_the_terminal_and_exits_129() {
    let mut session = Session::start(&[], 80, 24, &[]);
    session.wait_for("Denumirea");
    send_signal(session.pid(), 1);
    assert_eq!(session.wait_exit(), 128 + 1);
    session.assert_restored();
}

#[test]
fn a_vanished_terminal_ends_the_process() {
    let mut session = Session::start(&[], 80, 24, &[]);
    session.wait_for("Denumirea");
    session.hang_up();
    session.wait_exit_unread();
}

#[test]
fn resizing_to_the_minimum_and_back_redraws_each_time() {
    let mut session = Session::start(&["--tab", "members"], 80, 24, &[]);
    session.wait_for("Membri (22)");
    session.resize(20, 6);
    session.wait_for_frame("Membri … 3  4");
    assert!(
        session.contents().contains("│›AT   Austria"),
        "{}",
        session.contents()
    );
    session.resize(80, 24);
    session.wait_for("1 Prezentare  2 Membri (22)  3 Declaraţie  4 Acţiuni");
    session.wait_for("EE   Estonia");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

#[test]
fn an_idle_browser_writes_nothing() {
    let mut session = Session::start(&[], 80, 24, &[]);
    session.wait_for_frame("Denumirea");
    let before = session.bytes.len();
    // A second without keys (the time observed, not a wait for anything), then a key that
    // asks for nothing, then one that changes the screen: what comes is that one frame
    // alone, nothing before it.
    std::thread::sleep(Duration::from_secs(1));
    session.send("x");
    session.send("2");
    session.wait_for_frame("EE   Estonia");
    let after = &session.bytes[before..];
    assert_eq!(
        session.frames_since(before),
        1,
        "{:?}",
        String::from_utf8_lossy(after)
    );
    assert!(
        after.starts_with(b"\x1b[?2026h"),
        "{:?}",
        String::from_utf8_lossy(after)
    );
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn a_frame_is_one_synchronized_update() {
    let mut session = Session::start(&["--tab", "members"], 80, 24, &[]);
    session.wait_for_frame("EE   Estonia");
    let before = session.bytes.len();
    session.send("j");
    session.wait_for_frame("›CA   Canada");
    let frame = &session.bytes[before..];
    assert!(
        frame.starts_with(b"\x1b[?2026h"),
        "{:?}",
        String::from_utf8_lossy(frame)
    );
    assert!(
        frame.ends_with(b"\x1b[?2026l"),
        "{:?}",
        String::from_utf8_lossy(frame)
    );
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn a_dumb_terminal_gets_plain_text() {
    let mut session = Session::start(&[], 80, 24, &[("TERM", "dumb")]);
    assert_eq!(session.wait_exit(), 0);
    assert!(
        !session.bytes.windows(8).any(|w| w == b"\x1b[?1049h"),
        "no alternate screen"
    );
    assert!(!session.bytes.contains(&0x1b), "no escape sequences at all");
    assert!(String::from_utf8_lossy(&session.bytes).contains("5. Surse"));
}

#[test]
fn ctrl_z_suspends_with_the_terminal_restored_and_fg_redraws_everything() {
    // Job control needs a shell that does it: an interactive bash in the terminal.
    let mut shell = Session::start_program(
        "bash",
        &["--norc", "--noprofile", "-i"],
        80,
        24,
        &[("PS1", "shell$ ")],
    );
    shell.wait_for("shell$");
    shell.send(&format!("{} --tab members\r", env!("CARGO_BIN_EXE_clsv")));
    shell.wait_for("EE   Estonia");
    assert!(shell.parser.screen().alternate_screen());
    shell.send("\x1a");
    shell.wait_until("left the alternate screen", |s| !s.alternate_screen());
    shell.wait_for("Stopped");
    shell.assert_restored();
    // The shell's prompt after the job stopped: the prompts on the screen, counted.
    shell.wait_until("a prompt after Stopped", |s| {
        let text = s.contents();
        text[text.find("Stopped").unwrap()..].contains("shell$")
    });
    let prompts = shell.contents().matches("shell$").count();
    shell.send("fg\r");
    shell.wait_until("back on the alternate screen", |s| s.alternate_screen());
    shell.wait_for_frame("EE   Estonia");
    assert!(
        shell.parser.screen().alternate_screen(),
        "back on the alternate screen"
    );
    // bash turns bracketed paste off before it runs `fg`: clsv has turned it on again.
    assert!(
        shell.parser.screen().bracketed_paste(),
        "pastes are asked to come bracketed again"
    );
    let screen = shell.contents();
    assert!(
        screen.contains("Membri (22)") && screen.contains("1 Prezentare"),
        "{screen}"
    );
    shell.send("q");
    // The shell prompts again once clsv has ended: all it wrote has come before.
    shell.wait_until("a prompt after clsv ended", |s| {
        !s.alternate_screen() && s.contents().matches("shell$").count() > prompts
    });
    shell.assert_restored();
    shell.send("exit\r");
    shell.wait_exit();
}

#[test]
fn scrolling_text_uses_the_terminal_scroll_and_shows_exactly_the_frame() {
    let mut session = Session::start(&[], 80, 24, &[]);
    let mut app = common::app_on(common::embedded(), 80, 24);
    // The rows of a screen, without trailing spaces or blank rows at the bottom.
    let rows = |text: &str| -> Vec<String> {
        let mut rows: Vec<String> = text.lines().map(|l| l.trim_end().to_string()).collect();
        while rows.last().is_some_and(String::is_empty) {
            rows.pop();
        }
        rows
    };
    let mut expected = rows(&common::screen(&app));
    session.wait_until_frame("the first screen", |s| rows(&s.contents()) == expected);
    for step in 0..12 {
        let (key, action) = match step {
            0..=7 => ("j", clsv::action::Action::MoveDown),
            8 => ("k", clsv::action::Action::MoveUp),
            9 => (" ", clsv::action::Action::PageDown),
            _ => ("j", clsv::action::Action::MoveDown),
        };
        let before = session.bytes.len();
        session.send(key);
        app.update(action);
        let previous = std::mem::replace(&mut expected, rows(&common::screen(&app)));
        assert_ne!(previous, expected, "step {step} changes the screen");
        session.wait_until_frame(
            &format!("the screen of step {step}:\n{}", expected.join("\n")),
            |s| rows(&s.contents()) == expected,
        );
        assert_eq!(session.frames_since(before), 1, "one frame for step {step}");
        let sent = session.bytes.len() - before;
        if key != " " {
            // The scrolled line, and the box's section title and how far down it is.
            assert!(
                sent < 500,
                "one line of scrolling cost {sent} bytes (a full redraw costs 2000)"
            );
        }
    }
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn watch_reloads_edits_keeps_the_last_good_content_on_a_broken_one_and_recovers() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(common::fixture_dir()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    let path = dir.path().to_str().unwrap();
    let mut session = Session::start(
        &["--content", path, "--watch", "--tab", "members"],
        80,
        24,
        &[],
    );
    session.wait_for("NL   Olanda");
    session.send("G");
    // G acted on: keys are read once the pack is watched, so the edits below are seen.
    session.wait_for("›NL   Olanda");
    let members = dir.path().join("members.ron");
    let good = std::fs::read_to_string(&members).unwrap();

    // A broken edit: the old content stays, the footer says where the problem is.
    std::fs::write(&members, good.replace("code: \"NL\",", "code: \"NL\"")).unwrap();
    session.wait_for_frame("members.ron:29:13: Expected comma");
    assert!(
        session.contents().contains("NL   Olanda"),
        "{}",
        session.contents()
    );

    // Fixed, with a change: the new content, the selection kept, the footer back.
    std::fs::write(&members, good.replace("\"Olanda\"", "\"Ţările de Jos\"")).unwrap();
    session.wait_for_frame("NL   Ţările de Jos");
    let screen = session.contents();
    assert!(!screen.contains("Expected comma"), "{screen}");
    assert!(
        screen.contains("›NL   Ţările de Jos"),
        "still selected: {screen}"
    );
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

/// A copy of the fixture pack in `p` under a fresh folder, browsed with `--watch` on the
/// members with the Netherlands selected, wide enough for a whole problem on the footer.
/// The parent holds the pack's siblings (`p.old`, `p.new`, …) as a deployment would.
fn watching_a_copy() -> (tempfile::TempDir, std::path::PathBuf, Session) {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("p");
    copy_pack(&common::fixture_dir(), &pack);
    let mut session = Session::start(
        &[
            "--content",
            pack.to_str().unwrap(),
            "--watch",
            "--tab",
            "members",
        ],
        160,
        24,
        &[],
    );
    session.wait_for("NL   Olanda");
    session.send("G");
    // G acted on: keys are read once the pack is watched, so the changes that follow are seen.
    session.wait_for("›NL   Olanda");
    (dir, pack, session)
}

/// Copies a pack's files into `to`, which is made first.
fn copy_pack(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

/// The fixture's `members.ron` with the Netherlands called `name` in Romanian.
fn members_naming_the_netherlands(name: &str) -> String {
    std::fs::read_to_string(common::fixture_dir().join("members.ron"))
        .unwrap()
        .replace("\"Olanda\"", &format!("\"{name}\""))
}

/// Writes `text` as `members.ron` of `pack`, in place.
fn edit_members(pack: &std::path::Path, text: &str) {
    std::fs::write(pack.join("members.ron"), text).unwrap();
}

/// Saves `text` as `members.ron` of `pack` the way careful editors do: into a temporary file
/// beside it, then renamed over it, so that no reader ever sees half a file.
fn save_members_atomically(pack: &std::path::Path, text: &str) {
    let temporary = pack.join(".members.ron.tmp");
    std::fs::write(&temporary, text).unwrap();
    std::fs::rename(&temporary, pack.join("members.ron")).unwrap();
}

#[test]
fn watch_follows_the_pack_folder_deleted_and_copied_back() {
    let (dir, pack, mut session) = watching_a_copy();
    let backup = dir.path().join("p.bak");
    copy_pack(&pack, &backup);
    edit_members(&backup, &members_naming_the_netherlands("Ţările de Jos"));

    // Gone: the last good content stays, and the footer says why nothing changes.
    std::fs::remove_dir_all(&pack).unwrap();
    session.wait_for_frame(&format!("the pack folder {} is gone", pack.display()));
    assert!(
        session.contents().contains("›NL   Olanda"),
        "{}",
        session.contents()
    );

    // Back, as another folder at the same path: its content, the selection kept.
    copy_pack(&backup, &pack);
    session.wait_for_frame("›NL   Ţările de Jos");
    assert!(
        !session.contents().contains("gone"),
        "{}",
        session.contents()
    );

    // Edits to the new folder are followed.
    edit_members(
        &pack,
        &members_naming_the_netherlands("Regatul Ţărilor de Jos"),
    );
    session.wait_for_frame("›NL   Regatul Ţărilor de Jos");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

#[test]
fn watch_follows_a_pack_folder_swapped_by_renames() {
    let (dir, pack, mut session) = watching_a_copy();
    let new = dir.path().join("p.new");
    copy_pack(&pack, &new);
    edit_members(&new, &members_naming_the_netherlands("Ţările de Jos"));

    // `mv p p.old && mv p.new p`, as deployments and some tools swap a folder.
    std::fs::rename(&pack, dir.path().join("p.old")).unwrap();
    std::fs::rename(&new, &pack).unwrap();
    session.wait_for_frame("›NL   Ţările de Jos");

    // Edits to the folder now at the path are followed.
    edit_members(
        &pack,
        &members_naming_the_netherlands("Regatul Ţărilor de Jos"),
    );
    session.wait_for_frame("›NL   Regatul Ţărilor de Jos");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

#[test]
fn watch_follows_atomic_saves_of_a_pack_file() {
    let (_dir, pack, mut session) = watching_a_copy();
    let good = members_naming_the_netherlands("Olanda");

    save_members_atomically(&pack, &good.replace("code: \"NL\",", "code: \"NL\""));
    session.wait_for_frame("members.ron:29:13: Expected comma");
    assert!(
        session.contents().contains("›NL   Olanda"),
        "{}",
        session.contents()
    );

    save_members_atomically(&pack, &members_naming_the_netherlands("Ţările de Jos"));
    session.wait_for_frame("›NL   Ţările de Jos");
    assert!(
        !session.contents().contains("Expected comma"),
        "{}",
        session.contents()
    );

    // A later save is followed too: the renames did not cost the watch.
    save_members_atomically(
        &pack,
        &members_naming_the_netherlands("Regatul Ţărilor de Jos"),
    );
    session.wait_for_frame("›NL   Regatul Ţărilor de Jos");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

#[test]
fn watch_survives_a_named_pipe_in_place_of_a_pack_file() {
    let (_dir, pack, mut session) = watching_a_copy();
    let members = pack.join("members.ron");

    // A named pipe is refused without waiting for a writer that never comes.
    std::fs::remove_file(&members).unwrap();
    let path = std::ffi::CString::new(members.to_str().unwrap()).unwrap();
    // SAFETY: a valid, NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o600) }, 0);
    session.wait_for_frame("it is a named pipe (FIFO), not a regular file");
    assert!(
        session.contents().contains("›NL   Olanda"),
        "{}",
        session.contents()
    );

    // Replaced by a file: read again, and later edits still followed.
    std::fs::remove_file(&members).unwrap();
    edit_members(&pack, &members_naming_the_netherlands("Ţările de Jos"));
    session.wait_for_frame("›NL   Ţările de Jos");
    assert!(
        !session.contents().contains("named pipe"),
        "{}",
        session.contents()
    );
    edit_members(
        &pack,
        &members_naming_the_netherlands("Regatul Ţărilor de Jos"),
    );
    session.wait_for_frame("›NL   Regatul Ţărilor de Jos");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

#[test]
fn watch_needs_a_pack_folder() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_clsv"))
        .arg("--watch")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--content"));
}

/// `y` puts the selected item's citation on the terminal's clipboard with OSC 52, and the
/// footer says what it copied.
#[test]
fn y_copies_the_selected_items_citation_with_osc_52() {
    let mut session = common::pty::Session::start(&["--tab", "2"], 100, 30, &[]);
    session.wait_for("Cod ISO");
    session.send("y");
    session.wait_for("copiat: Austria");
    let start = session
        .bytes
        .windows(7)
        .position(|w| w == b"\x1b]52;c;")
        .expect("an OSC 52 sequence");
    let rest = &session.bytes[start + 7..];
    let end = rest.iter().position(|&b| b == 0x07).unwrap();
    use base64::Engine;
    let copied = base64::engine::general_purpose::STANDARD
        .decode(&rest[..end])
        .unwrap();
    let copied = String::from_utf8(copied).unwrap();
    assert!(copied.starts_with("Austria — "), "{copied}");
    assert!(copied.contains("https://"), "{copied}");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}
