//! The declaration and actions panes: a list of items and the text of the selected one.
//! Both panes have the same shape, so one view serves them.

use ratatui::style::Style;

use crate::app::{App, Pane};
use crate::content::ItemList;
use crate::search::Target;
use crate::ui::doc::{Doc, DocText};
use crate::ui::overview;

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
pub fn doc(app: &App, pane: Pane, row: usize, width: usize) -> DocText {
    let mut doc = Doc::new(app, width);
    let Some(item) = list(app, pane).and_then(|l| l.items.get(row)) else {
        return doc.finish();
    };
    let lang = app.lang();
    doc.anchor(Target::Item(pane, row));
    doc.text(item.title.get(lang), app.theme().heading());
    doc.blank();
    doc.text(item.body.get(lang), Style::new());
    if !item.facts.is_empty() {
        doc.blank();
        overview::facts(&mut doc, app, &item.facts);
    }
    doc.finish()
}
