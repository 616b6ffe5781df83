//! Clickable web addresses (OSC 8 hyperlinks): which addresses may become links, and a link's
//! place on the screen. A terminal is handed only an address that cannot be anything but a
//! web address: `http` or `https`, printable ASCII, of a length terminals take; anything else
//! (a `javascript:` or `file:` address, control characters, an escape that would end the
//! sequence early) stays plain text.

use std::ops::Range;
use std::sync::Arc;

/// The longest address made a link, in bytes. Terminals cap theirs (VTE and kitty at 2083 and
/// 2048 bytes); a longer one stays plain text rather than be cut.
pub const MAX_URL_LEN: usize = 2048;

/// Whether `url` may become a link: an `http://` or `https://` address (the scheme in any
/// case) with something after the scheme, at most [`MAX_URL_LEN`] bytes, every character
/// printable ASCII. So no control character (C0, DEL or C1; ESC and BEL among them, which
/// would end the escape sequence the address is sent in), no space, nothing that is not ASCII
/// (the Control Pictures a pack's control characters are shown as included); an address with
/// such characters can be written percent-encoded.
pub fn is_linkable(url: &str) -> bool {
    let Some((scheme, rest)) = url.split_once("://") else {
        return false;
    };
    let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    web && !rest.is_empty() && url.len() <= MAX_URL_LEN && url.bytes().all(|b| b.is_ascii_graphic())
}

/// A piece of a link on one row of the screen: the columns its address's text takes there.
/// An address wrapped over several rows is several pieces with the same `id` and `url`, which
/// a terminal shows as one link (hovering one piece underlines them all).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub row: u16,
    pub columns: Range<u16>,
    pub url: Arc<str>,
    /// Which link of the text it is: the pieces of one link share it, two links of the same
    /// address in one text do not.
    pub id: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_become_links() {
        assert!(is_linkable("https://freedomonlinecoalition.com/"));
        assert!(is_linkable("http://example.org/a?b=c&d=e#f"));
        assert!(is_linkable("HTTPS://EXAMPLE.ORG"), "a scheme in any case");
        assert!(is_linkable("HtTp://example.org/%E2%9C%93"));
        assert!(is_linkable(&format!(
            "https://example.org/{}",
            "a".repeat(MAX_URL_LEN - 20)
        )));
    }

    #[test]
    fn hostile_addresses_stay_plain_text() {
        for url in [
            "javascript:alert(1)",
            "javascript://example.org/%0Aalert(1)",
            "file:///etc/passwd",
            "file://host/share",
            "data:text/html,<script>",
            "ftp://example.org/",
            "mailto:someone@example.org",
            "https:example.org",
            "https://",
            "//example.org/",
            "example.org",
            "",
            " https://example.org/",
            "https://example.org/\x1b]8;;\x1b\\",
            "https://example.org/\x1b[2J",
            "https://example.org/\x07",
            "https://example.org/\u{9c}",
            "https://example.org/\u{9d}",
            "https://example.org/\u{9b}31m",
            "https://example.org/\n",
            "https://example.org/\r",
            "https://example.org/\t",
            "https://example.org/\0",
            "https://example.org/\x7f",
            "https://example.org/ a",
            "https://example.org/␛]8;;",
            "https://exämple.org/",
            "https://example.org/\u{202e}gro.elpmaxe",
            "https://example.org/\u{200b}",
        ] {
            assert!(!is_linkable(url), "{url:?} became a link");
        }
        let overlong = format!("https://example.org/{}", "a".repeat(MAX_URL_LEN));
        assert!(!is_linkable(&overlong), "an address past the cap");
    }
}
