//! `clsv serve`: the browser over SSH, for many readers at once. Each connection that asks
//! for a terminal gets its own `App`, drawn by the same `frame::Screen` as a local terminal
//! into the SSH channel; its keys arrive as bytes, parsed into terminal events (terminput)
//! and mapped to actions like local keys. Nothing else is offered: no shell, no command but a
//! language's tag, no forwarding, no subsystem, no environment.

use std::collections::HashMap;
use std::io::{self, Write};
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use russh::keys::ssh_key::{LineEnding, PublicKey};
use russh::keys::{Algorithm, PrivateKey};
use russh::server::{
    Auth, ChannelOpenHandle, Config, Handle, Handler, Msg, Server, Session, VerifiedPublicKey,
};
use russh::{Channel, ChannelId, MethodKind, MethodSet, Pty};

use crate::action::Action;
use crate::app::{App, Pack, StartAt, Talk};
use crate::capability;
use crate::content::{Content, Lang};
use crate::frame::Screen;
use crate::terminal;
use crate::theme::Theme;
use crate::vocabulary::Pane;

/// How the server is run.
#[derive(Debug, Clone)]
pub struct Options {
    pub listen: SocketAddr,
    /// The host key's file: created on first start (mode 0600), read after.
    pub host_key: PathBuf,
    /// Only these keys may connect; everyone may without it.
    pub authorized_keys: Option<PathBuf>,
    pub max_sessions: usize,
    pub max_per_address: usize,
    pub idle_timeout: Duration,
    /// Clients that have not logged in by then are dropped.
    pub login_timeout: Duration,
    /// Present instead of browse: the keys whose connections drive the slides (every other
    /// connection follows them, read-only).
    pub presenter_keys: Option<PathBuf>,
    pub json_logs: bool,
    pub lang: Lang,
}

/// Sessions' terminal sizes are kept within these bounds, whatever a client asks.
const MIN_SIZE: (u16, u16) = (1, 1);
const MAX_SIZE: (u16, u16) = (500, 300);
/// A size for clients that send none (a pty request of 0×0).
const FALLBACK_SIZE: (u16, u16) = (80, 24);
/// The most input kept waiting to be parsed; a burst beyond it is dropped.
const MAX_PENDING_INPUT: usize = 64 * 1024;

/// What takes the terminal over on a client (what gives it back is `terminal::RESTORE`).
const ENTER: &[u8] = b"\x1b[?1049h\x1b[?25l\x1b[?1000h\x1b[?1002h\x1b[?1006h";

/// What all connections share.
struct Shared {
    /// The pack every session shows, with the one search index they share.
    pack: Arc<Pack>,
    options: Options,
    authorized: Option<Vec<PublicKey>>,
    next_id: AtomicU64,
    /// Open sessions, for the limits and for saying goodbye on shutdown.
    sessions: Mutex<HashMap<u64, OpenSession>>,
    /// Open connections by source address, authenticated or not.
    connections: Mutex<HashMap<IpAddr, usize>>,
    /// With `--present`: the presenters' keys, and the slide they show, which every session
    /// follows.
    presenters: Option<Vec<PublicKey>>,
    slide: tokio::sync::watch::Sender<Follow>,
}

/// What the speaker shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Follow {
    slide: usize,
    blank: bool,
}

/// A session being served: where to write to it.
struct OpenSession {
    handle: Handle,
    channel: ChannelId,
}

impl Shared {
    /// Counts a new connection from `address`, unless it already has the most allowed.
    fn admit(&self, address: IpAddr) -> bool {
        let Ok(mut connections) = self.connections.lock() else {
            return false;
        };
        let count = connections.entry(address).or_insert(0);
        if *count >= self.options.max_per_address {
            return false;
        }
        *count += 1;
        true
    }

    /// Forgets a connection from `address`.
    fn release(&self, address: IpAddr) {
        if let Ok(mut connections) = self.connections.lock()
            && let Some(count) = connections.get_mut(&address)
        {
            *count -= 1;
            if *count == 0 {
                connections.remove(&address);
            }
        }
    }

