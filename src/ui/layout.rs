//! The geometry of the screen, as pure functions of the app and its area. Rendering, the
//! mouse hit test and `App::update` (page sizes, scroll bounds) all use these, so what is
//! drawn and what the keys and clicks do always agree.
//!
//! ```text
//! ┌ title bar ───────────────────────────────────────────┐ 1 row
//! │ tabs                                                  │ 1 row
//! │ intro (list panes, up to a quarter of the body)       │
//! │ ╭ list ──────╮╭ detail ─────────────────────────────╮ │
//! │ │            ││                                     │ │ body
//! │ ╰────────────╯╰─────────────────────────────────────╯ │
//! │ footer: key hints                                     │ 1 row
//! └───────────────────────────────────────────────────────┘
//! ```
//! Below `WIDE` columns a list pane shows either its list or its detail, as the focus says.

use ratatui::layout::Rect;

use crate::app::{App, Focus, Pane};
use crate::text;

/// The smallest terminal the browser draws itself on; below it, a one-line notice.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;

/// From this width, a list pane shows its list and its detail side by side.
pub const WIDE: u16 = 60;

/// The list column: its share of the width and its bounds.
const LIST_MIN_WIDTH: u16 = 16;
const LIST_MAX_SHARE: u16 = 40; // percent
/// Columns a list row needs besides its text: two borders and the selection marker.
const LIST_CHROME: u16 = 4;

/// The four horizontal bands of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub title: Rect,
    pub tabs: Rect,
    pub body: Rect,
    pub footer: Rect,
}

/// The bands of `area`, or `None` when it is below the minimum size.
pub fn screen(area: Rect) -> Option<Screen> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let row = |y, height| Rect::new(area.x, y, area.width, height);
    Some(Screen {
        title: row(area.y, 1),
        tabs: row(area.y + 1, 1),
        body: row(area.y + 2, area.height - 3),
        footer: row(area.bottom() - 1, 1),
    })
}

/// The parts of a list pane's body. `list` and `detail` are the outer rectangles of their
/// blocks; either is `None` when the pane is too narrow to show both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneAreas {
    pub intro: Rect,
    pub list: Option<Rect>,
    pub detail: Option<Rect>,
}

/// The intro paragraph's lines at a body width (one column of padding each side).
pub fn intro_width(body: Rect) -> usize {
    body.width.saturating_sub(2) as usize
}

/// How the body of a list pane is divided, for a given focus.
pub fn pane_areas(app: &App, pane: Pane, body: Rect, focus: Focus) -> PaneAreas {
    let (intro, rest) = below_intro(app, pane, body);
    if rest.width < WIDE {
        return match focus {
            Focus::List => PaneAreas {
                intro,
                list: Some(rest),
                detail: None,
            },
            Focus::Detail => PaneAreas {
                intro,
                list: None,
                detail: Some(rest),
            },
        };
    }
    let wanted = app.widest_row(pane) as u16 + LIST_CHROME;
    let list_width = wanted
        .min(rest.width * LIST_MAX_SHARE / 100)
        .max(LIST_MIN_WIDTH);
    let (list, detail) = side_by_side(rest, list_width);
    PaneAreas {
        intro,
        list: Some(list),
        detail: Some(detail),
    }
}

/// `area` cut in two side by side, the left part `left_width` columns wide (at most all of it).
pub fn side_by_side(area: Rect, left_width: u16) -> (Rect, Rect) {
    let left_width = left_width.min(area.width);
    (
        Rect::new(area.x, area.y, left_width, area.height),
        Rect::new(
            area.x + left_width,
            area.y,
            area.width - left_width,
            area.height,
        ),
    )
}

/// The inside of a bordered block.
pub fn inner(block: Rect) -> Rect {
    Rect::new(
        block.x.saturating_add(1),
        block.y.saturating_add(1),
        block.width.saturating_sub(2),
        block.height.saturating_sub(2),
    )
}

/// The inside of a bordered block of text, with a column of padding each side when the
/// block is wide enough to spare them.
pub fn text_inner(block: Rect) -> Rect {
    let inner = inner(block);
    if inner.width > 8 {
        Rect::new(inner.x + 1, inner.y, inner.width - 2, inner.height)
    } else {
        inner
    }
}

/// The introduction of a list pane at the top of `body`, and the rest of `body` (where the
/// list and the detail go, side by side or one at a time).
fn below_intro(app: &App, pane: Pane, body: Rect) -> (Rect, Rect) {
    let intro = crate::ui::intro_text(app, pane);
    let intro_lines = match intro.is_empty() {
        true => 0,
        false => text::wrap(intro, intro_width(body)).len(),
    };
    let intro_height = (intro_lines as u16).min(body.height / 4);
    let intro = Rect::new(body.x, body.y, body.width, intro_height);
    let rest = Rect::new(
        body.x,
        body.y + intro_height,
        body.width,
        body.height - intro_height,
    );
    (intro, rest)
}

/// The rows a pane's list shows at once (as if the list were on screen). The list has the
/// height of what is below the introduction whatever its width, so its rows are known
/// without measuring its labels.
pub fn list_rows_of(app: &App, pane: Pane) -> usize {
    let Some(screen) = screen(app.area()) else {
        return 0;
    };
    match pane {
        Pane::Overview => 0,
        _ => inner(below_intro(app, pane, screen.body).1).height as usize,
    }
}

/// The rows the current pane's list shows at once.
pub fn list_rows(app: &App) -> usize {
    list_rows_of(app, app.pane())
}

/// Where the current pane's text is drawn: the overview, or the selected item's detail.
pub fn text_area(app: &App) -> Option<Rect> {
    let screen = screen(app.area())?;
    if app.pane() == Pane::Overview {
        return Some(text_inner(screen.body));
    }
    // The detail's width is the same whichever column has the focus when both are shown;
    // when only one is, it takes the whole width.
    let areas = pane_areas(app, app.pane(), screen.body, Focus::Detail);
    areas.detail.map(text_inner)
}

/// The rows of text the current pane shows at once.
pub fn text_rows(app: &App) -> usize {
    text_area(app).map_or(0, |a| a.height as usize)
}

/// The columns the current pane's text is wrapped to.
pub fn text_width(app: &App) -> usize {
    text_area(app).map_or(0, |a| a.width as usize)
}
