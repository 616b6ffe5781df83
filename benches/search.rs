//! Search at scale: building the index, and one keystroke's query, on generated packs of
//! 1k, 10k and 100k members. Figures and how to read them: docs/PERFORMANCE.md.
#![allow(clippy::expect_used)] // a benchmark without its input has nothing to measure

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use clsv::content::generate::pack_files;
use clsv::content::load::load_files;
use clsv::search::{Index, Query};

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// The keystrokes of typing a name, each a query of its own, as the prompt runs them.
const TYPED: [&str; 6] = ["s", "st", "ste", "stef", "stefa", "stefan"];

fn search(c: &mut Criterion) {
    let mut build = c.benchmark_group("index_build");
    build.sample_size(10);
    for size in SIZES {
        let content = load_files(pack_files(size)).expect("a generated pack loads");
        build.bench_with_input(BenchmarkId::from_parameter(size), &content, |b, content| {
            b.iter(|| Index::new(black_box(content)))
        });
    }
    build.finish();

    let mut keystroke = c.benchmark_group("query_keystroke");
    for size in SIZES {
        let content = load_files(pack_files(size)).expect("a generated pack loads");
        let index = Index::new(&content);
        let lang = content.default_language;
        for typed in TYPED {
            let query = Query::new(typed);
            keystroke.bench_with_input(BenchmarkId::new(typed, size), &query, |b, query| {
                b.iter(|| index.search(black_box(query), lang))
            });
        }
        let two_words = Query::new("stefan ta");
        keystroke.bench_with_input(
            BenchmarkId::new("stefan ta", size),
            &two_words,
            |b, query| b.iter(|| index.search(black_box(query), lang)),
        );
    }
    keystroke.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
