//! Authoring packs: `clsv check` and its diagnostics (one golden rendering per kind of
//! problem), its exit codes, and `clsv init`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use clsv::content::load::{FILES, PackFile, Report, check_dir, check_files};
use clsv::diagnostic::{self, Style};

const PLAIN: Style = Style {
    color: false,
    ascii: false,
    width: 80,
};

/// The fixture pack with the files of `tests/fixtures/bad/<case>` over it, checked with
/// the files named as in the pack (so the rendering does not depend on where it ran).
fn check_case(case: &str) -> Report {
    let bad = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bad")
        .join(case);
    let files = FILES
        .iter()
        .map(|&name| {
            let overlay = bad.join(name);
            let path = if overlay.exists() {
                overlay
            } else {
                common::fixture_dir().join(name)
            };
            let bytes = fs::read(path).unwrap();
            PackFile {
                name,
                display: name.to_string(),
                text: String::from_utf8_lossy(&bytes).into_owned(),
            }
        })
        .collect();
    check_files(files)
}

#[test]
fn every_kind_of_problem_is_drawn_with_its_place() {
    let cases = [
        "syntax",
        "unknown-field",
        "duplicate-id",
        "empty-text",
        "missing-default",
        "undeclared-language",
        "unknown-source",
        "bad-code",
        "bad-default-language",
        "several-problems",
        "missing-translation",
        "duplicate-language",
        "bad-location",
        "location-without-source",
        "unknown-location-source",
        "missing-location",
        "uncited",
    ];
    for case in cases {
        let report = check_case(case);
        assert!(!report.problems.is_empty(), "{case}");
        insta::assert_snapshot!(format!("check_{case}"), diagnostic::render(&report, PLAIN));
    }
}

/// A pack folder with the fixture's files, changed by `change`, checked, and its rendering
/// with the folder's path replaced by `PACK`.
fn check_folder(change: impl FnOnce(&Path)) -> (Report, String) {
    let dir = tempfile::tempdir().unwrap();
    for name in FILES {
        fs::copy(common::fixture_dir().join(name), dir.path().join(name)).unwrap();
    }
    change(dir.path());
    let report = check_dir(dir.path());
    // Wide enough that no message wraps: the folder's path, replaced, has its own length.
    let wide = Style {
        width: 400,
        ..PLAIN
    };
    let shown = diagnostic::render(&report, wide).replace(dir.path().to_str().unwrap(), "PACK");
    (report, shown)
}

#[test]
fn files_that_cannot_be_read_as_text_are_drawn_too() {
    let (_, shown) = check_folder(|dir| {
        let mut bytes = fs::read(dir.join("declaration.ron")).unwrap();
        let at = bytes.windows(10).position(|w| w == b"Libertatea").unwrap();
        bytes.insert(at, 0xff);
        fs::write(dir.join("declaration.ron"), bytes).unwrap();
    });
    insta::assert_snapshot!("check_not_utf8", shown);
    let (_, shown) = check_folder(|dir| {
        fs::write(dir.join("members.ron"), b"Members(\0\x01\x02binary").unwrap();
    });
    insta::assert_snapshot!("check_binary", shown);
    let (_, shown) = check_folder(|dir| {
        fs::remove_file(dir.join("actions.ron")).unwrap();
        fs::remove_file(dir.join("overview.ron")).unwrap();
        fs::create_dir(dir.join("overview.ron")).unwrap();
    });
    insta::assert_snapshot!("check_missing_and_folder", shown);
}

#[test]
fn a_symbolic_link_loop_and_a_dangling_link_are_reported() {
    let (report, _) = check_folder(|dir| {
        fs::remove_file(dir.join("members.ron")).unwrap();
        std::os::unix::fs::symlink(dir.join("members.ron"), dir.join("members.ron")).unwrap();
        fs::remove_file(dir.join("actions.ron")).unwrap();
        std::os::unix::fs::symlink(dir.join("nowhere.ron"), dir.join("actions.ron")).unwrap();
    });
    let shown: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert!(
        shown.iter().any(
            |p| p.contains("members.ron: cannot read the file") && p.contains("symbolic links")
        ),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|p| p.contains("actions.ron: cannot read the file: a symbolic link to nothing")),
        "{shown:?}"
    );
}

