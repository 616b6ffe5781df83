//! Loading packs: the default pack is whole and faithful to its source text, and every kind
//! of bad pack is refused with the file, line and column of each problem.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

mod common;

use std::fs;
use std::path::Path;

use clsv::content::{self, Content, Lang, LoadError, ProblemKind, load_dir};
use common::{embedded, fixture_dir, member_index};

fn ro(content: &Content) -> Lang {
    content.lang("ro").unwrap()
}

fn en(content: &Content) -> Lang {
    content.lang("en").unwrap()
}

/// Every Romanian text of the pack, as one string to search.
fn all_text(content: &Content, lang: Lang) -> String {
    let mut texts: Vec<&str> = vec![content.title.get(lang)];
    for s in &content.overview.sections {
        texts.extend([s.title.get(lang), s.body.get(lang)]);
        texts.extend(s.facts.iter().map(|f| f.text.get(lang)));
    }
    for e in &content.overview.timeline {
        texts.extend([e.date.get(lang), e.place.get(lang), e.text.get(lang)]);
    }
    texts.extend(content.members.intro.iter().map(|t| t.get(lang)));
    for m in &content.members.members {
        texts.push(m.name.get(lang));
        texts.extend(m.note.iter().map(|n| n.get(lang)));
    }
    for list in [&content.declaration, &content.actions] {
        texts.extend(list.intro.iter().map(|t| t.get(lang)));
        for item in &list.items {
            texts.extend([item.title.get(lang), item.body.get(lang)]);
            texts.extend(item.facts.iter().map(|f| f.text.get(lang)));
        }
    }
    collapse(&texts.join("\n"))
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_default_pack_loads_in_two_languages() {
    let content = embedded();
    assert_eq!(content.languages, ["ro", "en"]);
    assert_eq!(content.lang_tag(content.default_language), "ro");
    assert_eq!(
        content.title.get(ro(&content)),
        "Coaliţia privind Libertatea în Spaţiul Virtual"
    );
    assert_eq!(content.title.get(en(&content)), "Freedom Online Coalition");
}

/// The built-in pack is parsed at every start and never refused: it must have no problem at
/// all, not even a warning such as a missing translation.
#[test]
fn the_default_pack_has_no_problem_not_even_a_warning() {
    let report = content::load::check_embedded();
    let problems: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(report.content.is_some());
}

#[test]
fn the_default_pack_is_the_one_in_assets() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/content");
    assert_eq!(load_dir(&dir).unwrap(), embedded());
}

#[test]
fn every_statement_of_the_source_text_is_in_the_pack() {
    let source = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/source-text.txt"),
    )
    .unwrap();
    let content = embedded();
    let pack = all_text(&content, ro(&content));
    let mut checked = 0;
    for line in source
        .lines()
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.is_empty() && *l != "DETALII")
    {
        if let Some(bullet) = line.strip_prefix('•') {
            // "Title: text" of an area of action: both parts, in the actions pane.
            let (title, text) = bullet.trim().split_once(": ").unwrap();
            let area = content
                .actions
                .items
                .iter()
                .find(|i| i.title.get(ro(&content)) == title)
                .unwrap_or_else(|| panic!("no area of action titled {title:?}"));
            assert!(
                collapse(area.body.get(ro(&content))).contains(&collapse(text)),
                "{text:?}"
            );
            checked += 1;
            continue;
        }
        for sentence in line.split_inclusive(". ").map(str::trim) {
            let sentence = sentence.trim_end_matches(['.', ':']);
            if sentence.starts_with("În prezent, CLSV are 22 membri") {
                continue; // the member list, checked below
            }
            assert!(
                pack.contains(&collapse(sentence)),
                "not in the pack: {sentence:?}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} statements checked");
}

#[test]
fn the_members_are_those_of_the_source_in_its_order() {
    let source = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/source-text.txt"),
    )
    .unwrap();
    let list = source
        .split("22 membri – ")
        .nth(1)
        .unwrap()
        .split(". ")
        .next()
        .unwrap();
    let names: Vec<&str> = list.split(", ").flat_map(|n| n.split(" şi ")).collect();
    let content = embedded();
    let members: Vec<&str> = content
        .members
        .members
        .iter()
        .map(|m| m.name.get(ro(&content)))
        .collect();
    assert_eq!(members, names);
    assert_eq!(members.len(), 22);
}

