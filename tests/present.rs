//! Presentation mode: the deck, navigation, going to a slide by number, the blank screen,
//! the timer (with an injected clock), slides too long for the screen, the speaker's view,
//! `--check-fit`, and `slides.ron`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

mod common;

use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use clsv::action::Action;
use clsv::app::{App, StartAt, Talk};
use clsv::capability::{ColorLevel, Dots};
use clsv::content::{ItemRef, SlideForm, SlideShows};
use clsv::letters::Pixels;
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
    assert_eq!(deck.len(), 9);
    assert_eq!(deck[0].shows, SlideShows::Title);
    assert!(deck[0].notes.is_some());
    assert_eq!(
        (deck[2].shows, deck[2].form),
        (SlideShows::Timeline, SlideForm::Chart)
    );
    assert_eq!(
        (deck[3].shows, deck[3].form),
        (SlideShows::Members, SlideForm::Map)
    );
    // The five rights together on one slide, then the three areas of action.
    assert_eq!(
        (deck[5].shows, deck[5].form),
        (SlideShows::List, SlideForm::List)
    );
    assert_eq!(
        deck[5].items,
        (1..6).map(ItemRef::Declaration).collect::<Vec<_>>()
    );
    assert_eq!(
        deck[6].items,
        (0..3).map(ItemRef::Action).collect::<Vec<_>>()
    );
    assert_eq!(
        deck[8].shows,
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
    assert_eq!(slide(&app), 8);
    app.update(Action::NextSlide);
    assert_eq!(slide(&app), 8);
    app.update(Action::FirstSlide);
    assert_eq!(slide(&app), 0);
}

#[test]
fn a_number_then_enter_goes_to_that_slide() {
    let mut app = presenting(embedded(), 80, 24, Talk::default());
    app.update(Action::TypeDigit(7));
    assert!(screen(&app).contains("→ 7_"));
    app.update(Action::GoToTypedSlide);
    assert_eq!(slide(&app), 6);
    app.update(Action::TypeDigit(9));
    app.update(Action::TypeDigit(9));
    app.update(Action::GoToTypedSlide);
    assert_eq!(slide(&app), 8, "past the end goes to the last");
    app.update(Action::TypeDigit(3));
    app.update(Action::PrevSlide);
    app.update(Action::GoToTypedSlide);
    assert_eq!(slide(&app), 7, "another key forgets the digits");
}

