//! Paired terminals for a talk: `clsv present` (the projector) listens on a Unix socket
//! private to the user, `clsv present --follow` (the speaker's notes in a second terminal,
//! say) connects to it, and keys pressed in either move both.
//!
//! The protocol is lines of text, each at most [`MAX_LINE`] bytes with its newline:
//!
//! - `hello clsv-pair 1 slides 15 deck 0123456789abcdef`: the protocol's version, the deck's
//!   length and a fingerprint of its slides. The follower says it first; the projector
//!   answers with its own, or with `refuse <why>` (another version, another deck) and closes.
//!   The projector then sends the position it shows.
//! - `slide 3 blank 0`: the slide shown (from 1) and whether the screen is blank.
//!
//! A follower sends its position when its own keys change it; the projector sends its
//! position to every follower whenever it changes, whatever changed it (its keys or a
//! follower's). So the projector orders everyone's moves, and each follower ends where the
//! projector's last word puts it. The scroll of a long slide is not shared: the terminals
//! may differ in size.
//!
//! Nothing read is trusted: a line that is not a message, or longer than any message, drops
//! the peer that sent it. Each peer is read and written on threads of its own, so that a peer
//! that stops reading never holds a screen up.
//!
//! The socket is `$XDG_RUNTIME_DIR/clsv/present.sock`, or `clsv-<uid>/present.sock` in the
//! temporary folder. Its folder is made with mode 0700 and refused unless it belongs to the
//! user and no one else may open it, so that only the user's own programs can connect.

use std::io::{self, BufRead};

use crate::content::{Content, Slide};
use crate::present::slide_ids;

/// The version of the protocol, in each hello; two versions do not pair.
pub const VERSION: u32 = 1;

/// The longest line either side may send, newline included: a message takes under 60 bytes,
/// a refusal's reason is cut to fit.
pub const MAX_LINE: usize = 256;

/// Where one terminal is in the deck: what the other shows too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// The slide, from 0.
    pub slide: usize,
    pub blank: bool,
}

/// What tells two decks apart: their length and a fingerprint of what each slide shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deck {
    pub slides: usize,
    pub fingerprint: u64,
}

impl Deck {
    /// The deck `deck` of `content`. The fingerprint is FNV-1a over the slides' ids, written
    /// here rather than std's hasher, whose output may change between builds of clsv.
    pub fn of(content: &Content, deck: &[Slide]) -> Deck {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for slide in deck {
            // Each id ends with a zero byte, so that ["ab", "c"] and ["a", "bc"] differ.
            for byte in slide_ids(content, slide).join(",").bytes().chain([0]) {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        Deck {
            slides: deck.len(),
            fingerprint: hash,
        }
    }
}

/// One line of the protocol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Hello(Deck),
    /// The projector will not pair, and says why.
    Refuse(String),
    Show(Position),
}

/// A line that is not a message of this version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadLine {
    /// A hello of another version of the protocol.
    Version(u32),
    /// Anything else.
    Garbage,
}

impl Message {
    /// The message as sent, newline included.
    pub fn line(&self) -> String {
        match self {
            Message::Hello(deck) => format!(
                "hello clsv-pair {VERSION} slides {} deck {:016x}\n",
                deck.slides, deck.fingerprint
            ),
            Message::Refuse(why) => {
                // The reason is cut to fit a line, by characters; no control characters.
                let room = MAX_LINE - "refuse \n".len();
                let mut reason = String::new();
                for c in why.chars().filter(|c| !c.is_control()) {
                    if reason.len() + c.len_utf8() > room {
                        break;
                    }
                    reason.push(c);
                }
                format!("refuse {reason}\n")
            }
            Message::Show(position) => format!(
                "slide {} blank {}\n",
                position.slide + 1,
                u8::from(position.blank)
            ),
        }
    }

