//! The overview pane: the sections of the overview, then the timeline of conferences, as
//! one scrollable text.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::{App, Pane};
use crate::content::{Event, Fact, SourceRef};
use crate::search::Target;
use crate::ui::doc::{Doc, DocText};
use crate::ui::render_text_block;

/// Draws the overview in `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let inner = crate::ui::layout::text_inner(area);
    let text = crate::ui::text_doc(app, inner.width as usize);
    let title = app.strings().pane(Pane::Overview);
    render_text_block(
        app,
        title,
        true,
        &text.lines,
        app.overview_scroll(),
        area,
        buf,
    );
}

/// The overview's text at `width` columns.
pub fn doc(app: &App, width: usize) -> DocText {
    let theme = app.theme();
    let lang = app.lang();
    let overview = &app.content().overview;
    let mut doc = Doc::new(app, width);
    for (i, section) in overview.sections.iter().enumerate() {
        doc.anchor(Target::Section(i));
        doc.text(section.title.get(lang), theme.heading());
        doc.text(section.body.get(lang), Style::new());
        facts(&mut doc, app, &section.facts);
        doc.blank();
    }
    if !overview.timeline.is_empty() {
        doc.text(app.strings().timeline, theme.heading());
        for (i, event) in overview.timeline.iter().enumerate() {
            doc.anchor(Target::Event(i));
            self::event(&mut doc, app, event);
            source(&mut doc, app, event.source);
        }
    }
    doc.finish()
}

/// A conference: its date and place, then what happened.
pub fn event(doc: &mut Doc, app: &App, event: &Event) {
    let lang = app.lang();
    let separator = app.theme().glyphs().separator;
    let heading = format!(
        "{} {separator} {}",
        event.date.get(lang),
        event.place.get(lang)
    );
    doc.text(&heading, app.theme().label());
    doc.hanging(
        event.text.get(lang),
        ("  ", Style::new()),
        "  ",
        Style::new(),
    );
}

/// Added facts as a bulleted list, each followed by its source.
pub fn facts(doc: &mut Doc, app: &App, facts: &[Fact]) {
    let bullet = format!("{} ", app.theme().glyphs().bullet);
    for fact in facts {
        doc.hanging(
            fact.text.get(app.lang()),
            (&bullet, Style::new()),
            "  ",
            Style::new(),
        );
        source(doc, app, fact.source);
    }
}

/// "Source: …" under a fact, indented and dim.
pub fn source(doc: &mut Doc, app: &App, source: SourceRef) {
    let Some(source) = app.content().source(source) else {
        return;
    };
    let mut text = format!("{}: {}", app.strings().source, source.title.get(app.lang()));
    if let Some(url) = &source.url {
        text.push_str(&format!(" <{url}>"));
    }
    doc.hanging(&text, ("  ", Style::new()), "  ", app.theme().dim());
}
