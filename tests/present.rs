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
fn a_paired_terminals_slide_reaches_a_presentation_under_its_help() {
    let mut app = presenting(embedded(), 80, 24, Talk::default());
    app.update(Action::OpenHelp);
    assert_eq!(app.mode(), Mode::Help);
    app.update(Action::Follow {
        slide: 6,
        blank: false,
        speaker: true,
    });
    app.update(Action::CloseHelp);
    assert_eq!((app.mode(), slide(&app)), (Mode::Present, 6));
    // Past the end is the last slide.
    app.update(Action::Follow {
        slide: 99,
        blank: true,
        speaker: true,
    });
    assert_eq!(slide(&app), 14);
    assert!(app.presentation().unwrap().blank);
}

#[test]
fn a_closed_pair_is_said_on_the_footer_and_the_keys_go_on() {
    let mut app = presenting(embedded(), 100, 24, Talk::default());
    app.update(Action::PairEnded);
    assert!(
        screen(&app).contains("Celălalt terminal s-a închis"),
        "{}",
        screen(&app)
    );
    app.update(Action::NextSlide);
    assert_eq!(slide(&app), 1);
    assert!(screen(&app).contains("Celălalt terminal s-a închis"));
    // In the browser the pair is nothing to act on.
    app.update(Action::StopPresenting);
    app.update(Action::PairEnded);
    assert_eq!(app.mode(), Mode::Browse);
}

