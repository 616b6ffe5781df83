//! The text of the declaration's and the actions' items: both panes have the same shape, so
//! one builder serves them.

use ratatui::style::Style;

use super::{Context, Doc, DocText, overview};
use crate::content::ItemList;
use crate::search::Target;
use crate::vocabulary::Pane;

fn list(cx: Context<'_>, pane: Pane) -> Option<&ItemList> {
    match pane {
        Pane::Declaration => Some(&cx.content.declaration),
        Pane::Actions => Some(&cx.content.actions),
        Pane::Overview | Pane::Members => None,
    }
}

/// A row of the list: the item's title.
pub fn row_label(cx: Context, pane: Pane, row: usize) -> String {
    list(cx, pane)
        .and_then(|l| l.items.get(row))
        .map_or(String::new(), |item| item.title.get(cx.lang).to_string())
}

/// The full text of item `row` at `width` columns (its box is titled with its title): the
/// body and the source it follows, and the added facts with their sources.
pub fn doc(cx: Context, pane: Pane, row: usize, width: usize) -> DocText {
    let mut doc = Doc::new(cx, width);
    let Some(item) = list(cx, pane).and_then(|l| l.items.get(row)) else {
        return doc.finish();
    };
    doc.anchor(Target::Item(pane, row));
    // The box is titled with the item's title; the text repeats it only when it is cut there.
    if super::heads_with_title(item.title.get(cx.lang), width) {
        doc.text(item.title.shared(cx.lang), cx.theme.heading());
        doc.blank();
    }
    doc.text(item.body.shared(cx.lang), Style::new());
    if let Some(source) = item.source {
        overview::source(&mut doc, cx, source);
    }
    if !item.facts.is_empty() {
        doc.blank();
        overview::facts(&mut doc, cx, &item.facts);
    }
    doc.finish()
}