#[test]
fn every_member_has_its_added_facts_with_sources() {
    let content = embedded();
    let en = en(&content);
    for member in &content.members.members {
        assert_eq!(member.code.len(), 2);
        assert!((2011..=2014).contains(&member.joined), "{}", member.id);
        assert_ne!(member.name.get(en), "", "{}", member.id);
        for source in [
            member.code_source,
            member.region_source,
            member.joined_source,
        ] {
            assert!(content.source(source).is_some());
        }
    }
    let moldova = &content.members.members[member_index(&content, "MD")];
    assert_eq!(moldova.joined, 2014);
    assert_eq!(content.source(moldova.joined_source).unwrap().id, "mfa-lv");
    let netherlands = &content.members.members[member_index(&content, "NL")];
    assert_eq!(netherlands.name.get(en), "Netherlands");
    assert_eq!(
        content.region_of(netherlands).unwrap().name.get(en),
        "Western Europe"
    );
}

/// Every fact of the default pack with the source it cites, as (what, source id): the facts
/// of sections and items, the conferences, the sources items follow, and members' notes.
fn cited_facts(content: &Content) -> Vec<(String, Option<String>)> {
    let id = |source: Option<content::SourceRef>| {
        source.map(|s| content.source(s).expect("a cited source exists").id.clone())
    };
    let mut facts = Vec::new();
    for section in &content.overview.sections {
        for fact in &section.facts {
            facts.push((format!("a fact of {}", section.id), id(fact.source)));
        }
    }
    for event in &content.overview.timeline {
        facts.push((event.id.clone(), id(Some(event.source))));
    }
    for item in content
        .declaration
        .items
        .iter()
        .chain(&content.actions.items)
    {
        for fact in &item.facts {
            facts.push((format!("a fact of {}", item.id), id(fact.source)));
        }
    }
    for member in &content.members.members {
        if member.note.is_some() {
            let sources = &member.note_sources;
            facts.push((
                format!("the note of {}", member.id),
                id(sources.first().copied()),
            ));
        }
    }
    facts
}

#[test]
fn every_fact_of_the_default_pack_cites_a_source() {
    let content = embedded();
    let facts = cited_facts(&content);
    assert!(facts.len() > 20, "{facts:?}");
    let uncited: Vec<&String> = facts
        .iter()
        .filter(|(_, source)| source.is_none())
        .map(|(what, _)| what)
        .collect();
    assert!(uncited.is_empty(), "facts without a source: {uncited:?}");
    // And the check agrees: the built-in pack has no problem, not even a warning.
    assert!(content::load::check_embedded().problems.is_empty());
    // What rests on the source text alone says so by citing it: the conference it
    // announces and Moldova's date of joining.
    let tallinn = content.overview.timeline.last().unwrap();
    assert_eq!(content.source(tallinn.source).unwrap().id, "source-text");
    let moldova = &content.members.members[member_index(&content, "MD")];
    let notes: Vec<&str> = moldova
        .note_sources
        .iter()
        .map(|&s| content.source(s).unwrap().id.as_str())
        .collect();
    assert_eq!(notes, ["source-text", "vm-ee"]);
}

#[test]
fn every_year_of_joining_cites_the_latvian_ministry_page_and_the_founders_the_history() {
    let content = embedded();
    let en = en(&content);
    for member in &content.members.members {
        let source = content.source(member.joined_source).unwrap();
        assert_eq!(source.id, "mfa-lv", "{}", member.id);
        assert_eq!(
            source.url.as_deref(),
            Some(
                "https://www.mfa.gov.lv/en/policy/international-organizations/freedom-online-coalition"
            )
        );
        let note = member.note.as_ref().map_or("", |n| n.get(en));
        if note.starts_with("founding member") {
            assert_eq!(member.joined, 2011, "{}", member.id);
            let first = content.source(member.note_sources[0]).unwrap();
            assert_eq!(first.id, "foc-history", "{}", member.id);
        }
    }
    let founders = content
        .members
        .members
        .iter()
        .filter(|m| {
            m.note
                .as_ref()
                .is_some_and(|n| n.get(en).starts_with("founding member"))
        })
        .count();
    assert_eq!(founders, 15);
    let estonia = &content.members.members[member_index(&content, "EE")];
    let cited: Vec<&str> = estonia
        .note_sources
        .iter()
        .map(|&s| content.source(s).unwrap().id.as_str())
        .collect();
    assert_eq!(cited, ["foc-history", "vm-ee"]);
}

