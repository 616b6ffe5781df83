//! The geometry of the screen: where each part of each view goes, as pure functions of
//! explicit inputs (the terminal's area and a few measured numbers, such as the lines of a
//! pane's introduction or the width of its widest row). Rendering, the mouse and
//! `App::update` (page sizes, scroll bounds) all take their rectangles from here, so what is
//! drawn, what a click hits and how far a page goes always agree.
//!
//! ```text
//! ┌ title bar ───────────────────────────────────────────┐ 1 row
//! │ tabs                                                  │ 1 row
//! │ ╭ list ──────╮╭ detail ─────────────────────────────╮ │
//! │ │ intro      ││                                     │ │ body
//! │ │ rows       ││                                     │ │
//! │ ╰────────────╯╰─────────────────────────────────────╯ │
//! │ footer: key hints                                     │ 1 row
//! └───────────────────────────────────────────────────────┘
//! ```
//! Below `WIDE` columns a list pane shows either its list or its detail, as the focus says.

use std::ops::Range;

use ratatui::layout::{Position, Rect};

use crate::text;
use crate::vocabulary::{Focus, Pane};

/// The smallest terminal the browser draws itself on; below it, a one-line notice.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;

/// From this width, a list pane shows its list and its detail side by side.
pub const WIDE: u16 = 60;

/// The list column: its share of the width and its bounds.
const LIST_MIN_WIDTH: u16 = 16;
const LIST_MAX_SHARE: u16 = 45; // percent
/// A table's share: its columns answer at a glance, and its rows' detail is short.
const TABLE_MAX_SHARE: u16 = 60; // percent
/// Columns between two columns of a table.
pub const COLUMN_GAP: usize = 2;
/// Columns a list row needs besides its text: two borders and the selection marker.
const LIST_CHROME: u16 = 4;

/// The widest the help box gets.
const HELP_MAX_WIDTH: u16 = 72;

/// Below this many rows inside the search results' frame, the list is compact: the count goes
/// into the frame's title and each result takes one line (its pane and title, no context).
const COMPACT_RESULTS_BELOW: u16 = 5;

/// The speaker's view puts its panel beside the slide from this width.
const SPEAKER_PANEL_FROM: u16 = 60;

/// The four horizontal bands of the browser's screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bands {
    pub title: Rect,
    pub tabs: Rect,
    pub body: Rect,
    pub footer: Rect,
}

/// The bands of `area`, or `None` when it is below the minimum size.
pub fn bands(area: Rect) -> Option<Bands> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let row = |y, height| Rect::new(area.x, y, area.width, height);
    Some(Bands {
        title: row(area.y, 1),
        tabs: row(area.y + 1, 1),
        body: row(area.y + 2, area.height - 3),
        footer: row(area.bottom() - 1, 1),
    })
}

/// The rows inside the body's frame, where text moves up and down as it scrolls (the frame's
/// top and bottom borders stay where they are): the rows worth asking the terminal to scroll.
pub fn scrolling_rows(area: Rect, pane: Pane, years: usize) -> Option<Range<u16>> {
    let mut body = bands(area)?.body;
    // Above the overview's text, its glance stays where it is.
    if pane == Pane::Overview
        && let Some(glance) = glance(body, years)
    {
        body = glance.text;
    }
    Some(body.y + 1..body.bottom().saturating_sub(1))
}

/// How the body of a list pane is divided: its list and the detail of the selected row, in
/// blocks; either is `None` when the pane is too narrow to show both. Every list pane has
/// this shape, its introduction inside the list's block, so that moving between panes moves
/// no box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneAreas {
    pub list: Option<Rect>,
    pub detail: Option<Rect>,
}

/// How the body of a list pane is divided, for a given focus: `columns` is the width of the
/// widest cell of each of its columns (a list that is not a table has one). A table is as
/// wide as the columns that fit in its share of the width, so that the detail gets the rest.
pub fn pane_areas(body: Rect, pane: Pane, columns: &[usize], focus: Focus) -> PaneAreas {
    let share = if pane.is_table() {
        TABLE_MAX_SHARE
    } else {
        LIST_MAX_SHARE
    };
    divide_pane(body, pane, columns, focus, share)
}

