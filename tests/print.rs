//! Plain output: `clsv print` and `clsv` without a terminal, in text and Markdown, at a
//! width, one pane or all, quiet on a closed pipe, and never an escape sequence from content;
//! the members' growth and regions as tables.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

mod common;

use std::io::Read;
use std::process::{Command, Output, Stdio};

use clsv::content::Content;
use clsv::content::load::load_files;
use clsv::i18n::UiLang;
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
            item: None,
            width,
            format,
            ascii: false,
        },
    )
}

/// The members part of `content` in the language `tag`.
fn members_part(content: &Content, tag: &str, format: Format, width: usize, ascii: bool) -> String {
    print::render(
        content,
        &Options {
            lang: content.lang(tag).unwrap(),
            pane: Some(Pane::Members),
            item: None,
            width,
            format,
            ascii,
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
            .any(|l| l.starts_with("* Republica Cehă (en: Czech Republic). Cod ISO CZ [5]")),
        "{text}"
    );
    // Numbered in the order of the pack, those the members cite alone.
    assert!(text.contains("[5] ISO 3166-1 alpha-2, codurile ţărilor"));
    assert!(!text.contains("Fact Sheet"), "{text}");
    assert!(
        text.contains("Membru din 2014 [3]; la 1 ianuarie 2014 [1] [2]."),
        "{text}"
    );
    // The sources with their dates and addresses; the joining years cite the Latvian page.
    assert!(
        text.contains("[1] Textul sursă: „Coaliţia privind Libertatea în Spaţiul Virtual”"),
        "{text}"
    );
    // (The address may wrap onto the next line.)
    assert!(
        text.contains("blogul de e-guvernare al Republicii Moldova, 2014-01"),
        "{text}"
    );
    assert!(
        text.contains(
            "<http://eguvernare.blogspot.com/2014/01/coalitia-privind-libertatea-in-spatiul.html>"
        ),
        "{text}"
    );
    assert!(
        text.contains("[3] Ministerul Afacerilor Externe al Letoniei"),
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
            item: None,
            width: 80,
            format: Format::Text,
            ascii: false,
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
        text.lines()
            .filter(|l| !is_address(l))
            .all(|l| clsv::text::width(l) <= 80),
        "80 columns without a terminal"
    );
}

/// A line that holds a web address alone: never broken, however long.
fn is_address(line: &str) -> bool {
    let line = line.trim();
    line.starts_with('<') && line.ends_with('>') && !line.contains(' ')
}

#[test]
fn a_web_address_is_printed_whole() {
    let content = embedded();
    for format in [Format::Text, Format::Markdown] {
        for width in [20, 40, 80] {
            let text = print::render(
                &content,
                &Options {
                    lang: content.default_language,
                    pane: None,
                    item: None,
                    width,
                    format,
                    ascii: false,
                },
            );
            // Every address printed is one of the pack's, whole.
            let urls: Vec<&str> = content
                .sources
                .iter()
                .filter_map(|s| s.url.as_deref())
                .collect();
            let printed: Vec<&str> = text
                .split('<')
                .skip(1)
                .filter_map(|rest| rest.split_once('>').map(|(url, _)| url))
                .collect();
            assert!(printed.len() >= 5, "{text}");
            for url in printed {
                assert!(urls.contains(&url), "{url:?} at {width}:\n{text}");
            }
        }
    }
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
    assert!(
        text.lines()
            .filter(|l| !is_address(l))
            .all(|l| clsv::text::width(l) <= 40),
        "{text}"
    );
    let columns = clsv(&["print"], &[("COLUMNS", "50")]);
    let text = String::from_utf8(columns.stdout).unwrap();
    assert!(
        text.lines()
            .filter(|l| !is_address(l))
            .all(|l| clsv::text::width(l) <= 50)
    );
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
    session.wait_for("MD   Moldova");
    session.send("G");
    session.wait_for("␛[31mRED");
    session.send("1");
    session.wait_for("Un fapt␛[31mRED");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    assert_no_command_from_content(&session.bytes);
}

/// The rows of the plain-text table whose header is `columns`, each as its words: the lines
/// after the header, up to the first empty one.
fn text_table<'a>(text: &'a str, columns: &[&str]) -> Vec<Vec<&'a str>> {
    table_lines(text, columns)
        .map(|line| line.split_whitespace().collect())
        .collect()
}

