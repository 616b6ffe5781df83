//! Prints the bytes a terminal is sent for a few keys, links off and on: `frame::Screen`
//! writing the default pack's frames into a buffer at 80×24, the median of each key's frames
//! (docs/PERFORMANCE.md, Links).
//!
//! `cargo run --release --example frame_bytes`
#![allow(clippy::expect_used)] // an example without its input has nothing to measure

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use clsv::action::Action;
use clsv::app::{App, StartAt};
use clsv::capability::ColorLevel;
use clsv::frame::Screen;
use clsv::terminal::draw_frame;
use clsv::theme::Theme;
use clsv::vocabulary::Pane;

/// The bytes written, kept while the screen holds the writer.
#[derive(Clone, Default)]
struct Written(Rc<RefCell<Vec<u8>>>);

impl Write for Written {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Written {
    fn take(&self) -> usize {
        std::mem::take(&mut *self.0.borrow_mut()).len()
    }
}

/// The bytes of the first frame on `pane` after `before`, and the median of the frames of
/// `key` pressed `times`.
fn measure(
    links: bool,
    pane: Pane,
    before: &[Action],
    key: Action,
    times: usize,
) -> (usize, usize) {
    let content = clsv::builtin::report()
        .content
        .expect("the built-in pack is stored");
    let lang = content.default_language;
    let start = StartAt {
        lang,
        pane,
        item: None,
    };
    let mut app = App::new(
        content,
        Theme::new(ColorLevel::Basic16, false),
        start,
        80,
        24,
    );
    for &action in before {
        app.update(action);
    }
    let written = Written::default();
    let mut screen = Screen::new(written.clone(), 80, 24).with_hyperlinks(links);
    draw_frame(&mut screen, &app).expect("a frame is written into memory");
    let first = written.take();
    let mut frames: Vec<usize> = (0..times)
        .map(|_| {
            app.update(key);
            draw_frame(&mut screen, &app).expect("a frame is written into memory");
            written.take()
        })
        .collect();
    frames.sort_unstable();
    (first, frames[frames.len() / 2])
}

fn main() {
    let cases = [
        ("one line down in the overview", Pane::Overview, vec![], 40),
        ("one row down in the member list", Pane::Members, vec![], 21),
        (
            "one line down in a member's detail",
            Pane::Members,
            vec![Action::FocusDetail],
            10,
        ),
    ];
    println!("| what | first frame, off / on | the key, off / on |");
    println!("|---|---|---|");
    for (what, pane, before, times) in cases {
        let (first_off, key_off) = measure(false, pane, &before, Action::MoveDown, times);
        let (first_on, key_on) = measure(true, pane, &before, Action::MoveDown, times);
        println!("| {what} | {first_off} / {first_on} B | {key_off} / {key_on} B |");
    }
}