#[test]
fn blank_hides_everything_and_any_key_brings_it_back() {
    let mut app = presenting(embedded(), 80, 24, Talk::default());
    app.update(Action::BlankScreen);
    assert!(screen(&app).chars().all(|c| c == ' ' || c == '\n'));
    app.update(Action::NextSlide);
    assert_eq!(slide(&app), 0, "the key only brings the slide back");
    assert!(screen(&app).contains("1 / 9"));
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
    assert_eq!(slide(&app), 8);
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

/// A session of `clsv serve --present` that joins a talk late is given the talk's clock and
/// the time its timer counts from: its timer shows the talk's time, not its own.
#[test]
fn a_talk_s_shared_timer_shows_the_talk_s_time_not_the_session_s() {
    let talk = Talk {
        duration: Some(Duration::from_secs(20 * 60)),
        ..Talk::default()
    };
    // Joining ten minutes into the server's clock, a talk started at 1:40 of it.
    let mut app = app_on(embedded(), 80, 24);
    app.update(Action::Tick(Duration::from_secs(600)));
    app.update(Action::TimerFrom(Duration::from_secs(100)));
    let mut app = app.with_talk(Talk {
        start: Some(0),
        ..talk
    });
    assert!(
        screen(&app).contains("08:20  11:40 rămas"),
        "{}",
        screen(&app)
    );
    // Told while presenting, as a reset by another presenter arrives.
    app.update(Action::Tick(Duration::from_secs(660)));
    app.update(Action::TimerFrom(Duration::from_secs(650)));
    assert!(
        screen(&app).contains("00:10  19:50 rămas"),
        "{}",
        screen(&app)
    );
    assert_eq!(app.timer_start(), Some(Duration::from_secs(650)));
    // Browsing and presenting again goes on with the talk's timer.
    app.update(Action::StopPresenting);
    assert_eq!(app.timer_start(), None);
    app.update(Action::Tick(Duration::from_secs(700)));
    app.update(Action::StartPresenting);
    assert!(
        screen(&app).contains("00:50  19:10 rămas"),
        "{}",
        screen(&app)
    );
}

/// A reset from the shared talk zeroes the timer; `t` in a session resets the talk's timer
/// there, and it stays reset when the presentation is started again.
#[test]
fn a_reset_of_the_talk_s_timer_zeroes_it() {
    let mut app = presenting(embedded(), 80, 24, Talk::default());
    app.update(Action::Tick(Duration::from_secs(300)));
    app.update(Action::TimerFrom(Duration::from_secs(30)));
    assert!(screen(&app).contains("04:30"), "{}", screen(&app));
    app.update(Action::TimerFrom(Duration::from_secs(300)));
    assert!(screen(&app).contains("00:00"), "{}", screen(&app));
    app.update(Action::Tick(Duration::from_secs(400)));
    app.update(Action::ResetTimer);
    assert_eq!(app.timer_start(), Some(Duration::from_secs(400)));
    app.update(Action::Tick(Duration::from_secs(405)));
    app.update(Action::StopPresenting);
    app.update(Action::StartPresenting);
    assert!(screen(&app).contains("00:05"), "{}", screen(&app));
    // Without a shared timer, a presentation started again starts its own.
    let mut app = presenting(embedded(), 80, 24, Talk::default());
    app.update(Action::Tick(Duration::from_secs(300)));
    app.update(Action::StopPresenting);
    app.update(Action::StartPresenting);
    assert_eq!(app.timer_start(), Some(Duration::from_secs(300)));
}

/// The text lines of the slide on the screen: between the top row and the footer, without
/// the blank ones.
fn slide_text_lines(app: &App) -> Vec<String> {
    let text = screen(app);
    let rows: Vec<&str> = text.lines().collect();
    rows[..rows.len() - 1]
        .iter()
        .map(|row| row.trim().to_string())
        .filter(|row| !row.is_empty())
        .collect()
}

#[test]
fn a_slide_too_long_continues_on_pages_that_begin_at_a_sentence_before_the_next_slide() {
    let content = embedded();
    let deck = clsv::present::deck(&content);
    let principle = clsv::present::find_slide(
        &content,
        &deck,
        &clsv::present::SlideRef::Id("principle".into()),
    )
    .unwrap();
    let mut app = presenting(
        content,
        40,
        12,
        Talk {
            start: Some(principle),
            ..Talk::default()
        },
    );
    let pages = app.current_slide_pages();
    assert!(pages > 1, "the principle is longer than 40x12");
    assert!(
        screen(&app).contains(&format!("1/{pages} mai mult ↓")),
        "{}",
        screen(&app)
    );
    // Every word of the slide, once, whole, across its pages: a page begins at a line.
    let words_of = |app: &App| -> Vec<String> {
        slide_text_lines(app)
            .iter()
            .filter(|line| {
                *line != "Principiul" && !line.contains("mai mult") && !line.contains('/')
            })
            .flat_map(|line| {
                line.split_whitespace()
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .filter(|word| word != "•")
            .collect()
    };
    let mut shown = words_of(&app);
    for page in 1..pages {
        app.update(Action::NextSlide);
        assert_eq!(slide(&app), principle, "still on its pages");
        assert_eq!(app.presentation().unwrap().page, page);
        shown.extend(words_of(&app));
    }
    let item = &app.content().declaration.items[0];
    let lang = app.lang();
    let expected: Vec<String> = item
        .body
        .get(lang)
        .split_whitespace()
        .chain(
            item.facts
                .iter()
                .flat_map(|f| f.text.get(lang).split_whitespace()),
        )
        .map(str::to_string)
        .collect();
    assert_eq!(
        shown, expected,
        "no word cut, lost or repeated; no source on the slide"
    );
    assert!(!screen(&app).contains("mai mult"));
    assert!(screen(&app).contains(&format!("{pages}/{pages}")));
    app.update(Action::NextSlide);
    assert_eq!(slide(&app), principle + 1);
    app.update(Action::PrevSlide);
    assert_eq!(
        (slide(&app), app.presentation().unwrap().page),
        (principle, 0)
    );
    app.update(Action::PrevSlide);
    assert_eq!(slide(&app), principle - 1);
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
            item: None,
        },
        80,
        24,
    );
    app.update(Action::MoveDown);
    app.update(Action::StartPresenting);
    assert_eq!(app.mode(), Mode::Present);
    // The slide that lists the areas of action, the selected one among them.
    let shown = &app.deck()[slide(&app)];
    assert_eq!(shown.shows, SlideShows::List);
    assert!(shown.items.contains(&ItemRef::Action(1)));
    app.update(Action::OpenHelp);
    // The presenting keys come first.
    let help = screen(&app);
    let presenting = help.find("Prezentare").unwrap();
    let browsing = help.find("Navigare").unwrap_or(usize::MAX);
    assert!(presenting < browsing, "{help}");
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
                item: None,
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
            item: None,
        },
        120,
        40,
    )
    .with_talk(Talk {
        start: Some(0),
        ..talk
    });
    insta::assert_snapshot!("slide_title_en_ascii_no_colour_120x40", screen(&plain));
    let (x, y) = find(&plain, "1 / 9");
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
        "all 9 slides fit at 80x24\n"
    );

    let dir = tempfile::tempdir().unwrap();
    for (name, text) in clsv::content::load::embedded_files() {
        let text = match name {
            "overview.ron" => text.replace(
                "Coaliţia reprezintă",
                &"Coaliţia reprezintă foarte, ".repeat(40),
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
        text.starts_with("slide 2 \"Platformă politică\": 2 pages at 80x24"),
        "{text}"
    );
    assert!(text.contains("1 of 9 slides do not fit at 80x24"), "{text}");
}

#[test]
fn slides_ron_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in clsv::content::load::embedded_files() {
        let text = match name {
            "slides.ron" => text
                .replace("show: \"platform\"", "show: \"platforma\"")
                .replace(
                    "show: \"title\",",
                    "show: \"title\", with: [\"name\", \"nowhere\"],",
                )
                .replace("\"privacy\"]", "\"privacy\", \"elsewhere\"]")
                .replace(
                    "show: \"members\",\n            as: Map",
                    "show: \"members\",\n            as: List",
                ),
            _ => text.to_string(),
        };
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let output = clsv_cmd(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("slides.ron:7:43: no overview section with id \"nowhere\""),
        "{text}"
    );
    assert!(
        text.contains("slides.ron:14:19: no slide content with id \"platforma\""),
        "{text}"
    );
    assert!(
        text.contains("slides.ron:23:17: this slide cannot be shown as List"),
        "{text}"
    );
    assert!(
        text.contains("slides.ron:37:94: no item with id \"elsewhere\""),
        "{text}"
    );
}

#[test]
fn present_in_a_terminal_shows_slides_and_quits() {
    let mut session = common::pty::Session::start(&["present", "--start", "4"], 80, 24, &[]);
    session.wait_for("4 / 9");
    session.wait_for("Europa de Vest 4 · Europa de Nord 6");
    session.send(" ");
    session.wait_for("5 / 9");
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
            item: None,
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
    assert_eq!(
        find("privacy"),
        Ok(5),
        "a right, on the slide of the rights"
    );
    assert_eq!(find("expression"), Ok(5));
    assert_eq!(find("civil-society-support"), Ok(6), "an area of action");
    assert_eq!(find("3"), Ok(2));
    let unknown = find("nowhere").unwrap_err();
    assert!(
        unknown.contains("no slide shows \"nowhere\"")
            && unknown.contains("from 1 to 9")
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
        ("members", "4 / 9", "Europa de Vest 4"),
        ("timeline", "3 / 9", "2011 ██"),
        ("privacy", "6 / 9", "Libertatea de exprimare"),
        ("3", "3 / 9", "Haga"),
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

/// An app on `content` presenting slide `start` at `width`×`height`, its titles in `pixels`.
fn presenting_in(
    content: clsv::content::Content,
    start: usize,
    pixels: Pixels,
    (width, height): (u16, u16),
) -> App {
    let lang = content.default_language;
    let theme = match pixels {
        Pixels::Quadrant => Theme::new(ColorLevel::Basic16, false),
        Pixels::HalfBlock => Theme::new(ColorLevel::Basic16, false).with_dots(Dots::HalfBlock),
        Pixels::Ascii => Theme::new(ColorLevel::Basic16, true),
    };
    App::new(
        content,
        theme,
        StartAt {
            lang,
            pane: Pane::Overview,
            item: None,
        },
        width,
        height,
    )
    .with_talk(Talk {
        start: Some(start),
        ..Talk::default()
    })
}

#[test]
fn titles_are_drawn_in_block_letters_of_the_terminal_s_pixels() {
    // The default deck with the founding ("Crearea şi scopul") in place of the timeline.
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in clsv::content::load::embedded_files() {
        let text = match name {
            "slides.ron" => text.replace(
                "Slide(show: \"timeline\", as: Chart)",
                "Slide(show: \"founding\")",
            ),
            _ => text.to_string(),
        };
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let with_founding = clsv::content::load_dir(dir.path()).unwrap();
    let forms = [
        ("quadrants", Pixels::Quadrant),
        ("half_blocks", Pixels::HalfBlock),
        ("ascii", Pixels::Ascii),
    ];
    for (form, pixels) in forms {
        for size in [(80, 24), (160, 45)] {
            let slides = [
                ("principiul", 4, "Principiul"),
                ("urmatoarea_conferinta", 7, "Următoarea conferinţă"),
                ("crearea_si_scopul", 2, "Crearea şi scopul"),
            ];
            for (name, start, title) in slides {
                let app = presenting_in(with_founding.clone(), start, pixels, size);
                // In ASCII the title is the pack's, transliterated.
                let title = match pixels {
                    Pixels::Ascii => clsv::text::to_ascii(title),
                    _ => title.into(),
                };
                assert_eq!(
                    clsv::doc::slide::title(app.doc_context(), &app.deck()[start]),
                    title
                );
                let shown = screen(&app);
                let allowed: &[char] = match pixels {
                    Pixels::Quadrant => &[
                        '▘', '▝', '▀', '▖', '▌', '▞', '▛', '▗', '▚', '▐', '▜', '▄', '▙', '▟', '█',
                    ],
                    // (and the progress bar's shade)
                    Pixels::HalfBlock => &['▀', '▄', '█', '░'],
                    // The letters are ASCII, and so are the words of the pack.
                    Pixels::Ascii => &[],
                };
                assert!(pixels != Pixels::Ascii || shown.is_ascii(), "{shown}");
                let blocks = |c: char| ('\u{2580}'..='\u{259f}').contains(&c);
                assert!(
                    shown
                        .chars()
                        .filter(|&c| blocks(c))
                        .all(|c| allowed.contains(&c)),
                    "{shown}"
                );
                // Each fits in one line at 160×45; at 80×24 "Principiul" does in every form,
                // "Crearea şi scopul" in quadrants only, "Următoarea conferinţă" in none.
                let big = matches!(
                    app.slide_layout(start, 0).unwrap().title_layout,
                    clsv::doc::slide::TitleLayout::Big { .. }
                );
                let fits = size == (160, 45)
                    || name == "principiul"
                    || (name == "crearea_si_scopul" && pixels == Pixels::Quadrant);
                assert_eq!(big, fits, "{name} in {form} at {size:?}");
                let (width, height) = size;
                insta::assert_snapshot!(format!("title_{name}_{form}_{width}x{height}"), shown);
            }
        }
    }
}

#[test]
fn a_big_title_gives_way_where_the_body_would_lose_its_figure_or_start_scrolling() {
    use clsv::doc::slide::TitleLayout;
    let speaker = |width, height| {
        presenting(
            embedded(),
            width,
            height,
            Talk {
                notes: true,
                start: Some(3),
                ..Talk::default()
            },
        )
    };
    // "Membri (22)" fits the width of the slide in the speaker's view at 80×24, but under
    // it the map would not: the title is bold and the map stays.
    let small = speaker(80, 24);
    let laid_out = small.slide_layout(3, 0).unwrap();
    assert!(matches!(laid_out.title_layout, TitleLayout::Plain(_)));
    assert!(laid_out.body.figure.is_some());
    let large = speaker(200, 60);
    let laid_out = large.slide_layout(3, 0).unwrap();
    assert!(matches!(laid_out.title_layout, TitleLayout::Big { .. }));
    assert!(laid_out.body.figure.is_some());
    // Without the speaker's view the map has room under the big title.
    let full = presenting(
        embedded(),
        80,
        24,
        Talk {
            start: Some(3),
            ..Talk::default()
        },
    );
    let laid_out = full.slide_layout(3, 0).unwrap();
    assert!(matches!(laid_out.title_layout, TitleLayout::Big { .. }));
    assert!(laid_out.body.figure.is_some());
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
                    let layout = app.slide_layout(start, 0).unwrap();
                    assert!(layout.body.text_area.bottom() <= height);
                }
            }
        }
    }
}