/// The lines of the plain-text table whose header is `columns`, after the header.
fn table_lines<'a>(text: &'a str, columns: &[&str]) -> impl Iterator<Item = &'a str> {
    let mut lines = text.lines();
    lines
        .find(|line| line.split_whitespace().eq(columns.iter().copied()))
        .unwrap_or_else(|| panic!("no table headed {columns:?} in\n{text}"));
    lines.take_while(|line| !line.is_empty())
}

/// The cells of a Markdown row, split at the pipes that are not escaped, trimmed.
fn markdown_cells(row: &str) -> Vec<String> {
    assert!(row.starts_with('|') && row.ends_with('|'), "{row:?}");
    let mut cells = vec![String::new()];
    let mut escaped = false;
    for c in row[1..row.len() - 1].chars() {
        match (c, escaped) {
            ('|', false) => cells.push(String::new()),
            _ => cells.last_mut().unwrap().push(c),
        }
        escaped = c == '\\' && !escaped;
    }
    cells.iter().map(|c| c.trim().to_string()).collect()
}

/// The Markdown table whose first header is `first`, checked to be one (a header, a separator
/// row of dashes with an alignment colon or none, every row with as many cells), as its
/// header's cells and its rows' cells.
fn markdown_table(text: &str, first: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut lines = text
        .lines()
        .skip_while(|line| markdown_cells_start(line) != Some(first));
    let header = markdown_cells(
        lines
            .next()
            .unwrap_or_else(|| panic!("no table {first:?}\n{text}")),
    );
    let separator = markdown_cells(lines.next().unwrap());
    assert_eq!(separator.len(), header.len());
    for cell in &separator {
        let dashes = cell.trim_start_matches(':').trim_end_matches(':');
        assert!(
            !dashes.is_empty() && dashes.chars().all(|c| c == '-'),
            "{separator:?}"
        );
    }
    let rows: Vec<Vec<String>> = lines
        .take_while(|line| line.starts_with('|'))
        .map(markdown_cells)
        .collect();
    for row in &rows {
        assert_eq!(row.len(), header.len(), "{row:?}");
    }
    (header, rows)
}

fn markdown_cells_start(line: &str) -> Option<&str> {
    line.strip_prefix('|')?.split('|').next().map(str::trim)
}

/// The bar of a row of the growth table: its last word, if it is made of `glyph`.
fn bar_of(row: &[&str], glyph: char) -> usize {
    match row.get(3) {
        Some(bar) => {
            assert!(bar.chars().all(|c| c == glyph), "{row:?}");
            bar.chars().count()
        }
        None => 0,
    }
}

