//! The command line without the interface: `clsv search`, flags and their errors.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

mod common;

use std::process::{Command, Output};

fn clsv(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clsv"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn search_prints_one_hit_per_line_and_exits_zero() {
    let output = clsv(&["search", "sustinere"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    let lines: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert_eq!(lines[0][..3], ["declaration", "principle", "Principiul"]);
    assert!(lines[0][3].contains("susţinere"), "{text}");
    assert_eq!(lines[1][..2], ["actions", "civil-society-support"]);
}

#[test]
fn search_finds_names_in_any_language_and_follows_lang() {
    let text = stdout(&clsv(&["search", "Czech"]));
    assert!(
        text.starts_with("members\tcz\tRepublica Cehă\tCzech Republic"),
        "{text}"
    );
    let text = stdout(&clsv(&["--lang", "en", "search", "ceha"]));
    assert!(
        text.starts_with("members\tcz\tCzech Republic\tRepublica Cehă"),
        "{text}"
    );
}

#[test]
fn search_takes_several_words() {
    let text = stdout(&clsv(&["search", "libertatea", "exprimare"]));
    assert!(
        text.lines()
            .all(|l| l.to_lowercase().contains("exprimare") || l.contains("principle")),
        "{text}"
    );
    assert!(text.contains("declaration\texpression"), "{text}");
}

#[test]
fn search_takes_field_words() {
    let output = clsv(&["search", "region:africa"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    let lines: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    let ids: Vec<&str> = lines.iter().map(|l| l[1]).collect();
    assert_eq!(ids, ["gh", "ke", "tn"], "{text}");
    for line in &lines {
        assert_eq!(line[0], "members", "{text}");
        assert!(
            line[3].starts_with("Africa de "),
            "the region in context: {text}"
        );
    }
    // Several words, field words among them, as separate arguments or as one.
    for args in [
        &["--lang", "en", "search", "an:2012", "region:europe"][..],
        &["--lang", "en", "search", "AN:2012 Region:Europe"][..],
    ] {
        let text = stdout(&clsv(args));
        let ids: Vec<&str> = text
            .lines()
            .map(|l| l.split('\t').nth(1).unwrap())
            .collect();
        assert_eq!(ids, ["fi", "lv"], "{args:?}: {text}");
    }
    // Only the year: not the conference, the action or the notes that mention 2012.
    let text = stdout(&clsv(&["search", "year:2012"]));
    assert_eq!(text.lines().count(), 4, "{text}");
    assert!(text.lines().all(|l| l.starts_with("members\t")), "{text}");
    // An unknown field word is an ordinary word, found nowhere here.
    assert_eq!(clsv(&["search", "foo:bar"]).status.code(), Some(1));
}

#[test]
fn search_exits_one_when_nothing_matches() {
    let output = clsv(&["search", "zzzz"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
}

#[test]
fn search_reads_the_pack_given() {
    let dir = common::fixture_dir();
    let output = clsv(&["search", "--content", dir.to_str().unwrap(), "olanda"]);
    assert_eq!(stdout(&output), "members\tnl\tOlanda\tOlanda\n");
}

#[test]
fn a_missing_query_and_an_unknown_language_are_usage_errors() {
    assert_eq!(clsv(&["search"]).status.code(), Some(2));
    let output = clsv(&["--lang", "fr", "search", "x"]);
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8(output.stderr).unwrap();
    assert!(
        message.contains("no language \"fr\" (it has: ro, en)"),
        "{message}"
    );
}

#[test]
fn help_and_version_work() {
    let output = clsv(&["--help"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("--content <DIR>"));
    assert!(stdout(&clsv(&["--version"])).starts_with("clsv "));
}

#[test]
fn the_help_is_ascii_with_ascii_or_a_locale_that_is_not_utf8() {
    let help = |args: &[&str], lang: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_clsv"))
            .args(args)
            .env("TERM", "xterm")
            .env("LANG", lang)
            .env_remove("LC_ALL")
            .env_remove("LC_CTYPE")
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0));
        stdout(&output)
    };
    for (args, lang) in [(&["--ascii", "--help"][..], "C.UTF-8"), (&["--help"], "C")] {
        let text = help(args, lang);
        assert!(text.is_ascii(), "{text}");
        assert!(text.contains("(Coalitia privind Libertatea in Spatiul Virtual)"));
    }
    let text = help(&["--help"], "C.UTF-8");
    assert!(text.contains("(Coaliţia privind Libertatea în Spaţiul Virtual)"));
    for command in [
        "present", "print", "search", "serve", "doctor", "check", "init",
    ] {
        let text = help(&[command, "--help"], "C.UTF-8");
        assert!(text.is_ascii(), "{command}: {text}");
    }
}

#[test]
fn doctor_says_what_it_detected_and_why() {
    let output = Command::new(env!("CARGO_BIN_EXE_clsv"))
        .arg("doctor")
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_CTYPE")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.contains("colour:    no colour (NO_COLOR is set)"),
        "{text}"
    );
    assert!(
        text.contains("glyphs:    ASCII (LANG=C is not UTF-8)"),
        "{text}"
    );
    assert!(
        text.contains("dots:      ASCII (glyphs are ASCII: LANG=C is not UTF-8)"),
        "{text}"
    );
    assert!(
        text.contains("text:      transliterated to ASCII (LANG=C is not UTF-8)"),
        "{text}"
    );
    assert!(output.stdout.is_ascii(), "{text}");
    assert!(
        text.contains("output:    not a terminal; clsv shows plain text"),
        "{text}"
    );
    assert!(
        text.contains("\"foc-2014\", languages ro, en, 22 members"),
        "{text}"
    );
    let forced = clsv(&["doctor", "--color", "always", "--ascii"]);
    let text = stdout(&forced);
    assert!(text.contains("(--color always"), "{text}");
    assert!(text.contains("glyphs:    ASCII (--ascii)"), "{text}");
    assert!(
        text.contains("text:      transliterated to ASCII (--ascii)"),
        "{text}"
    );
    let console = Command::new(env!("CARGO_BIN_EXE_clsv"))
        .arg("doctor")
        .env("TERM", "linux")
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_CTYPE")
        .output()
        .unwrap();
    let text = stdout(&console);
    assert!(
        text.contains("text:      Unicode, as written (LANG=C.UTF-8)"),
        "{text}"
    );
    assert!(
        text.contains("dots:      half blocks (TERM=linux: its console font has no braille)"),
        "{text}"
    );
    assert!(
        text.contains("glyphs:    the Linux console's (square corners, light lines, no braille)"),
        "{text}"
    );
}

#[test]
fn doctor_still_reports_when_the_pack_is_broken() {
    let output = clsv(&["doctor", "--content", "/no/such/pack"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("the pack in /no/such/pack has problems"));
}

#[test]
fn completions_and_a_man_page_are_printed() {
    for (shell, expected) in [
        ("bash", "_clsv()"),
        ("zsh", "#compdef clsv"),
        ("fish", "complete -c clsv"),
    ] {
        let output = clsv(&["completions", shell]);
        assert_eq!(output.status.code(), Some(0));
        assert!(stdout(&output).contains(expected), "{shell}");
        assert!(
            stdout(&output).contains("present"),
            "{shell}: subcommands complete too"
        );
    }
    let man = stdout(&clsv(&["man"]));
    assert!(
        man.starts_with(".ie") || man.contains(".TH clsv 1"),
        "{}",
        &man[..200.min(man.len())]
    );
    assert!(man.contains(".SH \"EXIT STATUS\""));
    assert!(man.contains("128+n"));
}

#[test]
fn an_address_that_cannot_be_listened_on_is_a_failure_of_its_own() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = taken.local_addr().unwrap().to_string();
    let state = tempfile::tempdir().unwrap();
    let key = state.path().join("host_key");
    let key = key.to_str().unwrap();
    let output = clsv(&["serve", "--listen", &address, "--host-key", key]);
    let message = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(3), "{message}");
    assert!(
        message.contains(&format!("clsv serve: cannot listen on {address}: ")),
        "{message}"
    );
    // An address that is not one is a usage error, as every bad flag is.
    let output = clsv(&["serve", "--listen", "nowhere", "--host-key", key]);
    assert_eq!(output.status.code(), Some(2));
}

/// `clsv serve --present` takes the talk's duration, as `clsv present` does, and says so in
/// its help; without `--present` there is no talk to time.
#[test]
fn serve_takes_a_talk_s_duration_with_present_only() {
    let output = clsv(&["serve", "--help"]);
    let help = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(help.contains("--duration <TIME>"), "{help}");
    assert!(
        help.contains("countdown on every presenter's screen"),
        "{help}"
    );
    let output = clsv(&["serve", "--duration", "20m"]);
    assert_eq!(output.status.code(), Some(2));
    let keys = ["--present", "--presenter-keys", "keys"];
    let output = clsv(&["serve", keys[0], keys[1], keys[2], "--duration", "20x"]);
    let message = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(2), "{message}");
    assert!(message.contains("is not a duration"), "{message}");
}

#[cfg(target_os = "linux")]
#[test]
fn output_that_cannot_be_written_is_a_failure_of_its_own() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_clsv"))
        .arg("print")
        .stdout(full)
        .output()
        .unwrap();
    let message = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(3), "{message}");
    assert!(message.starts_with("clsv: "), "{message}");
}

