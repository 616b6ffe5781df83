//! Sending frames to the terminal as few bytes as it takes: each frame (a ratatui buffer) is
//! compared with the one before and only the cells that changed are written, by ratatui's
//! crossterm backend. This layer knows buffers and which rows may scroll, not what they show.
//! When the text in the body moved up or down, as when reading line by line, the terminal is
//! first asked to scroll the body itself, the way `less` does, so that only the lines that
//! came into view are sent instead of every line that moved.
//!
//! Links (OSC 8) are a mark the terminal keeps on each cell, as it keeps a colour: a cell
//! written inside `ESC ] 8 ; … ; URL ESC \` is part of the link, a cell written after the
//! closing `ESC ] 8 ; ; ESC \` is not, and a scroll moves the marks with the cells. So the
//! screen remembers the links it wrote, and writes again only the links that are new or whose
//! cells changed, and, without a link, the cells of a link that is gone.
//!
//! The bytes from one frame to the next depend on the two frames and their links alone, so
//! screens showing the same thing (the audience of a talk served over SSH) share them: see
//! [`SharedFrames`].

use std::borrow::Cow;
use std::collections::VecDeque;
use std::io::{self, Write};
use std::ops::Range;
use std::sync::{Arc, Mutex};

use crossterm::cursor::Hide;
use crossterm::queue;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use crate::hyperlink::{self, Link};

/// A shift of rows: content moved `lines` rows up (positive) or down (negative) within the
/// rows `top..bottom`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shift {
    pub top: u16,
    pub bottom: u16,
    pub lines: i32,
}

/// Finds whether `current` shows rows `top..bottom` of `previous` moved up or down, in a way
/// that makes scrolling the terminal cheaper than redrawing: enough rows must match after the
/// shift, and more than match without it.
pub fn detect_shift(previous: &Buffer, current: &Buffer, top: u16, bottom: u16) -> Option<Shift> {
    if previous.area != current.area || bottom <= top + 2 {
        return None;
    }
    let width = current.area.width as usize;
    fn row(buffer: &Buffer, width: usize, y: u16) -> &[ratatui::buffer::Cell] {
        let start = y as usize * width;
        &buffer.content[start..start + width]
    }
    let matches = |lines: i32| {
        (top..bottom)
            .filter(|&y| {
                let from = y as i32 + lines;
                from >= top as i32
                    && from < bottom as i32
                    && row(current, width, y) == row(previous, width, from as u16)
            })
            .count()
    };
    let unmoved = matches(0);
    let height = (bottom - top) as i32;
    let best = (1..height / 2 + 1)
        .flat_map(|k| [k, -k])
        .map(|lines| (matches(lines), lines))
        .max_by_key(|&(count, lines)| (count, -lines.abs()))?;
    let (count, lines) = best;
    // Worth it when most of the rows that can match do, and clearly more than in place.
    let possible = (height - lines.abs()) as usize;
    (count * 2 > possible && count > unmoved + lines.unsigned_abs() as usize).then_some(Shift {
        top,
        bottom,
        lines,
    })
}

/// Moves the rows of `buffer` as the terminal does when told to scroll: the rows that leave
/// are lost, the rows that come in are blank.
pub fn apply_shift(buffer: &mut Buffer, shift: Shift) {
    let width = buffer.area.width as usize;
    let (top, bottom) = (shift.top as usize, shift.bottom as usize);
    let region = &mut buffer.content[top * width..bottom * width];
    let moved = shift.lines.unsigned_abs() as usize * width;
    if shift.lines > 0 {
        region.rotate_left(moved);
        let len = region.len();
        region[len - moved..]
            .iter_mut()
            .for_each(|cell| cell.reset());
    } else {
        region.rotate_right(moved);
        region[..moved].iter_mut().for_each(|cell| cell.reset());
    }
}

/// The escape sequences that make the terminal scroll `shift`: a scroll region, the scroll,
/// and the full screen back as the region. Attributes are reset first, so that the rows
/// coming in are blank in the default colours.
pub fn scroll_sequence(shift: Shift) -> String {
    let command = if shift.lines > 0 { 'S' } else { 'T' };
    format!(
        "\x1b[0m\x1b[{};{}r\x1b[{}{command}\x1b[r",
        shift.top + 1,
        shift.bottom,
        shift.lines.unsigned_abs()
    )
}

