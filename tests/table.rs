//! The member table: its columns at every width, its orders and its filter, carried out on
//! the default pack through `App::update` and read back from the screen and the state.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

mod common;

use clsv::action::Action;
use clsv::app::App;
use clsv::vocabulary::{MemberOrder, Mode, Pane};
use common::{app_on, embedded, screen};

fn members_app(width: u16, height: u16) -> App {
    let mut app = app_on(embedded(), width, height);
    app.update(Action::ShowPane(Pane::Members));
    app
}

/// The code of the member on each row, in the order shown.
fn codes(app: &App) -> Vec<String> {
    app.member_rows()
        .iter()
        .map(|&i| app.content().members.members[i].code.clone())
        .collect()
}

fn selected_code(app: &App) -> String {
    let row = app.list_position(Pane::Members).unwrap().selected;
    codes(app)[row].clone()
}

fn select_code(app: &mut App, code: &str) {
    let row = codes(app).iter().position(|c| c == code).unwrap();
    app.update(Action::SelectRow(row));
}

fn type_filter(app: &mut App, text: &str) {
    app.update(Action::OpenFilter);
    app.update_all(text.chars().map(Action::InsertChar));
}

#[test]
fn the_table_shows_its_columns_and_drops_the_region_then_the_year_as_it_narrows() {
    let wide = screen(&members_app(140, 30));
    assert!(wide.contains("Cod  Nume"), "{wide}");
    assert!(wide.contains("Regiune"), "{wide}");
    assert!(
        wide.contains("GH   Ghana              Africa de Vest    2011"),
        "{wide}"
    );
    let middle = screen(&members_app(80, 24));
    assert!(middle.contains("GH   Ghana              2011"), "{middle}");
    assert!(!middle.contains("Africa de Vest    2011"), "{middle}");
    let narrow = screen(&members_app(40, 12));
    assert!(narrow.contains("AT   Austria            2011"), "{narrow}");
    assert!(!narrow.contains("Europa"), "{narrow}");
    let narrowest = screen(&members_app(26, 10));
    assert!(narrowest.contains("AT   Austria"), "{narrowest}");
    assert!(!narrowest.contains("2011"), "{narrowest}");
    let mut english = members_app(140, 30);
    english.update(Action::SwitchLanguage);
    let english = screen(&english);
    assert!(english.contains("Code  Name"), "{english}");
    assert!(english.contains("Region"), "{english}");
    assert!(english.contains("Year"), "{english}");
}

#[test]
fn s_cycles_the_orders_keeping_the_selected_member_and_the_title_says_which() {
    let mut app = members_app(100, 30);
    select_code(&mut app, "MD");
    let source = codes(&app);
    assert_eq!(source[0], "AT", "the source's order first");
    let expected = [
        (MemberOrder::Name, "după nume"),
        (MemberOrder::Joined, "după an"),
        (MemberOrder::Region, "după regiune"),
        (MemberOrder::Source, ""),
    ];
    for (order, title) in expected {
        app.update(Action::CycleOrder);
        assert_eq!(app.member_order(), order);
        assert_eq!(selected_code(&app), "MD", "{order:?}");
        let shown = screen(&app);
        if title.is_empty() {
            assert!(shown.contains("Membri (22) ─"), "{shown}");
        } else {
            assert!(shown.contains(&format!("Membri (22) · {title}")), "{shown}");
        }
    }
    assert_eq!(codes(&app), source);
    app.update(Action::CycleOrder);
    // By name in Romanian: "Austria", "Canada", "Costa Rica", … ; "Ţările"-style letters fold.
    let by_name = codes(&app);
    assert_eq!(&by_name[..3], ["AT", "CA", "CR"]);
    app.update(Action::CycleOrder);
    let by_year = codes(&app);
    assert_eq!(
        by_year.last().map(String::as_str),
        Some("MD"),
        "joined in 2014"
    );
    let joined_2013: Vec<&str> = by_year[19..21].iter().map(String::as_str).collect();
    assert_eq!(joined_2013, ["GE", "DE"], "2013, in the source's order");
    app.update(Action::SwitchLanguage);
    assert!(screen(&app).contains("Members (22) · by year"));
}