#[test]
fn the_sources_include_the_blog_post_the_fact_sheet_and_the_estonian_blog() {
    let content = embedded();
    let find = |id: &str| {
        content
            .sources
            .iter()
            .find(|s| s.id == id)
            .unwrap_or_else(|| panic!("no source {id}"))
    };
    let expected = [
        (
            "source-text",
            "http://eguvernare.blogspot.com/2014/01/coalitia-privind-libertatea-in-spatiul.html",
            "2014-01",
        ),
        (
            "fact-sheet",
            "http://www.humanrights.gov/2012/11/20/fact-sheet-freedom-online-coalition/",
            "2012-11-20",
        ),
        (
            "vm-ee",
            "https://blog.vm.ee/2014/02/21/estonia-and-the-freedom-online-coalition/",
            "2014-02-21",
        ),
    ];
    for (id, url, date) in expected {
        let source = find(id);
        assert_eq!(source.url.as_deref(), Some(url), "{id}");
        assert_eq!(source.date.as_deref(), Some(date), "{id}");
        assert!(source.citation(en(&content)).contains(url), "{id}");
    }
    assert!(
        find("fact-sheet")
            .title
            .get(en(&content))
            .contains("Fact Sheet: Freedom Online Coalition")
    );
    assert!(
        find("vm-ee")
            .title
            .get(en(&content))
            .contains("Estonia and the Freedom Online Coalition")
    );
    // Estonia's chair in 2014 is cited to the Estonian blog.
    let next = content
        .overview
        .sections
        .iter()
        .find(|s| s.id == "next-conference")
        .unwrap();
    let chair = next
        .facts
        .iter()
        .find(|f| f.text.get(en(&content)).contains("Estonia chairs"))
        .unwrap();
    assert_eq!(content.source(chair.source.unwrap()).unwrap().id, "vm-ee");
}

#[test]
fn the_declaration_and_the_areas_of_action_cite_the_fact_sheet_and_follow_its_english() {
    let content = embedded();
    let en = en(&content);
    let principle = &content.declaration.items[0];
    let actions = &content.actions.items;
    for item in std::iter::once(principle).chain(actions) {
        let source = content.source(item.source.unwrap()).unwrap();
        assert_eq!(source.id, "fact-sheet", "{}", item.id);
    }
    assert!(
        principle
            .body
            .get(en)
            .starts_with("Countries joining the Coalition endorse a strong declaration")
    );
    let private = actions
        .iter()
        .find(|i| i.id == "private-sector-engagement")
        .unwrap();
    assert_eq!(private.title.get(en), "Engagement with the private sector");
    assert!(
        private
            .body
            .get(en)
            .starts_with("Working with Information and Communication Technology")
    );
}

#[test]
fn the_pack_dates_its_present_and_states_nothing_its_sources_do_not() {
    let content = embedded();
    let intro = content.members.intro.as_ref().unwrap();
    let ro_intro = intro.get(ro(&content));
    // The date, in the pack's own words; the count is the tab's and the list's title.
    assert!(ro_intro.contains("începutul anului 2014"), "{ro_intro}");
    assert!(!ro_intro.contains("22"), "{ro_intro}");
    assert!(intro.get(en(&content)).contains("early 2014"));
    let mut texts: Vec<String> = Vec::new();
    for lang in [ro(&content), en(&content)] {
        for section in &content.overview.sections {
            texts.push(section.body.get(lang).to_string());
            texts.extend(section.facts.iter().map(|f| f.text.get(lang).to_string()));
        }
        for event in &content.overview.timeline {
            texts.push(event.date.get(lang).to_string());
            texts.push(event.text.get(lang).to_string());
        }
        for item in content
            .actions
            .items
            .iter()
            .chain(&content.declaration.items)
        {
            texts.push(item.body.get(lang).to_string());
            texts.extend(item.facts.iter().map(|f| f.text.get(lang).to_string()));
        }
    }
    for claim in [
        "January 2013",
        "ianuarie 2013",
        "Hivos",
        "8–9",
        "6–7",
        "17–18",
    ] {
        assert!(
            texts.iter().all(|t| !t.contains(claim)),
            "no source states {claim:?}"
        );
    }
    // The platform section reads as English.
    let platform = content
        .overview
        .sections
        .iter()
        .find(|s| s.id == "platform")
        .unwrap();
    assert!(
        !platform
            .body
            .get(en(&content))
            .contains("ICT companies, to encourage them")
    );
}

