//! Plain ASCII wherever the terminal needs it: with ASCII glyphs every cell of every view
//! (the panes, a member's detail, the map, the help, the search, the filter, every slide and
//! the speaker's view) holds ASCII, the content's text transliterated and the interface's
//! words too; a search finds the same with or without the marks; a pack shared by several
//! browsers is transliterated once for all those in ASCII.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

mod common;

use std::sync::Arc;
use std::time::Duration;

use clsv::action::Action;
use clsv::app::{App, Pack, StartAt, Talk};
use clsv::capability::ColorLevel;
use clsv::content::Content;
use clsv::theme::Theme;
use clsv::vocabulary::Pane;
use common::{embedded, render, screen};
use ratatui::buffer::Buffer;

fn ascii_theme() -> Theme {
    Theme::new(ColorLevel::Basic16, true)
}

fn start(content: &Content, pane: Pane) -> StartAt {
    StartAt {
        lang: content.default_language,
        pane,
        item: None,
    }
}

/// A browser on the default pack in ASCII, on `pane`, at `width`×`height`.
fn ascii_app(pane: Pane, (width, height): (u16, u16)) -> App {
    let content = embedded();
    let start = start(&content, pane);
    App::new(content, ascii_theme(), start, width, height)
}

/// Every cell of `buffer` whose symbol is not ASCII, with where it is.
fn odd_cells(buffer: &Buffer) -> Vec<(u16, u16, String)> {
    let area = buffer.area;
    let mut odd = Vec::new();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let symbol = buffer[(x, y)].symbol();
            if !symbol.is_ascii() {
                odd.push((x, y, symbol.to_string()));
            }
        }
    }
    odd
}

/// Asserts that the app, drawn, writes only ASCII.
#[track_caller]
fn assert_ascii(app: &App, what: &str) {
    let buffer = render(app);
    let odd = odd_cells(&buffer);
    assert!(
        odd.is_empty(),
        "{what} at {}x{}: {odd:?} in\n{}",
        app.area().width,
        app.area().height,
        common::text_of(&buffer)
    );
}

const SIZES: [(u16, u16); 3] = [(80, 24), (40, 12), (160, 48)];

#[test]
fn every_pane_with_its_detail_is_ascii() {
    for size in SIZES {
        for pane in Pane::ALL {
            let mut app = ascii_app(pane, size);
            assert_ascii(&app, &format!("{pane:?}"));
            if pane.has_list() {
                app.update(Action::MoveDown);
                app.update(Action::FocusDetail);
                assert_ascii(&app, &format!("{pane:?}, the detail"));
                app.update(Action::PageDown);
                assert_ascii(&app, &format!("{pane:?}, the detail a page down"));
            } else {
                app.update(Action::PageDown);
                assert_ascii(&app, &format!("{pane:?} a page down"));
            }
        }
    }
}

#[test]
fn every_member_s_detail_the_map_and_the_table_s_orders_are_ascii() {
    for size in SIZES {
        let mut app = ascii_app(Pane::Members, size);
        for _ in 0..app.list_len(Pane::Members) {
            assert_ascii(&app, "a member's detail");
            app.update(Action::MoveDown);
        }
        app.update(Action::ToggleMap);
        assert_ascii(&app, "the map");
        for _ in 0..4 {
            app.update(Action::CycleOrder);
            assert_ascii(&app, "the table in another order");
        }
        app.update(Action::OpenFilter);
        for c in "ţară".chars() {
            app.update(Action::InsertChar(c));
        }
        assert_ascii(&app, "the filter prompt");
    }
}

#[test]
fn the_help_and_the_search_are_ascii() {
    for size in SIZES {
        let mut app = ascii_app(Pane::Overview, size);
        app.update(Action::OpenHelp);
        assert_ascii(&app, "the help");
        app.update(Action::PageDown);
        assert_ascii(&app, "the help a page down");
        app.update(Action::CloseHelp);
        app.update(Action::OpenSearch);
        assert_ascii(&app, "the empty search prompt");
        for c in "ţară".chars() {
            app.update(Action::InsertChar(c));
        }
        assert_ascii(&app, "the search's results");
        app.update(Action::AcceptSearch);
        assert_ascii(&app, "the result opened, its words marked");
        app.update(Action::NextMatch);
        assert_ascii(&app, "the next match");
        app.update(Action::SwitchLanguage);
        assert_ascii(&app, "the other language");
    }
}

#[test]
fn every_slide_and_the_speakers_view_are_ascii() {
    let slides = clsv::present::deck(&embedded()).len();
    for size in SIZES {
        for notes in [false, true] {
            for slide in 0..slides {
                let mut app = ascii_app(Pane::Overview, size).with_talk(Talk {
                    start: Some(slide),
                    notes,
                    duration: Some(Duration::from_secs(60)),
                    // An audience's clock ("0 min") beside the speaker's view.
                    in_minutes: !notes,
                });
                app.update(Action::Tick(Duration::from_secs(30)));
                app.update(Action::TimeOfDay { hour: 9, minute: 5 });
                assert_ascii(&app, &format!("slide {slide}, notes {notes}"));
                // Its last page, the overtime, a slide number being typed.
                app.update(Action::PageDown);
                app.update(Action::Tick(Duration::from_secs(90)));
                app.update(Action::TypeDigit(3));
                assert_ascii(&app, &format!("slide {slide}, notes {notes}, later"));
            }
        }
    }
}

