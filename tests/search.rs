//! Search: folding on both sides, every pane, names in every language, ranking, and match
//! positions that map back to the original text exactly.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

mod common;

use clsv::action::Action;
use clsv::content::{Content, Lang};
use clsv::search::{FieldKind, Index, Query, Target, fold::fold};
use clsv::vocabulary::Pane;
use common::{app_on, embedded, member_index, render, screen};
use proptest::prelude::*;
use ratatui::style::Color;

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
    let estonia = member_index(&content, "EE");
    // "est" starts the name "Estonia" and stands inside other words ("Western", "interest"):
    // the start of a word in a name ranks first.
    let hits = search(&content, "est", "en");
    assert_eq!(hits[0].0, Target::Member(estonia), "{hits:?}");
    // In Romanian it is also a whole word of regions ("Europa de Est"): a whole word ranks
    // before the start of one, so the members there lead, in their order, then Estonia.
    let ro = content.lang("ro").unwrap();
    let east: Vec<Target> = (0..content.members.members.len())
        .filter(|&i| {
            let member = &content.members.members[i];
            let region = content.region_of(member).unwrap().name.get(ro);
            region.split(' ').any(|word| word == "Est")
        })
        .map(Target::Member)
        .collect();
    assert!(east.len() > 1, "{east:?}");
    let hits = search(&content, "est", "ro");
    let leading: Vec<Target> = hits.iter().take(east.len()).map(|(t, _)| *t).collect();
    assert_eq!(leading, east, "{hits:?}");
    assert_eq!(hits[east.len()].0, Target::Member(estonia), "{hits:?}");
}

/// The members among the hits of `query`, by code, in the order of the results.
fn members_found(content: &Content, query: &str, lang: &str) -> Vec<String> {
    search(content, query, lang)
        .into_iter()
        .filter_map(|(target, _)| match target {
            Target::Member(i) => Some(content.members.members[i].code.clone()),
            _ => None,
        })
        .collect()
}

/// The codes of the members for which `keep` holds, in the pack's order.
fn members_where(content: &Content, keep: impl Fn(&clsv::content::Member) -> bool) -> Vec<String> {
    content
        .members
        .members
        .iter()
        .filter(|m| keep(m))
        .map(|m| m.code.clone())
        .collect()
}

/// Whether the member's region is named with `word` in `lang`.
fn region_has(content: &Content, member: &clsv::content::Member, lang: Lang, word: &str) -> bool {
    content
        .region_of(member)
        .is_some_and(|r| r.name.get(lang).contains(word))
}

#[test]
fn a_members_region_is_searched_in_every_language_of_the_pack() {
    let content = embedded();
    for lang in ["ro", "en"] {
        let tag = content.lang(lang).unwrap();
        let in_africa = members_where(&content, |m| region_has(&content, m, tag, "Africa"));
        assert_eq!(in_africa, ["GH", "KE", "TN"], "the pack's African members");
        let mut found = members_found(&content, "africa", lang);
        found.sort();
        assert_eq!(found, in_africa, "{lang}");
        // Found in the region, and the match is the region's own text.
        for (target, matched) in search(&content, "africa", lang) {
            if let Target::Member(_) = target {
                assert_eq!(matched, "Africa", "{lang}");
            }
        }
    }
    let found = members_found(&content, "eastern europe", "en");
    assert_eq!(found, ["CZ", "MD"]);
    assert_eq!(
        search(&content, "eastern europe", "en")[0].0,
        Target::Member(member_index(&content, "CZ"))
    );
    // A region is found in every language, whichever is shown, and field words too.
    assert_eq!(
        members_found(&content, "eastern europe", "ro"),
        ["CZ", "MD"]
    );
    assert_eq!(
        members_found(&content, "region:\"europa de est\"", "en"),
        ["CZ", "MD"]
    );
}