/// How the body of the members pane is divided while its map is shown beside the table:
/// as for a list, the map taking the detail's place and the larger share of the width.
pub fn pane_areas_beside_map(body: Rect, pane: Pane, columns: &[usize], focus: Focus) -> PaneAreas {
    divide_pane(body, pane, columns, focus, LIST_MAX_SHARE)
}

/// The list's share of the width is at most `share` percent.
fn divide_pane(body: Rect, pane: Pane, columns: &[usize], focus: Focus, share: u16) -> PaneAreas {
    if body.width < WIDE {
        return match focus {
            Focus::List => PaneAreas {
                list: Some(body),
                detail: None,
            },
            Focus::Detail => PaneAreas {
                list: None,
                detail: Some(body),
            },
        };
    }
    let most = body.width * share / 100;
    let fitting = table_columns(
        most.saturating_sub(LIST_CHROME) as usize,
        columns,
        kept_columns(pane),
    );
    let row = fitting.last().map_or(0, |&(_, x, width)| x + width);
    let wanted = u16::try_from(row)
        .unwrap_or(u16::MAX)
        .saturating_add(LIST_CHROME);
    let list_width = wanted.min(most).max(LIST_MIN_WIDTH);
    let (list, detail) = side_by_side(body, list_width);
    PaneAreas {
        list: Some(list),
        detail: Some(detail),
    }
}

/// The parts inside a list's block, top to bottom: the pane's introduction (dim, at most a
/// third of the block) and a rule below it where the third has room for both, the row of
/// column names of a table, and the rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListParts {
    pub intro: Rect,
    pub rule: Option<Rect>,
    pub header: Option<Rect>,
    pub rows: Rect,
}

/// The width a pane's introduction is wrapped to inside the list's block `list`: its inner
/// width less a column of padding each side.
pub fn list_intro_width(list: Rect) -> usize {
    inner(list).width.saturating_sub(2) as usize
}

/// The parts of the list block `list` of `pane`, whose introduction is `intro_lines` long
/// at [`list_intro_width`]. The introduction takes at most a third of the block and a
/// table's names are shown only with a row below them, so a row is always shown.
pub fn list_parts(list: Rect, pane: Pane, intro_lines: usize) -> ListParts {
    let inner = inner(list);
    let third = inner.height / 3;
    let intro_height = u16::try_from(intro_lines).unwrap_or(u16::MAX).min(third);
    let intro = Rect::new(inner.x, inner.y, inner.width, intro_height);
    let rule = (intro_height > 0 && intro_height < third)
        .then(|| Rect::new(inner.x, inner.y + intro_height, inner.width, 1));
    let top = intro_height + u16::from(rule.is_some());
    let below = Rect::new(inner.x, inner.y + top, inner.width, inner.height - top);
    let (header, rows) = if pane.is_table() && below.height > 1 {
        (
            Some(Rect::new(below.x, below.y, below.width, 1)),
            Rect::new(below.x, below.y + 1, below.width, below.height - 1),
        )
    } else {
        (None, below)
    };
    ListParts {
        intro,
        rule,
        header,
        rows,
    }
}

/// The columns of `pane`'s table beyond the code and the name, in the order they are kept
/// as the width shrinks: the member table keeps the year before the region.
pub fn kept_columns(pane: Pane) -> &'static [usize] {
    match pane {
        Pane::Members => &[3, 2],
        Pane::Overview | Pane::Declaration | Pane::Actions => &[],
    }
}

/// Which columns of a table fit in `width` and where, given the widest text of each
/// column: `(column, x from the left, width)`, in the columns' order. The first two columns
/// (a code and a name) are always shown, the name taking what is left; the others only
/// whole, in the order of `keep` (the most needed first) while they fit.
pub fn table_columns(width: usize, widest: &[usize], keep: &[usize]) -> Vec<(usize, usize, usize)> {
    let Some(&first) = widest.first() else {
        return Vec::new();
    };
    let name = widest.get(1).copied().unwrap_or(0);
    let mut shown: Vec<usize> = vec![0];
    if widest.len() > 1 {
        shown.push(1);
    }
    let mut used = first
        + if widest.len() > 1 {
            COLUMN_GAP + name
        } else {
            0
        };
    for &column in keep {
        let Some(&w) = widest.get(column).filter(|_| column > 1) else {
            continue;
        };
        if used + COLUMN_GAP + w <= width {
            used += COLUMN_GAP + w;
            shown.push(column);
        }
    }
    shown.sort_unstable();
    let mut x = 0;
    let mut columns = Vec::with_capacity(shown.len());
    for (at, &column) in shown.iter().enumerate() {
        let last = at + 1 == shown.len();
        let wanted = if column == 1 {
            // The name is cut to the room the whole columns after it leave.
            let after: usize = shown[at + 1..]
                .iter()
                .map(|&c| COLUMN_GAP + widest[c])
                .sum();
            name.min(width.saturating_sub(x + after))
        } else {
            widest[column]
        };
        let w = wanted.min(width.saturating_sub(x));
        columns.push((column, x, w));
        x += w;
        if !last {
            x = (x + COLUMN_GAP).min(width);
        }
    }
    columns
}

