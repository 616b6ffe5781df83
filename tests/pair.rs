//! End to end: `clsv present` and `clsv present --notes --follow` in two pseudo-terminals,
//! paired through the socket in a runtime folder of the test's own.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design
#![cfg(unix)]

mod common;

use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};

use common::pty::{Session, send_signal};

/// A runtime folder for one test, so that tests (and the user's own talk) do not meet.
struct Runtime {
    dir: tempfile::TempDir,
}

impl Runtime {
    fn new() -> Runtime {
        Runtime {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self) -> &str {
        self.dir.path().to_str().unwrap()
    }

    fn socket(&self) -> PathBuf {
        self.dir.path().join("clsv/present.sock")
    }

    /// `clsv` with `args` in a terminal of its own, with this runtime folder.
    fn start(&self, args: &[&str], cols: u16, rows: u16) -> Session {
        Session::start(args, cols, rows, &[("XDG_RUNTIME_DIR", self.path())])
    }

    /// The projector, once it shows its first slide (and so listens).
    fn projector(&self) -> Session {
        let mut projector = self.start(&["present"], 80, 24);
        projector.wait_for(" 1 / 9 ");
        projector
    }

    /// A speaker's terminal following the projector, once it shows `slide`'s number.
    fn follower(&self, slide: usize) -> Session {
        let mut follower = self.start(&["present", "--notes", "--follow"], 100, 30);
        follower.wait_for(&format!(" {slide} / 9 "));
        follower
    }
}

fn is_blank(screen: &vt100::Screen) -> bool {
    screen.contents().trim().is_empty()
}

fn assert_private(dir: &Path) {
    let mode = std::fs::symlink_metadata(dir).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700, "{} has mode {mode:o}", dir.display());
}

#[test]
fn keys_in_either_terminal_move_both_and_each_goes_on_when_the_other_quits() {
    let runtime = Runtime::new();
    let mut projector = runtime.projector();
    assert_private(&runtime.dir.path().join("clsv"));
    let socket = std::fs::symlink_metadata(runtime.socket()).unwrap();
    assert!(socket.file_type().is_socket());
    assert_eq!(socket.permissions().mode() & 0o077, 0);

    let mut follower = runtime.follower(1);
    // The projector's keys move the speaker's terminal…
    projector.send(" ");
    projector.wait_for(" 2 / 9 ");
    follower.wait_for(" 2 / 9 ");
    // …and the speaker's keys move the projector: a number, the last, the first.
    follower.send("5\r");
    follower.wait_for(" 5 / 9 ");
    projector.wait_for(" 5 / 9 ");
    follower.send("\x1b[F");
    projector.wait_for(" 9 / 9 ");
    projector.send("\x1b[H");
    follower.wait_for(" 1 / 9 ");
    // Blanking is shared, and so is bringing the slide back.
    projector.send("b");
    follower.wait_until("blank", is_blank);
    // Any key brings it back: here the next slide's key, which does nothing else.
    follower.send(" ");
    projector.wait_for(" 1 / 9 ");
    follower.wait_for(" 1 / 9 ");

    // The speaker's terminal quits; the projector goes on, alone.
    follower.send("q");
    assert_eq!(follower.wait_exit(), 0);
    follower.assert_restored();
    projector.send(" ");
    projector.wait_for(" 2 / 9 ");
    projector.send("q");
    assert_eq!(projector.wait_exit(), 0);
    projector.assert_restored();
    assert!(!runtime.socket().exists(), "the socket was left behind");
}

#[test]
fn a_follower_joins_on_the_projectors_slide_and_goes_on_alone_when_it_quits() {
    let runtime = Runtime::new();
    let mut projector = runtime.projector();
    projector.send("7\r");
    projector.wait_for(" 7 / 9 ");
    let mut follower = runtime.follower(7);
    // A second follower too: the first one's keys reach it through the projector.
    let mut second = runtime.start(&["present", "--follow"], 80, 24);
    second.wait_for(" 7 / 9 ");
    follower.send("\x1b[F");
    projector.wait_for(" 9 / 9 ");
    second.wait_for(" 9 / 9 ");

    projector.send("q");
    assert_eq!(projector.wait_exit(), 0);
    // "The other terminal has closed", in the default language.
    follower.wait_for("Celălalt terminal s-a închis");
    second.wait_for("Celălalt terminal s-a închis");
    follower.send("\x1b[H");
    follower.wait_for(" 1 / 9 ");
    second.send("q");
    assert_eq!(second.wait_exit(), 0);
    follower.send("q");
    assert_eq!(follower.wait_exit(), 0);
}

#[test]
fn follow_with_no_presentation_running_says_so_and_exits_2() {
    let runtime = Runtime::new();
    let mut follower = runtime.start(&["present", "--notes", "--follow"], 80, 24);
    assert_eq!(follower.wait_exit(), 2);
    let screen = follower.contents();
    assert!(
        screen.contains("no presentation is running for this user; start `clsv present` first"),
        "{screen}"
    );
    // The terminal was never taken.
    assert!(!follower.bytes.windows(8).any(|w| w == b"\x1b[?1049h"));
}

#[test]
fn a_follower_of_another_pack_is_refused_with_exit_2() {
    let runtime = Runtime::new();
    let mut projector = runtime.projector();
    let fixture = common::fixture_dir();
    let mut follower = runtime.start(
        &[
            "present",
            "--follow",
            "--content",
            fixture.to_str().unwrap(),
        ],
        100,
        24,
    );
    assert_eq!(follower.wait_exit(), 2);
    let screen = follower.contents();
    assert!(screen.contains("another pack's slides"), "{screen}");
    // The projector is not disturbed.
    projector.send(" ");
    projector.wait_for(" 2 / 9 ");
    projector.send("q");
    assert_eq!(projector.wait_exit(), 0);
}

#[test]
fn a_second_projector_presents_unpaired_and_a_killed_ones_socket_is_replaced() {
    let runtime = Runtime::new();
    let mut first = runtime.projector();
    let mut second = runtime.start(&["present"], 120, 24);
    second.wait_for("another clsv present of yours is running");
    second.send("q");
    assert_eq!(second.wait_exit(), 0);
    // The second one left the first one's socket alone.
    let mut follower = runtime.follower(1);
    follower.send("q");
    assert_eq!(follower.wait_exit(), 0);

    // Killed without a chance to clean up: the socket stays, and nothing listens on it.
    send_signal(first.pid(), 9);
    first.wait_exit_unread();
    assert!(runtime.socket().exists());
    let mut third = runtime.projector();
    let mut follower = runtime.follower(1);
    follower.send(" ");
    third.wait_for(" 2 / 9 ");
    follower.send("q");
    assert_eq!(follower.wait_exit(), 0);
    // SIGTERM removes the socket too.
    send_signal(third.pid(), 15);
    assert_eq!(third.wait_exit(), 143);
    assert!(!runtime.socket().exists(), "the socket was left behind");
}