/// The detail shows what the search found: a region found in another language than the one
/// shown stands in the detail in that language too, and is marked there.
#[test]
fn a_region_found_in_another_language_is_marked_in_the_detail() {
    let content = embedded();
    let mut app = app_on(content.clone(), 100, 30);
    app.update(Action::OpenSearch);
    for c in "eastern europe".chars() {
        app.update(Action::InsertChar(c));
    }
    app.update(Action::AcceptSearch);
    assert_eq!(app.pane(), Pane::Members);
    assert_eq!(
        app.list_position(Pane::Members).unwrap().selected,
        member_index(&content, "CZ")
    );
    let marked = marked_on_screen(&app);
    let english: Vec<&(String, String)> = marked
        .iter()
        .filter(|(line, _)| line.contains("Regiune (en)"))
        .collect();
    assert_eq!(english.len(), 1, "{marked:?}");
    assert_eq!(english[0].1, "EasternEurope", "{marked:?}");
}

#[test]
fn the_year_a_member_joined_is_searched_and_its_members_come_first() {
    let content = embedded();
    let index = Index::new(&content);
    let joined_2012 = members_where(&content, |m| m.joined == 2012);
    assert_eq!(joined_2012, ["CR", "FI", "LV", "TN"]);
    for lang in ["ro", "en"] {
        let hits = index.search(&Query::new("2012"), content.lang(lang).unwrap());
        let leading: Vec<String> = hits
            .iter()
            .take(joined_2012.len())
            .map(|hit| match hit.target {
                Target::Member(i) => content.members.members[i].code.clone(),
                other => panic!("{other:?} before a member who joined in 2012"),
            })
            .collect();
        assert_eq!(leading, joined_2012, "{lang}");
        assert!(hits[..4].iter().all(|hit| hit.kind == FieldKind::Joined));
        // Other texts that mention 2012 follow: the conference, a note, an action.
        let rest = &hits[joined_2012.len()..];
        assert!(
            rest.iter().any(|hit| hit.target.pane() == Pane::Overview),
            "{lang}"
        );
        assert!(
            rest.iter().any(|hit| hit.target.pane() == Pane::Actions),
            "{lang}"
        );
        assert!(
            rest.iter()
                .any(|hit| hit.target == Target::Member(member_index(&content, "KE"))),
            "Kenya's note names the conference of 2012"
        );
    }
}

#[test]
fn a_field_word_finds_only_that_field_of_members() {
    let content = embedded();
    for lang in ["ro", "en"] {
        // Only members, only where their region says it.
        let hits = search(&content, "region:africa", lang);
        let codes = members_found(&content, "region:africa", lang);
        assert_eq!(codes.len(), hits.len(), "{hits:?}");
        let mut sorted = codes.clone();
        sorted.sort();
        assert_eq!(sorted, ["GH", "KE", "TN"]);
        assert!(hits.iter().all(|(_, matched)| matched == "Africa"));
        for same in ["regiune:africa", "REGION:AFRICA", "Regiune:Africa"] {
            assert_eq!(search(&content, same, lang), hits, "{same}");
        }

        // The year only, never a conference, an action or a note that mentions 2012.
        let hits = search(&content, "year:2012", lang);
        assert_eq!(
            members_found(&content, "year:2012", lang),
            ["CR", "FI", "LV", "TN"]
        );
        assert_eq!(hits.len(), 4, "{hits:?}");
        assert!(hits.iter().all(|(_, matched)| matched == "2012"));
        for same in ["an:2012", "AN:2012", "Year:2012"] {
            assert_eq!(search(&content, same, lang), hits, "{same}");
        }
        assert!(search(&content, "an:2010", lang).is_empty());
    }
    // Field words narrow one another and ordinary words.
    assert_eq!(
        members_found(&content, "region:africa an:2012", "ro"),
        ["TN"]
    );
    assert_eq!(
        members_found(&content, "region:eastern region:europe", "en"),
        ["CZ", "MD"]
    );
    assert_eq!(
        members_found(&content, "region:\"eastern europe\"", "en"),
        ["CZ", "MD"]
    );
    assert!(search(&content, "region:\"europe eastern\"", "en").is_empty());
    // A field word's word is not looked for in other fields: no member is named "Moldova" in its region.
    assert!(search(&content, "region:moldova", "ro").is_empty());
}

