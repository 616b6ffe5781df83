//! Drawing the browser: `impl Widget for &App`, one file per view. Rendering only reads the
//! app; it never changes it.

pub mod chrome;
pub mod doc;
pub mod help;
pub mod hit;
pub mod items;
pub mod layout;
pub mod members;
pub mod overview;
pub mod present;
pub mod search;

use std::sync::Arc;

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
use doc::{Doc, DocKey, DocText};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let presenting = self.mode() == Mode::Present
            || (self.mode() == Mode::Help && self.presentation().is_some());
        if presenting {
            present::render(self, area, buf);
            if self.mode() == Mode::Help {
                help::render(self, area, buf);
            }
            return;
        }
        let Some(screen) = layout::screen(area) else {
            chrome::render_too_small(self, area, buf);
            return;
        };
        chrome::render_title(self, screen.title, buf);
        chrome::render_tabs(self, screen.tabs, buf);
        match (self.mode(), self.pane()) {
            (Mode::Search, _) => search::render(self, screen.body, buf),
            (_, Pane::Overview) => overview::render(self, screen.body, buf),
            (_, pane) => render_list_pane(self, pane, screen.body, buf),
        }
        match self.mode() {
            Mode::Search => search::render_prompt(self, screen.footer, buf),
            _ => chrome::render_footer(self, screen.footer, buf),
        }
        if self.mode() == Mode::Help {
            help::render(self, area, buf);
        }
    }
}

/// The introduction shown above a list pane.
pub fn intro_text(app: &App, pane: Pane) -> &str {
    let content = app.content();
    let lang = app.lang();
    let intro = match pane {
        Pane::Overview => None,
        Pane::Members => content.members.intro.as_ref(),
        Pane::Declaration => content.declaration.intro.as_ref(),
        Pane::Actions => content.actions.intro.as_ref(),
    };
    intro.map_or("", |t| t.get(lang))
}

/// The text of a list row of `pane`.
pub fn row_label(app: &App, pane: Pane, row: usize) -> String {
    match pane {
        Pane::Overview => String::new(),
        Pane::Members => members::row_label(app, row),
        Pane::Declaration | Pane::Actions => items::row_label(app, pane, row),
    }
}

/// The current pane's text (the overview, or the selected item's detail) at `width`
/// columns.
pub fn text_doc(app: &App, width: usize) -> Arc<DocText> {
    let pane = app.pane();
    let row = app.list_position(pane).map_or(0, |p| p.selected);
    let key = DocKey {
        pane,
        row,
        width,
        lang: app.lang(),
        highlight: app.highlight().cloned(),
    };
    app.laid_out().get_or_lay_out(key, || match pane {
        Pane::Overview => overview::doc(app, width),
        Pane::Members => members::doc(app, row, width),
        pane => items::doc(app, pane, row, width),
    })
}

