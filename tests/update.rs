//! `App::update`: every action, on the fixture pack, without a terminal.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

mod common;

use clsv::action::{Action, ScrollTarget};
use clsv::app::{App, Note, Occurrence, Pack, SearchPosition, StartAt};
use clsv::capability::ColorLevel;
use clsv::doc::Passage;
use clsv::search::MAX_QUERY_CHARS;
use clsv::search::fold::fold;
use clsv::theme::Theme;
use clsv::vocabulary::{Focus, Mode, Pane};
use common::{app_on, embedded, fixture, screen};
use crossterm::event::{KeyCode, KeyEvent};
use std::sync::Arc;

#[test]
fn starts_on_the_overview_in_the_default_language() {
    let app = app_on(fixture(), 80, 24);
    assert_eq!(app.pane(), Pane::Overview);
    assert_eq!(app.content().lang_tag(app.lang()), "ro");
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(app.focus(), Focus::List);
    assert!(!app.should_quit());
}

#[test]
fn next_and_previous_pane_wrap_around() {
    let mut app = app_on(fixture(), 80, 24);
    let mut seen = vec![];
    for _ in 0..5 {
        app.update(Action::NextPane);
        seen.push(app.pane());
    }
    assert_eq!(
        seen,
        [
            Pane::Members,
            Pane::Declaration,
            Pane::Actions,
            Pane::Overview,
            Pane::Members
        ]
    );
    app.update(Action::PrevPane);
    app.update(Action::PrevPane);
    assert_eq!(app.pane(), Pane::Actions);
}

#[test]
fn show_pane_goes_straight_there_and_focuses_the_list() {
    let mut app = app_on(fixture(), 80, 24);
    app.update(Action::ShowPane(Pane::Declaration));
    app.update(Action::FocusDetail);
    assert_eq!(app.focus(), Focus::Detail);
    app.update(Action::ShowPane(Pane::Actions));
    assert_eq!(app.pane(), Pane::Actions);
    assert_eq!(app.focus(), Focus::List);
}

fn selected(app: &clsv::app::App) -> usize {
    app.list_position(app.pane()).unwrap().selected
}

#[test]
fn moving_in_a_list_stops_at_both_ends() {
    let mut app = app_on(fixture(), 80, 24);
    app.update(Action::ShowPane(Pane::Members));
    app.update(Action::MoveUp);
    assert_eq!(selected(&app), 0, "up at the top stays");
    app.update(Action::MoveDown);
    assert_eq!(selected(&app), 1);
    app.update(Action::MoveDown);
    app.update(Action::MoveDown);
    assert_eq!(selected(&app), 2, "down at the bottom stays");
    app.update(Action::MoveToTop);
    assert_eq!(selected(&app), 0);
    app.update(Action::MoveToBottom);
    assert_eq!(selected(&app), 2);
}

#[test]
fn paging_moves_by_the_visible_rows_and_keeps_the_selection_in_view() {
    // 22 members in a list that shows fewer rows at 80×16.
    let mut app = app_on(embedded(), 80, 16);
    app.update(Action::ShowPane(Pane::Members));
    let rows = app.list_rows();
    assert!(rows > 1 && rows < 22, "{rows} rows");
    app.update(Action::PageDown);
    assert_eq!(selected(&app), rows);
    let position = app.list_position(Pane::Members).unwrap();
    assert!(position.offset <= position.selected && position.selected < position.offset + rows);
    app.update(Action::PageUp);
    assert_eq!(selected(&app), 0);
    assert_eq!(app.list_position(Pane::Members).unwrap().offset, 0);
    app.update(Action::MoveToBottom);
    let position = app.list_position(Pane::Members).unwrap();
    assert_eq!(position.selected, 21);
    assert_eq!(position.offset, 22 - rows);
}

#[test]
fn each_pane_keeps_its_own_selection() {
    let mut app = app_on(fixture(), 80, 24);
    app.update(Action::ShowPane(Pane::Members));
    app.update(Action::MoveDown);
    app.update(Action::ShowPane(Pane::Actions));
    assert_eq!(selected(&app), 0);
    app.update(Action::ShowPane(Pane::Members));
    assert_eq!(selected(&app), 1);
}

fn detail_scroll(app: &clsv::app::App) -> usize {
    app.list_position(app.pane()).unwrap().detail_scroll
}

#[test]
fn focus_moves_between_list_and_detail() {
    let mut app = app_on(embedded(), 80, 16);
    app.update(Action::ShowPane(Pane::Members));
    app.update(Action::FocusDetail);
    assert_eq!(app.focus(), Focus::Detail);
    // In the detail, moving scrolls the text and leaves the selection alone.
    app.update(Action::MoveDown);
    assert_eq!(selected(&app), 0);
    assert_eq!(detail_scroll(&app), 1);
    app.update(Action::FocusList);
    assert_eq!(app.focus(), Focus::List);
    app.update(Action::MoveDown);
    assert_eq!(selected(&app), 1);
    assert_eq!(
        detail_scroll(&app),
        0,
        "a new selection starts at the top of its detail"
    );
}

#[test]
fn the_overview_has_no_detail_to_focus() {
    let mut app = app_on(fixture(), 80, 24);
    app.update(Action::FocusDetail);
    assert_eq!(app.focus(), Focus::List);
}

#[test]
fn text_scrolls_no_further_than_its_end() {
    let mut app = app_on(embedded(), 80, 24);
    let max = app.max_text_scroll();
    assert!(max > 0, "the default overview is longer than a screen");
    app.update(Action::MoveToBottom);
    assert_eq!(app.overview_scroll(), max);
    app.update(Action::MoveDown);
    assert_eq!(app.overview_scroll(), max);
    app.update(Action::PageUp);
    assert_eq!(app.overview_scroll(), max - app.text_rows());
    app.update(Action::MoveToTop);
    assert_eq!(app.overview_scroll(), 0);
    app.update(Action::MoveUp);
    assert_eq!(app.overview_scroll(), 0);
    app.update(Action::Scroll(ScrollTarget::Text, 3));
    assert_eq!(app.overview_scroll(), 3);
}

#[test]
fn the_end_of_the_text_is_shown_when_scrolled_to_the_bottom() {
    let mut app = app_on(embedded(), 80, 24);
    app.update(Action::MoveToBottom);
    assert!(screen(&app).contains("cu datele şi locul din textul sursă"));
}