#[test]
fn a_notice_is_shown_on_the_presentations_footer_until_the_first_key() {
    let mut app = presenting(embedded(), 100, 24, Talk::default()).with_notice("not paired".into());
    assert!(screen(&app).contains("not paired"));
    app.update(Action::NextSlide);
    assert!(!screen(&app).contains("not paired"));
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
    session.wait_for("Europa de Vest 4 · Europa de Nord 6");
    session.send(" ");
    session.wait_for("5 / 15");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

/// An app presenting the slide that shows `shows` of the default pack.
fn presenting_shows(shows: SlideShows, width: u16, height: u16, theme: Theme) -> App {
    let content = embedded();
    let lang = content.default_language;
    let app = App::new(
        content,
        theme,
        StartAt {
            lang,
            pane: Pane::Overview,
        },
        width,
        height,
    );
    let start = app.deck().iter().position(|s| s.shows == shows).unwrap();
    app.with_talk(Talk {
        start: Some(start),
        ..Talk::default()
    })
}

#[test]
fn the_members_and_conferences_slides_draw_the_map_and_the_charts() {
    let colour = Theme::new(ColorLevel::Basic16, false);
    let plain = Theme::new(ColorLevel::None, true);
    for (name, shows) in [
        ("members", SlideShows::Members),
        ("conferences", SlideShows::Timeline),
    ] {
        for (width, height) in [(80, 24), (200, 60)] {
            let app = presenting_shows(shows, width, height, colour);
            insta::assert_snapshot!(format!("figure_{name}_{width}x{height}"), screen(&app));
        }
        let app = presenting_shows(shows, 80, 24, plain);
        let shown = screen(&app);
        // The drawing is ASCII (no box drawing, blocks or braille); the content's words
        // keep their letters and punctuation.
        assert!(
            !shown
                .chars()
                .any(|c| ('\u{2500}'..='\u{28ff}').contains(&c) || "•◆·…".contains(c)),
            "{shown}"
        );
        assert!(
            render(&app).content().iter().all(|cell| {
                cell.fg == ratatui::style::Color::Reset && cell.bg == ratatui::style::Color::Reset
            }),
            "no colour"
        );
        insta::assert_snapshot!(format!("figure_{name}_ascii_no_colour_80x24"), shown);
    }
}

#[test]
fn start_names_a_slide_by_number_or_by_what_it_shows() {
    use clsv::present::{SlideRef, deck, find_slide};
    let content = embedded();
    let deck = deck(&content);
    let find = |text: &str| find_slide(&content, &deck, &text.parse::<SlideRef>().unwrap());
    assert_eq!(find("title"), Ok(0));
    assert_eq!(find("timeline"), Ok(2));
    assert_eq!(find("members"), Ok(3));
    assert_eq!(find("privacy"), Ok(9), "a right of the declaration");
    assert_eq!(find("civil-society-support"), Ok(11), "an area of action");
    assert_eq!(find("3"), Ok(2));
    let unknown = find("nowhere").unwrap_err();
    assert!(
        unknown.contains("no slide shows \"nowhere\"")
            && unknown.contains("from 1 to 15")
            && unknown.contains("title, platform, timeline, members, principle"),
        "{unknown}"
    );
}

#[test]
fn an_unknown_start_is_a_usage_error_that_lists_the_slides() {
    let output = clsv_cmd(&["present", "--start", "nowhere"]);
    assert_eq!(output.status.code(), Some(2));
    let text = String::from_utf8_lossy(&output.stderr);
    assert!(
        text.contains("no slide shows \"nowhere\"") && text.contains("moldova"),
        "{text}"
    );
    let output = clsv_cmd(&["present", "--start", "0"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("numbered from 1"));
}

#[test]
fn present_in_a_terminal_starts_on_the_slide_named() {
    for (start, shown, seen) in [
        ("members", "4 / 15", "Europa de Vest 4"),
        ("timeline", "3 / 15", "2011 ██"),
        ("privacy", "10 / 15", "10 / 15"),
        ("3", "3 / 15", "Haga"),
    ] {
        let mut session = common::pty::Session::start(&["present", "--start", start], 80, 24, &[]);
        session.wait_for(shown);
        session.wait_for(seen);
        session.send("q");
        assert_eq!(session.wait_exit(), 0);
    }
}

#[test]
fn a_pack_without_locations_shows_the_counts_and_the_members_on_its_members_slide() {
    let content = fixture();
    assert!(!content.members.located());
    for (width, height) in [(80, 24), (200, 60)] {
        let app = presenting(
            fixture(),
            width,
            height,
            Talk {
                start: Some(3),
                ..Talk::default()
            },
        );
        assert_eq!(app.deck()[3].shows, SlideShows::Members);
        insta::assert_snapshot!(
            format!("figure_members_unlocated_{width}x{height}"),
            screen(&app)
        );
    }
}

/// Sizes from 1×1 to 300×100: every small one, then steps, and the largest.
fn sizes() -> Vec<(u16, u16)> {
    let widths: Vec<u16> = (1..=12).chain((13..300).step_by(9)).chain([300]).collect();
    let heights: Vec<u16> = (1..=12).chain((13..100).step_by(7)).chain([100]).collect();
    widths
        .iter()
        .flat_map(|&w| heights.iter().map(move |&h| (w, h)))
        .collect()
}

#[test]
fn the_members_and_conferences_slides_draw_inside_their_area_at_any_size() {
    let packs = [("default", embedded()), ("without locations", fixture())];
    for (pack, content) in packs {
        for shows in [SlideShows::Members, SlideShows::Timeline] {
            for notes in [false, true] {
                let mut app = presenting(content.clone(), 80, 24, Talk::default());
                let start = app.deck().iter().position(|s| s.shows == shows).unwrap();
                app = app.with_talk(Talk {
                    start: Some(start),
                    notes,
                    ..Talk::default()
                });
                for (width, height) in sizes() {
                    app.update(Action::Resize { width, height });
                    // Drawn into a buffer larger than the screen: nothing may land past it.
                    let mut buf = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(
                        0,
                        0,
                        width + 3,
                        height + 3,
                    ));
                    ratatui::widgets::Widget::render(&app, app.area(), &mut buf);
                    for y in 0..height + 3 {
                        for x in 0..width + 3 {
                            if x >= width || y >= height {
                                assert_eq!(
                                    buf[(x, y)].symbol(),
                                    " ",
                                    "{pack} {shows:?} notes {notes} at {width}x{height}: ({x}, {y})"
                                );
                            }
                        }
                    }
                    assert!(app.slide_body_rows() <= height as usize);
                }
            }
        }
    }
}
