//! What each view looks like: snapshots of every pane and of the help at three sizes, from
//! the fixture pack, and the styles that carry meaning (the selection, the focus).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

mod common;

use clsv::action::Action;
use clsv::app::App;
use clsv::capability::ColorLevel;
use clsv::theme::Theme;
use clsv::vocabulary::Pane;
use common::{app_on, embedded, find, fixture, render, screen};
use ratatui::style::{Color, Modifier};

const SIZES: [(u16, u16); 3] = [(40, 12), (80, 24), (200, 60)];

/// The fixture app at a size, after some actions.
fn app_after(width: u16, height: u16, actions: &[Action]) -> App {
    let mut app = app_on(fixture(), width, height);
    for action in actions {
        app.update(*action);
    }
    app
}

fn snapshot_views(name: &str, actions: &[Action]) {
    for (width, height) in SIZES {
        let app = app_after(width, height, actions);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), screen(&app));
    }
}

#[test]
fn overview() {
    snapshot_views("overview", &[]);
}

#[test]
fn members() {
    snapshot_views(
        "members",
        &[Action::ShowPane(Pane::Members), Action::MoveDown],
    );
}

#[test]
fn member_detail_in_english() {
    snapshot_views(
        "member_detail_en",
        &[
            Action::ShowPane(Pane::Members),
            Action::SwitchLanguage,
            Action::FocusDetail,
        ],
    );
}

#[test]
fn declaration() {
    snapshot_views("declaration", &[Action::ShowPane(Pane::Declaration)]);
}

#[test]
fn actions() {
    snapshot_views(
        "actions",
        &[
            Action::ShowPane(Pane::Actions),
            Action::MoveDown,
            Action::FocusDetail,
        ],
    );
}

#[test]
fn help() {
    snapshot_views("help", &[Action::ShowPane(Pane::Members), Action::OpenHelp]);
}

#[test]
fn too_small() {
    insta::assert_snapshot!("too_small_19x5", screen(&app_after(19, 5, &[])));
    for (width, height) in [(0, 0), (1, 1), (5, 1), (1, 5)] {
        screen(&app_after(width, height, &[]));
    }
}

#[test]
fn the_selected_row_is_highlighted_strongly_where_the_focus_is() {
    let mut app = app_after(80, 24, &[Action::ShowPane(Pane::Members), Action::MoveDown]);
    let (x, y) = find(&app, "CZ   Republica Cehă");
    let buffer = render(&app);
    assert_eq!(buffer[(x, y)].bg, Color::Blue);
    assert!(buffer[(x, y)].modifier.contains(Modifier::BOLD));
    let (x, y) = find(&app, "MD   Moldova");
    assert_eq!(
        buffer[(x, y)].bg,
        Color::Reset,
        "an unselected row is plain"
    );

    app.update(Action::FocusDetail);
    let (x, y) = find(&app, "CZ   Republica Cehă");
    let buffer = render(&app);
    assert_eq!(
        buffer[(x, y)].fg,
        Color::Cyan,
        "the selection stays visible without the focus"
    );
    assert_eq!(buffer[(x, y)].bg, Color::Reset);
}