#[test]
fn switching_language_cycles_and_changes_content_and_interface() {
    let mut app = app_on(fixture(), 80, 24);
    app.update(Action::ShowPane(Pane::Members));
    app.update(Action::MoveDown);
    assert!(screen(&app).contains("Republica Cehă"));
    assert!(screen(&app).contains("Membri"));
    app.update(Action::SwitchLanguage);
    assert_eq!(app.content().lang_tag(app.lang()), "en");
    let shown = screen(&app);
    assert!(shown.contains("Czech Republic") && shown.contains("Members"));
    assert_eq!(
        selected(&app),
        1,
        "the selection survives a language switch"
    );
    app.update(Action::SwitchLanguage);
    assert_eq!(app.content().lang_tag(app.lang()), "ro");
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut app = app_on(fixture(), 40, 12);
    app.update(Action::OpenHelp);
    assert_eq!(app.mode(), Mode::Help);
    // Keys act on the help, not on the pane behind it.
    app.update(Action::NextPane);
    assert_eq!(app.pane(), Pane::Overview);
    let max = app.max_help_scroll();
    assert!(max > 0, "the help is longer than a 40×12 screen");
    app.update(Action::MoveToBottom);
    assert_eq!(app.help_scroll(), max);
    app.update(Action::MoveDown);
    assert_eq!(app.help_scroll(), max);
    app.update(Action::Scroll(ScrollTarget::Help, -1));
    assert_eq!(app.help_scroll(), max - 1);
    app.update(Action::CloseHelp);
    assert_eq!(app.mode(), Mode::Browse);
    app.update(Action::OpenHelp);
    assert_eq!(app.help_scroll(), 0, "help opens at its top");
}

#[test]
fn selecting_a_row_clamps_and_focuses_the_list() {
    let mut app = app_on(fixture(), 80, 24);
    app.update(Action::ShowPane(Pane::Members));
    app.update(Action::FocusDetail);
    app.update(Action::SelectRow(2));
    assert_eq!(selected(&app), 2);
    assert_eq!(app.focus(), Focus::List);
    app.update(Action::SelectRow(99));
    assert_eq!(selected(&app), 2);
    app.update(Action::Scroll(ScrollTarget::List, -1));
    assert_eq!(selected(&app), 1);
    // On the overview there is no row to select.
    app.update(Action::ShowPane(Pane::Overview));
    app.update(Action::SelectRow(1));
    assert_eq!(app.pane(), Pane::Overview);
}

#[test]
fn a_resize_keeps_the_selection_visible_and_the_scroll_in_range() {
    let mut app = app_on(embedded(), 80, 40);
    app.update(Action::ShowPane(Pane::Members));
    app.update(Action::MoveToBottom);
    app.update(Action::Resize {
        width: 80,
        height: 12,
    });
    let rows = app.list_rows();
    let position = app.list_position(Pane::Members).unwrap();
    assert!(position.selected >= position.offset && position.selected < position.offset + rows);
    app.update(Action::ShowPane(Pane::Overview));
    app.update(Action::MoveToBottom);
    let scrolled = app.overview_scroll();
    app.update(Action::Resize {
        width: 200,
        height: 60,
    });
    assert!(app.overview_scroll() < scrolled);
    assert_eq!(app.overview_scroll(), app.max_text_scroll());
}

#[test]
fn quit_asks_the_loop_to_stop() {
    let mut app = app_on(fixture(), 80, 24);
    app.update(Action::Quit);
    assert!(app.should_quit());
    let mut app = app_on(fixture(), 80, 24);
    app.update(Action::OpenHelp);
    app.update(Action::Quit);
    assert!(app.should_quit(), "Ctrl-C quits from the help too");
}

#[test]
fn every_action_is_safe_on_a_tiny_or_empty_screen() {
    let actions = [
        Action::NextPane,
        Action::MoveDown,
        Action::PageDown,
        Action::MoveToBottom,
        Action::FocusDetail,
        Action::MoveDown,
        Action::SwitchLanguage,
        Action::OpenHelp,
        Action::MoveToBottom,
        Action::CloseHelp,
        Action::SelectRow(5),
        Action::Scroll(ScrollTarget::Text, 5),
    ];
    for (w, h) in [(0, 0), (1, 1), (19, 5), (20, 6)] {
        let mut app = app_on(embedded(), w, h);
        for action in actions {
            app.update(action);
            screen(&app);
        }
    }
}

fn type_query(app: &mut clsv::app::App, query: &str) {
    app.update(Action::OpenSearch);
    for c in query.chars() {
        app.update(Action::InsertChar(c));
    }
}

#[test]
fn opening_the_search_shows_an_empty_prompt() {
    let mut app = app_on(embedded(), 80, 24);
    app.update(Action::OpenSearch);
    assert_eq!(app.mode(), Mode::Search);
    let prompt = app.prompt().unwrap();
    assert_eq!(prompt.query, "");
    assert!(prompt.hits.is_empty(), "an empty query shows nothing");
}

#[test]
fn each_keystroke_updates_the_results() {
    let mut app = app_on(embedded(), 80, 24);
    type_query(&mut app, "t");
    let many = app.prompt().unwrap().hits.len();
    app.update(Action::InsertChar('a'));
    app.update(Action::InsertChar('r'));
    let fewer = app.prompt().unwrap().hits.len();
    assert!(fewer < many && fewer > 0, "{many} then {fewer}");
    app.update(Action::DeleteChar);
    app.update(Action::DeleteChar);
    assert_eq!(app.prompt().unwrap().hits.len(), many);
    assert_eq!(app.prompt().unwrap().query, "t");
    app.update(Action::ClearQuery);
    assert!(app.prompt().unwrap().hits.is_empty());
    // Deleting from an empty query is harmless.
    app.update(Action::DeleteChar);
    assert_eq!(app.prompt().unwrap().query, "");
}

