//! Search at scale: building the index, and one keystroke's query, on generated packs of
//! 1k, 10k and 100k members; the costliest queries the prompt takes, on the default pack
//! and on 100k members; and one keystroke of the member filter on 100k members. Figures and
//! how to read them: docs/PERFORMANCE.md.
#![allow(clippy::expect_used)] // a benchmark without its input has nothing to measure

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use clsv::content::generate::pack_files;
use clsv::content::load::load_files;
use clsv::content::load_embedded;
use clsv::search::{Index, MAX_QUERY_CHARS, Query};

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

/// Queries as long as the prompt takes, in the shapes that cost a search most: one long word;
/// as many one-letter words as fit (Latin letters, digits, Greek, Cyrillic, Arabic, CJK);
/// letters found in nearly every text, and in nearly every generated name or code; pairs of
/// letters found in nearly every text of the default pack, then letters; every piece of a
/// phrase that a quarter of the generated members have (their note), so that every word is
/// looked for in each of them; one word over and over.
fn worst_queries() -> Vec<(&'static str, String)> {
    let one_letter_words: Vec<String> = ('a'..='z')
        .chain('0'..='9')
        .chain('α'..='ω')
        .chain('а'..='я')
        .chain('ا'..='غ')
        .chain('ف'..='ي')
        .chain("東京北海道大阪山田中".chars())
        .take(128)
        .map(String::from)
        .collect();
    let pairs = "re at ta ti in ri te li ar er ea co pr de rt nt ie ul al oa or en on ni it pa \
                 iu tu ir ur vi ib be la cu ra se me iv ia ac ec ua sp le om lo il ca ma tr to \
                 un nd ne si el ii an do";
    let letters = "a e i r n t o l u s c m d p v f b g h z 0 1 2 3 4 5 6 7 8 9 k w y x j q";
    let phrase = "membru fondator";
    let mut pieces: Vec<&str> = Vec::new();
    for length in (2..=8).rev() {
        for start in 0..=phrase.len().saturating_sub(length) {
            let piece = &phrase[start..start + length];
            if !piece.contains(' ') && !pieces.contains(&piece) {
                pieces.push(piece);
            }
        }
    }

    let queries = vec![
        ("long_word", "ma".repeat(MAX_QUERY_CHARS / 2)),
        ("one_letter_words", one_letter_words.join(" ")),
        ("common_letters", letters.to_string()),
        ("common_pairs", format!("{pairs} {letters}")),
        ("phrase_pieces", pieces.join(" ")),
        ("repeated_word", ["ta"; 85].join(" ")),
    ];
    for (name, query) in &queries {
        assert!(
            query.chars().count() <= MAX_QUERY_CHARS,
            "{name} is too long"
        );
    }
    queries
}

fn worst_case(c: &mut Criterion) {
    let mut worst = c.benchmark_group("query_worst");
    let packs = [
        ("default", load_embedded().expect("the default pack loads")),
        (
            "100000",
            load_files(pack_files(100_000)).expect("a generated pack loads"),
        ),
    ];
    for (pack, content) in packs {
        let index = Index::new(&content);
        let lang = content.default_language;
        for (name, text) in worst_queries() {
            let query = Query::new(&text);
            worst.bench_with_input(BenchmarkId::new(name, pack), &query, |b, query| {
                b.iter(|| index.search(black_box(query), lang))
            });
        }
    }
    worst.finish();
}

/// One keystroke of the member filter on 100k members: the letters of a name typed one by
/// one, two words, field words alone (the generated members are in five regions and joined in
/// four years, so a field word keeps a fifth or a quarter of them), and field words with the
/// letter found in most members.
fn filter_members(c: &mut Criterion) {
    let mut filter = c.benchmark_group("filter_members_100k");
    let content = load_files(pack_files(100_000)).expect("a generated pack loads");
    let index = Index::new(&content);
    let lang = content.default_language;
    let queries = TYPED.into_iter().chain([
        "stefan ta",
        "region:africa",
        "an:2012",
        "region:africa s",
        "an:2012 region:europa s",
    ]);
    for typed in queries {
        let query = Query::new(typed);
        filter.bench_with_input(BenchmarkId::from_parameter(typed), &query, |b, query| {
            b.iter(|| index.members_matching(black_box(query), lang))
        });
    }
    filter.finish();
}

criterion_group!(benches, search, worst_case, filter_members);
criterion_main!(benches);
