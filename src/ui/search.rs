//! The search: the prompt on the bottom line, and the results over the panes, each with its
//! pane, its title and the match in context.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::action::Action;
use crate::app::{App, Note};
use crate::doc;
use crate::geometry;
use crate::keymap;
use crate::search::{FieldKind, MAX_QUERY_CHARS, Query, Target, field_text};
use crate::text;
use crate::ui::{block, chrome, render_scrollbar};
use crate::vocabulary::{Mode, Pane};

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
            theme.truncate(&count, count_area.width as usize),
            theme.dim(),
        )
        .render(count_area, buf);
    }
    let area = layout.list;
    let content = app.content();
    let query = Query::new(&prompt.query);
    let marker = theme.glyphs().selected;
    let ellipsis = theme.glyphs().ellipsis;
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
        let prefix = format!(
            "{}{} {separator} ",
            theme.fit(if selected { marker } else { "" }, text::width(marker)),
            strings.pane(target.pane())
        );
        let heading = theme.fit(&format!("{prefix}{title}"), width);
        let heading_style = style.add_modifier(Modifier::BOLD);
        // A match in the title is marked there, and the context below is what follows the
        // title rather than the title again.
        let in_title = *hit.text(content) == *title;
        let title_marks: Vec<Range<usize>> = match in_title {
            true => query
                .matches_in(&heading)
                .into_iter()
                .filter(|m| m.start >= prefix.len())
                .collect(),
            false => Vec::new(),
        };
        let y = area.y + slot as u16 * lines_per_result;
        let mut spans = Vec::new();
        doc::push_marked(
            &mut spans,
            &heading,
            0..heading.len(),
            &title_marks,
            heading_style,
            theme.mark_in(heading_style),
        );
        Line::from(spans).render(Rect::new(area.x, y, area.width, 1), buf);
        let room = width.saturating_sub(3);
        let context = match in_title {
            true => theme.truncate(&context_after_title(app, target), room),
            false => hit.snippet(content, room, ellipsis).text,
        };
        // Every word of the query where it stands in the context, not only the best one.
        let mut marks = query.matches_in(&context);
        if marks.is_empty() && !in_title {
            marks.push(hit.snippet(content, room, ellipsis).mark);
        }
        let mut spans = vec![Span::raw("   ")];
        doc::push_marked(
            &mut spans,
            &context,
            0..context.len(),
            &marks,
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

/// Draws the search prompt on the bottom line.
pub fn render_prompt(app: &App, area: Rect, buf: &mut Buffer) {
    if let Some(prompt) = app.prompt() {
        render_typing(app, Mode::Search, "/", &prompt.query, area, buf);
    }
}

/// Draws the member filter's prompt on the bottom line.
pub fn render_filter_prompt(app: &App, area: Rect, buf: &mut Buffer) {
    if let Some(filter) = app.member_filter() {
        let sign = format!("{} ", app.strings().filter_label);
        render_typing(app, Mode::Filter, &sign, &filter.text, area, buf);
    }
}

/// Draws a prompt of `mode` on the bottom line: `sign`, the text typed with a cursor, and on
/// the right the keys of the mode where there is room, or, once the text is full, a note that
/// says so.
fn render_typing(app: &App, mode: Mode, sign: &str, typed: &str, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let width = area.width as usize;
    let sign = theme.truncate(sign, width.saturating_sub(2));
    let sign_width = text::width(&sign);
    // Typing into a full text does nothing: the note says why. It keeps the sign, the cursor
    // and a space before it.
    // Enter on a search without results says so in the same place.
    let no_results = mode == Mode::Search && app.note() == Some(Note::NoResults);
    let full_note = match (typed.chars().count() >= MAX_QUERY_CHARS, no_results) {
        (true, _) => Some(app.strings().query_full(MAX_QUERY_CHARS)),
        (false, true) => Some(app.strings().no_results.to_string()),
        (false, false) => None,
    }
    .map(|note| theme.truncate(&note, width.saturating_sub(sign_width + 3)));
    // With its trailing space.
    let note_width = full_note.as_deref().map_or(0, |note| text::width(note) + 1);
    // The end of a long text stays in view, where the typing happens.
    let room = width.saturating_sub(sign_width + 2 + note_width);
    // What was typed is shown as the terminal can show it; the search folds marks away, so
    // "ţară" and its ASCII form "tara" find the same.
    let typed = theme.shown(typed);
    let mut shown = typed.as_ref();
    while text::width(shown) > room {
        let mut chars = shown.chars();
        chars.next();
        shown = chars.as_str();
    }
    let cursor = Span::styled(" ", Style::new().add_modifier(Modifier::REVERSED));
    Line::from(vec![
        Span::styled(sign.clone(), theme.key()),
        Span::raw(shown.to_string()),
        cursor,
    ])
    .render(area, buf);
    if let Some(note) = full_note {
        let note_width = (note_width as u16).min(area.width);
        let x = area.right() - note_width;
        Line::styled(note, theme.warning()).render(Rect::new(x, area.y, note_width, 1), buf);
        return;
    }
    let used = sign_width + text::width(shown) + 1;
    // Enter is offered only where it has a result to open.
    let nothing_found = mode == Mode::Search
        && app
            .prompt()
            .is_some_and(|p| p.hits.is_empty() && !p.query.trim().is_empty());
    let hints: Vec<String> = keymap::footer_hints(mode)
        .iter()
        .filter(|hint| !(nothing_found && hint.actions[0] == Action::AcceptSearch))
        .map(|hint| {
            let (keys, word) = chrome::hint_label(app, mode, hint);
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

/// What a result shows under its title when the match is the title: a member's code, region
/// and year; the beginning of an item's or a section's text; a conference's date and text.
fn context_after_title(app: &App, target: Target) -> String {
    let content = app.content();
    let lang = app.lang();
    let separator = app.theme().glyphs().separator;
    match target {
        Target::Member(i) => {
            let cells = doc::row_cells(app.doc_context(), Pane::Members, i);
            let mut parts: Vec<&str> = Vec::new();
            for column in [0, 2, 3] {
                if let Some(cell) = cells.get(column).filter(|c| !c.is_empty()) {
                    parts.push(cell);
                }
            }
            parts.join(&format!(" {separator} "))
        }
        Target::Event(_) => {
            let date = field_text(content, target, FieldKind::Date, lang);
            let body = field_text(content, target, FieldKind::Body, lang);
            format!("{date} {separator} {body}").replace('\n', " ")
        }
        _ => field_text(content, target, FieldKind::Body, lang).replace('\n', " "),
    }
}
