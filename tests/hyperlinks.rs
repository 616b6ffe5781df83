//! The sources' web addresses as links (OSC 8): the frames that carry them, read by a
//! terminal that keeps each cell's link; where the app places them; and the real binary in
//! a pseudo-terminal, with `--hyperlinks` and `TERM` deciding, and hostile addresses in a pack.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

mod common;

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use std::sync::Arc;

use clsv::action::Action;
use clsv::frame::Screen;
use clsv::hyperlink::Link;
use clsv::vocabulary::Pane;
use common::links::{HeldLink, LinkRun, LinkTerminal};
use common::pty::Session;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};

/// What a screen writes, kept for the test to read.
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
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut self.0.borrow_mut())
    }
}

const URL: &str = "https://example.org/a/b";

fn link(row: u16, x: u16, url: &str, id: u32) -> Link {
    Link {
        row,
        columns: x..x + url.len() as u16,
        url: Arc::from(url),
        id,
    }
}

/// Draws `lines` (and `links` over them) on `screen`; returns the bytes written.
fn draw(
    screen: &mut Screen<Written>,
    written: &Written,
    lines: &[&str],
    links: Vec<Link>,
    scrolling: Option<std::ops::Range<u16>>,
) -> Vec<u8> {
    let drawn = Buffer::with_lines(lines.iter().copied());
    screen
        .draw(|buf| buf.merge(&drawn), scrolling, links)
        .unwrap();
    written.take()
}

fn count(bytes: &[u8], what: &[u8]) -> usize {
    bytes.windows(what.len()).filter(|w| *w == what).count()
}

fn held(row: u16, x: u16, url: &str, id: u32) -> LinkRun {
    LinkRun {
        row,
        columns: x..x + url.len() as u16,
        link: HeldLink {
            id: format!("clsv-{id}"),
            url: url.to_string(),
        },
        text: url.to_string(),
    }
}

fn screen(width: u16, height: u16, on: bool) -> (Screen<Written>, Written) {
    let written = Written::default();
    let screen = Screen::new(written.clone(), width, height).with_hyperlinks(on);
    (screen, written)
}

#[test]
fn a_link_is_written_inside_osc8_and_not_at_all_when_links_are_off() {
    let lines = ["title", "see https://example.org/a/b here", "end"];
    let (mut on, written) = screen(40, 3, true);
    let bytes = draw(&mut on, &written, &lines, vec![link(1, 4, URL, 0)], None);
    let start = b"\x1b]8;id=clsv-0;https://example.org/a/b\x1b\\";
    let at = bytes
        .windows(start.len())
        .position(|w| w == start)
        .expect("the link starts");
    let after = &bytes[at + start.len()..];
    let end = after
        .windows(7)
        .position(|w| w == b"\x1b]8;;\x1b\\")
        .expect("and ends");
    assert!(
        String::from_utf8_lossy(&after[..end]).contains(URL),
        "the address's cells are inside the link"
    );
    let mut terminal = LinkTerminal::new(40, 3);
    terminal.process(&bytes);
    assert_eq!(terminal.links(), [held(1, 4, URL, 0)]);
    assert_eq!(terminal.row_text(1), lines[1]);

    let (mut off, written) = screen(40, 3, false);
    let bytes = draw(&mut off, &written, &lines, vec![link(1, 4, URL, 0)], None);
    assert_eq!(count(&bytes, b"\x1b]8"), 0, "no link sequence at all");
    let (mut plain, written) = screen(40, 3, false);
    assert_eq!(
        bytes,
        draw(&mut plain, &written, &lines, Vec::new(), None),
        "off, a frame is what it was before links"
    );
}

