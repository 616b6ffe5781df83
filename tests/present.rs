//! Presentation mode: the deck, navigation, going to a slide by number, the blank screen,
//! the timer (with an injected clock), slides too long for the screen, the speaker's view,
//! `--check-fit`, and `slides.ron`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

mod common;

use std::process::Command;
use std::time::Duration;

use clsv::action::Action;
use clsv::app::{App, StartAt, Talk};
use clsv::capability::ColorLevel;
use clsv::content::SlideShows;
use clsv::theme::Theme;
use clsv::vocabulary::{Mode, Pane};
use common::{app_on, embedded, find, fixture, render, screen};

fn presenting(content: clsv::content::Content, width: u16, height: u16, talk: Talk) -> App {
    app_on(content, width, height).with_talk(Talk {
        start: Some(talk.start.unwrap_or(0)),
        ..talk
    })
}

fn slide(app: &App) -> usize {
    app.presentation().unwrap().slide
}

#[test]
fn the_default_deck_follows_slides_ron() {
    let app = presenting(embedded(), 80, 24, Talk::default());
    let deck = app.deck();
    assert_eq!(deck.len(), 15);
    assert_eq!(deck[0].shows, SlideShows::Title);
    assert_eq!(deck[0].with, [0, 1]);
    assert_eq!(deck[3].shows, SlideShows::Members);
    assert!(deck[0].notes.is_some());
    assert_eq!(
        deck[14].shows,
        SlideShows::Section(4),
        "Moldova's membership closes the talk"
    );
}

#[test]
fn without_slides_ron_the_deck_is_derived_from_the_content() {
    let app = presenting(fixture(), 80, 24, Talk::default());
    let shows: Vec<SlideShows> = app.deck().iter().map(|s| s.shows).collect();
    assert_eq!(
        shows,
        [
            SlideShows::Title,
            SlideShows::Section(1),
            SlideShows::Timeline,
            SlideShows::Members,
            SlideShows::Declaration(0),
            SlideShows::Declaration(1),
            SlideShows::Action(0),
            SlideShows::Action(1),
        ]
    );
}

#[test]
fn next_and_previous_stop_at_the_ends_and_home_end_jump() {
    let mut app = presenting(embedded(), 120, 40, Talk::default());
    assert_eq!(app.mode(), Mode::Present);
    app.update(Action::PrevSlide);
    assert_eq!(slide(&app), 0);
    app.update(Action::NextSlide);
    app.update(Action::NextSlide);
    assert_eq!(slide(&app), 2);
    app.update(Action::LastSlide);
    assert_eq!(slide(&app), 14);
    app.update(Action::NextSlide);
    assert_eq!(slide(&app), 14);
    app.update(Action::FirstSlide);
    assert_eq!(slide(&app), 0);
}

#[test]
fn a_number_then_enter_goes_to_that_slide() {
    let mut app = presenting(embedded(), 80, 24, Talk::default());
    app.update(Action::TypeDigit(1));
    app.update(Action::TypeDigit(2));
    assert!(screen(&app).contains("→ 12_"));
    app.update(Action::GoToTypedSlide);
    assert_eq!(slide(&app), 11);
    app.update(Action::TypeDigit(9));
    app.update(Action::TypeDigit(9));
    app.update(Action::GoToTypedSlide);
    assert_eq!(slide(&app), 14, "past the end goes to the last");
    app.update(Action::TypeDigit(3));
    app.update(Action::NextSlide);
    app.update(Action::GoToTypedSlide);
    assert_eq!(slide(&app), 14, "another key forgets the digits");
}

#[test]
fn blank_hides_everything_and_any_key_brings_it_back() {
    let mut app = presenting(embedded(), 80, 24, Talk::default());
    app.update(Action::BlankScreen);
    assert!(screen(&app).chars().all(|c| c == ' ' || c == '\n'));
    app.update(Action::NextSlide);
    assert_eq!(slide(&app), 0, "the key only brings the slide back");
    assert!(screen(&app).contains("1 / 15"));
}

#[test]
fn the_timer_counts_from_the_start_and_resets() {
    let talk = Talk {
        duration: Some(Duration::from_secs(20 * 60)),
        ..Talk::default()
    };
    let mut app = presenting(embedded(), 80, 24, talk);
    app.update(Action::Tick(Duration::from_secs(75)));
    assert!(
        screen(&app).contains("01:15  18:45 rămas"),
        "{}",
        screen(&app)
    );
    app.update(Action::ResetTimer);
    app.update(Action::Tick(Duration::from_secs(80)));
    assert!(screen(&app).contains("00:05  19:55 rămas"));
    app.update(Action::Tick(Duration::from_secs(80 + 19 * 60)));
    let buffer = render(&app);
    let (x, y) = find(&app, "00:55 rămas");
    assert_eq!(
        buffer[(x, y)].fg,
        ratatui::style::Color::Yellow,
        "the last two minutes"
    );
    app.update(Action::Tick(Duration::from_secs(80 + 21 * 60)));
    let (x, y) = find(&app, "01:05 depăşit");
    assert_eq!(
        render(&app)[(x, y)].fg,
        ratatui::style::Color::Red,
        "over time"
    );
}