/// The rows of the screen above the footer, and the first and last of them that hold
/// anything.
fn filled_rows(app: &App) -> (usize, usize, usize) {
    let text = screen(app);
    let rows: Vec<&str> = text.lines().collect();
    let body = &rows[..rows.len() - 1];
    let first = body.iter().position(|r| !r.trim().is_empty()).unwrap();
    let last = body.iter().rposition(|r| !r.trim().is_empty()).unwrap();
    (body.len(), first, last)
}

#[test]
fn each_slide_is_set_in_the_middle_at_a_reading_measure() {
    for (width, height) in [(80, 24), (160, 45)] {
        let mut app = presenting(embedded(), width, height, Talk::default());
        for n in 0..app.deck().len() {
            assert_eq!(
                app.current_slide_pages(),
                1,
                "slide {n} fits {width}x{height}"
            );
            let (rows, first, last) = filled_rows(&app);
            let above = first;
            let below = rows - 1 - last;
            assert!(
                above.abs_diff(below) <= 2,
                "slide {n} at {width}x{height}: {above} rows above, {below} below:\n{}",
                screen(&app)
            );
            let layout = app.slide_layout(n, 0).unwrap();
            if layout.body.figure.is_none() && !layout.centred {
                let area = layout.body.text_area;
                assert!(area.width <= clsv::doc::slide::MEASURE, "slide {n}");
                let left = area.x;
                let right = width - area.right();
                assert!(
                    left.abs_diff(right) <= 1,
                    "slide {n} at {width}x{height}: the block {left} from the left, {right} from the right"
                );
            }
            // Sources are for the speaker: never on an audience's slide.
            let shown = screen(&app);
            assert!(
                !shown.contains("Sursa") && !shown.contains("http"),
                "slide {n}:\n{shown}"
            );
            app.update(Action::NextSlide);
        }
    }
}