#[test]
fn without_colour_the_selection_shows_in_reverse_video() {
    let content = fixture();
    let lang = content.default_language;
    let mut app = App::new(
        content,
        Theme::new(ColorLevel::None, false),
        clsv::app::StartAt {
            lang,
            pane: Pane::Members,
            item: None,
        },
        80,
        24,
    );
    let (x, y) = find(&app, "MD   Moldova");
    let buffer = render(&app);
    assert!(buffer[(x, y)].modifier.contains(Modifier::REVERSED));
    assert_eq!(buffer[(x, y)].bg, Color::Reset);
    app.update(Action::FocusDetail);
    let buffer = render(&app);
    assert!(buffer[(x, y)].modifier.contains(Modifier::UNDERLINED));
    assert!(!buffer[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn the_current_tab_is_highlighted() {
    let app = app_after(80, 24, &[Action::ShowPane(Pane::Declaration)]);
    let (x, y) = find(&app, "3 Declaraţie");
    let buffer = render(&app);
    assert_eq!(buffer[(x, y)].bg, Color::Cyan);
    let (x, y) = find(&app, "1 Prezentare");
    assert_eq!(render(&app)[(x, y)].bg, Color::Reset);
}

#[test]
fn every_list_pane_has_the_same_boxes_with_its_introduction_inside_its_list() {
    for (width, height) in [(40, 12), (80, 24), (120, 40)] {
        let mut app = app_on(embedded(), width, height);
        let mut frames = Vec::new();
        for pane in [Pane::Members, Pane::Declaration, Pane::Actions] {
            app.update(Action::ShowPane(pane));
            let text = screen(&app);
            let lines: Vec<&str> = text.lines().collect();
            // The boxes' top and bottom borders are on the same rows in every list pane.
            let corners: Vec<usize> = lines
                .iter()
                .enumerate()
                .filter(|(_, line)| line.starts_with('╭') || line.starts_with('╰'))
                .map(|(y, _)| y)
                .collect();
            frames.push(corners);
        }
        assert!(
            frames.windows(2).all(|w| w[0] == w[1]),
            "{width}x{height}: {frames:?}"
        );
        assert_eq!(frames[0], vec![2, height as usize - 2], "{width}x{height}");
    }
    // A list is as wide as its rows, up to its share: at 80 columns the areas of action are
    // whole, at 120 every right too.
    let mut app = app_on(embedded(), 80, 24);
    app.update(Action::ShowPane(Pane::Actions));
    find(&app, "Suport pentru societatea civilă │");
    let mut app = app_on(embedded(), 120, 40);
    app.update(Action::ShowPane(Pane::Declaration));
    find(&app, "Libertatea religiei sau convingerilor │");
    // The introduction is the list's first line, under its title.
    let mut app = app_on(embedded(), 80, 24);
    app.update(Action::ShowPane(Pane::Actions));
    assert_eq!(find(&app, "Statele participante").1, 3);
}

#[test]
fn narrow_screens_show_the_list_or_the_detail() {
    let mut app = app_after(40, 12, &[Action::ShowPane(Pane::Members)]);
    let shown = screen(&app);
    assert!(shown.contains("MD   Moldova") && !shown.contains("Denumire"));
    app.update(Action::FocusDetail);
    let shown = screen(&app);
    assert!(shown.contains("Cod ISO") && !shown.contains("CZ   Republica"));
}

#[test]
fn the_tab_bar_compacts_on_narrow_screens() {
    let app = app_after(30, 10, &[Action::ShowPane(Pane::Members)]);
    let tabs = screen(&app).lines().nth(1).unwrap().to_string();
    assert_eq!(tabs.trim_end(), " 1  2 Membri (3)  3  4");
}

#[test]
fn the_default_pack_holds_together_at_every_size() {
    // Not a snapshot: every size from the minimum up, every pane, with no panic and with the
    // frame's corners where they belong.
    for width in (20..=120).step_by(7) {
        for height in (6..=50).step_by(5) {
            let mut app = app_on(embedded(), width, height);
            for pane in Pane::ALL {
                app.update(Action::ShowPane(pane));
                let text = screen(&app);
                let footer = text.lines().last().unwrap();
                assert!(!footer.trim().is_empty(), "{width}×{height}: no footer");
            }
        }
    }
}

fn typed(query: &str) -> Vec<Action> {
    let mut actions = vec![Action::OpenSearch];
    actions.extend(query.chars().map(Action::InsertChar));
    actions
}

#[test]
fn search_results() {
    for (width, height) in [(80, 24), (40, 12)] {
        let app = app_after(width, height, &typed("libertate"));
        insta::assert_snapshot!(format!("search_{width}x{height}"), screen(&app));
    }
    insta::assert_snapshot!("search_empty_80x24", screen(&app_after(80, 24, &typed(""))));
    insta::assert_snapshot!(
        "search_nothing_80x24",
        screen(&app_after(80, 24, &typed("zzz")))
    );
}

#[test]
fn a_full_query_says_so_in_the_prompt_in_the_interface_language() {
    let long = "libertate ".repeat(30);
    let app = app_after(80, 24, &typed(&long));
    let shown = screen(&app);
    insta::assert_snapshot!("search_full_80x24", shown);
    let prompt_line = shown.lines().last().unwrap();
    assert!(
        prompt_line.ends_with("limită atinsă: 256 de caractere "),
        "{prompt_line:?}"
    );
    assert!(
        prompt_line.starts_with("/"),
        "the query stays: {prompt_line:?}"
    );
    let mut actions = vec![Action::SwitchLanguage];
    actions.extend(typed(&long));
    let app = app_after(80, 24, &actions);
    let prompt_line = screen(&app).lines().last().unwrap().to_string();
    assert!(
        prompt_line.ends_with("limit reached: 256 characters "),
        "{prompt_line:?}"
    );
    // One character less, and the keys are back.
    let mut app = app_after(80, 24, &typed(&long));
    app.update(Action::DeleteChar);
    let prompt_line = screen(&app).lines().last().unwrap().to_string();
    assert!(!prompt_line.contains("256"), "{prompt_line:?}");
    // On the narrowest screen, the note is cut and the cursor stays.
    let app = app_after(20, 6, &typed(&long));
    let prompt_line = screen(&app).lines().last().unwrap().to_string();
    assert!(prompt_line.starts_with("/  limită"), "{prompt_line:?}");
    assert!(prompt_line.trim_end().ends_with('…'), "{prompt_line:?}");
}

#[test]
fn search_matches_are_highlighted_where_they_are() {
    let mut actions = typed("cehă");
    actions.push(Action::AcceptSearch);
    let app = app_after(80, 24, &actions);
    insta::assert_snapshot!("search_found_80x24", screen(&app));
    // "Cehă" in the list row, marked exactly.
    let buffer = render(&app);
    let text = screen(&app);
    let mut marked = Vec::new();
    for (y, line) in text.lines().enumerate() {
        for (x, _) in line.chars().enumerate() {
            if buffer[(x as u16, y as u16)].bg == Color::Yellow {
                marked.push((x, y));
            }
        }
    }
    let (x, y) = find(&app, "CZ   Republica Cehă");
    let at = x as usize + "CZ   Republica ".len();
    for column in at..at + 4 {
        assert!(
            marked.contains(&(column, y as usize)),
            "({column}, {y}) not marked: {marked:?}"
        );
    }
    assert!(
        !marked.contains(&(at - 1, y as usize)),
        "the space before is not marked"
    );
    // The detail's box bears the name as its title; the name is not repeated in it.
    assert_eq!(marked.len(), 4, "the row: {marked:?}");
}

/// Each pane in each look a terminal can get: 16 colours, no colour, ASCII glyphs. The
/// snapshots hold the styles of every run of cells, so a lost highlight shows.
#[test]
fn every_pane_in_every_look() {
    let looks = [
        ("16", ColorLevel::Basic16, false),
        ("none", ColorLevel::None, false),
        ("ascii", ColorLevel::Basic16, true),
        ("ascii_none", ColorLevel::None, true),
    ];
    for (name, level, ascii) in looks {
        for pane in Pane::ALL {
            let content = fixture();
            let lang = content.default_language;
            let mut app = App::new(
                content,
                Theme::new(level, ascii),
                clsv::app::StartAt {
                    lang,
                    pane,
                    item: None,
                },
                80,
                24,
            );
            app.update(Action::MoveDown);
            let buffer = render(&app);
            let pane_name = format!("{pane:?}").to_lowercase();
            insta::assert_snapshot!(format!("look_{name}_{pane_name}"), format!("{buffer:?}"));
        }
    }
}

#[test]
fn truecolor_and_256_colours_use_their_palettes() {
    for (level, expected) in [
        (ColorLevel::TrueColor, "Rgb("),
        (ColorLevel::Ansi256, "Indexed("),
    ] {
        let content = fixture();
        let lang = content.default_language;
        let app = App::new(
            content,
            Theme::new(level, false),
            clsv::app::StartAt {
                lang,
                pane: Pane::Members,
                item: None,
            },
            80,
            24,
        );
        let styles = format!("{:?}", render(&app));
        assert!(styles.contains(expected), "{level:?}");
    }
}

#[test]
fn on_the_smallest_screen_search_results_take_a_line_each() {
    let app = app_after(20, 6, &typed("olanda"));
    let shown = screen(&app);
    assert!(shown.contains("Căutare · 1 rez"), "{shown}");
    assert!(shown.contains("›Membri · Olanda"), "{shown}");
}

/// The footer keeps what the current place needs before the rest: Enter on a list, Esc in a
/// detail, and the language, at every width where they fit.
#[test]
fn the_footer_keeps_the_keys_of_the_current_place_first() {
    for width in [40u16, 60, 80, 120] {
        let mut app = app_after(width, 24, &[Action::ShowPane(Pane::Members)]);
        let footer = |app: &clsv::app::App| screen(app).lines().last().unwrap().to_string();
        let list = footer(&app);
        assert!(list.contains("Enter"), "{width}: {list}");
        assert!(list.contains("? ajutor"), "{width}: {list}");
        if width >= 60 {
            assert!(list.contains("L limba"), "{width}: {list}");
        }
        app.update(Action::FocusDetail);
        let detail = footer(&app);
        assert!(detail.contains("Esc"), "{width}: {detail}");
    }
}

/// However wide the screen, running text is wrapped at a reading measure.
#[test]
fn running_text_keeps_a_reading_measure_on_a_wide_screen() {
    for pane in [Pane::Overview, Pane::Declaration] {
        let mut app = app_on(embedded(), 240, 50);
        app.update(Action::ShowPane(pane));
        let shown = screen(&app);
        // The widest line of text inside a box, without its borders and padding.
        let widest = shown
            .lines()
            // (The glance's charts above the overview are figures, not running text.)
            .filter(|row| row.contains("│ ") && !row.contains(['░', '┼']) && !row.contains("███"))
            .filter_map(|row| row.rsplit("│ ").next())
            .map(|text| text.trim_end_matches(['│', ' ', '█']).chars().count())
            .max()
            .unwrap();
        assert!(
            (80..=clsv::geometry::READING_MEASURE).contains(&widest),
            "{pane:?}: {widest} columns:\n{shown}"
        );
    }
}
