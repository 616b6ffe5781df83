//! Drawing the browser: `impl Widget for &App`, one file per view. Rendering only reads the
//! app; it never changes it.

pub mod chrome;
pub mod help;
pub mod hit;
pub mod items;
pub mod layout;
pub mod members;
pub mod overview;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget,
    Widget,
};

use crate::app::{App, Focus, Mode, Pane};
use crate::text;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some(screen) = layout::screen(area) else {
            chrome::render_too_small(self, area, buf);
            return;
        };
        chrome::render_title(self, screen.title, buf);
        chrome::render_tabs(self, screen.tabs, buf);
        match self.pane() {
            Pane::Overview => overview::render(self, screen.body, buf),
            pane => render_list_pane(self, pane, screen.body, buf),
        }
        chrome::render_footer(self, screen.footer, buf);
        if self.mode() == Mode::Help {
            help::render(self, area, buf);
        }
    }
}

/// The introduction shown above a list pane.
pub fn intro_text(app: &App, pane: Pane) -> &str {
    let content = app.content();
    let lang = app.lang();
    match pane {
        Pane::Overview => "",
        Pane::Members => content.members.intro.as_ref().map_or("", |t| t.get(lang)),
        Pane::Declaration => content
            .declaration
            .intro
            .as_ref()
            .map_or("", |t| t.get(lang)),
        Pane::Actions => content.actions.intro.as_ref().map_or("", |t| t.get(lang)),
    }
}

/// The text of a list row of `pane`.
pub fn row_label(app: &App, pane: Pane, row: usize) -> String {
    match pane {
        Pane::Overview => String::new(),
        Pane::Members => members::row_label(app, row),
        Pane::Declaration | Pane::Actions => items::row_label(app, pane, row),
    }
}

/// The lines of the current pane's text (overview, or the selected item's detail) at
/// `width` columns.
pub fn text_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let selected = app.list_position(app.pane()).map_or(0, |p| p.selected);
    match app.pane() {
        Pane::Overview => overview::lines(app, width),
        Pane::Members => members::detail_lines(app, selected, width),
        pane => items::detail_lines(app, pane, selected, width),
    }
}

/// How far the current pane's text can scroll: its length past one screenful.
pub fn max_text_scroll(app: &App) -> usize {
    let Some(area) = layout::text_area(app) else {
        return 0;
    };
    text_lines(app, area.width as usize)
        .len()
        .saturating_sub(area.height as usize)
}

/// A paragraph wrapped to `width`, its first line after `first` and the others after
/// `rest` (a hanging indent), every line in `style`.
pub fn wrapped(
    text: &str,
    width: usize,
    first: &str,
    rest: &str,
    style: Style,
) -> Vec<Line<'static>> {
    let indent = text::width(first).max(text::width(rest));
    let room = width.saturating_sub(indent).max(1);
    text::wrap(text, room)
        .into_iter()
        .enumerate()
        .map(|(i, range)| {
            let prefix = if i == 0 { first } else { rest };
            Line::from(vec![
                Span::raw(prefix.to_string()),
                Span::styled(text[range].to_string(), style),
            ])
        })
        .collect()
}

/// A label and a value: side by side when there is room, the value below the label when
/// there is not.
pub fn field(
    label: &str,
    label_width: usize,
    value: &str,
    width: usize,
    app: &App,
) -> Vec<Line<'static>> {
    let theme = app.theme();
    if width >= label_width + 12 {
        let first = text::fit(label, label_width);
        let rest = " ".repeat(label_width);
        let mut lines = wrapped(value, width, &first, &rest, Style::new());
        if let Some(line) = lines.first_mut() {
            line.spans[0].style = theme.label();
        }
        lines
    } else {
        let mut lines = vec![Line::styled(text::truncate(label, width), theme.label())];
        lines.extend(wrapped(value, width, "  ", "  ", Style::new()));
        lines
    }
}

/// A bordered block with a title, styled for focus.
pub fn block<'a>(app: &App, title: &str, focused: bool, width: u16) -> Block<'a> {
    let theme = app.theme();
    let title = text::truncate(title, width.saturating_sub(4) as usize);
    Block::new()
        .borders(Borders::ALL)
        .border_set(theme.glyphs().border)
        .border_style(theme.border(focused))
        .title(Line::styled(format!(" {title} "), theme.border(focused)))
}