/// How far the current pane's text can scroll: its length past one screenful.
pub fn max_text_scroll(app: &App) -> usize {
    let Some(area) = layout::text_area(app) else {
        return 0;
    };
    text_doc(app, area.width as usize)
        .lines
        .len()
        .saturating_sub(area.height as usize)
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
    lines: &[Line<'static>],
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let inner = layout::text_inner(area);
    let total = lines.len();
    let scroll = scroll.min(total.saturating_sub(inner.height as usize));
    block(app, title, focused, area.width).render(area, buf);
    render_lines(lines.get(scroll..).unwrap_or_default(), inner, buf);
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

/// Draws `lines` from the top of `area`, one a row, as `Paragraph::new(lines)` does (lines cut
/// at the right edge, none wrapped): a left-aligned line of single-column characters cell by
/// cell, any other through the paragraph itself. The paragraph splits every span into
/// graphemes and measures each, which was a fifth of drawing a screen of text; for such
/// characters each is one grapheme one column wide. A test holds the two equal.
pub fn render_lines(lines: &[Line], area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let simple = |span: &Span| span.content.chars().all(text::is_single_column);
    for (line, y) in lines.iter().zip(area.top()..area.bottom()) {
        let left = matches!(
            line.alignment,
            None | Some(ratatui::layout::Alignment::Left)
        );
        if !left || !line.spans.iter().all(simple) {
            Paragraph::new(line.clone()).render(
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                buf,
            );
            continue;
        }
        let mut columns = area.left()..area.right();
        for span in &line.spans {
            let style = Style::default().patch(line.style).patch(span.style);
            // Characters first: a span that ends takes no column from the next.
            for ((at, c), x) in span.content.char_indices().zip(columns.by_ref()) {
                buf[(x, y)]
                    .set_symbol(&span.content[at..at + c.len_utf8()])
                    .set_style(style);
            }
        }
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
    if total <= visible || area.height <= 2 {
        return;
    }
    let theme = app.theme();
    let mut state = ScrollbarState::new(total.saturating_sub(visible))
        .position(position)
        .viewport_content_length(visible);
    let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .thumb_symbol(if theme.ascii { "#" } else { "█" })
        .track_symbol(Some(theme.glyphs().border.vertical_right))
        .style(theme.border(focused));
    let track = Rect::new(area.x, area.y + 1, area.width, area.height - 2);
    bar.render(track, buf, &mut state);
}

/// Draws a list pane: the intro, the list and the detail of the selected row.
fn render_list_pane(app: &App, pane: Pane, body: Rect, buf: &mut Buffer) {
    let areas = layout::pane_areas(app, pane, body, app.focus());
    render_intro(app, pane, areas.intro, buf);
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
        let text = text_doc(app, inner.width as usize);
        let focused = app.focus() == Focus::Detail;
        render_text_block(
            app,
            &title,
            focused,
            &text.lines,
            position.detail_scroll,
            detail,
            buf,
        );
    }
}

/// The intro above a list pane, cut with an ellipsis when the layout gives it fewer rows
/// than it needs.
fn render_intro(app: &App, pane: Pane, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let width = layout::intro_width(area);
    let mut doc = Doc::new(app, width);
    doc.hanging(
        intro_text(app, pane),
        (" ", Style::new()),
        " ",
        app.theme().dim(),
    );
    let mut lines = doc.finish().lines;
    if lines.len() > area.height as usize {
        lines.truncate(area.height as usize);
        if let Some(last) = lines.last_mut() {
            let shown: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
            let ellipsis = app.theme().glyphs().ellipsis;
            let cut = text::truncate(&format!("{shown}{ellipsis}"), width + 1);
            *last = Line::styled(cut, app.theme().dim());
        }
    }
    render_lines(&lines, area, buf);
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
    let marker_width = text::width(marker);
    let text_width = (inner.width as usize).saturating_sub(marker_width);
    for (y, row) in (position.offset..len)
        .take(inner.height as usize)
        .enumerate()
    {
        let selected = row == position.selected;
        let style = theme.row(selected, focused);
        let prefix = text::fit(if selected { marker } else { "" }, marker_width);
        let label = text::fit(&row_label(app, pane, row), text_width);
        let marks = app
            .highlight()
            .map(|q| q.matches_in(&label))
            .unwrap_or_default();
        let mut spans = vec![Span::styled(prefix, style)];
        doc::push_marked(
            &mut spans,
            &label,
            0..label.len(),
            &marks,
            style,
            theme.mark(),
        );
        let row_area = Rect::new(inner.x, inner.y + y as u16, inner.width, 1);
        Line::from(spans).render(row_area, buf);
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::{Alignment, Rect};
    use ratatui::style::{Color, Modifier, Style};
    use ratatui::text::{Line, Span};
    use ratatui::widgets::{Paragraph, Widget};

    use super::render_lines;

    fn style(choice: u8) -> Style {
        match choice {
            0 => Style::new(),
            1 => Style::new().fg(Color::Red),
            2 => Style::new()
                .bg(Color::Indexed(24))
                .add_modifier(Modifier::BOLD),
            _ => Style::new().remove_modifier(Modifier::BOLD).fg(Color::Cyan),
        }
    }

    fn line() -> impl Strategy<Value = Line<'static>> {
        let span = ("[a ţă.]{0,9}|[a自👍\u{301}]{0,4}", 0u8..4)
            .prop_map(|(text, choice)| Span::styled(text, style(choice)));
        (proptest::collection::vec(span, 0..4), 0u8..4, 0u8..4).prop_map(
            |(spans, choice, alignment)| {
                let line = Line::from(spans).style(style(choice));
                match alignment {
                    0 => line,
                    1 => line.alignment(Alignment::Left),
                    2 => line.alignment(Alignment::Center),
                    _ => line.alignment(Alignment::Right),
                }
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn lines_are_drawn_as_a_paragraph_draws_them(
            lines in proptest::collection::vec(line(), 0..6),
            (x, y, width, height) in (0u16..3, 0u16..3, 0u16..14, 0u16..7),
        ) {
            // On a buffer that already shows something, so that cells left alone show too.
            let mut expected = Buffer::with_lines(vec!["#".repeat(17); 10]);
            expected.set_style(Rect::new(0, 0, 17, 10), Style::new().fg(Color::Green));
            let mut drawn = expected.clone();
            let area = Rect::new(x, y, width, height);
            Paragraph::new(lines.clone()).render(area, &mut expected);
            render_lines(&lines, area, &mut drawn);
            prop_assert_eq!(drawn, expected);
        }
    }
}
