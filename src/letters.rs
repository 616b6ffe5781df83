//! The letters of block-letter titles: 8×8 bitmaps from the `font8x8` crate (ASCII and
//! Latin-1), with the Romanian letters it lacks (ă ş ţ ș ț and their capitals) made of a base
//! letter of the font and its mark, and the cells a letter takes in each pixel form. Below
//! `doc` so that a slide's layout knows which titles can be drawn and how wide they are, and
//! the widget (`ui::big_text`) draws the same bitmaps.

use std::ops::Range;

use font8x8::{BASIC_FONTS, LATIN_FONTS, UnicodeFonts};

use crate::capability::Dots;

/// An 8×8 bitmap: a byte a row, top row first; bit 0 is the leftmost pixel.
pub type Glyph = [u8; 8];

/// What the pixels of block letters are drawn with, as the terminal allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pixels {
    /// Quadrant blocks (`▘`, `▚`, `▟`, …): 2×2 pixels a cell, 4×4 cells a letter.
    Quadrant,
    /// Half blocks (`▀`, `▄`, `█`): 1×2 pixels a cell, a letter 4 rows high and as wide as
    /// its ink and a blank column; the Linux console's font has them but no quadrants.
    HalfBlock,
    /// ASCII characters standing for half blocks, shaped like them as far as ASCII goes.
    Ascii,
}

impl Pixels {
    /// The pixels for a terminal whose drawings are made of `dots`: where braille is
    /// expected in the font, quadrants are too; the Linux console has half blocks only.
    pub fn for_dots(dots: Dots) -> Pixels {
        match dots {
            Dots::Braille => Pixels::Quadrant,
            Dots::HalfBlock => Pixels::HalfBlock,
            Dots::Ascii => Pixels::Ascii,
        }
    }

    /// (columns, rows) of pixels in one cell.
    pub fn cell(self) -> (u16, u16) {
        match self {
            Pixels::Quadrant => (2, 2),
            Pixels::HalfBlock | Pixels::Ascii => (1, 2),
        }
    }

    /// Rows of one line of block letters.
    pub fn letter_rows(self) -> u16 {
        8 / self.cell().1
    }

    /// The columns of pixels of the glyph of `c` that its letter takes, the gap after it
    /// included (a column past the eighth is blank), or `None` when the font has no `c`.
    pub fn letter_pixels(self, c: char) -> Option<Range<u16>> {
        let glyph = glyph(c)?;
        let ink = glyph.iter().fold(0u8, |ink, row| ink | row);
        Some(match self {
            Pixels::Quadrant => 0..8,
            // A cell a pixel wide makes a letter twice as wide as a quadrant one: each letter
            // takes only its ink and one blank column, so that the font's blank margins do not
            // double too and a word of ten letters fits an 80-column screen.
            Pixels::HalfBlock | Pixels::Ascii => match ink {
                // A space is half a letter wide.
                0 => 0..4,
                ink => ink.trailing_zeros() as u16..(8 - ink.leading_zeros() as u16 + 1),
            },
        })
    }

    /// Columns that `c` takes, or `None` when the font has no `c`.
    pub fn letter_columns(self, c: char) -> Option<u16> {
        let pixels = self.letter_pixels(c)?;
        Some((pixels.end - pixels.start).div_ceil(self.cell().0))
    }

    /// Columns that `line` takes in block letters, or `None` when the font lacks one of its
    /// characters.
    pub fn line_columns(self, line: &str) -> Option<u16> {
        line.chars().try_fold(0u16, |sum, c| {
            Some(sum.saturating_add(self.letter_columns(c)?))
        })
    }
}

/// The bitmap of `c`: a Romanian letter made here, or the font's own; `None` for a character
/// the font lacks (Greek, Cyrillic, CJK, typographic quotes and dashes, …) and for control
/// characters.
pub fn glyph(c: char) -> Option<Glyph> {
    if let Some(&(_, base, mark)) = MARKED.iter().find(|(letter, _, _)| *letter == c) {
        return with_mark(base, mark);
    }
    if c.is_control() {
        return None;
    }
    BASIC_FONTS.get(c).or_else(|| LATIN_FONTS.get(c))
}