#[test]
fn the_query_takes_at_most_max_query_chars_characters() {
    let mut app = app_on(embedded(), 80, 24);
    // Letters of one, two and three bytes: the limit counts characters.
    let long: String = "ţara 自由 "
        .chars()
        .cycle()
        .take(MAX_QUERY_CHARS + 40)
        .collect();
    type_query(&mut app, &long);
    let prompt = app.prompt().unwrap();
    assert_eq!(prompt.query.chars().count(), MAX_QUERY_CHARS);
    assert!(
        long.starts_with(&prompt.query),
        "the first characters are kept"
    );
    assert!(prompt.is_full());
    app.update(Action::DeleteChar);
    assert!(!app.prompt().unwrap().is_full());
    app.update(Action::InsertChar('x'));
    app.update(Action::InsertChar('y'));
    let query = &app.prompt().unwrap().query;
    assert_eq!(query.chars().count(), MAX_QUERY_CHARS);
    assert!(
        query.ends_with('x'),
        "one more fits after a deletion: {query:?}"
    );
}

/// An app on a pack of its own, and the pack, whose searches are counted.
fn app_with_pack() -> (App, Arc<Pack>) {
    let pack = Arc::new(Pack::new(embedded()));
    let start = StartAt {
        lang: pack.content().default_language,
        pane: Pane::Overview,
        item: None,
    };
    let theme = Theme::new(ColorLevel::Basic16, false);
    (App::on(Arc::clone(&pack), theme, start, 80, 24), pack)
}

#[test]
fn each_edit_of_the_query_searches_once_and_a_full_query_not_again() {
    let (mut app, pack) = app_with_pack();
    app.update(Action::OpenSearch);
    assert_eq!(pack.searches(), 0, "an empty prompt searches nothing");
    type_query(&mut app, "tarile");
    assert_eq!(pack.searches(), 6);
    app.update(Action::DeleteChar);
    app.update(Action::ClearQuery);
    assert_eq!(pack.searches(), 8);
    app.update(Action::MoveDown);
    assert_eq!(
        pack.searches(),
        8,
        "moving through the results searches nothing"
    );
    type_query(&mut app, &"a".repeat(MAX_QUERY_CHARS));
    let searches = pack.searches();
    app.update(Action::InsertChar('b'));
    assert_eq!(pack.searches(), searches, "a character that is not added");
}

#[test]
fn typing_in_a_batch_searches_once_on_the_last_query() {
    let (mut app, pack) = app_with_pack();
    app.update(Action::OpenSearch);
    app.update_all(
        "sustinerex"
            .chars()
            .map(Action::InsertChar)
            .chain([Action::DeleteChar]),
    );
    assert_eq!(pack.searches(), 1);
    let prompt = app.prompt().unwrap();
    assert_eq!(prompt.query, "sustinere");
    assert_eq!(prompt.hits.len(), 2);
    // The same keys one by one give the same results, a search each.
    let (mut one_by_one, pack) = app_with_pack();
    one_by_one.update(Action::OpenSearch);
    for c in "sustinerex".chars() {
        one_by_one.update(Action::InsertChar(c));
    }
    one_by_one.update(Action::DeleteChar);
    assert_eq!(pack.searches(), 11);
    assert_eq!(one_by_one.prompt().unwrap().hits, prompt.hits);
}

#[test]
fn an_action_in_a_batch_after_typing_sees_the_results_of_what_was_typed() {
    let (mut app, pack) = app_with_pack();
    let mut actions = vec![Action::OpenSearch];
    actions.extend("sustinere".chars().map(Action::InsertChar));
    // The second result, opened: as in a_selected_result_other_than_the_first_can_be_opened.
    actions.extend([Action::MoveDown, Action::AcceptSearch]);
    app.update_all(actions);
    assert_eq!(pack.searches(), 1);
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(app.pane(), Pane::Actions);
    let found = app.found().unwrap();
    assert_eq!(found.at, first_occurrence(found.hits[1].target));
}

/// The first occurrence in the passage of a result that is not in the overview.
fn first_occurrence(target: clsv::search::Target) -> Occurrence {
    Occurrence {
        passage: Passage::of(target),
        nth: 0,
    }
}

#[test]
fn keys_in_a_batch_are_read_against_the_state_the_keys_before_them_left() {
    // "/" opens the prompt, so the keys after it are typed, not browsing keys: "q" does not
    // quit, "j" does not move. The keymap reads each against the mode it finds.
    let keys = "/qj2\nx".chars().map(|c| match c {
        '\n' => KeyEvent::from(KeyCode::Enter),
        c => KeyEvent::from(KeyCode::Char(c)),
    });
    let (mut app, pack) = app_with_pack();
    let acted = app.update_each(keys.clone(), |app, key| {
        app.keymap().action_for(app.mode(), &key)
    });
    assert!(acted);
    // One before Enter, which reads the results (there are none for "qj2", so the prompt
    // stays open), and one at the end, for "qj2x".
    assert_eq!(pack.searches(), 2);
    assert_eq!(app.prompt().map(|p| p.query.as_str()), Some("qj2x"));
    let (mut one_by_one, its_pack) = app_with_pack();
    for key in keys {
        if let Some(action) = one_by_one.keymap().action_for(one_by_one.mode(), &key) {
            one_by_one.update(action);
        }
    }
    assert!(!app.should_quit());
    assert_eq!(screen(&app), screen(&one_by_one));
    assert_eq!(
        format!("{:?}", app.prompt()),
        format!("{:?}", one_by_one.prompt())
    );
    assert_eq!(app.mode(), one_by_one.mode());
    assert_eq!(its_pack.searches(), 4, "one by one, a search a character");
    // Inputs that ask for nothing: nothing is done, nothing searched.
    let searches = pack.searches();
    assert!(
        !app.update_each([KeyEvent::from(KeyCode::F(12))], |app, key| {
            app.keymap().action_for(app.mode(), &key)
        })
    );
    assert_eq!(pack.searches(), searches);
}

#[test]
fn a_batch_stops_after_the_action_that_quits() {
    let (mut app, pack) = app_with_pack();
    app.update_all([
        Action::OpenSearch,
        Action::InsertChar('t'),
        Action::Quit,
        Action::InsertChar('a'),
        Action::CancelSearch,
    ]);
    assert!(app.should_quit());
    assert_eq!(app.mode(), Mode::Search);
    assert_eq!(app.prompt().unwrap().query, "t");
    assert_eq!(
        pack.searches(),
        1,
        "searched before quitting, as one by one"
    );
}