#[test]
fn the_order_by_name_follows_the_language() {
    let mut app = members_app(100, 30);
    app.update(Action::CycleOrder);
    let romanian = codes(&app);
    app.update(Action::SwitchLanguage);
    let english = codes(&app);
    // "SUA" sorts near the end in Romanian, "United States" last in English; "Olanda"
    // among the O's, "Netherlands" among the N's.
    assert_ne!(romanian, english);
    assert_eq!(english.last().map(String::as_str), Some("US"));
    let nl = english.iter().position(|c| c == "NL").unwrap();
    let mx = english.iter().position(|c| c == "MX").unwrap();
    assert!(mx < nl, "Mexico, then the Netherlands: {english:?}");
}

#[test]
fn f_filters_with_every_key_and_enter_keeps_it() {
    let mut app = members_app(100, 30);
    type_filter(&mut app, "africa");
    assert_eq!(app.mode(), Mode::Filter);
    assert_eq!(codes(&app), ["GH", "KE", "TN"]);
    let shown = screen(&app);
    assert!(shown.contains("Membri 3/22"), "{shown}");
    assert!(shown.contains("filtru: africa"), "{shown}");
    // The detail is the selected filtered member's.
    assert!(shown.contains("╭ Ghana ─"), "{shown}");
    app.update(Action::MoveDown);
    assert_eq!(selected_code(&app), "KE");
    app.update(Action::AcceptFilter);
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(codes(&app), ["GH", "KE", "TN"], "kept");
    assert_eq!(selected_code(&app), "KE");
    // The keys work on the filtered rows.
    app.update(Action::MoveToBottom);
    assert_eq!(selected_code(&app), "TN");
    // The order applies to what the filter keeps.
    app.update(Action::CycleOrder);
    app.update(Action::CycleOrder);
    assert_eq!(codes(&app), ["GH", "KE", "TN"], "2011, 2011, 2012");
    // Case and diacritics do not matter.
    app.update(Action::OpenFilter);
    app.update(Action::ClearQuery);
    app.update_all("ŢĂRI".chars().map(Action::InsertChar));
    app.update(Action::ClearQuery);
    app.update_all("ceh".chars().map(Action::InsertChar));
    assert_eq!(codes(&app), ["CZ"]);
}

#[test]
fn esc_clears_the_filter_and_goes_back_to_the_member_selected_before() {
    let mut app = members_app(100, 30);
    select_code(&mut app, "LV");
    type_filter(&mut app, "2011");
    assert!(!codes(&app).contains(&"LV".to_string()));
    app.update(Action::CancelFilter);
    assert_eq!(app.mode(), Mode::Browse);
    assert!(app.member_filter().is_none());
    assert_eq!(codes(&app).len(), 22);
    assert_eq!(selected_code(&app), "LV");
    // A filter that keeps nothing says so, and Enter on an empty filter removes it.
    type_filter(&mut app, "zzz");
    assert!(codes(&app).is_empty());
    assert!(screen(&app).contains("Membri 0/22"));
    app.update(Action::ClearQuery);
    app.update(Action::AcceptFilter);
    assert!(app.member_filter().is_none());
    assert_eq!(codes(&app).len(), 22);
}

/// Typed key by key, a filter's words hide the selected member for a moment ("r" of
/// "region:europe" does not hold Moldova); the selection comes back to it when they show it
/// again, and to a member chosen with the arrows meanwhile.
#[test]
fn the_selection_comes_back_to_its_member_as_the_filter_is_typed() {
    let mut app = members_app(100, 30);
    select_code(&mut app, "MD");
    app.update(Action::OpenFilter);
    let mut hidden_once = false;
    for c in "region:europe".chars() {
        app.update(Action::InsertChar(c));
        hidden_once |= !codes(&app).contains(&"MD".to_string());
    }
    assert!(hidden_once, "a prefix of the words hides Moldova");
    assert_eq!(selected_code(&app), "MD");
    app.update(Action::MoveDown);
    let chosen = selected_code(&app);
    assert_ne!(chosen, "MD");
    app.update(Action::InsertChar('x'));
    assert!(codes(&app).is_empty());
    app.update(Action::DeleteChar);
    assert_eq!(selected_code(&app), chosen);
}