/// Where a pane's text is drawn: the overview's, or the selected item's detail. The detail's
/// width is the same whichever column has the focus when both are shown; when only one is,
/// it takes the whole width.
/// `years` is the length of the growth the overview's glance shows.
pub fn text_area(body: Rect, pane: Pane, columns: &[usize], years: usize) -> Option<Rect> {
    if !pane.has_list() {
        let text = glance(body, years).map_or(body, |glance| glance.text);
        return Some(text_inner(text));
    }
    pane_areas(body, pane, columns, Focus::Detail)
        .detail
        .map(text_inner)
}

/// The smallest world map worth drawing; below it, words say the room is too small.
pub const MAP_MIN_WIDTH: u16 = 30;
pub const MAP_MIN_HEIGHT: u16 = 10;
/// The rows a timeline of conferences is given: its years, its line and its places (long
/// places are shortened to their share of the width).
pub const TIMELINE_ROWS: u16 = 3;

/// The overview's "at a glance" block above its text: the counts, then the growth chart and
/// the timeline of conferences, side by side where the width allows and one above the other
/// where it does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GlanceAreas {
    /// The bordered block around it all.
    pub block: Rect,
    pub counts: Rect,
    pub growth: Rect,
    pub timeline: Rect,
    /// What is left for the overview's text.
    pub text: Rect,
}

/// Rows the overview's text keeps below the glance at least; with fewer, there is no glance.
const OVERVIEW_TEXT_MIN_ROWS: u16 = 6;
/// From this inner width, the growth and the timeline sit side by side.
const GLANCE_SIDE_BY_SIDE: u16 = 70;

/// Where the overview's glance goes in `body`, for a growth of `years` years; `None` when the
/// body is too small for it and the text together (the text is shown alone).
pub fn glance(body: Rect, years: usize) -> Option<GlanceAreas> {
    let inner_width = body.width.saturating_sub(2);
    if inner_width < MIN_WIDTH {
        return None;
    }
    let counts_rows: u16 = if inner_width >= 64 { 1 } else { 2 };
    // The growth is grouped into ranges of years to fit its rows (`ui::chart::group_years`).
    let years = u16::try_from(years).unwrap_or(u16::MAX);
    let side_by_side = inner_width >= GLANCE_SIDE_BY_SIDE;
    let (growth_rows, timeline_rows) = match side_by_side {
        true => {
            let rows = years.clamp(4, 6);
            (rows, rows)
        }
        false => (years.clamp(1, 4), TIMELINE_ROWS),
    };
    let charts_rows = match side_by_side {
        true => growth_rows,
        false => growth_rows + 1 + timeline_rows,
    };
    let block_height = 2 + counts_rows + 1 + charts_rows;
    if body.height < block_height + OVERVIEW_TEXT_MIN_ROWS {
        return None;
    }
    let block = Rect::new(body.x, body.y, body.width, block_height);
    let inner = inner(block);
    let inner = Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    );
    let counts = Rect::new(inner.x, inner.y, inner.width, counts_rows);
    let charts_top = inner.y + counts_rows + 1;
    let (growth, timeline) = if side_by_side {
        let growth_width = inner.width * 45 / 100;
        let growth = Rect::new(inner.x, charts_top, growth_width, growth_rows);
        let timeline = Rect::new(
            inner.x + growth_width + 2,
            charts_top,
            inner.width.saturating_sub(growth_width + 2),
            timeline_rows,
        );
        (growth, timeline)
    } else {
        let growth = Rect::new(inner.x, charts_top, inner.width, growth_rows);
        let timeline = Rect::new(
            inner.x,
            charts_top + growth_rows + 1,
            inner.width,
            timeline_rows,
        );
        (growth, timeline)
    };
    let text = Rect::new(
        body.x,
        body.y + block_height,
        body.width,
        body.height - block_height,
    );
    Some(GlanceAreas {
        block,
        counts,
        growth,
        timeline,
        text,
    })
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

