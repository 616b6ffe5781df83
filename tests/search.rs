//! Search: folding on both sides, every pane, names in every language, ranking, and match
//! positions that map back to the original text exactly.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

mod common;

use clsv::content::Content;
use clsv::search::{Index, Query, Target, fold::fold};
use clsv::vocabulary::Pane;
use common::{embedded, member_index};
use proptest::prelude::*;

fn search(content: &Content, query: &str, lang: &str) -> Vec<(Target, String)> {
    let index = Index::new(content);
    let lang = content.lang(lang).unwrap();
    index
        .search(&Query::new(query), lang)
        .into_iter()
        .map(|hit| {
            let text = hit.text(content);
            (hit.target, text[hit.original_match(content)].to_string())
        })
        .collect()
}

#[test]
fn finds_the_source_spelling_without_diacritics() {
    let content = embedded();
    let hits = search(&content, "tarile", "ro");
    assert!(!hits.is_empty());
    assert!(
        hits.iter()
            .any(|(t, m)| *t == Target::Item(Pane::Declaration, 0) && m == "Ţările"),
        "{hits:?}"
    );
}

#[test]
fn comma_below_finds_cedilla() {
    let content = embedded();
    let comma = search(&content, "Țările", "ro");
    assert_eq!(comma, search(&content, "tarile", "ro"));
    assert!(
        comma
            .iter()
            .all(|(_, m)| m.contains('Ţ') || m.contains('ţ')),
        "{comma:?}"
    );
}

#[test]
fn finds_a_member_by_its_romanian_name_with_or_without_marks() {
    let content = embedded();
    let cz = member_index(&content, "CZ");
    for query in ["cehă", "ceha", "CEHA", "Republica Cehă"] {
        let hits = search(&content, query, "ro");
        assert_eq!(hits[0].0, Target::Member(cz), "{query}: {hits:?}");
    }
}

#[test]
fn finds_members_by_name_in_every_language_and_by_code() {
    let content = embedded();
    let cz = member_index(&content, "CZ");
    let hits = search(&content, "Czech", "ro");
    assert_eq!(hits[0], (Target::Member(cz), "Czech".to_string()));
    let hits = search(&content, "cz", "en");
    assert_eq!(hits[0].0, Target::Member(cz));
    let nl = member_index(&content, "NL");
    assert_eq!(search(&content, "olanda", "en")[0].0, Target::Member(nl));
}

#[test]
fn other_texts_are_searched_in_the_current_language() {
    let content = embedded();
    assert!(search(&content, "spaţiul virtual", "ro").len() > 1);
    assert!(search(&content, "platformă politică", "en").is_empty());
    assert!(!search(&content, "political platform", "en").is_empty());
}

#[test]
fn every_word_must_be_found_in_the_same_item() {
    let content = embedded();
    let hits = search(&content, "libertatea exprimare", "ro");
    let targets: Vec<Target> = hits.iter().map(|(t, _)| *t).collect();
    assert!(
        targets.contains(&Target::Item(Pane::Declaration, 1)),
        "{targets:?}"
    );
    assert!(
        !targets.contains(&Target::Item(Pane::Declaration, 2)),
        "assembly has no 'exprimare'"
    );
    assert!(search(&content, "moldova zzz", "ro").is_empty());
}

#[test]
fn headings_rank_before_body_text_then_whole_words_then_content_order() {
    let content = embedded();
    let hits = search(&content, "moldova", "ro");
    let md = member_index(&content, "MD");
    // The member's name is a heading; the overview section's title says "Republica Moldova".
    assert_eq!(hits[0].0, Target::Section(4));
    assert_eq!(hits[1].0, Target::Member(md));
    assert_eq!(hits.len(), 2);
    // Every heading hit comes before every body hit.
    let index = Index::new(&content);
    let ro = content.lang("ro").unwrap();
    for query in ["libertatea", "coaliţiei", "internet", "2012"] {
        let kinds: Vec<bool> = index
            .search(&Query::new(query), ro)
            .iter()
            .map(|h| h.kind.is_heading())
            .collect();
        assert!(
            kinds.windows(2).all(|w| w[0] || !w[1]),
            "{query}: {kinds:?}"
        );
        assert!(kinds.contains(&false), "{query}: no body hit");
    }
}

#[test]
fn ranking_prefers_whole_words_within_a_class() {
    let content = embedded();
    // "est" starts the name "Estonia" and stands inside other words ("Statele", "este"):
    // the start of a word in a name ranks first.
    let hits = search(&content, "est", "ro");
    let estonia = member_index(&content, "EE");
    assert_eq!(hits[0].0, Target::Member(estonia), "{hits:?}");
}

#[test]
fn an_empty_query_finds_nothing() {
    let content = embedded();
    assert!(search(&content, "", "ro").is_empty());
    assert!(search(&content, "   ", "ro").is_empty());
    assert!(Query::new(" \t").is_empty());
}

#[test]
fn highlights_cover_every_occurrence_in_the_original_text() {
    let query = Query::new("tarile romane");
    let text = "Ţările Române şi ţările vecine";
    let marks: Vec<&str> = query
        .matches_in(text)
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert_eq!(marks, ["Ţările", "Române", "ţările"]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_match_range_is_on_character_boundaries_and_folds_to_the_query(
        text in "[a-zA-ZăâîşţșțĂÂÎŞŢȘȚéÉ自由👍 ]{0,40}",
        start in 0usize..40,
        len in 1usize..6,
    ) {
        // A query taken from the text itself, so that it is found.
        let folded = fold(&text);
        let chars: Vec<char> = folded.chars().collect();
        prop_assume!(start + len <= chars.len());
        let word: String = chars[start..start + len].iter().collect();
        prop_assume!(!word.trim().is_empty() && !word.contains(' '));
        let query = Query::new(&word);
        let ranges = query.matches_in(&text);
        prop_assert!(!ranges.is_empty(), "{word:?} not found in {text:?}");
        for range in ranges {
            prop_assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
            prop_assert!(fold(&text[range]).contains(&fold(&word)));
        }
    }
}