#[test]
fn a_search_result_the_filter_hides_is_shown_and_the_filter_goes() {
    let mut app = members_app(100, 30);
    type_filter(&mut app, "africa");
    app.update(Action::AcceptFilter);
    app.update(Action::OpenSearch);
    app.update_all("moldova".chars().map(Action::InsertChar));
    let moldova = app
        .content()
        .members
        .members
        .iter()
        .position(|m| m.code == "MD");
    let result = app
        .prompt()
        .unwrap()
        .hits
        .iter()
        .position(|hit| hit.target.row() == moldova && hit.target.pane() == Pane::Members)
        .unwrap();
    app.update(Action::SelectResult(result));
    assert!(app.member_filter().is_none());
    assert_eq!(codes(&app).len(), 22);
    assert_eq!(app.pane(), Pane::Members);
    assert_eq!(selected_code(&app), "MD");
}

#[test]
fn s_and_f_only_act_on_the_member_table() {
    let mut app = app_on(embedded(), 100, 30);
    app.update(Action::ShowPane(Pane::Declaration));
    app.update(Action::CycleOrder);
    app.update(Action::OpenFilter);
    assert_eq!(app.member_order(), MemberOrder::Source);
    assert_eq!(app.mode(), Mode::Browse);
}

#[test]
fn a_paste_into_the_filter_is_typed_as_its_words_field_words_included() {
    let mut app = members_app(100, 30);
    app.update(Action::OpenFilter);
    app.paste("regiune:africa\r\nde");
    assert_eq!(app.member_filter().unwrap().text, "regiune:africa  de");
    assert_eq!(codes(&app), ["GH", "KE", "TN"]);
}

#[test]
fn a_click_on_a_row_of_the_table_selects_that_member_below_the_column_names() {
    let mut app = members_app(100, 30);
    let (x, y) = common::find(&app, "MD   Moldova");
    let (_, header) = common::find(&app, "Cod  Nume");
    assert!(header < y);
    let click = crossterm::event::MouseEvent {
        kind: crossterm::event::MouseEventKind::Down(crossterm::event::MouseButton::Left),
        column: x,
        row: y,
        modifiers: crossterm::event::KeyModifiers::NONE,
    };
    let action = clsv::mouse::mouse_action(&app, &click).unwrap();
    app.update(action);
    assert_eq!(selected_code(&app), "MD");
    let on_header = crossterm::event::MouseEvent {
        row: header,
        ..click
    };
    assert_eq!(clsv::mouse::mouse_action(&app, &on_header), None);
}

#[test]
fn m_shows_the_members_on_a_map_that_follows_the_selection_and_the_filter() {
    let mut app = members_app(100, 30);
    app.update(Action::ToggleMap);
    assert!(app.map_shown());
    let shown = screen(&app);
    assert!(shown.contains("Harta (22)"), "{shown}");
    assert!(
        shown.contains("Austria"),
        "the selected member labelled: {shown}"
    );
    assert!(!shown.contains("Cod ISO"), "the detail gives way: {shown}");
    select_code(&mut app, "KE");
    let shown = screen(&app);
    assert!(shown.contains("◆ Kenya"), "{shown}");
    type_filter(&mut app, "africa");
    app.update(Action::AcceptFilter);
    assert!(screen(&app).contains("Harta (3)"));
    // Enter (or m) brings the detail back.
    app.update(Action::FocusDetail);
    assert!(!app.map_shown());
    assert!(screen(&app).contains("Cod ISO"));
    app.update(Action::ToggleMap);
    app.update(Action::ToggleMap);
    assert!(!app.map_shown());
}

#[test]
fn on_a_narrow_screen_the_map_takes_the_lists_place_and_the_keys_still_move() {
    let mut app = members_app(50, 20);
    app.update(Action::ToggleMap);
    let shown = screen(&app);
    assert!(shown.contains("Harta (22)"), "{shown}");
    assert!(!shown.contains("Cod  Nume"), "{shown}");
    app.update(Action::MoveDown);
    assert!(screen(&app).contains("Canada"));
}

#[test]
fn a_pack_without_locations_shows_why_there_is_no_map() {
    let mut app = app_on(common::fixture(), 100, 30);
    app.update(Action::ShowPane(Pane::Members));
    app.update(Action::ToggleMap);
    let shown = screen(&app);
    assert!(shown.contains("Pachetul nu dă locul membrilor"), "{shown}");
}

#[test]
fn m_does_nothing_outside_the_members() {
    let mut app = app_on(embedded(), 100, 30);
    app.update(Action::ShowPane(Pane::Actions));
    app.update(Action::ToggleMap);
    assert!(!app.map_shown());
}
