//! One SSH connection to `clsv serve`: who may log in (and telling a client whose keys are
//! not on the list so), which requests are answered (a terminal, a shell, a language's tag
//! and a link as the command) and which refused (every other one, always with a reply when
//! the client asks for one), and what it starts: the browser on a terminal, the plain text
//! without one.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use russh::server::{Auth, ChannelOpenHandle, Handler, Msg, Server, Session, VerifiedPublicKey};
use russh::{Channel, ChannelId, ChannelOpenFailure, ChannelWriteHalf, MethodKind, MethodSet, Pty};

use super::Shared;
use super::log::{self, Refusals};
use super::session::{self, Follow, Mailbox, Role};
use crate::action::Action;
use crate::app::{App, StartAt, Talk};
use crate::capability;
use crate::content::{Content, Lang};
use crate::link::{self, Link};
use crate::search::Target;
use crate::theme::Theme;
use crate::vocabulary::Pane;

/// Sessions' terminal sizes are kept within these bounds, whatever a client asks.
const MIN_SIZE: (u16, u16) = (1, 1);
const MAX_SIZE: (u16, u16) = (500, 300);
/// A size for clients that send none (a pty request of 0×0).
const FALLBACK_SIZE: (u16, u16) = (80, 24);
/// The most session channels a connection may hold open; it needs one.
const MAX_CHANNELS: usize = 4;

/// What takes the terminal over on a client (what gives it back is `terminal::RESTORE`):
/// the alternate screen, no cursor, mouse reports, and bracketed paste, so that pasted text
/// arrives marked as a paste and is never taken for keys.
const ENTER: &[u8] = b"\x1b[?1049h\x1b[?25l\x1b[?1000h\x1b[?1002h\x1b[?1006h\x1b[?2004h";

/// Makes a [`Connection`] for each client.
pub struct ClsvServer {
    shared: Arc<Shared>,
}

impl ClsvServer {
    pub(super) fn new(shared: Arc<Shared>) -> ClsvServer {
        ClsvServer { shared }
    }
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
            channels: HashMap::new(),
            running: None,
            pty: false,
            handle: Arc::new(OnceLock::new()),
            presenter: false,
            authenticated: Arc::new(AtomicBool::new(false)),
            refusals: Refusals::default(),
        }
    }

    fn handle_session_error(&mut self, error: <Self::Handler as Handler>::Error) {
        self.shared
            .log(log::SERVER, None, "error", &error.to_string());
    }
}

/// One SSH connection.
pub struct Connection {
    shared: Arc<Shared>,
    id: u64,
    peer: Option<SocketAddr>,
    term: String,
    size: (u16, u16),
    /// The session channels open and not yet running the browser: where to write to each.
    channels: HashMap<ChannelId, ChannelWriteHalf<Msg>>,
    running: Option<Running>,
    /// The client asked for a terminal: without one, it gets the plain text, not the browser.
    pty: bool,
    /// The connection's handle, once the handshake has begun: for turning the client away
    /// with a reason while it logs in.
    handle: Arc<OnceLock<russh::server::Handle>>,
    /// Logged in with a presenter's key.
    presenter: bool,
    /// Set once the client is in, for the handshake watchdog.
    authenticated: Arc<AtomicBool>,
    refusals: Refusals,
}

/// The browser running on one of the connection's channels.
struct Running {
    channel: ChannelId,
    session: session::Session,
    /// While presenting: passes the speaker's slide and the clock to the session.
    follower: Option<tokio::task::JoinHandle<()>>,
    /// Counted among the talk's speakers.
    speaking: bool,
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

/// While presenting: passes what the speaker shows, and the talk's clock (`started`) each
/// second, to a session, until it ends.
async fn follow(
    mut showing: tokio::sync::watch::Receiver<Follow>,
    mailbox: Arc<Mailbox>,
    started: std::time::Instant,
) {
    let mut clock = tokio::time::interval(Duration::from_secs(1));
    loop {
        tokio::select! {
            changed = showing.changed() => {
                if changed.is_err() {
                    return;
                }
                mailbox.follow(*showing.borrow_and_update());
            }
            _ = clock.tick() => mailbox.tick(started.elapsed()),
        }
    }
}

impl Connection {
    pub(super) fn id(&self) -> u64 {
        self.id
    }