    /// One line on stderr: a session's event (or the server's, as session 0). What a client
    /// sent (a user name, a command) is made harmless first: escaped in JSON, neutralized in
    /// text, so that no client can forge log lines or send commands to the log's terminal.
    fn log(&self, id: u64, peer: Option<SocketAddr>, event: &str, detail: &str) {
        let peer = peer.map_or("-".to_string(), |p| p.to_string());
        if self.options.json_logs {
            eprintln!(
                r#"{{"session":{id},"peer":"{peer}","event":"{event}","detail":{}}}"#,
                json_string(detail)
            );
        } else {
            let detail = crate::text::normalize(detail).replace('\n', "\u{2424}");
            let separator = if detail.is_empty() { "" } else { ": " };
            eprintln!("clsv serve: session {id} {peer} {event}{separator}{detail}");
        }
    }
}

/// `text` as a JSON string.
fn json_string(text: &str) -> String {
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

/// Loads the host key, or makes one and keeps it (mode 0600), so that the server's
/// fingerprint stays the same across restarts.
pub fn host_key(path: &Path) -> io::Result<PrivateKey> {
    if path.exists() {
        return PrivateKey::read_openssh_file(path).map_err(|e| {
            io::Error::other(format!("cannot read the host key {}: {e}", path.display()))
        });
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let key = PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519).map_err(io::Error::other)?;
    key.write_openssh_file(path, LineEnding::LF)
        .map_err(io::Error::other)?;
    // Written with 0600 when created; make sure of it.
    std::fs::set_permissions(path, std::os::unix::fs::PermissionsExt::from_mode(0o600))?;
    Ok(key)
}

/// The default place of the host key: the user's state folder.
pub fn default_host_key() -> PathBuf {
    let state = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/state")))
        .unwrap_or_else(|| PathBuf::from("."));
    state.join("clsv").join("ssh_host_ed25519_key")
}

fn read_authorized_keys(path: &Path) -> io::Result<Vec<PublicKey>> {
    let entries = russh::keys::ssh_key::AuthorizedKeys::read_file(path)
        .map_err(|e| io::Error::other(format!("cannot read {}: {e}", path.display())))?;
    Ok(entries
        .into_iter()
        .map(|e| e.public_key().clone())
        .collect())
}

/// Serves until SIGTERM or SIGINT, then tells every client and gives their terminals back.
pub fn run(content: Content, options: Options) -> io::Result<()> {
    let key = host_key(&options.host_key)?;
    let authorized = options
        .authorized_keys
        .as_deref()
        .map(read_authorized_keys)
        .transpose()?;
    let presenters = options
        .presenter_keys
        .as_deref()
        .map(read_authorized_keys)
        .transpose()?;
    let mut methods = MethodSet::empty();
    if authorized.is_none() {
        methods.push(MethodKind::None);
        // While presenting, "none" is refused so that a presenter's client offers its key;
        // everyone else still gets in, by any key or by an empty keyboard-interactive round.
        methods.push(MethodKind::KeyboardInteractive);
    }
    methods.push(MethodKind::PublicKey);
    let config = Config {
        methods,
        keys: vec![key],
        inactivity_timeout: Some(options.idle_timeout),
        auth_rejection_time: Duration::from_millis(500),
        auth_rejection_time_initial: Some(Duration::ZERO),
        nodelay: true,
        ..Default::default()
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let pack = Arc::new(Pack::new(content));
    // Built beside the server, once for every session: no one waits for it to connect, and
    // a search before it is ready waits for it to finish.
    let indexing = Arc::clone(&pack);
    std::thread::spawn(move || {
        indexing.index();
    });
    let shared = Arc::new(Shared {
        pack,
        options: options.clone(),
        authorized,
        next_id: AtomicU64::new(1),
        sessions: Mutex::new(HashMap::new()),
        connections: Mutex::new(HashMap::new()),
        presenters,
        slide: tokio::sync::watch::Sender::new(Follow::default()),
    });
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(options.listen).await?;
        shared.log(0, None, "listening on", &listener.local_addr()?.to_string());
        let config = Arc::new(config);
        let mut server = ClsvServer {
            shared: Arc::clone(&shared),
        };
        let mut term =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
        loop {
            tokio::select! {
                accepted = listener.accept() => {
                    let Ok((socket, peer)) = accepted else { continue };
                    if !shared.admit(peer.ip()) {
                        // Too many connections from one place: closed before any SSH is spoken.
                        shared.log(0, Some(peer), "refused", "too many connections from its address");
                        continue;
                    }
                    let _ = socket.set_nodelay(true);
                    let handler = server.new_client(Some(peer));
                    let authenticated = Arc::clone(&handler.authenticated);
                    tokio::spawn(serve_connection(Arc::clone(&shared), Arc::clone(&config), socket, peer, handler, authenticated));
                }
                _ = term.recv() => break,
                _ = tokio::signal::ctrl_c() => break,
            }
        }
        say_goodbye(&shared).await;
        Ok(())
    })
}