#[test]
fn a_field_word_with_another_word_needs_both() {
    let content = embedded();
    let ro = content.lang("ro").unwrap();
    let expected = members_where(&content, |m| {
        m.joined == 2011 && region_has(&content, m, ro, "Europa")
    });
    assert!(expected.len() > 2, "{expected:?}");
    let mut found = members_found(&content, "an:2011 europa", "ro");
    found.sort();
    let mut sorted = expected.clone();
    sorted.sort();
    assert_eq!(found, sorted);
    assert_eq!(
        search(&content, "an:2011 europa", "ro").len(),
        expected.len()
    );
    // The ordinary word may be in any field of the member: its name here.
    assert_eq!(members_found(&content, "an:2014 moldova", "ro"), ["MD"]);
    assert!(members_found(&content, "an:2011 moldova", "ro").is_empty());
}

#[test]
fn an_unknown_field_word_is_an_ordinary_word() {
    let content = embedded();
    assert!(search(&content, "foo:bar", "ro").is_empty());
    assert!(search(&content, "foo:bar africa", "ro").is_empty());
    // "Freedom Online: Joint Action…": `online:` is looked for as it is, colon and all.
    let hits = search(&content, "online:", "en");
    assert!(!hits.is_empty());
    assert!(
        hits.iter().all(|(_, matched)| matched == "Online:"),
        "{hits:?}"
    );
    let highlighted: Vec<&str> = Query::new("online:")
        .matches_in("Freedom Online: Joint Action")
        .into_iter()
        .map(|r| &"Freedom Online: Joint Action"[r])
        .collect();
    assert_eq!(highlighted, ["Online:"]);
}

/// The rows of the app's screen that hold marked cells (the search's marks, the current
/// occurrence among them): the row's text, and its marked cells run together.
fn marked_on_screen(app: &clsv::app::App) -> Vec<(String, String)> {
    let buffer = render(app);
    let mark = app.theme().mark().bg;
    let current = app.theme().current_mark();
    let marked = |cell: &ratatui::buffer::Cell| {
        Some(cell.bg) == mark
            || (Some(cell.bg) == current.bg && cell.modifier.contains(current.add_modifier))
    };
    let text = screen(app);
    text.lines()
        .enumerate()
        .filter_map(|(y, line)| {
            let marked: String = line
                .chars()
                .enumerate()
                .filter(|&(x, _)| marked(&buffer[(x as u16, y as u16)]))
                .map(|(_, c)| c)
                .collect();
            (!marked.is_empty()).then(|| (line.to_string(), marked))
        })
        .collect()
}

