//! A `clsv serve` started by a test: its port, read from the "listening on" line, and every
//! line it logs after that, kept as they come so that the server never blocks on its log.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Instant;

use super::pty::PATIENCE;

/// The lines a server logged, as they come.
#[derive(Default)]
pub struct Log {
    pub lines: Mutex<Vec<String>>,
    added: Condvar,
}

impl Log {
    /// Waits until `condition` holds of the lines logged so far, and returns them; panics
    /// after a while.
    pub fn wait_until(&self, what: &str, condition: impl Fn(&[String]) -> bool) -> Vec<String> {
        let deadline = Instant::now() + PATIENCE;
        let mut lines = self.lines.lock().unwrap();
        while !condition(&lines) {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "never {what}; the log:\n{}",
                lines.join("\n")
            );
            lines = self.added.wait_timeout(lines, left).unwrap().0;
        }
        lines.clone()
    }

    /// Waits until a line contains `text`.
    pub fn wait_for(&self, text: &str) -> Vec<String> {
        self.wait_until(&format!("a line with {text:?}"), |lines| {
            lines.iter().any(|l| l.contains(text))
        })
    }

    /// Waits until a line contains every one of `texts`, and returns that line.
    pub fn wait_for_all(&self, texts: &[&str]) -> String {
        let has_all = |line: &String| texts.iter().all(|text| line.contains(text));
        let lines = self.wait_until(&format!("a line with {texts:?}"), |lines| {
            lines.iter().any(has_all)
        });
        lines.into_iter().find(has_all).unwrap_or_default()
    }
}

/// Spawns `command` (a `clsv serve` listening on port 0) with its log piped: the port it
/// says it listens on, and its log from the next line on.
pub fn spawn(command: &mut Command) -> (Child, u16, Arc<Log>) {
    let mut child = command.stderr(Stdio::piped()).spawn().unwrap();
    let mut log = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    log.read_line(&mut line).unwrap();
    let port = listening_port(&line);
    let lines = Arc::new(Log::default());
    let kept = Arc::clone(&lines);
    std::thread::spawn(move || {
        for line in log.lines().map_while(Result::ok) {
            kept.lines.lock().unwrap().push(line);
            kept.added.notify_all();
        }
    });
    (child, port, lines)
}

/// The OpenSSH client's options for a test's server: no host key kept or checked (each server
/// makes its own), no prompt, only errors on its standard error, and a bound on connecting.
pub const SSH_OPTIONS: [&str; 10] = [
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
];

/// The port in a server's "listening on" line, which gives the address it is bound to.
pub fn listening_port(line: &str) -> u16 {
    assert!(line.contains("listening on"), "{line}");
    line.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ':'))
        .filter_map(|word| word.parse::<SocketAddr>().ok())
        .next_back()
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .port()
}