#[test]
fn a_note_cites_one_source_or_several_and_needs_a_note_to_cite_for() {
    let content =
        load_with_members(|m| m.replacen("note: \"text\")", "note: [\"text\", \"web\"])", 1))
            .unwrap();
    let ids: Vec<&str> = content.members.members[0]
        .note_sources
        .iter()
        .map(|&s| content.source(s).unwrap().id.as_str())
        .collect();
    assert_eq!(ids, ["text", "web"]);

    let error =
        load_with_members(|m| m.replacen("joined: \"web\")", "joined: \"web\", note: \"web\")", 1))
            .unwrap_err();
    assert_problem(
        &error,
        "members.ron",
        23,
        72,
        "member \"cz\" names a source for its note, but has no note",
    );

    let error =
        load_with_members(|m| m.replacen("note: \"text\")", "note: [\"text\", \"nowhere\"])", 1))
            .unwrap_err();
    assert_problem(
        &error,
        "members.ron",
        15,
        82,
        "no source with id \"nowhere\" (known: text, web)",
    );
}

#[test]
fn a_fact_or_a_note_without_a_source_loads_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(dir.path());
    let uncited = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad/uncited");
    for entry in fs::read_dir(uncited).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    let report = content::load::check_dir(dir.path());
    assert_eq!(report.errors().count(), 0);
    let warnings: Vec<String> = report.warnings().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings[0].contains("this fact cites no source"),
        "{warnings:?}"
    );
    assert!(
        warnings[1].contains("the note of member \"md\" cites no source"),
        "{warnings:?}"
    );
    let content = report.content.unwrap();
    assert_eq!(content.overview.sections[0].facts[0].source, None);
    assert!(content.members.members[0].note_sources.is_empty());
}

#[test]
fn a_source_date_is_a_year_a_month_or_a_day() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(dir.path());
    let pack = fs::read_to_string(dir.path().join("pack.ron")).unwrap();
    let dated = |date: &str| {
        pack.replacen(
            "url: \"https://example.org/\"",
            &format!("url: \"https://example.org/\", date: \"{date}\""),
            1,
        )
    };
    for good in ["2014", "2014-01", "2014-02-21"] {
        fs::write(dir.path().join("pack.ron"), dated(good)).unwrap();
        let content = load_dir(dir.path()).unwrap();
        assert_eq!(content.sources[1].date.as_deref(), Some(good));
    }
    for bad in ["21 February 2014", "2014-13", "2014-2-21", "14"] {
        fs::write(dir.path().join("pack.ron"), dated(bad)).unwrap();
        let error = load_dir(dir.path()).unwrap_err();
        assert!(
            error
                .to_string()
                .contains(&format!("\"{bad}\" is not a date")),
            "{error}"
        );
    }
}

#[test]
fn a_pack_may_say_when_its_content_describes_the_world() {
    assert_eq!(embedded().date.as_deref(), Some("2014-04"));
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(dir.path());
    let pack = fs::read_to_string(dir.path().join("pack.ron")).unwrap();
    assert_eq!(
        load_dir(dir.path()).unwrap().date,
        None,
        "the date is optional"
    );
    let dated = |date: &str| {
        pack.replacen(
            "default_language: \"ro\",",
            &format!("default_language: \"ro\", date: \"{date}\","),
            1,
        )
    };
    fs::write(dir.path().join("pack.ron"), dated("2014-04")).unwrap();
    assert_eq!(
        load_dir(dir.path()).unwrap().date.as_deref(),
        Some("2014-04")
    );
    fs::write(dir.path().join("pack.ron"), dated("April 2014")).unwrap();
    let error = load_dir(dir.path()).unwrap_err().to_string();
    assert!(error.contains("\"April 2014\" is not a date"), "{error}");
}