#[test]
fn keys_past_a_full_query_in_a_batch_end_as_one_by_one() {
    let text: String = "ţara 自由 "
        .chars()
        .cycle()
        .take(MAX_QUERY_CHARS + 100)
        .collect();
    let keys = || {
        std::iter::once(Action::OpenSearch)
            .chain(text.chars().map(Action::InsertChar))
            .chain([
                Action::Resize {
                    width: 100,
                    height: 30,
                },
                Action::InsertChar('x'),
                Action::MoveDown,
            ])
    };
    let (mut batched, pack) = app_with_pack();
    batched.update_all(keys());
    assert_eq!(pack.searches(), 1);
    let (mut one_by_one, _) = app_with_pack();
    keys().for_each(|action| one_by_one.update(action));
    let prompt = |app: &App| format!("{:?}", app.prompt());
    assert_eq!(prompt(&batched), prompt(&one_by_one));
    assert_eq!(screen(&batched), screen(&one_by_one));
}

#[test]
fn a_paste_in_the_prompt_is_typed_with_one_search() {
    let (mut app, pack) = app_with_pack();
    app.update(Action::OpenSearch);
    app.update(Action::InsertChar('ţ'));
    app.paste("arile\r\nde\tjos\x1b[A\x07");
    let prompt = app.prompt().unwrap();
    // Line breaks and tabs become spaces; other control characters are left out (the
    // printable rest of an escape sequence stays, as text).
    assert_eq!(prompt.query, "ţarile  de jos[A");
    assert_eq!(pack.searches(), 2, "one for the key, one for the paste");
    app.update(Action::ClearQuery);
    app.paste("susţinerea proiectelor");
    assert_eq!(app.prompt().unwrap().hits.len(), 1);
    assert_eq!(app.prompt().unwrap().query, "susţinerea proiectelor");
    assert_eq!(app.mode(), Mode::Search);
}

#[test]
fn a_paste_stops_at_a_full_query() {
    let (mut app, pack) = app_with_pack();
    app.update(Action::OpenSearch);
    app.update(Action::InsertChar('x'));
    let long: String = "ţara 自由 ".chars().cycle().take(64 * 1024).collect();
    app.paste(&long);
    let prompt = app.prompt().unwrap();
    assert!(prompt.is_full());
    let expected: String = std::iter::once('x')
        .chain(long.chars())
        .take(MAX_QUERY_CHARS)
        .collect();
    assert_eq!(prompt.query, expected);
    assert_eq!(pack.searches(), 2);
    app.paste("more");
    assert_eq!(app.prompt().unwrap().query, expected);
    assert_eq!(pack.searches(), 2, "a full query is not searched again");
}

#[test]
fn a_paste_outside_the_prompt_does_nothing() {
    let (mut app, pack) = app_with_pack();
    app.update(Action::ShowPane(Pane::Members));
    // Text that, typed as keys, would quit, search, move, switch language or pane.
    let text = "q/jGL3?p \x1b\r\x03";
    let modes = [
        (Mode::Browse, vec![]),
        (Mode::Help, vec![Action::OpenHelp]),
        (Mode::Present, vec![Action::StartPresenting]),
    ];
    for (mode, open) in modes {
        app.update_all(open);
        assert_eq!(app.mode(), mode);
        let before = (screen(&app), app.list_position(Pane::Members));
        app.paste(text);
        assert_eq!(app.mode(), mode);
        assert!(!app.should_quit());
        assert_eq!((screen(&app), app.list_position(Pane::Members)), before);
        app.update_all([Action::CloseHelp, Action::StopPresenting]);
    }
    assert_eq!(pack.searches(), 0);
}

#[test]
fn moving_through_the_results_stops_at_both_ends() {
    let mut app = app_on(embedded(), 80, 24);
    type_query(&mut app, "a");
    let len = app.prompt().unwrap().hits.len();
    app.update(Action::MoveUp);
    assert_eq!(app.prompt().unwrap().selected, 0);
    app.update(Action::MoveDown);
    assert_eq!(app.prompt().unwrap().selected, 1);
    app.update(Action::PageDown);
    let page = app.visible_results();
    assert_eq!(app.prompt().unwrap().selected, 1 + page);
    for _ in 0..len {
        app.update(Action::PageDown);
    }
    let prompt = app.prompt().unwrap();
    assert_eq!(prompt.selected, len - 1);
    assert!(prompt.offset + page > prompt.selected && prompt.offset <= prompt.selected);
}

#[test]
fn enter_goes_to_the_result_with_its_match_in_view() {
    let mut app = app_on(embedded(), 80, 24);
    type_query(&mut app, "sustinere");
    app.update(Action::AcceptSearch);
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(app.pane(), Pane::Declaration);
    assert_eq!(app.focus(), Focus::Detail);
    assert_eq!(selected(&app), 0);
    assert!(screen(&app).contains("susţinere"));
    let found = app.found().unwrap();
    assert_eq!(found.hits.len(), 2);
    assert_eq!(found.at, first_occurrence(found.hits[0].target));
    let (at, total) = position(&app);
    assert_eq!(at, Some(1));
    assert!(total >= 2, "an occurrence in each result");
    assert!(screen(&app).contains(&format!("potrivirea 1/{total}")));
}

#[test]
fn enter_scrolls_the_overview_to_the_section_of_the_match() {
    let mut app = app_on(embedded(), 80, 12);
    type_query(&mut app, "tallinn");
    app.update(Action::AcceptSearch);
    assert_eq!(app.pane(), Pane::Overview);
    assert!(app.overview_scroll() > 0);
    assert!(screen(&app).contains("Tallinn"), "{}", screen(&app));
}

#[test]
fn a_selected_result_other_than_the_first_can_be_opened() {
    let mut app = app_on(embedded(), 80, 24);
    type_query(&mut app, "sustinere");
    app.update(Action::MoveDown);
    app.update(Action::AcceptSearch);
    assert_eq!(app.pane(), Pane::Actions);
    assert_eq!(selected(&app), 1);
    let found = app.found().unwrap();
    assert_eq!(found.at, first_occurrence(found.hits[1].target));
}

