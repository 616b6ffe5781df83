//! Drawing the browser: `impl Widget for &App`, one file per view. Rendering only reads the
//! app; it never changes it. Where things go comes from the geometry (through the app's
//! `layout`), and what the text says from `doc`: this layer only draws.

pub mod big_text;
pub mod chart;
pub mod chrome;
pub mod help;
pub mod map;
pub mod members;
pub mod overview;
pub mod present;
pub mod search;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use crate::app::App;
use crate::doc::{self, DocText};
use crate::geometry;
use crate::text;
use crate::vocabulary::{Focus, Mode, Pane};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let presenting = self.mode() == Mode::Present
            || (self.mode() == Mode::Help && self.presentation().is_some());
        if presenting {
            present::render(self, area, buf);
            if self.mode() == Mode::Help {
                help::render(self, buf);
            }
            return;
        }
        let Some(bands) = geometry::bands(area) else {
            chrome::render_too_small(self, area, buf);
            return;
        };
        chrome::render_title(self, bands.title, buf);
        chrome::render_tabs(self, bands.tabs, buf);
        match (self.mode(), self.pane()) {
            (Mode::Search, _) => search::render(self, bands.body, buf),
            (_, Pane::Overview) => overview::render(self, bands.body, buf),
            (_, pane) => render_list_pane(self, pane, bands.body, buf),
        }
        match self.mode() {
            Mode::Search => search::render_prompt(self, bands.footer, buf),
            Mode::Filter => search::render_filter_prompt(self, bands.footer, buf),
            _ => chrome::render_footer(self, bands.footer, buf),
        }
        if self.mode() == Mode::Help {
            help::render(self, buf);
        }
    }
}

/// A bordered block with a title, styled for focus.
pub fn block<'a>(app: &App, title: &str, focused: bool, width: u16) -> Block<'a> {
    let title = app
        .theme()
        .truncate(title, width.saturating_sub(4) as usize);
    bordered(app, focused).title(Line::styled(
        format!(" {title} "),
        app.theme().border(focused),
    ))
}

/// A bordered block without a title, styled for focus.
fn bordered<'a>(app: &App, focused: bool) -> Block<'a> {
    let theme = app.theme();
    Block::new()
        .borders(Borders::ALL)
        .border_set(theme.glyphs().border)
        .border_style(theme.border(focused))
}

/// A bordered block whose title is text the accepted search is marked in (an item's title
/// on its detail's box), its `current`th mark drawn as the current occurrence.
fn marked_block<'a>(
    app: &App,
    title: &str,
    focused: bool,
    width: u16,
    current: Option<usize>,
) -> Block<'a> {
    let theme = app.theme();
    let style = theme.border(focused);
    let title = theme.truncate(title, width.saturating_sub(4) as usize);
    let marks = app
        .highlight()
        .map(|query| query.matches_in(&title))
        .unwrap_or_default();
    let mut spans = vec![Span::styled(" ", style)];
    doc::push_marked_with_current(
        &mut spans,
        &title,
        0..title.len(),
        &marks,
        style,
        theme.mark_in(style),
        current.map(|n| (n, theme.current_mark())),
    );
    spans.push(Span::styled(" ", style));
    let spans: Vec<Span<'a>> = spans
        .into_iter()
        .map(|span| Span::styled(span.content.into_owned(), span.style))
        .collect();
    bordered(app, focused).title(Line::from(spans))
}

/// How the accepted search shows on a text block: whether its title is searched text (an
/// item's title on its detail's box), and which mark of the title or of the text is the
/// current occurrence.
#[derive(Debug, Clone, Copy, Default)]
pub struct Marking {
    pub title: bool,
    pub current_on_title: Option<usize>,
    pub current_in_text: Option<usize>,
}