/// The longest run of unchanged cells that is written again rather than moved over. Moving
/// the cursor takes six bytes or more (`ESC [ row ; col H`); writing an unchanged one-byte
/// cell in the style already set takes one. The spaces between the words of a new text are
/// such runs: without this, every word of a first frame would start with a cursor move.
const BRIDGED_GAP: u16 = 6;

/// `updates` (the changed cells of `current`, in order) with the short runs of unchanged
/// cells between two changes on one row put in, where writing them costs fewer bytes than
/// moving over them: cells of one byte after a one-column change (so no wide character is
/// cut), in the style of the change before them and then in the style of the change after
/// them, so that they need no attribute that the next change would not set anyway. Lazy, as
/// the changes are: a frame's cells are written without a list of them being made.
pub fn bridge_short_gaps<'a>(
    updates: impl IntoIterator<Item = (u16, u16, &'a Cell)>,
    current: &'a Buffer,
) -> impl Iterator<Item = (u16, u16, &'a Cell)> {
    bridge_short_gaps_outside(updates, current, &[])
}

/// As [`bridge_short_gaps`], never over a cell of `links`: written without its link, the
/// cell would leave the link.
fn bridge_short_gaps_outside<'a>(
    updates: impl IntoIterator<Item = (u16, u16, &'a Cell)>,
    current: &'a Buffer,
    links: &'a [Link],
) -> impl Iterator<Item = (u16, u16, &'a Cell)> {
    let mut before: Option<(u16, u16, &Cell)> = None;
    updates.into_iter().flat_map(move |(x, y, cell)| {
        let gap = before
            .filter(|&(last_x, last_y, last)| {
                last_y == y
                    && last.symbol().width() == 1
                    && x > last_x + 1
                    && x - last_x - 1 <= BRIDGED_GAP
                    && gap_can_be_written(current, last_x + 1..x, y, last, cell)
                    && !links
                        .iter()
                        .any(|link| link.row == y && overlaps(&link.columns, &(last_x + 1..x)))
            })
            .map_or(0..0, |(last_x, _, _)| last_x + 1..x);
        before = Some((x, y, cell));
        gap.filter_map(move |gap_x| current.cell((gap_x, y)).map(|c| (gap_x, y, c)))
            .chain(std::iter::once((x, y, cell)))
    })
}

/// Whether the unchanged cells at `columns` of row `y` can be written between the changes
/// `last` and `next`: one byte each, drawn normally, in the style of `last` and then in the
/// style of `next`.
fn gap_can_be_written(
    current: &Buffer,
    columns: std::ops::Range<u16>,
    y: u16,
    last: &Cell,
    next: &Cell,
) -> bool {
    let mut in_last_style = true;
    columns.map(|x| current.cell((x, y))).all(|gap| {
        let Some(gap) =
            gap.filter(|c| c.symbol().len() == 1 && c.diff_option == CellDiffOption::None)
        else {
            return false;
        };
        in_last_style = in_last_style && gap.style() == last.style();
        in_last_style || gap.style() == next.style()
    })
}

fn overlaps(a: &Range<u16>, b: &Range<u16>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Whether the cell at `x`, `y` is in one of `links`.
fn in_links(links: &[&Link], x: u16, y: u16) -> bool {
    links
        .iter()
        .any(|link| link.row == y && link.columns.contains(&x))
}

/// Moves `links` as [`apply_shift`] moves the cells under them: the links on rows that leave
/// the scrolled rows are gone.
fn shift_links(links: &mut Vec<Link>, shift: Shift) {
    let rows = shift.top as i32..shift.bottom as i32;
    links.retain_mut(|link| {
        if !rows.contains(&(link.row as i32)) {
            return true;
        }
        let row = link.row as i32 - shift.lines;
        link.row = row as u16;
        rows.contains(&row)
    });
}

/// The links of a frame that are written: those the screen has room for, cut to its width,
/// with an address that may be a link (checked again here, where the bytes are written).
fn writable_links(links: Vec<Link>, area: Rect) -> Vec<Link> {
    links
        .into_iter()
        .filter(|link| link.row < area.height && hyperlink::is_linkable(&link.url))
        .map(|link| Link {
            columns: link.columns.start..link.columns.end.min(area.width),
            ..link
        })
        .filter(|link| !link.columns.is_empty())
        .collect()
}

/// The cells of `links` in `buffer`, row by row, each once, leaving out the cells a wide
/// character before them covers.
fn link_cells<'a>(
    buffer: &'a Buffer,
    links: impl IntoIterator<Item = &'a Link>,
) -> impl Iterator<Item = (u16, u16, &'a Cell)> {
    links.into_iter().flat_map(move |link| {
        let mut covered = 0;
        link.columns.clone().filter_map(move |x| {
            let cell = buffer.cell((x, link.row))?;
            if covered > 0 {
                covered -= 1;
                return None;
            }
            covered = cell.symbol().width().saturating_sub(1);
            Some((x, link.row, cell))
        })
    })
}

