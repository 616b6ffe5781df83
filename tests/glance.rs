//! The overview's "at a glance" block: counts, growth and conferences drawn from the content
//! itself, at the sizes that have room for it, and none where the text would be crowded out.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

mod common;

use clsv::action::Action;
use common::{app_on, embedded, screen};

#[test]
fn the_counts_growth_and_conferences_are_the_contents() {
    let app = app_on(embedded(), 100, 30);
    let shown = screen(&app);
    let content = app.content();
    assert!(shown.contains("Pe scurt"), "{shown}");
    let members = content.members.members.len();
    assert!(
        shown.contains(&format!("{members} de membri · 4 conferinţe · 6 drepturi")),
        "{shown}"
    );
    // Each year's running total and the members who joined that year, from members.ron.
    for growth in content.members.growth() {
        let row = format!("{} ", growth.year);
        let numbers = format!("{} (+{})", growth.total, growth.joined);
        assert!(
            shown
                .lines()
                .any(|l| l.contains(&row) && l.contains(&numbers)),
            "{row}… {numbers} not in\n{shown}"
        );
    }
    assert_eq!(
        content.members.growth().last().map(|g| g.total),
        Some(members)
    );
    for event in &content.overview.timeline {
        let place = event.place.get(app.lang());
        assert!(shown.contains(place), "{place} not in\n{shown}");
    }
    let mut english = app_on(embedded(), 100, 30);
    english.update(Action::SwitchLanguage);
    let shown = screen(&english);
    assert!(shown.contains("At a glance"), "{shown}");
    assert!(shown.contains("22 members · 4 conferences"), "{shown}");
    assert!(shown.contains("The Hague"), "{shown}");
}

#[test]
fn a_short_screen_shows_the_text_alone_and_the_text_scrolls_below_the_glance() {
    let short = screen(&app_on(embedded(), 80, 16));
    assert!(!short.contains("Pe scurt"), "{short}");
    assert!(short.contains("Denumirea"), "{short}");
    let mut app = app_on(embedded(), 80, 30);
    let before = screen(&app);
    app.update(Action::MoveDown);
    let after = screen(&app);
    let glance = |s: &str| s.lines().take(10).map(str::to_string).collect::<Vec<_>>();
    assert_eq!(glance(&before), glance(&after), "the glance stays");
    assert_ne!(before, after, "the text scrolled");
}