/// Runs one connection: the SSH handshake and authentication must be done within the login
/// timeout, or the client is dropped; then the session runs until it ends.
async fn serve_connection(
    shared: Arc<Shared>,
    config: Arc<Config>,
    socket: tokio::net::TcpStream,
    peer: SocketAddr,
    handler: Connection,
    authenticated: Arc<AtomicBool>,
) {
    let deadline = shared.options.login_timeout;
    let started =
        tokio::time::timeout(deadline, russh::server::run_stream(config, socket, handler)).await;
    if let Ok(Ok(session)) = started {
        let handle = session.handle();
        let watchdog = tokio::spawn(async move {
            tokio::time::sleep(deadline).await;
            if !authenticated.load(Ordering::Relaxed) {
                let reason = "authentication took too long".to_string();
                let _ = handle
                    .disconnect(russh::Disconnect::ByApplication, reason, String::new())
                    .await;
            }
        });
        if let Err(error) = session.await {
            shared.log(0, Some(peer), "error", &error.to_string());
        }
        watchdog.abort();
    } else {
        shared.log(0, Some(peer), "dropped", "no login in time");
    }
    shared.release(peer.ip());
}

/// Tells each connected client that the server is stopping and gives its terminal back.
async fn say_goodbye(shared: &Shared) {
    let sessions: Vec<(Handle, ChannelId)> = match shared.sessions.lock() {
        Ok(sessions) => sessions
            .values()
            .map(|s| (s.handle.clone(), s.channel))
            .collect(),
        Err(_) => return,
    };
    let any = !sessions.is_empty();
    for (handle, channel) in sessions {
        let mut bytes = terminal::RESTORE.to_vec();
        bytes.extend_from_slice(b"clsv: the server is stopping. Goodbye.\r\n");
        let _ = handle.data(channel, bytes).await;
        let _ = handle.exit_status_request(channel, 0).await;
        let _ = handle.eof(channel).await;
        let _ = handle.close(channel).await;
    }
    if any {
        // The messages are queued, not yet sent: give them a moment to leave before the
        // connections are cut.
        tokio::time::sleep(GOODBYE_GRACE).await;
    }
}

/// How long the server waits for its goodbyes to reach the clients when stopping.
const GOODBYE_GRACE: Duration = Duration::from_millis(300);

struct ClsvServer {
    shared: Arc<Shared>,
}

impl Server for ClsvServer {
    type Handler = Connection;

    fn new_client(&mut self, peer: Option<SocketAddr>) -> Connection {
        let id = self.shared.next_id.fetch_add(1, Ordering::Relaxed);
        self.shared.log(id, peer, "connected", "");
        Connection {
            shared: Arc::clone(&self.shared),
            id,
            peer,
            term: String::new(),
            size: FALLBACK_SIZE,
            browser: None,
            channel: None,
            follower: None,
            presenter: false,
            authenticated: Arc::new(AtomicBool::new(false)),
        }
    }

    fn handle_session_error(&mut self, error: <Self::Handler as Handler>::Error) {
        self.shared.log(0, None, "error", &error.to_string());
    }
}

/// A browser running in an SSH channel.
struct Browser {
    app: App,
    screen: Screen<Sink>,
    sink: Sink,
    pending: Vec<u8>,
}