/// The list row under `at`, in a list whose block's inside is `inner`, showing rows from
/// `offset` of `len`.
pub fn row_at(inner: Rect, offset: usize, len: usize, at: Position) -> Option<usize> {
    if !inner.contains(at) {
        return None;
    }
    let row = offset + (at.y - inner.y) as usize;
    (row < len).then_some(row)
}

/// Where the help box may go: the screen above the footer, which stays visible below the box
/// (it shows how to close it); the whole screen when the browser does not fit.
fn help_room(area: Rect) -> Rect {
    match bands(area) {
        Some(bands) => Rect::new(
            bands.title.x,
            bands.title.y,
            bands.title.width,
            bands.footer.y - bands.title.y,
        ),
        None => area,
    }
}

/// `size` less a margin, where there is room for one.
fn with_margin(size: u16, margin: u16) -> u16 {
    match size >= 24 + margin {
        true => size - margin,
        false => size,
    }
}

/// Where the help box is drawn: centred, with a margin where the screen has room for one.
/// Its size depends on the screen alone, so that a click is placed without laying out the
/// help text; the text scrolls inside it.
pub fn help_area(area: Rect) -> Rect {
    let room = help_room(area);
    let width = with_margin(room.width, 4).min(HELP_MAX_WIDTH);
    let height = with_margin(room.height, 2);
    Rect::new(
        room.x + (room.width - width) / 2,
        room.y + (room.height - height) / 2,
        width,
        height,
    )
}

/// Where the search results go on a screen of `area`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResultsLayout {
    /// The frame around the results (the body).
    pub frame: Rect,
    /// Where the results are listed (inside the frame, below the count line unless compact).
    pub list: Rect,
    /// The count goes into the frame's title and each result takes one line.
    pub compact: bool,
}

impl ResultsLayout {
    /// Lines each result takes: its pane and title, then the match in context (one line when
    /// compact).
    pub fn lines_per_result(&self) -> u16 {
        if self.compact { 1 } else { 2 }
    }

    /// How many results are shown at once.
    pub fn visible(&self) -> usize {
        (self.list.height / self.lines_per_result()) as usize
    }

    /// The result under `at`, with the list showing results from `offset` of `len`.
    pub fn result_at(&self, offset: usize, len: usize, at: Position) -> Option<usize> {
        if !self.list.contains(at) {
            return None;
        }
        let index = offset + ((at.y - self.list.y) / self.lines_per_result()) as usize;
        (index < len).then_some(index)
    }
}

/// The search results' layout on a screen of `area`, or `None` when the browser does not fit.
pub fn search_results(area: Rect) -> Option<ResultsLayout> {
    let frame = bands(area)?.body;
    let inner = inner(frame);
    let compact = inner.height < COMPACT_RESULTS_BELOW;
    let count_line = u16::from(!compact);
    Some(ResultsLayout {
        frame,
        list: Rect::new(
            inner.x,
            inner.y + count_line,
            inner.width,
            inner.height.saturating_sub(count_line),
        ),
        compact,
    })
}

/// The parts of the screen while presenting.
///
/// ```text
/// ┌──────────────────────────────────────────────┐
/// │   TITLE (block letters, or bold)             │ margins: a tenth of the width,
/// │                                              │ a row above
/// │   body text, wrapped; "more ↓" when longer   │
/// │ 5 / 14 ━━━━━━━━────────────── 03:12  16:48 left│ footer: 1 row
/// └──────────────────────────────────────────────┘
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PresentAreas {
    /// Where the slide is drawn (the whole slide, margins included).
    pub slide: Rect,
    /// The frame around the slide, in the speaker's view.
    pub frame: Option<Rect>,
    /// The speaker's panel, in the speaker's view.
    pub panel: Option<Rect>,
    pub footer: Rect,
}

