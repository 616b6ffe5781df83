//! A world map of places: the land from ratatui's built-in map, each place marked in the
//! cell its coordinates give, the selected one standing out (another glyph, reverse video or
//! colour, and its label beside it). Braille, half blocks or ASCII, as the terminal shows.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::{Marker, half_block};
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Map, MapResolution};

use crate::capability::Dots;
use crate::geometry;
use crate::text;
use crate::theme::Theme;
use crate::ui::chart::shorten;

/// The smallest map worth drawing; below it, the words for "too small".
pub const MIN_WIDTH: u16 = geometry::MAP_MIN_WIDTH;
pub const MIN_HEIGHT: u16 = geometry::MAP_MIN_HEIGHT;

/// The part of the world shown, in degrees, projected plainly (equirectangular: x is the
/// longitude, y the latitude). The poles are cropped: below 60° S there is only Antarctica
/// and above 85° N nothing, and the rows they would take give the inhabited land more room.
pub const WEST: f64 = -180.0;
pub const EAST: f64 = 180.0;
pub const SOUTH: f64 = -60.0;
pub const NORTH: f64 = 85.0;

/// A place to mark: where it is, and its label (a name, a code) shown when it is selected.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place<'a> {
    pub latitude: f64,
    pub longitude: f64,
    pub label: &'a str,
}

/// The map with its places. `selected` out of range selects nothing; a place outside the
/// shown latitudes is marked at the edge; one without finite coordinates is not marked.
#[derive(Debug, Clone, Copy)]
pub struct WorldMap<'a> {
    pub places: &'a [Place<'a>],
    pub selected: Option<usize>,
    /// What the land is drawn with; ASCII whatever this says when the theme's glyphs are.
    pub dots: Dots,
    pub theme: Theme,
    /// Shown instead of the map in an area smaller than `MIN_WIDTH`×`MIN_HEIGHT`.
    pub too_small: &'a str,
}

impl<'a> WorldMap<'a> {
    /// The map of `places`, none selected, in the theme's dots.
    pub fn new(places: &'a [Place<'a>], theme: Theme) -> WorldMap<'a> {
        WorldMap {
            places,
            selected: None,
            dots: theme.dots,
            theme,
            too_small: "",
        }
    }

    pub fn selected(self, selected: Option<usize>) -> WorldMap<'a> {
        WorldMap { selected, ..self }
    }

    pub fn dots(self, dots: Dots) -> WorldMap<'a> {
        WorldMap { dots, ..self }
    }

    pub fn too_small(self, too_small: &'a str) -> WorldMap<'a> {
        WorldMap { too_small, ..self }
    }
}

/// The dots of one cell across and down for each kind.
fn dots_per_cell(dots: Dots) -> (usize, usize) {
    match dots {
        Dots::Braille => (2, 4),
        // ASCII is drawn in half blocks first, then each cell replaced (see `to_ascii`).
        Dots::HalfBlock | Dots::Ascii => (1, 2),
    }
}

fn marker(dots: Dots) -> Marker {
    match dots {
        Dots::Braille => Marker::Braille,
        Dots::HalfBlock | Dots::Ascii => Marker::HalfBlock,
    }
}

/// The cell of `area` where a place at (`latitude`, `longitude`) is drawn: the cell of the
/// dot the canvas paints for it, so that a mark sits on its coast. `None` for an empty area or
/// coordinates that are not numbers; a place beyond the map's edges is held at the edge.
pub fn cell_of(latitude: f64, longitude: f64, area: Rect, dots: Dots) -> Option<(u16, u16)> {
    if area.is_empty() || !latitude.is_finite() || !longitude.is_finite() {
        return None;
    }
    let (across, down) = dots_per_cell(dots);
    let columns = area.width as usize * across;
    let rows = area.height as usize * down;
    // As ratatui's canvas places a point (`Painter::get_point`).
    let x = (longitude.clamp(WEST, EAST) - WEST) * (columns - 1) as f64 / (EAST - WEST);
    let y = (NORTH - latitude.clamp(SOUTH, NORTH)) * (rows - 1) as f64 / (NORTH - SOUTH);
    let column = (x.round() as usize / across).min(area.width as usize - 1);
    let row = (y.round() as usize / down).min(area.height as usize - 1);
    Some((area.x + column as u16, area.y + row as u16))
}

impl Widget for WorldMap<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        (&self).render(area, buf);
    }
}

impl Widget for &WorldMap<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                buf[(x, y)].reset();
            }
        }
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            render_too_small(self.too_small, &self.theme, area, buf);
            return;
        }
        let dots = match self.theme.ascii {
            true => Dots::Ascii,
            false => self.dots,
        };
        render_land(dots, &self.theme, area, buf);
        let glyphs = self.theme.glyphs();
        let selected = self.selected.filter(|&i| i < self.places.len());
        for (i, place) in self.places.iter().enumerate() {
            if Some(i) == selected {
                continue;
            }
            if let Some((x, y)) = cell_of(place.latitude, place.longitude, area, dots) {
                buf[(x, y)]
                    .set_symbol(glyphs.point)
                    .set_style(self.theme.map_point(false));
            }
        }
        // Last, so that no other place covers it.
        if let Some(place) = selected.map(|i| &self.places[i]) {
            render_selected(place, dots, &self.theme, area, buf);
        }
    }
}

