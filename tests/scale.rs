//! A hundred thousand members: the pack loads, the list moves to its end and back, a search
//! finds what it should, and only visible rows are drawn. Correctness, not time (speed is
//! measured by `cargo bench`).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

mod common;

use clsv::action::Action;
use clsv::app::Pane;
use clsv::content::generate::pack_files;
use clsv::content::load::load_files;
use common::{app_on, screen};

#[test]
fn a_hundred_thousand_members_load_move_and_search() {
    let content = load_files(pack_files(100_000)).unwrap();
    assert_eq!(content.members.members.len(), 100_000);
    let last_name = content.members.members[99_999]
        .name
        .get(content.default_language)
        .to_string();
    let mut app = app_on(content, 80, 24);
    app.update(Action::ShowPane(Pane::Members));
    app.update(Action::MoveToBottom);
    let position = app.list_position(Pane::Members).unwrap();
    assert_eq!(position.selected, 99_999);
    let shown = screen(&app);
    assert!(shown.contains("100000/100000"), "{shown}");
    assert!(shown.contains(&last_name), "the last member is on screen");
    assert!(shown.contains("Membri (100000)"));
    app.update(Action::PageUp);
    app.update(Action::MoveToTop);
    assert_eq!(app.list_position(Pane::Members).unwrap().selected, 0);

    // The name of the last member, typed, finds it.
    app.update(Action::OpenSearch);
    for c in last_name.chars() {
        app.update(Action::InsertChar(c));
    }
    let hits = &app.prompt().unwrap().hits;
    assert!(!hits.is_empty());
    assert!(
        hits.iter()
            .any(|h| h.target == clsv::search::Target::Member(99_999))
    );
    app.update(Action::AcceptSearch);
    assert_eq!(app.pane(), Pane::Members);
    assert!(screen(&app).contains(&last_name));
}
