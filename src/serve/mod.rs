//! `clsv serve`: the browser over SSH, for many readers at once. Each connection that asks
//! for a terminal gets its own `App`, run on a thread of its own (`session`) and drawn by the
//! same `frame::Screen` as a local terminal into the SSH channel; its keys arrive as bytes,
//! parsed into terminal events and mapped to actions like local keys. Nothing else is
//! offered: no shell, no command but a language's tag and a link (a session without a
//! terminal gets the plain text), no forwarding, no subsystem, no environment
//! (`connection`). Every limit a stranger could push against is here or there:
//! connections per address, sessions, the login and idle times, the input waiting, the
//! frames held for a client, the length of a log line. Behind a load balancer, the address
//! that counts is the one in the connection's PROXY header (`proxy`).

mod connection;
mod input;
mod log;
mod proxy;
mod refuse;
mod session;

use std::collections::HashMap;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use russh::keys::ssh_key::{LineEnding, PublicKey};
use russh::keys::{Algorithm, PrivateKey};
use russh::server::{Config, Server};
use russh::{MethodKind, MethodSet, SshId};

use crate::app::Pack;
use crate::capability::HyperlinkChoice;
use crate::content::{Content, Lang};
use crate::frame::SharedFrames;
use connection::{ClsvServer, Connection};
use log::Log;
use session::{Follow, Mailbox};

/// How the server is run.
#[derive(Debug, Clone)]
pub struct Options {
    pub listen: SocketAddr,
    /// The host key's file: created on first start (mode 0600), read after.
    pub host_key: PathBuf,
    /// Only these keys may connect; everyone may without it.
    pub authorized_keys: Option<PathBuf>,
    pub max_sessions: usize,
    /// The most connections from one address at once; `None` for no limit (a hall whose
    /// readers share one address, see [`per_address_limit`]).
    pub max_per_address: Option<usize>,
    pub idle_timeout: Duration,
    /// Clients that have not logged in by then are dropped.
    pub login_timeout: Duration,
    /// Present instead of browse: the keys whose connections drive the slides (every other
    /// connection follows them, read-only).
    pub presenter_keys: Option<PathBuf>,
    /// With `--present`: the time the talk may take, for the presenters' countdown.
    pub duration: Option<Duration>,
    pub json_logs: bool,
    pub lang: Lang,
    /// Whether the sources' web addresses are links: for `auto`, as each client's `TERM`
    /// says.
    pub hyperlinks: HyperlinkChoice,
    /// Every connection starts with a PROXY protocol header (from a load balancer), whose
    /// address stands for the connection's own; one without it is dropped.
    pub proxy_protocol: bool,
}

/// How the server names itself to clients, in the handshake and when turning one away.
const SERVER_ID: &str = concat!("SSH-2.0-clsv_", env!("CARGO_PKG_VERSION"));

/// What all connections share.
struct Shared {
    /// The pack every session shows, with the one search index they share.
    pack: Arc<Pack>,
    options: Options,
    log: Log,
    authorized: Option<Vec<PublicKey>>,
    next_id: AtomicU64,
    /// Open sessions, for the limits and for saying goodbye on shutdown.
    sessions: Mutex<HashMap<u64, Arc<Mailbox>>>,
    /// Open connections by source address, authenticated or not.
    connections: Mutex<HashMap<IpAddr, usize>>,
    /// With `--present`: the talk every session follows.
    stage: Option<Stage>,
    /// The changes between frames that sessions showing the same thing share.
    frames: Arc<SharedFrames>,
}

/// A talk: who may drive it, what they show, its clock, and how many of them are connected.
struct Stage {
    presenters: Vec<PublicKey>,
    showing: tokio::sync::watch::Sender<Follow>,
    speakers: Mutex<usize>,
    /// The clock every session's ticks count from; the talk's timer is a time of it
    /// (`Follow::timer_from`).
    clock: std::time::Instant,
}

impl Stage {
    fn new(presenters: Vec<PublicKey>) -> Stage {
        Stage {
            presenters,
            showing: tokio::sync::watch::Sender::new(Follow::default()),
            speakers: Mutex::new(0),
            clock: std::time::Instant::now(),
        }
    }

    /// A presenter connects: the talk's timer starts now, unless a presenter started it
    /// before (one who reconnects finds it where it is).
    fn start_timer(&self) {
        let now = self.clock.elapsed();
        self.showing.send_if_modified(|showing| {
            let starts = showing.timer_from.is_none();
            showing.timer_from.get_or_insert(now);
            starts
        });
    }