#[test]
fn a_slide_too_long_scrolls_with_a_marker_before_the_next_slide() {
    let mut app = presenting(
        embedded(),
        40,
        12,
        Talk {
            start: Some(11),
            ..Talk::default()
        },
    );
    let max = app.max_slide_scroll();
    assert!(max > 0, "the Digital Defenders slide is longer than 40x12");
    assert!(screen(&app).contains("mai mult ↓"));
    let mut presses = 0;
    while app.presentation().unwrap().scroll < max {
        app.update(Action::NextSlide);
        presses += 1;
        assert_eq!(slide(&app), 11, "still scrolling");
        assert!(presses < 20);
    }
    assert!(!screen(&app).contains("mai mult"));
    app.update(Action::NextSlide);
    assert_eq!(slide(&app), 12);
    app.update(Action::PrevSlide);
    assert_eq!((slide(&app), app.presentation().unwrap().scroll), (11, 0));
    app.update(Action::PrevSlide);
    assert_eq!(slide(&app), 10);
}

#[test]
fn p_in_the_browser_presents_the_selected_item_and_esc_comes_back() {
    let content = embedded();
    let lang = content.default_language;
    let mut app = App::new(
        content,
        Theme::new(ColorLevel::Basic16, false),
        StartAt {
            lang,
            pane: Pane::Actions,
        },
        80,
        24,
    );
    app.update(Action::MoveDown);
    app.update(Action::StartPresenting);
    assert_eq!(app.mode(), Mode::Present);
    assert_eq!(app.deck()[slide(&app)].shows, SlideShows::Action(1));
    app.update(Action::OpenHelp);
    assert!(screen(&app).contains("Prezentare"));
    app.update(Action::CloseHelp);
    assert_eq!(
        app.mode(),
        Mode::Present,
        "the help closes back to the slides"
    );
    app.update(Action::StopPresenting);
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(app.pane(), Pane::Actions);
}

#[test]
fn slides() {
    let talk = Talk::default();
    for (width, height) in [(80, 24), (40, 12), (200, 60)] {
        for (name, start) in [("title", 0), ("members", 3), ("declaration", 4)] {
            let app = presenting(
                embedded(),
                width,
                height,
                Talk {
                    start: Some(start),
                    ..talk
                },
            );
            insta::assert_snapshot!(format!("slide_{name}_{width}x{height}"), screen(&app));
        }
        let notes = presenting(
            embedded(),
            width,
            height,
            Talk {
                notes: true,
                start: Some(3),
                ..talk
            },
        );
        insta::assert_snapshot!(format!("speaker_view_{width}x{height}"), screen(&notes));
    }
    for (name, start, notes) in [
        ("members", 3, false),
        ("declaration", 4, false),
        ("speaker_view", 3, true),
    ] {
        let content = embedded();
        let lang = content.default_language;
        let app = App::new(
            content,
            Theme::new(ColorLevel::None, true),
            StartAt {
                lang,
                pane: Pane::Overview,
            },
            80,
            24,
        )
        .with_talk(Talk {
            start: Some(start),
            notes,
            ..talk
        });
        let shown = screen(&app);
        assert!(
            shown.is_ascii() || !shown.chars().any(|c| "╭─│━▜▟█".contains(c)),
            "{shown}"
        );
        insta::assert_snapshot!(format!("{name}_ascii_no_colour_80x24"), shown);
    }
    let content = embedded();
    let lang = content.lang("en").unwrap();
    let plain = App::new(
        content,
        Theme::new(ColorLevel::None, true),
        StartAt {
            lang,
            pane: Pane::Overview,
        },
        120,
        40,
    )
    .with_talk(Talk {
        start: Some(0),
        ..talk
    });
    insta::assert_snapshot!("slide_title_en_ascii_no_colour_120x40", screen(&plain));
    let (x, y) = find(&plain, "1 / 15");
    assert!(
        render(&plain)[(x, y)]
            .modifier
            .contains(ratatui::style::Modifier::BOLD)
    );
}

fn clsv_cmd(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_clsv"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn check_fit_passes_the_default_deck_at_80x24_and_names_a_slide_that_overflows() {
    let output = clsv_cmd(&["present", "--check-fit", "80x24"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "all 15 slides fit at 80x24\n"
    );

    let dir = tempfile::tempdir().unwrap();
    for (name, text) in clsv::content::load::embedded_files() {
        let text = match name {
            "actions.ron" => text.replace(
                "Coordonarea eforturilor",
                &"Coordonarea eforturilor foarte, ".repeat(40),
            ),
            _ => text.to_string(),
        };
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let output = clsv_cmd(&[
        "present",
        "--content",
        dir.path().to_str().unwrap(),
        "--check-fit",
        "80x24",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.starts_with("slide 11 \"Coordonare diplomatică\": "),
        "{text}"
    );
    assert!(
        text.contains("1 of 15 slides do not fit at 80x24"),
        "{text}"
    );
}

#[test]
fn slides_ron_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in clsv::content::load::embedded_files() {
        let text = match name {
            "slides.ron" => text
                .replace("show: \"platform\"", "show: \"platforma\"")
                .replace(
                    "with: [\"name\", \"founding\"]",
                    "with: [\"name\", \"nowhere\"]",
                ),
            _ => text.to_string(),
        };
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let output = clsv_cmd(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("slides.ron:7:28: no overview section with id \"nowhere\""),
        "{text}"
    );
    assert!(
        text.contains("slides.ron:14:19: no slide content with id \"platforma\""),
        "{text}"
    );
}

#[test]
fn present_in_a_terminal_shows_slides_and_quits() {
    let mut session = common::pty::Session::start(&["present", "--start", "4"], 80, 24, &[]);
    session.wait_for("4 / 15");
    session.wait_for("Europa de Vest: Austria, Franţa, Germania, Olanda");
    session.send(" ");
    session.wait_for("5 / 15");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}