    pub(super) fn authenticated(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.authenticated)
    }

    /// Where the connection's handle is put once its handshake has begun.
    pub(super) fn handle_slot(&self) -> Arc<OnceLock<russh::server::Handle>> {
        Arc::clone(&self.handle)
    }

    /// A request of the client that was refused: the first few of its kind are logged with
    /// `detail`, the others are counted for one line when the connection ends.
    fn refused(&mut self, kind: &'static str, detail: &str) {
        if self.refusals.count(kind) {
            self.shared.log(self.id, self.peer, "refused", detail);
        }
    }

    /// Notes that the client is in.
    fn admit_user(&mut self, user: &str, how: &str) {
        self.authenticated.store(true, Ordering::Relaxed);
        let role = match (self.shared.stage.is_some(), self.presenter) {
            (true, true) => ", presenter",
            (true, false) => ", audience",
            (false, _) => "",
        };
        let detail = format!("user {user:?}, {how}{role}");
        self.shared
            .log(self.id, self.peer, "authenticated", &detail);
    }

    /// Starts the browser on `channel`, unless the server is full.
    fn start(
        &mut self,
        channel: ChannelId,
        (lang, item): (Lang, Option<Target>),
        notes: bool,
        session: &mut Session,
    ) -> Result<(), russh::Error> {
        let mailbox = Arc::new(Mailbox::default());
        // The count is checked and the session taken into it in one step, under one lock, so
        // that logins at the same moment cannot pass the limit together. The place is kept
        // until the session ends (`forget`), or given back at once if it cannot start.
        if let Some(message) = self.take_place(&mailbox)? {
            session.data(channel, format!("{message}\r\n").into_bytes())?;
            session.exit_status_request(channel, 1)?;
            session.eof(channel)?;
            session.close(channel)?;
            return Ok(());
        }
        let started = self.start_browser(channel, mailbox, (lang, item), notes);
        if started.is_err() {
            self.forget();
        }
        started
    }

    /// Takes a place among the sessions for this connection, unless the server is full: then
    /// the words that tell the reader so, logged as the refusal.
    fn take_place(&self, mailbox: &Arc<Mailbox>) -> Result<Option<String>, russh::Error> {
        let mut sessions = self
            .shared
            .sessions
            .lock()
            .map_err(|_| russh::Error::Inconsistent)?;
        if sessions.len() < self.shared.options.max_sessions {
            sessions.insert(self.id, Arc::clone(mailbox));
            return Ok(None);
        }
        let message = format!(
            "clsv: the server is full ({} readers); please try again later.",
            sessions.len()
        );
        self.shared.log(self.id, self.peer, "refused", &message);
        Ok(Some(message))
    }

    /// Answers a session without a terminal as `clsv print` would: the plain text in `lang`
    /// (or `item` alone), 80 columns wide, then exit status 0 and the channel closed. It
    /// holds a place among the sessions while it is written, as a browser would.
    fn print(&mut self, channel: ChannelId, lang: Lang, item: Option<Target>) {
        let Some(writer) = self.channels.remove(&channel) else {
            return;
        };
        let full = match self.take_place(&Arc::new(Mailbox::default())) {
            Ok(full) => full,
            Err(_) => Some("clsv: the server cannot take a reader now.".to_string()),
        };
        if let Some(message) = full {
            tokio::spawn(answer(writer, Vec::new(), format!("{message}\n"), 1));
            return;
        }
        let pack = Arc::clone(&self.shared.pack);
        let detail = match item {
            Some(_) => "plain text (no terminal), one item",
            None => "plain text (no terminal)",
        };
        self.shared.log(self.id, self.peer, "started", detail);
        tokio::spawn(async move {
            let options = crate::print::Options {
                lang,
                pane: None,
                item,
                width: PRINT_WIDTH,
                format: crate::print::Format::Text,
                ascii: false,
            };
            // Made on a thread of the blocking pool: the runtime's threads only move bytes.
            let text = tokio::task::spawn_blocking(move || {
                let mut text = Vec::new();
                crate::print::write(pack.content(), &options, &mut text).map(|()| {
                    text.push(b'\n');
                    text
                })
            })
            .await;
            match text {
                Ok(Ok(text)) => answer(writer, text, String::new(), 0).await,
                _ => {
                    answer(
                        writer,
                        Vec::new(),
                        "clsv: the text could not be made.\n".into(),
                        1,
                    )
                    .await
                }
            }
        });
    }

