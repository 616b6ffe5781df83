//! The overview pane: the sections of the overview, then the timeline of conferences, as
//! one scrollable text.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use crate::app::{App, Pane};
use crate::content::{Fact, SourceRef};
use crate::ui::{render_text_block, wrapped};

/// Draws the overview in `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let inner = crate::ui::layout::text_inner(area);
    let lines = lines(app, inner.width as usize);
    let title = app.strings().pane(Pane::Overview);
    render_text_block(app, title, true, lines, app.overview_scroll(), area, buf);
}

/// The overview's text at `width` columns.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme();
    let lang = app.lang();
    let overview = &app.content().overview;
    let mut lines = Vec::new();
    for section in &overview.sections {
        lines.extend(wrapped(
            section.title.get(lang),
            width,
            "",
            "",
            theme.heading(),
        ));
        lines.extend(wrapped(section.body.get(lang), width, "", "", Style::new()));
        lines.extend(facts(app, &section.facts, width));
        lines.push(Line::default());
    }
    if !overview.timeline.is_empty() {
        lines.extend(wrapped(
            app.strings().timeline,
            width,
            "",
            "",
            theme.heading(),
        ));
        for event in &overview.timeline {
            let heading = format!(
                "{} {} {}",
                event.date.get(lang),
                theme.glyphs().separator,
                event.place.get(lang)
            );
            lines.extend(wrapped(&heading, width, "", "", theme.label()));
            lines.extend(wrapped(
                event.text.get(lang),
                width,
                "  ",
                "  ",
                Style::new(),
            ));
            lines.extend(source_line(app, event.source, width));
        }
    }
    while lines.last().is_some_and(|l| l.width() == 0) {
        lines.pop();
    }
    lines
}

/// Added facts as a bulleted list, each followed by its source.
pub fn facts(app: &App, facts: &[Fact], width: usize) -> Vec<Line<'static>> {
    let bullet = format!("{} ", app.theme().glyphs().bullet);
    let mut lines = Vec::new();
    for fact in facts {
        lines.extend(wrapped(
            fact.text.get(app.lang()),
            width,
            &bullet,
            "  ",
            Style::new(),
        ));
        lines.extend(source_line(app, fact.source, width));
    }
    lines
}

/// "Source: …" under a fact, indented and dim.
pub fn source_line(app: &App, source: SourceRef, width: usize) -> Vec<Line<'static>> {
    let Some(source) = app.content().source(source) else {
        return Vec::new();
    };
    let mut text = format!("{}: {}", app.strings().source, source.title.get(app.lang()));
    if let Some(url) = &source.url {
        text.push_str(" <");
        text.push_str(url);
        text.push('>');
    }
    wrapped(&text, width, "  ", "  ", app.theme().dim())
}