#[test]
fn a_pack_with_problems_is_still_exit_code_two() {
    let output = clsv(&["print", "--content", "/no/such/pack"]);
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8(output.stderr).unwrap();
    assert!(
        message.contains("the content pack has 1 problem"),
        "{message}"
    );
}

#[test]
fn a_deep_link_prints_its_item_alone_or_names_the_closest_ids() {
    let text = stdout(&clsv(&["print", "members/md"]));
    assert!(text.contains("Moldova. Cod ISO MD"), "{text}");
    assert!(!text.contains("Austria"), "{text}");
    assert!(
        !text.contains("Creşterea"),
        "no tables for one member: {text}"
    );
    // Only the sources the item cites, numbered from 1 as the text cites them.
    assert!(text.contains("Membru din 2014 [3]"), "{text}");
    assert!(
        text.contains("[3] Ministerul Afacerilor Externe al Letoniei"),
        "{text}"
    );
    assert!(!text.contains("Fact Sheet"), "{text}");
    let text = stdout(&clsv(&["--lang", "en", "print", "declaration/privacy"]));
    assert!(text.contains("Protection of privacy"), "{text}");
    assert!(!text.contains("Freedom of expression"), "{text}");
    let text = stdout(&clsv(&[
        "print",
        "--format",
        "markdown",
        "actions/civil-society-support",
    ]));
    assert!(
        text.contains("### Suport pentru societatea civilă"),
        "{text}"
    );
    assert!(!text.contains("### Coordonare"), "{text}");
    // Without a terminal, `clsv LINK` prints the item too.
    let text = stdout(&clsv(&["overview/moldova"]));
    assert!(text.contains("Republica Moldova în Coaliţie"), "{text}");
    assert!(!text.contains("Platformă politică"), "{text}");
    // Before another command a link would be lost: it is refused.
    let output = clsv(&["members/md", "doctor"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("clsv print members/md"));
    for (link, closest) in [
        ("members/mdd", "members/md"),
        ("declaration/privcy", "declaration/privacy"),
        ("membres/md", "members/md"),
    ] {
        let output = clsv(&["print", link]);
        assert_eq!(output.status.code(), Some(2), "{link}");
        let error = String::from_utf8_lossy(&output.stderr);
        assert!(
            error.contains(&format!("did you mean {closest}")),
            "{error}"
        );
        let output = clsv(&[link]);
        assert_eq!(output.status.code(), Some(2), "{link}");
    }
}

#[test]
fn nothing_clsv_prints_points_at_a_file_an_installed_clsv_lacks() {
    let mut outputs = vec![clsv(&["--help"]), clsv(&["help"])];
    for command in [
        "present", "print", "search", "serve", "doctor", "check", "init", "help",
    ] {
        outputs.push(clsv(&[command, "--help"]));
    }
    for topic in ["content", "config", "json"] {
        let output = clsv(&["help", topic]);
        assert_eq!(output.status.code(), Some(0), "{topic}");
        assert!(stdout(&output).starts_with("# "), "{topic}");
    }
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("pack");
    outputs.push(clsv(&["init", pack.to_str().unwrap()]));
    outputs.push(clsv(&["--content", dir.path().to_str().unwrap()]));
    for output in outputs {
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(!said.contains("docs/"), "{said}");
    }
}