/// The parts of `area` while presenting, with the speaker's panel if `notes` asks for it and
/// the screen is wide enough.
pub fn present_areas(area: Rect, notes: bool) -> PresentAreas {
    let footer = Rect::new(
        area.x,
        area.bottom().saturating_sub(1),
        area.width,
        area.height.min(1),
    );
    let rest = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
    if notes && rest.width >= SPEAKER_PANEL_FROM {
        let (frame, panel) = side_by_side(rest, rest.width * 3 / 5);
        return PresentAreas {
            slide: inner(frame),
            frame: Some(frame),
            panel: Some(panel),
            footer,
        };
    }
    PresentAreas {
        slide: rest,
        frame: None,
        panel: None,
        footer,
    }
}

/// The widest running text is wrapped to, in columns, however wide the screen: lines much
/// longer are hard to follow from one to the next (as readers of man pages and glow know).
pub const READING_MEASURE: usize = 100;

/// The thumb of a scrollbar on a track of `track` rows, over `total` lines of which
/// `visible` are shown from `position`: (its first row, its rows). It is as long as the part
/// shown, but always shorter than the track while any line is out of view, and touches an
/// end of the track only at that end of the text.
pub fn scroll_thumb(track: u16, total: usize, visible: usize, position: usize) -> (u16, u16) {
    if track == 0 || total <= visible {
        return (0, track);
    }
    let track_rows = track as usize;
    let len = (track_rows * visible / total).clamp(1, track_rows.saturating_sub(1).max(1));
    let travel = track_rows - len;
    let last = total - visible;
    let position = position.min(last);
    let at = match position {
        0 => 0,
        p if p == last => travel,
        // Between the ends, never at them: the thumb says there is more both ways.
        p if travel >= 2 => (travel * p / last).clamp(1, travel - 1),
        p => travel * p / last,
    };
    (at as u16, len as u16)
}

/// The parts of the speaker's panel (inside its border).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpeakerPanel {
    /// The elapsed time, in block digits where there is room (four rows), or on one line.
    pub clock: Rect,
    /// The countdown and the time of day.
    pub timers: Rect,
    /// The notes and the sources of the slide.
    pub notes: Rect,
    /// The next slide, drawn small in a frame of its own, where the panel has room.
    pub preview: Option<Rect>,
}

/// The columns the elapsed time takes in block digits ("12:03", four columns a character).
pub const BIG_CLOCK_WIDTH: u16 = 20;
/// The rows the elapsed time takes in block digits.
pub const BIG_CLOCK_ROWS: u16 = 4;

/// The speaker's panel laid out in `inner`: the clock and the timers at the top, the next
/// slide in the lower part (two fifths, when the panel has 24 rows or more), the notes
/// between.
pub fn speaker_panel(inner: Rect) -> SpeakerPanel {
    let big = inner.width >= BIG_CLOCK_WIDTH && inner.height >= 16;
    let clock_rows = match big {
        true => BIG_CLOCK_ROWS,
        false => 1,
    }
    .min(inner.height);
    let clock = Rect::new(inner.x, inner.y, inner.width, clock_rows);
    let timers = Rect::new(
        inner.x,
        clock.bottom(),
        inner.width,
        u16::from(inner.height > clock_rows),
    );
    let below = timers.bottom() + u16::from(inner.height > clock_rows + 1);
    let rest = Rect::new(
        inner.x,
        below.min(inner.bottom()),
        inner.width,
        inner.bottom().saturating_sub(below),
    );
    let preview_rows = match inner.height >= 24 && inner.width >= 24 {
        true => (inner.height * 2 / 5).max(8),
        false => 0,
    };
    let preview = (preview_rows > 0 && rest.height > preview_rows + 3).then(|| {
        Rect::new(
            inner.x,
            inner.bottom() - preview_rows,
            inner.width,
            preview_rows,
        )
    });
    let notes = Rect::new(
        rest.x,
        rest.y,
        rest.width,
        rest.height - preview.map_or(0, |p| p.height + 1),
    );
    SpeakerPanel {
        clock,
        timers,
        notes,
        preview,
    }
}

/// Inside a slide: margins of a tenth of the width (at least one column) and a row above
/// where there is room.
pub fn slide_content(slide: Rect) -> Rect {
    let margin_x = (slide.width / 10).max(1).min(slide.width / 2);
    let margin_y = u16::from(slide.height > 10);
    Rect::new(
        slide.x + margin_x,
        slide.y + margin_y,
        slide.width.saturating_sub(2 * margin_x),
        slide.height.saturating_sub(margin_y),
    )
}