#[test]
fn the_members_part_shows_the_growth_year_by_year_with_bars_in_proportion() {
    let content = embedded();
    let growth = content.members.growth();
    let columns = UiLang::Romanian.strings().growth_columns;
    let text = members_part(&content, "ro", Format::Text, 80, false);
    let rows = text_table(&text, &columns);
    let numbers: Vec<(u16, usize, usize)> = rows
        .iter()
        .map(|r| {
            (
                r[0].parse().unwrap(),
                r[1].parse().unwrap(),
                r[2].parse().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        numbers,
        [(2011, 15, 15), (2012, 4, 19), (2013, 2, 21), (2014, 1, 22)]
    );
    assert_eq!(
        numbers,
        growth
            .iter()
            .map(|g| (g.year, g.joined, g.total))
            .collect::<Vec<_>>()
    );
    // Wide enough for a cell a member.
    for (row, year) in rows.iter().zip(&growth) {
        assert_eq!(bar_of(row, '█'), year.joined, "{row:?}");
    }
    assert!(
        text.find(columns[0]) < text.find("* Austria"),
        "before the list"
    );

    // Narrower: the longest bar takes the room left, the others in proportion to it.
    let most = growth.iter().map(|g| g.joined).max().unwrap();
    assert_eq!(
        most, growth[0].joined,
        "the founders' year is the longest bar"
    );
    for width in [24, 30, 33] {
        let text = members_part(&content, "ro", Format::Text, width, false);
        let rows = text_table(&text, &columns);
        let bars: Vec<usize> = rows.iter().map(|r| bar_of(r, '█')).collect();
        let longest = table_lines(&text, &columns).map(clsv::text::width).max();
        assert_eq!(longest, Some(width), "{text}");
        for (bar, year) in bars.iter().zip(&growth) {
            let exact = year.joined as f64 * bars[0] as f64 / most as f64;
            // Rounded, but a year when some joined never loses its bar.
            let expected = (exact.round() as usize).max(1);
            assert_eq!(*bar, expected, "{width}: {bars:?}");
        }
    }
}

#[test]
fn a_year_when_none_joined_has_no_bar() {
    let text = members_part(&fixture(), "en", Format::Text, 80, false);
    let rows = text_table(&text, &["Year", "Joined", "Total"]);
    assert_eq!(
        rows,
        [
            vec!["2011", "2", "2", "██"],
            vec!["2012", "0", "2"],
            vec!["2013", "0", "2"],
            vec!["2014", "1", "3", "█"],
        ]
    );
}

#[test]
fn ascii_bars_are_hashes_and_the_tables_ascii_only() {
    let content = embedded();
    let text = members_part(&content, "en", Format::Text, 80, true);
    let rows = text_table(&text, &["Year", "Joined", "Total"]);
    for (row, year) in rows.iter().zip(content.members.growth()) {
        assert_eq!(bar_of(row, '#'), year.joined);
    }
    let regions = text_table(&text, &["Region", "Members", "Codes"]);
    for line in rows.iter().chain(&regions) {
        assert!(line.iter().all(|word| word.is_ascii()), "{line:?}");
    }
    let markdown = members_part(&content, "en", Format::Markdown, 80, true);
    let (_, rows) = markdown_table(&markdown, "Year");
    assert!(rows.iter().flatten().all(|cell| cell.is_ascii()));
    assert_eq!(rows[0][3], "#".repeat(15));
    // A long history's spans use a hyphen.
    let long = members_part(&long_history(120), "en", Format::Text, 80, true);
    let spans = text_table(&long, &["Year", "Joined", "Total"]);
    assert_eq!(spans[0][0], "1900-1904");
}

#[test]
fn print_draws_ascii_when_asked_or_when_the_terminal_cannot_show_more() {
    let utf8 = [
        ("TERM", "xterm"),
        ("LANG", "C.UTF-8"),
        ("LC_ALL", ""),
        ("LC_CTYPE", ""),
    ];
    let bars = |args: &[&str], env: &[(&str, &str)]| {
        let output = clsv(args, env);
        assert_eq!(output.status.code(), Some(0));
        let text = String::from_utf8(output.stdout).unwrap();
        (
            text.contains("  ███████████████\n"),
            text.contains("  ###############\n"),
        )
    };
    let members = ["print", "--tab", "members", "--width", "80"];
    assert_eq!(bars(&members, &utf8), (true, false));
    let ascii = ["print", "--tab", "members", "--width", "80", "--ascii"];
    assert_eq!(bars(&ascii, &utf8), (false, true));
    let c_locale = [
        ("TERM", "xterm"),
        ("LANG", "C"),
        ("LC_ALL", ""),
        ("LC_CTYPE", ""),
    ];
    assert_eq!(bars(&members, &c_locale), (false, true));
}

/// With `--ascii`, or a locale that is not UTF-8, `clsv print` writes only ASCII bytes: the
/// content transliterated, the interface's words too, in text and in Markdown. Otherwise the
/// diacritics stay.
#[test]
fn print_writes_only_ascii_with_ascii_or_a_locale_that_is_not_utf8() {
    let env = |lang: &'static str| {
        [
            ("TERM", "xterm"),
            ("LANG", lang),
            ("LC_ALL", ""),
            ("LC_CTYPE", ""),
        ]
    };
    for format in ["text", "markdown"] {
        let printed = |flags: &[&str], lang: &'static str| {
            let mut args = vec!["print", "--width", "80", "--format", format];
            args.extend_from_slice(flags);
            let output = clsv(&args, &env(lang));
            assert_eq!(output.status.code(), Some(0), "{args:?} LANG={lang}");
            output.stdout
        };
        for (flags, lang) in [(&["--ascii"][..], "C.UTF-8"), (&[], "C"), (&[], "POSIX")] {
            let bytes = printed(flags, lang);
            let text = String::from_utf8_lossy(&bytes);
            let odd: String = text.chars().filter(|c| !c.is_ascii()).collect();
            assert!(bytes.is_ascii(), "{format} {flags:?} LANG={lang}: {odd:?}");
            assert!(text.contains("Coalitia privind Libertatea in Spatiul Virtual"));
            assert!(text.contains("Declaratie"), "the interface's words too");
            assert!(text.contains("Republica Ceha"), "{text}");
        }
        let bytes = printed(&[], "C.UTF-8");
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.contains("Coaliţia privind Libertatea în Spaţiul Virtual"));
        assert!(text.contains("Republica Cehă"), "{text}");
        assert!(text.contains("„"), "the quotation marks stay");
    }
}

