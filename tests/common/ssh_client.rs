//! A russh client that opens a terminal session on `clsv serve`, for the tests and the load
//! measurement (`examples/ssh_load.rs`).
#![allow(dead_code)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use russh::ChannelMsg;
use russh::client::{self, Handle, Handler};
use russh::keys::PublicKeyOrCertificate;

/// Trusts any host key: the tests start their own servers.
pub struct AnyHost;

impl Handler for AnyHost {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        _key: &PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

/// A terminal session: the connection, its channel, and everything received on it.
pub struct Terminal {
    pub handle: Handle<AnyHost>,
    pub channel: russh::Channel<client::Msg>,
    pub received: Vec<u8>,
    pub exit_status: Option<u32>,
    pub closed: bool,
    /// Requests the server answered with a failure.
    pub failures: usize,
}

/// Connects to 127.0.0.1:`port` without a key and opens a `cols`×`rows` terminal with a shell
/// (or `command`).
pub async fn open(
    port: u16,
    cols: u32,
    rows: u32,
    command: Option<&str>,
) -> Result<Terminal, russh::Error> {
    open_as(port, "xterm-256color", cols, rows, command).await
}

/// As [`open`], with a terminal of type `term` (the `TERM` the client sends).
pub async fn open_as(
    port: u16,
    term: &str,
    cols: u32,
    rows: u32,
    command: Option<&str>,
) -> Result<Terminal, russh::Error> {
    let (handle, channel) = open_channel(port).await?;
    terminal_on(handle, channel, term, cols, rows, command).await
}

/// As [`open`], logging in with `key` (a presenter's, say) rather than with none.
pub async fn open_with_key(
    port: u16,
    cols: u32,
    rows: u32,
    key: Arc<russh::keys::PrivateKey>,
) -> Result<Terminal, russh::Error> {
    let (handle, channel) = open_channel_as(port, Some(key)).await?;
    terminal_on(handle, channel, "xterm-256color", cols, rows, None).await
}

/// A terminal of type `term` on `channel`, with a shell (or `command`).
async fn terminal_on(
    handle: Handle<AnyHost>,
    channel: russh::Channel<client::Msg>,
    term: &str,
    cols: u32,
    rows: u32,
    command: Option<&str>,
) -> Result<Terminal, russh::Error> {
    channel
        .request_pty(true, term, cols, rows, 0, 0, &[])
        .await?;
    match command {
        Some(command) => channel.exec(true, command).await?,
        None => channel.request_shell(true).await?,
    }
    Ok(Terminal {
        handle,
        channel,
        received: Vec::new(),
        exit_status: None,
        closed: false,
        failures: 0,
    })
}

/// Connects to 127.0.0.1:`port` without a key and opens a session channel, asking nothing
/// of it yet.
pub async fn open_channel(
    port: u16,
) -> Result<(Handle<AnyHost>, russh::Channel<client::Msg>), russh::Error> {
    open_channel_as(port, None).await
}

/// As [`open_channel`], logging in with `key` if one is given.
async fn open_channel_as(
    port: u16,
    key: Option<Arc<russh::keys::PrivateKey>>,
) -> Result<(Handle<AnyHost>, russh::Channel<client::Msg>), russh::Error> {
    let config = Arc::new(client::Config {
        inactivity_timeout: Some(Duration::from_secs(30)),
        nodelay: true,
        ..Default::default()
    });
    let mut handle = client::connect(config, ("127.0.0.1", port), AnyHost).await?;
    if let Some(key) = key {
        let key = russh::keys::PrivateKeyWithHashAlg::new(key, None);
        let auth = handle.authenticate_publickey("presenter", key).await?;
        if !matches!(auth, russh::client::AuthResult::Success) {
            return Err(russh::Error::NotAuthenticated);
        }
        let channel = handle.channel_open_session().await?;
        return Ok((handle, channel));
    }
    let auth = handle.authenticate_none("reader").await?;
    if !matches!(auth, russh::client::AuthResult::Success) {
        // A presenting server lets readers in by an empty keyboard-interactive round.
        let interactive = handle
            .authenticate_keyboard_interactive_start("reader", None)
            .await?;
        if !matches!(
            interactive,
            client::KeyboardInteractiveAuthResponse::Success
        ) {
            return Err(russh::Error::NotAuthenticated);
        }
    }
    let channel = handle.channel_open_session().await?;
    Ok((handle, channel))
}

impl Terminal {
    /// Reads the next message of the channel, keeping its data and exit status. Returns
    /// false once the channel has ended, or if nothing came within `patience`.
    pub async fn read_next(&mut self, patience: Duration) -> bool {
        if self.closed {
            return false;
        }
        match tokio::time::timeout(patience, self.channel.wait()).await {
            Ok(Some(ChannelMsg::Data { data })) => self.received.extend_from_slice(&data),
            Ok(Some(ChannelMsg::ExitStatus { exit_status })) => {
                self.exit_status = Some(exit_status)
            }
            Ok(Some(ChannelMsg::Failure)) => self.failures += 1,
            Ok(Some(ChannelMsg::Close)) | Ok(None) => {
                self.closed = true;
                return false;
            }
            Ok(Some(_)) => {}
            Err(_) => return false,
        }
        true
    }

    /// Reads until `needle` has been received since `from` (a length of `received`), or the
    /// channel ends, or `patience` passes. Returns whether it was found.
    pub async fn read_until(&mut self, from: usize, needle: &[u8], patience: Duration) -> bool {
        let deadline = Instant::now() + patience;
        loop {
            if self.received[from.min(self.received.len())..]
                .windows(needle.len())
                .any(|w| w == needle)
            {
                return true;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if !self.read_next(left).await {
                return false;
            }
        }
    }

    /// Reads until the channel closes (or `patience` passes).
    pub async fn read_to_close(&mut self, patience: Duration) {
        let deadline = Instant::now() + patience;
        while !self.closed {
            let left = deadline.saturating_duration_since(Instant::now());
            if !self.read_next(left).await && !self.closed {
                return;
            }
        }
    }

    pub async fn send(&self, keys: &[u8]) -> Result<(), russh::Error> {
        self.channel.data_bytes(keys.to_vec()).await
    }
}