/// Where the accepted search stands among its occurrences (all counted): the current one's
/// number, and how many there are.
fn position(app: &App) -> (Option<usize>, usize) {
    match app.search_position() {
        Some(SearchPosition::Occurrence { at, of }) => (at, of),
        other => panic!("not among occurrences: {other:?}"),
    }
}

/// How far the current pane's text is scrolled.
fn text_scroll(app: &App) -> usize {
    app.list_position(app.pane())
        .map_or(app.overview_scroll(), |p| p.detail_scroll)
}

/// The line of the current occurrence in the current pane's text, if it is in that text.
fn current_line(app: &App) -> Option<usize> {
    let n = app.current_in_text(app.text_width())?;
    Some(app.text_doc(app.text_width()).match_lines[n])
}

/// The current occurrence's line is in view, and so is the line above it.
fn assert_in_view_with_the_line_above(app: &App) {
    let Some(line) = current_line(app) else {
        return;
    };
    let (scroll, rows) = (text_scroll(app), app.text_rows());
    assert!(
        line.saturating_sub(1) >= scroll && line < scroll + rows,
        "line {line} (and the one above) in the view of {rows} lines from {scroll}"
    );
}

/// The overview says "Moldova" several times, some in one section: `n` stops at each, in
/// the order of the text, each time with its line and the one above in view; `N` goes back.
#[test]
fn n_stops_at_each_occurrence_in_the_overview_with_the_line_above_in_view() {
    let mut app = app_on(embedded(), 100, 24);
    // Where the overview's text says "Moldova", as laid out before any search: a line for
    // each time it says it.
    let plain = app.text_doc(app.text_width());
    let expected: Vec<usize> = (0..plain.len())
        .flat_map(|i| {
            let times = fold(&plain.line(i).to_string()).matches("moldova").count();
            std::iter::repeat_n(i, times)
        })
        .collect();
    drop(plain);
    assert!(expected.len() >= 3, "{expected:?}");
    assert!(
        expected
            .windows(2)
            .any(|pair| pair[1] - pair[0] > app.text_rows()),
        "the occurrences are far enough apart for the text to scroll between them"
    );
    type_query(&mut app, "Moldova");
    app.update(Action::AcceptSearch);
    // Enter goes to the best result; `n` comes round to the overview's first occurrence.
    for _ in 0..20 {
        if app.pane() == Pane::Overview && app.current_in_text(app.text_width()) == Some(0) {
            break;
        }
        app.update(Action::NextMatch);
    }
    let mut visited = Vec::new();
    for n in 0..expected.len() {
        assert_eq!(app.pane(), Pane::Overview);
        assert_eq!(app.current_in_text(app.text_width()), Some(n));
        assert_in_view_with_the_line_above(&app);
        visited.push(current_line(&app).unwrap());
        app.update(Action::NextMatch);
    }
    assert_eq!(visited, expected, "one stop for each occurrence, in order");
    assert_ne!(
        (app.pane(), app.current_in_text(app.text_width())),
        (Pane::Overview, Some(expected.len())),
        "past the overview's last occurrence, n goes on"
    );
    for n in (0..expected.len()).rev() {
        app.update(Action::PrevMatch);
        assert_eq!(app.pane(), Pane::Overview);
        assert_eq!(app.current_in_text(app.text_width()), Some(n));
        assert_in_view_with_the_line_above(&app);
    }
}

/// `n` goes through every occurrence of every result, the footer counting them, and past the
/// last starts over with a note; `N` goes back the same way.
#[test]
fn n_and_shift_n_go_through_every_occurrence_and_wrap_with_a_note() {
    let mut app = app_on(embedded(), 100, 24);
    type_query(&mut app, "moldova");
    app.update(Action::AcceptSearch);
    let (at, total) = position(&app);
    let start = at.unwrap();
    let footer = |app: &App| screen(app).lines().last().unwrap().to_string();
    let occurrences: usize = app
        .found()
        .unwrap()
        .passages
        .iter()
        .map(|p| p.1.unwrap())
        .sum();
    assert_eq!(total, occurrences);
    assert!(
        total > app.found().unwrap().hits.len(),
        "more stops than results"
    );
    let mut seen = vec![app.found().unwrap().at];
    for step in 1..=total {
        app.update(Action::NextMatch);
        let expected = (start + step - 1) % total + 1;
        assert_eq!(position(&app), (Some(expected), total));
        assert!(footer(&app).contains(&format!("potrivirea {expected}/{total}")));
        let wrapped = expected == 1;
        assert_eq!(app.note() == Some(Note::SearchWrapped), wrapped, "{step}");
        if wrapped {
            assert!(footer(&app).contains("căutarea a reluat de la capăt"));
        }
        assert_in_view_with_the_line_above(&app);
        seen.push(app.found().unwrap().at);
    }
    assert_eq!(seen.first(), seen.last(), "round once");
    seen.pop();
    let distinct: std::collections::HashSet<_> = seen.iter().map(|o| (o.passage, o.nth)).collect();
    assert_eq!(distinct.len(), total, "every stop is another occurrence");
    app.update(Action::MoveDown);
    assert_eq!(app.note(), None, "the note lasts one action");
    // Back from the first, round to the last.
    while position(&app).0 != Some(1) {
        app.update(Action::PrevMatch);
    }
    app.update(Action::PrevMatch);
    assert_eq!(position(&app), (Some(total), total));
    assert_eq!(app.note(), Some(Note::SearchWrapped));
    app.update(Action::PrevMatch);
    assert_eq!(position(&app), (Some(total - 1), total));
    assert_eq!(app.note(), None);
}

/// A query of several words stops at each of them in one item, the item staying selected,
/// before it goes on to the next item.
#[test]
fn a_query_of_several_words_stops_at_each_in_one_item() {
    let mut app = app_on(embedded(), 100, 30);
    type_query(&mut app, "libertatea virtual");
    app.update(Action::AcceptSearch);
    let found = app.found().unwrap();
    let Passage::Detail(pane, item) = found.at.passage else {
        panic!("the best result is an item: {:?}", found.at);
    };
    let count = found
        .passages
        .iter()
        .find(|p| p.0 == found.at.passage)
        .unwrap()
        .1
        .unwrap();
    assert!(count >= 2, "both words are in the item");
    let row = selected(&app);
    for nth in 1..count {
        app.update(Action::NextMatch);
        assert_eq!(app.pane(), pane);
        assert_eq!(selected(&app), row, "still in the same item");
        assert_eq!(app.found().unwrap().at.nth, nth);
        assert_eq!(app.focus(), Focus::Detail);
        assert_in_view_with_the_line_above(&app);
    }
    app.update(Action::NextMatch);
    assert_ne!(app.found().unwrap().at.passage, Passage::Detail(pane, item));
    assert_eq!(app.found().unwrap().at.nth, 0);
}