#[test]
fn the_member_count_is_computed_from_the_list() {
    // The generated pack's introduction counts its members with the placeholder.
    let files = content::generate::pack_files(7);
    let content = content::load::load_files(files).unwrap();
    let intro = content.members.intro.as_ref().unwrap();
    assert!(intro.get(ro(&content)).contains("7 membri"));
    assert!(!intro.get(ro(&content)).contains("{member_count}"));
    let raw = content::load::embedded_files()
        .find(|(name, _)| *name == "members.ron")
        .unwrap()
        .1;
    assert!(
        !raw.contains("22"),
        "members.ron must not write the count by hand"
    );
}

#[test]
fn the_declaration_names_each_right_as_its_own_item() {
    let content = embedded();
    let ids: Vec<&str> = content
        .declaration
        .items
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "principle",
            "expression",
            "assembly",
            "association",
            "religion-or-belief",
            "privacy"
        ]
    );
    let principle = content.declaration.items[0].body.get(en(&content));
    assert!(principle.contains("the same human rights online as they do offline"));
}

#[test]
fn the_three_areas_of_action_with_the_digital_defenders_in_civil_society() {
    let content = embedded();
    let ids: Vec<&str> = content
        .actions
        .items
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "diplomatic-coordination",
            "civil-society-support",
            "private-sector-engagement"
        ]
    );
    let civil = &content.actions.items[1];
    assert!(
        civil
            .body
            .get(en(&content))
            .contains("Digital Defenders Partnership")
    );
    assert!(
        civil
            .facts
            .iter()
            .all(|f| f.source.and_then(|s| content.source(s)).is_some())
    );
}

#[test]
fn the_overview_has_its_sections_and_the_conference_timeline() {
    let content = embedded();
    let ids: Vec<&str> = content
        .overview
        .sections
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["name", "founding", "platform", "next-conference", "moldova"]
    );
    let places: Vec<&str> = content
        .overview
        .timeline
        .iter()
        .map(|e| e.place.get(en(&content)))
        .collect();
    assert_eq!(places, ["The Hague", "Nairobi", "Tunis", "Tallinn"]);
    let text = all_text(&content, en(&content));
    assert!(text.contains("28–29 April 2014, in Tallinn"));
    assert!(text.contains("since 1 January 2014"));
}

#[test]
fn text_is_normalized_on_load() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(dir.path());
    let actions = fs::read_to_string(dir.path().join("actions.ron")).unwrap();
    // A decomposed ă, a tab and an escape sequence in the body of an item.
    let actions = actions.replace(
        "Coordonare diplomatică.",
        "Coordonare\\tdiplomatica\u{0306}\\u{1b}[2J.",
    );
    fs::write(dir.path().join("actions.ron"), actions).unwrap();
    let content = load_dir(dir.path()).unwrap();
    let body = content.actions.items[0].body.get(ro(&content));
    assert_eq!(body, "Coordonare  diplomatică\u{241b}[2J.");
}

#[test]
fn a_missing_translation_shares_the_default_text_without_a_copy() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(dir.path());
    let members = fs::read_to_string(dir.path().join("members.ron")).unwrap();
    let members = members.replacen(
        r#"{"ro": "la 1 ianuarie 2014", "en": "on 1 January 2014"}"#,
        r#"{"ro": "la 1 ianuarie 2014"}"#,
        1,
    );
    fs::write(dir.path().join("members.ron"), members).unwrap();
    let content = load_dir(dir.path()).unwrap();
    let (ro, en) = (ro(&content), en(&content));
    let note = content
        .members
        .members
        .iter()
        .find_map(|m| {
            m.note
                .as_ref()
                .filter(|n| n.get(ro) == "la 1 ianuarie 2014")
        })
        .unwrap();
    assert_eq!(
        note.get(en),
        note.get(ro),
        "the Romanian text is shown in English"
    );
    // One text in memory, not two: a text of tens of megabytes would otherwise double.
    assert_eq!(note.get(en).as_ptr(), note.get(ro).as_ptr());
}

