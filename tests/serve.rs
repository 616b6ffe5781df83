//! `clsv serve` with the real OpenSSH client: sessions, sizes, language, refusals, keys,
//! limits, and a clean stop. Everything runs on loopback and ends by itself.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::pty::{PATIENCE, Session};
use common::served::{self, Log, listening_port};

/// A running `clsv serve` on a free loopback port, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
    dir: Option<tempfile::TempDir>,
    /// Every line the server logged after its first.
    log: Arc<Log>,
}

/// The sources' web addresses are links as each client's terminal takes them (`auto`
/// follows the TERM of its pty request), and not at all when the server says never.
#[test]
fn sources_are_links_as_the_client_s_terminal_takes_them() {
    /// What a client of `term` receives up to the first member's sources in view.
    async fn members(port: u16, term: &str) -> Vec<u8> {
        let mut terminal = common::ssh_client::open_as(port, term, 120, 40, None)
            .await
            .unwrap();
        assert!(terminal.read_until(0, b"Denumirea", PATIENCE).await);
        terminal.send(b"2lG").await.unwrap();
        assert!(
            terminal
                .read_until(0, b"iso-3166-country-codes", PATIENCE)
                .await
        );
        terminal.send(b"q").await.unwrap();
        terminal.read_to_close(PATIENCE).await;
        terminal.received
    }
    let link = |bytes: &[u8]| bytes.windows(4).any(|w| w == b"\x1b]8;");
    let server = Server::start(&[]);
    two_thread_runtime().block_on(async {
        assert!(link(&members(server.port, "xterm-256color").await));
        assert!(!link(&members(server.port, "linux").await));
        assert!(!link(&members(server.port, "vt100").await));
    });
    let never = Server::start(&["--hyperlinks", "never"]);
    two_thread_runtime().block_on(async {
        assert!(!link(&members(never.port, "xterm-256color").await));
    });
}

impl Server {
    fn start(extra: &[&str]) -> Server {
        let dir = tempfile::tempdir().unwrap();
        Server::start_in(dir, extra)
    }

    fn start_in(dir: tempfile::TempDir, extra: &[&str]) -> Server {
        Server::start_with(dir, extra, |_| {})
    }

    /// Starts the server with `prepare` applied to its command first.
    fn start_with(
        dir: tempfile::TempDir,
        extra: &[&str],
        prepare: impl FnOnce(&mut Command),
    ) -> Server {
        let key = dir.path().join("host_key");
        let mut command = Command::new(env!("CARGO_BIN_EXE_clsv"));
        // The system picks a free port, and the server says which: no other test can take
        // it meanwhile.
        command
            .args([
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--host-key",
                key.to_str().unwrap(),
            ])
            .args(extra);
        prepare(&mut command);
        let (child, port, log) = served::spawn(&mut command);
        Server {
            child,
            port,
            dir: Some(dir),
            log,
        }
    }

