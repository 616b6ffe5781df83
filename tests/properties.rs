//! Properties over random input: any sequence of actions at any size keeps the state valid
//! and renders without panicking; any bytes in a pack file give a pack or an error, never a
//! panic; wrapping never exceeds the width and never loses text; what a terminal shows after
//! any frames is the last frame drawn.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

mod common;

use clsv::action::{Action, ScrollTarget};
use clsv::app::App;
use clsv::content::load::{PackFile, embedded_files, load_files};
use clsv::search::MAX_QUERY_CHARS;
use clsv::text;
use clsv::vocabulary::Pane;
use common::{app_on, embedded, render, text_of};
use proptest::prelude::*;
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

/// Bytes written by a `Screen`, readable while the screen holds the writer.
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

/// The rows of a text, without the spaces at their ends.
fn rows_of(text: &str) -> Vec<String> {
    text.lines().map(|row| row.trim_end().to_string()).collect()
}

fn pane() -> impl Strategy<Value = Pane> {
    prop::sample::select(Pane::ALL.to_vec())
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::NextPane),
        Just(Action::PrevPane),
        pane().prop_map(Action::ShowPane),
        Just(Action::MoveDown),
        Just(Action::MoveUp),
        Just(Action::PageDown),
        Just(Action::PageUp),
        Just(Action::MoveToTop),
        Just(Action::MoveToBottom),
        Just(Action::FocusDetail),
        Just(Action::FocusList),
        Just(Action::SwitchLanguage),
        Just(Action::OpenHelp),
        Just(Action::CloseHelp),
        (0usize..40).prop_map(Action::SelectRow),
        (-5i16..5).prop_map(|n| Action::Scroll(ScrollTarget::List, n)),
        (-5i16..5).prop_map(|n| Action::Scroll(ScrollTarget::Text, n)),
        (-5i16..5).prop_map(|n| Action::Scroll(ScrollTarget::Help, n)),
        (0u16..=300, 0u16..=100).prop_map(|(width, height)| Action::Resize { width, height }),
        Just(Action::StartPresenting),
        Just(Action::NextSlide),
        Just(Action::PrevSlide),
        Just(Action::LastSlide),
        (0u8..10).prop_map(Action::TypeDigit),
        Just(Action::GoToTypedSlide),
        Just(Action::BlankScreen),
        Just(Action::ResetTimer),
        Just(Action::StopPresenting),
        (0u64..100_000).prop_map(|s| Action::Tick(std::time::Duration::from_secs(s))),
        (0u64..100_000).prop_map(|s| Action::TimerFrom(std::time::Duration::from_secs(s))),
        Just(Action::OpenSearch),
        prop::char::any().prop_map(Action::InsertChar),
        Just(Action::DeleteChar),
        Just(Action::AcceptSearch),
        Just(Action::CancelSearch),
        Just(Action::NextMatch),
    ]
}

/// Actions with more typing into the search than `action` has, and now and then a quit.
fn typing_action() -> impl Strategy<Value = Action> {
    prop_oneof![
        40 => action(),
        15 => prop::sample::select("tarile ăţ自".chars().collect::<Vec<_>>()).prop_map(Action::InsertChar),
        3 => Just(Action::OpenSearch),
        2 => Just(Action::DeleteChar),
        1 => Just(Action::ClearQuery),
        1 => Just(Action::Quit),
    ]
}

/// What can be seen of an app: the screen, and the state behind it.
fn observed(app: &App) -> String {
    let lists: Vec<_> = Pane::ALL
        .iter()
        .map(|&pane| app.list_position(pane))
        .collect();
    format!(
        "{:?} {:?} {:?} {:?} {lists:?} {} {}\n{:?}\n{:?}\n{:?} {:?} {:?} {}\n{}",
        app.mode(),
        app.pane(),
        app.focus(),
        app.lang(),
        app.overview_scroll(),
        app.help_scroll(),
        app.prompt(),
        app.found(),
        app.note(),
        app.presentation(),
        app.elapsed(),
        app.should_quit(),
        text_of(&render(app)),
    )
}