/// The words for "too small", centred in the area and cut to its width.
fn render_too_small(words: &str, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let shown = shorten(words, area.width as usize, theme.glyphs().ellipsis);
    let left = (area.width as usize - text::width(&shown)) / 2;
    let y = area.y + area.height / 2;
    buf.set_stringn(
        area.x + left as u16,
        y,
        &shown,
        area.width as usize - left,
        Style::new(),
    );
}

/// The land, in the theme's faint style: ratatui's canvas and world map in braille or half
/// blocks, the half blocks then made ASCII where the dots are.
///
/// The map's high resolution (about 5000 points) at every size: side by side in braille and
/// half blocks, the low one's 1166 points are too far apart to draw a coast at 40×12 and 80×24
/// (a braille map of 40×12 turns to noise) and draw none better at 30×10; the high one costs
/// about 0.1 ms more at 80×24 and nothing measurable at 200×60, where the cells cost more
/// than the points (docs/PERFORMANCE.md).
fn render_land(dots: Dots, theme: &Theme, area: Rect, buf: &mut Buffer) {
    Canvas::default()
        .x_bounds([WEST, EAST])
        .y_bounds([SOUTH, NORTH])
        .marker(marker(dots))
        .paint(|context| {
            context.draw(&Map {
                resolution: MapResolution::High,
                color: Color::Reset,
            })
        })
        .render(area, buf);
    let land = theme.map_land();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            if cell.symbol() == " " {
                continue;
            }
            if dots == Dots::Ascii {
                let ascii = to_ascii(cell.symbol());
                cell.set_char(ascii);
            }
            cell.set_style(land);
        }
    }
}

/// A half block as ASCII: land in the upper half of the cell `'`, in the lower `.`, in both
/// `:`, which keeps the half blocks' two rows of detail a cell.
fn to_ascii(symbol: &str) -> char {
    match symbol.chars().next() {
        Some(half_block::UPPER) => '\'',
        Some(half_block::LOWER) => '.',
        _ => ':',
    }
}