#[test]
fn the_detail_marks_the_region_or_year_a_field_word_found() {
    let content = embedded();
    let strings = clsv::i18n::UiLang::Romanian.strings();
    for (query, first, label, shown) in [
        ("region:africa", "GH", strings.region, "Africa"),
        ("REGIUNE:AFRICA", "GH", strings.region, "Africa"),
        ("an:2012", "CR", strings.joined, "2012"),
        ("year:2012 region:america", "CR", strings.joined, "2012"),
    ] {
        let mut app = app_on(content.clone(), 100, 30);
        app.update(Action::OpenSearch);
        for c in query.chars() {
            app.update(Action::InsertChar(c));
        }
        app.update(Action::AcceptSearch);
        assert_eq!(app.pane(), Pane::Members, "{query}");
        assert_eq!(
            app.list_position(Pane::Members).unwrap().selected,
            member_index(&content, first),
            "{query}"
        );
        // The shown region or year is marked on its own line; not the list's row, nor Costa
        // Rica's note ("în mai 2012"), which a field word does not look in.
        // (The region in English, where it differs, is marked on its own line too.)
        let marked = marked_on_screen(&app);
        let marked: Vec<(String, String)> = marked
            .into_iter()
            .filter(|(line, _)| !line.contains(&format!("{} (en)", strings.region)))
            .collect();
        let on_its_line: Vec<&(String, String)> = marked
            .iter()
            .filter(|(line, _)| line.contains(label))
            .collect();
        assert_eq!(on_its_line.len(), 1, "{query}: {marked:?}");
        assert_eq!(on_its_line[0].1, shown, "{query}: {marked:?}");
        let elsewhere = marked.iter().filter(|(line, _)| !line.contains(label));
        let region_too = query.contains("region:america");
        for (line, text) in elsewhere {
            assert!(
                region_too && line.contains(strings.region) && text == "America",
                "{query}: marked {text:?} in {line:?}"
            );
        }
    }
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

/// The codes of the members `query` keeps in the member filter, in the order it gives.
fn filtered(content: &Content, index: &Index, query: &str, lang: &str) -> Vec<String> {
    let lang = content.lang(lang).unwrap();
    index
        .members_matching(&Query::new(query), lang)
        .into_iter()
        .map(|i| content.members.members[i].code.clone())
        .collect()
}

#[test]
fn the_member_filter_keeps_every_member_for_an_empty_query() {
    let content = embedded();
    let index = Index::new(&content);
    let all: Vec<usize> = (0..content.members.members.len()).collect();
    for query in ["", "   ", "region:", "an:"] {
        assert_eq!(
            index.members_matching(&Query::new(query), content.default_language),
            all,
            "{query:?}"
        );
    }
}

#[test]
fn the_member_filter_keeps_the_members_with_every_word_in_their_order() {
    let content = embedded();
    let index = Index::new(&content);
    let ro = content.lang("ro").unwrap();
    // One word, in the note: every founding member, in the pack's order.
    let founding = members_where(&content, |m| {
        m.note
            .as_ref()
            .is_some_and(|n| n.get(ro).contains("fondator"))
    });
    assert!(founding.len() > 10, "{founding:?}");
    assert_eq!(filtered(&content, &index, "fondator", "ro"), founding);
    // Its English, in English only: a note is looked for in the language shown.
    assert_eq!(filtered(&content, &index, "founding", "en"), founding);
    assert!(filtered(&content, &index, "founding", "ro").is_empty());
    // Names in every language, and the code.
    assert_eq!(filtered(&content, &index, "Czech", "ro"), ["CZ"]);
    assert_eq!(filtered(&content, &index, "cz", "en"), ["CZ"]);
    // A region and a year in any language.
    let eastern = members_where(&content, |m| {
        region_has(&content, m, content.lang("en").unwrap(), "Eastern")
    });
    assert_eq!(filtered(&content, &index, "eastern", "en"), eastern);
    assert_eq!(filtered(&content, &index, "eastern", "ro"), eastern);
    // Several words: all of them, anywhere among the member's own fields.
    assert_eq!(
        filtered(&content, &index, "fondator africa", "ro"),
        members_where(&content, |m| {
            region_has(&content, m, ro, "Africa")
                && m.note
                    .as_ref()
                    .is_some_and(|n| n.get(ro).contains("fondator"))
        })
    );
    // Only members: a word of the declaration alone keeps none.
    assert!(!search(&content, "libertatea", "ro").is_empty());
    assert!(filtered(&content, &index, "libertatea", "ro").is_empty());
}

#[test]
fn the_member_filter_takes_field_words_and_folds_as_the_search_does() {
    let content = embedded();
    let index = Index::new(&content);
    let joined_2012 = members_where(&content, |m| m.joined == 2012);
    for query in ["an:2012", "year:2012", "AN:2012"] {
        assert_eq!(
            filtered(&content, &index, query, "ro"),
            joined_2012,
            "{query}"
        );
    }
    // "2012" alone also keeps Kenya, whose note names the conference of 2012.
    let any_2012 = filtered(&content, &index, "2012", "en");
    assert!(any_2012.contains(&"KE".to_string()), "{any_2012:?}");
    assert!(!filtered(&content, &index, "an:2012", "en").contains(&"KE".to_string()));
    for query in [
        "region:africa",
        "regiune:AFRICA",
        "Regiune:Africa",
        "africa",
    ] {
        assert_eq!(
            filtered(&content, &index, query, "ro"),
            ["GH", "KE", "TN"],
            "{query}"
        );
    }
    assert_eq!(
        filtered(&content, &index, "region:africa an:2012", "ro"),
        ["TN"]
    );
    assert_eq!(
        filtered(&content, &index, "region:\"europa de est\"", "ro"),
        ["CZ", "MD"]
    );
    // Case and diacritics do not matter.
    for query in ["cehă", "ceha", "CEHA", "Republica Cehă"] {
        assert_eq!(filtered(&content, &index, query, "ro"), ["CZ"], "{query}");
    }
    assert_eq!(
        filtered(&content, &index, "franta", "ro"),
        filtered(&content, &index, "Franţa", "ro")
    );
    assert_eq!(filtered(&content, &index, "franta", "ro"), ["FR"]);
    // An unknown field word is a word like any other.
    assert!(filtered(&content, &index, "foo:bar", "ro").is_empty());
}

/// Without colour, the selected row is reversed: a match inside it is drawn the other way
/// round again and underlined, so that it still stands out from the rest of the row.
#[test]
fn without_colour_a_match_in_the_selected_row_still_shows() {
    use clsv::app::StartAt;
    use clsv::capability::ColorLevel;
    use clsv::theme::Theme;
    use ratatui::style::Modifier;
    let content = embedded();
    let lang = content.default_language;
    let mut app = clsv::app::App::new(
        content,
        Theme::new(ColorLevel::None, false),
        StartAt {
            lang,
            pane: Pane::Overview,
            item: None,
        },
        100,
        30,
    );
    app.update(Action::OpenSearch);
    for c in "ceh".chars() {
        app.update(Action::InsertChar(c));
    }
    app.update(Action::AcceptSearch);
    if app.focus() != clsv::vocabulary::Focus::List {
        app.update(Action::Back);
    }
    assert!(app.highlight().is_some(), "the search is still marked");
    let buffer = render(&app);
    let (x, y) = common::find(&app, "CZ   Republica Cehă");
    let at = |dx: usize| &buffer[(x + dx as u16, y)];
    let plain = at("CZ   Republica ".chars().count() - 2);
    let marked = at("CZ   Republica ".chars().count());
    assert!(
        plain.modifier.contains(Modifier::REVERSED),
        "the row is selected"
    );
    assert_ne!(
        plain.modifier, marked.modifier,
        "the match looks like the row"
    );
    assert!(marked.modifier.contains(Modifier::UNDERLINED));
    assert!(!marked.modifier.contains(Modifier::REVERSED));
}

/// With nothing found, Enter and `n` say so instead of doing nothing, and the prompt stops
/// offering Enter.
#[test]
fn with_no_results_enter_and_n_say_so() {
    let mut app = app_on(embedded(), 100, 30);
    app.update(Action::OpenSearch);
    for c in "zzzqx".chars() {
        app.update(Action::InsertChar(c));
    }
    let footer = |app: &clsv::app::App| screen(app).lines().last().unwrap().to_string();
    assert!(!footer(&app).contains("Enter"), "{}", footer(&app));
    app.update(Action::AcceptSearch);
    assert_eq!(
        app.mode(),
        clsv::vocabulary::Mode::Search,
        "the prompt stays"
    );
    assert!(footer(&app).contains("niciun rezultat"), "{}", footer(&app));
    // The next key takes the remark away.
    app.update(Action::DeleteChar);
    assert!(!footer(&app).contains("niciun rezultat"));
    app.update(Action::CancelSearch);
    app.update(Action::NextMatch);
    assert!(footer(&app).contains("niciun rezultat"), "{}", footer(&app));
}

/// A result whose title matched shows what follows the title, not the title again, and the
/// title is marked; a context shows each word of the query where it stands.
#[test]
fn a_results_context_reads_like_the_text() {
    let mut app = app_on(embedded(), 100, 30);
    app.update(Action::OpenSearch);
    for c in "moldova".chars() {
        app.update(Action::InsertChar(c));
    }
    let shown = screen(&app);
    assert!(shown.contains("Membri · Moldova"), "{shown}");
    assert!(shown.contains("MD · Europa de Est · 2014"), "{shown}");
    let marked = marked_on_screen(&app);
    assert!(
        marked
            .iter()
            .any(|(line, text)| line.contains("Membri · Moldova") && text == "Moldova"),
        "{marked:?}"
    );
    app.update(Action::ClearQuery);
    for c in "libertatea virtual".chars() {
        app.update(Action::InsertChar(c));
    }
    let marked = marked_on_screen(&app);
    let context = marked
        .iter()
        .find(|(line, _)| line.contains("Toţi oamenii"))
        .unwrap();
    assert!(
        context.1.contains("libertatea") && context.1.contains("virtual"),
        "each word marked: {context:?}"
    );
}

/// The cells of the current pane's text (within its area) whose style `is` picks, as the
/// text they show, a run of such cells a word.
fn words_styled(app: &clsv::app::App, is: impl Fn(&ratatui::buffer::Cell) -> bool) -> Vec<String> {
    let buffer = render(app);
    let area = app.text_area().unwrap();
    let mut words = Vec::new();
    for y in area.top()..area.bottom() {
        let mut word = String::new();
        for x in area.left()..area.right() {
            let cell = &buffer[(x, y)];
            if is(cell) {
                word.push_str(cell.symbol());
            } else if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
        }
        if !word.is_empty() {
            words.push(word);
        }
    }
    words
}

/// The occurrence `n` stands on is drawn apart from the other marks, in colour and without:
/// another colour and underlined; reversed and underlined where every mark is reversed.
#[test]
fn the_current_occurrence_is_drawn_apart_from_the_others() {
    use clsv::app::StartAt;
    use clsv::capability::ColorLevel;
    use clsv::theme::Theme;
    use ratatui::style::Modifier;
    for level in [ColorLevel::Basic16, ColorLevel::None] {
        let content = embedded();
        let lang = content.default_language;
        let theme = Theme::new(level, false);
        let mut app = clsv::app::App::new(
            content,
            theme,
            StartAt {
                lang,
                pane: Pane::Overview,
                item: None,
            },
            100,
            30,
        );
        app.update(Action::OpenSearch);
        for c in "moldova".chars() {
            app.update(Action::InsertChar(c));
        }
        app.update(Action::AcceptSearch);
        // The overview's second occurrence: the first, in the section's title, is in view too.
        while !(app.pane() == Pane::Overview && app.current_in_text(app.text_width()) == Some(1)) {
            app.update(Action::NextMatch);
        }
        let current = theme.current_mark();
        let mark = theme.mark();
        let is_current = |cell: &ratatui::buffer::Cell| {
            cell.bg == current.bg.unwrap_or(Color::Reset)
                && cell.modifier.contains(current.add_modifier)
        };
        let is_other = |cell: &ratatui::buffer::Cell| {
            cell.bg == mark.bg.unwrap_or(Color::Reset)
                && cell.modifier.contains(mark.add_modifier)
                && !cell.modifier.contains(Modifier::UNDERLINED)
        };
        assert_ne!(current, mark);
        let currents = words_styled(&app, is_current);
        assert_eq!(currents.len(), 1, "{level:?}: {currents:?}");
        assert_eq!(fold(&currents[0]), "moldova");
        let others = words_styled(&app, is_other);
        assert!(
            others.iter().any(|word| fold(word) == "moldova"),
            "{level:?}: another occurrence in view, drawn as a mark: {others:?}"
        );
        // In a member's detail, its name on the box is an occurrence too: the current one.
        while !matches!(
            app.found().unwrap().at.passage,
            clsv::doc::Passage::Detail(Pane::Members, _)
        ) {
            app.update(Action::NextMatch);
        }
        assert_eq!(app.current_on_title(app.text_width()), Some(0));
        let buffer = render(&app);
        let (x, y) = common::find(&app, " Moldova ");
        let name = &buffer[(x + 1, y)];
        assert_eq!(name.bg, current.bg.unwrap_or(Color::Reset), "{level:?}");
        assert!(name.modifier.contains(Modifier::UNDERLINED), "{level:?}");
    }
}
