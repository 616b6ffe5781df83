//! The server's log: one line per event on standard error, as text or JSON. What a client
//! sent is made harmless and cut to a bounded length, and a connection's repeated refusals
//! are counted and summed up in one line, so that no client can flood the log.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::net::SocketAddr;

/// The most characters of an event's detail kept in a line; a longer detail (a client's
/// command, a user name) is cut, saying how long it was.
pub const MAX_DETAIL_CHARS: usize = 200;

/// The session number of the server's own events (sessions are numbered from 1).
pub const SERVER: u64 = 0;

/// Where and how events are logged.
#[derive(Debug, Clone, Copy)]
pub struct Log {
    pub json: bool,
}

impl Log {
    /// Logs a session's event (or the server's, as session [`SERVER`]).
    pub fn event(&self, id: u64, peer: Option<SocketAddr>, event: &str, detail: &str) {
        eprintln!("{}", self.line(id, peer, event, detail));
    }

    /// Logs that the server listens on `address`, with its host key's fingerprint.
    pub fn listening(&self, address: SocketAddr, host_key: &str) {
        eprintln!("{}", self.listening_line(address, host_key));
    }

    /// The server's first line: where it listens and the fingerprint of its host key, as
    /// `ssh-keygen -lf` gives it, so that an operator can tell readers what to expect. It
    /// is no session's event, and names none.
    pub fn listening_line(&self, address: SocketAddr, host_key: &str) -> String {
        if self.json {
            format!(
                r#"{{"event":"listening on","address":"{address}","host_key":{}}}"#,
                json_string(host_key)
            )
        } else {
            format!("clsv serve: listening on {address}, host key {host_key}")
        }
    }

    /// The line of an event. The detail is cut, then escaped in JSON or neutralized in text,
    /// so that no client can forge log lines or send commands to the log's terminal.
    /// Session 0 is the server itself: in text, its lines name no session.
    pub fn line(&self, id: u64, peer: Option<SocketAddr>, event: &str, detail: &str) -> String {
        let peer = peer.map_or("-".to_string(), |p| p.to_string());
        let detail = cut(detail);
        if self.json {
            format!(
                r#"{{"session":{id},"peer":"{peer}","event":"{event}","detail":{}}}"#,
                json_string(&detail)
            )
        } else {
            let detail = crate::text::normalize(&detail).replace('\n', "\u{2424}");
            let separator = if detail.is_empty() { "" } else { ": " };
            let who = if id == SERVER {
                String::new()
            } else {
                format!("session {id} {peer} ")
            };
            format!("clsv serve: {who}{event}{separator}{detail}")
        }
    }
}

/// `detail` cut after [`MAX_DETAIL_CHARS`] characters, with the length it had.
fn cut(detail: &str) -> Cow<'_, str> {
    match detail.char_indices().nth(MAX_DETAIL_CHARS) {
        None => Cow::Borrowed(detail),
        Some((at, _)) => Cow::Owned(format!(
            "{}… ({} bytes in all)",
            &detail[..at],
            detail.len()
        )),
    }
}

/// `text` as a JSON string.
pub fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// How many refusals of one kind a connection gets a line each for.
pub const LOGGED_REFUSALS: u64 = 8;

/// The requests refused on one connection, by kind: the first few of each kind get a line
/// of their own, the others are counted for one line at the end.
#[derive(Debug, Default)]
pub struct Refusals {
    counts: BTreeMap<&'static str, u64>,
}

impl Refusals {
    /// Counts a refusal of `kind`; true if it is among the first [`LOGGED_REFUSALS`] of its
    /// kind, and so gets a line.
    pub fn count(&mut self, kind: &'static str) -> bool {
        let count = self.counts.entry(kind).or_insert(0);
        *count += 1;
        *count <= LOGGED_REFUSALS
    }

    /// The refusals that got no line of their own, such as
    /// "environment 9992 more times, command once more"; `None` if there were none.
    pub fn repeated(&self) -> Option<String> {
        let parts: Vec<String> = self
            .counts
            .iter()
            .filter(|&(_, &count)| count > LOGGED_REFUSALS)
            .map(|(kind, count)| match count - LOGGED_REFUSALS {
                1 => format!("{kind} once more"),
                more => format!("{kind} {more} more times"),
            })
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_escape_what_a_client_could_send() {
        assert_eq!(
            json_string("a\"b\\c\n\u{1b}[2J"),
            "\"a\\\"b\\\\c\\u000a\\u001b[2J\""
        );
    }

    #[test]
    fn a_long_detail_is_cut_and_its_length_given() {
        let log = Log { json: false };
        let command = "x".repeat(200_000);
        let line = log.line(3, None, "refused", &command);
        assert!(line.len() < MAX_DETAIL_CHARS + 100, "{} bytes", line.len());
        assert!(line.ends_with("… (200000 bytes in all)"), "{line}");
        let short = log.line(3, None, "refused", "command \"ls\"");
        assert_eq!(short, "clsv serve: session 3 - refused: command \"ls\"");
        let json = Log { json: true }.line(3, None, "refused", &"é".repeat(1000));
        assert!(json.contains("(2000 bytes in all)"), "{json}");
    }

    #[test]
    fn the_servers_own_lines_name_no_session_in_text() {
        let text = Log { json: false }.line(SERVER, None, "listening on", "127.0.0.1:2222");
        assert_eq!(text, "clsv serve: listening on: 127.0.0.1:2222");
        let json = Log { json: true }.line(SERVER, None, "listening on", "127.0.0.1:2222");
        assert!(json.starts_with(r#"{"session":0,"peer":"-","#), "{json}");
    }

    #[test]
    fn the_listening_line_names_the_address_and_the_host_key_and_no_session() {
        let address: SocketAddr = "127.0.0.1:2222".parse().unwrap();
        let key = "256 SHA256:abc (ED25519)";
        let text = Log { json: false }.listening_line(address, key);
        assert_eq!(
            text,
            "clsv serve: listening on 127.0.0.1:2222, host key 256 SHA256:abc (ED25519)"
        );
        let json = Log { json: true }.listening_line(address, key);
        assert_eq!(
            json,
            r#"{"event":"listening on","address":"127.0.0.1:2222","host_key":"256 SHA256:abc (ED25519)"}"#
        );
    }

    #[test]
    fn text_lines_keep_a_client_from_writing_to_the_terminal_or_a_second_line() {
        let line = Log { json: false }.line(1, None, "refused", "a\u{1b}[2J\nfake line");
        assert!(!line.contains('\u{1b}') && !line.contains('\n'), "{line:?}");
    }

    #[test]
    fn refusals_are_logged_once_per_kind_and_the_rest_summed() {
        let mut refusals = Refusals::default();
        assert_eq!(refusals.repeated(), None);
        for _ in 0..LOGGED_REFUSALS {
            assert!(refusals.count("environment"));
            assert!(refusals.count("command"));
        }
        assert_eq!(refusals.repeated(), None);
        for _ in 0..9_992 {
            assert!(!refusals.count("environment"));
        }
        assert!(!refusals.count("command"));
        assert!(refusals.count("subsystem"), "each kind counts on its own");
        assert_eq!(
            refusals.repeated().as_deref(),
            Some("command once more, environment 9992 more times")
        );
    }
}
