//! The help screen: every key with what it does (the text comes from `doc::help`, generated
//! from the keymap), in a box over the panes.

use ratatui::buffer::Buffer;
use ratatui::widgets::{Clear, Widget};

use crate::app::App;
use crate::geometry;
use crate::ui::{Marking, render_text_block};

/// Draws the help box over whatever is on screen.
pub fn render(app: &App, buf: &mut Buffer) {
    let area = app.help_area();
    Clear.render(area, buf);
    let inner = geometry::text_inner(area);
    let text = app.help_text(inner.width as usize);
    render_text_block(
        app,
        app.strings().help_title,
        true,
        &text,
        Marking::default(),
        app.help_scroll(),
        area,
        buf,
    );
}