#[test]
fn a_hostile_address_given_to_the_screen_is_not_written_as_a_link() {
    for url in [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "https://example.org/\x1b]8;;\x1b\\x",
        "https://example.org/\x07",
        "https://example.org/\u{9c}",
    ] {
        let line = format!("see {url}");
        let (mut on, written) = screen(60, 1, true);
        let bytes = draw(&mut on, &written, &[&line], vec![link(0, 4, url, 0)], None);
        assert_eq!(count(&bytes, b"\x1b]8"), 0, "{url:?}");
    }
}

#[test]
fn a_link_is_written_again_only_when_it_or_its_cells_change() {
    let lines = ["title", "see https://example.org/a/b here", "end"];
    let (mut on, written) = screen(40, 3, true);
    let links = || vec![link(1, 4, URL, 0)];
    draw(&mut on, &written, &lines, links(), None);
    // The same frame: nothing to write.
    let again = draw(&mut on, &written, &lines, links(), None);
    assert_eq!(count(&again, b"\x1b]8"), 0);
    // Another row changes: the link stays as it is on the terminal.
    let other = ["title", "see https://example.org/a/b here", "END"];
    let bytes = draw(&mut on, &written, &other, links(), None);
    assert_eq!(count(&bytes, b"\x1b]8"), 0);
    // Beside it on its row: the link stays too, and no run of unchanged cells is written
    // over it without its link.
    let beside = ["title", "saw https://example.org/a/b here", "END"];
    let bytes = draw(&mut on, &written, &beside, links(), None);
    assert_eq!(count(&bytes, b"\x1b]8"), 0);
    // A cell of the link changes: the whole link is written again, its cells once.
    let changed = ["title", "saw https://example.org/a/c here", "END"];
    let url = "https://example.org/a/c";
    let bytes = draw(&mut on, &written, &changed, vec![link(1, 4, url, 0)], None);
    assert_eq!(count(&bytes, b"\x1b]8;id=clsv-0;"), 1);
    assert_eq!(
        count(&bytes, b"example.org/a/c"),
        2,
        "the address and its cells"
    );
    // A new style over the same cells (a search's mark): written again.
    let (mut styled, written) = screen(40, 3, true);
    draw(&mut styled, &written, &lines, links(), None);
    let mut drawn = Buffer::with_lines(lines);
    drawn.set_style(Rect::new(8, 1, 4, 1), Style::new().bg(Color::Yellow));
    styled.draw(|buf| buf.merge(&drawn), None, links()).unwrap();
    let bytes = written.take();
    assert_eq!(count(&bytes, b"\x1b]8;id=clsv-0;"), 1);
}

#[test]
fn a_short_piece_of_a_link_between_two_changes_keeps_its_link() {
    // The end of an address wrapped onto a line of its own, between cells that change: the
    // unchanged run between two changes, written again where that is shorter than a cursor
    // move, must not be written over the piece, which would lose its link.
    let piece = || Link {
        row: 0,
        columns: 2..6,
        url: Arc::from("https://example.org/html"),
        id: 0,
    };
    let (mut on, written) = screen(12, 1, true);
    let mut terminal = LinkTerminal::new(12, 1);
    terminal.process(&draw(&mut on, &written, &["a html b"], vec![piece()], None));
    terminal.process(&draw(&mut on, &written, &["x html y"], vec![piece()], None));
    assert_eq!(terminal.row_text(0), "x html y");
    let runs = terminal.links();
    assert_eq!(runs.len(), 1, "{runs:?}");
    assert_eq!(
        (runs[0].columns.clone(), runs[0].text.as_str()),
        (2..6, "html")
    );
}