#[test]
fn a_notice_and_a_refused_reload_are_shown_in_ascii() {
    let mut app =
        ascii_app(Pane::Overview, (80, 24)).with_notice("configuraţie refuzată: „x”".to_string());
    assert_ascii(&app, "a notice");
    app.update(Action::MoveDown);
    app.reload(clsv::app::Reload::Failed(
        "members.ron: ţară – „x”".to_string(),
    ));
    assert_ascii(&app, "a refused reload");
    let shown = screen(&app);
    assert!(shown.contains("members.ron: tara - \"x\""), "{shown}");
}

#[test]
fn a_new_version_of_the_pack_is_shown_in_ascii_too() {
    let mut app = ascii_app(Pane::Members, (80, 24));
    app.reload(clsv::app::Reload::Loaded(Box::new(embedded())));
    assert!(format!("{:?}", app.content()).is_ascii());
    assert_ascii(&app, "the reloaded pack");
}

/// The text shown in ASCII is the content's, transliterated: the Romanian of the default
/// pack without its marks, the interface's words too.
#[test]
fn the_text_is_transliterated_not_dropped() {
    let mut app = ascii_app(Pane::Overview, (100, 30));
    let shown = screen(&app);
    assert!(shown.contains("Coalitia"), "{shown}");
    app.update(Action::ShowPane(Pane::Declaration));
    let shown = screen(&app);
    assert!(shown.contains("Declaratie"), "the tab's name:\n{shown}");
}

/// The default pack with "ţară" in the declaration's first item ("Fiecare ţară care se
/// alătură Coaliţiei semnează…").
fn with_tara() -> Content {
    let files = clsv::content::load::embedded_files()
        .map(|(name, text)| clsv::content::load::PackFile {
            name,
            display: name.to_string(),
            text: text.replace("Ţările care se alătură", "Fiecare ţară care se alătură"),
        })
        .collect();
    clsv::content::load::load_files(files).unwrap()
}

/// The results of `query` typed into the search prompt of `app`.
fn results(mut app: App, query: &str) -> (usize, String) {
    app.update(Action::OpenSearch);
    for c in query.chars() {
        app.update(Action::InsertChar(c));
    }
    (app.prompt().unwrap().hits.len(), screen(&app))
}

#[test]
fn a_search_in_ascii_finds_the_same_with_or_without_marks() {
    let content = with_tara();
    let start = start(&content, Pane::Overview);
    let unicode = || common::app_on(content.clone(), 80, 24);
    let ascii = || App::new(content.clone(), ascii_theme(), start, 80, 24);
    for query in ["ţară", "tara", "ȚARĂ", "ţări", "tari"] {
        let (hits, shown) = results(ascii(), query);
        assert!(hits > 0, "{query}: no results");
        assert_eq!(
            hits,
            results(unicode(), query).0,
            "{query}: as many as where the marks are shown"
        );
        assert!(shown.is_ascii(), "{shown}");
    }
    let (_, shown) = results(ascii(), "ţară");
    assert!(
        shown.contains("/tara"),
        "the query as typed, in ASCII:\n{shown}"
    );
    assert!(shown.contains("Fiecare tara care"), "the result:\n{shown}");
}

/// `clsv serve` holds one pack: the sessions whose terminal shows only ASCII share its ASCII
/// form, made once, and the others see it as it is.
#[test]
fn browsers_in_ascii_on_one_pack_share_its_ascii_form() {
    let content = embedded();
    let start = start(&content, Pane::Overview);
    let pack = Arc::new(Pack::new(content));
    let unicode = App::on(
        Arc::clone(&pack),
        Theme::new(ColorLevel::Basic16, false),
        start,
        80,
        24,
    );
    let first = App::on(Arc::clone(&pack), ascii_theme(), start, 80, 24);
    let second = App::on(Arc::clone(&pack), ascii_theme(), start, 40, 12);
    assert!(std::ptr::eq(unicode.content(), pack.content()));
    assert!(!format!("{:?}", unicode.content()).is_ascii());
    assert!(format!("{:?}", first.content()).is_ascii());
    assert!(
        std::ptr::eq(first.content(), second.content()),
        "transliterated once"
    );
    assert_ascii(&first, "a browser on a shared pack");
    // An ASCII pack's ASCII form is itself.
    let ascii = Arc::new(Pack::of(embedded(), true));
    let third = App::on(Arc::clone(&ascii), ascii_theme(), start, 80, 24);
    assert!(std::ptr::eq(third.content(), ascii.content()));
}

/// `clsv present --check-fit` names the slides as an ASCII terminal shows them, and measures
/// them so.
#[test]
fn check_fit_in_ascii_names_the_slides_in_ascii() {
    let check = |args: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_clsv"))
            .args(args)
            .env("TERM", "xterm")
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_CTYPE")
            .output()
            .unwrap();
        output.stdout
    };
    let ascii = check(&["--ascii", "present", "--check-fit", "40x12"]);
    let text = String::from_utf8(ascii).unwrap();
    assert!(text.is_ascii(), "{text}");
    assert!(text.contains("\"Platforma politica\""), "{text}");
    let unicode = String::from_utf8(check(&["present", "--check-fit", "40x12"])).unwrap();
    assert!(unicode.contains("\"Platformă politică\""), "{unicode}");
}
