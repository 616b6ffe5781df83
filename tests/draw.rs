//! The drawings of `ui::map` and `ui::chart` on their own: snapshots at two sizes and in ASCII
//! without colour, from the default pack's numbers and real capitals; where a place lands; and
//! properties over any size and any data (no panic, nothing drawn outside the area, only
//! ASCII in ASCII).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

mod common;

use clsv::capability::{ColorLevel, Dots};
use clsv::content::Content;
use clsv::theme::Theme;
use clsv::ui::chart::{Glance, Growth, GrowthRow, Timeline};
use clsv::ui::map::{self, Place, WorldMap};
use common::{embedded, text_of};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

const CAPITALS: [Place<'static>; 6] = [
    Place {
        latitude: 48.21,
        longitude: 16.37,
        label: "Vienna",
    },
    Place {
        latitude: 45.42,
        longitude: -75.70,
        label: "Ottawa",
    },
    Place {
        latitude: -1.29,
        longitude: 36.82,
        label: "Nairobi",
    },
    Place {
        latitude: 59.44,
        longitude: 24.75,
        label: "Tallinn",
    },
    Place {
        latitude: 47.89,
        longitude: 106.91,
        label: "Ulaanbaatar",
    },
    Place {
        latitude: 19.43,
        longitude: -99.13,
        label: "Mexico City",
    },
];
const NAIROBI: usize = 2;

fn colour() -> Theme {
    Theme::new(ColorLevel::Basic16, false)
}

fn ascii_plain() -> Theme {
    Theme::new(ColorLevel::None, true)
}

/// A widget drawn into a buffer of exactly its size.
fn drawn(widget: impl Widget, width: u16, height: u16) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
    widget.render(buf.area, &mut buf);
    buf
}

/// The members joining year by year, from the default pack.
fn growth_of(content: &Content) -> Vec<GrowthRow> {
    let mut years: Vec<u16> = content.members.members.iter().map(|m| m.joined).collect();
    years.sort_unstable();
    let mut rows: Vec<GrowthRow> = Vec::new();
    for (i, year) in years.iter().enumerate() {
        match rows.last_mut() {
            Some(row) if row.year == *year => {
                row.joined += 1;
                row.total = i + 1;
            }
            _ => rows.push(GrowthRow {
                year: *year,
                joined: 1,
                total: i + 1,
            }),
        }
    }
    rows
}

/// The conferences of the default pack's timeline: the year (the end of its date) and the
/// place, in the default language or English.
fn conferences(content: &Content, english: bool) -> Vec<(String, String)> {
    let lang = match english {
        true => clsv::content::Lang(content.languages.iter().position(|l| l == "en").unwrap()),
        false => content.default_language,
    };
    content
        .overview
        .timeline
        .iter()
        .map(|event| {
            let date = event.date.get(lang);
            let year = date[date.len() - 4..].to_string();
            (year, event.place.get(lang).to_string())
        })
        .collect()
}

fn borrowed(pairs: &[(String, String)]) -> Vec<(&str, &str)> {
    pairs
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect()
}