/// Where a slide's title in block letters may go: the rows of `slide_content`, and the
/// slide's width less a column each side. The margins keep the lines of text short enough to
/// read; a title of a few big words, centred, may reach into them (on an 80-column screen,
/// "Principiul" in half blocks needs 66 columns, and the text has 64).
pub fn slide_big_title(slide: Rect) -> Rect {
    let content = slide_content(slide);
    let margin_x = u16::from(slide.width > 2);
    Rect::new(
        slide.x + margin_x,
        content.y,
        slide.width.saturating_sub(2 * margin_x),
        content.height,
    )
}

/// The body of a slide whose title (with the blank row after it) takes `title_rows` of
/// `content`.
pub fn slide_body(content: Rect, title_rows: u16) -> Rect {
    Rect::new(
        content.x,
        content.y + title_rows.min(content.height),
        content.width,
        content.height.saturating_sub(title_rows),
    )
}

/// A tab of the tab bar: its label and the columns it takes, from `x`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TabLabel {
    pub pane: Pane,
    pub label: String,
    pub x: u16,
    pub width: u16,
}

/// The tabs as they fit in `area`: each with its `full` label if they all fit, else the
/// `current` tab with its full label (cut if even that does not fit, ending with `ellipsis`)
/// and the others `short`.
pub fn tab_labels(
    area: Rect,
    current: Pane,
    ellipsis: &str,
    full: impl Fn(Pane) -> String,
    short: impl Fn(Pane) -> String,
) -> Vec<TabLabel> {
    let place = |label: &dyn Fn(Pane) -> String| {
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
    let tabs = place(&full);
    let total: usize = tabs.iter().map(|t| t.width as usize).sum();
    if total <= area.width as usize {
        return tabs;
    }
    let mut tabs = place(&|pane| match pane == current {
        true => full(pane),
        false => short(pane),
    });
    // On the narrowest screens even the current tab's name may not fit: cut it.
    let others: u16 = tabs
        .iter()
        .filter(|t| t.pane != current)
        .map(|t| t.width)
        .sum();
    let room = area.width.saturating_sub(others);
    let mut x = area.x;
    for tab in &mut tabs {
        if tab.pane == current && tab.width > room {
            tab.label = text::truncate_with(&tab.label, room as usize, ellipsis);
            tab.width = text::width(&tab.label) as u16;
        }
        tab.x = x;
        x = x.saturating_add(tab.width);
    }
    tabs
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_scrollbar_thumb_never_fills_the_track_while_a_line_is_hidden() {
        use super::scroll_thumb;
        // One line of 21 hidden: the thumb leaves a row of track, at the end still to come.
        assert_eq!(scroll_thumb(20, 21, 20, 0), (0, 19));
        assert_eq!(scroll_thumb(20, 21, 20, 1), (1, 19));
        // Everything shown: no thumb to speak of (the caller draws none).
        assert_eq!(scroll_thumb(20, 20, 20, 0), (0, 20));
        // Long text: a short thumb, at the top, inside, at the bottom.
        assert_eq!(scroll_thumb(10, 100, 10, 0), (0, 1));
        assert_eq!(scroll_thumb(10, 100, 10, 1).0, 1);
        assert_eq!(scroll_thumb(10, 100, 10, 89).0, 8);
        assert_eq!(scroll_thumb(10, 100, 10, 90), (9, 1));
        // A track of one row.
        assert_eq!(scroll_thumb(1, 5, 2, 1), (0, 1));
    }

    use super::*;

    #[test]
    fn a_table_keeps_its_code_and_name_and_adds_the_kept_columns_while_they_fit_whole() {
        let widest = [3, 17, 16, 4];
        let keep = [3, 2];
        let all = table_columns(100, &widest, &keep);
        assert_eq!(all, [(0, 0, 3), (1, 5, 17), (2, 24, 16), (3, 42, 4)]);
        // Without room for the region, the year comes right after the name.
        assert_eq!(
            table_columns(45, &widest, &keep),
            [(0, 0, 3), (1, 5, 17), (3, 24, 4)]
        );
        // Without room for the year either, the name is cut to what is left.
        assert_eq!(table_columns(20, &widest, &keep), [(0, 0, 3), (1, 5, 15)]);
        assert_eq!(table_columns(2, &widest, &keep), [(0, 0, 2), (1, 2, 0)]);
        assert_eq!(table_columns(0, &widest, &keep), [(0, 0, 0), (1, 0, 0)]);
        assert_eq!(table_columns(30, &[12], &[]), [(0, 0, 12)]);
        assert!(table_columns(30, &[], &[]).is_empty());
        for width in 0..60 {
            for &(_, x, w) in &table_columns(width, &widest, &keep) {
                assert!(x + w <= width.max(x), "{width}: column at {x} of {w}");
            }
        }
    }

    #[test]
    fn a_table_shows_its_rows_below_its_column_names_when_it_has_room() {
        let list = Rect::new(0, 3, 30, 10);
        let table = list_parts(list, Pane::Members, 0);
        assert_eq!(table.header, Some(Rect::new(1, 4, 28, 1)));
        assert_eq!(table.rows, Rect::new(1, 5, 28, 7));
        let plain = list_parts(list, Pane::Actions, 0);
        assert_eq!(plain.header, None);
        assert_eq!(plain.rows, Rect::new(1, 4, 28, 8));
        let one_row = list_parts(Rect::new(0, 0, 30, 3), Pane::Members, 0);
        assert_eq!(one_row.header, None);
        assert_eq!(one_row.rows.height, 1);
    }

    #[test]
    fn below_the_minimum_there_are_no_bands() {
        assert_eq!(bands(Rect::new(0, 0, MIN_WIDTH - 1, 24)), None);
        assert_eq!(bands(Rect::new(0, 0, 80, MIN_HEIGHT - 1)), None);
        let bands = bands(Rect::new(0, 0, 80, 24)).unwrap();
        assert_eq!(bands.body, Rect::new(0, 2, 80, 21));
        assert_eq!(bands.footer, Rect::new(0, 23, 80, 1));
    }

    #[test]
    fn a_wide_list_pane_puts_the_list_beside_the_detail_a_narrow_one_shows_one() {
        let body = Rect::new(0, 2, 80, 21);
        let wide = pane_areas(body, Pane::Declaration, &[20], Focus::List);
        assert_eq!(wide.list, Some(Rect::new(0, 2, 24, 21)));
        assert_eq!(wide.detail, Some(Rect::new(24, 2, 56, 21)));
        let narrow = Rect::new(0, 2, 40, 10);
        let list = pane_areas(narrow, Pane::Declaration, &[20], Focus::List);
        assert_eq!((list.list.is_some(), list.detail.is_some()), (true, false));
        let detail = pane_areas(narrow, Pane::Declaration, &[20], Focus::Detail);
        assert_eq!(
            (detail.list.is_some(), detail.detail.is_some()),
            (false, true)
        );
    }

    #[test]
    fn the_list_takes_at_most_its_share_and_at_least_its_minimum() {
        let body = Rect::new(0, 0, 100, 20);
        assert_eq!(
            pane_areas(body, Pane::Declaration, &[500], Focus::List)
                .list
                .unwrap()
                .width,
            45
        );
        assert_eq!(
            pane_areas(body, Pane::Declaration, &[2], Focus::List)
                .list
                .unwrap()
                .width,
            16
        );
    }

    #[test]
    fn every_list_pane_has_the_same_boxes_whatever_its_introduction() {
        let body = Rect::new(0, 2, 80, 21);
        let boxes = |pane| pane_areas(body, pane, &[20], Focus::List);
        assert_eq!(boxes(Pane::Declaration), boxes(Pane::Actions));
        assert_eq!(boxes(Pane::Declaration).list.unwrap().y, body.y);
    }

    #[test]
    fn the_intro_takes_at_most_a_third_of_the_list_and_a_row_is_always_shown() {
        let list = Rect::new(0, 0, 40, 11);
        let parts = list_parts(list, Pane::Members, 9);
        assert_eq!(parts.intro, Rect::new(1, 1, 38, 3));
        assert_eq!(parts.rule, None, "no room for a rule below a whole third");
        assert_eq!(parts.header, Some(Rect::new(1, 4, 38, 1)));
        assert_eq!(parts.rows, Rect::new(1, 5, 38, 5));
        let plain = list_parts(list, Pane::Actions, 1);
        assert_eq!((plain.intro.height, plain.header), (1, None));
        assert_eq!(plain.rule, Some(Rect::new(1, 2, 38, 1)));
        assert_eq!(plain.rows, Rect::new(1, 3, 38, 7));
        let none = list_parts(list, Pane::Actions, 0);
        assert_eq!((none.intro.height, none.rule), (0, None));
        for height in 3..6 {
            let parts = list_parts(Rect::new(0, 0, 40, height), Pane::Members, 9);
            assert!(parts.rows.height >= 1, "{height} rows");
        }
        assert_eq!(list_intro_width(list), 36);
    }

    #[test]
    fn the_help_box_is_centred_above_the_footer_with_margins_where_there_is_room() {
        let area = Rect::new(0, 0, 200, 60);
        let help = help_area(area);
        assert_eq!((help.width, help.height), (72, 57));
        assert_eq!((help.x, help.y), ((200 - 72) / 2, 1));
        assert_eq!(text_inner(help).width, 68);
        // Without room for margins it takes the screen above the footer, which says how to
        // close it.
        let small = help_area(Rect::new(0, 0, 80, 24));
        assert_eq!(small, Rect::new(4, 0, 72, 23));
    }

    #[test]
    fn a_click_finds_the_row_and_the_result_under_it() {
        let inner = Rect::new(1, 4, 20, 5);
        assert_eq!(row_at(inner, 10, 30, Position::new(3, 6)), Some(12));
        assert_eq!(row_at(inner, 10, 11, Position::new(3, 6)), None);
        assert_eq!(row_at(inner, 0, 30, Position::new(0, 6)), None);
        let results = search_results(Rect::new(0, 0, 80, 24)).unwrap();
        assert!(!results.compact);
        assert_eq!(results.visible(), 9);
        let first = results.list.y;
        assert_eq!(
            results.result_at(3, 20, Position::new(5, first + 3)),
            Some(4)
        );
        let compact = search_results(Rect::new(0, 0, 40, 8)).unwrap();
        assert!(compact.compact);
        assert_eq!(compact.lines_per_result(), 1);
    }

    #[test]
    fn the_speakers_view_frames_the_slide_beside_the_panel() {
        let areas = present_areas(Rect::new(0, 0, 100, 30), true);
        let panel = areas.panel.unwrap();
        assert_eq!(areas.frame, Some(Rect::new(0, 0, 60, 29)));
        assert_eq!(panel, Rect::new(60, 0, 40, 29));
        assert_eq!(areas.slide, Rect::new(1, 1, 58, 27));
        let narrow = present_areas(Rect::new(0, 0, 50, 20), true);
        assert_eq!(
            (narrow.panel, narrow.slide),
            (None, Rect::new(0, 0, 50, 19))
        );
    }

    #[test]
    fn block_letters_may_reach_into_the_margins_of_the_text() {
        let slide = Rect::new(0, 0, 80, 23);
        assert_eq!(slide_content(slide), Rect::new(8, 1, 64, 22));
        assert_eq!(slide_big_title(slide), Rect::new(1, 1, 78, 22));
        let speaker = Rect::new(1, 1, 58, 27);
        assert_eq!(slide_big_title(speaker), Rect::new(2, 2, 56, 26));
        assert_eq!(
            slide_big_title(Rect::new(3, 3, 2, 1)),
            Rect::new(3, 3, 2, 1)
        );
    }

    #[test]
    fn tabs_fall_back_to_numbers_and_cut_the_current_name_last() {
        let full = |pane: Pane| format!(" {} Pane number {} ", pane.index() + 1, pane.index());
        let short = |pane: Pane| format!(" {} ", pane.index() + 1);
        let wide = tab_labels(Rect::new(0, 0, 200, 1), Pane::Members, "…", full, short);
        assert!(wide.iter().all(|t| t.label.contains("Pane")));
        let narrow = tab_labels(Rect::new(0, 0, 30, 1), Pane::Members, "…", full, short);
        assert_eq!(narrow[0].label, " 1 ");
        assert!(narrow[1].label.contains("Pane"));
        assert_eq!(narrow[2].x, narrow[1].x + narrow[1].width);
        let tiny = tab_labels(Rect::new(0, 0, 12, 1), Pane::Members, "…", full, short);
        assert!(tiny.iter().map(|t| t.width).sum::<u16>() <= 12);
        assert!(tiny[1].label.ends_with('…'), "{:?}", tiny[1].label);
        let dots = tab_labels(Rect::new(0, 0, 12, 1), Pane::Members, "...", full, short);
        assert!(dots[1].label.ends_with("..."), "{:?}", dots[1].label);
    }
}