fn copy_fixture(to: &Path) {
    for entry in fs::read_dir(fixture_dir()).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

/// The fixture pack with the files of `tests/fixtures/bad/<case>` put over it.
fn load_bad(case: &str) -> LoadError {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(dir.path());
    let bad = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bad")
        .join(case);
    for entry in fs::read_dir(bad).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    load_dir(dir.path()).unwrap_err()
}

/// Asserts that the only problem is in `file` at `line`:`column` and says `says`.
#[track_caller]
fn assert_problem(error: &LoadError, file: &str, line: usize, column: usize, says: &str) {
    assert_eq!(error.problems.len(), 1, "{error}");
    let problem = &error.problems[0];
    assert!(problem.file.ends_with(file), "{error}");
    let position = problem.position.unwrap();
    assert_eq!((position.line, position.column), (line, column), "{error}");
    let shown = problem.to_string();
    assert!(
        shown.contains(&format!("{file}:{line}:{column}: ")),
        "{shown}"
    );
    assert!(shown.contains(says), "{shown:?} does not say {says:?}");
}

#[test]
fn a_syntax_error_points_where_the_parser_stopped() {
    assert_problem(&load_bad("syntax"), "members.ron", 13, 13, "Expected comma");
}

#[test]
fn an_unknown_field_is_an_error_that_lists_the_known_ones() {
    let error = load_bad("unknown-field");
    assert_problem(&error, "actions.ron", 11, 13, "titel");
    assert!(error.to_string().contains("`title`"));
}

#[test]
fn a_duplicate_id_names_both_places() {
    let error = load_bad("duplicate-id");
    assert_problem(&error, "declaration.ron", 9, 17, "duplicate id \"md\"");
    assert!(error.to_string().contains("members.ron:9:17"), "{error}");
}

#[test]
fn an_empty_text_is_an_error() {
    let error = load_bad("empty-text");
    assert_problem(&error, "overview.ron", 14, 45, "\"en\" is empty");
    assert!(matches!(
        error.problems[0].kind,
        ProblemKind::EmptyText { .. }
    ));
}

#[test]
fn a_text_without_the_default_language_is_an_error() {
    let error = load_bad("missing-default");
    assert_problem(&error, "members.ron", 27, 19, "no \"ro\" version");
}

#[test]
fn a_language_not_declared_in_the_pack_is_an_error() {
    assert_problem(
        &load_bad("undeclared-language"),
        "declaration.ron",
        11,
        92,
        "\"fr\" is not declared",
    );
}

#[test]
fn a_reference_to_an_unknown_source_is_an_error() {
    assert_problem(
        &load_bad("unknown-source"),
        "actions.ron",
        13,
        91,
        "no source with id \"nowhere\"",
    );
}

#[test]
fn an_invalid_country_code_is_an_error() {
    assert_problem(
        &load_bad("bad-code"),
        "members.ron",
        28,
        19,
        "\"nld\" is not an ISO 3166-1",
    );
}

#[test]
fn a_default_language_outside_the_languages_is_an_error() {
    assert_problem(
        &load_bad("bad-default-language"),
        "pack.ron",
        6,
        23,
        "\"de\" is not one of",
    );
}

#[test]
fn a_file_that_is_not_utf8_is_an_error_at_the_first_bad_byte() {
    assert_problem(
        &load_bad("not-utf8"),
        "declaration.ron",
        11,
        27,
        "not UTF-8",
    );
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let error = load_bad("several-problems");
    let shown: Vec<String> = error.problems.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 3, "{error}");
    assert!(shown[0].contains("overview.ron:13:17: duplicate id \"about\""));
    assert!(shown[1].contains("members.ron:28:19: \"nld\""));
    assert!(shown[2].contains("members.ron:29:21: no region with id \"north\""));
}

#[test]
fn a_missing_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(dir.path());
    fs::remove_file(dir.path().join("actions.ron")).unwrap();
    let error = load_dir(dir.path()).unwrap_err();
    assert_eq!(error.problems.len(), 1);
    assert_eq!(error.problems[0].kind, ProblemKind::MissingFile);
    assert!(
        error.to_string().contains("actions.ron: file not found"),
        "{error}"
    );
}

#[test]
fn a_folder_where_a_file_should_be_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(dir.path());
    fs::remove_file(dir.path().join("members.ron")).unwrap();
    fs::create_dir(dir.path().join("members.ron")).unwrap();
    let error = load_dir(dir.path()).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("members.ron: cannot read the file: it is a folder"),
        "{error}"
    );
}

