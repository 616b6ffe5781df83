//! The overview pane: its text (sections, then the timeline of conferences) as one
//! scrollable block.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::App;
use crate::geometry;
use crate::ui::render_text_block;
use crate::vocabulary::Pane;

/// Draws the overview in `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let inner = geometry::text_inner(area);
    let text = app.text_doc(inner.width as usize);
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