/// The selected place: its glyph, and its label beside it (on the right, or on the left
/// where the right has no room for it), both in the selected style, kept inside the area.
fn render_selected(place: &Place, dots: Dots, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some((x, y)) = cell_of(place.latitude, place.longitude, area, dots) else {
        return;
    };
    let glyphs = theme.glyphs();
    let style = theme.map_point(true);
    buf[(x, y)]
        .set_symbol(glyphs.point_selected)
        .set_style(style);
    if place.label.is_empty() {
        return;
    }
    // A space on each side of the label, in its style, so that it reads against the land.
    let right_room = (area.right() - x - 1) as usize;
    let left_room = (x - area.left()) as usize;
    let wanted = text::width(place.label) + 2;
    let on_right = wanted <= right_room || right_room >= left_room;
    let room = if on_right { right_room } else { left_room };
    if room < 3 {
        return;
    }
    let label = format!(
        " {} ",
        shorten(place.label, room.min(wanted) - 2, glyphs.ellipsis)
    );
    let label_width = text::width(&label) as u16;
    let start = match on_right {
        true => x + 1,
        false => x - label_width,
    };
    buf.set_stringn(start, y, &label, label_width as usize, style);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capability::ColorLevel;
    use ratatui::style::Modifier;

    const VIENNA: Place = Place {
        latitude: 48.21,
        longitude: 16.37,
        label: "Vienna",
    };
    const NAIROBI: Place = Place {
        latitude: -1.29,
        longitude: 36.82,
        label: "Nairobi",
    };
    const OTTAWA: Place = Place {
        latitude: 45.42,
        longitude: -75.70,
        label: "Ottawa",
    };

    #[test]
    fn a_place_lands_in_the_cell_of_its_coordinates() {
        let area = Rect::new(0, 0, 80, 24);
        // 160 × 96 braille dots for 360° × 145°.
        let (x, y) = cell_of(VIENNA.latitude, VIENNA.longitude, area, Dots::Braille).unwrap();
        assert_eq!((x, y), (43, 6));
        let (nx, ny) = cell_of(NAIROBI.latitude, NAIROBI.longitude, area, Dots::Braille).unwrap();
        assert!(nx > x && ny > y, "Nairobi is south-east of Vienna");
        assert_eq!(
            cell_of(0.0, 0.0, Rect::new(10, 5, 80, 24), Dots::Braille),
            Some((50, 19))
        );
        assert_eq!(cell_of(90.0, -180.0, area, Dots::HalfBlock), Some((0, 0)));
        assert_eq!(cell_of(-90.0, 180.0, area, Dots::Ascii), Some((79, 23)));
        assert_eq!(cell_of(f64::NAN, 0.0, area, Dots::Braille), None);
        assert_eq!(
            cell_of(0.0, 0.0, Rect::new(3, 3, 0, 5), Dots::Braille),
            None
        );
    }

    fn drawn(map: &WorldMap, width: u16, height: u16) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
        map.render(buf.area, &mut buf);
        buf
    }

    #[test]
    fn the_selected_place_shows_without_colour() {
        let places = [VIENNA, NAIROBI, OTTAWA];
        let theme = Theme::new(ColorLevel::None, false);
        let map = WorldMap::new(&places, theme).selected(Some(0));
        let buf = drawn(&map, 80, 24);
        let (x, y) = cell_of(VIENNA.latitude, VIENNA.longitude, buf.area, map.dots).unwrap();
        assert_eq!(buf[(x, y)].symbol(), "◆");
        assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
        assert_eq!(buf[(x, y)].fg, Color::Reset, "no colour at all");
        let beside: String = (x + 1..x + 9).map(|x| buf[(x, y)].symbol()).collect();
        assert_eq!(beside, " Vienna ");
        let (ox, oy) = cell_of(OTTAWA.latitude, OTTAWA.longitude, buf.area, map.dots).unwrap();
        assert_eq!(buf[(ox, oy)].symbol(), "•");
        assert!(!buf[(ox, oy)].modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn the_label_turns_left_near_the_right_edge() {
        let east = [Place {
            latitude: 47.89,
            longitude: 178.0,
            label: "Far East",
        }];
        let theme = Theme::new(ColorLevel::Basic16, true);
        let buf = drawn(&WorldMap::new(&east, theme).selected(Some(0)), 40, 12);
        let (x, y) = cell_of(47.89, 178.0, buf.area, Dots::Ascii).unwrap();
        assert_eq!(x, 39);
        assert_eq!(buf[(x, y)].symbol(), "@");
        let before: String = (x - 10..x).map(|x| buf[(x, y)].symbol()).collect();
        assert_eq!(before, " Far East ");
        assert_eq!(buf[(x - 1, y)].bg, Color::Yellow);
    }

    #[test]
    fn a_long_label_is_cut_to_the_room_there_is() {
        let long = [Place {
            latitude: 0.0,
            longitude: 0.0,
            label: "A very long name indeed for a place on a small map",
        }];
        let theme = Theme::new(ColorLevel::None, false);
        let buf = drawn(&WorldMap::new(&long, theme).selected(Some(0)), 30, 10);
        let (x, y) = cell_of(0.0, 0.0, buf.area, Dots::Braille).unwrap();
        let row: String = (0..30).map(|x| buf[(x, y)].symbol()).collect();
        // Its right has 14 cells, its left 15: the label goes left, cut to them.
        assert_eq!(x, 15);
        assert_eq!(&row[..row.find('◆').unwrap()], "  A very long… ");
    }

    #[test]
    fn a_small_area_says_so() {
        let theme = Theme::new(ColorLevel::Basic16, false);
        let map = WorldMap::new(&[], theme).too_small("map: too small");
        let buf = drawn(&map, 29, 10);
        let middle: String = (0..29).map(|x| buf[(x, 5)].symbol()).collect();
        assert_eq!(middle, "       map: too small        ");
        let narrow = drawn(&map, 8, 3);
        let middle: String = (0..8).map(|x| narrow[(x, 1)].symbol()).collect();
        assert_eq!(middle, "map: to…");
    }

    #[test]
    fn ascii_dots_draw_the_land_in_ascii() {
        let theme = Theme::new(ColorLevel::None, true);
        let buf = drawn(&WorldMap::new(&[VIENNA], theme), 80, 24);
        let symbols: String = buf.content().iter().map(|c| c.symbol()).collect();
        assert!(symbols.is_ascii());
        assert!(symbols.contains(':') && symbols.contains('.') && symbols.contains('\''));
        assert!(symbols.contains('o'));
        let asked = drawn(&WorldMap::new(&[VIENNA], theme).dots(Dots::Braille), 80, 24);
        assert_eq!(asked, buf, "ASCII glyphs keep ASCII dots");
    }

    #[test]
    fn half_blocks_and_braille_draw_with_their_own_characters() {
        let theme = Theme::new(ColorLevel::Basic16, false);
        let braille = drawn(&WorldMap::new(&[], theme), 80, 24);
        let land = |buf: &Buffer| -> Vec<char> {
            buf.content()
                .iter()
                .filter_map(|c| c.symbol().chars().next())
                .filter(|c| *c != ' ')
                .collect()
        };
        assert!(
            land(&braille)
                .iter()
                .all(|c| ('\u{2800}'..='\u{28ff}').contains(c))
        );
        let half = drawn(&WorldMap::new(&[], theme).dots(Dots::HalfBlock), 80, 24);
        assert!(
            land(&half).iter().all(|c| "▀▄█".contains(*c)),
            "{:?}",
            land(&half)
        );
        assert!(!land(&half).is_empty());
    }
}
