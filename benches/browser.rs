//! The browser's own costs: loading the built-in pack and starting (`startup`), drawing a
//! frame, turning frames into the bytes a terminal is sent, and loading generated packs of
//! growing size. Figures: docs/PERFORMANCE.md.
#![allow(clippy::expect_used)] // a benchmark without its input has nothing to measure

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::io;

use clsv::action::Action;
use clsv::app::{App, StartAt};
use clsv::capability::ColorLevel;
use clsv::content::generate::pack_files;
use clsv::content::load::{load_embedded, load_files};
use clsv::frame::Screen;
use clsv::terminal::draw_frame;
use clsv::theme::Theme;
use clsv::vocabulary::Pane;

fn app(content: clsv::content::Content) -> App {
    let lang = content.default_language;
    App::new(
        content,
        Theme::new(ColorLevel::Basic16, false),
        StartAt {
            lang,
            pane: Pane::Overview,
        },
        80,
        24,
    )
}

fn browser(c: &mut Criterion) {
    // What clsv does at start: the built-in pack as the build stored it, and the app on it.
    c.bench_function("startup/builtin", |b| {
        b.iter(|| {
            app(clsv::builtin::report()
                .content
                .expect("the built-in pack is stored"))
        })
    });
    // The same pack parsed and checked from its RON files, as any pack on disk is.
    c.bench_function("startup/parse_embedded", |b| {
        b.iter(|| app(load_embedded().expect("the default pack loads")))
    });

    let mut frame = c.benchmark_group("frame_80x24");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
    let mut members = app(load_embedded().expect("the default pack loads"));
    members.update(Action::ShowPane(Pane::Members));
    frame.bench_function("members", |b| {
        b.iter(|| {
            terminal
                .draw(|f| f.render_widget(&members, f.area()))
                .map(|_| ())
        })
    });
    let overview = app(load_embedded().expect("the default pack loads"));
    frame.bench_function("overview", |b| {
        b.iter(|| {
            terminal
                .draw(|f| f.render_widget(&overview, f.area()))
                .map(|_| ())
        })
    });
    frame.finish();

    // What a terminal is sent: the app drawn, compared with the frame before and written as
    // bytes (`frame::Screen`), for a frame drawn whole and for a line of scrolling.
    let mut bytes = c.benchmark_group("frame_bytes_80x24");
    let mut screen = Screen::new(io::sink(), 80, 24);
    bytes.bench_function("overview_whole", |b| {
        b.iter(|| {
            screen.forget();
            draw_frame(&mut screen, &overview)
        })
    });
    let mut scrolled = app(load_embedded().expect("the default pack loads"));
    bytes.bench_function("overview_line_down_and_up", |b| {
        b.iter(|| {
            scrolled.update(Action::MoveDown);
            draw_frame(&mut screen, &scrolled)?;
            scrolled.update(Action::MoveUp);
            draw_frame(&mut screen, &scrolled)
        })
    });
    bytes.finish();

    let mut load = c.benchmark_group("load_generated");
    load.sample_size(10);
    for size in [1_000, 10_000, 100_000] {
        let files = pack_files(size);
        load.bench_with_input(BenchmarkId::from_parameter(size), &files, |b, files| {
            b.iter(|| load_files(black_box(files.clone())))
        });
    }
    load.finish();

    let mut list = c.benchmark_group("list_move_and_frame");
    for size in [1_000, 100_000] {
        let mut big = app(load_files(pack_files(size)).expect("a generated pack loads"));
        big.update(Action::ShowPane(Pane::Members));
        big.update(Action::PageDown);
        list.bench_function(BenchmarkId::from_parameter(size), |b| {
            b.iter(|| {
                big.update(Action::MoveDown);
                big.update(Action::MoveUp);
                terminal
                    .draw(|f| f.render_widget(&big, f.area()))
                    .map(|_| ())
            })
        });
    }
    list.finish();
}

criterion_group!(benches, browser);
criterion_main!(benches);
