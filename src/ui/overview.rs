//! The overview pane: "at a glance" (the counts, the members joining year by year, the
//! conferences on a line) where there is room, then its text (sections, then the timeline of
//! conferences) as one scrollable block.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::App;
use crate::doc::year_of;
use crate::geometry::{self, GlanceAreas};
use crate::ui::chart::{Glance, Growth, GrowthRow, Timeline};
use crate::ui::{Marking, block, render_text_block};
use crate::vocabulary::Pane;

/// Draws the overview in `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let text_area = match geometry::glance(area, app.growth().len()) {
        Some(glance) => {
            render_glance(app, &glance, buf);
            glance.text
        }
        None => area,
    };
    let inner = geometry::text_inner(text_area);
    let text = app.text_doc(inner.width as usize);
    // Once the text has scrolled, its box names the section at its top.
    let name = app.strings().pane(Pane::Overview);
    let title = match app.current_section() {
        Some(section) => format!("{name} {} {section}", app.theme().glyphs().separator),
        None => name.to_string(),
    };
    let marking = Marking {
        current_in_text: app.current_in_text(inner.width as usize),
        ..Marking::default()
    };
    render_text_block(
        app,
        &title,
        true,
        &text,
        marking,
        app.overview_scroll(),
        text_area,
        buf,
    );
}

/// The counts, the growth and the conferences, all worked out from the content.
fn render_glance(app: &App, areas: &GlanceAreas, buf: &mut Buffer) {
    let strings = app.strings();
    let theme = *app.theme();
    let content = app.content();
    block(app, strings.glance_title, false, areas.block.width).render(areas.block, buf);
    let numbers = [
        content.members.members.len(),
        content.overview.timeline.len(),
        content.declaration.items.len(),
        content.actions.items.len(),
    ];
    let labels: Vec<String> = numbers
        .iter()
        .enumerate()
        .map(|(which, &count)| strings.counted(which, count))
        .collect();
    let counts: Vec<(&str, usize)> = labels.iter().map(String::as_str).zip(numbers).collect();
    Glance::new(&counts, theme).render(areas.counts, buf);
    let rows: Vec<GrowthRow> = app
        .growth()
        .iter()
        .map(|g| GrowthRow::from((g.year, g.joined, g.total)))
        .collect();
    Growth::new(&rows, theme).render(areas.growth, buf);
    let lang = app.lang();
    let marks: Vec<(&str, &str)> = content
        .overview
        .timeline
        .iter()
        .map(|event| (year_of(event.date.get(lang)), event.place.get(lang)))
        .collect();
    Timeline::new(&marks, theme).render(areas.timeline, buf);
}