#[test]
fn a_link_that_is_gone_leaves_no_link_behind() {
    let lines = ["title", "see https://example.org/a/b here", "end"];
    let (mut on, written) = screen(40, 3, true);
    let mut terminal = LinkTerminal::new(40, 3);
    terminal.process(&draw(
        &mut on,
        &written,
        &lines,
        vec![link(1, 4, URL, 0)],
        None,
    ));
    assert_eq!(terminal.links().len(), 1);
    // The same text, no longer a link (a help box over another part of the screen, say):
    // its cells are written again, without it.
    terminal.process(&draw(&mut on, &written, &lines, Vec::new(), None));
    assert_eq!(terminal.links(), []);
    assert_eq!(terminal.row_text(1), lines[1]);
    // Back, then another text in its place: the new text has no link either.
    terminal.process(&draw(
        &mut on,
        &written,
        &lines,
        vec![link(1, 4, URL, 0)],
        None,
    ));
    let other = ["title", "another text entirely, no address", "end"];
    terminal.process(&draw(&mut on, &written, &other, Vec::new(), None));
    assert_eq!(terminal.links(), []);
}

#[test]
fn a_resize_or_a_redraw_writes_every_link_again() {
    let lines = ["title", "see https://example.org/a/b here", "end"];
    let (mut on, written) = screen(40, 3, true);
    draw(&mut on, &written, &lines, vec![link(1, 4, URL, 0)], None);
    on.forget();
    let bytes = draw(&mut on, &written, &lines, vec![link(1, 4, URL, 0)], None);
    assert_eq!(count(&bytes, b"\x1b]8;id=clsv-0;"), 1);
    on.resize(40, 3);
    let bytes = draw(&mut on, &written, &lines, vec![link(1, 4, URL, 0)], None);
    assert_eq!(count(&bytes, b"\x1b]8;id=clsv-0;"), 1);
}

#[test]
fn scrolling_moves_links_with_their_text_and_writes_only_the_new_ones() {
    // A text of numbered lines and an address every third line, scrolled a line at a time
    // through a window of 8 rows between a title and a footer: the terminal scrolls, and
    // must hold exactly the links the frame shows.
    let text: Vec<String> = (0..30)
        .map(|i| match i % 3 {
            0 => format!("{i:02} https://example.org/{i}"),
            _ => format!("{i:02} words words words words"),
        })
        .collect();
    let frame = |top: usize| -> (Vec<String>, Vec<Link>) {
        let mut lines = vec!["title".to_string()];
        let mut links = Vec::new();
        for (row, i) in (top..top + 8).enumerate() {
            lines.push(text[i].clone());
            if i % 3 == 0 {
                let url = format!("https://example.org/{i}");
                links.push(link(row as u16 + 1, 3, &url, i as u32));
            }
        }
        lines.push("footer".to_string());
        (lines, links)
    };
    let (mut on, written) = screen(40, 10, true);
    let mut terminal = LinkTerminal::new(40, 10);
    for top in (0..12).chain((0..12).rev()) {
        let (lines, links) = frame(top);
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        let bytes = draw(&mut on, &written, &lines, links.clone(), Some(1..9));
        terminal.process(&bytes);
        let expected: Vec<LinkRun> = links.iter().map(|l| held(l.row, 3, &l.url, l.id)).collect();
        assert_eq!(terminal.links(), expected, "at line {top}");
        for (y, line) in lines.iter().enumerate() {
            assert_eq!(terminal.row_text(y as u16), *line, "at line {top}");
        }
        if top > 0 && top < 11 {
            // One line came in: at most the link on it is written.
            assert!(count(&bytes, b"\x1b]8;id=") <= 1, "at line {top}");
            assert!(count(&bytes, b"\x1b[1S") + count(&bytes, b"\x1b[1T") == 1);
        }
    }
}

/// The app at `width`×`height` on the members pane, member `code` selected, detail focused
/// and scrolled to its end, so that its sources show.
fn members_app(
    content: clsv::content::Content,
    code: &str,
    width: u16,
    height: u16,
) -> clsv::app::App {
    let index = common::member_index(&content, code);
    let mut app = common::app_on(content, width, height);
    app.update(Action::ShowPane(Pane::Members));
    let row = (0..app.list_len(Pane::Members))
        .find(|&row| app.item_at(Pane::Members, row) == index)
        .unwrap();
    app.update(Action::SelectRow(row));
    app.update(Action::FocusDetail);
    app.update(Action::MoveToBottom);
    app
}