    /// Waits for the server to exit; panics after a while.
    fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "the server did not stop");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn ssh_args(&self) -> Vec<String> {
        ["-p", &self.port.to_string()]
            .into_iter()
            .chain(served::SSH_OPTIONS)
            .map(str::to_string)
            .collect()
    }

    /// The OpenSSH client in a pseudo-terminal of its own, connected to the server.
    fn connect(&self, extra: &[&str]) -> Session {
        self.connect_running(extra, &[])
    }

    /// The same, asking the server to run `command`.
    fn connect_running(&self, extra: &[&str], command: &[&str]) -> Session {
        // The first value of an option wins: `extra` goes before the defaults.
        let mut args = vec!["-tt".to_string()];
        args.extend(extra.iter().map(|s| s.to_string()));
        args.extend(self.ssh_args());
        args.push("127.0.0.1".to_string());
        args.extend(command.iter().map(|s| s.to_string()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        Session::start_program("ssh", &args, 80, 24, &[])
    }

    /// The OpenSSH client without a terminal, its output collected.
    fn run(&self, program: &str, before: &[&str], after: &[&str]) -> Output {
        // Only a hang takes this long.
        let mut command = Command::new("timeout");
        command.arg(PATIENCE.as_secs().to_string()).arg(program);
        command.args(before);
        if program == "sftp" {
            let args = self.ssh_args();
            command.args(
                args.iter()
                    .map(|a| if a == "-p" { "-P" } else { a.as_str() }),
            );
        } else {
            command.args(self.ssh_args());
        }
        command
            .arg("127.0.0.1")
            .args(after)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    }
}

impl Server {
    /// Stops the server and hands back its folder.
    fn stop(mut self) -> tempfile::TempDir {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.dir
            .take()
            .expect("a server has its folder until stopped")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Started with its standard input closed, clsv opens /dev/null in its place before anything
/// else, so that no file or socket of the server takes descriptor 0.
#[cfg(target_os = "linux")]
#[test]
fn a_closed_standard_input_is_opened_on_dev_null() {
    use std::os::unix::process::CommandExt;
    let server = Server::start_with(tempfile::tempdir().unwrap(), &[], |command| {
        // SAFETY: close is async-signal-safe, as code between fork and exec must be.
        unsafe {
            command.pre_exec(|| match libc::close(0) {
                0 => Ok(()),
                _ => Err(std::io::Error::last_os_error()),
            });
        }
    });
    let input = std::fs::read_link(format!("/proc/{}/fd/0", server.child.id())).unwrap();
    assert_eq!(input, Path::new("/dev/null"));
}

#[test]
fn a_session_gets_the_browser_keys_and_resizes_and_its_terminal_back() {
    let server = Server::start(&[]);
    let mut client = server.connect(&[]);
    client.wait_for("Denumirea");
    client.send("2");
    client.wait_for("EE   Estonia");
    client.resize(30, 8);
    client.wait_for("1  2 Membri (22)  3  4");
    client.send("q");
    assert_eq!(client.wait_exit(), 0);
    client.assert_restored();
}

/// A client whose terminal has no Unicode (`TERM=vt100`) gets the pack in ASCII, while
/// another on the same server keeps its diacritics.
#[test]
fn a_session_on_a_terminal_without_unicode_is_shown_in_ascii() {
    let server = Server::start(&[]);
    let mut args = vec!["-tt".to_string()];
    args.extend(server.ssh_args());
    args.push("127.0.0.1".to_string());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut plain = Session::start_program("ssh", &args, 80, 24, &[("TERM", "vt100")]);
    let mut unicode = server.connect(&[]);
    plain.send("2");
    plain.wait_for("Republica Ceha");
    assert!(plain.contents().is_ascii(), "{}", plain.contents());
    unicode.send("2");
    unicode.wait_for("Republica Cehă");
    for client in [&mut plain, &mut unicode] {
        client.send("q");
        assert_eq!(client.wait_exit(), 0);
    }
}

#[test]
fn a_language_can_be_chosen_as_the_command_and_nothing_else_runs() {
    let server = Server::start(&[]);
    let mut client = server.connect_running(&[], &["en"]);
    client.wait_for("Members (22)");
    client.send("q");
    assert_eq!(client.wait_exit(), 0);
}

/// Without a terminal (`ssh host en`, no `-t`), a reader gets what `clsv print` gives: the
/// plain text in the command's language, or the item a link names alone, and exit status 0.
#[test]
fn a_session_without_a_terminal_gets_the_plain_text() {
    let server = Server::start(&[]);
    let english = server.run("ssh", &[], &["en"]);
    assert_eq!(english.status.code(), Some(0), "{english:?}");
    let text = String::from_utf8(english.stdout).unwrap();
    assert!(text.contains("Freedom Online Coalition"), "{text}");
    assert!(text.contains("Members"), "in English: {text}");
    assert!(!text.contains('\u{1b}'), "no escape codes");
    // Wrapped at 80 columns; only a web address, never broken, may be longer.
    let long = text
        .lines()
        .find(|l| l.chars().count() > 80 && !l.contains("://"));
    assert_eq!(long, None);
    let moldova = server.run("ssh", &[], &["members/md"]);
    assert_eq!(moldova.status.code(), Some(0), "{moldova:?}");
    let entry = String::from_utf8(moldova.stdout).unwrap();
    assert!(entry.contains("Moldova"), "{entry}");
    assert!(!entry.contains("Ghana"), "the item alone: {entry}");
    let shell = server.run("ssh", &["-T"], &[]);
    assert_eq!(shell.status.code(), Some(0), "{shell:?}");
    assert!(String::from_utf8_lossy(&shell.stdout).contains("Freedom Online Coalition"));
    server.log.wait_for("plain text (no terminal)");
}

/// A command that is none of the words the server takes gets one line on standard error
/// listing them, and exit status 2; the log has its refusal and no error after it.
#[test]
fn an_unknown_command_is_told_the_accepted_words_and_exits_2() {
    let server = Server::start(&[]);
    let exec = server.run("ssh", &[], &["ls"]);
    assert_eq!(exec.status.code(), Some(2), "{exec:?}");
    let said = String::from_utf8(exec.stderr).unwrap();
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.contains("a language of the pack (ro, en)")
            && said.contains("members/md")
            && said.contains("notes"),
        "{said}"
    );
    assert!(exec.stdout.is_empty());
    // With a terminal, the same line at the start of a line, and the same status.
    let mut client = server.connect_running(&[], &["ls"]);
    client.wait_for("clsv: the command takes");
    assert_eq!(client.wait_exit(), 2);
    let log = server.log.wait_for("disconnected");
    assert!(
        log.iter().any(|l| l.contains("refused: command \"ls\"")),
        "{log:?}"
    );
    assert!(!log.iter().any(|l| l.contains("error")), "{log:?}");
}

#[test]
fn a_link_after_the_host_opens_on_its_item_in_either_order_with_a_language() {
    let server = Server::start(&[]);
    for words in [
        &["members/md"][..],
        &["en", "declaration/privacy"],
        &["declaration/privacy", "en"],
    ] {
        let mut client = server.connect_running(&[], words);
        let title = match words.len() {
            1 => "╭ Moldova ",
            _ => "╭ Protection of privacy ",
        };
        client.wait_for(title);
        client.send("q");
        assert_eq!(client.wait_exit(), 0, "{words:?}");
    }
}

#[test]
fn sftp_and_port_forwarding_are_refused() {
    let server = Server::start(&[]);
    let sftp = server.run("sftp", &["-b", "/dev/null"], &[]);
    assert_ne!(sftp.status.code(), Some(0), "{sftp:?}");
    let forward = server.run(
        "ssh",
        &[
            "-N",
            "-R",
            "23456:127.0.0.1:9",
            "-o",
            "ExitOnForwardFailure=yes",
        ],
        &[],
    );
    assert_ne!(forward.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&forward.stderr).contains("forwarding failed"),
        "{forward:?}"
    );
}

fn keygen(dir: &Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    let status = Command::new("ssh-keygen")
        .args([
            "-q",
            "-t",
            "ed25519",
            "-N",
            "",
            "-f",
            path.to_str().unwrap(),
        ])
        .status()
        .unwrap();
    assert!(status.success());
    path
}

#[test]
fn with_authorized_keys_only_those_keys_get_in() {
    let keys = tempfile::tempdir().unwrap();
    let allowed = keygen(keys.path(), "allowed");
    let other = keygen(keys.path(), "other");
    let authorized = keys.path().join("authorized_keys");
    std::fs::copy(allowed.with_extension("pub"), &authorized).unwrap();
    let server = Server::start(&["--authorized-keys", authorized.to_str().unwrap()]);
    // Not in batch mode, as a reader's client is not: it comes to be told why.
    let refused = server.run(
        "ssh",
        &[
            "-i",
            other.to_str().unwrap(),
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "BatchMode=no",
        ],
        &["en"],
    );
    assert_ne!(refused.status.code(), Some(0));
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains("your key is not on the list of authorized keys"),
        "{refused:?}"
    );
    server
        .log
        .wait_for("no key offered is on the list of authorized keys");
    let mut client = server.connect(&["-i", allowed.to_str().unwrap(), "-o", "IdentitiesOnly=yes"]);
    client.wait_for("Denumirea");
    client.send("q");
    assert_eq!(client.wait_exit(), 0);
}