/// Whether a cell of `link` differs between `previous` and `current`.
fn link_changed(previous: &Buffer, current: &Buffer, link: &Link) -> bool {
    link.columns
        .clone()
        .any(|x| previous.cell((x, link.row)) != current.cell((x, link.row)))
}

/// The sequence that starts link `id` to `url`: what is written after it, up to
/// [`LINK_END`], is the link. The id makes the pieces of an address wrapped over several rows
/// one link to the terminal.
fn link_start(id: u32, url: &str) -> String {
    format!("\x1b]8;id=clsv-{id};{url}\x1b\\")
}

/// The sequence that ends a link.
const LINK_END: &[u8] = b"\x1b]8;;\x1b\\";

/// What the terminal shows, and how to change it into the next frame.
pub struct Screen<W: Write> {
    writer: W,
    /// The frame on the terminal now; `None` when nothing is known of it (start, resize,
    /// resume), and the next frame is drawn whole. Shared with other screens that showed the
    /// same frame after the same one (see [`SharedFrames`]).
    previous: Option<Arc<Buffer>>,
    area: Rect,
    /// Whether links are written at all (`capability::detect_hyperlinks`).
    hyperlinks: bool,
    /// The links on the terminal now, as the frame in `previous` has them.
    links: Vec<Link>,
    /// Where the changes from one frame to the next are shared with other screens.
    shared: Option<Arc<SharedFrames>>,
}

impl<W: Write> Screen<W> {
    pub fn new(writer: W, width: u16, height: u16) -> Screen<W> {
        Screen {
            writer,
            previous: None,
            area: Rect::new(0, 0, width, height),
            hyperlinks: false,
            links: Vec::new(),
            shared: None,
        }
    }

    /// The screen with links written (when `on`), or without.
    pub fn with_hyperlinks(mut self, on: bool) -> Screen<W> {
        self.hyperlinks = on;
        self
    }

    /// The screen taking the changes another screen worked out for the same two frames
    /// from `shared`, and leaving its own there.
    pub fn sharing(mut self, shared: Arc<SharedFrames>) -> Screen<W> {
        self.shared = Some(shared);
        self
    }

    /// Whether links are written: when not, [`Screen::draw`] ignores the links it is given.
    pub fn hyperlinks(&self) -> bool {
        self.hyperlinks
    }

    /// The terminal has a new size: the next frame is drawn whole.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.area = Rect::new(0, 0, width, height);
        self.previous = None;
    }

    /// The screen was changed behind clsv's back (after a suspend): draw the next frame whole.
    pub fn forget(&mut self) {
        self.previous = None;
    }

    /// Writes the changes from the last frame to the one `render` draws, as one synchronized
    /// update, into the writer. Where the frame's rows `scrolling` show text that moved up or
    /// down, the terminal is asked to scroll them first. `links` are the frame's links (see
    /// [`Link`]), written when the screen writes links.
    pub fn draw(
        &mut self,
        render: impl FnOnce(&mut Buffer),
        scrolling: Option<Range<u16>>,
        links: Vec<Link>,
    ) -> io::Result<()> {
        let mut current = Buffer::empty(self.area);
        render(&mut current);
        let links = match self.hyperlinks {
            true => writable_links(links, self.area),
            false => Vec::new(),
        };
        let step = Step {
            before: self.previous.take(),
            shown_links: std::mem::take(&mut self.links),
            scrolling,
            links,
        };
        let (after, bytes) = match self.shared.as_ref().and_then(|s| s.find(&step, &current)) {
            Some(found) => found,
            None => {
                let bytes: Arc<[u8]> = changes(&step, &current)?.into();
                let after = Arc::new(current);
                if let Some(shared) = &self.shared {
                    shared.keep(&step, &after, &bytes);
                }
                (after, bytes)
            }
        };
        self.writer.write_all(&bytes)?;
        self.previous = Some(after);
        self.links = step.links;
        Ok(())
    }
}