/// With the member filter on, `n` passes over the members it hides and leaves it on; when it
/// hides every occurrence, the filter goes, as for a result opened from the prompt.
#[test]
fn n_passes_over_members_the_filter_hides() {
    let content = embedded();
    let moldova = common::member_index(&content, "MD");
    let czech = common::member_index(&content, "CZ");
    let mut app = app_on(content, 100, 30);
    type_query(&mut app, "moldova");
    app.update(Action::AcceptSearch);
    let (_, unfiltered) = position(&app);
    let filter = |app: &mut App, words: &str| {
        app.update(Action::ShowPane(Pane::Members));
        app.update(Action::OpenFilter);
        for c in words.chars() {
            app.update(Action::InsertChar(c));
        }
        app.update(Action::AcceptFilter);
        assert!(app.member_filter().is_some());
    };
    filter(&mut app, "ghana");
    let (_, total) = position(&app);
    assert!(total < unfiltered, "Moldova's occurrences are not counted");
    for _ in 0..=total {
        app.update(Action::NextMatch);
        let at = app.found().unwrap().at;
        assert_ne!(at.passage, Passage::Detail(Pane::Members, moldova));
        assert!(app.member_filter().is_some(), "the filter stays");
    }
    // Only the Czech Republic says "cehă": hidden, it is shown.
    type_query(&mut app, "cehă");
    app.update(Action::AcceptSearch);
    filter(&mut app, "ghana");
    assert_eq!(position(&app), (None, 0));
    app.update(Action::NextMatch);
    assert!(app.member_filter().is_none());
    assert_eq!(app.pane(), Pane::Members);
    assert_eq!(app.item_at(Pane::Members, selected(&app)), czech);
}

/// The members' occurrences come in the order of the table's rows, whatever its order.
#[test]
fn n_takes_the_members_in_the_order_the_table_shows_them() {
    let mut app = app_on(embedded(), 100, 30);
    type_query(&mut app, "coaliţie");
    app.update(Action::AcceptSearch);
    let (_, total) = position(&app);
    for _ in 0..4 {
        app.update(Action::ShowPane(Pane::Members));
        app.update(Action::CycleOrder);
        let mut rows = Vec::new();
        for _ in 0..total {
            app.update(Action::NextMatch);
            if let Passage::Detail(Pane::Members, _) = app.found().unwrap().at.passage {
                rows.push((position(&app).0, selected(&app)));
            }
        }
        rows.sort();
        assert!(rows.len() >= 2, "{rows:?}");
        assert!(
            rows.windows(2).all(|pair| pair[0].1 < pair[1].1),
            "in the table's order ({:?}): {rows:?}",
            app.member_order()
        );
    }
}

#[test]
fn n_without_a_search_does_nothing() {
    let mut app = app_on(embedded(), 80, 24);
    app.update(Action::NextMatch);
    app.update(Action::PrevMatch);
    assert_eq!(app.pane(), Pane::Overview);
    assert!(app.found().is_none());
}

#[test]
fn escape_while_typing_returns_exactly_where_the_search_began() {
    let mut app = app_on(embedded(), 80, 16);
    app.update(Action::ShowPane(Pane::Members));
    app.update(Action::PageDown);
    app.update(Action::FocusDetail);
    app.update(Action::MoveDown);
    let before = (app.pane(), app.focus(), app.list_position(Pane::Members));
    type_query(&mut app, "moldova");
    app.update(Action::MoveDown);
    app.update(Action::CancelSearch);
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(
        (app.pane(), app.focus(), app.list_position(Pane::Members)),
        before
    );
    assert!(app.found().is_none());
}

#[test]
fn an_empty_query_changes_nothing_and_one_without_results_stays_open() {
    let mut app = app_on(embedded(), 80, 24);
    app.update(Action::ShowPane(Pane::Actions));
    type_query(&mut app, "   ");
    app.update(Action::AcceptSearch);
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(app.pane(), Pane::Actions);
    assert!(app.found().is_none());
    type_query(&mut app, "zzz");
    app.update(Action::AcceptSearch);
    assert_eq!(app.mode(), Mode::Search, "nothing to go to");
    assert!(screen(&app).contains("niciun rezultat"));
}

#[test]
fn a_click_on_a_result_opens_it() {
    let mut app = app_on(embedded(), 80, 24);
    type_query(&mut app, "sustinere");
    app.update(Action::SelectResult(1));
    assert_eq!(app.pane(), Pane::Actions);
    app.update(Action::OpenSearch);
    app.update(Action::SelectResult(5));
    assert_eq!(app.mode(), Mode::Search, "no result 5 in an empty prompt");
}

#[test]
fn escape_clears_the_highlights_once_back_on_the_list() {
    let mut app = app_on(embedded(), 80, 24);
    type_query(&mut app, "cehă");
    app.update(Action::AcceptSearch);
    assert_eq!(app.focus(), Focus::Detail);
    app.update(Action::Back);
    assert!(
        app.found().is_some(),
        "the first Esc only leaves the detail"
    );
    app.update(Action::Back);
    assert!(app.found().is_none());
}

#[test]
fn switching_language_runs_the_search_again() {
    let mut app = app_on(embedded(), 80, 24);
    type_query(&mut app, "libertatea");
    let romanian = app.prompt().unwrap().hits.len();
    assert!(romanian > 0);
    app.update(Action::CancelSearch);
    type_query(&mut app, "tallinn");
    app.update(Action::AcceptSearch);
    app.update(Action::SwitchLanguage);
    let found = app.found().unwrap();
    assert!(!found.hits.is_empty());
    assert_eq!(found.at.passage, Passage::Overview);
}

use clsv::app::Reload;