    /// A presenter's session starts or ends; the audience is told when none is left, and
    /// when one is back.
    fn speaker(&self, joined: bool) {
        let Ok(mut speakers) = self.speakers.lock() else {
            return;
        };
        *speakers = match joined {
            true => *speakers + 1,
            false => speakers.saturating_sub(1),
        };
        let here = *speakers > 0;
        self.showing.send_if_modified(|now| {
            let changed = now.speaker != here;
            now.speaker = here;
            // A screen left blank by a speaker who has gone would stay blank: it is shown.
            if !here {
                now.blank = false;
            }
            changed
        });
    }
}

impl Shared {
    /// Counts a new connection from `address`, unless it already has the most allowed.
    fn admit(&self, address: IpAddr) -> bool {
        let Ok(mut connections) = self.connections.lock() else {
            return false;
        };
        let count = connections.entry(address).or_insert(0);
        if self
            .options
            .max_per_address
            .is_some_and(|most| *count >= most)
        {
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

    fn log(&self, id: u64, peer: Option<SocketAddr>, event: &str, detail: &str) {
        self.log.event(id, peer, event, detail);
    }
}

/// The connections from one address at once when the flag does not say: 8, or no limit while
/// presenting, as a conference hall's readers often reach the server through one address
/// (its network's).
pub fn per_address_limit(flag: Option<usize>, present: bool) -> Option<usize> {
    match (flag, present) {
        (Some(most), _) => Some(most),
        (None, true) => None,
        (None, false) => Some(DEFAULT_PER_ADDRESS),
    }
}

/// The connections from one address at once, by default, outside a talk.
pub const DEFAULT_PER_ADDRESS: usize = 8;

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

/// A public key's fingerprint as `ssh-keygen -lf` shows it, without the comment: its size in
/// bits, its SHA-256 hash and its type, such as `256 SHA256:… (ED25519)`.
pub fn fingerprint(key: &PublicKey) -> String {
    use russh::keys::ssh_key::public::KeyData;
    let (bits, kind) = match key.key_data() {
        KeyData::Ed25519(_) => (256, "ED25519"),
        KeyData::SkEd25519(_) => (256, "ED25519-SK"),
        KeyData::Ecdsa(ecdsa) => (ecdsa_bits(ecdsa.curve()), "ECDSA"),
        KeyData::SkEcdsaSha2NistP256(_) => (256, "ECDSA-SK"),
        KeyData::Rsa(rsa) => (rsa.key_size(), "RSA"),
        KeyData::Dsa(_) => (1024, "DSA"),
        // A key type this build cannot read never gets here; named as its algorithm if so.
        _ => (0, "OTHER"),
    };
    let hash = key.fingerprint(russh::keys::HashAlg::Sha256);
    format!("{bits} {hash} ({kind})")
}

fn ecdsa_bits(curve: russh::keys::ssh_key::EcdsaCurve) -> u32 {
    use russh::keys::ssh_key::EcdsaCurve;
    match curve {
        EcdsaCurve::NistP256 => 256,
        EcdsaCurve::NistP384 => 384,
        EcdsaCurve::NistP521 => 521,
    }
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
    let fingerprint = fingerprint(key.public_key());
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
    }
    // While presenting, "none" is refused so that a presenter's client offers its key;
    // everyone else still gets in, by any key or by an empty keyboard-interactive round.
    // With authorized keys, the round is where a client without one is told so.
    methods.push(MethodKind::KeyboardInteractive);
    methods.push(MethodKind::PublicKey);
    let config = Config {
        server_id: SshId::Standard(SERVER_ID.into()),
        methods,
        keys: vec![key],
        inactivity_timeout: Some(options.idle_timeout),
        auth_rejection_time: Duration::from_millis(500),
        auth_rejection_time_initial: Some(Duration::ZERO),
        nodelay: true,
        ..Default::default()
    };
    // The runtime's threads only move bytes: every session's work runs on its own thread.
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
        log: Log {
            json: options.json_logs,
        },
        options: options.clone(),
        authorized,
        next_id: AtomicU64::new(1),
        sessions: Mutex::new(HashMap::new()),
        connections: Mutex::new(HashMap::new()),
        stage: presenters.map(Stage::new),
        frames: Arc::new(SharedFrames::default()),
    });
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(options.listen).await?;
        shared.log.listening(listener.local_addr()?, &fingerprint);
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
        let stop = async move {
            tokio::select! {
                _ = term.recv() => {}
                _ = tokio::signal::ctrl_c() => {}
            }
        };
        tokio::pin!(stop);
        accept(&shared, Arc::new(config), &listener, &mut stop).await;
        say_goodbye(&shared).await;
        Ok(())
    })
}