/// What a frame is drawn over and with, besides the frame itself: the bytes that change the
/// terminal into the frame depend on these and on the frame alone.
struct Step {
    /// The frame on the terminal, if known.
    before: Option<Arc<Buffer>>,
    /// The links on the terminal, as `before` has them.
    shown_links: Vec<Link>,
    scrolling: Option<Range<u16>>,
    /// The frame's links, as written.
    links: Vec<Link>,
}

/// The bytes that change the terminal showing `step.before` into `current`, as one
/// synchronized update: the whole frame over a cleared screen when `before` is unknown.
fn changes(step: &Step, current: &Buffer) -> io::Result<Vec<u8>> {
    let links = &step.links;
    let mut out = Vec::with_capacity(16 * 1024);
    out.extend_from_slice(b"\x1b[?2026h");
    let mut shown_links = step.shown_links.clone();
    let previous = match &step.before {
        Some(previous) => {
            let mut previous = Cow::Borrowed(&**previous);
            if let Some(rows) = step.scrolling.clone()
                && let Some(shift) = detect_shift(&previous, current, rows.start, rows.end)
            {
                out.extend_from_slice(scroll_sequence(shift).as_bytes());
                apply_shift(previous.to_mut(), shift);
                shift_links(&mut shown_links, shift);
            }
            previous
        }
        None => {
            // Clearing the screen clears its links too.
            shown_links.clear();
            out.extend_from_slice(b"\x1b[0m\x1b[2J");
            queue!(out, Hide)?;
            Cow::Owned(Buffer::empty(current.area))
        }
    };
    let diff = previous.diff(current);
    // A link stays on the terminal as it is when it was there before, in the same place,
    // over the same cells, none of which is written; every other link of the frame is
    // written whole, with its link, and its cells are left out of the changes.
    let written: Vec<&Link> = links
        .iter()
        .filter(|link| {
            !shown_links.contains(link)
                || link_changed(&previous, current, link)
                || diff.iter().any(|&(x, y, _)| in_links(&[link], x, y))
        })
        .collect();
    let changes = diff
        .into_iter()
        .filter(|&(x, y, _)| !in_links(&written, x, y));
    let changes = bridge_short_gaps_outside(changes, current, links);
    CrosstermBackend::new(&mut out).draw(changes)?;
    // The cells of a link that is gone, which did not change and so were not written:
    // written again, without a link.
    let gone: Vec<&Link> = shown_links.iter().filter(|l| !links.contains(l)).collect();
    let unlinked: Vec<(u16, u16, &Cell)> = link_cells(current, gone)
        .filter(|&(x, y, cell)| previous.cell((x, y)) == Some(cell) && !in_links(&written, x, y))
        .collect();
    if !unlinked.is_empty() {
        CrosstermBackend::new(&mut out).draw(unlinked.into_iter())?;
    }
    // Each link to write, its pieces together.
    let mut done: Vec<(u32, &str)> = Vec::new();
    for link in &written {
        let key = (link.id, &*link.url);
        if done.contains(&key) {
            continue;
        }
        done.push(key);
        let pieces = written
            .iter()
            .copied()
            .filter(|other| (other.id, &*other.url) == key);
        out.extend_from_slice(link_start(link.id, &link.url).as_bytes());
        CrosstermBackend::new(&mut out).draw(link_cells(current, pieces))?;
        out.extend_from_slice(LINK_END);
    }
    out.extend_from_slice(b"\x1b[?2026l");
    Ok(out)
}

/// The most cells the frames kept in [`SharedFrames`] may hold together: about a hundred
/// frames of 80×24, one of the largest screen a server takes.
const SHARED_CELLS: usize = 200_000;

/// The changes from one frame to the next that screens showing the same thing share: the
/// audience of a talk, or readers who opened the same pane, at the same size. The first
/// screen to draw a frame over a frame works out the bytes and keeps them here with both
/// frames; any other screen that showed that same earlier frame (the very one, shared) and
/// draws an equal frame takes the bytes and the frame, and so shares the next step too. A
/// thousand followers of a slide work out its changes once for each size, not a thousand
/// times, and hold one copy of what their terminals show.
#[derive(Debug, Default)]
pub struct SharedFrames {
    /// The steps kept, the most recently used first.
    steps: Mutex<VecDeque<SharedStep>>,
}

