//! The help screen: every key of the browser with what it does, generated from the keymap,
//! in a box over the panes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Widget};

use crate::action::Action;
use crate::app::{App, Mode};
use crate::text;
use crate::ui::doc::Doc;
use crate::ui::{layout, render_text_block};

/// The widest the help box gets.
const MAX_WIDTH: u16 = 72;

/// Where the help box is drawn: centred, with a margin where the screen has room for one,
/// and no taller than its text.
pub fn area(app: &App) -> Rect {
    // The footer stays visible below the box: it shows how to close it.
    let full = match layout::screen(app.area()) {
        Some(screen) => Rect::new(
            screen.title.x,
            screen.title.y,
            screen.title.width,
            screen.footer.y - screen.title.y,
        ),
        None => app.area(),
    };
    let with_margin = |size: u16, margin: u16| match size >= 24 + margin {
        true => size - margin,
        false => size,
    };
    let width = with_margin(full.width, 4).min(MAX_WIDTH);
    let text_width = layout::text_inner(Rect::new(0, 0, width, 0)).width as usize;
    let wanted = lines(app, text_width).len().saturating_add(2);
    let height = with_margin(full.height, 2).min(wanted.min(u16::MAX as usize) as u16);
    Rect::new(
        full.x + (full.width - width) / 2,
        full.y + (full.height - height) / 2,
        width,
        height,
    )
}

/// The rows of the help text shown at once.
pub fn rows(app: &App) -> usize {
    layout::inner(area(app)).height as usize
}

/// How far the help can scroll.
pub fn max_scroll(app: &App) -> usize {
    let inner = layout::text_inner(area(app));
    lines(app, inner.width as usize)
        .len()
        .saturating_sub(inner.height as usize)
}

/// The help text: for browsing, then for searching, one entry per action with its keys
/// and what it does.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme();
    let strings = app.strings();
    let mut doc = Doc::plain(app, width);
    let sections = [
        (Mode::Browse, strings.help_browse),
        (Mode::Search, strings.help_search),
        (Mode::Present, strings.help_present),
    ];
    for (mode, heading) in sections {
        let mut entries: Vec<(String, String)> = Vec::new();
        for action in app.keymap().actions_of(mode) {
            let keys: Vec<String> = app
                .keymap()
                .keys_for(mode, action)
                .map(|k| k.label(theme.ascii))
                .collect();
            match action {
                // Ten digits, one entry.
                Action::TypeDigit(0) => {
                    let description = strings.describe(action).replace(" (0)", "");
                    entries.push(("0-9".to_string(), description));
                }
                Action::TypeDigit(_) => {}
                _ => entries.push((keys.join(", "), strings.describe(action))),
            }
        }
        let key_width = entries
            .iter()
            .map(|(k, _)| text::width(k))
            .max()
            .unwrap_or(0)
            + 2;
        doc.text(heading, theme.heading());
        for (keys, description) in entries {
            if width >= key_width + 16 {
                let first = text::fit(&keys, key_width);
                let rest = " ".repeat(key_width);
                doc.hanging(&description, (&first, theme.key()), &rest, Style::new());
            } else {
                doc.text(&keys, theme.key());
                doc.hanging(&description, ("  ", Style::new()), "  ", Style::new());
            }
        }
        doc.blank();
    }
    doc.text(strings.help_typing, theme.dim());
    doc.finish().lines
}

/// Draws the help box over whatever is on screen.
pub fn render(app: &App, _full: Rect, buf: &mut Buffer) {
    let area = area(app);
    Clear.render(area, buf);
    let inner = layout::text_inner(area);
    let lines = lines(app, inner.width as usize);
    render_text_block(
        app,
        app.strings().help_title,
        true,
        &lines,
        app.help_scroll(),
        area,
        buf,
    );
}