#[test]
fn beyond_max_sessions_a_client_is_told_and_closed() {
    let server = Server::start(&["--max-sessions", "1"]);
    let mut first = server.connect(&[]);
    first.wait_for("Denumirea");
    let mut second = server.connect(&[]);
    second.wait_for("the server is full");
    assert_eq!(second.wait_exit(), 1);
    // Without a terminal, told the same on standard error.
    let plain = server.run("ssh", &[], &["en"]);
    assert_eq!(plain.status.code(), Some(1), "{plain:?}");
    assert!(
        String::from_utf8_lossy(&plain.stderr).contains("the server is full"),
        "{plain:?}"
    );
    assert!(plain.stdout.is_empty());
    first.send("q");
    assert_eq!(first.wait_exit(), 0);
}

#[test]
fn the_host_key_is_kept_private_and_reused() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("host_key");
    let server = Server::start_in(dir, &[]);
    let written = std::fs::read(&key).unwrap();
    let mode =
        std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&key).unwrap().permissions());
    assert_eq!(mode & 0o777, 0o600);
    let again = Server::start_in(server.stop(), &[]);
    assert_eq!(
        std::fs::read(&key).unwrap(),
        written,
        "the same key after a restart"
    );
    drop(again);
}

#[test]
fn sigterm_says_goodbye_gives_terminals_back_and_exits_zero() {
    let mut server = Server::start(&[]);
    let mut client = server.connect(&[]);
    client.wait_for("Denumirea");
    common::pty::send_signal(server.child.id(), 15);
    client.wait_for("the server is stopping");
    client.wait_exit();
    client.assert_restored();
    assert_eq!(server.wait_exit().code(), Some(0));
}

#[test]
fn a_silent_client_is_dropped_after_the_login_timeout() {
    use std::io::Read;
    let server = Server::start(&["--login-timeout", "1s"]);
    // Timed from before the connection, so that the server's clock starts after this one.
    let started = Instant::now();
    let mut socket = std::net::TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    // Only a hang takes this long.
    socket.set_read_timeout(Some(PATIENCE)).unwrap();
    let mut received = Vec::new();
    let read = socket.read_to_end(&mut received);
    let waited = started.elapsed();
    assert!(
        String::from_utf8_lossy(&received).starts_with("SSH-2.0-"),
        "the server said hello"
    );
    assert!(read.is_ok(), "the server closed the connection: {read:?}");
    assert!(waited >= Duration::from_secs(1), "closed after {waited:?}");
    server.log.wait_for("no login in time");
}

/// With `--present` a hall's readers may all come from one address: more than the default
/// 8 are served.
#[test]
fn a_talk_has_no_limit_per_address_unless_set() {
    let keys = tempfile::tempdir().unwrap();
    let presenter = keygen(keys.path(), "presenter");
    let presenters = keys.path().join("presenters");
    std::fs::copy(presenter.with_extension("pub"), &presenters).unwrap();
    let server = Server::start(&[
        "--present",
        "--presenter-keys",
        presenters.to_str().unwrap(),
    ]);
    // Without keys, by an empty keyboard-interactive round, which BatchMode would not try.
    let anyone = ["-o", "PubkeyAuthentication=no", "-o", "BatchMode=no"];
    let mut readers: Vec<Session> = (0..10).map(|_| server.connect(&anyone)).collect();
    for reader in &mut readers {
        reader.wait_for("1 / 9");
    }
    for reader in &mut readers {
        reader.send("q");
        assert_eq!(reader.wait_exit(), 0);
    }
    let log = server.log.lines.lock().unwrap().clone();
    assert!(!log.iter().any(|l| l.contains("too many")), "{log:?}");
}

#[test]
fn connections_from_one_address_are_capped() {
    let server = Server::start(&["--max-per-address", "1"]);
    let mut first = server.connect(&[]);
    first.wait_for("Denumirea");
    let second = server.run("ssh", &[], &["en"]);
    assert_ne!(second.status.code(), Some(0));
    // Told why, by the SSH disconnect message, not by a reset connection.
    let said = String::from_utf8_lossy(&second.stderr);
    assert!(
        said.contains("too many connections from your address"),
        "{said}"
    );
    first.send("q");
    assert_eq!(first.wait_exit(), 0);
}

#[test]
fn an_idle_session_is_closed_after_the_idle_timeout() {
    let server = Server::start(&["--idle-timeout", "1s"]);
    let mut client = server.connect(&[]);
    client.wait_for("Denumirea");
    client.wait_exit();
    // Closed for being idle, not for anything else.
    server.log.wait_until("the session closed as idle", |log| {
        log.iter()
            .any(|l| l.to_lowercase().contains("inactivity timeout"))
    });
}

#[test]
fn json_logs_have_a_line_per_connection_login_and_disconnect() {
    let server = Server::start(&["--log-format", "json"]);
    let mut client = server.connect(&[]);
    client.wait_for("Denumirea");
    client.send("q");
    assert_eq!(client.wait_exit(), 0);
    let events = ["connected", "authenticated", "started", "disconnected"];
    let log = server.log.wait_until("a line for each event", |log| {
        events.iter().all(|e| {
            log.iter()
                .any(|l| l.contains(&format!("\"event\":\"{e}\"")))
        })
    });
    assert!(
        log.iter()
            .all(|l| l.starts_with("{\"session\":") && l.ends_with('}')),
        "{log:?}"
    );
}

