//! A hundred thousand members: the pack loads, the list moves to its end and back, a search
//! finds what it should, and only visible rows are drawn; a problem in each of many members is
//! found and drawn at its place. Correctness, not time (speed is measured by `cargo bench`),
//! though work that grew with the square of the pack would not end in time.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

mod common;

use clsv::action::Action;
use clsv::app::{COUNTED_AT_ONCE, SearchPosition};
use clsv::content::generate::pack_files;
use clsv::content::load::{Severity, check_files, load_files};
use clsv::diagnostic::{self, Style};
use clsv::vocabulary::Pane;
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

#[test]
fn a_warning_for_every_one_of_many_members_is_placed_and_drawn() {
    let count = 20_000;
    let mut files = pack_files(count);
    let members = files.iter_mut().find(|f| f.name == "members.ron").unwrap();
    // Every member's name loses its English text.
    members.text = members
        .text
        .lines()
        .map(
            |line| match (line.find(", \"en\": "), line.find("}, code:")) {
                (Some(en), Some(end)) if line.trim_start().starts_with("Member(") && en < end => {
                    format!("{}{}\n", &line[..en], &line[end..])
                }
                _ => format!("{line}\n"),
            },
        )
        .collect();
    let member_lines: Vec<usize> = members
        .text
        .lines()
        .enumerate()
        .filter(|(_, line)| line.trim_start().starts_with("Member("))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(member_lines.len(), count);
    let report = check_files(files);
    let warned: Vec<usize> = report
        .problems
        .iter()
        .filter(|p| p.file.ends_with("members.ron") && p.severity == Severity::Warning)
        .map(|p| p.position.unwrap().line)
        .collect();
    assert_eq!(warned, member_lines, "one warning per member, on its line");
    assert!(report.content.is_some(), "warnings do not stop the pack");
    let style = Style {
        color: false,
        ascii: true,
        width: 100,
    };
    let shown = diagnostic::render(&report, style);
    let last = member_lines[count - 1];
    assert!(
        shown.contains(&format!("members.ron:{last}:")),
        "the last member's warning is drawn"
    );
    assert!(shown.contains(&format!("{last} |         Member(id: \"m{}\"", count - 1)));
}

/// A search with more results than are counted at once: Enter does not count the
/// occurrences of every one, the footer counts results, and `n`/`N` still stop at each
/// occurrence, counting a passage when they come to it.
#[test]
fn a_search_with_too_many_results_to_count_at_once_counts_them_as_it_goes() {
    let content = load_files(pack_files(2_000)).unwrap();
    let mut app = app_on(content, 100, 30);
    app.update(Action::OpenSearch);
    for c in "europa".chars() {
        app.update(Action::InsertChar(c));
    }
    app.update(Action::AcceptSearch);
    let found = app.found().unwrap();
    let passages = found.passages.len();
    assert!(passages > COUNTED_AT_ONCE, "{passages}");
    assert!(found.passages.iter().all(|(_, count)| count.is_none()));
    let Some(SearchPosition::Result { at: Some(at), of }) = app.search_position() else {
        panic!("{:?}", app.search_position());
    };
    assert_eq!(of, passages);
    assert!(screen(&app).contains(&format!("rezultatul {at}/{of}")));
    // Forth and back again through the same occurrences, the last of each passage found
    // going back.
    let mut forth = vec![app.found().unwrap().at];
    for _ in 0..6 {
        app.update(Action::NextMatch);
        forth.push(app.found().unwrap().at);
    }
    let mut back = vec![app.found().unwrap().at];
    for _ in 0..6 {
        app.update(Action::PrevMatch);
        back.push(app.found().unwrap().at);
    }
    back.reverse();
    assert_eq!(forth, back);
    let counted = app
        .found()
        .unwrap()
        .passages
        .iter()
        .filter(|(_, count)| count.is_some())
        .count();
    assert!(
        (1..=8).contains(&counted),
        "only those met are counted: {counted}"
    );
}
