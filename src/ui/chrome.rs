//! The frame around the panes: the title bar, the tab bar, the footer of key hints, and the
//! notice shown when the terminal is too small.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::action::Action;
use crate::app::{App, Note, SearchPosition};
use crate::geometry::{MIN_HEIGHT, MIN_WIDTH};
use crate::keymap;
use crate::text;
use crate::vocabulary::{Focus, Mode, Pane};

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
    let title = app
        .theme()
        .truncate(content.title.get(app.lang()), title_room.saturating_sub(1));
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

/// Draws the tab bar.
pub fn render_tabs(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    for tab in app.tab_labels(area) {
        if tab.x >= area.right() {
            break;
        }
        let width = tab.width.min(area.right() - tab.x);
        let style = theme.tab(tab.pane == app.pane());
        Line::styled(tab.label, style).render(Rect::new(tab.x, area.y, width, 1), buf);
    }
}

/// Draws the key hints of the current mode. When they do not all fit, the least needed go
/// first (see `keymap::footer_hints`), and the rest keep their order.
pub fn render_footer(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    if let Some(error) = app.reload_error().or(app.notice()) {
        // The pack on disk is broken: say where, until it is fixed.
        let line = theme.truncate(&theme.shown(&format!(" {error}")), area.width as usize);
        Line::styled(line, theme.warning()).render(area, buf);
        return;
    }
    let mode = app.mode();
    // Opening a detail is only offered where there is one to open, going back only from one,
    // ordering and filtering on the member table.
    let applies = |hint: &&keymap::Hint| match hint.actions[0] {
        Action::FocusDetail => app.pane().has_list() && app.focus() == Focus::List,
        Action::Back => {
            (app.pane().has_list() && app.focus() == Focus::Detail) || app.found().is_some()
        }
        Action::NextMatch => app.found().is_some(),
        Action::PrevSection => app.section_count() > 1 && app.max_text_scroll() > 0,
        Action::CycleOrder | Action::OpenFilter | Action::ToggleMap => app.pane() == Pane::Members,
        _ => true,
    };
    let groups: Vec<&keymap::Hint> = keymap::footer_hints(mode).iter().filter(applies).collect();
    let hints: Vec<(String, &str)> = groups
        .iter()
        .map(|hint| hint_label(app, mode, hint))
        .collect();
    let cost = |(keys, word): &(String, &str)| text::width(keys) + 1 + text::width(word) + 2;
    let mut shown = vec![true; hints.len()];
    // The width of the shown hints: one leading space; the last hint's two trailing spaces
    // need not fit.
    let used = |shown: &[bool]| {
        let hints_width: usize = hints
            .iter()
            .zip(shown)
            .filter(|(_, shown)| **shown)
            .map(|(hint, _)| cost(hint))
            .sum();
        1 + hints_width.saturating_sub(2)
    };
    let mut by_need: Vec<usize> = (0..groups.len()).collect();
    by_need.sort_by_key(|&i| groups[i].need);
    // The search's position comes first; the hints make room for it.
    let status = search_status(app);
    let status_width = status.as_ref().map_or(0, |s| text::width(s) + 2);
    for i in by_need {
        if used(&shown) + status_width <= area.width as usize {
            break;
        }
        shown[i] = false;
    }
    let mut spans: Vec<Span> = vec![Span::raw(" ")];
    if let Some(status) = status {
        spans.push(Span::styled(status, theme.key()));
        spans.push(Span::raw("  "));
    }
    for (hint, _) in hints.iter().zip(&shown).filter(|(_, shown)| **shown) {
        spans.push(Span::styled(hint.0.clone(), theme.key()));
        spans.push(Span::styled(format!(" {}  ", hint.1), theme.dim()));
    }
    Line::from(spans).render(area, buf);
}

/// A footer hint as shown: its keys ("Tab", "↓↑", "n/N") and its word.
pub fn hint_label(app: &App, mode: Mode, hint: &keymap::Hint) -> (String, &'static str) {
    let keys: Vec<String> = hint
        .actions
        .iter()
        .filter_map(|action| app.keymap().keys_for(mode, *action).next())
        .map(|key| key.label(app.theme().ascii))
        .collect();
    // Arrows read well side by side; letters and names need a separator.
    let arrows = keys
        .iter()
        .all(|k| k.chars().all(|c| !c.is_alphanumeric()) && text::width(k) == 1);
    let joiner = if arrows { "" } else { "/" };
    (keys.join(joiner), app.strings().hint(hint.actions[0]))
}

/// Where the accepted search stands ("match 3/7": its current occurrence among all of them,
/// "-/7" while that one is in a member the filter hides; "result 3/900" while there are too
/// many results to count their occurrences), and whether it just wrapped; or that `n` found
/// nothing to go to.
fn search_status(app: &App) -> Option<String> {
    match app.note() {
        Some(Note::NoResults) => return Some(app.strings().no_results.to_string()),
        Some(Note::NothingToCopy) => return Some(app.strings().nothing_to_copy.to_string()),
        Some(Note::Copied) => {
            let pane = app.pane();
            let row = app.list_position(pane).map_or(0, |p| p.selected);
            let title = crate::doc::item_title(app.doc_context(), pane, app.item_at(pane, row));
            return Some(format!("{}: {title}", app.strings().copied));
        }
        _ => {}
    }
    let strings = app.strings();
    let (word, at, of) = match app.search_position()? {
        SearchPosition::Occurrence { at, of } => (strings.match_word, at, of),
        SearchPosition::Result { at, of } => (strings.result_word, at, of),
    };
    let at = at.map_or("-".to_string(), |at| at.to_string());
    let mut status = format!("{word} {at}/{of}");
    if app.note() == Some(Note::SearchWrapped) {
        status.push_str(&format!(
            " {} {}",
            app.theme().glyphs().separator,
            strings.search_wrapped
        ));
    }
    Some(status)
}

/// The one line shown instead of the interface when the terminal is below the minimum.
pub fn render_too_small(app: &App, area: Rect, buf: &mut Buffer) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let theme = app.theme();
    let size = format!("{}x{} < {MIN_WIDTH}x{MIN_HEIGHT}", area.width, area.height);
    let mut lines = vec![app.strings().too_small.to_string()];
    if area.height >= 2 {
        lines.push(size);
    }
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, message) in lines.iter().enumerate() {
        let line = Line::styled(
            theme.truncate(message, area.width as usize),
            theme.warning(),
        );
        line.centered()
            .render(Rect::new(area.x, top + i as u16, area.width, 1), buf);
    }
}