/// Draws `lines` in a bordered block scrolled to `scroll`, with a scrollbar on the right
/// border when they do not fit.
pub fn render_text_block(
    app: &App,
    title: &str,
    focused: bool,
    lines: Vec<Line<'static>>,
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let inner = layout::text_inner(area);
    let total = lines.len();
    let scroll = scroll.min(total.saturating_sub(inner.height as usize));
    let visible: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .take(inner.height as usize)
        .collect();
    block(app, title, focused, area.width).render(area, buf);
    Paragraph::new(visible).render(inner, buf);
    if total > inner.height as usize && area.height > 2 {
        let glyphs = app.theme().glyphs();
        let mut state = ScrollbarState::new(total.saturating_sub(inner.height as usize))
            .position(scroll)
            .viewport_content_length(inner.height as usize);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .thumb_symbol(if app.theme().ascii { "#" } else { "█" })
            .track_symbol(Some(glyphs.border.vertical_right))
            .style(app.theme().border(focused));
        let track = Rect::new(area.x, area.y + 1, area.width, area.height - 2);
        bar.render(track, buf, &mut state);
    }
}

/// Draws a list pane: the intro, the list and the detail of the selected row.
fn render_list_pane(app: &App, pane: Pane, body: Rect, buf: &mut Buffer) {
    let areas = layout::pane_areas(app, pane, body, app.focus());
    let intro = intro_text(app, pane);
    let width = layout::intro_width(body);
    let mut lines = wrapped(intro, width, " ", " ", app.theme().dim());
    if lines.len() > areas.intro.height as usize {
        lines.truncate(areas.intro.height as usize);
        // Mark the cut: the last line shown ends in an ellipsis.
        if let Some(last) = lines.last_mut() {
            let shown: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
            let cut = text::truncate(
                &format!("{shown}{}", app.theme().glyphs().ellipsis),
                width + 1,
            );
            *last = Line::styled(cut, app.theme().dim());
        }
    }
    Paragraph::new(lines).render(areas.intro, buf);
    if let Some(list) = areas.list {
        render_list(app, pane, list, buf);
    }
    if let Some(detail) = areas.detail {
        let position = app.list_position(pane).unwrap_or_default();
        let inner = layout::text_inner(detail);
        // The item's own title heads its text (wrapped, never cut); the block says where
        // in the list it stands.
        let len = app.list_len(pane);
        let title = match len {
            0 => String::new(),
            _ => format!("{}/{len}", position.selected + 1),
        };
        let lines = text_lines(app, inner.width as usize);
        render_text_block(
            app,
            &title,
            app.focus() == Focus::Detail,
            lines,
            position.detail_scroll,
            detail,
            buf,
        );
    }
}

/// Draws the list of a pane: only the rows that are visible, however long the list.
fn render_list(app: &App, pane: Pane, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let strings = app.strings();
    let focused = app.focus() == Focus::List;
    let len = app.list_len(pane);
    let title = format!("{} ({len})", strings.pane(pane));
    block(app, &title, focused, area.width).render(area, buf);
    let inner = layout::inner(area);
    if len == 0 {
        Paragraph::new(Line::styled(strings.nothing_here, theme.dim())).render(inner, buf);
        return;
    }
    let position = app.list_position(pane).unwrap_or_default();
    let marker = theme.glyphs().selected;
    let text_width = (inner.width as usize).saturating_sub(text::width(marker));
    for (y, row) in (position.offset..len)
        .take(inner.height as usize)
        .enumerate()
    {
        let selected = row == position.selected;
        let prefix = if selected { marker } else { " " };
        let label = text::fit(&row_label(app, pane, row), text_width);
        let line = Line::styled(
            format!("{}{label}", text::fit(prefix, text::width(marker))),
            theme.row(selected, focused),
        );
        let row_area = Rect::new(inner.x, inner.y + y as u16, inner.width, 1);
        line.render(row_area, buf);
    }
}
