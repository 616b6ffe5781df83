//! From terminal events to actions: keys through the keymap, clicks and the wheel through
//! the hit test.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

mod common;

use clsv::action::{Action, ScrollTarget};
use clsv::mouse::mouse_action;
use clsv::terminal::action_for;
use clsv::vocabulary::{Mode, Pane};
use common::{app_on, embedded, find};
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

fn key(code: KeyCode, kind: KeyEventKind) -> Event {
    Event::Key(KeyEvent::new_with_kind(code, KeyModifiers::NONE, kind))
}

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> MouseEvent {
    MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }
}

fn click(column: u16, row: u16) -> MouseEvent {
    mouse(MouseEventKind::Down(MouseButton::Left), column, row)
}

#[test]
fn only_key_presses_act() {
    let app = app_on(embedded(), 80, 24);
    assert_eq!(
        action_for(&app, key(KeyCode::Char('j'), KeyEventKind::Press)),
        Some(Action::MoveDown)
    );
    assert_eq!(
        action_for(&app, key(KeyCode::Char('j'), KeyEventKind::Release)),
        None
    );
    assert_eq!(
        action_for(&app, key(KeyCode::Char('j'), KeyEventKind::Repeat)),
        None
    );
    assert_eq!(
        action_for(&app, key(KeyCode::Char('x'), KeyEventKind::Press)),
        None
    );
    assert_eq!(
        action_for(&app, Event::Resize(100, 30)),
        Some(Action::Resize {
            width: 100,
            height: 30
        })
    );
    assert_eq!(action_for(&app, Event::FocusGained), None);
}

#[test]
fn keys_follow_the_mode() {
    let mut app = app_on(embedded(), 80, 24);
    let q = key(KeyCode::Char('q'), KeyEventKind::Press);
    assert_eq!(action_for(&app, q.clone()), Some(Action::Quit));
    app.update(Action::OpenHelp);
    assert_eq!(app.mode(), Mode::Help);
    assert_eq!(action_for(&app, q), Some(Action::CloseHelp));
}

#[test]
fn a_click_on_a_tab_shows_its_pane() {
    let app = app_on(embedded(), 80, 24);
    for (label, pane) in [
        ("2 Membri", Pane::Members),
        ("4 Acţiuni", Pane::Actions),
        ("1 Prezentare", Pane::Overview),
    ] {
        let (x, y) = find(&app, label);
        assert_eq!(
            mouse_action(&app, &click(x + 2, y)),
            Some(Action::ShowPane(pane)),
            "{label}"
        );
    }
    // The empty end of the tab bar is not a tab.
    assert_eq!(mouse_action(&app, &click(79, 1)), None);
}

#[test]
fn a_click_on_a_row_selects_it_and_on_the_detail_focuses_it() {
    let mut app = app_on(embedded(), 80, 24);
    app.update(Action::ShowPane(Pane::Members));
    let (x, y) = find(&app, "EE   Estonia");
    assert_eq!(mouse_action(&app, &click(x, y)), Some(Action::SelectRow(6)));
    // The introduction, the rule and the column names above the rows select nothing.
    let (x, y) = find(&app, "Situaţia");
    assert_eq!(mouse_action(&app, &click(x, y)), None);
    let (x, y) = find(&app, "Cod  Nume");
    assert_eq!(mouse_action(&app, &click(x, y)), None);
    let (x, y) = find(&app, "Cod ISO");
    assert_eq!(mouse_action(&app, &click(x, y)), Some(Action::FocusDetail));
    // Below the last row of a short list there is nothing to select.
    app.update(Action::ShowPane(Pane::Actions));
    let (x, y) = find(&app, "Angajament cu sectorul privat");
    assert_eq!(mouse_action(&app, &click(x, y + 3)), None);
}

#[test]
fn a_click_accounts_for_the_scrolled_list() {
    let mut app = app_on(embedded(), 80, 12);
    app.update(Action::ShowPane(Pane::Members));
    app.update(Action::MoveToBottom);
    let (x, y) = find(&app, "US   SUA");
    assert_eq!(
        mouse_action(&app, &click(x, y)),
        Some(Action::SelectRow(21))
    );
}

#[test]
fn the_wheel_scrolls_what_is_under_it() {
    let mut app = app_on(embedded(), 80, 24);
    assert_eq!(
        mouse_action(&app, &mouse(MouseEventKind::ScrollDown, 10, 10)),
        Some(Action::Scroll(ScrollTarget::Text, 3))
    );
    app.update(Action::ShowPane(Pane::Members));
    let (x, y) = find(&app, "EE   Estonia");
    assert_eq!(
        mouse_action(&app, &mouse(MouseEventKind::ScrollUp, x, y)),
        Some(Action::Scroll(ScrollTarget::List, -1))
    );
    let (x, y) = find(&app, "Cod ISO");
    assert_eq!(
        mouse_action(&app, &mouse(MouseEventKind::ScrollDown, x, y)),
        Some(Action::Scroll(ScrollTarget::Text, 3))
    );
    // Moves and other buttons ask for nothing.
    assert_eq!(
        mouse_action(&app, &mouse(MouseEventKind::Moved, x, y)),
        None
    );
    assert_eq!(
        mouse_action(&app, &mouse(MouseEventKind::Down(MouseButton::Right), x, y)),
        None
    );
}

#[test]
fn in_the_help_the_wheel_scrolls_it_and_a_click_outside_closes_it() {
    let mut app = app_on(embedded(), 80, 24);
    app.update(Action::OpenHelp);
    let (x, y) = find(&app, "Shift-Tab");
    assert_eq!(
        mouse_action(&app, &mouse(MouseEventKind::ScrollDown, x, y)),
        Some(Action::Scroll(ScrollTarget::Help, 3))
    );
    assert_eq!(mouse_action(&app, &click(x, y)), None);
    assert_eq!(mouse_action(&app, &click(0, 0)), Some(Action::CloseHelp));
}

#[test]
fn no_mouse_action_on_a_screen_below_the_minimum() {
    let app = app_on(embedded(), 10, 4);
    assert_eq!(mouse_action(&app, &click(1, 1)), None);
}
