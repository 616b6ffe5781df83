//! Sending frames to the terminal as few bytes as it takes: each frame is compared with the
//! one before and only the cells that changed are written (in the bytes ratatui's crossterm
//! backend would write for them).
//! When the text in the body moved up or down, as when reading line by line, the terminal is
//! first asked to scroll the body itself, the way `less` does, so that only the lines that
//! came into view are sent instead of every line that moved.

use std::io::{self, Write};

use crossterm::cursor::{Hide, MoveTo};
use crossterm::queue;
use crossterm::style::{
    Attribute, Colors, SetAttribute, SetBackgroundColor, SetColors, SetForegroundColor,
    SetUnderlineColor,
};
use ratatui::backend::IntoCrossterm;
use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::ui::layout;

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
    let mut before: Option<(u16, u16, &Cell)> = None;
    updates.into_iter().flat_map(move |(x, y, cell)| {
        let gap = before
            .filter(|&(last_x, last_y, last)| {
                last_y == y
                    && last.symbol().width() == 1
                    && x > last_x + 1
                    && x - last_x - 1 <= BRIDGED_GAP
                    && gap_can_be_written(current, last_x + 1..x, y, last, cell)
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

/// The changes that turn a blank screen into `current`, the same as
/// `Buffer::empty(current.area).diff(current)` gives, without making the blank buffer: on the
/// way to the first screen, a second buffer is a hundred kilobytes of fresh memory to fault in
/// (about a tenth of clsv's own start-up), and the list of changes a few pages more. Wide
/// characters are followed as ratatui's diff does: the columns they cover are passed over, and
/// the ones after an emoji with VS16 are written when they are not blank. A test holds the two
/// equal on random buffers.
pub fn changes_from_blank(current: &Buffer) -> ChangesFromBlank<'_> {
    ChangesFromBlank {
        current,
        next: 0,
        after_emoji: None,
    }
}

/// The iterator of [`changes_from_blank`].
pub struct ChangesFromBlank<'a> {
    current: &'a Buffer,
    /// The index of the next cell to look at.
    next: usize,
    /// While passing over the columns after an emoji with VS16: where they end.
    after_emoji: Option<usize>,
}

impl<'a> ChangesFromBlank<'a> {
    fn place(&self, i: usize) -> (u16, u16, &'a Cell) {
        let width = usize::from(self.current.area.width).max(1);
        // Within the buffer's area, whose coordinates are u16: the casts cannot truncate.
        let x = (i % width) as u16 + self.current.area.x;
        let y = (i / width) as u16 + self.current.area.y;
        (x, y, &self.current.content[i])
    }
}

impl<'a> Iterator for ChangesFromBlank<'a> {
    type Item = (u16, u16, &'a Cell);

    fn next(&mut self) -> Option<Self::Item> {
        let cells = &self.current.content;
        let blank = Cell::EMPTY;
        loop {
            if let Some(end) = self.after_emoji {
                if self.next >= end {
                    self.next = end;
                    self.after_emoji = None;
                    continue;
                }
                // Some terminals leave the columns after such an emoji as they were.
                let covered = self.next;
                let trailing = &cells[covered];
                self.next += usize::from(trailing.cell_width().max(1));
                self.after_emoji = Some(end.max(self.next).min(cells.len()));
                if !is_skipped(trailing) && trailing.symbol() != blank.symbol() {
                    return Some(self.place(covered));
                }
                continue;
            }
            let at = self.next;
            let cell = cells.get(at)?;
            self.next += 1;
            match cell.diff_option {
                _ if is_skipped(cell) => {}
                CellDiffOption::ForcedWidth(forced) => {
                    self.next += usize::from(forced.get()) - 1;
                    if *cell != blank {
                        return Some(self.place(at));
                    }
                }
                _ => {
                    let cell_width = usize::from(cell.cell_width());
                    if cell.diff_option == CellDiffOption::None && *cell == blank {
                        self.next += cell_width.saturating_sub(1);
                        continue;
                    }
                    if cell_width > 1 && cell.symbol().contains('\u{FE0F}') {
                        self.after_emoji = Some((at + cell_width).min(cells.len()));
                    } else {
                        self.next += cell_width.saturating_sub(1);
                    }
                    return Some(self.place(at));
                }
            }
        }
    }
}

/// Whether ratatui's diff passes over `cell`.
fn is_skipped(cell: &Cell) -> bool {
    #[allow(deprecated)] // still read by ratatui's diff, so read here too
    let skip = cell.skip;
    cell.diff_option == CellDiffOption::Skip || (skip && cell.diff_option == CellDiffOption::None)
}

/// Writes `cells` into `out` as ratatui's crossterm backend draws them
/// (`CrosstermBackend::draw`), byte for byte: a cursor move where a cell does not follow the
/// one before, the attributes and colours that change, the cell, and the colours and
/// attributes reset at the end. The cells themselves are copied, not formatted one command
/// each: on a first frame that formatting was a tenth of clsv's own start-up. A test holds
/// the bytes equal to the backend's.
pub fn write_cells<'a>(
    out: &mut Vec<u8>,
    cells: impl IntoIterator<Item = (u16, u16, &'a Cell)>,
) -> io::Result<()> {
    let (mut fg, mut bg, mut underline) = (Color::Reset, Color::Reset, Color::Reset);
    let mut modifier = Modifier::empty();
    let mut last: Option<(u16, u16)> = None;
    for (x, y, cell) in cells {
        if !matches!(last, Some((last_x, last_y)) if last_x.checked_add(1) == Some(x) && last_y == y)
        {
            queue!(out, MoveTo(x, y))?;
        }
        last = Some((x, y));
        if cell.modifier != modifier {
            change_modifier(out, modifier, cell.modifier)?;
            modifier = cell.modifier;
        }
        if cell.fg != fg || cell.bg != bg {
            let colors = Colors::new(cell.fg.into_crossterm(), cell.bg.into_crossterm());
            queue!(out, SetColors(colors))?;
            (fg, bg) = (cell.fg, cell.bg);
        }
        if cell.underline_color != underline {
            queue!(
                out,
                SetUnderlineColor(cell.underline_color.into_crossterm())
            )?;
            underline = cell.underline_color;
        }
        out.extend_from_slice(cell.symbol().as_bytes());
    }
    queue!(
        out,
        SetForegroundColor(crossterm::style::Color::Reset),
        SetBackgroundColor(crossterm::style::Color::Reset),
        SetUnderlineColor(crossterm::style::Color::Reset),
        SetAttribute(Attribute::Reset),
    )
}

/// The attributes that take `from` to `to`, in the backend's order: those removed (normal
/// intensity for bold or dim, then the one of the two that stays), then those added.
fn change_modifier(out: &mut Vec<u8>, from: Modifier, to: Modifier) -> io::Result<()> {
    let removed = from - to;
    let added = to - from;
    let intensity_reset = removed.intersects(Modifier::BOLD | Modifier::DIM);
    let mut set = |attribute| queue!(out, SetAttribute(attribute));
    if removed.contains(Modifier::REVERSED) {
        set(Attribute::NoReverse)?;
    }
    if intensity_reset {
        set(Attribute::NormalIntensity)?;
        if to.contains(Modifier::DIM) {
            set(Attribute::Dim)?;
        }
        if to.contains(Modifier::BOLD) {
            set(Attribute::Bold)?;
        }
    }
    for (modifier, off) in [
        (Modifier::ITALIC, Attribute::NoItalic),
        (Modifier::UNDERLINED, Attribute::NoUnderline),
        (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
        (Modifier::HIDDEN, Attribute::NoHidden),
        (
            Modifier::SLOW_BLINK | Modifier::RAPID_BLINK,
            Attribute::NoBlink,
        ),
    ] {
        if removed.intersects(modifier) {
            set(off)?;
        }
    }
    for (modifier, on) in [
        (Modifier::REVERSED, Attribute::Reverse),
        (Modifier::BOLD, Attribute::Bold),
        (Modifier::ITALIC, Attribute::Italic),
        (Modifier::UNDERLINED, Attribute::Underlined),
        (Modifier::DIM, Attribute::Dim),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut),
        (Modifier::HIDDEN, Attribute::Hidden),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink),
    ] {
        // Bold and dim after a reset of intensity were set above.
        let already_set = intensity_reset && (Modifier::BOLD | Modifier::DIM).contains(modifier);
        if added.contains(modifier) && !already_set {
            set(on)?;
        }
    }
    Ok(())
}

/// What the terminal shows, and how to change it into the next frame.
pub struct Screen<W: Write> {
    writer: W,
    /// The frame on the terminal now; `None` when nothing is known of it (start, resize,
    /// resume), and the next frame is drawn whole.
    previous: Option<Buffer>,
    area: Rect,
}

impl<W: Write> Screen<W> {
    pub fn new(writer: W, width: u16, height: u16) -> Screen<W> {
        Screen {
            writer,
            previous: None,
            area: Rect::new(0, 0, width, height),
        }
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

    /// Writes the changes from the last frame to `app` as it is now, as one synchronized
    /// update, into the writer.
    pub fn draw(&mut self, app: &App) -> io::Result<()> {
        let mut current = Buffer::empty(self.area);
        app.render(self.area, &mut current);
        let out = &mut Vec::with_capacity(16 * 1024);
        out.extend_from_slice(b"\x1b[?2026h");
        match self.previous.take() {
            Some(mut previous) => {
                if let Some(screen) = layout::screen(self.area) {
                    // Inside the body's frame: its top and bottom borders stay where they are.
                    let (top, bottom) = (screen.body.y + 1, screen.body.bottom().saturating_sub(1));
                    if let Some(shift) = detect_shift(&previous, &current, top, bottom) {
                        out.extend_from_slice(scroll_sequence(shift).as_bytes());
                        apply_shift(&mut previous, shift);
                    }
                }
                write_cells(out, bridge_short_gaps(previous.diff(&current), &current))?;
            }
            None => {
                out.extend_from_slice(b"\x1b[0m\x1b[2J");
                queue!(out, Hide)?;
                write_cells(
                    out,
                    bridge_short_gaps(changes_from_blank(&current), &current),
                )?;
            }
        }
        out.extend_from_slice(b"\x1b[?2026l");
        self.writer.write_all(out)?;
        self.previous = Some(current);
        Ok(())
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

    mod written_cells {
        use proptest::prelude::*;
        use ratatui::backend::{Backend, CrosstermBackend};
        use ratatui::buffer::Cell;
        use ratatui::style::{Color, Modifier};

        use super::super::write_cells;

        const COLORS: &[Color] = &[
            Color::Reset,
            Color::Red,
            Color::LightCyan,
            Color::Indexed(37),
            Color::Rgb(1, 2, 3),
        ];

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(500))]
            #[test]
            fn are_the_bytes_of_ratatuis_crossterm_backend(
                cells in proptest::collection::vec(
                    (0u16..4, 0u16..3, "[a ţ自]", 0..COLORS.len(), 0..COLORS.len(), 0..COLORS.len(), 0u16..512),
                    0..30,
                ),
            ) {
                let mut x = 0;
                let mut y = 0;
                let cells: Vec<(u16, u16, Cell)> = cells
                    .into_iter()
                    .map(|(step, down, symbol, fg, bg, underline, modifier)| {
                        // Mostly the next column, sometimes a jump: both ways of moving on.
                        (x, y) = match down {
                            0 => (x + step.max(1), y),
                            _ => (step, y + down),
                        };
                        let mut cell = Cell::new("");
                        cell.set_symbol(&symbol);
                        cell.fg = COLORS[fg];
                        cell.bg = COLORS[bg];
                        cell.underline_color = COLORS[underline];
                        cell.modifier = Modifier::from_bits_truncate(modifier);
                        (x, y, cell)
                    })
                    .collect();
                let items = || cells.iter().map(|(x, y, cell)| (*x, *y, cell));
                let mut ours = Vec::new();
                write_cells(&mut ours, items()).unwrap();
                let mut theirs = Vec::new();
                CrosstermBackend::new(&mut theirs).draw(items()).unwrap();
                prop_assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));
            }
        }
    }

    mod from_blank {
        use std::num::NonZeroU16;

        use proptest::prelude::*;
        use ratatui::buffer::{Buffer, CellDiffOption};
        use ratatui::layout::Rect;
        use ratatui::style::{Color, Modifier};

        use super::super::changes_from_blank;

        /// Symbols of every width the diff treats apart: blank, one column, none, two
        /// columns, two with VS16, and a combining sequence.
        const SYMBOLS: &[&str] = &[" ", "a", "ţ", "", "自", "❤\u{fe0f}", "👍🏽", "e\u{301}", "🇷🇴"];

        fn cell() -> impl Strategy<Value = (usize, u8, u8, u8)> {
            (0..SYMBOLS.len(), 0u8..3, 0u8..3, 0u8..12)
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(500))]
            #[test]
            fn are_what_ratatui_diffs_against_a_blank_buffer(
                x in 0u16..3,
                y in 0u16..3,
                width in 1u16..9,
                cells in proptest::collection::vec(cell(), 1..40),
            ) {
                let height = (cells.len() as u16).div_ceil(width);
                let area = Rect::new(x, y, width, height);
                let mut buffer = Buffer::empty(area);
                for (content, &(symbol, fg, modifier, option)) in
                    buffer.content.iter_mut().zip(&cells)
                {
                    content.set_symbol(SYMBOLS[symbol]);
                    content.fg = [Color::Reset, Color::Red, Color::Indexed(37)][fg as usize];
                    content.modifier =
                        [Modifier::empty(), Modifier::BOLD, Modifier::REVERSED][modifier as usize];
                    content.diff_option = match option {
                        0 => CellDiffOption::Skip,
                        1 => CellDiffOption::AlwaysUpdate,
                        2 | 3 => CellDiffOption::ForcedWidth(
                            NonZeroU16::new(u16::from(option) - 1).unwrap_or(NonZeroU16::MIN),
                        ),
                        4 => {
                            #[allow(deprecated)] // ratatui's diff still reads it
                            {
                                content.skip = true;
                            }
                            CellDiffOption::None
                        }
                        _ => CellDiffOption::None,
                    };
                }
                let expected = Buffer::empty(area).diff(&buffer);
                let changes: Vec<_> = changes_from_blank(&buffer).collect();
                prop_assert_eq!(changes, expected);
            }
        }
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
}
