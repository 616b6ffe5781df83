//! `clsv serve` with the real OpenSSH client: sessions, sizes, language, refusals, keys,
//! limits, and a clean stop. Everything runs on loopback and ends by itself.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

mod common;

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::pty::Session;

/// A running `clsv serve` on a free loopback port, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
    dir: Option<tempfile::TempDir>,
    /// Every line the server logged after its first.
    log: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
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
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let key = dir.path().join("host_key");
        let mut command = Command::new(env!("CARGO_BIN_EXE_clsv"));
        command
            .args([
                "serve",
                "--listen",
                &format!("127.0.0.1:{port}"),
                "--host-key",
                key.to_str().unwrap(),
            ])
            .args(extra)
            .stderr(Stdio::piped());
        prepare(&mut command);
        let mut child = command.spawn().unwrap();
        let mut log = BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        log.read_line(&mut line).unwrap();
        assert!(line.contains("listening on"), "{line}");
        // The rest of the log is read as it comes, so the server never blocks on it.
        let lines = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let kept = std::sync::Arc::clone(&lines);
        std::thread::spawn(move || {
            for line in log.lines().map_while(Result::ok) {
                kept.lock().unwrap().push(line);
            }
        });
        Server {
            child,
            port,
            dir: Some(dir),
            log: lines,
        }
    }

    fn ssh_args(&self) -> Vec<String> {
        [
            "-p",
            &self.port.to_string(),
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "BatchMode=yes",
            "-o",
            "LogLevel=ERROR",
            "-o",
            "ConnectTimeout=10",
        ]
        .iter()
        .map(|s| s.to_string())
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
        let mut command = Command::new("timeout");
        command.args(["20", program]);
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
    client.wait_for("MD  Moldova");
    client.resize(30, 8);
    client.wait_for("1  2 Membri (22)  3  4");
    client.send("q");
    assert_eq!(client.wait_exit(), 0);
    client.assert_restored();
}

#[test]
fn a_language_can_be_chosen_as_the_command_and_nothing_else_runs() {
    let server = Server::start(&[]);
    let mut client = server.connect_running(&[], &["en"]);
    client.wait_for("Members (22)");
    client.send("q");
    assert_eq!(client.wait_exit(), 0);
    let exec = server.run("ssh", &[], &["ls", "/"]);
    assert_ne!(exec.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&exec.stderr).contains("exec request failed"),
        "{exec:?}"
    );
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
    let refused = server.run(
        "ssh",
        &["-i", other.to_str().unwrap(), "-o", "IdentitiesOnly=yes"],
        &["en"],
    );
    assert_ne!(refused.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("Permission denied"),
        "{refused:?}"
    );
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
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            assert_eq!(status.code(), Some(0));
            break;
        }
        assert!(Instant::now() < deadline, "the server did not stop");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_silent_client_is_dropped_after_the_login_timeout() {
    use std::io::Read;
    let server = Server::start(&["--login-timeout", "1s"]);
    let mut socket = std::net::TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    socket
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let started = Instant::now();
    let mut received = Vec::new();
    let _ = socket.read_to_end(&mut received);
    assert!(
        String::from_utf8_lossy(&received).starts_with("SSH-2.0-"),
        "the server said hello"
    );
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(900) && waited < Duration::from_secs(8),
        "{waited:?}"
    );
}

#[test]
fn connections_from_one_address_are_capped() {
    let server = Server::start(&["--max-per-address", "1"]);
    let mut first = server.connect(&[]);
    first.wait_for("Denumirea");
    let second = server.run("ssh", &[], &["en"]);
    assert_ne!(second.status.code(), Some(0));
    first.send("q");
    assert_eq!(first.wait_exit(), 0);
}

#[test]
fn an_idle_session_is_closed_after_the_idle_timeout() {
    let server = Server::start(&["--idle-timeout", "1s"]);
    let mut client = server.connect(&[]);
    client.wait_for("Denumirea");
    let started = Instant::now();
    client.wait_exit();
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn json_logs_have_a_line_per_connection_login_and_disconnect() {
    let server = Server::start(&["--log-format", "json"]);
    let mut client = server.connect(&[]);
    client.wait_for("Denumirea");
    client.send("q");
    assert_eq!(client.wait_exit(), 0);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let log = server.log.lock().unwrap().clone();
        let events: Vec<&str> = ["connected", "authenticated", "started", "disconnected"]
            .into_iter()
            .filter(|e| {
                log.iter()
                    .any(|l| l.contains(&format!("\"event\":\"{e}\"")))
            })
            .collect();
        if events.len() == 4 {
            assert!(
                log.iter()
                    .all(|l| l.starts_with("{\"session\":") && l.ends_with('}')),
                "{log:?}"
            );
            break;
        }
        assert!(Instant::now() < deadline, "{log:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_audience_follows_the_presenter() {
    let keys = tempfile::tempdir().unwrap();
    let presenter_key = keygen(keys.path(), "presenter");
    let presenters = keys.path().join("presenters");
    std::fs::copy(presenter_key.with_extension("pub"), &presenters).unwrap();
    let server = Server::start(&[
        "--present",
        "--presenter-keys",
        presenters.to_str().unwrap(),
    ]);
    let as_presenter = [
        "-i",
        presenter_key.to_str().unwrap(),
        "-o",
        "IdentitiesOnly=yes",
    ];
    // An audience without keys gets in by an empty keyboard-interactive round, which
    // BatchMode would not try.
    let anyone = ["-o", "PubkeyAuthentication=no", "-o", "BatchMode=no"];
    let mut audience = server.connect(&anyone);
    audience.wait_for("1 / 15");
    let mut presenter = server.connect(&as_presenter);
    presenter.wait_for("1 / 15");
    presenter.send(" ");
    presenter.wait_for("2 / 15");
    audience.wait_for("2 / 15");
    // The audience cannot turn the slides.
    audience.send(" ");
    std::thread::sleep(Duration::from_millis(300));
    presenter.send("3\r");
    audience.wait_for("3 / 15");
    assert!(!audience.contents().contains("4 / 15"));
    // A late joiner lands where the talk is; the speaker's view has the notes.
    let mut late = server.connect(&anyone);
    late.wait_for("3 / 15");
    let mut notes = server.connect_running(&as_presenter, &["notes"]);
    notes.wait_for("Urmează: Membri (22)");
    presenter.send("b");
    audience.wait_until("blank", |screen| !screen.contents().contains("/ 15"));
    for mut session in [audience, late, presenter, notes] {
        session.send("q");
        session.wait_exit();
        session.assert_restored();
    }
}

#[test]
fn a_russh_client_gets_frames_resizes_and_a_clean_end() {
    let server = Server::start(&[]);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let patience = Duration::from_secs(20);
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

#[test]
fn environment_variables_are_refused_and_logged() {
    let server = Server::start(&[]);
    let mut client = server.connect(&["-o", "SetEnv=FOO=bar"]);
    client.wait_for("Denumirea");
    client.send("q");
    assert_eq!(client.wait_exit(), 0);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let log = server.log.lock().unwrap().join("\n");
        if log.contains("refused: environment \"FOO\"") {
            break;
        }
        assert!(Instant::now() < deadline, "{log}");
        std::thread::sleep(Duration::from_millis(50));
    }
}