/// Accepts connections until `stop` is done. When accepting fails (as at the limit of open
/// files), it waits before trying again, longer each time up to a second, and says so once
/// for the whole episode, and once more when connections are accepted again.
async fn accept(
    shared: &Arc<Shared>,
    config: Arc<Config>,
    listener: &tokio::net::TcpListener,
    stop: &mut (impl Future<Output = ()> + Unpin),
) {
    let mut server = ClsvServer::new(Arc::clone(shared));
    let mut failing = Backoff::default();
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = &mut *stop => return,
        };
        let (socket, peer) = match accepted {
            Ok(accepted) => accepted,
            Err(error) => {
                if failing.failures == 0 {
                    let detail = format!("{error}; trying again, less often, until it works");
                    shared.log(log::SERVER, None, "cannot accept connections", &detail);
                }
                let wait = failing.next();
                tokio::select! {
                    _ = tokio::time::sleep(wait) => continue,
                    _ = &mut *stop => return,
                }
            }
        };
        if failing.failures > 0 {
            let detail = format!("after {} failed attempts", failing.failures);
            shared.log(log::SERVER, None, "accepting connections again", &detail);
            failing = Backoff::default();
        }
        let _ = socket.set_nodelay(true);
        if shared.options.proxy_protocol {
            // The header is awaited on a task of its own, so that a slow one holds up no
            // other connection.
            tokio::spawn(behind_proxy(
                Arc::clone(shared),
                Arc::clone(&config),
                socket,
                peer,
            ));
        } else {
            let login = shared.options.login_timeout;
            admit(shared, &mut server, &config, socket, peer, login);
        }
    }
}

/// Serves the connection from `peer`, unless `peer`'s address already has the most
/// connections allowed; `login` is the time it has left to log in.
fn admit(
    shared: &Arc<Shared>,
    server: &mut ClsvServer,
    config: &Arc<Config>,
    socket: tokio::net::TcpStream,
    peer: SocketAddr,
    login: Duration,
) {
    if !shared.admit(peer.ip()) {
        // Too many connections from one place: told why, before any key exchange.
        let reason = "too many connections from your address; please try again later";
        shared.log(
            0,
            Some(peer),
            "refused",
            "too many connections from its address",
        );
        let bytes = refuse::disconnect_bytes(SERVER_ID, refuse::TOO_MANY_CONNECTIONS, reason);
        tokio::spawn(refuse::turn_away(socket, bytes));
        return;
    }
    let handler = server.new_client(Some(peer));
    tokio::spawn(serve_connection(
        Arc::clone(shared),
        Arc::clone(config),
        socket,
        peer,
        handler,
        login,
    ));
}

/// A connection through a load balancer: its PROXY header is read within the login timeout
/// (which the SSH login then has what is left of), and the address it names stands for the
/// connection's own in the limit per address, the log and refusals. A connection without a
/// valid header is dropped with one line in the log: it did not come through the load
/// balancer, or the load balancer is not set to send the header, and either way its address
/// would be the wrong one.
async fn behind_proxy(
    shared: Arc<Shared>,
    config: Arc<Config>,
    mut socket: tokio::net::TcpStream,
    balancer: SocketAddr,
) {
    let login = shared.options.login_timeout;
    let started = tokio::time::Instant::now();
    let header = tokio::time::timeout(login, proxy::read_header(&mut socket)).await;
    let peer = match header {
        Ok(Ok(proxy::Source::Reader(reader))) => reader,
        Ok(Ok(proxy::Source::Proxy)) => balancer,
        Ok(Err(error)) => {
            shared.log(
                0,
                Some(balancer),
                "dropped",
                &format!("{balancer}: {error}"),
            );
            return;
        }
        Err(_) => {
            let detail = format!("{balancer}: no PROXY protocol header in time");
            shared.log(0, Some(balancer), "dropped", &detail);
            return;
        }
    };
    let left = login.saturating_sub(started.elapsed());
    admit(
        &shared,
        &mut ClsvServer::new(Arc::clone(&shared)),
        &config,
        socket,
        peer,
        left,
    );
}