    /// Reads one line (without its newline).
    pub fn parse(line: &str) -> Result<Message, BadLine> {
        if let Some(reason) = line.strip_prefix("refuse ") {
            // Shown to a person: control characters (escape sequences) are taken out.
            return Ok(Message::Refuse(
                reason.chars().filter(|c| !c.is_control()).collect(),
            ));
        }
        let words: Vec<&str> = line.split(' ').collect();
        match words.as_slice() {
            ["hello", "clsv-pair", version, rest @ ..] => {
                let version = number(version).ok_or(BadLine::Garbage)?;
                let version = u32::try_from(version).map_err(|_| BadLine::Garbage)?;
                if version != VERSION {
                    // What follows the version may be another shape: it is not read.
                    return Err(BadLine::Version(version));
                }
                let ["slides", slides, "deck", fingerprint] = rest else {
                    return Err(BadLine::Garbage);
                };
                let slides = number(slides).ok_or(BadLine::Garbage)?;
                if fingerprint.len() != 16 || !fingerprint.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return Err(BadLine::Garbage);
                }
                let fingerprint =
                    u64::from_str_radix(fingerprint, 16).map_err(|_| BadLine::Garbage)?;
                Ok(Message::Hello(Deck {
                    slides,
                    fingerprint,
                }))
            }
            ["slide", slide, "blank", blank] => {
                let slide = number(slide)
                    .and_then(|n| n.checked_sub(1))
                    .ok_or(BadLine::Garbage)?;
                let blank = match *blank {
                    "0" => false,
                    "1" => true,
                    _ => return Err(BadLine::Garbage),
                };
                Ok(Message::Show(Position { slide, blank }))
            }
            _ => Err(BadLine::Garbage),
        }
    }
}

/// A number written in ASCII digits only (`str::parse` would also take a sign).
fn number(word: &str) -> Option<usize> {
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse().ok()
}

/// Reads one line of at most [`MAX_LINE`] bytes, newline included, and returns it without
/// the newline; `None` at the end. A longer line, a line cut short by the end, or one that
/// is not UTF-8 is an error: the peer is dropped.
pub fn read_line(reader: &mut impl BufRead) -> io::Result<Option<String>> {
    let mut line = Vec::new();
    let read = io::Read::take(&mut *reader, MAX_LINE as u64).read_until(b'\n', &mut line)?;
    if read == 0 {
        return Ok(None);
    }
    if line.pop() != Some(b'\n') {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "a line longer than any message, or cut short",
        ));
    }
    String::from_utf8(line)
        .map(Some)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "a line that is not UTF-8"))
}

/// What a paired terminal hears from the other side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeerEvent {
    /// The other terminal moved (or, to a follower, the projector now shows this).
    Moved(Position),
    /// The projector has closed (said to a follower only: a projector goes on whoever
    /// leaves).
    Left,
}

/// Why `--follow` did not pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FollowError {
    /// No presentation listens for this user.
    NotRunning(String),
    /// The presentation, or the socket's folder, cannot be paired with.
    Refused(String),
    /// Reading or writing the socket failed.
    Io(String),
}

impl std::fmt::Display for FollowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FollowError::NotRunning(m) | FollowError::Refused(m) | FollowError::Io(m) => {
                f.write_str(m)
            }
        }
    }
}

#[cfg(unix)]
pub use socket::{Pair, follow, listen, remove_socket, socket_path};

#[cfg(unix)]
mod socket {
    use std::ffi::OsString;
    use std::fs;
    use std::io::{self, BufReader, Write};
    use std::os::unix::fs::{DirBuilderExt, FileTypeExt, MetadataExt, PermissionsExt};
    use std::os::unix::net::{UnixListener, UnixStream};
    use std::path::{Path, PathBuf};
    use std::sync::{Arc, Condvar, Mutex, TryLockError};
    use std::time::Duration;

    use super::read_line;
    use super::{BadLine, Deck, FollowError, Message, PeerEvent, Position, VERSION};

    /// The most followers at once; one more is closed at once.
    const MAX_FOLLOWERS: usize = 32;

    /// How long a hello may take, each way, and a write to a peer: longer only if the peer
    /// is not clsv, or stuck.
    const PATIENCE: Duration = Duration::from_secs(5);

    /// The socket's name in its folder.
    const SOCKET_NAME: &str = "present.sock";

    /// Called with what the other side says, from the threads that read it.
    type OnEvent = Arc<dyn Fn(PeerEvent) + Send + Sync>;