    /// Starts the browser on `channel`, which has its place among the sessions.
    fn start_browser(
        &mut self,
        channel: ChannelId,
        mailbox: Arc<Mailbox>,
        (lang, item): (Lang, Option<Target>),
        notes: bool,
    ) -> Result<(), russh::Error> {
        let shared = Arc::clone(&self.shared);
        let writer = self
            .channels
            .remove(&channel)
            .ok_or(russh::Error::WrongChannel)?;
        // The client's terminal decides colour and glyphs; its environment is not taken,
        // and a client reaching an SSH server is taken to show UTF-8.
        let term = self.term.clone();
        let env = move |name: &str| match name {
            "TERM" => Some(term.clone()),
            "LANG" => Some("C.UTF-8".to_string()),
            _ => None,
        };
        let capabilities = capability::detect(&env, capability::ColorChoice::Auto, false);
        // The client asked for a terminal (a session without one has no TERM).
        let hyperlinks = capability::detect_hyperlinks(&env, shared.options.hyperlinks, true);
        let (width, height) = self.size;
        let start = StartAt {
            lang,
            pane: item.map_or(Pane::Overview, Target::pane),
            item,
        };
        let mut app = App::on(
            Arc::clone(&shared.pack),
            Theme::for_terminal(&capabilities),
            start,
            width,
            height,
        );
        let role = match &shared.stage {
            None => Role::Reader,
            Some(stage) => {
                // The first presenter starts the talk's timer; every other joins it.
                if self.presenter {
                    stage.start_timer();
                }
                // A late joiner lands on the slide the speaker shows, at the talk's time.
                let now = *stage.showing.borrow();
                app.update(Action::Tick(stage.clock.elapsed()));
                if let Some(start) = now.timer_from {
                    app.update(Action::TimerFrom(start));
                }
                app = app.with_talk(Talk {
                    start: Some(now.slide),
                    notes,
                    // The countdown is the presenters'.
                    duration: shared.options.duration.filter(|_| self.presenter),
                    // The audience's clock counts minutes: its screens are not redrawn, nor
                    // a packet sent to each, every second.
                    in_minutes: !self.presenter,
                });
                app.update(Action::Follow {
                    slide: now.slide,
                    blank: now.blank,
                    speaker: now.speaker || self.presenter,
                });
                match self.presenter {
                    true => Role::Presenter {
                        stage: stage.showing.clone(),
                        clock: stage.clock,
                    },
                    false => Role::Audience,
                }
            }
        };
        let speaking = matches!(role, Role::Presenter { .. });
        let running = session::Session::start(
            Arc::clone(&mailbox),
            app,
            (width, height),
            ENTER,
            writer,
            (role, hyperlinks.on),
            Arc::clone(&shared.frames),
        )
        .map_err(russh::Error::IO)?;
        let follower = shared.stage.as_ref().map(|stage| {
            let showing = stage.showing.subscribe();
            tokio::spawn(follow(showing, Arc::clone(&mailbox), stage.clock))
        });
        if speaking && let Some(stage) = &shared.stage {
            stage.speaker(true);
        }
        self.running = Some(Running {
            channel,
            session: running,
            follower,
            speaking,
        });
        let role = match (shared.stage.is_some(), self.presenter) {
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

    /// Ends the browser, if one runs, and gives its place among the sessions back.
    fn forget(&mut self) {
        if let Some(running) = self.running.take() {
            if let Some(follower) = running.follower {
                follower.abort();
            }
            if running.speaking
                && let Some(stage) = &self.shared.stage
            {
                stage.speaker(false);
            }
        }
        if let Ok(mut sessions) = self.shared.sessions.lock() {
            sessions.remove(&self.id);
        }
    }

    /// The running browser's mailbox, if `channel` runs it.
    fn mailbox(&self, channel: ChannelId) -> Option<&Mailbox> {
        self.running
            .as_ref()
            .filter(|running| running.channel == channel)
            .map(|running| running.session.mailbox())
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.forget();
        if let Some(repeated) = self.refusals.repeated() {
            self.shared
                .log(self.id, self.peer, "refused, repeated", &repeated);
        }
        self.shared.log(self.id, self.peer, "disconnected", "");
    }
}

impl Handler for Connection {
    type Error = russh::Error;

    async fn auth_none(&mut self, user: &str) -> Result<Auth, Self::Error> {
        if self.shared.authorized.is_some() || self.shared.stage.is_some() {
            let mut next = MethodSet::empty();
            next.push(MethodKind::PublicKey);
            // With authorized keys, a client that has run out of keys comes here to be told
            // so in words.
            next.push(MethodKind::KeyboardInteractive);
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
        response: Option<russh::server::Response<'a>>,
    ) -> Result<Auth, Self::Error> {
        // Open to everyone: no question is asked. With authorized keys, an OpenSSH client
        // comes here once it has offered every key it has and none was on the list: it is
        // told so, in the round's instructions and in the disconnect message (which a client
        // shows even when it logs only errors), instead of a bare "Permission denied".
        if self.shared.authorized.is_some() {
            if response.is_none() {
                self.shared
                    .log(self.id, self.peer, "refused", NOT_AUTHORIZED_LOG);
                if let Some(handle) = self.handle.get().cloned() {
                    tokio::spawn(async move {
                        let reason = russh::Disconnect::NoMoreAuthMethodsAvailable;
                        let said = NOT_AUTHORIZED.to_string();
                        let _ = handle.disconnect(reason, said, "en".into()).await;
                    });
                }
                return Ok(Auth::Partial {
                    name: "".into(),
                    instructions: NOT_AUTHORIZED.into(),
                    prompts: Vec::new().into(),
                });
            }
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
        let listed = |keys: &[russh::keys::PublicKey]| {
            keys.iter()
                .any(|k| k.key_data() == key.public_key.key_data())
        };
        if !self.shared.authorized.as_deref().is_none_or(listed) {
            let detail =
                format!("user {user:?}, key {fingerprint} is not on the list of authorized keys");
            self.refused("key", &detail);
            return Ok(Auth::reject());
        }
        self.presenter = self
            .shared
            .stage
            .as_ref()
            .is_some_and(|stage| listed(&stage.presenters));
        self.admit_user(user, &format!("key {fingerprint}"));
        Ok(Auth::Accept)
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.channels.len() >= MAX_CHANNELS {
            self.refused("session channel", "one session channel too many");
            reply.reject(ChannelOpenFailure::ResourceShortage).await;
            return Ok(());
        }
        // The channel's requests and data are read through the callbacks below; its read
        // half is dropped, as holding it unread would stall the connection. Its write half
        // sends the frames as the client's window allows.
        let (_, writer) = channel.split();
        self.channels.insert(writer.id(), writer);
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
        self.pty = true;
        session.channel_success(channel)?;
        Ok(())
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.running.is_some() {
            // One browser per connection: another channel asking for one is refused.
            self.refused("second browser", "a second browser on one connection");
            session.channel_failure(channel)?;
            return Ok(());
        }
        session.channel_success(channel)?;
        let lang = self.shared.options.lang;
        if !self.pty {
            // `ssh -T host`: no terminal to draw the browser on.
            self.print(channel, lang, None);
            return Ok(());
        }
        self.start(channel, (lang, None), false, session)
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        // The only commands: a language of the pack (`ssh -t host en`), a deep link
        // (`members/md`), both in any order, and for a presenter `notes` for the speaker's
        // view.
        let command = String::from_utf8_lossy(data);
        let command = command.trim();
        let words = command_words(self.shared.pack.content(), command, self.presenter);
        match words {
            Some(words) if self.running.is_none() => {
                session.channel_success(channel)?;
                let lang = words.lang.unwrap_or(self.shared.options.lang);
                if !self.pty {
                    self.print(channel, lang, words.item);
                    return Ok(());
                }
                self.start(channel, (lang, words.item), words.notes, session)
            }
            Some(_) => {
                self.refused("second browser", "a second browser on one connection");
                session.channel_failure(channel)?;
                Ok(())
            }
            None => {
                // Run, as far as the client can tell, and answered as a program would: the
                // words it takes on standard error, and an exit status of its own.
                let detail = format!("command {command:?}");
                self.refused("command", &detail);
                session.channel_success(channel)?;
                if let Some(writer) = self.channels.remove(&channel) {
                    let mut usage = usage(self.shared.pack.content(), self.presenter);
                    if self.pty {
                        // A terminal in raw mode moves down a line without going back.
                        usage = usage.replace('\n', "\r\n");
                    }
                    tokio::spawn(answer(writer, Vec::new(), usage, USAGE_STATUS));
                }
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
        let detail = format!("forwarding to {host:?}:{port}");
        self.refused("forwarding", &detail);
        reply
            .reject(ChannelOpenFailure::AdministrativelyProhibited)
            .await;
        Ok(())
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        _value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        // Every OpenSSH client sends its locale: not taken (the command's words choose the
        // language), and not worth a line, as an operator would read one per connection.
        if !is_locale(name) {
            let detail = format!("environment {name:?}");
            self.refused("environment", &detail);
        }
        session.channel_failure(channel)?;
        Ok(())
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _single_connection: bool,
        _protocol: &str,
        _cookie: &str,
        _screen: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused("X11 forwarding", "X11 forwarding");
        session.channel_failure(channel)?;
        Ok(())
    }

    async fn agent_request(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        // Answered by russh with a failure, as this says no.
        self.refused("agent forwarding", "agent forwarding");
        Ok(false)
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let detail = format!("subsystem {name:?}");
        self.refused("subsystem", &detail);
        session.channel_failure(channel)?;
        Ok(())
    }

    async fn tcpip_forward(
        &mut self,
        address: &str,
        port: &mut u32,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        let detail = format!("forwarding {address:?}:{port}");
        self.refused("forwarding", &detail);
        Ok(false)
    }

    async fn data(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        let kept = self.mailbox(channel).is_none_or(|m| m.input(data));
        if !kept {
            self.refused("input", "input beyond 64 KiB not yet read: dropped");
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
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        let (width, height) = clamp_size(cols, rows);
        self.size = (width, height);
        if let Some(mailbox) = self.mailbox(channel) {
            mailbox.resize(width, height);
        }
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        // A channel being answered (the plain text, the words a command takes) closes itself
        // once written: a client without a terminal ends its input at once (`ssh host en`
        // with nothing to send), and closing then would cut the answer off.
        let answering = !self.channels.contains_key(&channel) && self.mailbox(channel).is_none();
        if !answering {
            session.close(channel)?;
        }
        Ok(())
    }

    async fn channel_close(
        &mut self,
        channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.channels.remove(&channel);
        if self.running.as_ref().is_some_and(|r| r.channel == channel) {
            self.forget();
        }
        Ok(())
    }
}

/// The width of the plain text a session without a terminal gets, as `clsv print` writes
/// where it cannot ask a terminal.
const PRINT_WIDTH: usize = 80;

/// The exit status of a command that is not one of the words the server takes, as a
/// program's for a usage error.
const USAGE_STATUS: u32 = 2;

/// What a client is told when none of its keys is on the list of authorized keys.
const NOT_AUTHORIZED: &str = "clsv: your key is not on the list of authorized keys.";

/// What the log says then.
const NOT_AUTHORIZED_LOG: &str =
    "no key offered is on the list of authorized keys; told so and disconnected";

/// The line an unknown command gets: the words the server takes.
fn usage(content: &Content, presenter: bool) -> String {
    let languages = content.languages.join(", ");
    let notes = match presenter {
        true => "notes for the speaker's view",
        false => "notes for a presenter",
    };
    format!(
        "clsv: the command takes a language of the pack ({languages}), a link such as \
         members/md or declaration/privacy, and {notes}; in any order, each at most once.\n"
    )
}

/// Writes `out`, then `err` on standard error, then the exit status, and closes the channel.
async fn answer(writer: ChannelWriteHalf<Msg>, out: Vec<u8>, err: String, status: u32) {
    // Each step fails only when the client has gone, and then nothing is left to do.
    if !out.is_empty() {
        let _ = writer.data_bytes(out).await;
    }
    if !err.is_empty() {
        // Extended data of type 1 is standard error (RFC 4254, section 5.2).
        let _ = writer.extended_data_bytes(1, err.into_bytes()).await;
    }
    let _ = writer.exit_status(status).await;
    let _ = writer.eof().await;
    let _ = writer.close().await;
}

/// Whether an environment variable is the client's locale (`LANG`, `LANGUAGE`, `LC_*`),
/// which OpenSSH clients send unasked.
fn is_locale(name: &str) -> bool {
    matches!(name, "LANG" | "LANGUAGE") || name.starts_with("LC_")
}

/// What the words of an SSH command ask for: a language, an item to open on, the speaker's
/// view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct CommandWords {
    lang: Option<Lang>,
    item: Option<Target>,
    notes: bool,
}

/// The words of `command`, in any order: a language of the pack, a deep link to an item or
/// a pane, and, for a presenter, `notes`; each at most once. `None` for anything else.
fn command_words(content: &Content, command: &str, presenter: bool) -> Option<CommandWords> {
    let mut words = CommandWords::default();
    for word in command.split_whitespace() {
        if word == "notes" && presenter && !words.notes {
            words.notes = true;
        } else if let Some(lang) = content.lang(word).filter(|_| words.lang.is_none()) {
            words.lang = Some(lang);
        } else if words.item.is_none()
            && let Ok(Link::Item(target)) = link::resolve(content, word)
        {
            words.item = Some(target);
        } else {
            return None;
        }
    }
    Some(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_takes_a_language_and_a_link_in_either_order() {
        let content = crate::content::load::load_embedded().unwrap();
        let en = content.lang("en");
        let md = content.members.members.iter().position(|m| m.id == "md");
        let both = Some(CommandWords {
            lang: en,
            item: md.map(Target::Member),
            notes: false,
        });
        assert_eq!(command_words(&content, "en members/md", false), both);
        assert_eq!(command_words(&content, "members/md en", false), both);
        let link = command_words(&content, "declaration/privacy", false).unwrap();
        assert_eq!((link.lang, link.notes), (None, false));
        assert!(matches!(
            link.item,
            Some(Target::Item(Pane::Declaration, _))
        ));
        assert_eq!(
            command_words(&content, "", false),
            Some(CommandWords::default())
        );
        // Only a presenter has notes; anything else is refused.
        assert_eq!(command_words(&content, "notes", false), None);
        assert!(command_words(&content, "notes en", true).unwrap().notes);
        for refused in ["ls", "en en", "members/zz", "present/2", "en ro", "a b c"] {
            assert_eq!(command_words(&content, refused, false), None, "{refused}");
        }
    }

    #[test]
    fn only_the_locale_is_passed_over_in_silence() {
        for locale in ["LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_MESSAGES"] {
            assert!(is_locale(locale), "{locale}");
        }
        for other in ["FOO", "TERM", "PATH", "lang", "LCX", "XLANG"] {
            assert!(!is_locale(other), "{other}");
        }
    }

    #[test]
    fn the_usage_line_names_the_languages_a_link_and_notes() {
        let content = crate::content::load::load_embedded().unwrap();
        let line = usage(&content, false);
        assert!(
            line.contains("(ro, en)") || line.contains("(en, ro)"),
            "{line}"
        );
        assert!(
            line.contains("members/md") && line.contains("notes"),
            "{line}"
        );
        assert_eq!(line.lines().count(), 1, "{line}");
        assert!(usage(&content, true).contains("speaker's view"));
    }

    #[test]
    fn sizes_are_clamped_and_zero_gets_a_default() {
        assert_eq!(clamp_size(0, 0), FALLBACK_SIZE);
        assert_eq!(clamp_size(100_000, 100_000), MAX_SIZE);
        assert_eq!(clamp_size(120, 40), (120, 40));
    }
}