/// Whether every character of `text` has a bitmap.
pub fn drawable(text: &str) -> bool {
    text.chars().all(|c| glyph(c).is_some())
}

/// A diacritical mark of Romanian, drawn in two rows above or below its letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Breve,
    Circumflex,
    Cedilla,
    CommaBelow,
}

/// The Romanian letters with marks, each with its base letter in the font. `â`, `î`, `Â`
/// and `Î` are in the font's Latin-1 already, but drawn in another style (a wider `a`, a
/// heavier circumflex) than `ă` beside them: they are made here the same way as `ă`.
const MARKED: [(char, char, Mark); 14] = [
    ('ă', 'a', Mark::Breve),
    ('Ă', 'A', Mark::Breve),
    ('â', 'a', Mark::Circumflex),
    ('Â', 'A', Mark::Circumflex),
    ('î', 'i', Mark::Circumflex),
    ('Î', 'I', Mark::Circumflex),
    ('ş', 's', Mark::Cedilla),
    ('Ş', 'S', Mark::Cedilla),
    ('ţ', 't', Mark::Cedilla),
    ('Ţ', 'T', Mark::Cedilla),
    ('ș', 's', Mark::CommaBelow),
    ('Ș', 'S', Mark::CommaBelow),
    ('ț', 't', Mark::CommaBelow),
    ('Ț', 'T', Mark::CommaBelow),
];

impl Mark {
    /// Its two rows of pixels (`#` is ink), centred over the font's letters, which mostly
    /// take the columns 0 to 5.
    fn art(self) -> [&'static str; 2] {
        match self {
            // As the font draws the circumflex of `Î`; the breve is its mirror image.
            Mark::Circumflex => ["..##....", ".#..#..."],
            Mark::Breve => [".#..#...", "..##...."],
            // Down from the letter, out to the right and back under it, as the font's `ç`.
            Mark::Cedilla => ["...##...", ".###...."],
            // A dot with a tail down to the left.
            Mark::CommaBelow => ["..##....", "..#....."],
        }
    }

    fn above(self) -> bool {
        matches!(self, Mark::Breve | Mark::Circumflex)
    }
}

/// The rows of a base letter kept, top to bottom, when it makes room for a mark: a capital
/// is shortened as the font shortens `A` in `Â` (to four rows under the mark and a blank
/// row) and `C` in `Ç` (its bottom rows giving way to the mark), dropping the rows that
/// repeat the one above or change the shape least; `i` loses its dot to the circumflex.
fn kept_rows(base: char) -> &'static [usize] {
    match base {
        'A' => &[1, 2, 4, 5],
        'I' => &[0, 1, 5, 6],
        'S' => &[0, 1, 2, 4, 5, 6],
        'T' => &[0, 1, 2, 3, 5, 6],
        's' => &[2, 3, 5, 6],
        't' => &[0, 1, 2, 3, 4, 6],
        // 'a' and 'i' keep their bodies, below the mark's rows.
        _ => &[2, 3, 4, 5, 6],
    }
}

/// The letter `base` of the font with `mark`: the letter's kept rows end on its baseline
/// (row 6) under a mark above, or just above the mark's two rows below it.
fn with_mark(base: char, mark: Mark) -> Option<Glyph> {
    let letter = BASIC_FONTS.get(base)?;
    let mut glyph: Glyph = [0; 8];
    let kept = kept_rows(base);
    let last = if mark.above() { 6 } else { 5 };
    let first = last + 1 - kept.len();
    for (row, &from) in glyph[first..=last].iter_mut().zip(kept) {
        *row = letter[from];
    }
    let mark_top = if mark.above() { 0 } else { 6 };
    for (row, art) in glyph[mark_top..mark_top + 2].iter_mut().zip(mark.art()) {
        *row = bits(art);
    }
    Some(glyph)
}