/// A server presenting a talk (`--present`, and `extra`), with a presenter's key made for it.
struct TalkServer {
    server: Server,
    presenter_key: std::path::PathBuf,
    /// The folder of the keys, removed when the server is done with.
    _keys: tempfile::TempDir,
}

impl TalkServer {
    fn start(extra: &[&str]) -> TalkServer {
        let keys = tempfile::tempdir().unwrap();
        let presenter_key = keygen(keys.path(), "presenter");
        let presenters = keys.path().join("presenters");
        std::fs::copy(presenter_key.with_extension("pub"), &presenters).unwrap();
        let mut args = vec![
            "--present",
            "--presenter-keys",
            presenters.to_str().unwrap(),
        ];
        args.extend(extra);
        TalkServer {
            server: Server::start(&args),
            presenter_key,
            _keys: keys,
        }
    }

    /// The `ssh` options that log in with the presenter's key.
    fn as_presenter(&self) -> [&str; 4] {
        [
            "-i",
            self.presenter_key.to_str().unwrap(),
            "-o",
            "IdentitiesOnly=yes",
        ]
    }
}

#[test]
fn the_audience_follows_the_presenter() {
    let talk = TalkServer::start(&[]);
    let server = &talk.server;
    let as_presenter = talk.as_presenter();
    // An audience without keys gets in by an empty keyboard-interactive round, which
    // BatchMode would not try. The first one is a russh client, whose keys and resizes go
    // out in the order they are made.
    let anyone = ["-o", "PubkeyAuthentication=no", "-o", "BatchMode=no"];
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let mut audience = runtime.block_on(Remote::open(server.port, 80, 24));
    runtime.block_on(audience.wait_for("1 / 9"));
    let mut presenter = server.connect(&as_presenter);
    presenter.wait_for("1 / 9");
    presenter.send(" ");
    presenter.wait_for("2 / 9");
    runtime.block_on(audience.wait_for("2 / 9"));
    // The audience cannot turn the slides. A resize, which it may make, follows its key:
    // once the frame at the new size is in, the key has been dealt with.
    runtime.block_on(async {
        audience.terminal.send(b" ").await.unwrap();
        audience.resize(100, 30).await;
        audience
            .wait_until("the footer at the bottom of 100×30", |screen| {
                screen.rows(0, 100).nth(29).unwrap().contains("/ 9")
            })
            .await;
    });
    assert!(
        audience.contents().contains("2 / 9"),
        "{}",
        audience.contents()
    );
    presenter.send("3\r");
    runtime.block_on(audience.wait_for("3 / 9"));
    assert!(!audience.contents().contains("4 / 9"));
    // A late joiner lands where the talk is; the speaker's view has the notes.
    let mut late = server.connect(&anyone);
    late.wait_for("3 / 9");
    let mut notes = server.connect_running(&as_presenter, &["notes"]);
    notes.wait_for("Urmează: Membri (22)");
    presenter.send("b");
    runtime.block_on(audience.wait_until("blank", |screen| !screen.contents().contains("/ 9")));
    // The other speaker's clock ticks meanwhile: a tick never puts its own position back.
    std::thread::sleep(Duration::from_millis(1500));
    runtime.block_on(async {
        while audience
            .terminal
            .read_next(Duration::from_millis(100))
            .await
        {}
    });
    audience
        .parser
        .process(&audience.terminal.received[audience.read..]);
    audience.read = audience.terminal.received.len();
    assert!(
        !audience.contents().contains("/ 9"),
        "still blank:\n{}",
        audience.contents()
    );
    for mut session in [late, presenter, notes] {
        session.send("q");
        session.wait_exit();
        session.assert_restored();
    }
    // With every speaker gone, the audience is told, and the slide is shown again.
    runtime.block_on(audience.wait_for("Vorbitorul nu e conectat"));
    assert!(audience.contents().contains("3 / 9"));
    let mut presenter = server.connect(&as_presenter);
    presenter.wait_for("3 / 9");
    runtime.block_on(audience.wait_until("the note gone", |screen| {
        !screen.contents().contains("Vorbitorul nu e conectat")
    }));
    presenter.send(" ");
    runtime.block_on(audience.wait_for("4 / 9"));
    presenter.send("q");
    presenter.wait_exit();
    runtime.block_on(audience.quit());
}

/// The times on a presentation's footer, in seconds: the talk's time, then the time left
/// when the talk has a duration.
fn footer_times(screen: &vt100::Screen) -> Vec<u64> {
    let (_, cols) = screen.size();
    let footer = screen.rows(0, cols).last().unwrap_or_default();
    footer
        .split_whitespace()
        .filter_map(|word| {
            let (minutes, seconds) = word.split_once(':')?;
            let digits = |text: &str| text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit());
            (digits(minutes) && digits(seconds))
                .then(|| minutes.parse::<u64>().ok().zip(seconds.parse::<u64>().ok()))
                .flatten()
                .map(|(m, s)| m * 60 + s)
        })
        .collect()
}