#[test]
fn the_default_pack_gives_the_growth_and_conferences_used_here() {
    let content = embedded();
    let rows: Vec<_> = growth_of(&content)
        .iter()
        .map(|r| (r.year, r.joined, r.total))
        .collect();
    assert_eq!(
        rows,
        [(2011, 15, 15), (2012, 4, 19), (2013, 2, 21), (2014, 1, 22)]
    );
    assert_eq!(
        conferences(&content, true),
        [
            ("2011", "The Hague"),
            ("2012", "Nairobi"),
            ("2013", "Tunis"),
            ("2014", "Tallinn")
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
}

#[test]
fn the_map_at_two_sizes() {
    for (width, height) in [(80, 24), (40, 12)] {
        let map = WorldMap::new(&CAPITALS, colour()).selected(Some(NAIROBI));
        insta::assert_snapshot!(
            format!("map_{width}x{height}"),
            text_of(&drawn(map, width, height))
        );
    }
    let map = WorldMap::new(&CAPITALS, colour()).selected(Some(4));
    insta::assert_snapshot!("map_120x40", text_of(&drawn(map, 120, 40)));
}

#[test]
fn the_map_in_half_blocks() {
    let map = WorldMap::new(&CAPITALS, colour())
        .dots(Dots::HalfBlock)
        .selected(Some(0));
    insta::assert_snapshot!("map_half_blocks_80x24", text_of(&drawn(map, 80, 24)));
}

/// ASCII without colour: the snapshot holds the styles of every run of cells, so that the
/// selected place's reverse video shows.
#[test]
fn the_map_in_ascii_without_colour() {
    let map = WorldMap::new(&CAPITALS, ascii_plain()).selected(Some(NAIROBI));
    let buf = drawn(map, 80, 24);
    insta::assert_snapshot!("map_ascii_none_80x24", format!("{buf:?}"));
    let symbols: String = buf.content().iter().map(|c| c.symbol()).collect();
    assert!(symbols.is_ascii());
}

#[test]
fn a_marked_place_lands_where_its_coordinates_say() {
    let theme = colour();
    let map = WorldMap::new(&CAPITALS, theme).selected(Some(NAIROBI));
    let area = Rect::new(0, 0, 80, 24);
    let buf = drawn(map, 80, 24);
    let cell = |place: &Place| map::cell_of(place.latitude, place.longitude, area, theme.dots);
    let (vx, vy) = cell(&CAPITALS[0]).unwrap();
    let (nx, ny) = cell(&CAPITALS[NAIROBI]).unwrap();
    assert!(
        nx > vx && ny > vy,
        "Nairobi ({nx}, {ny}) is below and right of Vienna ({vx}, {vy})"
    );
    // 36.82° E of 360° on 80 columns, 1.29° S of 145° on 24 rows.
    assert_eq!((nx, ny), (48, 14));
    assert_eq!(buf[(vx, vy)].symbol(), "•");
    assert_eq!(buf[(vx, vy)].fg, Color::Cyan);
    assert_eq!(buf[(nx, ny)].symbol(), "◆");
    assert_eq!(buf[(nx, ny)].bg, Color::Yellow);
    let label: String = (nx + 1..nx + 10).map(|x| buf[(x, ny)].symbol()).collect();
    assert_eq!(label, " Nairobi ");
    let (ox, oy) = cell(&CAPITALS[1]).unwrap();
    assert!(ox < vx, "Ottawa is west of Vienna");
    assert_eq!(buf[(ox, oy)].symbol(), "•");
    // West to east, Mexico City, Ottawa, Vienna, Tallinn, Nairobi, Ulaanbaatar.
    let columns: Vec<u16> = [5, 1, 0, 3, 2, 4]
        .iter()
        .map(|&i| cell(&CAPITALS[i]).unwrap().0)
        .collect();
    assert!(columns.is_sorted(), "{columns:?}");
}

#[test]
fn without_colour_the_selected_place_is_another_glyph_in_reverse_video() {
    let theme = Theme::new(ColorLevel::None, false);
    let buf = drawn(
        WorldMap::new(&CAPITALS, theme).selected(Some(NAIROBI)),
        80,
        24,
    );
    let (nx, ny) = map::cell_of(-1.29, 36.82, buf.area, Dots::Braille).unwrap();
    assert_eq!(buf[(nx, ny)].symbol(), "◆");
    assert!(
        buf[(nx, ny)]
            .modifier
            .contains(Modifier::REVERSED | Modifier::BOLD)
    );
    for cell in buf.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
    }
}

#[test]
fn the_growth_at_two_sizes() {
    let rows = growth_of(&embedded());
    for (width, height) in [(80, 24), (40, 12)] {
        insta::assert_snapshot!(
            format!("growth_{width}x{height}"),
            text_of(&drawn(Growth::new(&rows, colour()), width, height))
        );
    }
    // More years than rows: 2012 and 2013 share a bar.
    let buf = drawn(Growth::new(&rows, colour()), 40, 3);
    insta::assert_snapshot!("growth_40x3", text_of(&buf));
    assert!(text_of(&buf).contains("2012–2013 "));
    let buf = drawn(Growth::new(&rows, ascii_plain()), 80, 24);
    insta::assert_snapshot!("growth_ascii_none_80x24", format!("{buf:?}"));
}

#[test]
fn a_century_of_growth_is_drawn_in_decades() {
    // A member every third year.
    let century: Vec<GrowthRow> = (1925..2025)
        .map(|year| GrowthRow {
            year,
            joined: usize::from(year % 3 == 0),
            total: usize::from(year / 3 - 1924 / 3),
        })
        .collect();
    let text = text_of(&drawn(Growth::new(&century, ascii_plain()), 60, 12));
    insta::assert_snapshot!("growth_century_ascii_60x12", text);
    assert!(text.contains("1990-1999 "), "{text}");
}

#[test]
fn the_conferences_at_two_sizes() {
    let content = embedded();
    for (english, language) in [(false, "ro"), (true, "en")] {
        let events = conferences(&content, english);
        let events = borrowed(&events);
        for (width, height) in [(80, 24), (40, 12)] {
            let timeline = Timeline::new(&events, colour());
            assert_eq!(timeline.height_for(width), 3, "{width}");
            insta::assert_snapshot!(
                format!("timeline_{language}_{width}x{height}"),
                text_of(&drawn(timeline, width, height))
            );
        }
    }
    let events = conferences(&content, true);
    let events = borrowed(&events);
    let buf = drawn(Timeline::new(&events, ascii_plain()), 80, 24);
    insta::assert_snapshot!("timeline_ascii_none_80x24", format!("{buf:?}"));
}

#[test]
fn a_narrow_timeline_staggers_and_shortens_its_places() {
    let events = [
        ("2011", "The Hague"),
        ("2012", "Nairobi"),
        ("2013", "Tunis"),
        ("2014", "Tallinn"),
        ("2015", "Ulaanbaatar"),
        ("2016", "San José"),
        ("2017", "Berlin"),
    ];
    let timeline = Timeline::new(&events, ascii_plain());
    let text = text_of(&drawn(timeline, 36, 8));
    insta::assert_snapshot!("timeline_crowded_ascii_36x8", text);
    let text = text_of(&drawn(timeline, 20, 8));
    insta::assert_snapshot!("timeline_crowded_ascii_20x8", text);
    // On one row, the years on the line itself.
    let text = text_of(&drawn(timeline, 36, 1));
    // The marks are as even as 36 columns allow (every 5 or 6).
    assert_eq!(text, "2011-2012-2013--2014-2015-2016-2017-\n");
}

#[test]
fn the_counts_at_a_glance() {
    let content = embedded();
    let counts = [
        ("members", content.members.members.len()),
        ("conferences", content.overview.timeline.len()),
        ("rights", content.declaration.items.len()),
        ("areas of action", content.actions.items.len()),
    ];
    let glance = Glance::new(&counts, colour());
    let wide = text_of(&drawn(glance, 80, 1));
    insta::assert_snapshot!("glance_80x1", wide);
    assert_eq!(glance.height_for(80), 1);
    assert_eq!(glance.height_for(30), 2);
    assert_eq!(glance.height_for(20), 4);
    insta::assert_snapshot!("glance_30x4", text_of(&drawn(glance, 30, 4)));
    let buf = drawn(Glance::new(&counts, ascii_plain()), 40, 3);
    insta::assert_snapshot!("glance_ascii_none_40x3", format!("{buf:?}"));
    let bold = drawn(glance, 80, 1);
    assert!(bold[(0, 0)].modifier.contains(Modifier::BOLD), "the number");
    assert!(!bold[(3, 0)].modifier.contains(Modifier::BOLD), "the word");
}

/// What every drawing is drawn for, in a property: its kind and data.
#[derive(Debug, Clone)]
enum Drawing {
    Map {
        places: Vec<(f64, f64, String)>,
        selected: Option<usize>,
        dots: Dots,
    },
    Growth(Vec<(u16, usize, usize)>),
    Timeline(Vec<(String, String)>),
    Glance(Vec<(String, usize)>),
}

fn draw(drawing: &Drawing, theme: Theme, area: Rect, buf: &mut Buffer) {
    match drawing {
        Drawing::Map {
            places,
            selected,
            dots,
        } => {
            let places: Vec<Place> = places
                .iter()
                .map(|(latitude, longitude, label)| Place {
                    latitude: *latitude,
                    longitude: *longitude,
                    label,
                })
                .collect();
            WorldMap::new(&places, theme)
                .selected(*selected)
                .dots(*dots)
                .too_small("the map needs more room")
                .render(area, buf);
        }
        Drawing::Growth(rows) => {
            let rows: Vec<GrowthRow> = rows.iter().map(|&r| r.into()).collect();
            Growth::new(&rows, theme).render(area, buf);
        }
        Drawing::Timeline(events) => {
            let events = borrowed(events);
            Timeline::new(&events, theme).render(area, buf);
        }
        Drawing::Glance(counts) => {
            let counts: Vec<(&str, usize)> = counts.iter().map(|(l, c)| (l.as_str(), *c)).collect();
            Glance::new(&counts, theme).render(area, buf);
        }
    }
}

fn coordinate() -> impl Strategy<Value = f64> {
    prop_oneof![
        8 => -200.0f64..200.0,
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(-90.0),
        1 => Just(180.0),
    ]
}

fn dots() -> impl Strategy<Value = Dots> {
    prop::sample::select(vec![Dots::Braille, Dots::HalfBlock, Dots::Ascii])
}

/// Labels of any characters, wide ones and marks among them.
fn label() -> impl Strategy<Value = String> {
    prop_oneof!["[a-zA-Z ]{0,12}", "\\PC{0,20}", "[自由ăé\u{301}👍🏽 ]{0,8}"]
}

fn drawing() -> impl Strategy<Value = Drawing> {
    prop_oneof![
        (
            prop::collection::vec((coordinate(), coordinate(), label()), 0..30),
            prop::option::of(0usize..40),
            dots()
        )
            .prop_map(|(places, selected, dots)| Drawing::Map {
                places,
                selected,
                dots
            }),
        prop::collection::vec((any::<u16>(), any::<usize>(), any::<usize>()), 0..300)
            .prop_map(Drawing::Growth),
        prop::collection::vec((1900u16..2100, 0usize..30, 0usize..300), 0..300).prop_map(
            |mut rows| {
                rows.sort_unstable();
                Drawing::Growth(rows)
            }
        ),
        prop::collection::vec((label(), label()), 0..40).prop_map(Drawing::Timeline),
        prop::collection::vec((label(), any::<usize>()), 0..12).prop_map(Drawing::Glance),
    ]
}

fn theme() -> impl Strategy<Value = Theme> {
    (
        prop::sample::select(vec![
            ColorLevel::None,
            ColorLevel::Basic16,
            ColorLevel::TrueColor,
        ]),
        any::<bool>(),
    )
        .prop_map(|(level, ascii)| Theme::new(level, ascii))
}

/// Draws into an area inside a larger buffer full of a mark, and says whether any cell
/// outside the area changed.
fn draws_only_inside(
    drawing: &Drawing,
    theme: Theme,
    width: u16,
    height: u16,
    at: (u16, u16),
) -> bool {
    let (left, top) = at;
    let outer = Rect::new(0, 0, width + left + 3, height + top + 2);
    let mark = Style::new().fg(Color::Magenta);
    let mut buf = Buffer::filled(
        outer,
        ratatui::buffer::Cell::new("§").set_style(mark).clone(),
    );
    let area = Rect::new(left, top, width, height);
    draw(drawing, theme, area, &mut buf);
    outer.positions().all(|position| {
        area.contains(position)
            || (buf[position].symbol() == "§" && buf[position].fg == Color::Magenta)
    })
}

/// 64 cases each in the test suite; `PROPTEST_CASES=N` runs N.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64);
    ProptestConfig::with_cases(cases)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_drawing_fits_any_area(
        drawing in drawing(),
        theme in theme(),
        width in 0u16..=300,
        height in 0u16..=100,
        at in (0u16..3, 0u16..3),
    ) {
        prop_assert!(draws_only_inside(&drawing, theme, width, height, at));
    }

    #[test]
    fn small_areas_are_drawn_whole_too(
        drawing in drawing(),
        theme in theme(),
        width in 0u16..=40,
        height in 0u16..=12,
    ) {
        // Where most of the edge cases are: most of the random sizes above are large.
        prop_assert!(draws_only_inside(&drawing, theme, width, height, (1, 1)));
    }

    #[test]
    fn in_ascii_every_drawing_is_ascii(
        drawing in drawing(),
        width in 0u16..=120,
        height in 0u16..=40,
    ) {
        // With words of ASCII: the caller's words are drawn as given.
        let ascii_words = |s: &String| s.chars().filter(char::is_ascii).collect::<String>();
        let drawing = match drawing {
            Drawing::Map { places, selected, dots } => Drawing::Map {
                places: places.into_iter().map(|(a, b, l)| (a, b, ascii_words(&l))).collect(),
                selected,
                dots,
            },
            Drawing::Timeline(events) => Drawing::Timeline(
                events.iter().map(|(y, p)| (ascii_words(y), ascii_words(p))).collect(),
            ),
            Drawing::Glance(counts) => {
                Drawing::Glance(counts.iter().map(|(l, c)| (ascii_words(l), *c)).collect())
            }
            growth => growth,
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
        draw(&drawing, ascii_plain(), buf.area, &mut buf);
        for cell in buf.content() {
            prop_assert!(cell.symbol().is_ascii(), "{:?} in {drawing:?}", cell.symbol());
        }
    }
}

proptest! {
    // A hundred thousand places, a few times: the size is what is tested, not the variety.
    #![proptest_config(ProptestConfig::with_cases(4))]

    #[test]
    fn a_hundred_thousand_places_fit_any_area(
        seed in any::<u64>(),
        dots in dots(),
        width in 0u16..=300,
        height in 0u16..=100,
    ) {
        let mut state = seed;
        let mut next = || {
            // xorshift: cheap numbers spread enough to cover the map.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % 36_000) as f64 / 100.0
        };
        let places: Vec<(f64, f64, String)> = (0..100_000)
            .map(|_| (next() / 2.0 - 90.0, next() - 180.0, String::new()))
            .collect();
        let drawing = Drawing::Map { places, selected: Some(99_999), dots };
        prop_assert!(draws_only_inside(&drawing, colour(), width, height, (2, 1)));
    }
}
