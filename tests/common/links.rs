//! A terminal that keeps the link (OSC 8) of each cell, as real terminals do, for the tests
//! of links: what clsv writes is read with `vte` (the parser alacritty uses), and each cell
//! remembers the link it was written in. It knows the sequences clsv writes (cursor moves,
//! attributes, clearing, the scroll region and scrolling, modes, links) and fails on any
//! other, so that a sequence it would get wrong cannot pass unseen.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

/// A link as the terminal holds it: its `id=` parameter and its address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldLink {
    pub id: String,
    pub url: String,
}

/// A cell: its character (empty for the second column of a wide one) and its link.
#[derive(Debug, Clone, PartialEq)]
struct Cell {
    text: String,
    link: Option<HeldLink>,
}

impl Default for Cell {
    /// A blank, as a cleared screen or a row scrolled in has.
    fn default() -> Cell {
        Cell {
            text: " ".to_string(),
            link: None,
        }
    }
}

/// A run of cells of one row in one link, as the terminal holds them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRun {
    pub row: u16,
    pub columns: Range<u16>,
    pub link: HeldLink,
    pub text: String,
}

pub struct LinkTerminal {
    parser: vte::Parser,
    screen: Screen,
}

struct Screen {
    width: u16,
    height: u16,
    cells: Vec<Cell>,
    x: u16,
    y: u16,
    link: Option<HeldLink>,
    region: (u16, u16),
}

impl LinkTerminal {
    pub fn new(width: u16, height: u16) -> LinkTerminal {
        LinkTerminal {
            parser: vte::Parser::new(),
            screen: Screen {
                width,
                height,
                cells: vec![Cell::default(); width as usize * height as usize],
                x: 0,
                y: 0,
                link: None,
                region: (0, height),
            },
        }
    }

    pub fn process(&mut self, bytes: &[u8]) {
        self.parser.advance(&mut self.screen, bytes);
    }

    /// Every run of cells in a link, row by row.
    pub fn links(&self) -> Vec<LinkRun> {
        let screen = &self.screen;
        let mut runs: Vec<LinkRun> = Vec::new();
        for y in 0..screen.height {
            for x in 0..screen.width {
                let cell = &screen.cells[screen.index(x, y)];
                let Some(link) = &cell.link else { continue };
                match runs.last_mut() {
                    Some(run) if run.row == y && run.columns.end == x && run.link == *link => {
                        run.columns.end = x + 1;
                        run.text.push_str(&cell.text);
                    }
                    _ => runs.push(LinkRun {
                        row: y,
                        columns: x..x + 1,
                        link: link.clone(),
                        text: cell.text.clone(),
                    }),
                }
            }
        }
        runs
    }

    /// The text of row `y`, trailing spaces cut.
    pub fn row_text(&self, y: u16) -> String {
        let screen = &self.screen;
        let text: String = (0..screen.width)
            .map(|x| screen.cells[screen.index(x, y)].text.as_str())
            .collect();
        text.trim_end().to_string()
    }
}

impl Screen {
    fn index(&self, x: u16, y: u16) -> usize {
        y as usize * self.width as usize + x as usize
    }

    fn blank_rows(&mut self, rows: Range<u16>) {
        for y in rows {
            for x in 0..self.width {
                let i = self.index(x, y);
                self.cells[i] = Cell::default();
            }
        }
    }

    /// Scrolls the region `lines` up (negative: down), as SU and SD do.
    fn scroll(&mut self, lines: i32) {
        let (top, bottom) = self.region;
        let width = self.width as usize;
        let rows = &mut self.cells[top as usize * width..bottom as usize * width];
        let moved = (lines.unsigned_abs() as usize).min(rows.len() / width.max(1)) * width;
        if lines > 0 {
            rows.rotate_left(moved);
            let len = rows.len();
            rows[len - moved..].fill(Cell::default());
        } else {
            rows.rotate_right(moved);
            rows[..moved].fill(Cell::default());
        }
    }
}

impl vte::Perform for Screen {
    fn print(&mut self, c: char) {
        let width = c.width().unwrap_or(0) as u16;
        if width == 0 {
            // A mark joins the character before it.
            if self.x > 0 && self.y < self.height {
                let i = self.index(self.x - 1, self.y);
                self.cells[i].text.push(c);
            }
            return;
        }
        if self.y >= self.height || self.x + width > self.width {
            return;
        }
        let i = self.index(self.x, self.y);
        self.cells[i] = Cell {
            text: c.to_string(),
            link: self.link.clone(),
        };
        if width == 2 {
            self.cells[i + 1] = Cell {
                text: String::new(),
                link: self.link.clone(),
            };
        }
        self.x += width;
    }

    fn csi_dispatch(
        &mut self,
        params: &vte::Params,
        intermediates: &[u8],
        _ignore: bool,
        action: char,
    ) {
        let numbers: Vec<u16> = params.iter().map(|p| p[0]).collect();
        let number = |i: usize, default: u16| match numbers.get(i) {
            Some(&0) | None => default,
            Some(&n) => n,
        };
        match (intermediates, action) {
            // Modes: synchronized update, cursor, alternate screen, mouse, paste.
            (b"?", 'h' | 'l') => {}
            ([], 'm') => {}
            ([], 'H') => {
                self.y = number(0, 1) - 1;
                self.x = number(1, 1) - 1;
            }
            ([], 'J') if numbers.first() == Some(&2) => self.blank_rows(0..self.height),
            ([], 'r') => {
                self.region = (number(0, 1) - 1, number(1, self.height).min(self.height));
                (self.x, self.y) = (0, 0);
            }
            ([], 'S') => self.scroll(number(0, 1) as i32),
            ([], 'T') => self.scroll(-(number(0, 1) as i32)),
            _ => panic!(
                "a sequence the test terminal does not know: CSI {intermediates:?} {numbers:?} {action}"
            ),
        }
    }

    fn osc_dispatch(&mut self, params: &[&[u8]], _bell_terminated: bool) {
        match params {
            [b"8", parameters, url @ ..] => {
                let url = url
                    .iter()
                    .map(|part| String::from_utf8_lossy(part).into_owned())
                    .collect::<Vec<_>>()
                    .join(";");
                self.link = match url.is_empty() {
                    true => None,
                    false => {
                        let parameters = String::from_utf8_lossy(parameters);
                        let id = parameters
                            .split(':')
                            .find_map(|p| p.strip_prefix("id="))
                            .unwrap_or_default()
                            .to_string();
                        Some(HeldLink { id, url })
                    }
                };
            }
            // The clipboard (OSC 52).
            [b"52", ..] => {}
            _ => panic!("an OSC the test terminal does not know: {params:?}"),
        }
    }

    fn esc_dispatch(&mut self, intermediates: &[u8], _ignore: bool, byte: u8) {
        // ESC \ ends an OSC; nothing else is expected.
        if !(intermediates.is_empty() && byte == b'\\') {
            panic!("an escape the test terminal does not know: {intermediates:?} {byte}");
        }
    }
}
