//! The search: the prompt on the bottom line, and the results over the panes, each with its
//! pane, its title and the match in context.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::app::App;
use crate::doc;
use crate::geometry;
use crate::keymap;
use crate::text;
use crate::ui::{block, chrome, render_scrollbar};
use crate::vocabulary::Mode;

/// Draws the results in the body.
pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let strings = app.strings();
    let Some(prompt) = app.prompt() else {
        return;
    };
    let Some(layout) = app.results_layout() else {
        return;
    };
    let inner = geometry::inner(body);
    let count = match (prompt.query.trim().is_empty(), prompt.hits.len()) {
        (true, _) => strings.search_hint.to_string(),
        (false, n) => strings.results(n),
    };
    let lines_per_result = layout.lines_per_result();
    if layout.compact {
        let title = format!(
            "{} {} {count}",
            strings.search_title,
            theme.glyphs().separator
        );
        block(app, &title, true, body.width).render(body, buf);
    } else {
        block(app, strings.search_title, true, body.width).render(body, buf);
        let count_area = Rect::new(inner.x + 1, inner.y, inner.width.saturating_sub(2), 1);
        Line::styled(
            text::truncate(&count, count_area.width as usize),
            theme.dim(),
        )
        .render(count_area, buf);
    }
    let area = layout.list;
    let content = app.content();
    let marker = theme.glyphs().selected;
    let width = area.width as usize;
    for (slot, index) in (prompt.offset..prompt.hits.len())
        .take(layout.visible())
        .enumerate()
    {
        let hit = &prompt.hits[index];
        let selected = index == prompt.selected;
        let style = theme.row(selected, true);
        let target = hit.target;
        let title = match target.title(content, app.lang()) {
            "" => strings.pane(target.pane()).to_string(),
            title => title.to_string(),
        };
        let separator = theme.glyphs().separator;
        let heading = format!(
            "{}{} {separator} {title}",
            text::fit(if selected { marker } else { "" }, text::width(marker)),
            strings.pane(target.pane())
        );
        let y = area.y + slot as u16 * lines_per_result;
        let heading = Line::styled(
            text::fit(&heading, width),
            style.add_modifier(Modifier::BOLD),
        );
        heading.render(Rect::new(area.x, y, area.width, 1), buf);
        let snippet = hit.snippet(content, width.saturating_sub(3));
        let mut spans = vec![Span::raw("   ")];
        let end = snippet.text.len();
        doc::push_marked(
            &mut spans,
            &snippet.text,
            0..end,
            &[snippet.mark],
            Style::new(),
            theme.mark(),
        );
        if lines_per_result > 1 && y + 1 < area.bottom() {
            Line::from(spans).render(Rect::new(area.x, y + 1, area.width, 1), buf);
        }
    }
    let visible = layout.visible();
    render_scrollbar(
        app,
        true,
        prompt.hits.len(),
        visible,
        prompt.offset,
        body,
        buf,
    );
}

/// Draws the prompt on the bottom line: the query with a cursor, and the keys of the search
/// on the right where there is room.
pub fn render_prompt(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let Some(prompt) = app.prompt() else {
        return;
    };
    let width = area.width as usize;
    // The end of a long query stays in view, where the typing happens.
    let room = width.saturating_sub(3);
    let mut query = prompt.query.as_str();
    while text::width(query) > room {
        let mut chars = query.chars();
        chars.next();
        query = chars.as_str();
    }
    let cursor = Span::styled(" ", Style::new().add_modifier(Modifier::REVERSED));
    Line::from(vec![
        Span::styled("/", theme.key()),
        Span::raw(query.to_string()),
        cursor,
    ])
    .render(area, buf);
    let used = 1 + text::width(query) + 1;
    let hints: Vec<String> = keymap::footer_hints(Mode::Search)
        .iter()
        .map(|hint| {
            let (keys, word) = chrome::hint_label(app, Mode::Search, hint);
            format!("{keys} {word}")
        })
        .collect();
    let hints = hints.join("  ");
    let hints_width = text::width(&hints) + 1;
    if used + 2 + hints_width <= width {
        let x = area.right() - hints_width as u16;
        Paragraph::new(Line::styled(hints, theme.dim()))
            .render(Rect::new(x, area.y, hints_width as u16, 1), buf);
    }
}