    /// The user this process runs as, who owns the socket's folder.
    fn user_id() -> u32 {
        rustix::process::geteuid().as_raw()
    }

    /// Where the socket of this user's presentation is.
    pub fn socket_path() -> PathBuf {
        socket_dir(
            std::env::var_os("XDG_RUNTIME_DIR"),
            std::env::temp_dir(),
            user_id(),
        )
        .join(SOCKET_NAME)
    }

    /// The socket's folder: `clsv` in the runtime folder, which only its user may open (an
    /// absolute path, as the XDG specification asks; anything else is ignored), or
    /// `clsv-<uid>` in the temporary folder.
    fn socket_dir(runtime: Option<OsString>, temp: PathBuf, uid: u32) -> PathBuf {
        match runtime.map(PathBuf::from) {
            Some(runtime) if runtime.is_absolute() => runtime.join("clsv"),
            _ => temp.join(format!("clsv-{uid}")),
        }
    }

    /// Makes the socket's folder (mode 0700) if it is not there, and refuses it unless it is
    /// a folder of `uid`'s that no one else may open: in a shared temporary folder, another
    /// user could have made it first, or put a link there.
    fn prepare_dir(dir: &Path, uid: u32) -> Result<(), String> {
        match fs::DirBuilder::new().mode(0o700).create(dir) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(format!("cannot make {}: {e}", dir.display())),
        }
        let meta = fs::symlink_metadata(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        if !meta.file_type().is_dir() {
            return Err(format!("{} is not a folder", dir.display()));
        }
        if meta.uid() != uid {
            return Err(format!("{} belongs to another user", dir.display()));
        }
        let mode = meta.mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(format!(
                "other users may open {} (mode {mode:o}); it must be 0700",
                dir.display()
            ));
        }
        Ok(())
    }

    /// The socket a projector listens on: its path, and which file it is, so that only that
    /// file is removed.
    struct Listening {
        path: PathBuf,
        device: u64,
        inode: u64,
    }

    /// The socket this process listens on, for [`remove_socket`] on every way out.
    static LISTENING: Mutex<Option<Listening>> = Mutex::new(None);

    /// Removes the socket this process listens on, if it still is the one it made. Called when
    /// the projector's [`Pair`] is dropped, and by the terminal's signal and panic paths,
    /// which end the process without dropping it. Never waits: one caller is enough.
    pub fn remove_socket() {
        let mut listening = match LISTENING.try_lock() {
            Ok(guard) => guard,
            Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
            Err(TryLockError::WouldBlock) => return,
        };
        if let Some(socket) = listening.take()
            && let Ok(meta) = fs::symlink_metadata(&socket.path)
            && (meta.dev(), meta.ino()) == (socket.device, socket.inode)
        {
            let _ = fs::remove_file(&socket.path);
        }
    }

    /// One side of a pairing: the projector with its followers, or a follower with its
    /// projector. The terminal's loop calls [`Pair::start`] once, then tells it each position
    /// it shows: [`Pair::moved`] after its own keys, [`Pair::followed`] after the other side's.
    pub struct Pair {
        side: Side,
        deck: Deck,
        peers: Arc<Mutex<Peers>>,
        /// The position last sent, or last heard from the projector.
        shared: Option<Position>,
    }

    enum Side {
        /// Listening (the listener until `start` hands it to its thread).
        Projector(Option<UnixListener>),
        /// Connected to a projector (the connection until `start`), which showed `greeting`
        /// when this terminal joined.
        Follower {
            connection: Option<BufReader<UnixStream>>,
            greeting: Position,
        },
    }

    /// The peers' outboxes, and the position the projector shows (for a late follower).
    #[derive(Default)]
    struct Peers {
        showing: Option<Position>,
        outboxes: Vec<Arc<Outbox>>,
    }

    /// The position waiting to be written to one peer: only the last one matters, so a peer
    /// that reads slowly gets the latest, not a queue.
    #[derive(Default)]
    struct Outbox {
        state: Mutex<OutboxState>,
        changed: Condvar,
    }

    #[derive(Default)]
    struct OutboxState {
        next: Option<Position>,
        closed: bool,
    }

    impl Outbox {
        fn put(&self, position: Position) {
            if let Ok(mut state) = self.state.lock() {
                state.next = Some(position);
                self.changed.notify_one();
            }
        }

        fn close(&self) {
            if let Ok(mut state) = self.state.lock() {
                state.closed = true;
                self.changed.notify_one();
            }
        }

        /// The next position to write; `None` once closed.
        fn take(&self) -> Option<Position> {
            let mut state = self.state.lock().ok()?;
            loop {
                if state.closed {
                    return None;
                }
                if let Some(next) = state.next.take() {
                    return Some(next);
                }
                state = self.changed.wait(state).ok()?;
            }
        }
    }

    /// Listens for followers. Refused (with the reason, for the projector's footer) when the
    /// socket's folder is not private, or when another presentation of this user listens
    /// already: that one keeps its followers, and this one presents unpaired.
    pub fn listen(deck: Deck) -> Result<Pair, String> {
        let path = socket_path();
        let unpaired = |why: String| format!("not paired with --follow: {why}");
        if let Some(dir) = path.parent() {
            prepare_dir(dir, user_id()).map_err(unpaired)?;
        }
        let listener = match UnixListener::bind(&path) {
            Ok(listener) => listener,
            Err(e) if e.kind() == io::ErrorKind::AddrInUse => {
                if UnixStream::connect(&path).is_ok() {
                    return Err(
                        "another clsv present of yours is running; --follow pairs with it, \
                         not with this one"
                            .to_string(),
                    );
                }
                // Nothing listens: a presentation ended without removing it (killed). Only a
                // socket is removed.
                let stale =
                    fs::symlink_metadata(&path).is_ok_and(|meta| meta.file_type().is_socket());
                if !stale {
                    return Err(unpaired(format!("{} is not a socket", path.display())));
                }
                fs::remove_file(&path)
                    .and_then(|()| UnixListener::bind(&path))
                    .map_err(|e| unpaired(format!("{}: {e}", path.display())))?
            }
            Err(e) => return Err(unpaired(format!("{}: {e}", path.display()))),
        };
        // The folder is the user's alone already; the socket is too.
        let _ = fs::set_permissions(&path, fs::Permissions::from_mode(0o600));
        if let Ok(meta) = fs::symlink_metadata(&path)
            && let Ok(mut listening) = LISTENING.lock()
        {
            *listening = Some(Listening {
                path,
                device: meta.dev(),
                inode: meta.ino(),
            });
        }
        Ok(Pair {
            side: Side::Projector(Some(listener)),
            deck,
            peers: Arc::default(),
            shared: None,
        })
    }

    /// Connects to the presentation this user runs, before the terminal is taken, and
    /// learns the position it shows.
    pub fn follow(deck: Deck) -> Result<Pair, FollowError> {
        let path = socket_path();
        if let Some(dir) = path.parent() {
            prepare_dir(dir, user_id())
                .map_err(|why| FollowError::Refused(format!("cannot pair: {why}")))?;
        }
        let stream = match UnixStream::connect(&path) {
            Ok(stream) => stream,
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::NotFound | io::ErrorKind::ConnectionRefused
                ) =>
            {
                return Err(FollowError::NotRunning(format!(
                    "no presentation is running for this user; start `clsv present` first \
                     (nothing listens at {})",
                    path.display()
                )));
            }
            Err(e) => {
                return Err(FollowError::Io(format!(
                    "cannot reach the presentation at {}: {e}",
                    path.display()
                )));
            }
        };
        let io_error =
            |e: io::Error| FollowError::Io(format!("pairing with the presentation failed: {e}"));
        let not_clsv = || {
            FollowError::Io(format!(
                "what listens at {} does not answer as clsv present does",
                path.display()
            ))
        };
        stream.set_read_timeout(Some(PATIENCE)).map_err(io_error)?;
        stream.set_write_timeout(Some(PATIENCE)).map_err(io_error)?;
        (&stream)
            .write_all(Message::Hello(deck).line().as_bytes())
            .map_err(io_error)?;
        let mut connection = BufReader::new(stream);
        let answer = read_line(&mut connection).map_err(io_error)?;
        match answer.as_deref().map(Message::parse) {
            Some(Ok(Message::Hello(theirs))) if theirs == deck => {}
            Some(Ok(Message::Hello(theirs))) => {
                return Err(FollowError::Refused(another_deck(theirs, deck)));
            }
            Some(Ok(Message::Refuse(why))) => {
                return Err(FollowError::Refused(format!(
                    "the presentation will not pair: {why}"
                )));
            }
            Some(Err(BadLine::Version(version))) => {
                return Err(FollowError::Refused(another_version(version)));
            }
            Some(Ok(Message::Show(_)) | Err(BadLine::Garbage)) | None => {
                return Err(not_clsv());
            }
        }
        let greeting = match read_line(&mut connection).map_err(io_error)? {
            Some(line) => match Message::parse(&line) {
                Ok(Message::Show(position)) => position,
                _ => return Err(not_clsv()),
            },
            None => return Err(not_clsv()),
        };
        // From here on the reader waits as long as the talk lasts; writes keep a limit.
        connection
            .get_ref()
            .set_read_timeout(None)
            .map_err(io_error)?;
        Ok(Pair {
            side: Side::Follower {
                connection: Some(connection),
                greeting,
            },
            deck,
            peers: Arc::default(),
            shared: Some(greeting),
        })
    }

    fn another_deck(theirs: Deck, ours: Deck) -> String {
        format!(
            "the presentation running shows another pack's slides ({} slides; this one has {}): \
             present the same pack in both terminals",
            theirs.slides, ours.slides
        )
    }

    fn another_version(theirs: u32) -> String {
        format!(
            "the presentation running pairs with version {theirs} of the protocol, this clsv \
             with version {VERSION}: use the same clsv in both terminals"
        )
    }

    impl Pair {
        /// For a follower, the position the projector showed when it joined, to start there.
        pub fn greeting(&self) -> Option<Position> {
            match self.side {
                Side::Projector(_) => None,
                Side::Follower { greeting, .. } => Some(greeting),
            }
        }

        /// Starts the threads that accept followers (projector) or read the projector
        /// (follower); `on_event` is called with what the other side says.
        pub fn start(&mut self, on_event: impl Fn(PeerEvent) + Send + Sync + 'static) {
            let on_event: OnEvent = Arc::new(on_event);
            let peers = Arc::clone(&self.peers);
            match &mut self.side {
                Side::Projector(listener) => {
                    if let Some(listener) = listener.take() {
                        let deck = self.deck;
                        std::thread::spawn(move || accept(listener, deck, peers, on_event));
                    }
                }
                Side::Follower { connection, .. } => {
                    if let Some(connection) = connection.take() {
                        std::thread::spawn(move || {
                            serve_peer(connection, &peers, &on_event, false);
                            on_event(PeerEvent::Left);
                        });
                    }
                }
            }
        }

        /// This terminal's own keys left it at `now` (`None`: not presenting): the other side
        /// is told, if that is news.
        pub fn moved(&mut self, now: Option<Position>) {
            let Some(now) = now else { return };
            if self.shared == Some(now) {
                return;
            }
            self.shared = Some(now);
            let Ok(mut peers) = self.peers.lock() else {
                return;
            };
            peers.showing = Some(now);
            for outbox in &peers.outboxes {
                outbox.put(now);
            }
        }

        /// This terminal took the other side's position and is at `now`. A projector passes it
        /// on to every follower (the one that moved included: the projector's order is
        /// everyone's); a follower only notes it, so as not to send it back.
        pub fn followed(&mut self, now: Option<Position>) {
            match self.side {
                Side::Projector(_) => self.moved(now),
                Side::Follower { .. } => {
                    if now.is_some() {
                        self.shared = now;
                    }
                }
            }
        }
    }

    impl Drop for Pair {
        fn drop(&mut self) {
            if matches!(self.side, Side::Projector(_)) {
                remove_socket();
            }
        }
    }

    /// The projector's accepting thread: each follower is greeted and then served on a thread
    /// of its own.
    fn accept(listener: UnixListener, deck: Deck, peers: Arc<Mutex<Peers>>, on_event: OnEvent) {
        for stream in listener.incoming() {
            let stream = match stream {
                Ok(stream) => stream,
                Err(_) => {
                    // Out of descriptors, say: wait rather than spin.
                    std::thread::sleep(Duration::from_millis(100));
                    continue;
                }
            };
            let followers = peers.lock().map_or(MAX_FOLLOWERS, |p| p.outboxes.len());
            if followers >= MAX_FOLLOWERS {
                continue;
            }
            let peers = Arc::clone(&peers);
            let on_event = Arc::clone(&on_event);
            std::thread::spawn(move || {
                if let Some(connection) = greet(stream, deck) {
                    serve_peer(connection, &peers, &on_event, true);
                }
            });
        }
    }

    /// The projector's side of the hello: the connection, ready for positions, if a
    /// follower of this version and deck is on the other end. Anything else is closed, a
    /// follower of another version or deck told why first.
    fn greet(stream: UnixStream, deck: Deck) -> Option<BufReader<UnixStream>> {
        stream.set_read_timeout(Some(PATIENCE)).ok()?;
        stream.set_write_timeout(Some(PATIENCE)).ok()?;
        let mut connection = BufReader::new(stream);
        let hello = read_line(&mut connection).ok()??;
        let refusal = match Message::parse(&hello) {
            Ok(Message::Hello(theirs)) if theirs == deck => None,
            Ok(Message::Hello(theirs)) => Some(another_deck(deck, theirs)),
            Err(BadLine::Version(version)) => Some(format!(
                "it pairs with version {VERSION} of the protocol, this clsv with version \
                 {version}: use the same clsv in both terminals"
            )),
            _ => return None,
        };
        let refused = refusal.is_some();
        let answer = match refusal {
            Some(why) => Message::Refuse(why),
            None => Message::Hello(deck),
        };
        let written = connection.get_ref().write_all(answer.line().as_bytes());
        if refused || written.is_err() {
            return None;
        }
        connection.get_ref().set_read_timeout(None).ok()?;
        Some(connection)
    }

    /// Serves one peer until it goes: its positions to `on_event`, the positions put in its
    /// outbox written to it by a second thread. A new follower (`greet_with_showing`) is sent
    /// the position shown first.
    fn serve_peer(
        mut connection: BufReader<UnixStream>,
        peers: &Mutex<Peers>,
        on_event: &OnEvent,
        greet_with_showing: bool,
    ) {
        let Ok(stream) = connection.get_ref().try_clone() else {
            return;
        };
        let outbox = Arc::new(Outbox::default());
        if let Ok(mut peers) = peers.lock() {
            if greet_with_showing && let Some(showing) = peers.showing {
                outbox.put(showing);
            }
            peers.outboxes.push(Arc::clone(&outbox));
        }
        let writing = Arc::clone(&outbox);
        std::thread::spawn(move || {
            let mut stream = stream;
            while let Some(position) = writing.take() {
                if stream
                    .write_all(Message::Show(position).line().as_bytes())
                    .is_err()
                {
                    // A peer that does not read (the write timed out) or is gone: the reader
                    // below sees the end and drops it.
                    let _ = stream.shutdown(std::net::Shutdown::Both);
                    break;
                }
            }
        });
        // Positions only: anything else (a second hello, garbage, a line too long) ends it.
        while let Ok(Some(line)) = read_line(&mut connection) {
            match Message::parse(&line) {
                Ok(Message::Show(position)) => on_event(PeerEvent::Moved(position)),
                _ => break,
            }
        }
        if let Ok(mut peers) = peers.lock() {
            peers.outboxes.retain(|o| !Arc::ptr_eq(o, &outbox));
        }
        outbox.close();
        let _ = connection.get_ref().shutdown(std::net::Shutdown::Both);
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn the_folder_is_in_the_runtime_folder_or_named_for_the_user_in_the_temporary_one() {
            let temp = PathBuf::from("/tmp");
            assert_eq!(
                socket_dir(Some("/run/user/1000".into()), temp.clone(), 1000),
                PathBuf::from("/run/user/1000/clsv")
            );
            assert_eq!(
                socket_dir(None, temp.clone(), 1000),
                PathBuf::from("/tmp/clsv-1000")
            );
            // Relative or empty: not a runtime folder, as the XDG specification says.
            assert_eq!(
                socket_dir(Some("run".into()), temp.clone(), 7),
                PathBuf::from("/tmp/clsv-7")
            );
            assert_eq!(
                socket_dir(Some("".into()), temp, 7),
                PathBuf::from("/tmp/clsv-7")
            );
        }

        #[test]
        fn the_folder_is_made_private_and_refused_when_others_may_open_it() {
            let base = tempfile::tempdir().unwrap();
            let dir = base.path().join("clsv");
            prepare_dir(&dir, user_id()).unwrap();
            let mode = fs::metadata(&dir).unwrap().mode() & 0o777;
            assert_eq!(mode, 0o700);
            // Made already: taken as it is.
            prepare_dir(&dir, user_id()).unwrap();
            fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
            let refused = prepare_dir(&dir, user_id()).unwrap_err();
            assert!(refused.contains("mode 755"), "{refused}");
            fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).unwrap();
            let refused = prepare_dir(&dir, user_id().wrapping_add(1)).unwrap_err();
            assert!(refused.contains("another user"), "{refused}");
            // A link in its place is not followed.
            let link = base.path().join("link");
            std::os::unix::fs::symlink(&dir, &link).unwrap();
            let refused = prepare_dir(&link, user_id()).unwrap_err();
            assert!(refused.contains("not a folder"), "{refused}");
        }

        #[test]
        fn only_the_last_position_waits_in_an_outbox() {
            let outbox = Outbox::default();
            let at = |slide| Position {
                slide,
                blank: false,
            };
            outbox.put(at(1));
            outbox.put(at(2));
            assert_eq!(outbox.take(), Some(at(2)));
            outbox.put(at(3));
            outbox.close();
            assert_eq!(outbox.take(), None);
        }
    }
}