/// Draws `lines` in a bordered block scrolled to `scroll`, with a scrollbar on the right
/// border when they do not fit and, on the bottom border, how far down the text the last
/// line shown is (as `less` shows it).
#[allow(clippy::too_many_arguments)] // each is one thing the block shows
pub fn render_text_block(
    app: &App,
    title: &str,
    focused: bool,
    text: &DocText,
    marking: Marking,
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let inner = geometry::text_inner(area);
    let rows = inner.height as usize;
    let total = text.len();
    let scroll = scroll.min(total.saturating_sub(rows));
    let mut frame = match marking.title {
        true => marked_block(app, title, focused, area.width, marking.current_on_title),
        false => block(app, title, focused, area.width),
    };
    if total > rows && area.width > 12 {
        let seen = (scroll + rows) * 100 / total;
        let at = Line::styled(format!(" {seen}% "), app.theme().border(focused));
        frame = frame.title_bottom(at.right_aligned());
    }
    frame.render(area, buf);
    render_lines(
        text.lines_with_current(scroll..scroll + rows, marking.current_in_text),
        inner,
        buf,
    );
    render_scrollbar(
        app,
        focused,
        total,
        inner.height as usize,
        scroll,
        area,
        buf,
    );
}

/// Draws `lines` from the top of `area`, one a row, cut at the right edge, as a paragraph
/// of them would (each line is ratatui's own widget).
pub fn render_lines<'a>(lines: impl IntoIterator<Item = Line<'a>>, area: Rect, buf: &mut Buffer) {
    for (line, y) in lines.into_iter().zip(area.top()..area.bottom()) {
        line.render(
            Rect {
                y,
                height: 1,
                ..area
            },
            buf,
        );
    }
}

/// A scrollbar over the right border of a block, when its content overflows.
pub fn render_scrollbar(
    app: &App,
    focused: bool,
    total: usize,
    visible: usize,
    position: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    if total <= visible || area.height <= 2 || area.width == 0 {
        return;
    }
    let theme = app.theme();
    let track = Rect::new(area.x, area.y + 1, area.width, area.height - 2);
    let (thumb_at, thumb_len) = geometry::scroll_thumb(track.height, total, visible, position);
    let style = theme.border(focused);
    let thumb = if theme.ascii { "#" } else { "█" };
    for row in 0..track.height {
        let symbol = match (thumb_at..thumb_at + thumb_len).contains(&row) {
            true => thumb,
            false => theme.glyphs().border.vertical_right,
        };
        // (A cell outside the buffer, on a screen smaller than the block, is skipped.)
        if let Some(cell) = buf.cell_mut((track.right() - 1, track.y + row)) {
            cell.set_symbol(symbol).set_style(style);
        }
    }
}

/// Draws a list pane: the list (with the pane's introduction) and the detail of the selected
/// row.
fn render_list_pane(app: &App, pane: Pane, body: Rect, buf: &mut Buffer) {
    let areas = app.pane_areas(pane, body, app.focus());
    let map = app.map_area(body);
    if let Some(list) = areas.list.filter(|&list| Some(list) != map) {
        render_list(app, pane, list, buf);
    }
    if let Some(map) = map {
        members::render_map(app, map, buf);
        return;
    }
    if let Some(detail) = areas.detail {
        let position = app.list_position(pane).unwrap_or_default();
        let inner = geometry::text_inner(detail);
        // The box is titled with the item's title; the text repeats it in full when it is
        // too long for the box's top (see `doc::heads_with_title`).
        let title = match app.list_len(pane) {
            0 => String::new(),
            _ => doc::item_title(
                app.doc_context(),
                pane,
                app.item_at(pane, position.selected),
            ),
        };
        let text = app.text_doc(inner.width as usize);
        let focused = app.focus() == Focus::Detail;
        let marking = Marking {
            title: true,
            current_on_title: app.current_on_title(inner.width as usize),
            current_in_text: app.current_in_text(inner.width as usize),
        };
        render_text_block(
            app,
            &title,
            focused,
            &text,
            marking,
            position.detail_scroll,
            detail,
            buf,
        );
    }
}

/// A list pane's introduction at the top of its list, cut with an ellipsis when the layout
/// gives it fewer rows than it needs.
fn render_intro(app: &App, pane: Pane, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let width = (area.width as usize).saturating_sub(2);
    let intro = doc::intro(app.doc_context(), pane, width);
    let rows = area.height as usize;
    let mut lines: Vec<Line> = intro
        .lines_with_current(0..rows, app.current_in_intro(pane))
        .collect();
    if intro.len() > rows
        && let Some(last) = lines.last_mut()
    {
        let shown: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
        let ellipsis = app.theme().glyphs().ellipsis;
        let cut = app
            .theme()
            .truncate(&format!("{shown}{ellipsis}"), width + 1);
        *last = Line::styled(cut, app.theme().dim());
    }
    render_lines(lines, area, buf);
}