#[test]
fn composed_slides() {
    let content = embedded();
    let deck = clsv::present::deck(&content);
    let at = |id: &str| {
        clsv::present::find_slide(&content, &deck, &clsv::present::SlideRef::Id(id.into())).unwrap()
    };
    let cases = [
        ("title", at("title"), 0),
        ("rights", at("expression"), 0),
        ("conferences", at("timeline"), 0),
        ("paged", at("principle"), 1),
    ];
    for (width, height) in [(80, 24), (160, 45), (40, 12)] {
        for (name, start, page) in cases {
            let mut app = presenting(
                embedded(),
                width,
                height,
                Talk {
                    start: Some(start),
                    ..Talk::default()
                },
            );
            for _ in 0..page.min(app.current_slide_pages() - 1) {
                app.update(Action::NextSlide);
            }
            insta::assert_snapshot!(format!("composed_{name}_{width}x{height}"), screen(&app));
        }
    }
    // The Linux console: half blocks, no colour beyond its sixteen.
    for (name, start, page) in cases {
        let mut app = presenting_in(content.clone(), start, Pixels::HalfBlock, (80, 24));
        for _ in 0..page.min(app.current_slide_pages() - 1) {
            app.update(Action::NextSlide);
        }
        insta::assert_snapshot!(format!("composed_{name}_linux_80x24"), screen(&app));
    }
    for (name, start, page) in [cases[1], cases[3]] {
        let lang = content.default_language;
        let mut app = App::new(
            content.clone(),
            Theme::new(ColorLevel::None, true),
            StartAt {
                lang,
                pane: Pane::Overview,
                item: None,
            },
            40,
            12,
        )
        .with_talk(Talk {
            start: Some(start),
            ..Talk::default()
        });
        for _ in 0..page {
            app.update(Action::NextSlide);
        }
        let shown = screen(&app);
        // The drawing is ASCII; the content keeps its letters.
        assert!(
            !shown
                .chars()
                .any(|c| ('\u{2500}'..='\u{28ff}').contains(&c) || "•↓↑".contains(c)),
            "{shown}"
        );
        insta::assert_snapshot!(format!("composed_{name}_ascii_no_colour_40x12"), shown);
    }
}