/// The fixture pack with `file` changed by `change`.
fn fixture_with(file: &str, change: impl FnOnce(&mut String)) -> clsv::content::Content {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(common::fixture_dir()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    let path = dir.path().join(file);
    let mut text = std::fs::read_to_string(&path).unwrap();
    change(&mut text);
    std::fs::write(&path, text).unwrap();
    clsv::content::load_dir(dir.path()).unwrap()
}

#[test]
fn a_reload_keeps_the_pane_the_language_and_the_selection_by_id() {
    let mut app = app_on(fixture(), 80, 24);
    app.update(Action::ShowPane(Pane::Members));
    app.update(Action::MoveToBottom); // Olanda, id "nl"
    app.update(Action::SwitchLanguage);
    // The new version puts a member before it and renames it.
    let content = fixture_with("members.ron", |m| {
        *m = m.replacen("    members: [\n", "    members: [\n        Member(id: \"ee\", name: {\"ro\": \"Estonia\"}, code: \"EE\", region: \"east\", joined: 2011, sources: (code: \"web\", region: \"web\", joined: \"web\")),\n", 1);
        *m = m.replace("\"Netherlands\"", "\"The Netherlands\"");
    });
    app.update(Action::FocusDetail);
    app.reload(Reload::Loaded(Box::new(content)));
    assert_eq!(app.pane(), Pane::Members);
    assert_eq!(app.content().lang_tag(app.lang()), "en");
    assert_eq!(app.list_len(Pane::Members), 4);
    assert_eq!(selected(&app), 3, "still on the Netherlands, now fourth");
    assert!(screen(&app).contains("The Netherlands"));
    assert!(app.reload_error().is_none());
}

#[test]
fn a_reload_that_removes_the_selected_item_keeps_a_valid_selection() {
    let mut app = app_on(fixture(), 80, 24);
    app.update(Action::ShowPane(Pane::Members));
    app.update(Action::MoveToBottom);
    let content = fixture_with("members.ron", |m| {
        let start = m.find("        Member(\n            id: \"nl\"").unwrap();
        m.truncate(start);
        m.push_str("    ],\n)\n");
    });
    app.reload(Reload::Loaded(Box::new(content)));
    assert_eq!(app.list_len(Pane::Members), 2);
    assert_eq!(selected(&app), 1);
}

#[test]
fn a_refused_reload_keeps_the_content_and_says_why_until_fixed() {
    let mut app = app_on(fixture(), 80, 24);
    app.update(Action::ShowPane(Pane::Members));
    let message = "/pack/members.ron:13:13: Expected comma".to_string();
    app.reload(Reload::Failed(message.clone()));
    assert_eq!(app.reload_error(), Some(message.as_str()));
    let shown = screen(&app);
    assert!(
        shown.contains("MD   Moldova"),
        "the last good content stays"
    );
    assert!(
        shown
            .lines()
            .last()
            .unwrap()
            .contains("members.ron:13:13: Expected comma")
    );
    app.reload(Reload::Loaded(Box::new(fixture())));
    assert!(app.reload_error().is_none());
    assert!(!screen(&app).contains("Expected comma"));
}

#[test]
fn a_reload_shows_the_new_text_of_the_same_place() {
    // The text on screen was laid out before for this pane, row, width and language: the
    // new content must be laid out again, not the old text kept.
    let mut app = app_on(fixture(), 80, 24);
    assert!(screen(&app).contains("Un text de probă"));
    let content = fixture_with("overview.ron", |o| {
        *o = o.replace("Un text de probă", "Un alt text");
    });
    app.reload(Reload::Loaded(Box::new(content)));
    let shown = screen(&app);
    assert!(shown.contains("Un alt text"), "{shown}");
    assert!(!shown.contains("Un text de probă"));
}

#[test]
fn a_reload_runs_the_search_again() {
    let mut app = app_on(fixture(), 80, 24);
    type_query(&mut app, "olanda");
    app.update(Action::AcceptSearch);
    let content = fixture_with("members.ron", |m| {
        *m = m.replace("\"Olanda\"", "\"Olanda de Jos\"")
    });
    app.reload(Reload::Loaded(Box::new(content)));
    let found = app.found().unwrap();
    assert_eq!(found.hits.len(), 1);
    assert!(screen(&app).contains("Olanda de Jos"));
}

#[test]
fn the_index_waits_for_the_first_search_or_frame_and_browsers_on_one_pack_share_it() {
    let pack = Arc::new(Pack::new(fixture()));
    let start = StartAt {
        lang: pack.content().default_language,
        pane: Pane::Overview,
        item: None,
    };
    let theme = Theme::new(ColorLevel::Basic16, false);
    let mut first = App::on(Arc::clone(&pack), theme, start, 80, 24);
    let mut second = App::on(Arc::clone(&pack), theme, start, 80, 24);
    assert!(!pack.is_indexed(), "starting does not build the index");
    first.update(Action::NextPane);
    assert!(!pack.is_indexed(), "nor does browsing");
    // A search without the index built builds it, once, for every browser on the pack.
    first.update(Action::OpenSearch);
    for c in "moldova".chars() {
        first.update(Action::InsertChar(c));
    }
    assert!(pack.is_indexed());
    assert!(!first.prompt().unwrap().hits.is_empty());
    second.update(Action::OpenSearch);
    for c in "moldova".chars() {
        second.update(Action::InsertChar(c));
    }
    assert_eq!(first.prompt().unwrap().hits, second.prompt().unwrap().hits);

    let pack = Arc::new(Pack::new(fixture()));
    let app = App::on(
        Arc::clone(&pack),
        Theme::new(ColorLevel::None, false),
        start,
        80,
        24,
    );
    app.prepare_search();
    assert!(
        pack.is_indexed(),
        "the terminal builds it after the first frame"
    );
}

/// `y` copies the selected item's citation (title and sources, each once) for the
/// terminal's clipboard; on the overview there is nothing selected to copy, and it says so.
#[test]
fn y_copies_the_citation_of_the_selected_item() {
    assert_eq!(
        clsv::terminal::clipboard_sequence("ab"),
        b"\x1b]52;c;YWI=\x07".to_vec()
    );
    let mut app = app_on(embedded(), 100, 30);
    app.update(Action::CopyCitation);
    assert_eq!(app.note(), Some(Note::NothingToCopy));
    assert_eq!(app.take_clipboard(), None);
    app.update(Action::ShowPane(Pane::Declaration));
    app.update(Action::CopyCitation);
    assert_eq!(app.note(), Some(Note::Copied));
    let copied = app.take_clipboard().unwrap();
    assert!(copied.starts_with("Principiul — "), "{copied}");
    assert!(copied.contains("<http"), "{copied}");
    let sources = copied.matches("<http").count();
    let unique: std::collections::HashSet<&str> = copied.split("; ").collect();
    assert_eq!(
        unique.len(),
        copied.split("; ").count(),
        "each source once: {copied}"
    );
    assert!(sources >= 1);
    assert_eq!(app.take_clipboard(), None, "taken once");
}

#[test]
fn brackets_step_through_the_sections_of_the_text_and_its_box_names_the_one_on_top() {
    let mut app = app_on(embedded(), 80, 40);
    let doc = app.text_doc(app.text_width());
    let headings: Vec<usize> = doc.sections.iter().map(|&(line, _)| line).collect();
    // The overview's sections and its timeline.
    assert_eq!(headings.len(), app.content().overview.sections.len() + 1);
    let max = app.max_text_scroll();
    let mut reached = Vec::new();
    for _ in 0..headings.len() + 2 {
        app.update(Action::NextSection);
        reached.push(app.text_scroll());
    }
    let expected: Vec<usize> = headings[1..]
        .iter()
        .map(|&line| line.min(max))
        .chain(std::iter::repeat(max))
        .take(reached.len())
        .collect();
    assert_eq!(reached, expected, "headings at {headings:?}");
    // The top line is a section's heading, and the box says which.
    app.update(Action::MoveToTop);
    app.update(Action::NextSection);
    let (_, second) = &doc.sections[1];
    assert!(screen(&app).contains(&format!("╭ Prezentare · {second} ")));
    // Back: to the heading above the top line, then to the beginning.
    app.update(Action::Scroll(ScrollTarget::Text, 1));
    app.update(Action::PrevSection);
    assert_eq!(app.text_scroll(), headings[1]);
    app.update(Action::PrevSection);
    assert_eq!(app.text_scroll(), 0);
    assert!(screen(&app).contains("╭ Prezentare ─"));
    app.update(Action::PrevSection);
    assert_eq!(app.text_scroll(), 0);
}

#[test]
fn a_text_that_overflows_says_how_far_down_it_is_shown() {
    let mut app = app_on(embedded(), 80, 24);
    let rows = app.text_rows();
    let total = app.text_doc(app.text_width()).len();
    assert!(total > rows);
    let bottom = |app: &App| screen(app).lines().nth(22).unwrap().to_string();
    assert!(
        bottom(&app).ends_with(&format!(" {}% ╯", rows * 100 / total)),
        "{}",
        bottom(&app)
    );
    app.update(Action::MoveToBottom);
    assert!(bottom(&app).ends_with(" 100% ╯"), "{}", bottom(&app));
    // A detail that fits has no figure.
    app.update(Action::ShowPane(Pane::Actions));
    assert!(!bottom(&app).contains('%'), "{}", bottom(&app));
}

#[test]
fn the_brackets_step_through_a_members_detail_to_its_sources() {
    let mut app = app_on(embedded(), 80, 16);
    app.update(Action::ShowPane(Pane::Members));
    app.update(Action::FocusDetail);
    app.update(Action::NextSection);
    assert!(app.text_scroll() > 0);
    let top = screen(&app).lines().nth(3).unwrap().to_string();
    assert!(top.contains("Surse"), "{top}");
}

#[test]
fn a_deep_link_opens_on_its_item_with_its_detail_in_view() {
    let content = embedded();
    let lang = content.default_language;
    let link = |text: &str| match clsv::link::resolve(&content, text).unwrap() {
        clsv::link::Link::Item(target) => target,
        other => panic!("{text}: {other:?}"),
    };
    let open = |text: &str, width, height| {
        let target = link(text);
        App::new(
            content.clone(),
            Theme::new(ColorLevel::None, false),
            StartAt {
                lang,
                pane: target.pane(),
                item: Some(target),
            },
            width,
            height,
        )
    };
    let app = open("members/md", 80, 24);
    assert_eq!((app.pane(), app.focus()), (Pane::Members, Focus::Detail));
    assert!(screen(&app).contains("╭ Moldova "), "{}", screen(&app));
    // On a narrow screen, the detail alone.
    let app = open("members/md", 40, 12);
    assert!(screen(&app).contains("Moldova"), "{}", screen(&app));
    let app = open("declaration/privacy", 80, 24);
    assert!(screen(&app).contains("╭ Protecţia vieţii private "));
    // A section of the overview: scrolled to its heading.
    let app = open("overview/moldova", 80, 24);
    assert!(app.overview_scroll() > 0);
    assert!(screen(&app).contains("Republica Moldova în Coaliţie"));
    // A pane alone: its list.
    let app = open("actions", 80, 24);
    assert_eq!((app.pane(), app.focus()), (Pane::Actions, Focus::List));
}

#[test]
fn the_section_named_on_the_box_is_that_of_the_first_line_of_text_at_the_top() {
    let mut app = app_on(embedded(), 80, 24);
    let doc = app.text_doc(app.text_width());
    let (heading, title) = doc.sections[2].clone();
    assert!(
        doc.is_blank(heading - 1),
        "a blank line before each section"
    );
    // The blank line above the heading at the top: the box names the heading's section.
    app.update(Action::Scroll(ScrollTarget::Text, (heading - 1) as i16));
    assert_eq!(app.text_scroll(), heading - 1);
    assert!(screen(&app).contains(&format!("Prezentare · {title} ")));
}

#[test]
fn only_the_panes_text_is_looked_at_for_rows_to_scroll() {
    let mut app = app_on(embedded(), 80, 24);
    assert!(
        app.scrolling_rows().is_some(),
        "the overview's text scrolls"
    );
    for (open, close) in [
        (Action::OpenHelp, Action::CloseHelp),
        (Action::OpenSearch, Action::CancelSearch),
        (Action::StartPresenting, Action::StopPresenting),
    ] {
        app.update(open);
        assert_eq!(app.scrolling_rows(), None, "under {:?}", app.mode());
        app.update(close);
        assert!(app.scrolling_rows().is_some(), "after {close:?}");
    }
}