/// `clsv search` follows the same rule.
#[test]
fn search_writes_only_ascii_with_ascii() {
    let env = [("TERM", "xterm"), ("LANG", "C.UTF-8"), ("LC_ALL", "")];
    for query in ["ţări", "tari"] {
        let output = clsv(&["search", "--ascii", query], &env);
        assert_eq!(output.status.code(), Some(0), "{query}");
        assert!(output.stdout.is_ascii(), "{query}");
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(text.contains("Tarile care se alatura"), "{text}");
    }
    let output = clsv(&["search", "tari"], &env);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("Ţările care se alătură"), "{text}");
}

#[test]
fn the_tables_in_markdown_are_tables_with_the_interface_words() {
    let content = embedded();
    let growth = content.members.growth();
    for (tag, strings) in [
        ("ro", UiLang::Romanian.strings()),
        ("en", UiLang::English.strings()),
    ] {
        let text = members_part(&content, tag, Format::Markdown, 80, false);
        let (header, rows) = markdown_table(&text, strings.growth_columns[0]);
        assert_eq!(header[..3], strings.growth_columns);
        assert_eq!(rows.len(), growth.len());
        for (row, year) in rows.iter().zip(&growth) {
            assert_eq!(row[0], year.year.to_string());
            assert_eq!(row[1], year.joined.to_string());
            assert_eq!(row[2], year.total.to_string());
            assert_eq!(row[3].chars().count(), year.joined);
        }
        let (header, rows) = markdown_table(&text, strings.region_columns[0]);
        assert_eq!(header, strings.region_columns);
        let counts = content.members.per_region();
        assert_eq!(rows.len(), counts.iter().filter(|c| c.members > 0).count());
        let western = &content.members.regions[0];
        assert_eq!(rows[0][0], western.name.get(content.lang(tag).unwrap()));
        assert_eq!(rows[0][1], counts[0].members.to_string());
        assert_eq!(rows[0][2], "AT FR DE NL");
    }
}

