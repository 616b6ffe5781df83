//! JSON for programs: `clsv print --format json` and `clsv search --format json`, parsed and
//! checked against the content they come from; the shape of the document held per version.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

mod common;

use std::collections::BTreeSet;
use std::process::{Command, Output};

use clsv::print::json::FORMAT_VERSION;
use clsv::search::Query;
use common::embedded;
use serde_json::Value;

fn clsv(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clsv"))
        .args(args)
        .output()
        .unwrap()
}

/// The document `clsv ARGS` prints, parsed; the command must succeed.
fn json_of(args: &[&str]) -> Value {
    let output = clsv(args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect()
}

#[test]
fn the_pack_as_json_holds_what_the_content_holds() {
    let content = embedded();
    let ro = content.default_language;
    let doc = json_of(&["print", "--format", "json"]);
    assert_eq!(doc["format"], FORMAT_VERSION);
    assert_eq!(doc["id"], content.id.as_str());
    assert_eq!(doc["date"], "2014-04");
    assert_eq!(doc["language"], "ro");
    assert_eq!(strings(&doc["languages"]), ["ro", "en"]);
    assert_eq!(doc["title"], content.title.get(ro));
    let source_ids: BTreeSet<&str> = doc["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(source_ids.len(), content.sources.len());
    let members = doc["members"]["members"].as_array().unwrap();
    assert_eq!(members.len(), content.members.members.len());
    for (json, member) in members.iter().zip(&content.members.members) {
        assert_eq!(json["id"], member.id.as_str());
        assert_eq!(json["code"], member.code.as_str());
        assert_eq!(json["joined"], member.joined);
        assert_eq!(json["name"], member.name.get(ro));
        assert_eq!(
            json["names"]["en"],
            member.name.get(content.lang("en").unwrap())
        );
        let region = &content.members.regions[member.region];
        assert_eq!(json["region"]["id"], region.id.as_str());
        assert_eq!(json["region"]["name"], region.name.get(ro));
        let location = member.location.as_ref().unwrap();
        assert_eq!(json["location"]["latitude"], location.latitude);
        // Every field cites a source the document lists.
        let cited = &json["sources"];
        for field in ["code", "region", "joined", "location"] {
            let id = cited[field].as_str().unwrap();
            assert!(source_ids.contains(id), "{} {field}: {id}", member.id);
        }
        for id in strings(&cited["note"]) {
            assert!(source_ids.contains(id), "{} note: {id}", member.id);
        }
    }
    let declaration = doc["declaration"]["items"].as_array().unwrap();
    assert_eq!(declaration.len(), content.declaration.items.len());
    assert_eq!(declaration[0]["id"], "principle");
    assert_eq!(
        declaration[0]["body"],
        content.declaration.items[0].body.get(ro)
    );
    assert_eq!(
        doc["actions"]["items"].as_array().unwrap().len(),
        content.actions.items.len()
    );
    let sections = doc["overview"]["sections"].as_array().unwrap();
    assert_eq!(sections.len(), content.overview.sections.len());
    let conferences = doc["conferences"].as_array().unwrap();
    assert_eq!(conferences.len(), content.overview.timeline.len());
    assert_eq!(conferences[3]["place"], "Tallinn");
}

#[test]
fn every_language_at_once_or_one_pane() {
    let doc = json_of(&["print", "--format", "json", "--lang", "all"]);
    assert_eq!(doc["language"], "all");
    assert_eq!(doc["title"]["en"], "Freedom Online Coalition");
    assert!(doc["declaration"]["items"][1]["title"]["ro"].is_string());
    let english = json_of(&["--lang", "en", "print", "--format", "json"]);
    assert_eq!(english["title"], "Freedom Online Coalition");
    let members = json_of(&["print", "--format", "json", "--tab", "members"]);
    assert!(members.get("members").is_some());
    for pane in ["overview", "conferences", "declaration", "actions"] {
        assert!(
            members.get(pane).is_none(),
            "{pane} printed with --tab members"
        );
    }
    // Text has one language at a time.
    let output = clsv(&["print", "--lang", "all"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--format json"));
}

#[test]
fn a_pack_of_ten_thousand_members_comes_out_whole() {
    let dir = tempfile::tempdir().unwrap();
    for file in clsv::content::generate::pack_files(10_000) {
        std::fs::write(dir.path().join(file.name), file.text).unwrap();
    }
    let path = dir.path().to_str().unwrap();
    let doc = json_of(&["--content", path, "print", "--format", "json"]);
    let members = doc["members"]["members"].as_array().unwrap();
    assert_eq!(members.len(), 10_000);
    let content = clsv::content::load_dir(dir.path()).unwrap();
    let last = content.members.members.last().unwrap();
    assert_eq!(members[9_999]["id"], last.id.as_str());
    assert_eq!(
        members[9_999]["name"],
        last.name.get(content.default_language)
    );
}

/// Every path of object keys in `value` (arrays as `[]`), such as `members.members[].code`.
fn shape(value: &Value, path: &str, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let path = match path {
                    "" => key.clone(),
                    _ => format!("{path}.{key}"),
                };
                out.insert(path.clone());
                // A member's names are keyed by the pack's languages, not by the format.
                if key != "names" {
                    shape(inner, &path, out);
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                shape(item, &format!("{path}[]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_shape_of_the_json_changes_only_with_its_version() {
    // A field renamed, added or removed changes this snapshot, which is named by the version:
    // keeping the version means keeping the snapshot. Change the shape with the version
    // (`FORMAT_VERSION`) and docs/JSON.md.
    let doc = json_of(&["print", "--format", "json"]);
    let mut paths = BTreeSet::new();
    shape(&doc, "", &mut paths);
    let hit = serde_json::from_slice::<Value>(
        clsv(&["search", "--format", "json", "moldova"])
            .stdout
            .split(|&b| b == b'\n')
            .next()
            .unwrap(),
    )
    .unwrap();
    shape(&hit, "search", &mut paths);
    let listed: Vec<String> = paths.into_iter().collect();
    insta::assert_snapshot!(format!("json_shape_v{FORMAT_VERSION}"), listed.join("\n"));
}

#[test]
fn search_results_as_json_lines_point_at_each_match() {
    let output = clsv(&["search", "--format", "json", "libertatea", "exprimare"]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    let query = Query::new("libertatea exprimare");
    let mut lines = 0;
    for line in text.lines() {
        lines += 1;
        let hit: Value = serde_json::from_str(line).unwrap();
        assert_eq!(hit["format"], FORMAT_VERSION);
        let field = hit["text"].as_str().unwrap();
        let matches = hit["matches"].as_array().unwrap();
        assert!(!matches.is_empty(), "{line}");
        for found in matches {
            let bytes = &found["bytes"];
            let start = bytes["start"].as_u64().unwrap() as usize;
            let end = bytes["end"].as_u64().unwrap() as usize;
            let matched = &field[start..end];
            // What the range covers matches the query by itself.
            assert!(
                !query.matches_in(matched).is_empty(),
                "{matched:?} in {line}"
            );
            let chars = &found["chars"];
            let char_start = chars["start"].as_u64().unwrap() as usize;
            let char_end = chars["end"].as_u64().unwrap() as usize;
            let by_chars: String = field
                .chars()
                .skip(char_start)
                .take(char_end - char_start)
                .collect();
            assert_eq!(by_chars, matched);
        }
    }
    assert!(lines >= 2, "{text}");
    // Nothing found: no line, exit 1.
    let output = clsv(&["search", "--format", "json", "zzzzqqq"]);
    assert_eq!((output.status.code(), output.stdout.len()), (Some(1), 0));
}

#[test]
fn search_keeps_to_the_tab_asked_for() {
    let output = clsv(&["search", "--tab", "members", "a"]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(!text.is_empty());
    assert!(text.lines().all(|l| l.starts_with("members\t")), "{text}");
    let output = clsv(&[
        "search",
        "--format",
        "json",
        "--tab",
        "declaration",
        "libertatea",
    ]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(!text.is_empty());
    for line in text.lines() {
        let hit: Value = serde_json::from_str(line).unwrap();
        assert_eq!(hit["pane"], "declaration");
    }
}

#[test]
fn search_into_a_pipe_gives_the_whole_text_unless_a_width_is_asked_for() {
    let content = embedded();
    let body = content.declaration.items[0]
        .body
        .get(content.default_language);
    let output = clsv(&["search", "--tab", "declaration", "imixtiuni"]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains(body), "{text}");
    assert!(!text.contains('…'), "{text}");
    let output = clsv(&[
        "search",
        "--width",
        "60",
        "--tab",
        "declaration",
        "imixtiuni",
    ]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains('…'), "{text}");
    for line in text.lines() {
        let context = line.rsplit('\t').next().unwrap();
        assert!(
            unicode_width::UnicodeWidthStr::width(context) <= 60,
            "{line}"
        );
    }
}

#[test]
fn a_width_too_narrow_is_an_error_that_names_it() {
    for args in [
        &["search", "--width", "10", "a"][..],
        &["print", "--width", "0"],
        &["print", "--width", "19"],
    ] {
        let output = clsv(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let error = String::from_utf8_lossy(&output.stderr);
        assert!(error.contains(&format!("--width {}", args[2])), "{error}");
        assert!(error.contains("20"), "{error}");
    }
    assert_eq!(clsv(&["print", "--width", "20"]).status.code(), Some(0));
}

#[test]
fn in_ascii_the_json_escapes_what_is_beyond_ascii_and_holds_the_same_data() {
    for args in [
        &["print", "--format", "json"][..],
        &["search", "--format", "json", "ţări"],
    ] {
        let plain = clsv(args);
        let ascii = Command::new(env!("CARGO_BIN_EXE_clsv"))
            .args(args)
            .env("LANG", "C")
            .output()
            .unwrap();
        assert_eq!(ascii.status.code(), Some(0), "{args:?}");
        assert!(ascii.stdout.is_ascii(), "{args:?}");
        assert!(!plain.stdout.is_ascii(), "{args:?}");
        let parse = |bytes: &[u8]| -> Vec<Value> {
            serde_json::Deserializer::from_slice(bytes)
                .into_iter::<Value>()
                .map(Result::unwrap)
                .collect()
        };
        assert_eq!(parse(&ascii.stdout), parse(&plain.stdout), "{args:?}");
    }
}