/// A row of pixels from its picture: `#` is ink, anything else blank, the leftmost first.
fn bits(art: &str) -> u8 {
    art.bytes()
        .take(8)
        .enumerate()
        .fold(0, |row, (x, b)| if b == b'#' { row | 1 << x } else { row })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    /// The glyph as text, a line a row, `#` for ink.
    fn picture(glyph: Glyph) -> String {
        glyph
            .iter()
            .map(|row| {
                (0..8)
                    .map(|x| if row & (1 << x) != 0 { '#' } else { '.' })
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn ink_rows(glyph: Glyph) -> Vec<usize> {
        (0..8).filter(|&y| glyph[y] != 0).collect()
    }

    #[test]
    fn each_romanian_letter_differs_from_its_base_and_from_the_other_marks() {
        let glyphs: Vec<(char, Glyph)> = MARKED
            .iter()
            .map(|&(c, ..)| (c, glyph(c).unwrap()))
            .collect();
        for (i, (c, g)) in glyphs.iter().enumerate() {
            let base = MARKED[i].1;
            assert_ne!(*g, glyph(base).unwrap(), "{c} is not its base {base}");
            for (other, h) in &glyphs[i + 1..] {
                assert_ne!(g, h, "{c} and {other} look the same:\n{}", picture(*g));
            }
        }
    }

    #[test]
    fn marks_sit_above_or_below_their_letter() {
        for &(c, _, mark) in &MARKED {
            let g = glyph(c).unwrap();
            let art = mark.art().map(bits);
            let rows = ink_rows(g);
            match mark.above() {
                true => {
                    assert_eq!(&g[..2], &art, "{c}:\n{}", picture(g));
                    assert_eq!(rows.last(), Some(&6), "{c} stands on the baseline");
                }
                false => {
                    assert_eq!(&g[6..], &art, "{c}:\n{}", picture(g));
                    assert_ne!(g[5], 0, "{c}'s letter ends above its mark");
                }
            }
        }
        // A capital leaves a blank row between its mark and itself, as the font's `Â`.
        assert_eq!(glyph('Ă').unwrap()[2], 0);
        assert_eq!(glyph('Î').unwrap()[2], 0);
        // ş and ș differ only in their marks.
        assert_eq!(glyph('ş').unwrap()[..6], glyph('ș').unwrap()[..6]);
    }

    #[test]
    fn the_font_has_ascii_and_latin1_and_not_greek_or_cjk() {
        assert!(drawable(
            "Principiul 1: Aceleaşi drepturi (ţară, Ţara, ÎNSĂ)"
        ));
        assert!(drawable("Café Zürich"));
        assert!(!drawable("Ωmega"));
        assert!(!drawable("自由"));
        assert!(!drawable("tab\there"));
        assert!(!drawable("“quoted”"));
    }

    #[test]
    fn letters_are_four_cells_in_quadrants_and_as_wide_as_their_ink_in_half_blocks() {
        assert_eq!(Pixels::Quadrant.line_columns("Aş i"), Some(16));
        // A and ş take the columns 0 to 5, i 1 to 4, each with a blank one after; a space 4.
        assert_eq!(Pixels::HalfBlock.line_columns("Aş i"), Some(7 + 7 + 4 + 5));
        assert_eq!(Pixels::HalfBlock.letter_pixels('i'), Some(1..6));
        assert_eq!(
            Pixels::Ascii.line_columns("ê_"),
            Some(18),
            "ê and _ reach the eighth column"
        );
        assert_eq!(Pixels::HalfBlock.line_columns("Principiul"), Some(66));
        assert_eq!(Pixels::Ascii.line_columns("Ω"), None);
        for pixels in [Pixels::Quadrant, Pixels::HalfBlock, Pixels::Ascii] {
            assert_eq!(pixels.letter_rows(), 4);
        }
    }

    #[test]
    fn the_mark_pictures_are_eight_pixels_wide() {
        for &(_, _, mark) in &MARKED {
            assert!(mark.art().iter().all(|row| row.len() == 8));
        }
    }
}