/// The speaker's view: the elapsed time in block digits, the countdown and the time of day,
/// the slide's notes and its sources, the next slide drawn small.
#[test]
fn the_speakers_view_has_a_large_clock_the_time_of_day_sources_and_the_next_slide() {
    let content = embedded();
    let deck = clsv::present::deck(&content);
    let principle = clsv::present::find_slide(
        &content,
        &deck,
        &clsv::present::SlideRef::Id("principle".into()),
    )
    .unwrap();
    let mut app = presenting(
        content,
        160,
        45,
        Talk {
            start: Some(principle),
            notes: true,
            duration: Some(Duration::from_secs(20 * 60)),
            ..Talk::default()
        },
    );
    app.update(Action::Tick(Duration::from_secs(65)));
    app.update(Action::TimeOfDay { hour: 9, minute: 5 });
    let shown = screen(&app);
    assert!(shown.contains("18:55 rămas · ora 09:05"), "{shown}");
    // Block digits: several rows of quadrant characters in the panel's top rows.
    let blocky = shown
        .lines()
        .take(6)
        .filter(|row| row.chars().filter(|c| "▟▀▜▖█▗▌▛▐▝▘▙▄".contains(*c)).count() > 8)
        .count();
    assert!(blocky >= 3, "{shown}");
    assert!(
        shown.contains("freedomonlinecoalition.com/about/history"),
        "the source, for the speaker"
    );
    assert!(shown.contains("Urmează 6 / 9"), "{shown}");
    assert!(
        shown.contains("• Libertatea de exprimare"),
        "the next slide's body:\n{shown}"
    );
}