/// The title of a pane's list: its name and length; for the member table, how many of all
/// the filter shows and the order, if not the source's.
fn list_title(app: &App, pane: Pane) -> String {
    let strings = app.strings();
    let len = app.list_len(pane);
    let count = match (pane, app.member_filter()) {
        (Pane::Members, Some(_)) => format!("{len}/{}", app.items_in(pane)),
        _ => format!("({len})"),
    };
    let order = match pane {
        Pane::Members => strings.orders[app.member_order() as usize],
        _ => "",
    };
    match order {
        "" => format!("{} {count}", strings.pane(pane)),
        order => format!(
            "{} {count} {} {order}",
            strings.pane(pane),
            app.theme().glyphs().separator
        ),
    }
}

/// Draws the list of a pane: only the rows that are visible, however long the list. A table
/// shows its columns' names above the rows, and as many columns as fit whole.
fn render_list(app: &App, pane: Pane, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let strings = app.strings();
    let focused = app.focus() == Focus::List;
    let len = app.list_len(pane);
    let position = app.list_position(pane).unwrap_or_default();
    let mut list_block = block(app, &list_title(app, pane), focused, area.width);
    if len > 0 && area.width > 12 {
        // Where the selection stands, on the bottom border: the detail's box bears its name.
        let at = format!(" {}/{len} ", position.selected + 1);
        list_block =
            list_block.title_bottom(Line::styled(at, theme.border(focused)).right_aligned());
    }
    list_block.render(area, buf);
    let parts = app.list_parts(pane, area);
    render_intro(app, pane, parts.intro, buf);
    if let Some(rule) = parts.rule {
        // Across the whole block, joined to its borders.
        let glyphs = theme.glyphs();
        let (left, right) = glyphs.rule_ends;
        let line = format!(
            "{left}{}{right}",
            glyphs.border.horizontal_top.repeat(rule.width as usize)
        );
        let across = Rect::new(area.x, rule.y, area.width, 1);
        Line::styled(line, theme.border(focused)).render(across, buf);
    }
    let body = parts.rows;
    if len == 0 {
        Paragraph::new(Line::styled(strings.nothing_here, theme.dim())).render(body, buf);
        return;
    }
    let marker = theme.glyphs().selected;
    let marker_width = text::width(marker);
    let text_width = (body.width as usize).saturating_sub(marker_width);
    let cx = app.doc_context();
    let columns = geometry::table_columns(
        text_width,
        app.column_widths(pane),
        geometry::kept_columns(pane),
    );
    // A row: its style over the whole width, the marker, then each column's cell at its
    // place, cut to its width, with the accepted search's words marked.
    let render_row =
        |cells: &[&str], style: Style, prefix: &str, marked: bool, row: Rect, buf: &mut Buffer| {
            buf.set_style(row, style);
            Span::styled(theme.fit(prefix, marker_width), style).render(row, buf);
            for &(column, at, width) in &columns {
                let cell = theme.fit(cells.get(column).copied().unwrap_or(""), width);
                let marks = match app.highlight() {
                    Some(query) if marked => query.matches_in(&cell),
                    _ => Vec::new(),
                };
                let mut spans = Vec::new();
                doc::push_marked(
                    &mut spans,
                    &cell,
                    0..cell.len(),
                    &marks,
                    style,
                    theme.mark_in(style),
                );
                let x = row.x + (marker_width + at) as u16;
                Line::from(spans).render(Rect::new(x, row.y, width as u16, 1), buf);
            }
        };
    if let Some(header) = parts.header {
        let names = doc::column_names(cx, pane);
        render_row(names, theme.dim(), "", false, header, buf);
    }
    for (y, row) in (position.offset..len)
        .take(body.height as usize)
        .enumerate()
    {
        let selected = row == position.selected;
        let style = theme.row(selected, focused);
        let cells = doc::row_cells(cx, pane, app.item_at(pane, row));
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        let prefix = if selected { marker } else { "" };
        let row_area = Rect::new(body.x, body.y + y as u16, body.width, 1);
        render_row(&cells, style, prefix, true, row_area, buf);
    }
}