/// 64 cases each in the test suite; `PROPTEST_CASES=N` runs N (for a long fuzzing run,
/// see docs/TESTING.md).
/// The words of a line of a slide, without the separators between counts (which a line
/// break stands for on a narrow slide).
fn words(line: &str) -> Vec<String> {
    line.split_whitespace()
        .filter(|word| *word != "·")
        .map(str::to_string)
        .collect()
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64);
    ProptestConfig::with_cases(cases)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_actions_at_any_size_keep_the_state_valid(
        width in 0u16..=300,
        height in 0u16..=100,
        actions in prop::collection::vec(action(), 0..40),
    ) {
        let mut app = app_on(embedded(), width, height);
        for action in actions {
            app.update(action);
            if let Some(p) = app.presentation() {
                prop_assert!(p.slide < app.deck().len());
                prop_assert!(p.page < app.current_slide_pages().max(1));
            }
            for pane in Pane::ALL {
                if let Some(position) = app.list_position(pane) {
                    prop_assert!(position.selected < app.list_len(pane).max(1));
                    prop_assert!(position.offset <= position.selected);
                }
            }
            prop_assert!(app.overview_scroll() <= app.max_text_scroll() || app.pane() != Pane::Overview);
        }
        render(&app);
    }

    #[test]
    fn a_batch_of_actions_ends_as_the_same_actions_one_by_one(
        width in 0u16..=300,
        height in 0u16..=100,
        typed_first in prop_oneof![Just(0), MAX_QUERY_CHARS - 4..=MAX_QUERY_CHARS + 4],
        more in prop::collection::vec(typing_action(), 0..60),
    ) {
        // Now and then a query typed to its limit first, so that more typing is refused.
        let mut actions: Vec<Action> = match typed_first {
            0 => Vec::new(),
            n => std::iter::once(Action::OpenSearch)
                .chain(std::iter::repeat_n(Action::InsertChar('a'), n))
                .collect(),
        };
        actions.extend(more);
        let mut one_by_one = app_on(embedded(), width, height);
        for &action in &actions {
            one_by_one.update(action);
            if one_by_one.should_quit() {
                break;
            }
        }
        let mut batched = app_on(embedded(), width, height);
        batched.update_all(actions);
        prop_assert_eq!(observed(&batched), observed(&one_by_one));
    }

    #[test]
    fn a_terminal_shows_the_last_frame_drawn_after_any_actions(
        width in 1u16..=120,
        height in 1u16..=40,
        actions in prop::collection::vec(action(), 0..30),
    ) {
        // Only the changes between frames are sent (with scrolling and short runs of
        // unchanged cells written again): a terminal fed them must show each frame whole.
        let mut app = app_on(embedded(), width, height);
        let written = Written::default();
        let mut screen = clsv::frame::Screen::new(written.clone(), width, height);
        let mut terminal = vt100::Parser::new(height, width, 0);
        for action in std::iter::once(None).chain(actions.into_iter().map(Some)) {
            match action {
                // The size stays; characters are those whose width every table agrees on.
                Some(Action::Resize { .. }) => continue,
                Some(Action::InsertChar(c)) if !(c.is_ascii_graphic() || "ăşţ自".contains(c)) => continue,
                Some(action) => app.update(action),
                None => {}
            }
            clsv::terminal::draw_frame(&mut screen, &app).unwrap();
            terminal.process(&written.0.borrow_mut().split_off(0));
            let shown: Vec<String> = terminal.screen().rows(0, width).map(|r| r.trim_end().to_string()).collect();
            prop_assert_eq!(shown, rows_of(&text_of(&render(&app))));
        }
    }

    #[test]
    fn a_terminal_holds_the_links_of_the_last_frame_drawn_after_any_actions(
        width in 20u16..=140,
        height in 6u16..=50,
        actions in prop::collection::vec(action(), 0..30),
    ) {
        // Links are written only where they are new or their cells changed, and the cells
        // of a link that is gone are written again without it: a terminal that keeps each
        // cell's link must hold exactly the links of each frame, over the address's text.
        let mut app = app_on(embedded(), width, height);
        let written = Written::default();
        let mut screen =
            clsv::frame::Screen::new(written.clone(), width, height).with_hyperlinks(true);
        let mut terminal = common::links::LinkTerminal::new(width, height);
        let mut shown = vt100::Parser::new(height, width, 0);
        for action in std::iter::once(None).chain(actions.into_iter().map(Some)) {
            match action {
                Some(Action::Resize { .. }) => continue,
                Some(Action::InsertChar(c)) if !(c.is_ascii_graphic() || "ăşţ自".contains(c)) => continue,
                Some(action) => app.update(action),
                None => {}
            }
            clsv::terminal::draw_frame(&mut screen, &app).unwrap();
            let bytes = written.0.borrow_mut().split_off(0);
            terminal.process(&bytes);
            shown.process(&bytes);
            let held: Vec<_> = terminal
                .links()
                .into_iter()
                .map(|run| (run.row, run.columns, run.link.id, run.link.url, run.text))
                .collect();
            let mut expected: Vec<_> = app
                .hyperlinks()
                .into_iter()
                .map(|link| (link.row, link.columns, format!("clsv-{}", link.id), link.url.to_string()))
                .collect();
            expected.sort_by_key(|(row, columns, _, _)| (*row, columns.start));
            let held_places: Vec<_> = held.iter().map(|(r, c, i, u, _)| (*r, c.clone(), i.clone(), u.clone())).collect();
            prop_assert_eq!(held_places, expected);
            for (_, _, _, url, text) in &held {
                prop_assert!(url.contains(text.as_str()), "{:?} under the link to {}", text, url);
            }
            let rows: Vec<String> = shown.screen().rows(0, width).map(|r| r.trim_end().to_string()).collect();
            prop_assert_eq!(rows, rows_of(&text_of(&render(&app))));
        }
    }

    #[test]
    fn any_bytes_in_a_pack_file_give_a_pack_or_an_error(
        which in 0usize..5,
        bytes in prop::collection::vec(any::<u8>(), 0..400),
    ) {
        let mut files: Vec<PackFile> = embedded_files()
            .map(|(name, text)| PackFile { name, display: name.to_string(), text: text.to_string() })
            .collect();
        files[which].text = String::from_utf8_lossy(&bytes).into_owned();
        let _ = load_files(files);
    }

    #[test]
    fn any_edit_of_a_valid_pack_gives_a_pack_or_an_error(
        which in 0usize..5,
        at in any::<prop::sample::Index>(),
        cut in 0usize..200,
        insert in "[\\PC\"(){}\\[\\],:]{0,12}",
    ) {
        let mut files: Vec<PackFile> = embedded_files()
            .map(|(name, text)| PackFile { name, display: name.to_string(), text: text.to_string() })
            .collect();
        let text = &files[which].text;
        let mut start = at.index(text.len());
        while !text.is_char_boundary(start) { start -= 1; }
        let mut end = (start + cut).min(text.len());
        while !text.is_char_boundary(end) { end -= 1; }
        files[which].text = format!("{}{insert}{}", &text[..start], &text[end..]);
        if let Err(error) = load_files(files) {
            prop_assert!(!error.problems.is_empty());
        }
    }

    #[test]
    fn wrapping_fits_the_width_and_keeps_every_word(
        text in "[a-zăâîşţ自由👍🏽 \\n]{0,80}",
        width in 1usize..30,
    ) {
        let lines = text::wrap(&text, width);
        for range in &lines {
            let line = &text[range.clone()];
            // A single grapheme wider than the width is the only excuse to overflow.
            let graphemes = unicode_segmentation::UnicodeSegmentation::graphemes(line, true).count();
            prop_assert!(text::width(line) <= width || graphemes == 1, "{line:?} at {width}");
        }
        let kept: String = lines.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>().join(" ");
        let words = |s: &str| s.split_whitespace().collect::<String>();
        prop_assert_eq!(words(&kept), words(&text));
    }

    /// Any slide of the deck at any size from 20×6 draws nothing outside the screen, and its
    /// pages hold every word of its text once and whole.
    #[test]
    fn a_slide_at_any_size_stays_inside_and_cuts_no_word(
        width in 20u16..=300,
        height in 6u16..=100,
        slide in 0usize..9,
        notes in any::<bool>(),
    ) {
        let mut app = app_on(embedded(), width, height).with_talk(clsv::app::Talk {
            start: Some(slide),
            notes,
            ..clsv::app::Talk::default()
        });
        let index = app.presentation().unwrap().slide;
        let slide = app.deck()[index].clone();
        let mut buf = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(
            0,
            0,
            width + 2,
            height + 2,
        ));
        ratatui::widgets::Widget::render(&app, app.area(), &mut buf);
        for y in 0..height + 2 {
            for x in 0..width + 2 {
                if x >= width || y >= height {
                    prop_assert_eq!(buf[(x, y)].symbol(), " ", "({}, {})", x, y);
                }
            }
        }
        let layout = app.slide_layout(index, 0).unwrap();
        // (A screen that leaves the body no row at all shows its title alone.)
        let no_room = layout.lines.is_empty() && !layout.body.text.is_empty();
        if layout.body.figure.is_none() && !no_room {
            let mut shown: Vec<String> = Vec::new();
            for page in 0..layout.pages.len() {
                let layout = app.slide_layout(index, page).unwrap();
                for line in layout.body.text.lines(layout.lines.clone()) {
                    shown.extend(words(&line.to_string()));
                }
                app.update(Action::NextSlide);
            }
            let whole = clsv::doc::slide::body(app.doc_context(), &slide, 100_000);
            let expected: Vec<String> = whole
                .lines(0..whole.len())
                .flat_map(|line| words(&line.to_string()))
                .collect();
            prop_assert_eq!(shown, expected);
        }
    }
}