/// The links a terminal holds after the app's frame, each link's pieces joined.
fn links_on_screen(app: &clsv::app::App, on: bool) -> Vec<(String, String)> {
    let area = app.area();
    let (mut screen, written) = screen(area.width, area.height, on);
    clsv::terminal::draw_frame(&mut screen, app).unwrap();
    let mut terminal = LinkTerminal::new(area.width, area.height);
    terminal.process(&written.take());
    let mut joined: Vec<(String, String)> = Vec::new();
    for run in terminal.links() {
        match joined.iter_mut().find(|(id, _)| *id == run.link.id) {
            Some((_, text)) => text.push_str(&run.text),
            None => joined.push((run.link.id.clone(), run.text.clone())),
        }
        assert!(run.link.url.contains(&run.text), "{run:?}");
    }
    joined
}

#[test]
fn a_member_s_sources_are_links_on_screen_whole_even_when_wrapped() {
    let content = common::embedded();
    let iso = "https://www.iso.org/iso-3166-country-codes.html";
    // Wide enough for each address on one line, then so narrow that they wrap.
    for (width, height) in [(120, 40), (50, 40)] {
        let app = members_app(content.clone(), "MD", width, height);
        let shown = links_on_screen(&app, true);
        let texts: Vec<&str> = shown.iter().map(|(_, text)| text.as_str()).collect();
        assert!(texts.contains(&iso), "{width}: {shown:?}");
        for (_, text) in &shown {
            assert!(text.starts_with("http"), "{width}: whole: {shown:?}");
        }
        let pieces = app.hyperlinks();
        if width == 50 {
            assert!(
                pieces
                    .iter()
                    .any(|a| pieces.iter().any(|b| a.id == b.id && a.row != b.row)),
                "an address wraps at 50 columns: {pieces:?}"
            );
        }
        assert!(links_on_screen(&app, false).is_empty());
    }
}

#[test]
fn links_cost_no_more_than_their_addresses_and_a_sequence_each() {
    // Moving through the members and their details, links on cost what links off cost, and
    // for each link written (new, or its cells changed) its address twice and a sequence of
    // at most 64 bytes (start with its id, end, a cursor move, the reset after it); a line
    // of the overview that brings no address costs nothing more.
    let keys: Vec<Action> = [Action::MoveDown; 8]
        .into_iter()
        .chain([Action::FocusDetail])
        .chain([Action::MoveDown; 6])
        .collect();
    let frames = |on: bool, pane: Pane, keys: &[Action]| -> Vec<(usize, Vec<Link>)> {
        let mut app = common::app_on(common::embedded(), 80, 24);
        app.update(Action::ShowPane(pane));
        let written = Written::default();
        let mut screen = Screen::new(written.clone(), 80, 24).with_hyperlinks(on);
        let mut out = Vec::new();
        for key in std::iter::once(None).chain(keys.iter().copied().map(Some)) {
            if let Some(key) = key {
                app.update(key);
            }
            clsv::terminal::draw_frame(&mut screen, &app).unwrap();
            out.push((written.take().len(), app.hyperlinks()));
        }
        out
    };
    let off = frames(false, Pane::Members, &keys);
    let on = frames(true, Pane::Members, &keys);
    let mut shown: Vec<Link> = Vec::new();
    for (step, ((off, _), (on, links))) in off.iter().zip(&on).enumerate() {
        // At most every link in view is written again; a link still in its place over the
        // same text is not, which the frame tests hold.
        let most: usize = links.iter().map(|l| 2 * l.url.len() + 64).sum();
        assert!(
            on <= &(off + most),
            "step {step}: {on} B with links, {off} without"
        );
        if links == &shown {
            assert!(
                on <= &(off + 64),
                "step {step}: the same links, {on} / {off} B"
            );
        }
        shown = links.clone();
    }
    let off = frames(false, Pane::Overview, &[Action::MoveDown; 30]);
    let on = frames(true, Pane::Overview, &[Action::MoveDown; 30]);
    let mut last: Vec<Link> = Vec::new();
    let mut unchanged = 0;
    for (step, ((off, _), (on, links))) in off.iter().zip(&on).enumerate() {
        let most: usize = links.iter().map(|l| 2 * l.url.len() + 64).sum();
        assert!(on <= &(off + most), "overview step {step}: {on} / {off} B");
        // Every piece was on screen before, a row lower: the terminal scrolled it up.
        let scrolled = links.iter().all(|l| {
            last.iter()
                .any(|b| (b.id, &b.url, &b.columns, b.row) == (l.id, &l.url, &l.columns, l.row + 1))
        });
        if step > 0 && scrolled {
            assert_eq!(on, off, "overview step {step}: no address came into view");
            unchanged += 1;
        }
        last = links.clone();
    }
    assert!(unchanged > 10, "most lines bring no address: {unchanged}");
}