/// The talk has one timer: it starts when the first presenter connects, a presenter who
/// connects later or again shows the same time, `t` in one presenter's session starts it
/// again in the others', and `--duration` gives every presenter the countdown.
#[test]
fn the_presenters_share_the_talk_s_timer_and_its_countdown() {
    let talk = TalkServer::start(&["--duration", "20m"]);
    let server = &talk.server;
    let as_presenter = talk.as_presenter();
    let time = |session: &Session| {
        let times = footer_times(session.parser.screen());
        assert_eq!(
            times.len(),
            2,
            "the time and the time left:\n{}",
            session.contents()
        );
        assert_eq!(times[0] + times[1], 20 * 60, "{}", session.contents());
        times[0]
    };
    let mut first = server.connect(&as_presenter);
    first.wait_for("rămas");
    // The talk's clock started before this.
    let first_in = Instant::now();
    std::thread::sleep(Duration::from_secs(3));
    let waited = first_in.elapsed().as_secs();
    let mut second = server.connect(&as_presenter);
    second.wait_for("rămas");
    assert!(time(&second) >= waited, "{}", second.contents());
    // `t` in one presenter's session starts the talk's timer again in the other's too.
    std::thread::sleep(Duration::from_secs(3));
    first.send("t");
    let restarted = |screen: &vt100::Screen| footer_times(screen).first().is_some_and(|&t| t < 3);
    second.wait_until("the timer started again", restarted);
    first.wait_until("the timer started again", restarted);
    let reset_seen = Instant::now();
    // A presenter who leaves and comes back finds the talk's time, not a timer of its own.
    first.send("q");
    first.wait_exit();
    std::thread::sleep(Duration::from_secs(3));
    let since_reset = reset_seen.elapsed().as_secs();
    let mut first = server.connect(&as_presenter);
    first.wait_for("rămas");
    assert!(time(&first) >= since_reset, "{}", first.contents());
    // The speaker's view has it too.
    let mut notes = server.connect_running(&as_presenter, &["notes"]);
    notes.wait_for("rămas");
    // The audience sees the talk's time too, in whole minutes, without the countdown, which
    // is the presenters'.
    let anyone = ["-o", "PubkeyAuthentication=no", "-o", "BatchMode=no"];
    let mut audience = server.connect(&anyone);
    audience.wait_for("1 / 9");
    let contents = audience.contents();
    assert!(!contents.contains("rămas"), "{contents}");
    assert!(contents.contains(" 0 min "), "{contents}");
    assert!(
        footer_times(audience.parser.screen()).is_empty(),
        "{contents}"
    );
    for mut session in [first, second, notes, audience] {
        session.send("q");
        session.wait_exit();
    }
}

/// The audience's clock counts minutes: while the slide stays, nothing is sent to it, though
/// the presenter's clock moves each second.
#[test]
fn the_audience_is_sent_nothing_while_only_the_seconds_move() {
    let talk = TalkServer::start(&[]);
    let server = &talk.server;
    let as_presenter = talk.as_presenter();
    let mut presenter = server.connect(&as_presenter);
    presenter.wait_for("1 / 9");
    let runtime = two_thread_runtime();
    let mut audience = runtime.block_on(Remote::open(server.port, 80, 24));
    runtime.block_on(audience.wait_for(" min "));
    let started = footer_times(presenter.parser.screen())[0];
    let before = audience.terminal.received.len();
    let quiet = Instant::now();
    while quiet.elapsed() < Duration::from_millis(2500) {
        runtime.block_on(audience.terminal.read_next(Duration::from_millis(100)));
    }
    assert_eq!(
        audience.terminal.received.len(),
        before,
        "bytes sent to the audience while the slide stayed:\n{}",
        audience.contents()
    );
    presenter.wait_until("the presenter's seconds move", |screen| {
        footer_times(screen)
            .first()
            .is_some_and(|&t| t >= started + 2)
    });
    presenter.send(" ");
    runtime.block_on(audience.wait_for("2 / 9"));
    presenter.send("q");
    presenter.wait_exit();
    runtime.block_on(audience.quit());
}

/// A russh client's terminal, read through a terminal emulator.
struct Remote {
    terminal: common::ssh_client::Terminal,
    parser: vt100::Parser,
    /// How much of what was received the emulator has read.
    read: usize,
}

impl Remote {
    async fn open(port: u16, cols: u16, rows: u16) -> Remote {
        let terminal = common::ssh_client::open(port, cols.into(), rows.into(), None)
            .await
            .unwrap();
        Remote {
            terminal,
            parser: vt100::Parser::new(rows, cols, 0),
            read: 0,
        }
    }

    fn contents(&self) -> String {
        self.parser.screen().contents()
    }

    /// Reads until `condition` holds of the screen; panics after a while.
    async fn wait_until(&mut self, what: &str, condition: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            self.parser.process(&self.terminal.received[self.read..]);
            self.read = self.terminal.received.len();
            if condition(self.parser.screen()) {
                return;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                self.terminal.read_next(left).await,
                "never {what}; the screen:\n{}",
                self.contents()
            );
        }
    }

    async fn wait_for(&mut self, text: &str) {
        self.wait_until(&format!("{text:?}"), |screen| {
            screen.contents().contains(text)
        })
        .await;
    }

    async fn resize(&mut self, cols: u16, rows: u16) {
        self.terminal
            .channel
            .window_change(cols.into(), rows.into(), 0, 0)
            .await
            .unwrap();
        self.parser.screen_mut().set_size(rows, cols);
    }

    /// Quits with q, and checks that the session ends well and gives the terminal back.
    async fn quit(&mut self) {
        let mark = self.terminal.received.len();
        self.terminal.send(b"q").await.unwrap();
        self.terminal.read_to_close(PATIENCE).await;
        assert!(self.terminal.closed);
        assert_eq!(self.terminal.exit_status, Some(0));
        assert!(
            self.terminal.received[mark..]
                .windows(8)
                .any(|w| w == b"\x1b[?1049l"),
            "the terminal given back"
        );
    }
}

/// Opens `count` sessions at once; returns those that got the browser, and the others.
async fn log_in_at_once(
    port: u16,
    count: usize,
) -> (
    Vec<common::ssh_client::Terminal>,
    Vec<Result<common::ssh_client::Terminal, russh::Error>>,
) {
    let logins: Vec<_> = (0..count)
        .map(|_| {
            tokio::spawn(async move {
                let mut terminal = common::ssh_client::open(port, 80, 24, None).await?;
                let browser = terminal
                    .read_until(0, "Denumirea".as_bytes(), PATIENCE)
                    .await;
                Ok((browser, terminal))
            })
        })
        .collect();
    let (mut browsers, mut others) = (Vec::new(), Vec::new());
    for login in logins {
        match login.await.unwrap() {
            Ok((true, terminal)) => browsers.push(terminal),
            Ok((false, terminal)) => others.push(Ok(terminal)),
            Err(error) => others.push(Err(error)),
        }
    }
    (browsers, others)
}

