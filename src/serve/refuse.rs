//! Turning a connection away before any key exchange, with a reason the client shows its
//! user: the SSH identification line, then one disconnect message in the protocol's
//! unencrypted packet format (RFC 4253, sections 4.2, 6 and 11.1). Refused without it, a
//! reader would only see the connection reset.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// `SSH_DISCONNECT_TOO_MANY_CONNECTIONS` (RFC 4250, section 4.2.2).
pub const TOO_MANY_CONNECTIONS: u32 = 12;

/// `SSH_MSG_DISCONNECT`.
const MSG_DISCONNECT: u8 = 1;

/// How long a refused client is given to read the reason.
const LINGER: Duration = Duration::from_secs(2);

/// What is sent: `server_id` as the identification line, then a packet with the disconnect
/// message, padded to the block size of 8 that holds before key exchange.
pub fn disconnect_bytes(server_id: &str, reason: u32, description: &str) -> Vec<u8> {
    let mut payload = vec![MSG_DISCONNECT];
    payload.extend(reason.to_be_bytes());
    put_string(&mut payload, description.as_bytes());
    put_string(&mut payload, b"en");
    // packet_length (4) + padding_length (1) + payload + padding is a multiple of 8, with at
    // least 4 bytes of padding.
    let mut padding = 8 - (5 + payload.len()) % 8;
    if padding < 4 {
        padding += 8;
    }
    let mut out = format!("{server_id}\r\n").into_bytes();
    let packet_length = 1 + payload.len() + padding;
    // A description is a short sentence of ours: its length always fits.
    out.extend((packet_length as u32).to_be_bytes());
    out.push(padding as u8);
    out.extend(payload);
    out.extend(std::iter::repeat_n(0, padding));
    out
}

fn put_string(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend((bytes.len() as u32).to_be_bytes());
    out.extend_from_slice(bytes);
}

/// Sends `bytes` and closes the connection. What the client sends meanwhile is read and
/// dropped until it closes (or for a moment at most): closing with unread data would reset
/// the connection, and the reset could reach the client before the reason does.
pub async fn turn_away(mut socket: TcpStream, bytes: Vec<u8>) {
    let _ = tokio::time::timeout(LINGER, async {
        socket.write_all(&bytes).await?;
        socket.shutdown().await?;
        let mut sink = [0u8; 1024];
        while socket.read(&mut sink).await? > 0 {}
        Ok::<_, std::io::Error>(())
    })
    .await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_packet_is_framed_and_padded_as_the_protocol_says() {
        let bytes = disconnect_bytes("SSH-2.0-x", TOO_MANY_CONNECTIONS, "too many");
        let (line, packet) = bytes.split_at(b"SSH-2.0-x\r\n".len());
        assert_eq!(line, b"SSH-2.0-x\r\n");
        let length = u32::from_be_bytes(packet[..4].try_into().unwrap()) as usize;
        assert_eq!(packet.len(), 4 + length);
        assert_eq!(packet.len() % 8, 0);
        let padding = packet[4] as usize;
        assert!(padding >= 4);
        let payload = &packet[5..packet.len() - padding];
        assert_eq!(payload[0], MSG_DISCONNECT);
        assert_eq!(payload[1..5], TOO_MANY_CONNECTIONS.to_be_bytes());
        assert_eq!(payload[5..9], 8u32.to_be_bytes());
        assert_eq!(&payload[9..17], b"too many");
        assert_eq!(&payload[17..], b"\0\0\0\x02en");
    }
}