#[derive(Debug)]
struct SharedStep {
    before: Option<Arc<Buffer>>,
    shown_links: Vec<Link>,
    scrolling: Option<Range<u16>>,
    links: Vec<Link>,
    after: Arc<Buffer>,
    bytes: Arc<[u8]>,
}

impl SharedStep {
    /// Whether this step starts where `step` does: over the same earlier frame (the same
    /// one, not only an equal one, or none), with the same links, scrolling the same rows
    /// and writing the same links. The bytes are then `step`'s into a frame equal to `after`.
    fn follows(&self, step: &Step) -> bool {
        let same_before = match (&self.before, &step.before) {
            (None, None) => true,
            (Some(kept), Some(before)) => Arc::ptr_eq(kept, before),
            _ => false,
        };
        same_before
            && self.scrolling == step.scrolling
            && self.shown_links == step.shown_links
            && self.links == step.links
    }
}

impl SharedFrames {
    /// The frame and bytes another screen kept for `step` into `current`, if any.
    fn find(&self, step: &Step, current: &Buffer) -> Option<(Arc<Buffer>, Arc<[u8]>)> {
        // The frames are compared outside the lock, which a thousand screens of a talk take
        // at once: under it, only the steps over the same earlier frame are picked out.
        let candidates: Vec<(Arc<Buffer>, Arc<[u8]>)> = {
            let steps = self.steps.lock().ok()?;
            steps
                .iter()
                .filter(|kept| kept.follows(step))
                .map(|kept| (Arc::clone(&kept.after), Arc::clone(&kept.bytes)))
                .collect()
        };
        let found = candidates
            .into_iter()
            .find(|(after, _)| **after == *current)?;
        if let Ok(mut steps) = self.steps.lock()
            && let Some(at) = steps
                .iter()
                .position(|kept| Arc::ptr_eq(&kept.after, &found.0))
            && let Some(used) = steps.remove(at)
        {
            steps.push_front(used);
        }
        Some(found)
    }

    /// Keeps the bytes for `step` into `after` for other screens, letting the least recently
    /// used go beyond [`SHARED_CELLS`].
    fn keep(&self, step: &Step, after: &Arc<Buffer>, bytes: &Arc<[u8]>) {
        let Ok(mut steps) = self.steps.lock() else {
            return;
        };
        steps.push_front(SharedStep {
            before: step.before.clone(),
            shown_links: step.shown_links.clone(),
            scrolling: step.scrolling.clone(),
            links: step.links.clone(),
            after: Arc::clone(after),
            bytes: Arc::clone(bytes),
        });
        let cells = |kept: &SharedStep| kept.after.content.len();
        let mut total: usize = steps.iter().map(cells).sum();
        while total > SHARED_CELLS && steps.len() > 1 {
            if let Some(gone) = steps.pop_back() {
                total -= cells(&gone);
            }
        }
    }