#[test]
fn a_named_pipe_where_a_file_should_be_is_refused_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(dir.path());
    let members = dir.path().join("members.ron");
    fs::remove_file(&members).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&members)
        .status()
        .unwrap();
    assert!(made.success());
    // Run aside, so that a loader that opens the pipe fails this test instead of hanging it.
    let (sender, receiver) = std::sync::mpsc::channel();
    let path = dir.path().to_path_buf();
    std::thread::spawn(move || sender.send(load_dir(&path).map(|_| ())));
    let outcome = receiver
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("the loader returns instead of waiting on the pipe");
    let error = outcome.unwrap_err();
    assert!(
        error.to_string().contains(
            "members.ron: cannot read the file: it is a named pipe (FIFO), not a regular file"
        ),
        "{error}"
    );
}

#[test]
fn a_byte_order_mark_at_the_start_of_a_file_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(dir.path());
    let members = dir.path().join("members.ron");
    let text = fs::read_to_string(&members).unwrap();
    fs::write(&members, format!("\u{feff}{text}")).unwrap();
    let with_mark = load_dir(dir.path()).unwrap();
    fs::write(&members, text).unwrap();
    assert_eq!(with_mark, load_dir(dir.path()).unwrap());
}

#[test]
fn a_missing_folder_is_named() {
    let error = load_dir(Path::new("/no/such/pack")).unwrap_err();
    assert_eq!(error.to_string(), "/no/such/pack: no such folder");
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(dir.path());
    let file = fs::File::create(dir.path().join("overview.ron")).unwrap();
    file.set_len(content::load::MAX_FILE_BYTES + 1).unwrap();
    let error = load_dir(dir.path()).unwrap_err();
    assert!(
        matches!(error.problems[0].kind, ProblemKind::TooLarge { .. }),
        "{error}"
    );
}

/// Where each region's capitals may be, in degrees: (south, north, west, east). Wide
/// boxes, but each on its own side of the equator and of Greenwich where its countries are, so
/// that a coordinate with the wrong sign is caught.
fn region_area(region: &str) -> (f64, f64, f64, f64) {
    match region {
        "western-europe" => (42.0, 56.0, -5.0, 17.0),
        "northern-europe" => (50.0, 72.0, -25.0, 32.0),
        "eastern-europe" => (44.0, 56.0, 12.0, 40.0),
        "northern-america" => (25.0, 70.0, -130.0, -60.0),
        "central-america" => (7.0, 33.0, -118.0, -77.0),
        "western-asia" => (12.0, 43.0, 26.0, 60.0),
        "southern-asia" => (0.0, 38.0, 60.0, 93.0),
        "eastern-asia" => (20.0, 55.0, 73.0, 146.0),
        "northern-africa" => (19.0, 38.0, -17.0, 35.0),
        "western-africa" => (4.0, 25.0, -18.0, 16.0),
        "eastern-africa" => (-27.0, 18.0, 28.0, 52.0),
        other => panic!("no area for region {other}"),
    }
}

#[test]
fn the_default_pack_has_the_location_of_every_capital_in_its_region() {
    let content = embedded();
    assert!(content.members.located());
    let mut located = 0;
    for member in &content.members.members {
        let location = member.location.unwrap();
        let (south, north, west, east) = region_area(&content.region_of(member).unwrap().id);
        assert!(
            (south..=north).contains(&location.latitude)
                && (west..=east).contains(&location.longitude),
            "{}: {location:?} is not in its region",
            member.id
        );
        let source = content.source(member.location_source.unwrap()).unwrap();
        assert_eq!(source.id, "geonames");
        assert_eq!(source.url.as_deref(), Some("https://www.geonames.org/"));
        located += 1;
    }
    assert_eq!(located, 22);
    let place = |code| {
        let location = content.members.members[member_index(&content, code)]
            .location
            .unwrap();
        (location.latitude, location.longitude)
    };
    assert_eq!(place("MD"), (47.01, 28.86), "Chişinău");
    assert_eq!(place("KE"), (-1.28, 36.82), "Nairobi, south of the equator");
    assert_eq!(
        place("US"),
        (38.90, -77.04),
        "Washington, west of Greenwich"
    );
}

#[test]
fn a_pack_without_locations_is_valid() {
    let content = common::fixture();
    assert!(!content.members.located());
    assert!(
        content
            .members
            .members
            .iter()
            .all(|m| m.location.is_none() && m.location_source.is_none())
    );
}

