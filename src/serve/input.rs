//! A client's input bytes, turned into terminal events: keys, mouse reports and bracketed
//! pastes. What is kept between reads (a sequence whose end has not come) is bounded, so no
//! client can make it grow, and the bytes of a batch are read once, however they were split.

use crossterm::event::Event;

use super::session::MAX_PENDING_INPUT;

/// How a terminal in bracketed-paste mode marks the start and the end of a paste.
const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";
const ESC: u8 = 0x1b;

/// The input of one client.
#[derive(Debug, Default)]
pub struct ClientInput {
    /// Bytes not yet made into events: the start of a sequence or a paste whose end has not
    /// come; while `skipping_paste`, only what may be the start of the paste's end.
    pending: Vec<u8>,
    /// A paste too long to keep has been cut: its bytes are dropped until its end.
    skipping_paste: bool,
}

impl ClientInput {
    /// The events of a batch of `reads`, in the order they arrived. An Esc at the end of a
    /// read is the Esc key, while an Esc with more bytes in the same read starts a sequence:
    /// so the bytes are read at the end of each read that ends in Esc, and at the end.
    pub fn events(&mut self, reads: impl IntoIterator<Item = Vec<u8>>) -> Vec<Event> {
        let mut events = Vec::new();
        let mut unread = false;
        for read in reads {
            let ends_in_esc = read.last() == Some(&ESC);
            self.take(&read);
            unread = true;
            if ends_in_esc {
                self.read_pending(&mut events);
                unread = false;
            }
        }
        if unread {
            self.read_pending(&mut events);
        }
        events
    }

    /// Adds `bytes` to what waits, or, while a cut paste is skipped, looks for its end.
    fn take(&mut self, bytes: &[u8]) {
        self.pending.extend_from_slice(bytes);
        if !self.skipping_paste {
            return;
        }
        if let Some(at) = find(&self.pending, PASTE_END) {
            self.pending.drain(..at + PASTE_END.len());
            self.skipping_paste = false;
        } else {
            // Only the last bytes may be the start of the end marker.
            let keep = self.pending.len().min(PASTE_END.len() - 1);
            self.pending.drain(..self.pending.len() - keep);
        }
    }

    /// Makes what waits into events, keeping an unfinished sequence at the end. What waits
    /// beyond [`MAX_PENDING_INPUT`] is no sequence a terminal sends: a paste that long is
    /// cut there, and anything else is dropped.
    fn read_pending(&mut self, events: &mut Vec<Event>) {
        if self.skipping_paste {
            return;
        }
        parse(&mut self.pending, events);
        if self.pending.len() <= MAX_PENDING_INPUT {
            return;
        }
        if let Some(pasted) = self.pending.strip_prefix(PASTE_START) {
            events.push(Event::Paste(String::from_utf8_lossy(pasted).into_owned()));
            self.skipping_paste = true;
        }
        self.pending.clear();
    }
}

/// The first place `needle` occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Turns the bytes of `pending` into events, leaving an incomplete sequence at its end.
/// An Esc followed by more bytes starts a sequence; an Esc at the very end is the Esc key.
fn parse(pending: &mut Vec<u8>, events: &mut Vec<Event>) {
    let mut start = 0;
    'next: while start < pending.len() {
        let first = if pending[start] == ESC && start + 1 < pending.len() {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyCode;

    fn keys(events: &[Event]) -> Vec<KeyCode> {
        events
            .iter()
            .filter_map(|e| match e {
                Event::Key(k) => Some(k.code),
                _ => None,
            })
            .collect()
    }

    fn pastes(events: &[Event]) -> Vec<&str> {
        events
            .iter()
            .filter_map(|e| match e {
                Event::Paste(text) => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    fn reads(reads: &[&[u8]]) -> Vec<Vec<u8>> {
        reads.iter().map(|r| r.to_vec()).collect()
    }

    #[test]
    fn keys_sequences_and_text_and_what_is_incomplete_waits_for_the_next_batch() {
        let mut input = ClientInput::default();
        assert_eq!(
            keys(&input.events(reads(&[b"j\x1b[Bq"]))),
            [KeyCode::Char('j'), KeyCode::Down, KeyCode::Char('q')]
        );
        let t = "ţ".as_bytes();
        assert!(input.events(reads(&[&t[..1]])).is_empty());
        assert_eq!(keys(&input.events(reads(&[&t[1..]]))), [KeyCode::Char('ţ')]);
        assert!(
            input.events(reads(&[b"\x1b["])).is_empty(),
            "waits for the rest"
        );
        assert_eq!(keys(&input.events(reads(&[b"A"]))), [KeyCode::Up]);
    }

    #[test]
    fn an_esc_ending_a_read_is_the_esc_key_and_a_sequence_split_between_reads_is_whole() {
        let mut input = ClientInput::default();
        assert_eq!(
            keys(&input.events(reads(&[b"\x1b", b"j"]))),
            [KeyCode::Esc, KeyCode::Char('j')]
        );
        assert_eq!(
            keys(&input.events(reads(&[b"x\x1b[", b"B"]))),
            [KeyCode::Char('x'), KeyCode::Down]
        );
        assert_eq!(keys(&input.events(reads(&[b"\x1b"]))), [KeyCode::Esc]);
    }

    #[test]
    fn a_bracketed_paste_is_one_paste_even_across_reads_and_batches() {
        let mut input = ClientInput::default();
        let events = input.events(reads(&[b"/\x1b[200~q", b"uit"]));
        assert_eq!(keys(&events), [KeyCode::Char('/')]);
        assert!(pastes(&events).is_empty(), "the end has not come");
        let events = input.events(reads(&[b"\x1b[201~j"]));
        assert_eq!(pastes(&events), ["quit"]);
        assert_eq!(keys(&events), [KeyCode::Char('j')], "no pasted q is a key");
    }

    #[test]
    fn a_paste_past_the_bound_is_cut_and_its_rest_dropped_until_its_end() {
        let mut input = ClientInput::default();
        let mut first = PASTE_START.to_vec();
        first.resize(MAX_PENDING_INPUT + 100, b'a');
        let events = input.events([first]);
        assert_eq!(pastes(&events).len(), 1);
        assert!(pastes(&events)[0].len() > MAX_PENDING_INPUT - 100);
        assert!(input.pending.len() < PASTE_END.len());
        // More of the paste, however long, is neither kept nor taken for keys; its end
        // marker, split between two reads, ends the skipping.
        for _ in 0..100 {
            assert!(input.events([vec![b'q'; 10_000]]).is_empty());
            assert!(input.pending.len() < PASTE_END.len());
        }
        let events = input.events(reads(&[b"qq\x1b[2", b"01~j"]));
        assert_eq!(keys(&events), [KeyCode::Char('j')]);
        assert!(pastes(&events).is_empty());
    }

    #[test]
    fn an_endless_sequence_is_dropped_at_the_bound() {
        let mut input = ClientInput::default();
        input.events([b"\x1b[".to_vec()]);
        for _ in 0..20 {
            input.events([vec![b'1'; 10_000]]);
            assert!(input.pending.len() <= MAX_PENDING_INPUT);
        }
        // The bytes may come out as keys; what matters is that nothing grows and the
        // input still reads what follows.
        assert!(keys(&input.events(reads(&[b"j"]))).contains(&KeyCode::Char('j')));
    }
}