#[cfg(not(unix))]
pub use unsupported::{Pair, follow, listen, remove_socket};

/// Elsewhere than on Unix there are no paired terminals: a [`Pair`] cannot be made.
#[cfg(not(unix))]
mod unsupported {
    use super::{Deck, FollowError, PeerEvent, Position};

    pub enum Pair {}

    impl Pair {
        pub fn greeting(&self) -> Option<Position> {
            match *self {}
        }
        pub fn start(&mut self, _on_event: impl Fn(PeerEvent) + Send + Sync + 'static) {
            match *self {}
        }
        pub fn moved(&mut self, _now: Option<Position>) {
            match *self {}
        }
        pub fn followed(&mut self, _now: Option<Position>) {
            match *self {}
        }
    }

    const UNSUPPORTED: &str = "pairing terminals (--follow) is not supported on this system";

    pub fn listen(_deck: Deck) -> Result<Pair, String> {
        Err(UNSUPPORTED.to_string())
    }

    pub fn follow(_deck: Deck) -> Result<Pair, FollowError> {
        Err(FollowError::Refused(UNSUPPORTED.to_string()))
    }

    pub fn remove_socket() {}
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deck(slides: usize, fingerprint: u64) -> Deck {
        Deck {
            slides,
            fingerprint,
        }
    }