/// Collects a frame for the channel.
#[derive(Clone, Default)]
struct Sink(Arc<Mutex<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| io::Error::other("frame buffer poisoned"))?
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Sink {
    fn take(&self) -> Vec<u8> {
        self.0
            .lock()
            .map(|mut b| std::mem::take(&mut *b))
            .unwrap_or_default()
    }
}

/// One SSH connection.
struct Connection {
    shared: Arc<Shared>,
    id: u64,
    peer: Option<SocketAddr>,
    term: String,
    size: (u16, u16),
    browser: Option<Arc<Mutex<Browser>>>,
    channel: Option<ChannelId>,
    /// Draws the slides the speaker shows, and the clock, while presenting.
    follower: Option<tokio::task::JoinHandle<()>>,
    /// Logged in with a presenter's key.
    presenter: bool,
    /// Set once the client is in, for the handshake watchdog.
    authenticated: Arc<AtomicBool>,
}

fn clamp_size(cols: u32, rows: u32) -> (u16, u16) {
    if cols == 0 || rows == 0 {
        return FALLBACK_SIZE;
    }
    let clamp = |v: u32, min: u16, max: u16| (v.min(u32::from(max)) as u16).max(min);
    (
        clamp(cols, MIN_SIZE.0, MAX_SIZE.0),
        clamp(rows, MIN_SIZE.1, MAX_SIZE.1),
    )
}

/// Turns raw input bytes into terminal events, keeping an incomplete sequence at the end for
/// the next bytes. An ESC followed by more bytes in the same read starts a sequence.
pub fn parse_input(pending: &mut Vec<u8>) -> Vec<crossterm::event::Event> {
    let mut events = Vec::new();
    let mut start = 0;
    'next: while start < pending.len() {
        let first = if pending[start] == 0x1b && start + 1 < pending.len() {
            start + 2
        } else {
            start + 1
        };
        for end in first..=pending.len() {
            match terminput::Event::parse_from(&pending[start..end]) {
                Ok(Some(event)) => {
                    if let Ok(event) = terminput_crossterm::to_crossterm(event) {
                        events.push(event);
                    }
                    start = end;
                    continue 'next;
                }
                Ok(None) => {}
                Err(_) => {
                    start += 1;
                    continue 'next;
                }
            }
        }
        break;
    }
    pending.drain(..start);
    events
}

/// While presenting: draws the slide the speaker shows and the clock, each time either
/// changes, until the session ends.
async fn follow(
    shared: Arc<Shared>,
    browser: Arc<Mutex<Browser>>,
    handle: Handle,
    channel: ChannelId,
) {
    let mut slide = shared.slide.subscribe();
    let started = tokio::time::Instant::now();
    let mut clock = tokio::time::interval(Duration::from_secs(1));
    loop {
        let action = tokio::select! {
            changed = slide.changed() => {
                if changed.is_err() {
                    return;
                }
                let now = *slide.borrow_and_update();
                Action::Follow { slide: now.slide, blank: now.blank }
            }
            _ = clock.tick() => Action::Tick(started.elapsed()),
        };
        let frame = {
            let Ok(mut browser) = browser.lock() else {
                return;
            };
            browser.app.update(action);
            browser.frame()
        };
        let Ok(frame) = frame else { return };
        if !frame.is_empty() && handle.data(channel, frame).await.is_err() {
            return;
        }
    }
}

impl Connection {
    /// Logs a request of the client that was refused.
    fn refused(&self, what: &str) {
        self.shared.log(self.id, self.peer, "refused", what);
    }

    /// Notes that the client is in.
    fn admit_user(&mut self, user: &str, how: &str) {
        self.authenticated.store(true, Ordering::Relaxed);
        let role = match (self.shared.presenters.is_some(), self.presenter) {
            (true, true) => ", presenter",
            (true, false) => ", audience",
            (false, _) => "",
        };
        let detail = format!("user {user}, {how}{role}");
        self.shared
            .log(self.id, self.peer, "authenticated", &detail);
    }