#[test]
fn the_overview_s_sources_are_links_and_the_help_or_a_search_hides_them() {
    let mut app = common::app_on(common::embedded(), 100, 40);
    app.update(Action::MoveToBottom);
    let shown = links_on_screen(&app, true);
    assert!(!shown.is_empty(), "the overview's last sources");
    for (_, text) in &shown {
        assert!(clsv::hyperlink::is_linkable(text), "{text}");
    }
    app.update(Action::OpenHelp);
    assert!(app.hyperlinks().is_empty());
    app.update(Action::CloseHelp);
    assert!(!app.hyperlinks().is_empty());
    app.update(Action::OpenSearch);
    assert!(app.hyperlinks().is_empty());
}

#[test]
fn the_map_in_place_of_the_detail_has_no_links() {
    let mut app = members_app(common::embedded(), "MD", 120, 40);
    assert!(!app.hyperlinks().is_empty());
    app.update(Action::ToggleMap);
    assert!(app.hyperlinks().is_empty());
}

/// A copy of the fixture pack whose one source has `url`.
fn pack_with_url(url: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(common::fixture_dir()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    let pack = dir.path().join("pack.ron");
    let text = std::fs::read_to_string(&pack).unwrap();
    let escaped: String = url
        .chars()
        .map(|c| match c {
            '"' | '\\' => format!("\\{c}"),
            c if c.is_control() => format!("\\u{{{:x}}}", c as u32),
            c => c.to_string(),
        })
        .collect();
    let replaced = text.replace(
        "url: \"https://example.org/\"",
        &format!("url: \"{escaped}\""),
    );
    assert_ne!(replaced, text, "the fixture's source has its address");
    std::fs::write(&pack, replaced).unwrap();
    dir
}

#[test]
fn hostile_addresses_in_a_pack_stay_plain_text() {
    for url in [
        "javascript:alert(1)//https://example.org/",
        "file:///etc/passwd",
        "https://example.org/\x1b]8;;https://evil.example/\x07",
        "https://example.org/\u{9c}\u{9d}",
        "https://example.org/\nsecond",
    ] {
        let dir = pack_with_url(url);
        let content = clsv::content::load_dir(dir.path()).unwrap();
        let mut app = common::app_on(content, 100, 40);
        for _ in 0..4 {
            // Every pane, each with its sources in view.
            app.update(Action::MoveToBottom);
            assert!(app.hyperlinks().is_empty(), "{url:?}");
            assert!(links_on_screen(&app, true).is_empty(), "{url:?}");
            app.update(Action::FocusDetail);
            app.update(Action::MoveToBottom);
            assert!(links_on_screen(&app, true).is_empty(), "{url:?}");
            app.update(Action::NextPane);
        }
    }
    // The same pack with a web address: a link.
    let dir = pack_with_url("https://example.org/page");
    let content = clsv::content::load_dir(dir.path()).unwrap();
    let mut app = common::app_on(content, 100, 40);
    app.update(Action::MoveToBottom);
    let shown = links_on_screen(&app, true);
    assert!(
        shown.iter().any(|(_, t)| t == "https://example.org/page"),
        "{shown:?}"
    );
}

/// The bytes of the members pane with the first member's sources in view, from the binary
/// with `args`, in a terminal with `env`.
fn members_bytes(args: &[&str], env: &[(&str, &str)]) -> Vec<u8> {
    let mut all = vec!["--tab", "members", "--lang", "en"];
    all.extend(args);
    let mut session = Session::start(&all, 120, 40, env);
    session.wait_for("Members (22)");
    session.send("lG");
    session.wait_for_frame("iso-3166-country-codes");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.bytes.clone()
}

#[test]
fn in_a_terminal_the_flag_and_term_decide_whether_sources_are_links() {
    let iso = b"\x1b]8;id=clsv-";
    let always = members_bytes(&["--hyperlinks", "always"], &[]);
    assert!(count(&always, iso) > 0);
    assert!(
        count(
            &always,
            b";https://www.iso.org/iso-3166-country-codes.html\x1b\\"
        ) > 0
    );
    let auto = members_bytes(&[], &[]);
    assert!(count(&auto, iso) > 0, "auto, in an xterm");
    let never = members_bytes(&["--hyperlinks", "never"], &[]);
    assert_eq!(count(&never, b"\x1b]8;"), 0);
    let console = members_bytes(&[], &[("TERM", "linux")]);
    assert_eq!(count(&console, b"\x1b]8;"), 0, "auto, on the Linux console");
    let forced = members_bytes(&["--hyperlinks", "always"], &[("TERM", "linux")]);
    assert!(count(&forced, iso) > 0, "always, even there");
}

#[test]
fn a_hostile_address_in_a_pack_stays_plain_in_the_terminal() {
    let dir = pack_with_url("javascript:alert(1)//https://example.org/");
    let path = dir.path().to_str().unwrap();
    let mut session = Session::start(&["--content", path, "--hyperlinks", "always"], 100, 30, &[]);
    session.wait_for("1 ");
    session.send("G");
    session.wait_for_frame("javascript:alert(1)");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    assert_eq!(count(&session.bytes, b"\x1b]8;"), 0);
}

#[test]
fn doctor_says_whether_sources_are_links_and_why() {
    let mut session = Session::start(&["doctor"], 100, 30, &[("TERM", "linux")]);
    session.wait_for("links:     off (TERM=linux does not take them)");
    session.wait_exit();
    let mut session = Session::start(&["doctor"], 100, 30, &[]);
    session.wait_for(
        "links:     on: the sources' web addresses are clickable (TERM=xterm-256color, a terminal)",
    );
    session.wait_exit();
    let piped = std::process::Command::new(env!("CARGO_BIN_EXE_clsv"))
        .arg("doctor")
        .env("TERM", "xterm-256color")
        .output()
        .unwrap();
    let text = String::from_utf8(piped.stdout).unwrap();
    assert!(
        text.contains("links:     off (the output is not a terminal)"),
        "{text}"
    );
    let forced = std::process::Command::new(env!("CARGO_BIN_EXE_clsv"))
        .args(["doctor", "--hyperlinks", "always"])
        .output()
        .unwrap();
    let text = String::from_utf8(forced.stdout).unwrap();
    assert!(text.contains("links:     on: "), "{text}");
    assert!(text.contains("(--hyperlinks always)"), "{text}");
}

#[test]
fn print_is_plain_text_whatever_the_flag() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_clsv"))
        .args(["--hyperlinks", "always", "print"])
        .env("TERM", "xterm-256color")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(!output.stdout.contains(&0x1b), "no escape sequence at all");
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("https://www.iso.org/iso-3166-country-codes.html"));
}
