//! The declaration and actions panes: a list of items and the text of the selected one.
//! Both panes have the same shape, so one view serves them.

use ratatui::style::Style;
use ratatui::text::Line;

use crate::app::{App, Pane};
use crate::content::ItemList;
use crate::ui::{overview, wrapped};

fn list(app: &App, pane: Pane) -> Option<&ItemList> {
    let content = app.content();
    match pane {
        Pane::Declaration => Some(&content.declaration),
        Pane::Actions => Some(&content.actions),
        Pane::Overview | Pane::Members => None,
    }
}

/// A row of the list: the item's title.
pub fn row_label(app: &App, pane: Pane, row: usize) -> String {
    list(app, pane)
        .and_then(|l| l.items.get(row))
        .map_or(String::new(), |item| item.title.get(app.lang()).to_string())
}

/// The full text of item `row` at `width` columns: title, body, and the added facts with
/// their sources.
pub fn detail_lines(app: &App, pane: Pane, row: usize, width: usize) -> Vec<Line<'static>> {
    let Some(item) = list(app, pane).and_then(|l| l.items.get(row)) else {
        return Vec::new();
    };
    let lang = app.lang();
    let mut lines = wrapped(item.title.get(lang), width, "", "", app.theme().heading());
    lines.push(Line::default());
    lines.extend(wrapped(item.body.get(lang), width, "", "", Style::new()));
    if !item.facts.is_empty() {
        lines.push(Line::default());
        lines.extend(overview::facts(app, &item.facts, width));
    }
    lines
}