#[test]
fn logins_at_the_same_moment_never_pass_max_sessions() {
    let server = Server::start(&[
        "--max-sessions",
        "5",
        "--max-per-address",
        "50",
        "--login-timeout",
        "60s",
    ]);
    let runtime = two_thread_runtime();
    runtime.block_on(async {
        // The five that get in stay until every login has its answer.
        let (mut browsers, others) = log_in_at_once(server.port, 20).await;
        assert_eq!(browsers.len(), 5, "sessions with the browser");
        assert_eq!(others.len(), 15);
        for other in others {
            let mut terminal = other.expect("logged in");
            terminal.read_to_close(PATIENCE).await;
            let told = String::from_utf8_lossy(&terminal.received).to_string();
            assert!(told.contains("the server is full"), "{told:?}");
            assert!(terminal.closed, "{told:?}");
            assert_eq!(terminal.exit_status, Some(1), "{told:?}");
        }
        for browser in &mut browsers {
            browser.send(b"q").await.unwrap();
            browser.read_to_close(PATIENCE).await;
            assert_eq!(browser.exit_status, Some(0));
        }
    });
    let full = |log: &[String]| {
        log.iter()
            .filter(|l| l.contains("the server is full"))
            .count()
    };
    let log = server.log.wait_until("15 refusals", |log| full(log) >= 15);
    assert_eq!(full(&log), 15, "{log:?}");
}

#[test]
fn connections_at_the_same_moment_never_pass_max_per_address() {
    let server = Server::start(&["--max-per-address", "5", "--login-timeout", "60s"]);
    let runtime = two_thread_runtime();
    runtime.block_on(async {
        // The five that get in stay until every connection has its answer.
        let (mut browsers, others) = log_in_at_once(server.port, 20).await;
        assert_eq!(browsers.len(), 5, "sessions with the browser");
        assert_eq!(others.len(), 15);
        for other in others {
            // Closed before any SSH is spoken.
            assert!(other.is_err(), "a connection beyond the limit got in");
        }
        for browser in &mut browsers {
            browser.send(b"q").await.unwrap();
            browser.read_to_close(PATIENCE).await;
            assert_eq!(browser.exit_status, Some(0));
        }
    });
    let refused = |log: &[String]| {
        log.iter()
            .filter(|l| l.contains("too many connections from its address"))
            .count()
    };
    let log = server
        .log
        .wait_until("15 refusals", |log| refused(log) >= 15);
    assert_eq!(refused(&log), 15, "{log:?}");
}

#[test]
fn a_russh_client_gets_frames_resizes_and_a_clean_end() {
    let server = Server::start(&[]);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let patience = PATIENCE;
        let mut terminal = common::ssh_client::open(server.port, 100, 30, None)
            .await
            .unwrap();
        assert!(
            terminal
                .read_until(0, "Denumirea".as_bytes(), patience)
                .await
        );
        assert!(
            terminal.received.starts_with(b"\x1b[?1049h"),
            "the alternate screen first"
        );
        let mark = terminal.received.len();
        terminal.send(b"2").await.unwrap();
        assert!(
            terminal
                .read_until(mark, "Moldova".as_bytes(), patience)
                .await
        );
        let mark = terminal.received.len();
        terminal.channel.window_change(30, 8, 0, 0).await.unwrap();
        assert!(
            terminal
                .read_until(mark, "Membri".as_bytes(), patience)
                .await
        );
        let mark = terminal.received.len();
        terminal.send(b"q").await.unwrap();
        terminal.read_to_close(patience).await;
        assert!(terminal.closed);
        assert_eq!(terminal.exit_status, Some(0));
        assert!(
            terminal.received[mark..]
                .windows(8)
                .any(|w| w == b"\x1b[?1049l"),
            "the terminal given back"
        );
    });
}

/// The member table, its filter and its map work over SSH as they do at home: the map in
/// braille, with the selected member labelled.
#[test]
fn a_reader_gets_the_member_table_its_filter_and_its_map() {
    let server = Server::start(&[]);
    two_thread_runtime().block_on(async {
        let mut reader = Remote::open(server.port, 120, 30).await;
        reader.wait_for("Denumirea").await;
        reader.terminal.send(b"2").await.unwrap();
        reader.wait_for("Regiune").await;
        reader.terminal.send(b"fregion:africa\r").await.unwrap();
        reader.wait_for("Membri 3/22").await;
        reader.terminal.send(b"m").await.unwrap();
        reader.wait_for("Harta (3)").await;
        let screen = reader.contents();
        assert!(screen.contains("Ghana"), "{screen}");
        let braille = screen
            .chars()
            .filter(|c| ('\u{2801}'..='\u{28ff}').contains(c))
            .count();
        assert!(braille > 100, "{braille} braille cells:\n{screen}");
        reader.quit().await;
    });
}

/// `y` reaches the reader's own clipboard over SSH: the OSC 52 sequence is in what the
/// session sends.
#[test]
fn y_sends_the_citation_to_the_readers_clipboard() {
    let server = Server::start(&[]);
    two_thread_runtime().block_on(async {
        let mut terminal = common::ssh_client::open(server.port, 100, 30, None)
            .await
            .unwrap();
        assert!(terminal.read_until(0, b"Denumirea", PATIENCE).await);
        let mark = terminal.received.len();
        terminal.send(b"2y").await.unwrap();
        assert!(terminal.read_until(mark, b"\x1b]52;c;", PATIENCE).await);
        terminal.send(b"q").await.unwrap();
        terminal.read_to_close(PATIENCE).await;
    });
}

#[test]
fn environment_variables_are_refused_and_logged() {
    let server = Server::start(&[]);
    let mut client = server.connect(&["-o", "SetEnv=FOO=bar"]);
    client.wait_for("Denumirea");
    client.send("q");
    assert_eq!(client.wait_exit(), 0);
    server.log.wait_for("refused: environment \"FOO\"");
}

