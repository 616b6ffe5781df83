//! The drawings of `ui::map` and `ui::chart` into a buffer: the world map with 22 places
//! (the coalition's members' capitals) at 80×24 and 200×60, in each kind of dots; the land
//! alone at the map's two resolutions; and the charts. Figures: docs/PERFORMANCE.md.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Map, MapResolution};
use std::hint::black_box;

use clsv::capability::{ColorLevel, Dots};
use clsv::theme::Theme;
use clsv::ui::chart::{Glance, Growth, GrowthRow, Timeline};
use clsv::ui::map::{Place, WorldMap};

/// 22 capitals (latitude, longitude), as many places as the default pack has members.
const CAPITALS: [(f64, f64, &str); 22] = [
    (48.21, 16.37, "Vienna"),
    (45.42, -75.70, "Ottawa"),
    (9.93, -84.08, "San José"),
    (50.08, 14.44, "Prague"),
    (59.44, 24.75, "Tallinn"),
    (60.17, 24.94, "Helsinki"),
    (48.86, 2.35, "Paris"),
    (41.72, 44.79, "Tbilisi"),
    (52.52, 13.40, "Berlin"),
    (5.60, -0.19, "Accra"),
    (53.35, -6.26, "Dublin"),
    (56.95, 24.11, "Riga"),
    (18.09, -15.98, "Nouakchott"),
    (19.43, -99.13, "Mexico City"),
    (47.01, 28.86, "Chișinău"),
    (47.89, 106.91, "Ulaanbaatar"),
    (52.37, 4.90, "Amsterdam"),
    (59.91, 10.75, "Oslo"),
    (59.33, 18.07, "Stockholm"),
    (36.81, 10.18, "Tunis"),
    (51.51, -0.13, "London"),
    (38.91, -77.04, "Washington"),
];

fn draw(c: &mut Criterion) {
    let places: Vec<Place> = CAPITALS
        .iter()
        .map(|&(latitude, longitude, label)| Place {
            latitude,
            longitude,
            label,
        })
        .collect();
    let theme = Theme::new(ColorLevel::Basic16, false);
    let mut map = c.benchmark_group("map");
    for (width, height) in [(80, 24), (200, 60)] {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
        for dots in [Dots::Braille, Dots::HalfBlock, Dots::Ascii] {
            let widget = WorldMap::new(&places, theme).dots(dots).selected(Some(2));
            let id = BenchmarkId::new(
                format!("{dots:?}").to_lowercase(),
                format!("{width}x{height}"),
            );
            map.bench_function(id, |b| {
                b.iter(|| {
                    black_box(&widget).render(buf.area, &mut buf);
                })
            });
        }
    }
    map.finish();

    // The land alone in braille, at the map's two resolutions: what the high one costs.
    let mut land = c.benchmark_group("map_land");
    for (width, height) in [(80, 24), (200, 60)] {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
        for resolution in [MapResolution::Low, MapResolution::High] {
            let canvas = Canvas::default()
                .x_bounds([-180.0, 180.0])
                .y_bounds([-60.0, 85.0])
                .marker(Marker::Braille)
                .paint(|context| {
                    context.draw(&Map {
                        resolution,
                        color: Color::Reset,
                    })
                });
            let id = BenchmarkId::new(
                format!("{resolution:?}").to_lowercase(),
                format!("{width}x{height}"),
            );
            land.bench_function(id, |b| b.iter(|| (&canvas).render(buf.area, &mut buf)));
        }
    }
    land.finish();

    let rows: Vec<GrowthRow> = (1925..2025)
        .map(|year| GrowthRow {
            year,
            joined: 1,
            total: usize::from(year - 1924),
        })
        .collect();
    let events = [
        ("2011", "The Hague"),
        ("2012", "Nairobi"),
        ("2013", "Tunis"),
        ("2014", "Tallinn"),
    ];
    let counts = [("members", 22), ("conferences", 4), ("rights", 6)];
    let mut buf = Buffer::empty(Rect::new(0, 0, 80, 24));
    let mut charts = c.benchmark_group("chart_80x24");
    charts.bench_function("growth_century", |b| {
        b.iter(|| Growth::new(black_box(&rows), theme).render(buf.area, &mut buf))
    });
    charts.bench_function("timeline", |b| {
        b.iter(|| Timeline::new(black_box(&events), theme).render(buf.area, &mut buf))
    });
    charts.bench_function("glance", |b| {
        b.iter(|| Glance::new(black_box(&counts), theme).render(buf.area, &mut buf))
    });
    charts.finish();
}

criterion_group!(benches, draw);
criterion_main!(benches);
