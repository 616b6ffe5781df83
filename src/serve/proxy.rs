//! The PROXY protocol header (v1, text, and v2, binary) that a load balancer such as
//! HAProxy puts before a connection's first byte, naming the reader it carries. With
//! `--proxy-protocol` the server reads it before anything else, so that the limit per
//! address, the log and refusals see the reader's own address, not the load balancer's.
//! The header is parsed by `ppp`; what is read here is only the bytes it takes, bounded and
//! never more, so that the SSH bytes after it are left in the socket for russh.

use std::fmt;
use std::io;
use std::net::SocketAddr;

use ppp::{HeaderResult, PartialResult, v1, v2};
use tokio::io::{AsyncRead, AsyncReadExt};

/// The most bytes a header may take. A v1 header is at most 107 (the protocol's bound, which
/// `ppp` enforces); a v2 header has 16 bytes and then the addresses (at most 216, for Unix
/// sockets) and the extensions a load balancer adds (a cloud's endpoint id, a TLS summary),
/// far under this. A longer one is refused before it is read, so no client can make the
/// server hold more.
pub const MAX_HEADER: usize = 1024;

/// The most bytes a v1 header takes, with its "\r\n" (the protocol's bound).
const V1_MAX: usize = 107;

/// The fixed part of a v2 header: the signature, version and command, family and protocol,
/// and the length of the rest.
const V2_FIXED: usize = 16;

/// Whom a connection is for, as its header says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A reader's connection, from this address.
    Reader(SocketAddr),
    /// The load balancer speaking for itself: a v2 LOCAL header (a health check), or one that
    /// names no internet address (v1 UNKNOWN, v2 UNSPEC or a Unix socket). The protocol says
    /// to use the connection's own addresses then, and such a connection is served like any
    /// other under the load balancer's address: a health check that waits for the SSH banner
    /// gets it, and its connections are counted apart from every reader's.
    Proxy,
}

/// Why a connection's header was not accepted.
#[derive(Debug)]
pub enum Error {
    /// The connection did not start with a PROXY header at all (a client that came straight
    /// to the server, not through the load balancer).
    Missing,
    /// It started like one, but is not a valid one.
    Malformed(String),
    /// A v2 header longer than [`MAX_HEADER`].
    TooLong(usize),
    /// The connection ended, or failed, before its header did.
    Closed(io::Error),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Missing => f.write_str("no PROXY protocol header"),
            Error::Malformed(why) => write!(f, "a malformed PROXY protocol header: {why}"),
            Error::TooLong(length) => write!(
                f,
                "a PROXY protocol header of {length} bytes (at most {MAX_HEADER} are taken)"
            ),
            Error::Closed(error) => write!(f, "closed before its PROXY protocol header: {error}"),
        }
    }
}

/// Reads a PROXY header from the start of `stream`, and nothing after it.
pub async fn read_header<S: AsyncRead + Unpin>(stream: &mut S) -> Result<Source, Error> {
    let mut header = Vec::with_capacity(64);
    loop {
        let wanted = wanted(&header);
        if header.len() + wanted > MAX_HEADER {
            return Err(Error::TooLong(header.len() + wanted));
        }
        let start = header.len();
        header.resize(start + wanted, 0);
        stream
            .read_exact(&mut header[start..])
            .await
            .map_err(Error::Closed)?;
        // A v2 header starts with "\r\n", a v1 header with "PROXY": anything else is a
        // client that did not come through the load balancer, told apart from the first byte.
        if start == 0 && !matches!(header.first(), Some(b'\r' | b'P')) {
            return Err(Error::Missing);
        }
        if header.first() == Some(&b'\r') {
            let parsed = HeaderResult::parse(&header);
            if parsed.is_complete() {
                return source(parsed);
            }
        } else if header.ends_with(b"\n") || header.len() >= V1_MAX {
            // A v1 header is parsed whole: `ppp` takes some cut lines (one that ends in a
            // space) for wrong ones, not for unfinished ones.
            let parsed = HeaderResult::parse(&header);
            if parsed.is_incomplete() {
                let why = format!("a v1 header ends in \\r\\n within {V1_MAX} bytes");
                return Err(Error::Malformed(why));
            }
            return source(parsed);
        }
    }
}