/// Asserts that the problems are these, in this order: (line, column, what it says).
#[track_caller]
fn assert_problems(error: &LoadError, file: &str, expected: &[(usize, usize, &str)]) {
    let found: Vec<(usize, usize, String)> = error
        .problems
        .iter()
        .map(|p| {
            assert!(p.file.ends_with(file), "{error}");
            let position = p.position.unwrap();
            (position.line, position.column, p.to_string())
        })
        .collect();
    assert_eq!(found.len(), expected.len(), "{error}");
    for ((line, column, shown), &(want_line, want_column, says)) in found.iter().zip(expected) {
        assert_eq!((*line, *column), (want_line, want_column), "{shown}");
        assert!(shown.contains(says), "{shown:?} does not say {says:?}");
    }
}

#[test]
fn an_impossible_location_is_an_error_that_names_the_member_and_the_range() {
    assert_problems(
        &load_bad("bad-location"),
        "members.ron",
        &[
            (
                14,
                31,
                "the longitude of member \"md\" must be a number from -180 to 180",
            ),
            (
                24,
                24,
                "the latitude of member \"cz\" must be a number from -90 to 90 (degrees north; south is negative), not NaN",
            ),
            (33, 24, "latitude of member \"nl\""),
        ],
    );
}

/// The fixture pack with its `members.ron` changed by `change`, loaded.
fn load_with_members(change: impl FnOnce(String) -> String) -> Result<Content, LoadError> {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(dir.path());
    let members = fs::read_to_string(dir.path().join("members.ron")).unwrap();
    fs::write(dir.path().join("members.ron"), change(members)).unwrap();
    load_dir(dir.path())
}

/// Gives every member of the fixture `location` and the `web` source for it.
fn every_member_at(members: String, location: &str) -> String {
    members
        .replace(
            "joined: 2014,\n",
            &format!("joined: 2014,\n            location: {location},\n"),
        )
        .replace(
            "joined: 2011,\n",
            &format!("joined: 2011,\n            location: {location},\n"),
        )
        .replace("\"),\n        ),", "\", location: \"web\"),\n        ),")
}

#[test]
fn an_infinite_location_is_an_error_and_a_whole_degree_is_a_location() {
    let error = load_with_members(|m| every_member_at(m, "(0.5, -inf)")).unwrap_err();
    assert_eq!(error.problems.len(), 3, "{error}");
    assert!(
        error.problems.iter().all(|p| p
            .to_string()
            .contains("-180 to 180 (degrees east; west is negative), not -inf")),
        "{error}"
    );
    let content = load_with_members(|m| every_member_at(m, "(-90, 180)")).unwrap();
    assert!(content.members.located());
    assert_eq!(
        content.members.members[0].location,
        Some(content::Location {
            latitude: -90.0,
            longitude: 180.0
        })
    );
}

#[test]
fn a_location_without_a_source_is_an_error() {
    assert_problem(
        &load_bad("location-without-source"),
        "members.ron",
        16,
        22,
        "the location of member \"md\" has no source",
    );
}

#[test]
fn a_location_source_not_in_the_pack_is_an_error() {
    assert_problem(
        &load_bad("unknown-location-source"),
        "members.ron",
        25,
        76,
        "no source with id \"nowhere\" (known: text, web)",
    );
}

#[test]
fn a_source_for_a_location_that_is_not_there_is_an_error() {
    let error = load_with_members(|m| {
        m.replacen("note: \"text\")", "note: \"text\", location: \"web\")", 1)
    })
    .unwrap_err();
    assert_problem(
        &error,
        "members.ron",
        15,
        91,
        "member \"md\" names a source for its location, but has no location",
    );
}

#[test]
fn when_some_members_have_a_location_each_one_without_is_an_error() {
    assert_problems(
        &load_bad("missing-location"),
        "members.ron",
        &[
            (
                18,
                9,
                "member \"cz\" has no location, while 1 other member has one",
            ),
            (
                26,
                9,
                "member \"nl\" has no location, while 1 other member has one",
            ),
        ],
    );
    let error = load_with_members(|m| {
        every_member_at(m, "(47.01, 28.86)")
            .replacen("            location: (47.01, 28.86),\n", "", 1)
            .replacen("note: \"text\", location: \"web\")", "note: \"text\")", 1)
    })
    .unwrap_err();
    assert_problem(
        &error,
        "members.ron",
        8,
        9,
        "member \"md\" has no location, while 2 other members have one",
    );
}
