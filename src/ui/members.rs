//! The members' world map in the members pane: the places of the members the table shows,
//! the selected one emphasised and labelled, or why there is no map.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::block;
use super::map::{Place, WorldMap};
use crate::app::App;
use crate::geometry;
use crate::vocabulary::Pane;

/// Draws the map of the members the table shows in `area`, in a block titled with how many
/// are marked.
pub fn render_map(app: &App, area: Rect, buf: &mut Buffer) {
    let strings = app.strings();
    let theme = app.theme();
    let content = app.content();
    let inner = geometry::inner(area);
    if !content.members.located() {
        block(app, strings.map_title, false, area.width).render(area, buf);
        Paragraph::new(Line::styled(strings.no_locations, theme.dim()))
            .wrap(Wrap { trim: true })
            .render(inner, buf);
        return;
    }
    let members = &content.members.members;
    let selected_row = app.list_position(Pane::Members).map(|p| p.selected);
    let mut places = Vec::with_capacity(app.member_rows().len());
    let mut selected = None;
    for (row, &item) in app.member_rows().iter().enumerate() {
        let Some(member) = members.get(item) else {
            continue;
        };
        let Some(location) = member.location else {
            continue;
        };
        if Some(row) == selected_row {
            selected = Some(places.len());
        }
        places.push(Place {
            latitude: location.latitude,
            longitude: location.longitude,
            label: member.name.get(app.lang()),
        });
    }
    let title = format!("{} ({})", strings.map_title, places.len());
    block(app, &title, false, area.width).render(area, buf);
    WorldMap::new(&places, *theme)
        .selected(selected)
        .too_small(strings.map_too_small)
        .render(inner, buf);
}