#[test]
fn a_clean_pack_has_no_problems_and_a_missing_translation_only_a_warning() {
    let (report, shown) = check_folder(|_| {});
    assert!(report.problems.is_empty(), "{shown}");
    assert!(report.content.is_some());
    let report = check_case("missing-translation");
    assert_eq!(report.errors().count(), 0);
    assert_eq!(report.warnings().count(), 1);
    assert!(
        report.content.is_some(),
        "a warning does not keep the pack from loading"
    );
}

fn clsv(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clsv"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// A folder with the fixture pack and the overlay of a bad case.
fn folder_of_case(case: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in FILES {
        fs::copy(common::fixture_dir().join(name), dir.path().join(name)).unwrap();
    }
    let bad = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bad")
        .join(case);
    for entry in fs::read_dir(bad).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    dir
}

#[test]
fn check_exits_zero_when_clean_one_on_errors_and_on_warnings_only_when_strict() {
    let clean = clsv(&["check"]);
    assert_eq!(clean.status.code(), Some(0));
    assert!(stdout(&clean).contains("the built-in pack: no problems"));

    let bad = folder_of_case("several-problems");
    let output = clsv(&["check", bad.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains("members.ron:29:21: no region with id \"north\""),
        "{text}"
    );
    assert!(text.trim_end().ends_with(": 3 errors"), "{text}");

    let warned = folder_of_case("missing-translation");
    let path = warned.path().to_str().unwrap();
    let output = clsv(&["check", path]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("1 warning"));
    assert_eq!(clsv(&["check", "--strict", path]).status.code(), Some(1));
    // A fact or a note that cites no source is a warning: it fails only with --strict.
    let uncited = folder_of_case("uncited");
    let path = uncited.path().to_str().unwrap();
    let output = clsv(&["check", path]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.contains("this fact cites no source"), "{text}");
    assert!(text.contains("2 warnings"), "{text}");
    let strict = clsv(&["check", "--strict", path]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(stdout(&strict).contains("this fact cites no source"));
    // --content names the pack too.
    assert_eq!(
        clsv(&["--content", path, "check", "--strict"])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn a_broken_pack_keeps_the_browser_from_starting_with_the_same_diagnostics() {
    let bad = folder_of_case("unknown-field");
    let output = clsv(&["--content", bad.path().to_str().unwrap(), "print"]);
    assert_eq!(output.status.code(), Some(2));
    let errors = String::from_utf8(output.stderr).unwrap();
    assert!(
        errors.contains("actions.ron:11:13: Unexpected field named `titel`"),
        "{errors}"
    );
    assert!(
        errors.contains("titel: {"),
        "the offending line is shown: {errors}"
    );
    assert!(
        errors
            .trim_end()
            .ends_with("clsv: the content pack has 1 problem"),
        "{errors}"
    );
}

#[test]
fn init_writes_a_pack_that_checks_and_loads_and_never_overwrites_unasked() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("my-pack");
    let path = pack.to_str().unwrap();
    let output = clsv(&["init", path]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout(&output).contains(&format!("clsv check {path}")));
    for name in FILES {
        assert!(pack.join(name).is_file(), "{name}");
    }
    // Beside the pack, the guide to its format: what `clsv help content` prints.
    let guide = fs::read_to_string(pack.join("README.md")).unwrap();
    assert!(guide.starts_with("# Content packs"), "{guide}");
    assert_eq!(stdout(&clsv(&["help", "content"])), guide);
    assert!(stdout(&output).contains(&format!("{path}/README.md")));
    assert_eq!(clsv(&["check", "--strict", path]).status.code(), Some(0));
    let loaded = clsv(&["--content", path, "search", "Moldova"]);
    assert_eq!(loaded.status.code(), Some(0));

    fs::write(pack.join("members.ron"), "my own members").unwrap();
    let again = clsv(&["init", path]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        String::from_utf8(again.stderr)
            .unwrap()
            .contains("already holds a pack")
    );
    assert_eq!(
        fs::read_to_string(pack.join("members.ron")).unwrap(),
        "my own members"
    );
    assert_eq!(clsv(&["init", "--force", path]).status.code(), Some(0));
    assert_ne!(
        fs::read_to_string(pack.join("members.ron")).unwrap(),
        "my own members"
    );
}

#[test]
fn a_problem_with_a_long_value_marks_its_first_lines_only() {
    let (report, shown) = check_folder(|dir| {
        let overview = fs::read_to_string(dir.join("overview.ron")).unwrap();
        let comments: String = (1..=20).map(|n| format!("        // line {n}\n")).collect();
        // The first section's title loses its Romanian text, over twenty lines.
        let title = overview.find("title: {").unwrap() + "title: ".len();
        let end = title + overview[title..].find('}').unwrap() + 1;
        let long = format!("{{\n{comments}        \"en\": \"Title\"\n    }}");
        fs::write(
            dir.join("overview.ron"),
            format!("{}{long}{}", &overview[..title], &overview[end..]),
        )
        .unwrap();
    });
    assert_eq!(report.errors().count(), 1, "{shown}");
    assert!(shown.contains("has no \"ro\" version"), "{shown}");
    assert!(shown.contains("// line 4"), "{shown}");
    assert!(!shown.contains("// line 12"), "{shown}");
}

#[test]
fn ascii_diagnostics_without_colour_have_no_escape_sequences() {
    let report = check_case("several-problems");
    let ascii = Style {
        ascii: true,
        ..PLAIN
    };
    let shown = diagnostic::render(&report, ascii);
    assert!(shown.contains("here"), "{shown}");
    assert!(!shown.contains('│') && !shown.contains('╭'), "{shown}");
    assert!(!shown.contains('\x1b'), "{shown}");
    let coloured = diagnostic::render(
        &report,
        Style {
            color: true,
            ..ascii
        },
    );
    assert!(coloured.contains('\x1b'), "{coloured}");
}

/// The generated pack with its `members.ron` replaced by `members`.
fn with_members(members: &str) -> Vec<PackFile> {
    let mut files = clsv::content::generate::pack_files(0);
    files
        .iter_mut()
        .find(|f| f.name == "members.ron")
        .unwrap()
        .text = members.to_string();
    files
}

#[test]
fn a_long_member_list_loads_and_reports_as_a_short_one_does() {
    let count = 10_000;
    let files = clsv::content::generate::pack_files(count);
    let members = files
        .iter()
        .find(|f| f.name == "members.ron")
        .unwrap()
        .text
        .clone();
    let content = check_files(files).content.unwrap();
    let ids: Vec<String> = (0..count).map(|i| format!("m{i}")).collect();
    let loaded: Vec<&str> = content
        .members
        .members
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(loaded, ids, "every member, once, in order");

    // The regions after the members (the list is no longer the last field): the same pack.
    let start = members.find("    regions: [").unwrap();
    let end = members.find("    members: [").unwrap();
    let regions = &members[start..end];
    let moved =
        members
            .replacen(regions, "", 1)
            .replacen("    ],\n)", &format!("    ],\n{regions})"), 1);
    assert_ne!(moved, members);
    assert_eq!(
        check_files(with_members(&moved)).content.as_ref(),
        Some(&content)
    );

    // A syntax error near either end of the list is reported where it is, as the only error.
    for member in [100, count - 100] {
        let id = format!("Member(id: \"m{member}\", ");
        let broken = members.replacen(&id, &id.replace(", ", " "), 1);
        let report = check_files(with_members(&broken));
        let errors: Vec<_> = report.errors().collect();
        assert_eq!(errors.len(), 1, "{errors:?}");
        // Where the parser stopped: at `name`, which should have followed a comma.
        let wrong = id.replace(", ", " ");
        let (line, text) = broken
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains(&wrong))
            .unwrap();
        let column = text.find(&wrong).unwrap() + wrong.len() + 1;
        let position = errors[0].position.unwrap();
        assert_eq!(
            (position.line, position.column),
            (line + 1, column),
            "{}",
            errors[0]
        );
        assert!(matches!(
            errors[0].kind,
            clsv::content::ProblemKind::Syntax(_)
        ));
    }
}

#[test]
fn a_problem_far_along_a_very_long_line_is_shown_on_a_piece_of_it() {
    // miette cannot mark past its 65,535th column: the line is cut around the problem.
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in clsv::content::load::embedded_files() {
        fs::write(dir.path().join(name), text).unwrap();
    }
    let members = dir.path().join("members.ron");
    let text = fs::read_to_string(&members).unwrap();
    let long = format!("\"{}\"]]", "ă".repeat(65_540));
    fs::write(&members, text.replacen("\"Austria\"", &long, 1)).unwrap();
    let report = check_dir(dir.path());
    assert!(report.errors().next().is_some());
    let shown = diagnostic::render(&report, PLAIN);
    assert!(shown.contains("members.ron"), "{shown}");
    assert!(shown.contains('…'), "the line is shown cut: {shown}");
    assert!(
        shown.lines().all(|line| line.chars().count() < 1_000),
        "no line of the report is the whole long line"
    );
}

/// What ends each line of a file: by the line's index, from 0.
type LineEnding = fn(usize) -> &'static str;

/// The built-in pack in a folder, with `members.ron` changed by `change` and its lines ended
/// by `ending(line index)`; `clsv check`'s problems (`file:line:column: …`) and drawing, with
/// the folder's path replaced by `PACK`.
fn check_with_line_endings(
    change: impl Fn(&str) -> String,
    ending: LineEnding,
) -> (Vec<String>, String) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in clsv::content::load::embedded_files() {
        fs::write(dir.path().join(name), text).unwrap();
    }
    let members = dir.path().join("members.ron");
    let text = change(&fs::read_to_string(&members).unwrap());
    let ended: String = text
        .lines()
        .enumerate()
        .map(|(i, line)| format!("{line}{}", ending(i)))
        .collect();
    fs::write(&members, ended).unwrap();
    let report = check_dir(dir.path());
    let path = dir.path().to_str().unwrap();
    let problems = report
        .problems
        .iter()
        .map(|p| p.to_string().replace(path, "PACK"))
        .collect();
    (
        problems,
        diagnostic::render(&report, PLAIN).replace(path, "PACK"),
    )
}

#[test]
fn line_numbers_and_columns_are_right_for_any_line_ending() {
    // A value refused by validation, and a syntax error (a missing comma): both after the
    // file's opening `//` comments, which a lone `\r` must end as `\n` does.
    let bad_code = |text: &str| text.replacen("code: \"AT\"", "code: \"at\"", 1);
    let missing_comma = |text: &str| text.replacen("joined: 2012,", "joined: 2012", 1);
    let members = clsv::content::load::embedded_files()
        .find(|(name, _)| *name == "members.ron")
        .unwrap()
        .1;
    let place = |needle: &str, column_after: usize| {
        let (index, line) = members
            .lines()
            .enumerate()
            .find(|(_, line)| line.contains(needle))
            .unwrap();
        (index + 1, line.find(needle).unwrap() + column_after + 1)
    };
    let (code_line, code_column) = place("code: \"AT\"", "code: ".len());
    // The parser stops at the next line's first word, where the comma was wanted.
    let (note_line, _) = place("joined: 2012,", 0);
    let note_column = members
        .lines()
        .nth(note_line)
        .unwrap()
        .find(|c: char| !c.is_whitespace())
        .unwrap()
        + 1;
    let expected = [
        format!("PACK/members.ron:{code_line}:{code_column}: \"at\" is not an ISO 3166-1"),
        format!(
            "PACK/members.ron:{}:{note_column}: Expected comma",
            note_line + 1
        ),
    ];

    let endings: [(&str, LineEnding); 4] = [
        ("LF", |_| "\n"),
        ("CRLF", |_| "\r\n"),
        ("CR", |_| "\r"),
        ("mixed", |i| ["\n", "\r\n", "\r"][i % 3]),
    ];
    for (change, expected) in [
        (&bad_code as &dyn Fn(&str) -> String, &expected[0]),
        (&missing_comma, &expected[1]),
    ] {
        let (_, lf_drawing) = check_with_line_endings(change, |_| "\n");
        for (name, ending) in endings {
            let (problems, drawing) = check_with_line_endings(change, ending);
            assert_eq!(problems.len(), 1, "{name}: {problems:?}");
            assert!(
                problems[0].starts_with(expected.as_str()),
                "{name}: {} is not at {expected}",
                problems[0]
            );
            // The same lines shown, with the same numbers and the mark in the same place.
            assert_eq!(drawing, lf_drawing, "{name}");
        }
    }
}