/// How many more bytes to read for `header` to go on: a v2 header's fixed part, then the
/// length it gives; a v1 header one byte at a time, since it ends at a line's end and
/// reading more could take the SSH bytes that follow (at most 107 small reads, once per
/// connection).
fn wanted(header: &[u8]) -> usize {
    match header {
        [b'\r', _, _, _, _, _, _, _, _, _, _, _, _, _, high, low, ..] => {
            let whole = V2_FIXED + usize::from(u16::from_be_bytes([*high, *low]));
            // Asked only while the header is incomplete, so shorter than `whole`.
            whole.saturating_sub(header.len()).max(1)
        }
        [b'\r', ..] => V2_FIXED - header.len(),
        _ => 1,
    }
}

/// The source a complete header names, or why it is refused.
fn source(parsed: HeaderResult<'_>) -> Result<Source, Error> {
    match parsed {
        HeaderResult::V1(Ok(header)) => Ok(match header.addresses {
            v1::Addresses::Tcp4(a) => Source::Reader((a.source_address, a.source_port).into()),
            v1::Addresses::Tcp6(a) => Source::Reader((a.source_address, a.source_port).into()),
            v1::Addresses::Unknown => Source::Proxy,
        }),
        HeaderResult::V1(Err(error)) => Err(Error::Malformed(error.to_string())),
        HeaderResult::V2(Ok(header)) => Ok(match (header.command, header.addresses) {
            (v2::Command::Local, _) => Source::Proxy,
            (v2::Command::Proxy, v2::Addresses::IPv4(a)) => {
                Source::Reader((a.source_address, a.source_port).into())
            }
            (v2::Command::Proxy, v2::Addresses::IPv6(a)) => {
                Source::Reader((a.source_address, a.source_port).into())
            }
            (v2::Command::Proxy, v2::Addresses::Unspecified | v2::Addresses::Unix(_)) => {
                Source::Proxy
            }
        }),
        HeaderResult::V2(Err(error)) => Err(Error::Malformed(error.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use tokio::io::AsyncWriteExt;

    /// What `read_header` gives for `bytes`, and the bytes it left unread.
    fn read(bytes: &[u8]) -> (Result<Source, Error>, Vec<u8>) {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let mut rest = bytes;
        let result = runtime.block_on(read_header(&mut rest));
        (result, rest.to_vec())
    }

    fn reader(address: &str) -> Source {
        Source::Reader(address.parse().unwrap())
    }

    /// A v2 header: `command` (0 LOCAL, 1 PROXY), `family` (its byte), then `rest`.
    fn v2(command: u8, family: u8, rest: &[u8]) -> Vec<u8> {
        let mut bytes = b"\r\n\r\n\0\r\nQUIT\n".to_vec();
        bytes.push(0x20 | command);
        bytes.push(family);
        bytes.extend(u16::try_from(rest.len()).unwrap().to_be_bytes());
        bytes.extend(rest);
        bytes
    }

    /// The addresses of a v2 IPv4 header: 192.0.2.7:51000 to 10.0.0.1:2222.
    fn ipv4_addresses() -> Vec<u8> {
        let mut rest = vec![192, 0, 2, 7, 10, 0, 0, 1];
        rest.extend(51000u16.to_be_bytes());
        rest.extend(2222u16.to_be_bytes());
        rest
    }

    const SSH: &[u8] = b"SSH-2.0-OpenSSH_9.2\r\n";

    #[test]
    fn a_v1_header_names_the_reader_and_leaves_the_ssh_bytes_unread() {
        let mut bytes = b"PROXY TCP4 192.0.2.7 10.0.0.1 51000 2222\r\n".to_vec();
        bytes.extend(SSH);
        let (source, rest) = read(&bytes);
        assert_eq!(source.unwrap(), reader("192.0.2.7:51000"));
        assert_eq!(rest, SSH);
        let mut bytes = b"PROXY TCP6 2001:db8::7 2001:db8::1 51000 2222\r\n".to_vec();
        bytes.extend(SSH);
        let (source, rest) = read(&bytes);
        assert_eq!(source.unwrap(), reader("[2001:db8::7]:51000"));
        assert_eq!(rest, SSH);
    }

    #[test]
    fn a_v2_header_names_the_reader_and_leaves_the_ssh_bytes_unread() {
        let mut bytes = v2(1, 0x11, &ipv4_addresses());
        bytes.extend(SSH);
        let (source, rest) = read(&bytes);
        assert_eq!(source.unwrap(), reader("192.0.2.7:51000"));
        assert_eq!(rest, SSH);

        let mut addresses = "2001:db8::7"
            .parse::<std::net::Ipv6Addr>()
            .unwrap()
            .octets()
            .to_vec();
        addresses.extend(
            "2001:db8::1"
                .parse::<std::net::Ipv6Addr>()
                .unwrap()
                .octets(),
        );
        addresses.extend(51000u16.to_be_bytes());
        addresses.extend(2222u16.to_be_bytes());
        let mut bytes = v2(1, 0x21, &addresses);
        bytes.extend(SSH);
        let (source, rest) = read(&bytes);
        assert_eq!(source.unwrap(), reader("[2001:db8::7]:51000"));
        assert_eq!(rest, SSH);
    }

    #[test]
    fn a_v2_header_with_extensions_is_read_to_its_end() {
        let mut rest = ipv4_addresses();
        // PP2_TYPE_NOOP with three bytes, as a load balancer may pad its header.
        rest.extend([0x04, 0x00, 0x03, 1, 2, 3]);
        let mut bytes = v2(1, 0x11, &rest);
        bytes.extend(SSH);
        let (source, left) = read(&bytes);
        assert_eq!(source.unwrap(), reader("192.0.2.7:51000"));
        assert_eq!(left, SSH);
    }

    #[test]
    fn a_health_check_or_an_unknown_source_is_the_load_balancer_itself() {
        let mut local = v2(0, 0x00, &[]);
        local.extend(SSH);
        let (source, rest) = read(&local);
        assert_eq!(source.unwrap(), Source::Proxy);
        assert_eq!(rest, SSH);
        // LOCAL with addresses: they are the load balancer's own, and ignored.
        let (source, _) = read(&v2(0, 0x11, &ipv4_addresses()));
        assert_eq!(source.unwrap(), Source::Proxy);
        let (source, _) = read(&v2(1, 0x00, &[]));
        assert_eq!(source.unwrap(), Source::Proxy);
        // The shortest v1 header (15 bytes) is shorter than a v2 header's fixed part: the
        // SSH bytes after it are still left unread.
        let mut unknown = b"PROXY UNKNOWN\r\n".to_vec();
        unknown.extend(SSH);
        let (source, rest) = read(&unknown);
        assert_eq!(source.unwrap(), Source::Proxy);
        assert_eq!(rest, SSH);
    }

    #[test]
    fn a_client_that_came_straight_to_the_server_is_told_apart_at_once() {
        let (source, rest) = read(SSH);
        assert!(matches!(source, Err(Error::Missing)), "{source:?}");
        assert_eq!(rest, &SSH[1..], "one byte was enough to tell");
    }

    #[test]
    fn malformed_headers_are_refused() {
        for bytes in [
            &b"PROXY TCP4 192.0.2.300 10.0.0.1 51000 2222\r\n"[..],
            b"PROXY TCP4 192.0.2.7 10.0.0.1 99999 2222\r\n",
            b"PROXY UDP4 192.0.2.7 10.0.0.1 51000 2222\r\n",
            b"POST / HTTP/1.1\r\n",
            b"\r\n\r\nGET / HTTP/1.1\r\n",
        ] {
            let (source, _) = read(bytes);
            assert!(
                matches!(source, Err(Error::Malformed(_))),
                "{:?}: {source:?}",
                String::from_utf8_lossy(bytes)
            );
        }
        // Version 3, and a family v2 does not have.
        let mut version = v2(1, 0x11, &ipv4_addresses());
        version[12] = 0x31;
        let (source, _) = read(&version);
        assert!(matches!(source, Err(Error::Malformed(_))), "{source:?}");
        let (source, _) = read(&v2(1, 0x41, &ipv4_addresses()));
        assert!(matches!(source, Err(Error::Malformed(_))), "{source:?}");
        // Shorter than the addresses its family has.
        let (source, _) = read(&v2(1, 0x11, &[192, 0, 2, 7]));
        assert!(matches!(source, Err(Error::Malformed(_))), "{source:?}");
    }

    #[test]
    fn a_header_is_bounded_and_a_longer_one_is_not_read() {
        // A v1 line that never ends: refused within the protocol's 107 bytes.
        let endless = format!("PROXY TCP4 {}", "1".repeat(10_000));
        let (source, rest) = read(endless.as_bytes());
        assert!(matches!(source, Err(Error::Malformed(_))), "{source:?}");
        assert!(
            endless.len() - rest.len() <= 108,
            "{} read",
            endless.len() - rest.len()
        );
        // A v2 header announcing 60 000 bytes: refused after its fixed part.
        let mut big = v2(1, 0x11, &ipv4_addresses());
        big[14..16].copy_from_slice(&60_000u16.to_be_bytes());
        big.extend(vec![0; 60_000]);
        let (source, rest) = read(&big);
        assert!(matches!(source, Err(Error::TooLong(60_016))), "{source:?}");
        assert_eq!(big.len() - rest.len(), V2_FIXED);
        // One at the bound is taken.
        let mut rest = ipv4_addresses();
        let padding = MAX_HEADER - V2_FIXED - rest.len() - 3;
        rest.extend([0x04]);
        rest.extend(u16::try_from(padding).unwrap().to_be_bytes());
        rest.extend(vec![0; padding]);
        let (source, _) = read(&v2(1, 0x11, &rest));
        assert_eq!(source.unwrap(), reader("192.0.2.7:51000"));
    }

    #[test]
    fn a_connection_that_ends_inside_its_header_is_refused() {
        for bytes in [
            &b""[..],
            b"PROXY TCP4 192.0",
            &v2(1, 0x11, &[192, 0, 2, 7])[..10],
        ] {
            let (source, _) = read(bytes);
            assert!(matches!(source, Err(Error::Closed(_))), "{source:?}");
        }
        let mut cut = v2(1, 0x11, &ipv4_addresses());
        cut.truncate(20);
        let (source, _) = read(&cut);
        assert!(matches!(source, Err(Error::Closed(_))), "{source:?}");
    }

    /// A header that arrives in pieces, as TCP may deliver it, is put together.
    #[test]
    fn a_header_in_pieces_is_put_together() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        for header in [
            b"PROXY TCP4 192.0.2.7 10.0.0.1 51000 2222\r\n".to_vec(),
            v2(1, 0x11, &ipv4_addresses()),
        ] {
            let (mut client, mut server) = tokio::io::duplex(4096);
            let sent = header.clone();
            let source = runtime.block_on(async move {
                let writer = tokio::spawn(async move {
                    for piece in sent.chunks(5) {
                        client.write_all(piece).await.unwrap();
                        tokio::time::sleep(std::time::Duration::from_millis(2)).await;
                    }
                    client.write_all(SSH).await.unwrap();
                    client
                });
                let source = read_header(&mut server).await;
                let _client = writer.await.unwrap();
                let mut rest = vec![0; SSH.len()];
                server.read_exact(&mut rest).await.unwrap();
                assert_eq!(rest, SSH);
                source
            });
            assert_eq!(source.unwrap(), reader("192.0.2.7:51000"));
        }
    }
}
