//! Helpers shared by the integration tests: the fixture pack, an app on it, and a rendered
//! screen as text.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use clsv::app::{App, StartAt};
use clsv::capability::ColorLevel;
use clsv::content::{self, Content};
use clsv::theme::Theme;
use clsv::vocabulary::Pane;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// The small fixture pack under `tests/fixtures/small`.
pub fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small")
}

pub fn fixture() -> Content {
    content::load_dir(&fixture_dir()).expect("the fixture pack loads")
}

pub fn embedded() -> Content {
    content::load_embedded().expect("the default pack loads")
}

/// An app on `content` in its default language, on the overview, at `width`×`height`.
pub fn app_on(content: Content, width: u16, height: u16) -> App {
    let lang = content.default_language;
    App::new(
        content,
        Theme::new(ColorLevel::Basic16, false),
        StartAt {
            lang,
            pane: Pane::Overview,
            item: None,
        },
        width,
        height,
    )
}

/// The app drawn into a buffer of its size.
pub fn render(app: &App) -> Buffer {
    let area = app.area();
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .unwrap();
    terminal.backend().buffer().clone()
}

/// A buffer's text, one line per row, trailing spaces kept so that widths show.
pub fn text_of(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut skip = 0;
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            out.push_str(symbol);
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

/// The app's screen as text.
pub fn screen(app: &App) -> String {
    text_of(&render(app))
}
pub mod links;
pub mod pty;
pub mod served;
pub mod ssh_client;

/// The position in the member list of the member with this ISO code.
pub fn member_index(content: &Content, code: &str) -> usize {
    content
        .members
        .members
        .iter()
        .position(|m| m.code == code)
        .unwrap_or_else(|| panic!("no member {code}"))
}

/// The column and row where `needle` first shows on the app's screen.
pub fn find(app: &App, needle: &str) -> (u16, u16) {
    let text = screen(app);
    for (y, line) in text.lines().enumerate() {
        if let Some(byte) = line.find(needle) {
            let x = unicode_width::UnicodeWidthStr::width(&line[..byte]);
            return (x as u16, y as u16);
        }
    }
    panic!("{needle:?} not on screen:\n{text}");
}