    /// Starts the browser on `channel`, unless the server is full.
    fn start(
        &mut self,
        channel: ChannelId,
        lang: Lang,
        notes: bool,
        session: &mut Session,
    ) -> Result<(), russh::Error> {
        let shared = Arc::clone(&self.shared);
        // The count is checked and the session taken into it in one step, under one lock, so
        // that logins at the same moment cannot pass the limit together. The place is kept
        // until the session ends (`forget`), or given back at once if it cannot start.
        let full = {
            let mut sessions = shared
                .sessions
                .lock()
                .map_err(|_| russh::Error::Inconsistent)?;
            if sessions.len() >= shared.options.max_sessions {
                Some(format!(
                    "clsv: the server is full ({} readers); please try again later.\r\n",
                    sessions.len()
                ))
            } else {
                let open = OpenSession {
                    handle: session.handle(),
                    channel,
                };
                sessions.insert(self.id, open);
                None
            }
        };
        if let Some(message) = full {
            shared.log(self.id, self.peer, "refused", message.trim());
            session.data(channel, message.into_bytes())?;
            session.exit_status_request(channel, 1)?;
            session.eof(channel)?;
            session.close(channel)?;
            return Ok(());
        }
        let started = self.start_browser(channel, lang, notes, session);
        if started.is_err() {
            self.forget();
        }
        started
    }

    /// Starts the browser on `channel`, which has its place among the sessions.
    fn start_browser(
        &mut self,
        channel: ChannelId,
        lang: Lang,
        notes: bool,
        session: &mut Session,
    ) -> Result<(), russh::Error> {
        let shared = Arc::clone(&self.shared);
        // The client's terminal decides colour and glyphs; its environment is not taken,
        // and a client reaching an SSH server is taken to show UTF-8.
        let term = self.term.clone();
        let env = move |name: &str| match name {
            "TERM" => Some(term.clone()),
            "LANG" => Some("C.UTF-8".to_string()),
            _ => None,
        };
        let capabilities = capability::detect(&env, capability::ColorChoice::Auto, false);
        let (width, height) = self.size;
        let start = StartAt {
            lang,
            pane: Pane::Overview,
        };
        let mut app = App::on(
            Arc::clone(&shared.pack),
            Theme::for_terminal(&capabilities),
            start,
            width,
            height,
        );
        let presenting = shared.presenters.is_some();
        if presenting {
            // A late joiner lands on the slide the speaker shows.
            let now = *shared.slide.borrow();
            app = app.with_talk(Talk {
                start: Some(now.slide),
                notes,
                ..Talk::default()
            });
            app.update(Action::Follow {
                slide: now.slide,
                blank: now.blank,
            });
        }
        let sink = Sink::default();
        let screen = Screen::new(sink.clone(), width, height);
        let mut browser = Browser {
            app,
            screen,
            sink,
            pending: Vec::new(),
        };
        let mut first = ENTER.to_vec();
        first.extend(browser.frame()?);
        session.data(channel, first)?;
        let browser = Arc::new(Mutex::new(browser));
        if presenting {
            self.follower = Some(tokio::spawn(follow(
                Arc::clone(&shared),
                Arc::clone(&browser),
                session.handle(),
                channel,
            )));
        }
        self.browser = Some(browser);
        self.channel = Some(channel);
        let role = match (presenting, self.presenter) {
            (false, _) => "",
            (true, true) => " (presenter)",
            (true, false) => " (audience)",
        };
        shared.log(
            self.id,
            self.peer,
            "started",
            &format!("{width}x{height} TERM={}{role}", self.term),
        );
        Ok(())
    }

    /// Ends the browser: the client's terminal back, then the channel closed.
    fn finish(&mut self, session: &mut Session) -> Result<(), russh::Error> {
        if let Some(channel) = self.channel {
            session.data(channel, terminal::RESTORE.to_vec())?;
            session.exit_status_request(channel, 0)?;
            session.eof(channel)?;
            session.close(channel)?;
        }
        self.forget();
        Ok(())
    }

    fn forget(&mut self) {
        self.browser = None;
        self.channel = None;
        if let Some(follower) = self.follower.take() {
            follower.abort();
        }
        if let Ok(mut sessions) = self.shared.sessions.lock() {
            sessions.remove(&self.id);
        }
    }
}

impl Browser {
    /// The next frame's bytes.
    fn frame(&mut self) -> Result<Vec<u8>, russh::Error> {
        terminal::draw_frame(&mut self.screen, &self.app).map_err(russh::Error::IO)?;
        Ok(self.sink.take())
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.forget();
        self.shared.log(self.id, self.peer, "disconnected", "");
    }
}

