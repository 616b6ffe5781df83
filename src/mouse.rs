//! The mouse: which action a click or a turn of the wheel asks for, from where it happened
//! on the screen. The rectangles come from the geometry that rendering draws in, so a click
//! lands on what is drawn.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Position;

use crate::action::{Action, ScrollTarget};
use crate::app::App;
use crate::geometry;
use crate::vocabulary::{Mode, Pane};

/// Lines the wheel scrolls text by, per notch.
const WHEEL_LINES: i16 = 3;

/// The action for a mouse event, if it asks for one.
pub fn mouse_action(app: &App, event: &MouseEvent) -> Option<Action> {
    let at = Position::new(event.column, event.row);
    let wheel = match event.kind {
        MouseEventKind::ScrollDown => 1,
        MouseEventKind::ScrollUp => -1,
        MouseEventKind::Down(MouseButton::Left) => 0,
        _ => return None,
    };
    if app.mode() == Mode::Help {
        return match wheel {
            0 if !app.help_area().contains(at) => Some(Action::CloseHelp),
            0 => None,
            notch => Some(Action::Scroll(ScrollTarget::Help, notch * WHEEL_LINES)),
        };
    }
    if app.mode() == Mode::Present {
        return (wheel != 0).then_some(Action::Scroll(ScrollTarget::Text, wheel * WHEEL_LINES));
    }
    if app.mode() == Mode::Search {
        return match wheel {
            0 => {
                let prompt = app.prompt()?;
                let results = app.results_layout()?;
                results
                    .result_at(prompt.offset, prompt.hits.len(), at)
                    .map(Action::SelectResult)
            }
            notch => Some(Action::Scroll(ScrollTarget::List, notch)),
        };
    }
    let bands = app.bands()?;
    if wheel == 0 && bands.tabs.contains(at) {
        return app
            .tab_labels(bands.tabs)
            .into_iter()
            .find(|tab| (tab.x..tab.x.saturating_add(tab.width)).contains(&at.x))
            .map(|tab| Action::ShowPane(tab.pane));
    }
    if !bands.body.contains(at) {
        return None;
    }
    if app.pane() == Pane::Overview {
        return (wheel != 0).then_some(Action::Scroll(ScrollTarget::Text, wheel * WHEEL_LINES));
    }
    if app.map_area(bands.body).is_some_and(|map| map.contains(at)) {
        // The wheel over the map moves the selection, whose place it emphasises.
        return (wheel != 0).then_some(Action::Scroll(ScrollTarget::List, wheel));
    }
    let areas = app.pane_areas(app.pane(), bands.body, app.focus());
    if let Some(list) = areas.list.filter(|list| list.contains(at)) {
        if wheel != 0 {
            return Some(Action::Scroll(ScrollTarget::List, wheel));
        }
        let offset = app.list_position(app.pane())?.offset;
        let len = app.list_len(app.pane());
        return geometry::row_at(app.list_parts(app.pane(), list).rows, offset, len, at)
            .map(Action::SelectRow);
    }
    if areas.detail.is_some_and(|detail| detail.contains(at)) {
        return Some(match wheel {
            0 => Action::FocusDetail,
            notch => Action::Scroll(ScrollTarget::Text, notch * WHEEL_LINES),
        });
    }
    None
}