    #[test]
    fn messages_read_back_as_written() {
        for message in [
            Message::Hello(deck(15, 0x0123_4567_89ab_cdef)),
            Message::Hello(deck(0, u64::MAX)),
            Message::Show(Position {
                slide: 0,
                blank: false,
            }),
            Message::Show(Position {
                slide: 14,
                blank: true,
            }),
            Message::Refuse("another deck".to_string()),
        ] {
            let line = message.line();
            assert!(line.len() <= MAX_LINE && line.ends_with('\n'), "{line:?}");
            assert_eq!(Message::parse(line.trim_end_matches('\n')), Ok(message));
        }
        assert_eq!(
            Message::parse("slide 3 blank 1"),
            Ok(Message::Show(Position {
                slide: 2,
                blank: true
            }))
        );
        assert_eq!(
            Message::parse("hello clsv-pair 1 slides 15 deck 00000000000000ff"),
            Ok(Message::Hello(deck(15, 255)))
        );
    }

    #[test]
    fn anything_else_is_garbage() {
        for line in [
            "",
            "slide",
            "slide 0 blank 0",
            "slide -1 blank 0",
            "slide +3 blank 0",
            "slide 3 blank 2",
            "slide 3 blank yes",
            "slide 3  blank 0",
            " slide 3 blank 0",
            "slide 3 blank 0 more",
            "slide 99999999999999999999999 blank 0",
            "SLIDE 3 BLANK 0",
            "hello",
            "hello clsv-pair",
            "hello clsv-pair one slides 1 deck 0000000000000000",
            "hello clsv-pair 1 slides 15",
            "hello clsv-pair 1 slides 15 deck 123",
            "hello clsv-pair 1 slides 15 deck +123456789abcdef",
            "hello clsv-pair 1 slides 15 deck 0123456789abcdeg",
            "hello other 1 slides 15 deck 0123456789abcdef",
            "\u{1b}[2J",
        ] {
            assert_eq!(Message::parse(line), Err(BadLine::Garbage), "{line:?}");
        }
    }

