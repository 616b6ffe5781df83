//! `BigText`: lines of block letters, each line centred in the area, drawn from the 8×8
//! bitmaps of `letters` with quadrant blocks, half blocks or ASCII characters (`Pixels`).
//! A widget of plain inputs: whatever does not fit the area is cut, never drawn past it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::letters::{self, Pixels};

/// Lines of text in block letters.
#[derive(Debug, Clone)]
pub struct BigText<'a> {
    lines: &'a [String],
    pixels: Pixels,
    style: Style,
}

impl<'a> BigText<'a> {
    pub fn new(lines: &'a [String], pixels: Pixels) -> BigText<'a> {
        BigText {
            lines,
            pixels,
            style: Style::new(),
        }
    }

    pub fn style(mut self, style: Style) -> BigText<'a> {
        self.style = style;
        self
    }
}

/// Quadrant blocks by the pixels they show: bit 0 top left, 1 top right, 2 bottom left,
/// 3 bottom right.
const QUADRANTS: [char; 16] = [
    ' ', '▘', '▝', '▀', '▖', '▌', '▞', '▛', '▗', '▚', '▐', '▜', '▄', '▙', '▟', '█',
];

/// Half blocks by the pixels they show: bit 0 top, bit 1 bottom.
const HALF_BLOCKS: [char; 4] = [' ', '▀', '▄', '█'];

/// The same in ASCII: a quote hangs from the top of the cell, an underscore lies at its
/// bottom, and `#` fills it.
const ASCII_HALVES: [char; 4] = [' ', '"', '_', '#'];

impl Widget for BigText<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let letter_rows = self.pixels.letter_rows();
        for (i, line) in self.lines.iter().enumerate() {
            let top = area.y as u32 + i as u32 * letter_rows as u32;
            if top >= area.bottom() as u32 {
                break;
            }
            let pixels = line_pixels(line, self.pixels);
            let (cell_width, cell_height) = self.pixels.cell();
            let columns = pixels.len().div_ceil(cell_width as usize) as u32;
            let left = area.x as u32 + (area.width as u32).saturating_sub(columns) / 2;
            for row in 0..letter_rows as u32 {
                let y = top + row;
                if y >= area.bottom() as u32 {
                    break;
                }
                for column in 0..columns {
                    let x = left + column;
                    if x >= area.right() as u32 {
                        break;
                    }
                    let mut shown = 0usize;
                    for dy in 0..cell_height as u32 {
                        for dx in 0..cell_width as u32 {
                            let px = (column * cell_width as u32 + dx) as usize;
                            let py = row * cell_height as u32 + dy;
                            let ink = pixels.get(px).is_some_and(|strip| strip & (1 << py) != 0);
                            if ink {
                                shown |= 1 << (dy * cell_width as u32 + dx);
                            }
                        }
                    }
                    let symbol = match self.pixels {
                        Pixels::Quadrant => QUADRANTS[shown],
                        Pixels::HalfBlock => HALF_BLOCKS[shown],
                        Pixels::Ascii => ASCII_HALVES[shown],
                    };
                    // `x` and `y` are inside `area`, which is inside the buffer.
                    buf[(x as u16, y as u16)]
                        .set_char(symbol)
                        .set_style(self.style);
                }
            }
        }
    }
}