impl Handler for Connection {
    type Error = russh::Error;

    async fn auth_none(&mut self, user: &str) -> Result<Auth, Self::Error> {
        if self.shared.authorized.is_some() || self.shared.presenters.is_some() {
            let mut next = MethodSet::empty();
            next.push(MethodKind::PublicKey);
            if self.shared.authorized.is_none() {
                next.push(MethodKind::KeyboardInteractive);
            }
            return Ok(Auth::Reject {
                proceed_with_methods: Some(next),
                partial_success: false,
            });
        }
        self.admit_user(user, "no key");
        Ok(Auth::Accept)
    }

    async fn auth_keyboard_interactive<'a>(
        &'a mut self,
        user: &str,
        _submethods: &str,
        _response: Option<russh::server::Response<'a>>,
    ) -> Result<Auth, Self::Error> {
        // Only offered when the server is open to everyone: no question is asked.
        if self.shared.authorized.is_some() {
            return Ok(Auth::reject());
        }
        self.admit_user(user, "no key");
        Ok(Auth::Accept)
    }

    async fn auth_publickey(
        &mut self,
        user: &str,
        key: VerifiedPublicKey<'_>,
    ) -> Result<Auth, Self::Error> {
        let fingerprint = key.public_key.fingerprint(Default::default()).to_string();
        let listed = |keys: &[PublicKey]| {
            keys.iter()
                .any(|k| k.key_data() == key.public_key.key_data())
        };
        if !self.shared.authorized.as_deref().is_none_or(listed) {
            let detail = format!("user {user}, key {fingerprint} is not authorized");
            self.refused(&detail);
            return Ok(Auth::reject());
        }
        self.presenter = self.shared.presenters.as_deref().is_some_and(listed);
        self.admit_user(user, &format!("key {fingerprint}"));
        Ok(Auth::Accept)
    }

    async fn channel_open_session(
        &mut self,
        _channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        // The channel is read through the callbacks below; holding it unread would stall the
        // connection, so it is dropped here.
        reply.accept().await;
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        term: &str,
        cols: u32,
        rows: u32,
        _pw: u32,
        _ph: u32,
        _modes: &[(Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.term = term
            .chars()
            .filter(|c| c.is_ascii_graphic())
            .take(64)
            .collect();
        self.size = clamp_size(cols, rows);
        session.channel_success(channel)?;
        Ok(())
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.browser.is_some() {
            // One browser per connection: another channel asking for one is refused.
            session.channel_failure(channel)?;
            return Ok(());
        }
        session.channel_success(channel)?;
        let lang = self.shared.options.lang;
        self.start(channel, lang, false, session)
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        // The only commands: a language of the pack (`ssh -t host en`), and for a presenter,
        // `notes` for the speaker's view.
        let command = String::from_utf8_lossy(data).trim().to_string();
        let notes = command == "notes" && self.presenter;
        let lang = match notes {
            true => Some(self.shared.options.lang),
            false => self.shared.pack.content().lang(&command),
        };
        match lang {
            Some(lang) if self.browser.is_none() => {
                session.channel_success(channel)?;
                self.start(channel, lang, notes, session)
            }
            _ => {
                self.refused(&format!("command {command:?}"));
                session.channel_failure(channel)?;
                Ok(())
            }
        }
    }

    async fn channel_open_direct_tcpip(
        &mut self,
        _channel: Channel<Msg>,
        host: &str,
        port: u32,
        _originator: &str,
        _originator_port: u32,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused(&format!("forwarding to {host}:{port}"));
        drop(reply); // dropped unanswered: refused as administratively prohibited
        Ok(())
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        _value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused(&format!("environment {name:?}"));
        session.channel_failure(channel)?;
        Ok(())
    }

    async fn agent_request(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refused("agent forwarding");
        Ok(false)
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused(&format!("subsystem {name:?}"));
        session.channel_failure(channel)?;
        Ok(())
    }

    async fn tcpip_forward(
        &mut self,
        address: &str,
        port: &mut u32,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refused(&format!("forwarding {address}:{port}"));
        Ok(false)
    }

    async fn data(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.channel != Some(channel) {
            return Ok(());
        }
        let Some(browser) = self.browser.clone() else {
            return Ok(());
        };
        let audience = self.shared.presenters.is_some() && !self.presenter;
        let (quit, frame, showing) = {
            let mut browser = browser.lock().map_err(|_| russh::Error::Inconsistent)?;
            if browser.pending.len() + data.len() > MAX_PENDING_INPUT {
                // A burst no person types: dropped, the session goes on.
                browser.pending.clear();
                return Ok(());
            }
            browser.pending.extend_from_slice(data);
            let events = parse_input(&mut browser.pending);
            let mut changed = false;
            for event in events {
                let Some(action) = terminal::action_for(&browser.app, event) else {
                    continue;
                };
                // The audience follows the speaker: it can only leave.
                if audience && action != Action::Quit {
                    continue;
                }
                browser.app.update(action);
                changed = true;
                if browser.app.should_quit() {
                    break;
                }
            }
            let quit = browser.app.should_quit();
            let frame = match changed && !quit {
                true => Some(browser.frame()?),
                false => None,
            };
            let showing = browser.app.presentation().map(|p| Follow {
                slide: p.slide,
                blank: p.blank,
            });
            (quit, frame, showing)
        };
        if quit {
            return self.finish(session);
        }
        if let Some(frame) = frame {
            session.data(channel, frame)?;
        }
        if self.presenter
            && let Some(showing) = showing
        {
            // Everyone else follows: sessions see the change through the shared slide.
            self.shared.slide.send_if_modified(|now| {
                let changed = *now != showing;
                *now = showing;
                changed
            });
        }
        Ok(())
    }

    async fn window_change_request(
        &mut self,
        channel: ChannelId,
        cols: u32,
        rows: u32,
        _pw: u32,
        _ph: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let (width, height) = clamp_size(cols, rows);
        self.size = (width, height);
        if self.channel == Some(channel)
            && let Some(browser) = self.browser.clone()
        {
            let frame = {
                let mut browser = browser.lock().map_err(|_| russh::Error::Inconsistent)?;
                browser.screen.resize(width, height);
                browser.app.update(Action::Resize { width, height });
                browser.frame()?
            };
            session.data(channel, frame)?;
        }
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.close(channel)?;
        Ok(())
    }

    async fn channel_close(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.forget();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{Event, KeyCode};

    #[test]
    fn json_strings_escape_what_a_client_could_send() {
        assert_eq!(
            json_string("a\"b\\c\n\u{1b}[2J"),
            "\"a\\\"b\\\\c\\u000a\\u001b[2J\""
        );
    }

    fn keys(events: &[Event]) -> Vec<KeyCode> {
        events
            .iter()
            .filter_map(|e| match e {
                Event::Key(k) => Some(k.code),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn parses_keys_sequences_and_text_and_keeps_what_is_incomplete() {
        let mut pending = b"j\x1b[Bq".to_vec();
        assert_eq!(
            keys(&parse_input(&mut pending)),
            [KeyCode::Char('j'), KeyCode::Down, KeyCode::Char('q')]
        );
        assert!(pending.is_empty());
        let mut pending = "ţ".as_bytes()[..1].to_vec();
        assert!(parse_input(&mut pending).is_empty());
        pending.extend_from_slice(&"ţ".as_bytes()[1..]);
        assert_eq!(keys(&parse_input(&mut pending)), [KeyCode::Char('ţ')]);
        let mut pending = b"\x1b".to_vec();
        assert_eq!(keys(&parse_input(&mut pending)), [KeyCode::Esc]);
        let mut pending = b"\x1b[".to_vec();
        assert!(parse_input(&mut pending).is_empty(), "waits for the rest");
        assert_eq!(pending, b"\x1b[");
    }

    #[test]
    fn sizes_are_clamped_and_zero_gets_a_default() {
        assert_eq!(clamp_size(0, 0), FALLBACK_SIZE);
        assert_eq!(clamp_size(100_000, 100_000), MAX_SIZE);
        assert_eq!(clamp_size(120, 40), (120, 40));
    }
}