/// A runtime for the russh clients of a test, on two threads as the machine has two cores.
fn two_thread_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// Every OpenSSH client sends its locale: taken in silence, not logged as refused.
#[test]
fn the_clients_locale_is_not_logged_as_refused() {
    let server = Server::start(&[]);
    let mut args = vec!["-tt", "-o", "SendEnv=LANG LC_* FOO"];
    let defaults = server.ssh_args();
    args.extend(defaults.iter().map(String::as_str));
    args.push("127.0.0.1");
    let locale = [("LANG", "C.UTF-8"), ("LC_TIME", "C"), ("FOO", "bar")];
    let mut client = Session::start_program("ssh", &args, 80, 24, &locale);
    client.wait_for("Denumirea");
    client.send("q");
    assert_eq!(client.wait_exit(), 0);
    let log = server.log.wait_for("disconnected");
    // FOO, sent the same way, shows the variables did reach the server.
    let refused: Vec<&String> = log.iter().filter(|l| l.contains("refused")).collect();
    assert_eq!(refused.len(), 1, "{log:?}");
    assert!(refused[0].contains("environment \"FOO\""), "{log:?}");
}

/// The first line says where the server listens and its host key's fingerprint, as
/// `ssh-keygen -lf` gives it, in text and in JSON.
#[test]
fn the_start_line_has_the_address_and_the_host_key_fingerprint() {
    for format in ["text", "json"] {
        let dir = tempfile::tempdir().unwrap();
        let key = dir.path().join("host_key");
        let mut command = Command::new(env!("CARGO_BIN_EXE_clsv"));
        command
            .args(["serve", "--listen", "127.0.0.1:0", "--log-format", format])
            .args(["--host-key", key.to_str().unwrap()])
            .stderr(Stdio::piped());
        let mut child = command.spawn().unwrap();
        let mut line = String::new();
        BufReader::new(child.stderr.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let _ = child.kill();
        let _ = child.wait();
        let keygen = Command::new("ssh-keygen")
            .args(["-l", "-f", key.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(keygen.status.success(), "{keygen:?}");
        // "256 SHA256:… comment (ED25519)": the size, the hash and the type.
        let listed = String::from_utf8(keygen.stdout).unwrap();
        let words: Vec<&str> = listed.split_whitespace().collect();
        let expected = format!("{} {} {}", words[0], words[1], words[words.len() - 1]);
        assert!(line.contains(&expected), "{line} has not {expected}");
        assert!(!line.contains("session"), "{line}");
        let port = listening_port(&line);
        assert_ne!(port, 0);
        if format == "json" {
            assert!(line.trim_end().ends_with('}'), "{line}");
            assert!(line.contains("\"host_key\":\""), "{line}");
        }
    }
}

#[test]
fn x11_and_agent_forwarding_are_refused_with_a_reply_and_the_session_goes_on() {
    let server = Server::start(&[]);
    two_thread_runtime().block_on(async {
        let mut browser = Remote::open(server.port, 80, 24).await;
        browser.wait_for("Denumirea").await;
        let channel = &browser.terminal.channel;
        channel
            .request_x11(true, false, "MIT-MAGIC-COOKIE-1", "00ff", 0)
            .await
            .unwrap();
        channel.agent_forward(true).await.unwrap();
        let deadline = Instant::now() + PATIENCE;
        while browser.terminal.failures < 2 {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                browser.terminal.read_next(left).await,
                "{} of 2 replies",
                browser.terminal.failures
            );
        }
        browser.terminal.send(b"2").await.unwrap();
        browser.wait_for("EE   Estonia").await;
        browser.quit().await;
    });
    server.log.wait_for("refused: X11 forwarding");
    server.log.wait_for("refused: agent forwarding");
}

#[test]
fn a_refused_request_flood_and_a_huge_command_take_a_few_short_log_lines() {
    let server = Server::start(&[]);
    two_thread_runtime().block_on(async {
        let mut browser = Remote::open(server.port, 80, 24).await;
        browser.wait_for("Denumirea").await;
        let channel = &browser.terminal.channel;
        for i in 0..2_000 {
            channel.set_env(false, format!("V{i}"), "x").await.unwrap();
        }
        browser.quit().await;
        // A command as long as a packet allows.
        let (_connection, huge) = common::ssh_client::open_channel(server.port).await.unwrap();
        huge.exec(true, vec![b'x'; 200_000]).await.unwrap();
        let deadline = Instant::now() + PATIENCE;
        let mut huge = huge;
        // The refusal's reply.
        while !matches!(
            tokio::time::timeout_at(deadline.into(), huge.wait()).await,
            Ok(Some(russh::ChannelMsg::Failure) | None) | Err(_)
        ) {}
    });
    server
        .log
        .wait_for("refused, repeated: environment 1992 more times");
    let log = server.log.wait_until("the huge command refused", |log| {
        log.iter().any(|l| l.contains("refused: command \"xxx"))
    });
    let environment = log
        .iter()
        .filter(|l| l.contains("refused: environment"))
        .count();
    assert_eq!(environment, 8, "{log:?}");
    assert!(
        log.iter().all(|l| l.len() < 1_000),
        "a line of {} bytes",
        log.iter().map(String::len).max().unwrap()
    );
}

#[test]
fn a_connection_closed_at_once_is_logged_as_closed_not_as_slow() {
    let server = Server::start(&[]);
    drop(std::net::TcpStream::connect(("127.0.0.1", server.port)).unwrap());
    let log = server.log.wait_for("closed before login");
    assert!(
        !log.iter().any(|l| l.contains("no login in time")),
        "{log:?}"
    );
}

/// The session asks the client's terminal for bracketed paste: a paste is typed into the
/// search, and while browsing it is not taken for keys, not even its "q".
#[test]
fn a_bracketed_paste_is_typed_into_the_search_and_not_taken_for_keys() {
    let server = Server::start(&[]);
    two_thread_runtime().block_on(async {
        let mut reader = Remote::open(server.port, 80, 24).await;
        reader.wait_for("Denumirea").await;
        assert!(
            reader
                .terminal
                .received
                .windows(8)
                .any(|w| w == b"\x1b[?2004h"),
            "bracketed paste asked for"
        );
        reader.terminal.send(b"2").await.unwrap();
        reader.wait_for("EE   Estonia").await;
        // Pasted while browsing: "q" would quit, "/" search, "4" change pane.
        reader
            .terminal
            .send(b"\x1b[200~q/4\x1b[201~")
            .await
            .unwrap();
        reader.terminal.send(b"/").await.unwrap();
        reader.wait_for("Căutare").await;
        reader
            .terminal
            .send("\x1b[200~susţinerea\r\nproiectelor\x1b[201~".as_bytes())
            .await
            .unwrap();
        // The line break became spaces, as everything not text in a paste does.
        reader.wait_for("/susţinerea  proiectelor").await;
        reader.wait_for("1 rezultat").await;
        assert!(!reader.terminal.closed, "the pasted q did not quit");
        // Esc leaves the search; q then quits, the terminal given back (bracketed paste off).
        reader.terminal.send(b"\x1b").await.unwrap();
        reader
            .wait_until("the prompt closed", |s| !s.contents().contains("Căutare"))
            .await;
        assert!(
            reader.contents().contains("EE   Estonia"),
            "still the members"
        );
        let mark = reader.terminal.received.len();
        reader.quit().await;
        assert!(
            reader.terminal.received[mark..]
                .windows(8)
                .any(|w| w == b"\x1b[?2004l"),
            "bracketed paste turned off"
        );
    });
}

/// A value in kB from the server's /proc/PID/status, such as "VmRSS:".
fn status_kb(pid: u32, key: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap()
        .lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap()
}

/// One reader pastes 64 KiB into the search and floods the server with resizes, reading
/// nothing; another logs in and browses meanwhile, and the server holds little for either.
#[cfg(target_os = "linux")]
#[test]
fn a_paste_and_a_resize_flood_neither_hold_up_another_reader_nor_grow_memory() {
    let mut server = Server::start(&[]);
    let pid = server.child.id();
    two_thread_runtime().block_on(async {
        let mut hostile = common::ssh_client::open(server.port, 80, 24, None)
            .await
            .unwrap();
        assert!(hostile.read_until(0, b"Denumirea", PATIENCE).await);
        let before = status_kb(pid, "VmRSS:");
        hostile.send(b"/").await.unwrap();
        for chunk in vec![b'a'; 64 * 1024].chunks(4096) {
            hostile.send(chunk).await.unwrap();
        }
        for width in 0..20_000u32 {
            hostile
                .channel
                .window_change(80 + width % 2, 24, 0, 0)
                .await
                .unwrap();
        }
        let mut reader = Remote::open(server.port, 80, 24).await;
        reader.wait_for("Denumirea").await;
        reader.terminal.send(b"2").await.unwrap();
        reader.wait_for("EE   Estonia").await;
        let grown = status_kb(pid, "VmHWM:").saturating_sub(before);
        assert!(grown < 100 * 1024, "the server grew by {grown} kB");
        // The hostile reader reads at last: its session still answers, on the last size.
        assert!(hostile.read_until(0, b"\x1b[?1049h", PATIENCE).await);
        let mark = hostile.received.len();
        // Esc leaves the search, q the browser: two reads, two keys.
        hostile.send(b"\x1b").await.unwrap();
        hostile.send(b"q").await.unwrap();
        hostile.read_to_close(PATIENCE).await;
        assert!(hostile.closed, "the session ended");
        assert!(
            hostile.received[mark..]
                .windows(8)
                .any(|w| w == b"\x1b[?1049l"),
            "the terminal given back"
        );
        reader.quit().await;
    });
    common::pty::send_signal(pid, 15);
    assert_eq!(server.wait_exit().code(), Some(0));
}

/// User and system CPU time of a process, in clock ticks (a hundredth of a second).
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let fields: Vec<u64> = stat
        .rsplit(") ")
        .next()
        .unwrap()
        .split_whitespace()
        .map(|v| v.parse().unwrap_or(0))
        .collect();
    fields[11] + fields[12]
}

#[cfg(target_os = "linux")]
#[test]
fn at_the_open_file_limit_accepting_waits_says_so_once_and_recovers() {
    use std::os::unix::process::CommandExt;
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start_with(dir, &["--max-per-address", "1000"], |command| {
        // SAFETY: only setrlimit runs between fork and exec, which is async-signal-safe.
        unsafe {
            command.pre_exec(|| {
                let limit = libc::rlimit {
                    rlim_cur: 64,
                    rlim_max: 64,
                };
                match libc::setrlimit(libc::RLIMIT_NOFILE, &limit) {
                    0 => Ok(()),
                    _ => Err(std::io::Error::last_os_error()),
                }
            });
        }
    });
    let pid = server.child.id();
    let idle: Vec<std::net::TcpStream> = (0..100)
        .map(|_| std::net::TcpStream::connect(("127.0.0.1", server.port)).unwrap())
        .collect();
    server.log.wait_for("cannot accept connections");
    // At the limit, the server waits between attempts instead of spinning.
    let before = cpu_ticks(pid);
    std::thread::sleep(Duration::from_secs(2));
    let used = cpu_ticks(pid) - before;
    assert!(used < 50, "{used} ticks of CPU in 2 s at the limit");
    drop(idle);
    let log = server.log.wait_for("accepting connections again");
    let said = log
        .iter()
        .filter(|l| l.contains("cannot accept connections"))
        .count();
    assert_eq!(said, 1, "once for the episode: {log:?}");
    two_thread_runtime().block_on(async {
        let mut reader = Remote::open(server.port, 80, 24).await;
        reader.wait_for("Denumirea").await;
        reader.quit().await;
    });
}