/// Without colour, the timer, its last two minutes and the overtime differ in their words
/// or markers and in their look.
#[test]
fn without_colour_the_last_two_minutes_and_the_overtime_stand_out() {
    let lang = embedded().default_language;
    let mut app = App::new(
        embedded(),
        Theme::new(ColorLevel::None, false),
        StartAt {
            lang,
            pane: Pane::Overview,
            item: None,
        },
        80,
        24,
    )
    .with_talk(Talk {
        start: Some(0),
        duration: Some(Duration::from_secs(600)),
        ..Talk::default()
    });
    let mut looks = Vec::new();
    for (elapsed, text) in [
        (60, "09:00 rămas"),
        (500, "! 01:40 rămas"),
        (700, "+01:40 depăşit"),
    ] {
        app.update(Action::Tick(Duration::from_secs(elapsed)));
        let (x, y) = find(&app, text);
        let cell = render(&app)[(x, y)].clone();
        looks.push(cell.modifier);
    }
    assert_ne!(looks[0], looks[1]);
    assert_ne!(looks[1], looks[2]);
    assert_ne!(looks[0], looks[2]);
}

/// On the Linux console, every glyph is one its font has: square corners, light lines, no
/// heavy bars, no braille, in the browser, its map and its slides.
#[test]
fn the_linux_console_gets_only_the_glyphs_of_its_font() {
    let lang = embedded().default_language;
    let theme = Theme::new(ColorLevel::Basic16, false).with_dots(Dots::HalfBlock);
    let console_has = |c: char| {
        c.is_ascii()
            || !('\u{2500}'..='\u{28ff}').contains(&c) && !"›…◆━".contains(c)
            || "─│┌┐└┘├┤┬┴┼═║▀▄█░▌▐♦".contains(c)
    };
    let mut browser = App::new(
        embedded(),
        theme,
        StartAt {
            lang,
            pane: Pane::Members,
            item: None,
        },
        100,
        30,
    );
    let mut screens = vec![screen(&browser)];
    browser.update(Action::ToggleMap);
    screens.push(screen(&browser));
    for start in 0..9 {
        let app = App::new(
            embedded(),
            theme,
            StartAt {
                lang,
                pane: Pane::Overview,
                item: None,
            },
            100,
            30,
        )
        .with_talk(Talk {
            start: Some(start),
            notes: start == 3,
            ..Talk::default()
        });
        screens.push(screen(&app));
    }
    for shown in screens {
        let odd: Vec<char> = shown.chars().filter(|&c| !console_has(c)).collect();
        assert!(odd.is_empty(), "{odd:?} in:\n{shown}");
    }
}

