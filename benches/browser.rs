//! The browser's own costs: loading the built-in pack and starting (`startup`), drawing a
//! frame, turning frames into the bytes a terminal is sent, loading generated packs of
//! growing size, ordering and filtering the member table of 100k members, and 64 KB pasted
//! into the search prompt. Figures: docs/PERFORMANCE.md.
#![allow(clippy::expect_used)] // a benchmark without its input has nothing to measure

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
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
            item: None,
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

    // The member table of 100k generated members: ordered by name, by year and by region
    // (each from the order before it, as `s` goes), and a key typed into its filter.
    let mut table = c.benchmark_group("member_table_100k");
    table.sample_size(20);
    let mut members = app(load_files(pack_files(100_000)).expect("a generated pack loads"));
    members.update(Action::ShowPane(Pane::Members));
    members.prepare_search();
    for name in ["by_name", "by_year", "by_region"] {
        let before = members.clone();
        table.bench_function(format!("sort/{name}"), |b| {
            b.iter_batched(
                || before.clone(),
                |mut app| app.update(Action::CycleOrder),
                BatchSize::LargeInput,
            )
        });
        members.update(Action::CycleOrder);
    }
    members.update(Action::CycleOrder);
    // The first order by name on a pack: its folded names ranked, once for every browser.
    let content = members.content().clone();
    table.bench_function("sort/by_name_first", |b| {
        b.iter_batched(
            || {
                let mut fresh = app(content.clone());
                fresh.update(Action::ShowPane(Pane::Members));
                fresh
            },
            |mut app| app.update(Action::CycleOrder),
            BatchSize::LargeInput,
        )
    });
    members.update(Action::OpenFilter);
    members.update(Action::InsertChar('m'));
    table.bench_function("filter/keystroke", |b| {
        b.iter_batched(
            || members.clone(),
            |mut app| app.update(Action::InsertChar('a')),
            BatchSize::LargeInput,
        )
    });
    table.finish();

    // 64 KB of text into the search prompt: pasted (bracketed), or arriving as keys in one
    // batch, as from a terminal that does not bracket pastes. Either is one search, of the
    // first 256 characters.
    let mut paste = c.benchmark_group("paste_64k_into_the_prompt");
    let text: String = "Ţările care se alătură Coaliţiei semnează o Declaraţie "
        .chars()
        .cycle()
        .take(64 * 1024)
        .collect();
    let mut prompt = app(load_embedded().expect("the default pack loads"));
    prompt.update(Action::OpenSearch);
    prompt.prepare_search();
    paste.bench_function("bracketed", |b| {
        b.iter_batched(
            || prompt.clone(),
            |mut app| app.paste(black_box(&text)),
            BatchSize::SmallInput,
        )
    });
    paste.bench_function("as_keys", |b| {
        b.iter_batched(
            || prompt.clone(),
            |mut app| app.update_all(text.chars().map(Action::InsertChar)),
            BatchSize::SmallInput,
        )
    });
    paste.finish();
}

criterion_group!(benches, browser);
criterion_main!(benches);
