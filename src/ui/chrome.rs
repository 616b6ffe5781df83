//! The frame around the panes: the title bar, the tab bar, the footer of key hints, and the
//! notice shown when the terminal is too small.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::{App, Pane};
use crate::keymap;
use crate::text;
use crate::ui::layout::{MIN_HEIGHT, MIN_WIDTH};

/// Draws the pack's title on the left and the languages on the right, the current one
/// in capitals.
pub fn render_title(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    buf.set_style(area, theme.title_bar());
    let content = app.content();
    let languages: Vec<String> = content
        .languages
        .iter()
        .enumerate()
        .map(|(i, tag)| match i == app.lang().index() {
            true => format!("[{}]", tag.to_uppercase()),
            false => tag.to_lowercase(),
        })
        .collect();
    let languages = format!("{} ", languages.join(" "));
    let width = area.width as usize;
    let right = if text::width(&languages) + 12 <= width {
        languages
    } else {
        String::new()
    };
    let title_room = width.saturating_sub(text::width(&right) + 1);
    let title = text::truncate(content.title.get(app.lang()), title_room.saturating_sub(1));
    Line::from(format!(" {title}")).render(area, buf);
    let right_width = text::width(&right) as u16;
    let right_area = Rect::new(
        area.right() - right_width.min(area.width),
        area.y,
        right_width.min(area.width),
        1,
    );
    Line::from(right).render(right_area, buf);
}

/// A tab's label and the columns it takes, from `x`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TabLabel {
    pub pane: Pane,
    pub label: String,
    pub x: u16,
    pub width: u16,
}

/// The tabs as they fit in `width`: full names if they can, else the current tab named and
/// the others by number.
pub fn tab_labels(app: &App, area: Rect) -> Vec<TabLabel> {
    let strings = app.strings();
    let full = |pane: Pane| match pane {
        Pane::Members => format!(
            " {} {} ({}) ",
            pane.index() + 1,
            strings.pane(pane),
            app.list_len(pane)
        ),
        _ => format!(" {} {} ", pane.index() + 1, strings.pane(pane)),
    };
    let short = |pane: Pane| match pane == app.pane() {
        true => full(pane),
        false => format!(" {} ", pane.index() + 1),
    };
    let layout = |label: &dyn Fn(Pane) -> String| {
        let mut x = area.x;
        Pane::ALL
            .iter()
            .map(|&pane| {
                let label = label(pane);
                let width = text::width(&label) as u16;
                let tab = TabLabel {
                    pane,
                    label,
                    x,
                    width,
                };
                x = x.saturating_add(width);
                tab
            })
            .collect::<Vec<_>>()
    };
    let tabs = layout(&full);
    let fits = |tabs: &[TabLabel]| {
        tabs.iter().map(|t| t.width as usize).sum::<usize>() <= area.width as usize
    };
    if fits(&tabs) {
        return tabs;
    }
    let mut tabs = layout(&short);
    // On the narrowest screens even the current tab's name may not fit: cut it.
    let others: u16 = tabs
        .iter()
        .filter(|t| t.pane != app.pane())
        .map(|t| t.width)
        .sum();
    let room = area.width.saturating_sub(others);
    let mut x = area.x;
    for tab in &mut tabs {
        if tab.pane == app.pane() && tab.width > room {
            tab.label = text::truncate(&tab.label, room as usize);
            tab.width = text::width(&tab.label) as u16;
        }
        tab.x = x;
        x = x.saturating_add(tab.width);
    }
    tabs
}

/// Draws the tab bar.
pub fn render_tabs(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    for tab in tab_labels(app, area) {
        if tab.x >= area.right() {
            break;
        }
        let width = tab.width.min(area.right() - tab.x);
        let style = theme.tab(tab.pane == app.pane());
        Line::styled(tab.label, style).render(Rect::new(tab.x, area.y, width, 1), buf);
    }
}

/// Draws the key hints of the current mode, as many whole hints as fit.
pub fn render_footer(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let strings = app.strings();
    let mode = app.mode();
    let mut spans: Vec<Span> = vec![Span::raw(" ")];
    let mut used = 1;
    for group in keymap::footer_groups(mode) {
        let keys: Vec<String> = group
            .iter()
            .filter_map(|action| keymap::keys_for(mode, *action).next())
            .map(|key| key.label(theme.ascii))
            .collect();
        let joiner = if keys.iter().all(|k| text::width(k) == 1) {
            ""
        } else {
            "/"
        };
        let keys = keys.join(joiner);
        let word = strings.hint(group[0]);
        let hint_width = text::width(&keys) + 1 + text::width(word) + 2;
        if used + hint_width > area.width as usize {
            break;
        }
        used += hint_width;
        spans.push(Span::styled(keys, theme.key()));
        spans.push(Span::styled(format!(" {word}  "), theme.dim()));
    }
    Line::from(spans).render(area, buf);
}

/// The one line shown instead of the interface when the terminal is below the minimum.
pub fn render_too_small(app: &App, area: Rect, buf: &mut Buffer) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let message = format!(
        "{}: {}x{} < {MIN_WIDTH}x{MIN_HEIGHT}",
        app.strings().too_small,
        area.width,
        area.height
    );
    let message = text::truncate(&message, area.width as usize);
    let y = area.y + area.height / 2;
    let line = Line::styled(message, app.theme().warning());
    line.centered()
        .render(Rect::new(area.x, y, area.width, 1), buf);
}