/// The fixture pack with `changes` made to its members.ron, in a folder of its own.
fn fixture_with(changes: &[(&str, &str)]) -> (tempfile::TempDir, Content) {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(common::fixture_dir()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    let path = dir.path().join("members.ron");
    let mut members = std::fs::read_to_string(&path).unwrap();
    for (from, to) in changes {
        assert!(members.contains(from), "{from}");
        members = members.replace(from, to);
    }
    std::fs::write(&path, members).unwrap();
    let content = clsv::content::load_dir(dir.path()).unwrap();
    (dir, content)
}

#[test]
fn regions_are_counted_in_the_language_without_the_empty_ones() {
    let (_dir, content) = fixture_with(&[(
        "    regions: [\n",
        "    regions: [\n        Region(id: \"north\", name: {\"ro\": \"Nord\", \"en\": \"North\"}),\n",
    )]);
    assert_eq!(content.members.per_region()[0].members, 0, "north has none");
    let english = members_part(&content, "en", Format::Text, 80, false);
    assert_eq!(
        text_table(&english, &["Region", "Members", "Codes"]),
        [vec!["East", "2", "MD", "CZ"], vec!["West", "1", "NL"]]
    );
    assert!(!english.contains("North"));
    let romanian = members_part(&content, "ro", Format::Text, 80, false);
    assert_eq!(
        text_table(&romanian, &["Regiune", "Membri", "Coduri"]),
        [vec!["Est", "2", "MD", "CZ"], vec!["Vest", "1", "NL"]]
    );
    assert!(!romanian.contains("Nord"));
}

#[test]
fn a_region_name_cannot_break_a_markdown_table() {
    let (_dir, content) = fixture_with(&[("\"en\": \"West\"", "\"en\": \"West | x \\\\\"")]);
    let text = members_part(&content, "en", Format::Markdown, 80, false);
    let (_, rows) = markdown_table(&text, "Region");
    assert_eq!(rows[1], ["West \\| x \\\\", "1", "NL"]);
}

#[test]
fn the_tables_stay_within_a_narrow_width_and_keep_their_rows_whole() {
    let content = embedded();
    for format in [Format::Text, Format::Markdown] {
        for tag in ["ro", "en"] {
            for ascii in [false, true] {
                let text = members_part(&content, tag, format, 20, ascii);
                // Markdown's member table is never wrapped: it is a table to render.
                let list = UiLang::for_tag(tag).strings().member_list;
                let fitted = text.split(&format!("### {list}")).next().unwrap();
                for line in fitted
                    .lines()
                    .filter(|l| !l.starts_with("* ") && !l.starts_with("- ") && !is_address(l))
                {
                    assert!(clsv::text::width(line) <= 20, "{line:?}\n{text}");
                }
                for year in content.members.growth() {
                    let year_text = year.year.to_string();
                    let words: Vec<&str> = text
                        .lines()
                        .map(|line| {
                            line.split(|c: char| c == '|' || c.is_whitespace())
                                .filter(|w| !w.is_empty())
                                .collect::<Vec<&str>>()
                        })
                        .find(|words| words.first() == Some(&year_text.as_str()))
                        .unwrap_or_else(|| panic!("no row for {}\n{text}", year.year));
                    assert_eq!(
                        words[..3],
                        [
                            year.year.to_string(),
                            year.joined.to_string(),
                            year.total.to_string()
                        ]
                    );
                }
            }
        }
    }
    let output = clsv(&["print", "--width", "20"], &[("LANG", "C.UTF-8")]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("An    Aderări  Total\n2011       15     15\n"),
        "{text}"
    );
}

/// The default-like generated pack of `count` members, the n-th of them joining in 1900 + n.
fn long_history(count: usize) -> Content {
    let mut files = clsv::content::generate::pack_files(count);
    let members = files.iter_mut().find(|f| f.name == "members.ron").unwrap();
    let mut year = 1900;
    let mut text = String::new();
    for (i, part) in members.text.split("joined: ").enumerate() {
        if i > 0 {
            text.push_str("joined: ");
        }
        match part.find(|c: char| !c.is_ascii_digit()) {
            Some(4) if i > 0 => {
                text.push_str(&format!("{year}{}", &part[4..]));
                year += 1;
            }
            _ => text.push_str(part),
        }
    }
    assert_eq!(year, 1900 + count, "every member's year was changed");
    members.text = text;
    load_files(files).unwrap()
}

#[test]
fn a_long_history_is_printed_in_spans_of_years() {
    let content = long_history(120);
    assert_eq!(content.members.growth().len(), 120);
    let text = members_part(&content, "en", Format::Text, 80, false);
    let rows = text_table(&text, &["Year", "Joined", "Total"]);
    assert!(rows.len() <= 30, "{text}");
    assert_eq!(rows[0][..3], ["1900–1904", "5", "5"]);
    let mut total = 0;
    for row in &rows {
        let joined: usize = row[1].parse().unwrap();
        total += joined;
        assert_eq!(
            row[2].parse::<usize>().unwrap(),
            total,
            "the span's last total"
        );
    }
    assert_eq!(total, 120);
    let (_, markdown) = markdown_table(
        &members_part(&content, "en", Format::Markdown, 80, false),
        "Year",
    );
    assert_eq!(markdown.len(), rows.len());
}

#[test]
fn a_region_name_cannot_send_terminal_commands_through_the_tables() {
    let hostile = r"\u{1b}[31mRED\u{1b}]0;PWNED\u{7}\u{9b}6n\u{202e}evil";
    let (_dir, content) =
        fixture_with(&[("\"en\": \"West\"", &format!("\"en\": \"West\\n{hostile}\""))]);
    for format in [Format::Text, Format::Markdown] {
        let text = members_part(&content, "en", format, 80, false);
        let table = text
            .lines()
            .find(|l| l.contains("West") && !l.starts_with(['*', '-']))
            .unwrap();
        assert!(table.contains("West ␛[31mRED"), "on one line: {table:?}");
        assert!(!text.contains('\u{1b}') && !text.contains('\u{9b}'));
        assert!(!text.contains('\u{7}') && !text.contains('\u{202e}'));
    }
}

#[test]
fn markdown_renders_as_numbered_sources_a_member_table_and_headings() {
    use pulldown_cmark::{Event, HeadingLevel, Options as Markdown, Parser, Tag, TagEnd};
    let content = embedded();
    let text = printed(Format::Markdown, None, 80);
    let mut headings: Vec<(HeadingLevel, String)> = Vec::new();
    let mut heading: Option<(HeadingLevel, String)> = None;
    // The ordered lists: each its first number and items; the tables: each its body's rows.
    let mut ordered: Vec<(u64, usize)> = Vec::new();
    let mut depth = 0;
    let mut tables: Vec<usize> = Vec::new();
    let mut in_body = false;
    for event in Parser::new_ext(&text, Markdown::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::Text(words) | Event::Code(words) => {
                if let Some((_, title)) = heading.as_mut() {
                    title.push_str(&words);
                }
            }
            Event::End(TagEnd::Heading(_)) => headings.extend(heading.take()),
            Event::Start(Tag::List(Some(first))) => {
                depth += 1;
                ordered.push((first, 0));
            }
            Event::Start(Tag::List(None)) => depth += 1,
            Event::End(TagEnd::List(_)) => depth -= 1,
            Event::Start(Tag::Item) if depth == 1 => {
                if let Some((_, items)) = ordered.last_mut() {
                    *items += 1;
                }
            }
            Event::Start(Tag::Table(_)) => tables.push(0),
            Event::Start(Tag::TableHead) => in_body = false,
            Event::End(TagEnd::TableHead) => in_body = true,
            Event::Start(Tag::TableRow) if in_body => {
                if let Some(rows) = tables.last_mut() {
                    *rows += 1;
                }
            }
            _ => {}
        }
    }
    // The sources: one numbered list, from 1, an item a source the text cites.
    let cited: std::collections::BTreeSet<&str> = text
        .split('[')
        .skip(1)
        .filter_map(|rest| rest.split_once(']').map(|(n, _)| n))
        .filter(|n| n.parse::<usize>().is_ok())
        .collect();
    assert_eq!(ordered, [(1, cited.len())], "{text}");
    // The members' table: a row a member (after the growth and the regions).
    assert_eq!(
        tables.last(),
        Some(&content.members.members.len()),
        "{tables:?}"
    );
    // Each right and each area of action: a heading of its own.
    let ro = content.default_language;
    for item in content
        .declaration
        .items
        .iter()
        .chain(&content.actions.items)
    {
        let title = item.title.get(ro);
        assert!(
            headings.contains(&(HeadingLevel::H3, title.to_string())),
            "{title}: {headings:?}"
        );
    }
}