#[test]
fn a_slide_is_laid_out_once_for_its_size_and_language() {
    let mut app = presenting(embedded(), 80, 24, Talk::default());
    let first = app.slide_layout(1, 0).unwrap();
    // Counting its pages and drawing it take the same layout.
    assert_eq!(app.slide_pages(1), first.pages.len());
    screen(&app);
    assert!(Arc::ptr_eq(&first, &app.slide_layout(1, 0).unwrap()));
    // The next slide, as the speaker's view draws it, does not push the slide out.
    app.slide_layout(2, 0).unwrap();
    assert!(Arc::ptr_eq(&first, &app.slide_layout(1, 0).unwrap()));
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    let resized = app.slide_layout(1, 0).unwrap();
    assert!(!Arc::ptr_eq(&first, &resized));
    app.update(Action::SwitchLanguage);
    assert!(!Arc::ptr_eq(&resized, &app.slide_layout(1, 0).unwrap()));
    assert!(app.slide_layout(app.deck().len(), 0).is_none());
}

#[test]
fn an_audience_sees_the_talks_time_in_whole_minutes() {
    let talk = Talk {
        in_minutes: true,
        ..Talk::default()
    };
    let mut app = presenting(embedded(), 80, 24, talk);
    app.update(Action::Tick(Duration::from_secs(59)));
    assert!(screen(&app).contains(" 0 min "), "{}", screen(&app));
    let shown = app.shown_time();
    app.update(Action::Tick(Duration::from_secs(61)));
    assert_eq!(app.shown_time(), Duration::from_secs(60));
    assert_ne!(app.shown_time(), shown);
    app.update(Action::Tick(Duration::from_secs(119)));
    assert_eq!(app.shown_time(), Duration::from_secs(60), "the same minute");
    let footer = screen(&app);
    assert!(footer.contains(" 1 min "), "{footer}");
    assert!(!footer.contains("01:59"), "no seconds: {footer}");
    app.update(Action::SwitchLanguage);
    assert!(screen(&app).contains(" 1 min "));
    // The speaker's own clock keeps its seconds.
    let mut speaker = presenting(embedded(), 80, 24, Talk::default());
    speaker.update(Action::Tick(Duration::from_secs(119)));
    assert_eq!(speaker.shown_time(), Duration::from_secs(119));
    assert!(screen(&speaker).contains("01:59"));
}
