//! Plain output: `clsv print` and `clsv` without a terminal, in text and Markdown, at a
//! width, one pane or all, quiet on a closed pipe, and never an escape sequence from content.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

mod common;

use std::io::Read;
use std::process::{Command, Output, Stdio};

use clsv::print::{self, Format, Options};
use clsv::vocabulary::Pane;
use common::{embedded, fixture};

fn clsv(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_clsv"));
    command.args(args).env_remove("COLUMNS");
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().unwrap()
}

fn printed(format: Format, pane: Option<Pane>, width: usize) -> String {
    let content = embedded();
    let lang = content.default_language;
    print::render(
        &content,
        &Options {
            lang,
            pane,
            width,
            format,
        },
    )
}

#[test]
fn text_marks_headings_with_numbers_and_underlines() {
    let text = printed(Format::Text, None, 80);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Coaliţia privind Libertatea în Spaţiul Virtual");
    assert_eq!(lines[1], "=".repeat(46));
    for heading in [
        "1. Prezentare",
        "1.1 Denumirea",
        "2. Membri (22)",
        "3. Declaraţie",
        "3.1 Principiul",
        "4. Acţiuni",
        "4.2 Suport pentru societatea civilă",
        "5. Surse",
    ] {
        assert!(lines.contains(&heading), "no heading {heading:?}");
    }
    let members = lines.iter().position(|l| *l == "2. Membri (22)").unwrap();
    assert_eq!(
        lines[members + 1],
        "-".repeat("2. Membri (22)".chars().count())
    );
}

#[test]
fn lists_are_lines_and_facts_cite_the_numbered_sources() {
    let text = printed(Format::Text, Some(Pane::Members), 200);
    let members: Vec<&str> = text.lines().filter(|l| l.starts_with("* ")).collect();
    assert_eq!(members.len(), 22);
    assert!(
        members
            .iter()
            .any(|l| l.starts_with("* Republica Cehă (en: Czech Republic). Cod ISO CZ [4]")),
        "{text}"
    );
    assert!(text.contains("[4] ISO 3166-1 alpha-2, codurile ţărilor"));
    assert!(
        text.contains("Membru din 2014 [1]; la 1 ianuarie 2014."),
        "{text}"
    );
}

#[test]
fn no_box_drawing_and_no_line_wider_than_the_width() {
    for width in [20, 40, 72, 100] {
        let text = printed(Format::Text, None, width);
        for line in text.lines() {
            let words = line.split_whitespace().count();
            assert!(
                clsv::text::width(line) <= width || words == 1,
                "{width}: {line:?}"
            );
        }
        assert!(!text.chars().any(|c| ('\u{2500}'..='\u{257f}').contains(&c)));
        assert!(!text.contains('\u{1b}'));
    }
}

#[test]
fn markdown_uses_markdown_headings_and_lists() {
    let text = printed(Format::Markdown, Some(Pane::Declaration), 80);
    assert!(text.starts_with("# Coaliţia privind Libertatea în Spaţiul Virtual\n"));
    assert!(text.contains("\n## Declaraţie\n"));
    assert!(text.contains("\n### Libertatea de exprimare\n"));
    assert!(text.contains("\n- Declaraţia fondatoare"));
    assert!(!text.contains("\n## Membri"), "only the pane asked for");
}

#[test]
fn print_follows_the_language() {
    let content = fixture();
    let en = content.lang("en").unwrap();
    let text = print::render(
        &content,
        &Options {
            lang: en,
            pane: None,
            width: 80,
            format: Format::Text,
        },
    );
    assert!(
        text.contains("2. Members (3)") && text.contains("Czech Republic"),
        "{text}"
    );
}

#[test]
fn clsv_prints_when_its_output_is_not_a_terminal() {
    let output = clsv(&[], &[("TERM", "xterm-256color")]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("Coaliţia privind Libertatea în Spaţiul Virtual\n===="));
    assert!(!text.contains('\u{1b}'));
    assert!(
        text.lines().all(|l| clsv::text::width(l) <= 80),
        "80 columns without a terminal"
    );
}

#[test]
fn the_print_command_takes_width_format_tab_and_lang() {
    let output = clsv(
        &[
            "print", "--width", "40", "--format", "markdown", "--tab", "actions", "--lang", "en",
        ],
        &[],
    );
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("# Freedom Online Coalition\n"), "{text}");
    assert!(text.contains("## Actions") && !text.contains("## Members"));
    assert!(text.lines().all(|l| clsv::text::width(l) <= 40), "{text}");
    let columns = clsv(&["print"], &[("COLUMNS", "50")]);
    let text = String::from_utf8(columns.stdout).unwrap();
    assert!(text.lines().all(|l| clsv::text::width(l) <= 50));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // A pack large enough that the output outgrows the pipe's buffer.
    let dir = tempfile::tempdir().unwrap();
    for file in clsv::content::generate::pack_files(3000) {
        std::fs::write(dir.path().join(file.name), file.text).unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_clsv"))
        .args(["print", "--content", dir.path().to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut errors = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut errors)
        .unwrap();
    assert_eq!(status.code(), Some(0), "{errors}");
    assert_eq!(errors, "");
}

/// A pack whose texts hold terminal commands: colours, a title change (OSC 0), a clipboard
/// write (OSC 52), cursor moves, a C1 CSI, a bell, bidirectional overrides.
fn hostile_pack() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(common::fixture_dir()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    let hostile = r"\u{1b}[31mRED\u{1b}]0;PWNED\u{7}\u{1b}]52;c;cGFzc3dk\u{7}\u{1b}[2J\u{1b}[H\u{9b}6n\u{202e}evil\u{7}";
    let path = dir.path().join("members.ron");
    let members = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        members.replace("\"Olanda\"", &format!("\"Olanda{hostile}\"")),
    )
    .unwrap();
    let path = dir.path().join("overview.ron");
    let overview = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        overview.replace("Un fapt adăugat.", &format!("Un fapt{hostile}")),
    )
    .unwrap();
    dir
}

/// Asserts that nothing of the hostile texts reached `bytes` as a command.
pub fn assert_no_command_from_content(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for command in [
        "\u{1b}[31mRED",
        "\u{1b}]0;PWNED",
        "\u{1b}]52;",
        "\u{9b}6n",
        "\u{202e}",
        "\u{7}",
    ] {
        assert!(!text.contains(command), "{command:?} reached the output");
    }
    assert!(
        text.contains("␛[31mRED"),
        "the escape is shown as a visible symbol"
    );
}

#[test]
fn printed_content_never_carries_terminal_commands() {
    let dir = hostile_pack();
    let output = clsv(&["print", "--content", dir.path().to_str().unwrap()], &[]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        !output.stdout.contains(&0x1b),
        "no ESC at all in printed output"
    );
    assert_no_command_from_content(&output.stdout);
    let search = clsv(
        &["search", "--content", dir.path().to_str().unwrap(), "pwned"],
        &[],
    );
    assert!(!search.stdout.contains(&0x1b));
    assert!(String::from_utf8_lossy(&search.stdout).contains("PWNED"));
}

#[test]
fn the_interface_never_sends_terminal_commands_from_content() {
    let dir = hostile_pack();
    let path = dir.path().to_str().unwrap();
    let mut session =
        common::pty::Session::start(&["--content", path, "--tab", "members"], 100, 30, &[]);
    session.wait_for("MD  Moldova");
    session.send("G");
    session.wait_for("␛[31mRED");
    session.send("1");
    session.wait_for("Un fapt␛[31mRED");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    assert_no_command_from_content(&session.bytes);
}
