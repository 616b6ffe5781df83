//! `clsv serve --proxy-protocol` behind a load balancer: HAProxy itself in front of two
//! servers (one sent PROXY v2, one v1) with the real OpenSSH client through it, and headers
//! written by hand for the limit per address, a load balancer's health check and the
//! connections that are dropped. Everything runs on loopback and ends by itself.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::pty::{PATIENCE, Session};
use common::served::{self, Log};

/// A running `clsv serve --proxy-protocol` on a free loopback port, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
    _dir: tempfile::TempDir,
    log: Arc<Log>,
}

impl Server {
    fn start(extra: &[&str]) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let key = dir.path().join("host_key");
        let mut command = Command::new(env!("CARGO_BIN_EXE_clsv"));
        command
            .args(["serve", "--proxy-protocol", "--listen", "127.0.0.1:0"])
            .args(["--host-key", key.to_str().unwrap()])
            .args(extra)
            .stdin(Stdio::null());
        let (child, port, log) = served::spawn(&mut command);
        Server {
            child,
            port,
            _dir: dir,
            log,
        }
    }

    /// A raw connection to the server, which first sends `bytes`.
    fn send(&self, bytes: &[u8]) -> TcpStream {
        send_to(self.port, bytes)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A raw connection to `port` on loopback, which first sends `bytes`.
fn send_to(port: u16, bytes: &[u8]) -> TcpStream {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    stream.write_all(bytes).unwrap();
    stream
}

/// Everything `stream` receives until the server closes it.
fn read_to_close(stream: &mut TcpStream) -> Vec<u8> {
    let mut received = Vec::new();
    // A reset counts as closed: the bytes before it are what was received.
    let _ = stream.read_to_end(&mut received);
    received
}

/// What an SSH client sends first.
const SSH_BANNER: &[u8] = b"SSH-2.0-OpenSSH_9.2\r\n";

/// A v1 header from `source`, for a connection to port 2222.
fn v1(source: &str) -> Vec<u8> {
    let source: SocketAddr = source.parse().unwrap();
    let mut bytes = format!(
        "PROXY TCP4 {} 127.0.0.1 {} 2222\r\n",
        source.ip(),
        source.port()
    )
    .into_bytes();
    bytes.extend(SSH_BANNER);
    bytes
}

/// A v2 header with `command` (0 LOCAL, 1 PROXY) from `source`, for a connection to port
/// 2222.
fn v2(command: u8, source: &str) -> Vec<u8> {
    let source: SocketAddr = source.parse().unwrap();
    let std::net::IpAddr::V4(ip) = source.ip() else {
        panic!("an IPv4 address");
    };
    let mut bytes = b"\r\n\r\n\0\r\nQUIT\n".to_vec();
    bytes.extend([0x20 | command, 0x11, 0, 12]);
    bytes.extend(ip.octets());
    bytes.extend([127, 0, 0, 1]);
    bytes.extend(source.port().to_be_bytes());
    bytes.extend(2222u16.to_be_bytes());
    bytes.extend(SSH_BANNER);
    bytes
}

/// The header's address is the one counted, logged and refused: a second connection naming
/// the same reader is over a limit of one, one naming another reader is not, although all
/// come from the same place. A load balancer's health check (v2 LOCAL) is served under the
/// load balancer's own address.
#[test]
fn the_reader_named_in_the_header_is_the_one_limited_and_logged() {
    let server = Server::start(&["--max-per-address", "1", "--log-format", "json"]);
    let _first = server.send(&v1("192.0.2.7:51000"));
    server
        .log
        .wait_for_all(&[r#""peer":"192.0.2.7:51000","event":"connected""#]);
    let mut second = server.send(&v2(1, "192.0.2.7:51001"));
    server.log.wait_for_all(&[
        r#""peer":"192.0.2.7:51001","event":"refused""#,
        "too many connections",
    ]);
    let told = read_to_close(&mut second);
    assert!(
        String::from_utf8_lossy(&told).contains("too many connections from your address"),
        "{told:?}"
    );
    let _third = server.send(&v2(1, "192.0.2.8:51002"));
    server
        .log
        .wait_for_all(&[r#""peer":"192.0.2.8:51002","event":"connected""#]);

    let mut check = server.send(&v2(0, "10.9.9.9:9"));
    let own = check.local_addr().unwrap();
    let mut banner = [0; 12];
    check.read_exact(&mut banner).unwrap();
    assert_eq!(&banner, b"SSH-2.0-clsv");
    server
        .log
        .wait_for_all(&[&format!(r#""peer":"{own}","event":"connected""#)]);
}

/// A connection without a valid header (one that came straight to the server, a malformed
/// header, none in time) is dropped, with one line in the log naming where it came from.
#[test]
fn a_connection_without_a_valid_header_is_dropped_and_logged() {
    let server = Server::start(&["--login-timeout", "2s"]);
    for (bytes, why) in [
        (SSH_BANNER.to_vec(), "no PROXY protocol header"),
        (
            b"PROXY TCP4 192.0.2.300 127.0.0.1 1 2\r\n".to_vec(),
            "a malformed PROXY protocol header",
        ),
        (
            format!("PROXY TCP4 {}", "1".repeat(5000)).into_bytes(),
            "a malformed PROXY protocol header",
        ),
        (Vec::new(), "no PROXY protocol header in time"),
    ] {
        let mut stream = server.send(&bytes);
        let own = stream.local_addr().unwrap();
        let received = read_to_close(&mut stream);
        assert!(received.is_empty(), "{why}: {received:?}");
        let line = server
            .log
            .wait_for_all(&["dropped", &format!("{own}: {why}")]);
        assert!(line.len() < 400, "{line}");
    }
    // The OpenSSH client, straight to the server, gets nowhere either.
    let out = Command::new("timeout")
        .arg(PATIENCE.as_secs().to_string())
        .args(["ssh", "-p", &server.port.to_string()])
        .args(served::SSH_OPTIONS)
        .args(["127.0.0.1", "en"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0), "{out:?}");
}

/// The login timeout covers the header and the SSH login together: a header that takes
/// most of it leaves the login only the rest.
#[test]
fn the_header_and_the_login_share_the_login_timeout() {
    let server = Server::start(&["--login-timeout", "4s"]);
    let started = Instant::now();
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    std::thread::sleep(Duration::from_secs(3));
    stream
        .write_all(b"PROXY TCP4 192.0.2.7 127.0.0.1 51000 2222\r\n")
        .unwrap();
    server
        .log
        .wait_for_all(&["192.0.2.7:51000 dropped", "no login in time"]);
    read_to_close(&mut stream);
    let took = started.elapsed();
    // Dropped at 4 s, not at 3 + 4 s.
    assert!(
        took >= Duration::from_millis(3900) && took < Duration::from_secs(6),
        "{took:?}"
    );
}

/// HAProxy in the foreground, stopped when dropped (a failed test included).
struct Haproxy(Child);

impl Drop for Haproxy {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A free port on loopback, for HAProxy to listen on: the system's pick, let go of just
/// before HAProxy binds it.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The local ports of established connections to `port` on loopback: HAProxy's side of its
/// connections to a server.
#[cfg(target_os = "linux")]
fn ports_connected_to(port: u16) -> Vec<u16> {
    let table = std::fs::read_to_string("/proc/net/tcp").unwrap();
    table
        .lines()
        .skip(1)
        .filter_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let local = u16::from_str_radix(fields[1].split(':').nth(1)?, 16).ok()?;
            let remote = u16::from_str_radix(fields[2].split(':').nth(1)?, 16).ok()?;
            (remote == port && fields[3] == "01").then_some(local)
        })
        .collect()
}

/// HAProxy in front of two servers, one sent PROXY v2 and the other v1: each logs the
/// reader's own address (its port is the client's, not HAProxy's), and the browser works
/// through it with the OpenSSH client.
#[test]
fn haproxy_in_front_of_two_servers_passes_each_reader_s_address() {
    if Command::new("haproxy").arg("-v").output().is_err() {
        eprintln!("note: haproxy is not installed; skipping the load balancer test");
        return;
    }
    let servers = [Server::start(&[]), Server::start(&[])];
    let fronts = [free_port(), free_port()];
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("haproxy.cfg");
    std::fs::write(
        &config,
        format!(
            "global\n    maxconn 64\n\
             defaults\n    mode tcp\n    timeout connect 5s\n    timeout client 60s\n    timeout server 60s\n\
             frontend readers_v2\n    bind 127.0.0.1:{}\n    default_backend clsv_v2\n\
             backend clsv_v2\n    server a 127.0.0.1:{} send-proxy-v2\n\
             frontend readers_v1\n    bind 127.0.0.1:{}\n    default_backend clsv_v1\n\
             backend clsv_v1\n    server b 127.0.0.1:{} send-proxy\n",
            fronts[0], servers[0].port, fronts[1], servers[1].port
        ),
    )
    .unwrap();
    let haproxy = Haproxy(
        Command::new("haproxy")
            .arg("-f")
            .arg(&config)
            .arg("-db")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    for (server, front) in servers.iter().zip(fronts) {
        // HAProxy takes a moment to listen: the first connection that gets through is the
        // one checked.
        let deadline = Instant::now() + PATIENCE;
        let mut probe = loop {
            match TcpStream::connect(("127.0.0.1", front)) {
                Ok(stream) => break stream,
                Err(error) => {
                    assert!(Instant::now() < deadline, "haproxy never listened: {error}");
                    std::thread::sleep(Duration::from_millis(20));
                }
            }
        };
        probe.write_all(SSH_BANNER).unwrap();
        let reader = probe.local_addr().unwrap();
        server.log.wait_for_all(&[&format!("{reader} connected")]);
        #[cfg(target_os = "linux")]
        {
            let haproxy_side = ports_connected_to(server.port);
            assert!(!haproxy_side.is_empty());
            assert!(!haproxy_side.contains(&reader.port()), "{haproxy_side:?}");
        }
        let mut probe_reply = [0; 12];
        probe.read_exact(&mut probe_reply).unwrap();
        assert_eq!(&probe_reply, b"SSH-2.0-clsv");
        drop(probe);

        let port = front.to_string();
        let mut args = vec!["-tt", "-p", &port];
        args.extend(served::SSH_OPTIONS);
        args.push("127.0.0.1");
        let mut client = Session::start_program("ssh", &args, 80, 24, &[]);
        client.wait_for("Denumirea");
        client.send("2");
        client.wait_for("Estonia");
        client.send("q");
        assert_eq!(client.wait_exit(), 0);
        server.log.wait_for_all(&["127.0.0.1:", "authenticated"]);
    }
    drop(haproxy);
}