    #[test]
    fn a_hello_of_another_version_says_which() {
        assert_eq!(
            Message::parse("hello clsv-pair 2 slides 15 deck 0123456789abcdef"),
            Err(BadLine::Version(2))
        );
        // A later version may say more, or say it otherwise.
        assert_eq!(
            Message::parse("hello clsv-pair 7 whatever comes next"),
            Err(BadLine::Version(7))
        );
    }

    #[test]
    fn a_refusal_is_cut_to_a_line_and_loses_its_control_characters() {
        let long = "é".repeat(400);
        let line = Message::Refuse(long).line();
        assert!(line.len() <= MAX_LINE, "{}", line.len());
        let read = Message::parse("refuse a \u{1b}[31mred\u{7} word");
        assert_eq!(read, Ok(Message::Refuse("a [31mred word".to_string())));
        let line = Message::Refuse("two\nlines".to_string()).line();
        assert_eq!(line, "refuse twolines\n");
    }

    #[test]
    fn lines_are_read_whole_and_no_longer_than_a_message() {
        let mut input = io::Cursor::new(b"slide 2 blank 0\nslide 3 blank 1\n".to_vec());
        assert_eq!(
            read_line(&mut input).unwrap().as_deref(),
            Some("slide 2 blank 0")
        );
        assert_eq!(
            read_line(&mut input).unwrap().as_deref(),
            Some("slide 3 blank 1")
        );
        assert_eq!(read_line(&mut input).unwrap(), None);
        // Exactly the longest line, then one byte longer.
        let longest = format!("{}\n", "x".repeat(MAX_LINE - 1));
        assert!(read_line(&mut io::Cursor::new(longest)).unwrap().is_some());
        let too_long = format!("{}\n", "x".repeat(MAX_LINE));
        assert!(read_line(&mut io::Cursor::new(too_long)).is_err());
        // Endless, with no newline: read no further than the limit.
        let mut endless = io::repeat(b'x');
        let mut endless = io::BufReader::new(&mut endless);
        assert!(read_line(&mut endless).is_err());
        // Cut short by the end, or not UTF-8.
        assert!(read_line(&mut io::Cursor::new(b"slide 2".to_vec())).is_err());
        assert!(read_line(&mut io::Cursor::new(b"\xff\xfe\n".to_vec())).is_err());
    }

    #[test]
    fn the_fingerprint_tells_decks_apart() {
        let content = crate::content::load_embedded().unwrap();
        let slides = crate::present::deck(&content);
        let whole = Deck::of(&content, &slides);
        assert_eq!(whole, Deck::of(&content, &slides));
        assert_eq!(whole.slides, slides.len());
        let mut reordered = slides.clone();
        reordered.swap(1, 2);
        assert_ne!(
            whole.fingerprint,
            Deck::of(&content, &reordered).fingerprint
        );
        let shorter = Deck::of(&content, &slides[1..]);
        assert_ne!(whole, shorter);
    }
}