/// The waits between failed attempts to accept: doubling from 10 ms up to a second.
#[derive(Debug, Default)]
struct Backoff {
    failures: u32,
}

impl Backoff {
    const FIRST: Duration = Duration::from_millis(10);
    const LONGEST: Duration = Duration::from_secs(1);

    /// Counts a failure, and gives the wait before the next attempt.
    fn next(&mut self) -> Duration {
        let wait = Self::FIRST.saturating_mul(1 << self.failures.min(10));
        self.failures += 1;
        wait.min(Self::LONGEST)
    }
}

/// Runs one connection: the SSH handshake and authentication must be done within the login
/// timeout, or the client is dropped; then the session runs until it ends.
async fn serve_connection(
    shared: Arc<Shared>,
    config: Arc<Config>,
    socket: tokio::net::TcpStream,
    peer: SocketAddr,
    handler: Connection,
    deadline: Duration,
) {
    let authenticated: Arc<AtomicBool> = handler.authenticated();
    let id = handler.id();
    let slot = handler.handle_slot();
    let started =
        tokio::time::timeout(deadline, russh::server::run_stream(config, socket, handler)).await;
    match started {
        Ok(Ok(session)) => {
            let handle = session.handle();
            let _ = slot.set(handle.clone());
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
                shared.log(id, Some(peer), "error", &error.to_string());
            }
            watchdog.abort();
        }
        // The client went away, or spoke no SSH, before the handshake was done.
        Ok(Err(error)) => shared.log(id, Some(peer), "closed before login", &error.to_string()),
        Err(_) => shared.log(id, Some(peer), "dropped", "no login in time"),
    }
    shared.release(peer.ip());
}

/// Tells each connected client that the server is stopping and gives its terminal back.
async fn say_goodbye(shared: &Shared) {
    let sessions: Vec<Arc<Mailbox>> = match shared.sessions.lock() {
        Ok(sessions) => sessions.values().cloned().collect(),
        Err(_) => return,
    };
    for mailbox in &sessions {
        mailbox.goodbye();
    }
    if !sessions.is_empty() {
        // The messages are on their way, not yet sent: give them a moment to leave before the
        // connections are cut.
        tokio::time::sleep(GOODBYE_GRACE).await;
    }
}

/// How long the server waits for its goodbyes to reach the clients when stopping.
const GOODBYE_GRACE: Duration = Duration::from_millis(300);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_presenter_starts_the_talk_s_timer_and_the_next_ones_join_it() {
        let stage = Stage::new(Vec::new());
        assert_eq!(stage.showing.borrow().timer_from, None);
        stage.start_timer();
        let started = stage.showing.borrow().timer_from;
        assert!(started.is_some());
        std::thread::sleep(Duration::from_millis(20));
        stage.speaker(true);
        stage.speaker(false);
        stage.start_timer();
        assert_eq!(stage.showing.borrow().timer_from, started);
    }

    #[test]
    fn the_per_address_limit_is_8_or_none_while_presenting_unless_set() {
        assert_eq!(per_address_limit(None, false), Some(8));
        assert_eq!(per_address_limit(None, true), None);
        assert_eq!(per_address_limit(Some(3), true), Some(3));
        assert_eq!(per_address_limit(Some(3), false), Some(3));
    }

    #[test]
    fn failed_accepts_wait_longer_each_time_up_to_a_second() {
        let mut backoff = Backoff::default();
        let waits: Vec<Duration> = (0..12).map(|_| backoff.next()).collect();
        assert_eq!(waits[0], Duration::from_millis(10));
        assert_eq!(waits[1], Duration::from_millis(20));
        assert!(waits.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(waits[11], Duration::from_secs(1));
        assert_eq!(backoff.failures, 12);
    }

    #[test]
    fn the_audience_is_told_when_the_last_speaker_leaves_and_when_one_returns() {
        let stage = Stage::new(Vec::new());
        let mut watching = stage.showing.subscribe();
        stage.speaker(true);
        assert!(watching.has_changed().unwrap());
        assert!(watching.borrow_and_update().speaker);
        stage.speaker(true);
        stage.speaker(false);
        assert!(
            !watching.has_changed().unwrap(),
            "one speaker is still here"
        );
        stage.showing.send_modify(|now| now.blank = true);
        stage.speaker(false);
        let now = *watching.borrow_and_update();
        assert!(!now.speaker && !now.blank, "{now:?}");
    }
}