/// The pixels of `line` column by column, left to right: a byte a column, bit 0 the top
/// row. Each letter takes the columns `Pixels::letter_pixels` gives it, so that what is drawn
/// is as wide as the slide's layout measured.
fn line_pixels(line: &str, pixels: Pixels) -> Vec<u8> {
    let mut strips = Vec::new();
    for c in line.chars() {
        let (Some(glyph), Some(columns)) = (letters::glyph(c), pixels.letter_pixels(c)) else {
            continue;
        };
        for x in columns {
            let strip = glyph
                .iter()
                .enumerate()
                .filter(|(_, row)| x < 8 && *row & (1 << x) != 0)
                .fold(0u8, |strip, (y, _)| strip | 1 << y);
            strips.push(strip);
        }
    }
    strips
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use proptest::prelude::*;

    fn drawn(lines: &[&str], pixels: Pixels, width: u16, height: u16) -> Buffer {
        let lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
        BigText::new(&lines, pixels).render(buf.area, &mut buf);
        buf
    }

    fn rows(buf: &Buffer) -> Vec<String> {
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect()
    }

    #[test]
    fn each_form_draws_only_its_own_characters() {
        let title = "Ţara Şi ţara, ÎNSĂ în ș ț Ș Ț â Â 0-9!";
        for (pixels, allowed) in [
            (Pixels::Quadrant, QUADRANTS.as_slice()),
            (Pixels::HalfBlock, HALF_BLOCKS.as_slice()),
            (Pixels::Ascii, ASCII_HALVES.as_slice()),
        ] {
            let buf = drawn(&[title, "Principiul"], pixels, 400, 10);
            for row in rows(&buf) {
                assert!(
                    row.chars().all(|c| allowed.contains(&c)),
                    "{pixels:?}: {row}"
                );
            }
        }
        for row in rows(&drawn(&[title], Pixels::HalfBlock, 400, 4)) {
            assert!(row.chars().all(|c| " ▀▄█".contains(c)));
        }
        for row in rows(&drawn(&[title], Pixels::Ascii, 400, 4)) {
            assert!(row.is_ascii());
        }
    }

    #[test]
    fn a_line_is_centred_and_as_wide_as_measured() {
        for pixels in [Pixels::Quadrant, Pixels::HalfBlock, Pixels::Ascii] {
            let width = pixels.line_columns("Şa").unwrap();
            let buf = drawn(&["Şa"], pixels, width + 10, 4);
            for row in rows(&buf) {
                let chars: Vec<char> = row.chars().collect();
                assert!(chars[..5].iter().all(|&c| c == ' '), "{pixels:?}: {row}");
                assert!(chars[5 + width as usize..].iter().all(|&c| c == ' '));
            }
            let ink = rows(&buf)
                .iter()
                .flat_map(|row| row.chars().collect::<Vec<_>>())
                .filter(|&c| c != ' ')
                .count();
            assert!(ink > 0);
        }
    }

    #[test]
    fn marks_are_drawn_above_and_below() {
        // The breve of ă in the top row, above the letter; the comma of ș in the bottom row.
        let plain = rows(&drawn(&["a"], Pixels::HalfBlock, 7, 4));
        let breve = rows(&drawn(&["ă"], Pixels::HalfBlock, 7, 4));
        assert_eq!(plain[0].trim(), "");
        assert_ne!(breve[0].trim(), "");
        let s = rows(&drawn(&["s"], Pixels::HalfBlock, 7, 4));
        let comma = rows(&drawn(&["ș"], Pixels::HalfBlock, 7, 4));
        let cedilla = rows(&drawn(&["ş"], Pixels::HalfBlock, 7, 4));
        assert_eq!(s[3].trim(), "▀▀▀▀▀");
        assert_ne!(comma[3], s[3]);
        assert_ne!(cedilla[3], comma[3]);
    }

    proptest! {
        #[test]
        fn nothing_is_drawn_outside_the_area(
            width in 1u16..60,
            height in 1u16..14,
            x in 0u16..4,
            y in 0u16..4,
            form in 0usize..3,
        ) {
            let pixels = [Pixels::Quadrant, Pixels::HalfBlock, Pixels::Ascii][form];
            let lines = vec!["Ţara Şi".to_string(), "ÎNSĂ ș".to_string(), "Principiul".to_string()];
            let mut buf = Buffer::empty(Rect::new(0, 0, 70, 20));
            let area = Rect::new(x, y, width, height);
            BigText::new(&lines, pixels).render(area, &mut buf);
            for cy in 0..20 {
                for cx in 0..70 {
                    if !area.contains(ratatui::layout::Position::new(cx, cy)) {
                        prop_assert_eq!(buf[(cx, cy)].symbol(), " ");
                    }
                }
            }
        }
    }
}