    /// How many steps are kept.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.steps.lock().map_or(0, |steps| steps.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn buffer(lines: &[&str]) -> Buffer {
        Buffer::with_lines(lines.iter().copied())
    }

    fn columns<'a>(updates: impl IntoIterator<Item = (u16, u16, &'a Cell)>) -> Vec<u16> {
        updates.into_iter().map(|(x, _, _)| x).collect()
    }

    #[test]
    fn short_runs_of_unchanged_cells_are_written_instead_of_moved_over() {
        let blank = buffer(&["                    "]);
        let words = buffer(&["ab cd     ef        "]);
        let bridged = bridge_short_gaps(blank.diff(&words), &words);
        // The space between the words is written; the five between cd and ef too; the
        // blank row after them is not (nothing changes past ef).
        assert_eq!(columns(bridged), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
        let far = buffer(&["ab          cd      "]);
        assert_eq!(
            columns(bridge_short_gaps(blank.diff(&far), &far)),
            [0, 1, 12, 13],
            "a run longer than a cursor move is moved over"
        );
    }

    #[test]
    fn runs_in_the_style_before_then_the_style_after_are_written() {
        use ratatui::style::{Color, Style};
        let blank = buffer(&["          "]);
        // A border, a space in the text's style, then the text: the attributes the space
        // needs are the ones the text sets anyway.
        let mut framed = buffer(&["| ab      "]);
        framed.set_style(Rect::new(0, 0, 1, 1), Style::new().fg(Color::Cyan));
        let updates = blank.diff(&framed);
        assert_eq!(columns(updates.clone()), [0, 2, 3]);
        assert_eq!(
            columns(bridge_short_gaps(updates.clone(), &framed)),
            [0, 1, 2, 3]
        );
    }

    #[test]
    fn runs_in_another_style_or_after_a_wide_character_are_moved_over() {
        use ratatui::style::{Color, Style};
        let red = Style::new().bg(Color::Red);
        let mut before = buffer(&["          "]);
        before.set_style(Rect::new(2, 0, 1, 1), red);
        let mut styled = buffer(&["ab cd     "]);
        styled.set_style(Rect::new(2, 0, 1, 1), red);
        let updates = before.diff(&styled);
        assert_eq!(columns(updates.clone()), [0, 1, 3, 4]);
        assert_eq!(
            columns(bridge_short_gaps(updates.clone(), &styled)),
            [0, 1, 3, 4]
        );
        // The style after, then the style before: one more change of attributes.
        let blue = Style::new().fg(Color::Blue);
        let mut before = buffer(&["          "]);
        before.set_style(Rect::new(2, 0, 1, 1), blue);
        let mut swapped = buffer(&["ab  cd    "]);
        swapped.set_style(Rect::new(2, 0, 1, 1), blue);
        swapped.set_style(Rect::new(4, 0, 2, 1), blue);
        let updates = before.diff(&swapped);
        assert_eq!(columns(updates.clone()), [0, 1, 4, 5]);
        assert_eq!(
            columns(bridge_short_gaps(updates.clone(), &swapped)),
            [0, 1, 4, 5]
        );
        let blank = buffer(&["          "]);
        let wide = buffer(&["自 cd     "]);
        let updates = blank.diff(&wide);
        assert_eq!(columns(updates.clone()), [0, 3, 4]);
        assert_eq!(
            columns(bridge_short_gaps(updates.clone(), &wide)),
            [0, 3, 4]
        );
    }

    #[test]
    fn finds_text_that_moved_up_and_down() {
        let before = buffer(&["title", "a", "b", "c", "d", "e", "footer"]);
        let up = buffer(&["title", "b", "c", "d", "e", "f", "footer"]);
        assert_eq!(
            detect_shift(&before, &up, 1, 6),
            Some(Shift {
                top: 1,
                bottom: 6,
                lines: 1
            })
        );
        let down = buffer(&["title", "z", "a", "b", "c", "d", "footer"]);
        assert_eq!(
            detect_shift(&before, &down, 1, 6),
            Some(Shift {
                top: 1,
                bottom: 6,
                lines: -1
            })
        );
        let two = buffer(&["title", "c", "d", "e", "x", "y", "footer"]);
        assert_eq!(detect_shift(&before, &two, 1, 6).map(|s| s.lines), Some(2));
    }

    #[test]
    fn does_not_scroll_what_did_not_move() {
        let before = buffer(&["title", "a", "b", "c", "d", "e", "footer"]);
        assert_eq!(detect_shift(&before, &before.clone(), 1, 6), None);
        let changed = buffer(&["title", "a", "x", "c", "d", "e", "footer"]);
        assert_eq!(detect_shift(&before, &changed, 1, 6), None);
        let other = buffer(&["title", "p", "q", "r", "s", "t", "footer"]);
        assert_eq!(detect_shift(&before, &other, 1, 6), None);
        // Blank rows match each other anywhere: a mostly empty screen is not a scroll.
        let blank = buffer(&["title", "", "", "", "", "", "footer"]);
        let one = buffer(&["title", "x", "", "", "", "", "footer"]);
        assert_eq!(detect_shift(&blank, &one, 1, 6), None);
    }

    #[test]
    fn shifting_a_buffer_matches_what_the_terminal_does() {
        let mut before = buffer(&["title", "a", "b", "c", "footer"]);
        apply_shift(
            &mut before,
            Shift {
                top: 1,
                bottom: 4,
                lines: 1,
            },
        );
        assert_eq!(before, buffer(&["title", "b", "c", "", "footer"]));
        apply_shift(
            &mut before,
            Shift {
                top: 1,
                bottom: 4,
                lines: -2,
            },
        );
        assert_eq!(before, buffer(&["title", "", "", "b", "footer"]));
        assert_eq!(
            scroll_sequence(Shift {
                top: 2,
                bottom: 22,
                lines: 1
            }),
            "\x1b[0m\x1b[3;22r\x1b[1S\x1b[r"
        );
        assert_eq!(
            scroll_sequence(Shift {
                top: 2,
                bottom: 22,
                lines: -3
            }),
            "\x1b[0m\x1b[3;22r\x1b[3T\x1b[r"
        );
    }

    /// Draws `frame` on `screen` with `links`, its first three rows scrolling when it has
    /// them, and returns the bytes written.
    fn drawn(screen: &mut Screen<Vec<u8>>, frame: &Buffer, links: &[Link]) -> Vec<u8> {
        let scrolling = (frame.area.height >= 3).then_some(0..3);
        screen
            .draw(|buf| buf.clone_from(frame), scrolling, links.to_vec())
            .expect("writing into a Vec cannot fail");
        std::mem::take(&mut screen.writer)
    }

    fn link(row: u16) -> Link {
        Link {
            row,
            columns: 0..4,
            url: Arc::from("https://example.org"),
            id: 1,
        }
    }

    #[test]
    fn screens_sharing_frames_write_what_each_would_write_alone() {
        let frames = [
            buffer(&["abcd efgh", "ijkl mnop", "qrst uvwx", "yz        "]),
            buffer(&["ijkl mnop", "qrst uvwx", "yz        ", "0123 4567"]),
            buffer(&["abcd efgh", "ijkl MNOP", "qrst uvwx", "yz        "]),
            buffer(&["          ", "          ", "          ", "          "]),
        ];
        let links = [vec![], vec![link(0)], vec![link(1)]];
        let shared = Arc::new(SharedFrames::default());
        let mut together: Vec<Screen<Vec<u8>>> = (0..4)
            .map(|_| {
                Screen::new(Vec::new(), 10, 4)
                    .with_hyperlinks(true)
                    .sharing(Arc::clone(&shared))
            })
            .collect();
        let mut alone: Vec<Screen<Vec<u8>>> = (0..4)
            .map(|_| Screen::new(Vec::new(), 10, 4).with_hyperlinks(true))
            .collect();
        // A fixed sequence that looks random: which screen draws which frame with which
        // links, and now and then a screen that forgets what it showed.
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |below: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % below as u64) as usize
        };
        let mut taken = 0;
        for step in 0..400 {
            let screen = next(4);
            let frame = &frames[next(frames.len())];
            let links = &links[next(links.len())];
            if next(10) == 0 {
                together[screen].forget();
                alone[screen].forget();
            }
            let kept = shared.len();
            let bytes = drawn(&mut together[screen], frame, links);
            taken += usize::from(shared.len() == kept);
            assert_eq!(
                bytes,
                drawn(&mut alone[screen], frame, links),
                "step {step}: screen {screen}"
            );
        }
        // Screens meet again after drawing a whole frame: the sequence has some of that.
        assert!(
            taken >= 10,
            "only {taken} of 400 frames were taken from another screen"
        );
    }

    #[test]
    fn followers_of_one_screen_hold_one_copy_of_it() {
        let shared = Arc::new(SharedFrames::default());
        let mut screens: Vec<Screen<Vec<u8>>> = (0..3)
            .map(|_| Screen::new(Vec::new(), 10, 2).sharing(Arc::clone(&shared)))
            .collect();
        for frame in [
            buffer(&["slide 1   ", "00:01     "]),
            buffer(&["slide 2   ", "00:02     "]),
        ] {
            let bytes: Vec<Vec<u8>> = screens
                .iter_mut()
                .map(|screen| drawn(screen, &frame, &[]))
                .collect();
            assert!(bytes.iter().all(|b| *b == bytes[0]));
            let first = screens[0].previous.as_ref().expect("a frame was drawn");
            for screen in &screens[1..] {
                let previous = screen.previous.as_ref().expect("a frame was drawn");
                assert!(Arc::ptr_eq(first, previous));
            }
        }
        // One step kept for each frame: the whole first one, and the change to the second.
        assert_eq!(shared.len(), 2);
    }

    #[test]
    fn the_frames_kept_are_bounded_by_their_cells() {
        let shared = Arc::new(SharedFrames::default());
        let mut screen = Screen::new(Vec::new(), 100, 100).sharing(Arc::clone(&shared));
        for n in 0..100 {
            let frame = buffer(&[&format!("{n:>100}")]);
            let mut tall = Buffer::empty(Rect::new(0, 0, 100, 100));
            tall.merge(&frame);
            screen.forget();
            drawn(&mut screen, &tall, &[]);
        }
        assert_eq!(shared.len(), SHARED_CELLS / (100 * 100));
    }
}
